"""`applications`: one row per AWS:Application line of an inventory instance."""

from __future__ import annotations

from pyspark.sql import DataFrame
from pyspark.sql import functions as F
from pyspark.sql import types as T

from glue_jobs.instances import IDENTITY
from glue_jobs.schemas import APPLICATION
from glue_jobs.software import classify
from glue_jobs.tables.columns import attribute, capture_time, of_type, typed_attribute, with_typed

SCHEMA = T.StructType(
    [
        T.StructField("account_id", T.StringType()),
        T.StructField("region", T.StringType()),
        T.StructField("instance_id", T.StringType()),
        T.StructField("name", T.StringType()),
        T.StructField("version", T.StringType()),
        T.StructField("publisher", T.StringType()),
        T.StructField("architecture", T.StringType()),
        T.StructField("application_type", T.StringType()),
        T.StructField("package_id", T.StringType()),
        T.StructField("release", T.StringType()),
        T.StructField("epoch", T.StringType()),
        T.StructField("url", T.StringType()),
        T.StructField("summary", T.StringType()),
        T.StructField("installed_time", T.TimestampType()),
        T.StructField("software_family", T.StringType()),
        T.StructField("major_version", T.IntegerType()),
        T.StructField("capture_time", T.TimestampType()),
        T.StructField("unparsed_values", T.MapType(T.StringType(), T.StringType())),
    ]
)

_STRINGS = {
    "name": "Name",
    "version": "Version",
    "publisher": "Publisher",
    "architecture": "Architecture",
    "application_type": "ApplicationType",
    "package_id": "PackageId",
    "release": "Release",
    "epoch": "Epoch",
    "url": "URL",
    "summary": "Summary",
}

_SOFTWARE = T.StructType(
    [T.StructField("family", T.StringType()), T.StructField("major", T.IntegerType())]
)
# A lambda, so Spark does not read classify's type hints as a pandas UDF signature.
_classify = F.udf(lambda name, version: classify(name, version), _SOFTWARE)


def build_applications(records: DataFrame) -> DataFrame:
    """Each installed package with its install time typed and its runtime family recognised."""
    lines = of_type(records, APPLICATION).select(
        *IDENTITY,
        *[attribute(name).alias(column) for column, name in _STRINGS.items()],
        attribute("InstalledTime").alias("installed_time_raw"),
        typed_attribute(APPLICATION, "InstalledTime").alias("installed_time_typed"),
        capture_time().alias("capture_time"),
    )
    typed = with_typed(
        lines,
        [*IDENTITY, *_STRINGS, "capture_time"],
        [("installed_time", F.col("installed_time_raw"), F.col("installed_time_typed"))],
    )
    software = _classify(F.col("name"), F.col("version"))
    return (
        typed.withColumn("software", software)
        .withColumn("software_family", F.col("software.family"))
        .withColumn("major_version", F.col("software.major"))
        .select(*SCHEMA.names)
    )
