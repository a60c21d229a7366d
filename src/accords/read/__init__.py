"""Read a file, a folder, a page or standard input into raw text and source metadata."""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from accords.errors import ReadError
from accords.read.decode import decode

TEXT_SUFFIXES = {".txt", ".md", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
PDF_SUFFIXES = {".pdf"}
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | PDF_SUFFIXES
DEFAULT_MAX_BYTES = 20_000_000
STDIN = "-"
_KINDS = (
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


@dataclass(frozen=True)
class RawDocument:
    """What a reader found: the text as read, and what the container said about it."""

    name: str
    text: str
    kind: str
    title: str | None = None
    published: str | None = None
    url: str | None = None


def shown(path: str) -> str:
    """A path as it can be printed and stored: bytes of a name that are not UTF-8 (kept by the
    file system's surrogate escapes) written as `\\xNN`."""
    return os.fsencode(path).decode("utf-8", errors="backslashreplace")


@dataclass
class Walk:
    """The inputs found under the paths given: files to read, and what was left out and why.

    `files` also holds the paths that will fail when read (missing, unreadable folders, broken
    links, folders with nothing to read), so that each is reported in its place in the batch.
    """

    files: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)


def walk(paths: Iterable[str]) -> Walk:
    """Files named and the supported files inside folders, recursively, in a stable order.

    Inside folders, hidden files and folders (a `.git`) are skipped, as are files of other types
    and links to folders (never followed, so a link cannot loop); a folder named that holds no
    document is passed through, so that reading it says so.
    """
    found = Walk()
    for raw in paths:
        if raw != STDIN and os.path.isdir(raw):
            before = len(found.files)
            _walk_folder(raw, found)
            if len(found.files) == before:
                found.files.append(raw)
        else:
            found.files.append(raw)
    return found


def _walk_folder(folder: str, found: Walk) -> None:
    """Depth first, in name order, so that a subfolder's files come where its name sorts."""
    stack = [iter(_entries(folder, found))]
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
            continue
        suffix = os.path.splitext(entry.name)[1].lower()
        if entry.name.startswith("."):
            found.skipped.append((entry.path, "hidden"))
        elif entry.is_symlink() and os.path.isdir(entry.path):
            found.skipped.append((entry.path, "a link to a folder, not followed"))
        elif entry.is_dir(follow_symlinks=False):
            stack.append(iter(_entries(entry.path, found)))
        elif suffix not in SUPPORTED:
            found.skipped.append((entry.path, f"not a supported type ({suffix or 'no extension'})"))
        else:
            found.files.append(entry.path)


def _entries(folder: str, found: Walk) -> list[os.DirEntry[str]]:
    """A folder's entries by name; one that cannot be listed is passed on to say why when read."""
    try:
        with os.scandir(folder) as listing:
            return sorted(listing, key=lambda e: e.name)
    except OSError:
        found.files.append(folder)
        return []


def expand(paths: Iterable[str]) -> Iterator[str]:
    """The files of `walk`, for callers that report only what fails to read."""
    yield from walk(paths).files


def _bytes_of(source: str, max_bytes: int) -> bytes:
    """At most `max_bytes` of a regular file or of standard input (ReadError beyond)."""
    if source == STDIN:
        data = sys.stdin.buffer.read(max_bytes + 1)
    else:
        data = _read_file(source, max_bytes)
    if len(data) > max_bytes:
        raise ReadError(shown(source), f"input too large (limit {max_bytes / 1e6:.1f} MB)")
    return data


def _read_file(source: str, max_bytes: int) -> bytes:
    name = shown(source)
    try:
        info = os.stat(source)
    except FileNotFoundError:
        raise ReadError(name, "broken link" if os.path.islink(source) else "no such file") from None
    except OSError as exc:
        raise ReadError(name, _problem(exc)) from None
    if stat.S_ISDIR(info.st_mode):
        raise ReadError(name, _folder_problem(source))
    _refuse_special(name, info.st_mode)
    if info.st_size > max_bytes:
        raise ReadError(name, f"file too large ({info.st_size / 1e6:.1f} MB, limit {max_bytes / 1e6:.1f} MB)")
    try:
        # Not blocking: should a named pipe take the file's place since the check, opening it
        # must not wait for a writer.
        fd = os.open(source, os.O_RDONLY | os.O_NONBLOCK)
        with open(fd, "rb") as handle:
            _refuse_special(name, os.fstat(handle.fileno()).st_mode)
            return handle.read(max_bytes + 1)
    except OSError as exc:
        raise ReadError(name, _problem(exc)) from None


def _refuse_special(name: str, mode: int) -> None:
    """Devices, pipes and sockets are not documents: their size says nothing, and a read may
    never end."""
    if not stat.S_ISREG(mode):
        kind = next((label for test, label in _KINDS if test(mode)), "not a file")
        raise ReadError(name, f"not a regular file ({kind})")


def _folder_problem(folder: str) -> str:
    try:
        with os.scandir(folder):
            pass
    except OSError as exc:
        return f"folder cannot be read ({_problem(exc)})"
    return f"a folder with no documents to read ({', '.join(sorted(SUPPORTED))})"


def _problem(exc: OSError) -> str:
    return exc.strerror or "cannot be read"


def read_bytes(data: bytes, name: str, suffix: str = "") -> RawDocument:
    """Read bytes whose kind is given by a file suffix (text when unknown)."""
    # The PDF and HTML readers (pypdf, trafilatura) take longer to import than a text takes to
    # read: they are imported for the first document that needs them.
    suffix = suffix.lower()
    if suffix in PDF_SUFFIXES or data[:5] == b"%PDF-":
        from accords.read.pdf import read_pdf

        return RawDocument(name, read_pdf(data, name), "pdf")
    text = decode(data, name)
    head = text.lstrip()[:512].lower()
    if suffix in HTML_SUFFIXES or head.startswith(("<!doctype html", "<html")):
        from accords.read.html import read_html

        page = read_html(text, name)
        return RawDocument(name, page.text, "html", page.title, page.published, page.url)
    return RawDocument(name, text, "text")


def read_source(source: str, max_bytes: int = DEFAULT_MAX_BYTES) -> RawDocument:
    """Read one path (or `-` for standard input) into a RawDocument; ReadError when it cannot."""
    data = _bytes_of(source, max_bytes)
    name = "<stdin>" if source == STDIN else shown(os.path.basename(source))
    try:
        return read_bytes(data, name, os.path.splitext(source)[1] if source != STDIN else "")
    except ReadError as exc:
        # Name the file as the user gave it, folders included, so a batch's errors can be found.
        raise ReadError(name if source == STDIN else shown(source), exc.problem) from None
