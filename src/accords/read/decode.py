"""Bytes to text: byte-order marks, UTF-8, legacy 8-bit encodings, and mojibake repair.

The text returned here is "the text as read": every span in a record counts characters of it,
so a provision can be highlighted in the original.
"""

from __future__ import annotations

import codecs
import logging

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
#: Text that is not valid UTF-8 is still read as UTF-8 when it holds this many valid non-ASCII
#: characters for each bad byte: a legacy encoding makes nearly every such character a bad byte.
UTF8_SHARE = 4
_log = logging.getLogger(__name__)


def looks_binary(data: bytes) -> bool:
    """True for bytes that are not text in any encoding (NUL bytes outside UTF-16)."""
    sample = data[:8192]
    return b"\x00" in sample


def _control_share(text: str) -> float:
    sample = text[:8192]
    return sum(map(sample.count, _CONTROL)) / max(len(sample), 1)  # a count per character: C speed


def _mostly_utf8(data: bytes, name: str, first_bad: int) -> str | None:
    """UTF-8 with a few bad bytes (a cut, a stray byte) as UTF-8, the bad bytes replaced and
    reported; None when the bad bytes are too many for that, as in a legacy 8-bit encoding,
    where nearly every letter outside ASCII is one."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    valid = len(text) - len(text.encode("ascii", errors="ignore")) - bad
    if valid < UTF8_SHARE * bad:
        return None
    _log.warning("%s: %d %s not valid UTF-8, replaced by U+FFFD (the first at byte %d)",
                 name, bad, "byte" if bad == 1 else "bytes", first_bad)
    return text


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
        except UnicodeDecodeError as exc:
            text = _mostly_utf8(data, name, exc.start)
            if text is None:
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
