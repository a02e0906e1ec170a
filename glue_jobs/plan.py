"""Deciding on the driver, from keys and sizes alone, which objects are read and which set aside."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from glue_jobs.keys import KeySkip, ObjectKey, parse_key
from glue_jobs.listing import RawObject
from glue_jobs.schemas import classify_type

EMPTY_FILE = "empty_file"
TYPE_NOT_CURATED = "type_not_curated"
UNKNOWN_TYPE = "unknown_type"

# (source_key, type_name, account_id, region, instance_id, reason) of an object set aside unread.
FileReject = tuple[str, str | None, str | None, str | None, str | None, str]


@dataclass
class ReadPlan:
    """The objects to read on the executors, and what was decided about the others."""

    to_read: list[ObjectKey] = field(default_factory=list)
    file_rejects: list[FileReject] = field(default_factory=list)
    files_by_type: Counter[str] = field(default_factory=Counter)
    skipped_files_by_reason: Counter[str] = field(default_factory=Counter)


def plan_reads(objects: list[RawObject]) -> ReadPlan:
    """Objects outside the layout or of an unknown type are skipped and set aside; types no curated
    table needs are skipped and counted; zero-byte objects of curated types are set aside."""
    plan = ReadPlan()
    for raw_object in objects:
        key = parse_key(raw_object.key)
        if isinstance(key, KeySkip):
            plan.skipped_files_by_reason[key.reason] += 1
            plan.file_rejects.append((key.source_key, None, None, None, None, key.reason))
            continue

        plan.files_by_type[key.type_name] += 1
        kind = classify_type(key.type_name)
        if kind == TYPE_NOT_CURATED:
            plan.skipped_files_by_reason[TYPE_NOT_CURATED] += 1
        elif kind == UNKNOWN_TYPE:
            plan.skipped_files_by_reason[UNKNOWN_TYPE] += 1
            plan.file_rejects.append(_file_reject(key, UNKNOWN_TYPE))
        elif raw_object.size == 0:
            plan.file_rejects.append(_file_reject(key, EMPTY_FILE))
        else:
            plan.to_read.append(key)
    return plan


def _file_reject(key: ObjectKey, reason: str) -> FileReject:
    return (key.source_key, key.type_name, key.account_id, key.region, key.instance_id, reason)
