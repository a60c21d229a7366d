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

from accords.extract.context import Context, Match, find
from accords.extract.dates import find_dates, years_in
from accords.lang import Pack
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
    found = [m for level in LEVELS for m in find(pack, "relationship", level, text, sentence.start)]
    found.sort(key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[Match] = []
    for m in found:
        if kept and m.start < kept[-1].end:
            continue
        kept.append(m)
    return kept


def extract_relationship(ctx: Context, event: Event) -> Relationship:
    """The relationship of the parties as the document states it."""
    event_year = int(event.start[:4]) if event.start else None
    all_sentences = sentences(ctx)
    best: Match | None = None
    upgraded = False
    since: str | None = None
    evidence: list[Evidence] = []
    by_sentence = [(s, _level_matches(ctx, s)) for s in all_sentences]
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
            raises = [r for r in find(pack, "relationship", "upgrade", text, sentence.start) if _raises_to(pack, ctx, r, ours)]
            if not raises or not ours:
                continue
            after = text[ours[0].end - sentence.start :]
            dated = [y for y in years_in(after[:120]) if y != event_year] or [
                y for y in years_in(text) if event_year is None or y < event_year
            ]
            if dated:
                since = since or str(dated[0])
            else:
                upgraded = True
                since = str(event_year) if event_year else since
                evidence.append(raises[0].evidence("relationship.upgraded", "true"))
                break
    return Relationship(
        level=level,
        upgraded=upgraded,
        since=since,
        diplomatic_relations_since=_diplomatic_since(ctx, all_sentences, event_year, evidence),
        evidence=evidence,
    )


#: How close before the level its "to" must stand ("til et omfattende ...").
_TO_WINDOW = 16


def _raises_to(pack: Pack, ctx: Context, cue: Match, levels: list[Match]) -> bool:
    """Whether `cue` raises the relationship *to* one of `levels` later in its sentence
    ("upgraded ... to a strategic partnership in 2001, and to a comprehensive one in 2012"),
    rather than deepening a level already held ("elevate the comprehensive partnership")."""
    to_level = pack.phrase_regex("grammar", "to_level")
    return any(
        level.start > cue.end and to_level.search(ctx.text[max(cue.end, level.start - _TO_WINDOW) : level.start])
        for level in levels
    )


def _diplomatic_since(ctx: Context, all_sentences: list[Sentence], event_year: int | None,
                      evidence: list[Evidence]) -> str | None:
    for sentence in all_sentences:
        pack = ctx.pack_of(sentence.language)
        text = ctx.text[sentence.start : sentence.end]
        cues = find(pack, "relationship", "diplomatic", text, sentence.start)
        if not cues:
            continue
        cue = cues[0]
        rest = text[cue.end - sentence.start :]
        dates = [d for d in find_dates(pack, rest[:_DIPLOMATIC_DATE_WINDOW]) if d.day and d.year]
        if dates:
            evidence.append(cue.evidence("relationship.diplomatic_relations_since", dates[0].iso() or ""))
            return dates[0].iso()
        before = text[max(0, cue.start - sentence.start - _ANNIVERSARY_WINDOW) : cue.start - sentence.start]
        for pattern in pack.pattern_list("relationship", "anniversary"):
            found = list(pattern.finditer(before))
            if found:
                n = int(found[-1].group("n"))
                later = years_in(rest)
                year = (later[0] if later else event_year)
                if year:
                    evidence.append(cue.evidence("relationship.diplomatic_relations_since", str(year - n)))
                    return str(year - n)
        years = years_in(rest[:_DIPLOMATIC_DATE_WINDOW])
        if years and (event_year is None or years[0] <= event_year):
            evidence.append(cue.evidence("relationship.diplomatic_relations_since", str(years[0])))
            return str(years[0])
    return None

