"""How one ETL run is described to a person: materialization metadata and log sentences."""

from __future__ import annotations

import dagster as dg
import pandas as pd

from glue_jobs.contract import EtlResult, TableResult
from glue_jobs.wording import counted

PREVIEW_ROWS = 5


def table_metadata(result: EtlResult, table: TableResult) -> dict[str, dg.MetadataValue]:
    return {
        "dagster/row_count": dg.MetadataValue.int(table.row_count),
        "dagster/column_schema": dg.MetadataValue.table_schema(_schema(table)),
        "dagster/uri": dg.MetadataValue.text(table.uri),
        "dagster/table_name": dg.MetadataValue.text(f"fleet.{table.name}"),
        "snapshot_date": dg.MetadataValue.text(result.snapshot_date),
        "as_of": dg.MetadataValue.text(result.as_of),
        "preview": dg.MetadataValue.md(_preview_markdown(table)),
        "lines_read": dg.MetadataValue.int(result.lines_read),
        "rejected_lines": dg.MetadataValue.int(result.rejected_count),
        "rejected_by_reason": dg.MetadataValue.json(result.rejected_by_reason),
        "rejected_uri": dg.MetadataValue.path(result.rejected_uri),
        "skipped_files_by_reason": dg.MetadataValue.json(result.skipped_files_by_reason),
        "orphan_count": dg.MetadataValue.int(result.orphan_count),
        "orphans": dg.MetadataValue.json(result.orphan_sample),
        "unparsed_values": dg.MetadataValue.json(result.unparsed_values),
        "engine_run_id": dg.MetadataValue.text(result.engine_run_id),
        "etl_result": dg.MetadataValue.path(result.result_uri),
    }


def run_sentences(result: EtlResult, rejected_by_type: pd.DataFrame) -> list[str]:
    """Operator sentences: what was read, what was set aside and where to look."""
    tables = ", ".join(f"{t.name} {counted(t.row_count, 'row')}" for t in result.tables.values())
    sentences = [
        f"Snapshot {result.snapshot_date} (as of {result.as_of}) read "
        f"{counted(result.lines_read, 'line')} from {counted(result.files_listed, 'file')} and "
        f"wrote {tables}."
    ]
    for row in rejected_by_type.itertuples(index=False):
        unit = "object" if row.whole_object else "line"
        where = "outside the sync layout" if pd.isna(row.type_name) else f"of {row.type_name}"
        sentences.append(
            f"{counted(row.count, unit)} {where} set aside ({row.reason}); "
            f"see {result.rejected_uri}/."
        )
    for reason, count in sorted(result.skipped_files_by_reason.items()):
        if reason not in result.rejected_by_reason:
            sentences.append(f"{counted(count, 'object')} skipped ({reason}).")
    if result.orphan_count:
        ids = list(dict.fromkeys(o.get("instance_id", "?") for o in result.orphan_sample))
        sentences.append(
            f"{counted(result.orphan_count, 'instance')} "
            f"{'appears' if result.orphan_count == 1 else 'appear'} only in types other than "
            f"AWS:InstanceInformation (orphans, e.g. {', '.join(ids[:5])}); their lines stay "
            "out of the curated tables."
        )
    for column, count in sorted(result.unparsed_values.items()):
        sentences.append(
            f"{counted(count, 'value')} of {column} did not parse; null in the table, the raw "
            "text kept in unparsed_values."
        )
    return sentences


def _schema(table: TableResult) -> dg.TableSchema:
    return dg.TableSchema(
        columns=[dg.TableColumn(name=name, type=kind) for name, kind in table.columns]
    )


def _preview_markdown(table: TableResult) -> str:
    if not table.preview:
        return "_no rows_"
    frame = pd.DataFrame(table.preview[:PREVIEW_ROWS]).astype(str)
    return frame.to_markdown(index=False, disable_numparse=True)
