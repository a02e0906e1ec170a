"""The four questions the fleet report answers, as SQL over one snapshot of the curated tables."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from fleet_assets.constants import CURATED_SCHEMA
from fleet_assets.resources.sql import SqlEngine
from glue_jobs.normalize import PLATFORM_TYPES

SUMMARY = f"{CURATED_SCHEMA}.fleet_summary"
APPLICATIONS = f"{CURATED_SCHEMA}.applications"
IN_SNAPSHOT = "snapshot_date = CAST(? AS DATE)"

MISSING_CRITICAL_PATCHES = f"""
SELECT account_id, region, instance_id, computer_name, environment, platform_type,
       missing_critical_count, last_scan_time
FROM {SUMMARY}
WHERE {IN_SNAPSHOT} AND is_live AND missing_critical_count > 0
ORDER BY missing_critical_count DESC, account_id, region, instance_id
"""

PROD_BY_PLATFORM = f"""
WITH platforms(platform_type) AS (VALUES {", ".join(f"('{p}')" for p in PLATFORM_TYPES)}),
prod AS (
    SELECT coalesce(platform_type, 'unknown') AS platform_type, count(*) AS instances
    FROM {SUMMARY}
    WHERE {IN_SNAPSHOT} AND is_live AND environment = 'prod'
    GROUP BY 1
)
SELECT platform_type, coalesce(instances, 0) AS instances
FROM platforms FULL OUTER JOIN prod USING (platform_type)
ORDER BY instances DESC, platform_type
"""

JAVA_BY_MAJOR_VERSION = f"""
SELECT a.major_version,
       count(DISTINCT a.account_id || '/' || a.region || '/' || a.instance_id) AS instances,
       count(*) AS installs,
       string_agg(DISTINCT a.name, ', ' ORDER BY a.name) AS names_seen
FROM {APPLICATIONS} a
JOIN {SUMMARY} s
  ON s.account_id = a.account_id AND s.region = a.region AND s.instance_id = a.instance_id
 AND s.snapshot_date = a.snapshot_date
WHERE a.{IN_SNAPSHOT} AND s.is_live AND a.software_family = 'java'
GROUP BY a.major_version
ORDER BY a.major_version NULLS LAST
"""

STALE_INSTANCES = f"""
SELECT account_id, region, instance_id, computer_name, environment, platform_type,
       last_capture_time, hours_since_report
FROM {SUMMARY}
WHERE {IN_SNAPSHOT} AND is_live AND is_stale
ORDER BY hours_since_report DESC NULLS FIRST, account_id, region, instance_id
"""


@dataclass(frozen=True)
class FleetAnswers:
    """The answers for one snapshot, each a complete table (never truncated here)."""

    snapshot_date: str
    missing_critical_patches: pd.DataFrame
    prod_by_platform: pd.DataFrame
    java_by_major_version: pd.DataFrame
    stale_instances: pd.DataFrame

    def live_prod_instances(self) -> int:
        """Every live prod instance, whatever its platform (the rows are platforms)."""
        return int(self.prod_by_platform["instances"].sum())

    def headline_numbers(self) -> dict[str, object]:
        return {
            "live_instances_missing_critical_patches": len(self.missing_critical_patches),
            "live_prod_instances_by_platform": {
                str(row.platform_type): int(row.instances)
                for row in self.prod_by_platform.itertuples(index=False)
            },
            "java_installs_by_major_version": {
                major_label(row.major_version): int(row.installs)
                for row in self.java_by_major_version.itertuples(index=False)
            },
            "live_instances_stale": len(self.stale_instances),
        }


def answer_questions(sql: SqlEngine, snapshot_date: str) -> FleetAnswers:
    return FleetAnswers(
        snapshot_date=snapshot_date,
        missing_critical_patches=sql.query(MISSING_CRITICAL_PATCHES, [snapshot_date]),
        prod_by_platform=sql.query(PROD_BY_PLATFORM, [snapshot_date]),
        java_by_major_version=sql.query(JAVA_BY_MAJOR_VERSION, [snapshot_date]),
        stale_instances=sql.query(STALE_INSTANCES, [snapshot_date]),
    )


def major_label(value: object) -> str:
    """A Java major version as a label; a version that did not parse is 'unknown'."""
    return "unknown" if pd.isna(value) else str(int(value))
