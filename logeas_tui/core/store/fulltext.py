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

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from peewee import SQL, Database, SqliteDatabase, fn

from logeas_tui.core.store.models import Message, MessageIndex, db
from logeas_tui.core.store.tx import writing

_INSERT = "message_index_insert"
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


def create(database: Database) -> None:
    """(Re)create the index and its triggers, and index the messages already stored."""
    database.execute_sql('DROP TABLE IF EXISTS "messageindex"')
    MessageIndex.create_table(safe=False)
    for name, body in _TRIGGERS.items():
        database.execute_sql(f"CREATE TRIGGER {name} {body}")
    MessageIndex.rebuild()


@contextmanager
def bulk_append() -> Iterator[Callable[[], None]]:
    """Messages appended inside (ids above the current last one) are indexed in one statement
    per batch rather than row by row by the trigger: FTS5 flushes its pending terms at each
    statement a trigger runs in, which made the demo's 100,000 tickets take ~3 times as long.
    Call the function it gives after each batch (the demo then indexes one part while the
    next is drawn); the rest is indexed at the end. All in one write transaction, so no other
    writer slips a message in unindexed and a failure rolls the trigger back too."""
    if not isinstance(db.obj, SqliteDatabase):  # (connection imports this module)
        yield lambda: None
        return
    with writing():
        indexed = Message.select(fn.MAX(Message.id)).scalar() or 0

        def index_appended() -> None:
            nonlocal indexed
            last = Message.select(fn.MAX(Message.id)).scalar() or 0
            db.execute_sql(
                "INSERT INTO messageindex (rowid, subject, body) "
                "SELECT id, subject, body FROM message WHERE id > ? AND id <= ?",
                (indexed, last),
            )
            indexed = max(indexed, last)

        db.execute_sql(f"DROP TRIGGER {_INSERT}")
        yield index_appended
        index_appended()
        db.execute_sql(f"CREATE TRIGGER {_INSERT} {_TRIGGERS[_INSERT]}")


@contextmanager
def built_after(database: Database) -> Iterator[None]:
    """Messages written or deleted inside (a whole store copied in over the old one, see
    `store.copy`) are indexed once at the end instead of row by row: SQLite's triggers are off
    meanwhile and the index is rebuilt from `message`; PostgreSQL's GIN index is dropped and
    built again. Call it inside the writer's transaction, so a failure rolls all of it back."""
    if isinstance(database, SqliteDatabase):
        for name in _TRIGGERS:
            database.execute_sql(f"DROP TRIGGER IF EXISTS {name}")
        yield
        database.execute_sql("INSERT INTO messageindex (messageindex) VALUES ('rebuild')")
        for name, body in _TRIGGERS.items():
            database.execute_sql(f"CREATE TRIGGER {name} {body}")
        return
    database.execute_sql(f"DROP INDEX IF EXISTS {PG_INDEX}")
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
PG_DOCUMENT = (
    f"to_tsvector('{PG_CONFIG}', translate({_PG_TEXT}, '{_PG_SPLIT}', '{' ' * len(_PUNCTUATION)}'))"
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


def _words(text: str) -> list[tuple[str, bool]]:
    """Each typed word and whether it is a prefix (a trailing `*`)."""
    words = []
    for word in text.split():
        prefix = word.endswith("*") and len(word) > 1
        words.append((word.rstrip("*") if prefix else word, prefix))
    return words


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


def matching_messages(text: str) -> Any | None:
    """A query of the ids of the messages holding every word of `text` (None: no word)."""
    if not text.split():
        return None
    if isinstance(db.obj, SqliteDatabase):
        return MessageIndex.search(_fts5_query(text)).select(MessageIndex.rowid)
    return Message.select(Message.id).where(
        SQL(f"{PG_DOCUMENT} @@ to_tsquery('{PG_CONFIG}', %s)", (_tsquery(text),))
    )
