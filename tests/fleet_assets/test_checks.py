"""The curated checks on a hand-made snapshot: each one passes on clean data and names offenders."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import dagster as dg
import pandas as pd
import pytest

from fleet_assets.constants import FLEET_SUMMARY, INVENTORY, PATCH_COMPLIANCE
from fleet_assets.curated.checks import (
    build_keys_unique_check,
    every_live_instance_in_summary,
    freshness_sentence,
    newest_capture_within_stale_window,
    rejected_lines_under_threshold,
)
from fleet_assets.resources.catalog import DuckDbRawCatalog
from fleet_assets.resources.policy import SnapshotPolicy
from fleet_assets.resources.sql import DuckDbSqlEngine

A = "111111111111"
SNAPSHOT = "2026-12-03"
AS_OF = "2026-12-03T09:00:00+00:00"
KEYS = ["account_id", "region", "instance_id"]


@pytest.fixture
def instance() -> Iterator[dg.DagsterInstance]:
    with dg.instance_for_test() as instance:
        yield instance


@pytest.fixture
def curated(tmp_path: Path) -> Path:
    return tmp_path / "curated"


def write(curated: Path, table: str, rows: list[dict[str, object]]) -> None:
    folder = curated / table / f"snapshot_date={SNAPSHOT}"
    folder.mkdir(parents=True)
    frame = pd.DataFrame(rows)
    if "last_capture_time" in frame:
        frame["last_capture_time"] = pd.to_datetime(frame["last_capture_time"], utc=True)
    frame.to_parquet(folder / "part-0.parquet", index=False)


def instance_row(instance_id: str | None, live: bool = True, captured: str = "2026-12-03T08:00"):
    return {
        "account_id": A,
        "region": "eu-west-1",
        "instance_id": instance_id,
        "is_live": live,
        "last_capture_time": captured,
    }


def evaluate(
    check, instance, curated: Path, tmp_path: Path, uses=("sql",), **metadata
) -> dg.AssetCheckResult:
    database = str(tmp_path / "catalog.duckdb")
    tables = ["inventory", "patch_compliance", "fleet_summary"]
    DuckDbRawCatalog(database_path=database).register_curated_tables(
        {t: f"{curated}/{t}/snapshot_date=*/*.parquet" for t in tables}
    )
    for key in (INVENTORY, PATCH_COMPLIANCE, FLEET_SUMMARY):
        instance.report_runless_asset_event(
            dg.AssetMaterialization(
                key, metadata={"snapshot_date": SNAPSHOT, "as_of": AS_OF, **metadata}
            )
        )
    resources = {
        "sql": DuckDbSqlEngine(database_path=database),
        "policy": SnapshotPolicy(stale_after_hours=24, max_rejected_ratio=0.01),
    }
    context = dg.build_asset_check_context(instance=instance)
    return check(context, **{name: resources[name] for name in uses})


@pytest.fixture
def clean(curated: Path) -> Path:
    rows = [instance_row("i-1"), instance_row("i-2"), instance_row("i-3", live=False)]
    for table in ("inventory", "patch_compliance", "fleet_summary"):
        write(curated, table, rows)
    return curated


def test_unique_keys_pass_on_a_clean_snapshot(clean, instance, tmp_path):
    result = evaluate(build_keys_unique_check(INVENTORY), instance, clean, tmp_path)

    assert result.passed
    assert result.metadata["offending_keys"].value == 0


def test_a_duplicate_and_a_null_key_fail_and_are_named(curated, instance, tmp_path):
    write(curated, "inventory", [instance_row("i-1"), instance_row("i-1"), instance_row(None)])
    write(curated, "patch_compliance", [instance_row("i-1")])
    write(curated, "fleet_summary", [instance_row("i-1")])

    result = evaluate(build_keys_unique_check(INVENTORY), instance, curated, tmp_path)

    assert not result.passed
    assert result.metadata["offending_keys"].value == 2
    assert "| i-1 " in result.metadata["offending_keys_sample"].value


def test_a_live_instance_missing_from_the_summary_fails(curated, instance, tmp_path):
    rows = [instance_row("i-1"), instance_row("i-2"), instance_row("i-9", live=False)]
    write(curated, "inventory", rows)
    write(curated, "patch_compliance", rows)
    write(curated, "fleet_summary", [instance_row("i-1")])

    result = evaluate(every_live_instance_in_summary, instance, curated, tmp_path)

    assert not result.passed
    assert result.metadata["offending_keys"].value == 1
    assert "i-2" in result.metadata["offending_keys_sample"].value


def test_rejected_lines_pass_at_the_threshold_and_fail_above_it(clean, instance, tmp_path):
    common = {"rejected_by_reason": {"malformed_json": 1}, "rejected_uri": "/r"}
    at = evaluate(
        rejected_lines_under_threshold,
        instance,
        clean,
        tmp_path,
        uses=("policy",),
        lines_read=100,
        rejected_lines=1,
        **common,
    )
    above = evaluate(
        rejected_lines_under_threshold,
        instance,
        clean,
        tmp_path / "again",
        uses=("policy",),
        lines_read=99,
        rejected_lines=1,
        **common,
    )

    assert (at.passed, above.passed) == (True, False)
    assert above.metadata["rejected_ratio"].value == pytest.approx(1 / 99)


def test_a_fleet_silent_for_longer_than_the_stale_window_warns(curated, instance, tmp_path):
    rows = [instance_row("i-1", captured="2026-12-01T00:00"), instance_row("i-2", live=False)]
    for table in ("inventory", "patch_compliance", "fleet_summary"):
        write(curated, table, rows)

    result = evaluate(
        newest_capture_within_stale_window, instance, curated, tmp_path, uses=("sql", "policy")
    )

    assert not result.passed
    assert result.severity == dg.AssetCheckSeverity.WARN
    assert result.metadata["hours_behind_as_of"].value == 57.0
    assert result.description == (
        "The newest live capture is 57.0 h before as_of, outside the 24 h stale window; the "
        "sync may have stopped, check it writes again."
    )


def test_a_recent_capture_keeps_the_freshness_check_green(clean, instance, tmp_path):
    result = evaluate(
        newest_capture_within_stale_window, instance, clean, tmp_path, uses=("sql", "policy")
    )

    assert result.passed
    assert result.metadata["hours_behind_as_of"].value == 1.0
    assert result.description == (
        "The newest live capture is 1.0 h before as_of, within the 24 h stale window."
    )


def test_a_fleet_without_a_readable_capture_time_warns_naming_the_raw_setting():
    assert freshness_sentence(None, 24) == (
        "No live instance has a readable capture time; check that the sync writes "
        "AWS:InstanceInformation into FLEET_RAW_URI."
    )
