"""Turning records into the bytes of one sync object: NDJSON lines, envelope, key order, damage."""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from json.encoder import encode_basestring as quote
from pathlib import Path

RESOURCE_TYPE_FOLDER = "resourcetype=ManagedInstanceInventory"


@dataclass
class SyncFile:
    """One object of the sync, with what was done to it so the summary can count it."""

    type_name: str
    account: str
    region: str
    resource_id: str
    lines: list[str]
    newline: str = "\n"
    trailing_newline: bool = True
    zero_byte: bool = False
    bad_lines: dict[str, int] = field(default_factory=dict)
    damaged_records: int = 0

    @property
    def key(self) -> str:
        return (
            f"{self.type_name}/accountid={self.account}/region={self.region}/"
            f"{RESOURCE_TYPE_FOLDER}/{self.resource_id}.json"
        )

    @property
    def text(self) -> str:
        if self.zero_byte:
            return ""
        body = "\n".join(self.lines).replace("\n", self.newline)
        return body + self.newline if self.trailing_newline else body

    @property
    def valid_records(self) -> int:
        return 0 if self.zero_byte else sum(1 for line in self.lines if line) - self.damaged_records

    @property
    def physical_lines(self) -> list[str]:
        return [] if self.zero_byte else "\n".join(self.lines).split("\n")


def _encode(record: dict[str, str], order: list[str]) -> str:
    # Keys come from this package and never need escaping; values go through json's C escaper,
    # which is a few times faster than dumping a dict per line.
    return ",".join([f'"{k}":{quote(record[k])}' for k in order if k in record])


def render_lines(
    rng: random.Random,
    records: list[dict[str, str]],
    resource_id: str,
    capture_time: str,
    schema_version: str,
) -> list[str]:
    """NDJSON lines with one shuffled attribute order for the whole file and the envelope added.

    Crawled tables put the envelope after the attributes; some files here put it first or in
    the middle, because no reader may depend on position.
    """
    order = list(dict.fromkeys(key for record in records for key in record))
    rng.shuffle(order)
    envelope = (
        f'"resourceId":"{resource_id}","captureTime":"{capture_time}",'
        f'"schemaVersion":"{schema_version}"'
    )
    placement = rng.random()
    split = len(order) // 2 if placement >= 0.9 else (0 if placement >= 0.7 else len(order))
    head, tail = order[:split], order[split:]
    lines = []
    for record in records:
        parts = [_encode(record, head), envelope, _encode(record, tail)]
        lines.append("{" + ",".join(p for p in parts if p) + "}")
    return lines


def break_json(line: str) -> str:
    """A comma lost between two pairs: the malformed line a half-finished writer leaves."""
    return line.replace('","', '" "', 1)


def truncate(line: str) -> str:
    return line[: len(line) // 2]


def pretty_print(line: str) -> str:
    return json.dumps(json.loads(line), indent=2, ensure_ascii=False)


def write_file(root: Path, sync_file: SyncFile, made_dirs: set[Path]) -> None:
    path = root / sync_file.key
    if path.parent not in made_dirs:
        path.parent.mkdir(parents=True, exist_ok=True)
        made_dirs.add(path.parent)
    with open(path, "wb") as handle:
        handle.write(sync_file.text.encode("utf-8"))
