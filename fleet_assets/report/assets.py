"""The fleet report: the four weekly questions answered from the snapshot just written."""

import dagster as dg

from fleet_assets.constants import (
    APPLICATIONS,
    FLEET_REPORT,
    FLEET_SUMMARY,
    INVENTORY,
    PATCH_COMPLIANCE,
    REPORTING_GROUP,
)
from fleet_assets.curated.snapshots import latest_snapshot
from fleet_assets.report.queries import answer_questions
from fleet_assets.report.render import (
    answer_metadata,
    charts,
    headline_sentences,
    report_markdown,
)
from fleet_assets.resources.policy import SnapshotPolicy
from fleet_assets.resources.sql import SqlEngine
from fleet_assets.resources.storage import CuratedStore

REPORT_FILE = "fleet_report.md"


@dg.asset(
    key=FLEET_REPORT,
    deps=[FLEET_SUMMARY, APPLICATIONS, PATCH_COMPLIANCE, INVENTORY],
    group_name=REPORTING_GROUP,
    kinds={"duckdb", "markdown"},
)
def fleet_report(
    context: dg.AssetExecutionContext,
    sql: SqlEngine,
    curated: CuratedStore,
    policy: SnapshotPolicy,
) -> dg.MaterializeResult:
    """Missing critical patches, prod platforms, Java versions and silent instances right now."""
    snapshot = latest_snapshot(context.instance, FLEET_SUMMARY)
    answers = answer_questions(sql, snapshot.snapshot_date)
    headlines = headline_sentences(answers, policy.stale_after_hours)
    markdown = report_markdown(answers, snapshot.as_of.isoformat(), policy.stale_after_hours)

    chart_uris = {
        name: curated.write_report_file(snapshot.snapshot_date, name, png)
        for name, png in charts(answers).items()
    }
    report_uri = curated.write_report_file(snapshot.snapshot_date, REPORT_FILE, markdown.encode())

    context.log.info(f"Fleet report for snapshot {snapshot.snapshot_date} written to {report_uri}.")
    for sentence in headlines:
        context.log.info(sentence)
    return dg.MaterializeResult(
        metadata={
            "snapshot_date": snapshot.snapshot_date,
            "report_path": dg.MetadataValue.path(report_uri),
            "chart_paths": dg.MetadataValue.json(chart_uris),
            "summary": dg.MetadataValue.md("\n".join(headlines)),
            **answer_metadata(answers),
        }
    )
