"""Whether a later provision renews an earlier one between the same parties, and how it changed.

A commitment is renewed when a later document makes it again: the two share a domain and name the
same treaty, organisation, mechanism or target metric, or (in the same language) say nearly the
same words. What changed is read from what can be compared without translating: the modality
(explore < support < commit), and for targets of the same metric and unit the amount (higher is
stronger) and the year (earlier is stronger). These are plain functions of two `Provision`s; the
store (`accords.store.renewals`) picks the candidates and keeps the links.
"""

from __future__ import annotations

import hashlib
import math
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

from accords.model import Provision, Target

CHANGES = ("new", "repeated", "strengthened", "weakened", "changed")
"""How a commitment stands to its earlier mention; `changed` is stronger in one way and weaker in another."""

STRENGTH = {"explore": 0, "support": 1, "commit": 2}
"""The modalities a commitment can have, weakest first."""

SAME_WORDS = 0.5
"""Share of distinct words two provisions in one language must have in common (Jaccard) to be one."""

_WORD = re.compile(r"\w{3,}")


@dataclass(frozen=True)
class Renewal:
    """How a later provision changed an earlier one: the change and the reasons, in words."""

    change: str
    reasons: tuple[str, ...]


def figure(amount: float) -> str:
    """An amount as a person reads it: 2 billion, 350 million, 12,000."""
    for scale, word in ((1e9, "billion"), (1e6, "million")):
        if amount >= scale:
            return f"{amount / scale:g} {word}"
    return f"{amount:,g}"


@lru_cache(maxsize=8192)
def words(text: str) -> frozenset[str]:
    """The distinct words of a provision that the rule compares (the first 4,000 characters);
    remembered, as ingest compares the same earlier commitments again for each report of an event."""
    return frozenset(w.lower() for w in _WORD.findall(text[:4000]))


@dataclass(frozen=True)
class Signature:
    """What the rule compares of a commitment, small enough to read for hundreds of them at ingest:
    its domains, what it names in every language (registry ids, else names, and mechanisms), its
    target metrics and targets, its language and modality, and its text, whose distinct words are
    found only when the rule comes to compare them."""

    domains: frozenset[str]
    names: frozenset[str]
    metrics: frozenset[str]
    language: str | None
    modality: str | None
    targets: tuple[Target, ...]
    text: str

    @cached_property
    def words(self) -> frozenset[str]:
        return words(self.text)


def names(entities: list[tuple[str | None, str]], mechanisms: list[str]) -> frozenset[str]:
    """What a provision names that reads the same in every language: (registry id, name) of its
    treaties and organisations, by id else by name, and its mechanisms."""
    return frozenset(f"e:{(id_ or name).casefold()}" for id_, name in entities) | {
        f"m:{m.casefold()}" for m in mechanisms
    }


def signature(p: Provision) -> Signature:
    """The signature of a provision as extracted."""
    return Signature(
        domains=frozenset(p.domains),
        names=names([(e.id, e.name) for e in (*p.instruments, *p.organizations)], p.mechanisms),
        metrics=frozenset(t.metric for t in p.targets if t.metric),
        language=p.language,
        modality=p.modality,
        targets=tuple(p.targets),
        text=p.text,
    )


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def same(earlier: Signature, later: Signature) -> bool:
    """Whether `later` makes the commitment `earlier` made (see the module's rule)."""
    if earlier.domains and later.domains and not earlier.domains & later.domains:
        return False
    if earlier.names & later.names or earlier.metrics & later.metrics:
        return True
    if earlier.language is None or earlier.language != later.language:
        return False
    a, b = earlier.words, later.words
    # Jaccard can reach SAME_WORDS only when neither set is much larger than the other.
    if not a or not b or min(len(a), len(b)) < SAME_WORDS * max(len(a), len(b)):
        return False
    return _jaccard(a, b) >= SAME_WORDS


def match_keys(commitment: Signature) -> frozenset[str]:
    """Keys of which two commitments that are `same` share at least one, to find candidates in an index.

    A name or a metric they share is a key. Words are keyed by a prefix (the principle of prefix
    filtering): with a commitment's distinct words ordered one way for all (longest first, so that
    rarer words come first), two sets whose Jaccard similarity reaches SAME_WORDS share at least
    ceil(SAME_WORDS * larger size) words, so each set's first `size - that + 1` words hold one of
    them; a set's own size stands in for the larger, which only lengthens its prefix. Words count
    only in one language, so the language is part of their keys.
    """
    found = {f"n{name}" for name in commitment.names} | {f"t{metric}" for metric in commitment.metrics}
    if commitment.language is not None and commitment.words:
        ordered = sorted(commitment.words, key=lambda word: (-len(word), word))
        overlap = math.ceil(SAME_WORDS * len(ordered))
        found |= {f"w{commitment.language}:{word}" for word in ordered[: len(ordered) - overlap + 1]}
    return frozenset(found)


def digest(commitment: Signature) -> bytes:
    """A hash of everything the rule reads of a commitment: two with one digest match, and change,
    alike, so an index keeps each once per pair however many documents state it."""
    parts = (
        sorted(commitment.domains),
        sorted(commitment.names),
        sorted(commitment.metrics),
        commitment.language,
        commitment.modality,
        [(t.metric, t.amount, t.unit, t.year) for t in commitment.targets],
        commitment.text,
    )
    return hashlib.blake2b(repr(parts).encode("utf-8"), digest_size=16).digest()


def likeness(earlier: Signature, later: Signature) -> float:
    """How much two commitments share, to choose the best of several earlier matches."""
    shared = len(earlier.names & later.names) + len(earlier.metrics & later.metrics)
    return shared + _jaccard(earlier.words, later.words)


def same_commitment(earlier: Provision, later: Provision) -> bool:
    """Whether provision `later` makes the commitment provision `earlier` made."""
    return same(signature(earlier), signature(later))


def renewal(earlier: Provision, later: Provision) -> Renewal:
    """How provision `later` changed the commitment provision `earlier` made."""
    return change(signature(earlier), signature(later))


def change(earlier: Signature, later: Signature) -> Renewal:
    """How `later` changed the commitment `earlier` made."""
    stronger: list[str] = []
    weaker: list[str] = []
    before, after = STRENGTH.get(earlier.modality or ""), STRENGTH.get(later.modality or "")
    if before is not None and after is not None and before != after:
        (stronger if after > before else weaker).append(f"{earlier.modality} → {later.modality}")
    for old in earlier.targets:
        for new in later.targets:
            if old.metric != new.metric or old.unit != new.unit:
                continue
            if new.amount != old.amount:
                (stronger if new.amount > old.amount else weaker).append(
                    f"{old.metric or 'target'} {figure(old.amount)} → {figure(new.amount)} {new.unit}"
                )
            if old.year and new.year and old.year != new.year:
                (stronger if new.year < old.year else weaker).append(
                    f"{old.metric or 'target'} by {old.year} → by {new.year}"
                )
    if stronger and weaker:
        return Renewal("changed", (*stronger, *weaker))
    if stronger:
        return Renewal("strengthened", tuple(stronger))
    if weaker:
        return Renewal("weakened", tuple(weaker))
    return Renewal("repeated", ())
