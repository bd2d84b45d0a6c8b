"""SQL statements built once per table, engine and columns, for `BaseModel`'s shortcuts
(`create`, `find`, `upsert`, `raise_to`): building a peewee query anew for each received mail
cost more than running it (issue 10). Each takes the model, the engine (for its parameter mark
and whether it returns new ids) and the field names; what it builds is kept for the next call.
"""

from __future__ import annotations

from typing import Any

from peewee import Model

_Built = dict[tuple[type[Model], type[Any], tuple[str, ...]], str]
_INSERTS: _Built = {}
_MANY: _Built = {}
_SELECTS: _Built = {}
_UPSERTS: _Built = {}
_RAISES: _Built = {}


def insert_sql(model: type[Model], engine: Any, names: tuple[str, ...]) -> str:
    """The INSERT of `names` into `model`'s table on `engine` (with the new id returned where
    the engine says it so), built on first use."""
    cache_key = (model, type(engine), names)
    sql = _INSERTS.get(cache_key)
    if sql is None:
        sql = _insert(model, engine, names)
        if engine.returning_clause:
            key: Any = model._meta.primary_key
            sql += f' RETURNING "{key.column_name}"'
        _INSERTS[cache_key] = sql
    return sql


def many_sql(model: type[Model], engine: Any, names: tuple[str, ...]) -> str:
    """The INSERT of `names` into `model`'s table on `engine`, no id returned: for
    `executemany`, built on first use."""
    cache_key = (model, type(engine), names)
    sql = _MANY.get(cache_key)
    if sql is None:
        sql = _MANY[cache_key] = _insert(model, engine, names)
    return sql


def _insert(model: type[Model], engine: Any, names: tuple[str, ...]) -> str:
    fields = model._meta.fields
    columns = ", ".join(f'"{fields[n].column_name}"' for n in names)
    marks = ", ".join([engine.param] * len(names))
    return f'INSERT INTO "{model._meta.table_name}" ({columns}) VALUES ({marks})'


def select_sql(model: type[Model], engine: Any, names: tuple[str, ...]) -> str:
    """The SELECT of `model`'s first row (by id) with `names` equal to parameters on
    `engine`, built on first use."""
    cache_key = (model, type(engine), names)
    sql = _SELECTS.get(cache_key)
    if sql is None:
        fields = model._meta.fields
        columns = ", ".join(f'"{f.column_name}"' for f in model._meta.sorted_fields)
        where = " AND ".join(f'"{fields[n].column_name}" = {engine.param}' for n in names)
        key: Any = model._meta.primary_key
        sql = (
            f'SELECT {columns} FROM "{model._meta.table_name}" WHERE {where} '
            f'ORDER BY "{key.column_name}" LIMIT 1'
        )
        _SELECTS[cache_key] = sql
    return sql


def upsert_sql(
    model: type[Model], engine: Any, names: tuple[str, ...], keys: tuple[str, ...]
) -> str:
    """The INSERT of `names` that updates the others than `keys` on their conflict."""
    cache_key = (model, type(engine), (*names, "|", *keys))
    sql = _UPSERTS.get(cache_key)
    if sql is None:
        fields = model._meta.fields
        conflict = ", ".join(f'"{fields[n].column_name}"' for n in keys)
        changed = ", ".join(
            f'"{fields[n].column_name}" = EXCLUDED."{fields[n].column_name}"'
            for n in names
            if n not in keys
        )
        sql = f"{_insert(model, engine, names)} ON CONFLICT ({conflict}) DO UPDATE SET {changed}"
        _UPSERTS[cache_key] = sql
    return sql


def raise_sql(model: type[Model], engine: Any, name: str) -> str:
    """The UPDATE raising column `name` of one row (by id) to a parameter."""
    cache_key = (model, type(engine), (name,))
    sql = _RAISES.get(cache_key)
    if sql is None:
        column = model._meta.fields[name].column_name
        key: Any = model._meta.primary_key
        mark = engine.param
        sql = (
            f'UPDATE "{model._meta.table_name}" SET "{column}" = {mark} '
            f'WHERE "{key.column_name}" = {mark} AND "{column}" < {mark}'
        )
        _RAISES[cache_key] = sql
    return sql
