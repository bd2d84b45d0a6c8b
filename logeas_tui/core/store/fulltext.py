"""The full-text index over messages, on each engine with its own text search, behind one
function (`matching_messages`): a word matches whatever its case and accents (`cloture` finds
`clôture`), a word typed with a trailing `*` is a prefix, and what a user types is searched for,
never parsed as query syntax.

SQLite: `MessageIndex` is an external-content table over `message`: the text is stored once, the index
holds only its terms. Triggers on `message` keep it up to date, so every writer — the services,
a merge, the purge's foreign-key cascade, the demo's raw `executemany` — is indexed without
writing the index itself. Schema v3 (`migrations`) creates it all.

PostgreSQL: a GIN index over a `tsvector` expression of the same columns, with a text search
configuration `logeas` = the `simple` dictionary behind `unaccent` (schema v3 as well), over the
text split at ASCII punctuation as SQLite's tokenizer splits it (v5). Simple, not French
stemming: both engines must find the same tickets for the same words (a team moves a store from
one to the other with `migrate-store`), and SQLite's tokenizer does not stem. unaccent also
folds œ and æ. At most the first 200,000 characters of a message are indexed
there (a tsvector, positions kept for `bilan:2025`, is limited to 1 MB).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from peewee import Database, SqliteDatabase, fn

from logeas_tui.core.store.models import Message, MessageIndex, Ticket, db
from logeas_tui.core.store.tx import writing

_INSERT = "message_index_insert"
_TICKET_INSERT = "ticket_index_insert"
# The ticket's own words (schema v7): its number, its customer's address and name, its subject.
# An address is split at `@` and `.` by the tokenizer, so a domain is found as well; a phone
# placeholder (`0123456789@logeas.fr`) gives its digits as one word.
TICKET_COLUMNS = ("number", "customer", "customer_name", "subject")
_T_COLUMNS = ", ".join(TICKET_COLUMNS)
_T_NEW = ", ".join(f"new.{c}" for c in TICKET_COLUMNS)
_T_OLD = ", ".join(f"old.{c}" for c in TICKET_COLUMNS)
_T_CHANGED = " OR ".join(f"old.{c} IS NOT new.{c}" for c in TICKET_COLUMNS)
_TICKET_INDEX = (
    f"CREATE VIRTUAL TABLE ticketindex USING fts5 ({_T_COLUMNS}, content='ticket', "
    "content_rowid='id', tokenize='unicode61 remove_diacritics 2')"
)
_TRIGGERS = {
    _INSERT: """AFTER INSERT ON message BEGIN
        INSERT INTO messageindex (rowid, subject, body) VALUES (new.id, new.subject, new.body);
    END""",
    "message_index_delete": """AFTER DELETE ON message BEGIN
        INSERT INTO messageindex (messageindex, rowid, subject, body)
        VALUES ('delete', old.id, old.subject, old.body);
    END""",
    "message_index_update": """AFTER UPDATE OF subject, body ON message BEGIN
        INSERT INTO messageindex (messageindex, rowid, subject, body)
        VALUES ('delete', old.id, old.subject, old.body);
        INSERT INTO messageindex (rowid, subject, body) VALUES (new.id, new.subject, new.body);
    END""",
}
# (a ticket is saved whole, its state or version changing most of the time: only a change of
# its words touches the index)
_TICKET_TRIGGERS = {
    _TICKET_INSERT: f"""AFTER INSERT ON ticket BEGIN
        INSERT INTO ticketindex (rowid, {_T_COLUMNS}) VALUES (new.id, {_T_NEW});
    END""",
    "ticket_index_delete": f"""AFTER DELETE ON ticket BEGIN
        INSERT INTO ticketindex (ticketindex, rowid, {_T_COLUMNS})
        VALUES ('delete', old.id, {_T_OLD});
    END""",
    "ticket_index_update": f"""AFTER UPDATE OF {_T_COLUMNS} ON ticket WHEN {_T_CHANGED} BEGIN
        INSERT INTO ticketindex (ticketindex, rowid, {_T_COLUMNS})
        VALUES ('delete', old.id, {_T_OLD});
        INSERT INTO ticketindex (rowid, {_T_COLUMNS}) VALUES (new.id, {_T_NEW});
    END""",
}


def _create_triggers(database: Database, triggers: dict[str, str]) -> None:
    for name, body in triggers.items():
        database.execute_sql(f"CREATE TRIGGER {name} {body}")


def create(database: Database) -> None:
    """(Re)create the message index and its triggers, and index the messages already stored."""
    database.execute_sql('DROP TABLE IF EXISTS "messageindex"')
    MessageIndex.create_table(safe=False)
    _create_triggers(database, _TRIGGERS)
    MessageIndex.rebuild()


def create_ticket_index(database: Database) -> None:
    """(Re)create the index of the tickets' own words, on either engine, filled from the
    tickets already stored (schema v7)."""
    if not isinstance(database, SqliteDatabase):
        _create_postgres_index(database)  # (IF NOT EXISTS: built with the message index)
        return
    for name in _TICKET_TRIGGERS:
        database.execute_sql(f"DROP TRIGGER IF EXISTS {name}")
    database.execute_sql('DROP TABLE IF EXISTS "ticketindex"')
    database.execute_sql(_TICKET_INDEX)
    _create_triggers(database, _TICKET_TRIGGERS)
    database.execute_sql("INSERT INTO ticketindex (ticketindex) VALUES ('rebuild')")


def _has_ticket_index(database: Database) -> bool:
    """Whether schema v7 has run: a store copied into is migrated first, but a half-migrated
    one (the demo's bulk load during v6 tests) must not fail for lack of it."""
    return bool(
        database.execute_sql("SELECT 1 FROM sqlite_master WHERE name = 'ticketindex'").fetchone()
    )


@contextmanager
def bulk_append() -> Iterator[Callable[[], None]]:
    """Messages and tickets appended inside (ids above the current last one) are indexed in
    one statement per batch rather than row by row by the trigger: FTS5 flushes its pending
    terms at each statement a trigger runs in, which made the demo's 100,000 tickets take ~3
    times as long. Call the function it gives after each batch (the demo then indexes one
    part while the next is drawn); the rest is indexed at the end. All in one write
    transaction, so no other writer slips a row in unindexed and a failure rolls the trigger
    back too."""
    if not isinstance(db.obj, SqliteDatabase):  # (connection imports this module)
        yield lambda: None
        return
    with writing():
        appended: list[tuple[str, Any, str, str, dict[str, str]]] = [
            ("messageindex", Message, "subject, body", _INSERT, _TRIGGERS)
        ]
        if _has_ticket_index(db.obj):
            appended.append(("ticketindex", Ticket, _T_COLUMNS, _TICKET_INSERT, _TICKET_TRIGGERS))
        indexed = {
            index: model.select(fn.MAX(model.id)).scalar() or 0 for index, model, *_ in appended
        }

        def index_appended() -> None:
            for index, model, columns, _, _ in appended:
                last = model.select(fn.MAX(model.id)).scalar() or 0
                db.execute_sql(
                    f"INSERT INTO {index} (rowid, {columns}) "
                    f"SELECT id, {columns} FROM {model._meta.table_name} WHERE id > ? AND id <= ?",
                    (indexed[index], last),
                )
                indexed[index] = max(indexed[index], last)

        for *_, trigger, _ in appended:
            db.execute_sql(f"DROP TRIGGER {trigger}")
        yield index_appended
        index_appended()
        for *_, trigger, triggers in appended:
            db.execute_sql(f"CREATE TRIGGER {trigger} {triggers[trigger]}")


@contextmanager
def built_after(database: Database) -> Iterator[None]:
    """Messages written or deleted inside (a whole store copied in over the old one, see
    `store.copy`) are indexed once at the end instead of row by row: SQLite's triggers are off
    meanwhile and the index is rebuilt from `message`; PostgreSQL's GIN index is dropped and
    built again. Call it inside the writer's transaction, so a failure rolls all of it back."""
    if isinstance(database, SqliteDatabase):
        kept = {"messageindex": _TRIGGERS, "ticketindex": _TICKET_TRIGGERS}
        if not _has_ticket_index(database):
            del kept["ticketindex"]
        for triggers in kept.values():
            for name in triggers:
                database.execute_sql(f"DROP TRIGGER IF EXISTS {name}")
        yield
        for index, triggers in kept.items():
            database.execute_sql(f"INSERT INTO {index} ({index}) VALUES ('rebuild')")
            _create_triggers(database, triggers)
        return
    database.execute_sql(f"DROP INDEX IF EXISTS {PG_INDEX}")
    database.execute_sql(f"DROP INDEX IF EXISTS {PG_TICKET_INDEX}")
    yield
    _create_postgres_index(database)


# --- PostgreSQL ------------------------------------------------------------------------------

PG_CONFIG = "logeas"
PG_INDEX = "message_fulltext"
# ASCII punctuation ends a word for SQLite's tokenizer (only letters and digits make words),
# while PostgreSQL's parser builds hosts, paths, addresses and versions of it: the menu path
# `Compta.Cloture.Valider` would be one term that `cloture` does not find. So on PostgreSQL it
# becomes spaces in the text and in the words searched. (Not `%`, which the driver reads as a
# placeholder in a query with parameters; the parser never makes it part of a word anyway.)
_PUNCTUATION = "!\"#$&'()*+,-./:;<=>?@[\\]^_`{|}~"
_SPACES = str.maketrans(_PUNCTUATION, " " * len(_PUNCTUATION))
_PG_TEXT = "left(coalesce(subject, '') || ' ' || coalesce(body, ''), 200000)"
_PG_SPLIT = _PUNCTUATION.replace("'", "''")


def _pg_document(text: str) -> str:
    return (
        f"to_tsvector('{PG_CONFIG}', translate({text}, '{_PG_SPLIT}', '{' ' * len(_PUNCTUATION)}'))"
    )


PG_DOCUMENT = _pg_document(_PG_TEXT)
PG_TICKET_INDEX = "ticket_fulltext"
PG_TICKET_DOCUMENT = _pg_document(
    " || ' ' || ".join(f"coalesce({column}, '')" for column in TICKET_COLUMNS)
)
_PG_WORDS = "asciiword, asciihword, hword_asciipart, word, hword, hword_part, numword, numhword"


def create_postgres(database: Database) -> None:
    """The unaccent extension (trusted: a database owner may create it), the configuration,
    and the expression index the search uses."""
    database.execute_sql("CREATE EXTENSION IF NOT EXISTS unaccent")
    known = database.execute_sql(
        "SELECT 1 FROM pg_ts_config WHERE cfgname = %s", (PG_CONFIG,)
    ).fetchone()
    if not known:
        database.execute_sql(f"CREATE TEXT SEARCH CONFIGURATION {PG_CONFIG} (COPY = simple)")
        database.execute_sql(
            f"ALTER TEXT SEARCH CONFIGURATION {PG_CONFIG} "
            f"ALTER MAPPING FOR {_PG_WORDS} WITH unaccent, simple"
        )
    _create_postgres_index(database)


def rebuild_postgres_index(database: Database) -> None:
    """After PG_DOCUMENT changed: the index over the old expression would never be used."""
    database.execute_sql(f"DROP INDEX IF EXISTS {PG_INDEX}")
    _create_postgres_index(database)


def _create_postgres_index(database: Database) -> None:
    database.execute_sql(
        f"CREATE INDEX IF NOT EXISTS {PG_INDEX} ON message USING gin (({PG_DOCUMENT}))"
    )
    database.execute_sql(
        f"CREATE INDEX IF NOT EXISTS {PG_TICKET_INDEX} ON ticket USING gin (({PG_TICKET_DOCUMENT}))"
    )


def _words(text: str) -> list[tuple[str, bool]]:
    """Each typed word and whether it is a prefix: a trailing `*`, or the last word while it
    is being typed (no space after it yet, two characters at least: one would match nearly
    everything). A phone number typed in groups (`01 23 45 67 89`, `01.23.45.67.89`) is
    searched as its digits, as the phone placeholder address holds them."""
    typed = text.split()
    if PHONE_TYPED.fullmatch(text.strip()):
        typed = ["".join(c for c in text if c.isdigit())]
    words = []
    for n, word in enumerate(typed):
        prefix = word.endswith("*") and len(word) > 1
        word = word.rstrip("*") if prefix else word
        if n == len(typed) - 1 and not text[-1:].isspace() and len(word) >= 2:
            prefix = True
        words.append((word, prefix))
    return words


PHONE_TYPED = re.compile(r"\+?\d{2}(?:[ .\-]?\d{2}){3,6}")


def _fts5_query(text: str) -> str:
    """Each word as a quoted FTS5 string, so quotes, AND, parentheses, "col:" are searched for."""
    return " ".join(
        '"' + word.replace('"', '""') + '"' + ("*" if prefix else "")
        for word, prefix in _words(text)
    )


def _tsquery(text: str) -> str:
    """All the words required, each a quoted lexeme — or, split at punctuation as the text
    was, its parts one after the other (`bilan:2025`), as SQLite reads a quoted string."""
    terms = []
    for word, prefix in _words(text):
        parts = [
            "'" + part.replace("\\", "\\\\").replace("'", "''") + "'"
            for part in word.translate(_SPACES).split()
        ]
        if not parts:
            continue  # only punctuation: as SQLite, no word to look for
        if prefix:
            parts[-1] += ":*"
        terms.append(parts[0] if len(parts) == 1 else "(" + " <-> ".join(parts) + ")")
    return " & ".join(terms)


def has_words(text: str) -> bool:
    """Whether `text` holds anything to search for (only punctuation does not, on either engine)."""
    return bool(_tsquery(text))


def message_hits(text: str, before: int | None, limit: int) -> list[tuple[int, int]]:
    """(message id, ticket id) of the newest `limit` messages holding every word of `text`,
    below message id `before`, newest first: read from the index in that order, so a word
    found in nearly every message costs what a rare one costs."""
    below = before if before is not None else 2**62
    if isinstance(db.obj, SqliteDatabase):
        sql = (
            "SELECT m.id, m.ticket_id FROM messageindex JOIN message m ON m.id = messageindex.rowid"
            " WHERE messageindex MATCH ? AND messageindex.rowid < ?"
            " ORDER BY messageindex.rowid DESC LIMIT ?"
        )
        params: tuple[Any, ...] = (_fts5_query(text), below, limit)
        return [(m, t) for m, t in db.execute_sql(sql, params).fetchall()]
    return _postgres_message_hits(_tsquery(text), below, limit)


_PG_WINDOW = 20_000  # the newest messages searched first on PostgreSQL, then 4, 16… times more


def _postgres_message_hits(query: str, below: int, limit: int) -> list[tuple[int, int]]:
    """GIN gives its hits in no order, so each must be read from the table before the newest
    are known: a word in nearly every message read them all. So the newest messages are
    searched first (the GIN index and a range of ids, combined by PostgreSQL), a window four
    times wider each time it holds fewer than `limit` hits, down to the first message."""
    top = db.execute_sql("SELECT coalesce(max(id), 0) + 1 FROM message").fetchone()[0]
    top = min(top, below)
    window = _PG_WINDOW
    sql = (
        "WITH hits AS MATERIALIZED (SELECT id, ticket_id FROM message"
        f" WHERE {PG_DOCUMENT} @@ to_tsquery('{PG_CONFIG}', %s) AND id >= %s AND id < %s)"
        " SELECT id, ticket_id FROM hits ORDER BY id DESC LIMIT %s"
    )  # (materialized: left to itself, the planner may walk the primary key backwards
    # computing each message's tsvector)
    while True:
        lowest = max(0, top - window)
        rows = db.execute_sql(sql, (query, lowest, top, limit)).fetchall()
        if len(rows) >= limit or lowest == 0:
            return [(m, t) for m, t in rows]
        window *= 4


def ticket_hits(text: str, limit: int) -> list[int]:
    """Ids of the newest `limit` tickets whose own words (number, customer, subject) hold every
    word of `text`, newest first."""
    if isinstance(db.obj, SqliteDatabase):
        sql = "SELECT rowid FROM ticketindex WHERE ticketindex MATCH ? ORDER BY rowid DESC LIMIT ?"
        params: tuple[Any, ...] = (_fts5_query(text), limit)
    else:
        sql = (
            "WITH hits AS MATERIALIZED (SELECT id FROM ticket"
            f" WHERE {PG_TICKET_DOCUMENT} @@ to_tsquery('{PG_CONFIG}', %s))"
            " SELECT id FROM hits ORDER BY id DESC LIMIT %s"
        )
        params = (_tsquery(text), limit)
    return [row[0] for row in db.execute_sql(sql, params).fetchall()]
