"""raw_sync_sensor: one observation of ssm/raw_sync per change of the tree, never a duplicate."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import dagster as dg
import pytest

from fleet_assets.constants import RAW_SYNC
from fleet_assets.raw.sensors import raw_sync_sensor
from fleet_assets.resources.storage import LocalRawSyncStore

WriteRaw = Callable[..., Path]
ACCOUNT = "111122223333"


@pytest.fixture
def instance() -> dg.DagsterInstance:
    with dg.instance_for_test() as instance:
        yield instance


def tick(instance: dg.DagsterInstance, raw_root: Path, cursor: str | None):
    context = dg.build_sensor_context(
        instance=instance,
        cursor=cursor,
        resources={"raw_sync": LocalRawSyncStore(raw_uri=str(raw_root))},
    )
    return raw_sync_sensor.evaluate_tick(context)


def write_small_tree(write_raw: WriteRaw, raw_root: Path) -> Path:
    write_raw("AWS:InstanceInformation", "i-0aaaaaaaaaaaaaaa1", ['{"InstanceId":"i-1"}'])
    write_raw("AWS:InstanceInformation", "i-0aaaaaaaaaaaaaaa2", ['{"InstanceId":"i-2"}'])
    write_raw("AWS:Application", "i-0aaaaaaaaaaaaaaa1", ['{"Name":"a"}', '{"Name":"b"}'])
    write_raw("AWS:Application", "i-0aaaaaaaaaaaaaaa2", [])
    (raw_root / "AWS:InstanceInformation" / f"accountid={ACCOUNT}" / "test.json").write_text("{}")
    return raw_root / "AWS:Application"


def test_first_tick_observes_the_tree_with_exact_counts(write_raw, raw_root, instance):
    write_small_tree(write_raw, raw_root)

    data = tick(instance, raw_root, cursor=None)

    [event] = data.asset_events
    metadata = {name: value.value for name, value in event.metadata.items()}
    assert isinstance(event, dg.AssetObservation) and event.asset_key == RAW_SYNC
    assert metadata["objects_by_type"] == {"AWS:Application": 2, "AWS:InstanceInformation": 2}
    assert metadata["bytes_by_type"] == {"AWS:Application": 25, "AWS:InstanceInformation": 40}
    assert metadata["empty_objects_by_type"] == {"AWS:Application": 1}
    assert (metadata["total_objects"], metadata["total_bytes"]) == (4, 65)
    assert metadata["off_layout_objects"] == 1
    assert metadata["off_layout_sample"] == [
        f"AWS:InstanceInformation/accountid={ACCOUNT}/test.json"
    ]
    assert json.loads(data.cursor)["total_objects"] == 4


def test_an_unchanged_tree_skips_without_a_second_observation(write_raw, raw_root, instance):
    write_small_tree(write_raw, raw_root)
    first = tick(instance, raw_root, cursor=None)

    second = tick(instance, raw_root, cursor=first.cursor)

    assert second.asset_events == []
    assert second.skip_message.startswith("Unchanged since the last tick")
    assert second.cursor == first.cursor


def test_a_file_rewritten_in_place_is_a_new_observation(write_raw, raw_root, instance):
    folder = write_small_tree(write_raw, raw_root)
    first = tick(instance, raw_root, cursor=None)
    rewritten = write_raw(
        "AWS:Application", "i-0aaaaaaaaaaaaaaa1", ['{"Name":"c"}', '{"Name":"d"}']
    )
    stat = rewritten.stat()
    os.utime(rewritten, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert (folder.exists(), rewritten.stat().st_size) == (True, 25)

    second = tick(instance, raw_root, cursor=first.cursor)

    [event] = second.asset_events
    assert event.metadata["total_objects"].value == 4
    assert second.cursor != first.cursor


def test_a_missing_tree_is_a_skip_naming_the_setting(tmp_path, instance):
    data = tick(instance, tmp_path / "absent", cursor=None)

    assert data.asset_events == []
    assert "FLEET_RAW_URI" in data.skip_message and "fleet sample" in data.skip_message
