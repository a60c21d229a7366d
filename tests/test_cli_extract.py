"""`accords extract` end to end, in a real subprocess: formats, exit codes and bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from corpus import SAMPLES
from read.test_pdf import make_pdf

STATEMENT = """JOINT STATEMENT

1. The two sides agreed to raise bilateral trade to USD 5 billion by 2030.
2. The two sides reaffirmed their commitment to the Charter of the United Nations.
"""


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "accords.cli", *args],
        check=False, input=stdin, capture_output=True, text=True, timeout=120,
    )


def test_one_input_prints_one_object(tmp_path: Path) -> None:
    path = tmp_path / "statement.txt"
    path.write_text(STATEMENT)
    result = run("extract", str(path))
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["schema"] == "accords/1"
    assert record["source"]["file"] == "statement.txt"
    assert [p["number"] for p in record["provisions"]] == ["1", "2"]


def test_jsonl_to_a_file_and_stdin(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    result = run("extract", "-", "--format", "jsonl", "--out", str(out), stdin=STATEMENT)
    assert result.returncode == 0, result.stderr
    lines = out.read_text().splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["source"]["file"] == "<stdin>"


def test_bad_inputs_get_one_line_each_and_the_batch_goes_on(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(STATEMENT)
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "nobody.html").write_text("<html><body><nav>Home</nav></body></html>")
    (tmp_path / "debris.txt").write_text("Kommentar (0)\nNo data\n")
    big = tmp_path / "big.txt"
    big.write_text(STATEMENT * 50)
    scan = tmp_path / "scan.pdf"
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.output(str(scan))
    result = run("extract", str(tmp_path), str(tmp_path / "missing.txt"), "--max-size", "2000", "--format", "jsonl")
    assert result.returncode == 1
    errors = result.stderr.strip().splitlines()
    expected = {
        "empty.txt": "empty file",
        "binary.txt": "binary file",
        "nobody.html": "no body text",
        "debris.txt": "no body text",
        "big.txt": "too large",
        "scan.pdf": "no text layer",
        "missing.txt": "no such file",
    }
    assert len(errors) == len(expected)
    for name, problem in expected.items():
        assert sum(name in line and problem in line for line in errors) == 1, (name, errors)
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["source"]["file"] for r in records] == ["good.txt"]


def test_bad_usage_exits_2() -> None:
    assert run("extract").returncode == 2
    assert run("extract", "x.txt", "--format", "xml").returncode == 2


def test_html_and_pdf_made_here_go_through(tmp_path: Path) -> None:
    from read.test_html import PAGE

    (tmp_path / "page.html").write_text(PAGE)
    make_pdf(tmp_path / "statement.pdf", ["JOINT STATEMENT", STATEMENT.split("\n\n")[1]])
    result = run("extract", str(tmp_path / "page.html"), str(tmp_path / "statement.pdf"))
    assert result.returncode == 0, result.stderr
    page, pdf = json.loads(result.stdout)
    assert page["source"]["url"] == "https://news.example.org/ties-2025"
    assert page["provisions"][0]["modality"] == "commit"
    assert [p["number"] for p in pdf["provisions"]] == ["1", "2"]


def test_the_bundled_samples_all_read() -> None:
    result = run("extract", str(SAMPLES), "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == len(list(SAMPLES.glob("*.txt"))) + len(list(SAMPLES.glob("*.html")))
    assert {r["languages"][0] for r in records} == {"en", "nb", "de", "vi"}
