"""Extract: fill the event, the relationship and each provision's reading into a record.

Order matters only in one way: the event names the leaders and the parties, which the actors
of each provision are resolved against.
"""

from __future__ import annotations

from collections import Counter

from accords.document_cache import new_document
from accords.extract import modality
from accords.extract.actors import actors_of, quoted_speaker
from accords.extract.context import Context, Match, find
from accords.extract.domains import domains_of
from accords.extract.entities import entities_of
from accords.extract.event import VISITS, extract_event
from accords.extract.measurements import measurements_of
from accords.extract.relationship import extract_relationship
from accords.extract.targets import settle, targets_of
from accords.model import Evidence, Provision, Record, Span
from accords.segment import Document


def _sentence_of(sentences: list[Span], offset: int, fallback: Span) -> Span:
    return next(((s, e) for s, e in sentences if s <= offset < e), fallback)


#: Phrases by which a paragraph tells of the meeting itself rather than state the parties' view.
_TELLING = (*VISITS, "visit", "talks", "invitation")


def read_provision(ctx: Context, provision: Provision, sentences: list[Span], statement: bool) -> None:
    """Fill one provision's modality, actors, domains, targets and entities in place.

    `statement`: the provision is the parties' own text (a numbered item of a joint statement,
    or any paragraph of one without numbers), so at least their position."""
    pack = ctx.pack(provision)
    start, end = provision.span
    text = ctx.text[start:end]
    evidence: list[Evidence] = []

    cues = modality.cues(pack, text, start, sentences)
    # A paragraph of a joint statement is the parties' own text, unless it tells of the meeting.
    # A line that names the statement or leads into it ("... said in a joint statement:") tells
    # of the text; it is not the text, nor anyone's view.
    lead_in = text.rstrip().endswith(":") or bool(find(pack, "doc_type", "names", text))
    parties_text = statement and not lead_in and not any(find(pack, "event", kind, text) for kind in _TELLING)
    level, cue = modality.strongest(cues, numbered_statement=parties_text)
    if cue is None and not lead_in:
        # Someone's words reported ("..., Albanese said"): the speaker's position, when the
        # speaker is one of the parties.
        for said in find(pack, "modality", "speech", text, start):
            _, speaker = actors_of(ctx, pack, said, _sentence_of(sentences, said.start, provision.span))
            if speaker is not None:
                level, cue = "position", Match(said.start, said.end, said.cue, "position")
                break
    provision.modality = level
    if cue is not None:
        evidence.append(cue.evidence("modality", level))
        actors, actor_evidence = actors_of(ctx, pack, cue, _sentence_of(sentences, cue.start, provision.span))
        voice = quoted_speaker(ctx, pack, cue, provision.span, sentences)
        if voice is not None:
            # Words in a party's mouth ("– Vi styrker båndene, sier Støre"): that party acts.
            actors, actor_evidence = voice
        provision.actors = actors
        if actor_evidence:
            evidence.append(actor_evidence)
    elif level != "narrative":
        # The parties' own text with no verb of theirs: a joint statement speaks for both.
        provision.actors = sorted(ctx.parties)

    instruments, organizations, mechanisms, entity_evidence, named = entities_of(pack, text, start)
    provision.instruments = instruments
    provision.organizations = organizations
    provision.mechanisms = mechanisms
    evidence += entity_evidence

    # An organisation's name mentions fields in passing; an agreement's name says its field.
    names = [e.span for e in entity_evidence if e.field == "organizations"]
    # A domain is a field in which the parties state a point; the reporter's narrative states none.
    provision.domains, domain_cues = domains_of(pack, text, start, provision.section, names) if level != "narrative" else ([], [])
    seen: set[str] = set()
    for m in domain_cues:
        if m.key not in seen:
            seen.add(m.key)
            evidence.append(m.evidence("domains", m.key))

    if level != "narrative":
        provision.targets, target_evidence = targets_of(pack, text, start, named)
        evidence += target_evidence
    provision.measurements = measurements_of(pack, text)
    provision.evidence = sorted(evidence, key=lambda e: e.span)


def _parties(ctx: Context, record: Record) -> list[str]:
    event = record.event
    found = [p.country for p in (event.guest, event.host) if p and p.country]
    if len(set(found)) >= 2:
        return sorted(set(found))
    counts = Counter(m.iso for m in ctx.country_mentions)
    for iso, _ in counts.most_common():
        if iso not in found:
            found.append(iso)
        if len(set(found)) >= 2:
            break
    return sorted(set(found))


def extract(record: Record, doc: Document) -> Record:
    """The record with every extracted field filled from the segmented document."""
    new_document()
    ctx = Context(doc, record.languages[0] if record.languages else "en")
    record.countries_mentioned = sorted({m.iso for m in ctx.country_mentions if not m.demonym})
    record.event = extract_event(ctx, record.doc_type or "other")
    record.parties = _parties(ctx, record)
    ctx.parties = record.parties
    guest, host = record.event.guest, record.event.host
    if guest and not guest.country and host and host.country:
        # The other party travelled to a known host; where the text names no host, it does not
        # say who travelled, and the guest stays empty.
        guest.country = next((c for c in record.parties if c != (host.country if host else None)), None)
    record.relationship = extract_relationship(ctx, record.event)
    statement = record.doc_type == "joint_statement"
    numbered = any(p.number is not None for p in record.provisions)
    for i, provision in enumerate(record.provisions):
        read_provision(ctx, provision, doc.sentences[i], statement and (provision.number is not None or not numbered))
        doc.sentences[i] = []  # read once: a document of 20 MB has a million sentences
        provision.decided()
    settle(record.provisions)
    record.countries_mentioned = sorted(set(record.countries_mentioned) | set(record.parties))
    return record
