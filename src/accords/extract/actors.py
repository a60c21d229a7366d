"""Actors: the states that take a provision's action.

The subject of the deciding cue is the nearest actor phrase before it in its sentence ("the two
sides", "the Korean side", a state, a leader), or the first one inside or just after it when
the verb comes first ("ble de to sidene enige", "vereinbarten beide Seiten"). Subjects joined by
"and" act together. With no subject named, a joint text speaks for both parties.
"""

from __future__ import annotations

from dataclasses import dataclass

from accords.extract.context import Context, Match, find, longest_first
from accords.lang import Pack
from accords.model import Evidence

_AFTER = 60
#: How much may stand between two subjects joined by "and" ("and President").
_JOIN_WINDOW = 40


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
        for found in ctx.people_regex.finditer(text):
            name = found.group(0)
            out.append(Actor(start + found.start(), start + found.end(), (ctx.people_by_name[name],), name))
    return longest_first(out)


def _joined(ctx: Context, pack: Pack, left: Actor, right: Actor) -> bool:
    between = ctx.text[left.end : right.start].strip(" ,")
    return len(between) <= _JOIN_WINDOW and bool(pack.phrase_regex("grammar", "and").match(between))


def actors_of(ctx: Context, pack: Pack, cue: Match, sentence: tuple[int, int]) -> tuple[list[str], Evidence | None]:
    """The states acting in the cue's clause, and the words that say so.

    The subject is the first actor phrase of the clause (the sentence, or its part after the
    last semicolon before the cue), outside quotations, which are someone's words; when the
    verb comes first the subject follows it ("vereinbarten beide Seiten").
    """
    clause_start = max(sentence[0], ctx.text.rfind(";", sentence[0], cue.start) + 1)
    quoted = _quotations(ctx.text, sentence)
    phrases = [
        a for a in actor_phrases(ctx, pack, clause_start, min(sentence[1], cue.end + _AFTER))
        if not any(q0 <= a.start < q1 for q0, q1 in quoted)
    ]
    chosen = phrases[:1]
    for following in phrases[1:]:
        if _joined(ctx, pack, chosen[-1], following):
            chosen.append(following)
        else:
            break
    states = sorted({s for actor in chosen for s in actor.states})
    if not states:
        return sorted(ctx.parties), None
    first, last = chosen[0], chosen[-1]
    evidence = Evidence(field="actors", value=",".join(states), span=(first.start, last.end),
                        cue=ctx.text[first.start : last.end])
    return states, evidence


_QUOTE_PAIRS = (("“", "”"), ("«", "»"), ('"', '"'), ("„", "“"))


def _quotations(text: str, sentence: tuple[int, int]) -> list[tuple[int, int]]:
    """Spans of quoted speech in a sentence."""
    out: list[tuple[int, int]] = []
    for opening, closing in _QUOTE_PAIRS:
        pos = sentence[0]
        while (start := text.find(opening, pos, sentence[1])) >= 0:
            end = text.find(closing, start + 1, sentence[1] + 400)
            if end < 0:
                break
            out.append((start, end))
            pos = end + 1
    return out
