"""The core's sentences: English as plain text (CLI, logs, tests), French on demand."""

from __future__ import annotations

import pytest

from logeas_tui.core.errors import HelpdeskError, Refused
from logeas_tui.core.sentences import Sentence, localized
from logeas_tui.core.services import tickets


def test_a_sentence_is_its_english_text_and_can_be_said_in_french():
    said = Sentence("nothing_to_reopen", number="2026112410000019", state="open")
    assert (
        said
        == "Ticket 2026112410000019 is open, not closed or pending: there is nothing to reopen."
    )
    assert said.in_language("fr") == (
        "Le ticket 2026112410000019 est ouvert, ni fermé ni en attente : rien à rouvrir."
    )


def test_errors_raised_by_services_carry_their_sentence(desk):
    number = tickets.create_phone_ticket(
        desk, customer="a@client.example", queue="LoGeAs", subject="s", body="b", owner="Nicolas"
    ).number
    with pytest.raises(Refused) as err:
        tickets.reopen(desk, number)
    assert "nothing to reopen" in str(err.value)
    assert "rien à rouvrir" in localized(err.value, "fr")
    assert localized(HelpdeskError("plain text"), "fr") == "plain text"
