"""The full-text index over messages, on each engine with its own text search, behind one
function (`matching_messages`): a word matches whatever its case and accents (`cloture` finds
`clôture`), a word typed with a trailing `*` is a prefix, and what a user types is searched for,
never parsed as query syntax.

SQLite: `MessageIndex` is an external-content table over `message`: the text is stored once, the index
holds only its terms. Triggers on `message` keep it up to date, so every writer — the services,
a merge, the purge's foreign-key cascade, the demo's raw `executemany` — is indexed without
writing the index itself. Schema v3 (`migrations`) creates it all.

PostgreSQL: a stored `tsvector` column (`search_words`, generated from the same columns, schema
v8; an expression index before) under a GIN index, with a text search configuration `logeas` =
the `simple` dictionary behind `unaccent` (schema v3), over the text split at ASCII punctuation
as SQLite's tokenizer splits it (v5). Simple, not French stemming: both engines must find the
same tickets for the same words (a team moves a store from one to the other with
`migrate-store`), and SQLite's tokenizer does not stem. At most the first 200,000 characters of
a message are indexed there (a tsvector, positions kept for `bilan:2025`, is limited to 1 MB).

œ and æ: `soeur` finds `sœur` and `sœur` finds `soeur` on both engines. PostgreSQL's unaccent
folds them in the index and in the words searched. SQLite's tokenizer keeps a ligature as a
letter of its own, and a custom tokenizer cannot be written from Python, so there the words
searched are spelled both ways instead (`_spellings`): no index to rebuild on upgrade.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from peewee import Database, SqliteDatabase, __exception_wrapper__, fn  # type: ignore[attr-defined]

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
PG_TICKET_DOCUMENT = _pg_document(
    " || ' ' || ".join(f"coalesce({column}, '')" for column in TICKET_COLUMNS)
)
# Schema v8: each row's tsvector is stored, computed when the row is written, under a GIN index.
# With an expression index (v3–v7) every hit read from the table was parsed again to check it
# (a phrase such as a domain always is), and a plan walking the ids computed it row by row.
PG_WORDS = "search_words"
PG_INDEX = "message_words"
PG_TICKET_INDEX = "ticket_words"
_PG_INDEXED = (("message", PG_DOCUMENT, PG_INDEX), ("ticket", PG_TICKET_DOCUMENT, PG_TICKET_INDEX))
_PG_EXPRESSION_INDEXES = ("message_fulltext", "ticket_fulltext")  # schema v3 to v7
_PG_TOKENS = "asciiword, asciihword, hword_asciipart, word, hword, hword_part, numword, numhword"


def create_postgres(database: Database) -> None:
    """The unaccent extension (trusted: a database owner may create it), the configuration,
    and the indexed words the search uses."""
    database.execute_sql("CREATE EXTENSION IF NOT EXISTS unaccent")
    known = database.execute_sql(
        "SELECT 1 FROM pg_ts_config WHERE cfgname = %s", (PG_CONFIG,)
    ).fetchone()
    if not known:
        database.execute_sql(f"CREATE TEXT SEARCH CONFIGURATION {PG_CONFIG} (COPY = simple)")
        database.execute_sql(
            f"ALTER TEXT SEARCH CONFIGURATION {PG_CONFIG} "
            f"ALTER MAPPING FOR {_PG_TOKENS} WITH unaccent, simple"
        )
    _create_postgres_index(database)


def rebuild_postgres_index(database: Database) -> None:
    """From an index over an older expression, which the search would never use, to today's
    stored words (schema v5, and v8 for a store that got v5's expression index)."""
    for index in _PG_EXPRESSION_INDEXES:
        database.execute_sql(f"DROP INDEX IF EXISTS {index}")
    _create_postgres_index(database)
    # the planner needs the new column's statistics (how frequent each word is) at once
    database.execute_sql("ANALYZE " + ", ".join(table for table, *_ in _PG_INDEXED))


def _create_postgres_index(database: Database) -> None:
    for table, document, index in _PG_INDEXED:
        database.execute_sql(
            f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS {PG_WORDS} tsvector "
            f"GENERATED ALWAYS AS ({document}) STORED"
        )
        database.execute_sql(
            f"CREATE INDEX IF NOT EXISTS {index} ON {table} USING gin ({PG_WORDS})"
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


# what SQLite's unicode61 tokenizer makes words of: letters, digits, private use characters
_TOKEN_CATEGORIES = frozenset(("Lu", "Ll", "Lt", "Lm", "Lo", "Nd", "Nl", "No", "Co"))
_LIGATURE = re.compile("(oe|ae|œ|æ)", re.IGNORECASE)
_BOTH_WAYS = {"oe": ("oe", "œ"), "œ": ("oe", "œ"), "ae": ("ae", "æ"), "æ": ("ae", "æ")}
_MOST_LIGATURES = 3  # spelled both ways in a word (2³ spellings); any further one as typed


def _spellings(word: str, prefix: bool) -> list[str]:
    """`word` with each `oe`/`œ` and `ae`/`æ` in it spelled both ways, for SQLite's index
    that keeps the ligature as a letter (`soeur` finds `sœur`, `œuvre` finds `oeuvre`); a
    prefix ending in `o` or `a` goes on with `œ` or `æ` as well (`so` finds `sœur`)."""
    pieces = _LIGATURE.split(word)  # odd ones: a ligature or its two letters
    spellings = [""]
    for n, piece in enumerate(pieces):
        both = _BOTH_WAYS[piece.lower()] if n % 2 and n // 2 < _MOST_LIGATURES else (piece,)
        spellings = [s + way for s in spellings for way in both]
    if prefix and word[-1:].lower() in ("o", "a"):
        ligature = "œ" if word[-1:].lower() == "o" else "æ"
        spellings += [s + ligature for s in _spellings(word[:-1], False)]
    return spellings


def _fts5_query(text: str) -> str:
    """Each word as a quoted FTS5 string, so quotes, AND, parentheses, "col:" are searched for
    (with a ligature, each of its spellings: `("soeur" OR "sœur")`)."""
    terms = []
    for word, prefix in _words(text):
        if not any(unicodedata.category(c) in _TOKEN_CATEGORIES for c in word):
            continue  # not a word for the tokenizer: as an empty string, it would make the
            # explicit AND below match nothing
        quoted = [
            '"' + spelling.replace('"', '""') + '"' + ("*" if prefix else "")
            for spelling in _spellings(word, prefix)
        ]
        terms.append(quoted[0] if len(quoted) == 1 else "(" + " OR ".join(quoted) + ")")
    return " AND ".join(terms) or '""'  # (AND: FTS5 implies it between strings only)


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
    if isinstance(db.obj, SqliteDatabase):
        below = before if before is not None else 2**62
        sql = (
            "SELECT m.id, m.ticket_id FROM messageindex JOIN message m ON m.id = messageindex.rowid"
            " WHERE messageindex MATCH ? AND messageindex.rowid < ?"
            " ORDER BY messageindex.rowid DESC LIMIT ?"
        )
        params: tuple[Any, ...] = (_fts5_query(text), below, limit)
        return [(m, t) for m, t in db.execute_sql(sql, params).fetchall()]
    hits = _postgres_newest("message", "id, ticket_id", _tsquery(text), before, limit)
    return [(m, t) for m, t in hits]


def _unprepared(sql: str, params: dict[str, Any]) -> list[tuple[Any, ...]]:
    """The rows of `sql`, planned for these very words each time. psycopg prepares a statement
    run five times, and PostgreSQL then plans it once for any words, not knowing whether they
    are rare or everywhere: that generic plan took 2.6 ms where the words' own took 0.1."""
    with __exception_wrapper__:
        cursor = db.cursor()
        cursor.execute(sql, params, prepare=False)
        return list(cursor.fetchall())


def _through_index(sql: str, params: dict[str, Any]) -> list[tuple[Any, ...]]:
    """The rows of `sql` read through the GIN index combined with the range of ids. Left to
    itself PostgreSQL walks the range instead, reading every row's words (it costs a match
    at a fraction of what it takes): 25 ms instead of 7 over 36,000 messages. So index scans
    (not bitmap ones) are off for this one statement, sent with it in one round trip (the
    statements of one query string are one transaction; the setting is put back for the rest
    of an outer one)."""
    import psycopg  # (here: opening a SQLite store never loads it)

    with __exception_wrapper__:
        cursor = psycopg.ClientCursor(db.connection())  # (binds on this side: one string)
        cursor.execute(
            f"SET LOCAL enable_indexscan = off; {sql}; SET LOCAL enable_indexscan TO DEFAULT",
            params,
        )
        cursor.nextset()
        return list(cursor.fetchall())


_PG_WINDOW = 0.5  # × `limit`: the newest rows read one by one first, to learn the word's rate
_PG_INDEX_SPEED = 8  # the GIN index lists a word's rows about 8 times as fast as rows are read


def _postgres_newest(
    table: str, columns: str, query: str, below: int | None, limit: int, lowest: int = 0
) -> list[tuple[Any, ...]]:
    """`columns` of the newest `limit` rows of `table` below id `below` (and from id `lowest`
    up) whose words match `query`, newest first. GIN gives its hits in no order, and the whole list of a word's rows
    (85,000 messages for one at 100,000 tickets) before any is read. So the newest rows are
    read a range of ids at a time, newest range first:

    - the first, `limit` / 2 rows, one by one, checking their stored words, gives the rate of
      rows holding the words;
    - each next range should hold twice the hits still wanted at the rate met so far (all the
      older rows when none was met). It is read one by one again, newest first, stopping at
      `limit` hits, while that is cheaper than having the index list all the word's rows (a
      word in a row out of three or more), else through the index combined with the range
      (`_through_index`). So each range reads from the table about the hits it needs."""
    if below is None:
        below = db.execute_sql(f"SELECT coalesce(max(id), 0) + 1 FROM {table}").fetchone()[0]
    top = below
    matches = f"{PG_WORDS} @@ to_tsquery('{PG_CONFIG}', %(query)s)"
    in_range = "id >= %(lowest)s AND id < %(top)s"
    one_by_one = (  # (OFFSET 0: the match stays outside, so no index is asked; the ids are
        # walked backwards, stopping at `limit` hits)
        f"SELECT {columns} FROM (SELECT {columns}, {PG_WORDS} FROM {table}"
        f" WHERE {in_range} ORDER BY id DESC OFFSET 0) newest WHERE {matches}"
        " ORDER BY id DESC LIMIT %(limit)s"
    )
    indexed = (
        f"SELECT {columns} FROM {table} WHERE {matches} AND {in_range}"
        " ORDER BY id DESC LIMIT %(limit)s"
    )
    rows: list[tuple[Any, ...]] = []
    read, window, by_index = 0, max(1, int(limit * _PG_WINDOW)), False
    while len(rows) < limit and top > lowest:
        start = max(lowest, top - window)
        wanted = {"query": query, "lowest": start, "top": top, "limit": limit - len(rows)}
        rows += _through_index(indexed, wanted) if by_index else _unprepared(one_by_one, wanted)
        read, top = read + top - start, start
        rate = len(rows) / read
        window = max(limit, (limit - len(rows)) * 2 * read // max(len(rows), 1))
        by_index = window * (1 - rate) > rate * below / _PG_INDEX_SPEED
    return rows


def ticket_hits(text: str, limit: int, lowest: int = 0) -> list[int]:
    """Ids of the newest `limit` tickets from id `lowest` up whose own words (number, customer,
    subject) hold every word of `text`, newest first."""
    if isinstance(db.obj, SqliteDatabase):
        sql = (
            "SELECT rowid FROM ticketindex WHERE ticketindex MATCH ? AND rowid >= ?"
            " ORDER BY rowid DESC LIMIT ?"
        )
        params = (_fts5_query(text), lowest, limit)
        return [row[0] for row in db.execute_sql(sql, params).fetchall()]
    hits = _postgres_newest("ticket", "id", _tsquery(text), None, limit, lowest)
    return [row[0] for row in hits]
