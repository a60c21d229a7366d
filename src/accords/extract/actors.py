"""Actors: the states that take a provision's action.

The subject of the deciding cue is the nearest actor phrase before it in its sentence ("the two
sides", "the Korean side", a state, a leader), or the first one inside or just after it when
the verb comes first ("ble de to sidene enige", "vereinbarten beide Seiten"). Subjects joined by
"and" act together. With no subject named, a joint text speaks for both parties.
"""

from __future__ import annotations

import re
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
    # A side counts only with a state named in it: without one in the window, none can.
    for m in find(pack, "actors", "side", text, start) if ctx.mentions_in(start, end) else []:
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


#: How close before a state its "to" must stand to make it a destination.
_TOWARDS = 5
#: How close before a state its "regarding" must stand to make it a topic ("liên quan đến").
_ABOUT = 16
#: How far before a state or leader its "with" may stand, across a title of some words.
_MET = 40
_TITLE_WORDS = 4
_HYPHENS = "-‐‑–"
_PUNCTUATION = re.compile(r"[,;:.!?]")


def _governed(words: re.Pattern[str], before: str, between: int = 1) -> bool:
    """A word of `words` ends `before`, but for `between` words at most: an article ("concernant
    le Laos"), a title ("với Tổng Bí thư Tô Lâm")."""
    return any(len(tail.split()) <= between and not _PUNCTUATION.search(tail)
               for tail in (before[m.end() :] for m in words.finditer(before)))


def _hyphened(text: str, actor: Actor) -> bool:
    """"Indonesia-Australia", "Australia–Japan": a state written against another by a hyphen."""
    before = text[actor.start - 1 : actor.start] if actor.start else ""
    return bool(before and before in _HYPHENS) or text[actor.end : actor.end + 1] in tuple(_HYPHENS)


def _apposed(ctx: Context, left: Actor, right: Actor) -> bool:
    """"El presidente de México, Andrés Manuel López Obrador, y ...": a leader named after his
    state, set off by a comma, is the same actor."""
    return left.states == right.states and not ctx.text[left.end : right.start].strip(" ,")


def actors_of(ctx: Context, pack: Pack, cue: Match, sentence: tuple[int, int]) -> tuple[list[str], Evidence | None]:
    """The states acting in the cue's clause, and the words that say so.

    The subject is the first actor phrase of the clause (the sentence, or its part after the
    last semicolon before the cue), outside quotations, which are someone's words; when the
    verb comes first the subject follows it ("vereinbarten beide Seiten").
    """
    clause_start = max(sentence[0], ctx.text.rfind(";", sentence[0], cue.start) + 1)
    quoted = _quotations(ctx.text, sentence)
    inside = next(((q0, q1) for q0, q1 in quoted if q0 <= cue.start < q1), None)
    found = actor_phrases(ctx, pack, clause_start, min(sentence[1], cue.end + _AFTER))
    if inside is not None:
        # A cue inside a quotation ("“Australia affirmed its support ...”, read the statement"):
        # its subject is the one quoted before it, if any.
        phrases = [a for a in found if inside[0] <= a.start < cue.start]
    else:
        phrases = [a for a in found if not any(q0 <= a.start < q1 for q0, q1 in quoted)]
    towards = pack.phrase_regex("event", "towards")
    about = pack.phrase_regex("actors", "about")
    # A state after "to" is where something goes ("поставки во Вьетнам"), and after "regarding"
    # what is spoken of ("Về Ukraine, Thủ tướng ..."), not who acts; two states joined by a
    # hyphen ("the Australia-Japan relationship") name a relation.
    phrases = [
        a for a in phrases
        if not towards.search(ctx.text[max(clause_start, a.start - _TOWARDS) : a.start])
        and not _governed(about, ctx.text[max(clause_start, a.start - _ABOUT) : a.start])
        and not _hyphened(ctx.text, a)
    ]
    # "Trong cuộc gặp với ông Putin, ông Tập Cận Bình ...": whom the subject met comes first.
    met = pack.phrase_regex("actors", "with")
    while len(phrases) > 1 and _governed(
            met, ctx.text[max(clause_start, phrases[0].start - _MET) : phrases[0].start], _TITLE_WORDS):
        phrases = phrases[1:]
    chosen = phrases[:1]
    for following in phrases[1:]:
        if _joined(ctx, pack, chosen[-1], following) or _apposed(ctx, chosen[-1], following):
            chosen.append(following)
        else:
            break
    if not any(a.start < cue.start for a in chosen) and pack.phrase_regex("actors", "pronoun").match(
            ctx.text[clause_start : cue.start].lstrip()):
        # "He said his government ...", "Han sier det er viktig ...": the last speaker named.
        speaker = _previous_speaker(ctx, pack, clause_start)
        chosen = [speaker] if speaker is not None else chosen
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


#: Marks that open a paragraph of quoted speech in Norwegian, German and news style ("– Vi ...").
_SPEECH_DASHES = ("–", "—", "-")


def quoted_speaker(ctx: Context, pack: Pack, cue: Match, paragraph: tuple[int, int],
                   sentences: list[tuple[int, int]]) -> tuple[list[str], Evidence] | None:
    """The party whose words hold `cue`: a cue inside quotation marks, or in a paragraph that
    opens with a speech dash, belongs to the speaker that a reporting verb of the paragraph
    names ("..., sier statsminister Støre", "“...,” Ramaphosa said"), when that is one party."""
    quoted = any(q0 <= cue.start < q1 for q0, q1 in _quotations(ctx.text, paragraph))
    if not quoted and not ctx.text[paragraph[0] : paragraph[0] + 2].lstrip().startswith(_SPEECH_DASHES):
        return None
    if pack.phrase_regex("actors", "together").search(cue.cue):
        # "– Vi er enige om å ..., sier Solberg": an agreement takes both; the speaker speaks for them.
        both = sorted(ctx.parties)
        return both, Evidence(field="actors", value=",".join(both), span=(cue.start, cue.end), cue=cue.cue)
    text = ctx.text[paragraph[0] : paragraph[1]]
    for said in find(pack, "modality", "speech", text, paragraph[0]):
        first = _speaker(ctx, pack, said, paragraph) or (
            _previous_speaker(ctx, pack, paragraph[0]) if _pronoun_by(ctx, pack, said, paragraph) else None)
        if first is not None:
            return list(first.states), Evidence(field="actors", value=first.states[0], span=(first.start, first.end), cue=first.cue)
        sentence = next(((s, e) for s, e in sentences if s <= said.start < e), paragraph)
        states, evidence = actors_of(ctx, pack, said, sentence)
        if evidence is not None and len(states) == 1:
            return states, evidence
    return None


def _speaker(ctx: Context, pack: Pack, said: Match, paragraph: tuple[int, int]) -> Actor | None:
    """The one party named as the speaker of a reporting verb: just before it ("”, Ramaphosa
    said in talks with Buhari"), or else following it ("sier Støre")."""
    before = [a for a in actor_phrases(ctx, pack, max(paragraph[0], said.start - _AFTER), said.start)
              if not ctx.text[a.end : said.start].strip()]
    after = actor_phrases(ctx, pack, said.end, min(paragraph[1], said.end + _AFTER))
    return next((a for a in before[-1:] or after[:1] if len(a.states) == 1), None)


#: How far back a pronoun's speaker may be named ("..., Ramaphosa said. / He added ...").
_PRONOUN_REACH = 600


def _pronoun_by(ctx: Context, pack: Pack, said: Match, paragraph: tuple[int, int]) -> bool:
    """A pronoun just before or just after a reporting verb ("he added", "sa han", "Han sier")."""
    pronoun = pack.phrase_regex("actors", "pronoun")
    before = ctx.text[max(paragraph[0], said.start - 12) : said.start].split()
    after = ctx.text[said.end : min(paragraph[1], said.end + 12)].split()
    return any(pronoun.fullmatch(w.strip(",.;:")) for w in before[-1:] + after[:1])


def _previous_speaker(ctx: Context, pack: Pack, before: int) -> Actor | None:
    """The last speaker named before an offset: whom a pronoun at the offset stands for."""
    start = max(0, before - _PRONOUN_REACH)
    for said in reversed(find(pack, "modality", "speech", ctx.text[start:before], start)):
        found = _speaker(ctx, pack, said, (start, before))
        if found is not None:
            return found
    return None
