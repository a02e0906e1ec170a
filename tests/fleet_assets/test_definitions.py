"""The public interface of the code location: a rename here is a breaking change, on purpose."""

import dagster as dg

from fleet_assets.definitions import build_defs, defs

ASSET_KEYS = [
    "fleet/applications",
    "fleet/fleet_report",
    "fleet/fleet_summary",
    "fleet/inventory",
    "fleet/patch_compliance",
    "ssm/raw_catalog",
    "ssm/raw_sync",
]
CHECKS = [
    "fleet/fleet_summary:every_live_instance_in_summary",
    "fleet/fleet_summary:instance_keys_unique_and_not_null",
    "fleet/inventory:instance_keys_unique_and_not_null",
    "fleet/inventory:newest_capture_within_stale_window",
    "fleet/inventory:rejected_lines_under_threshold",
    "fleet/patch_compliance:instance_keys_unique_and_not_null",
]
GROUPS = {
    "fleet/applications": "fleet_curated",
    "fleet/fleet_report": "fleet_reporting",
    "fleet/fleet_summary": "fleet_curated",
    "fleet/inventory": "fleet_curated",
    "fleet/patch_compliance": "fleet_curated",
    "ssm/raw_catalog": "ssm_raw",
    "ssm/raw_sync": "ssm_raw",
}


def test_definitions_load():
    dg.Definitions.validate_loadable(defs)


def test_asset_keys_are_exactly_the_public_interface():
    graph = defs.resolve_asset_graph()

    assert sorted(k.to_user_string() for k in graph.get_all_asset_keys()) == ASSET_KEYS


def test_check_names_are_exactly_the_public_interface():
    graph = defs.resolve_asset_graph()

    assert (
        sorted(f"{k.asset_key.to_user_string()}:{k.name}" for k in graph.asset_check_keys) == CHECKS
    )


def test_job_and_sensor_names():
    repository = defs.get_repository_def()

    jobs = [job.name for job in repository.get_all_jobs() if not job.name.startswith("__")]
    assert jobs == ["fleet_snapshot_job"]
    assert [sensor.name for sensor in repository.sensor_defs] == ["raw_sync_sensor"]


def test_groups_and_lineage():
    graph = defs.resolve_asset_graph()
    nodes = {key.to_user_string(): graph.get(key) for key in graph.get_all_asset_keys()}

    assert {name: node.group_name for name, node in nodes.items()} == GROUPS
    assert {
        name: sorted(p.to_user_string() for p in node.parent_keys) for name, node in nodes.items()
    } == {
        "fleet/applications": ["ssm/raw_catalog"],
        "fleet/fleet_report": [
            "fleet/applications",
            "fleet/fleet_summary",
            "fleet/inventory",
            "fleet/patch_compliance",
        ],
        "fleet/fleet_summary": ["ssm/raw_catalog"],
        "fleet/inventory": ["ssm/raw_catalog"],
        "fleet/patch_compliance": ["ssm/raw_catalog"],
        "ssm/raw_catalog": ["ssm/raw_sync"],
        "ssm/raw_sync": [],
    }
    assert not nodes["ssm/raw_sync"].is_materializable


def test_the_snapshot_job_runs_every_materializable_asset_and_every_check():
    job = defs.resolve_job_def("fleet_snapshot_job")

    assert sorted(job.graph.node_names()) == [
        "fleet__fleet_report",
        "fleet__fleet_summary_every_live_instance_in_summary",
        "fleet__fleet_summary_instance_keys_unique_and_not_null",
        "fleet__inventory_instance_keys_unique_and_not_null",
        "fleet__inventory_newest_capture_within_stale_window",
        "fleet__inventory_rejected_lines_under_threshold",
        "fleet__patch_compliance_instance_keys_unique_and_not_null",
        "fleet_curated_tables",
        "ssm__raw_catalog",
    ]


def test_loading_does_not_need_the_raw_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("FLEET_RAW_URI", str(tmp_path / "not-written-yet"))

    dg.Definitions.validate_loadable(build_defs())
