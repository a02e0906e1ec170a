"""AWS:Application lines for one node: a sample of its distro's packages, plus Java and decoys."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta

from fleet_assets.sample import clock, platforms
from fleet_assets.sample.java import decoys_for, runtimes_for
from fleet_assets.sample.packages import package_catalog
from fleet_assets.sample.plan import NodePlan

# The agent leaves these out of a line when they are empty; Publisher it writes as "".
OMITTED_WHEN_EMPTY = (
    "InstalledTime",
    "ApplicationType",
    "URL",
    "Summary",
    "PackageId",
    "Release",
    "Epoch",
)
UNPARSEABLE_INSTALLED_TIME = "2023-02-30T12:00:00Z"


@dataclass
class ApplicationLines:
    lines: list[dict[str, str]]
    java_majors: list[int | None]

    def plain_indices(self) -> list[int]:
        """Lines that are not Java runtimes: safe to damage without changing the Java facts."""
        return [i for i, major in enumerate(self.java_majors) if major is None]


def _installed_time(
    rng: random.Random,
    node: NodePlan,
    launched: datetime,
    captured: datetime,
    windows_offset_hours: int,
) -> str | None:
    moment = launched + timedelta(
        seconds=rng.randint(0, int((captured - launched).total_seconds()))
    )
    fmt = node.distro.package_format
    if (
        fmt == "deb"
        or (fmt == "msi" and rng.random() < 0.7)
        or (fmt == "pkg" and rng.random() < 0.2)
    ):
        return None
    if fmt == "msi":
        midnight = moment.replace(hour=0, minute=0, second=0)
        return clock.iso_z(midnight + timedelta(hours=windows_offset_hours))
    return clock.iso_z(moment)


def _java_choice(node: NodePlan) -> list[tuple[dict[str, str], int | None]]:
    runtimes = runtimes_for(node.distro.package_format)
    decoys = decoys_for(node.distro.package_format)
    chosen: list[tuple[dict[str, str], int | None]] = [
        (dict(runtimes[i].line), runtimes[i].major) for i in node.java
    ]
    return chosen + [(dict(decoys[i]), None) for i in node.decoys]


def application_lines(rng: random.Random, node: NodePlan, captured: datetime) -> ApplicationLines:
    catalog = package_catalog(node.distro)
    count = rng.randint(40, min(200, len(catalog)))
    entries: list[tuple[dict[str, str], int | None]] = [
        (dict(line), None) for line in rng.sample(catalog, count)
    ]
    for extra in _java_choice(node):
        entries.insert(rng.randint(0, len(entries)), extra)

    launched = captured - timedelta(days=rng.randint(10, 900))
    windows_offset = rng.choice((0, 5, 8))
    keeps_release = platforms.agent_at_least(node.agent_version, platforms.RELEASE_EPOCH_SINCE)
    for line, _ in entries:
        installed = _installed_time(rng, node, launched, captured, windows_offset)
        if installed:
            line["InstalledTime"] = installed
        if not keeps_release:
            line.pop("Release", None)
            line.pop("Epoch", None)
        for key in OMITTED_WHEN_EMPTY:
            if line.get(key) == "":
                del line[key]

    result = ApplicationLines([e[0] for e in entries], [e[1] for e in entries])
    _apply_time_drift(rng, node, result)
    return result


def _apply_time_drift(rng: random.Random, node: NodePlan, result: ApplicationLines) -> None:
    timed = [i for i in result.plain_indices() if "InstalledTime" in result.lines[i]]
    if "installed_time_minus_seven" in node.untidy:
        for i in timed[:3]:
            moment = datetime.strptime(result.lines[i]["InstalledTime"], "%Y-%m-%dT%H:%M:%S%z")
            result.lines[i]["InstalledTime"] = clock.iso_minus_seven(moment)
    if "unparseable_installed_time" in node.untidy:
        result.lines[timed[-1]]["InstalledTime"] = UNPARSEABLE_INSTALLED_TIME
