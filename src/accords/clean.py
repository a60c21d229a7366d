"""Clean: tell body lines from page debris, and keep what the debris says about the source.

News pages pasted as text carry captions, bylines, agency tags, source lines, comment counters,
related-article lists and navigation words. Their patterns live in the language packs (and in
`common.toml` for what no language owns); a page's chrome is often in another language than
its body, so every pack's debris rules apply to every document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, cached_property

from accords import disk_cache, lang
from accords.dates import find_dates

_TERMINAL = ".!?:;»\"”)…"
_NUMERIC_DATE = re.compile(r"(?<!\d)(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?!\d)")
_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-](\d\d)[/-](\d\d)(?:/|$)")
_CENTURY = re.compile(r"19|20")
_TITLE_MAX = 200
_DATE_LINE_MAX = 60
#: A dateline's place before its date: "Manila, 12 March 2026", "Astana, 6. mai 2025".
_PLACE_PREFIX = re.compile(r"^[^\W\d_][\w .'’-]{0,40},\s*")


@dataclass(frozen=True)
class Line:
    """One line of the text as read: its span, its stripped text, and whether it is debris."""

    start: int
    end: int
    text: str
    debris: str | None = None


@dataclass
class Cleaned:
    lines: list[Line]
    url: str | None = None
    published: str | None = None
    title: str | None = None
    debris: list[Line] = field(default_factory=list)

    @property
    def body(self) -> list[Line]:
        return [line for line in self.lines if line.debris is None]


@dataclass(frozen=True)
class DebrisRules:
    lines: tuple[re.Pattern[str], ...]
    source: tuple[re.Pattern[str], ...]
    prefix: tuple[re.Pattern[str], ...]

    @cached_property
    def any_line(self) -> re.Pattern[str]:
        """Every debris line pattern as one alternation: a line is debris when any of them
        matches, and one scan of the line costs far less than two hundred."""
        return disk_cache.compile("|".join(f"(?:{p.pattern})" for p in self.lines) or r"(?!x)x", re.IGNORECASE)

    @cached_property
    def anchored(self) -> bool:
        """Whether every debris line pattern opens with `^` (as PACKS.md asks) and none reads
        lines within the text (MULTILINE): then only the start of a line can begin a match."""
        return all(p.pattern.startswith("^") and not p.flags & re.MULTILINE for p in self.lines)

    def is_debris(self, line: str) -> bool:
        """Whether a debris pattern matches `line`: tried at the line's start alone when the
        patterns are anchored, not at every position, where each of two hundred fails."""
        return bool(self.any_line.match(line) if self.anchored else self.any_line.search(line))


@cache
def rules() -> DebrisRules:
    """The debris and source-line patterns of every pack, common ones first."""
    all_packs = [lang.load("common"), *lang.packs()]
    return DebrisRules(
        lines=tuple(p for pack in all_packs for p in pack.pattern_list("debris", "lines")),
        source=tuple(p for pack in all_packs for p in pack.pattern_list("debris", "source")),
        prefix=tuple(p for pack in all_packs for p in pack.pattern_list("debris", "prefix")),
    )


def split_prefix(line: Line) -> tuple[Line | None, Line, str | None]:
    """A tag before the body on one line ("date 2024-11 Le Roi ...") as a debris line of its
    own, the rest of the line, and the date the tag gives."""
    for pattern in rules().prefix:
        m = pattern.match(line.text)
        if m and m.end() < len(line.text):
            tag = Line(line.start, line.start + len(m.group(0).rstrip()), m.group(0).rstrip(), "date")
            rest = Line(line.start + m.end(), line.end, line.text[m.end() :])
            return tag, rest, m.groupdict().get("date")
    return None, line, None


def split_lines(text: str) -> list[Line]:
    """Every non-blank line with its span, stripped of surrounding spaces."""
    out: list[Line] = []
    pos = 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        stripped = body.strip()
        if stripped:
            start = pos + (len(body) - len(body.lstrip()))
            out.append(Line(start, start + len(stripped), stripped))
        pos += len(raw)
    return out


def source_url(line: str) -> str | None:
    """The article's address on a `Source:` / `Kilde:` / `Quelle:` / `Nguồn:` line."""
    for pattern in rules().source:
        m = pattern.search(line)
        if m:
            return m.group("url").rstrip(".,;)")
    return None


def date_line(line: str) -> str | None:
    """The ISO date of a line that is nothing but a date ("3 February 2026", "9. oktober 2025")."""
    bare = _PLACE_PREFIX.sub("", line.strip(" .,;·|-–—"))
    if not _CENTURY.search(bare):
        return None  # a date line has a year, and every year begins 19 or 20
    for pack in lang.packs():
        for hit in find_dates(pack, bare):
            if hit.start == 0 and hit.end >= len(bare) - 1 and hit.year:
                return hit.iso()
    return None


def debris_kind(line: str) -> str | None:
    """`source`, `date` or `debris` when the whole line is page debris, else None."""
    if source_url(line):
        return "source"
    if rules().is_debris(line):
        return "debris"
    if len(line) <= _DATE_LINE_MAX and date_line(line):
        return "date"
    return None


def _iso_date(line: str) -> str | None:
    m = _NUMERIC_DATE.search(line)
    if not m:
        return None
    day, month, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
    if 1 <= day <= 31 and 1 <= month <= 12:
        return f"{year:04d}-{month:02d}-{day:02d}"
    return None


def _is_title(line: Line) -> bool:
    return len(line.text) <= _TITLE_MAX and not line.text.endswith(tuple(_TERMINAL)) and not line.text[0].isdigit()


def clean(text: str) -> Cleaned:
    """Classify each line of `text`; everything after the last source line is page chrome."""
    lines: list[Line] = []
    tagged: str | None = None
    for ln in split_lines(text):
        tag, ln, when = split_prefix(ln) if not lines else (None, ln, None)
        if tag:
            lines.append(tag)
            tagged = when
        lines.append(Line(ln.start, ln.end, ln.text, debris_kind(ln.text)))
    result = Cleaned(lines, published=tagged)
    last_source = max((i for i, ln in enumerate(lines) if ln.debris == "source"), default=None)
    if last_source is not None and last_source > len(lines) // 2:
        lines[last_source + 1 :] = [Line(ln.start, ln.end, ln.text, ln.debris or "tail") for ln in lines[last_source + 1 :]]
    for ln in lines:
        if ln.debris == "source" and result.url is None:
            result.url = source_url(ln.text)
        elif ln.debris == "date" and result.published is None:
            result.published = date_line(ln.text)
    # A date inside some other debris ("Period of Service: 15/09/2015 - ...") only where no line
    # is a date of its own.
    dated = [ln for ln in lines if ln.debris and _iso_date(ln.text)]
    if result.published is None and dated:
        alone = [ln for ln in dated if len(ln.text) <= _DATE_LINE_MAX // 2]
        result.published = _iso_date((alone or dated)[0].text)
    if result.published is None and result.url:
        m = _URL_DATE.search(result.url)
        result.published = f"{m.group(1)}-{m.group(2)}-{m.group(3)}" if m else None
    body = result.body
    if len(body) > 1 and _is_title(body[0]) and not body[0].text.isupper():
        title = body[0]
        lines[lines.index(title)] = Line(title.start, title.end, title.text, "title")
        result.title = title.text
    _drop_repeated_lead(lines)
    result.lines = lines
    result.debris = [ln for ln in lines if ln.debris]
    return result


def _drop_repeated_lead(lines: list[Line]) -> None:
    """A news page's standfirst is repeated in its body; keep only the later copy."""
    body = [i for i, ln in enumerate(lines) if ln.debris is None]
    for k, i in enumerate(body[:3]):
        if any(lines[j].text == lines[i].text for j in body[k + 2 :]):
            ln = lines[i]
            lines[i] = Line(ln.start, ln.end, ln.text, "lead")
            return
