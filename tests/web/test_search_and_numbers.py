"""Search on ordinary text, filters that hold, and numbers out of range, over a real server."""

from __future__ import annotations

import httpx
import pytest

ORDINARY = ["U.S.", "Viet Nam's", "ASEAN-Japan", "co-operation", "nuclear power (NPP)", "10%", "EU/ASEAN"]


@pytest.mark.parametrize("words", ORDINARY)
def test_ordinary_text_is_searched_as_words(client: httpx.Client, words: str) -> None:
    for path in ("/api/search", "/search"):
        answer = client.get(path, params={"q": words})
        assert answer.status_code == 200, answer.text[:300]
        assert "no such column" not in answer.text and "fts5" not in answer.text.lower()


def test_words_joined_by_punctuation_find_the_text(client: httpx.Client) -> None:
    for words in ("Mekong-Korea", "Nord-Korea's", "(Vietnam-Russland)"):
        hits = client.get("/api/search", params={"q": words}).json()
        assert hits["hits"]["total"] >= 1, words


def test_a_syntax_mistake_is_our_message_not_the_database(client: httpx.Client) -> None:
    for query in ('"unclosed', "trade) OR (trade", "OR trade", "(trade OR visa"):
        answer = client.get("/api/search", params={"q": query})
        assert answer.status_code == 400
        detail = answer.json()["detail"]
        assert detail.startswith("bad search") and "fts5" not in detail and "syntax error" not in detail


def test_the_query_cannot_reach_past_the_filters(client: httpx.Client) -> None:
    for query in ('"trade" OR "energy"', "trade OR energy NOT visa", 'NEAR("trade" "energy", 20) OR trade'):
        found = client.get("/api/search", params={"q": query, "partner": "KZ", "limit": 100}).json()
        assert all("KZ" in hit["parties"] for hit in found["hits"]["items"])
        commits = client.get("/api/search", params={"q": query, "modality": "explore", "limit": 100}).json()
        assert all(hit["modality"] == "explore" for hit in commits["hits"]["items"])


def test_queries_are_capped_in_length_and_terms(client: httpx.Client) -> None:
    assert client.get("/api/search", params={"q": "trade " * 200}).status_code in (400, 422)
    many = client.get("/api/search", params={"q": " OR ".join(f"w{i}" for i in range(40))})
    assert many.status_code == 400 and "at most" in many.json()["detail"]


def test_searching_a_domain_name_says_how_many_provisions_carry_it(client: httpx.Client) -> None:
    answer = client.get("/api/search", params={"q": "energy"}).json()
    assert answer["domain"]["domain"] == "energy" and answer["domain"]["provisions"] > 0
    page = client.get("/search", params={"q": "energy"}).text
    assert 'href="?domain=energy"' in page and "carry the domain energy" in page


HUGE = "99999999999999999999"


@pytest.mark.parametrize(
    ("path", "statuses"),
    [
        (f"/api/provisions/{HUGE}", (404,)),
        (f"/api/commitments/{HUGE}", (404,)),
        (f"/commitments/{HUGE}", (404,)),
        (f"/api/documents?offset={HUGE}", (400, 422)),
        (f"/api/commitments?offset={HUGE}", (400, 422)),
        (f"/api/search?q=trade&offset={HUGE}", (400, 422)),
        (f"/documents?page={HUGE}", (400, 422)),
        (f"/commitments?page={HUGE}", (400, 422)),
        (f"/search?q=trade&page={HUGE}", (400, 422)),
        (f"/api/commitments/{HUGE}/status", (404, 405)),
    ],
)
def test_numbers_out_of_range_are_a_4xx(client: httpx.Client, path: str, statuses: tuple[int, ...]) -> None:
    assert client.get(path).status_code in statuses


def test_a_date_range_narrows_documents_commitments_and_search(client: httpx.Client) -> None:
    every = client.get("/api/documents").json()["total"]
    in_2025 = client.get("/api/documents", params={"since": "2025", "until": "2025"}).json()
    assert 0 < in_2025["total"] <= every
    assert all(d["date"].startswith("2025") for d in in_2025["items"])
    assert client.get("/api/documents", params={"since": "2030"}).json()["total"] == 0
    assert client.get("/api/commitments", params={"until": "1990"}).json()["total"] == 0
    hits = client.get("/api/search", params={"q": "trade", "since": "2025-05", "until": "2025-08"}).json()
    assert all("2025-05" <= h["date"][:7] <= "2025-08" for h in hits["hits"]["items"])
