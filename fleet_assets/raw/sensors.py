"""Observes the raw sync tree: an observation of ssm/raw_sync each time its contents change."""

import json

import dagster as dg

from fleet_assets.constants import RAW_SYNC, RAW_SYNC_SENSOR
from fleet_assets.raw.observation import raw_sync_metadata, raw_sync_sentence
from fleet_assets.resources.storage import RawSyncStore, RawSyncSummary
from fleet_assets.settings import FleetSettingError


def raw_sync_cursor(summary: RawSyncSummary) -> str:
    return json.dumps(
        {
            "fingerprint": summary.fingerprint,
            "total_objects": summary.total_objects,
            "newest_write_time": summary.newest_write_time,
        },
        sort_keys=True,
    )


@dg.sensor(
    name=RAW_SYNC_SENSOR,
    minimum_interval_seconds=120,
    default_status=dg.DefaultSensorStatus.RUNNING,
    description="Records an observation of ssm/raw_sync whenever an object is added, "
    "rewritten or removed.",
)
def raw_sync_sensor(
    context: dg.SensorEvaluationContext, raw_sync: RawSyncStore
) -> dg.SensorResult | dg.SkipReason:
    try:
        summary = raw_sync.summarize()
    except FleetSettingError as error:
        return dg.SkipReason(str(error))

    # The sync rewrites the same key per instance, so the cursor fingerprints every object's
    # size and write time rather than keeping a key or time high-water mark.
    previous = json.loads(context.cursor) if context.cursor else {}
    if previous.get("fingerprint") == summary.fingerprint:
        return dg.SkipReason(f"Unchanged since the last tick: {raw_sync_sentence(summary)}")

    observation = dg.AssetObservation(asset_key=RAW_SYNC, metadata=raw_sync_metadata(summary))
    return dg.SensorResult(asset_events=[observation], cursor=raw_sync_cursor(summary))
