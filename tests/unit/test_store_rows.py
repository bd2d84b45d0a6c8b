"""The row builders that the services and the demo generator both write through name every
column of their table, with the model's own defaults: a column added to a model and forgotten
here fails this test instead of being left empty by one writer."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

import pytest
from peewee import Model

from logeas_tui.core.store.models import History, Message, Ticket
from logeas_tui.core.store.rows import history_row, message_row, ticket_row

AT = datetime(2026, 11, 24, 9, 30)
# Columns this version never writes: `message.raw`, left for copies of the app older than
# schema v8 (a received mail's bytes are written by store.raw_mails).
NOT_WRITTEN = {"legacy_raw"}


@pytest.mark.parametrize(
    ("model", "build", "required"),
    [
        (Ticket, ticket_row, {"number": "N", "queue": 1, "created": AT, "updated": AT}),
        (Message, message_row, {"ticket": 1, "kind": "note", "date": AT}),
        (History, history_row, {"ticket": 1, "at": AT, "who": "Nicolas", "action": "note"}),
    ],
)
def test_a_row_names_every_column_with_the_models_defaults(
    model: type[Model], build: Callable[..., dict[str, Any]], required: dict[str, Any]
) -> None:
    row = build(**required)
    assert set(row) == set(model._meta.fields) - {"id"} - NOT_WRITTEN
    for name, value in row.items():
        if name not in required:
            assert value == model._meta.fields[name].default, name
