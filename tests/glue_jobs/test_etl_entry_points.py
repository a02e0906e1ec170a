from datetime import UTC, datetime

import pytest

from glue_jobs.fleet_etl import parse_as_of, request_from_arguments
from glue_jobs.glue_entry import request_from_glue


def test_glue_style_arguments_map_onto_the_same_request_as_the_command_line():
    glue = request_from_glue(
        [
            "job.py",
            "--raw_uri",
            "/raw",
            "--curated_uri",
            "/curated",
            "--as_of",
            "2026-12-03T06:00:00Z",
            "--stale_after_hours",
            "12",
            "--JOB_NAME",
            "fleet",
        ]
    )
    cli = request_from_arguments("/raw", "/curated", "2026-12-03T06:00:00Z", 12.0)
    assert glue == cli
    assert glue.as_of == datetime(2026, 12, 3, 6, 0, tzinfo=UTC)
    assert glue.stale_after_hours == 12.0


def test_locations_fall_back_to_the_fleet_settings(monkeypatch):
    monkeypatch.setenv("FLEET_RAW_URI", "/raw")
    monkeypatch.setenv("FLEET_CURATED_URI", "/curated")
    request = request_from_arguments(None, None, "2026-12-03T06:00:00+01:00")
    assert (request.raw_uri, request.curated_uri, request.snapshot_date) == (
        "/raw",
        "/curated",
        "2026-12-03",
    )


def test_a_missing_raw_location_names_the_setting():
    with pytest.raises(ValueError, match="FLEET_RAW_URI"):
        request_from_arguments(None, "/curated", None)


def test_as_of_without_a_zone_is_utc_and_any_offset_is_converted_to_utc():
    assert parse_as_of("2026-12-03T06:00:00") == datetime(2026, 12, 3, 6, tzinfo=UTC)
    assert parse_as_of("2026-12-03T08:00:00+02:00") == datetime(2026, 12, 3, 6, tzinfo=UTC)


def test_an_as_of_that_is_not_a_time_is_one_sentence_saying_what_to_set():
    with pytest.raises(ValueError) as error:
        parse_as_of("tomorrow")
    assert str(error.value) == (
        "--as-of='tomorrow' is not an ISO-8601 time; set it like 2026-12-03T09:00:00Z."
    )
