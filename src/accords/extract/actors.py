"""Actors: the states that take a provision's action.

The subject of the deciding cue is the nearest actor phrase before it in its sentence ("the two
sides", "the Korean side", a state, a leader), or the first one inside or just after it when
the verb comes first ("ble de to sidene enige", "vereinbarten beide Seiten"). Subjects joined by
"and" act together. With no subject named, a joint text speaks for both parties.
"""

from __future__ import annotations

from dataclasses import dataclass

from accords.extract.context import Context, Match, find
from accords.lang import Pack
from accords.model import Evidence

_AFTER = 60


@dataclass(frozen=True)
class Actor:
    start: int
    end: int
    states: tuple[str, ...]
    cue: str


def actor_phrases(ctx: Context, pack: Pack, start: int, end: int) -> list[Actor]:
    """Actor phrases between two document offsets, in order."""
    text = ctx.text[start:end]
    out: list[Actor] = [
        Actor(m.start, m.end, tuple(ctx.parties), m.cue) for m in find(pack, "actors", "both", text, start)
    ]
    for m in find(pack, "actors", "side", text, start):
        states = tuple(dict.fromkeys(c.iso for c in ctx.mentions_in(m.start, m.end)))
        if states:
            out.append(Actor(m.start, m.end, states[:1], m.cue))
    for mention in ctx.mentions_in(start, end):
        if not mention.demonym:
            out.append(Actor(mention.start, mention.end, (mention.iso,), mention.surface))
    if ctx.people_regex is not None:
        for m in ctx.people_regex.finditer(text):
            out.append(Actor(start + m.start(), start + m.end(), (ctx.people[m.group(0)],), m.group(0)))
    out.sort(key=lambda a: (a.start, -(a.end - a.start)))
    kept: list[Actor] = []
    for actor in out:
        if kept and actor.start < kept[-1].end:
            continue
        kept.append(actor)
    return kept


def _joined(ctx: Context, pack: Pack, left: Actor, right: Actor) -> bool:
    between = ctx.text[left.end : right.start].strip(" ,")
    words = {w.lower() for w in pack.strings("grammar", "and")}
    return len(between) <= 40 and (between.lower() in words or between.lower().split(" ")[0] in words)


def actors_of(ctx: Context, pack: Pack, cue: Match, sentence: tuple[int, int]) -> tuple[list[str], Evidence | None]:
    """The states acting in the cue's sentence, and the words that say so."""
    phrases = actor_phrases(ctx, pack, sentence[0], min(sentence[1], cue.end + _AFTER))
    before = [a for a in phrases if a.end <= cue.start]
    chosen: list[Actor] = []
    if before:
        chosen = [before[-1]]
        for previous in reversed(before[:-1]):
            if _joined(ctx, pack, previous, chosen[0]):
                chosen.insert(0, previous)
            else:
                break
    else:
        inside = [a for a in phrases if a.start >= cue.start]
        chosen = inside[:1]
    states = sorted({s for actor in chosen for s in actor.states})
    if not states:
        return sorted(ctx.parties), None
    first, last = chosen[0], chosen[-1]
    evidence = Evidence(field="actors", value=",".join(states), span=(first.start, last.end),
                        cue=ctx.text[first.start : last.end])
    return states, evidence
