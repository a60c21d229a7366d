import pytest

from accords.errors import ReadError
from accords.read import read_bytes

PAGE = """<!DOCTYPE html><html><head><title>Leaders agree to deepen ties</title>
<meta property="article:published_time" content="2025-03-14T08:00:00Z">
<link rel="canonical" href="https://news.example.org/ties-2025"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Leaders agree to deepen ties</h1>
<p>The two sides agreed to raise bilateral trade to USD 20 billion by 2030 and to open a direct air route.</p>
<p>They reaffirmed the importance of settling disputes by peaceful means in accordance with international law.</p>
</article><footer>Copyright News Example</footer></body></html>"""


def test_html_gives_body_paragraphs_and_metadata() -> None:
    raw = read_bytes(PAGE.encode("utf-8"), "page.html", ".html")
    assert raw.kind == "html"
    assert raw.title == "Leaders agree to deepen ties"
    assert raw.published == "2025-03-14"
    assert raw.url == "https://news.example.org/ties-2025"
    lines = [line for line in raw.text.splitlines() if line.strip()]
    assert any(line.startswith("The two sides agreed") for line in lines)
    assert not any("Home" in line or "Copyright" in line for line in lines)


def test_html_page_without_body_is_refused() -> None:
    with pytest.raises(ReadError, match="empty.html: HTML page has no body text"):
        read_bytes(b"<html><head><title>x</title></head><body><nav>Home</nav></body></html>", "empty.html", ".html")
