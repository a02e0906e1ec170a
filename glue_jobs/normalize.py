"""Typing and normalising raw string values with Spark SQL functions (no Python UDFs).

A typed value is null when the raw string is absent or blank, and also when it fails to parse;
`unparsed_map` keeps the raw string of the second kind beside the null.
"""

from __future__ import annotations

from pyspark.sql import Column
from pyspark.sql import functions as F

from glue_jobs.schemas import BOOL, INT, STRING, TIMESTAMP

_TIMESTAMP_PATTERNS = (
    "yyyy-MM-dd'T'HH:mm:ss[.SSSSSSSSS]XXX",
    "yyyy-MM-dd'T'HH:mm:ss[.SSSSSSSSS]XX",
    "yyyy-MM-dd'T'HH:mmXXX",
    "yyyy-MM-dd'T'HH:mmXX",
)
_HAS_ZONE = r"(Z|[+-]\d{2}:?\d{2})$"

PATCH_STATES = (
    "INSTALLED",
    "INSTALLED_OTHER",
    "INSTALLED_PENDING_REBOOT",
    "INSTALLED_REJECTED",
    "MISSING",
    "FAILED",
    "NOT_APPLICABLE",
    "AVAILABLE_SECURITY_UPDATE",
)
UNKNOWN_PATCH_STATE = "UNKNOWN"
SEVERITIES = ("CRITICAL", "HIGH", "MEDIUM", "LOW", "INFORMATIONAL", "UNSPECIFIED")
COMPLIANCE_STATUSES = ("COMPLIANT", "NON_COMPLIANT")
PLATFORM_TYPES = ("Windows", "Linux", "MacOS")
INSTANCE_STATUSES = ("Active", "Stopped", "Terminated", "ConnectionLost")

ENVIRONMENT_ALIASES = {
    "production": "prod",
    "prod": "prod",
    "prd": "prod",
    "stage": "staging",
    "staging": "staging",
    "stg": "staging",
    "development": "dev",
    "dev": "dev",
}
UNKNOWN_ENVIRONMENT = "unknown"


def is_blank(raw: Column) -> Column:
    return raw.isNull() | (F.trim(raw) == "")


def to_timestamp_utc(raw: Column) -> Column:
    """Tolerant ISO-8601 to a UTC timestamp: Z or any offset, any fraction, date only, space for T.

    A value with no offset is read as UTC, whatever the session time zone.
    """
    value = F.trim(raw)
    value = F.regexp_replace(value, r"^(\d{4}-\d{2}-\d{2})$", "$1T00:00:00")
    value = F.regexp_replace(value, r"^(\d{4}-\d{2}-\d{2}) ", "$1T")
    value = F.when(value.rlike(_HAS_ZONE), value).otherwise(F.concat(value, F.lit("Z")))
    parsed = F.coalesce(*[F.try_to_timestamp(value, F.lit(p)) for p in _TIMESTAMP_PATTERNS])
    return F.when(is_blank(raw), F.lit(None).cast("timestamp")).otherwise(parsed)


def to_int(raw: Column) -> Column:
    value = F.trim(raw)
    return F.when(value.rlike(r"^[+-]?\d{1,9}$"), value.cast("int"))


def to_bool(raw: Column) -> Column:
    value = F.lower(F.trim(raw))
    return F.when(value == "true", True).when(value == "false", False)


def to_kind(raw: Column, kind: str) -> Column:
    """The typed value of a raw string of the given schema kind."""
    if kind == STRING:
        return raw
    if kind == INT:
        return to_int(raw)
    if kind == BOOL:
        return to_bool(raw)
    if kind == TIMESTAMP:
        return to_timestamp_utc(raw)
    raise ValueError(f"Unknown value kind {kind!r}; use one of string, int, bool, timestamp.")


def to_enum(raw: Column, allowed: tuple[str, ...]) -> Column:
    """One of `allowed`, matched ignoring case, spaces, hyphens and underscores; else null."""
    folded = _fold(raw)
    result = F.lit(None).cast("string")
    for value in reversed(allowed):
        result = F.when(folded == _fold_text(value), F.lit(value)).otherwise(result)
    return result


def patch_state(raw: Column) -> Column:
    """InstalledOther, 'Installed Other', installed-other -> INSTALLED_OTHER; others UNKNOWN."""
    return F.coalesce(to_enum(raw, PATCH_STATES), F.lit(UNKNOWN_PATCH_STATE))


def environment(tag_value: Column) -> Column:
    """The Environment tag's value lower-cased and trimmed, aliases folded; missing -> unknown."""
    value = F.lower(F.trim(tag_value))
    result = value
    for alias, name in ENVIRONMENT_ALIASES.items():
        result = F.when(value == alias, F.lit(name)).otherwise(result)
    return F.when(is_blank(tag_value), F.lit(UNKNOWN_ENVIRONMENT)).otherwise(result)


def failed_to_parse(raw: Column, typed: Column) -> Column:
    return ~is_blank(raw) & typed.isNull()


def unparsed_map(pairs: list[tuple[str, Column, Column]]) -> Column:
    """map<column, raw string> of the (column, raw, typed) pairs whose raw value failed to parse."""
    entries = F.array(
        *[
            F.when(failed_to_parse(raw, typed), F.struct(F.lit(name).alias("k"), raw.alias("v")))
            for name, raw, typed in pairs
        ]
    )
    kept = F.filter(entries, lambda entry: entry.isNotNull())
    return F.map_from_entries(kept)


def _fold(raw: Column) -> Column:
    return F.lower(F.regexp_replace(F.trim(raw), r"[\s_\-]+", ""))


def _fold_text(value: str) -> str:
    return "".join(ch for ch in value.lower() if ch not in " _-")
