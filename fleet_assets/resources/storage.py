"""Where the raw sync lands and where curated tables and reports go: the storage resources."""

from __future__ import annotations

import hashlib
import tempfile
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from pathlib import Path

import dagster as dg

from fleet_assets.settings import FleetSettingError
from glue_jobs.contract import SNAPSHOT_PARTITION
from glue_jobs.keys import KeySkip, parse_key
from glue_jobs.listing import list_raw_objects

OFF_LAYOUT_SAMPLE_SIZE = 10


@dataclass(frozen=True)
class RawSyncSummary:
    """What the sync tree holds right now, per raw type, and a fingerprint that changes with it."""

    uri: str
    objects_by_type: dict[str, int]
    bytes_by_type: dict[str, int]
    empty_objects_by_type: dict[str, int]
    off_layout_objects: int
    off_layout_sample: list[str] = field(default_factory=list)
    newest_write_time: float | None = None
    fingerprint: str = ""

    @property
    def total_objects(self) -> int:
        return sum(self.objects_by_type.values())

    @property
    def total_bytes(self) -> int:
        return sum(self.bytes_by_type.values())


class RawSyncStore(dg.ConfigurableResource, ABC):
    """The tree that SSM Resource Data Sync writes (an S3 prefix, or a folder laid out like one)."""

    @abstractmethod
    def location(self) -> str:
        """The root of the tree, as a path or URI an operator can paste."""

    @abstractmethod
    def require_tree(self) -> None:
        """Raise FleetSettingError when the configured tree cannot be read."""

    @abstractmethod
    def summarize(self) -> RawSyncSummary:
        """Count objects and bytes per raw type, and fingerprint every object's identity."""


class LocalRawSyncStore(RawSyncStore):
    """A local folder laid out exactly like the sync bucket."""

    raw_uri: str

    def location(self) -> str:
        return self.raw_uri

    def require_tree(self) -> None:
        problem = raw_tree_problem(self.raw_uri)
        if problem is not None:
            raise FleetSettingError(problem)

    def summarize(self) -> RawSyncSummary:
        self.require_tree()
        objects: dict[str, int] = {}
        sizes: dict[str, int] = {}
        empty: dict[str, int] = {}
        off_layout: list[str] = []
        newest: float | None = None
        digest = hashlib.sha256()

        for raw_object in list_raw_objects(self.raw_uri):
            digest.update(
                f"{raw_object.key}\t{raw_object.size}\t{raw_object.modified!r}\n".encode()
            )
            newest = raw_object.modified if newest is None else max(newest, raw_object.modified)
            key = parse_key(raw_object.key)
            if isinstance(key, KeySkip):
                off_layout.append(raw_object.key)
                continue
            objects[key.type_name] = objects.get(key.type_name, 0) + 1
            sizes[key.type_name] = sizes.get(key.type_name, 0) + raw_object.size
            if raw_object.size == 0:
                empty[key.type_name] = empty.get(key.type_name, 0) + 1

        return RawSyncSummary(
            uri=self.raw_uri,
            objects_by_type=objects,
            bytes_by_type=sizes,
            empty_objects_by_type=empty,
            off_layout_objects=len(off_layout),
            off_layout_sample=off_layout[:OFF_LAYOUT_SAMPLE_SIZE],
            newest_write_time=newest,
            fingerprint=digest.hexdigest(),
        )


def raw_tree_problem(raw_uri: str) -> str | None:
    """The one sentence saying why `raw_uri` is not a raw sync folder here, or None when it is."""
    if "://" in raw_uri:
        return (
            f"The raw sync location {raw_uri} cannot be read here: S3 locations are not available "
            "in the local deployment; copy the sync to a folder (aws s3 sync) and point "
            "FLEET_RAW_URI at it."
        )
    path = Path(raw_uri)
    if path.is_file():
        return (
            f"The raw sync folder {raw_uri} is a file, not a folder; point FLEET_RAW_URI at the "
            "folder that holds AWS:InstanceInformation/."
        )
    if not path.is_dir():
        return (
            f"The raw sync folder {raw_uri} does not exist; point FLEET_RAW_URI at a "
            "Resource Data Sync tree or write a sample one with `fleet sample`."
        )
    return None


def require_writable_folder(folder: str, what: str, setting: str) -> None:
    """Create `folder` if need be and prove a file can be written in it, before any work starts."""
    if "://" in folder:
        raise FleetSettingError(
            f"The {what} {folder} cannot be written here: S3 locations are not available in the "
            f"local deployment; point {setting} at a local folder."
        )
    path = Path(folder)
    if path.exists() and not path.is_dir():
        raise FleetSettingError(
            f"The {what} {folder} is a file, not a folder; point {setting} at a folder."
        )
    try:
        path.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=path):
            pass
    except OSError as error:
        raise FleetSettingError(
            f"The {what} {folder} cannot be written ({error.strerror or error}); point {setting} "
            "at a location this user can write."
        ) from None


class CuratedStore(dg.ConfigurableResource, ABC):
    """Where the ETL writes curated snapshots and where the report is published."""

    @abstractmethod
    def location(self) -> str:
        """The root of the curated tables."""

    @abstractmethod
    def require_writable(self) -> None:
        """Raise FleetSettingError when the curated tables or the report cannot be written."""

    @abstractmethod
    def table_glob(self, table: str) -> str:
        """Every parquet file of every snapshot of one curated table."""

    @abstractmethod
    def snapshot_uri(self, table: str, snapshot_date: str) -> str:
        """The folder holding one snapshot of one curated table."""

    @abstractmethod
    def write_report_file(self, snapshot_date: str, name: str, content: bytes) -> str:
        """Publish one report file of a snapshot and return where it lives."""


class LocalCuratedStore(CuratedStore):
    """Curated tables and reports in local folders, laid out as they would be in S3."""

    curated_uri: str
    report_uri: str

    def location(self) -> str:
        return self.curated_uri

    def require_writable(self) -> None:
        require_writable_folder(self.curated_uri, "curated folder", "FLEET_CURATED_URI")
        require_writable_folder(self.report_uri, "report folder", "FLEET_REPORT_URI")

    def table_glob(self, table: str) -> str:
        return f"{self.curated_uri}/{table}/{SNAPSHOT_PARTITION}=*/*.parquet"

    def snapshot_uri(self, table: str, snapshot_date: str) -> str:
        return f"{self.curated_uri}/{table}/{SNAPSHOT_PARTITION}={snapshot_date}"

    def report_folder(self, snapshot_date: str) -> Path:
        return Path(self.report_uri) / f"{SNAPSHOT_PARTITION}={snapshot_date}"

    def write_report_file(self, snapshot_date: str, name: str, content: bytes) -> str:
        folder = self.report_folder(snapshot_date)
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / name
        staging = folder / f".{name}.tmp"
        staging.write_bytes(content)
        staging.replace(target)
        return str(target)
