"""A search's first answer is bounded: the page ranked in the index, the total counted up to a cap
when rows must be checked, and the facets counted over the newest matches, each said so.

The bounds are lowered here so that the gold register crosses them; every answer is checked against
the same matches listed whole (an export) and counted in Python.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from typing import Any

import pytest

from accords.store import query
from accords.store.query import Filters, Window, words
from accords.store.query.search import Hit

WORDS = "Vietnam OR samarbeid OR hợp OR Zusammenarbeit"


def _all(conn: sqlite3.Connection, wanted: Filters) -> list[Hit]:
    return query.search.search(conn, wanted, Window(None), count=False).hits.items


def _facets(hits: list[Hit]) -> dict[str, list[tuple[str, int]]]:
    """The facets of these hits counted one by one, in the order search gives them."""
    counts: dict[str, Counter[str]] = {name: Counter() for name in query.search.FACETS}
    for hit in hits:
        counts["partner"].update(hit.parties)
        counts["domain"].update(hit.domains)
        counts["modality"].update([hit.modality] if hit.modality else [])
        counts["language"].update([hit.language] if hit.language else [])
        counts["year"].update([hit.date[:4]] if hit.date else [])
    return {
        name: sorted(found.items(), key=lambda item: (-item[1], item[0]))
        if name != "year"
        else sorted(found.items(), reverse=True)
        for name, found in counts.items()
    }


def test_facets_count_the_newest_matches_when_more_matched(gold: sqlite3.Connection, monkeypatch: Any) -> None:
    wanted = Filters(text=WORDS)
    every = _all(gold, wanted)
    assert len(every) > 12
    whole = query.search.search(gold, wanted)
    assert whole.sampled is None and not whole.more and whole.hits.total == len(every)
    assert whole.facets == _facets(every)
    monkeypatch.setattr(query.search, "SAMPLE", 7)
    sampled = query.search.search(gold, wanted)
    newest = sorted(every, key=lambda hit: -hit.provision_id)[:7]
    assert sampled.sampled == 7 and sampled.hits.total == len(every) and not sampled.more
    assert sampled.facets == _facets(newest) != whole.facets
    assert sampled.hits == whole.hits


def test_the_total_is_a_lower_bound_past_the_cap_when_rows_are_checked(
    gold: sqlite3.Connection, monkeypatch: Any
) -> None:
    checked = Filters(text=WORDS, language="nb")
    every = _all(gold, checked)
    assert len(every) > 6
    monkeypatch.setattr(query.search, "COUNTED", 5)
    capped = query.search.search(gold, checked, Window(3))
    assert capped.more and capped.hits.total == 5 and capped.hits.has_next
    assert capped.hits.items == every[:3]
    exact = query.search.search(gold, Filters(text=WORDS), Window(3))  # the index counts it alone
    assert not exact.more and exact.hits.total == len(_all(gold, Filters(text=WORDS))) > 5


@pytest.mark.parametrize("offset", [0, 4, 9])
def test_a_page_ranked_in_the_index_is_that_page_of_every_match_ranked(
    gold: sqlite3.Connection, offset: int
) -> None:
    wanted = Filters(text=WORDS)
    ranked = [
        r[0]
        for r in gold.execute(
            """SELECT rowid FROM provisions_fts WHERE provisions_fts MATCH ?
               ORDER BY bm25(provisions_fts, 1.0, 0.0), rowid""",
            (f"text : ({words.expression(WORDS)})",),
        )
    ]
    page = query.search.search(gold, wanted, Window(4, offset)).hits.items
    assert [hit.provision_id for hit in page] == ranked[offset : offset + 4]
    assert page == _all(gold, wanted)[offset : offset + 4]


def test_past_the_ranked_matches_the_older_follow_newest_first(gold: sqlite3.Connection, monkeypatch: Any) -> None:
    wanted = Filters(text=WORDS)
    scores = {
        r[0]: r[1]
        for r in gold.execute(
            "SELECT rowid, bm25(provisions_fts, 1.0, 0.0) FROM provisions_fts WHERE provisions_fts MATCH ?",
            (f"text : ({words.expression(WORDS)})",),
        )
    }
    newest = sorted(scores, reverse=True)
    monkeypatch.setattr(query.search, "RANKED", 6)
    expected = sorted(newest[:6], key=lambda pid: (scores[pid], pid)) + newest[6:]
    every = _all(gold, wanted)
    assert [hit.provision_id for hit in every] == expected and len(expected) > 12
    for offset in (0, 3, 5, 6, 11):
        page = query.search.search(gold, wanted, Window(4, offset))
        assert page.hits.items == every[offset : offset + 4] and page.ranked == 6
    assert query.search.search(gold, Filters(text="hợp")).ranked is None  # three matches
    checked = Filters(text=WORDS, language="nb")
    assert query.search.search(gold, checked).ranked == 6
    nb = [hit.provision_id for hit in _all(gold, checked)]
    kept = [pid for pid in newest if pid in set(nb)]
    assert nb == sorted(kept[:6], key=lambda pid: (scores[pid], pid)) + kept[6:]
    assert query.search.search(gold, wanted, Window(4, 2)).hits.items == every[2:6]


def test_a_date_range_finds_the_same_whether_its_years_are_matched_in_the_index_or_not(
    gold: sqlite3.Connection, monkeypatch: Any
) -> None:
    for since, until in (("2024", None), ("2025-05", None), (None, "2024-12"), ("2020-01-15", "2025-08")):
        wanted = Filters(text=WORDS, since=since, until=until)
        in_index = query.search.search(gold, wanted, Window(50))
        monkeypatch.setattr(query.search, "YEAR_TOKENS", 0)
        on_rows = query.search.search(gold, wanted, Window(50))
        monkeypatch.undo()
        assert on_rows == in_index
        assert all((since or "") <= hit.date[: len(since or "")] for hit in in_index.hits.items if hit.date)
    assert query.search.search(gold, Filters(text=WORDS, since="2025-05")).hits.total > 0
