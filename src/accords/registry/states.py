"""States: ISO 3166-1 codes, their names in every CLDR locale we read, aliases and demonyms.

Babel gives the short name of every state in each locale (Sør-Korea, Südkorea, Hàn Quốc) and
pycountry the English official forms; `countries.toml` adds what neither has: long official
forms ("Republikken Korea", "Den russiske føderasjon"), bare short forms ("Korea"), and the
adjectives that name a state's side ("den koreanske siden", "die russische Seite").
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import pycountry
from babel import Locale

from accords.registry.data import load
from accords.registry.gazetteer import Gazetteer, Hit

#: Locales whose country names are searched in every document: a Norwegian text names
#: Vietnam as the Vietnamese do often enough, so all of them are searched at once.
LOCALES: tuple[str, ...] = ("en", "nb", "de", "vi", "fr", "ru", "es")
FIRST_LANGUAGES: tuple[str, ...] = ("en", "nb", "de", "vi")


def iso_codes() -> list[str]:
    return sorted(c.alpha_2 for c in pycountry.countries)


@cache
def names_by_language() -> dict[str, dict[str, str]]:
    """language -> {name -> ISO code}, from CLDR, pycountry and the alias file."""
    data = load("countries")
    out: dict[str, dict[str, str]] = {code: {} for code in LOCALES}
    codes = set(iso_codes())
    for language in LOCALES:
        territories = Locale.parse(language).territories
        for iso in codes:
            name = territories.get(iso)
            if name and "," not in name and "(" not in name:
                out[language][name] = iso
    for country in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            name = getattr(country, attr, None)
            if name and "," not in name:
                out["en"].setdefault(name, country.alpha_2)
    for iso, entry in data.items():
        if iso.startswith("_") or not isinstance(entry, dict):
            continue
        for language in LOCALES:
            for name in entry.get(language, []):
                # Short acronyms collide across languages ("EAU" is the UAE in French, the
                # Eurasian Union in a Norwegian text): those of the later languages count only
                # when four letters or longer.
                if language in FIRST_LANGUAGES or len(name) >= 4 or not name.isupper():
                    out[language][name] = iso
    return out


@cache
def demonyms_by_language() -> dict[str, dict[str, str]]:
    """language -> {adjective -> ISO code} ("koreanske" -> KR)."""
    out: dict[str, dict[str, str]] = {code: {} for code in LOCALES}
    for iso, entry in load("countries").items():
        if iso.startswith("_") or not isinstance(entry, dict):
            continue
        for language, words in entry.get("demonyms", {}).items():
            for word in words:
                out.setdefault(language, {})[word] = iso
    return out


def contextual() -> dict[str, list[str]]:
    """Bare names that stand for one of several states, whichever the document is about."""
    table = load("countries").get("_contextual", {})
    return {name: list(codes) for name, codes in table.items()}


def contextual_demonyms(language: str | None = None) -> dict[str, list[str]]:
    """Adjectives shared by several states ("Congolese"), resolved as bare names are; those
    of one language, or of all when `language` is None."""
    return {
        word: list(group["states"])
        for group in load("countries").get("_contextual_demonyms", [])
        for code in (LOCALES if language is None else (language,))
        for word in group.get(code, [])
    }


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    iso: str
    surface: str
    demonym: bool = False


class Countries:
    """Find states named in a text, by name or (optionally) by adjective."""

    def __init__(self) -> None:
        names = names_by_language()
        ambiguous = {w.lower() for w in load("countries").get("_ambiguous", {}).get("words", [])}
        pairs = [(n, iso) for table in names.values() for n, iso in table.items()]
        # Proper names: matched as acronyms are (case-sensitively) so that "chad" or "turkey"
        # in running text is not a state; names that are also word parts ("US-Dollar") do
        # not open a compound.
        self._names = Gazetteer((), [(n, "?" + n) for n in contextual()] + [p for p in pairs if p[0].lower() not in ambiguous])
        self._ambiguous = Gazetteer((), [p for p in pairs if p[0].lower() in ambiguous], compounds=False)
        shared = [(w, "?" + w) for w in contextual_demonyms()]
        self._demonyms = Gazetteer(shared + [(w, iso) for table in demonyms_by_language().values() for w, iso in table.items()])

    def mentions(self, text: str, demonyms: bool = False) -> list[Mention]:
        """States named in `text`, in order; bare contextual names resolved by the others."""
        hits: list[Hit] = list(self._names.finditer(text))
        taken = [(h.start, h.end) for h in hits]
        hits += [h for h in self._ambiguous.finditer(text) if not any(s < h.end and h.start < e for s, e in taken)]
        found = [Mention(h.start, h.end, h.key, h.surface) for h in hits]
        if demonyms:
            found += [Mention(h.start, h.end, h.key, h.surface, True) for h in self._demonyms.finditer(text)]
            found.sort(key=lambda m: m.start)
        return resolve_contextual(found)

    def codes(self, text: str) -> list[str]:
        return sorted({m.iso for m in self.mentions(text)})


def resolve_contextual(found: list[Mention]) -> list[Mention]:
    """Give each bare name ("Korea") the state among its candidates that is named plainly."""
    table = contextual() | contextual_demonyms()
    plain = {m.iso for m in found if not m.iso.startswith("?")}
    out: list[Mention] = []
    for m in found:
        if m.iso.startswith("?"):
            candidates = table.get(m.iso[1:], [])
            named = [c for c in candidates if c in plain]
            iso = named[0] if len(named) == 1 else (candidates[0] if candidates else "")
            if not iso:
                continue
            m = Mention(m.start, m.end, iso, m.surface, m.demonym)
        out.append(m)
    return out


@cache
def countries() -> Countries:
    return Countries()


def english_name(iso: str) -> str:
    country = pycountry.countries.get(alpha_2=iso)
    if country is None:
        return iso
    return str(getattr(country, "common_name", None) or country.name)


def slot_names(language: str, slot: str) -> Iterable[str]:
    """Names for the `{country}` and `{demonym}` slots of a language pack."""
    if slot == "demonym":
        return list(demonyms_by_language().get(language, {})) + list(contextual_demonyms(language))
    return list(names_by_language().get(language, {}).keys()) + list(contextual())
