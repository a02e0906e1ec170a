"""Empty input, rewriting a snapshot date, and raw locations that cannot be read."""

import os
from datetime import UTC, datetime

import pytest
from fleet_tree import ACCOUNT_A, REGION_A, WEB_1, info, object_key

from glue_jobs.contract import CURATED_TABLES, EtlRequest
from glue_jobs.fleet_etl import run_etl
from glue_jobs.tables import applications, fleet_summary, inventory, patch_compliance

pytestmark = pytest.mark.spark

AS_OF = datetime(2026, 12, 3, 6, 0, tzinfo=UTC)
SCHEMAS = {
    "inventory": inventory.SCHEMA,
    "applications": applications.SCHEMA,
    "patch_compliance": patch_compliance.SCHEMA,
    "fleet_summary": fleet_summary.SCHEMA,
}


@pytest.fixture(scope="module")
def rewritten(spark, tmp_path_factory):
    """One instance written for 2026-12-03, then the same date rewritten from an empty folder."""
    one, empty = tmp_path_factory.mktemp("one"), tmp_path_factory.mktemp("empty")
    curated = tmp_path_factory.mktemp("curated")
    path = one / object_key("AWS:InstanceInformation", ACCOUNT_A, REGION_A, WEB_1)
    path.parent.mkdir(parents=True)
    path.write_text(info(WEB_1, "2026-12-03T05:00:00Z", InstanceStatus="Active") + "\n")

    first = run_etl(spark, EtlRequest(str(one), str(curated), AS_OF))
    second = run_etl(spark, EtlRequest(str(empty), str(curated), AS_OF))
    return first, second, curated


def test_an_empty_raw_folder_yields_typed_zero_row_tables(spark, rewritten):
    _, second, _ = rewritten
    for name in CURATED_TABLES:
        table = second.tables[name]
        frame = spark.read.parquet(table.uri)
        assert (table.row_count, frame.count()) == (0, 0), name
        assert frame.schema == SCHEMAS[name], name
    assert (second.files_listed, second.lines_read, second.rejected_count) == (0, 0, 0)


def test_rewriting_a_snapshot_date_replaces_the_partition(spark, rewritten):
    first, second, curated = rewritten
    assert first.tables["inventory"].row_count == 1
    assert spark.read.parquet(str(curated / "inventory")).count() == 0
    for table in (*CURATED_TABLES, "rejected"):
        assert os.listdir(curated / table) == ["snapshot_date=2026-12-03"], table


def test_a_raw_folder_that_does_not_exist_fails_with_what_to_set(spark, tmp_path):
    missing = tmp_path / "nowhere"
    with pytest.raises(FileNotFoundError) as raised:
        run_etl(spark, EtlRequest(str(missing), str(tmp_path / "curated"), AS_OF))
    assert str(missing) in str(raised.value) and "FLEET_RAW_URI" in str(raised.value)


def test_an_s3_raw_location_says_the_s3_source_is_not_built_yet(spark, tmp_path):
    with pytest.raises(ValueError, match="S3 source is not built yet"):
        run_etl(spark, EtlRequest("s3://bucket/sync", str(tmp_path), AS_OF))
