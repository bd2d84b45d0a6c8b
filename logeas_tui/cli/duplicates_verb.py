"""`logeas duplicates N [--json]`: the tickets N may be a duplicate of, as the merge dialog
lists them (the command line keeps parity with the keys). Mail text goes through `safe`."""

from __future__ import annotations

from argparse import Namespace
from typing import TextIO

from logeas_tui.cli.output import safe, write_json
from logeas_tui.core.clock import as_utc
from logeas_tui.core.services import duplicates as service
from logeas_tui.core.services.desk import Desk
from logeas_tui.texts import Catalog


def duplicates(desk: Desk, args: Namespace, out: TextIO) -> int:
    found = service.candidates(desk, args.number)
    if getattr(args, "json", False):
        write_json([c.to_json() for c in found], out)
        return 0
    texts = Catalog(desk.config.language)
    if not found:
        out.write(texts.t("dup.none", number=args.number.strip()) + "\n")
        return 0
    zone = desk.config.hours.zone
    for c in found:
        why = texts.t("dup.same_customer" if c.same_customer else "dup.similar")
        if c.strong:
            why += ", " + texts.t("dup.strong")
        created = as_utc(c.created).astimezone(zone).strftime("%Y-%m-%d")
        out.write(
            f"{c.number}  {created}  {texts.state(c.state, short=True):<10}  "
            f"{safe(c.customer)}  {safe(c.subject)}  ({why})\n"
        )
        if c.first_line:
            out.write(f"    {safe(c.first_line)}\n")
    return 0
