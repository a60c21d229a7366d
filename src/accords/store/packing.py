"""The whole record and the text as read, kept compressed: each fact once in rows, the rest packed.

Every value a question asks for lives in the register's rows (documents, provisions, targets,
evidence ...); the whole record (to show a document's reading and export it as it was extracted)
and the text its spans index are read one document at a time, so they are kept as zlib-compressed
UTF-8, about a sixth of their size. SQLite keeps a BLOB as it is in a TEXT column, and registers
written before this kept them as plain text, which `unpack` still reads.
"""

from __future__ import annotations

import zlib

LEVEL = 6


def pack(text: str | None) -> bytes | None:
    """The text compressed (None stays None)."""
    return None if text is None else zlib.compress(text.encode("utf-8"), LEVEL)


def unpack(value: str | bytes | None) -> str | None:
    """The text back, from a packed value or an older register's plain text."""
    if value is None or isinstance(value, str):
        return value
    return zlib.decompress(value).decode("utf-8")
