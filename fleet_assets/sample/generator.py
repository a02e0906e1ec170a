"""Write a realistic Resource Data Sync tree for a fleet of N instances, and say what is in it."""

from __future__ import annotations

import random
import sys
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

from tqdm import tqdm

from fleet_assets.sample import clock, untidy
from fleet_assets.sample.node_files import NodeFiles, build_node_files
from fleet_assets.sample.plan import FleetPlan, NodePlan, plan_fleet
from fleet_assets.sample.render import write_file
from fleet_assets.sample.summary import SampleSummary, sorted_counter
from fleet_assets.sample.tags import environment_of

PROGRESS_FROM_INSTANCES = 1000
STALE_AFTER = timedelta(hours=24)


def default_as_of() -> datetime:
    return datetime.now(UTC).replace(minute=0, second=0, microsecond=0)


def _effective(node: NodePlan, facts: NodeFiles, as_of: datetime) -> str:
    if facts.scan is None:
        return "NO_PATCH_DATA"
    silent = facts.last_capture is None or as_of - facts.last_capture > STALE_AFTER
    if node.is_live and silent:
        return "STALE"
    return facts.scan.status


class _Tally:
    """Accumulates the summary node by node, so a large fleet is never held in memory."""

    def __init__(self, summary: SampleSummary, as_of: datetime):
        self.summary, self.as_of = summary, as_of
        self.files_by_type: Counter = Counter()
        self.bad_lines: Counter = Counter()
        self.effective: Counter = Counter()
        self.prod_live: Counter = Counter({"Linux": 0, "Windows": 0, "MacOS": 0})
        self.java_installs: Counter = Counter()
        self.java_instances: Counter = Counter()
        self.unparseable_installed = 0

    def add_files(self, facts: NodeFiles) -> None:
        s = self.summary
        for sync_file in facts.files:
            self.files_by_type[sync_file.type_name] += 1
            self.bad_lines.update(sync_file.bad_lines)
            if sync_file.zero_byte:
                s.zero_byte_files.append(sync_file.key)
            lines = sync_file.physical_lines
            blanks = sum(1 for line in lines if not line.strip())
            s.blank_lines += blanks
            s.lines_written += len(lines) - blanks

    def add_node(self, node: NodePlan, facts: NodeFiles) -> None:
        s, iid = self.summary, node.instance_id
        s.instance_ids.append(iid)
        s.ids_by_status["no_status" if node.status is None else node.status].append(iid)
        silent = facts.last_capture is None or self.as_of - facts.last_capture > STALE_AFTER
        if node.is_live:
            s.live_ids.append(iid)
            if silent:
                s.silent_ids.append(iid)
        if node.hybrid:
            s.hybrid_ids.append(iid)
        if node.shrunk:
            s.shrunk_terminated_ids.append(iid)
        environment = environment_of(node.tags)
        s.environment_by_id[iid] = environment
        if not node.shrunk:
            s.platform_by_id[iid] = node.distro.platform_type
        if node.is_live and environment == "prod":
            self.prod_live[node.distro.platform_type] += 1
        self._add_patch_facts(node, facts)
        self.unparseable_installed += "unparseable_installed_time" in node.untidy
        s.application_rows += facts.application_rows
        s.application_count_by_id[iid] = facts.application_rows
        self.java_installs.update(facts.java_majors)
        self.java_instances.update(set(facts.java_majors))

    def _add_patch_facts(self, node: NodePlan, facts: NodeFiles) -> None:
        s, iid = self.summary, node.instance_id
        self.effective[_effective(node, facts, self.as_of)] += 1
        if facts.scan is None:
            s.no_patch_data_ids.append(iid)
            return
        s.compliance_status_by_id[iid] = facts.scan.status
        if not node.patch_summary_line:
            s.patch_status_from_items_ids.append(iid)
        if facts.scan.missing_critical:
            s.missing_critical_counts[iid] = facts.scan.missing_critical

    def finish(self) -> SampleSummary:
        s = self.summary
        s.files_by_type = sorted_counter(self.files_by_type)
        s.files_written = sum(self.files_by_type.values()) + len(s.stray_files)
        s.bad_lines = sorted_counter(self.bad_lines)
        s.effective_compliance_counts = sorted_counter(self.effective)
        s.prod_live_by_platform = dict(self.prod_live)
        s.java_installs_by_major = sorted_counter(self.java_installs)
        s.java_instances_by_major = sorted_counter(self.java_instances)
        s.unparseable_values = {"AWS:Application.InstalledTime": self.unparseable_installed}
        for ids in (s.instance_ids, s.live_ids, s.silent_ids, s.orphan_ids, s.no_patch_data_ids):
            ids.sort()
        for ids in s.ids_by_status.values():
            ids.sort()
        return s


def _write_probes(root: Path, plan: FleetPlan, summary: SampleSummary) -> None:
    for account in plan.accounts:
        key = f"AWS:InstanceInformation/accountid={account}/test.json"
        path = root / key
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(untidy.probe_object(), encoding="utf-8")
        summary.stray_files.append(key)


def write_sample_fleet(
    root: Path, instances: int, seed: int = 7, as_of: datetime | None = None, progress: bool = False
) -> SampleSummary:
    """Write the sync tree for `instances` nodes under `root` and return its ground truth.

    The same (seed, instances, as_of) always give byte-identical files.
    """
    as_of = default_as_of() if as_of is None else as_of.astimezone(UTC)
    plan = plan_fleet(instances, seed)
    untidy.assign_untidy(random.Random(f"{seed}:untidy"), plan.nodes)
    summary = SampleSummary(
        root=str(root),
        instances=instances,
        seed=seed,
        as_of=clock.iso_z(as_of),
        accounts=list(plan.accounts),
        regions=list(plan.regions),
        ids_by_status={
            status: []
            for status in ("Active", "Stopped", "Terminated", "ConnectionLost", "no_status")
        },
    )
    tally = _Tally(summary, as_of)
    made_dirs: set[Path] = set()
    root.mkdir(parents=True, exist_ok=True)
    _write_probes(root, plan, summary)

    show = progress or instances >= PROGRESS_FROM_INSTANCES
    nodes = plan.nodes + plan.orphans
    for node in tqdm(
        nodes, desc="sample fleet", unit="instance", disable=not show, file=sys.stderr
    ):
        facts = build_node_files(node, seed, as_of)
        for sync_file in facts.files:
            write_file(root, sync_file, made_dirs)
        tally.add_files(facts)
        if node.orphan:
            summary.orphan_ids.append(node.instance_id)
        else:
            tally.add_node(node, facts)
    return tally.finish()
