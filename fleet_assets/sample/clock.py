"""When each type of a node was captured, relative to as_of, and how times are spelled."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta, timezone

from fleet_assets.sample.plan import NodePlan

HOUR = 3600
DAY = 24 * HOUR
MINUS_SEVEN = timezone(timedelta(hours=-7))


def iso_z(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def iso_fraction(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.123Z")


def iso_utc_offset(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S+00:00")


def iso_minus_seven(moment: datetime) -> str:
    return moment.astimezone(MINUS_SEVEN).strftime("%Y-%m-%dT%H:%M:%S-0700")


def _window(node: NodePlan) -> tuple[int, int, int]:
    """(newest seconds-ago low, high, spread of the older types) for the node's kind."""
    if node.orphan:
        return 3 * DAY, 20 * DAY, DAY
    if node.status == "Terminated":
        return 5 * DAY, 90 * DAY, 2 * DAY
    if node.status == "Stopped":
        return 3 * DAY, 60 * DAY, 2 * DAY
    if node.status == "ConnectionLost":
        return 36 * HOUR, 6 * DAY, DAY
    if node.silent:
        return 2 * DAY + HOUR, 8 * DAY, DAY
    return 360, 12 * HOUR, 10 * HOUR


def capture_times(
    rng: random.Random, node: NodePlan, type_names: list[str], as_of: datetime
) -> dict[str, datetime]:
    """A distinct captureTime per type, all inside the window that the node's kind implies."""
    low, high, spread = _window(node)
    newest = rng.randint(low, high)
    offsets = rng.sample(range(spread), len(type_names))
    offsets = [offset - min(offsets) for offset in offsets]
    return {
        name: as_of - timedelta(seconds=newest + offset)
        for name, offset in zip(type_names, offsets, strict=True)
    }
