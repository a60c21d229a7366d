"""Two documents that are versions of one text, aligned provision by provision, and where they disagree.

A statement is published in several languages; a machine-translated page can slip ("the East Sea"
rendered as the Baltic, a figure or a year changed, "agreed to" rendered as "will consider"). Two
records are versions of one text when they are of the same parties and the same dates of the event,
in different languages, with provisions numbered alike (or as many unnumbered ones). Their provisions
are aligned one to one, by number or else in order, and each pair is compared on what can be checked
without translating: the countries and cities named, the treaties and organisations (by registry
id), the numbers written in digits, and the modality.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from accords.model import Provision, Record
from accords.registry import countries
from accords.registry.places import cities

SAME_NUMBERING = 0.8
"""Share of numbered provisions two versions must number alike."""

_NUMBER = re.compile(r"(?<![\w.,])\d{1,3}(?:([.,\u00a0 ])\d{3})*(?:[.,]\d+)?(?![\w])|(?<![\w.,])\d+(?:[.,]\d+)?(?![\w])")
_LEADING_NUMBER = re.compile(r"^\s*[\dIVXivx]+[.)]\s*")


@dataclass(frozen=True)
class Disagreement:
    """One checkable thing two aligned provisions say differently: what each version has."""

    kind: str
    """place (a country or city), entity (a treaty or organisation), number or modality"""
    first: str
    second: str


@dataclass(frozen=True)
class Aligned:
    first: int
    """index of the provision in the first record"""
    second: int
    disagreements: list[Disagreement]


def are_versions(a: Record, b: Record) -> bool:
    """Whether two records are versions of one text in two languages (see the module's rule)."""
    if not a.languages or not b.languages or a.languages[0] == b.languages[0]:
        return False
    if sorted(a.parties) != sorted(b.parties) or len(a.parties) < 2:
        return False
    if a.event.start is None or (a.event.start, a.event.end) != (b.event.start, b.event.end):
        return False
    return bool(_pairs(a.provisions, b.provisions))


def align(a: Record, b: Record) -> list[Aligned]:
    """The provisions of two versions one to one, each pair with its disagreements."""
    return [
        Aligned(i, j, disagreements(a.provisions[i], b.provisions[j]))
        for i, j in _pairs(a.provisions, b.provisions)
    ]


def _pairs(a: list[Provision], b: list[Provision]) -> list[tuple[int, int]]:
    """Numbered provisions by number, unnumbered ones in order; none when the two are not numbered alike."""
    numbered_a = {p.number: i for i, p in enumerate(a) if p.number}
    numbered_b = {p.number: i for i, p in enumerate(b) if p.number}
    shared = numbered_a.keys() & numbered_b.keys()
    if len(shared) < SAME_NUMBERING * max(len(numbered_a), len(numbered_b)):
        return []
    plain_a = [i for i, p in enumerate(a) if not p.number]
    plain_b = [i for i, p in enumerate(b) if not p.number]
    if len(plain_a) != len(plain_b) or not (shared or plain_a):
        return []
    return sorted([(numbered_a[n], numbered_b[n]) for n in shared] + list(zip(plain_a, plain_b, strict=True)))


def disagreements(a: Provision, b: Provision) -> list[Disagreement]:
    """What two aligned provisions say differently, of what can be checked without translating."""
    found: list[Disagreement] = []
    checks = (
        ("place", _places),
        ("entity", _entities),
        ("number", numbers_in),
    )
    for kind, values in checks:
        first, second = values(a), values(b)
        if first != second:
            found.append(Disagreement(kind, ", ".join(sorted(first - second)) or "—", ", ".join(sorted(second - first)) or "—"))
    if a.modality != b.modality:
        found.append(Disagreement("modality", a.modality or "—", b.modality or "—"))
    return found


def _places(p: Provision) -> set[str]:
    return set(countries().codes(p.text)) | {c.name for c in cities().find(p.text)}


def _entities(p: Provision) -> set[str]:
    return {e.id for e in (*p.instruments, *p.organizations) if e.id}


def numbers_in(p: Provision) -> set[str]:
    """The numbers written in digits, as values: "1,500" and "1.500" are 1500, "1,5" and "1.5" are 1.5."""
    text = _LEADING_NUMBER.sub("", p.text)
    out = set()
    for m in _NUMBER.finditer(text):
        raw = m.group().replace("\u00a0", " ")
        groups = re.split(r"[., ]", raw)
        if len(groups) > 1 and all(len(g) == 3 for g in groups[1:]):
            value = "".join(groups)
        else:
            value = raw.replace(",", ".").replace(" ", "")
        out.add(f"{float(value):g}")
    return out
