"""The AWS Glue entry point: Glue's `--raw_uri ...` job arguments onto the same `run_etl`.

Glue runs this file as the job script; outside Glue the same arguments are read with argparse.
"""

from __future__ import annotations

import argparse
import logging
import sys

from glue_jobs.contract import EtlRequest
from glue_jobs.fleet_etl import request_from_arguments, run_etl

REQUIRED = ("raw_uri", "curated_uri")
OPTIONAL = ("as_of", "stale_after_hours", "request_id")


def glue_arguments(argv: list[str]) -> dict[str, str | None]:
    """The job arguments, read by awsglue's getResolvedOptions when it is importable."""
    try:
        from awsglue.utils import getResolvedOptions
    except ImportError:
        parser = argparse.ArgumentParser(description="Fleet ETL as a Glue job.")
        for name in REQUIRED:
            parser.add_argument(f"--{name}", required=True)
        for name in OPTIONAL:
            parser.add_argument(f"--{name}")
        known, _ = parser.parse_known_args(argv[1:])
        return vars(known)
    present = [name for name in OPTIONAL if f"--{name}" in argv]
    resolved = getResolvedOptions(argv, [*REQUIRED, *present])
    return {name: resolved.get(name) for name in (*REQUIRED, *OPTIONAL)}


def request_from_glue(argv: list[str]) -> EtlRequest:
    values = glue_arguments(argv)
    return request_from_arguments(
        values["raw_uri"],
        values["curated_uri"],
        values["as_of"],
        values["stale_after_hours"],
        values["request_id"],
    )


def main(argv: list[str] | None = None) -> int:
    from pyspark.sql import SparkSession

    request = request_from_glue(sys.argv if argv is None else argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    result = run_etl(SparkSession.builder.getOrCreate(), request)
    logging.getLogger(__name__).info("Result written to %s.", result.result_uri)
    return 0


if __name__ == "__main__":
    sys.exit(main())
