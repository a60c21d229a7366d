"""The one way a document enters the register, for the command line, uploads and batches alike.

`store` keeps one extracted record (in one transaction, see `database.store_record`); `ingest_raw`
extracts what a reader found and stores it; `ingest_path` reads a file first. Each answers an
`Outcome`, and raises an AccordsError naming the document when it cannot be stored, so a caller
going through many documents reports that one in one line and goes on.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from accords.errors import AccordsError, ReadError
from accords.model import Record
from accords.pipeline import Known, process_raw
from accords.read import DEFAULT_MAX_BYTES, RawDocument, read_source
from accords.store import in_flight
from accords.store.database import has_document, store_record
from accords.store.labels import COMMITMENT_MODALITIES


@dataclass(frozen=True)
class Outcome:
    """What became of one document."""

    name: str
    status: str
    """stored, already (the same text was in the register), failed, or copy (from
    `read_and_extract` alone: another worker of this run is reading the same text)"""
    document_id: str | None = None
    error: str | None = None
    doc_type: str | None = None
    languages: list[str] = field(default_factory=list)
    parties: list[str] = field(default_factory=list)
    provisions: int = 0
    commitments: int = 0


def shown(name: str) -> str:
    """A name as it can be shown and stored: bytes that were not UTF-8 (kept by the file system's
    `surrogateescape`) written as \\xNN escapes."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def store(conn: sqlite3.Connection, record: Record, text: str | None = None) -> Outcome:
    """Store one record (with the text its spans index, when kept) and say whether it was new."""
    if record.source.file is not None and shown(record.source.file) != record.source.file:
        record = record.model_copy(
            update={"source": record.source.model_copy(update={"file": shown(record.source.file)})}
        )
    stored = store_record(conn, record, text)
    return Outcome(
        name=record.source.file or record.id,
        status="stored" if stored else "already",
        document_id=record.id,
        doc_type=record.doc_type,
        languages=record.languages,
        parties=record.parties,
        provisions=len(record.provisions),
        commitments=sum(p.modality in COMMITMENT_MODALITIES for p in record.provisions),
    )


def extract(raw: RawDocument, known: Callable[[str], bool] | None = None) -> Record:
    """The record of what a reader found; an extraction bug is this document's ReadError
    (`known`: see `pipeline.Known`, which passes through)."""
    try:
        return process_raw(raw, known)
    except (AccordsError, Known):
        raise
    except Exception as exc:  # noqa: BLE001 - an extraction bug must not stop the others
        raise ReadError(shown(raw.name), f"extraction failed ({type(exc).__name__}: {exc})") from None


def read_and_extract(
    path: str, max_bytes: int = DEFAULT_MAX_BYTES, register: str | None = None
) -> tuple[Record, str] | Outcome:
    """One file's record (`-` for standard input) and the text its spans index, ready to `store`;
    or, told without extracting it, an outcome: `already` when the same text is in `register`
    (a folder ingested again, as it grows, costs a read of each file already in rather than its
    extraction), `copy` when another worker of this run is reading the same text (`in_flight`).
    The caller stores the record, then gives its id back to the run's `InFlight`."""
    raw = read_source(path, max_bytes)
    if register is None:
        return extract(raw), raw.text
    seen = _Seen(register)
    try:
        return extract(raw, seen), raw.text
    except Known as known:
        return Outcome(name=shown(raw.name), status=seen.status, document_id=known.document_id)
    except BaseException:
        if seen.taken is not None:
            in_flight.give_back(seen.taken)
        raise


@dataclass
class _Seen:
    """Whether a worker can leave a text unread, asked once its id is settled (`pipeline.Known`):
    its `status` says why; `taken` is the id this worker took, to be given back should the
    text not reach the writer."""

    register: str
    status: str = ""
    taken: str | None = None

    def __call__(self, document_id: str) -> bool:
        if not in_flight.take(document_id):
            self.status = "copy"
        elif _in_register(self.register, document_id):
            in_flight.give_back(document_id)
            self.status = "already"
        else:
            self.taken = document_id
        return bool(self.status)


def _in_register(register: str, document_id: str) -> bool:
    """Whether the register holds the document, as far as a reader can tell now (a register that
    cannot be read says no, and the document is extracted and stored as usual)."""
    try:
        return has_document(_reader(register, os.getpid()), document_id)
    except sqlite3.Error:
        return False


@cache
def _reader(register: str, pid: int) -> sqlite3.Connection:
    """A read-only connection of this process (`pid`: a worker forked from a process that had one
    opens its own, since a connection cannot cross a fork), beside the one writer's."""
    return sqlite3.connect(f"{Path(register).resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False)


def ingest_raw(conn: sqlite3.Connection, raw: RawDocument) -> Outcome:
    """Extract and store what a reader found."""
    return store(conn, extract(raw), raw.text)


def ingest_path(conn: sqlite3.Connection, path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Outcome:
    """Read, extract and store one file (`-` for standard input)."""
    return ingest_raw(conn, read_source(path, max_bytes))


def failed(name: str, error: AccordsError) -> Outcome:
    """The outcome of a document that could not be stored, with its one-line reason."""
    return Outcome(name=shown(name), status="failed", error=shown(str(error)))
