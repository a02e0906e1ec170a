"""`inventory`: one row per instance with an AWS:InstanceInformation record."""

from __future__ import annotations

from datetime import datetime

from pyspark.sql import DataFrame
from pyspark.sql import functions as F
from pyspark.sql import types as T

from glue_jobs.instances import IDENTITY
from glue_jobs.normalize import (
    INSTANCE_STATUSES,
    PLATFORM_TYPES,
    environment,
    is_blank,
    to_enum,
    to_kind,
    to_timestamp_utc,
)
from glue_jobs.schemas import INSTANCE_DETAILED_INFORMATION, INSTANCE_INFORMATION, TAG
from glue_jobs.tables.columns import attribute, capture_time, kind_of, of_type, with_typed

SCHEMA = T.StructType(
    [
        T.StructField("account_id", T.StringType()),
        T.StructField("region", T.StringType()),
        T.StructField("instance_id", T.StringType()),
        T.StructField("computer_name", T.StringType()),
        T.StructField("ip_address", T.StringType()),
        T.StructField("platform_type", T.StringType()),
        T.StructField("platform_name", T.StringType()),
        T.StructField("platform_version", T.StringType()),
        T.StructField("agent_type", T.StringType()),
        T.StructField("agent_version", T.StringType()),
        T.StructField("resource_type", T.StringType()),
        T.StructField("instance_status", T.StringType()),
        T.StructField("is_live", T.BooleanType()),
        T.StructField("is_terminated", T.BooleanType()),
        T.StructField("environment", T.StringType()),
        T.StructField("environment_tag", T.StringType()),
        T.StructField("tags", T.MapType(T.StringType(), T.StringType())),
        T.StructField("cpu_model", T.StringType()),
        T.StructField("cpus", T.IntegerType()),
        T.StructField("cpu_cores", T.IntegerType()),
        T.StructField("cpu_sockets", T.IntegerType()),
        T.StructField("cpu_speed_mhz", T.IntegerType()),
        T.StructField("cpu_hyperthread_enabled", T.BooleanType()),
        T.StructField("kernel_version", T.StringType()),
        T.StructField("os_service_pack", T.StringType()),
        T.StructField("last_capture_time", T.TimestampType()),
        T.StructField("hours_since_report", T.DoubleType()),
        T.StructField("is_stale", T.BooleanType()),
        T.StructField("unparsed_values", T.MapType(T.StringType(), T.StringType())),
    ]
)

_INFO_STRINGS = {
    "computer_name": "ComputerName",
    "ip_address": "IpAddress",
    "platform_name": "PlatformName",
    "platform_version": "PlatformVersion",
    "agent_type": "AgentType",
    "agent_version": "AgentVersion",
    "resource_type": "ResourceType",
}
_DETAIL_STRINGS = {
    "cpu_model": "CPUModel",
    "kernel_version": "KernelVersion",
    "os_service_pack": "OSServicePack",
}
_DETAIL_TYPED = {
    "cpus": "CPUs",
    "cpu_cores": "CPUCores",
    "cpu_sockets": "CPUSockets",
    "cpu_speed_mhz": "CPUSpeedMHz",
    "cpu_hyperthread_enabled": "CPUHyperThreadEnabled",
}


def build_inventory(records: DataFrame, as_of: datetime, stale_after_hours: float) -> DataFrame:
    """Instance facts from InstanceInformation, its CPU facts, tags and latest capture time."""
    info = of_type(records, INSTANCE_INFORMATION).select(
        *IDENTITY,
        *[attribute(name).alias(column) for column, name in _INFO_STRINGS.items()],
        attribute("PlatformType").alias("platform_type_raw"),
        attribute("InstanceStatus").alias("instance_status_raw"),
        F.col("capture_time_raw"),
    )
    details = of_type(records, INSTANCE_DETAILED_INFORMATION).select(
        *IDENTITY,
        *[attribute(name).alias(column) for column, name in _DETAIL_STRINGS.items()],
        *[attribute(name).alias(f"{column}_raw") for column, name in _DETAIL_TYPED.items()],
    )
    joined = (
        info.join(details, IDENTITY, "left")
        .join(tag_maps(of_type(records, TAG)), IDENTITY, "left")
        .join(last_capture_times(records), IDENTITY, "left")
    )

    typed = with_typed(
        joined,
        [
            *IDENTITY,
            *_INFO_STRINGS,
            *_DETAIL_STRINGS,
            "tags",
            "environment_tag",
            "last_capture_time",
            "instance_status_raw",
        ],
        [
            (
                "platform_type",
                F.col("platform_type_raw"),
                to_enum(F.col("platform_type_raw"), PLATFORM_TYPES),
            ),
            (
                "instance_status",
                F.col("instance_status_raw"),
                to_enum(F.col("instance_status_raw"), INSTANCE_STATUSES),
            ),
            *[
                (
                    column,
                    F.col(f"{column}_raw"),
                    to_kind(F.col(f"{column}_raw"), kind_of(INSTANCE_DETAILED_INFORMATION, name)),
                )
                for column, name in _DETAIL_TYPED.items()
            ],
            (
                "capture_time",
                F.col("capture_time_raw"),
                to_timestamp_utc(F.col("capture_time_raw")),
            ),
        ],
    )
    return with_liveness(typed, as_of, stale_after_hours).select(*SCHEMA.names)


def with_liveness(frame: DataFrame, as_of: datetime, stale_after_hours: float) -> DataFrame:
    """is_live (status Active or absent), is_terminated, hours_since_report, is_stale, environment.

    hours_since_report keeps a negative value when a capture time lies after as_of (clock skew).
    """
    status = F.col("instance_status")
    is_live = is_blank(F.col("instance_status_raw")) | (status == "Active")
    hours = (F.unix_micros(F.lit(as_of)) - F.unix_micros(F.col("last_capture_time"))) / 3.6e9
    return (
        frame.withColumn("is_live", is_live)
        .withColumn("is_terminated", F.coalesce(status == "Terminated", F.lit(False)))
        .withColumn("hours_since_report", hours)
        .withColumn(
            "is_stale",
            F.col("last_capture_time").isNull()
            | (F.col("is_live") & (F.col("hours_since_report") > F.lit(stale_after_hours))),
        )
        .withColumn("environment", environment(F.col("environment_tag")))
    )


def tag_maps(tags: DataFrame) -> DataFrame:
    """All tags of an instance as a map (a key repeated keeps its latest line) and its Environment.

    The exact key `Environment` wins over other spellings such as `environment`.
    """
    latest = (
        tags.filter(~is_blank(attribute("Key")))
        .groupBy(*IDENTITY, attribute("Key").alias("key"))
        .agg(
            F.max_by(attribute("Value"), F.struct(capture_time(), F.col("line_number"))).alias(
                "value"
            )
        )
    )
    return latest.groupBy(*IDENTITY).agg(
        F.map_from_entries(F.collect_list(F.struct("key", "value"))).alias("tags"),
        F.coalesce(
            F.max(F.when(F.col("key") == "Environment", F.col("value"))),
            F.min(F.when(F.lower(F.trim("key")) == "environment", F.col("value"))),
        ).alias("environment_tag"),
    )


def last_capture_times(records: DataFrame) -> DataFrame:
    """The latest parseable captureTime of an instance over all its types."""
    return records.groupBy(*IDENTITY).agg(F.max(capture_time()).alias("last_capture_time"))
