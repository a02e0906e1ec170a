"""`rejected`: every line or object set aside, with its source key and reason."""

from __future__ import annotations

from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F
from pyspark.sql import types as T

from glue_jobs.entries import SUPERSEDED_ENTRY
from glue_jobs.lines import RAW_LINE_LIMIT
from glue_jobs.plan import FileReject

SCHEMA = T.StructType(
    [
        T.StructField("source_key", T.StringType()),
        T.StructField("type_name", T.StringType()),
        T.StructField("account_id", T.StringType()),
        T.StructField("region", T.StringType()),
        T.StructField("instance_id", T.StringType()),
        T.StructField("line_number", T.IntegerType()),
        T.StructField("reason", T.StringType()),
        T.StructField("raw_line", T.StringType()),
    ]
)


def file_rejects(spark: SparkSession, rows: list[FileReject]) -> DataFrame:
    """Objects set aside on the driver: (source_key, type, account, region, instance, reason)."""
    return spark.createDataFrame([(*row[:5], None, row[5], None) for row in rows], SCHEMA)


def line_rejects(records: DataFrame) -> DataFrame:
    return records.filter(F.col("line_status") == "rejected").select(
        "source_key",
        "type_name",
        "account_id",
        "region",
        "instance_id",
        "line_number",
        F.col("reject_reason").alias("reason"),
        "raw_line",
    )


def superseded_rejects(superseded: DataFrame) -> DataFrame:
    """Superseded entries; their raw text is rebuilt from the parsed attributes."""
    return superseded.select(
        "source_key",
        "type_name",
        "account_id",
        "region",
        "instance_id",
        "line_number",
        F.lit(SUPERSEDED_ENTRY).alias("reason"),
        F.substring(F.to_json("attributes"), 1, RAW_LINE_LIMIT).alias("raw_line"),
    )


def build_rejected(parts: list[DataFrame]) -> DataFrame:
    frame = parts[0]
    for part in parts[1:]:
        frame = frame.unionByName(part)
    return frame
