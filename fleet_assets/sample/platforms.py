"""The operating systems, agents and machines of a sample fleet, spelled as SSM reports them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Distro:
    """One operating-system release as it appears in AWS:InstanceInformation."""

    key: str
    platform_type: str
    platform_name: str
    platform_version: str
    package_format: str
    kernel_versions: tuple[str, ...]
    release_suffix: str = ""
    publisher: str = ""


DISTROS: dict[str, Distro] = {
    d.key: d
    for d in (
        Distro(
            "al2",
            "Linux",
            "Amazon Linux",
            "2",
            "rpm",
            ("5.10.199-190.747.amzn2.x86_64", "4.14.326-245.539.amzn2.x86_64"),
            ".amzn2",
            "Amazon Linux",
        ),
        Distro(
            "al2023",
            "Linux",
            "Amazon Linux",
            "2023",
            "rpm",
            ("6.1.61-85.141.amzn2023.x86_64", "6.1.66-91.160.amzn2023.x86_64"),
            ".amzn2023",
            "Amazon Linux",
        ),
        Distro(
            "ubuntu2004",
            "Linux",
            "Ubuntu",
            "20.04",
            "deb",
            ("5.15.0-1051-aws", "5.15.0-1049-aws"),
            "",
            "Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>",
        ),
        Distro(
            "ubuntu2204",
            "Linux",
            "Ubuntu",
            "22.04",
            "deb",
            ("6.2.0-1017-aws", "6.5.0-1011-aws"),
            "",
            "Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>",
        ),
        Distro(
            "rhel8",
            "Linux",
            "Red Hat Enterprise Linux",
            "8.9",
            "rpm",
            ("4.18.0-513.9.1.el8_9.x86_64",),
            ".el8",
            "Red Hat, Inc.",
        ),
        Distro(
            "rhel9",
            "Linux",
            "Red Hat Enterprise Linux",
            "9.3",
            "rpm",
            ("5.14.0-362.13.1.el9_3.x86_64",),
            ".el9",
            "Red Hat, Inc.",
        ),
        Distro(
            "win2016",
            "Windows",
            "Microsoft Windows Server 2016 Datacenter",
            "10.0.14393",
            "msi",
            ("10.0.14393.6452 (rs1_release.231029-1500)",),
        ),
        Distro(
            "win2019",
            "Windows",
            "Microsoft Windows Server 2019 Datacenter",
            "10.0.17763",
            "msi",
            ("10.0.17763.5122 (WinBuild.160101.0800)",),
        ),
        Distro(
            "win2022",
            "Windows",
            "Microsoft Windows Server 2022 Datacenter",
            "10.0.20348",
            "msi",
            ("10.0.20348.643 (WinBuild.160101.0800)", "10.0.20348.2113 (WinBuild.160101.0800)"),
        ),
        Distro("macos13", "MacOS", "macOS", "13.6.1", "pkg", ("22.6.0",)),
        Distro("macos14", "MacOS", "macOS", "14.1.2", "pkg", ("23.1.0",)),
    )
}

LINUX_DISTROS = ("al2", "al2", "al2023", "al2023", "ubuntu2004", "ubuntu2204", "rhel8", "rhel9")
WINDOWS_DISTROS = ("win2016", "win2019", "win2019", "win2022", "win2022")
MACOS_DISTROS = ("macos13", "macos14")

CURRENT_AGENTS = ("3.2.1705.0", "3.2.1798.0", "3.3.40.0", "3.2.1630.0")
# Agents before 3.1.1511.0 send no KernelVersion; before 2.2.607.0 no Release/Epoch either.
MIDDLE_AGENTS = ("3.0.1124.0", "2.3.415.0")
ANCIENT_AGENTS = ("2.0.796.0", "2.1.10.0")
KERNEL_VERSION_SINCE = (3, 1, 1511, 0)
RELEASE_EPOCH_SINCE = (2, 2, 607, 0)


def agent_at_least(agent_version: str, floor: tuple[int, int, int, int]) -> bool:
    return tuple(int(part) for part in agent_version.split(".")) >= floor


@dataclass(frozen=True)
class Machine:
    """One EC2 (or on-premises) shape as AWS:InstanceDetailedInformation reports it."""

    cpu_model: str
    cpu_speed_mhz: str
    cpus: str
    cpu_sockets: str
    cpu_cores: str
    hyperthread: str
    architecture: str


X86_MACHINES = (
    Machine("Intel(R) Xeon(R) CPU E5-2686 v4 @ 2.30GHz", "2300", "2", "1", "1", "true", "x86_64"),
    Machine(
        "Intel(R) Xeon(R) Platinum 8259CL CPU @ 2.50GHz", "2500", "4", "1", "2", "true", "x86_64"
    ),
    Machine(
        "Intel(R) Xeon(R) Platinum 8375C CPU @ 2.90GHz", "2900", "8", "1", "4", "true", "x86_64"
    ),
    Machine("AMD EPYC 7R13 Processor", "2649", "16", "1", "8", "true", "x86_64"),
    Machine("Intel(R) Xeon(R) CPU E5-2676 v3 @ 2.40GHz", "2395", "8", "1", "8", "false", "x86_64"),
    Machine("Intel(R) Xeon(R) CPU E5-2666 v3 @ 2.90GHz", "2900", "36", "2", "18", "true", "x86_64"),
)
GRAVITON_MACHINE = Machine("Neoverse-N1", "2500", "4", "1", "4", "false", "aarch64")
MAC_MACHINE = Machine("Apple M1", "3200", "8", "1", "8", "false", "arm64")
ON_PREMISES_MACHINE = Machine(
    "Intel(R) Xeon(R) Silver 4214 CPU @ 2.20GHz", "2200", "48", "2", "24", "true", "x86_64"
)
