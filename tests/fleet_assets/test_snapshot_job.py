"""fleet_snapshot_job end to end: a sample sync, real local Spark, real DuckDB, a real instance."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import dagster as dg
import duckdb
import pandas as pd
import pytest

from fleet_assets.constants import CURATED_TABLE_KEYS, FLEET_REPORT, RAW_CATALOG, RAW_SYNC
from fleet_assets.curated.assets import snapshot_run_config
from fleet_assets.definitions import build_defs
from fleet_assets.sample.generator import write_sample_fleet
from fleet_assets.sample.summary import SampleSummary
from fleet_assets.settings import FleetSettings

AS_OF = datetime(2026, 12, 3, 9, tzinfo=UTC)
SNAPSHOT = "2026-12-03"
INSTANCES = 40


@dataclass
class SnapshotRun:
    result: dg.ExecuteInProcessResult
    instance: dg.DagsterInstance
    settings: FleetSettings
    sample: SampleSummary

    def metadata(self, key: dg.AssetKey) -> dict[str, object]:
        [event] = [e for e in self.result.get_asset_materialization_events() if e.asset_key == key]
        return {k: v.value for k, v in event.materialization.metadata.items()}

    def parquet(self, table: str) -> pd.DataFrame:
        glob = f"{self.settings.curated_uri}/{table}/snapshot_date={SNAPSHOT}/*.parquet"
        return duckdb.sql(f"SELECT * FROM read_parquet('{glob}')").df()


def fleet_env(root: Path, raw: Path) -> dict[str, str]:
    return {
        "FLEET_RAW_URI": str(raw),
        "FLEET_CURATED_URI": str(root / "curated"),
        "FLEET_CATALOG_PATH": str(root / "catalog.duckdb"),
        "FLEET_REPORT_URI": str(root / "reports"),
    }


def run_job(env: dict[str, str], instance: dg.DagsterInstance) -> dg.ExecuteInProcessResult:
    with pytest.MonkeyPatch.context() as patch:
        for name, value in env.items():
            patch.setenv(name, value)
        settings = FleetSettings.from_env()
        job = build_defs(settings).resolve_job_def("fleet_snapshot_job")
        return job.execute_in_process(
            run_config=snapshot_run_config(AS_OF.isoformat()),
            instance=instance,
            raise_on_error=False,
        )


@pytest.fixture(scope="module")
def snapshot_run(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SnapshotRun]:
    root = tmp_path_factory.mktemp("snapshot")
    sample = write_sample_fleet(root / "raw", INSTANCES, seed=11, as_of=AS_OF)
    env = fleet_env(root, root / "raw")
    with dg.instance_for_test() as instance:
        result = run_job(env, instance)
        yield SnapshotRun(result, instance, FleetSettings.from_env(env), sample)


@pytest.mark.spark
@pytest.mark.slow
class TestSnapshotJob:
    def test_the_run_succeeds_and_materializes_every_asset(self, snapshot_run: SnapshotRun):
        keys = {e.asset_key for e in snapshot_run.result.get_asset_materialization_events()}

        assert snapshot_run.result.success
        assert keys == {RAW_CATALOG, FLEET_REPORT, *CURATED_TABLE_KEYS.values()}

    def test_the_raw_sync_observation_records_what_the_run_read(self, snapshot_run):
        [observation] = [
            e.asset_observation_data.asset_observation
            for e in snapshot_run.result.all_events
            if e.event_type == dg.DagsterEventType.ASSET_OBSERVATION
        ]
        metadata = {k: v.value for k, v in observation.metadata.items()}

        assert observation.asset_key == RAW_SYNC
        assert metadata["objects_by_type"] == snapshot_run.sample.files_by_type
        assert metadata["off_layout_objects"] == len(snapshot_run.sample.stray_files)

    def test_row_counts_equal_what_duckdb_reads_from_the_parquet(self, snapshot_run):
        counts = {
            table: snapshot_run.metadata(key)["dagster/row_count"]
            for table, key in CURATED_TABLE_KEYS.items()
        }

        assert counts == {table: len(snapshot_run.parquet(table)) for table in CURATED_TABLE_KEYS}
        assert counts["inventory"] == INSTANCES
        assert counts["fleet_summary"] == INSTANCES

    def test_table_metadata_names_the_snapshot_schema_and_rejections(self, snapshot_run):
        metadata = snapshot_run.metadata(CURATED_TABLE_KEYS["inventory"])
        columns = [c.name for c in metadata["dagster/column_schema"].columns]

        assert metadata["snapshot_date"] == SNAPSHOT
        assert {"account_id", "region", "instance_id", "is_live", "is_stale"} <= set(columns)
        assert metadata["rejected_lines"] == sum(metadata["rejected_by_reason"].values())
        assert metadata["rejected_lines"] > 0
        assert Path(metadata["etl_result"]).is_file()
        assert metadata["orphan_count"] == len(snapshot_run.sample.orphan_ids)

    def test_every_check_ran_and_passed(self, snapshot_run: SnapshotRun):
        evaluations = snapshot_run.result.get_asset_check_evaluations()

        assert sorted(f"{e.asset_key.to_user_string()}:{e.check_name}" for e in evaluations) == [
            "fleet/fleet_summary:every_live_instance_in_summary",
            "fleet/fleet_summary:instance_keys_unique_and_not_null",
            "fleet/inventory:instance_keys_unique_and_not_null",
            "fleet/inventory:newest_capture_within_stale_window",
            "fleet/inventory:rejected_lines_under_threshold",
            "fleet/patch_compliance:instance_keys_unique_and_not_null",
        ]
        assert [e.check_name for e in evaluations if not e.passed] == []

    def test_the_report_file_and_its_charts_exist(self, snapshot_run: SnapshotRun):
        metadata = snapshot_run.metadata(FLEET_REPORT)
        report = Path(metadata["report_path"])

        assert report == Path(snapshot_run.settings.report_uri) / (
            f"snapshot_date={SNAPSHOT}/fleet_report.md"
        )
        assert report.read_text().startswith(f"# Fleet report, snapshot {SNAPSHOT}")
        for chart in metadata["chart_paths"].values():
            assert Path(chart).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
            assert f"]({Path(chart).name})" in report.read_text()

    def test_report_answers_match_queries_computed_here(self, snapshot_run: SnapshotRun):
        summary = snapshot_run.parquet("fleet_summary")
        live = summary[summary["is_live"]]
        applications = snapshot_run.parquet("applications").merge(
            live[["account_id", "region", "instance_id"]]
        )
        java = applications[applications["software_family"] == "java"]
        prod = live[live["environment"] == "prod"]

        assert snapshot_run.metadata(FLEET_REPORT)["headline_numbers"] == {
            "live_instances_missing_critical_patches": int(
                (live["missing_critical_count"].fillna(0) > 0).sum()
            ),
            "live_prod_instances_by_platform": {
                platform: int((prod["platform_type"] == platform).sum())
                for platform in sorted(
                    {"Windows", "Linux", "MacOS"},
                    key=lambda p: (-(prod["platform_type"] == p).sum(), p),
                )
            },
            "java_installs_by_major_version": {
                str(int(major)): int(count)
                for major, count in java.groupby("major_version").size().sort_index().items()
            },
            "live_instances_stale": int(live["is_stale"].sum()),
        }

    def test_report_answers_match_the_sample_ground_truth(self, snapshot_run: SnapshotRun):
        sample = snapshot_run.sample
        headlines = snapshot_run.metadata(FLEET_REPORT)["headline_numbers"]
        live = set(sample.live_ids)

        assert headlines["live_instances_missing_critical_patches"] == sum(
            1 for i, n in sample.missing_critical_counts.items() if i in live and n > 0
        )
        assert headlines["live_prod_instances_by_platform"] == {
            p: sample.prod_live_by_platform.get(p, 0)
            for p in headlines["live_prod_instances_by_platform"]
        }
        assert headlines["java_installs_by_major_version"] == {
            str(k): v for k, v in sorted(sample.java_installs_by_major.items())
        }
        assert headlines["live_instances_stale"] == len(set(sample.silent_ids) & live)

    def test_the_catalog_views_are_queryable(self, snapshot_run: SnapshotRun):
        database = snapshot_run.settings.catalog_path
        with duckdb.connect(database, read_only=True) as connection:
            inventory = connection.execute(
                "SELECT count(*) FROM fleet.inventory WHERE snapshot_date = DATE '2026-12-03'"
            ).fetchone()[0]
            applications = connection.execute(
                "SELECT count(*), count(DISTINCT account_id) FROM ssm.aws_application"
            ).fetchone()

        assert inventory == INSTANCES
        assert applications[0] > 0
        assert applications[1] == len(snapshot_run.sample.accounts)


def test_a_raw_folder_that_does_not_exist_fails_the_run_in_one_sentence(tmp_path: Path):
    missing = tmp_path / "no-sync-here"
    with dg.instance_for_test() as instance:
        result = run_job(fleet_env(tmp_path, missing), instance)

    [failure] = [e for e in result.all_events if e.is_step_failure]
    assert not result.success
    assert failure.step_key == "ssm__raw_catalog"
    assert failure.step_failure_data.user_failure_data.description == (
        f"The raw sync folder {missing} does not exist; point FLEET_RAW_URI at a "
        "Resource Data Sync tree or write a sample one with `fleet sample`."
    )
