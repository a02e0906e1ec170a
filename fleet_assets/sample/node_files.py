"""Every sync object of one node, rendered from its plan, with the facts the summary needs."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from fleet_assets.sample import clock, records, untidy
from fleet_assets.sample.applications import application_lines
from fleet_assets.sample.patches import PatchScan, association_items, patch_scan
from fleet_assets.sample.plan import NodePlan
from fleet_assets.sample.render import SyncFile, render_lines

APPLICATION_SCHEMA = "1.1"
CUSTOM_RACK_SCHEMA = "2.0"


@dataclass
class NodeFiles:
    files: list[SyncFile] = field(default_factory=list)
    application_rows: int = 0
    java_majors: list[int] = field(default_factory=list)
    scan: PatchScan | None = None
    last_capture: datetime | None = None


def _type_names(node: NodePlan, with_compliance: bool) -> list[str]:
    if node.orphan:
        return ["AWS:Application", "AWS:Tag"]
    names = [
        "AWS:InstanceInformation",
        "AWS:InstanceDetailedInformation",
        "AWS:Application",
        "AWS:AWSComponent",
        "AWS:Network",
    ]
    if node.tags:
        names.append("AWS:Tag")
    if with_compliance:
        names += ["AWS:ComplianceItem", "AWS:ComplianceSummary"]
    if node.has_patch_data:
        names.append("AWS:PatchSummary")
    if node.distro.platform_type == "Windows":
        names += ["AWS:WindowsUpdate", "AWS:Service"]
    if node.custom_rack:
        names.append("Custom:RackInfo")
    return names


class _Renderer:
    """Renders the files of one node with its own random stream and capture times."""

    def __init__(self, rng: random.Random, node: NodePlan, captures: dict[str, datetime]):
        self.rng, self.node, self.captures = rng, node, captures

    def file(self, type_name: str, lines: list[dict[str, str]], schema: str = "1.0") -> SyncFile:
        rendered = render_lines(
            self.rng, lines, self.node.instance_id, clock.iso_z(self.captures[type_name]), schema
        )
        return SyncFile(
            type_name,
            self.node.account,
            self.node.region,
            self.node.instance_id,
            rendered,
            trailing_newline=self.rng.random() < 0.85,
        )


def _windows_update_times(rng: random.Random, captured: datetime) -> list[str]:
    offset = rng.choice((0, 5, 8))
    times = []
    for _ in range(rng.randint(5, 25)):
        day = captured - timedelta(days=rng.randint(1, 400))
        times.append(clock.iso_z(day.replace(hour=offset, minute=0, second=0)))
    return times


def _compliance_files(
    rng: random.Random, node: NodePlan, r: _Renderer, out: NodeFiles
) -> list[SyncFile]:
    first_capture = min(
        r.captures["AWS:ComplianceItem"],
        r.captures["AWS:ComplianceSummary"],
        r.captures.get("AWS:PatchSummary", r.captures["AWS:ComplianceItem"]),
    )
    associations, association_summary = association_items(
        rng, first_capture - timedelta(seconds=rng.randint(60, 3600))
    )
    items, summaries = list(associations), [association_summary]
    files = []
    if node.has_patch_data:
        out.scan = patch_scan(rng, node, first_capture - timedelta(seconds=rng.randint(30, 900)))
        items += out.scan.items
        if node.patch_summary_line:
            summaries.append(out.scan.compliance_summary)
        files.append(r.file("AWS:PatchSummary", [out.scan.patch_summary]))
    rng.shuffle(items)
    files.append(r.file("AWS:ComplianceItem", items))
    files.append(r.file("AWS:ComplianceSummary", summaries))
    return files


def build_node_files(node: NodePlan, seed: int, as_of: datetime) -> NodeFiles:
    rng = random.Random(f"{seed}:{node.instance_id}")
    with_compliance = not node.orphan and (node.has_patch_data or rng.random() < 0.5)
    captures = clock.capture_times(rng, node, _type_names(node, with_compliance), as_of)
    r = _Renderer(rng, node, captures)
    out = NodeFiles()

    apps = application_lines(rng, node, captures["AWS:Application"])
    app_file = r.file("AWS:Application", apps.lines, APPLICATION_SCHEMA)
    untidy.damage_application_file(rng, node, app_file, apps.plain_indices())
    out.application_rows = app_file.valid_records
    out.java_majors = [m for m in apps.java_majors if m is not None]
    out.files.append(app_file)
    if node.tags:
        out.files.append(r.file("AWS:Tag", records.tags(node)))
    if node.orphan:
        return _with_last_capture(out, captures)

    out.files.append(r.file("AWS:InstanceInformation", [records.instance_information(rng, node)]))
    out.files.append(
        r.file("AWS:InstanceDetailedInformation", [records.detailed_information(rng, node)])
    )
    out.files.append(r.file("AWS:AWSComponent", records.aws_components(rng, node)))
    out.files.append(r.file("AWS:Network", records.network(rng, node)))
    if with_compliance:
        out.files += _compliance_files(rng, node, r, out)
    if node.distro.platform_type == "Windows":
        update_times = _windows_update_times(rng, captures["AWS:WindowsUpdate"])
        out.files.append(r.file("AWS:WindowsUpdate", records.windows_updates(rng, update_times)))
        out.files.append(r.file("AWS:Service", records.services(rng)))
    if node.custom_rack:
        rack = records.rack_info(rng, node)
        if "case_duplicate_keys" in node.untidy:
            untidy.case_duplicate(rack[0])
        rack_file = r.file("Custom:RackInfo", rack, CUSTOM_RACK_SCHEMA)
        untidy.damage_rack_file(node, rack_file)
        out.files.append(rack_file)
    _apply_file_level_untidiness(node, out.files)
    return _with_last_capture(out, captures)


def _with_last_capture(out: NodeFiles, captures: dict[str, datetime]) -> NodeFiles:
    """The newest captureTime a reader can see: empty or wholly damaged files show none."""
    visible = [captures[f.type_name] for f in out.files if f.valid_records > 0]
    out.last_capture = max(visible) if visible else None
    return out


_ZERO_BYTE = {
    "zero_byte_windows_update": "AWS:WindowsUpdate",
    "zero_byte_network": "AWS:Network",
    "zero_byte_components": "AWS:AWSComponent",
}


def _apply_file_level_untidiness(node: NodePlan, files: list[SyncFile]) -> None:
    emptied = {type_name for kind, type_name in _ZERO_BYTE.items() if kind in node.untidy}
    for sync_file in files:
        if sync_file.type_name in emptied:
            sync_file.zero_byte = True
        if "crlf_all_files" in node.untidy:
            sync_file.newline = "\r\n"
