"""Open a register file and store records in it, one transaction per document.

A register is one SQLite file in WAL mode with foreign keys on. Opening it checks that it is an
SQLite file of a schema this Accords knows and applies missing migrations; storing a record writes
the document and every row derived from it in a single transaction, so an interrupted or killed
ingest leaves each document either whole or absent.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from accords.errors import StoreError
from accords.links.renewals import signature
from accords.model import Evidence, Provision, Record
from accords.store import facets
from accords.store.commitments import IN_COMMITMENTS, commitments_of
from accords.store.events import link_event
from accords.store.folding import plain_letters
from accords.store.labels import COMMITMENT_MODALITIES
from accords.store.packing import pack, unpack
from accords.store.pairs import NOT_REPEATED, add_document
from accords.store.renewals import file_stored, link_renewals
from accords.store.repeats import link_repeats
from accords.store.schema import MIGRATIONS

DEFAULT_PATH = "accords.db"
BUSY_TIMEOUT = 5.0
"""Seconds to wait for another writer before calling the register locked."""

_SQLITE_HEADER = b"SQLite format 3\x00"


def connect(path: str | Path, *, create: bool = False, timeout: float = BUSY_TIMEOUT) -> sqlite3.Connection:
    """An open connection to the register at `path`, migrated to the current schema.

    `create` allows a new file; without it a missing file is an error, so that a mistyped `--db`
    on a query does not leave an empty register behind. Rows come back as `sqlite3.Row`.
    """
    name = str(path)
    _check_file(Path(path), create)
    read_only = _read_only(Path(path))
    try:
        if read_only is None:
            conn = sqlite3.connect(name, timeout=timeout, isolation_level=None)
        else:
            uri = f"{Path(path).resolve().as_uri()}?{read_only}"
            conn = sqlite3.connect(uri, timeout=timeout, isolation_level=None, uri=True)
    except sqlite3.Error as exc:
        raise store_error(name, exc) from None
    conn.row_factory = sqlite3.Row
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        _refuse_newer(conn, name)
        if read_only is None:
            _setting_up(conn, timeout)
        elif schema_version(conn) < len(MIGRATIONS):
            raise StoreError(
                f"{name}: the register is read-only here and needs upgrading; open it once writable"
            )
    except StoreError:
        conn.close()
        raise
    except sqlite3.Error as exc:
        conn.close()
        raise store_error(name, exc) from None
    return conn


def _setting_up(conn: sqlite3.Connection, timeout: float) -> None:
    """WAL and the schema, waiting for another process that is creating the same register.

    SQLite answers "locked" at once, without its busy handler, when a connection asks to change
    the journal mode while another one writes; so the wait is ours, up to the same time limit."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            _migrate(conn)
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(_LOCKED_PAUSE)


#: How long to pause before asking again for a register another process is setting up.
_LOCKED_PAUSE = 0.05


def _read_only(path: Path) -> str | None:
    """How to open a register this process may not write: `mode=ro` when only the file is
    read-only, `immutable=1` when its folder is too (WAL reading needs a -shm file beside it, which
    a read-only folder cannot hold; nobody can be writing there); None when it is writable."""
    if not path.exists():
        return None
    if not os.access(path.parent, os.W_OK):
        return "immutable=1"
    if not os.access(path, os.W_OK):
        return "mode=ro"
    return None


def _check_file(path: Path, create: bool) -> None:
    if not path.exists():
        if not create:
            raise StoreError(f"{path}: no register here (run `accords ingest` to make one)")
        return
    if path.is_dir():
        raise StoreError(f"{path}: is a folder, not a register file")
    with path.open("rb") as handle:
        head = handle.read(len(_SQLITE_HEADER))
    if head and head != _SQLITE_HEADER:
        raise StoreError(f"{path}: not an SQLite database")


def store_error(name: str, exc: sqlite3.Error) -> StoreError:
    """An SQLite error as the one line a user sees: what happened and what to do."""
    message = str(exc)
    if "locked" in message or "busy" in message:
        return StoreError(f"{name}: the register is locked by another process; try again when it is done")
    if "full" in message:
        return StoreError(f"{name}: the disk is full; free some space and run the command again")
    if "readonly" in message or "read-only" in message:
        return StoreError(
            f"{name}: the register is read-only here (the file or its folder); nothing was changed"
        )
    if any(sign in message for sign in ("not a database", "malformed", "corrupt", "vtable constructor")):
        return StoreError(
            f"{name}: the register is damaged or not an SQLite database; run `accords check --db {name}`"
        )
    if "unable to open" in message:
        return StoreError(f"{name}: cannot open the register (check the path and its permissions)")
    return StoreError(f"{name}: {message}")


def schema_version(conn: sqlite3.Connection) -> int:
    """The number of migrations the open register has had."""
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def _refuse_newer(conn: sqlite3.Connection, name: str) -> None:
    """Stop before anything is written to a register that a newer Accords made."""
    version = schema_version(conn)
    if version > len(MIGRATIONS):
        raise StoreError(
            f"{name}: schema version {version} is newer than this Accords knows ({len(MIGRATIONS)});"
            " upgrade Accords to open it"
        )


def _migrate(conn: sqlite3.Connection) -> None:
    """Apply the missing migrations in one write transaction, re-reading the version inside it.

    Two processes that open a new register at once both see version 0; the second waits for the
    first's lock, and must then find the version it left, not create the tables again.
    """
    if schema_version(conn) >= len(MIGRATIONS):
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        applied = range(schema_version(conn) + 1, len(MIGRATIONS) + 1)
        for number in applied:
            for statement in _statements(MIGRATIONS[number - 1]):
                conn.execute(statement)
        for number in applied:
            if number in FILLS:
                FILLS[number](conn)
        conn.execute(f"PRAGMA user_version = {len(MIGRATIONS)}")
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def _fill_summaries(conn: sqlite3.Connection) -> None:
    """Link the repeats and sum up the pairs of every stored document, in the order they were stored,
    as ingest would have."""
    for document_id, rowid, event_id in conn.execute(
        "SELECT id, rowid, event_id FROM documents ORDER BY rowid"
    ).fetchall():
        link_repeats(conn, document_id, rowid, event_id, commitments_of(conn, [document_id])[document_id])
        add_document(conn, document_id)


def _fill_links(conn: sqlite3.Connection) -> None:
    """File what linking reads: each event's reports that state a commitment first (those stored
    before `event_sources` was), and every document's commitments by pair and kind."""
    conn.execute(
        f"""INSERT OR IGNORE INTO event_sources (event_id, document_rowid, document_id)
            SELECT d.event_id, d.rowid, d.id FROM documents d WHERE d.event_id IS NOT NULL AND EXISTS
            (SELECT 1 FROM provisions p WHERE p.document_id = d.id AND {IN_COMMITMENTS} AND {NOT_REPEATED})""",
        COMMITMENT_MODALITIES,
    )
    file_stored(conn)


FILLS: dict[int, Callable[[sqlite3.Connection], None]] = {4: _fill_summaries, 6: _fill_links}
"""Migration number -> what fills its new tables from the rows an older register holds."""


def _statements(script: str) -> Iterator[str]:
    """The statements of an SQL script, one at a time (a trigger's body kept whole)."""
    pending = ""
    for piece in script.split(";"):
        pending += piece + ";"
        if sqlite3.complete_statement(pending):
            if pending.strip(" \n\t;"):
                yield pending
            pending = ""
    if pending.strip(" \n\t;"):
        yield pending


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """A write transaction that commits on success and rolls back on any exit, Ctrl-C included."""
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.Error as exc:
        raise store_error(_name(conn), exc) from None
    try:
        yield conn
        conn.execute("COMMIT")
    except sqlite3.Error as exc:
        _roll_back(conn)
        raise store_error(_name(conn), exc) from None
    except BaseException:
        _roll_back(conn)
        raise


def _roll_back(conn: sqlite3.Connection) -> None:
    """Undo the open transaction, if SQLite has not already (it does on a full disk)."""
    if conn.in_transaction:
        try:
            conn.execute("ROLLBACK")
        except sqlite3.Error:
            pass  # the error that led here is the one to report


def _name(conn: sqlite3.Connection) -> str:
    row = conn.execute("PRAGMA database_list").fetchone()
    return str(row["file"] or ":memory:")


def has_document(conn: sqlite3.Connection, document_id: str) -> bool:
    """Whether a document with this id (a hash of its clean text) is already stored."""
    return conn.execute("SELECT 1 FROM documents WHERE id = ?", (document_id,)).fetchone() is not None


def store_record(conn: sqlite3.Connection, record: Record, text: str | None = None) -> bool:
    """Store one document and everything derived from it; False when it was already there.

    `text` is the document as read, which the record's spans index; the record itself is kept
    whole as JSON, and the event it reports is linked to the same event in other documents.
    """
    with transaction(conn):
        if has_document(conn, record.id):
            return False
        event_id = link_event(conn, record)
        rowid = _insert_document(conn, record, text, event_id)
        first = _insert_provisions(conn, record)
        own = [
            (pid, signature(p))
            for pid, p in enumerate(record.provisions, start=first)
            if p.modality in COMMITMENT_MODALITIES
        ]
        link_repeats(conn, record.id, rowid, event_id, own)
        add_document(conn, record.id)
        _insert_evidence(
            conn,
            record.id,
            [(None, None, "event", e) for e in record.event.evidence]
            + [(None, None, "relationship", e) for e in record.relationship.evidence],
        )
        link_renewals(conn, record, rowid, event_id, own)
    return True


def document_date(record: Record) -> str | None:
    """A document's place in time: the start of the event it reports, else its publication date."""
    return record.event.start or record.source.published


def _insert_document(
    conn: sqlite3.Connection, record: Record, text: str | None, event_id: int | None
) -> int:
    """Write the document's row, its packed record and its countries; answer its rowid."""
    event, relationship = record.event, record.relationship
    guest, host = event.guest, event.host
    rowid = conn.execute(
        """INSERT INTO documents (id, file, url, title, published, languages, doc_type, date, event_id,
               event_kind, event_start, event_end, guest_name, guest_country, host_name, host_country, place,
               level, upgraded, level_since, relations_since, provision_count, commitment_count, ingested_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        (
            record.id,
            record.source.file,
            record.source.url,
            record.source.title,
            record.source.published,
            ",".join(record.languages),
            record.doc_type,
            document_date(record),
            event_id,
            event.kind,
            event.start,
            event.end,
            guest.name if guest else None,
            guest.country if guest else None,
            host.name if host else None,
            host.country if host else None,
            event.place,
            relationship.level,
            int(relationship.upgraded),
            relationship.since,
            relationship.diplomatic_relations_since,
            len(record.provisions),
            sum(p.modality in COMMITMENT_MODALITIES for p in record.provisions),
            datetime.now(UTC).isoformat(timespec="seconds"),
        ),
    ).lastrowid
    conn.execute(
        "INSERT INTO records (document_id, record, text) VALUES (?, ?, ?)",
        (record.id, pack(_without_words(record).model_dump_json(by_alias=True)), pack(text)),
    )
    conn.executemany(
        "INSERT OR IGNORE INTO document_countries (document_id, country, role) VALUES (?, ?, ?)",
        [(record.id, code, "party") for code in record.parties]
        + [(record.id, code, "mentioned") for code in record.countries_mentioned],
    )
    return int(rowid or 0)


def _insert_provisions(conn: sqlite3.Connection, record: Record) -> int:
    """All provisions of a document and their rows, one statement per table; answers the first's id.

    Ids are given here rather than by SQLite so that the rows of every table can be written in one
    `executemany`; the write lock is held, so nobody else can take the same ids.
    """
    document_id, date = record.id, document_date(record)
    first = int(conn.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM provisions").fetchone()[0])
    numbered = list(enumerate(record.provisions, start=first))
    conn.executemany(
        """INSERT INTO provisions (id, document_id, ordinal, number, section, language, span_start, span_end,
               modality, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        [
            (
                pid,
                document_id,
                pid - first + 1,
                p.number,
                p.section,
                p.language,
                p.span[0],
                p.span[1],
                p.modality,
                p.text,
            )
            for pid, p in numbered
        ],
    )
    conn.executemany(
        "INSERT INTO provisions_fts (rowid, text, facets) VALUES (?, ?, ?)",
        [
            (pid, plain_letters(p.text), facets.tokens(record.parties, p.domains, p.modality, date))
            for pid, p in numbered
        ],
    )
    conn.executemany(
        "INSERT OR IGNORE INTO provision_actors (provision_id, country) VALUES (?, ?)",
        [(pid, code) for pid, p in numbered for code in p.actors],
    )
    conn.executemany(
        "INSERT OR IGNORE INTO provision_domains (provision_id, domain) VALUES (?, ?)",
        [(pid, domain) for pid, p in numbered for domain in p.domains],
    )
    conn.executemany(
        "INSERT INTO targets (provision_id, document_id, metric, amount, unit, year) VALUES (?, ?, ?, ?, ?, ?)",
        [(pid, document_id, t.metric, t.amount, t.unit, t.year) for pid, p in numbered for t in p.targets],
    )
    conn.executemany(
        "INSERT INTO measurements (provision_id, metric, amount, unit, year) VALUES (?, ?, ?, ?, ?)",
        [(pid, m.metric, m.amount, m.unit, m.year) for pid, p in numbered for m in p.measurements],
    )
    conn.executemany(
        "INSERT INTO entities (provision_id, kind, ordinal, entity_id, name, year) VALUES (?, ?, ?, ?, ?, ?)",
        [
            (pid, kind, i, e.id, e.name, e.year)
            for pid, p in numbered
            for kind, found in (("instrument", p.instruments), ("organization", p.organizations))
            for i, e in enumerate(found)
        ],
    )
    conn.executemany(
        "INSERT INTO mechanisms (provision_id, ordinal, name) VALUES (?, ?, ?)",
        [(pid, i, name) for pid, p in numbered for i, name in enumerate(p.mechanisms)],
    )
    _insert_evidence(conn, document_id, [(p, pid, "provision", e) for pid, p in numbered for e in p.evidence])
    return first


def _insert_evidence(
    conn: sqlite3.Connection,
    document_id: str,
    evidence: Sequence[tuple[Provision | None, int | None, str, Evidence]],
) -> None:
    """Evidence rows as (provision and its id, or None for the event's and relationship's; scope;
    evidence). A provision's row names only the provision, and its cue only when that is not the
    provision's words at the span (see `load_record`)."""
    conn.executemany(
        """INSERT INTO evidence (provision_id, document_id, scope, field, value, span_start, span_end, cue)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
        [
            (
                pid,
                None,
                None,
                e.field,
                e.value,
                e.span[0],
                e.span[1],
                None if _words_at(p, e) == e.cue else e.cue,
            )
            if p is not None
            else (None, document_id, scope, e.field, e.value, e.span[0], e.span[1], e.cue)
            for p, pid, scope, e in evidence
        ],
    )


def _words_at(provision: Provision, evidence: Evidence) -> str:
    """The provision's words at the evidence's span (its spans count in the document's text)."""
    start = provision.span[0]
    return provision.text[evidence.span[0] - start : evidence.span[1] - start]


def load_record(conn: sqlite3.Connection, document_id: str) -> Record:
    """The stored record of a document, its provisions' words and every value's evidence from their rows."""
    row = conn.execute("SELECT record FROM records WHERE document_id = ?", (document_id,)).fetchone()
    record = Record.model_validate_json(unpack(row["record"]) or "")
    ordinals: dict[int, int] = {}
    words = conn.execute(
        "SELECT id, text FROM provisions WHERE document_id = ? ORDER BY ordinal", (document_id,)
    )
    for index, (provision, (pid, text)) in enumerate(zip(record.provisions, words, strict=True)):
        provision.text = text
        provision.evidence = []
        ordinals[pid] = index
    record.event.evidence, record.relationship.evidence = [], []
    for r in conn.execute(
        """SELECT e.id, e.provision_id, e.scope, e.field, e.value, e.span_start, e.span_end, e.cue
           FROM provisions p JOIN evidence e ON e.provision_id = p.id WHERE p.document_id = ?
           UNION ALL
           SELECT id, provision_id, scope, field, value, span_start, span_end, cue FROM evidence
           WHERE document_id = ? ORDER BY 1""",
        (document_id, document_id),
    ):
        found = Evidence(
            field=r["field"], value=r["value"], span=(r["span_start"], r["span_end"]), cue=r["cue"] or ""
        )
        if r["provision_id"] is not None:
            provision = record.provisions[ordinals[r["provision_id"]]]
            if r["cue"] is None:
                found.cue = _words_at(provision, found)
            provision.evidence.append(found)
        else:
            (record.event if r["scope"] == "event" else record.relationship).evidence.append(found)
    return record


def _without_words(record: Record) -> Record:
    """The record as kept in `records`: its provisions' words and the evidence live once, in their rows."""
    return record.model_copy(
        update={
            "provisions": [p.model_copy(update={"text": "", "evidence": []}) for p in record.provisions],
            "event": record.event.model_copy(update={"evidence": []}),
            "relationship": record.relationship.model_copy(update={"evidence": []}),
        }
    )


def check(conn: sqlite3.Connection) -> list[str]:
    """What SQLite's integrity check finds wrong with the register (nothing: an empty list)."""
    try:
        found = [str(r[0]) for r in conn.execute("PRAGMA integrity_check(20)")]
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    return [] if found == ["ok"] else found
