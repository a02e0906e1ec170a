"""The `fleet` command: write a sample sync, take a snapshot, open the Dagster UI."""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import sys
from collections.abc import Sequence
from pathlib import Path

from fleet_assets.sample.command import register as register_sample
from fleet_assets.settings import FleetSettingError, FleetSettings, parse_as_of

WORKSPACE = Path(__file__).resolve().parents[1] / "workspace.yaml"
# Written once into a new DAGSTER_HOME: Dagster's defaults keep runs, events and cursors in it.
INSTANCE_CONFIG = """\
# The Dagster instance of Fleet Intelligence: runs, event logs and sensor cursors live here.
telemetry:
  enabled: false
"""


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args, extra = parser.parse_known_args(argv)
    if args.command != "dev" and extra:
        parser.error(f"unrecognized arguments: {' '.join(extra)}")
    if not hasattr(args, "func"):
        parser.print_help(sys.stderr)
        return 2
    if args.command == "dev":
        return args.func(args, extra)
    return args.func(args)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="fleet", description="Fleet Intelligence: SSM inventory into curated fleet tables."
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    register_sample(subparsers)

    run = subparsers.add_parser("run", help="take one snapshot: catalog, ETL, checks, report")
    run.add_argument("--as-of", default=None, help="the instant to describe (ISO-8601)")
    run.set_defaults(func=run_command)

    dev = subparsers.add_parser(
        "dev", help="open the Dagster UI on the same instance (extra args go to `dagster dev`)"
    )
    dev.set_defaults(func=dev_command)

    sql = subparsers.add_parser(
        "sql", help="query the catalog read-only: raw views ssm.*, curated views fleet.*"
    )
    sql.add_argument("query", help='e.g. "SELECT * FROM fleet.fleet_summary LIMIT 5"')
    sql.set_defaults(func=sql_command)
    return parser


def run_command(args: argparse.Namespace) -> int:
    # Imported here so `fleet --help` and `fleet sample` never load Dagster definitions.
    from fleet_assets.run import RunOutcome, run_snapshot

    try:
        settings = FleetSettings.from_env()
        if args.as_of:
            parse_as_of(args.as_of, "--as-of")
        _prepare_environment(settings)
        outcome: RunOutcome = run_snapshot(settings, args.as_of)
    except FleetSettingError as error:
        sys.stderr.write(f"fleet run: {error}\n")
        return 2
    sys.stdout.write(outcome.describe())
    return 0 if outcome.success else 1


def dev_command(args: argparse.Namespace, extra: Sequence[str]) -> int:
    try:
        settings = FleetSettings.from_env()
    except FleetSettingError as error:
        sys.stderr.write(f"fleet dev: {error}\n")
        return 2
    _prepare_environment(settings)
    dagster = shutil.which("dagster", path=str(Path(sys.executable).parent)) or "dagster"
    command = [dagster, "dev", "-w", str(WORKSPACE), *extra]
    home = os.environ["DAGSTER_HOME"]
    sys.stdout.write(f"Starting {' '.join(command)} with DAGSTER_HOME={home}\n")
    sys.stdout.flush()
    # A shell that starts a background job makes it ignore SIGINT; dagster dev then ignores
    # SIGTERM too and can only be killed. Give it the default handlers back.
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    os.execvp(dagster, command)
    return 0


def sql_command(args: argparse.Namespace) -> int:
    import duckdb

    try:
        settings = FleetSettings.from_env()
    except FleetSettingError as error:
        sys.stderr.write(f"fleet sql: {error}\n")
        return 2
    if not Path(settings.catalog_path).is_file():
        sys.stderr.write(
            f"fleet sql: there is no catalog at {settings.catalog_path} yet; "
            "take a snapshot with `fleet run` first.\n"
        )
        return 2
    try:
        with duckdb.connect(settings.catalog_path, read_only=True) as connection:
            frame = connection.sql(args.query).df()
    except duckdb.Error as error:
        sys.stderr.write(f"fleet sql: {error}\n")
        return 1
    sys.stdout.write(frame.to_string(index=False, max_rows=200) + "\n")
    return 0


def _prepare_environment(settings: FleetSettings) -> None:
    """Absolute FLEET_* paths and a persistent DAGSTER_HOME, so every process sees one instance."""
    os.environ.update(settings.to_env())
    home = Path(os.environ.setdefault("DAGSTER_HOME", settings.dagster_home))
    home.mkdir(parents=True, exist_ok=True)
    instance_config = home / "dagster.yaml"
    if not instance_config.exists():
        instance_config.write_text(INSTANCE_CONFIG)


if __name__ == "__main__":
    sys.exit(main())
