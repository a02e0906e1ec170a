"""A small raw sync tree with every kind of bad input, written the way Resource Data Sync does.

Six instances in two accounts and regions, plus two orphans:
- web-1  (A, us-east-1) Linux, Active, prod; CPU facts with a number and an unparseable value;
  Java in several spellings beside decoys; Patch summary and items in several state spellings.
- win-2  (A, us-east-1) Windows, Active, `environment` tag only; Patch items but no summary.
- old-3  (A, us-east-1) Stopped, last report five days ago, no patch data, no applications.
- gone-4 (B, eu-west-1) Terminated, lower-case platform; summary and PatchSummary, no items.
- quiet-5 (B, eu-west-1) no InstanceStatus (live), last report three days ago (stale), two
  InstanceInformation lines (the older one is superseded).
- mac-6  (B, eu-west-1) captureTime unparseable and nothing else reported.
- orphans: i-0bbb...7 (Application and Tag, no InstanceInformation); i-0aaa...8 (its
  InstanceInformation object is empty).
"""

from __future__ import annotations

import json
import os

AS_OF = "2026-12-03T06:00:00+00:00"
ACCOUNT_A, REGION_A = "111111111111", "us-east-1"
ACCOUNT_B, REGION_B = "222222222222", "eu-west-1"
WEB_1 = "i-0aaa0000000000001"
WIN_2 = "i-0aaa0000000000002"
OLD_3 = "i-0aaa0000000000003"
GONE_4 = "i-0bbb0000000000004"
QUIET_5 = "i-0bbb0000000000005"
MAC_6 = "i-0bbb0000000000006"
ORPHAN_7 = "i-0bbb0000000000007"
EMPTY_8 = "i-0aaa0000000000008"

RECENT = "2026-12-03T04:00:00Z"


def object_key(type_name: str, account: str, region: str, instance: str) -> str:
    return (
        f"{type_name}/accountid={account}/region={region}/"
        f"resourcetype=ManagedInstanceInventory/{instance}.json"
    )


def line(instance: str, capture: str, **attributes: object) -> str:
    return json.dumps(
        {**attributes, "resourceId": instance, "captureTime": capture, "schemaVersion": "1.0"}
    )


def info(instance: str, capture: str, **attributes: object) -> str:
    return line(instance, capture, AgentType="amazon-ssm-agent", InstanceId=instance, **attributes)


def item(instance: str, state: str, status: str, severity: str, **attributes: object) -> str:
    defaults = {
        "ComplianceType": "Patch",
        "ExecutionId": "exec-1",
        "ExecutionType": "Command",
        "ExecutionTime": "2026-12-03T02:55:00Z",
        "Id": f"KB-{state}",
        "Status": status,
        "Severity": severity,
        "PatchState": state,
        "PatchBaselineId": "pb-0000000000000000a",
        "PatchGroup": "web",
    }
    return line(instance, "2026-12-03T03:00:00Z", **{**defaults, **attributes})


def summary_counts(**counts: str) -> dict[str, str]:
    names = [
        f"{kind}{severity}Count"
        for kind in ("Compliant", "NonCompliant")
        for severity in ("Critical", "High", "Medium", "Low", "Informational", "Unspecified")
    ]
    return {name: counts.get(name, "0") for name in names}


def raw_objects() -> dict[str, bytes]:
    """Key -> bytes of every object in the tree."""
    a, b = (ACCOUNT_A, REGION_A), (ACCOUNT_B, REGION_B)
    objects: dict[str, str | bytes] = {}

    def put(
        type_name: str,
        where: tuple[str, str],
        instance: str,
        *lines: str,
        sep: str = "\n",
        trailing: bool = True,
    ) -> None:
        text = sep.join(lines) + (sep if trailing else "")
        objects[object_key(type_name, *where, instance)] = text

    # web-1: body keys differing by case, body ResourceType, CRLF, blank lines, truncated line.
    put(
        "AWS:InstanceInformation",
        a,
        WEB_1,
        json.dumps(
            {
                "ipaddress": "10.0.0.99",
                "IpAddress": "10.0.0.1",
                "ComputerName": "web-1.internal",
                "PlatformType": "Linux",
                "PlatformName": "Amazon Linux",
                "PlatformVersion": "2023",
                "AgentVersion": "3.3.40.0",
                "AgentType": "amazon-ssm-agent",
                "ResourceType": "EC2Instance",
                "InstanceStatus": "Active",
                "AccountId": "999999999999",
                "resourceId": WEB_1,
                "captureTime": "2026-12-03T05:00:00Z",
                "schemaVersion": "1.0",
            }
        ),
        sep="\r\n",
    )
    put(
        "AWS:InstanceDetailedInformation",
        a,
        WEB_1,
        line(
            WEB_1,
            "2026-12-03T05:30:00.5Z",
            CPUModel="Intel Xeon",
            CPUs=2,
            CPUCores="1",
            CPUSockets="1",
            CPUSpeedMHz="fast",
            CPUHyperThreadEnabled="true",
            KernelVersion="6.1.0",
            OSServicePack="",
        ),
    )
    put(
        "AWS:Tag",
        a,
        WEB_1,
        line(WEB_1, RECENT, Key="Environment", Value=" Production "),
        line(WEB_1, RECENT, Key="environment", Value="dev"),
        line(WEB_1, RECENT, Key="Name", Value="web-1"),
        line(WEB_1, RECENT, Key="name", Value="lower"),
        '["not", "an", "object"]',
        '"just a string"',
        line(WIN_2, RECENT, Key="Owner", Value="someone else"),
    )
    apps = [
        ("java-17-amazon-corretto", "17.0.9+8.1"),
        ("java-1.8.0-openjdk", "1.8.0.392.b08"),
        ("graalvm-ce-java17", "22.3.1"),
        ("openjdk-17-jre-headless", "17.0.9+9-1"),
        ("temurin-21-jdk", "21.0.1.0.0+12"),
        ("zulu-11", "11.0.21"),
        ("java-latest-openjdk", "21.0.1.0.12-1.rolling.el9"),
        ("javascript-common", "11+nmu1"),
        ("java-common", "0.75"),
        ("tzdata-java", "2024a"),
        ("libjna-java", "5.13.0-2"),
        ("nodejs", "18.19.0"),
        ("python3", "3.9.16"),
    ]
    app_lines = [
        line(
            WEB_1,
            "2026-12-03T04:30:00Z",
            Name=name,
            Version=version,
            Publisher="vendor",
            Architecture="x86_64",
            InstalledTime="2026-01-10T10:00:00-0700",
        )
        for name, version in apps
    ]
    put(
        "AWS:Application",
        a,
        WEB_1,
        app_lines[0],
        "",
        "   ",
        *app_lines[1:],
        '{"Name": "broken", "Version": "1',
        sep="\r\n",
        trailing=False,
    )
    put(
        "AWS:ComplianceSummary",
        a,
        WEB_1,
        line(
            WEB_1,
            "2026-12-03T03:00:00Z",
            ComplianceType="Patch",
            Status="NON_COMPLIANT",
            OverallSeverity="critical",
            PatchBaselineId="pb-0000000000000000a",
            PatchGroup="web",
            ExecutionId="exec-1",
            ExecutionType="Command",
            ExecutionTime="2026-12-03T02:55:00Z",
            **summary_counts(
                CompliantHighCount="3", NonCompliantCriticalCount="2", NonCompliantMediumCount="1"
            ),
        ),
        line(
            WEB_1,
            "2026-12-03T03:00:00Z",
            ComplianceType="Association",
            Status="COMPLIANT",
            OverallSeverity="UNSPECIFIED",
            **summary_counts(),
        ),
    )
    put(
        "AWS:ComplianceItem",
        a,
        WEB_1,
        item(WEB_1, "Installed", "COMPLIANT", "HIGH"),
        item(WEB_1, "InstalledOther", "COMPLIANT", "HIGH"),
        item(WEB_1, "Installed Other", "COMPLIANT", "HIGH"),
        item(WEB_1, "INSTALLED_PENDING_REBOOT", "NON_COMPLIANT", "MEDIUM"),
        item(WEB_1, "installed-rejected", "NON_COMPLIANT", "LOW"),
        item(WEB_1, "Missing", "NON_COMPLIANT", "CRITICAL"),
        item(WEB_1, "Failed", "NON_COMPLIANT", "critical"),
        item(WEB_1, "NotApplicable", "COMPLIANT", "UNSPECIFIED"),
        item(WEB_1, "AvailableSecurityUpdate", "COMPLIANT", "LOW"),
        item(WEB_1, "Superseded", "COMPLIANT", "LOW"),
        line(
            WEB_1,
            RECENT,
            ComplianceType="Association",
            Id="assoc-1",
            Status="NON_COMPLIANT",
            Severity="CRITICAL",
            DocumentName="AWS-GatherSoftwareInventory",
        ),
    )
    put(
        "AWS:PatchSummary",
        a,
        WEB_1,
        line(
            WEB_1,
            "2026-12-03T03:00:00Z",
            BaselineId="pb-0000000000000000a",
            PatchGroup="web",
            OperationType="Scan",
            OperationStartTime="2026-12-03T02:50:00Z",
            OperationEndTime="2026-12-03T09:58:00+07:00",
            InstalledCount="1",
            MissingCount=1,
        ),
    )

    # win-2: items only (no summary), a pretty-printed object, other ISO shapes.
    put(
        "AWS:InstanceInformation",
        a,
        WIN_2,
        info(
            WIN_2,
            "2026-12-02 20:00:00",
            ComputerName="EC2AMAZ-WIN2",
            IpAddress="10.0.0.2",
            PlatformType="Windows",
            PlatformName="Microsoft Windows Server 2022 Datacenter",
            PlatformVersion="10.0.20348",
            AgentVersion="3.2.1705.0",
            ResourceType="EC2Instance",
            InstanceStatus="active",
        ),
    )
    put("AWS:Tag", a, WIN_2, line(WIN_2, RECENT, Key="environment", Value="Stage"))
    put(
        "AWS:Application",
        a,
        WIN_2,
        *[
            line(
                WIN_2,
                "2026-12-02T21:00:00Z",
                Name=name,
                Version=version,
                Publisher=publisher,
                InstalledTime=installed,
            )
            for name, version, publisher, installed in (
                ("Java 8 Update 391", "8.0.3910.13", "Oracle Corporation", "2024-01-15"),
                (
                    "Java(TM) SE Development Kit 17.0.2 (64-bit)",
                    "17.0.2.0",
                    "Oracle Corporation",
                    "20240115",
                ),
                (
                    "Eclipse Temurin JDK with Hotspot 21.0.1+12 (x64)",
                    "21.0.1.12",
                    "Eclipse Adoptium",
                    "",
                ),
                (
                    "Microsoft Build of OpenJDK with Hotspot 17.0.9+8 (x64)",
                    "17.0.9.8",
                    "Microsoft",
                    "2024-02-01T00:00:00.123456789Z",
                ),
                ("Notepad++ (64-bit x64)", "8.6.2", "Notepad++ Team", "2024-03-01T00:00:00+05:30"),
            )
        ],
    )
    put(
        "AWS:ComplianceItem",
        a,
        WIN_2,
        item(WIN_2, "Installed", "COMPLIANT", "CRITICAL", ExecutionTime="2026-12-02T19:00:00Z"),
        item(
            WIN_2,
            "NotApplicable",
            "COMPLIANT",
            "UNSPECIFIED",
            ExecutionTime="2026-12-02T19:30:00.25+01:00",
        ),
        "{",
        '  "ComplianceType": "Patch",',
        '  "Status": "NON_COMPLIANT"',
        "}",
        line(WIN_2, RECENT, ComplianceType="Association", Status="NON_COMPLIANT", Severity="HIGH"),
    )

    # old-3: stopped, silent five days, nothing but its facts.
    put(
        "AWS:InstanceInformation",
        a,
        OLD_3,
        info(
            OLD_3,
            "2026-11-28T06:00:00Z",
            ComputerName="old-3",
            IpAddress="10.0.0.3",
            PlatformType="Linux",
            PlatformName="Ubuntu",
            PlatformVersion="22.04",
            AgentVersion="3.1.0.0",
            ResourceType="EC2Instance",
            InstanceStatus="Stopped",
        ),
    )

    # gone-4: terminated; summary and PatchSummary but no items.
    put(
        "AWS:InstanceInformation",
        b,
        GONE_4,
        info(
            GONE_4,
            "2026-12-01T06:00:00Z",
            ComputerName="gone-4",
            PlatformType="linux",
            InstanceStatus="Terminated",
            ResourceType="EC2Instance",
        ),
    )
    put(
        "AWS:ComplianceSummary",
        b,
        GONE_4,
        line(
            GONE_4,
            "2026-12-01T05:00:00Z",
            ComplianceType="patch",
            Status="COMPLIANT",
            OverallSeverity="UNSPECIFIED",
            ExecutionTime="2026-12-01T04:00:00Z",
            PatchBaselineId="pb-summary",
            **summary_counts(CompliantUnspecifiedCount="397", NonCompliantCriticalCount="many"),
        ),
    )
    put(
        "AWS:PatchSummary",
        b,
        GONE_4,
        line(
            GONE_4,
            "2026-12-01T05:00:00Z",
            BaselineId="",
            PatchGroup="batch",
            OperationType="Install",
            OperationEndTime="not a time",
            InstalledCount="120",
            InstalledOtherCount="7",
            InstalledPendingRebootCount="0",
            InstalledRejectedCount="0",
            MissingCount="0",
            FailedCount="0",
            NotApplicableCount="2063",
        ),
    )
    put("AWS:Tag", b, GONE_4, line(GONE_4, RECENT, Key="Environment", Value="QA"))

    # quiet-5: no InstanceStatus, stale, a superseded second entry.
    put(
        "AWS:InstanceInformation",
        b,
        QUIET_5,
        info(
            QUIET_5,
            "2026-11-30T06:00:00Z",
            ComputerName="quiet-5",
            PlatformType="Linux",
            PlatformName="Amazon Linux",
            ResourceType="ManagedInstance",
        ),
        info(QUIET_5, "2026-11-29T06:00:00Z", ComputerName="quiet-5-old", PlatformType="Linux"),
    )
    put(
        "AWS:ComplianceSummary",
        b,
        QUIET_5,
        line(
            QUIET_5,
            "2026-11-30T05:00:00Z",
            ComplianceType="Patch",
            Status="COMPLIANT",
            OverallSeverity="UNSPECIFIED",
            ExecutionTime="2026-11-30T04:00:00Z",
            **summary_counts(),
        ),
    )

    # mac-6: an unparseable captureTime and nothing else.
    put(
        "AWS:InstanceInformation",
        b,
        MAC_6,
        info(
            MAC_6,
            "yesterday",
            ComputerName="mac-6",
            PlatformType="macOS",
            PlatformName="macOS",
            InstanceStatus="Active",
            ResourceType="ManagedInstance",
        ),
    )

    # Orphans: data without InstanceInformation, and an empty InstanceInformation object.
    put(
        "AWS:Application",
        b,
        ORPHAN_7,
        line(ORPHAN_7, RECENT, Name="java-11-openjdk", Version="11.0.21"),
    )
    put("AWS:Tag", b, ORPHAN_7, line(ORPHAN_7, RECENT, Key="Environment", Value="prod"))
    objects[object_key("AWS:InstanceInformation", *a, EMPTY_8)] = b""
    put("AWS:Tag", a, EMPTY_8, line(EMPTY_8, RECENT, Key="Environment", Value="prod"))

    # Objects that are not read: outside the layout, unknown, and not curated.
    objects[f"AWS:InstanceInformation/accountid={ACCOUNT_A}/test.json"] = '{"probe": "yes"}\n'
    put("AWS:MadeUpType", a, WEB_1, line(WEB_1, RECENT, Foo="bar"))
    put("Custom:RackInfo", a, WEB_1, line(WEB_1, RECENT, rackLocation="B/C/D"))
    put("AWS:Network", a, WEB_1, line(WEB_1, RECENT, Name="eth0", IPV4="10.0.0.1"))
    empty_network = object_key("AWS:Network", *b, GONE_4)
    objects[empty_network] = b""

    return {
        key: value if isinstance(value, bytes) else value.encode() for key, value in objects.items()
    }


def write_tree(root: str) -> None:
    for key, data in raw_objects().items():
        path = os.path.join(root, *key.split("/"))
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as handle:
            handle.write(data)
