"""The language of a paragraph, among the languages Accords has packs for.

lingua restricted to our languages is both faster and more exact than over all languages. It
splits Bokmål from Nynorsk and Danish unreliably on short text, so those are read as the pack
they are listed under (`lingua_also`). The first characters of a paragraph decide: a paragraph
does not change language half-way, and the cost of detection grows with its length.

lingua's models are loaded when first needed, and only for the languages a text's letters
allow: a process that reads no Russian never loads the Russian model (about 100 MB less), and
a command that reads one document starts seconds sooner than with every model preloaded.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from accords import lang

if TYPE_CHECKING:
    from lingua import Language, LanguageDetector

#: Paragraphs shorter than this inherit the document's language: too little to tell.
MIN_CHARS = 40
_SAMPLE = 160


@cache
def _detector() -> tuple[LanguageDetector, dict[Language, str]]:
    from lingua import Language, LanguageDetectorBuilder

    names = lang.lingua_names()
    languages = {getattr(Language, name): code for name, code in names.items()}
    return LanguageDetectorBuilder.from_languages(*languages).build(), languages


def detect(text: str) -> str | None:
    """The pack code of `text`'s language, or None when it is too short or unclear."""
    if len(text) < MIN_CHARS:
        return None
    detector, codes = _detector()
    found = detector.detect_language_of(text[:_SAMPLE])
    return codes.get(found) if found is not None else None
