"""The ids of the texts ingest's workers are reading, shared between real processes, and what a
worker and the writer do with them."""

from __future__ import annotations

import multiprocessing
import os
import shutil
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from multiprocessing.context import BaseContext
from pathlib import Path

import pytest

from accords.parallel import worker_context
from accords.store import connect, in_flight
from accords.store.in_flight import InFlight
from accords.store.ingest import read_and_extract

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
SAMPLE = SAMPLES / "en_joint_statement_au_ph.txt"
ONE, TWO = "0123456789abcdef", "fedcba9876543210"


def _take(table: InFlight, document_id: str, answers: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    answers.put(table.take(document_id))


def _in_another_process(context: BaseContext, table: InFlight, document_id: str) -> bool:
    answers = context.Queue()
    process = context.Process(target=_take, args=(table, document_id, answers))
    process.start()
    answer = bool(answers.get(timeout=60))
    process.join(timeout=60)
    return answer


@pytest.mark.parametrize("method", [m for m in ("fork", "spawn") if m in multiprocessing.get_all_start_methods()])
def test_an_id_taken_by_one_process_is_refused_to_another_until_given_back(method: str) -> None:
    context = multiprocessing.get_context(method)
    table = InFlight(4, context)
    assert table.take(ONE)
    assert not _in_another_process(context, table, ONE)
    assert _in_another_process(context, table, TWO)  # and that process now holds it, for everyone
    assert not table.take(TWO)
    table.give_back(ONE)
    assert _in_another_process(context, table, ONE)


def test_a_full_table_takes_nothing_and_lets_every_reader_go_on() -> None:
    table = InFlight(1, worker_context())
    assert table.take(ONE)
    assert table.take(TWO) and table.take(TWO)  # no slot was left to hold it
    assert not table.take(ONE)
    table.give_back(TWO)  # not held: ONE stays
    assert not table.take(ONE)
    assert table.take("not a record id") and table.take("not a record id")


def _die_holding_the_lock(table: InFlight) -> None:
    table._lock.acquire()
    os.kill(os.getpid(), signal.SIGKILL)


def test_a_lock_left_held_by_a_killed_process_stops_no_reader(monkeypatch: pytest.MonkeyPatch) -> None:
    context = worker_context()
    table = InFlight(4, context)
    process = context.Process(target=_die_holding_the_lock, args=(table,))
    process.start()
    process.join(timeout=60)
    assert process.exitcode == -signal.SIGKILL
    monkeypatch.setattr(in_flight, "LOCK_WAIT", 0.1)
    answers: list[bool] = []
    # In a thread, so that a reader that waits for ever fails the test rather than hanging it.
    reader = threading.Thread(target=lambda: answers.extend([table.take(ONE), table.take(ONE)]), daemon=True)
    reader.start()
    reader.join(timeout=30)
    assert answers == [True, True]  # each goes on, as it would without a table


@pytest.fixture
def shared() -> Iterator[InFlight]:
    table = InFlight(4, worker_context())
    in_flight.use(table)
    yield table
    in_flight.use(None)


def test_a_worker_leaves_a_text_another_is_reading_and_holds_the_one_it_reads(
    tmp_path: Path, shared: InFlight
) -> None:
    db = str(tmp_path / "r.db")
    connect(db, create=True).close()
    record, _ = read_and_extract(str(SAMPLE), register=db)  # type: ignore[misc]
    # This worker took the text's id, and holds it until the writer has stored the record.
    assert not shared.take(record.id)
    copy = read_and_extract(str(SAMPLE), register=db)
    assert not isinstance(copy, tuple) and (copy.status, copy.document_id) == ("copy", record.id)
    shared.give_back(record.id)
    assert isinstance(read_and_extract(str(SAMPLE), register=db), tuple)


def test_a_worker_whose_extraction_fails_gives_the_id_back(tmp_path: Path, shared: InFlight) -> None:
    headings = tmp_path / "headings.txt"
    headings.write_text("Joint Statement\n\nII. Economic Cooperation\n\nIII. Defence\n", encoding="utf-8")
    db = str(tmp_path / "r.db")
    connect(db, create=True).close()
    for _ in range(2):  # the second time too it is read, and fails for its own reason
        with pytest.raises(Exception, match="only headings"):
            read_and_extract(str(headings), register=db)


def test_copies_in_one_run_store_the_first_file_and_fail_each_for_its_own_reason(tmp_path: Path) -> None:
    """However the workers meet the copies, the register is what reading them one by one makes."""
    folder = tmp_path / "in"
    folder.mkdir()
    for name in "abcdefghij":
        shutil.copy(SAMPLE, folder / f"{name}.txt")
        (folder / f"{name}_headings.txt").write_text(
            "Joint Statement\n\nII. Economic Cooperation\n\nIII. Defence\n", encoding="utf-8"
        )
    db = tmp_path / "r.db"
    done = subprocess.run(
        [sys.executable, "-m", "accords.cli", "ingest", str(folder), "--db", str(db), "--jobs", "2"],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    assert done.returncode == 1
    assert "1 stored, 9 already" in done.stderr and "10 failed" in done.stderr
    assert done.stderr.count("only headings") == 10
    conn = connect(db)
    assert [r[0] for r in conn.execute("SELECT file FROM documents")] == ["a.txt"]
