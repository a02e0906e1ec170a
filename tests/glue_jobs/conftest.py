from __future__ import annotations

from datetime import datetime

import pytest
from fleet_tree import AS_OF, write_tree
from pyspark.sql import SparkSession

from glue_jobs.contract import EtlRequest, EtlResult
from glue_jobs.fleet_etl import run_etl
from glue_jobs.spark_session import local_spark_session


@pytest.fixture(scope="session")
def spark() -> SparkSession:
    session = local_spark_session("fleet-etl-tests")
    yield session
    session.stop()


@pytest.fixture(scope="session")
def fleet_run(spark: SparkSession, tmp_path_factory: pytest.TempPathFactory):
    """One ETL run over the bad-input fleet tree: (result, curated root)."""
    raw = tmp_path_factory.mktemp("raw")
    curated = tmp_path_factory.mktemp("curated")
    write_tree(str(raw))
    request = EtlRequest(str(raw), str(curated), datetime.fromisoformat(AS_OF))
    result: EtlResult = run_etl(spark, request)
    return result, curated
