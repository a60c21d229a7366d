"""Documents added through the server: checked, read through the pipeline and stored.

Each document is read in a worker process under a time and memory limit (`workers.py`).

An upload must be text, Markdown, HTML or PDF by its name and look like it by its first bytes,
and must not exceed the size limit, which is also enforced on the request body as it arrives
(`BodyLimit`), so a client cannot fill the disk by leaving out `Content-Length`. A file that
fails gets its one-line reason; the others in the same request are still stored. Storing is
`accords.store.ingest`, as for the command line.
"""

from __future__ import annotations

import html
import json
import re
import sqlite3
from pathlib import PurePosixPath, PureWindowsPath

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from accords.read import DEFAULT_MAX_BYTES, SUPPORTED, read_bytes
from accords.store.ingest import Outcome, failed, store
from accords.web.errors import BadRequest, TooLarge, UnsupportedType
from accords.web.workers import workers

MAX_FILES = 20
"""Files one upload request may carry."""
_FORM_OVERHEAD = 1_000_000
"""Room in a request body for the multipart framing and the form's other fields."""
_BINARY_MAGIC = (b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x7fELF", b"MZ", b"\x1f\x8b")
_NAME = re.compile(r"[^\w.\- ]+", re.UNICODE)
__all__ = ["MAX_FILES", "BodyLimit", "Outcome", "check", "clean_name", "failed", "ingest", "ingest_text"]


def clean_name(name: str | None, default: str = "pasted.txt") -> str:
    """A file name without folders or odd characters, as the register will show it."""
    base = PureWindowsPath(PurePosixPath(name or "").name).name
    base = _NAME.sub("_", base).strip(" .")[:120]
    return base or default


def check(name: str, data: bytes, max_bytes: int) -> str:
    """The suffix to read `data` by, after the size and type checks (TooLarge, UnsupportedType)."""
    if len(data) > max_bytes:
        raise TooLarge(f"{name}: too large ({len(data) / 1e6:.1f} MB, limit {max_bytes / 1e6:.1f} MB)")
    if not data.strip():
        raise BadRequest(f"{name}: empty")
    suffix = PurePosixPath(name).suffix.lower()
    if suffix not in SUPPORTED:
        raise UnsupportedType(f"{name}: not a supported file type (give {', '.join(sorted(SUPPORTED))})")
    is_pdf = data[:5] == b"%PDF-"
    if suffix == ".pdf" and not is_pdf:
        raise UnsupportedType(f"{name}: named .pdf but is not a PDF")
    if not is_pdf and (data.startswith(_BINARY_MAGIC) or b"\x00" in data[:8192]):
        raise UnsupportedType(f"{name}: binary data, not text, HTML or PDF")
    return suffix


def ingest(conn: sqlite3.Connection, data: bytes, name: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Outcome:
    """Check, read, extract and store one document; AccordsError says why one could not be."""
    name = clean_name(name)
    raw = read_bytes(data, name, check(name, data, max_bytes))
    # Read in a worker process, under the server's time and memory limits.
    return store(conn, workers.extract(raw), raw.text)


def ingest_text(
    conn: sqlite3.Connection, text: str, name: str | None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Outcome:
    """Store pasted text as a document named `name` (pasted.txt by default)."""
    file_name = clean_name(name)
    if PurePosixPath(file_name).suffix.lower() not in SUPPORTED:
        file_name += ".txt"
    return ingest(conn, text.encode("utf-8"), file_name, max_bytes)


class BodyLimit:
    """ASGI middleware that answers 413 to a request body over `max_bytes` (plus form framing).

    A declared `Content-Length` over the limit is refused before the body is read. A body sent
    without one is cut off where it passes the limit, and whatever the app then answers (a parse
    error, say) is replaced by the 413.
    """

    def __init__(self, app: ASGIApp, max_bytes: int, headers: dict[str, str] | None = None) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.headers = [(name.encode(), value.encode()) for name, value in (headers or {}).items()]
        self.limit = max_bytes + _FORM_OVERHEAD

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > self.limit:
            await self._refuse(scope, send)
            return
        received = 0
        exceeded = False
        answered = False

        async def limited() -> Message:
            nonlocal received, exceeded
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    exceeded = True
                    raise TooLarge(f"request too large (limit {self.max_bytes / 1e6:.1f} MB)")
            return message

        async def guarded(message: Message) -> None:
            nonlocal answered
            if not exceeded:
                await send(message)
            elif not answered:
                answered = True
                await self._refuse(scope, send)

        await self.app(scope, limited, guarded)

    async def _refuse(self, scope: Scope, send: Send) -> None:
        message = f"upload too large (limit {self.max_bytes / 1e6:.1f} MB)"
        if str(scope.get("path", "")).startswith("/api/"):
            body, kind = json.dumps({"detail": message}).encode(), b"application/json"
        else:
            page = f"<!doctype html><title>Too large</title><p>{html.escape(message)}</p><p><a href='/upload'>Back</a>"
            body, kind = page.encode(), b"text/html; charset=utf-8"
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [
                    (b"content-type", kind),
                    (b"content-length", str(len(body)).encode()),
                    (b"connection", b"close"),
                    *self.headers,
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})
