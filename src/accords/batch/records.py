"""The Parquet datasets `accords batch` writes (`accords.batch.stored` reads them back).

A batch's OUTPUT folder holds two datasets: `records/`, one row a document with the columns an
analyst filters on (id, source, languages, doc_type, parties, event, relationship), the whole record
as JSON and the text as read (which the record's spans index, so the register can highlight it);
and `failures/`, one row a document that did not become a record (name, problem), so no document
disappears silently. Only pyarrow is needed here.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from types import TracebackType
from typing import Self

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from accords.batch.stored import FAILURES, RECORDS
from accords.errors import ReadError
from accords.model import Record

# Files of about 100 MB (a record and its text take some 11 kB compressed): large enough for fast
# scans, small enough to read in parallel.
ROWS_PER_FILE = 10_000

_STR, _STRS = pa.string(), pa.list_(pa.string())
RECORD_SCHEMA = pa.schema(
    [
        ("id", _STR),
        ("file", _STR),
        ("url", _STR),
        ("title", _STR),
        ("published", _STR),
        ("languages", _STRS),
        ("doc_type", _STR),
        ("parties", _STRS),
        ("countries_mentioned", _STRS),
        ("event_kind", _STR),
        ("event_start", _STR),
        ("event_end", _STR),
        ("guest_name", _STR),
        ("guest_country", _STR),
        ("host_name", _STR),
        ("host_country", _STR),
        ("place", _STR),
        ("level", _STR),
        ("upgraded", pa.bool_()),
        ("level_since", _STR),
        ("relations_since", _STR),
        ("record", _STR),
        ("text", _STR),
    ]
)
FAILURE_SCHEMA = pa.schema([("name", _STR), ("problem", _STR)])
# What the extraction step hands back: a record's columns, or a failure's, in one table.
RESULT_SCHEMA = pa.schema(list(RECORD_SCHEMA) + list(FAILURE_SCHEMA))

Row = dict[str, object]


def record_row(record: Record, text: str) -> Row:
    """A record's row: its filter columns, the record as JSON and the text its spans index."""
    event, relationship, source = record.event, record.relationship, record.source
    return {
        "id": record.id,
        "file": source.file,
        "url": source.url,
        "title": source.title,
        "published": source.published,
        "languages": record.languages,
        "doc_type": record.doc_type,
        "parties": record.parties,
        "countries_mentioned": record.countries_mentioned,
        "event_kind": event.kind,
        "event_start": event.start,
        "event_end": event.end,
        "guest_name": event.guest.name if event.guest else None,
        "guest_country": event.guest.country if event.guest else None,
        "host_name": event.host.name if event.host else None,
        "host_country": event.host.country if event.host else None,
        "place": event.place,
        "level": relationship.level,
        "upgraded": relationship.upgraded,
        "level_since": relationship.since,
        "relations_since": relationship.diplomatic_relations_since,
        "record": record.model_dump_json(by_alias=True),
        "text": text,
    }


def failure_row(name: str, problem: str) -> Row:
    return {"name": name, "problem": problem}


# --- writing ------------------------------------------------------------------------------------


class _Parts:
    """One dataset written as numbered part files of at most ROWS_PER_FILE rows."""

    def __init__(self, folder: Path, schema: pa.Schema) -> None:
        self.folder, self.schema = folder, schema
        self.rows = self._in_file = self._files = 0
        self._writer: pq.ParquetWriter | None = None
        folder.mkdir(parents=True)

    def write(self, table: pa.Table) -> None:
        table = table.select(self.schema.names).cast(self.schema)
        while table.num_rows:
            if self._writer is None or self._in_file >= ROWS_PER_FILE:
                self._roll()
            assert self._writer is not None
            room = ROWS_PER_FILE - self._in_file
            self._writer.write_table(table.slice(0, room))
            taken = min(room, table.num_rows)
            self._in_file += taken
            self.rows += taken
            table = table.slice(taken)

    def _roll(self) -> None:
        self.close()
        self._writer = pq.ParquetWriter(self.folder / f"part-{self._files:05d}.parquet", self.schema)
        self._files += 1
        self._in_file = 0

    def close(self) -> None:
        if self._writer is not None:
            self._writer.close()
            self._writer = None

    def finish(self) -> None:
        """Close the last file; a dataset with no rows still gets one typed, empty file."""
        if self._files == 0:
            self._roll()
            assert self._writer is not None
            self._writer.write_table(self.schema.empty_table())
        self.close()


class BatchOutput:
    """The OUTPUT folder of a batch, written under a temporary name and renamed when complete.

    An interrupted or failed batch leaves no OUTPUT behind (the temporary folder is removed), so
    an OUTPUT that exists is always whole. An existing, non-empty OUTPUT is never overwritten.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        if self.path.exists() and not (self.path.is_dir() and not any(self.path.iterdir())):
            raise ReadError(str(self.path), "already exists; give a new folder for the output")
        self._tmp = self.path.parent / f".{self.path.name}.tmp-{os.getpid()}"
        self.records: _Parts
        self.failures: _Parts

    def __enter__(self) -> Self:
        if self._tmp.exists():
            shutil.rmtree(self._tmp)
        self.records = _Parts(self._tmp / RECORDS, RECORD_SCHEMA)
        self.failures = _Parts(self._tmp / FAILURES, FAILURE_SCHEMA)
        return self

    def write(self, results: pa.Table) -> tuple[int, list[Row]]:
        """Split extraction results into the two datasets; the records written and the failures."""
        failed = pc.is_valid(results["problem"])
        self.records.write(results.filter(pc.invert(failed)))
        failures = results.filter(failed)
        self.failures.write(failures)
        return results.num_rows - failures.num_rows, failures.select(FAILURE_SCHEMA.names).to_pylist()

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.records.close()
        self.failures.close()
        if kind is not None:
            shutil.rmtree(self._tmp, ignore_errors=True)
            return
        self.records.finish()
        self.failures.finish()
        if self.path.exists():
            self.path.rmdir()
        self._tmp.rename(self.path)
