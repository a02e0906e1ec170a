"""The one place that decides which implementation of each external system a deployment uses."""

from __future__ import annotations

from collections.abc import Callable

import dagster as dg

from fleet_assets.resources.catalog import DuckDbRawCatalog
from fleet_assets.resources.etl import LocalSparkEtl
from fleet_assets.resources.policy import SnapshotPolicy
from fleet_assets.resources.sql import DuckDbSqlEngine
from fleet_assets.resources.storage import LocalCuratedStore, LocalRawSyncStore
from fleet_assets.settings import FleetSettingError, FleetSettings


def local_resources(settings: FleetSettings) -> dict[str, dg.ConfigurableResource]:
    """A folder laid out like the sync bucket, local Spark, and DuckDB for the catalog and SQL."""
    return {
        "raw_sync": LocalRawSyncStore(raw_uri=settings.raw_uri),
        "curated": LocalCuratedStore(
            curated_uri=settings.curated_uri, report_uri=settings.report_uri
        ),
        "catalog": DuckDbRawCatalog(database_path=settings.catalog_path),
        "etl": LocalSparkEtl(),
        "sql": DuckDbSqlEngine(database_path=settings.catalog_path),
        "policy": SnapshotPolicy(
            default_as_of=settings.as_of or "",
            stale_after_hours=settings.stale_after_hours,
            max_rejected_ratio=settings.max_rejected_ratio,
        ),
    }


DeploymentResources = Callable[[FleetSettings], dict[str, dg.ConfigurableResource]]

RESOURCES_BY_DEPLOYMENT: dict[str, DeploymentResources] = {
    "local": local_resources,
}


def resources_for(settings: FleetSettings) -> dict[str, dg.ConfigurableResource]:
    """The resources of the deployment the settings name; an unknown name is a setting to fix."""
    build = RESOURCES_BY_DEPLOYMENT.get(settings.deployment)
    if build is None:
        available = ", ".join(sorted(RESOURCES_BY_DEPLOYMENT))
        raise FleetSettingError(
            f"FLEET_DEPLOYMENT={settings.deployment!r} is not available in this version; "
            f"use {available}."
        )
    return build(settings)
