"""Find the names of a registry in a text: whole words, longest first, with genitives.

Names are matched case-insensitively; acronyms (ASEAN, FN, WHO) case-sensitively, since many are
ordinary words in lower case. A name may carry the genitive ending of nb/de/en ("Russlands",
"ASEANs", "Vietnam's") or a Russian case ending ("Путина") or open a compound with a hyphen ("FN-pakten" is found by its own alias,
"ASEAN-Korea" is not ASEAN alone only when the registry knows the longer name).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from accords.trie import trie_pattern

#: Case endings a name may carry: the genitive of nb/de/en, and the Russian cases of names
#: ("Путина", "Путину", "Путиным", "Моди" stays).
_GENITIVE = r"(?:s|'s|’s|es|ым|ом|ой|ем|а|у|е|ы|я|ю)?"
_LOWER = "[a-zßà-ÿăđĩũơưạ-ỹ]"


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    key: str
    surface: str


class Gazetteer:
    """Names and acronyms mapped to keys, searchable in one pass each."""

    def __init__(
        self, names: Iterable[tuple[str, str]], acronyms: Iterable[tuple[str, str]] = (), *, compounds: bool = True
    ) -> None:
        # `compounds`: a mention may open a hyphenated compound ("Vietnam-Korea"); names that are
        # also parts of other words ("US-Dollar") are matched with compounds=False.
        self._tail = r"(?![\w])" if compounds else r"(?![\w-])"
        self._names: dict[str, str] = {}
        for name, key in names:
            name = " ".join(name.split())
            if len(name) >= 2:
                self._names.setdefault(name.lower(), key)
        self._acronyms: dict[str, str] = {}
        for acronym, key in acronyms:
            if len(acronym) >= 2:
                self._acronyms.setdefault(acronym, key)
        # Names are matched in lower-cased text (many times faster than IGNORECASE).
        self._name_re = self._compile(self._names, 0, casefold=True)
        self._acronym_re = self._compile(self._acronyms, 0, casefold=False)

    def _compile(self, words: dict[str, str], flags: int, casefold: bool) -> re.Pattern[str]:
        body = trie_pattern((w.replace(" ", "\0") for w in words), casefold=casefold)
        body = body.replace("\\\x00", r"\s+").replace("\x00", r"\s+")
        # Machine translation glues words ("generalsekretærTo Lam"): a capitalised name may
        # follow a lower-case letter directly.
        # Proper names and acronyms begin with a capital: checking that first rejects most
        # positions at once.
        left = r"(?<![\w-])" if casefold else rf"(?=[^\W_a-zß-ÿ])(?:(?<![\w-])|(?<={_LOWER}))"
        return re.compile(rf"{left}(?P<name>{body}){_GENITIVE}{self._tail}", flags)

    def __len__(self) -> int:
        return len(self._names) + len(self._acronyms)

    def _key(self, surface: str, acronym: bool) -> str | None:
        if acronym:
            return self._acronyms.get(surface)
        return self._names.get(" ".join(surface.split()).lower())

    def finditer(self, text: str) -> Iterator[Hit]:
        """Every non-overlapping mention, longest first where two overlap, in text order."""
        hits: list[Hit] = []
        lower = text.lower()
        name_text, name_re = (lower, self._name_re) if len(lower) == len(text) else (
            text, re.compile(self._name_re.pattern, re.IGNORECASE)
        )
        for pattern, acronym, searched in ((name_re, False, name_text), (self._acronym_re, True, text)):
            for m in pattern.finditer(searched):
                surface = text[m.start("name") : m.end("name")]
                key = self._key(surface, acronym)
                if key is not None:
                    hits.append(Hit(m.start(), m.end(), key, surface))
        hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
        end = -1
        for hit in hits:
            if hit.start >= end:
                yield hit
                end = hit.end
