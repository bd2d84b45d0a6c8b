"""`logeas` begins the main screen's first reads before Textual loads (`cli.run_app`): the
screen opens on My review already listed and counted, exactly as if it had read them itself,
and what another process changes meanwhile still shows, at the app's first look."""

from __future__ import annotations

from pathlib import Path

import pytest

from logeas_tui.app import LogeasApp
from logeas_tui.widgets.first_reads import FirstReads
from logeas_tui.widgets.queue_list import QueueList
from tests.conftest import FIXED_NOW
from tests.ui.conftest import Seeded, settle
from tests.ui.test_live import guillaume, list_lines, main, numbers_shown, shows

pytestmark = pytest.mark.both_engines

SIZE = (120, 40)


class FirstFrame(LogeasApp):
    """Notes whether the main screen's first frame showed ticket rows (not "Loading…")."""

    rows_in_first_frame: bool | None = None

    def _display(self, screen, renderable) -> None:  # type: ignore[no-untyped-def]
        if self.rows_in_first_frame is None and screen is self.main_screen:
            self.rows_in_first_frame = screen.ticket_list.row_at(0) is not None
        super()._display(screen, renderable)


async def test_the_first_frame_shows_the_review_read_before_the_app(seeded: Seeded):
    seeded.clock.set(FIXED_NOW)
    reads = FirstReads.start(seeded.desk)
    reads.wait()
    app = FirstFrame(seeded.desk, reads)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.rows_in_first_frame is True
        tickets = main(app).ticket_list
        assert numbers_shown(tickets) == [seeded.update, seeded.printer, seeded.licence]
        assert "3 tickets" in str(tickets.border_title)
        queues = main(app).query_one(QueueList)
        assert queues.review_count == 3 and [q.name for q in queues.queues]


async def test_the_app_waits_for_reads_still_under_way(seeded: Seeded):
    seeded.clock.set(FIXED_NOW)
    app = LogeasApp(seeded.desk, FirstReads.start(seeded.desk))  # not waited for
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        tickets = main(app).ticket_list
        assert numbers_shown(tickets) == [seeded.update, seeded.printer, seeded.licence]
        assert "3 tickets" in str(tickets.border_title)


async def test_a_ticket_made_by_another_process_during_the_reads_shows(
    seeded: Seeded, db_path: Path, tmp_path: Path
):
    seeded.clock.set(FIXED_NOW)
    reads = FirstReads.start(seeded.desk)
    reads.wait()
    mail = tmp_path / "new.eml"
    mail.write_bytes(
        b"From: Paul Durand <paul@exemple.fr>\r\nTo: support@logeas.fr\r\n"
        b"Subject: Sauvegarde impossible\r\nMessage-ID: <sauvegarde@exemple.fr>\r\n"
        b"Date: Tue, 24 Nov 2026 10:31:00 +0100\r\n\r\nLa sauvegarde s'arrete.\r\n"
    )
    await guillaume(db_path, "import", "--no-ack", str(mail))  # after the reads, before the app
    app = LogeasApp(seeded.desk, reads)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await shows(pilot, lambda: "Sauvegarde impossible" in "".join(list_lines(app)))
        queues = main(app).query_one(QueueList)
        await shows(pilot, lambda: queues.review_count == 4)
