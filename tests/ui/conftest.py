"""UI fixtures: a store seeded through the core services with a handful of tickets of every
kind (mail, phone, notes, a reminder due, a merge, held and obsolete queues), a fixed clock
(Tuesday 2026-11-24 10:30 Paris), and `settle` to wait for the app's worker threads."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import UTC, datetime

import pytest
from textual.pilot import Pilot

from logeas_tui.app import LogeasApp
from logeas_tui.core.clock import FixedClock
from logeas_tui.core.services import answers, merge, tickets
from logeas_tui.core.services.common import add_message, get_ticket
from logeas_tui.core.services.desk import Desk
from logeas_tui.core.store.models import MAIL_IN, PHONE
from logeas_tui.core.store.tx import writing
from tests.conftest import FIXED_NOW
from tests.factories import stored_mail

IGNORED = {"mail", "action"}  # long-lived workers: the mail loop, a dialog waiting for keys
HOSTILE_SUBJECT = "[bold red]x[/] \x1b[31mrouge\x1b[0m [link=http://evil]clic[/link]"


def at(day: int, hour: int, minute: int = 0) -> datetime:
    """A moment of November 2026, in UTC (Paris is UTC+1 in November)."""
    return datetime(2026, 11, day, hour - 1, minute, tzinfo=UTC)


def mail_in(
    desk: Desk,
    clock: FixedClock,
    when: datetime,
    *,
    sender: str,
    name: str,
    subject: str,
    body: str,
    queue: str = "LoGeAs",
    attachments: tuple[dict[str, object], ...] = (),
) -> str:
    """A ticket created by an incoming mail, as the mail pipeline stores it."""
    clock.set(when)
    return stored_mail(
        desk,
        sender=sender,
        name=name,
        subject=subject,
        body=body,
        queue=queue,
        attachments=attachments,
    )


def customer_writes(desk: Desk, clock: FixedClock, when: datetime, number: str, body: str) -> None:
    """A follow-up mail from the customer on an existing ticket."""
    clock.set(when)
    with writing():
        ticket = get_ticket(number)
        add_message(
            ticket,
            kind=MAIL_IN,
            from_addr=ticket.customer,
            to_addr=desk.config.address,
            subject=f"Re: {ticket.subject}",
            body=body,
            date=desk.now(),
        )


@dataclass(frozen=True)
class Seeded:
    desk: Desk
    clock: FixedClock
    printer: str  # new, mail with attachment, unseen; a duplicate merged into it
    licence: str  # open, owned by Nicolas: mail, note, reply, customer's answer (unseen)
    backup: str  # phone, open, owned by Pétronille
    update: str  # pending reminder, due
    password: str  # phone, closed at once
    erf: str  # in an obsolete queue
    spam: str  # held queue
    duplicate: str  # merged into `printer`


def seed(desk: Desk, clock: FixedClock) -> Seeded:
    guillaume = desk.acting_as("Guillaume")
    update = mail_in(
        desk,
        clock,
        at(18, 9, 40),
        sender="compta@mairie-exemple.fr",
        name="Mairie d'Exemple",
        subject="Mise à jour 2026.3 à planifier",
        body="Bonjour,\nQuand pouvons-nous installer la mise à jour ?\n",
    )
    tickets.assign(desk, update, "Guillaume")
    clock.set(at(19, 11))
    answers.ask_info(guillaume, update, "Quel jour vous conviendrait ?", pending_days=2)

    printer = mail_in(
        desk,
        clock,
        at(20, 9, 15),
        sender="jean.dupont@exemple.fr",
        name="Jean Dupont",
        subject="Impossible d'imprimer les bordereaux",
        body="Bonjour,\n\nDepuis ce matin, l'impression des bordereaux échoue.\n"
        "Le message dit « imprimante introuvable ».\n\nCordialement,\nJean Dupont\n",
        attachments=({"filename": "capture.png", "content_type": "image/png", "size": 48213},),
    )

    licence = mail_in(
        desk,
        clock,
        at(21, 20),
        sender="s.martin@cabinet-martin.fr",
        name="Sophie Martin",
        subject="Erreur de licence au démarrage",
        body="LoGeAs affiche « licence expirée » depuis la mise à jour.\n",
    )
    clock.set(at(23, 9, 5))
    tickets.take(desk, licence)
    tickets.note(desk, licence, "Licence renouvelée le 15/11 : vérifier la clé envoyée.")
    answers.reply(desk, licence, "Bonjour,\nVoici votre nouvelle clé : ABCD-1234.\n")
    tickets.reopen(desk, licence)
    clock.set(at(23, 11, 20))
    with writing():
        add_message(
            get_ticket(licence),
            kind=PHONE,
            from_addr=desk.who,
            subject="Rappel du client",
            author=desk.who,
            date=desk.now(),
            body="Appelé la cliente : elle attend la clé par courriel.",
        )
    customer_writes(
        desk, clock, at(23, 17, 30), licence, "Merci, mais la clé est refusée elle aussi.\n"
    )

    clock.set(at(22, 22))
    backup = tickets.create_phone_ticket(
        desk,
        customer="01 23 45 67 89",
        queue="LoGeAs",
        subject="Question sur la sauvegarde",
        body="Le client demande comment restaurer la sauvegarde de vendredi.\n"
        "Reste à faire : lui envoyer la procédure.",
        owner="Pétronille",
    ).number

    clock.set(at(21, 15))
    password = tickets.create_phone_ticket(
        desk,
        customer="0611223344",
        customer_name="M. Bernard",
        queue="Secrétariat",
        subject="Réinitialisation du mot de passe",
        body="Mot de passe réinitialisé.",
        close=True,
    ).number

    erf = mail_in(
        desk,
        clock,
        at(17, 14),
        sender="erf@exemple.fr",
        name="",
        subject="Relevé ERF 2025",
        body="Ci-joint le relevé.\n",
        queue="LoGeAs:Relation ERF",
    )
    spam = mail_in(
        desk,
        clock,
        at(24, 9, 5),
        sender="promo@gagnant.example",
        name="",
        subject="VOUS AVEZ GAGNÉ",
        body="Cliquez ici.\n",
        queue="Spam",
    )
    duplicate = mail_in(
        desk,
        clock,
        at(20, 9, 40),
        sender="jean.dupont@exemple.fr",
        name="Jean Dupont",
        subject="Re: Impossible d'imprimer",
        body="J'ai oublié : c'est sur le poste de l'accueil.\n",
    )
    clock.set(at(20, 10))
    merge.merge(desk, duplicate, printer)
    clock.set(FIXED_NOW)
    return Seeded(desk, clock, printer, licence, backup, update, password, erf, spam, duplicate)


@pytest.fixture
def seeded(desk: Desk, clock: FixedClock) -> Seeded:
    return seed(desk, clock)


@pytest.fixture
def hostile(seeded: Seeded) -> str:
    """A mail whose subject and body carry markup and terminal escape codes."""
    number = mail_in(
        seeded.desk,
        seeded.clock,
        at(24, 8, 55),
        sender="mallory@exemple.com",
        name="[i]Mallory[/i]",
        subject=HOSTILE_SUBJECT,
        body="Texte \x1b[2J\x1b[H effacé ? [b]gras[/b]\x07\n",
    )
    seeded.clock.set(FIXED_NOW)
    return number


@pytest.fixture
def app(seeded: Seeded) -> LogeasApp:
    seeded.clock.set(FIXED_NOW)
    return LogeasApp(seeded.desk)


async def settle(pilot: Pilot) -> None:
    """Wait until the worker threads (counts, pages, opened ticket) have reported back."""
    app = pilot.app
    for _ in range(200):
        await pilot.pause()
        busy = [w for w in app.workers if w.group not in IGNORED and not w.is_finished]
        if not busy:
            await pilot.pause()
            if not [w for w in app.workers if w.group not in IGNORED and not w.is_finished]:
                return
        await asyncio.sleep(0.01)
    raise AssertionError(f"workers still running: {busy}")
