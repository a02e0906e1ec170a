"""Agent drift and untidy values appear where real fleets have them, and nowhere else."""

from __future__ import annotations

from datetime import timedelta

from sample_reader import AS_OF, parse_time


def _version(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split("."))


def _agents(tree) -> dict[str, str]:
    return {
        iid: lines[0]["AgentVersion"]
        for iid, lines in tree.of("AWS:InstanceInformation").items()
        if "AgentVersion" in lines[0]
    }


def test_kernel_version_is_reported_only_by_agents_from_3_1_1511_on(tree) -> None:
    agents = _agents(tree)
    details = tree.of("AWS:InstanceDetailedInformation")
    has_kernel = {
        iid: "KernelVersion" in lines[0] for iid, lines in details.items() if iid in agents
    }

    assert has_kernel == {iid: _version(agents[iid]) >= (3, 1, 1511, 0) for iid in has_kernel}
    assert not all(has_kernel.values())


def test_agents_before_2_2_607_send_rpm_lines_without_release_or_epoch(tree) -> None:
    agents = _agents(tree)
    applications = tree.of("AWS:Application")
    old = [
        iid
        for iid, version in agents.items()
        if _version(version) < (2, 2, 607, 0)
        and any(line.get("PackageId", "").endswith(".src.rpm") for line in applications[iid])
    ]

    assert old
    for iid in old:
        assert not any("Release" in line or "Epoch" in line for line in applications[iid])


def test_windows_applications_have_no_release_and_mostly_no_installed_time(tree, summary) -> None:
    windows = [iid for iid, p in summary.platform_by_id.items() if p == "Windows"]
    lines = [line for iid in windows for line in tree.records[("AWS:Application", iid)]]

    assert not any("Release" in line or "Epoch" in line for line in lines)
    with_time = sum(1 for line in lines if "InstalledTime" in line)
    assert 0.1 * len(lines) < with_time < 0.5 * len(lines)


def test_exactly_one_installed_time_cannot_be_parsed(tree, summary) -> None:
    failures = []
    for lines in tree.of("AWS:Application").values():
        for line in lines:
            try:
                parse_time(line.get("InstalledTime", "2020-01-01T00:00:00Z"))
            except ValueError:
                failures.append(line["InstalledTime"])

    assert failures == ["2023-02-30T12:00:00Z"]
    assert summary.unparseable_values == {"AWS:Application.InstalledTime": 1}


def test_stopped_and_terminated_instances_keep_only_stale_files(tree, summary) -> None:
    gone = summary.ids_by_status["Stopped"] + summary.ids_by_status["Terminated"]
    captures = [
        parse_time(lines[0]["captureTime"])
        for (_, iid), lines in tree.records.items()
        if iid in gone
    ]

    assert captures and all(AS_OF - moment > timedelta(days=2) for moment in captures)


def test_one_line_holds_two_keys_that_differ_only_in_case(tree) -> None:
    clashing = [
        line
        for lines in tree.records.values()
        for line in lines
        if len({key.lower() for key in line}) < len(line)
    ]

    assert len(clashing) == 1
    assert {"rackLocation", "RackLocation"} <= set(clashing[0])
