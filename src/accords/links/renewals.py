"""Whether a later provision renews an earlier one between the same parties, and how it changed.

A commitment is renewed when a later document makes it again: the two share a domain and name the
same treaty, organisation, mechanism or target metric, or (in the same language) say nearly the
same words. What changed is read from what can be compared without translating: the modality
(explore < support < commit), and for targets of the same metric and unit the amount (higher is
stronger) and the year (earlier is stronger). These are plain functions of two `Provision`s; the
store (`accords.store.renewals`) picks the candidates and keeps the links.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from accords.model import Provision

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


def _words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text[:4000])}


def _names(p: Provision) -> set[str]:
    """What a provision names that reads the same in every language: registry ids, else names."""
    entities = {("e", (e.id or e.name).casefold()) for e in (*p.instruments, *p.organizations)}
    return {f"{kind}:{value}" for kind, value in entities} | {f"m:{m.casefold()}" for m in p.mechanisms}


def _metrics(p: Provision) -> set[str]:
    return {t.metric for t in p.targets if t.metric}


def same_commitment(earlier: Provision, later: Provision) -> bool:
    """Whether `later` makes the commitment `earlier` made (see the module's rule)."""
    if earlier.domains and later.domains and not set(earlier.domains) & set(later.domains):
        return False
    if _names(earlier) & _names(later) or _metrics(earlier) & _metrics(later):
        return True
    if earlier.language is None or earlier.language != later.language:
        return False
    a, b = _words(earlier.text), _words(later.text)
    return bool(a and b) and len(a & b) / len(a | b) >= SAME_WORDS


def likeness(earlier: Provision, later: Provision) -> float:
    """How much two provisions share, to choose the best of several earlier matches."""
    shared = len(_names(earlier) & _names(later)) + len(_metrics(earlier) & _metrics(later))
    a, b = _words(earlier.text), _words(later.text)
    return shared + (len(a & b) / len(a | b) if a and b else 0.0)


def renewal(earlier: Provision, later: Provision) -> Renewal:
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
