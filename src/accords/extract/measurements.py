"""Figures already reached, as measurements: "two-way trade reached USD 86 billion in 2024",
"Handelsvolumen erreichte 2023 ...", "kim ngạch thương mại đạt ...", "товарооборот составил ...".

The target extractor drops these amounts as history (the packs' `history` and `history_after` cues
in [targets]); here the same recognition keeps them, with the metric named before the amount and
the year nearest to it in its sentence. An amount with no metric is left out: nothing could be
measured against it.
"""

from __future__ import annotations

import re

from accords.extract.context import find
from accords.extract.targets import _history, _sentence_bounds, amounts, metric, without_conversions
from accords.lang import Pack
from accords.model import Measurement

_YEAR = re.compile(r"(?<!\d)(?:19[5-9]\d|20\d\d)(?![\d.,]\d)")
YEAR_WINDOW = 60
"""How far from an amount, within its sentence and clause, the year it was reached may stand."""
VERB_AFTER = 25
"""How far after an amount a verb of reaching may close the clause ("ein Handelsvolumen von 100
Milliarden Franken erreichte")."""
_CLAUSE_BREAK = re.compile(r"[,;:]")


def measurements_of(pack: Pack, text: str) -> list[Measurement]:
    """The figures a provision says were already reached, in reading order."""
    work = without_conversions(pack, text)
    found = amounts(pack, work)
    out: list[Measurement] = []
    for i, amount in enumerate(found):
        sentence = _sentence_bounds(work, amount.start)
        clause = (found[i - 1].end if i else 0, amount.start)
        after = work[amount.end : min(sentence[1], amount.end + VERB_AFTER)]
        closing = find(pack, "targets", "history", after)
        if _history(pack, work, clause, amount, sentence) is None and not (closing and closing[0].start < 8):
            continue
        name = metric(pack, work[max(sentence[0], clause[0]) : amount.start])
        if name is None:
            continue
        out.append(Measurement(metric=name, amount=amount.value, unit=amount.unit, year=_year(work, sentence, amount.start, amount.end)))
    return out


def _year(text: str, sentence: tuple[int, int], start: int, end: int) -> int | None:
    """The year nearest to an amount within its sentence and YEAR_WINDOW, outside the amount itself."""
    low, high = max(sentence[0], start - YEAR_WINDOW), min(sentence[1], end + YEAR_WINDOW)
    years = [
        m
        for m in _YEAR.finditer(text, low, high)
        if (m.end() <= start and not _CLAUSE_BREAK.search(text, m.end(), start))
        or (m.start() >= end and not _CLAUSE_BREAK.search(text, end, m.start()))
    ]
    if not years:
        return None
    nearest = min(years, key=lambda m: start - m.end() if m.end() <= start else m.start() - end)
    return int(nearest.group())
