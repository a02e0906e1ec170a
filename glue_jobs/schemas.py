"""The SSM inventory types the curated tables read, declared once per type as data.

Each attribute is listed by its canonical SSM spelling (PascalCase, as the agent writes it) with the
kind of value it carries. Body keys are folded case-insensitively onto these names; anything else on
a line goes to the record's `extra` map.
"""

from __future__ import annotations

from dataclasses import dataclass

ENVELOPE_ATTRIBUTES = ("resourceId", "captureTime", "schemaVersion")

INSTANCE_INFORMATION = "AWS:InstanceInformation"
TAG = "AWS:Tag"
INSTANCE_DETAILED_INFORMATION = "AWS:InstanceDetailedInformation"
APPLICATION = "AWS:Application"
COMPLIANCE_ITEM = "AWS:ComplianceItem"
COMPLIANCE_SUMMARY = "AWS:ComplianceSummary"
PATCH_SUMMARY = "AWS:PatchSummary"

# Types the sync writes that no curated table reads: counted, never parsed.
OTHER_AWS_TYPES = frozenset(
    {
        "AWS:AWSComponent",
        "AWS:Network",
        "AWS:WindowsUpdate",
        "AWS:Service",
        "AWS:WindowsRole",
        "AWS:WindowsRegistry",
        "AWS:File",
        "AWS:BillingInfo",
        "AWS:ResourceGroup",
        "AWS:PatchCompliance",
    }
)
CUSTOM_TYPE_PREFIX = "Custom:"

STRING = "string"
INT = "int"
BOOL = "bool"
TIMESTAMP = "timestamp"


@dataclass(frozen=True)
class TypeSchema:
    """One SSM inventory type: attributes (canonical name -> kind), and entries per node."""

    type_name: str
    attributes: dict[str, str]
    single_entry: bool = False
    # Single-entry-per-value types (ComplianceSummary: one line per ComplianceType) dedupe on this.
    entry_key: str | None = None

    def canonical_names(self) -> dict[str, str]:
        """Lower-cased name -> canonical spelling, envelope included."""
        names = {name.lower(): name for name in self.attributes}
        names.update({name.lower(): name for name in ENVELOPE_ATTRIBUTES})
        return names


_COUNT_SEVERITIES = ("Critical", "High", "Medium", "Low", "Informational", "Unspecified")

CURATED_TYPES: dict[str, TypeSchema] = {
    schema.type_name: schema
    for schema in (
        TypeSchema(
            INSTANCE_INFORMATION,
            {
                "AgentType": STRING,
                "AgentVersion": STRING,
                "AgentStatus": STRING,
                "ComputerName": STRING,
                "InstanceId": STRING,
                "IpAddress": STRING,
                "PlatformName": STRING,
                "PlatformType": STRING,
                "PlatformVersion": STRING,
                "ResourceType": STRING,
                "InstanceStatus": STRING,
            },
            single_entry=True,
        ),
        TypeSchema(TAG, {"Key": STRING, "Value": STRING}),
        TypeSchema(
            INSTANCE_DETAILED_INFORMATION,
            {
                "CPUModel": STRING,
                "CPUs": INT,
                "CPUSpeedMHz": INT,
                "CPUSockets": INT,
                "CPUCores": INT,
                "CPUHyperThreadEnabled": BOOL,
                "OSServicePack": STRING,
                "KernelVersion": STRING,
            },
            single_entry=True,
        ),
        TypeSchema(
            APPLICATION,
            {
                "Name": STRING,
                "Version": STRING,
                "Publisher": STRING,
                "Architecture": STRING,
                "ApplicationType": STRING,
                "PackageId": STRING,
                "Release": STRING,
                "Epoch": STRING,
                "URL": STRING,
                "Summary": STRING,
                "InstalledTime": TIMESTAMP,
            },
        ),
        TypeSchema(
            COMPLIANCE_ITEM,
            {
                "ComplianceType": STRING,
                "ExecutionId": STRING,
                "ExecutionType": STRING,
                "ExecutionTime": TIMESTAMP,
                "Id": STRING,
                "Title": STRING,
                "Status": STRING,
                "Severity": STRING,
                "Classification": STRING,
                "PatchSeverity": STRING,
                "PatchState": STRING,
                "PatchBaselineId": STRING,
                "PatchGroup": STRING,
                "InstalledTime": TIMESTAMP,
                "DocumentName": STRING,
                "DocumentVersion": STRING,
                "InstallOverrideList": STRING,
                "DetailedText": STRING,
                "DetailedLink": STRING,
                "CVEIds": STRING,
            },
        ),
        TypeSchema(
            COMPLIANCE_SUMMARY,
            {
                "ComplianceType": STRING,
                "Status": STRING,
                "OverallSeverity": STRING,
                "PatchGroup": STRING,
                "PatchBaselineId": STRING,
                "ExecutionId": STRING,
                "ExecutionType": STRING,
                "ExecutionTime": TIMESTAMP,
                **{f"Compliant{severity}Count": INT for severity in _COUNT_SEVERITIES},
                **{f"NonCompliant{severity}Count": INT for severity in _COUNT_SEVERITIES},
            },
            entry_key="ComplianceType",
        ),
        TypeSchema(
            PATCH_SUMMARY,
            {
                "PatchGroup": STRING,
                "BaselineId": STRING,
                "SnapshotId": STRING,
                "OwnerInformation": STRING,
                "InstalledCount": INT,
                "InstalledOtherCount": INT,
                "InstalledPendingRebootCount": INT,
                "InstalledRejectedCount": INT,
                "NotApplicableCount": INT,
                "UnreportedNotApplicableCount": INT,
                "MissingCount": INT,
                "FailedCount": INT,
                "AvailableSecurityUpdateCount": INT,
                "CriticalNonCompliantCount": INT,
                "SecurityNonCompliantCount": INT,
                "OtherNonCompliantCount": INT,
                "OperationType": STRING,
                "OperationStartTime": TIMESTAMP,
                "OperationEndTime": TIMESTAMP,
                "RebootOption": STRING,
                "LastNoRebootInstallOperationTime": TIMESTAMP,
                "InstallOverrideList": STRING,
                "ExecutionId": STRING,
                "NonCompliantSeverity": STRING,
            },
            single_entry=True,
        ),
    )
}


def classify_type(type_name: str) -> str:
    """'curated', 'type_not_curated' (a known AWS type or any Custom: type) or 'unknown_type'."""
    if type_name in CURATED_TYPES:
        return "curated"
    if type_name in OTHER_AWS_TYPES or type_name.startswith(CUSTOM_TYPE_PREFIX):
        return "type_not_curated"
    return "unknown_type"
