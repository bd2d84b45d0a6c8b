"""The text catalogues (`logeas_tui/texts/`): both languages say the same things with the same
`{fields}`, every sentence the core says and every state has a text in both, state names are
written in the catalogues only, and a missing key shows itself."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from logeas_tui.core import procedure
from logeas_tui.core.sentences import Sentence
from logeas_tui.texts import CATALOGUES, Catalog, en, fr

PACKAGE = Path(__file__).resolve().parents[2] / "logeas_tui"


def fields(text: str) -> set[tuple[str, str | None]]:
    """The `{name}` / `{name!r}` fields of a text, with their conversion."""
    return {(name, conv) for _, name, _, conv in string.Formatter().parse(text) if name}


def test_both_catalogues_have_the_same_keys() -> None:
    assert sorted(set(fr.TEXTS) - set(en.TEXTS)) == []
    assert sorted(set(en.TEXTS) - set(fr.TEXTS)) == []


@pytest.mark.parametrize("key", sorted(en.TEXTS))
def test_both_versions_of_a_text_have_the_same_fields(key: str) -> None:
    assert fr.TEXTS[key].strip() and en.TEXTS[key].strip()
    assert fields(fr.TEXTS[key]) == fields(en.TEXTS[key])


def sentence_keys() -> set[str]:
    """Every key the core builds a Sentence from: literal `Sentence("key", …)` calls, and the
    procedure table's refusals."""
    keys = {action.refused for action in procedure.ACTIONS.values()}
    for path in (PACKAGE / "core").rglob("*.py"):
        keys |= set(re.findall(r"""\bSentence\(\s*["'](\w+)["']""", path.read_text()))
    return keys


def test_every_sentence_of_the_core_is_in_both_catalogues() -> None:
    keys = sentence_keys()
    assert {"no_ticket", "merged_away", "number_check_digit", "delete_grace"} <= keys
    for language, catalogue in CATALOGUES.items():
        assert sorted(keys - set(catalogue)) == [], language


def test_every_state_has_a_long_and_a_short_name_in_both_catalogues() -> None:
    for catalogue in CATALOGUES.values():
        for state in procedure.STATES:
            assert catalogue[f"state.{state}"] and catalogue[f"state.short.{state}"], state
    assert Catalog("fr").state(procedure.PENDING) == "en attente de rappel"
    assert Catalog("fr").state(procedure.PENDING, short=True) == "en attente"
    assert Catalog("en").state(procedure.CLOSED_KO, short=True) == "closed ✗"


def test_state_names_are_written_in_the_catalogues_only() -> None:
    """No second table of state names: outside `texts/`, no module spells a French one as a
    string (the English long names are the stored values, kept in core/procedure.py)."""
    names = {text for key, text in fr.TEXTS.items() if key.startswith("state.")}
    quoted = re.compile("|".join(rf"""["']{re.escape(name)}["']""" for name in names))
    for path in PACKAGE.rglob("*.py"):
        if path.parent.name != "texts":
            assert not quoted.findall(path.read_text()), path


def test_a_sentence_is_said_in_the_catalogues_language_with_its_state_named_there() -> None:
    said = Sentence("already_state", number="2026112410000019", state=procedure.PENDING)
    assert said == en.TEXTS["already_state"].format(
        number="2026112410000019", state=en.TEXTS["state.pending reminder"]
    )
    assert Catalog("fr").say(said) == fr.TEXTS["already_state"].format(
        number="2026112410000019", state=fr.TEXTS["state.pending reminder"]
    )
    assert Catalog("en").say(said) == said


def test_a_missing_key_shows_itself() -> None:
    assert Catalog("fr").t("dlg.no_such_text") == "dlg.no_such_text"
    assert Catalog("en").t("dlg.no_such_text", number="1") == "dlg.no_such_text"
    assert Sentence("no_such_sentence", number="1") == "no_such_sentence"
    assert Catalog("fr").say(Sentence("no_such_sentence")) == "no_such_sentence"
