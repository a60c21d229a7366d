"""What every extractor of one document shares: its packs, mentions and sentence spans.

Finding states, leaders and organisations once per document, rather than in each extractor,
keeps extraction one pass over the text per gazetteer.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, cached_property
from typing import Protocol, TypeVar

from accords import disk_cache, lang
from accords.lang import Pack, phrase_matches
from accords.model import Evidence, Provision, Span
from accords.registry import countries
from accords.registry.states import Mention
from accords.segment import Document

#: Generational suffixes that are not a surname ("Marcos Jr.").
SUFFIXES = {"Jr", "Sr", "II", "III", "IV"}
#: Shorter last names ("Lam" of To Lam) are often a given name in the name order of the text.
MIN_SURNAME = 4


Spanned = TypeVar("Spanned", bound="HasSpan")


class HasSpan(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


def longest_first(items: Iterable[Spanned]) -> list[Spanned]:
    """Items in text order without overlaps: where two overlap, the one starting first, and of
    two starting together the longer, is kept."""
    kept: list[Spanned] = []
    for item in sorted(items, key=lambda i: (i.start, -(i.end - i.start))):
        if kept and item.start < kept[-1].end:
            continue
        kept.append(item)
    return kept


@dataclass(frozen=True)
class Match:
    """A cue found in the text: where, which words, and under which pack key."""

    start: int
    end: int
    cue: str
    key: str

    def evidence(self, field_name: str, value: str) -> Evidence:
        return Evidence(field=field_name, value=value, span=(self.start, self.end), cue=self.cue)


def find(pack: Pack, section: str, key: str, text: str, offset: int = 0, *, indexed: bool = True) -> list[Match]:
    """Every match of the phrases `section.key` of `pack` in `text`, as document spans
    (`indexed`: see `phrase_matches`; a text asked about one list or two is better scanned)."""
    return [
        Match(offset + m.start(), offset + m.end(), text[m.start() : m.end()], key)
        for m in phrase_matches(pack, section, (key,), text, indexed=indexed)
    ]


def pack_for(code: str | None, fallback: str) -> Pack:
    """The pack of a provision's language, or the document's when it has none."""
    for candidate in (code, fallback, "en"):
        if candidate in lang.LANGUAGES:
            return lang.load(candidate)
    return lang.load("en")


@dataclass
class Context:
    doc: Document
    main_language: str
    parties: list[str] = field(default_factory=list)
    #: Leaders' names mapped to their states, filled by the event extractor.
    people: dict[str, str] = field(default_factory=dict)

    @property
    def text(self) -> str:
        """The document with debris blanked: offsets are those of the text as read."""
        return self.doc.body_text

    @cached_property
    def people_by_name(self) -> dict[str, str]:
        """Every leader named, by full name and, after the first mention, by surname alone
        ("Merz said"): read once the event has filled `people`."""
        names = dict(self.people)
        surnames = [n.split()[-1] for n in self.people if len(n.split()) > 1]
        for name, iso in self.people.items():
            words = [w for w in name.split() if w.rstrip(".") not in SUFFIXES]
            surname = words[-1] if len(words) > 1 else ""
            if len(surname) >= MIN_SURNAME and surnames.count(surname) <= 1:
                names.setdefault(surname, iso)
        return names

    @cached_property
    def people_regex(self) -> re.Pattern[str] | None:
        """The leaders named in the document, as one pattern (compiled here, not kept on disk:
        it is this document's)."""
        if not self.people_by_name:
            return None
        alternatives = "|".join(re.escape(n) for n in sorted(self.people_by_name, key=len, reverse=True))
        return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")

    def pack(self, provision: Provision) -> Pack:
        return pack_for(provision.language, self.main_language)

    def pack_of(self, language: str | None) -> Pack:
        return pack_for(language, self.main_language)

    @cached_property
    def body_spans(self) -> list[Span]:
        return [p.span for p in self.doc.provisions]

    @cached_property
    def _provision_starts(self) -> list[int]:
        return [start for start, _ in self.body_spans]

    def provision_at(self, offset: int) -> Provision | None:
        """The provision holding `offset`, by bisection over the provisions in text order."""
        i = bisect.bisect_right(self._provision_starts, offset) - 1
        if i >= 0 and offset < self.body_spans[i][1]:
            return self.doc.provisions[i]
        return None

    @cached_property
    def country_mentions(self) -> list[Mention]:
        """States named or described (by adjective) anywhere in the body, except inside the name
        of a currency ("US dollars", "US-Dollar", "đô la Mỹ", "долларов США"): a price says
        nothing of who takes part."""
        out: list[Mention] = []
        for provision in self.doc.provisions:
            start, end = provision.span
            text = self.text[start:end]
            money = [m.span() for m in _currency_regex(self.pack(provision)).finditer(text.lower())] if len(
                text.lower()) == len(text) else []
            for m in countries().mentions(text, demonyms=True):
                if not any(a <= m.start and m.end <= b for a, b in money):
                    out.append(Mention(m.start + start, m.end + start, m.iso, m.surface, m.demonym))
        return out

    @cached_property
    def _mention_starts(self) -> list[int]:
        """Where each mention starts: they are in text order, so a span's are found by bisection."""
        return [m.start for m in self.country_mentions]

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        first = bisect.bisect_left(self._mention_starts, start)
        last = bisect.bisect_left(self._mention_starts, end, lo=first)
        return [m for m in self.country_mentions[first:last] if m.end <= end]


@cache
def _currency_regex(pack: Pack) -> re.Pattern[str]:
    """The names of currencies in a pack, in lower case, as one pattern."""
    names = [name for names in pack.table("targets", "currencies").values() for name in names]
    return disk_cache.compile(rf"(?<![\w-])(?:{lang.phrases_regex(names)})(?![\w])")
