"""Targets: amounts the parties aim at, with their unit and deadline year.

An amount is a number (digits in the pack's notation, or a number word), an optional scale word
(billion, milliarder, Milliarden, tỷ) and a currency before or after it, or a unit (percent,
students). Its deadline is a pack pattern with a year just after it ("by 2030", "innen 2030").
"USD 2 billion each" after two named funds is one target per fund.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from accords.extract.context import find
from accords.lang import Pack, alternation, bounded, phrase_to_regex
from accords.model import Evidence, Target

#: How far after an amount its deadline may stand, and how far before it its metric.
DEADLINE_WINDOW = 80
METRIC_WINDOW = 160
EACH_WINDOW = 20


@dataclass(frozen=True)
class Amount:
    start: int
    end: int
    text: str
    value: float
    unit: str


def _phrases(words: list[str]) -> str:
    return alternation(phrase_to_regex(w.lower()) if w[:1].isalnum() else re.escape(w) for w in words)


@cache
def _amount_re(pack: Pack) -> re.Pattern[str]:
    decimal = str(pack.get("numbers", "decimal", "."))
    group = "," if decimal == "." else "."
    digits = rf"\d{{1,3}}(?:[{re.escape(group)}\u00a0\u202f ]\d{{3}})+(?:{re.escape(decimal)}\d+)?|\d+(?:{re.escape(decimal)}\d+)?"
    words = _phrases(list(pack.table("numbers", "words")))
    number = rf"(?P<num>{digits}|{words})"
    scale = rf"(?P<scale>{_phrases(list(pack.table('numbers', 'scales')))})"
    currencies = {w: code for code, ws in pack.table("targets", "currencies").items() for w in ws}
    units = {w: unit for unit, ws in pack.table("targets", "units").items() for w in ws}
    cur_before = rf"(?P<cur1>{_phrases(list(currencies))})"
    cur_after = rf"(?P<cur2>{_phrases(list(currencies))})"
    unit = rf"(?P<unit>{_phrases(list(units))})"
    forms = [
        rf"{cur_before}\s?{number.replace('num', 'numa')}(?:\s*{scale.replace('scale', 'scalea')})?",
        rf"{number}(?:\s*{scale})?\s*{cur_after}",
        # A unit may follow its number after an adjective or two ("10,000 skilled workers").
        rf"{number.replace('num', 'numu')}(?:\s*{scale.replace('scale', 'scaleu')})?(?:\s+[^\W\d]+){{0,2}}?\s*{unit}",
    ]
    return re.compile(bounded("|".join(f"(?:{f})" for f in forms)), re.IGNORECASE)


def _number(text: str, pack: Pack) -> float | None:
    words = {str(k).lower(): float(v) for k, v in pack.table("numbers", "words").items()}
    if text.lower() in words:
        return words[text.lower()]
    decimal = str(pack.get("numbers", "decimal", "."))
    cleaned = re.sub(r"[\s\u00a0\u202f]", "", text)
    if decimal == ",":
        cleaned = cleaned.replace(".", "").replace(",", ".")
    else:
        cleaned = cleaned.replace(",", "")
    try:
        return float(cleaned)
    except ValueError:
        return None


@cache
def _table_res(pack: Pack, section: str, key: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple(
        (str(name), re.compile(_phrases([str(w) for w in words]), re.IGNORECASE))
        for name, words in pack.table(section, key).items()
    )


def _lookup(pack: Pack, key: str, surface: str) -> str | None:
    """The currency code or unit a matched word stands for."""
    folded = " ".join(surface.split())
    return next((name for name, pattern in _table_res(pack, "targets", key) if pattern.fullmatch(folded)), None)


def amounts(pack: Pack, text: str, offset: int = 0) -> list[Amount]:
    """Money and counted quantities in `text`, as document spans."""
    scales = {str(k).lower(): float(v) for k, v in pack.table("numbers", "scales").items()}
    out: list[Amount] = []
    for m in _amount_re(pack).finditer(text):
        g = {k: v for k, v in m.groupdict().items() if v}
        raw = g.get("num") or g.get("numa") or g.get("numu")
        value = _number(raw, pack) if raw else None
        if value is None:
            continue
        scale = g.get("scale") or g.get("scalea") or g.get("scaleu")
        if scale:
            value *= scales.get(" ".join(scale.lower().split()), 1.0)
        if g.get("unit"):
            unit = _lookup(pack, "units", g["unit"])
        else:
            unit = _lookup(pack, "currencies", g.get("cur1") or g.get("cur2") or "")
        if unit:
            out.append(Amount(offset + m.start(), offset + m.end(), m.group(0), value, unit))
    return out


_YEAR_SLOT = r"(?P<year>(?:19|20)\d\d)"


@cache
def _deadline_res(pack: Pack) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p.replace("{year}", _YEAR_SLOT), re.IGNORECASE) for p in pack.strings("targets", "deadline"))


def deadline(pack: Pack, text: str) -> re.Match[str] | None:
    """The first deadline at the start of `text` (the words just after an amount)."""
    found = [m for pattern in _deadline_res(pack) for m in pattern.finditer(text[:DEADLINE_WINDOW])]
    found = [m for m in found if not re.search(r"[.;]", text[: m.start()])]
    return min(found, key=lambda m: m.start(), default=None)


@cache
def _metric_res(pack: Pack) -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple(
        (str(name), re.compile(bounded(_phrases([str(w) for w in words])), re.IGNORECASE))
        for name, words in pack.table("targets", "metrics").items()
    )


def metric(pack: Pack, before: str) -> str | None:
    """The nearest metric phrase before an amount (bilateral trade turnover, ...)."""
    best: tuple[int, str] | None = None
    for name, pattern in _metric_res(pack):
        for m in pattern.finditer(before[-METRIC_WINDOW:]):
            if best is None or m.end() > best[0]:
                best = (m.end(), name)
    return best[1] if best else None


def targets_of(
    pack: Pack, text: str, offset: int, named: list[tuple[int, str]]
) -> tuple[list[Target], list[Evidence]]:
    """The targets of a provision; `named` lists (offset, id) of instruments it names."""
    out: list[Target] = []
    evidence: list[Evidence] = []
    each = find(pack, "grammar", "each", text, offset)
    for amount in amounts(pack, text, offset):
        after = text[amount.end - offset :]
        due = deadline(pack, after)
        rate = pack.phrase_regex("targets", "rate").match(after.lstrip()) if due is None else None
        if due is None and rate is None:
            continue
        year = int(due.group("year")) if due else None
        due_end = due.end() if due else len(after) - len(after.lstrip()) + (rate.end() if rate else 0)
        sentence_start = max(text.rfind(".", 0, amount.start - offset), text.rfind(";", 0, amount.start - offset)) + 1
        before = text[sentence_start : amount.start - offset]
        is_each = any(0 <= amount.start - m.end <= EACH_WINDOW for m in each)
        funds = list(dict.fromkeys(name for pos, name in named if offset + sentence_start <= pos < amount.start))
        metrics = funds if is_each and funds else [metric(pack, before)]
        for name in metrics:
            out.append(Target(metric=name, amount=amount.value, unit=amount.unit, year=year))
            evidence.append(Evidence(field="targets", value=f"{amount.value:g} {amount.unit} {year or ''}".strip(),
                                     span=(amount.start, amount.end + due_end), cue=amount.text + after[:due_end]))
    return out, evidence
