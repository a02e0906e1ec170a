"""Every object sits where the sync puts it, and every line has the sync's shape."""

from __future__ import annotations

import re

from sample_reader import KEY_PATTERN

from fleet_assets.sample.summary import SampleSummary

CAPTURE_TIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")
ENVELOPE = ("resourceId", "captureTime", "schemaVersion")


def test_every_key_matches_the_partition_layout_except_one_probe_per_account(
    tree, summary: SampleSummary
) -> None:
    off_layout = [key for key in tree.keys if not KEY_PATTERN.match(key)]

    assert sorted(off_layout) == sorted(
        f"AWS:InstanceInformation/accountid={account}/test.json" for account in summary.accounts
    )
    assert len(tree.keys) == summary.files_written


def test_the_fleet_spans_three_accounts_of_twelve_digits_and_three_regions(summary) -> None:
    assert len(summary.accounts) == 3
    assert all(re.fullmatch(r"[1-9]\d{11}", account) for account in summary.accounts)
    assert summary.regions == ["ap-southeast-2", "eu-west-1", "us-east-1"]


def test_every_value_on_every_line_is_a_string(tree) -> None:
    non_strings = [
        (type_name, iid, key)
        for (type_name, iid), lines in tree.records.items()
        for line in lines
        for key, value in line.items()
        if not isinstance(value, str)
    ]

    assert non_strings == []


def test_every_line_carries_the_envelope_of_its_own_file(tree) -> None:
    wrong = [
        (type_name, iid)
        for (type_name, iid), lines in tree.records.items()
        for line in lines
        if line.get("resourceId") != iid
        or not CAPTURE_TIME.match(line.get("captureTime", ""))
        or "schemaVersion" not in line
    ]

    assert wrong == []


def test_applications_use_schema_one_point_one_and_the_rest_one_point_zero(tree) -> None:
    versions = {}
    for (type_name, _), lines in tree.records.items():
        for line in lines:
            versions.setdefault(type_name, set()).add(line["schemaVersion"])

    assert versions.pop("AWS:Application") == {"1.1"}
    assert versions.pop("Custom:RackInfo") == {"2.0"}
    assert set().union(*versions.values()) == {"1.0"}


def test_key_order_differs_between_files_of_one_type(tree) -> None:
    orders = {
        tuple(lines[0])
        for lines in tree.of("AWS:InstanceInformation").values()
        if len(lines[0]) > 5
    }

    assert len(orders) > 5


def test_the_types_of_one_node_carry_different_capture_times(tree) -> None:
    by_node: dict[str, list[str]] = {}
    for (_, iid), lines in tree.records.items():
        by_node.setdefault(iid, []).append(lines[0]["captureTime"])

    assert all(len(set(times)) == len(times) for times in by_node.values())


def test_windows_only_types_exist_only_for_windows_nodes(tree) -> None:
    windows = {
        line["InstanceId"]
        for lines in tree.of("AWS:InstanceInformation").values()
        for line in lines
        if line.get("PlatformType") == "Windows"
    }

    assert set(tree.of("AWS:Service")) <= windows
    assert len(set(tree.of("AWS:Service"))) == len(windows)


def test_linux_network_lines_have_no_windows_only_fields(tree, summary) -> None:
    linux = [iid for iid, platform in summary.platform_by_id.items() if platform == "Linux"]
    fields = {
        key for iid in linux for line in tree.records.get(("AWS:Network", iid), []) for key in line
    }

    assert fields == {"Name", "MacAddress", "IPV4", "IPV6", *ENVELOPE}


def test_package_shapes_follow_the_package_format(tree) -> None:
    package_ids = [
        line.get("PackageId", "") for lines in tree.of("AWS:Application").values() for line in lines
    ]

    assert any(p.endswith(".src.rpm") for p in package_ids)
    assert any(p.endswith("_amd64.deb") for p in package_ids)
    assert any(re.fullmatch(r"\{[0-9A-F-]{36}\}", p) for p in package_ids)
    assert any(p.startswith("homebrew/core/") for p in package_ids)


def test_untidy_parts_are_present_but_bad_lines_stay_under_half_a_percent(tree, summary) -> None:
    assert summary.bad_lines == {
        "malformed_json": 1,
        "pretty_printed_object_lines": 8,
        "truncated_line": 1,
    }
    assert len(tree.bad_lines) == sum(summary.bad_lines.values())
    assert sorted(tree.zero_byte) == sorted(summary.zero_byte_files)
    assert len(tree.zero_byte) == 3
    assert tree.blank_lines == summary.blank_lines > 0
    assert len(tree.bad_lines) / summary.lines_written < 0.005


def test_line_endings_vary_as_real_writers_leave_them(sample_root, summary) -> None:
    bodies = [p.read_bytes() for p in sample_root.rglob("*.json")]
    data = [b for b in bodies if b]

    assert 2 <= sum(1 for b in data if b"\r\n" in b) < len(data) * 0.1
    assert sum(1 for b in data if not b.endswith(b"\n")) > len(data) * 0.05
    assert sum(1 for b in data if b.endswith(b"\n")) > len(data) * 0.7
