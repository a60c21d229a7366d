"""Measurements: figures already reached, in each language the issue names, never targets; and
each target measured against the readings of the same parties, metric and unit."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from accords import lang
from accords.cli import main
from accords.extract.measurements import measurements_of
from accords.model import Measurement
from accords.store import connect, query
from accords.store.ingest import ingest_path

DATA = Path(__file__).resolve().parents[1] / "data" / "links"
REPO = Path(__file__).resolve().parents[2]
TRADE = "bilateral trade turnover"


@pytest.mark.parametrize(
    ("code", "text", "expected"),
    [
        ("en", "Two-way trade reached USD 86 billion in 2024, and the two sides agreed to raise it to USD 150 billion by 2030.",
         [Measurement(metric=TRADE, amount=86e9, unit="USD", year=2024)]),
        ("de", "Das bilaterale Handelsvolumen erreichte 2023 rund 12 Milliarden Euro.",
         [Measurement(metric=TRADE, amount=12e9, unit="EUR", year=2023)]),
        ("vi", "Kim ngạch thương mại hai chiều đã đạt 86 tỷ USD trong năm 2024.",
         [Measurement(metric=TRADE, amount=86e9, unit="USD", year=2024)]),
        ("ru", "В 2024 году товарооборот составил 240 млрд долларов.",
         [Measurement(metric=TRADE, amount=240e9, unit="USD", year=2024)]),
        ("de", "Die Seiten begrüßten, dass der Austausch 2017 ein Handelsvolumen von rund 100 Milliarden Euro erreichte.",
         [Measurement(metric=TRADE, amount=100e9, unit="EUR", year=2017)]),
        ("en", "Relations were upgraded in 2013, with bilateral trade reaching USD 9 billion last year.",
         [Measurement(metric=TRADE, amount=9e9, unit="USD", year=None)]),
        ("en", "The two sides agreed to raise bilateral trade to USD 2 billion by 2030.", []),
        ("en", "Australia has provided $50 million to the programme so far.", []),
    ],
    ids=["en", "de", "vi", "ru", "de verb last", "year of another clause", "a target", "no metric"],
)
def test_figures_reached_are_measurements_and_targets_are_not(code: str, text: str, expected: list[Measurement]) -> None:
    assert measurements_of(lang.load(code), text) == expected


def test_each_target_is_measured_against_the_pairs_readings(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    conn = connect(db, create=True)
    for name in ("no_vn_2023_en.txt", "no_vn_2025_de.txt", "no_vn_2025_report_en.txt"):
        ingest_path(conn, str(DATA / name))
    readings = conn.execute("SELECT metric, amount, unit, year FROM measurements ORDER BY year").fetchall()
    assert [tuple(r) for r in readings] == [(TRADE, 1.2e9, "USD", 2023), (TRADE, 1.5e9, "USD", 2024)]
    assert conn.execute("SELECT COUNT(*) FROM targets").fetchone()[0] == 2
    found = {t.year: query.progress.progress(conn, t) for t in query.targets.targets(conn).items}
    # 0.3 billion a year from 1.5 billion in 2024: 3.3 billion by 2030 (target 2), 2.7 by 2028 (target 3).
    by_2030, by_2028 = found[2030], found[2028]
    assert [r.year for r in by_2030.readings] == [2023, 2024]
    assert by_2030.share == pytest.approx(0.75) and by_2030.on_track is True
    assert by_2030.projected == pytest.approx(3.3e9)
    assert by_2028.share == pytest.approx(0.5) and by_2028.on_track is False
    conn.close()

    shown = CliRunner().invoke(main, ["targets", "--db", str(db), "--format", "json"])
    assert shown.exit_code == 0, shown.output
    assert '"on_track": false' in shown.output and '"on_track": true' in shown.output


def test_a_target_is_measured_only_against_its_own_pairs_readings_of_its_metric(tmp_path: Path) -> None:
    conn = connect(tmp_path / "r.db", create=True)
    ingest_path(conn, str(DATA / "no_vn_2025_report_en.txt"))
    ingest_path(conn, str(REPO / "tests" / "data" / "en" / "en_03_br_kz_joint_statement.txt"))
    found = {(t.metric, t.amount): query.progress.progress(conn, t) for t in query.targets.targets(conn).items}
    assert [r.amount for r in found.pop((TRADE, 1e9)).readings] == [450e6]
    assert found and all(not p.readings for p in found.values())
    conn.close()
