"""`fleet sample` writes where it is told, and never over an existing tree unless asked."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from fleet_assets.sample.command import register


def _run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="fleet")
    register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["sample", *argv])
    return args.func(args)


def test_sample_writes_the_tree_and_says_where_and_how_much(tmp_path: Path, capsys) -> None:
    raw = tmp_path / "raw"

    code = _run(["--instances", "20", "--raw-uri", str(raw), "--as-of", "2026-12-03T10:00:00Z"])

    out = capsys.readouterr().out
    assert code == 0
    assert (
        f"Wrote a sample sync of 20 instances (+1 orphan) in 3 accounts and 3 regions to {raw}"
        in out
    )
    assert "AWS:Application 21" in out
    assert (
        len(list((raw / "AWS:InstanceInformation").rglob("i-*.json")))
        + len(list((raw / "AWS:InstanceInformation").rglob("mi-*.json")))
        == 20
    )


def test_an_existing_tree_without_clean_is_an_error_naming_the_flag(tmp_path: Path, capsys) -> None:
    raw = tmp_path / "raw"
    assert _run(["--instances", "20", "--raw-uri", str(raw)]) == 0
    capsys.readouterr()

    code = _run(["--instances", "20", "--raw-uri", str(raw)])

    err = capsys.readouterr().err
    assert code == 2
    assert err == (
        f"fleet sample: {raw} already holds a tree (12 entries); pass --clean to replace it.\n"
    )


def test_clean_replaces_the_previous_tree(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    assert _run(["--instances", "20", "--raw-uri", str(raw), "--seed", "1"]) == 0
    first = {p.name for p in raw.rglob("*.json")}

    assert _run(["--instances", "20", "--raw-uri", str(raw), "--seed", "2", "--clean"]) == 0

    second = {p.name for p in raw.rglob("*.json")}
    assert first & second == {"test.json"}


def test_clean_refuses_a_folder_that_is_not_a_sync_tree(tmp_path: Path, capsys) -> None:
    (tmp_path / "notes.txt").write_text("keep me")

    code = _run(["--instances", "20", "--raw-uri", str(tmp_path), "--clean"])

    assert code == 2
    assert "refusing to --clean" in capsys.readouterr().err
    assert (tmp_path / "notes.txt").read_text() == "keep me"


def test_raw_uri_defaults_to_the_fleet_raw_uri_setting(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("FLEET_RAW_URI", str(tmp_path / "from-env"))

    assert _run(["--instances", "20"]) == 0

    assert (tmp_path / "from-env" / "AWS:Application").is_dir()


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--instances", "5"], "fleet sample: --instances must be at least 20; got 5.\n"),
        (
            ["--instances", "20", "--as-of", "yesterday"],
            "fleet sample: --as-of='yesterday' is not an ISO-8601 time; "
            "set it like 2026-12-03T09:00:00Z.\n",
        ),
        (
            ["--instances", "20", "--raw-uri", "s3://bucket/raw"],
            "fleet sample: the sample is written to a local folder, not s3://bucket/raw; "
            "pass a path as --raw-uri.\n",
        ),
    ],
)
def test_a_wrong_setting_fails_in_one_sentence(
    argv, message, tmp_path, monkeypatch, capsys
) -> None:
    monkeypatch.setenv("FLEET_RAW_URI", str(tmp_path / "raw"))

    assert _run(argv) == 2

    assert capsys.readouterr().err == message
    assert not (tmp_path / "raw").exists()
