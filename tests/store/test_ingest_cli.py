"""The register's commands end to end, on real register files.

The first half asks the commands questions of a register filled with the gold records, so it tests
the commands whatever the state of extraction. The second half runs `accords ingest` on the seed
documents in ../shared/seeds through the real pipeline, and kills an ingest half-way.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from accords.cli import main
from accords.model import Record
from accords.store import connect
from accords.store.packing import unpack
from accords.store.schema import MIGRATIONS
from store.store_fixtures import SEEDS


def run(*args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(main, list(args), env=env, catch_exceptions=False)


def data(result: Result) -> Any:
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.fixture
def db(gold: sqlite3.Connection, db_path: Path) -> str:
    """The path of a register holding the gold records."""
    return str(db_path)


# --- questions, on the gold register ------------------------------------------------------------


def test_search_prints_a_table_and_data(db: str) -> None:
    table = run("search", "lien bang nga", "--db", db)
    assert table.exit_code == 0 and "provisions matching 'lien bang nga'" in table.stdout
    hits = data(
        run(
            "search",
            "kjernekraft",
            "--country",
            "RU",
            "--domain",
            "energy",
            "--modality",
            "commit",
            "--since",
            "2025",
            "--format",
            "json",
            "--db",
            db,
        )
    )
    assert [h["number"] for h in hits] == ["9"]
    csv_out = run("search", "kjernekraft", "--format", "csv", "--db", db).stdout.splitlines()
    assert csv_out[0].startswith("provision_id,document_id,file,title,date,parties")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["search", '"nuclear power', "--db"], "Error: bad search"),
        (["search", "energi", "--country", "XX", "--db"], "Error: unknown country 'XX'"),
        (["search", "energi", "--domain", "space", "--db"], "Error: unknown domain 'space'"),
        (["compare", "KR", "--domain", "space", "--db"], "Error: unknown domain 'space'"),
        (["show", "no-such-document", "--db"], "Error: no document 'no-such-document'"),
        (["status", "99999", "fulfilled", "--db"], "Error: no commitment 99999"),
    ],
)
def test_bad_questions_are_one_line_and_exit_1(db: str, args: list[str], message: str) -> None:
    result = run(*args, db)
    assert result.exit_code == 1
    assert result.stderr.startswith(message) and len(result.stderr.strip().splitlines()) == 1


def test_usage_errors_exit_2(db: str) -> None:
    assert run("export", "--db", db).exit_code == 2
    assert run("search", "--db", db).exit_code == 2


def test_show_reads_a_document(db: str) -> None:
    table = run("show", "004_8f49b2d6a7117266.txt", "--db", db)
    assert table.exit_code == 0
    assert "strategic partnership (upgraded by this event), since 2025" in table.stdout
    shown = data(run("show", "8f49b2d6", "--format", "json", "--db", db))
    assert shown["record"]["event"]["host"]["country"] == "KZ"
    assert len(shown["provisions"]) == len(shown["record"]["provisions"])


def test_partners_show_kz_upgraded_in_2025(db: str) -> None:
    found = {p["country"]: p for p in data(run("partners", "--home", "VN", "--format", "json", "--db", db))}
    assert (found["KZ"]["level"], found["KZ"]["upgraded"][:4]) == ("strategic_partnership", "2025")
    assert "2025-05-05" in run("partners", "--home", "VN", "--db", db).stdout


def test_without_a_home_every_pair_of_states_is_listed(db: str) -> None:
    pairs = data(run("partners", "--format", "json", "--db", db))
    assert sorted((p["of"], p["country"]) for p in pairs) == [("KP", "VN"), ("KR", "VN"), ("KZ", "VN"), ("RU", "VN")]
    table = run("partners", "--db", db).stdout
    assert "Pairs of states" in table and "KZ–VN" in table
    assert data(run("partners", "--format", "json", "--db", db, env={"ACCORDS_HOME": "KR"}))[0]["country"] == "VN"


def test_compare_timeline_and_targets_answer(db: str) -> None:
    agreed = data(run("compare", "KR", "RU", "KZ", "--domain", "energy", "--format", "json", "--db", db))
    assert {a["country"] for a in agreed if a["modality"] == "commit"} == {"KR", "RU", "KZ"}
    assert run("compare", "KR", "RU", "KZ", "--domain", "energy", "--db", db).exit_code == 0
    steps = data(run("timeline", "KR", "--format", "json", "--db", db))
    assert [s["kind"] for s in steps] == ["relations", "level", "visit", "statement"]
    due = data(run("targets", "--due-before", "2031", "--format", "json", "--db", db))
    assert any(
        t["amount"] == 150e9 and t["unit"] == "USD" and t["year"] == 2030 and "KR" in t["parties"]
        for t in due
    )
    assert "150 billion USD" in run("targets", "--due-before", "2031", "--db", db).stdout


def test_status_records_a_change_and_shows_the_history(db: str) -> None:
    first = data(run("commitments", "--country", "KZ", "--limit", "1", "--format", "json", "--db", db))[0]
    changed = run(
        "status",
        str(first["id"]),
        "fulfilled",
        "--note",
        "signed in Hanoi",
        "--evidence",
        "https://example.org/news",
        "--date",
        "2026-02-03",
        "--db",
        db,
    )
    assert changed.exit_code == 0 and "signed in Hanoi" in changed.stdout
    shown = data(run("status", str(first["id"]), "--format", "json", "--db", db))[0]
    assert shown["status"] == "fulfilled"
    assert shown["history"][0]["evidence_url"] == "https://example.org/news"
    bad = run("status", str(first["id"]), "done", "--db", db)
    assert bad.exit_code == 1 and "unknown status 'done'" in bad.stderr


def test_export_writes_every_format(db: str, tmp_path: Path) -> None:
    for fmt in ("jsonl", "csv", "parquet"):
        assert run("export", "--format", fmt, "--out", str(tmp_path / fmt), "--db", db).exit_code == 0
        assert sorted(p.name for p in (tmp_path / fmt).iterdir()) == [
            f"{name}.{fmt}" for name in ("commitments", "documents", "provisions", "status_changes", "targets")
        ]
    plover = run("export", "--format", "plover", "--out", "-", "--db", db)
    events = [json.loads(line) for line in plover.stdout.splitlines()]
    assert {e["event"][0] for e in events} == {"CONSULT", "AGREE"}
    one = run("export", "--format", "csv", "--table", "targets", "--out", "-", "--db", db)
    assert one.stdout.splitlines()[0].startswith("id,provision_id,document_id")
    assert run("export", "--format", "parquet", "--out", "-", "--db", db).exit_code == 2


def test_the_register_comes_from_accords_db_when_no_option(db: str) -> None:
    assert data(run("partners", "--format", "json", env={"ACCORDS_DB": db}))


# --- bad register files -------------------------------------------------------------------------


def test_a_file_that_is_not_sqlite_is_one_line_and_left_alone(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("not a database")
    result = run("ingest", str(SEEDS), "--db", str(notes))
    assert result.exit_code == 1 and result.stderr == f"Error: {notes}: not an SQLite database\n"
    assert notes.read_text() == "not a database"


def test_a_newer_register_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    raw = sqlite3.connect(path)
    raw.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 5}")
    raw.close()
    result = run("partners", "--db", str(path))
    assert result.exit_code == 1 and "newer than this Accords" in result.stderr


def test_a_query_on_a_missing_register_does_not_create_one(tmp_path: Path) -> None:
    result = run("partners", "--db", str(tmp_path / "typo.db"))
    assert result.exit_code == 1 and "no register here" in result.stderr
    assert not (tmp_path / "typo.db").exists()


def test_a_locked_register_is_one_line_and_nothing_changes(db: str) -> None:
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        result = run("status", "5", "fulfilled", "--db", db)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert result.exit_code == 1 and "locked by another process" in result.stderr
    with connect(db) as conn:
        assert conn.execute("SELECT COUNT(*) FROM status_changes").fetchone()[0] == 0


# --- ingest through the pipeline ----------------------------------------------------------------


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A register made by `accords ingest` of the seed documents (shared: the tests only read it)."""
    path = str(tmp_path_factory.mktemp("seeded") / "seeds.db")
    result = run("ingest", str(SEEDS), "--db", path)
    assert result.exit_code == 0, result.stderr
    return path


def test_ingest_stores_the_seeds_and_again_changes_nothing(seeded: str) -> None:
    with connect(seeded) as conn:
        before = [tuple(r) for r in conn.execute("SELECT id, event_id FROM documents ORDER BY id")]
        provisions = conn.execute("SELECT COUNT(*) FROM provisions").fetchone()[0]
    assert len(before) == 5
    again = run("ingest", str(SEEDS), "--db", seeded)
    assert again.exit_code == 0 and "0 stored, 5 already in" in again.stderr
    with connect(seeded) as conn:
        assert [tuple(r) for r in conn.execute("SELECT id, event_id FROM documents ORDER BY id")] == before
        assert conn.execute("SELECT COUNT(*) FROM provisions").fetchone()[0] == provisions


def test_ingest_lists_failures_with_reasons_and_exits_1(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = run(
        "ingest",
        str(SEEDS / "004_8f49b2d6a7117266.txt"),
        str(empty),
        str(tmp_path / "missing.txt"),
        "--db",
        str(tmp_path / "r.db"),
    )
    assert result.exit_code == 1
    assert "1 stored, 0 already in" in result.stderr and "2 failed" in result.stderr
    assert f"{tmp_path / 'missing.txt'}: no such file" in result.stderr
    assert f"  {empty}:" in result.stderr


def test_seeds_answer_search_and_show(seeded: str) -> None:
    hits = data(run("search", "lien bang nga", "--format", "json", "--db", seeded))
    assert hits and all("RU" in h["parties"] for h in hits)
    shown = data(run("show", "000_bcb47e26353bfc80.txt", "--format", "json", "--db", seeded))
    assert shown["record"]["source"]["file"] == "000_bcb47e26353bfc80.txt"


def test_seeds_targets_list_the_kr_trade_target_due_2030(seeded: str) -> None:
    due = data(run("targets", "--due-before", "2031", "--format", "json", "--db", seeded))
    assert any(
        t["amount"] == 150e9 and t["unit"] == "USD" and t["year"] == 2030 and "KR" in t["parties"]
        for t in due
    )


def test_seeds_partners_show_kz_upgraded_to_strategic_partnership_in_2025(seeded: str) -> None:
    found = {p["country"]: p for p in data(run("partners", "--home", "VN", "--format", "json", "--db", seeded))}
    assert found["KZ"]["level"] == "strategic_partnership"
    assert (found["KZ"]["upgraded"] or "")[:4] == "2025"
    assert found["KR"]["level"] == "comprehensive_strategic_partnership"


def test_seeds_link_the_two_reports_of_the_korea_visit(seeded: str) -> None:
    steps = data(run("timeline", "KR", "--format", "json", "--db", seeded))
    visits = [s for s in steps if s["kind"] == "visit"]
    assert len(visits) == 1 and len(visits[0]["documents"]) == 2


def test_seeds_compare_energy_with_kr_ru_kz(seeded: str) -> None:
    agreed = data(run("compare", "KR", "RU", "KZ", "--domain", "energy", "--format", "json", "--db", seeded))
    assert {a["country"] for a in agreed} == {"KR", "RU", "KZ"}
    assert all(a["words"] for a in agreed)


# --- interrupting an ingest ---------------------------------------------------------------------


def _variants(folder: Path, copies: int) -> Path:
    """Seed texts made distinct by an opening paragraph, so each is a new document to store."""
    folder.mkdir()
    for i in range(copies):
        for seed in sorted(SEEDS.glob("*.txt")):
            opening = f"De to sidene ble enige om å holde møte nummer {i} om samarbeid innen kultur i Hanoi."
            text = seed.read_text(encoding="utf-8")
            (folder / f"{i:03d}_{seed.name}").write_text(f"{opening}\n\n{text}", encoding="utf-8")
    return folder


def _start_ingest(folder: Path, db: Path) -> subprocess.Popen[bytes]:
    command = [
        sys.executable,
        "-c",
        "from accords.cli import main; main()",
        "ingest",
        str(folder),
        "--db",
        str(db),
    ]
    return subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env={**os.environ, "COLUMNS": "120"}
    )


def _wait_for_documents(db: Path, process: subprocess.Popen[bytes], count: int, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert process.poll() is None, "the ingest ended before it could be interrupted"
        if db.exists():
            try:
                with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as reader:
                    if reader.execute("SELECT COUNT(*) FROM documents").fetchone()[0] >= count:
                        return
            except sqlite3.OperationalError:
                pass  # the schema is still being created
        time.sleep(0.02)
    raise AssertionError("the ingest stored nothing in time")


def _assert_consistent(db: Path) -> int:
    """Integrity and foreign keys hold, and every stored document has all its provisions and words."""
    with connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        documents = conn.execute("SELECT document_id AS id, record FROM records").fetchall()
        assert len(documents) == conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
        for row in documents:
            record = Record.model_validate_json(unpack(row["record"]) or "")
            stored = conn.execute(
                "SELECT COUNT(*) FROM provisions WHERE document_id = ?", (row["id"],)
            ).fetchone()[0]
            assert stored == len(record.provisions)
        provisions = conn.execute("SELECT COUNT(*) FROM provisions").fetchone()[0]
        assert conn.execute("SELECT COUNT(*) FROM provisions_fts").fetchone()[0] == provisions
        targets = sum(
            len(p.targets)
            for r in documents
            for p in Record.model_validate_json(unpack(r["record"]) or "").provisions
        )
        assert conn.execute("SELECT COUNT(*) FROM targets").fetchone()[0] == targets
        return len(documents)


def test_an_ingest_killed_half_way_leaves_every_stored_document_whole(tmp_path: Path) -> None:
    folder = _variants(tmp_path / "docs", copies=12)
    db = tmp_path / "killed.db"
    process = _start_ingest(folder, db)
    try:
        _wait_for_documents(db, process, 3)
        process.send_signal(signal.SIGKILL)
    finally:
        process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL
    stored = _assert_consistent(db)
    assert 3 <= stored < 60
    finish = run("ingest", str(folder), "--db", str(db))
    assert finish.exit_code == 0 and f"{60 - stored} stored, {stored} already in" in finish.stderr
    assert _assert_consistent(db) == 60


def test_ctrl_c_rolls_back_the_document_in_progress_and_says_so(tmp_path: Path) -> None:
    folder = _variants(tmp_path / "docs", copies=12)
    db = tmp_path / "interrupted.db"
    process = _start_ingest(folder, db)
    try:
        _wait_for_documents(db, process, 2)
        process.send_signal(signal.SIGINT)
        _, stderr = process.communicate(timeout=30)
    finally:
        process.kill()
    assert process.returncode == 130
    assert b"interrupted:" in stderr and b"stored whole" in stderr
    assert 2 <= _assert_consistent(db) < 60


def test_status_as_csv_is_data_not_a_python_repr(db: str) -> None:
    commitment = data(run("commitments", "--limit", "1", "--format", "json", "--db", db))[0]["id"]
    run("status", str(commitment), "fulfilled", "--note", "=done", "--date", "2026-01-02", "--db", db)
    rows = run("status", str(commitment), "--format", "csv", "--db", db).stdout
    assert "{'" not in rows and "StatusChange" not in rows
    assert '""status"": ""fulfilled""' in rows and '""note"": ""=done""' in rows
