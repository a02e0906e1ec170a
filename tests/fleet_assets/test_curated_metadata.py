"""What one ETL run tells a person: metadata per table and one sentence per thing set aside."""

import pandas as pd

from fleet_assets.curated.metadata import run_sentences, table_metadata
from glue_jobs.contract import EtlResult, TableResult

REJECTED = "/c/rejected/snapshot_date=2026-12-03"


def etl_result() -> EtlResult:
    inventory = TableResult(
        name="inventory",
        uri="/c/inventory/snapshot_date=2026-12-03",
        row_count=2,
        columns=[("account_id", "string"), ("is_live", "boolean")],
        preview=[{"account_id": "111111111111", "is_live": True}],
    )
    return EtlResult(
        snapshot_date="2026-12-03",
        as_of="2026-12-03T09:00:00+00:00",
        engine_run_id="local-1",
        tables={"inventory": inventory},
        files_listed=9,
        files_by_type={"AWS:InstanceInformation": 2},
        lines_read=40,
        blank_lines=1,
        rejected_count=3,
        rejected_by_reason={"malformed_json": 2, "outside_partition_layout": 1},
        rejected_uri=REJECTED,
        skipped_files_by_reason={"outside_partition_layout": 1, "type_not_curated": 4},
        orphan_count=1,
        orphan_sample=[{"instance_id": "i-9", "type_name": "AWS:Tag"}, {"instance_id": "i-9"}],
        unparsed_values={"applications.installed_time": 1},
        unknown_patch_states=0,
        result_uri="/c/_etl_runs/snapshot_date=2026-12-03/result.json",
    )


def test_each_set_aside_group_is_one_operator_sentence():
    rejected = pd.DataFrame(
        [
            ("AWS:Application", "malformed_json", False, 2),
            (None, "outside_partition_layout", True, 1),
        ],
        columns=["type_name", "reason", "whole_object", "count"],
    )

    assert run_sentences(etl_result(), rejected) == [
        "Snapshot 2026-12-03 (as of 2026-12-03T09:00:00+00:00) read 40 lines from 9 files and "
        "wrote inventory 2 rows.",
        f"2 lines of AWS:Application set aside (malformed_json); see {REJECTED}/.",
        f"1 object outside the sync layout set aside (outside_partition_layout); see {REJECTED}/.",
        "4 objects skipped (type_not_curated).",
        "1 instance appears only in types other than AWS:InstanceInformation (orphans, e.g. "
        "i-9); their lines stay out of the curated tables.",
        "1 value of applications.installed_time did not parse; null in the table, the raw text "
        "kept in unparsed_values.",
    ]


def test_table_metadata_carries_counts_schema_and_where_to_look():
    result = etl_result()

    metadata = table_metadata(result, result.tables["inventory"])

    assert metadata["dagster/row_count"].value == 2
    assert [(c.name, c.type) for c in metadata["dagster/column_schema"].value.columns] == [
        ("account_id", "string"),
        ("is_live", "boolean"),
    ]
    assert metadata["dagster/uri"].value == "/c/inventory/snapshot_date=2026-12-03"
    assert metadata["rejected_by_reason"].value == result.rejected_by_reason
    assert metadata["rejected_uri"].value == REJECTED
    assert metadata["preview"].value.splitlines()[2] == "| 111111111111 | True      |"
    assert metadata["etl_result"].value == result.result_uri


def test_one_line_one_file_and_one_row_are_singular():
    result = etl_result()
    result.lines_read, result.files_listed = 1, 1
    result.tables["inventory"].row_count = 1

    assert run_sentences(result, pd.DataFrame())[0] == (
        "Snapshot 2026-12-03 (as of 2026-12-03T09:00:00+00:00) read 1 line from 1 file and "
        "wrote inventory 1 row."
    )
