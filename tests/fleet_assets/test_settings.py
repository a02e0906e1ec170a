"""Settings and deployment: defaults, overrides, and one sentence for each wrong value."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from fleet_assets.deployment import resources_for
from fleet_assets.resources.catalog import DuckDbRawCatalog
from fleet_assets.resources.etl import LocalSparkEtl
from fleet_assets.resources.policy import SnapshotPolicy
from fleet_assets.resources.sql import DuckDbSqlEngine
from fleet_assets.resources.storage import LocalCuratedStore, LocalRawSyncStore
from fleet_assets.settings import FleetSettingError, FleetSettings, parse_as_of, resolve_as_of


def test_defaults_are_local_folders_under_dot_fleet_resolved_to_absolute(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)

    settings = FleetSettings.from_env()

    root = tmp_path.resolve() / ".fleet"
    assert settings == FleetSettings(
        deployment="local",
        raw_uri=str(root / "raw"),
        curated_uri=str(root / "curated"),
        catalog_path=str(root / "catalog.duckdb"),
        report_uri=str(root / "reports"),
        as_of=None,
        stale_after_hours=24.0,
        max_rejected_ratio=0.01,
        dagster_home=str(root / "dagster_home"),
    )


def test_environment_overrides_every_setting(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("FLEET_RAW_URI", "sync")
    monkeypatch.setenv("FLEET_CURATED_URI", "/data/curated")
    monkeypatch.setenv("FLEET_CATALOG_PATH", "db/fleet.duckdb")
    monkeypatch.setenv("FLEET_REPORT_URI", "/data/reports")
    monkeypatch.setenv("FLEET_AS_OF", "2026-12-03T09:00:00Z")
    monkeypatch.setenv("FLEET_STALE_AFTER_HOURS", "48")
    monkeypatch.setenv("FLEET_MAX_REJECTED_RATIO", "0.05")

    settings = FleetSettings.from_env()

    assert settings.raw_uri == str(tmp_path.resolve() / "sync")
    assert settings.curated_uri == "/data/curated"
    assert settings.catalog_path == str(tmp_path.resolve() / "db" / "fleet.duckdb")
    assert settings.report_uri == "/data/reports"
    assert settings.as_of == "2026-12-03T09:00:00Z"
    assert (settings.stale_after_hours, settings.max_rejected_ratio) == (48.0, 0.05)


def test_to_env_round_trips_the_settings(tmp_path):
    settings = FleetSettings.from_env({"FLEET_RAW_URI": str(tmp_path), "FLEET_AS_OF": "2026-12-03"})

    assert FleetSettings.from_env(settings.to_env()) == settings


def test_a_bad_as_of_is_one_sentence_with_an_example(monkeypatch):
    monkeypatch.setenv("FLEET_AS_OF", "yesterday")

    with pytest.raises(FleetSettingError) as raised:
        FleetSettings.from_env()

    assert str(raised.value) == (
        "FLEET_AS_OF='yesterday' is not an ISO-8601 time; set it like 2026-12-03T09:00:00Z."
    )


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        (
            "FLEET_STALE_AFTER_HOURS",
            "a day",
            "FLEET_STALE_AFTER_HOURS='a day' is not a positive number of hours; set it like 24.",
        ),
        (
            "FLEET_MAX_REJECTED_RATIO",
            "5",
            "FLEET_MAX_REJECTED_RATIO='5' is not a fraction between 0 and 1; set it like 0.01.",
        ),
        (
            "FLEET_STALE_AFTER_HOURS",
            "nan",
            "FLEET_STALE_AFTER_HOURS='nan' is not a positive number of hours; set it like 24.",
        ),
        (
            "FLEET_STALE_AFTER_HOURS",
            "inf",
            "FLEET_STALE_AFTER_HOURS='inf' is not a positive number of hours; set it like 24.",
        ),
        (
            "FLEET_MAX_REJECTED_RATIO",
            "nan",
            "FLEET_MAX_REJECTED_RATIO='nan' is not a fraction between 0 and 1; set it like 0.01.",
        ),
    ],
)
def test_bad_thresholds_are_one_sentence(monkeypatch, name, value, message):
    monkeypatch.setenv(name, value)

    with pytest.raises(FleetSettingError) as raised:
        FleetSettings.from_env()

    assert str(raised.value) == message


def test_as_of_is_utc_and_a_naive_time_is_taken_as_utc():
    assert parse_as_of("2026-12-03T10:00:00+01:00") == datetime(2026, 12, 3, 9, tzinfo=UTC)
    assert parse_as_of("2026-12-03T09:00:00") == datetime(2026, 12, 3, 9, tzinfo=UTC)


def test_the_run_value_beats_the_deployment_default_which_beats_now():
    assert resolve_as_of("2026-12-01T00:00:00Z", "2026-12-02T00:00:00Z") == datetime(
        2026, 12, 1, tzinfo=UTC
    )
    assert resolve_as_of("", "2026-12-02T00:00:00Z") == datetime(2026, 12, 2, tzinfo=UTC)
    before = datetime.now(UTC)
    assert before <= resolve_as_of("", None) <= datetime.now(UTC)


def test_the_run_config_as_of_names_itself_when_wrong():
    with pytest.raises(FleetSettingError, match=r"^as_of='soon' is not an ISO-8601 time"):
        resolve_as_of("soon", None)


def test_local_deployment_wires_every_resource_to_the_settings(tmp_path: Path):
    settings = FleetSettings.from_env({"FLEET_RAW_URI": str(tmp_path / "raw")})

    resources = resources_for(settings)

    assert {name: type(r) for name, r in resources.items()} == {
        "raw_sync": LocalRawSyncStore,
        "curated": LocalCuratedStore,
        "catalog": DuckDbRawCatalog,
        "etl": LocalSparkEtl,
        "sql": DuckDbSqlEngine,
        "policy": SnapshotPolicy,
    }
    assert resources["raw_sync"].raw_uri == str(tmp_path / "raw")
    assert resources["catalog"].database_path == settings.catalog_path


def test_an_unknown_deployment_is_one_sentence():
    settings = FleetSettings.from_env({"FLEET_DEPLOYMENT": "aws"})

    with pytest.raises(FleetSettingError) as raised:
        resources_for(settings)

    assert (
        str(raised.value) == "FLEET_DEPLOYMENT='aws' is not available in this version; use local."
    )


def test_a_missing_raw_folder_names_the_path_the_setting_and_the_fix(tmp_path):
    store = LocalRawSyncStore(raw_uri=str(tmp_path / "absent"))

    with pytest.raises(FleetSettingError) as raised:
        store.require_tree()

    assert str(raised.value) == (
        f"The raw sync folder {tmp_path / 'absent'} does not exist; point FLEET_RAW_URI at a "
        "Resource Data Sync tree or write a sample one with `fleet sample`."
    )
