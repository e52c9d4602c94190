"""Writing many rows fast: PostgreSQL's COPY through psycopg 3, plain executemany on SQLite.

Rows are tuples of Python values in the order of the field names given, exactly as the
models store them (no `auto_now` or defaults are applied), so both databases get the same data.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from itertools import islice

from django.db import connection, models

SQLITE_BATCH = 5_000


class Dumped(str):
    """JSON already serialised: written as it is, not serialised again."""


def dumped(value: object) -> Dumped:
    return Dumped(json.dumps(value))


def _batches(rows: Iterable[tuple], size: int) -> Iterable[list[tuple]]:
    iterator = iter(rows)
    while batch := list(islice(iterator, size)):
        yield batch


class RowWriter:
    """Inserts rows into one model's table on the current database connection."""

    def __init__(self) -> None:
        self.is_postgres = connection.vendor == "postgresql"

    def insert(self, model: type[models.Model], field_names: Sequence[str], rows: Iterable) -> int:
        """Insert `rows` (tuples of values for `field_names`); return how many."""
        fields = [model._meta.get_field(name) for name in field_names]
        if self.is_postgres:
            return self._copy(model, fields, rows)
        return self._executemany(model, fields, rows)

    def _copy(self, model, fields, rows) -> int:
        is_json = [isinstance(field, models.JSONField) for field in fields]
        columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
        table = connection.ops.quote_name(model._meta.db_table)
        count = 0
        with (
            connection.cursor() as cursor,
            cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy,
        ):
            if any(is_json):
                for row in rows:
                    copy.write_row(
                        [
                            (value if isinstance(value, Dumped) else json.dumps(value))
                            if json_field
                            else value
                            for value, json_field in zip(row, is_json, strict=True)
                        ]
                    )
                    count += 1
            else:
                for row in rows:
                    copy.write_row(row)
                    count += 1
        return count

    def _executemany(self, model, fields, rows) -> int:
        columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
        placeholders = ", ".join(["%s"] * len(fields))
        table = connection.ops.quote_name(model._meta.db_table)
        # Names come from the model's metadata; every value is a query parameter.
        sql = f"INSERT INTO {table} ({columns}) VALUES ({placeholders})"  # noqa: S608

        def prepared(value, field):
            if isinstance(value, Dumped):
                return str(value)
            return field.get_db_prep_save(value, connection)

        count = 0
        with connection.cursor() as cursor:
            for batch in _batches(rows, SQLITE_BATCH):
                cursor.executemany(
                    sql,
                    [[prepared(v, f) for v, f in zip(row, fields, strict=True)] for row in batch],
                )
                count += len(batch)
        return count

    def reserve_ids(self, model: type[models.Model], count: int) -> list[int]:
        """Primary keys for `count` new rows, so rows that point at them can be written in
        the same pass. Call inside the transaction that inserts them."""
        if count == 0:
            return []
        table = model._meta.db_table
        with connection.cursor() as cursor:
            if self.is_postgres:
                cursor.execute(
                    "SELECT nextval(pg_get_serial_sequence(%s, 'id')) "
                    "FROM generate_series(1, %s) ORDER BY 1",
                    [table, count],
                )
                return [row[0] for row in cursor.fetchall()]
            # SQLite: the transaction holds the write lock (transaction_mode IMMEDIATE).
            quoted = connection.ops.quote_name(table)
            cursor.execute(f"SELECT COALESCE(MAX(id), 0) FROM {quoted}")  # noqa: S608
            first = cursor.fetchone()[0] + 1
            return list(range(first, first + count))

    def analyze(self, models_: Iterable[type[models.Model]]) -> None:
        """Refresh the planner's statistics, so query plans match the data just loaded."""
        with connection.cursor() as cursor:
            for model in models_:
                table = connection.ops.quote_name(model._meta.db_table)
                cursor.execute(f"ANALYZE {table}")
