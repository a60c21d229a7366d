"""Instruments, organisations and mechanisms named in a provision.

Registry names resolve to their id and English name. A named agreement the registry does not
know is still an instrument, read from its shape around a head noun of the pack: the complement
a link word opens ("the agreement on social security"), a name in capitals before the head in
any script ("Reciprocal Access Agreement", "Ахенский договор"), a title in quotes, a span of
years ("Action Programme 2026–2030"), a subject written in one word with the head
("forsvarssamarbeidsavtalen"), with the acronym in brackets after it as its id. A head with
only articles and modifiers ("the joint statement", "Gemeinsame Erklärung"), in the plural
with a complement ("agreements on trade"), or with a complement that says nothing of its own
("memorandum on cooperation") names nothing. Bilateral mechanisms (joint committees,
dialogues) are found the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from accords import disk_cache
from accords.chars import UPPER
from accords.extract.context import Match, find
from accords.lang import APOSTROPHES, Pack
from accords.model import Entity, Evidence
from accords.registry import instruments, organizations

#: A named phrase ends at a clause boundary, or after this many words.
MAX_WORDS = 30
_BOUNDARY = re.compile(r"[,;:.!?\n«»“”\"]|\s[-–—]\s|\(|\)")
_QUOTES = {"«": "»", "“": "”", "„": "“", '"': '"'}
_QUOTE_OPEN = re.compile("|".join(re.escape(q) for q in _QUOTES))
_ACRONYM = re.compile(r"\s*\((?P<acr>[A-Z][A-Za-z0-9+&/ -]{1,15})\)")
_INSTRUMENT_YEAR = re.compile(r"^\s*(?:\S+\s+){0,2}?((?:19|20)\d\d)(?!\d)")
YEAR = r"(?:19|20)\d\d"
#: A span of years, in any language ("2021–2025", "2026/2030"): digits, not words, so it lives here.
_RANGE = rf"\(?{YEAR}\s*[-–—/]\s*(?:{YEAR}|\d\d)\)?"


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    entity: Entity
    cue: str
    kind: str = "instruments"


def _phrase_end(pack: Pack, text: str, start: int) -> int:
    """Where a named phrase starting at `start` ends: a boundary, a word that opens what is said
    of the name ("signed in 2024", "to translate"), or MAX_WORDS words."""
    boundary = _BOUNDARY.search(text, start)
    # A spaced dash between two names joins them ("Vietnam - Japan relations").
    while boundary and boundary.group(0).strip() in ("-", "–") and (
        re.search(rf"[{UPPER}][\w.]*$", text[start : boundary.start()]) and re.match(rf"[{UPPER}]", text[boundary.end() :])
    ):
        boundary = _BOUNDARY.search(text, boundary.end())
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
        entity = Entity(id=entry.id, name=entry.name, year=year)
        out.append(Found(offset + hit.start, offset + hit.end, entity, hit.surface, kind))
    return out


@cache
def _capitalised(pack: Pack) -> re.Pattern[str]:
    """Capitalised words, with the small words a name holds ("Treaty of Amity"), before a head."""
    small = pack.phrase_regex("entities", "name_words").pattern
    return disk_cache.compile(rf"(?:(?:[{UPPER}](?:[\w'’+–-]|\.(?=[\w–-]))*|{small})\s+)+$")


@cache
def _modifier(pack: Pack) -> re.Pattern[str]:
    return disk_cache.compile(rf"(?:{pack.phrase_regex('entities', 'modifiers').pattern})\s+$", re.IGNORECASE)


@cache
def _coordination(pack: Pack) -> re.Pattern[str]:
    return disk_cache.compile(rf"\s+(?:{pack.phrase_regex('grammar', 'and').pattern})\s+(?:\S+\s+)?$", re.IGNORECASE)


@cache
def _no_name(pack: Pack) -> re.Pattern[str]:
    """Words that never make a phrase a name on their own: articles and pointers ("the said",
    "ladite"), the small words of names, modifiers ("joint", "gemeinsame") and link words."""
    keys = [("entities", "determiners"), ("entities", "name_words"), ("entities", "modifiers"),
            ("grammar", "links"), ("grammar", "and")]
    body = "|".join(pack.phrase_regex(section, key).pattern for section, key in keys)
    return disk_cache.compile(rf"(?:{body})", re.IGNORECASE)


@cache
def _compound(pack: Pack, key: str) -> re.Pattern[str]:
    """A name joined to its head by a hyphen ("EU-Mercosur-Abkommen", "Schengen-avtalen")."""
    heads = pack.phrase_regex("entities", key).pattern.removeprefix(r"(?<![\w-])")
    return disk_cache.compile(rf"(?<![\w-])(?:[{UPPER}][\w'’.]*[-–])+(?i:{heads})")


_PAIR = re.compile(rf" (?P<a>[{UPPER}])(?:\w|\.(?=\w))*\s?[-–]\s?(?P<b>[{UPPER}])(?:\w|\.(?=\w))*(?![\w-])")
_YEARS = re.compile(rf"\s*,?\s*{_RANGE}(?![-\d])")


@cache
def _period(pack: Pack) -> re.Pattern[str]:
    """The period a plan or programme covers, just after its name ("until 2030", "до 2030 года")."""
    patterns = [p.replace("{year}", YEAR) for p in pack.strings("entities", "periods")]
    return disk_cache.compile(rf"\s*,?\s*(?:{'|'.join(patterns + [_RANGE])})(?![-\d])", re.IGNORECASE)


def _is_name(pack: Pack, words: list[str]) -> bool:
    """Whether words before a head hold a name: a capitalised word other than an article, a
    modifier or a small word ("Gemeinsame Erklärung" and "Ladite Déclaration" name nothing)."""
    return any(w[:1].isupper() and not _no_name(pack).fullmatch(w.translate(APOSTROPHES)) for w in words)


def _left_name(pack: Pack, text: str, start: int) -> int:
    """Where a name written before its head noun begins ("Comprehensive Economic Partnership"),
    or `start` when the capitalised words there are no name."""
    m = _capitalised(pack).search(text[max(0, start - 120) : start])
    if not m:
        return start
    base = max(0, start - 120) + m.start()
    words = list(re.finditer(r"\S+", text[base:start]))
    while words and (not words[0].group(0)[:1].isupper() or _no_name(pack).fullmatch(words[0].group(0).translate(APOSTROPHES))):
        words.pop(0)
    # A name ends in a name word, never in an article or a small word ("Text der gemeinsamen
    # Erklärung" is the text of a statement, not its name).
    if not words or _no_name(pack).fullmatch(words[-1].group(0).translate(APOSTROPHES)):
        return start
    return base + words[0].start() if _is_name(pack, [w.group(0) for w in words]) else start


def _dated(pack: Pack, name: str) -> tuple[str, int | None]:
    """A name ending "... in 2022" is the instrument of 2022: the year is not part of its name."""
    for words in (r"\S+", r"\S+\s+\S+"):
        m = re.search(rf"\s+({words})\s+((?:19|20)\d\d)$", name)
        if m and pack.phrase_regex("grammar", "in_year").fullmatch(m.group(1)):
            return name[: m.start()], int(m.group(2))
    return name, None


def _trimmed(pack: Pack, text: str, start: int, end: int) -> int:
    """The end of a complement without the small words it was cut after ("agreement on X and")."""
    words = list(re.finditer(r"\S+", text[start:end]))
    while words and _no_name(pack).fullmatch(words[-1].group(0).translate(APOSTROPHES)):
        words.pop()
    return start + words[-1].end() if words else start


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


def _complement(pack: Pack, text: str, h_end: int, generic: bool = True) -> tuple[int, int, int] | None:
    """The complement a link word opens after a head ("on social security") as (start, end,
    where the name resumes): a complement that names the parties and then the subject ("between
    A and B on X") is named by its subject. None: no link, what follows is a date or a number
    ("agreement on 15 January"), it ends at once (a stop), or it says nothing of its own
    ("memorandum on cooperation", "programme of cooperation between A and B"; with `generic`, as
    for instruments: a mechanism of cooperation is named so)."""
    if text[h_end : h_end + 1] != " ":
        return None
    links = pack.phrase_regex("grammar", "links")
    link = links.match(text, h_end + 1)
    if not link:
        return None
    cut = _BOUNDARY.search(link.group(0))
    if cut:
        # A gap in the link ran past the end of the phrase ("в таможенной сфере, в области").
        end = link.start() + cut.start()
        return (end, end, link.start()) if cut.start() > 0 else None
    link_end = link.end()
    first = re.match(r"\s*(\S+)", text[link_end:])
    if not first or first.group(1)[:1].isdigit():
        return None
    quote = _QUOTE_OPEN.match(text, link_end + 1)
    closing = text.find(_QUOTES[quote.group(0)], quote.end()) if quote else -1
    if quote and 0 < closing - link_end < 200:
        # A title in quotes after the link ("kjøps- og salgsavtalen for «QAZAQ AIR»").
        return link_end, closing + 1, link.start()
    end = _trimmed(pack, text, link_end, _phrase_end(pack, text, link_end))
    if end <= link_end:
        # A link with a gap holds its own subject ("в таможенной сфере").
        words = link.group(0).split()
        filled = len(words) >= 3 and not _no_name(pack).fullmatch(words[-1].translate(APOSTROPHES))
        return (link_end, link_end, link.start()) if filled else None
    party_links = pack.phrase_regex("entities", "party_links")
    parties = party_links.search(text, link.start(), end)
    subject = text[link_end : parties.start() if parties else end].strip()
    if generic and subject and pack.phrase_regex("entities", "generic").fullmatch(subject):
        return None
    resume = link.start()
    if party_links.fullmatch(link.group(0)):
        subject_links = pack.phrase_regex("entities", "subject_links")
        after = next((m for m in subject_links.finditer(text, link_end, end) if text[m.start() - 1 : m.start()] == " "
                      and text[m.end() : m.end() + 2].strip()[:1].islower()), None)
        if after is not None:
            resume = after.start()
    return link_end, end, resume


def _titled(pack: Pack, text: str, start: int) -> bool:
    """Whether a complement goes on with a title in capitals ("Treaty of Amity", "Plan of Action
    for the Strategic Partnership"), past articles and small words."""
    for word in text[start:].split()[:4]:
        if not _no_name(pack).fullmatch(word.translate(APOSTROPHES)):
            return any(c.isupper() for c in word)
    return False


def _initials(words: str) -> str:
    return "".join(w[0] for w in re.findall(r"\w+", words)).lower()


def named_phrases(pack: Pack, key: str, text: str, offset: int, taken: list[Found]) -> list[Found]:
    """Named phrases around a head noun of `entities.key`, outside what the registry found.

    The name is the capitalised words before the head ("Reciprocal Access Agreement", "the
    EU–Mercosur agreement"), a title in quotes, the complement after it when a link word opens
    one ("agreement on social security"), or the period a plan covers ("Action Programme
    2026–2030"); a bare head, with only articles and modifiers ("the joint statement",
    "bilateral agreements"), names nothing. A plural head ("agreements on trade") names
    nothing but by a capitalised name. Where names follow their head (`head_first`, as in
    Vietnamese), a capitalised word after the head opens the name ("Hiệp định Thương mại ...").
    """
    heads = find(pack, "entities", key, text, offset)
    for m in _compound(pack, key).finditer(text):
        if not any(h.start <= offset + m.start() < h.end or offset + m.start() <= h.start < offset + m.end() for h in heads):
            heads.append(Match(offset + m.start(), offset + m.end(), m.group(0), key))
    compounds = _subject_compounds(pack, text, offset) if key == "instrument_heads" else []
    subjects = {m.start for m in compounds}
    heads += [m for m in compounds if not any(h.start <= m.start < h.end for h in heads)]
    heads.sort(key=lambda h: h.start)
    plurals = pack.phrase_regex("entities", "plurals")
    plans = pack.phrase_regex("entities", "plans")
    head_first = bool(pack.get("entities", "head_first", False))
    modifier = _modifier(pack)
    and_words = _coordination(pack)
    known = [f for f in taken if f.kind == "instruments"]
    kind = "instruments" if key == "instrument_heads" else "mechanisms"
    out: list[Found] = []
    for i, head in enumerate(heads):
        h_start, h_end = head.start - offset, head.end - offset
        if any(f.start <= head.start < f.end for f in taken + out):
            continue
        plural = bool(plurals.search(head.cue.split("-")[-1].translate(APOSTROPHES)))
        compound = "-" in head.cue or "–" in head.cue or head.start in subjects
        start = h_start if head_first else _left_name(pack, text, h_start)
        # The first half of two compounds joined by "and" ("kjøps- og salgsavtalen").
        elided = re.search(rf"\w+-\s+(?:{pack.phrase_regex('grammar', 'and').pattern})\s+$", text[max(0, start - 60) : start], re.IGNORECASE)
        if elided and head.start in subjects:
            start = max(0, start - 60) + elided.start()
        # A name found by the registry is not the beginning of the next one.
        start = max([start] + [f.end - offset + 1 for f in known + out if f.end - offset <= h_start and f.end - offset > start])
        # One capitalised word opening a sentence before a head in small letters is no name
        # ("Подписаны соглашения", "Signed agreements").
        opening = start < h_start and not text[h_start].isupper() and len(text[start:h_start].split()) == 1 and (
            not text[:start].strip() or text[:start].rstrip()[-1] in ".!?:\n")
        if opening:
            start = h_start
        named = start < h_start or compound and not plural
        capitals = start < h_start
        for _ in range(2):
            before = modifier.search(text[max(0, start - 40) : start])
            if not before:
                break
            start = max(0, start - 40) + before.start()
        # A modifier in the plural makes the head plural ("двусторонние соглашения").
        plural = plural or bool(plurals.search(text[start:h_start].translate(APOSTROPHES)))
        end = h_end
        quote = _QUOTE_OPEN.search(text[max(0, start - 2) : start])
        closing = text.find(_QUOTES[quote.group(0)], h_end) if quote else -1
        title = _QUOTE_OPEN.match(text, h_end + 1) if text[h_end : h_end + 1] == " " else None
        title_end = text.find(_QUOTES[title.group(0)], title.end()) if title else -1
        # "Memorandum of Understanding (MoU) on ...": the head's own acronym, then its name.
        spelled = _ACRONYM.match(text, h_end)
        after_head = spelled.end() if spelled and re.sub(r"\W", "", spelled.group("acr")).lower() == _initials(head.cue) else h_end
        complement = _complement(pack, text, after_head, generic=kind == "instruments")
        if complement and pack.phrase_regex("entities", "statements").fullmatch(head.cue) and complement[2] == after_head + 1 and (
            pack.phrase_regex("entities", "party_links").match(text, after_head + 1)
        ):
            complement = None
        # A head right after a capitalised word is inside another name ("Đối tác Chiến lược").
        before_head = text[max(0, h_start - 30) : h_start].split()
        inside = bool(before_head) and before_head[-1][:1].isupper()
        if complement is None and head_first and not inside and text[h_end : h_end + 2][1:].isupper():
            after = _trimmed(pack, text, h_end + 1, _phrase_end(pack, text, h_end + 1))
            complement = (h_end + 1, after, h_end + 1) if after > h_end + 1 else None
        # A pair of names joined by a dash right after the head ("l'accord Canada-UE").
        pair = _PAIR.match(text, h_end) if complement is None else None
        if pair and pair.group("a").isupper() and pair.group("b").isupper():
            complement = (h_end + 1, pair.end(), h_end + 1)
        resume = None
        if quote and 0 < closing - h_end < 400:
            start, end = start - (len(text[max(0, start - 2) : start]) - quote.start()), closing + 1
            named = True
        elif title and 0 < title_end - h_end < 400:
            end, named = title_end + 1, True
        # A name in capitals before the head goes on only with more capitals after it: "the
        # Acquisition and Cross-Servicing Agreement to further ..." ends at the head.
        elif complement and not (plural and not named) and not (capitals and not _titled(pack, text, h_end)):
            end, resume = complement[1], complement[2]
            named = True
            if i + 1 < len(heads) and heads[i + 1].start - offset < end:
                coordination = and_words.search(text[h_end : heads[i + 1].start - offset])
                if coordination:
                    end = h_end + coordination.start()
        plan = bool(plans.search(head.cue))
        if plan and not named and not plural and text[end : end + 1] == " ":
            # A plan named by the words up to its period ("программа стратегического
            # сотрудничества до 2030 года"), where no link word opens them.
            phrase_end = _phrase_end(pack, text, end + 1)
            words = text[end:phrase_end].split()
            for m in _period(pack).finditer(text, end, phrase_end):
                if len(text[end : m.start()].split()) <= 6 and len(words) <= 12:
                    end, named = m.end(), True
                    break
        # A span of years names a plan ("Action Programme 2026–2030", "giai đoạn 2026-2030"); a
        # period with one year ("until 2030") only lengthens the name of a plan already named.
        period = _YEARS.match(text, end) or (_period(pack).match(text, end) if plan else None)
        if period and not named and len(re.findall(YEAR, period.group(0))) < 2:
            period = None
        if period and not plural:
            end, named = period.end(), True
        acronym = _ACRONYM.match(text, end)
        # "Memorandum of Understanding (MOU)" spells out the head, not a name.
        if acronym and re.sub(r"\W", "", acronym.group("acr")).lower() == _initials(head.cue):
            acronym = None
        if not named and not acronym:
            continue
        if resume is not None and resume > h_end + 1:
            name = " ".join((text[start:h_end] + " " + text[resume:end]).split())
        else:
            name = " ".join(text[start:end].split())
        name, year = _dated(pack, name)
        entity_id = acronym.group("acr").strip() if acronym else None
        if acronym:
            end = acronym.end()
        entity = _known(key, entity_id, name) or Entity(id=entity_id, name=name, year=year)
        out.append(Found(offset + start, offset + end, entity, name, kind))
        if resume is not None and not acronym:
            out += _listed(pack, key, text, offset, text[start:h_end], end, kind)
    return out


def _listed(pack: Pack, key: str, text: str, offset: int, head: str, end: int, kind: str) -> list[Found]:
    """Further complements of one head in a list, each another instrument ("agreements in the
    customs field, in the field of emergencies": the second is "agreements in the field of
    emergencies")."""
    separator = disk_cache.compile(rf"\s*(?:,\s*(?:(?:{pack.phrase_regex('grammar', 'and').pattern})\s+)?|\s+(?:{pack.phrase_regex('grammar', 'and').pattern})\s+)", re.IGNORECASE)
    links = pack.phrase_regex("grammar", "links")
    out: list[Found] = []
    while (sep := separator.match(text, end)) is not None:
        complement = _complement(pack, text, sep.end() - 1) if text[sep.end() - 1 : sep.end()] == " " else None
        if complement is None or complement[2] != sep.end() or complement[1] <= end:
            break
        # A purpose clause after a comma is no item of the list ("…, for å forbedre").
        if pack.phrase_regex("grammar", "infinitive").search(text, complement[0], complement[1]):
            break
        item_end = complement[1]
        # The next item of the list ends this one ("on emergencies and on space").
        for nxt in separator.finditer(text, complement[0], item_end):
            if links.match(text, nxt.end()):
                item_end = nxt.start()
                break
        name = " ".join(f"{head} {text[complement[2] : item_end]}".split())
        out.append(Found(offset + sep.end(), offset + item_end, _known(key, None, name) or Entity(name=name), name, kind))
        end = item_end
    return out


def _subject_compounds(pack: Pack, text: str, offset: int) -> list[Match]:
    """Agreements named by their subject in one word ("forsvarssamarbeidsavtalen", "Klimaabkommen"):
    a head ending of `compound_heads` after a subject, unless the subject is a generic one
    ("samarbeidsavtale", "Rahmenabkommen")."""
    endings = pack.strings("entities", "compound_heads")
    lower = text.lower()
    if not any(ending.lower() in lower for ending in endings):
        return []  # no word ends in a head here
    generic = {g.lower() for g in pack.strings("entities", "generic_compounds")}
    pattern = disk_cache.compile(rf"(?<![\w-])(\w{{3,}}?)({'|'.join(map(re.escape, endings))})(?![\w-])", re.IGNORECASE)
    return [Match(offset + m.start(), offset + m.end(), m.group(0), "instrument_heads") for m in pattern.finditer(text)
            if m.group(1).lower() not in generic]


def entities_of(pack: Pack, text: str, offset: int) -> tuple[list[Entity], list[Entity], list[str], list[Evidence], list[tuple[int, str]]]:
    """Instruments, organisations, mechanisms, their evidence, and where each instrument stands."""
    orgs = registry_entities("organizations", text, offset)
    known = registry_entities("instruments", text, offset)
    # An organisation named in an instrument's name ("the ASEAN Charter", "the FTA between
    # Vietnam and the EAEU") is also an organisation of the provision.
    generic = named_phrases(pack, "instrument_heads", text, offset, known + orgs)
    # A mechanism named inside an instrument's name ("the agreement establishing the Joint
    # Commission") is a mechanism too.
    mechanisms = named_phrases(pack, "mechanism_heads", text, offset, known + orgs)
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
