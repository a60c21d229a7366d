"""Dates and date ranges, from the patterns and month names of each language pack.

Libraries read one date well but miss ranges ("fra 10. til 13. august 2025" gives August) and
take German articles for dates; so ranges and dates are matched with the packs' own patterns
and the pieces are put together here. A year left out is filled in by the caller from context.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from accords.lang import Pack
from accords.trie import trie_pattern


@dataclass(frozen=True)
class DateHit:
    start: int
    end: int
    text: str
    day: int | None
    month: int
    year: int | None
    day2: int | None = None
    month2: int | None = None

    def iso(self, year: int | None = None) -> str | None:
        return _iso(self.year or year, self.month, self.day)

    def iso_end(self, year: int | None = None) -> str | None:
        if self.day2 is None:
            return self.iso(year)
        return _iso(self.year or year, self.month2 or self.month, self.day2)


def _iso(year: int | None, month: int, day: int | None) -> str | None:
    if year is None:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    if not 1 <= month <= 12 or not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _month_slot(names: Iterable[str]) -> str:
    """A month by name or number. It opens with the choice of the characters a month can begin
    with, the same match: the engine, trying the slot at every position of a text, then
    rejects most of them on one test instead of trying the name of every month."""
    names = [n.strip().lower() for n in names if n.strip()]
    first = "".join(sorted({re.escape(n[0]) for n in names}))
    by_name = rf"(?=[{first}]){trie_pattern(names, casefold=True)}" if names else r"(?!x)x"
    return rf"{by_name}|1[0-2]|0?[1-9]"


def _fill(pattern: str, months: str) -> str:
    slots = {
        "{day}": r"(?P<day>[0-3]?\d)",
        "{day2}": r"(?P<day2>[0-3]?\d)",
        "{month}": rf"(?P<month>{months})",
        "{month2}": rf"(?P<month2>{months})",
        "{year}": r"(?P<year>(?:19|20)\d\d)",
    }
    for slot, regex in slots.items():
        pattern = pattern.replace(slot, regex)
    # A letter may touch a date's front: HTML-to-text glues "Мьянмы27 июня 2025".
    return rf"(?<![\d/.-])(?:{pattern})(?![\w/])"


@cache
def _patterns(pack: Pack) -> tuple[dict[str, int], list[re.Pattern[str]], re.Pattern[str]]:
    """Month names, the date patterns, and what every date holds: a digit or a month's name."""
    months = {str(k).lower(): int(v) for k, v in pack.table("dates", "months").items()}
    month_re = trie_pattern(months, casefold=True)
    compiled = [
        re.compile(_fill(p, _month_slot(months)), re.IGNORECASE)
        for key in ("range", "single")
        for p in pack.strings("dates", key)
    ]
    return months, compiled, re.compile(rf"\d|{month_re}", re.IGNORECASE)


def _month(value: str | None, months: dict[str, int]) -> int | None:
    if value is None:
        return None
    if value.isdigit():
        return int(value)
    return months.get(value.lower()) or months.get(" ".join(value.lower().split()))


def find_dates(pack: Pack, text: str, offset: int = 0) -> list[DateHit]:
    """Dates and ranges in `text`, ranges first where they overlap single dates."""
    months, patterns, month_or_digit = _patterns(pack)
    if not month_or_digit.search(text):
        return []  # a date's month is a number or a month's name
    hits: list[DateHit] = []
    taken: list[tuple[int, int]] = []
    for pattern in patterns:
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            groups = m.groupdict()
            month = _month(groups.get("month"), months)
            if month is None or not 1 <= month <= 12:
                continue
            day = int(groups["day"]) if groups.get("day") else None
            day2 = int(groups["day2"]) if groups.get("day2") else None
            hits.append(
                DateHit(
                    offset + m.start(),
                    offset + m.end(),
                    m.group(0),
                    day,
                    month,
                    int(groups["year"]) if groups.get("year") else None,
                    day2,
                    _month(groups.get("month2"), months),
                )
            )
            taken.append((m.start(), m.end()))
    hits.sort(key=lambda h: h.start)
    return hits


_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")


def years_in(text: str) -> list[int]:
    """Four-digit years (1900-2099) in a text."""
    return [int(y) for y in _YEAR.findall(text)]


@cache
def _named_days(pack: Pack) -> tuple[dict[str, tuple[str, int]], re.Pattern[str] | None]:
    """Weekdays (Monday 0) and days named relative to today ("yesterday" -1), by name."""
    names = {str(k).lower(): ("weekday", int(v)) for k, v in pack.table("dates", "weekdays").items()}
    names.update({str(k).lower(): ("relative", int(v)) for k, v in pack.table("dates", "relative").items()})
    if not names:
        return names, None
    alternation = trie_pattern(names, casefold=True).replace(" ", r"\s+")
    return names, re.compile(rf"(?<![\w-])(?P<name>{alternation})(?![\w-])", re.IGNORECASE)


def days_before(pack: Pack, text: str, published: str, offset: int = 0) -> list[DateHit]:
    """Days a report names by weekday or relative to its own date ("on Thursday", "yesterday",
    "hier et aujourd'hui") as dates: the last such weekday on or before the day the report came
    out, or that day moved by the word's offset."""
    names, pattern = _named_days(pack)
    try:
        day = date.fromisoformat(published[:10])
    except ValueError:
        return []
    if pattern is None:
        return []
    hits = []
    for m in pattern.finditer(text):
        kind, value = names[" ".join(m.group("name").lower().split())]
        when = day - timedelta(days=(day.weekday() - value) % 7) if kind == "weekday" else day + timedelta(days=value)
        hits.append(DateHit(offset + m.start(), offset + m.end(), m.group(0), when.day, when.month, when.year))
    return hits
