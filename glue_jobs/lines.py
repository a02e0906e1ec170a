"""Turning the bytes of one raw object into records, one per line; plain Python, run on executors.

Every line ends as exactly one of: a parsed record, a rejected line with its reason, or a blank
line. Repairs made to a parsed line (a number turned into text, a key moved aside) are listed in
its `notes` so the run can count them.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import NamedTuple

from glue_jobs.keys import ObjectKey
from glue_jobs.schemas import CURATED_TYPES

PARSED = "parsed"
REJECTED = "rejected"
BLANK = "blank"

MALFORMED_JSON = "malformed_json"
NOT_A_JSON_OBJECT = "not_a_json_object"
RESOURCE_ID_MISMATCH = "resource_id_mismatch"
UNREADABLE_OBJECT = "unreadable_object"

COERCED_TO_TEXT = "coerced_to_text"
CASE_COLLISION = "case_collision"
UNKNOWN_KEY = "unknown_key"
INVALID_UTF8 = "invalid_utf8"

RAW_LINE_LIMIT = 2000


class LineRecord(NamedTuple):
    """One line of one object, in the column order of the run's generic record frame."""

    type_name: str
    account_id: str
    region: str
    instance_id: str
    source_key: str
    line_number: int | None
    line_status: str
    attributes: dict[str, str] | None
    extra: dict[str, str] | None
    notes: list[str] | None
    capture_time_raw: str | None
    reject_reason: str | None
    raw_line: str | None


def parse_object(key: ObjectKey, data: bytes) -> Iterator[LineRecord]:
    """One record per line of an NDJSON object; a trailing newline does not make a blank line."""
    text, had_invalid_utf8 = _decode(data)
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    for number, line in enumerate(lines, start=1):
        record = parse_line(key, number, line.removesuffix("\r"))
        if had_invalid_utf8 and "\ufffd" in line and record.notes is not None:
            record.notes.append(INVALID_UTF8)
        yield record


def parse_line(key: ObjectKey, line_number: int, line: str) -> LineRecord:
    """Classify and parse one line of an object of `key`'s type."""
    if not line.strip():
        return _record(key, line_number, BLANK)
    try:
        body = json.loads(line)
    except ValueError:
        return _reject(key, line_number, MALFORMED_JSON, line)
    if not isinstance(body, dict):
        return _reject(key, line_number, NOT_A_JSON_OBJECT, line)

    attributes, extra, notes = fold_attributes(key.type_name, body)
    resource_id = attributes.get("resourceId")
    if resource_id is not None and resource_id.strip() != key.instance_id:
        return _reject(key, line_number, RESOURCE_ID_MISMATCH, line)
    return _record(
        key,
        line_number,
        PARSED,
        attributes=attributes,
        extra=extra,
        notes=notes,
        capture_time_raw=attributes.get("captureTime"),
    )


def fold_attributes(
    type_name: str, body: dict[str, object]
) -> tuple[dict[str, str], dict[str, str], list[str]]:
    """Body keys folded onto the type's canonical names; strays and losers of a collision to extra.

    When two keys fold to one name, the exact canonical spelling wins whatever the key order.
    """
    canonical = CURATED_TYPES[type_name].canonical_names()
    attributes: dict[str, str] = {}
    spelled_as: dict[str, str] = {}
    extra: dict[str, str] = {}
    notes: list[str] = []

    for body_key, value in body.items():
        text = as_text(value, notes)
        if text is None:
            continue
        name = canonical.get(body_key.lower())
        if name is None:
            extra[body_key] = text
            notes.append(UNKNOWN_KEY)
        elif name not in attributes:
            attributes[name] = text
            spelled_as[name] = body_key
        else:
            notes.append(CASE_COLLISION)
            if body_key == name:
                extra[spelled_as[name]] = attributes[name]
                attributes[name] = text
                spelled_as[name] = body_key
            else:
                extra[body_key] = text
    return attributes, extra, notes


def as_text(value: object, notes: list[str]) -> str | None:
    """A JSON value as the string SSM would have written; null is absent, others are noted."""
    if value is None:
        return None
    if isinstance(value, str):
        return value
    notes.append(COERCED_TO_TEXT)
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def unreadable_object(key: ObjectKey) -> LineRecord:
    """A file-level reject for an object that was listed but could not be read."""
    return _reject(key, None, UNREADABLE_OBJECT, None)


def _decode(data: bytes) -> tuple[str, bool]:
    try:
        return data.decode("utf-8"), False
    except UnicodeDecodeError:
        return data.decode("utf-8", errors="replace"), True


def _reject(key: ObjectKey, line_number: int | None, reason: str, line: str | None) -> LineRecord:
    raw_line = None if line is None else line[:RAW_LINE_LIMIT]
    return _record(key, line_number, REJECTED, reject_reason=reason, raw_line=raw_line)


def _record(key: ObjectKey, line_number: int | None, status: str, **values: object) -> LineRecord:
    fields: dict[str, object] = {
        "attributes": None,
        "extra": None,
        "notes": [] if status == PARSED else None,
        "capture_time_raw": None,
        "reject_reason": None,
        "raw_line": None,
        **values,
    }
    return LineRecord(
        type_name=key.type_name,
        account_id=key.account_id,
        region=key.region,
        instance_id=key.instance_id,
        source_key=key.source_key,
        line_number=line_number,
        line_status=status,
        **fields,  # type: ignore[arg-type]
    )
