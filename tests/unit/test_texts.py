"""Canned answers, documentation references and mail templates are data under `data/`,
chosen by language, with placeholders filled in."""

from __future__ import annotations

from pathlib import Path

import pytest

from logeas_tui.core import texts
from logeas_tui.core.config import DATA_DIR
from logeas_tui.core.errors import ConfigError, NotFound


def test_canned_answers_in_the_chosen_language() -> None:
    english = {c.name: c for c in texts.canned_answers(DATA_DIR, "en")}
    french = {c.name: c for c in texts.canned_answers(DATA_DIR, "fr")}
    assert english["merci"].title == "Thanks, request handled"
    assert french["merci"].title == "Remerciement, demande traitée"
    assert english["merci"].body.startswith("Hello ${customer_name},")
    assert not english["merci"].body.startswith("Title:")


def test_a_canned_answer_missing_in_a_language_falls_back() -> None:
    english = {c.name: c for c in texts.canned_answers(DATA_DIR, "en")}
    assert english["rendez-vous"].body.startswith("Bonjour")  # only written in French


def test_canned_answers_are_listed_once_each_in_name_order() -> None:
    names = [c.name for c in texts.canned_answers(DATA_DIR, "fr")]
    assert names == sorted(set(names))
    assert {"merci", "mise-a-jour", "rendez-vous"} <= set(names)


def test_unknown_canned_answer_lists_the_known_ones() -> None:
    with pytest.raises(NotFound, match="merci"):
        texts.canned(DATA_DIR, "en", "thanks")


def test_fill_replaces_known_placeholders_and_keeps_unknown_ones() -> None:
    body = texts.fill(
        "Bonjour ${customer_name}, ticket $number, $unknown, 100$",
        customer_name="Mme Martin",
        number="2026112410000019",
    )
    assert body == "Bonjour Mme Martin, ticket 2026112410000019, $unknown, 100$"


def test_a_canned_file_without_title_uses_its_name(tmp_path: Path) -> None:
    (tmp_path / "canned").mkdir()
    (tmp_path / "canned" / "plain.txt").write_text("Just text\n", encoding="utf-8")
    [answer] = texts.canned_answers(tmp_path, "en")
    assert (answer.name, answer.title, answer.body) == ("plain", "plain", "Just text\n")


def test_documentation_references() -> None:
    doc = texts.doc_ref(DATA_DIR, "install")
    assert doc.url.startswith("https://")
    assert doc.title and doc.summary
    assert [d.ref for d in texts.doc_refs(DATA_DIR)][:2] == ["install", "sauvegarde"]
    with pytest.raises(NotFound, match="install"):
        texts.doc_ref(DATA_DIR, "nothing")


def test_a_broken_docs_file_is_named(tmp_path: Path) -> None:
    (tmp_path / "docs.toml").write_text('[[doc]]\nref = "x"\ntitle = "T"\n', encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        texts.doc_refs(tmp_path)
    assert str(tmp_path / "docs.toml") in str(caught.value)
    assert "url" in str(caught.value)
    (tmp_path / "docs.toml").write_text("[[doc]\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="docs.toml"):
        texts.doc_refs(tmp_path)


def test_templates_by_language_with_french_fallback(tmp_path: Path) -> None:
    assert "Hello" in texts.template(DATA_DIR, "doc", "en")
    assert "Bonjour" in texts.template(DATA_DIR, "doc", "fr")
    assert "Bonjour" in texts.template(DATA_DIR, "doc", "de")
    with pytest.raises(NotFound):
        texts.template(DATA_DIR, "nothing", "en")
