"""The lines of the small inventory types, one function per SSM type, values always strings."""

from __future__ import annotations

import random

from fleet_assets.sample import platforms
from fleet_assets.sample.plan import NodePlan

_COMPONENTS = {
    "Linux": (
        ("amazon-ssm-agent", "Amazon.com"),
        ("aws-cfn-bootstrap", "Amazon.com"),
        ("amazon-cloudwatch-agent", "Amazon.com"),
        ("ec2-instance-connect", "Amazon.com"),
    ),
    "Windows": (
        ("Amazon SSM Agent", "Amazon Web Services"),
        ("AWS PV Drivers", "Amazon Web Services"),
        ("AWS NVMe Driver", "Amazon Web Services"),
        ("Amazon Elastic Network Adapter", "Amazon Web Services"),
        ("AWS Tools for Windows", "Amazon Web Services Developer Relations"),
    ),
    "MacOS": (("amazon-ssm-agent", "Amazon.com"), ("ec2-macos-init", "Amazon.com")),
}
_SERVICES = (
    ("AJRouter", "AllJoyn Router Service", "Win32ShareProcess", "Stopped", "Manual"),
    ("AmazonSSMAgent", "Amazon SSM Agent", "Win32OwnProcess", "Running", "Automatic"),
    ("AmazonCloudWatchAgent", "Amazon CloudWatch Agent", "Win32OwnProcess", "Running", "Automatic"),
    ("Appinfo", "Application Information", "Win32ShareProcess", "Running", "Manual"),
    ("BFE", "Base Filtering Engine", "Win32ShareProcess", "Running", "Automatic"),
    ("CryptSvc", "Cryptographic Services", "Win32ShareProcess", "Running", "Automatic"),
    ("Dhcp", "DHCP Client", "Win32ShareProcess", "Running", "Automatic"),
    ("Dnscache", "DNS Client", "Win32ShareProcess", "Running", "Automatic"),
    ("EventLog", "Windows Event Log", "Win32ShareProcess", "Running", "Automatic"),
    ("LanmanServer", "Server", "Win32ShareProcess", "Running", "Automatic"),
    ("LanmanWorkstation", "Workstation", "Win32ShareProcess", "Running", "Automatic"),
    ("mpssvc", "Windows Defender Firewall", "Win32ShareProcess", "Running", "Automatic"),
    ("RpcSs", "Remote Procedure Call (RPC)", "Win32ShareProcess", "Running", "Automatic"),
    ("Schedule", "Task Scheduler", "Win32ShareProcess", "Running", "Automatic"),
    ("Spooler", "Print Spooler", "Win32OwnProcess", "Stopped", "Disabled"),
    ("TermService", "Remote Desktop Services", "Win32ShareProcess", "Running", "Manual"),
    ("TrustedInstaller", "Windows Modules Installer", "Win32OwnProcess", "Stopped", "Manual"),
    ("W32Time", "Windows Time", "Win32ShareProcess", "Running", "Manual"),
    (
        "WinRM",
        "Windows Remote Management (WS-Management)",
        "Win32ShareProcess",
        "Running",
        "Automatic",
    ),
    ("wuauserv", "Windows Update", "Win32ShareProcess", "Stopped", "Manual"),
    ("W3SVC", "World Wide Web Publishing Service", "Win32ShareProcess", "Running", "Automatic"),
    ("MSSQLSERVER", "SQL Server (MSSQLSERVER)", "Win32OwnProcess", "Running", "Automatic"),
    ("SplunkForwarder", "SplunkForwarder Service", "Win32OwnProcess", "Running", "Automatic"),
    (
        "CSFalconService",
        "CrowdStrike Falcon Sensor Service",
        "Win32OwnProcess",
        "Running",
        "Automatic",
    ),
)


def ip_address(rng: random.Random, node: NodePlan) -> str:
    if node.hybrid:
        return f"192.168.{rng.randint(0, 40)}.{rng.randint(2, 250)}"
    return f"10.{rng.randint(0, 63)}.{rng.randint(0, 255)}.{rng.randint(4, 250)}"


def computer_name(rng: random.Random, node: NodePlan, ip: str) -> str:
    if node.distro.platform_type == "Windows":
        return "EC2AMAZ-" + "".join(
            rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789") for _ in range(7)
        )
    if node.hybrid:
        return (
            f"dc{rng.randint(1, 3)}-{rng.choice(('app', 'db', 'build'))}-{rng.randint(1, 99):02d}"
        )
    suffix = "ec2.internal" if node.region == "us-east-1" else f"{node.region}.compute.internal"
    return f"ip-{ip.replace('.', '-')}.{suffix}"


def instance_information(rng: random.Random, node: NodePlan) -> dict[str, str]:
    if node.shrunk:
        return {"InstanceId": node.instance_id, "InstanceStatus": "Terminated"}
    ip = ip_address(rng, node)
    line = {
        "AgentType": "amazon-ssm-agent",
        "AgentVersion": node.agent_version,
        "ComputerName": computer_name(rng, node, ip),
        "InstanceId": node.instance_id,
        "IpAddress": ip,
        "PlatformName": node.distro.platform_name,
        "PlatformType": node.distro.platform_type,
        "PlatformVersion": node.distro.platform_version,
        "ResourceType": "ManagedInstance" if node.hybrid else "EC2Instance",
    }
    if node.status is not None:
        line["InstanceStatus"] = node.status
    return line


def detailed_information(rng: random.Random, node: NodePlan) -> dict[str, str]:
    machine = node.machine
    line = {
        "CPUModel": machine.cpu_model,
        "CPUSpeedMHz": machine.cpu_speed_mhz,
        "CPUs": machine.cpus,
        "CPUSockets": machine.cpu_sockets,
        "CPUCores": machine.cpu_cores,
        "CPUHyperThreadEnabled": machine.hyperthread,
        "OSServicePack": "0" if node.distro.platform_type == "Windows" else "",
    }
    if platforms.agent_at_least(node.agent_version, platforms.KERNEL_VERSION_SINCE):
        line["KernelVersion"] = rng.choice(node.distro.kernel_versions)
    return line


def _mac(rng: random.Random, upper: bool) -> str:
    text = ":".join(f"{rng.randint(0, 255):02x}" for _ in range(6))
    return text.upper() if upper else text


def network(rng: random.Random, node: NodePlan) -> list[dict[str, str]]:
    count = 2 if rng.random() < 0.15 else 1
    linux_prefix = rng.choice(("eth", "ens"))
    lines = []
    for n in range(count):
        ip = ip_address(rng, node)
        v6 = f"fe80::{rng.getrandbits(16):x}:{rng.getrandbits(16):x}:{rng.getrandbits(16):x}"
        if node.distro.platform_type == "Windows":
            gateway = ip.rsplit(".", 1)[0] + ".1"
            lines.append(
                {
                    "Name": "Amazon Elastic Network Adapter" + (f" #{n + 1}" if n else ""),
                    "MacAddress": _mac(rng, upper=True),
                    "IPV4": ip,
                    "IPV6": v6,
                    "SubnetMask": "255.255.240.0",
                    "Gateway": gateway,
                    "DHCPServer": gateway,
                    "DNSServer": "10.0.0.2",
                }
            )
        else:
            if node.distro.platform_type == "MacOS":
                name = f"en{n}"
            else:
                name = f"eth{n}" if linux_prefix == "eth" else f"ens{5 + n}"
            lines.append(
                {
                    "Name": name,
                    "MacAddress": _mac(rng, upper=False),
                    "IPV4": ip,
                    "IPV6": v6 if rng.random() < 0.5 else "",
                }
            )
    return lines


def aws_components(rng: random.Random, node: NodePlan) -> list[dict[str, str]]:
    components = _COMPONENTS[node.distro.platform_type]
    chosen = components[:1] if node.hybrid else components
    return [
        {
            "Name": name,
            "Publisher": publisher,
            "Version": f"{rng.randint(1, 3)}.{rng.randint(0, 9)}.{rng.randint(0, 2000)}.0",
            "Architecture": "x86_64",
        }
        for name, publisher in chosen
    ]


def tags(node: NodePlan) -> list[dict[str, str]]:
    return [{"Key": key, "Value": value} for key, value in node.tags]


def rack_info(rng: random.Random, node: NodePlan) -> list[dict[str, str]]:
    """Custom:RackInfo, written by hand on the node, so its keys follow nobody's casing rules."""
    return [
        {
            "rackLocation": (
                f"Bay {rng.choice('ABCD')}/Row {rng.randint(1, 9)}/Rack {rng.randint(1, 40)}"
            ),
            "DATACENTER": rng.choice(("US-EAST-02.CMH", "EU-WEST-01.DUB", "AP-SE-02.SYD")),
            "u_position": str(rng.randint(1, 42)),
        }
    ]


def windows_updates(rng: random.Random, installed_times: list[str]) -> list[dict[str, str]]:
    return [
        {
            "HotFixId": f"KB5{index:02d}{rng.randint(1000, 9999)}",
            "Description": rng.choice(("Security Update", "Update", "Hotfix")),
            "InstalledTime": installed,
            "InstalledBy": rng.choice(("NT AUTHORITY\\SYSTEM", "ADMINISTRATOR", "")),
        }
        for index, installed in enumerate(installed_times)
    ]


def services(rng: random.Random) -> list[dict[str, str]]:
    chosen = [s for s in _SERVICES if rng.random() < 0.85 or s[0] == "AmazonSSMAgent"]
    return [
        {
            "Name": name,
            "DisplayName": display,
            "ServiceType": kind,
            "Status": status,
            "DependentServices": "",
            "ServicesDependedOn": "RpcSs" if name != "RpcSs" else "",
            "StartType": start,
        }
        for name, display, kind, status, start in chosen
    ]
