"""`accords extract` and `ingest` under bad input and faults, each in a real process on real
files: an output over an input, devices and pipes, a full file system, encrypted PDFs, names
that are not UTF-8, unreadable and hidden folders, broken bytes, decomposed Vietnamese."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
import time
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest
from corpus import SAMPLES
from read.test_pdf import make_pdf
from test_cli_extract import STATEMENT, run

ENCRYPTED = Path(__file__).parent / "data" / "read" / "aes128.pdf"
"""A PDF encrypted with AES-128 by fpdf2 (empty user password); pypdf needs `cryptography` for it."""


def _without_file_permissions_override() -> list[str]:
    """A prefix that makes root obey file permissions, as any other user does."""
    if os.geteuid() != 0:
        return []
    return ["setpriv", "--bounding-set=-dac_override,-dac_read_search", "--inh-caps=-dac_override,-dac_read_search"]


# --- 1. an output never destroys an input -------------------------------------------------------


def test_out_over_an_input_is_refused_and_the_input_kept(tmp_path: Path) -> None:
    doc = tmp_path / "x.txt"
    doc.write_text(STATEMENT)
    (tmp_path / "link.txt").symlink_to(doc)
    os.link(doc, tmp_path / "hard.txt")
    for out in ("x.txt", "link.txt", "hard.txt"):
        result = run("extract", str(doc), "--out", str(tmp_path / out))
        assert result.returncode == 2, result.stderr
        assert "is also an input" in result.stderr
        assert doc.read_text() == STATEMENT


def test_out_inside_the_folder_read_is_refused(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(STATEMENT)
    (tmp_path / "records.txt").write_text(STATEMENT)  # a document that happens to have the name
    result = run("extract", str(tmp_path), "--out", str(tmp_path / "records.txt"))
    assert result.returncode == 2
    assert (tmp_path / "records.txt").read_text() == STATEMENT


def test_out_is_written_whole_or_not_at_all_on_a_full_file_system(tmp_path: Path) -> None:
    small = tmp_path / "small"
    small.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(small)],
                             capture_output=True, check=False)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here: {mounted.stderr.decode().strip()}")
    try:
        out = small / "records.jsonl"
        out.write_text("the previous records\n")
        docs = tmp_path / "docs"
        docs.mkdir()
        for i in range(12):  # about 100 KB of records: more than the 64 KB file system holds
            shutil.copy(SAMPLES / "en_joint_statement_au_ph.txt", docs / f"{i:02d}.txt")
        result = run("extract", str(docs), "--format", "jsonl", "--out", str(out))
        assert result.returncode == 1
        assert "cannot write" in result.stderr and "No space left on device" in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
        assert out.read_text() == "the previous records\n"
        assert sorted(p.name for p in small.iterdir()) == ["records.jsonl"]  # no temporary file left
    finally:
        subprocess.run(["umount", str(small)], check=False)


def test_out_to_a_device_is_written_in_place(tmp_path: Path) -> None:
    doc = tmp_path / "x.txt"
    doc.write_text(STATEMENT)
    result = run("extract", str(doc), "--out", "/dev/null")
    assert result.returncode == 0, result.stderr
    assert Path("/dev/null").is_char_device()


# --- 3. reads are bounded -----------------------------------------------------------------------


def test_devices_and_pipes_get_one_line_each_and_the_batch_goes_on(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(STATEMENT)
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    started = time.monotonic()
    result = run("extract", "/dev/zero", str(fifo), str(good), "--format", "jsonl")
    assert time.monotonic() - started < 60
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "accords: /dev/zero: not a regular file (a character device)",
        f"accords: {fifo}: not a regular file (a named pipe)",
    ]
    assert [json.loads(line)["source"]["file"] for line in result.stdout.splitlines()] == ["good.txt"]


def test_standard_input_is_read_up_to_the_limit() -> None:
    result = run("extract", "-", "--max-size", "100", stdin=STATEMENT * 10)
    assert result.returncode == 1
    assert "input too large" in result.stderr


# --- 4. one bad file never ends the batch -------------------------------------------------------


def test_an_encrypted_pdf_is_one_line_among_good_files(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(STATEMENT)
    (tmp_path / "b.txt").write_text(STATEMENT.replace("USD 5", "USD 7"))
    shutil.copy(ENCRYPTED, tmp_path / "locked.pdf")
    result = run("extract", str(tmp_path), "--format", "jsonl")
    files = [json.loads(line)["source"]["file"] for line in result.stdout.splitlines()]
    if importlib.util.find_spec("cryptography") is None:
        assert files == ["a.txt", "b.txt"]
        assert result.returncode == 1
        assert result.stderr.splitlines() == [f"accords: {tmp_path / 'locked.pdf'}: encrypted PDF (its cipher cannot be read here)"]
    else:
        assert files == ["a.txt", "b.txt", "locked.pdf"]


def test_a_name_that_is_not_utf8_is_shown_escaped(tmp_path: Path) -> None:
    folder = os.fsencode(tmp_path)
    with open(folder + b"/caf\xe9.txt", "w") as handle:
        handle.write(STATEMENT)
    with open(folder + b"/bad\xff.txt", "w") as handle:
        handle.write("")
    out = tmp_path / "out.jsonl"
    result = subprocess.run([sys.executable, "-m", "accords.cli", "extract", str(tmp_path), "--format", "jsonl"],
                            capture_output=True, check=False, timeout=120)
    assert result.returncode == 1
    stdout = result.stdout.decode("utf-8")  # valid UTF-8, or this raises
    assert json.loads(stdout)["source"]["file"] == "caf\\xe9.txt"
    assert result.stderr.decode("utf-8").strip() == f"accords: {tmp_path}/bad\\xff.txt: empty file"
    written = run("extract", str(tmp_path), "--format", "jsonl", "--out", str(out))
    assert written.returncode == 1
    assert json.loads(out.read_text(encoding="utf-8"))["source"]["file"] == "caf\\xe9.txt"


def test_a_path_inside_an_unreadable_folder_is_one_line(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "a.txt").write_text(STATEMENT)
    (tmp_path / "good.txt").write_text(STATEMENT)
    locked.chmod(0)
    try:
        result = subprocess.run(
            [*_without_file_permissions_override(), sys.executable, "-m", "accords.cli", "extract",
             str(locked / "a.txt"), str(tmp_path), "--format", "jsonl"],
            capture_output=True, text=True, check=False, timeout=120,
        )
    finally:
        locked.chmod(0o755)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"accords: {locked / 'a.txt'}: Permission denied",
        f"accords: {locked}: folder cannot be read (Permission denied)",
    ]
    assert [json.loads(line)["source"]["file"] for line in result.stdout.splitlines()] == ["good.txt"]


# --- 5. nothing skipped without a word ----------------------------------------------------------


@pytest.fixture
def checkout(tmp_path: Path) -> Iterator[Path]:
    """A git checkout of two documents: the repository's own files are not documents."""
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / "statement.txt").write_text(STATEMENT)
    (tmp_path / "report.md").write_text(STATEMENT.replace("USD 5", "USD 9"))
    (tmp_path / "LICENSE").write_text("Permission is hereby granted, free of charge, to any person.\n" * 3)
    (tmp_path / "data.csv").write_text("a,b\n1,2\n")
    yield tmp_path


def test_a_checkout_gives_its_documents_and_counts_what_it_skipped(checkout: Path) -> None:
    result = run("extract", str(checkout), "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    assert sorted(json.loads(line)["source"]["file"] for line in result.stdout.splitlines()) == [
        "report.md", "statement.txt"]
    summary = ("accords: skipped 3 in the folders read: 1 hidden; 1 not a supported type (no extension);"
               " 1 not a supported type (.csv) (--verbose lists them)")
    assert result.stderr.splitlines() == [summary]
    verbose = run("extract", str(checkout), "--format", "jsonl", "--verbose")
    assert f"accords: skipped {checkout / '.git'}: hidden" in verbose.stderr.splitlines()
    assert f"accords: skipped {checkout / 'LICENSE'}: not a supported type (no extension)" in verbose.stderr


def test_ingest_counts_what_it_skipped_as_extract_does(checkout: Path, tmp_path: Path) -> None:
    result = run("ingest", str(checkout), "--db", str(tmp_path / "r.db"))
    assert result.returncode == 0, result.stderr
    assert "2 stored" in result.stderr
    assert result.stderr.splitlines()[-1] == (
        "accords: skipped 3 in the folders read: 1 hidden; 1 not a supported type (no extension);"
        " 1 not a supported type (.csv) (--verbose lists them)")


def test_links_to_folders_and_broken_links_are_reported(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text(STATEMENT)
    (tmp_path / "docs" / "loop").symlink_to(tmp_path / "docs", target_is_directory=True)
    (tmp_path / "docs" / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    result = run("extract", str(tmp_path / "docs"), "--format", "jsonl", "--verbose")
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"accords: {tmp_path / 'docs' / 'gone.txt'}: broken link",
        "accords: skipped 1 in the folders read: 1 a link to a folder, not followed",
        f"accords: skipped {tmp_path / 'docs' / 'loop'}: a link to a folder, not followed",
    ]


# --- 6. text misread with exit 0 ----------------------------------------------------------------


def test_one_bad_byte_keeps_utf8_with_a_warning(tmp_path: Path) -> None:
    text = ("De to sidene ble enige om å styrke samarbeidet. Generalsekretær To Lam møtte statsminister "
            "Støre i Oslo, og partene vil øke handelen til 2030.\n")
    data = text.encode("utf-8")
    broken = data[:40] + b"\xff" + data[40:]
    path = tmp_path / "nb.txt"
    path.write_bytes(broken)
    result = run("extract", str(path))
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == [
        "accords: warning: nb.txt: 1 byte not valid UTF-8, replaced by U+FFFD (the first at byte 40)"]
    record = json.loads(result.stdout)
    assert "Generalsekretær To Lam" in record["provisions"][0]["text"]


def _to_cp1258(text: str) -> bytes:
    """Vietnamese as Windows-1258 writes it: base letters and vowel marks precomposed where the
    code page has them, tone marks as combining characters after them."""
    tones = "\u0300\u0301\u0303\u0309\u0323"
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            base, *marks = unicodedata.normalize("NFD", ch)
            head = unicodedata.normalize("NFC", base + "".join(m for m in marks if m not in tones))
            out += (head + "".join(m for m in marks if m in tones)).encode("cp1258")
    return bytes(out)


def test_decomposed_and_windows_1258_vietnamese_read_as_the_precomposed_text(tmp_path: Path) -> None:
    original = (SAMPLES / "vi_tuyen_bo_chung_vn_za.txt").read_text(encoding="utf-8")
    (tmp_path / "nfd.txt").write_text(unicodedata.normalize("NFD", original), encoding="utf-8")
    (tmp_path / "cp1258.txt").write_bytes(_to_cp1258(original))
    reference = json.loads(run("extract", str(SAMPLES / "vi_tuyen_bo_chung_vn_za.txt")).stdout)
    for name, encoding in (("nfd.txt", "utf-8"), ("cp1258.txt", "cp1258")):
        result = run("extract", str(tmp_path / name))
        assert result.returncode == 0, result.stderr
        record = json.loads(result.stdout)
        assert record["parties"] == ["VN", "ZA"] == reference["parties"]
        assert record["event"]["kind"] == reference["event"]["kind"]
        assert record["relationship"]["level"] == reference["relationship"]["level"]
        assert [p["modality"] for p in record["provisions"]] == [p["modality"] for p in reference["provisions"]]
        # Spans count characters of the text as read, decomposed: each still quotes its words.
        as_read = (tmp_path / name).read_bytes().decode(encoding)
        for provision in record["provisions"]:
            start, end = provision["span"]
            assert unicodedata.normalize("NFC", as_read[start:end]).split() == provision["text"].split()
            for evidence in provision["evidence"]:
                start, end = evidence["span"]
                assert unicodedata.normalize("NFC", as_read[start:end]) == evidence["cue"]


# --- 10. smaller ones ---------------------------------------------------------------------------


def test_html_nested_deeper_than_libxml2_allows_is_read(tmp_path: Path) -> None:
    body = "<p>The two sides agreed to raise bilateral trade to USD 5 billion by 2030 and to expand energy ties.</p>"
    for depth in (300, 5000):
        (tmp_path / f"deep{depth}.html").write_text(
            "<html><head><title>T</title></head><body>" + "<div>" * depth + body + "</div>" * depth + "</body></html>")
    result = run("extract", str(tmp_path), "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["provisions"][0]["modality"] for r in records] == ["commit", "commit"]


def test_pdf_warnings_carry_the_prefix_and_the_file(tmp_path: Path) -> None:
    path = tmp_path / "repaired.pdf"
    make_pdf(path, ["JOINT STATEMENT", "1. The two sides agreed to expand cooperation in renewable energy."])
    data = path.read_bytes()
    at = data.rindex(b"startxref")
    head, offset, rest = data[at:].split(b"\n", 2)
    path.write_bytes(data[:at] + b"\n".join([head, str(int(offset) + 7).encode(), rest]))
    result = run("extract", str(path))
    assert result.returncode == 0, result.stderr
    lines = result.stderr.splitlines()
    assert lines and all(line.startswith("accords: warning: repaired.pdf: PDF: ") for line in lines), lines


def test_an_empty_folder_says_so(tmp_path: Path) -> None:
    result = run("extract", str(tmp_path))
    assert result.returncode == 1
    assert result.stderr.startswith(f"accords: {tmp_path}: a folder with no documents to read")


def test_one_size_option_checked_for_extract_and_ingest(tmp_path: Path) -> None:
    doc = tmp_path / "x.txt"
    doc.write_text(STATEMENT)
    for command in (["extract", str(doc)], ["ingest", str(doc), "--db", str(tmp_path / "r.db")]):
        bad = run(*command, "--max-size", "-5")
        assert bad.returncode == 2 and "--max-size" in bad.stderr
        small = run(*command, "--max-size", "10")
        assert small.returncode == 1 and "too large" in small.stderr
    assert run("ingest", str(doc), "--db", str(tmp_path / "r.db"), "--max-bytes", "100").returncode == 2
