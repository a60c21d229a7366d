"""PDF files: the text layer, page by page, through pypdf.

pypdf reports what it repairs (a wrong cross-reference offset, a broken stream) through the
`pypdf` logger and Python warnings; those reach the user as `accords` warnings naming the file,
never as lines of their own.
"""

from __future__ import annotations

import io
import logging
import warnings
from collections.abc import Iterator
from contextlib import contextmanager

from pypdf import PdfReader
from pypdf.errors import DependencyError, FileNotDecryptedError, PyPdfError

from accords.errors import ReadError

_log = logging.getLogger(__name__)


def read_pdf(data: bytes, name: str) -> str:
    """The text of every page, pages separated by a blank line; scanned PDFs are refused."""
    with _reported(name):
        try:
            reader = PdfReader(io.BytesIO(data))
            pages = [page.extract_text() or "" for page in reader.pages]
        except DependencyError:
            raise ReadError(name, "encrypted PDF (its cipher cannot be read here)") from None
        except FileNotDecryptedError:
            raise ReadError(name, "encrypted PDF (it needs a password)") from None
        except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, OSError, RecursionError) as exc:
            raise ReadError(name, f"unreadable PDF ({exc or type(exc).__name__})") from None
    text = "\n\n".join(p.strip() for p in pages)
    if not text.strip():
        raise ReadError(name, "PDF has no text layer (scanned image?)")
    return text


class _Relay(logging.Handler):
    def __init__(self, name: str) -> None:
        super().__init__(logging.WARNING)
        self.name = name

    def emit(self, record: logging.LogRecord) -> None:
        _log.warning("%s: PDF: %s", self.name, record.getMessage())


@contextmanager
def _reported(name: str) -> Iterator[None]:
    """pypdf's log records and warnings while `name` is read, passed on as ours."""
    pypdf_log = logging.getLogger("pypdf")
    relay = _Relay(name)
    propagate = pypdf_log.propagate
    pypdf_log.addHandler(relay)
    pypdf_log.propagate = False
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            yield
        for warning in caught:
            _log.warning("%s: PDF: %s", name, warning.message)
    finally:
        pypdf_log.removeHandler(relay)
        pypdf_log.propagate = propagate
