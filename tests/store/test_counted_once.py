"""A commitment stated by two reports of one visit is counted once, with both reports as its sources.

Two reports of one state visit, a joint statement in English and a news report in Norwegian, state
two of the same commitments in their own words (one names the same agreement, one the same
target); each also states one the other does not. A statement of a later visit makes one of them
again: that is another event, and counts again.
"""

from __future__ import annotations

import sqlite3

from accords.model import Entity, Event, Person, Provision, Record, Source, Target
from accords.store import query, store_record
from accords.store.query import Filters


def _provision(text: str, language: str, modality: str, domain: str, **values: object) -> Provision:
    return Provision(
        text=text, language=language, span=(0, len(text)), modality=modality, domains=[domain], **values
    )


def _report(ident: str, language: str, start: str, end: str, provisions: list[Provision]) -> Record:
    return Record(
        id=ident,
        source=Source(file=f"{ident}.txt", published=start),
        languages=[language],
        doc_type="news_report",
        parties=["KR", "VN"],
        event=Event(
            kind="state_visit", start=start, end=end, guest=Person(country="KR"), host=Person(country="VN")
        ),
        provisions=provisions,
    )


TRADE = Target(metric="trade", amount=150e9, unit="USD", year=2030)
TEACHERS = Entity(name="Agreement on Exchange of Teachers")

STATEMENT = _report(
    "visit-statement",
    "en",
    "2026-03-02",
    "2026-03-04",
    [
        _provision(
            "The two sides will lift two-way trade to USD 150 billion by 2030.",
            "en",
            "commit",
            "trade",
            targets=[TRADE],
        ),
        _provision(
            "The two sides will sign an agreement on the exchange of teachers.",
            "en",
            "commit",
            "education",
            instruments=[TEACHERS],
        ),
        _provision("Korea supports a festival of Vietnamese music in Seoul.", "en", "support", "culture"),
    ],
)
NEWS = _report(
    "visit-news",
    "nb",
    "2026-03-03",
    "2026-03-03",
    [
        _provision(
            "Landene skal øke handelen til 150 milliarder dollar innen 2030.",
            "nb",
            "commit",
            "trade",
            targets=[TRADE],
        ),
        _provision(
            "De skal inngå en avtale om utveksling av lærere.",
            "nb",
            "commit",
            "education",
            instruments=[TEACHERS],
        ),
        _provision("Partene vil vurdere et samarbeid om kystvakt.", "nb", "explore", "defense"),
    ],
)
NEXT_VISIT = _report(
    "next-visit",
    "en",
    "2027-05-10",
    "2027-05-11",
    [
        _provision(
            "Both sides will bring trade to USD 150 billion by 2030.",
            "en",
            "commit",
            "trade",
            targets=[TRADE],
        )
    ],
)


def test_two_reports_of_one_visit_count_each_commitment_once(conn: sqlite3.Connection) -> None:
    for record in (STATEMENT, NEWS, NEXT_VISIT):
        assert store_record(conn, record)
    pair = query.partners.partner(conn, "KR", of="VN")
    assert (pair.documents, pair.commitments) == (3, 5)
    listed = query.commitments.commitments(conn, Filters(parties=("VN", "KR")))
    assert listed.total == 5 and len(listed.items) == 5
    trade = [c for c in listed.items if "trade" in c.domains]
    assert [c.sources for c in trade] == [sorted(["visit-statement", "visit-news"]), ["next-visit"]]
    teachers = next(c for c in listed.items if "education" in c.domains)
    assert teachers.document_id == "visit-statement" and teachers.sources == sorted(
        ["visit-statement", "visit-news"]
    )
    compared = query.compare.compare(conn, ["KR"], of="VN")
    assert compared.totals == {"KR": 5}
    cells = {(row.domain, row.modality): row.cells["KR"] for row in compared.rows}
    assert cells[("trade", "commit")][0].cell_size == 2
    assert cells[("education", "commit")][0].sources == sorted(["visit-statement", "visit-news"])
    assert query.partners.by_domain(conn, "KR", of="VN")["education"] == {"commit": 1}
    assert query.partners.heat_map(conn, of="VN").rows[0].total == 5
    assert query.overview.overview(conn).commitments == 5
    assert query.commitments.status_counts(conn)["open"] == 5
    assert query.commitments.commitments(conn).total == 5


def test_reports_stored_the_other_way_round_are_counted_the_same(conn: sqlite3.Connection) -> None:
    for record in (NEXT_VISIT, NEWS, STATEMENT):
        assert store_record(conn, record)
    assert query.partners.partner(conn, "KR", of="VN").commitments == 5
    education = query.commitments.commitments(conn, Filters(parties=("KR",), domain="education")).items
    assert [c.document_id for c in education] == ["visit-news"]
    assert education[0].sources == sorted(["visit-statement", "visit-news"])
