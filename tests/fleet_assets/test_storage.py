"""The storage resources refuse an unusable folder in one sentence, before any work starts."""

from __future__ import annotations

from pathlib import Path

import pytest

from fleet_assets.resources.catalog import DuckDbRawCatalog
from fleet_assets.resources.storage import LocalCuratedStore, LocalRawSyncStore
from fleet_assets.settings import FleetSettingError


def raised_by(check) -> str:
    with pytest.raises(FleetSettingError) as raised:
        check()
    return str(raised.value)


def test_a_raw_location_that_is_a_file_says_to_point_at_the_folder(tmp_path: Path):
    hostname = tmp_path / "hostname"
    hostname.write_text("node-1\n")

    assert raised_by(LocalRawSyncStore(raw_uri=str(hostname)).require_tree) == (
        f"The raw sync folder {hostname} is a file, not a folder; point FLEET_RAW_URI at the "
        "folder that holds AWS:InstanceInformation/."
    )


def test_an_s3_raw_location_says_to_copy_the_sync_to_a_folder():
    assert raised_by(LocalRawSyncStore(raw_uri="s3://bucket/x").require_tree) == (
        "The raw sync location s3://bucket/x cannot be read here: S3 locations are not available "
        "in the local deployment; copy the sync to a folder (aws s3 sync) and point "
        "FLEET_RAW_URI at it."
    )


def test_missing_curated_and_report_folders_are_created(tmp_path: Path):
    store = LocalCuratedStore(
        curated_uri=str(tmp_path / "new" / "curated"), report_uri=str(tmp_path / "reports")
    )

    store.require_writable()

    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")) == [
        "new",
        "new/curated",
        "reports",
    ]


def test_a_curated_folder_that_cannot_be_created_names_the_path_and_the_setting(tmp_path: Path):
    store = LocalCuratedStore(curated_uri="/proc/nope", report_uri=str(tmp_path / "reports"))

    assert raised_by(store.require_writable) == (
        "The curated folder /proc/nope cannot be written (No such file or directory); point "
        "FLEET_CURATED_URI at a location this user can write."
    )


def test_a_report_folder_that_is_a_file_names_the_report_setting(tmp_path: Path):
    report = tmp_path / "reports"
    report.write_text("")
    store = LocalCuratedStore(curated_uri=str(tmp_path / "curated"), report_uri=str(report))

    assert raised_by(store.require_writable) == (
        f"The report folder {report} is a file, not a folder; point FLEET_REPORT_URI at a folder."
    )


def test_a_catalog_whose_folder_cannot_be_written_names_the_catalog_setting():
    catalog = DuckDbRawCatalog(database_path="/proc/nope/catalog.duckdb")

    assert raised_by(catalog.require_writable) == (
        "The catalog database's folder /proc/nope cannot be written (No such file or directory); "
        "point FLEET_CATALOG_PATH at a location this user can write."
    )
