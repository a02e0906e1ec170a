"""Which snapshot a check or the report is about: the one the latest materialization wrote."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import dagster as dg

from fleet_assets.settings import parse_as_of


@dataclass(frozen=True)
class SnapshotFacts:
    snapshot_date: str
    as_of: datetime
    metadata: dict[str, object]


def latest_snapshot(instance: dg.DagsterInstance, key: dg.AssetKey) -> SnapshotFacts:
    event = instance.get_latest_materialization_event(key)
    materialization = event.asset_materialization if event is not None else None
    if materialization is None:
        raise dg.Failure(
            description=f"{key.to_user_string()} has not been materialized yet; "
            "run fleet_snapshot_job (`fleet run`) first."
        )
    metadata = {name: value.value for name, value in materialization.metadata.items()}
    return SnapshotFacts(
        snapshot_date=str(metadata["snapshot_date"]),
        as_of=parse_as_of(str(metadata["as_of"]), "as_of"),
        metadata=metadata,
    )
