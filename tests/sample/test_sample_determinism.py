"""The same seed, size and as_of give the same bytes; anything else gives a different tree."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from pathlib import Path

from fleet_assets.sample.generator import default_as_of, write_sample_fleet

AS_OF = datetime(2026, 12, 3, 10, 0, tzinfo=UTC)


def _fingerprint(root: Path) -> dict[str, str]:
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def test_same_seed_writes_byte_identical_trees(tmp_path: Path) -> None:
    first = write_sample_fleet(tmp_path / "a", 25, seed=11, as_of=AS_OF)
    second = write_sample_fleet(tmp_path / "b", 25, seed=11, as_of=AS_OF)

    assert _fingerprint(tmp_path / "a") == _fingerprint(tmp_path / "b")
    assert {**first.to_dict(), "root": ""} == {**second.to_dict(), "root": ""}


def test_a_different_seed_writes_a_different_fleet(tmp_path: Path) -> None:
    first = write_sample_fleet(tmp_path / "a", 25, seed=11, as_of=AS_OF)
    second = write_sample_fleet(tmp_path / "b", 25, seed=12, as_of=AS_OF)

    assert set(first.instance_ids).isdisjoint(second.instance_ids)
    assert first.accounts != second.accounts


def test_a_different_as_of_moves_every_capture_time(tmp_path: Path) -> None:
    write_sample_fleet(tmp_path / "a", 25, seed=11, as_of=AS_OF)
    write_sample_fleet(tmp_path / "b", 25, seed=11, as_of=AS_OF.replace(hour=11))

    first, second = _fingerprint(tmp_path / "a"), _fingerprint(tmp_path / "b")
    assert first.keys() == second.keys()
    changed = [k for k in first if first[k] != second[k]]
    assert len(changed) == len(first) - 3 - 3  # all but the 3 probes and the 3 zero-byte files


def test_as_of_defaults_to_the_current_hour_in_utc() -> None:
    as_of = default_as_of()

    assert (as_of.minute, as_of.second, as_of.microsecond) == (0, 0, 0)
    assert as_of.utcoffset().total_seconds() == 0
    assert abs((datetime.now(UTC) - as_of).total_seconds()) < 3600
