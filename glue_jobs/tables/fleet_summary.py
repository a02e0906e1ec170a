"""`fleet_summary`: one row per inventory instance joining inventory, patch compliance and apps.

Instances without patch data or applications are kept; a stale instance is never shown COMPLIANT.
"""

from __future__ import annotations

from pyspark.sql import DataFrame
from pyspark.sql import functions as F
from pyspark.sql import types as T

from glue_jobs.instances import IDENTITY
from glue_jobs.software import JAVA

SCHEMA = T.StructType(
    [
        T.StructField("account_id", T.StringType()),
        T.StructField("region", T.StringType()),
        T.StructField("instance_id", T.StringType()),
        T.StructField("computer_name", T.StringType()),
        T.StructField("is_live", T.BooleanType()),
        T.StructField("is_stale", T.BooleanType()),
        T.StructField("is_terminated", T.BooleanType()),
        T.StructField("instance_status", T.StringType()),
        T.StructField("environment", T.StringType()),
        T.StructField("platform_type", T.StringType()),
        T.StructField("platform_name", T.StringType()),
        T.StructField("compliance_status", T.StringType()),
        T.StructField("effective_compliance", T.StringType()),
        T.StructField("overall_severity", T.StringType()),
        T.StructField("missing_critical_count", T.IntegerType()),
        T.StructField("baseline_id", T.StringType()),
        T.StructField("last_scan_time", T.TimestampType()),
        T.StructField("application_count", T.IntegerType()),
        T.StructField("java_major_versions", T.ArrayType(T.IntegerType())),
        T.StructField("last_capture_time", T.TimestampType()),
        T.StructField("hours_since_report", T.DoubleType()),
    ]
)

NO_PATCH_DATA = "NO_PATCH_DATA"
STALE = "STALE"


def build_fleet_summary(
    inventory: DataFrame, patch_compliance: DataFrame, applications: DataFrame
) -> DataFrame:
    """Every inventory instance with its compliance and application facts."""
    compliance = patch_compliance.select(
        *IDENTITY,
        "compliance_status",
        "overall_severity",
        "missing_critical_count",
        "baseline_id",
        "last_scan_time",
    )
    joined = inventory.join(compliance, IDENTITY, "left").join(
        application_totals(applications), IDENTITY, "left"
    )
    return (
        joined.withColumn("effective_compliance", effective_compliance())
        .withColumn("application_count", F.coalesce("application_count", F.lit(0)))
        .withColumn(
            "java_major_versions",
            F.coalesce("java_major_versions", F.array().cast("array<int>")),
        )
        .select(*SCHEMA.names)
    )


def effective_compliance() -> F.Column:
    """NO_PATCH_DATA without patch data, STALE for a stale instance, else the compliance status."""
    return (
        F.when(F.col("compliance_status").isNull(), NO_PATCH_DATA)
        .when(F.col("is_stale"), STALE)
        .otherwise(F.col("compliance_status"))
    )


def application_totals(applications: DataFrame) -> DataFrame:
    """Per instance: how many applications, and the distinct Java major versions, ascending."""
    java_major = F.when(F.col("software_family") == JAVA, F.col("major_version"))
    return applications.groupBy(*IDENTITY).agg(
        F.count(F.lit(1)).cast("int").alias("application_count"),
        F.array_sort(F.array_distinct(F.collect_list(java_major))).alias("java_major_versions"),
    )
