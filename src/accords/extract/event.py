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
from dataclasses import dataclass, replace
from datetime import date
from functools import cache

from accords.chars import CAPITALISED, UPPER
from accords.dates import DateHit, days_before, find_dates, years_in
from accords.extract.context import Context, Match, find
from accords.lang import Pack
from accords.model import Event, Evidence, Person
from accords.registry import countries, leaders, organizations
from accords.registry.people import Leader
from accords.registry.places import cities

#: Events that last one day: one date is their start and their end. A visit's one date is
#: only the day of the talks reported, so its end stays unknown.
SINGLE_DAY = ("press_conference", "talks", "phone_call")
VISITS = ("state_visit", "official_visit", "working_visit")
VISIT_KINDS = ("state_visit", "official_visit", "working_visit", "summit", "phone_call", "talks", "visit")
#: Which kind a document's event is when it names several: a visit of a named kind or a call,
#: then a visit of no named kind ("other"), talks, and a summit last: a summit is multilateral,
#: and one named beside the two leaders' talks is another meeting ("a summit with Kim Jong Un").
_KIND_RANKS = (("state_visit", "official_visit", "working_visit", "phone_call"), ("visit",), ("talks",), ("summit",))
#: The opening: how many provisions tell the event.
OPENING = 4
_INVITED_WINDOW = 160
_DESTINATION_WINDOW = 45
_CITY_WINDOW = 80
#: How close before a state its "to" stands ("visit to the Republic of Korea").
_TOWARDS_WINDOW = 14
#: How far before the visit phrase its subject, the visitor, may be named.
_SUBJECT_WINDOW = 200
#: A name after a title: up to four capitalised words, or initials, and a regnal number.
_NAME = rf"(?P<name>(?:{CAPITALISED}\.?\s+|[{UPPER}]\.\s*){{0,4}}[{UPPER}][\w'’-]+(?:\s+[IVX]{{1,4}}\b)?)"
#: How far after a title its name is looked for.
_NAME_WINDOW = 120
#: How far after a title the state it is of may end ("Président de la République islamique de").
_STATE_AFTER_TITLE = 60
#: How far after a hosting verb ("received") its object, the guest, may be named.
_OBJECT_WINDOW = 120
#: How close after "at the invitation of" a state must stand to be the one inviting.
_STATE_INVITES = 24
#: How far before a summit word an organisation makes it a multilateral summit ("G20 summit").
_FORUM_WINDOW = 40


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
        after = re.match(r",?\s+" + _NAME, text[m.end() : m.end() + _NAME_WINDOW])
        if not after:
            titled = _after_state(ctx, start + m.end(), end)
            if titled is not None and not any(p.start <= titled.start < p.end for p in out):
                out.append(titled)
            continue
        s, e = start + m.end() + after.start("name"), start + m.end() + after.end("name")
        if any(p.start <= s < p.end or s <= p.start < e for p in out):
            continue
        name, skipped = _bare_name(pack, after.group("name"))
        if not name or (after.group(0).startswith(",") and name.split()[0].casefold() in _title_heads(pack)):
            # "Président de la République, Chef de l'Etat, Chef Suprême des Armées": another
            # title in a list of them, not a name ("Thủ tướng Hoàng ..." names a Hoàng).
            continue
        known = _by_surname(name)
        if known is not None:
            # "Prime Minister Abe", "statsminister MV Mishustin": the one leader of that surname.
            year = int(known.start[:4]) if known.start[:4].isdigit() else None
            out.append(PersonHit(s + skipped, e, known.name, known.country, year))
            continue
        near = ctx.mentions_in(max(start, s - 80), min(end, e + 60))
        nearest = min(near, key=lambda c: abs(c.start - s), default=None)
        out.append(PersonHit(s + skipped, e, name, nearest.iso if nearest else None))
    return sorted(out, key=lambda p: p.start)


def _after_state(ctx: Context, offset: int, end: int) -> PersonHit | None:
    """A name set off after the title's state ("président de la République islamique de
    Mauritanie, Mohamed Ould Abdelaziz"): the leader of that state."""
    state = next(iter(ctx.mentions_in(offset, min(end, offset + _STATE_AFTER_TITLE))), None)
    if state is None or state.demonym:
        return None
    named = re.match(r"\s*,\s+" + _NAME, ctx.text[state.end : min(end, state.end + _NAME_WINDOW)])
    if not named:
        return None
    name = named.group("name")
    if countries().mentions(name):
        return None
    s = state.end + named.start("name")
    return PersonHit(s, s + len(name), " ".join(w.capitalize() if w.isupper() and len(w) > 2 else w for w in name.split()), state.iso)


@cache
def _title_heads(pack: Pack) -> frozenset[str]:
    """The first words of the pack's titles ("chef" of "chef de l'état"), folded."""
    return frozenset(t.split()[0].casefold() for t in pack.strings("event", "titles") if t.split())


#: Initials before a surname ("MV", "V.V.", "J."): capitals, each alone or with a dot.
_INITIALS = re.compile(rf"(?:[{UPPER}]\.?){{1,3}}")


@cache
def _surnames() -> dict[str, Leader | None]:
    """Known leaders by the last word of their name, folded; None where two share it."""
    out: dict[str, Leader | None] = {}
    for leader in leaders().by_name.values():
        last = _ascii(leader.name.split()[-1]).casefold()
        out[last] = leader if out.get(last, leader) is leader else None
    return out


def _by_surname(name: str) -> Leader | None:
    """The known leader a surname names, alone or after initials, when only one has it."""
    words = name.split()
    if not words or not all(_INITIALS.fullmatch(w) for w in words[:-1]):
        return None
    return _surnames().get(_ascii(words[-1]).casefold())


def _bare_name(pack: Pack, name: str) -> tuple[str, int]:
    """A name without the honorifics and state names a title phrase leaves before it
    ("Monsieur Azali ASSOUMANI", "Popular China Hu Jintao"), in its usual capitals; and how
    many characters were cut from its front."""
    titles = pack.phrase_regex("event", "titles")
    cut = 0
    for _ in range(3):
        head = titles.match(name, cut)
        if head:
            cut = head.end()
        states = countries().mentions(name[cut:], demonyms=True)
        if states:
            cut += states[-1].end
        rest = name[cut:]
        cut += len(rest) - len(rest.lstrip())
        if not head and not states:
            break
    words = [w.capitalize() if w.isupper() and len(w) > 2 and not re.fullmatch(r"[IVX]+", w) else w
             for w in name[cut:].split()]
    if len(words) == 1 and len(words[0]) < 3:
        return "", cut
    return " ".join(words), cut


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
        forums: list[Match] = []
        for p in scope:
            pack = ctx.pack(p)
            text = ctx.text[p.span[0] : p.span[1]]
            kinds = _not_invited(pack, text, p.span[0], [m for kind in VISIT_KINDS for m in find(pack, "event", kind, text, p.span[0])])
            at_forum = find(pack, "event", "forum", text, p.span[0])
            if any(m.key == "talks" for m in kinds):
                # A forum named in a paragraph that tells of a meeting: they met at it.
                forums += at_forum
            found += _at_forum(pack, text, p.span[0], kinds, at_forum)
        named = _first([m for m in found if m.key in _KIND_RANKS[0]])
        if named and named.key == "official_visit":
            # A state visit is official too: where the text also calls it a state visit
            # ("offisielt besøk" ... "Statsbesøket"), that is its kind.
            named = _first([m for m in found if m.key == "state_visit"]) or named
        forum = _first(forums)
        if named and scope is provisions and forum is not None and named.start - forum.end > _FORUM_WINDOW:
            # The opening tells of a meeting "on the sidelines of" a summit before it names a
            # visit: the visit named after it is another one ("then he paid an official visit").
            # Not "on the sidelines of the official visit", which names the visit itself.
            return "talks", forum
        if named:
            return named.key, named
        # Otherwise the paragraph that first names the meeting tells it ("Bei den
        # Regierungskonsultationen ..." before a later "Besuch" of another time).
        first = _first(found)
        if first:
            p = next(p for p in scope if p.span[0] <= first.start < p.span[1])
            for rank in _KIND_RANKS[1:]:
                best = _first([m for m in found if m.key in rank and p.span[0] <= m.start < p.span[1]])
                if best:
                    return ("other" if best.key == "visit" else best.key), best
    return None, None


def _at_forum(pack: Pack, text: str, offset: int, kinds: list[Match], forums: list[Match]) -> list[Match]:
    """Kind phrases with a summit held by a forum read as talks: two leaders who meet "on the
    sidelines of the G20 summit" or "at the APEC summit" hold bilateral talks, not a summit."""
    bodies = [offset + hit.end for hit, _ in organizations().find(text)]
    out = []
    for m in kinds:
        held_by_forum = any(f.start <= m.start < f.end + _FORUM_WINDOW for f in forums) or any(
            0 <= m.start - end <= _FORUM_WINDOW for end in bodies
        )
        out.append(Match(m.start, m.end, m.cue, "talks") if m.key == "summit" and held_by_forum else m)
    return out + [Match(f.start, f.end, f.cue, "talks") for f in forums]


def _visit_cue(ctx: Context) -> Match | None:
    """The first visit phrase of the opening: a press conference or talks happen during one,
    and the visit says who travelled where."""
    found: list[Match] = []
    for p in ctx.doc.provisions[:OPENING]:
        text = ctx.text[p.span[0] : p.span[1]]
        pack = ctx.pack(p)
        found += _not_invited(pack, text, p.span[0], [m for kind in (*VISITS, "visit") for m in find(pack, "event", kind, text, p.span[0])])
    return _first(found)


#: How far before a visit phrase a verb inviting to it may stand ("lud den Präsidenten und seine
#: Gattin zu einem Besuch nach Südkorea ein").
_INVITES_WINDOW = 60


def _not_invited(pack: Pack, text: str, offset: int, kinds: list[Match]) -> list[Match]:
    """Kind phrases without a verb inviting to them just before: "X invited Y to pay a visit to
    Korea" names a visit still to come, not this event; "at the invitation of" does not count."""
    invitations = find(pack, "event", "invitation", text, offset)
    invites = [m for m in find(pack, "event", "invites", text, offset)
               if not any(i.start <= m.start < i.end for i in invitations)]
    return [k for k in kinds if not any(0 <= k.start - m.end <= _INVITES_WINDOW for m in invites)]


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
    for y in years_in(ctx.doc.cleaned.title or ""):
        counts[y] += 2
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
    opening_end = ctx.doc.provisions[min(OPENING, len(ctx.doc.provisions)) - 1].span[1]
    datelines = [h for h in every if _in_dateline(ctx, h)]
    published = ctx.doc.cleaned.published
    if published is None or len(published) < len("2000-01-01"):
        # A month alone dates no event; a dateline's day does.
        published = next((h.iso() for h in datelines if h.iso()), None)
    every = [h for h in every if h not in datelines]
    if published:
        # A news page that says "on Thursday" or "yesterday" dates its event by its own date;
        # a weekday just before a date ("lundi 28 octobre") is that date's.
        for p in ctx.doc.provisions[:OPENING]:
            named = _joined(ctx.text, days_before(ctx.pack(p), ctx.text[p.span[0] : p.span[1]], published, p.span[0]))
            every += [d for d in named if not any(0 <= h.start - d.end <= 3 for h in every)]
        every.sort(key=lambda h: h.start)
    if not every:
        # A report that names no date is dated by its page: the day it was published.
        if published and single_day:
            return published, published, None
        return None, None, None
    year_ctx = _year_context(ctx, every, floor)
    current = [h for h in every if h.day and (h.year is None or year_ctx is None or h.year >= year_ctx)]
    candidates = [h for h in current if h.start <= max(opening_end, anchor + 400)] or current or every
    # A range in the opening is the visit's span ("on August 23 issued a statement on the visit
    # from 22 to 24 August"); otherwise the first date.
    # Talks, a call or a press conference take one day: their first date, not the range of the
    # visit or forum they were held during ("hội đàm ... nhân chuyến sang tham dự ... từ ngày 14 đến 17/4").
    ranges = [] if single_day else [h for h in candidates if h.day2 is not None and h.start < opening_end]
    hit = ranges[0] if ranges else candidates[0]
    year = hit.year
    if year is None:
        same = [h for h in every if h.year and h.day == hit.day and h.month == hit.month]
        year = same[0].year if same else year_ctx
    start = hit.iso(year)
    end = hit.iso_end(year) if hit.day2 is not None or single_day else None
    evidence = Evidence(field="event.start", value=start or "", span=(hit.start, hit.end), cue=hit.text)
    return start, end, evidence


#: What may join two named days into one span: "and", "et", "og", "und", "y", "и", "và", a comma.
_JOIN = re.compile(r"\s*(?:,|\w{1,3})\s*")
#: How many days two joined named days may lie apart.
_JOINED_DAYS = 6


def _joined(text: str, hits: list[DateHit]) -> list[DateHit]:
    """Two named days joined ("hier et aujourd'hui", "on Monday and Tuesday"): the span from the
    first to the second, so the event's end is the second."""
    out: list[DateHit] = []
    for hit in hits:
        prev = out[-1] if out else None
        if prev is not None and prev.day2 is None and prev.day and hit.day and prev.year and hit.year:
            first, last = date(prev.year, prev.month, prev.day), date(hit.year, hit.month, hit.day)
            if _JOIN.fullmatch(text[prev.end : hit.start]) and 0 < (last - first).days <= _JOINED_DAYS:
                out[-1] = replace(prev, end=hit.end, text=text[prev.start : hit.end], day2=hit.day, month2=hit.month)
                continue
        out.append(hit)
    return out


#: How far into a paragraph a dateline's date may stand ("Riyadh, Sha'ban 26, 1438, May 22,
#: 2017, SPA --"), and how soon after the date its dash or agency tag follows.
_DATELINE_START = 80
_DATELINE_TAIL = 30
_DATELINE_MARK = re.compile(r"(?:--|—|–|\s-\s|/CNW/|\([A-Z][\w.+/ ]{1,30}\)\s*[-–—:]?)")


def _in_dateline(ctx: Context, hit: DateHit) -> bool:
    """Whether a date is a news page's dateline (where and when it was filed), not an event's."""
    paragraph = ctx.provision_at(hit.start)
    if paragraph is None or hit.start - paragraph.span[0] > _DATELINE_START:
        return False
    return bool(_DATELINE_MARK.search(ctx.text[hit.end : hit.end + _DATELINE_TAIL]))


def extract_event(ctx: Context, doc_type: str) -> Event:
    """The event of the document; fills `ctx.people` with every leader named."""
    main = ctx.doc.provisions[0]
    ctx.pack(main)
    everyone: list[PersonHit] = []
    for p in ctx.doc.provisions:
        everyone += people(ctx, ctx.pack(p), p.span[0], p.span[1])
    for person in everyone:
        if person.country:
            # By the registry's name and as the text writes it ("Støre", "Путина").
            ctx.people.setdefault(person.name, person.country)
            ctx.people.setdefault(ctx.text[person.start : person.end], person.country)
    kind, kind_cue = event_kind(ctx, doc_type)
    evidence: list[Evidence] = []
    anchor = kind_cue.start if kind_cue else main.span[0]
    if kind_cue:
        evidence.append(kind_cue.evidence("event.kind", kind or ""))
    opening_end = ctx.doc.provisions[min(OPENING, len(ctx.doc.provisions)) - 1].span[1]
    opening = [p for p in everyone if p.start < max(opening_end, anchor + 300)] or everyone

    host, guest = _received(ctx, opening, evidence)
    visit = _visit_cue(ctx) or kind_cue
    if visit is not None and kind_cue is not None and kind in ("talks", "summit") and not _same_paragraph(ctx, visit, kind_cue):
        # Talks named first and a visit only later is another visit ("since the Prime
        # Minister's visit last April"): it says nothing of who travelled to these talks.
        visit = kind_cue
    destination = _destination(ctx, visit)
    if host is None and destination:
        host = next((p for p in everyone if p.country == destination), None)
    host_country = host.country if host else destination or _meeting_place(ctx)
    if host is None and host_country:
        host = next((p for p in opening if p.country == host_country), None)
    if guest is None and visit is not None and visit.key in (*VISITS, "visit"):
        # The subject of a visit phrase travelled: "Prime Minister X paid an official visit".
        subject = [p for p in opening if p.end <= visit.start and visit.start - p.end <= _SUBJECT_WINDOW]
        guest = next((p for p in reversed(subject) if p.country and p.country != host_country), None)
    if guest is None and host_country:
        guest = next((p for p in opening if p.country and p.country != host_country), None)
    if host is None and guest is not None:
        host = next((p for p in opening if p.country and p.country != guest.country), None)
        host_country = host.country if host else host_country
    if kind is None and len({p.country for p in opening if p.country}) >= 2:
        # Two leaders of two states in the opening, and no word for the meeting: they met.
        kind = "talks"
    guest_country = guest.country if guest else None
    floor = max((p.tenure_start for p in (guest, host) if p and p.tenure_start), default=None)
    start, end, date_evidence = event_dates(ctx, anchor, floor, kind in SINGLE_DAY)
    if date_evidence:
        evidence.append(date_evidence)
    return Event(
        kind=kind,
        guest=Person(name=_ascii(guest.name), country=guest_country) if guest else Person(country=guest_country),
        host=Person(name=_ascii(host.name), country=host_country) if host else Person(country=host_country),
        start=start,
        end=end,
        place=_place(ctx, host_country),
        evidence=evidence,
    )


def _received(ctx: Context, opening: list[PersonHit], evidence: list[Evidence]) -> tuple[PersonHit | None, PersonHit | None]:
    """Host and guest as the opening states them, from the first phrase that says: the one named
    after "at the invitation of" hosts (a state named there hosts through its leader); the
    subject of a hosting verb ("X received Y", "X empfing Y") hosts its object."""
    invitations: list[Match] = []
    hostings: list[Match] = []
    for p in ctx.doc.provisions[:OPENING]:
        text = ctx.text[p.span[0] : p.span[1]]
        invitations += find(ctx.pack(p), "event", "invitation", text, p.span[0])
        hostings += find(ctx.pack(p), "event", "hosting", text, p.span[0])
    # "was received by": a passive names the host after it, as an invitation does.
    hostings = [c for c in hostings if not any(i.start <= c.start < i.end or c.start <= i.start < c.end for i in invitations)]
    for cue in sorted(invitations + hostings, key=lambda m: m.start):
        if cue in invitations:
            found = _invited(ctx, opening, cue)
        else:
            found = _hosted(ctx, opening, cue)
        if found[0] is not None:
            evidence.append(cue.evidence("event.host", found[0].name))
            return found
    return None, None


def _invited(ctx: Context, opening: list[PersonHit], cue: Match) -> tuple[PersonHit | None, PersonHit | None]:
    host = next((p for p in opening if 0 <= p.start - cue.end <= _INVITED_WINDOW and p.country), None)
    state = next((m for m in ctx.country_mentions if 0 <= m.start - cue.end <= _STATE_INVITES), None)
    if state is not None and (host is None or state.start < host.start) and (host is None or host.country != state.iso):
        # "At the invitation of the State of Japan, President Vo Van Thuong ...": the state
        # invites; its leader named anywhere is the host.
        host = next((p for p in opening if p.country == state.iso), None)
    return host, None


def _hosted(ctx: Context, opening: list[PersonHit], cue: Match) -> tuple[PersonHit | None, PersonHit | None]:
    subject = [p for p in opening if p.end <= cue.start and cue.start - p.end <= _SUBJECT_WINDOW]
    guest = next((p for p in opening if p.country and 0 <= p.start - cue.end <= _OBJECT_WINDOW
                  and (not subject or p.country != subject[-1].country)), None)
    if not subject or (subject[-1].country is None and guest is None):
        return None, None
    host = subject[-1]
    if host.country is None:
        # "Colonel X, Président de la République, a accueilli à Conakry ...": the host's state
        # is the place of the meeting.
        host = replace(host, country=_meeting_place(ctx))
    return host, guest


def _same_paragraph(ctx: Context, a: Match, b: Match) -> bool:
    where = ctx.provision_at(a.start)
    return where is not None and where is ctx.provision_at(b.start)


def _meeting_place(ctx: Context) -> str | None:
    """The state of the first city named in the first paragraphs ("met in Jakarta"): where
    the leaders met, so the host's."""
    for start, end in ctx.body_spans[:2]:
        for city in cities().find(ctx.text[start:end]):
            return city.country
    return None


def _destination(ctx: Context, cue: Match | None) -> str | None:
    """The state visited: named just after the visit phrase ("state visit to the Republic of
    Korea"), or just before it ("is in Germany on an official visit"), or by its city."""
    if cue is None or cue.key not in (*VISITS, "visit"):
        # "met Iceland's president": after a word for talks stands the other party, not a place.
        return None
    states = [m for m in ctx.country_mentions if not m.demonym]
    after = [m for m in states if 0 <= m.start - cue.end <= _DESTINATION_WINDOW]
    where = ctx.provision_at(cue.start)
    towards = ctx.pack_of(where.language if where else None).phrase_regex("event", "towards")
    # "chuyến thăm của nhà lãnh đạo Nga tới Trung Quốc": the state after "to" is the one visited.
    headed = [m for m in after if towards.search(ctx.text[max(cue.end, m.start - _TOWARDS_WINDOW) : m.start])]
    if headed or after:
        return (headed or after)[0].iso
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
