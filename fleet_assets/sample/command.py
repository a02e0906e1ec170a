"""`fleet sample`: write a synthetic Resource Data Sync tree where the local deployment reads it."""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import time
from datetime import datetime
from pathlib import Path

from fleet_assets.sample.generator import write_sample_fleet
from fleet_assets.sample.plan import MINIMUM_INSTANCES
from glue_jobs.contract import parse_instant
from glue_jobs.wording import counted

DEFAULT_RAW_URI = "./.fleet/raw"
TYPE_FOLDER_PREFIXES = ("AWS:", "Custom:")


class SampleCommandError(Exception):
    """A setting or target folder that stops the sample from being written, in one sentence."""


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "sample",
        help="write a synthetic SSM Resource Data Sync tree for N instances",
        description="Write a realistic Resource Data Sync tree (untidy parts included) to a "
        "local folder laid out like the sync bucket.",
    )
    parser.add_argument(
        "--instances",
        type=int,
        required=True,
        help=f"how many managed instances (at least {MINIMUM_INSTANCES})",
    )
    parser.add_argument("--seed", type=int, default=7, help="random seed (default 7)")
    parser.add_argument(
        "--as-of",
        default=None,
        help="ISO-8601 instant all capture times are relative to "
        "(default: now, floored to the hour)",
    )
    parser.add_argument(
        "--raw-uri",
        default=None,
        help=f"target folder (default: $FLEET_RAW_URI, else {DEFAULT_RAW_URI})",
    )
    parser.add_argument(
        "--clean", action="store_true", help="remove an existing sync tree at the target first"
    )
    parser.set_defaults(func=sample_command)


def sample_command(args: argparse.Namespace) -> int:
    try:
        root = _target(args.raw_uri)
        as_of = _as_of(args.as_of)
        if args.instances < MINIMUM_INSTANCES:
            raise SampleCommandError(
                f"--instances must be at least {MINIMUM_INSTANCES}; got {args.instances}."
            )
        _prepare(root, args.clean)
    except SampleCommandError as error:
        sys.stderr.write(f"fleet sample: {error}\n")
        return 2

    started = time.monotonic()
    summary = write_sample_fleet(root, args.instances, seed=args.seed, as_of=as_of)
    elapsed = time.monotonic() - started
    sys.stdout.write(f"{summary.describe()}\nTook {elapsed:.1f} s (seed {args.seed}).\n")
    return 0


def _target(raw_uri: str | None) -> Path:
    value = raw_uri or os.environ.get("FLEET_RAW_URI") or DEFAULT_RAW_URI
    if value.startswith("file://"):
        value = value.removeprefix("file://")
    elif "://" in value:
        raise SampleCommandError(
            f"the sample is written to a local folder, not {value}; pass a path as --raw-uri."
        )
    return Path(value).expanduser().resolve()


def _as_of(value: str | None) -> datetime | None:
    if value is None:
        return None
    try:
        return parse_instant(value, "--as-of")
    except ValueError as error:
        raise SampleCommandError(str(error)) from None


def _prepare(root: Path, clean: bool) -> None:
    if root.exists() and not root.is_dir():
        raise SampleCommandError(f"{root} is a file, not a folder; pass a folder as --raw-uri.")
    existing = sorted(p.name for p in root.iterdir()) if root.exists() else []
    if not existing:
        return
    if not clean:
        raise SampleCommandError(
            f"{root} already holds a tree ({counted(len(existing), 'entry', 'entries')}); "
            "pass --clean to replace it."
        )
    foreign = [name for name in existing if not name.startswith(TYPE_FOLDER_PREFIXES)]
    if foreign:
        raise SampleCommandError(
            f"refusing to --clean {root}: it holds {foreign[0]!r}, which is not a sync type "
            f"folder; pick an empty or sync-only folder."
        )
    shutil.rmtree(root)
