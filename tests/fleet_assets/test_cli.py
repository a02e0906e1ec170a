"""The `fleet` command: wrong settings stop it before any work, in one sentence."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import duckdb
import pytest

from fleet_assets import cli


@pytest.fixture(autouse=True)
def private_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """The CLI exports its settings for child processes; keep that inside each test."""
    monkeypatch.setattr(os, "environ", dict(os.environ))


def test_run_with_a_bad_as_of_exits_2_with_the_sentence(capsys):
    code = cli.main(["run", "--as-of", "tomorrow"])

    assert code == 2
    assert capsys.readouterr().err == (
        "fleet run: --as-of='tomorrow' is not an ISO-8601 time; set it like 2026-12-03T09:00:00Z.\n"
    )


def test_run_with_an_unknown_deployment_exits_2_with_the_sentence(monkeypatch, capsys):
    monkeypatch.setenv("FLEET_DEPLOYMENT", "aws")

    assert cli.main(["run"]) == 2
    assert capsys.readouterr().err == (
        "fleet run: FLEET_DEPLOYMENT='aws' is not available in this version; use local.\n"
    )


def test_run_without_a_raw_tree_stops_before_starting_a_run(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("FLEET_RAW_URI", str(tmp_path / "raw"))
    monkeypatch.setenv("FLEET_DAGSTER_HOME", str(tmp_path / "home"))

    code = cli.main(["run"])

    assert code == 2
    assert capsys.readouterr().err == (
        f"fleet run: The raw sync folder {tmp_path / 'raw'} does not exist; point FLEET_RAW_URI "
        "at a Resource Data Sync tree or write a sample one with `fleet sample`.\n"
    )
    assert [path.name for path in (tmp_path / "home").iterdir()] == ["dagster.yaml"]


def test_a_new_dagster_home_gets_an_instance_config_and_an_existing_one_is_kept(
    tmp_path, monkeypatch
):
    home = tmp_path / "home"
    monkeypatch.setenv("FLEET_RAW_URI", str(tmp_path / "raw"))
    monkeypatch.setenv("FLEET_DAGSTER_HOME", str(home))

    cli.main(["run"])
    assert (home / "dagster.yaml").read_text() == cli.INSTANCE_CONFIG

    (home / "dagster.yaml").write_text("telemetry:\n  enabled: true\n")
    cli.main(["run"])
    assert (home / "dagster.yaml").read_text() == "telemetry:\n  enabled: true\n"


def test_dev_sets_a_persistent_dagster_home_and_passes_extra_arguments(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    calls: list[tuple[str, list[str]]] = []
    # Replacing the process is the last thing `fleet dev` does; record it instead of doing it.
    monkeypatch.setattr(os, "execvp", lambda file, args: calls.append((file, args)))
    handlers: dict[int, object] = {}
    monkeypatch.setattr(
        signal, "signal", lambda number, handler: handlers.update({number: handler})
    )

    cli.main(["dev", "-p", "3333"])

    [(executable, args)] = calls
    assert Path(executable).name == "dagster"
    assert args[1:] == ["dev", "-w", str(cli.WORKSPACE), "-p", "3333"]
    assert cli.WORKSPACE.is_file()
    assert os.environ["DAGSTER_HOME"] == str(tmp_path.resolve() / ".fleet" / "dagster_home")
    assert Path(os.environ["DAGSTER_HOME"]).is_dir()
    assert os.environ["FLEET_RAW_URI"] == str(tmp_path.resolve() / ".fleet" / "raw")
    assert handlers == {signal.SIGINT: signal.SIG_DFL, signal.SIGTERM: signal.SIG_DFL}


def test_sql_prints_the_answer_of_a_read_only_query_on_the_catalog(tmp_path, monkeypatch, capsys):
    catalog = tmp_path / "catalog.duckdb"
    with duckdb.connect(str(catalog)) as connection:
        connection.execute("CREATE SCHEMA fleet")
        connection.execute(
            "CREATE TABLE fleet.fleet_summary AS "
            "SELECT * FROM (VALUES ('i-1', 'prod'), ('i-2', 'dev')) t(instance_id, environment)"
        )
    monkeypatch.setenv("FLEET_CATALOG_PATH", str(catalog))

    code = cli.main(
        ["sql", "SELECT instance_id FROM fleet.fleet_summary WHERE environment = 'prod'"]
    )

    assert code == 0
    assert capsys.readouterr().out.split() == ["instance_id", "i-1"]
    assert cli.main(["sql", "DROP TABLE fleet.fleet_summary"]) == 1
    assert "read-only" in capsys.readouterr().err


def test_sql_before_any_snapshot_says_to_take_one(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("FLEET_CATALOG_PATH", str(tmp_path / "catalog.duckdb"))

    assert cli.main(["sql", "SELECT 1"]) == 2
    assert capsys.readouterr().err == (
        f"fleet sql: there is no catalog at {tmp_path / 'catalog.duckdb'} yet; "
        "take a snapshot with `fleet run` first.\n"
    )


def test_unknown_arguments_to_run_are_an_error():
    with pytest.raises(SystemExit) as raised:
        cli.main(["run", "--as-off", "2026-12-03"])

    assert raised.value.code == 2


def test_run_with_an_unusable_curated_folder_stops_before_starting_a_run(
    tmp_path, monkeypatch, capsys
):
    (tmp_path / "raw").mkdir()
    monkeypatch.setenv("FLEET_RAW_URI", str(tmp_path / "raw"))
    monkeypatch.setenv("FLEET_CURATED_URI", "/proc/nope")
    monkeypatch.setenv("FLEET_DAGSTER_HOME", str(tmp_path / "home"))

    code = cli.main(["run"])

    assert code == 2
    assert capsys.readouterr().err == (
        "fleet run: The curated folder /proc/nope cannot be written (No such file or directory); "
        "point FLEET_CURATED_URI at a location this user can write.\n"
    )
    assert [path.name for path in (tmp_path / "home").iterdir()] == ["dagster.yaml"]
