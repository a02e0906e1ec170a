"""Every setting of the code location, read once from the environment."""

from __future__ import annotations

import math
import os
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from glue_jobs.contract import parse_instant


class FleetSettingError(ValueError):
    """A setting a person has to fix; the message is one sentence saying how."""


@dataclass(frozen=True)
class FleetSettings:
    deployment: str
    raw_uri: str
    curated_uri: str
    catalog_path: str
    report_uri: str
    as_of: str | None
    stale_after_hours: float
    max_rejected_ratio: float
    dagster_home: str

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> FleetSettings:
        env = os.environ if env is None else env
        as_of = env.get("FLEET_AS_OF", "").strip() or None
        if as_of is not None:
            parse_as_of(as_of, "FLEET_AS_OF")
        return cls(
            deployment=env.get("FLEET_DEPLOYMENT", "").strip() or "local",
            raw_uri=_absolute(env.get("FLEET_RAW_URI"), "./.fleet/raw"),
            curated_uri=_absolute(env.get("FLEET_CURATED_URI"), "./.fleet/curated"),
            catalog_path=_absolute(env.get("FLEET_CATALOG_PATH"), "./.fleet/catalog.duckdb"),
            report_uri=_absolute(env.get("FLEET_REPORT_URI"), "./.fleet/reports"),
            as_of=as_of,
            stale_after_hours=_hours(env.get("FLEET_STALE_AFTER_HOURS")),
            max_rejected_ratio=_ratio(env.get("FLEET_MAX_REJECTED_RATIO")),
            dagster_home=_absolute(env.get("FLEET_DAGSTER_HOME"), "./.fleet/dagster_home"),
        )

    def to_env(self) -> dict[str, str]:
        """The settings as absolute environment values, so a child process sees the same paths."""
        env = {
            "FLEET_DEPLOYMENT": self.deployment,
            "FLEET_RAW_URI": self.raw_uri,
            "FLEET_CURATED_URI": self.curated_uri,
            "FLEET_CATALOG_PATH": self.catalog_path,
            "FLEET_REPORT_URI": self.report_uri,
            "FLEET_STALE_AFTER_HOURS": repr(self.stale_after_hours),
            "FLEET_MAX_REJECTED_RATIO": repr(self.max_rejected_ratio),
            "FLEET_DAGSTER_HOME": self.dagster_home,
        }
        if self.as_of:
            env["FLEET_AS_OF"] = self.as_of
        return env


def parse_as_of(value: str, name: str = "FLEET_AS_OF") -> datetime:
    """An ISO-8601 instant as a UTC datetime; a time without a zone is taken as UTC."""
    try:
        return parse_instant(value, name)
    except ValueError as error:
        raise FleetSettingError(str(error)) from None


def resolve_as_of(configured: str | None, default: str | None, name: str = "as_of") -> datetime:
    """The snapshot instant: the run's own value, else the deployment default, else now."""
    if configured and configured.strip():
        return parse_as_of(configured, name)
    if default and default.strip():
        return parse_as_of(default, "FLEET_AS_OF")
    return datetime.now(UTC)


def _absolute(value: str | None, default: str) -> str:
    text = (value or "").strip() or default
    if "://" in text:
        return text
    return str(Path(text).expanduser().resolve())


def _hours(value: str | None) -> float:
    text = (value or "").strip() or "24"
    try:
        hours = float(text)
    except ValueError:
        hours = -1.0
    if not (math.isfinite(hours) and hours > 0):
        raise FleetSettingError(
            f"FLEET_STALE_AFTER_HOURS={text!r} is not a positive number of hours; set it like 24."
        )
    return hours


def _ratio(value: str | None) -> float:
    text = (value or "").strip() or "0.01"
    try:
        ratio = float(text)
    except ValueError:
        ratio = -1.0
    if not (math.isfinite(ratio) and 0 <= ratio <= 1):
        raise FleetSettingError(
            f"FLEET_MAX_REJECTED_RATIO={text!r} is not a fraction between 0 and 1; "
            "set it like 0.01."
        )
    return ratio
