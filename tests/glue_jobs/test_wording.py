"""Counts in operator sentences agree with their number."""

from glue_jobs.wording import counted


def test_one_is_singular_and_every_other_count_is_plural():
    assert counted(1, "instance") == "1 instance"
    assert counted(0, "instance") == "0 instances"
    assert counted(2, "line") == "2 lines"


def test_an_irregular_plural_is_given_by_the_caller():
    assert counted(1, "entry", "entries") == "1 entry"
    assert counted(3, "entry", "entries") == "3 entries"
