"""Each family of debris rule (spec/ANNOTATION.md), on lines of its own, in several languages."""

import pytest

from accords.clean import clean, debris_kind, source_url

BODY = "The two sides agreed to expand cooperation in renewable energy and power grids."


@pytest.mark.parametrize(
    "line",
    [
        "President A and Prime Minister B at the welcoming ceremony. (Photo: Tran Hai/VNA)",
        "Statsministrene under pressekonferansen i Oslo. (Foto: NTB)",
        "Die beiden Präsidenten vor dem Kanzleramt. (Foto: dpa)",
        "Hai nhà lãnh đạo tại lễ đón. (Ảnh: Thống Nhất/TTXVN)",
    ],
)
def test_photo_captions(line: str) -> None:
    assert debris_kind(line) == "debris"


@pytest.mark.parametrize("line", ["(VNA/Vietnam+)", "(TTXVN/Vietnam+)", "(Reuters)", "By Jane Smith"])
def test_agency_tags_and_bylines(line: str) -> None:
    assert debris_kind(line) == "debris"


@pytest.mark.parametrize("line", ["Kommentar (0)", "Comments (12)", "Bình luận (3)"])
def test_comment_counters(line: str) -> None:
    assert debris_kind(line) == "debris"


@pytest.mark.parametrize("line", ["I samme emne", "No data", "No videos available", "Related articles", "Tin liên quan"])
def test_navigation_words(line: str) -> None:
    assert debris_kind(line) == "debris"


@pytest.mark.parametrize(
    "line",
    [
        "leaders-meet-in-hanoi-2.jpg",
        "![[Photo] Delegates at the summit](https://img.example.org/a.webp)",
        "https://news.example.org/some-article-123.html",
    ],
)
def test_images_and_bare_links(line: str) -> None:
    assert debris_kind(line) == "debris"


@pytest.mark.parametrize(
    ("line", "url"),
    [
        ("Source: https://news.example.org/a-1.html", "https://news.example.org/a-1.html"),
        ("Kilde: https://avis.example.no/b-2", "https://avis.example.no/b-2"),
        ("Quelle: https://zeitung.example.de/c-3.html", "https://zeitung.example.de/c-3.html"),
        ("Nguồn:https://bao.example.vn/d-4.vnp", "https://bao.example.vn/d-4.vnp"),
    ],
)
def test_source_lines_give_the_url(line: str, url: str) -> None:
    assert debris_kind(line) == "source"
    assert source_url(line) == url


@pytest.mark.parametrize(
    "line",
    [
        BODY,
        "De to sidene ble enige om å styrke samarbeidet innen landbruk og fiskeri.",
        "Beide Seiten vereinbarten, die Zusammenarbeit im Bereich Bildung zu vertiefen.",
        "Hai bên nhất trí tăng cường hợp tác trong lĩnh vực năng lượng tái tạo.",
    ],
)
def test_body_lines_are_kept(line: str) -> None:
    assert debris_kind(line) is None


def test_page_chrome_after_the_source_line_is_dropped() -> None:
    body = [f"{n}. {BODY}" for n in range(1, 5)]
    text = "\n".join(body + ["Source: https://news.example.org/x.html", "Floods in the north seen from above", "Latest"])
    cleaned = clean(text)
    assert cleaned.url == "https://news.example.org/x.html"
    assert [line.text for line in cleaned.body] == body


def test_a_lead_repeated_in_the_body_is_dropped_once() -> None:
    lead = "The President said the visit opened a new chapter in relations between the two countries."
    text = f"Leaders open a new chapter\n{lead}\n{BODY}\n{lead}"
    cleaned = clean(text)
    assert cleaned.title == "Leaders open a new chapter"
    assert [line.text for line in cleaned.body] == [BODY, lead]
