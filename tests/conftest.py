"""Shared by every test: no FLEET_* setting or DAGSTER_HOME leaks in from the shell."""

import os

import pytest


@pytest.fixture(autouse=True)
def isolated_fleet_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in list(os.environ):
        if name.startswith("FLEET_") or name == "DAGSTER_HOME":
            monkeypatch.delenv(name)
