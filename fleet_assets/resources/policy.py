"""How a snapshot is judged: its default instant, when an instance counts as stale, and how
many rejected lines a run may set aside before it is flagged."""

import dagster as dg


class SnapshotPolicy(dg.ConfigurableResource):
    """The thresholds one deployment applies to every snapshot."""

    default_as_of: str = ""
    stale_after_hours: float = 24.0
    max_rejected_ratio: float = 0.01
