"""Listing the raw sync once, on the driver, and reading one object by key on an executor.

Hadoop listing is never used: it reads the colon in `AWS:Application` as a URI scheme and fails.
Only local folders (a plain path or `file://`) are built; an S3 lister and reader plug in at
`list_raw_objects` and `read_raw_object`.
"""

from __future__ import annotations

import os
from typing import NamedTuple
from urllib.parse import urlparse


class RawObject(NamedTuple):
    """One listed object: its key relative to the raw root, its size in bytes and its mtime."""

    key: str
    size: int
    modified: float


def local_root(uri: str, setting: str) -> str:
    """The local folder a URI names; `setting` is the variable to name when the URI is unusable."""
    parsed = urlparse(uri)
    if parsed.scheme in ("s3", "s3a", "s3n"):
        raise ValueError(
            f"{uri} is an S3 location, and this build reads and writes local folders only; "
            f"set {setting} to a local folder (the S3 source is not built yet)."
        )
    if parsed.scheme not in ("", "file"):
        raise ValueError(f"{uri} is not a local folder or file:// URI; set {setting} to one.")
    return os.path.abspath(parsed.path if parsed.scheme == "file" else uri)


def list_raw_objects(raw_uri: str) -> list[RawObject]:
    """Every object under the raw root, sorted by key."""
    root = local_root(raw_uri, "FLEET_RAW_URI")
    if not os.path.isdir(root):
        raise FileNotFoundError(
            f"The raw sync folder {root} does not exist; set FLEET_RAW_URI (or --raw-uri) "
            "to the folder Resource Data Sync writes to."
        )
    return sorted(_walk(root, ""), key=lambda raw_object: raw_object.key)


def _walk(folder: str, prefix: str) -> list[RawObject]:
    found: list[RawObject] = []
    with os.scandir(folder) as entries:
        for entry in entries:
            key = f"{prefix}{entry.name}"
            if entry.is_dir():
                found.extend(_walk(entry.path, f"{key}/"))
            elif entry.is_file():
                stat = entry.stat()
                found.append(RawObject(key, stat.st_size, stat.st_mtime))
    return found


def read_raw_object(raw_uri: str, key: str) -> bytes:
    """The bytes of one object; runs on executors."""
    root = local_root(raw_uri, "FLEET_RAW_URI")
    with open(os.path.join(root, *key.split("/")), "rb") as handle:
        return handle.read()
