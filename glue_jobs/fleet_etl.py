"""The fleet ETL: raw Resource Data Sync objects in, four curated snapshot tables out.

`run_etl` is the one program; `python -m glue_jobs.fleet_etl` and `glue_jobs.glue_entry` are its
two entry points.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from dataclasses import dataclass, field
from datetime import UTC, datetime

from pyspark import StorageLevel
from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import types as T

from glue_jobs import metrics
from glue_jobs.contract import (
    CURATED_TABLES,
    REJECTED_FOLDER,
    EtlRequest,
    EtlResult,
    TableResult,
    parse_instant,
)
from glue_jobs.entries import split_superseded
from glue_jobs.instances import known_instances, of_known_instances, orphans
from glue_jobs.lines import PARSED
from glue_jobs.listing import list_raw_objects, local_root
from glue_jobs.plan import ReadPlan, plan_reads
from glue_jobs.records import read_records
from glue_jobs.schemas import APPLICATION
from glue_jobs.tables import applications, fleet_summary, inventory, patch_compliance, rejected
from glue_jobs.wording import counted
from glue_jobs.writers import (
    check_columns,
    partition_folder,
    result_path,
    write_partition,
    write_result,
)

log = logging.getLogger("glue_jobs.fleet_etl")

ROWS_PER_FILE = 1_000_000
# Settings the typed output depends on, applied to whichever session the caller hands in.
SQL_SETTINGS = {
    "spark.sql.session.timeZone": "UTC",
    "spark.sql.parquet.outputTimestampType": "TIMESTAMP_MICROS",
}
PARTITION_TYPE = ("snapshot_date", "date")


def run_etl(spark: SparkSession, request: EtlRequest) -> EtlResult:
    """Compute and write the snapshot `request.snapshot_date` of every curated table."""
    for key, value in SQL_SETTINGS.items():
        spark.conf.set(key, value)
    curated_root = local_root(request.curated_uri, "FLEET_CURATED_URI")
    listed = list_raw_objects(request.raw_uri)
    plan = plan_reads(listed)
    log.info(
        "Listed %s under %s: reading %d, setting aside %d, skipping %s.",
        counted(len(listed), "object"),
        request.raw_uri,
        len(plan.to_read),
        len(plan.file_rejects),
        dict(plan.skipped_files_by_reason),
    )

    records = read_records(spark, request.raw_uri, plan.to_read)
    records.persist(StorageLevel.MEMORY_AND_DISK)
    try:
        run = _SnapshotRun(spark, request, curated_root, plan, len(listed))
        return run.execute(records)
    finally:
        records.unpersist()


@dataclass
class _SnapshotRun:
    spark: SparkSession
    request: EtlRequest
    curated_root: str
    plan: ReadPlan
    files_listed: int
    written: dict[str, DataFrame] = field(default_factory=dict)

    def execute(self, records: DataFrame) -> EtlResult:
        kept, superseded = split_superseded(records.filter(records.line_status == PARSED))
        instances = known_instances(kept).persist(StorageLevel.MEMORY_AND_DISK)
        curated = of_known_instances(kept, instances).persist(StorageLevel.MEMORY_AND_DISK)
        application_lines = metrics.parsed_lines_by_type(records).get(APPLICATION, 0)

        self.write(
            "inventory",
            inventory.build_inventory(curated, self.request.as_of, self.request.stale_after_hours),
            inventory.SCHEMA,
        )
        self.write(
            "applications",
            applications.build_applications(curated),
            applications.SCHEMA,
            rows=application_lines,
        )
        self.write(
            "patch_compliance",
            patch_compliance.build_patch_compliance(curated),
            patch_compliance.SCHEMA,
        )
        self.write(
            "fleet_summary",
            fleet_summary.build_fleet_summary(
                self.written["inventory"],
                self.written["patch_compliance"],
                self.written["applications"],
            ),
            fleet_summary.SCHEMA,
        )
        set_aside = rejected.build_rejected(
            [
                rejected.file_rejects(self.spark, self.plan.file_rejects),
                rejected.line_rejects(records),
                rejected.superseded_rejects(superseded),
            ]
        )
        self.write(REJECTED_FOLDER, set_aside, rejected.SCHEMA)

        orphan_count, orphan_sample = metrics.orphan_facts(orphans(kept, instances))
        curated.unpersist()
        instances.unpersist()
        result = self.result(records, orphan_count, orphan_sample)
        write_result(result.result_uri, result.to_json())
        _log_outcome(result)
        return result

    def write(self, table: str, frame: DataFrame, schema: T.StructType, rows: int = 0) -> None:
        """Write one table's partition, then read it back for the metrics and later tables."""
        check_columns(table, schema)
        folder = self.folder(table)
        write_partition(frame, schema, folder, files=max(1, -(-rows // ROWS_PER_FILE)))
        self.written[table] = self.spark.read.schema(schema).parquet(f"file://{folder}")

    def folder(self, table: str) -> str:
        return partition_folder(self.curated_root, table, self.request.snapshot_date)

    def result(
        self, records: DataFrame, orphan_count: int, orphan_sample: list[dict[str, str]]
    ) -> EtlResult:
        counts = metrics.line_counts(records)
        set_aside = self.written[REJECTED_FOLDER]
        rejected_by_reason = metrics.counts_by(set_aside, "reason")
        tables = {name: self.table_result(name) for name in CURATED_TABLES}
        unparsed = metrics.merged(
            *[
                metrics.unparsed_counts(name, self.written[name])
                for name in tables
                if "unparsed_values" in self.written[name].columns
            ]
        )
        unknown_states = (
            self.written["patch_compliance"].agg({"unknown_state_count": "sum"}).collect()[0][0]
        )
        return EtlResult(
            snapshot_date=self.request.snapshot_date,
            as_of=self.request.as_of.astimezone(UTC).isoformat(),
            engine_run_id=self.spark.sparkContext.applicationId,
            tables=tables,
            files_listed=self.files_listed,
            files_by_type=dict(sorted(self.plan.files_by_type.items())),
            lines_read=counts["lines_read"],
            blank_lines=counts["blank_lines"],
            rejected_count=sum(rejected_by_reason.values()),
            rejected_by_reason=dict(sorted(rejected_by_reason.items())),
            rejected_uri=self.folder(REJECTED_FOLDER),
            skipped_files_by_reason=dict(sorted(self.plan.skipped_files_by_reason.items())),
            orphan_count=orphan_count,
            orphan_sample=orphan_sample,
            unparsed_values=unparsed,
            unknown_patch_states=int(unknown_states or 0),
            result_uri=result_path(self.curated_root, self.request.snapshot_date),
            line_notes=metrics.merged(metrics.line_notes(records)),
        )

    def table_result(self, name: str) -> TableResult:
        frame = self.written[name]
        return TableResult(
            name=name,
            uri=self.folder(name),
            row_count=frame.count(),
            columns=[(f.name, f.dataType.simpleString()) for f in frame.schema] + [PARTITION_TYPE],
            preview=metrics.preview(frame),
        )


def _log_outcome(result: EtlResult) -> None:
    rows = ", ".join(
        f"{name} {counted(table.row_count, 'row')}" for name, table in result.tables.items()
    )
    log.info("Wrote snapshot %s: %s.", result.snapshot_date, rows)
    if result.rejected_count:
        log.warning(
            "%s set aside %s; see %s.",
            counted(result.rejected_count, "line or object", "lines or objects"),
            result.rejected_by_reason,
            result.rejected_uri,
        )
    if result.orphan_count:
        log.warning(
            "%s with inventory data but no AWS:InstanceInformation record left out of the "
            "curated tables; the result lists a sample.",
            counted(result.orphan_count, "instance"),
        )


def request_from_arguments(
    raw_uri: str | None,
    curated_uri: str | None,
    as_of: str | None,
    stale_after_hours: float | str | None = None,
    request_id: str | None = None,
) -> EtlRequest:
    """An EtlRequest from command-line or Glue job arguments, with one-sentence errors."""
    raw_uri = raw_uri or os.environ.get("FLEET_RAW_URI")
    curated_uri = curated_uri or os.environ.get("FLEET_CURATED_URI")
    if not raw_uri:
        raise ValueError("No raw sync location given; pass --raw-uri or set FLEET_RAW_URI.")
    if not curated_uri:
        raise ValueError("No curated location given; pass --curated-uri or set FLEET_CURATED_URI.")
    return EtlRequest(
        raw_uri=raw_uri,
        curated_uri=curated_uri,
        as_of=parse_as_of(as_of),
        stale_after_hours=24.0 if stale_after_hours in (None, "") else float(stale_after_hours),
        request_id=request_id or None,
    )


def parse_as_of(text: str | None) -> datetime:
    """The --as-of instant (`2026-12-03T06:00:00Z`, no zone means UTC); none means now."""
    if not text:
        return datetime.now(UTC)
    return parse_instant(text, "--as-of")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the curated fleet tables for one snapshot.")
    parser.add_argument("--raw-uri", help="raw sync folder (default: $FLEET_RAW_URI)")
    parser.add_argument("--curated-uri", help="curated tables folder (default: $FLEET_CURATED_URI)")
    parser.add_argument("--as-of", help="ISO-8601 instant with zone (default: now)")
    parser.add_argument("--stale-after-hours", type=float, default=24.0)
    parser.add_argument("--request-id")
    arguments = parser.parse_args(argv)
    request = request_from_arguments(
        arguments.raw_uri,
        arguments.curated_uri,
        arguments.as_of,
        arguments.stale_after_hours,
        arguments.request_id,
    )

    from glue_jobs.spark_session import local_spark_session

    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    spark = local_spark_session()
    try:
        result = run_etl(spark, request)
    finally:
        spark.stop()
    sys.stdout.write(f"{result.result_uri}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
