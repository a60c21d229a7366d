"""The relationship: its level after the event, whether the event raised it, and since when.

- The level is the highest one the document names (a statement names the level in force).
- It was upgraded by this event when a sentence raises it to that level without dating the
  raise to another year ("agreed to upgrade relations to a strategic partnership").
- `since`: the year of the raise named with the level ("upgraded ... in 2022"), or the event's.
- Diplomatic relations: the date or year after "established diplomatic relations", or an
  anniversary worked back ("the 35th anniversary ... in 2027" gives 1992).
"""

from __future__ import annotations

from dataclasses import dataclass

from accords.dates import find_dates, years_in
from accords.extract.context import Context, Match, find
from accords.lang import Pack, holds_any
from accords.model import Event, Evidence, Relationship

LEVELS = (
    "comprehensive_strategic_partnership",
    "strategic_partnership",
    "comprehensive_partnership",
    "partnership",
    "traditional_friendship",
)
_DIPLOMATIC_DATE_WINDOW = 90
_ANNIVERSARY_WINDOW = 90
#: How far after a level its time to come may stand ("... partnership at an appropriate time").
_LATER_WINDOW = 40


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    language: str | None


def sentences(ctx: Context) -> list[Sentence]:
    return [
        Sentence(s, e, p.language)
        for p, spans in zip(ctx.doc.provisions, ctx.doc.sentences)
        for s, e in spans
    ]


def _level_matches(ctx: Context, sentence: Sentence) -> list[Match]:
    pack = ctx.pack_of(sentence.language)
    text = ctx.text[sentence.start : sentence.end]
    if not holds_any(pack, "relationship", LEVELS, text):
        return []  # most sentences name no level: one scan of all the levels says so
    matches = [m for level in LEVELS for m in find(pack, "relationship", level, text, sentence.start)]
    # Of two level names that overlap, the higher level is the one the text names: "quan hệ Đối
    # tác hợp tác Chiến lược Toàn diện" names the comprehensive strategic partnership, not the
    # "quan hệ đối tác" it starts with; "strategic partnership for the 21st century" a strategic one.
    kept: list[Match] = []
    for m in sorted(matches, key=lambda m: (LEVELS.index(m.key), -(m.end - m.start), m.start)):
        if not any(m.start < k.end and k.start < m.end for k in kept):
            kept.append(m)
    later = pack.phrase_regex("relationship", "later")
    # A level with a time to come after it is an aim ("elevarlas a una asociación estratégica
    # integral en el momento oportuno"), not the level in force.
    return sorted((m for m in kept if not later.search(ctx.text[m.end : min(sentence.end, m.end + _LATER_WINDOW)])),
                  key=lambda m: m.start)


def extract_relationship(ctx: Context, event: Event) -> Relationship:
    """The relationship of the parties as the document states it."""
    # The event's year; a report that dates no event is of the year it came out.
    when = event.start or ctx.doc.cleaned.published
    event_year = int(when[:4]) if when and when[:4].isdigit() else None
    all_sentences = sentences(ctx)
    best: Match | None = None
    upgraded = False
    since: str | None = None
    evidence: list[Evidence] = []
    by_sentence = [(s, _level_matches(ctx, s)) for s in all_sentences]
    named = [m for s, matches in by_sentence for m in matches if not _partners_only(ctx.pack_of(s.language), m)]
    if named:
        # "act as strategic partners" is a word in passing where a partnership is named.
        by_sentence = [(s, [m for m in matches if m in named]) for s, matches in by_sentence]
    for _, matches in by_sentence:
        for m in matches:
            if best is None or LEVELS.index(m.key) < LEVELS.index(best.key):
                best = m
    if best is None:
        level = "none"
    else:
        level = best.key
        evidence.append(best.evidence("relationship.level", level))
        for sentence, matches in by_sentence:
            pack = ctx.pack_of(sentence.language)
            text = ctx.text[sentence.start : sentence.end]
            ours = [m for m in matches if m.key == level]
            if not ours:
                continue  # only a sentence naming the level in force can raise it
            raises = [r for r in find(pack, "relationship", "upgrade", text, sentence.start) if _raises_to(pack, ctx, r, ours)]
            raises += [m for m in ours if _named_new(pack, ctx, m)]
            raises += [e for e in find(pack, "relationship", "establish", text, sentence.start)
                       if any(0 <= m.start - e.end <= _OBJECT_WINDOW or 0 <= e.start - m.end <= _TO_WINDOW for m in ours)]
            if not raises or not ours:
                continue
            after = text[ours[0].end - sentence.start :]
            before = text[max(0, raises[0].start - sentence.start - _YEAR_BEFORE) : raises[0].start - sentence.start]
            # The raise lies in the past: a later year is a target's deadline, not its date.
            dated = [y for y in years_in(after[:_YEAR_AFTER]) + years_in(before) if event_year is None or y < event_year]
            if dated:
                since = since or str(dated[0])
            else:
                upgraded = True
                since = str(event_year) if event_year else since
                evidence.append(raises[0].evidence("relationship.upgraded", "true"))
                break
    if best is not None and since is None and not upgraded:
        since = _launched(ctx, by_sentence, level, event_year, evidence)
    return Relationship(
        level=level,
        upgraded=upgraded,
        since=since,
        diplomatic_relations_since=_diplomatic_since(ctx, all_sentences, event_year, evidence),
        evidence=evidence,
    )


#: How far after the level, or before the verb raising it, the year of the raise may stand.
_YEAR_AFTER = 120
_YEAR_BEFORE = 16


def _partners_only(pack: Pack, match: Match) -> bool:
    """A level read from the word for partners ("partenaires stratégiques"), not from a
    partnership the text names."""
    return bool(pack.phrase_regex("relationship", "partners").fullmatch(match.cue))


def _launched(ctx: Context, by_sentence: list[tuple[Sentence, list[Match]]], level: str,
              event_year: int | None, evidence: list[Evidence]) -> str | None:
    """The year the level in force began, where a sentence dates it ("launched in 2011")."""
    for sentence, matches in by_sentence:
        ours = [m for m in matches if m.key == level]
        if not ours:
            continue
        pack = ctx.pack_of(sentence.language)
        text = ctx.text[sentence.start : sentence.end]
        cues = find(pack, "relationship", "launch", text, sentence.start)
        if not cues:
            continue
        years = [
            y for y in years_in(ctx.text[ours[0].start : sentence.end][:_YEAR_AFTER]) if event_year is None or y < event_year
        ]
        if years:
            evidence.append(cues[0].evidence("relationship.since", str(years[0])))
            return str(years[0])
    return None


#: How close before the level its "to" must stand ("to an even more ambitious ...", "auf die
#: Ebene einer von Freundschaft getragenen ...").
_TO_WINDOW = 60
#: How far after a verb establishing it the level may be named ("resuelven establecer de común
#: acuerdo una Relación de Asociación Estratégica Integral"); German puts the verb after it.
_OBJECT_WINDOW = 80
#: How close before the level "new" must stand ("a new strategic partnership").
_NEW_WINDOW = 12


def _raises_to(pack: Pack, ctx: Context, cue: Match, levels: list[Match]) -> bool:
    """Whether `cue` raises the relationship *to* one of `levels` in its sentence ("upgraded
    ... to a strategic partnership in 2001", "auf die Ebene einer Strategischen Partnerschaft
    anzuheben"), rather than deepening a level already held ("elevate the comprehensive
    partnership")."""
    to_level = pack.phrase_regex("grammar", "to_level")
    for level in levels:
        before = ctx.text[max(0, level.start - _TO_WINDOW) : level.start]
        if level.start > cue.end:
            # From the cue's own start: "hever forholdet til" holds the "til" itself.
            before = ctx.text[max(cue.start, level.start - _TO_WINDOW) : level.start]
        if to_level.search(before) or _named_new(pack, ctx, level):
            return True
    return False


def _named_new(pack: Pack, ctx: Context, level: Match) -> bool:
    """A level named as new ("agreed to a new strategic partnership"): it begins now."""
    return bool(pack.phrase_regex("relationship", "new").search(ctx.text[max(0, level.start - _NEW_WINDOW) : level.start]))


def _diplomatic_since(ctx: Context, all_sentences: list[Sentence], event_year: int | None,
                      evidence: list[Evidence]) -> str | None:
    """When diplomatic relations began: a full date written after the phrase beats a year
    written after it, which beats a year worked back from an anniversary."""
    found: list[tuple[int, str, Evidence]] = []
    for sentence in all_sentences:
        pack = ctx.pack_of(sentence.language)
        text = ctx.text[sentence.start : sentence.end]
        # Each sentence is asked about this one list: scanned for it, not indexed.
        for cue in find(pack, "relationship", "diplomatic", text, sentence.start, indexed=False)[:1]:
            rest = text[cue.end - sentence.start :]
            dates = [d for d in find_dates(pack, rest[:_DIPLOMATIC_DATE_WINDOW]) if d.day and d.year]
            if dates and dates[0].iso():
                value = dates[0].iso() or ""
                found.append((0, value, cue.evidence("relationship.diplomatic_relations_since", value)))
            years = [y for y in years_in(rest[:_DIPLOMATIC_DATE_WINDOW]) if event_year is None or y <= event_year]
            before = text[max(0, cue.start - sentence.start - _ANNIVERSARY_WINDOW) : cue.start - sentence.start]
            anniversaries = [m for p in pack.pattern_list("relationship", "anniversary") for m in p.finditer(before)]
            if anniversaries:
                later = years_in(rest)
                year = later[0] if later else event_year
                if year:
                    value = str(year - int(anniversaries[-1].group("n")))
                    found.append((2, value, cue.evidence("relationship.diplomatic_relations_since", value)))
            elif years:
                found.append((1, str(years[0]), cue.evidence("relationship.diplomatic_relations_since", str(years[0]))))
    if not found:
        return None
    _, value, why = min(found, key=lambda f: f[0])
    evidence.append(why)
    return value
