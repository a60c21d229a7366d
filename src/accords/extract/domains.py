"""Domains: the fields in which a provision states a point of cooperation or a position.

Keywords per domain come from the language pack. A provision's section heading ("ENERGY",
"Jordbruk") says what all its provisions are about, so the heading's domains are added too.
"""

from __future__ import annotations

from accords.extract.context import Match
from accords.lang import Pack, lowered
from accords.model import Span
from accords.taxonomy import DOMAINS


def domain_names() -> list[str]:
    return list(DOMAINS)


def domain_cues(pack: Pack, text: str, offset: int = 0) -> list[Match]:
    """Every domain keyword in `text`, keyed by its domain."""
    lower = lowered(text)
    keys = tuple(domain_names())
    found = pack.keyed_regex("domains", keys, folded=True).finditer(lower) if lower is not None else (
        pack.keyed_regex("domains", keys).finditer(text)
    )
    return [Match(offset + m.start(), offset + m.end(), text[m.start() : m.end()], m.lastgroup or "") for m in found]


#: Domains that a named organisation or treaty itself stands for; other domains' keywords
#: inside a name ("World Trade Organization", "Paris Agreement") are a passing mention.
NAMED_DOMAINS = ("maritime",)
#: Headings longer than this are headlines, not section titles.
HEADING_MAX_WORDS = 12


def domains_of(
    pack: Pack, text: str, offset: int, section: str | None, names: list[Span] | None = None
) -> tuple[list[str], list[Match]]:
    """The domains of a provision (in taxonomy order) and the keywords that gave them.

    A heading that names one domain ("Agriculture") labels every provision under it; a heading
    that names several ("ECONOMIC, TRADE AND INVESTMENT COOPERATION") only those that name none.
    `names` are the spans of organisations and instruments found in the provision.
    """
    found = [
        m for m in domain_cues(pack, text, offset)
        if m.key in NAMED_DOMAINS or not any(s <= m.start and m.end <= e for s, e in names or [])
    ]
    labels = {m.key for m in found}
    if section and len(section.split()) <= HEADING_MAX_WORDS:
        heading = {m.key for m in domain_cues(pack, section)}
        if len(heading) == 1 or not labels:
            labels |= heading
    return [d for d in domain_names() if d in labels], found
