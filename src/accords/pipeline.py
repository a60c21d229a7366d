"""read -> clean -> segment -> extract -> resolve: one call per document.

Each stage is a plain function of the last stage's result; this module only chains them and
gives the record its id and source.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from accords.clean import clean
from accords.errors import ReadError
from accords.extract import extract
from accords.model import Record, Source
from accords.read import DEFAULT_MAX_BYTES, RawDocument, read_bytes, read_source
from accords.read import expand as expand_paths
from accords.read.nfc import Normalized, normalize
from accords.segment import Document, segment


def record_id(body: Iterable[str]) -> str:
    """A hash of the cleaned text: the same text read twice is the same document."""
    digest = hashlib.sha256("\n".join(body).encode("utf-8")).hexdigest()
    return digest[:16]


class Known(Exception):
    """Raised by `process_raw` when its `known` says the document's id is one already kept: the
    id is settled once the text is cleaned, and segmenting and extracting, nine tenths of the
    work, would only make the record that is already there."""

    def __init__(self, document_id: str) -> None:
        super().__init__(document_id)
        self.document_id = document_id


def process_raw(raw: RawDocument, known: Callable[[str], bool] | None = None) -> Record:
    """The full record of one document that has been read, its spans on the text as read
    (`known`: see `Known`)."""
    normal = normalize(raw.text)
    record = _extract_text(raw, normal.text if normal else raw.text, known)
    if normal is not None:
        _spans_as_read(record, normal)
    return record


def _extract_text(raw: RawDocument, text: str, known: Callable[[str], bool] | None = None) -> Record:
    record, doc = _segmented(raw, text, known)
    return extract(record, doc)


def _segmented(raw: RawDocument, text: str, known: Callable[[str], bool] | None = None) -> tuple[Record, Document]:
    """The record's frame and the segmented document; the cleaned lines end with this call, so
    that they are not held while the provisions are read."""
    cleaned = clean(text)
    if not cleaned.body:
        raise ReadError(raw.name, "no body text (only page debris)")
    document_id = record_id(line.text for line in cleaned.body)
    if known is not None and known(document_id):
        raise Known(document_id)
    doc = segment(text, cleaned)
    if not doc.provisions:
        raise ReadError(raw.name, "no body text (only headings)")
    record = Record(
        id=document_id,
        source=Source(
            file=raw.name,
            url=raw.url or cleaned.url,
            title=raw.title or cleaned.title,
            published=raw.published or cleaned.published,
        ),
        languages=doc.languages,
        doc_type=doc.doc_type,
        provisions=doc.provisions,
    )
    return record, doc


def _spans_as_read(record: Record, normal: Normalized) -> None:
    """Take every span of a record read in NFC back to the text as read."""
    evidence = [*record.event.evidence, *record.relationship.evidence]
    for provision in record.provisions:
        provision.span = normal.span(provision.span)
        evidence += provision.evidence
    for item in {id(e): e for e in evidence}.values():  # each object once, should one be shared
        item.span = normal.span(item.span)


def process(path: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Record:
    """Read and extract one path (`-` for standard input); ReadError names what went wrong."""
    raw = read_source(path, max_bytes)
    try:
        return process_raw(raw)
    except ReadError as exc:
        raise ReadError(path, exc.problem) from None


def process_text(text: str, name: str) -> Record:
    """Extract a text given in memory (pasted in the web app, say)."""
    return process_raw(read_bytes(text.encode("utf-8"), name))


def process_bytes(data: bytes, name: str, suffix: str = "") -> Record:
    """Extract an uploaded file's bytes."""
    return process_raw(read_bytes(data, name, suffix))


def expand(paths: Iterable[str]) -> Iterator[str]:
    """Files named and the supported files inside folders (see accords.read.expand)."""
    return expand_paths(paths)


def read(source: str | Path, *, name: str = "text.txt", max_bytes: int = DEFAULT_MAX_BYTES) -> Record:
    """The record of a document: a file (a Path, or a string naming a file that exists) or a text.

    This is the Python API's way in: `accords.read("statement.txt")` or `accords.read(pasted)`.
    A string with a line break, or naming no file, is read as the text itself, under `name`.
    """
    if isinstance(source, Path) or ("\n" not in source and len(source) < 4096 and Path(source).is_file()):
        return process(str(source), max_bytes=max_bytes)
    if len(source.encode("utf-8")) > max_bytes:
        raise ReadError(name, f"too large (over {max_bytes / 1e6:.1f} MB)")
    return process_text(source, name)
