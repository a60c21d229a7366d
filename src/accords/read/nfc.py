"""Unicode normal form C for reading, with the way back to the text as read.

Vietnamese written with combining tone marks (decomposed, NFD, and every Windows-1258 file) does
not match the precomposed words of the packs and registries ("Việt Nam"), so the pipeline reads
the text in NFC. Spans count characters of the text as read (spec/SCHEMA.md), so every offset
found in the NFC text is taken back through `Normalized.start` and `.end`.

NFC changes a text only inside clusters: a character followed by marks that compose with it or
are reordered (a mark of a non-zero combining class or decomposing into one, a Hangul vowel or
final consonant, the few other characters that compose with the one before), or a lone character NFC replaces. Each such
cluster is normalised on its own; the text between clusters stays character for character.
"""

from __future__ import annotations

import bisect
import re
import sys
import unicodedata
from dataclasses import dataclass
from functools import cache

_HANGUL_FOLLOWERS = "\u1161-\u1175\u11a8-\u11c2"


@cache
def _cluster_pattern() -> re.Pattern[str]:
    """A cluster NFC may change: a character and its composing marks, or a lone character that
    NFC replaces. Built from the Unicode database on first use (a few tenths of a second)."""
    marks: list[str] = []
    changed: list[str] = []
    for code in range(sys.maxunicode + 1):
        ch = chr(code)
        if unicodedata.combining(ch) or unicodedata.combining(unicodedata.normalize("NFD", ch)[:1] or ch):
            marks.append(ch)
        decomposition = unicodedata.decomposition(ch).split()
        if len(decomposition) == 2 and not decomposition[0].startswith("<"):
            second = chr(int(decomposition[1], 16))
            if not unicodedata.combining(second):
                marks.append(second)
        if not 0xD800 <= code <= 0xDFFF and unicodedata.normalize("NFC", ch) != ch:
            changed.append(ch)
    mark_class = _char_class(marks) + _HANGUL_FOLLOWERS
    return re.compile(f"(?s:.)[{mark_class}]+|[{_char_class(changed)}]")


def _char_class(chars: list[str]) -> str:
    return "".join(re.escape(ch) for ch in sorted(set(chars)))


@dataclass(frozen=True)
class Normalized:
    """A text in NFC and the map from its offsets back to the text as read.

    The map is a list of segments, each starting at `nfc_starts[i]` in the NFC text and
    `origin_starts[i]` in the original; `exact[i]` says whether it maps character for character
    (text left alone) or as a whole (a cluster NFC changed).
    """

    text: str
    nfc_starts: list[int]
    origin_starts: list[int]
    exact: list[bool]

    def start(self, pos: int) -> int:
        """Where the character at NFC offset `pos` begins in the text as read."""
        i = bisect.bisect_right(self.nfc_starts, pos) - 1
        return self.origin_starts[i] + (pos - self.nfc_starts[i] if self.exact[i] else 0)

    def end(self, pos: int) -> int:
        """Where the character before NFC offset `pos` ends in the text as read."""
        if pos <= 0:
            return 0
        i = bisect.bisect_right(self.nfc_starts, pos - 1) - 1
        if self.exact[i]:
            return self.origin_starts[i] + pos - self.nfc_starts[i]
        return self.origin_starts[i + 1]

    def span(self, span: tuple[int, int]) -> tuple[int, int]:
        return self.start(span[0]), self.end(span[1])


def normalize(text: str) -> Normalized | None:
    """`text` in NFC with its map back, or None when it already is in NFC (nearly always)."""
    if unicodedata.is_normalized("NFC", text):
        return None
    parts: list[str] = []
    nfc_starts, origin_starts, exact = [0], [0], [True]
    done = removed = 0
    for m in _cluster_pattern().finditer(text):
        cluster = m.group()
        composed = unicodedata.normalize("NFC", cluster)
        if composed == cluster:
            continue
        start, end = m.span()
        parts += [text[done:start], composed]
        nfc_starts += [start - removed, start - removed + len(composed)]
        origin_starts += [start, end]
        exact += [False, True]
        removed += (end - start) - len(composed)
        done = end
    parts.append(text[done:])
    return Normalized("".join(parts), nfc_starts, origin_starts, exact)
