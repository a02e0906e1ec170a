"""What a user runs, as real processes: `fleet sample`, `fleet run`, then `dagster-daemon run`.

The snapshot and the sensor tick have to land in the one persistent Dagster instance the CLI
picks from FLEET_DAGSTER_HOME, and be readable from another process afterwards.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import dagster as dg
import pytest
from dagster._core.scheduler.instigation import InstigatorTick, TickStatus

from fleet_assets.constants import (
    CURATED_TABLE_KEYS,
    FLEET_REPORT,
    INVENTORY,
    RAW_CATALOG,
    RAW_SYNC,
    RAW_SYNC_SENSOR,
    SNAPSHOT_JOB,
)

AS_OF = "2026-12-03T09:00:00Z"
SNAPSHOT = "2026-12-03"
INSTANCES = 20
SEED = 3

REPO_ROOT = Path(__file__).resolve().parents[2]
WORKSPACE = REPO_ROOT / "workspace.yaml"
BIN = Path(sys.executable).parent

# The sensor's first tick comes on the daemon's first sensor loop (it has no tick to be within
# minimum_interval_seconds of); the bound covers loading the code location on a busy machine.
SENSOR_TICK_TIMEOUT_SECONDS = 120
POLL_SECONDS = 2


@dataclass
class CliSnapshot:
    root: Path
    env: dict[str, str]
    sample: subprocess.CompletedProcess[str]
    run: subprocess.CompletedProcess[str]

    @property
    def raw(self) -> Path:
        return self.root / "raw"

    @property
    def home(self) -> Path:
        return self.root / "dagster_home"

    @property
    def report(self) -> Path:
        return self.root / "reports" / f"snapshot_date={SNAPSHOT}" / "fleet_report.md"

    def sample_files_by_type(self) -> dict[str, int]:
        [types] = re.findall(
            r"^Files by type: (.*); plus \d+ test\.json probes\.$",
            self.sample.stdout,
            flags=re.MULTILINE,
        )
        return {name: int(count) for name, count in re.findall(r"(\S+) (\d+)", types)}


@dataclass
class SensorTick:
    observation: dg.EventLogRecord
    tick: InstigatorTick
    daemon_output: str


def user_environment(root: Path) -> dict[str, str]:
    """The shell of a user who set only FLEET_* variables; DAGSTER_HOME is left to the CLI."""
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith("FLEET_") and name != "DAGSTER_HOME"
    }
    env.update(
        {
            "FLEET_RAW_URI": str(root / "raw"),
            "FLEET_CURATED_URI": str(root / "curated"),
            "FLEET_CATALOG_PATH": str(root / "catalog.duckdb"),
            "FLEET_REPORT_URI": str(root / "reports"),
            "FLEET_DAGSTER_HOME": str(root / "dagster_home"),
        }
    )
    return env


def fleet(args: list[str], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BIN / "fleet"), *args],
        env=env,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )


def explain(process: subprocess.CompletedProcess[str]) -> str:
    stderr = process.stderr[-4000:]
    return f"exit {process.returncode}\nstdout:\n{process.stdout}\nstderr:\n{stderr}"


@pytest.fixture(scope="module")
def cli_snapshot(tmp_path_factory: pytest.TempPathFactory) -> CliSnapshot:
    root = tmp_path_factory.mktemp("persistent")
    env = user_environment(root)

    sample = fleet(
        [
            "sample",
            "--instances",
            str(INSTANCES),
            "--seed",
            str(SEED),
            "--as-of",
            AS_OF,
            "--raw-uri",
            str(root / "raw"),
        ],
        env,
        root,
    )
    assert sample.returncode == 0, explain(sample)

    run = fleet(["run", "--as-of", AS_OF], env, root)
    return CliSnapshot(root, env, sample, run)


@pytest.fixture
def instance(cli_snapshot: CliSnapshot) -> Iterator[dg.DagsterInstance]:
    with dg.DagsterInstance.from_config(str(cli_snapshot.home)) as opened:
        yield opened


def raw_sync_observations(instance: dg.DagsterInstance) -> list[dg.EventLogRecord]:
    return list(instance.fetch_observations(RAW_SYNC, limit=100).records)


def sensor_ticks(instance: dg.DagsterInstance) -> list[InstigatorTick]:
    states = [s for s in instance.all_instigator_state() if s.name == RAW_SYNC_SENSOR]
    return [
        tick
        for state in states
        for tick in instance.get_ticks(state.instigator_origin_id, state.selector_id)
    ]


@pytest.fixture(scope="module")
def sensor_tick(cli_snapshot: CliSnapshot) -> SensorTick:
    """Run the daemon on the snapshot's instance until raw_sync_sensor records an observation."""
    assert cli_snapshot.run.returncode == 0, explain(cli_snapshot.run)
    env = {**cli_snapshot.env, "DAGSTER_HOME": str(cli_snapshot.home)}
    log = cli_snapshot.root / "daemon.log"

    with log.open("w") as output:
        daemon = subprocess.Popen(
            [str(BIN / "dagster-daemon"), "run", "-w", str(WORKSPACE)],
            env=env,
            cwd=REPO_ROOT,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        found = wait_for_runless_observation(cli_snapshot.home, daemon)
    finally:
        stop(daemon)
    daemon_output = log.read_text()
    assert found is not None, (
        f"raw_sync_sensor recorded no observation within {SENSOR_TICK_TIMEOUT_SECONDS} s "
        f"(daemon exit {daemon.returncode}); daemon output:\n{daemon_output[-6000:]}"
    )
    return SensorTick(*found, daemon_output=daemon_output)


def wait_for_runless_observation(
    home: Path, daemon: subprocess.Popen[bytes]
) -> tuple[dg.EventLogRecord, InstigatorTick] | None:
    deadline = time.monotonic() + SENSOR_TICK_TIMEOUT_SECONDS
    while time.monotonic() < deadline and daemon.poll() is None:
        with dg.DagsterInstance.from_config(str(home)) as instance:
            runless = [r for r in raw_sync_observations(instance) if not r.run_id]
            # The observation is written while the tick is still STARTED; wait for it to end.
            ticks = [t for t in sensor_ticks(instance) if t.status != TickStatus.STARTED]
        if runless and ticks:
            return runless[0], ticks[0]
        time.sleep(POLL_SECONDS)
    return None


def stop(daemon: subprocess.Popen[bytes]) -> None:
    """End the daemon and the code server it started: they share its process group."""
    if daemon.poll() is None:
        os.killpg(daemon.pid, signal.SIGTERM)
        try:
            daemon.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(daemon.pid, signal.SIGKILL)
            daemon.wait(timeout=30)
    try:
        os.killpg(daemon.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


@pytest.mark.spark
@pytest.mark.slow
class TestFleetRunOnThePersistentHome:
    def test_fleet_run_exits_0_and_names_the_snapshot_and_the_report(self, cli_snapshot):
        stdout = cli_snapshot.run.stdout

        assert cli_snapshot.run.returncode == 0, explain(cli_snapshot.run)
        assert stdout.startswith(f"Snapshot {SNAPSHOT} written (run ")
        assert f"  Report:         {cli_snapshot.report}\n" in stdout
        assert cli_snapshot.report.read_text().startswith(f"# Fleet report, snapshot {SNAPSHOT}")

    def test_the_home_holds_exactly_one_successful_snapshot_run(self, cli_snapshot, instance):
        runs = instance.get_runs(dg.RunsFilter(job_name=SNAPSHOT_JOB))

        assert [run.status for run in runs] == [dg.DagsterRunStatus.SUCCESS]
        assert f"(run {runs[0].run_id})" in cli_snapshot.run.stdout

    def test_every_produced_asset_has_its_latest_materialization_from_that_run(self, instance):
        [run] = instance.get_runs(dg.RunsFilter(job_name=SNAPSHOT_JOB))
        keys = [RAW_CATALOG, *CURATED_TABLE_KEYS.values(), FLEET_REPORT]

        latest = {key: instance.get_latest_materialization_event(key) for key in keys}

        assert {key.to_user_string(): event.run_id for key, event in latest.items()} == {
            "ssm/raw_catalog": run.run_id,
            "fleet/inventory": run.run_id,
            "fleet/applications": run.run_id,
            "fleet/patch_compliance": run.run_id,
            "fleet/fleet_summary": run.run_id,
            "fleet/fleet_report": run.run_id,
        }

    def test_inventory_row_count_is_the_sampled_instances_without_orphans(self, instance):
        event = instance.get_latest_materialization_event(INVENTORY)
        metadata = event.asset_materialization.metadata

        assert metadata["dagster/row_count"].value == INSTANCES
        assert metadata["snapshot_date"].value == SNAPSHOT
        assert metadata["orphan_count"].value > 0

    def test_every_check_evaluation_in_the_home_passed(self, instance):
        [run] = instance.get_runs(dg.RunsFilter(job_name=SNAPSHOT_JOB))
        evaluations = [
            entry.dagster_event.event_specific_data
            for entry in instance.all_logs(
                run.run_id, of_type=dg.DagsterEventType.ASSET_CHECK_EVALUATION
            )
        ]

        assert sorted(
            (f"{e.asset_key.to_user_string()}:{e.check_name}", e.passed) for e in evaluations
        ) == [
            ("fleet/fleet_summary:every_live_instance_in_summary", True),
            ("fleet/fleet_summary:instance_keys_unique_and_not_null", True),
            ("fleet/inventory:instance_keys_unique_and_not_null", True),
            ("fleet/inventory:newest_capture_within_stale_window", True),
            ("fleet/inventory:rejected_lines_under_threshold", True),
            ("fleet/patch_compliance:instance_keys_unique_and_not_null", True),
        ]

    def test_the_run_observed_the_raw_sync_once_inside_the_run(self, instance):
        [run] = instance.get_runs(dg.RunsFilter(job_name=SNAPSHOT_JOB))

        observations = [r for r in raw_sync_observations(instance) if r.run_id == run.run_id]

        assert len(observations) == 1


@pytest.mark.spark
@pytest.mark.slow
class TestDaemonOnThePersistentHome:
    def test_the_sensors_first_tick_records_a_runless_raw_sync_observation(self, sensor_tick):
        assert sensor_tick.observation.run_id == ""
        assert sensor_tick.tick.status == TickStatus.SKIPPED
        assert sensor_tick.tick.run_ids == []

    def test_the_observed_object_counts_are_what_the_sample_wrote(self, cli_snapshot, sensor_tick):
        observation = sensor_tick.observation.asset_observation
        metadata = {k: v.value for k, v in observation.metadata.items()}
        on_layout = list(cli_snapshot.raw.glob("*/accountid=*/region=*/resourcetype=*/*.json"))

        assert metadata["objects_by_type"] == cli_snapshot.sample_files_by_type()
        assert metadata["total_objects"] == len(on_layout)
        assert metadata["off_layout_objects"] == len(list(cli_snapshot.raw.glob("*/*/test.json")))

    def test_the_sensor_cursor_holds_the_observed_fingerprint(self, sensor_tick):
        metadata = sensor_tick.observation.asset_observation.metadata
        cursor = json.loads(sensor_tick.tick.cursor)

        assert cursor["fingerprint"] == metadata["fingerprint"].value
        assert cursor["total_objects"] == metadata["total_objects"].value
