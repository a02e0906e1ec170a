"""Which instances the curated tables describe: those with an AWS:InstanceInformation record.

Lines of any other instance (an orphan) stay out of every curated table; orphans are counted.
"""

from __future__ import annotations

from pyspark.sql import DataFrame
from pyspark.sql import functions as F

from glue_jobs.schemas import INSTANCE_INFORMATION

IDENTITY = ["account_id", "region", "instance_id"]


def known_instances(records: DataFrame) -> DataFrame:
    """The identity of every instance with a kept InstanceInformation record."""
    return records.filter(F.col("type_name") == INSTANCE_INFORMATION).select(*IDENTITY).distinct()


def of_known_instances(records: DataFrame, instances: DataFrame) -> DataFrame:
    return records.join(instances, IDENTITY, "left_semi")


def orphans(records: DataFrame, instances: DataFrame) -> DataFrame:
    """(type, account, region, instance) of lines whose instance has no InstanceInformation."""
    seen = records.select("type_name", *IDENTITY).distinct()
    return seen.join(instances, IDENTITY, "left_anti")
