"""One snapshot taken from the command line: the job run in process on the persistent instance."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import dagster as dg

from fleet_assets.constants import CURATED_SCHEMA, FLEET_REPORT, SNAPSHOT_JOB
from fleet_assets.curated.assets import snapshot_run_config
from fleet_assets.deployment import resources_for
from fleet_assets.invocation import command_line
from fleet_assets.raw.assets import query_command
from fleet_assets.settings import FleetSettings

QUIET_CONSOLE = {"loggers": {"console": {"config": {"log_level": "INFO"}}}}


@dataclass
class RunOutcome:
    success: bool
    run_id: str
    settings: FleetSettings
    snapshot_date: str = ""
    report_path: str = ""
    headlines: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def describe(self) -> str:
        if not self.success:
            lines = [f"The snapshot run {self.run_id} failed:"]
            lines += [f"  - {failure}" for failure in self.failures]
            lines += self.warnings
            lines.append(f"See the whole run in the Dagster UI: {command_line('dev')}")
            return "\n".join(lines) + "\n"
        settings = self.settings
        lines = [
            f"Snapshot {self.snapshot_date} written (run {self.run_id}).",
            f"  Curated tables: {settings.curated_uri}/<table>/snapshot_date={self.snapshot_date}/",
            f"  Catalog:        {settings.catalog_path}",
            f"                  {query_command()}  (views {CURATED_SCHEMA}.*, ssm.*)",
            f"  Report:         {self.report_path}",
            "",
            *self.headlines,
            "",
            *self.warnings,
            *([""] if self.warnings else []),
            f"Open the Dagster UI on this instance: {command_line('dev')}",
        ]
        return "\n".join(lines) + "\n"


def run_snapshot(settings: FleetSettings, as_of: str | None) -> RunOutcome:
    """Run fleet_snapshot_job once; an unusable folder or bad setting raises before it starts."""
    resources = resources_for(settings)
    resources["raw_sync"].require_tree()
    resources["curated"].require_writable()
    resources["catalog"].require_writable()
    # Imported here: the module builds its definitions from the environment the CLI prepared.
    from fleet_assets.definitions import build_defs

    job = build_defs(settings).resolve_job_def(SNAPSHOT_JOB)
    run_config = {**snapshot_run_config(as_of), **QUIET_CONSOLE}
    with dg.DagsterInstance.get() as instance:
        result = job.execute_in_process(
            run_config=run_config, instance=instance, raise_on_error=False
        )
        outcome = RunOutcome(success=result.success, run_id=result.run_id, settings=settings)
        outcome.failures = _failures(result)
        outcome.warnings = check_warnings(result.get_asset_check_evaluations())
        report = instance.get_latest_materialization_event(FLEET_REPORT)
    if result.success and report is not None and report.run_id == result.run_id:
        metadata = report.asset_materialization.metadata
        outcome.snapshot_date = str(metadata["snapshot_date"].value)
        outcome.report_path = str(metadata["report_path"].value)
        outcome.headlines = str(metadata["summary"].value).splitlines()
    return outcome


def _failures(result: dg.ExecuteInProcessResult) -> list[str]:
    failures = []
    for event in result.all_events:
        if event.is_step_failure:
            data = event.step_failure_data
            user = data.user_failure_data
            message = user.description if user and user.description else data.error.message
            failures.append(f"{event.step_key}: {message.strip()}")
    for evaluation in result.get_asset_check_evaluations():
        if not evaluation.passed and not _is_warning(evaluation):
            failures.append(
                f"check {evaluation.asset_key.to_user_string()}:{evaluation.check_name} did not "
                f"pass ({evaluation.severity.value})"
            )
    return failures


def check_warnings(evaluations: Sequence[dg.AssetCheckEvaluation]) -> list[str]:
    """One line per failed check that warns without blocking: the run succeeds regardless."""
    return [
        f"Warning: {evaluation.check_name} on {evaluation.asset_key.to_user_string()}: "
        f"{_reason(evaluation)}"
        for evaluation in evaluations
        if not evaluation.passed and _is_warning(evaluation)
    ]


def _is_warning(evaluation: dg.AssetCheckEvaluation) -> bool:
    return evaluation.severity == dg.AssetCheckSeverity.WARN and not evaluation.blocking


def _reason(evaluation: dg.AssetCheckEvaluation) -> str:
    if evaluation.description:
        return evaluation.description
    facts = [
        f"{name} {entry.value}"
        for name, entry in evaluation.metadata.items()
        if isinstance(entry.value, str | int | float)
    ]
    return "; ".join(facts) or "no reason recorded; see the check in the Dagster UI"
