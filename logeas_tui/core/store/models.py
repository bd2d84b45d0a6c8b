"""The tables. One BaseModel bound to a proxy so the engine (SQLite, PostgreSQL) is chosen late.

States are stored as the words the procedure uses; times are naive UTC. Text of no fixed size
is a `Text` field (a CharField would be varchar(255) on PostgreSQL and refuse a long address).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, Self

import peewee
from peewee import (
    SQL,
    AutoField,
    BlobField,
    BooleanField,
    CharField,
    DatabaseProxy,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    Model,
    Node,
    TextField,
)
from playhouse.sqlite_ext import FTS5Model, RowIDField, SearchField

from logeas_tui.core.procedure import NEW  # the states are the procedure's words
from logeas_tui.core.store.built_sql import (
    insert_sql,
    many_sql,
    raise_sql,
    select_sql,
    upsert_sql,
)

db = DatabaseProxy()


class Text(TextField):
    """Text of any length. A NUL character is stored as U+FFFD on every engine: PostgreSQL's
    text refuses it, and a mail's own bytes are kept whole in `RawMail` anyway."""

    def db_value(self, value: object) -> object:
        value = super().db_value(value)
        return value.replace("\x00", "\ufffd") if isinstance(value, str) else value


MAIL_IN, MAIL_OUT, PHONE, NOTE = "mail-in", "mail-out", "phone", "note"
KINDS = (MAIL_IN, MAIL_OUT, PHONE, NOTE)


class BaseModel(Model):
    class Meta:
        database = db
        legacy_table_names = False

    @classmethod
    def create(cls, **query: Any) -> Self:
        """peewee's `create`, through an INSERT built once per table, engine and columns
        (issue 10: building peewee's insert anew was half of the time per received mail).
        What it cannot say so (an id given, an SQL expression as a value) goes to peewee."""
        made = cls(**query)
        row: Any = made  # (peewee's own attributes, unknown to its stubs)
        data = dict(row.__data__)
        if not cls._meta.auto_increment or row._pk is not None or not data:
            return super().create(**query)
        key: Any = cls._meta.primary_key  # (an AutoField: auto_increment)
        data.pop(key.name, None)
        row._populate_unsaved_relations(data)
        if any(isinstance(value, Node) for value in data.values()):
            return super().create(**query)
        database = cls._meta.database
        engine = database.obj if isinstance(database, DatabaseProxy) else database
        sql = insert_sql(cls, engine, tuple(data))
        fields = cls._meta.fields
        cursor = database.execute_sql(sql, [fields[n].db_value(v) for n, v in data.items()])
        row._pk = cursor.fetchone()[0] if engine.returning_clause else cursor.lastrowid
        row._dirty.clear()
        return made

    @classmethod
    def insert_rows(cls, names: tuple[str, ...], rows: Iterable[Sequence[Any]]) -> None:
        """Insert `rows` (values in the order of `names`) in one `executemany` of an INSERT
        built once (25,000 attachments of one mail: peewee's `insert_many` built 250
        statements of 100 rows)."""
        database = cls._meta.database
        engine = database.obj if isinstance(database, DatabaseProxy) else database
        fields = [cls._meta.fields[n] for n in names]
        values = [[f.db_value(v) for f, v in zip(fields, row, strict=True)] for row in rows]
        if values:
            # the driver's errors as peewee's, as execute_sql says them (not in peewee's stubs)
            with peewee.__exception_wrapper__:  # type: ignore[attr-defined]
                database.cursor().executemany(many_sql(cls, engine, names), values)

    @classmethod
    def find(cls, **equal: Any) -> Self | None:
        """The first row (lowest id) whose columns equal `equal`, else None: `get_or_none`
        through a SELECT built once per table, engine and columns (issue 10, as `create`)."""
        database = cls._meta.database
        engine = database.obj if isinstance(database, DatabaseProxy) else database
        sql = select_sql(cls, engine, tuple(equal))
        fields = cls._meta.fields
        cursor = database.execute_sql(sql, [fields[n].db_value(v) for n, v in equal.items()])
        found = cursor.fetchone()
        if found is None:
            return None
        columns = cls._meta.sorted_fields
        values = {f.name: f.python_value(v) for f, v in zip(columns, found, strict=True)}
        made = cls(__no_default__=1, **values)
        row: Any = made
        row._dirty.clear()
        return made

    @classmethod
    def upsert(cls, keys: tuple[str, ...], **values: Any) -> None:
        """Insert a row of `values`, or set the other columns of the row whose `keys` columns
        equal theirs (a unique index) to their values: peewee's `on_conflict` upsert through
        SQL built once per table, engine and columns (issue 10, as `create`)."""
        database = cls._meta.database
        engine = database.obj if isinstance(database, DatabaseProxy) else database
        sql = upsert_sql(cls, engine, tuple(values), keys)
        fields = cls._meta.fields
        database.execute_sql(sql, [fields[n].db_value(v) for n, v in values.items()])

    @classmethod
    def raise_to(cls, row_id: int, **values: Any) -> None:
        """Set each column of row `row_id` to its value where it is lower (`last_in_id`):
        one UPDATE per column, built once per table, engine and column."""
        database = cls._meta.database
        engine = database.obj if isinstance(database, DatabaseProxy) else database
        for name, value in values.items():
            sql = raise_sql(cls, engine, name)
            stored = cls._meta.fields[name].db_value(value)
            database.execute_sql(sql, (stored, row_id, stored))


class Queue(BaseModel):
    id = AutoField()
    name = Text(unique=True)
    purpose = Text(default="")
    valid = BooleanField(default=True)
    acknowledge = BooleanField(default=True)
    held = BooleanField(default=False)  # Spam, Virus, Mailing: kept apart, never acknowledged
    position = IntegerField(default=0)


class Technician(BaseModel):
    id = AutoField()
    name = Text(unique=True)
    email = Text(default="")
    level = IntegerField(default=1)


class Ticket(BaseModel):
    id = AutoField()
    number = CharField(unique=True, max_length=32)
    queue = ForeignKeyField(Queue, backref="tickets", on_delete="RESTRICT")
    state = CharField(default=NEW, max_length=32)
    owner = ForeignKeyField(Technician, null=True, backref="tickets", on_delete="SET NULL")
    customer = Text(default="")
    customer_name = Text(default="")
    subject = Text(default="")
    created = DateTimeField()
    updated = DateTimeField()
    last_customer_contact = DateTimeField(null=True)
    pending_until = DateTimeField(null=True)
    merged_into = ForeignKeyField("self", null=True, backref="merged", on_delete="SET NULL")
    moved_to_delete_at = DateTimeField(null=True)
    unparsed = BooleanField(default=False)  # holds a mail that could not be parsed
    last_in_id = IntegerField(default=0)  # newest customer message, for review flags
    version = IntegerField(default=1)
    # the foreign keys' raw ids, set by peewee (declared for type checkers)
    queue_id: int
    owner_id: int | None
    merged_into_id: int | None

    class Meta:
        indexes = (
            (("queue", "created", "id"), False),
            (("state", "created", "id"), False),
            (("pending_until",), False),
        )


class Message(BaseModel):
    id = AutoField()
    ticket = ForeignKeyField(Ticket, backref="messages", on_delete="CASCADE")
    origin_ticket = ForeignKeyField(Ticket, null=True, on_delete="SET NULL")  # set by merge
    kind = CharField(max_length=16)
    from_addr = Text(default="")
    to_addr = Text(default="")
    cc = Text(default="")
    subject = Text(default="")
    body = Text(default="")
    message_id = Text(null=True, index=True)
    in_reply_to = Text(null=True)
    references = Text(default="")
    date = DateTimeField()
    author = Text(default="")  # technician name for phone/note/mail-out
    # Where the received bytes were kept before schema v8 (now `RawMail`). Never written by
    # this version, and NULL once v8 moved them out; kept, not dropped, because a copy of the
    # app older than v8 sharing the store still writes there — `store.raw_mails` reads both.
    legacy_raw = BlobField(null=True, column_name="raw")
    raw_sha256 = CharField(null=True, index=True, max_length=64)
    attachments = Text(default="[]")  # JSON list of {filename, content_type, size}
    parse_problem = Text(null=True)
    # a follow-up by number from someone who is neither the ticket's customer nor anyone who
    # wrote on it, until a technician accepts it (schema v6, see services.senders). The store
    # defaults it too: a copy of the app older than v6 still writes messages without it.
    unknown_sender = BooleanField(default=False, constraints=[SQL("DEFAULT FALSE")])
    ticket_id: int
    origin_ticket_id: int | None

    class Meta:
        indexes = ((("ticket", "date", "id"), False),)


# The few messages still marked, found without reading the others (the review and the list's
# mark look for them). The bare column as condition: a `= ?` would not match it on SQLite.
UNKNOWN_SENDER_INDEX = Message.index(
    Message.ticket, name="message_unknown_sender", where=Message.unknown_sender
)
Message.add_index(UNKNOWN_SENDER_INDEX)


class RawMail(BaseModel):
    """A received mail's bytes as they came (schema v8), read and written by `store.raw_mails`.

    A table of its own so that the bytes are the last column of their row: SQLite then writes
    a big mail in pieces through incremental blob I/O (`store.blobs`), where inside `message`
    the driver and SQLite each held a whole copy of it while it was stored (issue 9.7)."""

    message = ForeignKeyField(Message, primary_key=True, on_delete="CASCADE")
    raw = BlobField()  # type: ignore[assignment]  # shadows Model.raw(sql), unused
    message_id: int


class Attachment(BaseModel):
    id = AutoField()
    message = ForeignKeyField(Message, backref="files", on_delete="CASCADE")
    filename = Text(default="")
    content_type = Text(default="application/octet-stream")
    data = BlobField()


class History(BaseModel):
    id = AutoField()
    ticket = ForeignKeyField(Ticket, backref="history", on_delete="CASCADE")
    at = DateTimeField()
    who = Text(default="")
    action = CharField(max_length=32)
    old = Text(default="")
    new = Text(default="")
    detail = Text(default="")
    data = Text(default="")  # JSON for actions that can be undone (merge)

    class Meta:
        indexes = ((("ticket", "at", "id"), False),)


class Seen(BaseModel):
    """Up to which message a technician has seen a ticket (review flags)."""

    id = AutoField()
    technician = ForeignKeyField(Technician, on_delete="CASCADE")
    ticket = ForeignKeyField(Ticket, on_delete="CASCADE")
    last_message = IntegerField(default=0)

    class Meta:
        indexes = ((("technician", "ticket"), True),)


class Outbox(BaseModel):
    id = AutoField()
    ticket = ForeignKeyField(Ticket, null=True, backref="outbox", on_delete="SET NULL")
    message = ForeignKeyField(Message, null=True, on_delete="SET NULL")
    recipient = Text()
    subject = Text(default="")
    raw = BlobField()  # type: ignore[assignment]  # shadows Model.raw(sql), unused
    automatic = BooleanField(default=False)
    created = DateTimeField()
    attempts = IntegerField(default=0)
    last_error = Text(null=True)
    next_attempt = DateTimeField(null=True)
    sent_at = DateTimeField(null=True, index=True)
    # which process is sending it (`host:pid`) and since when (schema v4, see store.claims)
    claimed_by = Text(null=True)
    claimed_at = DateTimeField(null=True)
    message_id: int | None


class Counter(BaseModel):
    """The daily counter inside ticket numbers."""

    day = CharField(primary_key=True, max_length=8)
    value = IntegerField(default=0)


class AutoReplyCount(BaseModel):
    id = AutoField()
    address = Text()
    day = CharField(max_length=8)
    count = IntegerField(default=0)

    class Meta:
        indexes = ((("address", "day"), True),)


class SyncState(BaseModel):
    id = AutoField()
    account = Text()
    folder = Text()
    uidvalidity = IntegerField()
    last_uid = IntegerField(default=0)

    class Meta:
        indexes = ((("account", "folder", "uidvalidity"), True),)


class Lease(BaseModel):
    """Who runs a team-wide job (the mail worker) until when (schema v4, see store.leases)."""

    name = CharField(primary_key=True, max_length=32)
    holder = Text()
    expires_at = DateTimeField()


class Draft(BaseModel):
    """A reply, note or request for information being written (`kind`: the action), one per
    ticket, technician and kind, until it is sent or discarded (schema v8, see
    services.drafts)."""

    id = AutoField()
    ticket = ForeignKeyField(Ticket, on_delete="CASCADE")
    technician = Text()  # a name, as History.who
    kind = CharField(max_length=16)
    body = Text(default="")
    updated = DateTimeField()
    ticket_id: int

    class Meta:
        indexes = ((("ticket", "technician", "kind"), True),)


class MessageIndex(FTS5Model):
    """Full-text index over subjects and bodies (SQLite only); rowid = Message.id.

    An external-content table: the text stays in `message` alone and the index holds only the
    terms. Triggers on `message` keep it up to date (schema v3, `migrations`); nobody writes it.
    """

    rowid = RowIDField()
    subject = SearchField()
    body = SearchField()

    class Meta:
        database = db
        options = {
            "content": Message,
            "content_rowid": "id",
            "tokenize": "unicode61 remove_diacritics 2",
        }


TABLES = [
    Queue,
    Technician,
    Ticket,
    Message,
    RawMail,
    Attachment,
    History,
    Seen,
    Outbox,
    Counter,
    AutoReplyCount,
    SyncState,
    Lease,
    Draft,
]
