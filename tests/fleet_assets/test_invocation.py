"""The `fleet` command is suggested as it was typed, so the suggestion runs without PATH."""

from pathlib import Path

from fleet_assets import invocation


def test_a_program_under_the_working_folder_is_shown_relative_to_it(tmp_path: Path):
    script = tmp_path / ".venv" / "bin" / "fleet"

    assert invocation.program(str(script), cwd=tmp_path) == ".venv/bin/fleet"


def test_a_program_outside_the_working_folder_keeps_its_absolute_path(tmp_path: Path):
    script = tmp_path / "tools" / "fleet"

    assert invocation.program(str(script), cwd=tmp_path / "work") == str(script)


def test_a_process_not_started_as_fleet_suggests_plain_fleet(tmp_path: Path):
    assert invocation.program(str(tmp_path / "dagster"), cwd=tmp_path) == "fleet"
    assert invocation.program("", cwd=tmp_path) == "fleet"


def test_a_command_line_is_the_program_and_its_arguments(monkeypatch, tmp_path: Path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("sys.argv", [str(tmp_path / ".venv" / "bin" / "fleet"), "run"])

    assert invocation.command_line("dev") == ".venv/bin/fleet dev"
