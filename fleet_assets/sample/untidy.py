"""The handful of untidy objects a real bucket holds, and which nodes carry them.

Each kind goes to its own node where the fleet is big enough; the damage is kept away from Java
lines, tags and patch lines so that the ground truth stays what the plan says.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from fleet_assets.sample.plan import NodePlan
from fleet_assets.sample.render import SyncFile, break_json, pretty_print, truncate

Predicate = Callable[[NodePlan], bool]


def _windows(node: NodePlan) -> bool:
    return node.distro.platform_type == "Windows"


def _rpm(node: NodePlan) -> bool:
    return node.distro.package_format == "rpm"


def _patched(node: NodePlan) -> bool:
    return node.has_patch_data


def _any(node: NodePlan) -> bool:
    return True


# Most constrained first, so the scarce platforms are not used up by kinds that fit anywhere.
UNTIDY_KINDS: tuple[tuple[str, Predicate], ...] = (
    ("crlf_all_files", _windows),
    ("crlf_application", _windows),
    ("zero_byte_windows_update", _windows),
    ("installed_time_minus_seven", _rpm),
    ("unparseable_installed_time", _rpm),
    ("execution_time_fraction", _patched),
    ("patch_end_offset", _patched),
    ("malformed_line", _any),
    ("truncated_last_line", _any),
    ("pretty_printed", _any),
    ("case_duplicate_keys", _any),
    ("zero_byte_network", _any),
    ("zero_byte_components", _any),
    ("blank_lines", _any),
    ("blank_lines", _any),
    ("blank_lines", _any),
)


def assign_untidy(rng: random.Random, nodes: list[NodePlan]) -> None:
    pool = [n for n in nodes if not n.hybrid and not n.shrunk]
    rng.shuffle(pool)
    used: set[int] = set()
    for kind, fits in UNTIDY_KINDS:
        eligible = [n for n in pool if fits(n) and kind not in n.untidy]
        fresh = [n for n in eligible if n.index not in used]
        chosen = (fresh or eligible)[0]
        chosen.untidy.add(kind)
        used.add(chosen.index)
        if kind in ("pretty_printed", "case_duplicate_keys"):
            chosen.custom_rack = True


def damage_application_file(
    rng: random.Random, node: NodePlan, sync_file: SyncFile, plain: list[int]
) -> None:
    """Malformed, truncated and blank lines, only ever on lines that are not Java runtimes."""
    if "malformed_line" in node.untidy:
        target = plain[len(plain) // 2]
        sync_file.lines[target] = break_json(sync_file.lines[target])
        sync_file.bad_lines["malformed_json"] = 1
        sync_file.damaged_records += 1
    if "truncated_last_line" in node.untidy:
        last = len(sync_file.lines) - 1
        if last not in plain:
            sync_file.lines.append(sync_file.lines.pop(plain[-1]))
        sync_file.lines[-1] = truncate(sync_file.lines[-1])
        sync_file.trailing_newline = False
        sync_file.bad_lines["truncated_line"] = 1
        sync_file.damaged_records += 1
    if "blank_lines" in node.untidy:
        sync_file.lines.insert(rng.randint(1, len(sync_file.lines) - 1), "")
        if sync_file.trailing_newline:
            sync_file.lines.append("")
    if "crlf_application" in node.untidy:
        sync_file.newline = "\r\n"


def case_duplicate(record: dict[str, str]) -> None:
    """A second spelling of a key that differs only in case, as hand-written inventory has."""
    record["RackLocation"] = record["rackLocation"].upper()


def damage_rack_file(node: NodePlan, sync_file: SyncFile) -> None:
    if "pretty_printed" in node.untidy:
        sync_file.lines[0] = pretty_print(sync_file.lines[0])
        sync_file.bad_lines["pretty_printed_object_lines"] = sync_file.lines[0].count("\n") + 1
        sync_file.damaged_records += 1


def probe_object() -> str:
    """The body of an `AWS:InstanceInformation/accountid=<id>/test.json` write probe."""
    return '{"test":"Resource data sync write probe"}\n'
