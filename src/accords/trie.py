"""A regular expression built from a trie of names.

Gazetteers hold thousands of names (every state in every CLDR locale, organisations, treaties):
an alternation of them all makes the regex engine try each in turn at every position, while a
trie-shaped pattern shares prefixes and fails after one character for most positions.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from accords import disk_cache

_END = ""


def _insert(trie: dict[str, dict], word: str) -> None:  # type: ignore[type-arg]
    node = trie
    for ch in word:
        node = node.setdefault(ch, {})
    node[_END] = {}


def _to_regex(node: dict[str, dict]) -> str:  # type: ignore[type-arg]
    ends = _END in node
    branches = [re.escape(ch) + _to_regex(child) for ch, child in sorted(node.items()) if ch != _END]
    if not branches:
        return ""
    if len(branches) == 1 and not ends:
        return branches[0]
    singles = [b for b in branches if len(b) == 1 or (len(b) == 2 and b[0] == "\\")]
    if len(singles) == len(branches) and len(singles) > 1:
        body = "[" + "".join(singles) + "]"
    else:
        body = "(?:" + "|".join(branches) + ")"
    return body + "?" if ends else body


def trie_alternation(pairs: Iterable[tuple[str, str]]) -> str:
    """One regex for many (literal head, regex tail) pairs, the heads shared in a trie.

    Phrase lists compile to hundreds of alternatives; Python's engine tries each one at every
    position, while a trie on their literal beginnings rejects most positions at the first
    character. Longer heads are tried before shorter ones, longer tails before shorter ones, and
    tails of one length in a fixed order: the pattern is the same in every process.
    """
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    tails: dict[int, set[str]] = {}
    for head, tail in pairs:
        node = trie
        for ch in head:
            node = node.setdefault(ch, {})
        tails.setdefault(id(node), set()).add(tail)

    def render(node: dict[str, dict]) -> str:  # type: ignore[type-arg]
        branches = [re.escape(ch) + render(child) for ch, child in sorted(node.items())]
        ends = sorted(tails.get(id(node), ()), key=lambda tail: (-len(tail), tail))
        if not branches:
            return "(?:" + "|".join(ends) + ")" if len(ends) > 1 or (ends and ends[0]) else ""
        options = branches + ends
        return "(?:" + "|".join(options) + ")" if len(options) > 1 else options[0]

    return render(trie) or r"(?!x)x"


def _words(words: Iterable[str], casefold: bool) -> list[str]:
    """The words a trie holds, each once, in a fixed order (what its pattern is built from)."""
    return sorted({w.lower() if casefold else w for w in (word.strip() for word in words) if w})


def _trie(words: list[str]) -> dict[str, dict]:  # type: ignore[type-arg]
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        _insert(trie, word)
    return trie


def trie_pattern(words: Iterable[str], casefold: bool = False) -> str:
    """A regex fragment matching any of `words` (longest match first), or one matching nothing.

    Rendering the trie of a gazetteer's tens of thousands of names costs a good part of a
    second: the fragment is kept with the compiled patterns (`disk_cache.built`)."""
    unique = _words(words, casefold)
    return disk_cache.built(["trie_pattern", *unique], lambda: _to_regex(_trie(unique)) or r"(?!x)x")


def trie_branches(words: Iterable[str], casefold: bool = False) -> list[tuple[str, str]]:
    """`trie_pattern(words)` cut at its first character: (first character, regex for the rest).

    A pattern that opens with a choice of single characters lets the regex engine skip, at C
    speed, every position whose character opens no word; a check of what stands before a
    word, put after its first character, keeps that (see `Gazetteer`)."""
    unique = _words(words, casefold)
    branches = disk_cache.built(
        ["trie_branches", *unique], lambda: [[ch, _to_regex(child)] for ch, child in sorted(_trie(unique).items())]
    )
    return [(first, rest) for first, rest in branches]
