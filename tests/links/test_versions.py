"""Language versions: one statement in English and German with a slip planted in a place name, a
number and a modality; each slip is found, and nothing else, and documents that are not versions
of one text are not compared."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from click.testing import CliRunner

from accords.cli import main
from accords.errors import QueryError
from accords.links.versions import Disagreement, numbers_in
from accords.model import Provision
from accords.store import connect, query
from accords.store.ingest import ingest_path

DATA = Path(__file__).resolve().parents[1] / "data" / "links"
REPO = Path(__file__).resolve().parents[2]
EN, DE = DATA / "no_vn_2024_statement_en.txt", DATA / "no_vn_2024_statement_de.txt"

PLANTED = [
    ("1", Disagreement("place", "Hanoi", "Ho Chi Minh City")),
    ("2", Disagreement("number", "2", "3")),
    ("3", Disagreement("modality", "commit", "explore")),
]


def test_the_planted_slips_and_nothing_else(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    conn = connect(db, create=True)
    for path in (EN, DE):
        ingest_path(conn, str(path))
    found = query.versions.diff(conn, EN.name, DE.name)
    assert (found.first.language, found.second.language) == ("en", "de")
    assert [r.number for r in found.rows] == [None, "1", "2", "3", "4"]
    assert [(r.number, d) for r in found.rows for d in r.disagreements] == PLANTED
    reverse = query.versions.diff(conn, DE.name, EN.name)
    assert [(r.number, d.kind, d.second, d.first) for r in reverse.rows for d in r.disagreements] == [
        (n, d.kind, d.first, d.second) for n, d in PLANTED
    ]
    with pytest.raises(QueryError, match="not versions of one text"):
        ingest_path(conn, str(DATA / "no_vn_2025_de.txt"))
        query.versions.diff(conn, EN.name, "no_vn_2025_de.txt")
    conn.close()

    shown = CliRunner().invoke(main, ["diff", EN.name, DE.name, "--db", str(db), "--format", "json"])
    assert shown.exit_code == 0, shown.output
    assert shown.output.count('"kind"') == 3
    refused = CliRunner().invoke(main, ["diff", EN.name, "no_vn_2025_de.txt", "--db", str(db)])
    assert refused.exit_code == 1 and refused.output.startswith("Error: no_vn_2024_statement_en.txt and")


def test_no_seed_or_sample_pair_is_taken_for_versions(tmp_path: Path) -> None:
    """Reports of one event in the seeds are separate texts, not translations: none is compared."""
    conn = connect(tmp_path / "r.db", create=True)
    folders = (REPO.parent / "shared" / "seeds", REPO / "samples", REPO / "tests" / "data" / "en")
    for path in sorted(p for folder in folders for p in folder.iterdir() if p.is_file()):
        ingest_path(conn, str(path))
    ids = [r[0] for r in conn.execute("SELECT id FROM documents")]
    compared = 0
    for a, b in itertools.combinations(ids, 2):
        try:
            query.versions.diff(conn, a, b)
            compared += 1
        except QueryError:
            pass
    assert compared == 0
    conn.close()


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("3. Trade of USD 1,500 million and 1.5 billion by 2030.", {"1500", "1.5", "2030"}),
        ("3. Handel von 1.500 Millionen und 1,5 Milliarden bis 2030.", {"1500", "1.5", "2030"}),
        ("vom 8. bis 10. Oktober 2024", {"8", "10", "2024"}),
    ],
)
def test_numbers_are_compared_as_values_whatever_the_separators(text: str, values: set[str]) -> None:
    assert numbers_in(Provision(span=(0, 1), text=text)) == values
