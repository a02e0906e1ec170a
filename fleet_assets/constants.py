"""The public names of the code location: asset keys, groups, checks, the job and the sensor."""

import dagster as dg

RAW_SYNC = dg.AssetKey(["ssm", "raw_sync"])
RAW_CATALOG = dg.AssetKey(["ssm", "raw_catalog"])
INVENTORY = dg.AssetKey(["fleet", "inventory"])
APPLICATIONS = dg.AssetKey(["fleet", "applications"])
PATCH_COMPLIANCE = dg.AssetKey(["fleet", "patch_compliance"])
FLEET_SUMMARY = dg.AssetKey(["fleet", "fleet_summary"])
FLEET_REPORT = dg.AssetKey(["fleet", "fleet_report"])

CURATED_TABLE_KEYS: dict[str, dg.AssetKey] = {
    "inventory": INVENTORY,
    "applications": APPLICATIONS,
    "patch_compliance": PATCH_COMPLIANCE,
    "fleet_summary": FLEET_SUMMARY,
}

RAW_GROUP = "ssm_raw"
CURATED_GROUP = "fleet_curated"
REPORTING_GROUP = "fleet_reporting"

KEYS_UNIQUE_CHECK = "instance_keys_unique_and_not_null"
LIVE_INSTANCES_SUMMARIZED_CHECK = "every_live_instance_in_summary"
REJECTED_LINES_CHECK = "rejected_lines_under_threshold"
RAW_CAPTURE_FRESH_CHECK = "newest_capture_within_stale_window"

SNAPSHOT_JOB = "fleet_snapshot_job"
RAW_SYNC_SENSOR = "raw_sync_sensor"

CURATED_SCHEMA = "fleet"
RAW_SCHEMA = "ssm"

# The curated tables are rebuilt at least daily; two hours of slack covers a slow ETL.
CURATED_FRESHNESS_HOURS = 26
