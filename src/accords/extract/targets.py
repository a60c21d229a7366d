"""Targets: amounts the parties aim at or commit, with their unit and deadline year.

An amount is a number (digits in the pack's notation, or a number word), an optional scale word
(billion, milliarder, Milliarden, tỷ) and a currency before or after it, or a unit (percent,
students). Its deadline is a pack pattern with a year just after it ("by 2030", "innen 2030").
An amount is a target when it has a deadline or a yearly rate, or when its clause aims at it or
commits it (see `_aimed`); not when it is a conversion in parentheses, the X of "from X to Y",
or a figure already reached. "USD 2 billion each" after two named funds is one target per fund.
An aim stated as a multiple ("doubling investment") is a target in `times`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from accords import disk_cache, lang
from accords.document_cache import per_document
from accords.extract.context import Match, find
from accords.lang import Pack, alternation, bounded, phrase_to_regex
from accords.model import Evidence, Provision, Target
from accords.registry import countries

#: How far after an amount its deadline may stand, and how far before it its metric.
DEADLINE_WINDOW = 80
METRIC_WINDOW = 160
EACH_WINDOW = 20


@dataclass(frozen=True)
class Amount:
    start: int
    end: int
    text: str
    value: float
    unit: str


def _phrases(words: list[str]) -> str:
    return alternation(phrase_to_regex(w.lower()) if w[:1].isalnum() else re.escape(w) for w in words)


@cache
def _amount_re(pack: Pack) -> re.Pattern[str]:
    decimal = str(pack.get("numbers", "decimal", "."))
    group = "," if decimal == "." else "."
    digits = rf"\d{{1,3}}(?:[{re.escape(group)}\u00a0\u202f ]\d{{3}})+(?:{re.escape(decimal)}\d+)?|\d+(?:{re.escape(decimal)}\d+)?"
    words = _phrases(list(pack.table("numbers", "words")))
    number = rf"(?P<num>{digits}|{words})"
    scale = rf"(?P<scale>{_phrases(list(pack.table('numbers', 'scales')))})"
    currencies = {w: code for code, ws in pack.table("targets", "currencies").items() for w in ws}
    units = {w: unit for unit, ws in pack.table("targets", "units").items() for w in ws}
    cur_before = rf"(?P<cur1>{_phrases(list(currencies))})"
    cur_after = rf"(?P<cur2>{_phrases(list(currencies))})"
    unit = rf"(?P<unit>{_phrases(list(units))})"
    # Words between a number and its unit stand apart from it ("vereinbart" is no "t").
    gap = r"(?:\s*|(?:\s+[^\W\d]+){1,2}?\s+)"
    quoted = r"(?:[\"“«„][^\"”»“]{1,60}[\"”»“]\s+)?"
    forms = [
        rf"{cur_before}\s?{number.replace('num', 'numa')}(?:\s*{scale.replace('scale', 'scalea')})?",
        rf"{number}(?:\s*{scale})?\s*{cur_after}",
        # A unit may follow its number after an adjective or two and a quoted name ("10,000
        # skilled workers", "ten new “Pacific Futures” scholarships").
        rf"{number.replace('num', 'numu')}(?:\s*{scale.replace('scale', 'scaleu')})?{gap}{quoted}{unit}",
    ]
    return disk_cache.compile(bounded("|".join(f"(?:{f})" for f in forms)), re.IGNORECASE)


_NUMERAL = re.compile(r"\d")


@cache
def _number_words(pack: Pack) -> re.Pattern[str]:
    """The pack's number words, wherever they stand: a text without any holds no amount."""
    return disk_cache.compile(_phrases(list(pack.table("numbers", "words"))), re.IGNORECASE)


def _number(text: str, pack: Pack) -> float | None:
    words = {str(k).lower(): float(v) for k, v in pack.table("numbers", "words").items()}
    if text.lower() in words:
        return words[text.lower()]
    decimal = str(pack.get("numbers", "decimal", "."))
    cleaned = re.sub(r"[\s\u00a0\u202f]", "", text)
    if decimal == ",":
        cleaned = cleaned.replace(".", "").replace(",", ".")
    else:
        cleaned = cleaned.replace(",", "")
    try:
        return float(cleaned)
    except ValueError:
        return None


@cache
def _table_res(pack: Pack, section: str, key: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple(
        (str(name), disk_cache.compile(_phrases([str(w) for w in words]), re.IGNORECASE))
        for name, words in pack.table(section, key).items()
    )


def _lookup(pack: Pack, key: str, surface: str) -> str | None:
    """The currency code or unit a matched word stands for."""
    folded = " ".join(surface.split())
    return next((name for name, pattern in _table_res(pack, "targets", key) if pattern.fullmatch(folded)), None)


def amounts(pack: Pack, text: str, offset: int = 0) -> list[Amount]:
    """Money and counted quantities in `text`, as document spans."""
    found = _amounts(pack, text)
    if not offset:
        return list(found)
    return [Amount(offset + a.start, offset + a.end, a.text, a.value, a.unit) for a in found]


@per_document
def _amounts(pack: Pack, text: str) -> tuple[Amount, ...]:
    """The amounts of a text, read once: the targets and the measurements of a provision, and
    its text with conversions blanked, ask for the same ones."""
    if not _NUMERAL.search(text) and not _number_words(pack).search(text):
        return ()  # every amount has a number, in digits or in words
    scales = {str(k).lower(): float(v) for k, v in pack.table("numbers", "scales").items()}
    out: list[Amount] = []
    for m in _amount_matches(pack, text):
        g = {k: text[m.start(k) : m.end(k)] for k, v in m.groupdict().items() if v}
        raw = g.get("num") or g.get("numa") or g.get("numu")
        value = _number(raw, pack) if raw else None
        if value is None:
            continue
        scale = g.get("scale") or g.get("scalea") or g.get("scaleu")
        if scale:
            value *= scales.get(" ".join(scale.lower().split()), 1.0)
        if g.get("unit") and not scale and value == 1 and raw and not raw[:1].isdigit():
            continue  # "one of the", "một số người": a word for one is rarely a count aimed at
        if g.get("unit"):
            unit = _lookup(pack, "units", g["unit"])
        else:
            unit = _lookup(pack, "currencies", g.get("cur1") or g.get("cur2") or "")
        if unit:
            out.append(Amount(m.start(), m.end(), text[m.start() : m.end()], value, unit))
    return tuple(out)


def _amount_matches(pack: Pack, text: str) -> list[re.Match[str]]:
    """The matches of `_amount_re` in `text`, found in its lower case where that finds the
    same ones: the pattern's long lists of words cost several times less matched exactly."""
    lower = lang.lower_exactly(text)
    exact = _amount_exact_re(pack)
    if lower is None or exact is None:
        return list(_amount_re(pack).finditer(text))
    return list(exact.finditer(lower))


@cache
def _amount_exact_re(pack: Pack) -> re.Pattern[str] | None:
    """`_amount_re` for lower-cased text, where the pack's words allow it (see `lang.case_free`)."""
    source = _amount_re(pack).pattern
    return disk_cache.compile(source) if lang.case_free(source) else None


_YEAR_SLOT = r"(?P<year>(?:19|20)\d\d)"


@cache
def _deadline_res(pack: Pack) -> tuple[re.Pattern[str], ...]:
    return tuple(disk_cache.compile(p.replace("{year}", _YEAR_SLOT), re.IGNORECASE) for p in pack.strings("targets", "deadline"))


def deadline(pack: Pack, text: str) -> re.Match[str] | None:
    """The first deadline at the start of `text` (the words just after an amount)."""
    found = [m for pattern in _deadline_res(pack) for m in pattern.finditer(text[:DEADLINE_WINDOW])]
    found = [m for m in found if not re.search(r"[.;]", text[: m.start()])]
    return min(found, key=lambda m: m.start(), default=None)


@cache
def _metric_res(pack: Pack) -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple(
        (str(name), disk_cache.compile(bounded(_phrases([str(w) for w in words])), re.IGNORECASE))
        for name, words in pack.table("targets", "metrics").items()
    )


def metric(pack: Pack, before: str) -> str | None:
    """The nearest metric phrase before an amount (bilateral trade turnover, ...)."""
    best: tuple[int, str] | None = None
    for name, pattern in _metric_res(pack):
        for m in pattern.finditer(before[-METRIC_WINDOW:]):
            if best is None or m.end() > best[0]:
                best = (m.end(), name)
    return best[1] if best else None


# ---------------------------------------------------------------------------------------------
# Which amounts are aimed at. An amount is a target when it has a deadline or a yearly rate
# after it, or when the clause says it is aimed at or committed: a goal word ("target of",
# "mục tiêu"), a verb of raising with the word of the level reached just before the amount
# ("raise trade to", "Handelsvolumen auf ... steigern", "довести до"), or a verb of giving
# ("will provide", "announced", "выделит"). A figure the clause says was already reached is not.

#: How far before an amount a goal word, a verb of raising or a verb of giving may stand (a
#: verb of giving governs the amount: "will provide $50 million"), and how far after it a
#: verb-final one ("auf 100 Milliarden Dollar zu steigern", "40 Stipendien vergeben").
AIM_WINDOW = 120
GIVE_WINDOW = 60
VERB_AFTER_WINDOW = 40
#: How far after an amount its yearly rate may stand ("50 scholarships to Lao students a year").
RATE_WINDOW = 50
#: How far apart the two amounts of "from X to Y" may stand.
PAIR_WINDOW = 100
#: How far after its amount a conversion in parentheses may open.
FOLLOW_WINDOW = 12
#: A sentence ends at . ; ! ? before a space and a capital or a digit (so "млрд. долл." goes on).
_SENTENCE_END = re.compile(r"(?<!\b\w)[.;!?](?=\s+[\"“«(]?[^\W\d_a-zа-яёđ]|\s+\d|\s*$)|[;!?](?=\s)")


@cache
def _dated_res(pack: Pack) -> tuple[re.Pattern[str], ...]:
    return tuple(disk_cache.compile(p.replace("{year}", _YEAR_SLOT), re.IGNORECASE) for p in pack.strings("targets", "dated"))


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with each span replaced by spaces (offsets kept)."""
    chars = list(text)
    for s, e in spans:
        chars[s:e] = " " * (e - s)
    return "".join(chars)


@per_document
def without_conversions(pack: Pack, text: str) -> str:
    """`text` with every parenthesis that follows an amount and holds one blanked: "$100 млрд
    (7,7 трлн руб.)" is one target written in two currencies, not two."""
    found = amounts(pack, text)
    spans = []
    for m in re.finditer(r"\(([^()]{1,80})\)", text):
        inside = [a for a in found if m.start() < a.start and a.end <= m.end()]
        before = [a for a in found if a.end <= m.start() and m.start() - a.end <= FOLLOW_WINDOW]
        if inside and before and not text[before[-1].end : m.start()].strip(" ,"):
            spans.append((m.start(), m.end()))
    return _blank(text, spans)


def _sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    """The sentence of `text` around `pos`."""
    start, end = 0, len(text)
    for m in _SENTENCE_END.finditer(text):
        if m.end() <= pos:
            start = m.end()
        elif m.start() >= pos:
            end = m.start()
            break
    return start, end


def _near(pack: Pack, key: str, text: str) -> list[Match]:
    return find(pack, "targets", key, text)


def _is_baseline(pack: Pack, text: str, amount: Amount, neighbours: list[Amount]) -> bool:
    """The X of "from X to Y" (or of "to Y from X"): a starting level, the target being Y."""
    before = text[max(0, amount.start - 30) : amount.start]
    if not any(_only_currency(pack, before[m.end :]) for m in _near(pack, "from", before)):
        return False
    return any(abs(other.start - amount.start) <= PAIR_WINDOW and _to_level(pack, text, other) for other in neighbours)


def _only_currency(pack: Pack, text: str) -> bool:
    """Nothing but space and a currency sign or code stands in `text` (what may come between a
    word and its amount: "to USD 10 billion", "до $100 млрд")."""
    rest = text.strip()
    return not rest or _lookup(pack, "currencies", rest) is not None


def _to_level(pack: Pack, text: str, amount: Amount) -> bool:
    """The word of the level reached stands just before the amount ("to", "lên", "auf", "до")."""
    before = text[max(0, amount.start - 30) : amount.start]
    return any(_only_currency(pack, before[m.end :]) for m in _near(pack, "to", before))


def _aimed(pack: Pack, text: str, sentence: tuple[int, int], amount: Amount) -> Match | None:
    """The cue that makes `amount` aimed at or committed, if any: a goal word or a verb of giving
    in its sentence before it, a clause-final verb of aiming or giving just after it ("40
    Stipendien vergeben", "10 Milliarden Euro zu erreichen"), or a verb of raising with the word
    of the level reached just before it."""
    after = text[amount.end : min(sentence[1], amount.end + VERB_AFTER_WINDOW)]
    for key, window in (("aim", AIM_WINDOW), ("give", GIVE_WINDOW)):
        start = max(sentence[0], amount.start - window)
        cues = _near(pack, key, text[start : amount.start])
        # A goal or a verb of giving governs its object, not a reported clause ("announced that
        # 5,000 students study there", "with the aim of ..., noted that trade of USD 10 billion").
        if cues and not find(pack, "grammar", "that", text[start + cues[-1].end : amount.start]):
            return Match(start + cues[-1].start, start + cues[-1].end, cues[-1].cue, key)
    given = _near(pack, "final", after)
    if given:
        return Match(amount.end + given[0].start, amount.end + given[0].end, given[0].cue, "give")
    if _to_level(pack, text, amount):
        start = max(sentence[0], amount.start - AIM_WINDOW)
        raises = _near(pack, "raise", text[start : amount.start])
        if raises:
            return Match(start + raises[-1].start, start + raises[-1].end, raises[-1].cue, "raise")
        raises = _near(pack, "raise", after)
        if raises:
            return Match(amount.end + raises[0].start, amount.end + raises[0].end, raises[0].cue, "raise")
    return None


def _history(pack: Pack, text: str, clause: tuple[int, int], amount: Amount, sentence: tuple[int, int]) -> int | None:
    """Where the clause tells of a figure already reached: the end of the last history word in
    `clause` (from the previous amount, or the sentence start, to this one), or the amount's end
    for one just after it ("last year"); None when there is none."""
    after = text[amount.end : min(sentence[1], amount.end + 30)]
    if _near(pack, "history_after", after):
        return amount.end
    start = max(clause[0], sentence[0])
    found = _near(pack, "history", text[start : clause[1]])
    return start + found[-1].end if found else None


def _dollar_state(pack: Pack, amount: Amount, sentence: str) -> str | None:
    """The currency of a bare "$": the dollar of the one dollar-using state named in the
    sentence ("Australia's commitment to a $200 million partnership" is in AUD), else USD."""
    if amount.unit != "USD" or not re.match(r"\$\s?\d", amount.text):
        return None
    dollars = {str(k): str(v) for k, v in lang.load("common").table("targets", "dollars").items()}
    named = {m.iso for m in countries().mentions(sentence, demonyms=True)}
    local = {dollars[iso] for iso in named if iso in dollars}
    return local.pop() if len(local) == 1 and "US" not in named else None


def _rate(pack: Pack, after: str) -> int | None:
    """Where a yearly rate after an amount ends ("a year", "im Jahr"; a few words may come first:
    "50 scholarships to Lao students every year"), unless a year follows it, which makes it a
    date ("im Jahr 2029"), or another figure comes first."""
    for rate in pack.phrase_regex("targets", "rate").finditer(after[:RATE_WINDOW]):
        if re.search(r"\d", after[: rate.start()]):
            return None
        if re.match(rf"\s*{_YEAR_SLOT}(?!\d)", after[rate.end() :]):
            continue
        return rate.end()
    return None


def targets_of(
    pack: Pack, text: str, offset: int, named: list[tuple[int, str]]
) -> tuple[list[Target], list[Evidence]]:
    """The targets of a provision; `named` lists (offset, id) of instruments it names."""
    out: list[Target] = []
    evidence: list[Evidence] = []
    each = find(pack, "grammar", "each", text, offset)
    work = without_conversions(pack, text)
    found = amounts(pack, work)
    # The year of a deadline is never a count ("through fiscal 2028 for priority projects"):
    # looked for only where there is an amount to set aside.
    years = [m.span("year") for p in _deadline_res(pack) for m in p.finditer(work)] if found else []
    found = [a for a in found if not any(s <= a.start < e for s, e in years)]
    for i, amount in enumerate(found):
        if _is_baseline(pack, work, amount, found[:i] + found[i + 1 :]):
            continue
        sentence = _sentence_bounds(work, amount.start)
        since = found[i - 1].end if i else 0
        aim = _aimed(pack, work, sentence, amount)
        # A figure already reached, unless a cue of aiming stands nearer to it ("reached USD 10
        # billion last year ... agreed to raise it to USD 15 billion"). The Y of "from X to Y" is
        # read with the words before X ("increase from X last year to Y").
        clause = (since, amount.start)
        if i and _is_baseline(pack, work, found[i - 1], [amount]):
            clause = (found[i - 2].end if i > 1 else 0, found[i - 1].start)
        history = _history(pack, work, clause, amount, sentence)
        if history is not None and (aim is None or aim.start < history or history == amount.end):
            continue
        after = work[amount.end : sentence[1]]
        due = deadline(pack, after)
        rate = _rate(pack, after) if due is None else None
        if due is not None or rate is not None:
            aim = None
        elif aim is None:
            continue
        year = int(due.group("year")) if due else None
        due_end = due.end() if due else (rate or 0)
        if aim is not None:
            year, due_end = _aimed_year(pack, work, sentence, amount, since, after)
        unit = _dollar_state(pack, amount, work[sentence[0] : sentence[1]]) or amount.unit
        before = work[sentence[0] : amount.start]
        is_each = any(0 <= amount.start + offset - m.end <= EACH_WINDOW for m in each)
        funds = list(dict.fromkeys(name for pos, name in named if offset + sentence[0] <= pos < offset + amount.start))
        metrics = funds if is_each and funds else [metric(pack, before)]
        span = (offset + amount.start, offset + amount.end + due_end)
        cue = text[amount.start : amount.end + due_end]
        for name in metrics:
            out.append(Target(metric=name, amount=amount.value, unit=unit, year=year))
            evidence.append(Evidence(field="targets", value=f"{amount.value:g} {unit} {year or ''}".strip(),
                                     span=span, cue=cue))
        if aim is not None:
            evidence.append(Evidence(field="targets", value=f"{amount.value:g} {unit}",
                                     span=(offset + aim.start, offset + aim.end), cue=aim.cue))
    for target, found_evidence in _multiples(pack, work, found, offset):
        out.append(target)
        evidence.append(found_evidence)
    return out, evidence


@cache
def _multiple_res(pack: Pack) -> tuple[tuple[float, re.Pattern[str]], ...]:
    return tuple(
        (float(factor), disk_cache.compile(bounded(_phrases([str(w) for w in words])), re.IGNORECASE))
        for factor, words in pack.table("targets", "multiples").items()
    )


def _multiples(pack: Pack, text: str, found: list[Amount], offset: int) -> list[tuple[Target, Evidence]]:
    """Aims stated as a multiple ("doubling investment", "tăng gấp đôi kim ngạch"): a target
    in `times`, unless an amount reached follows in the sentence ("double trade to USD 500
    billion", which is that amount) or the multiple was already made ("đã tăng gấp đôi")."""
    out: list[tuple[Target, Evidence]] = []
    for factor, pattern in _multiple_res(pack):
        for m in pattern.finditer(text):
            sentence = _sentence_bounds(text, m.start())
            if any(m.end() <= a.start < sentence[1] and _to_level(pack, text, a) for a in found):
                continue
            if any(h.start < m.start() - sentence[0] for h in _near(pack, "history", text[sentence[0] : m.end()])):
                continue
            after = text[m.end() : sentence[1]]
            due = deadline(pack, after)
            earlier = [d for p in _deadline_res(pack) for d in p.finditer(text[sentence[0] : m.start()])]
            year = int(due.group("year")) if due else int(earlier[-1].group("year")) if earlier else None
            end = m.end() + (due.end() if due else 0)
            metric_name = metric(pack, text[sentence[0] : m.start()]) or metric(pack, text[m.end() : m.end() + METRIC_WINDOW // 2])
            value = f"{factor:g} times {year or ''}".strip()
            out.append((Target(metric=metric_name, amount=factor, unit="times", year=year),
                        Evidence(field="targets", value=value, span=(offset + m.start(), offset + end),
                                 cue=text[m.start() : end])))
    return out


@cache
def _during_res(pack: Pack) -> tuple[re.Pattern[str], ...]:
    return tuple(disk_cache.compile(p.replace("{year}", _YEAR_SLOT), re.IGNORECASE) for p in pack.strings("targets", "during"))


def _aimed_year(pack: Pack, text: str, sentence: tuple[int, int], amount: Amount, since: int,
                after: str) -> tuple[int | None, int]:
    """The year of an aimed amount: a year that dates it just after ("150 tỷ USD năm 2030",
    "USD 10 billion in 2027"), a deadline or a period earlier in its clause ("bis 2020 auf 100
    Milliarden"), a period in the sentence before when that one names no amount ("Deliveries
    during 2017 were agreed. MAZ will supply 200 vehicles."), else none; with the length of the
    words after the amount that it spans."""
    head = after[:DEADLINE_WINDOW]
    dated = [m for p in (*_dated_res(pack), *_during_res(pack)) for m in p.finditer(head)
             if not head[: m.start()].strip(" ,")]
    if dated:
        m = min(dated, key=lambda d: d.start())
        return int(m.group("year")), m.end()
    before = text[max(since, sentence[0]) : amount.start]
    earlier = [m for p in (*_deadline_res(pack), *_during_res(pack)) for m in p.finditer(before)]
    if earlier:
        return int(max(earlier, key=lambda d: d.start()).group("year")), 0
    if sentence[0] > 0 and since <= sentence[0]:
        prev = _sentence_bounds(text, max(0, sentence[0] - 2))
        told = text[prev[0] : sentence[0]]
        periods = [m for p in _during_res(pack) for m in p.finditer(told)]
        if periods and prev[0] < sentence[0] and not amounts(pack, told):
            return int(periods[-1].group("year")), 0
    return None, 0


def settle(provisions: list[Provision]) -> None:
    """One target restated across a document is one target: a figure given a deadline in one
    provision and none in another (a headline, a summary) keeps the deadline everywhere, and
    takes the metric one of them names. Targets are changed in place."""
    dated: dict[tuple[float, str], int] = {}
    named: dict[tuple[float, str, int | None], str] = {}
    for provision in provisions:
        for t in provision.targets:
            if t.year is not None:
                dated.setdefault((t.amount, t.unit), t.year)
    for provision in provisions:
        for t in provision.targets:
            if t.year is None and (t.amount, t.unit) in dated:
                t.year = dated[(t.amount, t.unit)]
            if t.metric:
                named.setdefault((t.amount, t.unit, t.year), t.metric)
    for provision in provisions:
        for t in provision.targets:
            t.metric = t.metric or named.get((t.amount, t.unit, t.year))
