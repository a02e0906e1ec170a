"""The four curated tables, written together by one run of the fleet ETL."""

from collections.abc import Iterator
from datetime import timedelta

import dagster as dg
import pandas as pd
from pydantic import Field

from fleet_assets.constants import (
    CURATED_FRESHNESS_HOURS,
    CURATED_GROUP,
    CURATED_TABLE_KEYS,
    RAW_CATALOG,
)
from fleet_assets.curated.metadata import run_sentences, table_metadata
from fleet_assets.resources.catalog import RawCatalog
from fleet_assets.resources.etl import FleetEtl
from fleet_assets.resources.policy import SnapshotPolicy
from fleet_assets.resources.sql import SqlEngine
from fleet_assets.resources.storage import CuratedStore, RawSyncStore
from fleet_assets.settings import FleetSettingError, resolve_as_of
from glue_jobs.contract import CURATED_TABLES, EtlRequest, EtlResult

CURATED_OP = "fleet_curated_tables"

TABLE_DESCRIPTIONS = {
    "inventory": "One row per managed instance: identity, platform, liveness, staleness, tags.",
    "applications": "One row per installed application per instance, Java versions resolved.",
    "patch_compliance": "One row per instance with patch data: status, severities, missing "
    "critical patches, last scan.",
    "fleet_summary": "One row per instance joining inventory, patches and applications: where "
    "an analyst starts.",
}


class SnapshotConfig(dg.Config):
    as_of: str = Field(
        default="",
        description="The instant the snapshot describes (ISO-8601, e.g. 2026-12-03T09:00:00Z); "
        "empty means FLEET_AS_OF, else now.",
    )


def snapshot_run_config(as_of: str | None) -> dict[str, object]:
    """Run config of fleet_snapshot_job for one snapshot instant (None: the default)."""
    return {"ops": {CURATED_OP: {"config": {"as_of": as_of or ""}}}}


CURATED_SPECS = [
    dg.AssetSpec(
        key,
        group_name=CURATED_GROUP,
        kinds={"spark", "parquet"},
        deps=[RAW_CATALOG],
        description=TABLE_DESCRIPTIONS[table],
        freshness_policy=dg.FreshnessPolicy.time_window(
            fail_window=timedelta(hours=CURATED_FRESHNESS_HOURS)
        ),
    )
    for table, key in CURATED_TABLE_KEYS.items()
]


@dg.multi_asset(name=CURATED_OP, specs=CURATED_SPECS, can_subset=False)
def fleet_curated_tables(
    context: dg.AssetExecutionContext,
    config: SnapshotConfig,
    raw_sync: RawSyncStore,
    curated: CuratedStore,
    etl: FleetEtl,
    catalog: RawCatalog,
    sql: SqlEngine,
    policy: SnapshotPolicy,
) -> Iterator[dg.MaterializeResult]:
    try:
        as_of = resolve_as_of(config.as_of, policy.default_as_of)
        raw_sync.require_tree()
        curated.require_writable()
        catalog.require_writable()
    except FleetSettingError as error:
        raise dg.Failure(description=str(error)) from None
    request = EtlRequest(
        raw_uri=raw_sync.location(),
        curated_uri=curated.location(),
        as_of=as_of,
        stale_after_hours=policy.stale_after_hours,
        request_id=context.run_id,
    )

    result = etl.run(request)
    views = catalog.register_curated_tables({t: curated.table_glob(t) for t in CURATED_TABLES})

    for sentence in run_sentences(result, _rejected_by_type(sql, result)):
        context.log.info(sentence)
    context.log.info(
        f"Curated views {', '.join(views)} now include snapshot {result.snapshot_date}."
    )
    for table, key in CURATED_TABLE_KEYS.items():
        yield dg.MaterializeResult(
            asset_key=key, metadata=table_metadata(result, result.tables[table])
        )


def _rejected_by_type(sql: SqlEngine, result: EtlResult) -> pd.DataFrame:
    if result.rejected_count == 0:
        return pd.DataFrame(columns=["type_name", "reason", "whole_object", "count"])
    return sql.query(
        "SELECT type_name, reason, line_number IS NULL AS whole_object, count(*) AS count "
        "FROM read_parquet(?) GROUP BY ALL ORDER BY count DESC, type_name, reason",
        [f"{result.rejected_uri}/*.parquet"],
    )
