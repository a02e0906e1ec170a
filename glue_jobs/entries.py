"""Keeping one entry where SSM keeps one: the latest line of a single-entry type wins.

InstanceInformation, InstanceDetailedInformation and PatchSummary hold one line per node, and
ComplianceSummary one line per compliance type; any further line is superseded, set aside
and counted.
"""

from __future__ import annotations

from pyspark.sql import Column, DataFrame, Window
from pyspark.sql import functions as F

from glue_jobs.normalize import to_timestamp_utc
from glue_jobs.schemas import CURATED_TYPES

SUPERSEDED_ENTRY = "superseded_entry"

_DEDUPED = {
    name: schema
    for name, schema in CURATED_TYPES.items()
    if schema.single_entry or schema.entry_key
}


def _entry_value() -> Column:
    value = F.lit("")
    for name, schema in _DEDUPED.items():
        if schema.entry_key:
            entry = F.lower(F.trim(F.coalesce(F.col("attributes")[schema.entry_key], F.lit(""))))
            value = F.when(F.col("type_name") == name, entry).otherwise(value)
    return value


def split_superseded(parsed: DataFrame) -> tuple[DataFrame, DataFrame]:
    """(kept, superseded): per entry the greatest captureTime wins, then the later line."""
    is_deduped = F.col("type_name").isin(list(_DEDUPED))
    window = Window.partitionBy(
        "type_name", "account_id", "region", "instance_id", "_entry"
    ).orderBy(
        to_timestamp_utc(F.col("capture_time_raw")).desc_nulls_last(),
        F.col("source_key").desc(),
        F.col("line_number").desc(),
    )
    ranked = (
        parsed.filter(is_deduped)
        .withColumn("_entry", _entry_value())
        .withColumn("_rank", F.row_number().over(window))
        .drop("_entry")
    )
    kept = parsed.filter(~is_deduped).unionByName(ranked.filter("_rank = 1").drop("_rank"))
    superseded = ranked.filter("_rank > 1").drop("_rank")
    return kept, superseded
