"""Measures the fleet ETL on generated fleets: wall time, rows per second and peak memory.

Run: .venv/bin/python benchmarks/bench_etl.py [--sizes 1000 10000] [--workdir DIR]

Peak memory is the largest resident set of the whole process tree (this Python driver, the
Spark JVM and its Python workers), sampled every 100 ms while the ETL runs.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

import psutil

from fleet_assets.sample.generator import write_sample_fleet
from glue_jobs.contract import EtlRequest
from glue_jobs.fleet_etl import run_etl
from glue_jobs.spark_session import local_spark_session

AS_OF = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)


@dataclass
class Figures:
    instances: int
    raw_files: int
    raw_mb: float
    generate_s: float
    etl_wall_s: float
    lines_read: int
    rows_written: int
    lines_per_s: float
    peak_rss_mb: float


class PeakRss:
    """Samples the resident memory of this process and every descendant until stopped."""

    def __init__(self, interval_s: float = 0.1) -> None:
        self._interval_s = interval_s
        self._stop = threading.Event()
        self.peak_bytes = 0
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> PeakRss:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        root = psutil.Process()
        while not self._stop.is_set():
            total = 0
            for proc in [root, *root.children(recursive=True)]:
                try:
                    total += proc.memory_info().rss
                except psutil.Error:
                    continue
            self.peak_bytes = max(self.peak_bytes, total)
            self._stop.wait(self._interval_s)


def tree_size(root: Path) -> tuple[int, int]:
    files = [p for p in root.rglob("*") if p.is_file()]
    return len(files), sum(p.stat().st_size for p in files)


def measure(instances: int, workdir: Path) -> Figures:
    raw = workdir / f"raw-{instances}"
    curated = workdir / f"curated-{instances}"
    shutil.rmtree(raw, ignore_errors=True)
    shutil.rmtree(curated, ignore_errors=True)

    started = time.perf_counter()
    write_sample_fleet(raw, instances, seed=7, as_of=AS_OF, progress=True)
    generate_s = time.perf_counter() - started
    raw_files, raw_bytes = tree_size(raw)

    with PeakRss() as peak:
        started = time.perf_counter()
        spark = local_spark_session(app_name=f"fleet-etl-bench-{instances}")
        try:
            result = run_etl(spark, EtlRequest(str(raw), str(curated), AS_OF))
        finally:
            spark.stop()
        wall_s = time.perf_counter() - started

    rows_written = sum(table.row_count for table in result.tables.values())
    return Figures(
        instances=instances,
        raw_files=raw_files,
        raw_mb=round(raw_bytes / 2**20, 1),
        generate_s=round(generate_s, 1),
        etl_wall_s=round(wall_s, 1),
        lines_read=result.lines_read,
        rows_written=rows_written,
        lines_per_s=round(result.lines_read / wall_s),
        peak_rss_mb=round(peak.peak_bytes / 2**20),
    )


def markdown_table(rows: list[Figures]) -> str:
    header = (
        "| instances | raw files | raw MB | ETL wall s | lines read | rows written "
        "| lines/s | peak RSS MB |\n|---:|---:|---:|---:|---:|---:|---:|---:|"
    )
    lines = [
        f"| {r.instances:,} | {r.raw_files:,} | {r.raw_mb} | {r.etl_wall_s} | {r.lines_read:,} "
        f"| {r.rows_written:,} | {r.lines_per_s:,} | {r.peak_rss_mb:,} |"
        for r in rows
    ]
    return "\n".join([header, *lines])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--workdir", type=Path, default=None)
    args = parser.parse_args(argv)

    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="fleet-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    rows = []
    for size in args.sizes:
        figures = measure(size, workdir)
        sys.stdout.write(json.dumps(asdict(figures)) + "\n")
        sys.stdout.flush()
        rows.append(figures)
    sys.stdout.write(markdown_table(rows) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
