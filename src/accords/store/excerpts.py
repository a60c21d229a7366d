"""The words to show for a provision: the sentence that made it match, not the whole numbered item.

A numbered item of a joint statement runs to a page; a table that compares partners on energy
should show the sentence about energy. The sentence is found around an offset (the evidence span
of a domain, or the first word a search matched), and cut to a readable length.
"""

from __future__ import annotations

import re

from accords.store.folding import fold

LIMIT = 280
_SENTENCE_END = re.compile(r"[.!?;](?<!(?<!\d)\d.)(?<!(?<!\d)\d\d.)\s")
"""A stop and a space, except after a number of one or two digits ("4. De to sidene", "10. august").
The stop comes first in the pattern, so that the search skips to the next stop at once rather than
trying the look-behinds at every character (twenty times faster; /compare cuts hundreds of excerpts)."""
_TERM = re.compile(r"\w+", re.UNICODE)
_OPERATORS = {"AND", "OR", "NOT", "NEAR"}


def sentence_around(text: str, index: int, limit: int = LIMIT) -> str:
    """The sentence of `text` that holds character `index`, at most `limit` characters long."""
    index = max(0, min(index, len(text)))
    start, end = _last_end(text, index), _next_end(text, index)
    sentence = text[start:end].strip()
    if len(sentence) <= limit:
        return sentence
    offset = max(0, min(index - start - limit // 3, len(sentence) - limit))
    stop = offset + limit
    if offset:  # cut between words, not inside one
        offset = sentence.find(" ", offset) + 1 or offset
    if stop < len(sentence):
        stop = sentence.rfind(" ", offset, stop) if " " in sentence[offset:stop] else stop
    cut = sentence[offset:stop].strip()
    return ("…" if offset else "") + cut + ("…" if stop < len(sentence) else "")


_WINDOW = 512
"""How far from the index a sentence's ends are looked for first; further only when none is there."""


def _last_end(text: str, index: int) -> int:
    """Where the sentence holding `index` starts: after the last sentence end before it. Windows
    widening back from `index` find it without reading a long text from its start (two ends
    cannot overlap, so the last end in a window is the last one before `index`)."""
    width = _WINDOW
    while True:
        begin = max(0, index - width)
        last = None
        for last in _SENTENCE_END.finditer(text, begin, index):
            pass
        if last is not None:
            return last.end()
        if begin == 0:
            return 0
        width *= 4


def _next_end(text: str, index: int) -> int:
    """Where the sentence holding `index` ends (its stop included), looked for near it first."""
    found = _SENTENCE_END.search(text, index, index + _WINDOW) or _SENTENCE_END.search(text, index)
    return found.start() + 1 if found else len(text)


def query_terms(query: str) -> list[str]:
    """The plain words of a full-text query, folded and lower-cased, without its operators."""
    return [fold(word).lower() for word in _TERM.findall(query) if word not in _OPERATORS]


def matched_excerpt(text: str, query: str, limit: int = LIMIT) -> str:
    """The sentence holding the first word of `text` that a term of `query` matches."""
    folded = fold(text).lower()
    hits = [i for term in query_terms(query) if (i := _word_start(folded, term)) >= 0]
    return sentence_around(text, min(hits) if hits else 0, limit)


def _word_start(folded: str, term: str) -> int:
    match = re.search(r"(?<!\w)" + re.escape(term), folded)
    return match.start() if match else -1


def cue_excerpt(text: str, offset: int | None, cue: str | None, limit: int = LIMIT) -> str:
    """The sentence holding an evidence cue: its words nearest `offset` (the cue's place in `text`).

    The words decide and the offset only chooses among repeats, because a provision's text may be
    normalised from the input its spans index. When the cue's words stand at the offset as they are,
    nothing needs folding (the common case, and /compare shows hundreds of cues at once).
    """
    if cue and offset is not None and text.startswith(cue, max(offset, 0)):
        return sentence_around(text, offset, limit)
    if cue:
        folded = fold(text).lower()
        places = [m.start() for m in re.finditer(re.escape(fold(cue).lower()), folded)]
        if places:
            near = offset if offset is not None else 0
            return sentence_around(text, min(places, key=lambda place: abs(place - near)), limit)
    if offset is not None and 0 <= offset < len(text):
        return sentence_around(text, offset, limit)
    return sentence_around(text, 0, limit)
