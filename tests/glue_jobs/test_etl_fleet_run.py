"""One run of the ETL over the bad-input fleet tree (see fleet_tree.py), checked row by row."""

import glob
import json
import os
from datetime import datetime

import pyarrow.parquet as pq
import pytest
from fleet_tree import EMPTY_8, GONE_4, MAC_6, OLD_3, ORPHAN_7, QUIET_5, WEB_1, WIN_2

from glue_jobs.contract import EtlResult

pytestmark = pytest.mark.spark

A = ("111111111111", "us-east-1")
B = ("222222222222", "eu-west-1")


def rows(spark, result, table):
    folder = result.rejected_uri if table == "rejected" else result.tables[table].uri
    return [row.asDict(recursive=True) for row in spark.read.parquet(folder).collect()]


def by_instance(spark, result, table):
    return {row["instance_id"]: row for row in rows(spark, result, table)}


def test_inventory_has_one_row_per_instance_information_record(spark, fleet_run):
    result, _ = fleet_run
    inventory = by_instance(spark, result, "inventory")
    assert sorted(inventory) == [WEB_1, WIN_2, OLD_3, GONE_4, QUIET_5, MAC_6]
    assert inventory[WEB_1] == {
        "account_id": "111111111111",
        "region": "us-east-1",
        "instance_id": WEB_1,
        "computer_name": "web-1.internal",
        "ip_address": "10.0.0.1",
        "platform_type": "Linux",
        "platform_name": "Amazon Linux",
        "platform_version": "2023",
        "agent_type": "amazon-ssm-agent",
        "agent_version": "3.3.40.0",
        "resource_type": "EC2Instance",
        "instance_status": "Active",
        "is_live": True,
        "is_terminated": False,
        "environment": "prod",
        "environment_tag": " Production ",
        "tags": {
            "Environment": " Production ",
            "environment": "dev",
            "Name": "web-1",
            "name": "lower",
        },
        "cpu_model": "Intel Xeon",
        "cpus": 2,
        "cpu_cores": 1,
        "cpu_sockets": 1,
        "cpu_speed_mhz": None,
        "cpu_hyperthread_enabled": True,
        "kernel_version": "6.1.0",
        "os_service_pack": "",
        "last_capture_time": datetime(2026, 12, 3, 5, 30, 0, 500000),
        "hours_since_report": pytest.approx(0.5 - 0.5 / 3600),
        "is_stale": False,
        "unparsed_values": {"cpu_speed_mhz": "fast"},
    }


def test_inventory_liveness_staleness_and_environment_follow_the_contract(spark, fleet_run):
    result, _ = fleet_run
    inventory = by_instance(spark, result, "inventory")
    facts = {
        instance: (
            row["instance_status"],
            row["is_live"],
            row["is_terminated"],
            row["is_stale"],
            row["hours_since_report"],
            row["environment"],
            row["platform_type"],
            row["resource_type"],
        )
        for instance, row in inventory.items()
    }
    assert facts == {
        WEB_1: (
            "Active",
            True,
            False,
            False,
            pytest.approx(0.4998611),
            "prod",
            "Linux",
            "EC2Instance",
        ),
        WIN_2: ("Active", True, False, False, 2.0, "staging", "Windows", "EC2Instance"),
        OLD_3: ("Stopped", False, False, False, 120.0, "unknown", "Linux", "EC2Instance"),
        GONE_4: ("Terminated", False, True, False, 2.0, "qa", "Linux", "EC2Instance"),
        QUIET_5: (None, True, False, True, 72.0, "unknown", "Linux", "ManagedInstance"),
        MAC_6: ("Active", True, False, True, None, "unknown", "MacOS", "ManagedInstance"),
    }
    assert inventory[QUIET_5]["computer_name"] == "quiet-5"
    assert inventory[WIN_2]["last_capture_time"] == datetime(2026, 12, 3, 4, 0)
    assert inventory[MAC_6]["unparsed_values"] == {"capture_time": "yesterday"}
    assert inventory[MAC_6]["last_capture_time"] is None


def test_applications_keep_every_good_line_with_typed_install_time_and_runtime(spark, fleet_run):
    result, _ = fleet_run
    applications = sorted(
        (
            row["instance_id"],
            row["name"],
            row["software_family"],
            row["major_version"],
            row["installed_time"],
            row["unparsed_values"],
        )
        for row in rows(spark, result, "applications")
    )
    jan_10 = datetime(2026, 1, 10, 17, 0)
    assert applications == [
        (WEB_1, "graalvm-ce-java17", "java", 17, jan_10, {}),
        (WEB_1, "java-1.8.0-openjdk", "java", 8, jan_10, {}),
        (WEB_1, "java-17-amazon-corretto", "java", 17, jan_10, {}),
        (WEB_1, "java-common", None, None, jan_10, {}),
        (WEB_1, "java-latest-openjdk", "java", 21, jan_10, {}),
        (WEB_1, "javascript-common", None, None, jan_10, {}),
        (WEB_1, "libjna-java", None, None, jan_10, {}),
        (WEB_1, "nodejs", "nodejs", 18, jan_10, {}),
        (WEB_1, "openjdk-17-jre-headless", "java", 17, jan_10, {}),
        (WEB_1, "python3", "python", 3, jan_10, {}),
        (WEB_1, "temurin-21-jdk", "java", 21, jan_10, {}),
        (WEB_1, "tzdata-java", None, None, jan_10, {}),
        (WEB_1, "zulu-11", "java", 11, jan_10, {}),
        (WIN_2, "Eclipse Temurin JDK with Hotspot 21.0.1+12 (x64)", "java", 21, None, {}),
        (WIN_2, "Java 8 Update 391", "java", 8, datetime(2024, 1, 15), {}),
        (
            WIN_2,
            "Java(TM) SE Development Kit 17.0.2 (64-bit)",
            "java",
            17,
            None,
            {"installed_time": "20240115"},
        ),
        (
            WIN_2,
            "Microsoft Build of OpenJDK with Hotspot 17.0.9+8 (x64)",
            "java",
            17,
            datetime(2024, 2, 1, 0, 0, 0, 123456),
            {},
        ),
        (WIN_2, "Notepad++ (64-bit x64)", None, None, datetime(2024, 2, 29, 18, 30), {}),
    ]


def test_patch_compliance_takes_status_from_the_summary_else_the_items(spark, fleet_run):
    result, _ = fleet_run
    patch = by_instance(spark, result, "patch_compliance")
    assert sorted(patch) == [WEB_1, WIN_2, GONE_4, QUIET_5]
    zero_severities = {
        f"{kind}_{severity}_count": 0
        for kind in ("compliant", "non_compliant")
        for severity in ("critical", "high", "medium", "low", "informational", "unspecified")
    }
    assert patch[WEB_1] == {
        "account_id": "111111111111",
        "region": "us-east-1",
        "instance_id": WEB_1,
        "compliance_status": "NON_COMPLIANT",
        "compliance_status_source": "summary",
        "overall_severity": "CRITICAL",
        **zero_severities,
        "compliant_high_count": 3,
        "non_compliant_critical_count": 2,
        "non_compliant_medium_count": 1,
        "installed_count": 1,
        "installed_other_count": 2,
        "installed_pending_reboot_count": 1,
        "installed_rejected_count": 1,
        "missing_count": 1,
        "failed_count": 1,
        "not_applicable_count": 1,
        "available_security_update_count": 1,
        "unknown_state_count": 1,
        "missing_critical_count": 2,
        "patch_item_count": 10,
        "baseline_id": "pb-0000000000000000a",
        "patch_group": "web",
        "execution_id": "exec-1",
        "operation_type": "Scan",
        "last_scan_time": datetime(2026, 12, 3, 2, 58),
        "capture_time": datetime(2026, 12, 3, 3, 0),
        "unparsed_values": {},
    }
    assert patch[WIN_2] == {
        "account_id": "111111111111",
        "region": "us-east-1",
        "instance_id": WIN_2,
        "compliance_status": "COMPLIANT",
        "compliance_status_source": "items",
        "overall_severity": None,
        **{column: None for column in zero_severities},
        "installed_count": 1,
        "installed_other_count": 0,
        "installed_pending_reboot_count": 0,
        "installed_rejected_count": 0,
        "missing_count": 0,
        "failed_count": 0,
        "not_applicable_count": 1,
        "available_security_update_count": 0,
        "unknown_state_count": 0,
        "missing_critical_count": 0,
        "patch_item_count": 2,
        "baseline_id": "pb-0000000000000000a",
        "patch_group": "web",
        "execution_id": "exec-1",
        "operation_type": None,
        "last_scan_time": datetime(2026, 12, 2, 19, 0),
        "capture_time": datetime(2026, 12, 3, 3, 0),
        "unparsed_values": {},
    }


def test_without_items_state_counts_come_from_patch_summary_and_bad_values_are_kept(
    spark, fleet_run
):
    result, _ = fleet_run
    gone = by_instance(spark, result, "patch_compliance")[GONE_4]
    assert {key: gone[key] for key in gone if key.endswith("_count") or key.startswith("comp")} == {
        "compliance_status": "COMPLIANT",
        "compliance_status_source": "summary",
        "compliant_critical_count": 0,
        "compliant_high_count": 0,
        "compliant_medium_count": 0,
        "compliant_low_count": 0,
        "compliant_informational_count": 0,
        "compliant_unspecified_count": 397,
        "non_compliant_critical_count": None,
        "non_compliant_high_count": 0,
        "non_compliant_medium_count": 0,
        "non_compliant_low_count": 0,
        "non_compliant_informational_count": 0,
        "non_compliant_unspecified_count": 0,
        "installed_count": 120,
        "installed_other_count": 7,
        "installed_pending_reboot_count": 0,
        "installed_rejected_count": 0,
        "missing_count": 0,
        "failed_count": 0,
        "not_applicable_count": 2063,
        "available_security_update_count": None,
        "unknown_state_count": None,
        "missing_critical_count": None,
        "patch_item_count": 0,
    }
    assert (gone["baseline_id"], gone["patch_group"], gone["operation_type"]) == (
        "pb-summary",
        "batch",
        "Install",
    )
    assert gone["last_scan_time"] == datetime(2026, 12, 1, 4, 0)
    assert gone["unparsed_values"] == {
        "non_compliant_critical_count": "many",
        "last_scan_time": "not a time",
    }


def test_fleet_summary_keeps_every_instance_and_never_shows_a_stale_one_compliant(spark, fleet_run):
    result, _ = fleet_run
    summary = {
        row["instance_id"]: (
            row["compliance_status"],
            row["effective_compliance"],
            row["overall_severity"],
            row["missing_critical_count"],
            row["baseline_id"],
            row["application_count"],
            row["java_major_versions"],
            row["is_live"],
            row["is_stale"],
            row["is_terminated"],
            row["environment"],
        )
        for row in rows(spark, result, "fleet_summary")
    }
    assert summary == {
        WEB_1: (
            "NON_COMPLIANT",
            "NON_COMPLIANT",
            "CRITICAL",
            2,
            "pb-0000000000000000a",
            13,
            [8, 11, 17, 21],
            True,
            False,
            False,
            "prod",
        ),
        WIN_2: (
            "COMPLIANT",
            "COMPLIANT",
            None,
            0,
            "pb-0000000000000000a",
            5,
            [8, 17, 21],
            True,
            False,
            False,
            "staging",
        ),
        OLD_3: (None, "NO_PATCH_DATA", None, None, None, 0, [], False, False, False, "unknown"),
        GONE_4: (
            "COMPLIANT",
            "COMPLIANT",
            "UNSPECIFIED",
            None,
            "pb-summary",
            0,
            [],
            False,
            False,
            True,
            "qa",
        ),
        QUIET_5: (
            "COMPLIANT",
            "STALE",
            "UNSPECIFIED",
            0,
            None,
            0,
            [],
            True,
            True,
            False,
            "unknown",
        ),
        MAC_6: (None, "NO_PATCH_DATA", None, None, None, 0, [], True, True, False, "unknown"),
    }


def test_every_line_or_object_set_aside_is_in_rejected_with_key_and_reason(spark, fleet_run):
    result, _ = fleet_run

    def short(key):
        return key.split("/")[0] + "/" + key.rsplit("/", 1)[-1]

    rejected = sorted(
        (short(row["source_key"]), row["line_number"] or 0, row["reason"], row["raw_line"])
        for row in rows(spark, result, "rejected")
    )
    superseded = [row for row in rejected if row[2] == "superseded_entry"]
    assert [row[:3] for row in rejected] == [
        (f"AWS:Application/{WEB_1}.json", 16, "malformed_json"),
        (f"AWS:ComplianceItem/{WIN_2}.json", 3, "malformed_json"),
        (f"AWS:ComplianceItem/{WIN_2}.json", 4, "malformed_json"),
        (f"AWS:ComplianceItem/{WIN_2}.json", 5, "malformed_json"),
        (f"AWS:ComplianceItem/{WIN_2}.json", 6, "malformed_json"),
        (f"AWS:InstanceInformation/{EMPTY_8}.json", 0, "empty_file"),
        (f"AWS:InstanceInformation/{QUIET_5}.json", 2, "superseded_entry"),
        ("AWS:InstanceInformation/test.json", 0, "outside_partition_layout"),
        (f"AWS:MadeUpType/{WEB_1}.json", 0, "unknown_type"),
        (f"AWS:Tag/{WEB_1}.json", 5, "not_a_json_object"),
        (f"AWS:Tag/{WEB_1}.json", 6, "not_a_json_object"),
        (f"AWS:Tag/{WEB_1}.json", 7, "resource_id_mismatch"),
    ]
    assert rejected[0][3] == '{"Name": "broken", "Version": "1'
    assert json.loads(superseded[0][3])["ComputerName"] == "quiet-5-old"


def test_the_result_counts_what_was_read_skipped_set_aside_and_repaired(fleet_run):
    result, _ = fleet_run
    assert result.files_listed == 28
    assert result.files_by_type == {
        "AWS:Application": 3,
        "AWS:ComplianceItem": 2,
        "AWS:ComplianceSummary": 3,
        "AWS:InstanceDetailedInformation": 1,
        "AWS:InstanceInformation": 7,
        "AWS:MadeUpType": 1,
        "AWS:Network": 2,
        "AWS:PatchSummary": 2,
        "AWS:Tag": 5,
        "Custom:RackInfo": 1,
    }
    assert result.skipped_files_by_reason == {
        "outside_partition_layout": 1,
        "type_not_curated": 3,
        "unknown_type": 1,
    }
    assert (result.lines_read, result.blank_lines) == (65, 2)
    assert result.rejected_by_reason == {
        "empty_file": 1,
        "malformed_json": 5,
        "not_a_json_object": 2,
        "outside_partition_layout": 1,
        "resource_id_mismatch": 1,
        "superseded_entry": 1,
        "unknown_type": 1,
    }
    assert result.rejected_count == 12
    assert result.unparsed_values == {
        "applications.installed_time": 1,
        "inventory.capture_time": 1,
        "inventory.cpu_speed_mhz": 1,
        "patch_compliance.last_scan_time": 1,
        "patch_compliance.non_compliant_critical_count": 1,
    }
    assert result.unknown_patch_states == 1
    assert result.line_notes == {
        "AWS:InstanceDetailedInformation.coerced_to_text": 1,
        "AWS:InstanceInformation.case_collision": 1,
        "AWS:InstanceInformation.unknown_key": 1,
        "AWS:PatchSummary.coerced_to_text": 1,
    }


def test_orphans_are_counted_and_sampled_but_stay_out_of_the_tables(spark, fleet_run):
    result, _ = fleet_run
    assert result.orphan_count == 2
    assert result.orphan_sample == [
        {"type_name": "AWS:Tag", "account_id": A[0], "region": A[1], "instance_id": EMPTY_8},
        {
            "type_name": "AWS:Application",
            "account_id": B[0],
            "region": B[1],
            "instance_id": ORPHAN_7,
        },
        {"type_name": "AWS:Tag", "account_id": B[0], "region": B[1], "instance_id": ORPHAN_7},
    ]
    for table in ("inventory", "applications", "fleet_summary"):
        instances = {row["instance_id"] for row in rows(spark, result, table)}
        assert not instances & {ORPHAN_7, EMPTY_8}, table


def test_the_result_describes_each_table_and_is_written_beside_the_snapshot(fleet_run):
    result, curated = fleet_run
    assert {name: table.row_count for name, table in result.tables.items()} == {
        "inventory": 6,
        "applications": 18,
        "patch_compliance": 4,
        "fleet_summary": 6,
    }
    inventory = result.tables["inventory"]
    assert inventory.uri == str(curated / "inventory" / "snapshot_date=2026-12-03")
    assert inventory.columns[:3] == [
        ("account_id", "string"),
        ("region", "string"),
        ("instance_id", "string"),
    ]
    assert ("tags", "map<string,string>") in inventory.columns
    assert inventory.columns[-1] == ("snapshot_date", "date")
    assert len(inventory.preview) == 5
    assert json.loads(json.dumps(inventory.preview)) == inventory.preview
    assert result.engine_run_id.startswith("local-")
    assert (result.snapshot_date, result.as_of) == ("2026-12-03", "2026-12-03T06:00:00+00:00")
    assert result.result_uri == str(
        curated / "_etl_runs" / "snapshot_date=2026-12-03" / "result.json"
    )
    with open(result.result_uri, encoding="utf-8") as handle:
        assert EtlResult.from_json(handle.read()) == result


def test_files_hold_no_partition_column_and_no_columns_that_differ_only_by_case(fleet_run):
    result, curated = fleet_run
    for table in ("inventory", "applications", "patch_compliance", "fleet_summary", "rejected"):
        files = glob.glob(str(curated / table / "snapshot_date=2026-12-03" / "*.parquet"))
        assert len(files) == 1, table
        names = [name.lower() for name in pq.read_schema(files[0]).names]
        assert "snapshot_date" not in names and len(names) == len(set(names)), table
    assert not [name for name in os.listdir(curated / "inventory") if name.startswith(".")]
