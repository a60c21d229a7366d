"""HTML pages: the article's main text and its metadata, through trafilatura.

Spans of an HTML document count characters of the extracted main text (one paragraph per line),
which is what the reader sees and what the record quotes.
"""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any

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
    """Extract the body paragraphs, title, date and canonical URL of a news page.

    lxml stops parsing where elements nest deeper than libxml2 allows (256 levels), so a page
    that gives no body text is read again with the elements below MAX_DEPTH unwrapped.
    """
    doc = _extract(markup, name)
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or len(text.strip()) < MIN_BODY_CHARS:
        shallow = flatten(markup)
        if shallow is not None:
            doc = _extract(shallow, name)
            text = getattr(doc, "text", None) if doc is not None else None
    if not text or len(text.strip()) < MIN_BODY_CHARS:
        raise ReadError(name, "HTML page has no body text")
    return Page(
        text=text,
        title=getattr(doc, "title", None) or None,
        published=getattr(doc, "date", None) or None,
        url=getattr(doc, "url", None) or None,
    )


def _extract(markup: str, name: str) -> Any:
    try:
        return trafilatura.bare_extraction(
            markup,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            favor_precision=True,
        )
    except RecursionError:
        raise ReadError(name, "HTML nested too deeply to read") from None


#: Elements nested deeper than this are unwrapped (their text kept) when a page is read again.
MAX_DEPTH = 200
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _Flattener(HTMLParser):
    """Markup again, without the tags nested deeper than MAX_DEPTH."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.out: list[str] = []
        self.depth = 0
        self.deepest = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            self.out.append(self.get_starttag_text() or "")
            return
        self.depth += 1
        self.deepest = max(self.deepest, self.depth)
        if self.depth <= MAX_DEPTH:
            self.out.append(self.get_starttag_text() or "")

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        if self.depth <= MAX_DEPTH:
            self.out.append(f"</{tag}>")
        self.depth = max(0, self.depth - 1)

    def handle_data(self, data: str) -> None:
        self.out.append(data)

    def handle_entityref(self, name: str) -> None:
        self.out.append(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self.out.append(f"&#{name};")

    def handle_decl(self, decl: str) -> None:
        self.out.append(f"<!{decl}>")


def flatten(markup: str) -> str | None:
    """The page with elements below MAX_DEPTH unwrapped, or None when none nest that deep."""
    parser = _Flattener()
    parser.feed(markup)
    parser.close()
    return "".join(parser.out) if parser.deepest > MAX_DEPTH else None
