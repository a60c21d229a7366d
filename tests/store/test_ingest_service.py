"""The one ingest service, as the command line and uploads use it, on real files and registers."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from accords.store import connect
from accords.store.ingest import ingest_path, shown, store
from store.store_fixtures import gold_records

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def test_store_keeps_one_record_and_says_whether_it_was_new(tmp_path: Path) -> None:
    conn = connect(tmp_path / "r.db", create=True)
    record = gold_records()[0]
    first, again = store(conn, record), store(conn, record)
    assert (first.status, again.status) == ("stored", "already")
    assert first.document_id == record.id and first.provisions == len(record.provisions)


def test_a_file_name_that_is_not_utf8_is_stored_with_its_bytes_escaped(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    odd = os.fsdecode(b"caf\xe9_statement.txt")
    shutil.copy(SAMPLES / "en_joint_statement_au_ph.txt", folder / odd)
    conn = connect(tmp_path / "r.db", create=True)
    outcome = ingest_path(conn, str(folder / odd))
    assert outcome.status == "stored" and outcome.name == "caf\\xe9_statement.txt"
    assert conn.execute("SELECT file FROM documents").fetchone()[0] == "caf\\xe9_statement.txt"
    assert shown("plain.txt") == "plain.txt"


def test_ingest_command_goes_on_past_a_name_that_is_not_utf8(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SAMPLES / "en_joint_statement_au_ph.txt", folder / os.fsdecode(b"\xff\xfe.txt"))
    shutil.copy(SAMPLES / "en_news_report_kr_mx.txt", folder / "good.txt")
    done = subprocess.run(
        [sys.executable, "-m", "accords.cli", "ingest", str(folder), "--db", str(tmp_path / "r.db")],
        capture_output=True,
        check=False,
        timeout=300,
        env={**os.environ, "LC_ALL": "C.UTF-8", "PYTHONIOENCODING": "utf-8"},
    )
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    assert "2 stored" in done.stderr.decode("utf-8")  # valid UTF-8 throughout
    conn = connect(tmp_path / "r.db")
    assert sorted(r[0] for r in conn.execute("SELECT file FROM documents")) == ["\\xff\\xfe.txt", "good.txt"]


def test_a_text_already_in_the_register_is_told_without_extracting_it(tmp_path: Path) -> None:
    """The id is settled once the text is cleaned: a reader asking the register then stops there,
    with the id the whole reading gives, and a text not in it (or a register it cannot read) is
    read whole."""
    from accords.pipeline import Known, process_raw
    from accords.read import read_source
    from accords.store.ingest import read_and_extract

    sample = str(SAMPLES / "en_joint_statement_au_ph.txt")
    other = str(SAMPLES / "en_news_report_kr_mx.txt")
    record = process_raw(read_source(sample))
    asked: list[str] = []
    try:
        process_raw(read_source(sample), known=lambda found: asked.append(found) or True)
    except Known as known:
        assert known.document_id == record.id == asked[0]
    else:
        raise AssertionError("a known text was read whole")
    db = tmp_path / "r.db"
    conn = connect(db, create=True)
    store(conn, record)
    already = read_and_extract(sample, register=str(db))
    assert not isinstance(already, tuple) and (already.status, already.document_id) == ("already", record.id)
    fresh = read_and_extract(other, register=str(db))
    assert isinstance(fresh, tuple) and fresh[0].id != record.id
    unreadable = read_and_extract(sample, register=str(tmp_path / "none.db"))
    assert isinstance(unreadable, tuple) and unreadable[0].id == record.id
