"""The core's sentences: English as plain text (CLI, logs, tests), French on demand."""

from __future__ import annotations

import pytest

from logeas_tui.core import numbers
from logeas_tui.core.errors import HelpdeskError, Refused
from logeas_tui.core.sentences import Sentence
from logeas_tui.core.services import tickets
from logeas_tui.texts import Catalog

FRENCH = Catalog("fr")


def test_a_sentence_is_its_english_text_and_can_be_said_in_french():
    said = Sentence("nothing_to_reopen", number="2026112410000019", state="open")
    assert (
        said
        == "Ticket 2026112410000019 is open, not closed or pending: there is nothing to reopen."
    )
    assert FRENCH.say(said) == (
        "Le ticket 2026112410000019 est ouvert, ni fermé ni en attente : rien à rouvrir."
    )


def test_errors_raised_by_services_carry_their_sentence(desk):
    number = tickets.create_phone_ticket(
        desk, customer="a@client.example", queue="LoGeAs", subject="s", body="b", owner="Nicolas"
    ).number
    with pytest.raises(Refused) as err:
        tickets.reopen(desk, number)
    assert "nothing to reopen" in str(err.value)
    assert "rien à rouvrir" in FRENCH.say(err.value)
    assert FRENCH.say(HelpdeskError("plain text")) == "plain text"


def test_a_mistyped_ticket_number_is_explained_in_either_language():
    wrong = "2026112410000018"  # the check digit of …0001 is 9
    said = numbers.explain_invalid(wrong)
    assert said == f"{wrong} has a wrong check digit: it was probably mistyped."
    assert (
        FRENCH.say(said) == f"{wrong} a un chiffre de contrôle faux : il a sans doute été mal tapé."
    )
    assert FRENCH.say(numbers.explain_invalid("2026")) == (
        "Un numéro de ticket a 16 chiffres ; 2026 en a 4."
    )
