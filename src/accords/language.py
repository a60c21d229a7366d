"""The language of a paragraph, among the languages Accords has packs for.

Our seven languages are told apart by what their packs list under `[language]`: the common short
words of each (the Latin-script languages share an alphabet but hardly a function word) and the
letters only one of them writes (Cyrillic for Russian, the tone marks of Vietnamese, æøå). A
paragraph's lower-case words are counted against each pack, so a name in another language
("Phạm Minh Chính" in a Norwegian report, "Palácio do Planalto" in an English one) weighs
nothing. Nothing is loaded but the packs, and a paragraph costs one pass over its first
characters: a paragraph does not change language half-way.
"""

from __future__ import annotations

import re
from functools import cache

from accords import lang

#: Paragraphs shorter than this inherit the document's language: too little to tell.
MIN_CHARS = 40
#: How much of a paragraph is read: enough words to count, bounded on a paragraph of any length.
SAMPLE = 400
_WORD = re.compile(r"[^\W\d_]+")


@cache
def _cues() -> tuple[dict[str, tuple[str, ...]], dict[str, str], re.Pattern[str]]:
    """Each listed word with the languages that list it, each listed letter with its language,
    and any listed letter as a pattern: most words hold none, which one search tells."""
    words: dict[str, list[str]] = {}
    letters: dict[str, str] = {}
    for pack in lang.packs():
        for word in pack.strings("language", "words"):
            words.setdefault(word.lower(), []).append(pack.code)
        for letter in str(pack.get("language", "letters", "")):
            letters[letter] = pack.code
    any_letter = re.compile("[" + "".join(map(re.escape, letters)) + "]" if letters else r"(?!x)x")
    return {word: tuple(codes) for word, codes in words.items()}, letters, any_letter


def scores(text: str) -> dict[str, int]:
    """For each language, how many words of `text`'s opening are its common words or hold its
    letters. Only words in lower case count, or in capitals throughout (a heading's): a name
    weighs nothing, nor does a capital letter alone (the English "I", a numeral)."""
    words, letters, any_letter = _cues()
    out: dict[str, int] = {}
    for token in _WORD.findall(text[:SAMPLE]):
        if token.isupper() and len(token) > 1:
            token = token.lower()
        elif not token[0].islower():
            continue
        for code in words.get(token, ()):
            out[code] = out.get(code, 0) + 1
        if any_letter.search(token):
            for code in {letters[ch] for ch in token if ch in letters}:
                out[code] = out.get(code, 0) + 1
    return out


def detect(text: str) -> str | None:
    """The pack code of `text`'s language, or None when it is too short or unclear (no cue, or
    two languages with as many)."""
    if len(text) < MIN_CHARS:
        return None
    ranked = sorted(scores(text).items(), key=lambda item: item[1], reverse=True)
    if not ranked or len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return None
    return ranked[0][0]
