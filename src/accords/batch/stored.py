"""The records a batch stored (`accords batch` writes them, `accords.batch.records`), read back
by `accords ingest`: which paths name such a dataset, how many rows it holds, each row's record.

pyarrow is loaded only when a Parquet file is opened: `accords ingest` of a folder of documents,
its usual work, does not pay a fifth of a second to import it. Ingesting a cluster's output
needs no Ray.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import ValidationError

from accords.errors import ReadError
from accords.model import SCHEMA, Record

if TYPE_CHECKING:
    import pyarrow.parquet as pq

#: The two datasets of a batch's OUTPUT folder.
RECORDS, FAILURES = "records", "failures"
_READ_ROWS = 256


def record_files(path: str) -> list[Path] | None:
    """The Parquet files of a records dataset named by `path`, or None when it is not one.

    A records dataset is a batch's OUTPUT folder (its `records/`), a folder of Parquet files, or
    one Parquet file; a folder of documents is not one.
    """
    where = Path(path)
    if where.is_file():
        return [where] if where.suffix.lower() == ".parquet" else None
    if not where.is_dir():
        return None
    if (where / RECORDS).is_dir() and (parts := sorted((where / RECORDS).glob("*.parquet"))):
        return parts
    files = [p for p in where.iterdir() if p.is_file() and not p.name.startswith(".")]
    if files and all(p.suffix.lower() == ".parquet" for p in files):
        return sorted(files)
    return None


def _open(file: Path) -> pq.ParquetFile:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        parquet = pq.ParquetFile(file)
    except (OSError, pa.ArrowException) as exc:
        raise ReadError(str(file), f"not a Parquet file ({exc})") from None
    if "record" not in parquet.schema_arrow.names:
        raise ReadError(str(file), "no 'record' column: not a records dataset of accords batch")
    return parquet


def count_records(files: Iterable[Path]) -> int:
    """How many rows the files hold, from their footers; a file that cannot be read is one failure."""
    total = 0
    for file in files:
        try:
            total += _open(file).metadata.num_rows
        except ReadError:
            total += 1
    return total


Load = Callable[[], tuple[Record, str | None]]


def stored_records(files: Iterable[Path]) -> Iterator[tuple[str, Load]]:
    """Each row of the files as (its name, a function that gives its record and text).

    The record is checked against the model when loaded, so one bad row is one failure and the
    rest go on; a file that cannot be read at all is one failure too.
    """
    for file in files:
        try:
            parquet = _open(file)
        except ReadError as exc:
            yield str(file), _raise(exc)
            continue
        columns = ["record", "text"] if "text" in parquet.schema_arrow.names else ["record"]
        row_number = 0
        for batch in parquet.iter_batches(batch_size=_READ_ROWS, columns=columns):
            texts = batch.column("text").to_pylist() if "text" in columns else [None] * batch.num_rows
            for json_text, text in zip(batch.column("record").to_pylist(), texts, strict=True):
                name = f"{file} row {row_number}"
                row_number += 1
                yield name, _loader(name, json_text, text)


def _raise(exc: ReadError) -> Load:
    def load() -> tuple[Record, str | None]:
        raise exc

    return load


def _loader(name: str, json_text: str | None, text: str | None) -> Load:
    def load() -> tuple[Record, str | None]:
        if not json_text:
            raise ReadError(name, "no record")
        try:
            record = Record.model_validate_json(json_text)
        except ValidationError as exc:
            raise ReadError(name, f"not an accords record ({exc.error_count()} errors)") from None
        if record.schema_ != SCHEMA:
            raise ReadError(name, f"record of schema {record.schema_!r}, expected {SCHEMA!r}")
        return record, text

    return load
