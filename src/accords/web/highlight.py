"""The document as read, cut into pieces that each carry the extracted values they show.

Evidence spans overlap and nest (an actor inside a modality cue inside a provision), and HTML
elements must not cross. So every start and end of a provision or evidence span cuts the text,
and each piece between two cuts lists every value whose span covers it: a piece is then one
element whose colour is its innermost value and whose hover names them all. The pieces are plain
strings; the templates escape them, so a document holding HTML or a script shows as text.

The same module marks the words a search matched in a hit's excerpt.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from accords.model import Evidence
from accords.store.folding import fold
from accords.store.query.documents import ProvisionView

CATEGORIES: tuple[tuple[str, str], ...] = (
    ("modality", "Modality cue"),
    ("actors", "Actors"),
    ("domains", "Domain"),
    ("dates", "Date"),
    ("targets", "Target"),
    ("treaties", "Treaty or agreement"),
    ("organisations", "Organisation"),
    ("mechanisms", "Mechanism"),
    ("event", "Event"),
    ("relationship", "Relationship"),
)
"""The colours of the legend, as (CSS class suffix, name), in the legend's order."""

_CATEGORY_OF_FIELD = {
    "modality": "modality",
    "actors": "actors",
    "domains": "domains",
    "targets": "targets",
    "instruments": "treaties",
    "organizations": "organisations",
    "mechanisms": "mechanisms",
    "event.start": "dates",
    "event.end": "dates",
}


def category(field_name: str) -> str:
    """The legend colour of an evidence field: dates apart, event and relationship fields by scope."""
    if field_name in _CATEGORY_OF_FIELD:
        return _CATEGORY_OF_FIELD[field_name]
    if field_name.startswith("relationship"):
        return "relationship"
    return "event"


@dataclass(frozen=True)
class Mark:
    """One extracted value over a piece of text."""

    category: str
    field: str
    value: str
    cue: str
    start: int
    end: int

    @property
    def tip(self) -> str:
        return f"{self.field}: {self.value}"


@dataclass(frozen=True)
class Piece:
    """A run of text and every value whose span covers all of it (innermost first)."""

    text: str
    marks: tuple[Mark, ...] = ()

    @property
    def category(self) -> str | None:
        return self.marks[0].category if self.marks else None

    @property
    def tip(self) -> str:
        return "; ".join(dict.fromkeys(mark.tip for mark in self.marks))

    @property
    def fields(self) -> str:
        return " ".join(dict.fromkeys(mark.category for mark in self.marks))


@dataclass(frozen=True)
class Block:
    """A provision of the text with its pieces, or text between provisions (headings, page debris)."""

    provision: ProvisionView | None
    pieces: list[Piece]


def document_blocks(
    text: str, provisions: Sequence[ProvisionView], document_evidence: Sequence[Evidence] = ()
) -> list[Block]:
    """The whole text in reading order: provisions, and what lies between them, cut into pieces.

    Spans are clipped to the text; a provision that starts inside the one before it starts where
    that one ends, so that no character is shown twice.
    """
    size = len(text)
    marks = [
        Mark(category(e.field), e.field, e.value, e.cue, max(0, e.span[0]), min(size, e.span[1]))
        for e in [*document_evidence, *(e for p in provisions for e in p.provision.evidence)]
    ]
    marks = [m for m in marks if m.start < m.end]
    ranges: list[tuple[int, int, ProvisionView | None]] = []
    cursor = 0
    for view in sorted(provisions, key=lambda v: v.provision.span[0]):
        start, end = max(cursor, min(size, view.provision.span[0])), min(size, view.provision.span[1])
        if start >= end:
            continue
        if start > cursor:
            ranges.append((cursor, start, None))
        ranges.append((start, end, view))
        cursor = end
    if cursor < size:
        ranges.append((cursor, size, None))
    cuts = sorted({0, size, *(m.start for m in marks), *(m.end for m in marks), *(r[0] for r in ranges)})
    blocks = []
    for start, end, shown in ranges:
        inside = [c for c in cuts if start <= c <= end]
        pieces = [_piece(text, a, b, marks) for a, b in pairwise(inside)]
        if shown is None and not text[start:end].strip():
            continue
        blocks.append(Block(shown, pieces))
    return blocks


def _piece(text: str, start: int, end: int, marks: Sequence[Mark]) -> Piece:
    covering = sorted(
        (m for m in marks if m.start <= start and m.end >= end), key=lambda m: (m.end - m.start, m.field)
    )
    return Piece(text[start:end], tuple(covering))


# --- search hits --------------------------------------------------------------------------------

_TERM = re.compile(r"(\w+)(\*?)", re.UNICODE)
_OPERATORS = {"AND", "OR", "NOT", "NEAR"}


def _lowered(text: str) -> str:
    """The text folded and lower-cased, one character for one, so offsets stay the original's."""
    folded = fold(text)
    lowered = folded.lower()
    if len(lowered) != len(text):
        lowered = "".join(char.lower()[:1] or char for char in folded)
    return lowered


def matched_pieces(text: str, query: str) -> list[tuple[str, bool]]:
    """The text cut into (piece, matched) runs, marking the words that a term of `query` matches.

    A term matches a whole word, accents ignored, as the full-text index does; `term*` matches
    every word that starts with it.
    """
    lowered = _lowered(text)
    found: list[tuple[int, int]] = []
    for word, star in _TERM.findall(query):
        if word in _OPERATORS:
            continue
        term = re.escape(_lowered(word))
        pattern = rf"(?<!\w){term}\w*" if star else rf"(?<!\w){term}(?!\w)"
        found += [(m.start(), m.end()) for m in re.finditer(pattern, lowered)]
    pieces: list[tuple[str, bool]] = []
    cursor = 0
    for start, end in sorted(found):
        if end <= cursor:
            continue
        start = max(start, cursor)
        if start > cursor:
            pieces.append((text[cursor:start], False))
        pieces.append((text[start:end], True))
        cursor = end
    if cursor < len(text) or not pieces:
        pieces.append((text[cursor:], False))
    return pieces
