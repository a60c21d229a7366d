"""The web app keeps a search's counts until the register changes, and keeps a bounded number of answers."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from pathlib import Path
from typing import Any

from store.store_fixtures import gold_records

from accords.store import connect, query, store_record
from accords.store.query import Filters, Window
from accords.web import memo
from accords.web.memo import Memo


def test_a_searchs_counts_are_kept_for_its_later_pages_until_a_document_is_added(tmp_path: Path) -> None:
    conn = connect(tmp_path / "r.db", create=True)
    records = gold_records()
    for record in records[1:]:
        store_record(conn, record)
    kept = Memo()
    computed: list[Hashable] = []

    def keep(key: Hashable, compute: Callable[[], Any]) -> Any:
        return kept.get(conn, key, lambda: computed.append(key) or compute())

    wanted = Filters(text="cooperation")
    first = query.search.search(conn, wanted, Window(2), keep=keep)
    second = query.search.search(conn, wanted, Window(2, 2), keep=keep)
    assert len(computed) == 1 and first.facets == second.facets and first.hits.total == second.hits.total
    assert first == query.search.search(conn, wanted, Window(2))
    store_record(conn, records[0])
    third = query.search.search(conn, wanted, Window(2), keep=keep)
    assert len(computed) == 2 and third == query.search.search(conn, wanted, Window(2))
    assert third.hits.total > first.hits.total


def test_the_memo_drops_its_oldest_answer_past_its_bound(tmp_path: Path, monkeypatch: Any) -> None:
    conn = connect(tmp_path / "r.db", create=True)
    monkeypatch.setattr(memo, "MAX_ANSWERS", 3)
    kept = Memo()
    for n in range(5):
        kept.get(conn, n, lambda n=n: n)
    assert kept.get(conn, 4, lambda: -1) == 4 and kept.get(conn, 0, lambda: -1) == -1
