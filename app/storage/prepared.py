"""Queries compiled once and run many times with new parameters.

Building SQL from a peewee query costs about 0.1 ms of Python per statement,
which is most of the time of a ticket operation on a local database. The few
statements on the hot path (issue, call-next, the change feed) are written as
ordinary peewee queries with named :class:`Param` placeholders, compiled to SQL
once per database dialect, and then executed directly with the values.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Callable, Hashable, Mapping
from typing import Any

import peewee as pw

from app.storage.db import backend_of, database


class _Slot:
    """Stands in the compiled parameter list for a named value."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name


class Param(pw.ColumnBase):
    """A named placeholder: ``Ticket.id == Param("id")``."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name

    def __sql__(self, ctx: pw.Context) -> pw.Context:
        # converter=False: the value is supplied (and adapted) at execution time.
        return ctx.value(_Slot(self.name), converter=False)


def _adapt_for_sqlite(value: object) -> object:
    # The text forms peewee itself stores, without relying on sqlite3's default
    # date adapters (deprecated since Python 3.12).
    if isinstance(value, dt.datetime):
        return value.isoformat(" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


_names = itertools.count(1)


class Prepared:
    """A query built by ``build(variant)``, compiled once per dialect and variant.

    On PostgreSQL it is also prepared on the server (``PREPARE``) once per
    connection, so the server plans it once rather than on every call: planning
    a join costs more than running it on the short tables of an office.
    """

    def __init__(self, build: Callable[[Any], pw.BaseQuery]) -> None:
        self._build = build
        self._compiled: dict[tuple[str, Hashable], tuple[str, list[object]]] = {}
        self._server_names: dict[Hashable, str] = {}

    def sql(self, variant: Hashable = None) -> tuple[str, list[object]]:
        key = (backend_of(database), variant)
        compiled = self._compiled.get(key)
        if compiled is None:
            sql, values = self._build(variant).sql()
            compiled = self._compiled[key] = (sql, list(values))
        return compiled

    def execute(self, params: Mapping[str, object], variant: Hashable = None) -> Any:
        """Run with ``params`` (by placeholder name); returns the driver's cursor."""
        sql, values = self.sql(variant)
        args = [params[v.name] if isinstance(v, _Slot) else v for v in values]
        backend = backend_of(database)
        if backend == "sqlite":
            args = [_adapt_for_sqlite(a) for a in args]
        elif backend == "postgresql":
            return self._execute_prepared(sql, args, variant)
        return database.obj.execute_sql(sql, args)

    def _execute_prepared(self, sql: str, args: list[object], variant: Hashable) -> Any:
        db = database.obj
        name = self._server_names.get(variant)
        if name is None:
            name = self._server_names[variant] = f"loket_{next(_names)}"
        conn = db.connection()
        prepared = _prepared_on(conn)
        if name not in prepared:
            numbered = iter(range(1, len(args) + 1))
            server_sql = re.sub(r"%s", lambda _: f"${next(numbered)}", sql)
            db.execute_sql(f"PREPARE {name} AS {server_sql}")
            prepared.add(name)
        placeholders = ", ".join(["%s"] * len(args))
        return db.execute_sql(f"EXECUTE {name} ({placeholders})" if args
                              else f"EXECUTE {name}", args)


# Statements prepared on each PostgreSQL connection. The connection object is kept
# as part of the value so that its id cannot be reused by a later connection.
_server_prepared: dict[int, tuple[object, set[str]]] = {}


def _prepared_on(conn: object) -> set[str]:
    entry = _server_prepared.get(id(conn))
    if entry is None or entry[0] is not conn:
        for key, (old, _) in list(_server_prepared.items()):
            if getattr(old, "closed", 0):  # a connection lost in an outage
                del _server_prepared[key]
        entry = _server_prepared[id(conn)] = (conn, set())
    return entry[1]


def model_from_row(model: type[pw.Model], row: tuple[Any, ...]) -> Any:
    """A model instance from a ``model.select()`` row, with peewee's type conversions."""
    fields = model._meta.sorted_fields
    data = {f.name: (f.python_value(v) if v is not None else None) for f, v in zip(fields, row,
                                                                                    strict=True)}
    return model(__no_default__=True, **data)
