"""Queries compiled once and run many times with new parameters.

Building SQL from a peewee query costs about 0.1 ms of Python per statement,
which is most of the time of a ticket operation on a local database. The few
statements on the hot path (issue, call-next, the change feed) are written as
ordinary peewee queries with named :class:`Param` placeholders, compiled to SQL
once per database dialect, and then executed directly with the values.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable, Mapping
from typing import Any

import peewee as pw

from app.db import backend_of, database


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


class Prepared:
    """A query built by ``build(variant)``, compiled once per dialect and variant."""

    def __init__(self, build: Callable[[Any], pw.BaseQuery]) -> None:
        self._build = build
        self._compiled: dict[tuple[str, Hashable], tuple[str, list[object]]] = {}

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
        if backend_of(database) == "sqlite":
            args = [_adapt_for_sqlite(a) for a in args]
        return database.obj.execute_sql(sql, args)


def model_from_row(model: type[pw.Model], row: tuple[Any, ...]) -> Any:
    """A model instance from a ``model.select()`` row, with peewee's type conversions."""
    fields = model._meta.sorted_fields
    data = {f.name: (f.python_value(v) if v is not None else None) for f, v in zip(fields, row,
                                                                                    strict=True)}
    return model(__no_default__=True, **data)
