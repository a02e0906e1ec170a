"""Fixtures for the code location tests: a raw tree written line by line, and settings on tmp."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from fleet_assets.settings import FleetSettings

ACCOUNT = "111122223333"
REGION = "eu-west-1"

WriteRaw = Callable[..., Path]


@pytest.fixture
def raw_root(tmp_path: Path) -> Path:
    root = tmp_path / "raw"
    root.mkdir()
    return root


@pytest.fixture
def write_raw(raw_root: Path) -> WriteRaw:
    """Write one sync object: `write_raw("AWS:Tag", "i-1", ['{"Key":"a"}'])`."""

    def write(
        type_name: str,
        instance_id: str,
        lines: list[str],
        account: str = ACCOUNT,
        region: str = REGION,
        newline: str = "\n",
    ) -> Path:
        folder = (
            raw_root
            / type_name
            / f"accountid={account}"
            / f"region={region}"
            / "resourcetype=ManagedInstanceInventory"
        )
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{instance_id}.json"
        path.write_bytes(newline.join(lines).encode())
        return path

    return write


@pytest.fixture
def fleet_settings(
    tmp_path: Path, raw_root: Path, monkeypatch: pytest.MonkeyPatch
) -> FleetSettings:
    """Every FLEET_* location under tmp_path, exported so definitions built later agree."""
    monkeypatch.setenv("FLEET_RAW_URI", str(raw_root))
    monkeypatch.setenv("FLEET_CURATED_URI", str(tmp_path / "curated"))
    monkeypatch.setenv("FLEET_CATALOG_PATH", str(tmp_path / "catalog.duckdb"))
    monkeypatch.setenv("FLEET_REPORT_URI", str(tmp_path / "reports"))
    monkeypatch.setenv("FLEET_DAGSTER_HOME", str(tmp_path / "dagster_home"))
    return FleetSettings.from_env()
