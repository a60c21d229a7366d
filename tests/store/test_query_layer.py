"""The one query layer: filters, windows and answers shared by every caller, and nothing else with SQL."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pyarrow as pa
import pytest

from accords.errors import NotFound, QueryError
from accords.store import query
from accords.store.query import Filters, Window

SRC = Path(__file__).resolve().parents[2] / "src" / "accords"
_SQL = re.compile(r"\b(SELECT|INSERT|UPDATE|DELETE)\b[^\"']*\b(FROM|INTO|SET)\b")


def test_only_the_store_writes_sql() -> None:
    outside = [
        path.relative_to(SRC).as_posix()
        for folder in ("web", "cli")
        for path in (SRC / folder).rglob("*.py")
        if _SQL.search(path.read_text(encoding="utf-8"))
    ]
    assert outside == []
    assert not (SRC / "store" / "queries.py").exists() and not (SRC / "web" / "data.py").exists()


def test_one_filter_narrows_every_list_the_same_way(gold: sqlite3.Connection) -> None:
    kr = Filters(parties=("KR",), since="2025-08", until="2025-08")
    documents = query.documents.documents(gold, kr)
    assert documents.total == 2 and all("KR" in d.parties for d in documents)
    commitments = query.commitments.commitments(gold, Filters(parties=("KR",), domain="trade"), Window(None))
    dated = query.commitments.commitments(gold, Filters(parties=("KR",), domain="trade", until="2024"))
    assert commitments.total > 0 and dated.total == 0
    targets = query.targets.targets(gold, Filters(parties=("VN", "KR")))
    assert targets.total and all(set(t.parties) == {"KR", "VN"} for t in targets)
    assert query.targets.targets(gold, Filters(parties=("VN", "KR"), since="2026")).total == 0


def test_a_question_refuses_filters_it_cannot_apply(gold: sqlite3.Connection) -> None:
    with pytest.raises(QueryError, match="documents cannot be narrowed by domain"):
        query.documents.documents(gold, Filters(domain="energy"))
    with pytest.raises(QueryError, match="ends before it begins"):
        query.documents.documents(gold, Filters(since="2025", until="2024-12"))


@pytest.mark.parametrize(
    "window",
    [Window(50, 10**20), Window(50, -1), Window(0, 0), Window(10**19, 0)],
)
def test_numbers_out_of_range_are_a_query_error_not_an_overflow(
    gold: sqlite3.Connection, window: Window
) -> None:
    with pytest.raises(QueryError, match="bad (limit|offset)"):
        query.documents.documents(gold, window=window)


@pytest.mark.parametrize("huge", [10**20, 2**63, 0, -5])
def test_ids_no_row_can_have_are_not_found(gold: sqlite3.Connection, huge: int) -> None:
    with pytest.raises(NotFound):
        query.documents.provision(gold, huge)
    with pytest.raises(NotFound):
        query.commitments.commitment(gold, huge)


def test_page_numbers_are_checked() -> None:
    with pytest.raises(QueryError, match="bad page"):
        Window.page(10**20, 20)
    assert Window.page(3, 20) == Window(20, 40)


def test_answers_convert_to_arrow_and_pandas(gold: sqlite3.Connection) -> None:
    page = query.commitments.commitments(gold, Filters(parties=("KR",)), Window(None))
    table = page.to_arrow()
    assert isinstance(table, pa.Table) and table.num_rows == len(page) == page.total
    assert {"id", "status", "domains", "history"} <= set(table.column_names)
    frame = page.to_pandas()
    assert list(frame["id"]) == [c.id for c in page]
    comparison = query.compare.compare(gold, ["KR", "RU"], domain="energy")
    assert comparison.to_arrow().num_rows == len(comparison.agreed())
    assert query.partners.partners(gold, of="VN").to_pandas()["country"].tolist() == ["KP", "KR", "KZ", "RU"]


def test_status_dates_out_of_a_sane_range_are_refused(gold: sqlite3.Connection) -> None:
    commitment = query.commitments.commitments(gold, window=Window(1)).items[0].id
    for day in ("1800-01-01", "0001-01-01", "2099-01-01", "9999-12-31"):
        with pytest.raises(QueryError, match="out of range"):
            query.commitments.set_status(gold, commitment, "fulfilled", on=day)
    assert gold.execute("SELECT COUNT(*) FROM status_changes").fetchone()[0] == 0


def test_partners_heat_map_compare_and_register_count_commitments_alike(gold: sqlite3.Connection) -> None:
    found = {p.country: p.commitments for p in query.partners.partners(gold, of="VN")}
    heat = {row.country: row.total for row in query.partners.heat_map(gold, of="VN").rows}
    comparison = query.compare.compare(gold, list(found), of="VN")
    for code, n in found.items():
        register = query.commitments.commitments(gold, Filters(parties=("VN", code)), Window(1)).total
        assert n == heat.get(code, 0) == comparison.totals[code] == register, code


def test_no_home_side_is_built_in(gold: sqlite3.Connection) -> None:
    pairs = query.partners.partners(gold)
    assert [(p.of, p.country) for p in pairs] == [("KP", "VN"), ("KR", "VN"), ("KZ", "VN"), ("RU", "VN")]
    assert {(row.of, row.country) for row in query.partners.heat_map(gold).rows} <= {
        (p.of, p.country) for p in pairs
    }
    assert query.overview.overview(gold).home is None and query.overview.overview(gold).pairs == 4
    kr = query.countries.country(gold, "KR")
    assert [(p.of, p.country) for p in kr.pairs] == [("KR", "VN")] and kr.pair is None
    assert query.countries.country(gold, "KR", of="VN").pair is not None
    vn = query.countries.country(gold, "VN")
    assert [p.country for p in vn.pairs] == ["KP", "KR", "KZ", "RU"]
    with pytest.raises(NotFound):
        query.countries.country(gold, "JP")
