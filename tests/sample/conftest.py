"""One small sample fleet per test session, written once and read back by the plain reader."""

from __future__ import annotations

from pathlib import Path

import pytest
from sample_reader import AS_OF, INSTANCES, ReadTree, read_tree

from fleet_assets.sample.generator import write_sample_fleet
from fleet_assets.sample.summary import SampleSummary


@pytest.fixture(scope="session")
def sample_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("sample") / "raw"


@pytest.fixture(scope="session")
def summary(sample_root: Path) -> SampleSummary:
    return write_sample_fleet(sample_root, INSTANCES, seed=7, as_of=AS_OF)


@pytest.fixture(scope="session")
def tree(summary: SampleSummary, sample_root: Path) -> ReadTree:
    return read_tree(sample_root)
