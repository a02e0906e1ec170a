"""Reading identity out of a Resource Data Sync object key.

`[<prefix>/]<TypeName>/accountid=<12 digits>/region=<region>/resourcetype=<type>/<instance>.json`.
The type name keeps its colon; account and region always come from here, never from the body.
"""

from __future__ import annotations

import re
from typing import NamedTuple
from urllib.parse import unquote

OUTSIDE_PARTITION_LAYOUT = "outside_partition_layout"

_ACCOUNT = re.compile(r"^accountid=(\d{12})$")
_REGION = re.compile(r"^region=([a-z]{2}(?:-[a-z0-9]+)+)$")
_RESOURCE_TYPE = re.compile(r"^resourcetype=([A-Za-z0-9]+)$")
_INSTANCE_FILE = re.compile(r"^((?:i|mi)-[0-9a-zA-Z]+)\.json$")


class ObjectKey(NamedTuple):
    """The identity one raw object carries in its key."""

    source_key: str
    type_name: str
    account_id: str
    region: str
    resource_type: str
    instance_id: str


class KeySkip(NamedTuple):
    """A key that does not follow the partition layout, and why."""

    source_key: str
    reason: str


def parse_key(source_key: str) -> ObjectKey | KeySkip:
    """Split a key (relative to the raw root, URL-decoded first) into its identity, or a skip."""
    segments = unquote(source_key).strip("/").split("/")
    if len(segments) < 5:
        return KeySkip(source_key, OUTSIDE_PARTITION_LAYOUT)

    type_name, account, region, resource_type, file_name = segments[-5:]
    matches = (
        _ACCOUNT.match(account),
        _REGION.match(region),
        _RESOURCE_TYPE.match(resource_type),
        _INSTANCE_FILE.match(file_name),
    )
    if not type_name or not all(matches):
        return KeySkip(source_key, OUTSIDE_PARTITION_LAYOUT)

    account_match, region_match, resource_match, file_match = matches
    return ObjectKey(
        source_key=source_key,
        type_name=type_name,
        account_id=account_match.group(1),
        region=region_match.group(1),
        resource_type=resource_match.group(1),
        instance_id=file_match.group(1),
    )
