"""The raw sync as Dagster sees it: the external tree, and its types registered as views."""

import dagster as dg

from fleet_assets.constants import CURATED_SCHEMA, RAW_CATALOG, RAW_GROUP, RAW_SYNC
from fleet_assets.invocation import command_line
from fleet_assets.raw.observation import raw_sync_metadata, raw_sync_sentence
from fleet_assets.resources.catalog import RawCatalog, RawView
from fleet_assets.resources.storage import RawSyncStore
from fleet_assets.settings import FleetSettingError
from glue_jobs.schemas import CURATED_TYPES
from glue_jobs.wording import counted

SAMPLE_QUERY = f"SELECT * FROM {CURATED_SCHEMA}.fleet_summary LIMIT 5"

raw_sync_spec = dg.AssetSpec(
    RAW_SYNC,
    group_name=RAW_GROUP,
    kinds={"json", "ssm"},
    description="What SSM Resource Data Sync writes: one NDJSON object per inventory type, "
    "account, region and instance (S3, or a local folder laid out like the bucket).",
)


@dg.asset(key=RAW_CATALOG, deps=[RAW_SYNC], group_name=RAW_GROUP, kinds={"duckdb"})
def raw_catalog(
    context: dg.AssetExecutionContext, raw_sync: RawSyncStore, catalog: RawCatalog
) -> dg.MaterializeResult:
    """Every raw inventory type as a table an analyst can query, named as the Glue crawler would."""
    try:
        summary = raw_sync.summarize()
        catalog.require_writable()
    except FleetSettingError as error:
        raise dg.Failure(description=str(error)) from None
    context.log_event(dg.AssetObservation(asset_key=RAW_SYNC, metadata=raw_sync_metadata(summary)))
    context.log.info(raw_sync_sentence(summary))

    views = catalog.register_raw_types(raw_sync.location())

    for sentence in _catalog_sentences(views, catalog.location()):
        context.log.info(sentence)
    return dg.MaterializeResult(metadata=_catalog_metadata(views, catalog.location()))


def query_command(query: str = SAMPLE_QUERY) -> str:
    """`fleet sql "<query>"`, which opens the catalog read-only and so never holds its lock."""
    return command_line("sql", f'"{query}"')


def _first_view_query(views: list[RawView]) -> str:
    return f"SELECT * FROM {views[0].view} LIMIT 5" if views else SAMPLE_QUERY


def _catalog_metadata(views: list[RawView], database: str) -> dict[str, dg.MetadataValue]:
    return {
        "views": dg.MetadataValue.json([view.view for view in views]),
        "columns_by_view": dg.MetadataValue.json({v.view: v.columns for v in views}),
        "rows_by_view": dg.MetadataValue.json({v.view: v.row_count for v in views}),
        "files_by_view": dg.MetadataValue.json({v.view: v.files for v in views}),
        "ignored_lines_by_view": dg.MetadataValue.json({v.view: v.ignored_lines for v in views}),
        "empty_views": dg.MetadataValue.json([v.view for v in views if v.row_count == 0]),
        "database_path": dg.MetadataValue.path(database),
        "query_command": dg.MetadataValue.md(
            f"```\n{query_command(_first_view_query(views))}\n```"
        ),
    }


def _catalog_sentences(views: list[RawView], database: str) -> list[str]:
    sentences = [
        f"Registered {counted(len(views), 'raw type')} as views in {database}; "
        f"query them with `{query_command(_first_view_query(views))}`."
    ]
    for view in views:
        if view.row_count == 0:
            sentences.append(
                f"{view.view} ({view.type_name}) has no records in its "
                f"{counted(view.files, 'file')}; the view exists and is empty."
            )
        if view.ignored_lines:
            sentences.append(ignored_lines_sentence(view))
    return sentences


def ignored_lines_sentence(view: RawView) -> str:
    """Lines the view leaves out; only the types the ETL curates are also set aside by it."""
    one = view.ignored_lines == 1
    verb = "is" if one else "are"
    left_out = (
        f"{counted(view.ignored_lines, 'line')} of {view.type_name} {verb} not a single JSON "
        f"object and {verb} left out of {view.view}"
    )
    if view.type_name in CURATED_TYPES:
        return f"{left_out}; the ETL sets {'it' if one else 'them'} aside with a reason."
    return f"{left_out} only; the ETL does not read {view.type_name}."
