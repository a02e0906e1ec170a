"""Column helpers the table builders share: attributes by canonical name, typed, with leftovers."""

from __future__ import annotations

from pyspark.sql import Column, DataFrame
from pyspark.sql import functions as F

from glue_jobs.normalize import to_kind, to_timestamp_utc, unparsed_map
from glue_jobs.schemas import CURATED_TYPES


def of_type(records: DataFrame, type_name: str) -> DataFrame:
    return records.filter(F.col("type_name") == type_name)


def attribute(name: str) -> Column:
    return F.col("attributes").getItem(name)


def kind_of(type_name: str, name: str) -> str:
    """The kind (string, int, bool, timestamp) a type's schema declares for an attribute."""
    return CURATED_TYPES[type_name].attributes[name]


def typed_attribute(type_name: str, name: str) -> Column:
    """An attribute converted to the kind its type's schema declares."""
    return to_kind(attribute(name), kind_of(type_name, name))


def capture_time() -> Column:
    return to_timestamp_utc(F.col("capture_time_raw"))


def with_typed(
    frame: DataFrame, keep: list[str], typed: list[tuple[str, Column, Column]]
) -> DataFrame:
    """`keep` as is, each (name, raw, typed) as `name`, and the failures in unparsed_values."""
    return frame.select(
        *keep,
        *[value.alias(name) for name, _, value in typed],
        unparsed_map(typed).alias("unparsed_values"),
    )
