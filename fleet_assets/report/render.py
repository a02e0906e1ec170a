"""Turns the answers into what people read: Markdown, PNG charts and Dagster table metadata."""

from __future__ import annotations

import io
import math
from datetime import date, datetime

import dagster as dg
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from fleet_assets.report.queries import FleetAnswers, major_label
from glue_jobs.wording import counted

METADATA_ROW_CAP = 50
PLATFORM_CHART = "prod_by_platform.png"
JAVA_CHART = "java_by_major_version.png"
NEVER_REPORTED = "never reported"
# Columns that are empty only because the instance's capture time could not be read.
CAPTURE_COLUMNS = frozenset({"last_capture_time", "hours_since_report"})


def headline_sentences(answers: FleetAnswers, stale_after_hours: float) -> list[str]:
    numbers = answers.headline_numbers()
    platforms = ", ".join(
        f"{name} {count}" for name, count in numbers["live_prod_instances_by_platform"].items()
    )
    java = "; ".join(
        f"Java {major_label(row.major_version)}: "
        f"{counted(row.installs, 'install')} on {counted(row.instances, 'instance')}"
        for row in answers.java_by_major_version.itertuples(index=False)
    )
    return [
        f"1. Live instances missing critical patches: "
        f"{numbers['live_instances_missing_critical_patches']}",
        f"2. Live prod instances by platform: {platforms}",
        f"3. Java across live instances: {java or 'none installed'}",
        f"4. Live instances silent for more than {stale_after_hours:g} h: "
        f"{numbers['live_instances_stale']}",
    ]


def report_markdown(answers: FleetAnswers, as_of: str, stale_after_hours: float) -> str:
    sections = [
        f"# Fleet report, snapshot {answers.snapshot_date}",
        f"As of {as_of}. Live means instance status Active or absent; stale means live and "
        f"silent for more than {stale_after_hours:g} h.",
        "## Headlines",
        "\n".join(f"- {s[3:]}" for s in headline_sentences(answers, stale_after_hours)),
        "## 1. Live instances missing critical patches (worst first)",
        _markdown_table(answers.missing_critical_patches),
        "## 2. Live prod instances by platform",
        _markdown_table(answers.prod_by_platform),
        f"![Live prod instances by platform]({PLATFORM_CHART})",
        "## 3. Java installs across live instances by major version",
        _markdown_table(answers.java_by_major_version),
        f"![Java installs by major version]({JAVA_CHART})",
        f"## 4. Live instances that have not reported in the last {stale_after_hours:g} h",
        _markdown_table(answers.stale_instances),
    ]
    return "\n\n".join(sections) + "\n"


def bar_chart_png(labels: list[str], values: list[int], title: str, ylabel: str) -> bytes:
    # A bare Figure renders with Agg and never touches pyplot's global state or a display.
    figure = Figure(figsize=(6, 3.5), dpi=100)
    axes = figure.subplots()
    bars = axes.bar(labels, values, color="#4c72b0")
    axes.bar_label(bars)
    axes.set_title(title)
    axes.set_ylabel(ylabel)
    axes.set_ylim(0, max([*values, 1]) * 1.2)
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()


def charts(answers: FleetAnswers) -> dict[str, bytes]:
    platforms = answers.prod_by_platform
    java = answers.java_by_major_version
    return {
        PLATFORM_CHART: bar_chart_png(
            [str(p) for p in platforms["platform_type"]],
            [int(n) for n in platforms["instances"]],
            "Live prod instances by platform",
            "instances",
        ),
        JAVA_CHART: bar_chart_png(
            [f"Java {major_label(m)}" for m in java["major_version"]],
            [int(n) for n in java["installs"]],
            "Java installs on live instances",
            "installs",
        ),
    }


def answer_metadata(answers: FleetAnswers) -> dict[str, object]:
    """Each answer as a Dagster table, with its total: instances for prod_by_platform, else rows."""
    return {
        "headline_numbers": dg.MetadataValue.json(answers.headline_numbers()),
        "missing_critical_patches": table_metadata(answers.missing_critical_patches),
        "missing_critical_patches_total": len(answers.missing_critical_patches),
        "prod_by_platform": table_metadata(answers.prod_by_platform),
        "prod_by_platform_total": answers.live_prod_instances(),
        "java_by_major_version": table_metadata(answers.java_by_major_version),
        "java_by_major_version_total": len(answers.java_by_major_version),
        "stale_instances": table_metadata(answers.stale_instances),
        "stale_instances_total": len(answers.stale_instances),
    }


def table_metadata(frame: pd.DataFrame) -> dg.MetadataValue:
    """A Dagster table of at most METADATA_ROW_CAP rows; the total sits beside it."""
    shown = frame.head(METADATA_ROW_CAP)
    records = [
        dg.TableRecord({name: _shown(name, value) for name, value in row.items()})
        for row in shown.to_dict(orient="records")
    ]
    schema = dg.TableSchema(
        columns=[
            dg.TableColumn(name=str(name), type=str(kind)) for name, kind in frame.dtypes.items()
        ]
    )
    return dg.MetadataValue.table(records=records, schema=schema)


def _markdown_table(frame: pd.DataFrame) -> str:
    if frame.empty:
        return "_none_"
    shown = pd.DataFrame(
        [
            {name: _text(_shown(name, value)) for name, value in row.items()}
            for row in frame.head(METADATA_ROW_CAP).to_dict(orient="records")
        ],
        columns=frame.columns,
    )
    text = shown.to_markdown(index=False, disable_numparse=True)
    if len(frame) > METADATA_ROW_CAP:
        text += f"\n\n…and {len(frame) - METADATA_ROW_CAP} more."
    return text


def _shown(column: str, value: object) -> str | int | float | bool | None:
    """A cell as people read it; a missing capture time reads `never reported`."""
    cell = _cell(value)
    return NEVER_REPORTED if cell is None and column in CAPTURE_COLUMNS else cell


def _text(cell: str | int | float | bool | None) -> str:
    return "" if cell is None else str(cell)


def _cell(value: object) -> str | int | float | bool | None:
    if isinstance(value, list | tuple | np.ndarray):
        return ", ".join(str(item) for item in value)
    if isinstance(value, np.generic):
        value = value.item()
    # NaT is a datetime too, so missing values are caught before dates are formatted.
    if value is None or value is pd.NaT or value is pd.NA:
        return None
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, float):
        return None if math.isnan(value) else round(value, 2)
    if isinstance(value, bool | int | str):
        return value
    return str(value)
