"""Makes raw types and curated tables queryable by name (Glue Data Catalog | DuckDB)."""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from dataclasses import dataclass
from pathlib import Path

import dagster as dg
import duckdb

from fleet_assets.constants import CURATED_SCHEMA, RAW_SCHEMA
from fleet_assets.resources.storage import require_writable_folder
from glue_jobs.contract import SNAPSHOT_PARTITION

PARTITION_COLUMNS = ("account_id", "region", "resource_type")
SOURCE_COLUMN = "source_file"
RENAMED_PREFIX = "reported_"


@dataclass(frozen=True)
class RawView:
    """One raw type registered as a view, with what an analyst sees when they query it."""

    view: str
    type_name: str
    columns: list[str]
    row_count: int
    ignored_lines: int
    files: int


class RawCatalog(dg.ConfigurableResource, ABC):
    """Registers raw types and curated tables as named, queryable tables."""

    @abstractmethod
    def location(self) -> str:
        """Where an analyst connects to query the catalog."""

    @abstractmethod
    def require_writable(self) -> None:
        """Raise FleetSettingError when the catalog cannot be written."""

    @abstractmethod
    def register_raw_types(self, raw_root: str) -> list[RawView]:
        """One view per raw type folder, named as the Glue crawler names its tables."""

    @abstractmethod
    def register_curated_tables(self, table_globs: dict[str, str]) -> list[str]:
        """One view per curated table over all of its snapshots; returns the view names."""


class DuckDbRawCatalog(RawCatalog):
    """A DuckDB database file holding views over the raw NDJSON and the curated parquet."""

    database_path: str

    def location(self) -> str:
        return self.database_path

    def require_writable(self) -> None:
        require_writable_folder(
            str(Path(self.database_path).parent), "catalog database's folder", "FLEET_CATALOG_PATH"
        )

    def register_raw_types(self, raw_root: str) -> list[RawView]:
        type_folders = sorted(p for p in Path(raw_root).iterdir() if p.is_dir())
        views: list[RawView] = []
        with self._connect() as connection:
            connection.execute("BEGIN")
            connection.execute(f"DROP SCHEMA IF EXISTS {RAW_SCHEMA} CASCADE")
            connection.execute(f"CREATE SCHEMA {RAW_SCHEMA}")
            for folder in type_folders:
                views.append(_register_raw_type(connection, folder))
            connection.execute("COMMIT")
        return views

    def register_curated_tables(self, table_globs: dict[str, str]) -> list[str]:
        names = []
        with self._connect() as connection:
            connection.execute("BEGIN")
            connection.execute(f"CREATE SCHEMA IF NOT EXISTS {CURATED_SCHEMA}")
            for table, glob in sorted(table_globs.items()):
                name = f"{CURATED_SCHEMA}.{table}"
                connection.execute(
                    f"CREATE OR REPLACE VIEW {name} AS SELECT * FROM read_parquet("
                    f"{_literal(glob)}, hive_partitioning = true, union_by_name = true, "
                    f"hive_types = {{'{SNAPSHOT_PARTITION}': 'DATE'}})"
                )
                names.append(name)
            connection.execute("COMMIT")
        return names

    def _connect(self) -> duckdb.DuckDBPyConnection:
        Path(self.database_path).parent.mkdir(parents=True, exist_ok=True)
        return duckdb.connect(self.database_path)


def glue_table_name(type_name: str) -> str:
    """`AWS:InstanceInformation` -> `aws_instanceinformation`, as the Glue crawler names it."""
    return re.sub(r"[^a-z0-9]+", "_", type_name.lower()).strip("_")


def body_column_names(keys: list[str]) -> dict[str, str]:
    """Map each JSON key to a column name no other column shares, ignoring case.

    A key that names a partition (the body `ResourceType` next to `resourcetype=`) is renamed
    `reported_<key>`; a key that differs from an earlier one only by case gets a numeric suffix.
    """
    reserved = {_folded(name) for name in (*PARTITION_COLUMNS, SOURCE_COLUMN)}
    taken = {name.lower() for name in (*PARTITION_COLUMNS, SOURCE_COLUMN)}
    columns: dict[str, str] = {}
    for key in sorted(keys, key=lambda k: (k.lower(), k)):
        name = RENAMED_PREFIX + key if _folded(key) in reserved else key
        candidate, suffix = name, 2
        while candidate.lower() in taken:
            candidate, suffix = f"{name}_{suffix}", suffix + 1
        taken.add(candidate.lower())
        columns[key] = candidate
    return columns


def _register_raw_type(connection: duckdb.DuckDBPyConnection, folder: Path) -> RawView:
    glob = f"{folder.as_posix()}/accountid=*/region=*/resourcetype=*/*.json"
    lines = _lines_sql(glob)
    records = f"SELECT {SOURCE_COLUMN}, line FROM ({lines}) WHERE is_record"
    stats = connection.execute(
        f"SELECT count(*) FILTER (WHERE is_record), count(*) FILTER (WHERE NOT is_record "
        f"AND line <> ''), count(DISTINCT {SOURCE_COLUMN}) FROM ({lines})"
    ).fetchone()
    keys = [
        row[0]
        for row in connection.execute(
            f"SELECT DISTINCT unnest(json_keys(line)) FROM ({records})"
        ).fetchall()
    ]
    columns = body_column_names(keys)
    view = f"{RAW_SCHEMA}.{glue_table_name(folder.name)}"

    connection.execute(f"CREATE VIEW {view} AS {_view_sql(records, columns)}")

    return RawView(
        view=view,
        type_name=folder.name,
        columns=[*PARTITION_COLUMNS, *columns.values(), SOURCE_COLUMN],
        row_count=int(stats[0]),
        ignored_lines=int(stats[1]),
        files=int(stats[2]),
    )


def _lines_sql(glob: str) -> str:
    # Resource Data Sync writes NDJSON; a line that is not one JSON object (a pretty-printed or
    # truncated record) is left out here and counted; the ETL sets it aside only in the types it
    # curates.
    split = (
        f"SELECT filename AS {SOURCE_COLUMN}, "
        "trim(unnest(string_split(content, chr(10))), ' ' || chr(9) || chr(13)) AS line "
        f"FROM read_text({_literal(glob)})"
    )
    return (
        f"SELECT {SOURCE_COLUMN}, line, (line LIKE '{{%' AND json_valid(line)) AS is_record "
        f"FROM ({split})"
    )


def _view_sql(records: str, columns: dict[str, str]) -> str:
    partitions = [
        f"regexp_extract({SOURCE_COLUMN}, '/accountid=([^/]+)/', 1) AS account_id",
        f"regexp_extract({SOURCE_COLUMN}, '/region=([^/]+)/', 1) AS region",
        f"regexp_extract({SOURCE_COLUMN}, '/resourcetype=([^/]+)/', 1) AS resource_type",
    ]
    body = [
        f"json_extract_string(line, {_literal(_json_path(key))}) AS {_identifier(name)}"
        for key, name in columns.items()
    ]
    return f"SELECT {', '.join([*partitions, *body, SOURCE_COLUMN])} FROM ({records})"


def _folded(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


def _json_path(key: str) -> str:
    escaped = key.replace("\\", "\\\\").replace('"', '\\"')
    return f'$."{escaped}"'


def _identifier(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"
