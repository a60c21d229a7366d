"""What a batch reads, and the step each Ray worker runs, on real documents and without Ray."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from corpus import SAMPLES

from accords.batch.documents import FOLDER, JSONL, PARQUET, extract_batch, open_input
from accords.batch.records import RESULT_SCHEMA
from accords.errors import ReadError
from accords.pipeline import process, process_bytes, process_text

NEWS = SAMPLES / "en_news_report_kr_mx.txt"
PAGE = SAMPLES / "en_visit_report.html"


def _results(table: pa.Table) -> dict[str, dict[str, object]]:
    """Rows by the name of the document they came from (a failure's name, a record's file)."""
    return {str(row["name"] or row["file"]): row for row in table.to_pylist()}


def test_a_folder_is_read_by_the_workers_as_extract_reads_it(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    source = open_input(str(SAMPLES))
    assert source.kind == FOLDER and source.count == len(source.paths) == 9
    paths = [str(NEWS), str(tmp_path / "empty.txt"), str(tmp_path / "gone.txt")]
    rows = pa.table({"path": paths, "name": ["news.txt", "empty.txt", "gone.txt"]})
    out = extract_batch(rows, kind=FOLDER, max_bytes=20_000_000, source=str(SAMPLES))
    assert out.schema == RESULT_SCHEMA
    news, empty, gone = out.to_pylist()
    assert news["problem"] is None and news["file"] == NEWS.name
    assert json.loads(str(news["record"])) == process(str(NEWS)).to_json_dict()
    assert news["text"] == NEWS.read_text(encoding="utf-8")
    assert (empty["name"], empty["problem"], empty["record"]) == ("empty.txt", "empty file", None)
    assert gone["problem"] == "no such file"


def test_columns_give_the_records_of_the_pipeline_for_text_and_for_bytes() -> None:
    rows = pa.table(
        {
            "name": ["news.txt", "page.html", "binary.bin", None, "nothing.txt"],
            "text": [NEWS.read_text(encoding="utf-8"), None, None, "text", None],
            "bytes": [None, PAGE.read_bytes(), bytes(range(256)) * 4, None, None],
            "suffix": [None, ".html", ".bin", None, None],
        }
    )
    out = _results(extract_batch(rows, kind=PARQUET, max_bytes=20_000_000, source="in.parquet"))
    news = process_text(NEWS.read_text(encoding="utf-8"), "news.txt")
    page = process_bytes(PAGE.read_bytes(), "page.html", ".html")
    assert json.loads(str(out["news.txt"]["record"])) == news.to_json_dict()
    assert json.loads(str(out["page.html"]["record"])) == page.to_json_dict()
    assert out["page.html"]["url"] == page.source.url and out["page.html"]["parties"] == page.parties
    assert out["binary.bin"]["problem"] == "binary file, not text"
    assert out["(a row without a name)"]["problem"] == "no 'name'"
    assert out["nothing.txt"]["problem"] == "neither 'text' nor 'bytes'"


def test_a_document_over_the_size_limit_is_a_failure() -> None:
    rows = pa.table({"name": ["news.txt"], "text": [NEWS.read_text(encoding="utf-8")]})
    (row,) = extract_batch(rows, kind=PARQUET, max_bytes=500, source="in.parquet").to_pylist()
    assert row["name"] == "news.txt" and str(row["problem"]).startswith("input too large")


def test_json_lines_are_parsed_by_the_workers_and_a_bad_line_is_one_failure() -> None:
    lines = [
        json.dumps({"name": "news.txt", "text": NEWS.read_text(encoding="utf-8")}),
        json.dumps({"name": "page.html", "bytes": base64.b64encode(PAGE.read_bytes()).decode(), "suffix": ".html"}),
        "{not json",
        json.dumps(["a", "list"]),
        json.dumps({"text": "no name"}),
        json.dumps({"name": "bad.pdf", "bytes": "***", "suffix": ".pdf"}),
    ]
    out = extract_batch(pa.table({"text": lines}), kind=JSONL, max_bytes=20_000_000, source="in.jsonl")
    rows = out.to_pylist()
    assert [r["file"] for r in rows[:2]] == ["news.txt", "page.html"]
    assert json.loads(str(rows[1]["record"])) == process_bytes(PAGE.read_bytes(), "page.html", ".html").to_json_dict()
    assert [(r["name"], r["problem"]) for r in rows[2:]] == [
        ("in.jsonl: '{not json'", "not JSON (Expecting property name enclosed in double quotes)"),
        ("in.jsonl: '[\"a\", \"list\"]'", "not a JSON object"),
        ("in.jsonl: '{\"text\": \"no name\"}'", "no 'name'"),
        ("bad.pdf", "'bytes' is not base64"),
    ]


def test_inputs_are_recognised_and_checked_before_any_worker_starts(tmp_path: Path) -> None:
    documents = tmp_path / "documents.parquet"
    pq.write_table(pa.table({"name": ["a.txt", "b.txt"], "text": ["x", "y"]}), documents)
    source = open_input(str(documents))
    assert (source.kind, source.columns, source.count) == (PARQUET, ("name", "text"), 2)
    (tmp_path / "lines.jsonl").write_text("{}\n")
    assert open_input(str(tmp_path / "lines.jsonl")).kind == JSONL
    pq.write_table(pa.table({"title": ["a"]}), tmp_path / "wrong.parquet")
    (tmp_path / "empty").mkdir()
    (tmp_path / "notes.csv").write_text("a,b\n")
    (tmp_path / "broken.parquet").write_bytes(b"PAR1 not really")
    for path, problem in [
        (tmp_path / "wrong.parquet", "needs a 'name' column and a 'text' or 'bytes' column"),
        (tmp_path / "empty", "no documents"),
        (tmp_path / "missing", "no such file or folder"),
        (tmp_path / "notes.csv", "not a folder, a .parquet or a .jsonl file"),
        (tmp_path / "broken.parquet", "not a Parquet dataset"),
    ]:
        with pytest.raises(ReadError, match=problem) as caught:
            open_input(str(path))
        assert caught.value.name == str(path)
