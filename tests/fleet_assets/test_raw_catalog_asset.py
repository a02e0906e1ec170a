"""ssm/raw_catalog as a step: it records what it read of ssm/raw_sync and what it registered."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import dagster as dg

from fleet_assets.constants import RAW_SYNC
from fleet_assets.raw.assets import ignored_lines_sentence, raw_catalog
from fleet_assets.resources.catalog import DuckDbRawCatalog, RawView
from fleet_assets.resources.storage import LocalRawSyncStore

WriteRaw = Callable[..., Path]


def materialize(raw_root: Path, database: Path) -> dg.ExecuteInProcessResult:
    with dg.instance_for_test() as instance:
        return dg.materialize(
            [raw_catalog],
            instance=instance,
            resources={
                "raw_sync": LocalRawSyncStore(raw_uri=str(raw_root)),
                "catalog": DuckDbRawCatalog(database_path=str(database)),
            },
            raise_on_error=False,
        )


def test_metadata_lists_views_columns_rows_and_the_command_to_open_them(
    write_raw: WriteRaw, raw_root: Path, tmp_path: Path
):
    write_raw("AWS:Application", "i-0aaaaaaaaaaaaaaa1", ['{"Name":"a"}', '{"Name":"b"}', "{"])
    write_raw("AWS:Tag", "i-0aaaaaaaaaaaaaaa1", [])
    database = tmp_path / "catalog.duckdb"

    result = materialize(raw_root, database)

    [event] = result.get_asset_materialization_events()
    metadata = {k: v.value for k, v in event.materialization.metadata.items()}
    assert metadata["views"] == ["ssm.aws_application", "ssm.aws_tag"]
    assert metadata["rows_by_view"] == {"ssm.aws_application": 2, "ssm.aws_tag": 0}
    assert metadata["ignored_lines_by_view"] == {"ssm.aws_application": 1, "ssm.aws_tag": 0}
    assert metadata["empty_views"] == ["ssm.aws_tag"]
    assert metadata["columns_by_view"]["ssm.aws_tag"] == [
        "account_id",
        "region",
        "resource_type",
        "source_file",
    ]
    assert metadata["database_path"] == str(database)
    assert metadata["query_command"] == (
        '```\nfleet sql "SELECT * FROM ssm.aws_application LIMIT 5"\n```'
    )


def test_the_step_observes_the_raw_sync_it_read(write_raw: WriteRaw, raw_root, tmp_path):
    write_raw("AWS:Application", "i-0aaaaaaaaaaaaaaa1", ['{"Name":"a"}'])

    result = materialize(raw_root, tmp_path / "catalog.duckdb")

    [observation] = [
        e.asset_observation_data.asset_observation
        for e in result.all_events
        if e.event_type == dg.DagsterEventType.ASSET_OBSERVATION
    ]
    assert observation.asset_key == RAW_SYNC
    assert observation.metadata["objects_by_type"].value == {"AWS:Application": 1}
    assert observation.metadata["total_bytes"].value == 12


def test_a_missing_raw_folder_fails_the_step_in_one_sentence(tmp_path: Path):
    result = materialize(tmp_path / "absent", tmp_path / "catalog.duckdb")

    [failure] = [e for e in result.all_events if e.is_step_failure]
    assert failure.step_failure_data.user_failure_data.description == (
        f"The raw sync folder {tmp_path / 'absent'} does not exist; point FLEET_RAW_URI at a "
        "Resource Data Sync tree or write a sample one with `fleet sample`."
    )


def view(type_name: str, name: str, ignored_lines: int) -> RawView:
    return RawView(
        view=name,
        type_name=type_name,
        columns=[],
        row_count=3,
        ignored_lines=ignored_lines,
        files=1,
    )


def test_ignored_lines_of_a_curated_type_are_also_set_aside_by_the_etl():
    assert ignored_lines_sentence(view("AWS:Application", "ssm.aws_application", 2)) == (
        "2 lines of AWS:Application are not a single JSON object and are left out of "
        "ssm.aws_application; the ETL sets them aside with a reason."
    )


def test_ignored_lines_of_a_type_the_etl_does_not_read_are_left_out_of_the_view_only():
    assert ignored_lines_sentence(view("Custom:RackInfo", "ssm.custom_rackinfo", 1)) == (
        "1 line of Custom:RackInfo is not a single JSON object and is left out of "
        "ssm.custom_rackinfo only; the ETL does not read Custom:RackInfo."
    )
