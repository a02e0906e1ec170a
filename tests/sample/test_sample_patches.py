"""Patch data agrees with itself per instance, as Patch Manager's own summaries would."""

from __future__ import annotations

import re
from collections import Counter

from sample_reader import parse_time

SEVERITIES = ("CRITICAL", "HIGH", "MEDIUM", "LOW", "INFORMATIONAL", "UNSPECIFIED")
STATE_COUNT_FIELDS = {
    "INSTALLED": "InstalledCount",
    "INSTALLED_OTHER": "InstalledOtherCount",
    "INSTALLED_PENDING_REBOOT": "InstalledPendingRebootCount",
    "INSTALLED_REJECTED": "InstalledRejectedCount",
    "MISSING": "MissingCount",
    "FAILED": "FailedCount",
    "NOT_APPLICABLE": "NotApplicableCount",
}


def _state(spelling: str) -> str:
    """InstalledOther, 'Installed Other' and INSTALLED_OTHER are one state."""
    return re.sub(r"(?<=[a-z])(?=[A-Z])", "_", spelling).replace(" ", "_").upper()


def _patch_items(tree, iid: str) -> list[dict]:
    return [
        i
        for i in tree.records.get(("AWS:ComplianceItem", iid), [])
        if i["ComplianceType"] == "Patch"
    ]


def test_patch_summary_counts_equal_the_patch_items_in_each_state(tree) -> None:
    summaries = tree.of("AWS:PatchSummary")
    assert len(summaries) > 30

    for iid, (summary,) in summaries.items():
        states = Counter(_state(item["PatchState"]) for item in _patch_items(tree, iid))
        expected = {field: str(states.get(state, 0)) for state, field in STATE_COUNT_FIELDS.items()}
        assert {field: summary[field] for field in expected} == expected, iid


def test_compliance_summary_status_and_counts_follow_the_patch_items(tree) -> None:
    checked = 0
    for iid, lines in tree.of("AWS:ComplianceSummary").items():
        patch_lines = [line for line in lines if line["ComplianceType"] == "Patch"]
        if not patch_lines:
            continue
        (summary,) = patch_lines
        items = _patch_items(tree, iid)
        failing = [i for i in items if i["Status"] == "NON_COMPLIANT"]

        assert summary["Status"] == ("NON_COMPLIANT" if failing else "COMPLIANT"), iid
        assert summary["NonCompliantCriticalCount"] == str(
            sum(1 for i in failing if i["Severity"] == "CRITICAL")
        )
        assert summary["CompliantHighCount"] == str(
            sum(1 for i in items if i["Status"] == "COMPLIANT" and i["Severity"] == "HIGH")
        )
        worst = next(
            (s for s in SEVERITIES if s in {i["Severity"] for i in failing}), "UNSPECIFIED"
        )
        assert summary["OverallSeverity"] == worst, iid
        checked += 1
    assert checked > 30


def test_item_status_follows_the_patch_state(tree) -> None:
    compliant = {"INSTALLED", "INSTALLED_OTHER"}
    pairs = {
        (_state(i["PatchState"]), i["Status"])
        for lines in tree.of("AWS:ComplianceItem").values()
        for i in lines
        if i["ComplianceType"] == "Patch"
    }

    assert all((state in compliant) == (status == "COMPLIANT") for state, status in pairs)


def test_scans_end_after_every_patch_they_report_installed(tree) -> None:
    for iid, (summary,) in tree.of("AWS:PatchSummary").items():
        scan_end = parse_time(summary["OperationEndTime"])
        for item in _patch_items(tree, iid):
            assert parse_time(item["ExecutionTime"]) >= scan_end.replace(microsecond=0)
            if item["InstalledTime"]:
                assert parse_time(item["InstalledTime"]) <= scan_end, iid
        assert parse_time(summary["captureTime"]) >= scan_end


def test_installed_other_is_spelled_three_ways_across_the_fleet(tree) -> None:
    spellings = {
        i["PatchState"]
        for lines in tree.of("AWS:ComplianceItem").values()
        for i in lines
        if _state(i.get("PatchState", "")) == "INSTALLED_OTHER"
    }

    assert spellings == {"InstalledOther", "Installed Other", "INSTALLED_OTHER"}


def test_time_fields_come_with_fractions_and_offsets_on_a_few_lines(tree) -> None:
    times = [
        value
        for lines in tree.records.values()
        for line in lines
        for key, value in line.items()
        if key.endswith("Time") and key != "captureTime"
    ]

    assert any(t.endswith(".123Z") for t in times)
    assert any(t.endswith("+00:00") for t in times)
    assert sum(1 for t in times if t.endswith("-0700")) == 3
