"""Segment cleaned text into paragraphs, headings, numbered provisions and sentences.

A provision is a numbered item with the paragraphs that continue it up to the next number or
heading; elsewhere it is one paragraph of the body (spec/ANNOTATION.md). Heading and numbering
rules are named functions here so each can be tested on its own line.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import cache

from accords import lang, language
from accords.clean import Cleaned, Line
from accords.model import Provision, Span

_ITEM = re.compile(r"^\(?(\d{1,3})\s*[.)](?!\d)\s*(?=\S)")
_ROMAN = re.compile(r"^[IVXLC]{1,6}\.\s+\S")
_BULLET = re.compile(r"^[-–—•·*]\s")
_TERMINAL = (".", "!", "?", ":", ";", "…", '."', ".»", ".”", "./.")
_HEADING_MAX_WORDS = 16
_HEADING_MAX_CHARS = 160
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"»”)]?\s+(?=[\"«“(]?[^\W\d_a-zß-ÿ])|\s*\n\s*")
_WORD = re.compile(r"[^\W\d_]+")
#: A paragraph or provision longer than this is cut at sentence ends (or spaces) into pieces of
#: at most this many characters: extraction weighs cues against each other within a provision,
#: so one unbroken megabyte would cost its square. Real paragraphs stay far below it.
MAX_PARAGRAPH_CHARS = 5000
#: How far back from a possible sentence end an abbreviation is looked for.
_ABBREVIATION_CHARS = 40


@dataclass(frozen=True)
class Paragraph:
    start: int
    end: int
    text: str
    kind: str  # heading | item | body
    number: str | None = None
    language: str | None = None


@dataclass
class Document:
    """A segmented document: its provisions and, for each, the spans of its sentences."""

    text: str
    #: The text with every debris line blanked out, offsets unchanged: what extractors read.
    body_text: str
    #: What the page said of itself (title, date, address); its lines, the input of the
    #: segmentation, are not kept: a document of 20 MB holds hundreds of thousands.
    cleaned: Cleaned
    provisions: list[Provision]
    sentences: list[list[Span]]
    languages: list[str]
    doc_type: str
    titles: list[str] = field(default_factory=list)


def is_all_caps(text: str) -> bool:
    """A line in capitals (a few lower-case words, as machine translation leaves, allowed)."""
    words: list[str] = _WORD.findall(text)
    letters = "".join(words)
    if len(letters) < 4 or len(words) < 1:
        return False
    upper = sum(map(str.isupper, letters))
    return upper / len(letters) >= 0.8


def is_heading(text: str, heading_words: frozenset[str] | set[str]) -> bool:
    """Section headings: capitals, roman numerals, or a short line with no closing stop."""
    if _ITEM.match(text) and not _ROMAN.match(text):
        return False
    if text.lower().strip(" :") in heading_words:
        return True
    if is_all_caps(text) or _ROMAN.match(text):
        return True
    if _BULLET.match(text) or text.endswith(_TERMINAL) or text.endswith(","):
        return False
    words = text.split()
    return len(words) <= _HEADING_MAX_WORDS and len(text) <= _HEADING_MAX_CHARS and text[:1].isupper()


def item_number(text: str) -> int | None:
    """The number of a numbered item (`12.` or `12)` or `(12)`), or None."""
    m = _ITEM.match(text)
    return int(m.group(1)) if m else None


@cache
def _heading_words() -> frozenset[str]:
    return frozenset(w.lower() for pack in lang.packs() for w in pack.strings("headings", "words"))


def _is_wrapped(lines: list[Line]) -> bool:
    """Hard-wrapped text (PDF, e-mail): many lines break mid-sentence before a lower-case word."""
    if len(lines) < 4:
        return False
    breaks = sum(
        1 for a, b in itertools.pairwise(lines) if not a.text.endswith(_TERMINAL) and b.text[:1].islower()
    )
    return breaks >= 0.25 * (len(lines) - 1)


def pieces(line: Line, limit: int = MAX_PARAGRAPH_CHARS) -> list[Line]:
    """A line cut into pieces of at most `limit` characters: after the last sentence end of each
    piece, else its last space, else at the limit."""
    if len(line.text) <= limit:
        return [line]
    out: list[Line] = []
    text, start = line.text, 0
    while len(text) - start > limit:
        window_end = start + limit
        cut = max((m.end() for m in _SENTENCE_END.finditer(text, start + limit // 2, window_end)), default=0)
        if cut <= start:
            cut = text.rfind(" ", start + 1, window_end) + 1 or window_end
        piece = text[start:cut].rstrip()
        out.append(Line(line.start + start, line.start + start + len(piece), piece))
        start = cut
        while text[start].isspace():
            start += 1
    out.append(Line(line.start + start, line.end, text[start:]))
    return out


def paragraphs_of(cleaned: Cleaned) -> list[tuple[int, int, str]]:
    """Body paragraphs as (start, end, text); in wrapped text a line ending mid-sentence
    is joined to the next one, up to MAX_PARAGRAPH_CHARS."""
    body = [piece for line in cleaned.body for piece in pieces(line)]
    if not _is_wrapped(body):
        return [(ln.start, ln.end, ln.text) for ln in body]
    out: list[tuple[int, int, str]] = []
    for ln in body:
        starts_own = item_number(ln.text) or _BULLET.match(ln.text) or is_all_caps(ln.text)
        if (out and not starts_own and not out[-1][2].endswith(_TERMINAL) and not is_all_caps(out[-1][2])
                and len(out[-1][2]) + len(ln.text) < MAX_PARAGRAPH_CHARS):
            start, _, prev = out[-1]
            out[-1] = (start, ln.end, prev + " " + ln.text)
        else:
            out.append((ln.start, ln.end, ln.text))
    return out


def classify(paras: list[tuple[int, int, str]]) -> list[Paragraph]:
    """Mark headings and numbered items; a number counts only when it follows the last one."""
    words = _heading_words()
    out: list[Paragraph] = []
    last: int | None = None
    for start, end, text in paras:
        n = item_number(text)
        if n is not None and (last is None and n <= 3 or last is not None and 0 < n - last <= 2):
            out.append(Paragraph(start, end, text, "item", str(n)))
            last = n
        elif is_heading(text, words):
            out.append(Paragraph(start, end, text, "heading"))
        else:
            out.append(Paragraph(start, end, text, "body"))
    return out


def detect_languages(paras: list[Paragraph]) -> tuple[list[Paragraph], list[str]]:
    """Each paragraph's language; short or unclear ones inherit the document's main language.
    The document's languages are those of at least 5% of its characters, the main one first."""
    found = [language.detect(p.text) for p in paras]
    weight: Counter[str] = Counter()
    for p, code in zip(paras, found):
        if code:
            weight[code] += len(p.text)
    main = weight.most_common(1)[0][0] if weight else "en"
    total = sum(weight.values()) or 1
    ranked = [code for code, w in weight.most_common() if w / total >= 0.05]
    out = [
        Paragraph(p.start, p.end, p.text, p.kind, p.number, code or main) for p, code in zip(paras, found)
    ]
    return out, ranked or [main]


def sentence_spans(text: str, offset: int) -> list[Span]:
    """Sentences of a provision as document spans; abbreviations of the packs do not end one."""
    abbreviations = _abbreviations()
    spans: list[Span] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        before = text[max(start, m.start() - _ABBREVIATION_CHARS) : m.start()].rsplit(None, 1)
        if before and before[-1].lower() in abbreviations:
            continue
        spans.append((offset + start, offset + m.start()))
        start = m.end()
    if start < len(text):
        spans.append((offset + start, offset + len(text)))
    return spans


@cache
def _abbreviations() -> frozenset[str]:
    return frozenset(a.lower() for pack in lang.packs() for a in pack.strings("segment", "abbreviations"))


def _starts_continuation(text: str) -> bool:
    return bool(_BULLET.match(text)) or text[:1].islower()


def group_provisions(paras: list[Paragraph]) -> list[Provision]:
    """Numbered items absorb following body paragraphs; a closing after the last item does not."""
    last_item = max((i for i, p in enumerate(paras) if p.kind == "item"), default=-1)
    provisions: list[Provision] = []
    members: list[list[Paragraph]] = []
    section: str | None = None
    open_item = False
    size = 0
    for i, p in enumerate(paras):
        if p.kind == "heading":
            section = p.text
            open_item = False
            continue
        continues = open_item and p.kind == "body" and (i < last_item or _starts_continuation(p.text))
        if continues and size + len(p.text) < MAX_PARAGRAPH_CHARS:
            members[-1].append(p)
            size += len(p.text) + 1
            continue
        size = len(p.text)
        members.append([p])
        provisions.append(Provision(number=p.number, section=section, span=(p.start, p.end), text=p.text))
        open_item = p.kind == "item"
    for provision, group in zip(provisions, members):
        start, end = group[0].start, group[-1].end
        provision.span = (start, end)
        provision.text = "\n".join(member.text for member in group)
        chars: Counter[str] = Counter()
        for member in group:
            chars[member.language or ""] += len(member.text)
        provision.language = chars.most_common(1)[0][0] or None
    return provisions


#: The phrases that tell a document's kind stand in its opening.
DOC_TYPE_CHARS = 4000
#: Body paragraphs this short, among the first few, can be the document's own title.
TITLE_MAX_WORDS = 25
TITLE_PARAGRAPHS = 3
#: Parts of a title: "Visite d'Etat ... : Communiqué commun", "Joint Statement on ... – Hanoi".
TITLE_PARTS = re.compile(r"\s*[:|–—]\s*|\s+-\s+")
#: Event kinds whose words show a report of a meeting (taxonomy.json "event_kinds").
MEETING_KINDS = ("state_visit", "official_visit", "working_visit", "talks", "phone_call", "summit")
#: The lists whose phrases are counted for each kind of document.
_SCORED_KINDS = ("joint_statement", "news_report", "press_conference", "names")


def _titles(paras: list[Paragraph], title: str | None) -> list[str]:
    """The lines that may be the document's own title: the page title, headings, and short
    opening paragraphs."""
    opening = [p.text for p in paras if p.kind == "body"][:TITLE_PARAGRAPHS]
    return [
        *([title] if title else []),
        *(p.text for p in paras if p.kind == "heading"),
        *(t for t in opening if len(t.split()) <= TITLE_MAX_WORDS),
    ]


def _names_itself(lines: list[str]) -> bool:
    """A title that opens with the name of a joint statement ("Gemeinsame Erklärung zur ...",
    "COMMUNIQUE CONJOINT", "Toàn văn Tuyên bố chung ...") is the statement itself, where a
    headline that only names one ("Leaders issue joint statement") is a report on it."""
    for pack in lang.packs():
        names, shown = pack.phrase_regex("doc_type", "names"), pack.phrase_regex("doc_type", "reproduced")
        for line in lines:
            for part in TITLE_PARTS.split(line):
                shown_first = shown.match(part)
                rest = part[shown_first.end() :].lstrip() if shown_first else part
                if names.match(rest):
                    return True
    return False


def doc_type(paras: list[Paragraph], numbered: int, title: str | None = None) -> str:
    """The kind of document, from its shape, its title and the phrases typical of each kind.

    A joint statement names itself in its title, is presented as a text ("the full text of
    the joint statement"), is numbered, or uses the statement's own formulas; a body that
    names a joint statement otherwise reports on it, as reporting verbs do.
    """
    body = " ".join(p.text for p in paras if p.kind != "heading")[:DOC_TYPE_CHARS]
    lines = _titles(paras, title)
    # Most packs hold none of the phrases of a kind in the body: one scan of them all says so.
    speaking = [pack for pack in lang.packs() if lang.holds_any(pack, "doc_type", ("reproduced", *_SCORED_KINDS), body)]
    shown = any(_holds(pack, "doc_type", "reproduced", body) for pack in speaking) or any(
        _holds(pack, "doc_type", "reproduced", line) for pack in lang.packs() for line in lines)
    if numbered >= 3 or shown or _names_itself(lines):
        return "joint_statement"
    scores: Counter[str] = Counter()
    for pack in speaking:
        own = [m.span() for m in lang.phrase_matches(pack, "doc_type", ("joint_statement",), body, indexed=False)]
        scores["joint_statement"] += len(own)
        for kind in ("news_report", "press_conference"):
            scores[kind] += len(lang.phrase_matches(pack, "doc_type", (kind,), body, indexed=False))
        # A statement named in the body, outside the statement's own formulas, is reported on.
        scores["news_report"] += sum(
            1 for m in lang.phrase_matches(pack, "doc_type", ("names",), body, indexed=False)
            if not any(s <= m.start() < e for s, e in own)
        )
    lead = " ".join([p.text for p in paras if p.kind == "body"][:2])
    in_lead = any(_holds(pack, "doc_type", "press_conference", lead) for pack in lang.packs())
    if scores["press_conference"] >= 2 or in_lead:
        return "press_conference"
    if scores["joint_statement"] > scores["news_report"]:
        return "joint_statement"
    if scores["news_report"]:
        return "news_report"
    meeting = any(lang.holds_any(pack, "event", MEETING_KINDS, body) for pack in lang.packs())
    return "news_report" if meeting else "other"


def _holds(pack: lang.Pack, section: str, key: str, text: str) -> bool:
    """Whether a phrase of `section.key` stands in `text` (read for a few lists of every pack,
    so scanned for each rather than indexed)."""
    return bool(lang.phrase_matches(pack, section, (key,), text, indexed=False))


def blank_debris(text: str, cleaned: Cleaned) -> str:
    """`text` with debris lines replaced by spaces, so offsets still point into the original."""
    parts: list[str] = []
    pos = 0
    for line in sorted(cleaned.debris, key=lambda ln: ln.start):
        parts += [text[pos : line.start], " " * (line.end - line.start)]
        pos = line.end
    parts.append(text[pos:])
    return "".join(parts)


def segment(text: str, cleaned: Cleaned) -> Document:
    """Split the body of a cleaned text into provisions, with languages and sentences."""
    paras = classify(paragraphs_of(cleaned))
    paras, languages = detect_languages(paras)
    provisions = group_provisions(paras)
    body_text = blank_debris(text, cleaned)
    sentences = [sentence_spans(body_text[p.span[0] : p.span[1]], p.span[0]) for p in provisions]
    numbered = sum(1 for p in paras if p.kind == "item")
    return Document(
        text=text,
        body_text=body_text,
        cleaned=replace(cleaned, lines=[], debris=[]),
        provisions=provisions,
        sentences=sentences,
        languages=languages,
        doc_type=doc_type(paras, numbered, cleaned.title),
        titles=[cleaned.title] if cleaned.title else [],
    )
