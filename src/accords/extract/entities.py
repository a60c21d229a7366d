"""Instruments, organisations and mechanisms named in a provision.

Registry names resolve to their id and English name. A named agreement the registry does not
know ("the agreement on social security between ...") is still an instrument: a head noun of the
pack followed by its complement up to the end of the phrase, with the acronym in brackets after
it as its id. Bilateral mechanisms (joint committees, dialogues) are found the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from accords.extract.context import find
from accords.lang import Pack
from accords.model import Entity, Evidence
from accords.registry import instruments, organizations

#: A named phrase ends at a clause boundary, or after this many words.
MAX_WORDS = 30
_BOUNDARY = re.compile(r"[,;:.!?\n«»“”\"]|\s[-–—]\s|\(|\)")
_QUOTES = {"«": "»", "“": "”", "„": "“", '"': '"'}
_QUOTE_OPEN = re.compile("|".join(re.escape(q) for q in _QUOTES))
_ACRONYM = re.compile(r"\s*\((?P<acr>[A-Z][A-Za-z0-9+&/ -]{1,15})\)")
_INSTRUMENT_YEAR = re.compile(r"^\s*(?:\S+\s+){0,2}?((?:19|20)\d\d)(?!\d)")


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    entity: Entity
    cue: str


def _phrase_end(pack: Pack, text: str, start: int) -> int:
    """Where a named phrase starting at `start` ends: a boundary, a word that opens what is said
    of the name ("signed in 2024", "to translate"), or MAX_WORDS words."""
    boundary = _BOUNDARY.search(text, start)
    end = boundary.start() if boundary else len(text)
    stop = pack.phrase_regex("entities", "stops").search(text, start, end)
    if stop:
        end = stop.start()
    end = start + len(text[start:end].rstrip())
    words = list(re.finditer(r"\S+", text[start:end]))
    if len(words) > MAX_WORDS:
        end = start + words[MAX_WORDS - 1].end()
    return end


def _year_after(text: str, end: int) -> int | None:
    m = _INSTRUMENT_YEAR.match(text[end : end + 20])
    return int(m.group(1)) if m else None


def registry_entities(kind: str, text: str, offset: int) -> list[Found]:
    """Organisations or instruments of the registry named in `text`."""
    registry = organizations() if kind == "organizations" else instruments()
    out: list[Found] = []
    for hit, entry in registry.find(text):
        year = entry.year
        if kind == "instruments":
            year = _year_after(text, hit.end) or year
        out.append(Found(offset + hit.start, offset + hit.end, Entity(id=entry.id, name=entry.name, year=year), hit.surface))
    return out


@cache
def _capitalised(pack: Pack) -> re.Pattern[str]:
    """Capitalised words, with the small words a name holds ("Treaty of Amity"), before a head."""
    small = pack.phrase_regex("entities", "name_words").pattern
    return re.compile(rf"(?:(?:[A-ZÀ-ÝĐ][\w'’+-]*|{small})\s+)+$")


@cache
def _modifier(pack: Pack) -> re.Pattern[str]:
    return re.compile(rf"(?:{pack.phrase_regex('entities', 'modifiers').pattern})\s+$", re.IGNORECASE)


@cache
def _coordination(pack: Pack) -> re.Pattern[str]:
    return re.compile(rf"\s+(?:{pack.phrase_regex('grammar', 'and').pattern})\s+(?:\S+\s+)?$", re.IGNORECASE)


def _left_name(pack: Pack, text: str, start: int) -> int:
    """Where a name written before its head noun begins ("Comprehensive Economic Partnership")."""
    m = _capitalised(pack).search(text[max(0, start - 120) : start])
    if not m:
        return start
    left = max(0, start - 120) + m.start()
    words = text[left:start].split()
    while words and not words[0][:1].isupper():
        left += len(words[0]) + 1
        words = words[1:]
    return left if words else start


def _dated(pack: Pack, name: str) -> tuple[str, int | None]:
    """A name ending "... in 2022" is the instrument of 2022: the year is not part of its name."""
    for words in (r"\S+", r"\S+\s+\S+"):
        m = re.search(rf"\s+({words})\s+((?:19|20)\d\d)$", name)
        if m and pack.phrase_regex("grammar", "in_year").fullmatch(m.group(1)):
            return name[: m.start()], int(m.group(2))
    return name, None


def _known(key: str, acronym: str | None, name: str) -> Entity | None:
    """The registry entry a named phrase stands for, by its acronym or its whole name."""
    if key != "instrument_heads":
        return None
    registry = instruments()
    for probe in (acronym, name):
        if probe:
            hits = registry.find(probe)
            if hits and hits[0][0].start == 0 and hits[0][0].end >= len(probe) - 1:
                entry = hits[0][1]
                return Entity(id=entry.id, name=entry.name, year=entry.year)
    return None


def named_phrases(pack: Pack, key: str, text: str, offset: int, taken: list[Found]) -> list[Found]:
    """Named phrases around a head noun of `entities.key`, outside what the registry found.

    The name is the capitalised words before the head ("Reciprocal Access Agreement") or the
    complement after it when a link word opens one ("agreement on social security"); a bare
    head ("the agreement") names nothing.
    """
    heads = find(pack, "entities", key, text, offset)
    links = pack.phrase_regex("grammar", "links")
    modifier = _modifier(pack)
    and_words = _coordination(pack)
    out: list[Found] = []
    for i, head in enumerate(heads):
        h_start, h_end = head.start - offset, head.end - offset
        if any(f.start <= head.start < f.end for f in taken + out):
            continue
        start = _left_name(pack, text, h_start) if text[h_start : h_start + 1].isupper() else h_start
        # A name found by the registry is not the beginning of the next one.
        start = max([start] + [f.end - offset + 1 for f in taken + out if f.end - offset <= h_start and f.end - offset > start])
        for _ in range(2):
            before = modifier.search(text[max(0, start - 40) : start])
            if not before:
                break
            start = max(0, start - 40) + before.start()
        end = h_end
        link = links.match(text, h_end + 1) if text[h_end : h_end + 1] == " " else None
        quote = _QUOTE_OPEN.search(text[max(0, start - 2) : start])
        closing = text.find(_QUOTES[quote.group(0)], h_end) if quote else -1
        if quote and 0 < closing - h_end < 400:
            start, end = start - (len(text[max(0, start - 2) : start]) - quote.start()), closing + 1
        elif link:
            end = _phrase_end(pack, text, link.end())
            if i + 1 < len(heads) and heads[i + 1].start - offset < end:
                coordination = and_words.search(text[h_end : heads[i + 1].start - offset])
                if coordination:
                    end = h_end + coordination.start()
        acronym = _ACRONYM.match(text, end)
        if start == h_start and not link and not acronym:
            continue
        name = " ".join(text[start:end].split())
        name, year = _dated(pack, name)
        entity_id = acronym.group("acr").strip() if acronym else None
        if acronym:
            end = acronym.end()
        entity = _known(key, entity_id, name) or Entity(id=entity_id, name=name, year=year)
        out.append(Found(offset + start, offset + end, entity, name))
    return out


def entities_of(pack: Pack, text: str, offset: int) -> tuple[list[Entity], list[Entity], list[str], list[Evidence], list[tuple[int, str]]]:
    """Instruments, organisations, mechanisms, their evidence, and where each instrument stands."""
    orgs = registry_entities("organizations", text, offset)
    known = registry_entities("instruments", text, offset)
    # An organisation's name inside an instrument's ("the ASEAN Charter") belongs to the instrument.
    orgs = [o for o in orgs if not any(i.start <= o.start and o.end <= i.end for i in known)]
    generic = named_phrases(pack, "instrument_heads", text, offset, known + orgs)
    mechanisms = named_phrases(pack, "mechanism_heads", text, offset, known + orgs + generic)
    instruments_found = sorted(known + generic, key=lambda f: f.start)
    evidence = [
        Evidence(field=field, value=f.entity.id or f.entity.name, span=(f.start, f.end), cue=f.cue)
        for field, group in (("instruments", instruments_found), ("organizations", orgs), ("mechanisms", mechanisms))
        for f in group
    ]
    return (
        _unique([f.entity for f in instruments_found]),
        _unique([f.entity for f in orgs]),
        list(dict.fromkeys(f.entity.name for f in mechanisms)),
        evidence,
        [(f.start, f.entity.id or f.entity.name) for f in instruments_found],
    )


def _unique(entities: list[Entity]) -> list[Entity]:
    seen: dict[str, Entity] = {}
    for entity in entities:
        key = (entity.id or entity.name).lower()
        if key not in seen or entity.year and not seen[key].year:
            seen[key] = entity
    return list(seen.values())
