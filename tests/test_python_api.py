"""The Python API: `accords.read` and `accords.Register`, as a notebook uses them, on real files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from store.store_fixtures import gold_records

import accords
from accords.cli import main
from accords.errors import NotFound, QueryError

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


def test_read_takes_a_path_or_a_text() -> None:
    path = SAMPLES / "en_joint_statement_au_ph.txt"
    from_path = accords.read(path)
    assert from_path.parties == ["AU", "PH"] and from_path.source.file == path.name
    assert accords.read(str(path)) == from_path
    from_text = accords.read(path.read_text(encoding="utf-8"), name="pasted.txt")
    assert from_text.id == from_path.id and from_text.source.file == "pasted.txt"


@pytest.fixture
def register(tmp_path: Path) -> accords.Register:
    reg = accords.Register(tmp_path / "r.db", create=True)
    for record in gold_records():
        assert reg.add(record).status == "stored"
    return reg


def test_register_answers_the_cli_questions_with_the_same_filters(
    register: accords.Register, tmp_path: Path
) -> None:
    mine = register.commitments(country="KR", domain="trade")
    cli = CliRunner().invoke(
        main,
        [
            "commitments",
            "--country",
            "KR",
            "--domain",
            "trade",
            "--format",
            "json",
            "--db",
            str(register.path),
        ],
    )
    assert [c.id for c in mine] == [c["id"] for c in json.loads(cli.stdout)]
    hits = register.search("kjernekraft", country="RU", domain="energy", modality="commit", since="2025")
    assert [h.number for h in hits.hits] == ["9"]
    assert [p.country for p in register.partners(of="VN")] == ["KP", "KR", "KZ", "RU"]
    assert register.timeline("KR")[0].kind == "relations"
    assert register.compare(["KR", "RU"], domain="energy").totals["KR"] >= 1
    assert register.targets(due_before="2031", parties=["VN", "KR"]).total >= 1
    assert register.document("bcb47e").record.id == "bcb47e26353bfc80"


def test_every_answer_converts_to_pandas_and_arrow(register: accords.Register) -> None:
    frame = register.commitments(parties=["VN", "KR"]).to_pandas()
    assert len(frame) > 0 and {"id", "status", "domains", "text"} <= set(frame.columns)
    assert register.search("energi").to_arrow().num_rows > 0
    assert register.targets().to_pandas()["unit"].notna().all()
    assert register.documents(since="2025").to_arrow().num_rows == 5


def test_mistakes_are_typed_errors(register: accords.Register) -> None:
    with pytest.raises(QueryError, match="unknown domain"):
        register.commitments(domain="cooking")
    with pytest.raises(NotFound):
        register.commitment(10**30)


def test_import_accords_stays_light() -> None:
    code = "import sys, accords; print('accords.extract' in sys.modules, accords.__version__)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split()[0] == "False"
