"""Who is in the sample fleet: every node's identity, platform, status, tags and patch profile.

The plan is drawn once from the seed before any file is written, so the ground truth in the
summary is a property of the plan and the files are a rendering of it.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from fleet_assets.sample import platforms, tags
from fleet_assets.sample.java import decoys_for, runtimes_for
from fleet_assets.sample.platforms import Distro, Machine

ACCOUNT_REGIONS = (
    ("us-east-1", "eu-west-1"),
    ("us-east-1",),
    ("us-east-1", "eu-west-1", "ap-southeast-2"),
)
MINIMUM_INSTANCES = 20
PATCH_PROFILES = ("compliant", "noncritical", "critical")
OLD_ENOUGH_FOR_ANCIENT_AGENTS = ("al2", "win2016", "ubuntu2004", "rhel8")
OLD_ENOUGH_FOR_MIDDLE_AGENTS = ("al2", "win2016", "win2019", "ubuntu2004", "rhel8")


@dataclass
class NodePlan:
    """One managed node and every decision about what the sync holds for it."""

    index: int
    instance_id: str
    account: str
    region: str
    distro: Distro
    machine: Machine
    agent_version: str
    hybrid: bool = False
    status: str | None = "Active"
    shrunk: bool = False
    silent: bool = False
    orphan: bool = False
    tags: list[tuple[str, str]] = field(default_factory=list)
    patch_profile: str = "none"
    patch_summary_line: bool = True
    installed_other_spelling: str = "InstalledOther"
    custom_rack: bool = False
    java: list[int] = field(default_factory=list)
    decoys: list[int] = field(default_factory=list)
    untidy: set[str] = field(default_factory=set)

    @property
    def is_live(self) -> bool:
        return self.status in ("Active", None)

    @property
    def has_patch_data(self) -> bool:
        return self.patch_profile != "none"


@dataclass
class FleetPlan:
    accounts: list[str]
    regions: list[str]
    nodes: list[NodePlan]
    orphans: list[NodePlan]


def _hex_id(rng: random.Random, prefix: str, taken: set[str]) -> str:
    while True:
        candidate = f"{prefix}0{rng.getrandbits(64):016x}"
        if candidate not in taken:
            taken.add(candidate)
            return candidate


def _count(instances: int, share: float, floor: int) -> int:
    return max(floor, round(instances * share))


def _agent(rng: random.Random, distro: Distro) -> str:
    """Old agents only on releases that are old enough to have been left running with one."""
    draw = rng.random()
    if draw < 0.05 and distro.key in OLD_ENOUGH_FOR_ANCIENT_AGENTS:
        return rng.choice(platforms.ANCIENT_AGENTS)
    if draw < 0.15 and distro.key in OLD_ENOUGH_FOR_MIDDLE_AGENTS:
        return rng.choice(platforms.MIDDLE_AGENTS)
    return rng.choice(platforms.CURRENT_AGENTS)


def _machine(rng: random.Random, distro: Distro, hybrid: bool) -> Machine:
    if hybrid:
        return platforms.ON_PREMISES_MACHINE
    if distro.platform_type == "MacOS":
        return platforms.MAC_MACHINE
    return rng.choice(platforms.X86_MACHINES)


def _platform_keys(rng: random.Random, instances: int, hybrid_count: int) -> list[str]:
    """Distro keys for the non-hybrid nodes: about 5% macOS, 35% Windows, the rest Linux."""
    cloud = instances - hybrid_count
    macs = _count(instances, 0.05, 1)
    windows = round(instances * 0.35)
    keys = [rng.choice(platforms.MACOS_DISTROS) for _ in range(macs)]
    keys += [rng.choice(platforms.WINDOWS_DISTROS) for _ in range(windows)]
    keys += [rng.choice(platforms.LINUX_DISTROS) for _ in range(cloud - macs - windows)]
    rng.shuffle(keys)
    return keys


def _assign_statuses(rng: random.Random, nodes: list[NodePlan]) -> None:
    hybrids = [n for n in nodes if n.hybrid]
    for node in hybrids[:2]:
        node.status = "ConnectionLost"
    cloud = [n for n in nodes if not n.hybrid]
    rng.shuffle(cloud)
    terminated = _count(len(nodes), 0.04, 2)
    stopped = _count(len(nodes), 0.03, 1)
    silent = _count(len(nodes), 0.05, 2)
    no_status = _count(len(nodes), 0.05, 1)
    cursor = 0
    for i, node in enumerate(cloud[cursor : cursor + terminated]):
        node.status, node.shrunk = "Terminated", i % 2 == 0
    cursor += terminated
    for node in cloud[cursor : cursor + stopped]:
        node.status = "Stopped"
    cursor += stopped
    for node in cloud[cursor : cursor + silent]:
        node.silent = True
    cursor += silent
    for node in cloud[cursor : cursor + no_status]:
        node.status = None


def _assign_tags(rng: random.Random, nodes: list[NodePlan]) -> None:
    for node in nodes:
        if rng.random() < 0.07:
            continue
        key = "environment" if rng.random() < 0.08 else "Environment"
        node.tags = tags.instance_tags(
            rng, tags.environment_value(rng), node.distro.platform_type, key
        )
    tagged = [n for n in nodes if n.tags and n.status == "Active" and not n.silent]
    both_keys, padded = tagged[0], tagged[1]
    both_keys.tags = [t for t in both_keys.tags if t[0].lower() != "environment"]
    both_keys.tags += [("environment", "dev"), ("Environment", "Production")]
    padded.tags = [t for t in padded.tags if t[0].lower() != "environment"] + [
        ("Environment", " prod ")
    ]


def _assign_patch_profiles(rng: random.Random, nodes: list[NodePlan]) -> None:
    without = set(rng.sample(range(len(nodes)), _count(len(nodes), 0.10, 2)))
    for node in nodes:
        if node.index in without:
            continue
        node.patch_profile = rng.choices(PATCH_PROFILES, weights=(45, 30, 25))[0]

    live_prod = [
        n for n in nodes if n.is_live and n.has_patch_data and tags.environment_of(n.tags) == "prod"
    ]
    for node in live_prod[:2]:
        node.patch_profile = "critical"
    silent = [n for n in nodes if n.silent and n.has_patch_data]
    if silent:
        silent[0].patch_profile = "compliant"

    patched = [n for n in nodes if n.has_patch_data and n.status == "Active" and not n.silent]
    patched[0].patch_summary_line = False
    spellings = ("Installed Other", "INSTALLED_OTHER", "Installed Other")
    for node, spelling in zip(patched[1:4], spellings, strict=True):
        node.installed_other_spelling = spelling


def _assign_software(rng: random.Random, nodes: list[NodePlan]) -> None:
    """Java on a good share of nodes, and every vendor spelling on at least one node."""
    for node in nodes:
        runtimes = runtimes_for(node.distro.package_format)
        if rng.random() < 0.45:
            node.java = sorted(rng.sample(range(len(runtimes)), 1 if rng.random() < 0.7 else 2))
        decoys = decoys_for(node.distro.package_format)
        if decoys and rng.random() < 0.4:
            node.decoys = sorted(rng.sample(range(len(decoys)), rng.randint(1, len(decoys))))
    for package_format in ("rpm", "deb", "msi", "pkg"):
        group = [n for n in nodes if n.distro.package_format == package_format]
        if not group:
            continue
        for i in range(len(runtimes_for(package_format))):
            if not any(i in n.java for n in group):
                rng.choice(group).java.append(i)
        for i in range(len(decoys_for(package_format))):
            if not any(i in n.decoys for n in group):
                rng.choice(group).decoys.append(i)


def plan_fleet(instances: int, seed: int) -> FleetPlan:
    if instances < MINIMUM_INSTANCES:
        raise ValueError(
            f"A sample fleet needs at least {MINIMUM_INSTANCES} instances so every kind of node "
            f"and untidy part fits; got {instances}."
        )
    rng = random.Random(seed)
    taken: set[str] = set()
    accounts = [f"{rng.randint(1, 9)}{rng.getrandbits(40) % 10**11:011d}" for _ in range(3)]
    placements = [
        (a, r) for a, regions in zip(accounts, ACCOUNT_REGIONS, strict=True) for r in regions
    ]

    hybrid_count = _count(instances, 0.02, 3)
    hybrid_distros = ("ubuntu2204", "rhel8", "win2019")
    keys = [hybrid_distros[i % 3] for i in range(hybrid_count)]
    keys += _platform_keys(rng, instances, hybrid_count)
    nodes = []
    for index, key in enumerate(keys):
        hybrid = index < hybrid_count
        distro = platforms.DISTROS[key]
        account, region = rng.choice(placements)
        nodes.append(
            NodePlan(
                index=index,
                instance_id=_hex_id(rng, "mi-" if hybrid else "i-", taken),
                account=account,
                region=region,
                distro=distro,
                machine=_machine(rng, distro, hybrid),
                agent_version=_agent(rng, distro),
                hybrid=hybrid,
                custom_rack=hybrid or rng.random() < 0.2,
            )
        )
    rpm_nodes = [n for n in nodes if n.distro.key in ("al2", "rhel8") and not n.hybrid]
    if rpm_nodes:
        rpm_nodes[-1].agent_version = platforms.ANCIENT_AGENTS[0]

    _assign_statuses(rng, nodes)
    _assign_tags(rng, nodes)
    _assign_patch_profiles(rng, nodes)
    _assign_software(rng, nodes)
    orphans = [
        NodePlan(
            index=instances + i,
            instance_id=_hex_id(rng, "i-", taken),
            account=accounts[i % 3],
            region="us-east-1",
            distro=platforms.DISTROS["al2"],
            machine=platforms.X86_MACHINES[0],
            agent_version=platforms.CURRENT_AGENTS[0],
            status="Terminated",
            orphan=True,
            tags=tags.instance_tags(rng, "dev", "Linux"),
            java=[0],
        )
        for i in range(1 if instances < 100 else 2)
    ]
    regions = sorted({region for _, region in placements})
    return FleetPlan(accounts=accounts, regions=regions, nodes=nodes, orphans=orphans)
