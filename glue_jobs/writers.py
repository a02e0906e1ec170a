"""Writing one snapshot partition of a table, atomically, and the run's result file.

A partition is written to a hidden staging folder beside it and swapped in by rename, so a reader
sees the old snapshot or the new one, never half of one. A crash between the two renames leaves
the old snapshot in a hidden `.replaced-` folder beside the partition, where it can be restored.
"""

from __future__ import annotations

import os
import shutil
import uuid

from pyspark.sql import DataFrame
from pyspark.sql import functions as F
from pyspark.sql import types as T

from glue_jobs.contract import RESULT_FILE, RUN_RESULTS_FOLDER, SNAPSHOT_PARTITION


def partition_folder(curated_root: str, table: str, snapshot_date: str) -> str:
    return os.path.join(curated_root, table, f"{SNAPSHOT_PARTITION}={snapshot_date}")


def check_columns(table: str, schema: T.StructType) -> None:
    """No two columns that differ only by case, and no column named like the partition."""
    folded = [name.lower() for name in schema.names]
    clashes = sorted({name for name in folded if folded.count(name) > 1})
    if clashes or SNAPSHOT_PARTITION in folded:
        raise ValueError(
            f"Table {table} declares columns {clashes or [SNAPSHOT_PARTITION]} that clash by case "
            "or repeat the partition column; rename them in its SCHEMA."
        )


def write_partition(frame: DataFrame, schema: T.StructType, folder: str, files: int = 1) -> None:
    """Write `frame` conformed to `schema` as the partition `folder`, replacing any earlier one."""
    conformed = frame.select(*[F.col(f.name).cast(f.dataType).alias(f.name) for f in schema])
    parent, name = os.path.split(folder)
    os.makedirs(parent, exist_ok=True)
    staging = os.path.join(parent, f".{name}.staging-{uuid.uuid4().hex}")
    conformed.coalesce(max(1, files)).write.mode("errorifexists").parquet(f"file://{staging}")
    replace_folder(staging, folder)


def replace_folder(staging: str, folder: str) -> None:
    """Swap a fully written staging folder in for `folder` by rename."""
    if not os.path.exists(folder):
        os.rename(staging, folder)
        return
    parent, name = os.path.split(folder)
    replaced = os.path.join(parent, f".{name}.replaced-{uuid.uuid4().hex}")
    os.rename(folder, replaced)
    os.rename(staging, folder)
    shutil.rmtree(replaced)


def result_path(curated_root: str, snapshot_date: str) -> str:
    """`<curated>/_etl_runs/snapshot_date=D/result.json`."""
    return os.path.join(
        partition_folder(curated_root, RUN_RESULTS_FOLDER, snapshot_date), RESULT_FILE
    )


def write_result(path: str, text: str) -> None:
    """Replace the result file atomically."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    temporary = f"{path}.{uuid.uuid4().hex}.tmp"
    with open(temporary, "w", encoding="utf-8") as handle:
        handle.write(text)
    os.replace(temporary, path)
