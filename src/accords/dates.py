"""Dates and date ranges, from the patterns and month names of each language pack.

Libraries read one date well but miss ranges ("fra 10. til 13. august 2025" gives August) and
take German articles for dates; so ranges and dates are matched with the packs' own patterns
and the pieces are put together here. A year left out is filled in by the caller from context.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from accords import disk_cache
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


#: A lookbehind a pack's date pattern may open with, before its first slot ("(?<![\d.])").
_LOOKBEHIND = re.compile(r"\(\?<[!=](?:\\.|\[(?:\\.|[^\]\\])*\]|[^()\[\]\\])*\)")


def _opening(pattern: str) -> str | None:
    """What every match of a pack's date pattern begins with, when its first slot tells: past
    its lookbehinds it opens with its day or its year ("digit") or its month ("month"), and it
    is no choice of several patterns ("a|b")."""
    pos = 0
    while m := _LOOKBEHIND.match(pattern, pos):
        pos = m.end()
    if _has_top_level_choice(pattern):
        return None
    if pattern.startswith(("{day}", "{year}"), pos):
        return "digit"
    return "month" if pattern.startswith("{month}", pos) else None


def _has_top_level_choice(pattern: str) -> bool:
    """Whether `pattern` holds a `|` outside every group and character class."""
    depth, i, in_class = 0, 0, False
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 1
        elif in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
            i += 2 if pattern[i + 1 : i + 3] == "^]" else 1 if pattern[i + 1 : i + 2] in ("]", "^") else 0
        elif ch in "()":
            depth += 1 if ch == "(" else -1
        elif ch == "|" and depth == 0:
            return True
        i += 1
    return False


@dataclass(frozen=True)
class _DatePattern:
    """A compiled date pattern, and what its matches begin with (see `_opening`)."""

    regex: re.Pattern[str]
    opening: str | None


@dataclass(frozen=True)
class _Patterns:
    """A pack's month names and date patterns; what every date holds (a digit or a month's
    name); where a month can begin a date; and what the patterns open with."""

    months: dict[str, int]
    dates: list[_DatePattern]
    month_or_digit: re.Pattern[str]
    month_starts: re.Pattern[str]
    openings: frozenset[str]


@cache
def _patterns(pack: Pack) -> _Patterns:
    months = {str(k).lower(): int(v) for k, v in pack.table("dates", "months").items()}
    month_re = trie_pattern(months, casefold=True)
    slot = _month_slot(months)
    compiled = [
        _DatePattern(disk_cache.compile(_fill(p, slot), re.IGNORECASE), _opening(p))
        for key in ("range", "single")
        for p in pack.strings("dates", key)
    ]
    return _Patterns(months, compiled, disk_cache.compile(rf"\d|{month_re}", re.IGNORECASE),
                     disk_cache.compile(rf"(?<![\d/.-])(?=(?:{slot}))", re.IGNORECASE),
                     frozenset(p.opening for p in compiled if p.opening))


#: Where a run of digits begins: the only places a date that begins with a digit can begin, as
#: every date pattern refuses to begin just after a digit (`_fill`).
_DIGIT_RUN = re.compile(r"\d+")


def _starts(found: _Patterns, text: str) -> dict[str, list[int]]:
    """Where in `text` a date can begin, for each opening the pack's patterns have: at a run
    of digits, at a month."""
    starts = {"digit": [m.start() for m in _DIGIT_RUN.finditer(text)]} if "digit" in found.openings else {}
    if "month" in found.openings:
        starts["month"] = [m.start() for m in found.month_starts.finditer(text)]
    return starts


def _finditer(pattern: _DatePattern, text: str, starts: dict[str, list[int]]) -> Iterator[re.Match[str]]:
    """The matches `pattern.regex.finditer(text)` gives. A pattern whose matches begin with a
    digit or a month is tried only where one begins (`starts`): a few tries instead of a scan
    of every position, which costs the engine as much for each of a pack's twenty patterns."""
    if pattern.opening is None:
        yield from pattern.regex.finditer(text)
        return
    end = 0
    for start in starts[pattern.opening]:
        if start >= end and (m := pattern.regex.match(text, start)) is not None:
            yield m
            end = m.end()


def _month(value: str | None, months: dict[str, int]) -> int | None:
    if value is None:
        return None
    if value.isdigit():
        return int(value)
    return months.get(value.lower()) or months.get(" ".join(value.lower().split()))


def find_dates(pack: Pack, text: str, offset: int = 0) -> list[DateHit]:
    """Dates and ranges in `text`, ranges first where they overlap single dates."""
    found = _patterns(pack)
    months = found.months
    if not found.month_or_digit.search(text):
        return []  # a date's month is a number or a month's name
    hits: list[DateHit] = []
    taken: list[tuple[int, int]] = []
    starts = _starts(found, text)
    for pattern in found.dates:
        for m in _finditer(pattern, text, starts):
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
    return names, disk_cache.compile(rf"(?<![\w-])(?P<name>{alternation})(?![\w-])", re.IGNORECASE)


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
