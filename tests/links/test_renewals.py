"""Renewals: a later statement between the same two states, in another language, renews, strengthens
and adds commitments; each is found, and nothing else, whichever document is stored first."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from accords.cli import main
from accords.links.renewals import renewal, same_commitment
from accords.model import Provision, Target
from accords.store import connect, query
from accords.store.ingest import ingest_path

DATA = Path(__file__).resolve().parents[1] / "data" / "links"
EARLIER, LATER = DATA / "no_vn_2023_en.txt", DATA / "no_vn_2025_de.txt"
SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"
SAMPLES = [Path(__file__).resolve().parents[1] / "data" / "en", Path(__file__).resolve().parents[2] / "samples"]

EXPECTED = {
    # later provision number: (earlier provision number, change)
    "1": ("1", "strengthened"),  # USD 2 billion by 2030 -> USD 3 billion by 2028
    "2": ("2", "strengthened"),  # study an FTA with EFTA -> conclude the negotiations
    "3": ("3", "repeated"),  # offshore wind within IRENA
    "4": (None, "new"),  # education: not in the earlier statement
}


def _links(conn: sqlite3.Connection) -> dict[str | None, tuple[str | None, str]]:
    rows = conn.execute(
        """SELECT p.number, e.number AS earlier, r.change FROM renewals r JOIN provisions p ON p.id = r.provision_id
           LEFT JOIN provisions e ON e.id = r.earlier_id"""
    ).fetchall()
    return {r["number"]: (r["earlier"], r["change"]) for r in rows}


@pytest.mark.parametrize("order", [(EARLIER, LATER), (LATER, EARLIER)], ids=["in order", "later first"])
def test_a_later_statement_in_another_language_renews_strengthens_and_adds(tmp_path: Path, order: tuple[Path, Path]) -> None:
    conn = connect(tmp_path / "r.db", create=True)
    for path in order:
        ingest_path(conn, str(path))
    assert _links(conn) == EXPECTED
    trade = conn.execute("SELECT reasons FROM renewals WHERE reasons LIKE '%USD%'").fetchone()[0]
    assert trade == "bilateral trade turnover 2 billion → 3 billion USD; bilateral trade turnover by 2030 → by 2028"
    conn.close()


def test_history_shows_the_line_and_the_pair_shows_what_is_new(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    conn = connect(db, create=True)
    for path in (EARLIER, LATER):
        ingest_path(conn, str(path))
    later_trade = conn.execute(
        "SELECT r.provision_id FROM renewals r JOIN provisions p ON p.id = r.provision_id WHERE p.number = '1'"
    ).fetchone()[0]
    line = query.renewals.line(conn, later_trade)
    assert [(m.language, m.number, m.change) for m in line] == [("en", "1", None), ("de", "1", "strengthened")]
    assert query.renewals.line(conn, line[0].id) == line
    latest = query.renewals.latest_changes(conn, ["VN", "NO"])
    assert latest is not None and latest.document_id == line[1].document_id and latest.parties == ["NO", "VN"]
    assert [(c.number, c.change) for c in latest.changes] == [(n, change) for n, (_, change) in EXPECTED.items()]
    assert query.renewals.latest_changes(conn, ["VN", "DE"]) is None
    conn.close()

    result = CliRunner().invoke(main, ["history", str(later_trade), "--db", str(db), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert '"change": "strengthened"' in result.output
    missing = CliRunner().invoke(main, ["history", "99999", "--db", str(db)])
    assert missing.exit_code == 1 and missing.output.strip() == "Error: no commitment 99999 in the register"


def test_the_seeds_and_samples_renew_nothing(tmp_path: Path) -> None:
    """Every seed and sample is between a different pair of states, so no provision may be linked."""
    conn = connect(tmp_path / "r.db", create=True)
    for path in sorted([*SEEDS.glob("*.txt"), *(p for folder in SAMPLES for p in folder.iterdir() if p.is_file())]):
        ingest_path(conn, str(path))
    assert conn.execute("SELECT COUNT(*) FROM renewals").fetchone()[0] == 0
    conn.close()


def _provision(text: str, modality: str, language: str = "en", **kw: object) -> Provision:
    return Provision(span=(0, len(text)), text=text, modality=modality, language=language, **kw)  # type: ignore[arg-type]


def test_a_lower_target_or_a_later_deadline_weakens_and_both_ways_is_changed() -> None:
    old = _provision("trade", "commit", domains=["trade"], targets=[Target(metric="trade", amount=5e9, unit="USD", year=2030)])
    lower = _provision("trade", "commit", domains=["trade"], targets=[Target(metric="trade", amount=4e9, unit="USD", year=2030)])
    later_higher = _provision("trade", "commit", domains=["trade"], targets=[Target(metric="trade", amount=6e9, unit="USD", year=2032)])
    assert renewal(old, lower).change == "weakened"
    assert renewal(old, later_higher).change == "changed"
    assert renewal(old, _provision("trade", "explore", domains=["trade"])).change == "weakened"


def test_the_same_words_in_one_language_match_and_in_two_do_not() -> None:
    en = _provision("The two sides agreed to expand cooperation in vocational training and higher education.", "commit", domains=["education"])
    again = _provision("Both sides agreed to expand cooperation in vocational training and higher education.", "support", domains=["education"])
    other = _provision("The two sides agreed to expand cooperation in maritime security and coast guards.", "commit", domains=["security"])
    assert same_commitment(en, again)
    assert not same_commitment(en, other)
    assert not same_commitment(en, again.model_copy(update={"language": "nb"}))
