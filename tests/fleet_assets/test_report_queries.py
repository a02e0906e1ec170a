"""The four report questions on a hand-made snapshot, with the exact expected answers."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from fleet_assets.report.queries import FleetAnswers, answer_questions
from fleet_assets.resources.catalog import DuckDbRawCatalog
from fleet_assets.resources.sql import DuckDbSqlEngine

A, B = "111111111111", "222222222222"
SNAPSHOT = "2026-12-03"
SUMMARY_COLUMNS = [
    "account_id",
    "region",
    "instance_id",
    "computer_name",
    "is_live",
    "is_stale",
    "environment",
    "platform_type",
    "missing_critical_count",
    "last_scan_time",
    "last_capture_time",
    "hours_since_report",
]
SUMMARY_ROWS = [
    (
        A,
        "eu-west-1",
        "i-01",
        "web-1",
        True,
        False,
        "prod",
        "Linux",
        3,
        "2026-12-02T01:00",
        "2026-12-03T08:00",
        1.0,
    ),
    (
        A,
        "eu-west-1",
        "i-02",
        "web-2",
        True,
        False,
        "prod",
        "Linux",
        0,
        "2026-12-02T01:00",
        "2026-12-03T07:00",
        2.0,
    ),
    (
        A,
        "eu-west-1",
        "i-03",
        "EC2AMAZ-1",
        True,
        True,
        "prod",
        "Windows",
        5,
        "2026-11-20T01:00",
        "2026-11-30T09:00",
        72.0,
    ),
    (
        B,
        "us-east-1",
        "i-04",
        "mac-1",
        True,
        False,
        "dev",
        "MacOS",
        1,
        "2026-12-01T01:00",
        "2026-12-03T06:00",
        3.0,
    ),
    (
        B,
        "us-east-1",
        "i-05",
        "old-1",
        False,
        True,
        "prod",
        "Linux",
        9,
        "2026-10-01T01:00",
        "2026-10-02T00:00",
        1500.0,
    ),
    (B, "us-east-1", "i-06", None, True, True, "staging", "Linux", None, None, None, None),
]
APPLICATION_ROWS = [
    (A, "eu-west-1", "i-01", "java-17-amazon-corretto", "java", 17),
    (A, "eu-west-1", "i-01", "java-1.8.0-openjdk", "java", 8),
    (A, "eu-west-1", "i-02", "temurin-17-jdk", "java", 17),
    (A, "eu-west-1", "i-03", "Java 8 Update 391", "java", 8),
    (A, "eu-west-1", "i-02", "javascript-common", None, None),
    (B, "us-east-1", "i-05", "jdk-11", "java", 11),
]


def write_snapshot(root: Path, table: str, snapshot_date: str, frame: pd.DataFrame) -> None:
    folder = root / table / f"snapshot_date={snapshot_date}"
    folder.mkdir(parents=True)
    frame.to_parquet(folder / "part-0.parquet", index=False)


def summary_frame(rows: list[tuple]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=SUMMARY_COLUMNS)
    for column in ("last_scan_time", "last_capture_time"):
        frame[column] = pd.to_datetime(frame[column], utc=True)
    frame["missing_critical_count"] = frame["missing_critical_count"].astype("Int32")
    return frame


@pytest.fixture
def answers(tmp_path: Path) -> FleetAnswers:
    curated = tmp_path / "curated"
    write_snapshot(curated, "fleet_summary", SNAPSHOT, summary_frame(SUMMARY_ROWS))
    applications = pd.DataFrame(
        APPLICATION_ROWS,
        columns=["account_id", "region", "instance_id", "name", "software_family", "major_version"],
    ).astype({"major_version": "Int32"})
    write_snapshot(curated, "applications", SNAPSHOT, applications)
    # An older snapshot in which every instance was stale must not leak into the answers.
    older = summary_frame([(*row[:5], True, *row[6:]) for row in SUMMARY_ROWS])
    write_snapshot(curated, "fleet_summary", "2026-12-02", older)
    write_snapshot(curated, "applications", "2026-12-02", applications.head(1))
    database = str(tmp_path / "catalog.duckdb")
    DuckDbRawCatalog(database_path=database).register_curated_tables(
        {
            table: f"{curated}/{table}/snapshot_date=*/*.parquet"
            for table in ("fleet_summary", "applications")
        }
    )
    return answer_questions(DuckDbSqlEngine(database_path=database), SNAPSHOT)


def test_missing_critical_patches_lists_live_instances_worst_first(answers: FleetAnswers):
    frame = answers.missing_critical_patches

    assert frame[["instance_id", "missing_critical_count"]].values.tolist() == [
        ["i-03", 5],
        ["i-01", 3],
        ["i-04", 1],
    ]
    assert list(frame.columns) == [
        "account_id",
        "region",
        "instance_id",
        "computer_name",
        "environment",
        "platform_type",
        "missing_critical_count",
        "last_scan_time",
    ]


def test_prod_by_platform_counts_live_prod_instances_and_shows_every_platform(answers):
    assert answers.prod_by_platform.values.tolist() == [
        ["Linux", 2],
        ["Windows", 1],
        ["MacOS", 0],
    ]


def test_java_by_major_version_counts_live_instances_installs_and_spellings(answers):
    assert answers.java_by_major_version.values.tolist() == [
        [8, 2, 2, "Java 8 Update 391, java-1.8.0-openjdk"],
        [17, 2, 2, "java-17-amazon-corretto, temurin-17-jdk"],
    ]


def test_stale_instances_are_live_and_silent_longest_first_unknown_first(answers):
    frame = answers.stale_instances

    assert frame["instance_id"].tolist() == ["i-06", "i-03"]
    assert frame["hours_since_report"].isna().tolist() == [True, False]
    assert frame["hours_since_report"].iloc[1] == 72.0


def test_headline_numbers_summarize_the_four_answers(answers: FleetAnswers):
    assert answers.headline_numbers() == {
        "live_instances_missing_critical_patches": 3,
        "live_prod_instances_by_platform": {"Linux": 2, "Windows": 1, "MacOS": 0},
        "java_installs_by_major_version": {"8": 2, "17": 2},
        "live_instances_stale": 2,
    }
