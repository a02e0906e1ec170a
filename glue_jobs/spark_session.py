"""The local Spark session the laptop deployment and the tests run the ETL in."""

from __future__ import annotations

import os
import sys

from pyspark.sql import SparkSession

DRIVER_MEMORY_SETTING = "FLEET_SPARK_DRIVER_MEMORY"


def local_spark_session(app_name: str = "fleet-etl") -> SparkSession:
    """local[*], UTC, no UI, 4 shuffle partitions, driver memory from FLEET_SPARK_DRIVER_MEMORY."""
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    spark = (
        SparkSession.builder.master("local[*]")
        .appName(app_name)
        .config("spark.driver.memory", os.environ.get(DRIVER_MEMORY_SETTING, "4g"))
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "4")
        # Adaptive planning pays off on large shuffles, not on a laptop's fleet; it costs time here.
        .config("spark.sql.adaptive.enabled", "false")
        .config("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS")
        .config("spark.hadoop.mapreduce.fileoutputcommitter.marksuccessfuljobs", "false")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    return spark
