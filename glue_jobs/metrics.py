"""The small aggregates a run reports: only counts and short samples ever reach the driver."""

from __future__ import annotations

import json
from collections import Counter

from pyspark.sql import DataFrame
from pyspark.sql import functions as F

from glue_jobs.instances import IDENTITY
from glue_jobs.lines import BLANK, PARSED, REJECTED

PREVIEW_ROWS = 5
ORPHAN_SAMPLE_ROWS = 50


def line_counts(records: DataFrame) -> dict[str, int]:
    """Lines read (blank included), blank lines and lines parsed, over every object read."""
    rows = records.filter(F.col("line_number").isNotNull()).groupBy("line_status").count().collect()
    by_status = {row["line_status"]: row["count"] for row in rows}
    return {
        "lines_read": sum(by_status.get(status, 0) for status in (PARSED, REJECTED, BLANK)),
        "blank_lines": by_status.get(BLANK, 0),
        "parsed_lines": by_status.get(PARSED, 0),
    }


def parsed_lines_by_type(records: DataFrame) -> dict[str, int]:
    rows = records.filter(F.col("line_status") == PARSED).groupBy("type_name").count().collect()
    return {row["type_name"]: row["count"] for row in rows}


def line_notes(records: DataFrame) -> dict[str, int]:
    """`<type>.<note>` -> how many repairs of that kind were made to parsed lines of that type."""
    notes = records.select("type_name", F.explode("notes").alias("note"))
    rows = notes.groupBy("type_name", "note").count().collect()
    return {f"{row['type_name']}.{row['note']}": row["count"] for row in rows}


def counts_by(frame: DataFrame, column: str) -> dict[str, int]:
    return {row[column]: row["count"] for row in frame.groupBy(column).count().collect()}


def unparsed_counts(table: str, frame: DataFrame) -> dict[str, int]:
    """`<table>.<column>` -> rows whose raw value for that column failed to parse."""
    keys = frame.select(F.explode(F.map_keys("unparsed_values")).alias("column"))
    return {f"{table}.{column}": count for column, count in counts_by(keys, "column").items()}


def preview(frame: DataFrame, rows: int = PREVIEW_ROWS) -> list[dict[str, object]]:
    """The first rows as JSON-safe dicts (timestamps as ISO-8601 text, maps as objects)."""
    as_json = frame.limit(rows).select(
        F.to_json(F.struct("*"), {"ignoreNullFields": "false"}).alias("row")
    )
    return [json.loads(row["row"]) for row in as_json.collect()]


def orphan_facts(orphans: DataFrame) -> tuple[int, list[dict[str, str]]]:
    """How many instances are orphans, and a sample of (type, identity) rows."""
    count = orphans.select(*IDENTITY).distinct().count()
    sample = orphans.orderBy(*IDENTITY, "type_name").limit(ORPHAN_SAMPLE_ROWS).collect()
    return count, [row.asDict() for row in sample]


def merged(*counters: dict[str, int]) -> dict[str, int]:
    total: Counter[str] = Counter()
    for counter in counters:
        total.update(counter)
    return dict(sorted(total.items()))
