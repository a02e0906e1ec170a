"""The ground truth in SampleSummary is what a correct reader finds in the files."""

from __future__ import annotations

from collections import Counter
from datetime import timedelta

from sample_reader import AS_OF, INSTANCES, parse_time

JAVA_MAJOR_BY_NAME = {
    "java-17-amazon-corretto": 17,
    "java-1.8.0-openjdk": 8,
    "java-11-openjdk-headless": 11,
    "temurin-21-jdk": 21,
    "graalvm-ce-java17": 17,
    "openjdk-17-jre-headless": 17,
    "zulu-11": 11,
    "Java 8 Update 391": 8,
    "Java(TM) SE Development Kit 17.0.2 (64-bit)": 17,
    "Amazon Corretto 17": 17,
    "Eclipse Temurin JDK with Hotspot 21.0.1+12 (x64)": 21,
    "openjdk@17": 17,
}
DECOYS = {"javascript-common", "java-common", "tzdata-java", "libjavascriptcoregtk-4.0-18"}
ALIASES = {
    "production": "prod",
    "prod": "prod",
    "prd": "prod",
    "stage": "staging",
    "staging": "staging",
    "development": "dev",
    "dev": "dev",
}


def _information(tree) -> dict[str, dict]:
    return {iid: lines[0] for iid, lines in tree.of("AWS:InstanceInformation").items()}


def _environment(tags: list[dict]) -> str:
    exact = [t["Value"] for t in tags if t["Key"] == "Environment"]
    loose = [t["Value"] for t in tags if t["Key"].lower() == "environment"]
    chosen = (exact or loose or [None])[0]
    return (
        "unknown" if chosen is None else ALIASES.get(chosen.strip().lower(), chosen.strip().lower())
    )


def test_inventory_instances_are_those_with_instance_information(tree, summary) -> None:
    assert sorted(_information(tree)) == summary.instance_ids
    assert len(summary.instance_ids) == INSTANCES


def test_instances_by_status_match_instance_information(tree, summary) -> None:
    found: dict[str, list[str]] = {}
    for iid, line in _information(tree).items():
        found.setdefault(line.get("InstanceStatus", "no_status"), []).append(iid)

    assert {k: sorted(v) for k, v in found.items()} == summary.ids_by_status
    assert len(summary.ids_by_status["ConnectionLost"]) == 2
    assert all(iid.startswith("mi-") for iid in summary.ids_by_status["ConnectionLost"])
    assert 1 <= len(summary.ids_by_status["no_status"])


def test_some_terminated_instances_shrink_to_id_and_status(tree, summary) -> None:
    shrunk = {
        iid
        for iid, line in _information(tree).items()
        if set(line)
        == {"InstanceId", "InstanceStatus", "resourceId", "captureTime", "schemaVersion"}
    }

    assert shrunk == set(summary.shrunk_terminated_ids)
    assert shrunk and shrunk <= set(summary.ids_by_status["Terminated"])


def test_silent_instances_are_live_with_nothing_newer_than_a_day(tree, summary) -> None:
    newest: dict[str, object] = {}
    for (_, iid), lines in tree.records.items():
        for line in lines:
            moment = parse_time(line["captureTime"])
            newest[iid] = max(newest.get(iid, moment), moment)
    silent = sorted(iid for iid in summary.live_ids if AS_OF - newest[iid] > timedelta(hours=24))

    assert silent == summary.silent_ids
    assert all(timedelta(days=2) <= AS_OF - newest[iid] <= timedelta(days=10) for iid in silent)


def test_orphans_have_application_and_tag_files_but_no_instance_information(tree, summary) -> None:
    seen = {iid for _, iid in tree.records}
    orphans = sorted(seen - set(_information(tree)))

    assert orphans == summary.orphan_ids
    assert len(orphans) == 1
    assert all(("AWS:Application", iid) in tree.records for iid in orphans)
    assert all(("AWS:Tag", iid) in tree.records for iid in orphans)


def test_instances_without_patch_data_have_no_patch_lines_at_all(tree, summary) -> None:
    with_patch = {
        iid
        for (type_name, iid), lines in tree.records.items()
        if type_name == "AWS:PatchSummary"
        or any(line.get("ComplianceType") == "Patch" for line in lines)
    }

    assert sorted(set(summary.instance_ids) - with_patch) == summary.no_patch_data_ids
    assert 2 <= len(summary.no_patch_data_ids) <= INSTANCES * 0.2


def test_missing_critical_counts_are_the_non_compliant_critical_patch_items(tree, summary) -> None:
    counts = Counter(
        iid
        for iid, lines in tree.of("AWS:ComplianceItem").items()
        for i in lines
        if iid in summary.instance_ids
        and i["ComplianceType"] == "Patch"
        and i["Status"] == "NON_COMPLIANT"
        and i["Severity"] == "CRITICAL"
    )

    assert dict(counts) == summary.missing_critical_counts
    prod = [
        iid
        for iid in counts
        if summary.environment_by_id[iid] == "prod" and iid in summary.live_ids
    ]
    assert len(prod) >= 2


def test_one_instance_reports_its_status_only_through_patch_items(tree, summary) -> None:
    without_summary_line = sorted(
        iid
        for iid in summary.compliance_status_by_id
        if not any(
            line["ComplianceType"] == "Patch"
            for line in tree.records.get(("AWS:ComplianceSummary", iid), [])
        )
    )

    assert without_summary_line == summary.patch_status_from_items_ids
    assert len(without_summary_line) == 1


def test_environment_follows_the_exact_key_first_then_any_casing(tree, summary) -> None:
    tags = tree.of("AWS:Tag")
    environments = {iid: _environment(tags.get(iid, [])) for iid in summary.instance_ids}

    assert environments == summary.environment_by_id
    both = [
        iid
        for iid, lines in tags.items()
        if {"Environment", "environment"} <= {t["Key"] for t in lines}
    ]
    assert len(both) == 1 and summary.environment_by_id[both[0]] == "prod"


def test_prod_live_instances_by_platform_match_tags_and_instance_information(tree, summary) -> None:
    information = _information(tree)
    counted = Counter(
        information[iid]["PlatformType"]
        for iid in summary.live_ids
        if summary.environment_by_id[iid] == "prod"
    )

    assert {"Linux": 0, "Windows": 0, "MacOS": 0, **counted} == summary.prod_live_by_platform


def test_java_installs_by_major_count_every_vendor_spelling_and_no_decoy(tree, summary) -> None:
    names = [
        line["Name"]
        for iid, lines in tree.of("AWS:Application").items()
        if iid in summary.instance_ids
        for line in lines
    ]
    installs = Counter(JAVA_MAJOR_BY_NAME[n] for n in names if n in JAVA_MAJOR_BY_NAME)

    assert dict(installs) == summary.java_installs_by_major
    assert set(JAVA_MAJOR_BY_NAME) <= set(names)
    assert DECOYS <= set(names)


def test_application_rows_are_the_valid_application_lines_of_inventory_instances(
    tree, summary
) -> None:
    rows = {
        iid: len(lines)
        for iid, lines in tree.of("AWS:Application").items()
        if iid in summary.instance_ids
    }

    assert rows == summary.application_count_by_id
    assert sum(rows.values()) == summary.application_rows
    assert all(40 <= n <= 203 for n in rows.values())


def test_effective_compliance_never_shows_a_silent_instance_compliant(summary) -> None:
    counts = summary.effective_compliance_counts

    assert sum(counts.values()) == INSTANCES
    assert counts["STALE"] == sum(
        1 for iid in summary.silent_ids if iid in summary.compliance_status_by_id
    )
    assert counts["NO_PATCH_DATA"] == len(summary.no_patch_data_ids)


def test_the_summary_round_trips_through_json(summary) -> None:
    import json

    data = json.loads(json.dumps(summary.to_dict()))

    assert data["instances"] == INSTANCES
    assert data["java_installs_by_major"] == {
        str(k): v for k, v in summary.java_installs_by_major.items()
    }
