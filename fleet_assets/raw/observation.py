"""The facts about the raw sync tree that lineage records each time it is observed."""

import dagster as dg

from fleet_assets.resources.storage import RawSyncSummary


def raw_sync_metadata(summary: RawSyncSummary) -> dict[str, dg.MetadataValue]:
    newest = summary.newest_write_time
    return {
        "dagster/uri": dg.MetadataValue.path(summary.uri),
        "total_objects": dg.MetadataValue.int(summary.total_objects),
        "total_bytes": dg.MetadataValue.int(summary.total_bytes),
        "objects_by_type": dg.MetadataValue.json(summary.objects_by_type),
        "bytes_by_type": dg.MetadataValue.json(summary.bytes_by_type),
        "empty_objects_by_type": dg.MetadataValue.json(summary.empty_objects_by_type),
        "off_layout_objects": dg.MetadataValue.int(summary.off_layout_objects),
        "off_layout_sample": dg.MetadataValue.json(summary.off_layout_sample),
        "newest_write_time": (
            dg.MetadataValue.timestamp(newest) if newest is not None else dg.MetadataValue.null()
        ),
        "fingerprint": dg.MetadataValue.text(summary.fingerprint),
    }


def raw_sync_sentence(summary: RawSyncSummary) -> str:
    return (
        f"The raw sync at {summary.uri} holds {summary.total_objects} objects "
        f"({summary.total_bytes} bytes) in {len(summary.objects_by_type)} types, plus "
        f"{summary.off_layout_objects} objects outside the sync layout (such as test.json)."
    )
