from pathlib import Path

import pytest
from fpdf import FPDF

from accords.errors import ReadError
from accords.read import read_source


def make_pdf(path: Path, paragraphs: list[str]) -> None:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=11)
    for paragraph in paragraphs:
        pdf.multi_cell(0, 6, paragraph)
        pdf.ln(6)
    pdf.output(str(path))


def test_pdf_text_layer_is_read(tmp_path: Path) -> None:
    path = tmp_path / "statement.pdf"
    make_pdf(path, ["JOINT STATEMENT", "1. The two sides agreed to expand cooperation in renewable energy."])
    raw = read_source(str(path))
    assert raw.kind == "pdf"
    assert "JOINT STATEMENT" in raw.text
    assert "renewable energy" in raw.text


def test_pdf_without_text_layer_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    pdf = FPDF()
    pdf.add_page()
    pdf.rect(10, 10, 50, 50, style="F")
    pdf.output(str(path))
    with pytest.raises(ReadError, match="scan.pdf: PDF has no text layer"):
        read_source(str(path))


def test_broken_pdf_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.4\n this is not a pdf at all")
    with pytest.raises(ReadError, match="broken.pdf"):
        read_source(str(path))
