"""The sentence logged each time the raw sync is observed."""

from fleet_assets.raw.observation import raw_sync_sentence
from fleet_assets.resources.storage import RawSyncSummary


def summary(off_layout: int) -> RawSyncSummary:
    return RawSyncSummary(
        uri="/raw",
        objects_by_type={"AWS:Tag": 1},
        bytes_by_type={"AWS:Tag": 12},
        empty_objects_by_type={},
        off_layout_objects=off_layout,
    )


def test_an_empty_off_layout_clause_is_left_out_and_one_of_each_is_singular():
    assert (
        raw_sync_sentence(summary(0)) == "The raw sync at /raw holds 1 object (12 bytes) in 1 type."
    )


def test_objects_outside_the_layout_are_counted_after_the_types():
    assert raw_sync_sentence(summary(2)) == (
        "The raw sync at /raw holds 1 object (12 bytes) in 1 type, plus 2 objects outside the "
        "sync layout (such as test.json)."
    )
