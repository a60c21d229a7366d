"""What a batch reads, and the step each worker runs on a batch of it.

A batch's INPUT is a folder of documents (read by the workers, like `accords extract` reads them),
or a Parquet file or dataset, or a JSON Lines file, of documents given as columns: `name` and
`text`, or `name` and `bytes` with a `suffix` (".html", ".pdf"; base64 in JSON Lines).

`extract_batch` is the function Ray Data maps over batches of rows. It runs the pipeline's own
functions (`read_source` or `read_bytes`, then `process_raw`) on each row, exactly as `accords
extract` and `accords ingest` do, and turns every document into a record row or a failure row,
so one bad document never stops the batch. It needs no Ray, which is how it is tested alone.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from accords.batch.records import RESULT_SCHEMA, Row, failure_row, record_row
from accords.errors import ReadError
from accords.pipeline import expand, process_raw
from accords.read import RawDocument, read_bytes, read_source

FOLDER, PARQUET, JSONL = "folder", "parquet", "jsonl"
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
NAME, TEXT, BYTES, SUFFIX = "name", "text", "bytes", "suffix"
_LINE_SHOWN = 60


@dataclass(frozen=True)
class Input:
    """A batch's input, checked before any worker starts: its kind, where it is, its size."""

    kind: str
    location: str
    paths: tuple[str, ...] = ()
    columns: tuple[str, ...] = ()
    count: int | None = None


def open_input(location: str) -> Input:
    """Recognise and check INPUT; ReadError names it and the problem (missing, empty, no columns)."""
    path = Path(location)
    if not path.exists():
        raise ReadError(location, "no such file or folder")
    suffix = path.suffix.lower()
    if path.is_file() and suffix in JSONL_SUFFIXES:
        return Input(JSONL, location)
    if path.is_file() and suffix == ".parquet" or path.is_dir() and _parquet_folder(path):
        return _parquet_input(location)
    if path.is_dir():
        # A folder with nothing to read is listed as itself, to be reported: here it is no input.
        paths = tuple(p for p in expand([location]) if p != location)
        if not paths:
            raise ReadError(location, "no documents (.txt, .md, .html, .pdf) in this folder")
        return Input(FOLDER, location, paths=paths, count=len(paths))
    raise ReadError(location, "not a folder, a .parquet or a .jsonl file")


def _parquet_folder(path: Path) -> bool:
    files = [p for p in path.rglob("*") if p.is_file() and not p.name.startswith((".", "_"))]
    return bool(files) and all(p.suffix.lower() == ".parquet" for p in files)


def _parquet_input(location: str) -> Input:
    try:
        dataset = pq.ParquetDataset(location)
        names = set(dataset.schema.names)
        count = sum(fragment.metadata.num_rows for fragment in dataset.fragments)
    except (OSError, pa.ArrowException) as exc:
        raise ReadError(location, f"not a Parquet dataset ({exc})") from None
    if NAME not in names or not names & {TEXT, BYTES}:
        raise ReadError(location, f"needs a '{NAME}' column and a '{TEXT}' or '{BYTES}' column")
    columns = tuple(c for c in (NAME, TEXT, BYTES, SUFFIX) if c in names)
    return Input(PARQUET, location, columns=columns, count=count)


# --- the workers' step --------------------------------------------------------------------------


def extract_batch(batch: pa.Table, *, kind: str, max_bytes: int, source: str) -> pa.Table:
    """Records or failures, one row for each document of the batch, in RESULT_SCHEMA.

    A folder's rows are a `path` to read and the `name` the user gave it, which failures carry.
    """
    rows = batch.to_pylist()
    if kind == JSONL:
        rows = [_parse_line(row[TEXT], source) for row in rows]
    return pa.Table.from_pylist([extract_row(row, kind, max_bytes) for row in rows], schema=RESULT_SCHEMA)


def extract_row(row: Row, kind: str, max_bytes: int) -> Row:
    """One document's record row, or its failure row naming it and the problem."""
    name = str(row.get(NAME) or "(a row without a name)")
    try:
        raw = read_source(str(row["path"]), max_bytes) if kind == FOLDER else _read_columns(row, max_bytes)
        record = process_raw(raw)
    except ReadError as exc:
        return failure_row(name, exc.problem)
    except Exception as exc:  # noqa: BLE001 - an extraction bug must not stop the batch
        return failure_row(name, f"extraction failed ({type(exc).__name__}: {exc})")
    return record_row(record, raw.text)


def _read_columns(row: Row, max_bytes: int) -> RawDocument:
    name, text, data = row.get(NAME), row.get(TEXT), row.get(BYTES)
    if "problem" in row:
        raise ReadError(str(name), str(row["problem"]))
    if not isinstance(name, str) or not name:
        raise ReadError("", f"no '{NAME}'")
    if isinstance(text, str):
        data = text.encode("utf-8")
    elif not isinstance(data, bytes):
        raise ReadError(name, f"neither '{TEXT}' nor '{BYTES}'")
    if len(data) > max_bytes:
        raise ReadError(name, f"input too large ({len(data) / 1e6:.1f} MB, limit {max_bytes / 1e6:.1f} MB)")
    suffix = row.get(SUFFIX)
    return read_bytes(data, name, suffix if isinstance(suffix, str) else "")


def _parse_line(line: str, source: str) -> Row:
    """A JSON Lines row as columns; a line that is not a document's object carries its problem."""
    shown = f"{source}: {line[:_LINE_SHOWN]!r}"
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return {NAME: shown, "problem": f"not JSON ({exc.msg})"}
    if not isinstance(obj, dict):
        return {NAME: shown, "problem": "not a JSON object"}
    name = obj.get(NAME)
    if not isinstance(name, str) or not name:
        return {NAME: shown, "problem": f"no '{NAME}'"}
    row: Row = {NAME: name, TEXT: obj.get(TEXT), SUFFIX: obj.get(SUFFIX)}
    encoded = obj.get(BYTES)
    if not isinstance(row[TEXT], str) and encoded is not None:
        try:
            row[BYTES] = base64.b64decode(str(encoded), validate=True)
        except (binascii.Error, ValueError):
            row["problem"] = f"'{BYTES}' is not base64"
    return row
