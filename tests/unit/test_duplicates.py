"""Finding duplicates: the customer's other live tickets first (by address, or by phone digits),
then live tickets of the last 30 days with a similar subject, newest first; closed, merged and
deleted tickets are never offered; a strong candidate is the same customer's with the same
subject or from the same two days."""

from __future__ import annotations

from datetime import timedelta

import pytest

from logeas_tui.core.clock import FixedClock
from logeas_tui.core.errors import NotFound
from logeas_tui.core.services import duplicates, handoff, merge, tickets
from logeas_tui.core.services.desk import Desk
from logeas_tui.core.store.models import Queue
from logeas_tui.core.store.tx import writing
from tests.factories import stored_mail


def mail(desk: Desk, subject: str, sender: str = "marie@exemple.fr", body: str = "") -> str:
    """A new mail ticket, then the clock moves on an hour (so "newest" means something)."""
    number = stored_mail(
        desk, sender=sender, name="", subject=subject, body=body or f"Bonjour,\n{subject}\n"
    )
    clock: FixedClock = desk.clock  # type: ignore[assignment]
    clock.advance(timedelta(hours=1))
    return number


def later(desk: Desk, days: int) -> None:
    clock: FixedClock = desk.clock  # type: ignore[assignment]
    clock.advance(timedelta(days=days))


def numbers_of(found: list[duplicates.Candidate]) -> list[str]:
    return [c.number for c in found]


def test_subjects_are_compared_without_prefixes_case_or_accents() -> None:
    norm = duplicates.normalised
    assert norm("Re: TR: [Ticket#2026112410000011] Problème d'IMPRESSION") == (
        "probleme d impression"
    )
    assert norm("Fwd: RE : impression") == "impression"
    assert duplicates.similar(
        norm("Sauvegarde impossible sur le serveur"), "sauvegarde serveur impossible"
    )
    assert not duplicates.similar(norm("Sauvegarde impossible"), norm("Impression impossible"))
    assert not duplicates.similar("", "")


def test_the_customers_other_tickets_come_first_newest_first(desk: Desk) -> None:
    older = mail(desk, "Licence expirée", sender="Marie@Exemple.fr")
    stranger = mail(desk, "Imprimante bloquée", sender="paul@ailleurs.example")
    newer = mail(desk, "Mot de passe oublié", sender="marie@exemple.fr")
    alike = mail(desk, "Re: imprimante bloquee", sender="jean@autre.example")
    this = mail(desk, "Imprimante bloquée encore", sender="MARIE@exemple.fr")

    found = duplicates.candidates(desk, this)

    assert numbers_of(found) == [newer, older, alike, stranger]
    assert [c.same_customer for c in found] == [True, True, False, False]
    assert found[0].subject == "Mot de passe oublié"
    assert found[0].first_line == "Mot de passe oublié"  # the greeting line is skipped
    assert found[0].state == "new"


def test_phone_placeholders_match_by_their_digits(desk: Desk) -> None:
    first = tickets.create_phone_ticket(
        desk,
        customer="01 23 45 67 89",
        queue="LoGeAs",
        subject="Rappel",
        body="Rappeler.",
        owner="Nicolas",
    ).number
    with writing():  # a placeholder written some other way (imported from the old system)
        other = tickets.new_ticket(
            desk,
            Queue.get(Queue.name == "LoGeAs"),
            customer="01.23.45.67.89@logeas.fr",
            customer_name="",
            subject="Autre appel",
        ).number
    neighbour = tickets.create_phone_ticket(
        desk,
        customer="01 23 45 67 00",
        queue="LoGeAs",
        subject="Sans rapport",
        body=".",
        owner="Nicolas",
    ).number
    later(desk, 1)
    this = tickets.create_phone_ticket(
        desk,
        customer="+33 1 23 45 67 89",
        queue="LoGeAs",
        subject="Encore",
        body="Rappel.",
        owner="Nicolas",
    ).number

    found = numbers_of(duplicates.candidates(desk, this))

    assert set(found) == {first, other}
    assert neighbour not in found


def test_similar_subjects_only_from_the_last_30_days(desk: Desk) -> None:
    old = mail(desk, "Sauvegarde impossible sur le serveur", sender="a@exemple.fr")
    later(desk, 31)
    recent = mail(desk, "TR: sauvegarde serveur impossible", sender="b@exemple.fr")
    mail(desk, "Facture de novembre", sender="c@exemple.fr")
    this = mail(desk, "Re: Sauvegarde impossible sur le serveur", sender="d@exemple.fr")

    assert numbers_of(duplicates.candidates(desk, this)) == [recent]
    assert old  # 31 days old: not offered


def test_closed_merged_and_deleted_tickets_are_not_offered(desk: Desk) -> None:
    closed = mail(desk, "Licence", sender="marie@exemple.fr")
    tickets.close(desk, closed)
    merged_away = mail(desk, "Licence", sender="marie@exemple.fr")
    kept = mail(desk, "Licence", sender="marie@exemple.fr")
    merge.merge(desk, merged_away, kept)
    deleted = mail(desk, "Licence", sender="marie@exemple.fr")
    handoff.move(desk, deleted, "Delete")
    this = mail(desk, "Licence", sender="marie@exemple.fr")

    assert numbers_of(duplicates.candidates(desk, this)) == [kept]  # merge left it open


def test_strong_when_same_customer_and_same_subject_or_two_days(desk: Desk) -> None:
    same_subject = mail(desk, "Licence expirée")
    later(desk, 10)
    other_subject_old = mail(desk, "Mot de passe")
    later(desk, 5)
    other_subject_recent = mail(desk, "Imprimante")
    this = mail(desk, "RE: licence expiree")

    found = {c.number: c.strong for c in duplicates.candidates(desk, this)}

    assert found == {same_subject: True, other_subject_old: False, other_subject_recent: True}
    # the detail names the newest strong one
    assert duplicates.strong_duplicate(desk, this) == other_subject_recent


def test_a_similar_subject_from_someone_else_is_never_strong(desk: Desk) -> None:
    mail(desk, "Licence expirée", sender="paul@ailleurs.example")
    this = mail(desk, "Licence expirée", sender="marie@exemple.fr")

    found = duplicates.candidates(desk, this)
    assert [c.strong for c in found] == [False]
    assert duplicates.strong_duplicate(desk, this) is None


def test_capped(desk: Desk) -> None:
    for k in range(12):
        mail(desk, f"Demande {k}")
    this = mail(desk, "Autre demande")
    assert len(duplicates.candidates(desk, this)) == duplicates.LIMIT


def test_an_unknown_number_is_said(desk: Desk) -> None:
    with pytest.raises(NotFound):
        duplicates.candidates(desk, "2026112410000011")
