"""The Parquet datasets of a batch: written whole or not at all, and read back for ingest."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from corpus import SAMPLES

from accords.batch import records
from accords.batch.records import (
    FAILURE_SCHEMA,
    RECORD_SCHEMA,
    RESULT_SCHEMA,
    BatchOutput,
    failure_row,
    record_row,
)
from accords.batch.stored import count_records, record_files, stored_records
from accords.errors import ReadError
from accords.pipeline import process_raw
from accords.read import read_source


def _results(count: int) -> pa.Table:
    """`count` rows of results, every third a failure, as the workers hand them back."""
    raw = read_source(str(SAMPLES / "en_news_report_kr_mx.txt"))
    record = record_row(process_raw(raw), raw.text)
    rows = [failure_row(f"bad-{i}.txt", "empty file") if i % 3 == 0 else record for i in range(count)]
    return pa.Table.from_pylist(rows, schema=RESULT_SCHEMA)


def test_results_are_split_into_part_files_and_renamed_when_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(records, "ROWS_PER_FILE", 4)
    out = tmp_path / "out"
    with BatchOutput(out) as output:
        written, failures = output.write(_results(9))
        assert (written, len(failures)) == (6, 3) and failures[0] == {"name": "bad-0.txt", "problem": "empty file"}
        output.write(_results(3))
        assert not out.exists()
    assert sorted(p.name for p in (out / "records").iterdir()) == [f"part-0000{i}.parquet" for i in range(2)]
    table = pq.read_table(out / "records")
    assert table.num_rows == 8 and table.schema == RECORD_SCHEMA
    assert pq.read_table(out / "failures").num_rows == 4
    assert [p.name for p in tmp_path.iterdir()] == ["out"]


def test_a_batch_without_failures_still_has_a_typed_failures_dataset(tmp_path: Path) -> None:
    with BatchOutput(tmp_path / "out") as output:
        output.write(_results(2).slice(1))
    failures = pq.read_table(tmp_path / "out" / "failures")
    assert failures.num_rows == 0 and failures.schema == FAILURE_SCHEMA


def test_an_interrupted_batch_leaves_nothing_and_an_output_is_never_overwritten(tmp_path: Path) -> None:
    with pytest.raises(KeyboardInterrupt), BatchOutput(tmp_path / "out") as output:
        output.write(_results(3))
        raise KeyboardInterrupt
    assert list(tmp_path.iterdir()) == []
    (tmp_path / "taken").mkdir()
    (tmp_path / "taken" / "keep.txt").write_text("mine")
    with pytest.raises(ReadError, match="already exists"):
        BatchOutput(tmp_path / "taken")
    (tmp_path / "empty").mkdir()
    with BatchOutput(tmp_path / "empty") as output:
        output.write(_results(2))
    assert (tmp_path / "empty" / "records").is_dir()


def test_records_are_read_back_one_failure_per_bad_row_or_file(tmp_path: Path) -> None:
    with BatchOutput(tmp_path / "out") as output:
        output.write(_results(3))
    files = record_files(str(tmp_path / "out"))
    assert files == [tmp_path / "out" / "records" / "part-00000.parquet"]
    assert record_files(str(tmp_path / "out" / "records")) == files == record_files(str(files[0]))
    assert record_files(str(SAMPLES)) is None
    assert record_files(str(SAMPLES / "en_news_report_kr_mx.txt")) is None
    bad = tmp_path / "bad.parquet"
    pq.write_table(pa.table({"record": ['{"id": "x"}', '{"schema": "other/9", "id": "y", "source": {}}', None]}), bad)
    wrong = tmp_path / "wrong.parquet"
    pq.write_table(pa.table({"name": ["a.txt"]}), wrong)
    assert count_records([*files, bad, wrong]) == 2 + 3 + 1
    loaded = []
    problems = []
    for name, load in stored_records([*files, bad, wrong]):
        try:
            loaded.append(load())
        except ReadError as exc:
            problems.append((name, exc.problem))
    assert len(loaded) == 2
    record, text = loaded[0]
    assert record.source.file == "en_news_report_kr_mx.txt" and text is not None and "Mexico" in text
    assert problems == [
        (f"{bad} row 0", "not an accords record (1 errors)"),
        (f"{bad} row 1", "record of schema 'other/9', expected 'accords/1'"),
        (f"{bad} row 2", "no record"),
        (str(wrong), "no 'record' column: not a records dataset of accords batch"),
    ]
