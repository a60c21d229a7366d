"""The pairs' summaries kept at ingest answer exactly what the documents' rows answer when counted.

A register of the samples, the seeds, the test documents and the gold records, each document also
stored a second time under another id (a second report of the same event, which repeats its
commitments), is counted both ways: from the summary tables, as partners, compare and the heat map
now read it, and directly from the documents and provisions, as they were read before. The same
register upgraded from schema 3 (summaries filled by the migration) answers the same again.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from accords.read import read_source
from accords.store import connect, excerpts, query, store_record
from accords.store.ingest import extract
from accords.store.labels import COMMITMENT_MODALITIES
from accords.store.query import Filters
from store.store_fixtures import LINKING_TABLES, REPO, SEEDS, gold_records

COUNTED = "p.id NOT IN (SELECT provision_id FROM repeats)"

DIRECT_PARTNERS = f"""
WITH pair AS (
    SELECT f.country AS side, x.country AS partner, d.id, d.date, d.level, d.level_since, d.upgraded,
           d.event_start, d.relations_since,
           (SELECT COUNT(*) FROM provisions p WHERE p.document_id = d.id
            AND p.modality IN ('commit', 'support', 'explore') AND {COUNTED}) AS commitments
    FROM document_countries f
         JOIN document_countries x ON x.document_id = f.document_id AND x.role = 'party' AND x.country != f.country
         JOIN documents d ON d.id = f.document_id
    WHERE f.role = 'party' AND f.country < x.country
),
latest AS (
    SELECT side, partner, level FROM (
        SELECT side, partner, level,
               ROW_NUMBER() OVER (PARTITION BY side, partner ORDER BY date DESC, id DESC) AS n
        FROM pair WHERE level IS NOT NULL AND level != 'none') WHERE n = 1
),
since AS (
    SELECT side, partner, level, level_since FROM (
        SELECT side, partner, level, level_since,
               ROW_NUMBER() OVER (PARTITION BY side, partner, level ORDER BY date DESC, id DESC) AS n
        FROM pair WHERE level_since IS NOT NULL) WHERE n = 1
)
SELECT pair.side, pair.partner, latest.level, since.level_since AS since,
       MAX(CASE WHEN pair.upgraded THEN COALESCE(pair.event_start, pair.date) END) AS upgraded,
       MIN(pair.relations_since) AS relations_since, COUNT(*) AS documents,
       SUM(pair.commitments) AS commitments, MIN(pair.date) AS first, MAX(pair.date) AS last
FROM pair LEFT JOIN latest ON latest.side = pair.side AND latest.partner = pair.partner
          LEFT JOIN since ON since.side = pair.side AND since.partner = pair.partner AND since.level = latest.level
GROUP BY pair.side, pair.partner ORDER BY pair.side, pair.partner
"""
"""Where every pair stands, counted from the documents (the query partners ran before the summaries)."""

DIRECT_CELLS = f"""
SELECT pd.domain, p.modality, p.id, d.date
FROM document_countries f
     JOIN document_countries x ON x.document_id = f.document_id AND x.role = 'party' AND x.country = ?
     JOIN documents d ON d.id = f.document_id
     JOIN provisions p ON p.document_id = d.id
     JOIN provision_domains pd ON pd.provision_id = p.id
WHERE f.role = 'party' AND f.country = ? AND p.modality IS NOT NULL AND {COUNTED}
ORDER BY pd.domain, p.modality, d.date DESC, p.id DESC
"""


@pytest.fixture(scope="module")
def register(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    path = tmp_path_factory.mktemp("pairs") / "register.db"
    files = sorted(SEEDS.glob("*.txt")) + sorted(
        p for folder in ("samples", "tests/data/en", "tests/data/links") for p in (REPO / folder).glob("*.*")
    )
    records = [extract(read_source(str(file))) for file in files] + gold_records()
    conn = connect(path, create=True)
    for again in (False, True):
        for record in records:
            copy = record.model_copy(update={"id": ("again" if again else "") + record.id})
            assert store_record(conn, copy)
    conn.close()
    yield path


def _answers(conn: sqlite3.Connection) -> dict[str, object]:
    """Everything the summaries answer: every pair from each side, the heat map, compare's cells and totals."""
    pairs = query.partners.partners(conn).items
    states = sorted({p.of for p in pairs} | {p.country for p in pairs})
    found: dict[str, object] = {"pairs": pairs, "heat": query.partners.heat_map(conn)}
    for state in states:
        mine = query.partners.partners(conn, of=state).items
        found[f"of {state}"] = mine
        found[f"heat {state}"] = query.partners.heat_map(conn, of=state)
        for one in mine:
            compared = query.compare.compare(conn, [one.country], of=state, per_cell=3)
            found[f"compare {state} {one.country}"] = compared
            found[f"by domain {state} {one.country}"] = query.partners.by_domain(conn, one.country, of=state)
    return found


def test_the_summaries_count_what_the_documents_hold(register: Path) -> None:
    conn = connect(register)
    direct = [tuple(r) for r in conn.execute(DIRECT_PARTNERS)]
    summed = [
        (
            p.of,
            p.country,
            p.level,
            p.since,
            p.upgraded,
            p.relations_since,
            p.documents,
            p.commitments,
            p.first,
            p.last,
        )
        for p in query.partners.partners(conn).items
    ]
    assert summed == direct and len(direct) > 10
    assert conn.execute("SELECT COUNT(*) FROM repeats").fetchone()[0] > 50
    for p in query.partners.partners(conn).items:
        for side, other in ((p.of, p.country), (p.country, p.of)):
            cells: dict[tuple[str, str], list[tuple[int, str | None]]] = {}
            for r in conn.execute(DIRECT_CELLS, (other, side)):
                cells.setdefault((r["domain"], r["modality"]), []).append((r["id"], r["date"]))
            compared = query.compare.compare(conn, [other], of=side, per_cell=2)
            shown = {
                (row.domain, row.modality): row.cells[other] for row in compared.rows if row.cells[other]
            }
            assert {key: [(a.provision_id, a.date) for a in found] for key, found in shown.items()} == {
                key: found[:2] for key, found in cells.items() if key[1] != "narrative"
            }
            assert all(found[0].cell_size == len(cells[key]) for key, found in shown.items())
            commitments = sum(len(found) for key, found in cells.items() if key[1] in COMMITMENT_MODALITIES)
            assert (
                sum(query.partners.by_domain(conn, other, of=side).get(d, {}).get(m, 0) for d, m in cells)
                == commitments
            )
            assert compared.totals[other] == p.commitments
            assert (
                query.commitments.commitments(conn, Filters(parties=(side, other))).total
                == p.commitments
            )
    conn.close()


def test_an_older_register_is_summed_up_when_upgraded(register: Path, tmp_path: Path) -> None:
    conn = connect(register)
    expected = _answers(conn)
    conn.close()
    older = tmp_path / "older.db"
    shutil.copy(register, older)
    raw = sqlite3.connect(older)
    for table in ("pair_provisions", "pair_cells", "pair_levels", "pairs", "repeats", *LINKING_TABLES):
        raw.execute(f"DROP TABLE {table}")
    raw.execute("DROP INDEX targets_document")
    raw.execute("ALTER TABLE targets DROP COLUMN document_id")
    raw.execute("PRAGMA user_version = 3")
    raw.commit()
    raw.close()
    upgraded = connect(older)
    assert _answers(upgraded) == expected
    assert query.targets.targets(upgraded, Filters(parties=("VN",))) == query.targets.targets(
        connect(register), Filters(parties=("VN",))
    )
    upgraded.close()


def test_partners_and_compare_read_the_summaries_not_every_document(register: Path) -> None:
    conn = connect(register)
    sql, params = query.partners._sides("VN")
    plan = " ".join(r["detail"] for r in conn.execute(f"EXPLAIN QUERY PLAN {sql}", params))
    assert "pairs" in plan and "documents" not in plan and "document_countries" not in plan
    conn.close()


def _plans(conn: sqlite3.Connection, ask: Callable[[], object]) -> list[str]:
    """The query plan of every statement `ask` runs (SQLite gives the statements with their values)."""
    ran: list[str] = []
    conn.set_trace_callback(ran.append)
    ask()
    conn.set_trace_callback(None)
    return [" ".join(r["detail"] for r in conn.execute(f"EXPLAIN QUERY PLAN {sql}")) for sql in ran]


def test_a_states_targets_are_read_from_its_documents_not_their_every_provision(register: Path) -> None:
    conn = connect(register)
    plans = _plans(conn, lambda: query.targets.targets(conn, Filters(parties=("KR",)), due_before="2031"))
    assert len(plans) >= 2 and all("targets_document" in plan for plan in plans[-2:])
    assert not any("provisions_document" in plan or "SCAN p" in plan for plan in plans)
    conn.close()


def _direct_compare(
    conn: sqlite3.Connection, of: str | None, partners: list[str], domain: str | None, per_cell: int
) -> dict[tuple[str, str, str], list[tuple[object, ...]]]:
    """What compare should show, asked one provision at a time: (partner, domain, modality) -> the
    latest `per_cell` provisions of the cell with their document, words, status, sources and the
    cell's size."""
    cells: dict[tuple[str, str, str], list[int]] = {}
    for partner in partners:
        documents = [
            r[0]
            for r in conn.execute(
                "SELECT document_id FROM document_countries WHERE role = 'party' AND country = ?", (partner,)
            )
            if of is None
            or conn.execute(
                "SELECT 1 FROM document_countries WHERE document_id = ? AND role = 'party' AND country = ?",
                (r[0], of),
            ).fetchone()
        ]
        listed = []
        for document in documents:
            date = conn.execute("SELECT date FROM documents WHERE id = ?", (document,)).fetchone()[0]
            for p in conn.execute(
                f"""SELECT p.id, p.modality, pd.domain FROM provisions p
                    JOIN provision_domains pd ON pd.provision_id = p.id
                    WHERE p.document_id = ? AND p.modality != 'narrative' AND {COUNTED}""",
                (document,),
            ):
                if domain is None or p["domain"] == domain:
                    listed.append((date or "", p["id"], p["domain"], p["modality"]))
        for date, pid, cell_domain, modality in sorted(listed, reverse=True):
            cells.setdefault((partner, cell_domain, modality), []).append(pid)
    shown: dict[tuple[str, str, str], list[tuple[object, ...]]] = {}
    for (partner, cell_domain, modality), ids in cells.items():
        for pid in ids[:per_cell]:
            p = conn.execute("SELECT * FROM provisions WHERE id = ?", (pid,)).fetchone()
            cue = conn.execute(
                """SELECT span_start, span_end, cue FROM evidence WHERE provision_id = ? AND field = 'domains'
                   AND value = ? ORDER BY span_start, id LIMIT 1""",
                (pid, cell_domain),
            ).fetchone()
            offset = cue["span_start"] - p["span_start"] if cue else None
            words = (cue["cue"] or p["text"][offset : cue["span_end"] - p["span_start"]]) if cue else None
            changes = conn.execute(
                "SELECT status FROM status_changes WHERE provision_id = ? ORDER BY date DESC, id DESC", (pid,)
            ).fetchall()
            status = (changes[0][0] if changes else "open") if modality in COMMITMENT_MODALITIES else None
            repeated_in = conn.execute(
                "SELECT q.document_id FROM repeats r JOIN provisions q ON q.id = r.provision_id WHERE r.first_id = ?",
                (pid,),
            ).fetchall()
            shown.setdefault((partner, cell_domain, modality), []).append(
                (
                    pid,
                    p["document_id"],
                    p["number"],
                    excerpts.cue_excerpt(p["text"], offset, words),
                    status,
                    sorted([p["document_id"], *(r[0] for r in repeated_in)]),
                    len(ids),
                )
            )
    return shown


def test_compare_shows_what_each_provision_asked_alone_shows(register: Path, tmp_path: Path) -> None:
    """Compare reads its cells from the summaries and the words, status and sources of all their
    provisions in one statement; a provision asked for alone gives the same, for every domain and one."""
    copy = tmp_path / "statuses.db"
    shutil.copy(register, copy)
    conn = connect(copy)
    ids = [r[0] for r in conn.execute("SELECT id FROM provisions WHERE modality = 'commit' ORDER BY id")]
    for n, pid in enumerate(ids[::3]):
        query.commitments.set_status(conn, pid, ("in_progress", "fulfilled", "lapsed")[n % 3], on="2024-01-02")
        if n % 2:
            query.commitments.set_status(conn, pid, "dropped", on="2023-05-06")
    pairs = sorted(query.partners.partners(conn, of="VN").items, key=lambda p: -p.commitments)
    partners = [p.country for p in pairs[:3]]
    assert len(partners) == 3
    asked = 0
    for of, domain, per_cell in (("VN", None, 5), ("VN", "trade", 2), (None, None, 3), (None, "energy", 4)):
        compared = query.compare.compare(conn, partners, domain=domain, of=of, per_cell=per_cell)
        shown = {
            (partner, row.domain, row.modality): [
                (a.provision_id, a.document_id, a.number, a.words, a.status, a.sources, a.cell_size)
                for a in row.cells[partner]
            ]
            for row in compared.rows
            for partner in compared.countries
            if row.cells[partner]
        }
        assert list(compared.rows[0].cells) == compared.countries
        assert compared.totals == {
            partner: query.commitments.commitments(
                conn, Filters(parties=(partner, of) if of else (partner,), domain=domain)
            ).total
            for partner in partners
        }
        assert shown == _direct_compare(conn, of, partners, domain, per_cell)
        asked += len(shown)
    assert asked > 40
    assert any(len(a.sources) > 1 for a in compared.agreed())
    assert {a.status for a in query.compare.compare(conn, partners, of="VN").agreed()} >= {
        "open", "in_progress", "fulfilled", "lapsed", None
    }
    conn.close()
