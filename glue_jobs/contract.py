"""What a caller hands the fleet ETL and what it gets back: the one interface between the
orchestrator (Dagster, Step Functions, a shell) and the Spark job."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime

CURATED_TABLES = ("inventory", "applications", "patch_compliance", "fleet_summary")
SNAPSHOT_PARTITION = "snapshot_date"
REJECTED_FOLDER = "rejected"
RUN_RESULTS_FOLDER = "_etl_runs"
RESULT_FILE = "result.json"
AS_OF_EXAMPLE = "2026-12-03T09:00:00Z"


def parse_instant(text: str, name: str = "as_of") -> datetime:
    """An ISO-8601 instant as a UTC datetime; a time written without a zone is taken as UTC.

    Raises ValueError with one sentence naming the setting and showing a valid value.
    """
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(
            f"{name}={text!r} is not an ISO-8601 time; set it like {AS_OF_EXAMPLE}."
        ) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


@dataclass(frozen=True)
class EtlRequest:
    """One snapshot to compute: where the raw sync is, where curated tables go, as of when."""

    raw_uri: str
    curated_uri: str
    as_of: datetime
    stale_after_hours: float = 24.0
    request_id: str | None = None

    def __post_init__(self) -> None:
        if self.as_of.tzinfo is None:
            raise ValueError(f"as_of must carry a time zone; got naive {self.as_of.isoformat()}.")

    @property
    def snapshot_date(self) -> str:
        return self.as_of.astimezone(UTC).date().isoformat()


@dataclass
class TableResult:
    """One curated table as written for this snapshot."""

    name: str
    uri: str
    row_count: int
    columns: list[tuple[str, str]]
    preview: list[dict[str, object]] = field(default_factory=list)


@dataclass
class EtlResult:
    """Everything a person auditing the run needs: what was read, written and set aside, and why."""

    snapshot_date: str
    as_of: str
    engine_run_id: str
    tables: dict[str, TableResult]
    files_listed: int
    files_by_type: dict[str, int]
    lines_read: int
    blank_lines: int
    rejected_count: int
    rejected_by_reason: dict[str, int]
    rejected_uri: str
    skipped_files_by_reason: dict[str, int]
    orphan_count: int
    orphan_sample: list[dict[str, str]]
    unparsed_values: dict[str, int]
    unknown_patch_states: int
    result_uri: str = ""
    # `<type>.<note>` -> repairs made to lines that were kept: coerced_to_text (a number, boolean
    # or nested value stored as its JSON text), case_collision and unknown_key (a body key moved
    # to the record's extra map), invalid_utf8 (bytes replaced while decoding).
    line_notes: dict[str, int] = field(default_factory=dict)

    def to_json(self) -> str:
        return json.dumps(asdict(self), default=str, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> EtlResult:
        data = json.loads(text)
        data["tables"] = {
            name: TableResult(**{**table, "columns": [tuple(c) for c in table["columns"]]})
            for name, table in data["tables"].items()
        }
        return cls(**data)
