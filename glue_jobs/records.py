"""The one generic frame every curated table is derived from: a row per line of the curated types.

Keys are classified on the driver; objects are read and parsed on the executors.
"""

from __future__ import annotations

from collections.abc import Iterator

from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import types as T

from glue_jobs.keys import ObjectKey
from glue_jobs.lines import LineRecord, parse_object, unreadable_object
from glue_jobs.listing import read_raw_object

RECORD_SCHEMA = T.StructType(
    [
        T.StructField("type_name", T.StringType(), False),
        T.StructField("account_id", T.StringType(), True),
        T.StructField("region", T.StringType(), True),
        T.StructField("instance_id", T.StringType(), True),
        T.StructField("source_key", T.StringType(), False),
        T.StructField("line_number", T.IntegerType(), True),
        T.StructField("line_status", T.StringType(), False),
        T.StructField("attributes", T.MapType(T.StringType(), T.StringType()), True),
        T.StructField("extra", T.MapType(T.StringType(), T.StringType()), True),
        T.StructField("notes", T.ArrayType(T.StringType()), True),
        T.StructField("capture_time_raw", T.StringType(), True),
        T.StructField("reject_reason", T.StringType(), True),
        T.StructField("raw_line", T.StringType(), True),
    ]
)
assert tuple(RECORD_SCHEMA.names) == LineRecord._fields

OBJECTS_PER_SLICE = 200


def read_records(spark: SparkSession, raw_uri: str, keys: list[ObjectKey]) -> DataFrame:
    """Every line of the given objects as a record; the objects are read where the rows land."""
    sc = spark.sparkContext
    slices = max(1, min(len(keys), max(sc.defaultParallelism * 2, len(keys) // OBJECTS_PER_SLICE)))
    rdd = sc.parallelize(keys, slices).flatMap(lambda key: _read_and_parse(raw_uri, key))
    return spark.createDataFrame(rdd, RECORD_SCHEMA)


def _read_and_parse(raw_uri: str, key: ObjectKey) -> Iterator[LineRecord]:
    key = ObjectKey(*key)
    try:
        data = read_raw_object(raw_uri, key.source_key)
    except OSError:
        yield unreadable_object(key)
        return
    yield from parse_object(key, data)
