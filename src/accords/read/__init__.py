"""Read a file, a folder, a page or standard input into raw text and source metadata."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from accords.errors import ReadError
from accords.read.decode import decode
from accords.read.html import read_html
from accords.read.pdf import read_pdf

TEXT_SUFFIXES = {".txt", ".md", ".text", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
PDF_SUFFIXES = {".pdf"}
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | PDF_SUFFIXES - {""}
DEFAULT_MAX_BYTES = 20_000_000
STDIN = "-"


@dataclass(frozen=True)
class RawDocument:
    """What a reader found: the text as read, and what the container said about it."""

    name: str
    text: str
    kind: str
    title: str | None = None
    published: str | None = None
    url: str | None = None


def expand(paths: Iterable[str]) -> Iterator[str]:
    """Files named and the supported files inside folders, recursively, in a stable order.

    A path that does not exist is passed through, so that reading it reports the problem in
    its place in the batch.
    """
    for raw in paths:
        path = Path(raw)
        if raw != STDIN and path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.suffix.lower() in SUPPORTED and not child.name.startswith("."):
                    yield str(child)
        else:
            yield raw


def _bytes_of(source: str, max_bytes: int) -> bytes:
    if source == STDIN:
        data = sys.stdin.buffer.read(max_bytes + 1)
    else:
        path = Path(source)
        if not path.exists():
            raise ReadError(source, "no such file")
        if path.is_dir():
            raise ReadError(source, "is a folder with no readable files")
        size = path.stat().st_size
        if size > max_bytes:
            raise ReadError(source, f"file too large ({size / 1e6:.1f} MB, limit {max_bytes / 1e6:.1f} MB)")
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise ReadError(source, exc.strerror or "cannot be read") from None
    if len(data) > max_bytes:
        raise ReadError(source, f"input too large (limit {max_bytes / 1e6:.1f} MB)")
    return data


def read_bytes(data: bytes, name: str, suffix: str = "") -> RawDocument:
    """Read bytes whose kind is given by a file suffix (text when unknown)."""
    suffix = suffix.lower()
    if suffix in PDF_SUFFIXES or data[:5] == b"%PDF-":
        return RawDocument(name, read_pdf(data, name), "pdf")
    text = decode(data, name)
    head = text.lstrip()[:512].lower()
    if suffix in HTML_SUFFIXES or head.startswith(("<!doctype html", "<html")):
        page = read_html(text, name)
        return RawDocument(name, page.text, "html", page.title, page.published, page.url)
    return RawDocument(name, text, "text")


def read_source(source: str, max_bytes: int = DEFAULT_MAX_BYTES) -> RawDocument:
    """Read one path (or `-` for standard input) into a RawDocument; ReadError when it cannot."""
    data = _bytes_of(source, max_bytes)
    name = "<stdin>" if source == STDIN else Path(source).name
    try:
        return read_bytes(data, name, Path(source).suffix if source != STDIN else "")
    except ReadError as exc:
        # Name the file as the user gave it, folders included, so a batch's errors can be found.
        raise ReadError(name if source == STDIN else source, exc.problem) from None
