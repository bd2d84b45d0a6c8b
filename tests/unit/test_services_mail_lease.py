"""One mail worker for the team: the "mail" lease has one holder at a time, a dead holder's
lease is taken over once it expires, and outbox rows claimed by one sender are never handed to
another (so no customer gets a mail twice)."""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import timedelta

from logeas_tui.core.services import answers, mail_lease
from logeas_tui.core.services.outbox import CLAIM_STALE
from logeas_tui.core.store.claims import claim_outbox
from logeas_tui.core.store.connection import close_store
from tests.factories import stored_mail


def _queue_replies(desk, count: int) -> None:
    for n in range(count):
        number = stored_mail(
            desk,
            sender=f"c{n}@client.example",
            name=f"Client {n}",
            subject=f"Demande {n}",
            body="b",
        )
        answers.reply(desk, number, "Bonjour,\nVoici la procédure.\n")


def test_the_lease_has_one_holder_until_it_expires(desk, clock):
    first, second = replace(desk, copy="pc-accueil:101"), replace(desk, copy="pc-atelier:202")

    assert mail_lease.take(first) is None  # free: taken
    assert mail_lease.take(second) == "pc-accueil:101"  # held by a live copy
    clock.advance(mail_lease.LEASE - timedelta(seconds=1))
    assert mail_lease.take(first) is None  # renewed by its holder...
    clock.advance(mail_lease.LEASE - timedelta(seconds=1))
    assert mail_lease.take(second) == "pc-accueil:101"  # ...so still held

    clock.advance(mail_lease.LEASE)  # the holder died: nobody renewed it
    assert mail_lease.take(second) is None
    assert mail_lease.take(first) == "pc-atelier:202"


def test_a_released_lease_is_free_at_once(desk):
    first, second = replace(desk, copy="pc-accueil:101"), replace(desk, copy="pc-atelier:202")
    assert mail_lease.take(first) is None
    mail_lease.release(second)  # not its lease: nothing happens
    assert mail_lease.take(second) == "pc-accueil:101"
    mail_lease.release(first)
    assert mail_lease.take(second) is None


def test_a_waiting_copy_starts_its_round_as_soon_as_the_lease_falls_free(desk, clock):
    holder, waiting = replace(desk, copy="pc-accueil:101"), replace(desk, copy="pc-atelier:202")
    assert mail_lease.take(holder) is None
    steps: list[float] = []

    def wait(seconds: float) -> bool:
        steps.append(seconds)
        clock.advance(timedelta(seconds=seconds))  # the holder is dead: it renews nothing
        return False

    mail_lease.wait_for_next_round(waiting, 3600, wait, holding=False)
    assert mail_lease.take(holder) == "pc-atelier:202"
    assert sum(steps) < 60  # taken over within a minute of the holder's last renewal


def test_two_claimers_never_get_the_same_outbox_row(desk, clock):
    _queue_replies(desk, 5)
    now = desk.now()
    claim = lambda holder, **kw: claim_outbox(  # noqa: E731
        holder, desk.now(), stale_before=desk.now() - CLAIM_STALE, due_at=now, **kw
    )

    first = [o.id for o in claim("pc-accueil:101", limit=3)]
    second = [o.id for o in claim("pc-atelier:202")]
    assert len(first) == 3 and len(second) == 2
    assert not set(first) & set(second)
    assert claim("pc-atelier:202") == []  # everything is held

    clock.advance(CLAIM_STALE + timedelta(seconds=1))  # both died mid-send
    assert len(claim("pc-atelier:202")) == 5


def test_claimers_in_two_threads_share_the_outbox_without_overlap(desk, db_path):
    _queue_replies(desk, 40)
    now = desk.now()
    got: dict[str, list[int]] = {}

    def claimer(holder: str) -> None:
        mine: list[int] = []
        while rows := claim_outbox(
            holder, now, stale_before=now - CLAIM_STALE, due_at=now, limit=1
        ):
            mine += [o.id for o in rows]
        got[holder] = mine
        close_store()  # this thread's connection

    threads = [threading.Thread(target=claimer, args=(h,)) for h in ("a:1", "b:2")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not set(got["a:1"]) & set(got["b:2"])
    assert len(got["a:1"]) + len(got["b:2"]) == 40


def test_a_holder_on_this_host_whose_process_ended_is_taken_over_at_once(desk):
    import os
    import socket
    import subprocess
    import sys

    ended = subprocess.Popen([sys.executable, "-c", "pass"])
    ended.wait()  # a `logeas sync` that was killed: its pid is gone
    here = socket.gethostname()
    dead = replace(desk, copy=f"{here}:{ended.pid}")
    alive = replace(desk, copy=f"{here}:{os.getpid()}")
    other = replace(desk, copy="pc-atelier:202")

    assert mail_lease.take(dead) is None
    assert mail_lease.take(other) is None  # no need to wait LEASE for a process that is gone
    assert mail_lease.take(alive) == "pc-atelier:202"  # another host's holder: not guessed at
    mail_lease.release(other)
    assert mail_lease.take(alive) is None
    assert mail_lease.take(other) == f"{here}:{os.getpid()}"  # a live process here keeps it
