"""What `fleet run` prints: where the snapshot went, and every check that only warned."""

from __future__ import annotations

import dagster as dg

from fleet_assets.constants import INVENTORY, RAW_CAPTURE_FRESH_CHECK, REJECTED_LINES_CHECK
from fleet_assets.run import RunOutcome, check_warnings
from fleet_assets.settings import FleetSettings

NO_CAPTURE = (
    "No live instance has a readable capture time; check that the sync writes "
    "AWS:InstanceInformation into FLEET_RAW_URI."
)


def evaluation(name: str, passed: bool, severity: dg.AssetCheckSeverity, **kwargs):
    return dg.AssetCheckEvaluation(
        asset_key=INVENTORY,
        check_name=name,
        passed=passed,
        severity=severity,
        blocking=severity == dg.AssetCheckSeverity.ERROR,
        **kwargs,
    )


def test_only_failed_warn_checks_are_warnings_with_their_description():
    evaluations = [
        evaluation(
            RAW_CAPTURE_FRESH_CHECK, False, dg.AssetCheckSeverity.WARN, description=NO_CAPTURE
        ),
        evaluation(REJECTED_LINES_CHECK, False, dg.AssetCheckSeverity.ERROR),
        evaluation("another_warning", True, dg.AssetCheckSeverity.WARN),
    ]

    assert check_warnings(evaluations) == [
        f"Warning: {RAW_CAPTURE_FRESH_CHECK} on fleet/inventory: {NO_CAPTURE}"
    ]


def test_a_warning_without_a_description_gives_its_metadata():
    evaluations = [
        evaluation(
            "capture_fresh",
            False,
            dg.AssetCheckSeverity.WARN,
            metadata={"hours_behind_as_of": 57.0, "snapshot_date": "2026-12-03"},
        )
    ]

    assert check_warnings(evaluations) == [
        "Warning: capture_fresh on fleet/inventory: hours_behind_as_of 57.0; "
        "snapshot_date 2026-12-03"
    ]


def test_a_successful_run_lists_its_warnings_and_the_commands_as_invoked(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("sys.argv", [str(tmp_path / ".venv" / "bin" / "fleet"), "run"])
    settings = FleetSettings.from_env({"FLEET_CURATED_URI": str(tmp_path / "curated")})
    outcome = RunOutcome(
        success=True,
        run_id="r-1",
        settings=settings,
        snapshot_date="2026-12-03",
        report_path="/r/fleet_report.md",
        headlines=["1. Live instances missing critical patches: 0"],
        warnings=[f"Warning: {RAW_CAPTURE_FRESH_CHECK} on fleet/inventory: {NO_CAPTURE}"],
    )

    lines = outcome.describe().splitlines()

    assert lines[3] == (
        '                  .venv/bin/fleet sql "SELECT * FROM fleet.fleet_summary LIMIT 5"  '
        "(views fleet.*, ssm.*)"
    )
    assert lines[-3:] == [
        f"Warning: {RAW_CAPTURE_FRESH_CHECK} on fleet/inventory: {NO_CAPTURE}",
        "",
        "Open the Dagster UI on this instance: .venv/bin/fleet dev",
    ]


def test_a_failed_run_names_the_ui_command_as_invoked(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("sys.argv", [str(tmp_path / ".venv" / "bin" / "fleet"), "run"])
    outcome = RunOutcome(
        success=False, run_id="r-2", settings=FleetSettings.from_env({}), failures=["x: boom"]
    )

    assert outcome.describe() == (
        "The snapshot run r-2 failed:\n"
        "  - x: boom\n"
        "See the whole run in the Dagster UI: .venv/bin/fleet dev\n"
    )
