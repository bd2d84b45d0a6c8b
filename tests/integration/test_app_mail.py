"""The app's background mail worker against real servers: a customer mail delivered to
Dovecot shows up in the running app after "sync now", with a notice, without a restart."""

from __future__ import annotations

from dataclasses import replace

import pytest

from logeas_tui.app import LogeasApp
from logeas_tui.core.store.models import Ticket
from tests.integration.mailflow import customer_mail, mail_desk, received
from tests.ui.conftest import settle

pytestmark = pytest.mark.integration


async def _until(pilot, condition, tries: int = 250) -> bool:
    for _ in range(tries):
        if condition():
            return True
        await pilot.pause(0.02)
    return condition()


async def test_new_mail_appears_in_the_running_app(desk, dovecot, smtp_server):
    desk, user = mail_desk(desk, dovecot, smtp_server)
    hour = replace(desk.config.imap, poll_seconds=3600)  # only "sync now" can bring it in time
    desk = replace(desk, config=replace(desk.config, imap=hour))
    app = LogeasApp(desk)
    async with app.run_test(size=(120, 40)) as pilot:
        status = app.screen.query_one("#sync")
        assert await _until(pilot, lambda: status.last_sync is not None)
        assert Ticket.select().count() == 0

        dovecot.append(user, "pw", customer_mail("Clôture impossible"))
        await pilot.press("s")  # sync now

        assert await _until(pilot, lambda: Ticket.select().count() == 1)
        notices = lambda: [n.message for n in app._notifications]  # noqa: E731
        assert await _until(pilot, lambda: any("1 new ticket" in m for m in notices()))
        await settle(pilot)
        listed = app.screen.ticket_list
        number = Ticket.get().number
        assert await _until(
            pilot,
            lambda: any(
                listed.row_at(i) is not None and listed.row_at(i).number == number
                for i in range(listed.count)
            ),
        )
        assert "Mail synced" in str(status.render())
    assert len(received(smtp_server)) == 1  # its acknowledgement went out from the app


async def test_the_app_shows_which_copy_syncs_the_mail_for_the_team(desk, dovecot, smtp_server):
    from logeas_tui.core.services import mail_lease
    from logeas_tui.core.store import leases

    desk, user = mail_desk(desk, dovecot, smtp_server)
    dovecot.append(user, "pw", customer_mail("Clôture impossible"))
    now = desk.now()
    leases.take(mail_lease.MAIL, "Guillaume@pc-atelier:4242", now, now + mail_lease.LEASE)
    app = LogeasApp(desk)
    async with app.run_test(size=(120, 40)) as pilot:
        status = app.screen.query_one("#sync")
        assert await _until(pilot, lambda: status.last_sync is not None)
        assert "Mail: synced by Guillaume's copy on pc-atelier" in str(status.render())
    assert Ticket.select().count() == 0  # that copy fetches, not this one
    assert received(smtp_server) == []
