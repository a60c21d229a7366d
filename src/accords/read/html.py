"""HTML pages: the article's main text and its metadata, through trafilatura.

Spans of an HTML document count characters of the extracted main text (one paragraph per line),
which is what the reader sees and what the record quotes.
"""

from __future__ import annotations

from dataclasses import dataclass

import trafilatura

from accords.errors import ReadError

#: Below this many characters trafilatura has found menu words, not an article.
MIN_BODY_CHARS = 40


@dataclass(frozen=True)
class Page:
    text: str
    title: str | None
    published: str | None
    url: str | None


def read_html(markup: str, name: str) -> Page:
    """Extract the body paragraphs, title, date and canonical URL of a news page."""
    doc = trafilatura.bare_extraction(
        markup,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
    )
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or len(text.strip()) < MIN_BODY_CHARS:
        raise ReadError(name, "HTML page has no body text")
    return Page(
        text=text,
        title=getattr(doc, "title", None) or None,
        published=getattr(doc, "date", None) or None,
        url=getattr(doc, "url", None) or None,
    )
