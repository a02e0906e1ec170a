"""SQL over the catalog for checks, the report and analysts (Athena | DuckDB)."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence

import dagster as dg
import duckdb
import pandas as pd


class SqlEngine(dg.ConfigurableResource, ABC):
    """Runs one SQL query with bound parameters and returns the rows as a DataFrame."""

    @abstractmethod
    def query(self, sql: str, parameters: Sequence[object] = ()) -> pd.DataFrame:
        """Rows of the query; parameters bind to `?` placeholders, never pasted into the text."""


class DuckDbSqlEngine(SqlEngine):
    """Queries the local DuckDB catalog through a read-only connection."""

    database_path: str

    def query(self, sql: str, parameters: Sequence[object] = ()) -> pd.DataFrame:
        with duckdb.connect(self.database_path, read_only=True) as connection:
            return connection.execute(sql, list(parameters)).fetchdf()
