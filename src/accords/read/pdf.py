"""PDF files: the text layer, page by page, through pypdf."""

from __future__ import annotations

import io

from pypdf import PdfReader
from pypdf.errors import PdfReadError

from accords.errors import ReadError


def read_pdf(data: bytes, name: str) -> str:
    """The text of every page, pages separated by a blank line; scanned PDFs are refused."""
    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, OSError) as exc:
        raise ReadError(name, f"unreadable PDF ({exc})") from None
    text = "\n\n".join(p.strip() for p in pages)
    if not text.strip():
        raise ReadError(name, "PDF has no text layer (scanned image?)")
    return text
