"""Fleet Intelligence: the Dagster code location that turns an SSM Resource Data Sync into curated
fleet tables and a report."""
