"""Modality: how strongly the parties undertake what a provision says.

Cues of each level come from the language pack. The cues of one sentence are then read as a
small clause structure, each step a named rule of spec/ANNOTATION.md:
- `longest`: where cues overlap the longer one is the reading ("var enige om at" is a judgement,
  not "enige om");
- `subordinate`: an action verb after an infinitive marker ("in order to strengthen", "for å
  fremme") describes a purpose, and after a topic word ("talks on deepening ties") a topic, not
  what the parties do, and is dropped;
- `look_only`: an agreement only to look ("agreed to study the possibility") is explore, while
  the actions listed after the look ("..., and to promote ...") stay commitments;
- `conjunct`: a verb listed after another (", strengthen", "and promote") shares its reading:
  subordinate after a subordinate verb, explore after a wish, commitment after a look;
- `wish`: a wish or hope governs the actions after it in its sentence ("expressed the wish to
  promote") and makes them explore;
- `complement`: a belief or a proposal followed by "that" governs its clause ("hoped that the
  two sides will expand"): the verbs inside it are what is believed or proposed, not
  undertaken; an affirmation ("affirmed that it will") keeps the undertaking it affirms;
- `relative`: a bare future in a relative clause ("a pilot project which will ensure") tells
  of something else, not what the parties undertake;
- `viewed`: support words after a view in their sentence ("stressed the need to promote",
  "thanked Vietnam for supporting") are what the view is about, unless a new verb is joined
  by "and"; an affirmation ("bekreftet at Vietnam er villig til å dele") keeps what it affirms.
The provision takes the strongest level left, in the order of taxonomy.json. With no cue it is
the reporter's narrative, except a numbered item of a joint statement, which is the parties'
own text and so at least a position.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from functools import cache

from accords import disk_cache
from accords.extract.context import Match, find, longest_first
from accords.lang import Pack
from accords.model import Span

ORDER: tuple[str, ...] = ("commit", "support", "explore", "position", "narrative")
LEVELS = ORDER[:-1]
#: Words allowed between an agreement and the look-only verb that empties it.
LOOK_GAP_WORDS = 2
#: How far after a wish the actions it governs may stand, in characters.
WISH_WINDOW = 80
#: Words allowed between an infinitive marker and the verb it subordinates.
MARKER_GAP_WORDS = 1
_CLAUSE_END = re.compile(r"[;:]")
#: Words allowed between a relative pronoun and the future it governs ("som etter sigende vil").
RELATIVE_GAP_WORDS = 3
_WORD_START = re.compile(r"(?<!\S)\S")


def rank(level: str) -> int:
    return ORDER.index(level)


def _word_counter(text: str, offset: int) -> Callable[[int, int], int]:
    """How many words stand between two document offsets, as `len(text[a:b].split())` says,
    found by bisection in the word starts of `text`: counting by splitting is quadratic. The
    starts are found at the first count: most provisions never ask for one."""
    starts: list[int] = []

    def between(start: int, end: int) -> int:
        a, b = start - offset, end - offset
        if a >= b:
            return 0
        if not starts:
            starts.extend(m.start() for m in _WORD_START.finditer(text))
        inside = 0 < a < len(text) and not text[a].isspace() and not text[a - 1].isspace()
        return bisect.bisect_left(starts, b) - bisect.bisect_left(starts, a) + inside

    return between


def _sentence(sentences: list[Span], pos: int) -> Span:
    return next(((s, e) for s, e in sentences if s <= pos < e), (pos, pos + 1))


def _relabel(m: Match, level: str) -> Match:
    return Match(m.start, m.end, m.cue, level)


@cache
def _and_before(pack: Pack) -> re.Pattern[str]:
    """"and" just before a cue: a second main verb of the subject, not inside a that-clause."""
    return disk_cache.compile(rf"(?:{pack.phrase_regex('grammar', 'and').pattern})\s*$", re.IGNORECASE)


def cues(pack: Pack, text: str, offset: int = 0, sentences: list[Span] | None = None) -> list[Match]:
    """The modality cues of a provision after the clause rules, each keyed by its level."""
    sentences = sentences or [(offset, offset + len(text))]
    raw = [m for level in LEVELS for m in find(pack, "modality", level, text, offset)]
    raw += [_relabel(m, "position") for m in find(pack, "modality", "judgement", text, offset)]
    found = longest_first(raw)
    looks = find(pack, "modality", "look_only", text, offset)
    if not found and not looks:
        return []  # no cue at all: the clause rules below have nothing to read
    only = pack.phrase_regex("grammar", "only")
    negations = [n for n in find(pack, "grammar", "negation", text, offset) if not only.match(text, n.end - offset + 1)]
    found = [c for c in found if not any(0 <= c.start - n.end <= 12 for n in negations)]
    markers = find(pack, "grammar", "infinitive", text, offset) + find(pack, "grammar", "topic", text, offset)
    passives = find(pack, "grammar", "passive", text, offset)
    wishes = longest_first(find(pack, "modality", "wish", text, offset))
    thats = find(pack, "grammar", "that", text, offset)
    beliefs = find(pack, "modality", "belief", text, offset)
    affirms = find(pack, "modality", "affirm", text, offset)
    # "would like to reaffirm": a courtesy before an affirmation, not a wish.
    courtesies = {(w.start, w.end) for w in wishes if any(0 <= a.start - w.end <= 1 for a in affirms)}
    wishes = [w for w in wishes if (w.start, w.end) not in courtesies]
    found = [c for c in found if (c.start, c.end) not in courtesies]
    relatives = find(pack, "grammar", "relative", text, offset)
    futures = pack.phrase_regex("modality", "future")
    and_words = _and_before(pack)
    conjunct_re = _conjunct(pack)
    words_between = _word_counter(text, offset)

    def after(words: list[Match], cue: Match, gap: int) -> bool:
        return any(0 <= cue.start - w.end and words_between(w.end, cue.start) <= gap for w in words)

    # Look-only verbs are events of their own: the verbs listed after them are theirs.
    events = sorted(
        found + [Match(lk.start, lk.end, lk.cue, "look") for lk in looks if not any(f.start <= lk.start < f.end for f in found)],
        key=lambda m: m.start,
    )
    out: list[Match] = []
    emptied: list[Match] = []  # agreements emptied by a look-only verb
    last: dict[Span, str] = {}  # the reading of the last verb of each sentence
    for cue in events:
        sentence = _sentence(sentences, cue.start)
        previous = last.get(sentence)
        if cue.key == "look":
            last[sentence] = "look"
            continue
        conjunct = bool(conjunct_re.search(text[max(0, cue.start - offset - 12) : cue.start - offset]))
        if (cue.key == "explore" and after(markers, cue, 0) and any(lk.start == cue.start for lk in looks)
                and not after(emptied, cue, LOOK_GAP_WORDS + 1)):
            # "met business leaders in order to discuss", "behovet for å studere": a look that is
            # the purpose or object of something else, not one agreed on ("ble enige om å studere").
            last[sentence] = "dropped"
            continue
        if cue.key == "support":
            if conjunct and previous == "dropped" or after(markers, cue, MARKER_GAP_WORDS):
                last[sentence] = "dropped"
                continue
            if conjunct and previous == "look" and any(sentence[0] <= e.start for e in emptied):
                last[sentence] = "commit"
                out.append(_relabel(cue, "commit"))
                continue
        if cue.key in ("support", "position") and after(passives, cue, MARKER_GAP_WORDS):
            continue
        governors = [g for g in out if sentence[0] <= g.start and g.end <= cue.start]
        coordinated = bool(and_words.search(text[max(0, cue.start - offset - 8) : cue.start - offset]))
        clause_open = [
            g for g in governors + beliefs
            if (g.key == "explore" or g in beliefs) and g.end <= cue.start and sentence[0] <= g.start
            and any(g.end <= t.start < cue.start for t in thats)
            and not _CLAUSE_END.search(text[g.end - offset : cue.start - offset])
            # "hoped that ... and stressed": a new verb of the subject; "proposed that the sides
            # promote trade and strengthen ties": a support verb listed inside the clause.
            and not (coordinated and cue.key != "support")
        ]
        if clause_open:
            continue
        if cue.key == "commit" and futures.fullmatch(cue.cue) and any(
            0 <= cue.start - r.end and words_between(r.end, cue.start) <= RELATIVE_GAP_WORDS
            for r in relatives
        ):
            # "a project which will ensure", "et lovforslag som vil svekke": a future told of
            # something else, not the parties' undertaking.
            continue
        if cue.key == "support" and not coordinated and any(
            g.key == "position" and sentence[0] <= g.start and g.end <= cue.start
            and not (any(a.start <= g.start < a.end for a in affirms)
                     and any(g.end <= t.start < cue.start for t in thats))
            and not _CLAUSE_END.search(text[g.end - offset : cue.start - offset])
            for g in out
        ):
            # "stressed the need to promote", "valued the mutual support", "reaffirmed their
            # commitment to deepen": what a view is about, not what the parties undertake; an
            # affirmation keeps only what its that-clause says.
            last[sentence] = "dropped"
            continue
        level = cue.key
        wished = any(sentence[0] <= w.start and 0 <= cue.start - w.end <= WISH_WINDOW for w in wishes)
        if (wished or conjunct and previous == "wish") and level in ("commit", "support"):
            level = "explore"
            last[sentence] = "wish"
        elif level == "commit" and any(
            0 <= lk.start - cue.end and words_between(cue.end, lk.start) <= LOOK_GAP_WORDS for lk in looks
        ):
            level = "explore"
            emptied.append(cue)
            last[sentence] = level
        elif level == "explore" and emptied and any(lk.start < cue.end and cue.start < lk.end for lk in looks):
            # "ble enige om å studere ...": the look that emptied the agreement, whose listed
            # verbs stay commitments.
            last[sentence] = "look"
        else:
            last[sentence] = level
        out.append(_relabel(cue, level))
    return out


@cache
def _conjunct(pack: Pack) -> re.Pattern[str]:
    """A comma or "and" just before a verb: the verb is listed with the one before it."""
    return disk_cache.compile(rf"(?:,|(?:{pack.phrase_regex('grammar', 'and').pattern}))\s*(?:\S+\s+)?$", re.IGNORECASE)


def strongest(found: list[Match], numbered_statement: bool = False) -> tuple[str, Match | None]:
    """The strongest level among the cues, and the first cue of that level."""
    if not found:
        return ("position" if numbered_statement else "narrative"), None
    best = min(found, key=lambda m: (rank(m.key), m.start))
    return best.key, best
