"""The register's questions, asked of the gold records of the seed documents through `store.query`."""

from __future__ import annotations

import sqlite3

import pytest

from accords.errors import NotFound, QueryError
from accords.store import query
from accords.store.query import Filters, Window
from accords.store.query.search import Hit


def search(
    conn: sqlite3.Connection,
    query_text: str = "",
    *,
    country: str | None = None,
    limit: int = 50,
    **filters: str,
) -> list[Hit]:
    """The hits for words and filters, as the command line asks."""
    wanted = Filters(parties=(country,) if country else (), text=query_text, **filters)
    return query.search.search(conn, wanted, Window(limit)).hits.items


def test_search_ignores_accents_lien_bang_nga_finds_lien_bang_nga(gold: sqlite3.Connection) -> None:
    hits = search(gold, "lien bang nga")
    assert hits
    assert all(h.parties == ["RU", "VN"] for h in hits)
    assert any("Liên bang Nga" in h.excerpt for h in hits)


def test_search_folds_letters_the_tokenizer_keeps(gold: sqlite3.Connection) -> None:
    assert search(gold, "dang cong san") == search(gold, "Đảng Cộng sản")
    assert search(gold, "Dang Cong san")


def test_search_filters_by_country_domain_modality_and_date(gold: sqlite3.Connection) -> None:
    hits = search(gold, "kjernekraft", country="RU", domain="energy", modality="commit", since="2025")
    assert [h.number for h in hits] == ["9"]
    assert "kjernekraftverk" in hits[0].excerpt
    assert search(gold, "kjernekraft", country="KP") == []
    assert search(gold, "kjernekraft", since="2026") == []


def test_search_since_a_date_within_a_year(gold: sqlite3.Connection) -> None:
    dates = {h.date for h in search(gold, "Vietnam", since="2025-05-06", limit=500)}
    assert dates and min(dates) >= "2025-05-06"  # Kazakhstan's 5 May is out, Russia's 8 May is in
    assert "2025-05-05" in {h.date for h in search(gold, "Vietnam", since="2025", limit=500)}
    assert search(gold, "Vietnam", since="2031") == []


def test_search_phrases_and_operators_work(gold: sqlite3.Connection) -> None:
    phrase = search(gold, '"150 milliarder"')
    assert [(h.file, h.number) for h in phrase] == [("000_bcb47e26353bfc80.txt", "4")]
    assert len(search(gold, "Pyongyang OR Astana", limit=100)) >= 2


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"query_text": '"unbalanced'}, "bad search"),
        ({"query_text": "energi", "country": "XX"}, "unknown country 'XX'"),
        ({"query_text": "energi", "domain": "space"}, "unknown domain 'space'"),
        ({"query_text": "energi", "modality": "maybe"}, "unknown modality 'maybe'"),
        ({"query_text": "energi", "since": "last year"}, "bad date"),
        ({"query_text": "  "}, "empty search"),
    ],
)
def test_bad_searches_are_one_clear_error(
    gold: sqlite3.Connection, kwargs: dict[str, str], message: str
) -> None:
    with pytest.raises(QueryError, match=message):
        search(gold, **kwargs)


def test_show_reads_a_document_by_file_name_or_id_prefix(gold: sqlite3.Connection) -> None:
    view = query.documents.show(gold, "000_bcb47e26353bfc80.txt")
    assert view == query.documents.show(gold, "bcb47e")
    assert view.record.event.host is not None and view.record.event.host.country == "KR"
    assert [d.file for d in view.linked] == ["001_d258ee7c7a83ac39.txt"]
    assert len(view.provisions) == 27
    assert {p.status for p in view.provisions if p.provision.modality == "commit"} == {"open"}
    assert all(p.status is None for p in view.provisions if p.provision.modality in ("position", "narrative"))


def test_show_names_an_unknown_document(gold: sqlite3.Connection) -> None:
    with pytest.raises(QueryError, match="no document 'nothing-like-this'"):
        query.documents.show(gold, "nothing-like-this")


def test_partners_show_level_since_upgrade_documents_and_commitments(gold: sqlite3.Connection) -> None:
    found = {p.country: p for p in query.partners.partners(gold, of="VN")}
    assert sorted(found) == ["KP", "KR", "KZ", "RU"]
    kz = found["KZ"]
    assert (kz.level, kz.since, kz.upgraded) == ("strategic_partnership", "2025", "2025-05-05")
    kr = found["KR"]
    assert (kr.level, kr.since, kr.upgraded, kr.documents) == (
        "comprehensive_strategic_partnership",
        "2022",
        None,
        2,
    )
    assert found["RU"].relations_since == "1950-01-30"
    assert (
        kr.commitments
        == gold.execute(
            "SELECT COUNT(*) FROM commitments c JOIN document_countries d ON d.document_id = c.document_id"
            " WHERE d.country = 'KR' AND d.role = 'party' AND c.id NOT IN (SELECT provision_id FROM repeats)"
        ).fetchone()[0]
        == query.commitments.commitments(gold, Filters(parties=("VN", "KR"))).total
    )


def test_partners_of_another_side(gold: sqlite3.Connection) -> None:
    assert [p.country for p in query.partners.partners(gold, of="KR")] == ["VN"]


def test_compare_puts_partners_side_by_side_with_the_words(gold: sqlite3.Connection) -> None:
    result = query.compare.compare(gold, ["KR", "RU", "KZ"], domain="energy", of="VN")
    assert (result.of, result.countries) == ("VN", ["KR", "RU", "KZ"])
    assert query.compare.compare(gold, ["KR", "RU", "KZ"], domain="energy").totals == result.totals
    commit = next(row for row in result.rows if row.modality == "commit")
    assert {code: bool(items) for code, items in commit.cells.items()} == {"KR": True, "RU": True, "KZ": True}
    assert all(row.domain == "energy" for row in result.rows)
    nuclear = [a for a in commit.cells["RU"] if a.number == "9"]
    assert nuclear and nuclear[0].words.startswith(
        "9. De to sidene ble enige om å styrke samarbeidet innen energi"
    )
    assert all(len(a.words) <= 300 for a in result.agreed())


def test_compare_refuses_the_own_side_and_unknown_labels(gold: sqlite3.Connection) -> None:
    with pytest.raises(QueryError, match="home side"):
        query.compare.compare(gold, ["VN"], of="VN")
    with pytest.raises(QueryError, match="unknown domain"):
        query.compare.compare(gold, ["KR"], domain="energyy")


def test_timeline_lists_relations_levels_visits_and_statements_in_order(gold: sqlite3.Connection) -> None:
    kr = query.timeline.timeline(gold, "KR")
    assert [(e.date, e.kind) for e in kr] == [
        ("1992", "relations"),
        ("2022", "level"),
        ("2025-08-10", "visit"),
        ("2025-08-10", "statement"),
    ]
    assert sorted(kr[2].documents) == ["bcb47e26353bfc80", "d258ee7c7a83ac39"]
    kz = query.timeline.timeline(gold, "kz")
    assert ("2025-05-05", "upgrade", "relations raised to strategic partnership") in [
        (e.date, e.kind, e.summary) for e in kz
    ]


def test_timeline_of_a_stranger_says_so(gold: sqlite3.Connection) -> None:
    with pytest.raises(NotFound, match="no documents about VN and JP"):
        query.timeline.timeline(gold, "JP", of="VN")
    with pytest.raises(NotFound, match="no documents about JP"):
        query.timeline.timeline(gold, "JP")


def test_targets_due_before_2031_list_the_kr_trade_target(gold: sqlite3.Connection) -> None:
    found = query.targets.targets(gold, due_before="2031").items
    trade = [t for t in found if t.metric == "bilateral trade turnover"]
    assert {(t.amount, t.unit, t.year, tuple(t.parties)) for t in trade} == {
        (150e9, "USD", 2030, ("KR", "VN"))
    }
    assert len(trade) == 1  # the joint statement and the press conference both state it: one target
    assert trade[0].sources == ["bcb47e26353bfc80", "d258ee7c7a83ac39"]
    assert query.targets.targets(gold, due_before="2030").items == []
    assert query.targets.targets(gold, due_before="2030-12-31").items == []
    pair = Filters(parties=("KR",), domain="development")
    assert query.targets.targets(gold, pair, due_before="2031").items[0].metric.startswith("EDCF")


def test_commitments_start_open_and_keep_a_history(gold: sqlite3.Connection) -> None:
    open_ones = query.commitments.commitments(gold, Filters(parties=("KR",), domain="trade")).items
    assert open_ones and {c.status for c in open_ones} == {"open"}
    target = open_ones[0].id
    query.commitments.set_status(gold, target, "in-progress", note="talks began", on="2026-01-10")
    query.commitments.set_status(
        gold, target, "fulfilled", note="signed", evidence_url="https://example.org/signed", on="2026-06-01"
    )
    found = query.commitments.commitment(gold, target)
    assert found.status == "fulfilled"
    assert [(c.status, c.date, c.note) for c in found.history] == [
        ("in_progress", "2026-01-10", "talks began"),
        ("fulfilled", "2026-06-01", "signed"),
    ]
    fulfilled = query.commitments.commitments(gold, Filters(status="fulfilled"))
    assert [c.id for c in fulfilled] == [target]
    assert target not in [c.id for c in query.commitments.commitments(gold, Filters(status="open"), Window(None))]


@pytest.mark.parametrize(
    ("status", "kwargs", "message"),
    [
        ("done", {}, "unknown status 'done'"),
        ("fulfilled", {"evidence_url": "not a url"}, "not an http"),
        ("fulfilled", {"on": "31/12/2026"}, "bad date"),
    ],
)
def test_bad_status_changes_change_nothing(
    gold: sqlite3.Connection, status: str, kwargs: dict[str, str], message: str
) -> None:
    with pytest.raises(QueryError, match=message):
        query.commitments.set_status(gold, 5, status, **kwargs)
    assert gold.execute("SELECT COUNT(*) FROM status_changes").fetchone()[0] == 0


def test_only_commitments_take_a_status(gold: sqlite3.Connection) -> None:
    position = gold.execute("SELECT id FROM provisions WHERE modality = 'position' LIMIT 1").fetchone()[0]
    with pytest.raises(QueryError, match="not a commitment"):
        query.commitments.set_status(gold, position, "fulfilled")
    with pytest.raises(QueryError, match="no commitment 99999"):
        query.commitments.set_status(gold, 99999, "fulfilled")
