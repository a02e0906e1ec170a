"""What people read from the answers: no NaT or nan, counts that agree, totals of instances."""

from __future__ import annotations

import pandas as pd

from fleet_assets.report.queries import FleetAnswers
from fleet_assets.report.render import answer_metadata, headline_sentences, report_markdown

STALE_COLUMNS = [
    "account_id",
    "region",
    "instance_id",
    "computer_name",
    "environment",
    "platform_type",
    "last_capture_time",
    "hours_since_report",
]


def fleet_answers() -> FleetAnswers:
    stale = pd.DataFrame(
        [
            ("111111111111", "eu-west-1", "i-06", None, "prod", "Linux", None, None),
            ("111111111111", "eu-west-1", "i-03", "web-3", "prod", "Linux", "2026-11-30", 72.0),
        ],
        columns=STALE_COLUMNS,
    )
    stale["last_capture_time"] = pd.to_datetime(stale["last_capture_time"], utc=True)
    stale["hours_since_report"] = stale["hours_since_report"].astype(float)
    return FleetAnswers(
        snapshot_date="2026-12-03",
        missing_critical_patches=pd.DataFrame(columns=["instance_id"]),
        prod_by_platform=pd.DataFrame(
            [("Linux", 5), ("Windows", 2), ("MacOS", 0)], columns=["platform_type", "instances"]
        ),
        java_by_major_version=pd.DataFrame(
            [(17, 1, 1, "temurin-17-jdk")],
            columns=["major_version", "instances", "installs", "names_seen"],
        ),
        stale_instances=stale,
    )


def test_a_stale_instance_without_a_capture_time_reads_never_reported_in_section_4():
    markdown = report_markdown(fleet_answers(), "2026-12-03T09:00:00+00:00", 24)

    section_4 = markdown.split("## 4.")[1]
    assert "NaT" not in section_4 and "nan" not in section_4
    [never] = [line for line in section_4.splitlines() if "i-06" in line]
    assert [cell.strip() for cell in never.strip("|").split("|")] == [
        "111111111111",
        "eu-west-1",
        "i-06",
        "",
        "prod",
        "Linux",
        "never reported",
        "never reported",
    ]


def test_the_stale_metadata_table_reads_never_reported_and_keeps_the_reported_time():
    table = answer_metadata(fleet_answers())["stale_instances"].value

    never, reported = (record.data for record in table.records)
    assert never["last_capture_time"] == "never reported"
    assert never["hours_since_report"] == "never reported"
    assert never["computer_name"] is None
    assert reported["last_capture_time"] == "2026-11-30T00:00:00+00:00"
    assert reported["hours_since_report"] == 72.0


def test_the_prod_by_platform_total_is_live_prod_instances_not_platform_rows():
    metadata = answer_metadata(fleet_answers())

    assert metadata["prod_by_platform_total"] == 7
    assert metadata["stale_instances_total"] == 2


def test_one_java_install_on_one_instance_is_singular_in_the_headline():
    headlines = headline_sentences(fleet_answers(), 24)

    assert headlines[2] == "3. Java across live instances: Java 17: 1 install on 1 instance"
