"""The event: what kind of meeting, who visited whom, when and where.

The opening of a statement or report says it ("At the invitation of President X, General
Secretary Y paid a state visit to Z from 10 to 13 August 2025"): the visitor is the guest, as
PLOVER's CONSULT-visit codes it, the one who invited is the host. Leaders come from the registry,
or from a title before a capitalised name when the registry does not know them.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from datetime import date

from accords.dates import DateHit, find_dates, years_in
from accords.extract.context import Context, Match, find
from accords.lang import Pack
from accords.model import Event, Evidence, Person
from accords.registry import leaders
from accords.registry.places import cities

#: Events that last one day: one date is their start and their end. A visit's one date is
#: only the day of the talks reported, so its end stays unknown.
SINGLE_DAY = ("press_conference", "talks", "phone_call")
VISITS = ("state_visit", "official_visit", "working_visit")
VISIT_KINDS = ("state_visit", "official_visit", "working_visit", "summit", "phone_call", "talks")
#: The opening: how many provisions tell the event.
OPENING = 4
_INVITED_WINDOW = 160
_DESTINATION_WINDOW = 45
_CITY_WINDOW = 80
#: How far before the visit phrase its subject, the visitor, may be named.
_SUBJECT_WINDOW = 200
_NAME = r"(?P<name>(?:[A-ZÀ-ÝĐ][\w'’-]*\.?\s+){0,3}[A-ZÀ-ÝĐ][\w'’-]+)"


@dataclass(frozen=True)
class PersonHit:
    start: int
    end: int
    name: str
    country: str | None
    tenure_start: int | None = None


def _ascii(name: str) -> str:
    """Names in the record are in Latin script without diacritics (To Lam, not Tô Lâm)."""
    folded = unicodedata.normalize("NFKD", name.replace("Đ", "D").replace("đ", "d"))
    return "".join(ch for ch in folded if not unicodedata.combining(ch))


def people(ctx: Context, pack: Pack, start: int, end: int) -> list[PersonHit]:
    """Leaders named between two offsets: registry names, then title + capitalised name."""
    text = ctx.text[start:end]
    out: list[PersonHit] = []
    for hit, leader in leaders().find(text):
        year = int(leader.start[:4]) if leader.start[:4].isdigit() else None
        out.append(PersonHit(start + hit.start, start + hit.end, leader.name, leader.country, year))
    titles = pack.phrase_regex("event", "titles")
    for m in titles.finditer(text):
        after = re.match(r"\s+" + _NAME, text[m.end() :])
        if not after:
            continue
        s, e = start + m.end() + after.start("name"), start + m.end() + after.end("name")
        if any(p.start <= s < p.end or s <= p.start < e for p in out):
            continue
        near = ctx.mentions_in(max(start, s - 80), min(end, e + 60))
        nearest = min(near, key=lambda c: abs(c.start - s), default=None)
        out.append(PersonHit(s, e, after.group("name"), nearest.iso if nearest else None))
    return sorted(out, key=lambda p: p.start)


def _first(matches: list[Match]) -> Match | None:
    return min(matches, key=lambda m: m.start, default=None)


def event_kind(ctx: Context, doc_type: str) -> tuple[str | None, Match | None]:
    """The kind of the event, from the first kind phrase of the opening."""
    provisions = ctx.doc.provisions[:OPENING] or ctx.doc.provisions
    if doc_type == "press_conference":
        # The document reports a press conference: that is its event, named or not.
        for p in ctx.doc.provisions:
            text = ctx.text[p.span[0] : p.span[1]]
            pack = ctx.pack(p)
            m = _first(find(pack, "event", "press_conference", text, p.span[0]) + find(pack, "doc_type", "press_conference", text, p.span[0]))
            if m:
                return "press_conference", Match(m.start, m.end, m.cue, "press_conference")
        return "press_conference", None
    for scope in (provisions, ctx.doc.provisions):
        found: list[Match] = []
        for p in scope:
            pack = ctx.pack(p)
            text = ctx.text[p.span[0] : p.span[1]]
            for kind in VISIT_KINDS:
                found += find(pack, "event", kind, text, p.span[0])
        visits = [m for m in found if m.key != "talks"]
        best = _first(visits) or _first(found)
        if best:
            return best.key, best
    return None, None


def _visit_cue(ctx: Context) -> Match | None:
    """The first visit phrase of the opening: a press conference or talks happen during one,
    and the visit says who travelled where."""
    found: list[Match] = []
    for p in ctx.doc.provisions[:OPENING]:
        text = ctx.text[p.span[0] : p.span[1]]
        for kind in VISITS:
            found += find(ctx.pack(p), "event", kind, text, p.span[0])
    return _first(found)


def _year_context(ctx: Context, hits: list[DateHit], floor: int | None) -> int | None:
    """The year of the document's events when a date leaves it out."""
    today = date.today().year
    counts: Counter[int] = Counter()
    for h in hits:
        if h.year:
            counts[h.year] += 2
    for y in years_in(ctx.text):
        counts[y] += 1
    published = ctx.doc.cleaned.published
    if published:
        counts[int(published[:4])] += 3
    fitting = [y for y, _ in counts.most_common() if y <= today and (floor is None or y >= floor)]
    if fitting:
        return fitting[0]
    return floor


def event_dates(
    ctx: Context, anchor: int, floor: int | None, single_day: bool
) -> tuple[str | None, str | None, Evidence | None]:
    """Start and end of the event: the first date or range of the opening that is not history.

    A date whose year is before the year of the document's events ("founded on 10 October
    1945") is history; a date without a year takes that year, or the year written with the same
    day and month elsewhere ("fra 5. til 7. mai" ... "fra 5. til 7. mai 2025").
    """
    every: list[DateHit] = []
    for p in ctx.doc.provisions:
        every += find_dates(ctx.pack(p), ctx.text[p.span[0] : p.span[1]], p.span[0])
    published = ctx.doc.cleaned.published
    if not every:
        # A report that names no date is dated by its page: the day it was published.
        if published and single_day:
            return published, published, None
        return None, None, None
    year_ctx = _year_context(ctx, every, floor)
    opening_end = ctx.doc.provisions[min(OPENING, len(ctx.doc.provisions)) - 1].span[1]
    current = [h for h in every if h.day and (h.year is None or year_ctx is None or h.year >= year_ctx)]
    candidates = [h for h in current if h.start <= max(opening_end, anchor + 400)] or current or every
    hit = candidates[0]
    year = hit.year
    if year is None:
        same = [h for h in every if h.year and h.day == hit.day and h.month == hit.month]
        year = same[0].year if same else year_ctx
    start = hit.iso(year)
    end = hit.iso_end(year) if hit.day2 is not None or single_day else None
    evidence = Evidence(field="event.start", value=start or "", span=(hit.start, hit.end), cue=hit.text)
    return start, end, evidence


def extract_event(ctx: Context, doc_type: str) -> Event:
    """The event of the document; fills `ctx.people` with every leader named."""
    main = ctx.doc.provisions[0]
    ctx.pack(main)
    everyone: list[PersonHit] = []
    for p in ctx.doc.provisions:
        everyone += people(ctx, ctx.pack(p), p.span[0], p.span[1])
    for person in everyone:
        if person.country:
            ctx.people.setdefault(person.name, person.country)
    kind, kind_cue = event_kind(ctx, doc_type)
    evidence: list[Evidence] = []
    anchor = kind_cue.start if kind_cue else main.span[0]
    if kind_cue:
        evidence.append(kind_cue.evidence("event.kind", kind or ""))
    opening_end = ctx.doc.provisions[min(OPENING, len(ctx.doc.provisions)) - 1].span[1]
    opening = [p for p in everyone if p.start < max(opening_end, anchor + 300)] or everyone

    host: PersonHit | None = None
    invitations = []
    for p in ctx.doc.provisions[:OPENING]:
        invitations += find(ctx.pack(p), "event", "invitation", ctx.text[p.span[0] : p.span[1]], p.span[0])
    for inv in invitations:
        host = next((p for p in opening if 0 <= p.start - inv.end <= _INVITED_WINDOW and p.country), None)
        if host:
            evidence.append(inv.evidence("event.host", host.name))
            break
    visit = _visit_cue(ctx) or kind_cue
    destination = _destination(ctx, visit)
    if host is None and destination:
        host = next((p for p in everyone if p.country == destination), None)
    host_country = host.country if host else destination
    subject = [p for p in opening if visit and p.end <= visit.start and visit.start - p.end <= _SUBJECT_WINDOW]
    guest = next((p for p in reversed(subject) if p.country and p.country != host_country), None) or next(
        (p for p in opening if p.country and p.country != host_country), None
    )
    if host is None and guest is not None and kind in ("press_conference", "talks"):
        host = next((p for p in opening if p.country and p.country != guest.country), None)
        host_country = host.country if host else host_country
    guest_country = guest.country if guest else next((c for c in ctx.parties if c != host_country), None)
    floor = max((p.tenure_start for p in (guest, host) if p and p.tenure_start), default=None)
    start, end, date_evidence = event_dates(ctx, anchor, floor, kind in SINGLE_DAY)
    if date_evidence:
        evidence.append(date_evidence)
    return Event(
        kind=kind or ("talks" if guest and host else None),
        guest=Person(name=_ascii(guest.name), country=guest_country) if guest else Person(country=guest_country),
        host=Person(name=_ascii(host.name), country=host_country) if host else Person(country=host_country),
        start=start,
        end=end,
        place=_place(ctx, host_country),
        evidence=evidence,
    )


def _destination(ctx: Context, cue: Match | None) -> str | None:
    """The state visited: named just after the visit phrase ("state visit to the Republic of
    Korea"), or just before it ("is in Germany on an official visit"), or by its city."""
    if cue is None:
        return None
    states = [m for m in ctx.country_mentions if not m.demonym]
    after = [m for m in states if 0 <= m.start - cue.end <= _DESTINATION_WINDOW]
    if after:
        return after[0].iso
    before = [m for m in states if 0 <= cue.start - m.end <= _DESTINATION_WINDOW]
    if before:
        return before[-1].iso
    window_start = max(0, cue.start - _CITY_WINDOW)
    for city in cities().find(ctx.text[window_start : cue.end + _DESTINATION_WINDOW]):
        return city.country
    return None


def _place(ctx: Context, host_country: str | None) -> str | None:
    """The first city of the host state named in the body, in English."""
    if host_country is None:
        return None
    for start, end in ctx.body_spans:
        for city in cities().find(ctx.text[start:end]):
            if city.country == host_country:
                return city.name
    return None
