"""The Spark job that turns the raw sync into curated tables (Glue job | local Spark)."""

from __future__ import annotations

from abc import ABC, abstractmethod

import dagster as dg

from glue_jobs.contract import EtlRequest, EtlResult


class FleetEtl(dg.ConfigurableResource, ABC):
    """Computes one complete snapshot of the four curated tables."""

    @abstractmethod
    def run(self, request: EtlRequest) -> EtlResult:
        """Run the ETL for one request and return what it read, wrote and set aside."""


class LocalSparkEtl(FleetEtl):
    """Runs the glue_jobs ETL in a local Spark session started for this one run."""

    app_name: str = "fleet-etl"

    def run(self, request: EtlRequest) -> EtlResult:
        # Imported here so loading the definitions never starts or even imports Spark.
        from pyspark.sql import SparkSession

        from glue_jobs.fleet_etl import run_etl
        from glue_jobs.spark_session import local_spark_session

        # A session someone else started in this process (a notebook, a test) is theirs to stop.
        borrowed = SparkSession.getActiveSession() is not None
        spark = local_spark_session(app_name=self.app_name)
        try:
            return run_etl(spark, request)
        finally:
            if not borrowed:
                spark.stop()
