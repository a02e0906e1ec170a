"""`patch_compliance`: one row per inventory instance with Patch compliance data.

Status comes from the Patch ComplianceSummary, else from the Patch ComplianceItems; counts by
severity from the summary, counts by patch state from the items (else from PatchSummary).
"""

from __future__ import annotations

from pyspark.sql import Column, DataFrame
from pyspark.sql import functions as F
from pyspark.sql import types as T

from glue_jobs.instances import IDENTITY
from glue_jobs.normalize import (
    COMPLIANCE_STATUSES,
    PATCH_STATES,
    SEVERITIES,
    UNKNOWN_PATCH_STATE,
    failed_to_parse,
    patch_state,
    to_enum,
    to_int,
    to_timestamp_utc,
    unparsed_map,
)
from glue_jobs.schemas import COMPLIANCE_ITEM, COMPLIANCE_SUMMARY, PATCH_SUMMARY
from glue_jobs.tables.columns import attribute, capture_time, of_type

_SEVERITY_WORDS = ("critical", "high", "medium", "low", "informational", "unspecified")
_STATE_COUNTS = {
    "INSTALLED": ("installed_count", "InstalledCount"),
    "INSTALLED_OTHER": ("installed_other_count", "InstalledOtherCount"),
    "INSTALLED_PENDING_REBOOT": ("installed_pending_reboot_count", "InstalledPendingRebootCount"),
    "INSTALLED_REJECTED": ("installed_rejected_count", "InstalledRejectedCount"),
    "MISSING": ("missing_count", "MissingCount"),
    "FAILED": ("failed_count", "FailedCount"),
    "NOT_APPLICABLE": ("not_applicable_count", "NotApplicableCount"),
    "AVAILABLE_SECURITY_UPDATE": (
        "available_security_update_count",
        "AvailableSecurityUpdateCount",
    ),
}
assert tuple(_STATE_COUNTS) == PATCH_STATES

_SEVERITY_COUNTS = [
    (f"{prefix}_{word}_count", f"{attribute_prefix}{word.capitalize()}Count")
    for prefix, attribute_prefix in (("compliant", "Compliant"), ("non_compliant", "NonCompliant"))
    for word in _SEVERITY_WORDS
]

SCHEMA = T.StructType(
    [
        T.StructField("account_id", T.StringType()),
        T.StructField("region", T.StringType()),
        T.StructField("instance_id", T.StringType()),
        T.StructField("compliance_status", T.StringType()),
        T.StructField("compliance_status_source", T.StringType()),
        T.StructField("overall_severity", T.StringType()),
        *[T.StructField(column, T.IntegerType()) for column, _ in _SEVERITY_COUNTS],
        *[T.StructField(column, T.IntegerType()) for column, _ in _STATE_COUNTS.values()],
        T.StructField("unknown_state_count", T.IntegerType()),
        T.StructField("missing_critical_count", T.IntegerType()),
        T.StructField("patch_item_count", T.IntegerType()),
        T.StructField("baseline_id", T.StringType()),
        T.StructField("patch_group", T.StringType()),
        T.StructField("execution_id", T.StringType()),
        T.StructField("operation_type", T.StringType()),
        T.StructField("last_scan_time", T.TimestampType()),
        T.StructField("capture_time", T.TimestampType()),
        T.StructField("unparsed_values", T.MapType(T.StringType(), T.StringType())),
    ]
)


def build_patch_compliance(records: DataFrame) -> DataFrame:
    """Summary, items and PatchSummary of each instance joined into one compliance row."""
    summaries = patch_summaries(records)
    items = patch_item_totals(records)
    scans = patch_scans(records)
    joined = summaries.join(items, IDENTITY, "full").join(scans, IDENTITY, "left")

    has_items = F.coalesce(F.col("patch_item_count"), F.lit(0)) > 0
    derived_status = F.when(
        has_items, F.when(F.col("items_non_compliant"), "NON_COMPLIANT").otherwise("COMPLIANT")
    )
    state_counts = [
        F.when(has_items, F.col(f"items_{column}")).otherwise(F.col(f"scan_{column}")).alias(column)
        for column, _ in _STATE_COUNTS.values()
    ]
    return joined.select(
        *IDENTITY,
        F.coalesce(F.col("summary_status"), derived_status).alias("compliance_status"),
        F.when(F.col("summary_status").isNotNull(), "summary")
        .when(has_items, "items")
        .otherwise("summary")
        .alias("compliance_status_source"),
        F.col("overall_severity"),
        *[F.col(column) for column, _ in _SEVERITY_COUNTS],
        *state_counts,
        F.when(has_items, F.col("items_unknown_state_count")).alias("unknown_state_count"),
        F.when(has_items, F.col("items_missing_critical_count"))
        .otherwise(F.col("non_compliant_critical_count"))
        .alias("missing_critical_count"),
        F.coalesce(F.col("patch_item_count"), F.lit(0)).alias("patch_item_count"),
        _first_present("scan_baseline_id", "summary_baseline_id", "items_baseline_id").alias(
            "baseline_id"
        ),
        _first_present("scan_patch_group", "summary_patch_group", "items_patch_group").alias(
            "patch_group"
        ),
        _first_present("summary_execution_id", "scan_execution_id", "items_execution_id").alias(
            "execution_id"
        ),
        F.col("scan_operation_type").alias("operation_type"),
        F.coalesce("scan_end_time", "summary_execution_time", "items_execution_time").alias(
            "last_scan_time"
        ),
        F.greatest("summary_capture_time", "items_capture_time", "scan_capture_time").alias(
            "capture_time"
        ),
        _merged_unparsed().alias("unparsed_values"),
    )


def is_patch_type(raw: Column) -> Column:
    return F.lower(F.trim(raw)) == "patch"


def patch_summaries(records: DataFrame) -> DataFrame:
    """The kept ComplianceSummary line of type Patch of each instance."""
    lines = of_type(records, COMPLIANCE_SUMMARY).filter(is_patch_type(attribute("ComplianceType")))
    typed = [
        (
            "compliance_status",
            attribute("Status"),
            to_enum(attribute("Status"), COMPLIANCE_STATUSES),
        ),
        (
            "overall_severity",
            attribute("OverallSeverity"),
            to_enum(attribute("OverallSeverity"), SEVERITIES),
        ),
        *[(column, attribute(name), to_int(attribute(name))) for column, name in _SEVERITY_COUNTS],
        (
            "summary_execution_time",
            attribute("ExecutionTime"),
            to_timestamp_utc(attribute("ExecutionTime")),
        ),
    ]
    return lines.select(
        *IDENTITY,
        typed[0][2].alias("summary_status"),
        *[value.alias(name) for name, _, value in typed[1:]],
        F.nullif(attribute("PatchBaselineId"), F.lit("")).alias("summary_baseline_id"),
        F.nullif(attribute("PatchGroup"), F.lit("")).alias("summary_patch_group"),
        F.nullif(attribute("ExecutionId"), F.lit("")).alias("summary_execution_id"),
        capture_time().alias("summary_capture_time"),
        unparsed_map(typed).alias("summary_unparsed"),
    )


def patch_item_totals(records: DataFrame) -> DataFrame:
    """Counts over each instance's Patch ComplianceItems; Association and Custom items ignored."""
    items = of_type(records, COMPLIANCE_ITEM).filter(is_patch_type(attribute("ComplianceType")))
    status = to_enum(attribute("Status"), COMPLIANCE_STATUSES)
    severity = to_enum(attribute("Severity"), SEVERITIES)
    execution_time = to_timestamp_utc(attribute("ExecutionTime"))
    typed = items.select(
        *IDENTITY,
        patch_state(attribute("PatchState")).alias("state"),
        status.alias("status"),
        severity.alias("severity"),
        execution_time.alias("execution_time"),
        F.nullif(attribute("PatchBaselineId"), F.lit("")).alias("baseline_id"),
        F.nullif(attribute("PatchGroup"), F.lit("")).alias("patch_group"),
        F.nullif(attribute("ExecutionId"), F.lit("")).alias("execution_id"),
        capture_time().alias("capture_time"),
        *[
            F.when(failed, raw).alias(f"raw_{name}")
            for name, raw, failed in (
                ("status", attribute("Status"), failed_to_parse(attribute("Status"), status)),
                (
                    "severity",
                    attribute("Severity"),
                    failed_to_parse(attribute("Severity"), severity),
                ),
                (
                    "execution_time",
                    attribute("ExecutionTime"),
                    failed_to_parse(attribute("ExecutionTime"), execution_time),
                ),
            )
        ],
    )

    def count_where(condition: Column) -> Column:
        return F.sum(F.when(condition, 1).otherwise(0)).cast("int")

    return typed.groupBy(*IDENTITY).agg(
        F.count(F.lit(1)).cast("int").alias("patch_item_count"),
        F.max(F.col("status") == "NON_COMPLIANT").alias("items_non_compliant"),
        *[
            count_where(F.col("state") == state).alias(f"items_{column}")
            for state, (column, _) in _STATE_COUNTS.items()
        ],
        count_where(F.col("state") == UNKNOWN_PATCH_STATE).alias("items_unknown_state_count"),
        count_where((F.col("status") == "NON_COMPLIANT") & (F.col("severity") == "CRITICAL")).alias(
            "items_missing_critical_count"
        ),
        F.max("baseline_id").alias("items_baseline_id"),
        F.max("patch_group").alias("items_patch_group"),
        F.max_by("execution_id", "execution_time").alias("items_execution_id"),
        F.max("execution_time").alias("items_execution_time"),
        F.max("capture_time").alias("items_capture_time"),
        unparsed_map(
            [
                (f"item_{name}", F.max(f"raw_{name}"), F.lit(None))
                for name in ("status", "severity", "execution_time")
            ]
        ).alias("items_unparsed"),
    )


def patch_scans(records: DataFrame) -> DataFrame:
    """The kept PatchSummary line of each instance: baseline, last scan and counts by state."""
    lines = of_type(records, PATCH_SUMMARY)
    typed = [
        *[
            (column, attribute(name), to_int(attribute(name)))
            for column, name in _STATE_COUNTS.values()
        ],
        (
            "last_scan_time",
            attribute("OperationEndTime"),
            to_timestamp_utc(attribute("OperationEndTime")),
        ),
    ]
    return lines.select(
        *IDENTITY,
        *[value.alias(f"scan_{column}") for column, _, value in typed[:-1]],
        typed[-1][2].alias("scan_end_time"),
        F.nullif(attribute("BaselineId"), F.lit("")).alias("scan_baseline_id"),
        F.nullif(attribute("PatchGroup"), F.lit("")).alias("scan_patch_group"),
        F.nullif(attribute("ExecutionId"), F.lit("")).alias("scan_execution_id"),
        attribute("OperationType").alias("scan_operation_type"),
        capture_time().alias("scan_capture_time"),
        unparsed_map(typed).alias("scan_unparsed"),
    )


def _first_present(*columns: str) -> Column:
    return F.coalesce(*[F.col(column) for column in columns])


def _merged_unparsed() -> Column:
    empty = F.create_map().cast("map<string,string>")
    return F.map_concat(
        F.coalesce("summary_unparsed", empty),
        F.coalesce("items_unparsed", empty),
        F.coalesce("scan_unparsed", empty),
    )
