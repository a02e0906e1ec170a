from datetime import datetime

import pytest
from pyspark.sql import functions as F

from glue_jobs.normalize import (
    INSTANCE_STATUSES,
    PLATFORM_TYPES,
    SEVERITIES,
    environment,
    patch_state,
    to_bool,
    to_enum,
    to_int,
    to_timestamp_utc,
    unparsed_map,
)

pytestmark = pytest.mark.spark


def values(spark, raws, function):
    frame = spark.createDataFrame([(raw,) for raw in raws], "raw string")
    return [row[0] for row in frame.select(function(F.col("raw"))).collect()]


def test_iso_8601_variants_become_the_same_utc_instant(spark):
    assert (
        values(
            spark,
            [
                "2026-12-03T05:00:00Z",
                "2026-12-03T05:00:00.000000000Z",
                "2026-12-03T12:00:00+07:00",
                "2026-12-02T22:00:00-0700",
                "2026-12-03 05:00:00",
                "2026-12-03T05:00:00",
                " 2026-12-03T05:00Z ",
            ],
            to_timestamp_utc,
        )
        == [datetime(2026, 12, 3, 5, 0)] * 7
    )


def test_fractions_of_any_length_keep_microseconds_and_a_date_alone_is_midnight_utc(spark):
    assert values(
        spark,
        ["2026-12-03T05:00:00.5Z", "2026-12-03T05:00:00.123456789Z", "2024-01-15"],
        to_timestamp_utc,
    ) == [
        datetime(2026, 12, 3, 5, 0, 0, 500000),
        datetime(2026, 12, 3, 5, 0, 0, 123456),
        datetime(2024, 1, 15),
    ]


def test_unparseable_and_empty_timestamps_are_null(spark):
    assert (
        values(spark, ["yesterday", "20240115", "2026-13-01T00:00:00Z", "", None], to_timestamp_utc)
        == [None] * 5
    )


def test_integers_and_booleans_are_read_from_their_text(spark):
    assert values(spark, ["2", " 36 ", "-1", "2.5", "many", ""], to_int) == [
        2,
        36,
        -1,
        None,
        None,
        None,
    ]
    assert values(spark, ["true", "FALSE", " True ", "yes", None], to_bool) == [
        True,
        False,
        True,
        None,
        None,
    ]


def test_patch_states_in_any_spelling_normalise_and_the_rest_are_unknown(spark):
    assert values(
        spark,
        [
            "Installed",
            "InstalledOther",
            "Installed Other",
            "INSTALLED_OTHER",
            "installed-other",
            "InstalledPendingReboot",
            "InstalledRejected",
            "Missing",
            "Failed",
            "NotApplicable",
            "AvailableSecurityUpdate",
            "Superseded",
            None,
        ],
        patch_state,
    ) == [
        "INSTALLED",
        "INSTALLED_OTHER",
        "INSTALLED_OTHER",
        "INSTALLED_OTHER",
        "INSTALLED_OTHER",
        "INSTALLED_PENDING_REBOOT",
        "INSTALLED_REJECTED",
        "MISSING",
        "FAILED",
        "NOT_APPLICABLE",
        "AVAILABLE_SECURITY_UPDATE",
        "UNKNOWN",
        "UNKNOWN",
    ]


def test_enumerations_keep_ssm_spelling_and_unknown_values_are_null(spark):
    assert values(
        spark, ["linux", "WINDOWS", "macOS", "Solaris"], lambda c: to_enum(c, PLATFORM_TYPES)
    ) == ["Linux", "Windows", "MacOS", None]
    assert values(
        spark,
        ["active", "connection-lost", "Deregistered"],
        lambda c: to_enum(c, INSTANCE_STATUSES),
    ) == ["Active", "ConnectionLost", None]
    assert values(spark, ["critical", "Informational"], lambda c: to_enum(c, SEVERITIES)) == [
        "CRITICAL",
        "INFORMATIONAL",
    ]


def test_environment_values_fold_their_aliases_and_a_missing_tag_is_unknown(spark):
    assert values(
        spark,
        [" Production ", "prd", "stage", "STG", "development", "Dev", "QA", "", None],
        environment,
    ) == ["prod", "prod", "staging", "staging", "dev", "dev", "qa", "unknown", "unknown"]


def test_unparsed_map_keeps_the_raw_text_of_values_that_failed_only(spark):
    frame = spark.createDataFrame(
        [("2", "many", ""), ("x", "3", None)], "a string, b string, c string"
    )
    pairs = [(name, F.col(name), to_int(F.col(name))) for name in ("a", "b", "c")]
    assert [row[0] for row in frame.select(unparsed_map(pairs)).collect()] == [
        {"b": "many"},
        {"a": "x"},
    ]
