"""Patch Manager's view of one node: per-patch ComplianceItem lines and summaries that agree.

PatchSummary counts equal the number of Patch items in each state, ComplianceSummary counts equal
the items per compliance and severity, and Status is NON_COMPLIANT exactly when an item is.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta

from fleet_assets.sample import clock
from fleet_assets.sample.packages import package_catalog
from fleet_assets.sample.plan import NodePlan
from fleet_assets.sample.tags import patch_group
from glue_jobs.normalize import SEVERITIES

COMPLIANT_STATES = ("Installed", "InstalledOther")
NON_COMPLIANT_STATES = ("InstalledPendingReboot", "InstalledRejected", "Missing", "Failed")
_WINDOWS_VENDOR = {
    "CRITICAL": "Critical",
    "HIGH": "Important",
    "MEDIUM": "Moderate",
    "LOW": "Low",
    "UNSPECIFIED": "Unspecified",
    "INFORMATIONAL": "Unspecified",
}
_LINUX_VENDOR = {
    "CRITICAL": "Critical",
    "HIGH": "Important",
    "MEDIUM": "Medium",
    "LOW": "Low",
    "UNSPECIFIED": "",
    "INFORMATIONAL": "",
}
_SECURITY_CLASSES = ("SecurityUpdates", "Security")


@dataclass
class PatchScan:
    """The last scan of one node: its items plus the two summaries computed from them."""

    items: list[dict[str, str]]
    compliance_summary: dict[str, str]
    patch_summary: dict[str, str]
    execution_time: datetime
    missing_critical: int
    status: str


def _uuid(rng: random.Random) -> str:
    h = f"{rng.getrandbits(128):032x}"
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def baseline_id(account: str, platform_type: str) -> str:
    return f"pb-{random.Random(f'baseline:{account}:{platform_type}').getrandbits(68):017x}"


def _state_plan(rng: random.Random, profile: str) -> list[tuple[str, str]]:
    """(PatchState, Severity) for every patch the scan reports, before spelling variants."""
    plan = [("Installed", rng.choice(SEVERITIES[:4])) for _ in range(rng.randint(8, 30))]
    plan += [("InstalledOther", "UNSPECIFIED") for _ in range(rng.randint(2, 15))]
    if profile == "compliant":
        return plan
    lesser = SEVERITIES[1:]
    plan += [("Missing", rng.choice(lesser)) for _ in range(rng.randint(1, 5))]
    if rng.random() < 0.3:
        plan.append(("InstalledPendingReboot", rng.choice(lesser)))
    if rng.random() < 0.1:
        plan.append(("Failed", rng.choice(lesser)))
    if rng.random() < 0.05:
        plan.append(("InstalledRejected", "LOW"))
    if profile == "critical":
        plan += [("Missing", "CRITICAL") for _ in range(rng.randint(1, 4))]
    return plan


def _identity(rng: random.Random, node: NodePlan, index: int) -> tuple[str, str, str]:
    """(Id, Title, Classification) for one patch on this platform."""
    if node.distro.platform_type == "Windows":
        kb = f"KB5{index:02d}{rng.randint(1000, 9999)}"
        title = (
            f"2023-{rng.randint(1, 12):02d} Cumulative Update for "
            f"{node.distro.platform_name.removeprefix('Microsoft ')} for x64-based Systems "
            f"({kb})"
        )
        return kb, title, rng.choice(("SecurityUpdates", "CriticalUpdates", "UpdateRollups"))
    package = package_catalog(node.distro)[index % len(package_catalog(node.distro))]
    arch = package["Architecture"]
    title = (
        f"{package['Name']}.{arch}:{package.get('Epoch') or '0'}:{package['Version']}"
        f"-{package.get('Release', '1')}"
    )
    return f"{package['Name']}.{arch}", title, rng.choice(("Security", "Bugfix", "Enhancement"))


def _item(
    rng: random.Random,
    node: NodePlan,
    index: int,
    state: str,
    severity: str,
    context: dict[str, str],
    scan_end: datetime,
) -> dict[str, str]:
    item_id, title, classification = _identity(rng, node, index)
    compliant = state in COMPLIANT_STATES
    vendor = _WINDOWS_VENDOR if node.distro.platform_type == "Windows" else _LINUX_VENDOR
    installed = ""
    if state in ("Installed", "InstalledOther", "InstalledPendingReboot", "InstalledRejected"):
        installed = clock.iso_z(scan_end - timedelta(seconds=rng.randint(3600, 200 * clock.DAY)))
    if state == "InstalledOther":
        title, classification, patch_severity = "", "", ""
    else:
        patch_severity = vendor[severity]
    spelled = node.installed_other_spelling if state == "InstalledOther" else state
    return {
        **context,
        "Id": item_id,
        "Title": title,
        "Status": "COMPLIANT" if compliant else "NON_COMPLIANT",
        "Severity": severity,
        "Classification": classification,
        "PatchSeverity": patch_severity,
        "PatchState": spelled,
        "InstalledTime": installed,
    }


def _severity_counts(items: list[dict[str, str]]) -> dict[str, str]:
    counts = {}
    for status, prefix in (("COMPLIANT", "Compliant"), ("NON_COMPLIANT", "NonCompliant")):
        for severity in SEVERITIES:
            n = sum(1 for i in items if i["Status"] == status and i["Severity"] == severity)
            counts[f"{prefix}{severity.capitalize()}Count"] = str(n)
    return counts


def _overall(items: list[dict[str, str]]) -> str:
    failing = {i["Severity"] for i in items if i["Status"] == "NON_COMPLIANT"}
    return next((s for s in SEVERITIES if s in failing), "UNSPECIFIED")


def _patch_summary(
    rng: random.Random,
    node: NodePlan,
    states: list[tuple[str, str]],
    items: list[dict[str, str]],
    scan_end: datetime,
    context: dict[str, str],
) -> dict[str, str]:
    def count(state: str) -> str:
        return str(sum(1 for s, _ in states if s == state))

    summary = {
        "PatchGroup": context["PatchGroup"],
        "BaselineId": context["PatchBaselineId"],
        "SnapshotId": _uuid(rng),
        "OwnerInformation": "",
        "InstalledCount": count("Installed"),
        "InstalledOtherCount": count("InstalledOther"),
        "InstalledPendingRebootCount": count("InstalledPendingReboot"),
        "InstalledRejectedCount": count("InstalledRejected"),
        "NotApplicableCount": "0",
        "UnreportedNotApplicableCount": str(rng.randint(0, 40)),
        "MissingCount": count("Missing"),
        "FailedCount": count("Failed"),
        "OperationType": rng.choice(("Scan", "Scan", "Scan", "Install")),
        "OperationStartTime": clock.iso_z(scan_end - timedelta(seconds=rng.randint(60, 900))),
        "OperationEndTime": clock.iso_z(scan_end),
        "RebootOption": rng.choice(("RebootIfNeeded", "NoReboot")),
    }
    if node.agent_version.startswith("3."):
        failing = [i for i in items if i["Status"] == "NON_COMPLIANT"]
        critical = sum(1 for i in failing if i["Severity"] == "CRITICAL")
        security = sum(1 for i in failing if i["Classification"] in _SECURITY_CLASSES)
        summary["CriticalNonCompliantCount"] = str(critical)
        summary["SecurityNonCompliantCount"] = str(security)
        summary["OtherNonCompliantCount"] = str(len(failing) - security)
        summary["LastNoRebootInstallOperationTime"] = ""
    if "patch_end_offset" in node.untidy:
        summary["OperationEndTime"] = clock.iso_utc_offset(scan_end)
    return summary


def patch_scan(rng: random.Random, node: NodePlan, scan_end: datetime) -> PatchScan:
    context = {
        "ComplianceType": "Patch",
        "ExecutionId": _uuid(rng),
        "ExecutionType": "Command",
        "ExecutionTime": clock.iso_z(scan_end),
        "PatchBaselineId": baseline_id(node.account, node.distro.platform_type),
        "PatchGroup": patch_group(node.tags),
    }
    if "execution_time_fraction" in node.untidy:
        context["ExecutionTime"] = clock.iso_fraction(scan_end)
    states = _state_plan(rng, node.patch_profile)
    rng.shuffle(states)
    items = [
        _item(rng, node, i, state, severity, context, scan_end)
        for i, (state, severity) in enumerate(states)
    ]

    status = "NON_COMPLIANT" if any(i["Status"] == "NON_COMPLIANT" for i in items) else "COMPLIANT"
    compliance_summary = {
        "ComplianceType": "Patch",
        "Status": status,
        "OverallSeverity": _overall(items),
        "PatchGroup": context["PatchGroup"],
        "PatchBaselineId": context["PatchBaselineId"],
        "ExecutionId": context["ExecutionId"],
        "ExecutionType": "Command",
        "ExecutionTime": context["ExecutionTime"],
        **_severity_counts(items),
    }
    missing_critical = sum(
        1 for i in items if i["Status"] == "NON_COMPLIANT" and i["Severity"] == "CRITICAL"
    )
    return PatchScan(
        items,
        compliance_summary,
        _patch_summary(rng, node, states, items, scan_end, context),
        scan_end,
        missing_critical,
        status,
    )


def association_items(
    rng: random.Random, execution_time: datetime
) -> tuple[list[dict[str, str]], dict[str, str]]:
    """State Manager association results and their summary line."""
    documents = (("AWS-GatherSoftwareInventory", "1"), ("AWS-UpdateSSMAgent", "1"))
    items = [
        {
            "ComplianceType": "Association",
            "ExecutionId": _uuid(rng),
            "ExecutionTime": clock.iso_z(execution_time),
            "Id": _uuid(rng),
            "Title": "",
            "Status": "COMPLIANT" if rng.random() < 0.9 else "NON_COMPLIANT",
            "Severity": "UNSPECIFIED",
            "DocumentName": name,
            "DocumentVersion": version,
        }
        for name, version in documents[: rng.randint(1, 2)]
    ]
    status = "NON_COMPLIANT" if any(i["Status"] == "NON_COMPLIANT" for i in items) else "COMPLIANT"
    summary = {
        "ComplianceType": "Association",
        "Status": status,
        "OverallSeverity": "UNSPECIFIED",
        "ExecutionId": items[0]["ExecutionId"],
        "ExecutionTime": items[0]["ExecutionTime"],
        **_severity_counts(items),
    }
    return items, summary
