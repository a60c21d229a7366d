"""Smaller web items: token length, log-in rate limit, OpenAPI security, 413 headers, compression."""

from __future__ import annotations

from pathlib import Path

import pytest
from web_fixtures import TOKEN, Server

from accords.errors import AccordsError
from accords.web.app import SECURITY_HEADERS, create_app


def test_a_short_token_is_refused(tmp_path: Path, seeded: tuple[Path, list[str]]) -> None:
    with pytest.raises(AccordsError, match="at least 16"):
        create_app(seeded[0], "a")
    assert len(TOKEN) >= 16


def test_wrong_tokens_are_rate_limited(token_server: Server) -> None:
    with token_server.client() as http:
        answers = [
            http.post("/login", data={"token": f"wrong-{i}-wrong-wrong", "next": "/"}, follow_redirects=False)
            for i in range(7)
        ]
        assert [a.status_code for a in answers[:5]] == [401] * 5
        assert answers[5].status_code == 429 and "too many" in answers[5].text
        # even the right token waits until the window has passed
        assert (
            http.post("/login", data={"token": TOKEN, "next": "/"}, follow_redirects=False).status_code == 429
        )


def test_openapi_declares_the_token_on_writes(client: object, server: Server) -> None:
    with server.client() as http:
        schema = http.get("/openapi.json").json()
    assert schema["components"]["securitySchemes"]["token"] == {
        "type": "http",
        "scheme": "bearer",
        "description": "The server's token (`accords serve --token`), needed by requests that change data.",
    }
    assert schema["paths"]["/api/ingest"]["post"]["security"] == [{"token": []}]
    assert "security" not in schema["paths"]["/api/documents"]["get"]


def test_a_413_carries_the_security_headers(server: Server) -> None:
    with server.client() as http:
        answer = http.post(
            "/api/ingest/text", content=b"x" * 4_000_000, headers={"content-type": "application/json"}
        )
    assert answer.status_code == 413
    for name, value in SECURITY_HEADERS.items():
        assert answer.headers.get(name) == value


def test_the_chart_script_is_served_compressed(server: Server) -> None:
    with server.client() as http:
        answer = http.get("/vendor/plotly.min.js", headers={"accept-encoding": "gzip"})
    assert answer.status_code == 200 and answer.headers.get("content-encoding") == "gzip"
    assert (
        int(answer.headers.get("content-length", "0") or 0) < 2_000_000
        or "content-length" not in answer.headers
    )


def test_pages_have_a_skip_link_to_the_main_content(server: Server) -> None:
    with server.client() as http:
        page = http.get("/").text
    assert '<a class="skip-link" href="#main">' in page and 'id="main"' in page


def test_the_compare_form_leads_to_a_clean_permalink(server: Server) -> None:
    with server.client() as http:
        sent = http.get(
            "/compare",
            params=[("partner", "KR"), ("partner", "RU"), ("partner", ""), ("domain", "")],
            follow_redirects=False,
        )
        assert sent.status_code == 303
        assert sent.headers["location"] == "/compare?partner=KR&partner=RU#side-by-side"
        assert http.get("/compare?partner=KR&partner=RU").status_code == 200
