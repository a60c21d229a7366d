"""Bytes to text: byte-order marks, UTF-8, legacy 8-bit encodings, and mojibake repair.

The text returned here is "the text as read": every span in a record counts characters of it,
so a provision can be highlighted in the original.
"""

from __future__ import annotations

import codecs

import ftfy
from charset_normalizer import from_bytes
from ftfy.badness import is_bad

from accords.errors import ReadError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Control characters other than tab, newline, carriage return and form feed never occur in a
# text document; a few percent of them means the bytes are not text at all.
_CONTROL = {chr(c) for c in range(32)} - {"\t", "\n", "\r", "\f"}
_BINARY_SHARE = 0.02


def looks_binary(data: bytes) -> bool:
    """True for bytes that are not text in any encoding (NUL bytes outside UTF-16)."""
    sample = data[:8192]
    return b"\x00" in sample


def _control_share(text: str) -> float:
    sample = text[:8192]
    return sum(ch in _CONTROL for ch in sample) / max(len(sample), 1)


def decode(data: bytes, name: str) -> str:
    """Decode a file's bytes, repair mojibake, and refuse what is not text."""
    if not data.strip():
        raise ReadError(name, "empty file")
    text: str | None = None
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = data.decode(encoding, errors="replace")
            break
    if text is None:
        if looks_binary(data):
            raise ReadError(name, "binary file, not text")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            best = from_bytes(data).best()
            if best is None:
                raise ReadError(name, "unknown text encoding") from None
            text = str(best)
    if _control_share(text) > _BINARY_SHARE:
        raise ReadError(name, "binary file, not text")
    if not text.strip():
        raise ReadError(name, "empty file")
    if is_bad(text):
        text = ftfy.fix_text(text, normalization="NFC")
    return text
