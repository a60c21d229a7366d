"""Domains: the fields in which a provision states a point of cooperation or a position.

Keywords per domain come from the language pack. A provision's section heading ("ENERGY",
"Jordbruk") says what its provisions are about where they name no field themselves.

Three readings of lists and of the relationship itself, each from pack data:
- a list of fields ("trade, investment, education and health") gives each field its domain; a
  bare word that names a field only in such a list ("defence and security", "infrastructure,
  trade") counts there and nowhere else (`[domains] listed_<domain>`);
- a list that surveys the relationship ("political, economic and cultural ties", "shared
  history, culture and values") names no field: its words are in passing
  (`[domains] broad`, `[domains] heritage`);
- the fields in the name of a bilateral body ("the Intergovernmental Committee on Trade and
  Scientific Cooperation") name the body, not a point in those fields (`[domains] bodies`);
- a list that a word of challenge or threat opens ("global challenges such as climate change,
  epidemics and food security") names threats, not fields of cooperation: only its security
  items count (`[domains] challenges`);
- a provision about the relationship in general ("the relationship", "cooperation between the
  two countries", a survey list) is `politics` when it names no other field
  (`[domains] relationship`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

from accords import disk_cache
from accords.extract.context import Match
from accords.lang import Pack, phrase_matches
from accords.model import Span
from accords.taxonomy import DOMAINS


def domain_names() -> list[str]:
    return list(DOMAINS)


def domain_cues(pack: Pack, text: str, offset: int = 0) -> list[Match]:
    """Every domain keyword in `text`, keyed by its domain."""
    found = phrase_matches(pack, "domains", tuple(domain_names()), text)
    return [
        Match(offset + m.start(), offset + m.end(), text[m.start() : m.end()], m.lastgroup or "")
        for m in found if not COMPOUND.match(text, m.end())
    ]


def _phrases(pack: Pack, key: str, text: str, label: str) -> list[Match]:
    """The phrases of `[domains] key` in `text`, each keyed `label`."""
    return [Match(m.start(), m.end(), text[m.start() : m.end()], label) for m in phrase_matches(pack, "domains", (key,), text)]


#: Domains that a named organisation itself stands for; other domains' keywords inside an
#: organisation's name ("World Trade Organization", "Asian Development Bank") are a passing
#: mention. An agreement's name says what it is about ("the agreement on defence cooperation"),
#: so its keywords count.
NAMED_DOMAINS = ("maritime",)
#: Headings longer than this are headlines, not section titles.
HEADING_MAX_WORDS = 12
#: The domain of a provision about the relationship in general.
RELATIONSHIP_DOMAIN = "politics"
#: An item of a list has at most this many words ("science and technology" is two items,
#: "cooperation in the field of" is no item); a longer stretch ends the list.
ITEM_MAX_WORDS = 4
#: A list with this many broad words ("political, economic and cultural") surveys the relationship.
SURVEY_BROAD_WORDS = 2
#: Words allowed between a bilateral body's name word and the first field of its name ("for",
#: "on economic,"), and, besides commas and joiners, between two fields of the name ("and
#: scientific").
BODY_GAP_WORDS = 3
ITEM_GAP_WORDS = 1
#: The domains a list of threats still names: the threats themselves are security points.
THREAT_DOMAINS = ("security", "international_security")
#: Words allowed between a challenge word and the first item of the list it opens
#: ("challenges such as", "utfordringene Europa står overfor, både på").
CHALLENGE_SLACK_WORDS = 5
#: Words allowed between an edge item's end (or start) and a cue that still belongs to the list.
EDGE_SLACK_WORDS = 1
#: What ends a list for good: sentence and clause punctuation, brackets, quotes, a spaced dash;
#: not a line break alone, which pages put in mid-sentence.
LIST_END = re.compile(r"[.;:!?()\[\]\"“”«»„]|\s[-–—]\s")
#: A hyphen joining a keyword to the word it qualifies ("FN-pakten", the UN Charter).
COMPOUND = re.compile(r"-\w")
WORD = re.compile(r"[^\W_][\w'’-]*")


@cache
def _separator(pack: Pack) -> re.Pattern[str]:
    """A comma or a word joining items of a list (and, or)."""
    joiners = pack.phrase_regex("domains", "joiners").pattern
    return disk_cache.compile(rf",|{joiners}", re.IGNORECASE)


@dataclass(frozen=True)
class _List:
    """Items of one list of two or more: whole inner items, and the edges of the stretches
    before and after it (a cue belongs to the first item if it ends it, to the last if it
    starts it, give or take a word: "cooperation in defence and in security").

    Spans are in the provision's own text (`text`), without the document offset."""

    first: Span
    items: tuple[Span, ...]
    last: Span
    text: str

    @property
    def inner(self) -> Span:
        return (self.items[0][0], self.items[-1][1]) if self.items else (self.last[0], self.last[0])

    def holds(self, start: int, end: int) -> bool:
        if self.inner[0] <= start and end <= self.inner[1]:
            return True
        if self.first[0] <= start and end <= self.first[1]:
            return len(WORD.findall(self.text[end : self.first[1]])) <= EDGE_SLACK_WORDS
        if self.last[0] <= start and end <= self.last[1]:
            return len(WORD.findall(self.text[self.last[0] : start])) <= EDGE_SLACK_WORDS
        return False

    def names_item(self, start: int, end: int) -> bool:
        """The match is an item of its own or ends one ("political" in "political, economic and
        cultural ties", "in politics, economy and trade"), not a word qualifying the rest of
        an item ("economic" in "economic governance, trade and investment")."""
        if not self.holds(start, end):
            return False
        return not any(s <= start and end <= e and WORD.search(self.text[end:e]) for s, e in self.items)

    def opened_by(self, cue: Match) -> bool:
        """The cue is an item of the list ("traditional and non-traditional threats, including
        terrorism, ...") or stands a few words before its first comma or joiner ("threats such
        as terrorism, ...")."""
        if any(s <= cue.start and cue.end <= e for s, e in self.items):
            return True
        if not (self.first[0] <= cue.start and cue.end <= self.first[1]):
            return False
        return len(WORD.findall(self.text[cue.end : self.first[1]])) <= CHALLENGE_SLACK_WORDS


def _body_names(pack: Pack, text: str, found: list[Match]) -> set[Span]:
    """The field keywords that run on from a bilateral body's name word, each a few words after
    the last ("Committee on Trade, Investment and Science"): the body's name, not its points."""
    named: set[Span] = set()
    ordered = sorted(found, key=lambda m: m.start)
    sep = _separator(pack)
    for body in _phrases(pack, "bodies", text, RELATIONSHIP_DOMAIN):
        pos, slack = body.end, BODY_GAP_WORDS
        for m in ordered:
            if m.start < pos:
                continue
            gap = text[pos : m.start]
            if LIST_END.search(gap) or len(WORD.findall(sep.sub(" ", gap))) > slack:
                break
            named.add((m.start, m.end))
            pos, slack = m.end, ITEM_GAP_WORDS
    return named


def _lists(pack: Pack, text: str) -> list[_List]:
    """The lists in `text`: runs of items split by commas and joiners, each inner item short."""
    out: list[_List] = []
    sep = _separator(pack)
    clause_start = 0
    for end_mark in [*LIST_END.finditer(text), None]:
        clause_end = end_mark.start() if end_mark else len(text)
        items: list[Span] = []
        pos = clause_start
        for m in [*sep.finditer(text, clause_start, clause_end), None]:
            stop = m.start() if m else clause_end
            chunk = text[pos:stop]
            if chunk.strip():
                lead = len(chunk) - len(chunk.lstrip())
                items.append((pos + lead, pos + len(chunk.rstrip())))
            pos = m.end() if m else clause_end
        if len(items) > 1:
            long = [i for i, (s, e) in enumerate(items) if len(WORD.findall(text[s:e])) > ITEM_MAX_WORDS]
            cuts = sorted({0, len(items) - 1, *long})
            out += [_List(items[a], tuple(items[a + 1 : b]), items[b], text) for a, b in pairwise(cuts)]
        clause_start = end_mark.end() if end_mark else len(text)
    return out


def domains_of(
    pack: Pack, text: str, offset: int, section: str | None, names: list[Span] | None = None
) -> tuple[list[str], list[Match]]:
    """The domains of a provision (in taxonomy order) and the keywords that gave them.

    A section heading ("Agriculture", "ECONOMIC, TRADE AND INVESTMENT COOPERATION", "Bilateral
    relations") labels the provisions under it that name no field of their own: one that does
    says which of the heading's fields it is about.
    `names` are the spans of the organisations named in the provision.
    """
    # Matched within the provision's own text, then moved to the document's offsets.
    found = [
        m for m in domain_cues(pack, text)
        if m.key in NAMED_DOMAINS or not any(s <= offset + m.start and offset + m.end <= e for s, e in names or [])
    ]
    # Fields in a bilateral body's name are in passing.
    named = _body_names(pack, text, found)
    found = [m for m in found if (m.start, m.end) not in named]
    lists = _lists(pack, text)
    # Surveys, threats and listed field words are read in lists only: a text with none is not
    # searched for their phrases.
    broad = _phrases(pack, "broad", text, RELATIONSHIP_DOMAIN) if lists else []
    heritage = _phrases(pack, "heritage", text, RELATIONSHIP_DOMAIN) if lists else []
    surveys = [
        li for li in lists
        if sum(li.names_item(m.start, m.end) for m in broad) >= SURVEY_BROAD_WORDS
        or any(li.holds(m.start, m.end) for m in heritage)
    ]
    # A field named in a survey of the relationship is in passing.
    found = [m for m in found if not any(li.holds(m.start, m.end) for li in surveys)]
    # Fields named as challenges or threats are in passing; the threats are security points.
    threats = [(li, c) for c in (_phrases(pack, "challenges", text, "") if lists else []) for li in lists if li.opened_by(c)]
    found = [
        m for m in found
        if m.key in THREAT_DOMAINS or not any(m.start >= c.end and li.holds(m.start, m.end) for li, c in threats)
    ]
    # A bare field word counts in a list that names another field.
    for key in domain_names() if lists and found else []:
        for m in _phrases(pack, f"listed_{key}", text, key):
            if any(li.holds(m.start, m.end) and any(li.holds(o.start, o.end) for o in found) for li in lists):
                found.append(m)
    labels = {m.key for m in found}
    # Headings longer than a section title are headlines.
    heading = section if section and len(section.split()) <= HEADING_MAX_WORDS else ""
    if not labels:
        labels = {m.key for m in domain_cues(pack, heading)}
    if not labels:
        general = _phrases(pack, "relationship", text, RELATIONSHIP_DOMAIN)
        general += [m for m in broad + heritage if any(li.holds(m.start, m.end) for li in surveys)]
        found += general[:1]
        if general or _phrases(pack, "relationship", heading, RELATIONSHIP_DOMAIN):
            labels.add(RELATIONSHIP_DOMAIN)
    shifted = [Match(m.start + offset, m.end + offset, m.cue, m.key) for m in sorted(found, key=lambda m: m.start)]
    return [d for d in domain_names() if d in labels], shifted
