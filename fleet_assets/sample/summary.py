"""What a sample fleet holds, as facts a test can assert the curated tables against."""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field

from glue_jobs.wording import counted

STATUS_KEYS = ("Active", "Stopped", "Terminated", "ConnectionLost", "no_status")


@dataclass
class SampleSummary:
    """Where the tree is, what was written, and the ground truth of the fleet in it.

    Instance ids are unique across accounts and regions, so a bare id names one instance. Facts
    about instances cover those with an AWS:InstanceInformation record (the inventory); orphans
    are listed apart and count nowhere else. Java facts count valid AWS:Application lines only.
    """

    root: str
    instances: int
    seed: int
    as_of: str
    files_written: int = 0
    files_by_type: dict[str, int] = field(default_factory=dict)
    lines_written: int = 0
    blank_lines: int = 0
    bad_lines: dict[str, int] = field(default_factory=dict)
    stray_files: list[str] = field(default_factory=list)
    zero_byte_files: list[str] = field(default_factory=list)
    accounts: list[str] = field(default_factory=list)
    regions: list[str] = field(default_factory=list)
    instance_ids: list[str] = field(default_factory=list)
    ids_by_status: dict[str, list[str]] = field(default_factory=dict)
    live_ids: list[str] = field(default_factory=list)
    silent_ids: list[str] = field(default_factory=list)
    hybrid_ids: list[str] = field(default_factory=list)
    shrunk_terminated_ids: list[str] = field(default_factory=list)
    orphan_ids: list[str] = field(default_factory=list)
    no_patch_data_ids: list[str] = field(default_factory=list)
    patch_status_from_items_ids: list[str] = field(default_factory=list)
    compliance_status_by_id: dict[str, str] = field(default_factory=dict)
    effective_compliance_counts: dict[str, int] = field(default_factory=dict)
    missing_critical_counts: dict[str, int] = field(default_factory=dict)
    environment_by_id: dict[str, str] = field(default_factory=dict)
    platform_by_id: dict[str, str] = field(default_factory=dict)
    prod_live_by_platform: dict[str, int] = field(default_factory=dict)
    application_rows: int = 0
    application_count_by_id: dict[str, int] = field(default_factory=dict)
    java_installs_by_major: dict[int, int] = field(default_factory=dict)
    java_instances_by_major: dict[int, int] = field(default_factory=dict)
    unparseable_values: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, object]:
        """Plain JSON types; Java majors become string keys as JSON requires."""
        data = asdict(self)
        data["java_installs_by_major"] = {str(k): v for k, v in self.java_installs_by_major.items()}
        data["java_instances_by_major"] = {
            str(k): v for k, v in self.java_instances_by_major.items()
        }
        return data

    @property
    def lines_per_file(self) -> float:
        return self.lines_written / self.files_written if self.files_written else 0.0

    def describe(self) -> str:
        types = ", ".join(f"{name} {count}" for name, count in sorted(self.files_by_type.items()))
        orphans = f" (+{counted(len(self.orphan_ids), 'orphan')})" if self.orphan_ids else ""
        probes = f"; plus {counted(len(self.stray_files), 'test.json probe')}"
        return (
            f"Wrote a sample sync of {counted(self.instances, 'instance')}{orphans} in "
            f"{counted(len(self.accounts), 'account')} and {counted(len(self.regions), 'region')} "
            f"to {self.root}: {counted(self.files_written, 'file')}, "
            f"{counted(self.lines_written, 'line')}, as of {self.as_of}.\n"
            f"Files by type: {types}{probes if self.stray_files else ''}."
        )


def sorted_counter(counter: Counter) -> dict:
    return dict(sorted(counter.items()))
