"""The action registry is the one list of the UI's actions: the app's and the main screen's
bindings, the key bar's order and the help's groups come from it, and every ticket action in
it is a row of the procedure's table with a flow and its texts."""

from __future__ import annotations

from logeas_tui import actions
from logeas_tui.app import LogeasApp
from logeas_tui.core import procedure
from logeas_tui.screens import flows
from logeas_tui.screens.main import MainScreen
from logeas_tui.texts import CATALOGUES


def _ids(bindings: object) -> list[str | None]:
    return [b.id for b in bindings]  # type: ignore[attr-defined]


def test_the_app_and_the_main_screen_bind_what_the_registry_says() -> None:
    assert _ids(LogeasApp.BINDINGS) == [a.id for a in actions.REGISTRY if a.scope == actions.APP]
    assert _ids(MainScreen.BINDINGS) == [a.id for a in actions.REGISTRY if a.scope == actions.MAIN]


def test_every_ticket_action_is_a_row_of_the_procedure_with_a_flow_and_texts() -> None:
    for action in actions.REGISTRY:
        if not action.on_ticket:
            continue
        assert action.id in procedure.ACTIONS
        assert callable(getattr(flows, action.flow, None)), action.flow  # loaded on its key
        for key in (f"act.{action.id}", f"act.{action.id}.long", f"cmd.{action.id}"):
            assert all(key in catalogue for catalogue in CATALOGUES.values()), key


def test_keys_are_not_bound_twice_in_one_scope() -> None:
    for scope in (actions.APP, actions.MAIN):
        keys = [k for a in actions.REGISTRY if a.scope == scope for k in a.keys.split(",")]
        assert len(keys) == len(set(keys)), scope


def test_help_groups_come_from_the_registry() -> None:
    assert actions.group_of("merge") == actions.ACTIONS
    assert actions.group_of("phone") == actions.ACTIONS
    assert actions.group_of("quit") == actions.OTHER
    assert actions.group_of("search") == actions.NAVIGATION
    assert actions.group_of("cursor_down") == actions.NAVIGATION  # a pane's own key
