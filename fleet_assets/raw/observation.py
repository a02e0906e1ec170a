"""The facts about the raw sync tree that lineage records each time it is observed."""

import dagster as dg

from fleet_assets.resources.storage import RawSyncSummary
from glue_jobs.wording import counted


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
    off_layout = (
        f", plus {counted(summary.off_layout_objects, 'object')} outside the sync layout "
        "(such as test.json)"
        if summary.off_layout_objects
        else ""
    )
    return (
        f"The raw sync at {summary.uri} holds {counted(summary.total_objects, 'object')} "
        f"({counted(summary.total_bytes, 'byte')}) in "
        f"{counted(len(summary.objects_by_type), 'type')}{off_layout}."
    )
