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

from accords import disk_cache
from accords.document_cache import per_document
from accords.trie import trie_branches, trie_pattern

#: Case endings a name may carry: the genitive of nb/de/en, and the Russian cases of names
#: ("Путина", "Путину", "Путиным", "Моди" stays).
_GENITIVE = r"(?:s|'s|’s|es|ым|ом|ой|ем|а|у|е|ы|я|ю)?"
_LOWER = "[a-zßà-ÿăđĩũơưạ-ỹ]"
#: What a proper name or an acronym may begin with: a letter or digit, not a small Latin one.
_CAPITAL = re.compile(r"[^\W_a-zß-ÿ]")


def _spaced(body: str) -> str:
    """A trie's pattern with the spaces of its names (written as NUL) matching any spacing."""
    return body.replace("\\\x00", r"\s+").replace("\x00", r"\s+")


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

    def _compile(self, words: dict[str, str], flags: int, casefold: bool) -> re.Pattern[str] | None:
        if not words:
            return None
        if casefold:
            body = _spaced(trie_pattern((w.replace(" ", "\0") for w in words), casefold=True))
            return disk_cache.compile(rf"(?<![\w-])(?P<name>{body}){_GENITIVE}{self._tail}", flags)
        # Proper names and acronyms begin with a capital: the pattern opens with the choice of
        # their first characters, so that the engine skips every other position at once, and
        # checks what stands before a name after its first character. Machine translation
        # glues words ("generalsekretærTo Lam"): a capitalised name may follow a lower-case
        # letter directly.
        branches = []
        for first, rest in trie_branches((w.replace(" ", "\0") for w in words), casefold=False):
            if _CAPITAL.match(first):
                ch = re.escape(first)
                branches.append(rf"{ch}(?:(?<![\w-]{ch})|(?<={_LOWER}{ch})){_spaced(rest)}")
        body = "|".join(branches) or r"(?!x)x"
        return disk_cache.compile(rf"(?P<name>{body}){_GENITIVE}{self._tail}", flags)

    def __len__(self) -> int:
        return len(self._names) + len(self._acronyms)

    def _key(self, surface: str, acronym: bool) -> str | None:
        if acronym:
            return self._acronyms.get(surface)
        return self._names.get(" ".join(surface.split()).lower())

    def finditer(self, text: str) -> Iterator[Hit]:
        """Every non-overlapping mention, longest first where two overlap, in text order."""
        return iter(_hits(self, text))

    def _scan(self, text: str) -> tuple[Hit, ...]:
        passes: list[tuple[re.Pattern[str], bool, str]] = []
        if self._name_re is not None:
            lower = text.lower()
            passes.append((self._name_re, False, lower) if len(lower) == len(text) else (
                re.compile(self._name_re.pattern, re.IGNORECASE), False, text))
        if self._acronym_re is not None:
            passes.append((self._acronym_re, True, text))
        hits: list[Hit] = []
        for pattern, acronym, searched in passes:
            for m in pattern.finditer(searched):
                surface = text[m.start("name") : m.end("name")]
                key = self._key(surface, acronym)
                if key is not None:
                    hits.append(Hit(m.start(), m.end(), key, surface))
        if len(passes) == 1:  # one pass's matches are in text order and do not overlap
            return tuple(hits)
        hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
        kept: list[Hit] = []
        end = -1
        for hit in hits:
            if hit.start >= end:
                kept.append(hit)
                end = hit.end
        return tuple(kept)


@per_document
def _hits(gazetteer: Gazetteer, text: str) -> tuple[Hit, ...]:
    """A gazetteer's hits in a text, found once: the extractors of one document ask each
    gazetteer about the same provisions and windows several times."""
    return gazetteer._scan(text)
