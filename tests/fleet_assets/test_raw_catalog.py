"""The raw catalog: one DuckDB view per raw type, as the Glue crawler would name and shape it."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest

from fleet_assets.resources.catalog import DuckDbRawCatalog, body_column_names, glue_table_name

ACCOUNT = "111122223333"  # the defaults of the write_raw fixture
REGION = "eu-west-1"
WriteRaw = Callable[..., Path]


@pytest.fixture
def catalog(tmp_path: Path) -> DuckDbRawCatalog:
    return DuckDbRawCatalog(database_path=str(tmp_path / "catalog.duckdb"))


def query(catalog: DuckDbRawCatalog, sql: str) -> list[tuple]:
    with duckdb.connect(catalog.database_path, read_only=True) as connection:
        return connection.execute(sql).fetchall()


def test_view_names_follow_the_glue_crawler() -> None:
    assert glue_table_name("AWS:InstanceInformation") == "aws_instanceinformation"
    assert glue_table_name("Custom:RackInfo") == "custom_rackinfo"
    assert glue_table_name("AWS:Application") == "aws_application"


def test_body_key_naming_a_partition_is_renamed_and_case_twins_get_a_suffix() -> None:
    columns = body_column_names(["ResourceType", "Name", "name", "Region", "captureTime"])

    assert columns == {
        "captureTime": "captureTime",
        "Name": "Name",
        "name": "name_2",
        "Region": "reported_Region",
        "ResourceType": "reported_ResourceType",
    }


def test_each_type_folder_with_a_colon_becomes_a_view(write_raw: WriteRaw, raw_root, catalog):
    write_raw("AWS:Application", "i-0aaaaaaaaaaaaaaa1", ['{"Name":"curl","Version":"8.5"}'])
    write_raw("Custom:RackInfo", "i-0aaaaaaaaaaaaaaa1", ['{"RackLocation":"B/C/D"}'])

    views = catalog.register_raw_types(str(raw_root))

    assert [v.view for v in views] == ["ssm.aws_application", "ssm.custom_rackinfo"]
    assert query(catalog, "SELECT Name, Version FROM ssm.aws_application") == [("curl", "8.5")]


def test_partition_values_come_from_the_key_and_body_resource_type_is_renamed(
    write_raw: WriteRaw, raw_root, catalog
) -> None:
    write_raw(
        "AWS:InstanceInformation",
        "i-0aaaaaaaaaaaaaaa1",
        [
            '{"InstanceId":"i-0aaaaaaaaaaaaaaa1","ResourceType":"EC2Instance","PlatformType":"Linux"}'
        ],
    )

    [view] = catalog.register_raw_types(str(raw_root))

    assert view.columns == [
        "account_id",
        "region",
        "resource_type",
        "InstanceId",
        "PlatformType",
        "reported_ResourceType",
        "source_file",
    ]
    assert query(
        catalog,
        "SELECT account_id, region, resource_type, reported_ResourceType "
        "FROM ssm.aws_instanceinformation",
    ) == [(ACCOUNT, REGION, "ManagedInstanceInventory", "EC2Instance")]


def test_test_json_above_the_region_level_is_not_read(write_raw: WriteRaw, raw_root, catalog):
    write_raw("AWS:InstanceInformation", "i-0aaaaaaaaaaaaaaa1", ['{"InstanceId":"i-1"}'])
    probe = raw_root / "AWS:InstanceInformation" / f"accountid={ACCOUNT}" / "test.json"
    probe.write_text('{"InstanceId":"probe"}\n')

    [view] = catalog.register_raw_types(str(raw_root))

    assert (view.row_count, view.files) == (1, 1)
    assert query(catalog, "SELECT InstanceId FROM ssm.aws_instanceinformation") == [("i-1",)]


def test_malformed_lines_are_left_out_and_good_lines_beside_them_kept(
    write_raw: WriteRaw, raw_root, catalog
) -> None:
    write_raw(
        "AWS:Application",
        "i-0aaaaaaaaaaaaaaa1",
        [
            '{"Name":"curl","Version":"8.5"}',
            "",
            "{",
            '  "Name": "pretty"',
            "}",
            '{"Name":"jq","Version":"1.7"}',
            '{"Name":"trunc',
        ],
        newline="\r\n",
    )

    [view] = catalog.register_raw_types(str(raw_root))

    assert (view.row_count, view.ignored_lines) == (2, 4)
    assert query(catalog, "SELECT Name FROM ssm.aws_application ORDER BY Name") == [
        ("curl",),
        ("jq",),
    ]


def test_keys_differing_only_by_case_are_both_kept(write_raw: WriteRaw, raw_root, catalog):
    write_raw("Custom:RackInfo", "i-0aaaaaaaaaaaaaaa1", ['{"Vendor":"Dell","vendor":"dell"}'])

    catalog.register_raw_types(str(raw_root))

    assert query(catalog, "SELECT Vendor, vendor_2 FROM ssm.custom_rackinfo") == [("Dell", "dell")]


def test_a_type_holding_only_empty_files_is_an_empty_view(write_raw: WriteRaw, raw_root, catalog):
    write_raw("AWS:WindowsUpdate", "i-0aaaaaaaaaaaaaaa1", [])
    write_raw("AWS:WindowsUpdate", "i-0aaaaaaaaaaaaaaa2", [])

    [view] = catalog.register_raw_types(str(raw_root))

    assert (view.view, view.row_count, view.files) == ("ssm.aws_windowsupdate", 0, 2)
    assert query(catalog, "SELECT count(*) FROM ssm.aws_windowsupdate") == [(0,)]


def test_registering_again_drops_views_of_types_that_are_gone(
    write_raw: WriteRaw, raw_root, catalog
) -> None:
    write_raw("AWS:Tag", "i-0aaaaaaaaaaaaaaa1", ['{"Key":"Name","Value":"web"}'])
    write_raw("AWS:Network", "i-0aaaaaaaaaaaaaaa1", ['{"Name":"eth0"}'])
    catalog.register_raw_types(str(raw_root))
    shutil.rmtree(raw_root / "AWS:Tag")

    views = catalog.register_raw_types(str(raw_root))

    assert [v.view for v in views] == ["ssm.aws_network"]
    assert query(
        catalog, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'ssm'"
    ) == [("aws_network",)]
