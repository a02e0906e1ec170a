"""Checks that guard the curated snapshot just written, queried straight from its parquet."""

from collections.abc import Sequence

import dagster as dg
import pandas as pd

from fleet_assets.constants import (
    CURATED_SCHEMA,
    FLEET_SUMMARY,
    INVENTORY,
    KEYS_UNIQUE_CHECK,
    LIVE_INSTANCES_SUMMARIZED_CHECK,
    PATCH_COMPLIANCE,
    RAW_CAPTURE_FRESH_CHECK,
    REJECTED_LINES_CHECK,
)
from fleet_assets.curated.snapshots import latest_snapshot
from fleet_assets.resources.policy import SnapshotPolicy
from fleet_assets.resources.sql import SqlEngine

SAMPLE_ROWS = 20
SNAPSHOT = "snapshot_date = CAST(? AS DATE)"


def build_keys_unique_check(key: dg.AssetKey) -> dg.AssetChecksDefinition:
    table = key.path[-1]

    @dg.asset_check(
        asset=key,
        name=KEYS_UNIQUE_CHECK,
        blocking=True,
        description=f"Every {table} row has an account, region and instance id, and no "
        "instance appears twice.",
    )
    def keys_unique(context: dg.AssetCheckExecutionContext, sql: SqlEngine) -> dg.AssetCheckResult:
        snapshot = latest_snapshot(context.instance, key)
        offenders = sql.query(
            f"SELECT account_id, region, instance_id, count(*) AS rows "
            f"FROM {CURATED_SCHEMA}.{table} WHERE {SNAPSHOT} GROUP BY ALL "
            "HAVING count(*) > 1 OR account_id IS NULL OR region IS NULL OR instance_id IS NULL "
            "ORDER BY rows DESC, account_id, region, instance_id",
            [snapshot.snapshot_date],
        )
        return dg.AssetCheckResult(
            passed=offenders.empty,
            metadata=_offender_metadata(snapshot.snapshot_date, offenders),
        )

    return keys_unique


@dg.asset_check(
    asset=FLEET_SUMMARY,
    name=LIVE_INSTANCES_SUMMARIZED_CHECK,
    additional_deps=[INVENTORY],
    blocking=True,
    description="Every live instance of inventory has its row in fleet_summary.",
)
def every_live_instance_in_summary(
    context: dg.AssetCheckExecutionContext, sql: SqlEngine
) -> dg.AssetCheckResult:
    snapshot = latest_snapshot(context.instance, FLEET_SUMMARY)
    missing = sql.query(
        f"SELECT i.account_id, i.region, i.instance_id FROM {CURATED_SCHEMA}.inventory i "
        f"WHERE i.{SNAPSHOT} AND i.is_live AND NOT EXISTS (SELECT 1 FROM "
        f"{CURATED_SCHEMA}.fleet_summary s WHERE s.{SNAPSHOT} AND s.account_id = i.account_id "
        "AND s.region = i.region AND s.instance_id = i.instance_id) "
        "ORDER BY i.account_id, i.region, i.instance_id",
        [snapshot.snapshot_date, snapshot.snapshot_date],
    )
    return dg.AssetCheckResult(
        passed=missing.empty, metadata=_offender_metadata(snapshot.snapshot_date, missing)
    )


@dg.asset_check(
    asset=INVENTORY,
    name=REJECTED_LINES_CHECK,
    blocking=True,
    description="The run set aside no more than FLEET_MAX_REJECTED_RATIO of the lines it read.",
)
def rejected_lines_under_threshold(
    context: dg.AssetCheckExecutionContext, policy: SnapshotPolicy
) -> dg.AssetCheckResult:
    snapshot = latest_snapshot(context.instance, INVENTORY)
    lines_read = int(snapshot.metadata["lines_read"])
    rejected = int(snapshot.metadata["rejected_lines"])
    ratio = rejected / lines_read if lines_read else 0.0
    return dg.AssetCheckResult(
        passed=ratio <= policy.max_rejected_ratio,
        metadata={
            "snapshot_date": snapshot.snapshot_date,
            "lines_read": lines_read,
            "rejected_lines": rejected,
            "rejected_ratio": dg.MetadataValue.float(ratio),
            "max_rejected_ratio": dg.MetadataValue.float(policy.max_rejected_ratio),
            "rejected_by_reason": dg.MetadataValue.json(snapshot.metadata["rejected_by_reason"]),
            "rejected_uri": dg.MetadataValue.path(str(snapshot.metadata["rejected_uri"])),
        },
    )


@dg.asset_check(
    asset=INVENTORY,
    name=RAW_CAPTURE_FRESH_CHECK,
    description="The newest capture of any live instance is within the stale window of as_of; "
    "otherwise the whole sync has stopped, not one agent.",
)
def newest_capture_within_stale_window(
    context: dg.AssetCheckExecutionContext, sql: SqlEngine, policy: SnapshotPolicy
) -> dg.AssetCheckResult:
    snapshot = latest_snapshot(context.instance, INVENTORY)
    newest = sql.query(
        f"SELECT max(last_capture_time) AS newest FROM {CURATED_SCHEMA}.inventory "
        f"WHERE {SNAPSHOT} AND is_live",
        [snapshot.snapshot_date],
    )["newest"].iloc[0]
    hours_behind = None
    if not pd.isna(newest):
        newest_utc = pd.Timestamp(newest)
        newest_utc = newest_utc.tz_localize("UTC") if newest_utc.tzinfo is None else newest_utc
        hours_behind = (pd.Timestamp(snapshot.as_of) - newest_utc).total_seconds() / 3600
    return dg.AssetCheckResult(
        passed=hours_behind is not None and hours_behind <= policy.stale_after_hours,
        severity=dg.AssetCheckSeverity.WARN,
        description=freshness_sentence(hours_behind, policy.stale_after_hours),
        metadata={
            "snapshot_date": snapshot.snapshot_date,
            "as_of": snapshot.as_of.isoformat(),
            "newest_live_capture_time": str(newest) if hours_behind is not None else "none",
            "hours_behind_as_of": (
                dg.MetadataValue.float(round(hours_behind, 2))
                if hours_behind is not None
                else dg.MetadataValue.text("no live instance has a parseable capture time")
            ),
            "stale_after_hours": dg.MetadataValue.float(policy.stale_after_hours),
        },
    )


def freshness_sentence(hours_behind: float | None, stale_after_hours: float) -> str:
    """Why the freshness check passed or warned, for the operator reading the run."""
    if hours_behind is None:
        return (
            "No live instance has a readable capture time; check that the sync writes "
            "AWS:InstanceInformation into FLEET_RAW_URI."
        )
    verdict = "within" if hours_behind <= stale_after_hours else "outside"
    advice = "" if verdict == "within" else "; the sync may have stopped, check it writes again"
    return (
        f"The newest live capture is {hours_behind:.1f} h before as_of, {verdict} the "
        f"{stale_after_hours:g} h stale window{advice}."
    )


def _offender_metadata(snapshot_date: str, offenders: pd.DataFrame) -> dict[str, object]:
    sample = offenders.head(SAMPLE_ROWS).astype(str)
    return {
        "snapshot_date": snapshot_date,
        "offending_keys": dg.MetadataValue.int(len(offenders)),
        "offending_keys_sample": dg.MetadataValue.md(
            sample.to_markdown(index=False, disable_numparse=True) if len(sample) else "_none_"
        ),
    }


CURATED_CHECKS: Sequence[dg.AssetChecksDefinition] = [
    *(build_keys_unique_check(key) for key in (INVENTORY, PATCH_COMPLIANCE, FLEET_SUMMARY)),
    every_live_instance_in_summary,
    rejected_lines_under_threshold,
    newest_capture_within_stale_window,
]
