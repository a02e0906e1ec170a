"""A plain reader of a sample tree for the tests; it shares no code with the generator."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

AS_OF = datetime(2026, 12, 3, 10, 0, tzinfo=UTC)
INSTANCES = 40
KEY_PATTERN = re.compile(
    r"^(?P<type>(AWS|Custom):[A-Za-z]+)/accountid=(?P<account>\d{12})/region=(?P<region>[a-z0-9-]+)"
    r"/resourcetype=ManagedInstanceInventory/(?P<id>m?i-[0-9a-f]{17})\.json$"
)


@dataclass
class ReadTree:
    """Every parseable line of the tree by (type, instance id), plus what could not be parsed."""

    keys: list[str] = field(default_factory=list)
    records: dict[tuple[str, str], list[dict]] = field(default_factory=lambda: defaultdict(list))
    locations: dict[str, tuple[str, str]] = field(default_factory=dict)
    bad_lines: list[tuple[str, str]] = field(default_factory=list)
    blank_lines: int = 0
    zero_byte: list[str] = field(default_factory=list)

    def of(self, type_name: str) -> dict[str, list[dict]]:
        return {iid: lines for (t, iid), lines in self.records.items() if t == type_name}


def read_tree(root: Path) -> ReadTree:
    tree = ReadTree()
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        key = path.relative_to(root).as_posix()
        tree.keys.append(key)
        match = KEY_PATTERN.match(key)
        if match is None:
            continue
        data = path.read_bytes()
        if not data:
            tree.zero_byte.append(key)
            continue
        tree.locations[match["id"]] = (match["account"], match["region"])
        for line in data.decode("utf-8").splitlines():
            if not line.strip():
                tree.blank_lines += 1
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError:
                tree.bad_lines.append((key, line))
                continue
            tree.records[(match["type"], match["id"])].append(record)
    return tree


def parse_time(value: str) -> datetime:
    """The reader's own tolerant ISO-8601 parse: Z, fractions and +-hhmm offsets."""
    return datetime.fromisoformat(value.replace("Z", "+00:00"))
