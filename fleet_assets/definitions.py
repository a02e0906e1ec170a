"""The Fleet Intelligence code location: raw sync → raw catalog → curated tables → report."""

import dagster as dg

from fleet_assets.constants import SNAPSHOT_JOB
from fleet_assets.curated.assets import fleet_curated_tables
from fleet_assets.curated.checks import CURATED_CHECKS
from fleet_assets.deployment import resources_for
from fleet_assets.raw.assets import raw_catalog, raw_sync_spec
from fleet_assets.raw.sensors import raw_sync_sensor
from fleet_assets.report.assets import fleet_report
from fleet_assets.settings import FleetSettings

fleet_snapshot_job = dg.define_asset_job(
    SNAPSHOT_JOB,
    selection=dg.AssetSelection.all(),
    description="One complete snapshot: catalog the raw sync, run the ETL, check, report.",
)


def build_defs(settings: FleetSettings | None = None) -> dg.Definitions:
    """The definitions wired to the resources of the deployment the settings choose."""
    settings = settings or FleetSettings.from_env()
    return dg.Definitions(
        assets=[raw_sync_spec, raw_catalog, fleet_curated_tables, fleet_report],
        asset_checks=CURATED_CHECKS,
        jobs=[fleet_snapshot_job],
        sensors=[raw_sync_sensor],
        resources=resources_for(settings),
    )


defs = build_defs()
