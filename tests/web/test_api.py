"""The JSON API over a real server on loopback and a real SQLite register of the seed documents."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from web_fixtures import TOKEN, Server

EVIL = """Joint Statement between Viet Nam and Japan

1. The two sides agreed to raise bilateral trade to USD 5 billion by 2030 <script>alert("x")</script> and <b>bold</b>.

2. Viet Nam and Japan agreed to cooperate in energy and education.
"""


def _a_commitment(client: httpx.Client) -> int:
    return int(client.get("/api/commitments", params={"limit": 1}).json()["items"][0]["id"])


# --- reading ------------------------------------------------------------------------------------


def test_documents_are_listed_newest_first_with_a_total(client: httpx.Client, seed_ids: list[str]) -> None:
    answer = client.get("/api/documents").json()
    assert answer["total"] == len(seed_ids)
    assert {d["id"] for d in answer["items"]} == set(seed_ids)
    dates = [d["date"] for d in answer["items"] if d["date"]]
    assert dates == sorted(dates, reverse=True)


def test_documents_filter_by_partner_and_language(client: httpx.Client) -> None:
    korea = client.get("/api/documents", params={"partner": "KR"}).json()
    assert korea["total"] >= 1 and all("KR" in d["parties"] for d in korea["items"])
    norwegian = client.get("/api/documents", params={"language": "nb"}).json()
    assert all("nb" in d["languages"] for d in norwegian["items"])


def test_a_document_is_its_record_text_and_provision_ids(client: httpx.Client, seed_ids: list[str]) -> None:
    answer = client.get(f"/api/documents/{seed_ids[0][:8]}").json()
    record = answer["record"]
    assert record["schema"] == "accords/1" and record["id"] == seed_ids[0]
    assert len(answer["provisions"]) == len(record["provisions"])
    first = record["provisions"][0]
    start, end = first["span"]
    assert answer["text"][start:end].split() == first["text"].split()


def test_a_provision_has_its_document_and_evidence(client: httpx.Client, seed_ids: list[str]) -> None:
    ids = client.get(f"/api/documents/{seed_ids[0]}").json()["provisions"]
    answer = client.get(f"/api/provisions/{ids[1]['id']}").json()
    assert answer["document_id"] == seed_ids[0] and answer["ordinal"] == 2
    assert answer["provision"]["evidence"]


def test_search_pages_hits_and_counts_facets(client: httpx.Client) -> None:
    answer = client.get("/api/search", params={"q": "energi*", "limit": 2}).json()
    assert answer["hits"]["total"] >= 2 and len(answer["hits"]["items"]) == 2
    assert set(answer["facets"]) == {"partner", "domain", "modality", "language", "year"}
    assert sum(n for _, n in answer["facets"]["modality"]) == answer["hits"]["total"]
    narrowed = client.get("/api/search", params={"q": "energi*", "language": "nb", "partner": "RU"}).json()
    assert narrowed["hits"]["total"] >= 1
    assert all(h["language"] == "nb" and "RU" in h["parties"] for h in narrowed["hits"]["items"])


def test_search_ignores_accents(client: httpx.Client) -> None:
    plain = client.get("/api/search", params={"q": "hop tac"}).json()["hits"]["total"]
    accented = client.get("/api/search", params={"q": "hợp tác"}).json()["hits"]["total"]
    assert plain == accented


def test_commitments_filter_and_sort(client: httpx.Client) -> None:
    answer = client.get(
        "/api/commitments", params={"partner": "RU", "domain": "energy", "sort": "id", "order": "asc"}
    )
    items = answer.json()["items"]
    assert items and all("RU" in c["parties"] and "energy" in c["domains"] for c in items)
    assert [c["id"] for c in items] == sorted(c["id"] for c in items)
    assert all(c["modality"] in ("commit", "support", "explore") for c in items)


def test_targets_partners_compare_and_heat_map(client: httpx.Client) -> None:
    targets = client.get("/api/targets", params={"due_before": "2031"}).json()["items"]
    assert any(t["amount"] == 150e9 and t["unit"] == "USD" for t in targets)
    pairs = {(p["of"], p["country"]) for p in client.get("/api/partners").json()}
    assert {("KR", "VN"), ("RU", "VN"), ("KZ", "VN")} <= pairs
    korea = client.get("/api/partners/KR").json()
    assert [p["country"] for p in korea["pairs"]] == ["VN"] and korea["timeline"]
    assert korea["pair"] is None and korea["home"] is None
    compared = client.get(
        "/api/compare", params=[("partner", "KR"), ("partner", "RU"), ("domain", "energy")]
    ).json()
    assert compared["countries"] == ["KR", "RU"] and compared["rows"]
    heat = client.get("/api/heatmap").json()
    rows = {(r["of"], r["country"]): r for r in heat["rows"]}
    assert rows[("KR", "VN")]["counts"]["energy"] >= 1


def test_a_home_side_shows_its_partners(home_server: Server) -> None:
    with home_server.client() as http:
        partners = http.get("/api/partners").json()
        assert {p["of"] for p in partners} == {"VN"} and {"KR", "RU", "KZ"} <= {p["country"] for p in partners}
        korea = http.get("/api/partners/KR").json()
        assert korea["pair"]["level"] == "comprehensive_strategic_partnership" and korea["home"] == "VN"
        assert "Partners of Vietnam" in http.get("/partners").text


def test_openapi_describes_every_endpoint(client: httpx.Client) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for path in (
        "/api/documents",
        "/api/documents/{ref}",
        "/api/provisions/{provision_id}",
        "/api/commitments",
        "/api/commitments/{commitment_id}/status",
        "/api/targets",
        "/api/partners",
        "/api/search",
        "/api/ingest",
        "/api/ingest/text",
    ):
        assert path in paths


def test_docs_and_charts_load_nothing_from_elsewhere(client: httpx.Client) -> None:
    docs = client.get("/docs").text
    assert "http://" not in docs and "https://" not in docs
    assert client.get("/vendor/swagger-ui/swagger-ui-bundle.js").status_code == 200
    assert client.get("/vendor/swagger-ui/swagger-ui.css").status_code == 200
    plotly = client.get("/vendor/plotly.min.js")
    assert plotly.status_code == 200 and "javascript" in plotly.headers["content-type"]
    assert client.get("/vendor/swagger-ui/index.html").status_code == 404


# --- mistakes are 4xx with a message ------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "status", "words"),
    [
        ("/api/documents/ffffffffffff", 404, "no document"),
        ("/api/provisions/999999", 404, "no provision"),
        ("/api/commitments/999999", 404, "no commitment"),
        ("/api/commitments/abc", 422, "commitment_id"),
        ("/api/partners/XX", 404, "unknown country"),
        ("/api/search?q=%22unclosed", 400, "bad search"),
        ("/api/search", 400, "empty search"),
        ("/api/search?q=trade&domain=cooking", 400, "unknown domain"),
        ("/api/commitments?sort=colour", 400, "unknown sort"),
        ("/api/documents?year=20x5", 400, "bad year"),
        ("/api/nothing", 404, "no page"),
    ],
)
def test_mistakes_get_a_4xx_and_one_line(client: httpx.Client, path: str, status: int, words: str) -> None:
    answer = client.get(path)
    assert answer.status_code == status
    assert words in answer.json()["detail"]


def test_a_provision_that_is_no_commitment_is_not_found(client: httpx.Client, seed_ids: list[str]) -> None:
    ids = client.get(f"/api/documents/{seed_ids[0]}").json()["provisions"]
    plain = next(p["id"] for p in ids if p["status"] is None)
    answer = client.post(f"/api/commitments/{plain}/status", json={"status": "fulfilled"})
    assert answer.status_code == 404 and "not a commitment" in answer.json()["detail"]


def test_malformed_json_is_a_400(client: httpx.Client) -> None:
    commitment = _a_commitment(client)
    answer = client.post(
        f"/api/commitments/{commitment}/status",
        content=b'{"status": "fulfilled",',
        headers={"content-type": "application/json"},
    )
    assert answer.status_code == 400
    assert answer.json()["detail"].startswith("malformed JSON body")


@pytest.mark.parametrize(
    ("body", "status", "words"),
    [
        ({"status": "done"}, 400, "unknown status"),
        ({"status": "fulfilled", "date": "31/12/2025"}, 400, "bad date"),
        ({"status": "fulfilled", "evidence_url": "javascript:alert(1)"}, 400, "not an http(s) URL"),
        ({"status": "fulfilled", "colour": "red"}, 422, "colour"),
        ({}, 422, "status"),
        ([1, 2], 422, "body"),
    ],
)
def test_status_changes_are_validated(client: httpx.Client, body: object, status: int, words: str) -> None:
    commitment = _a_commitment(client)
    answer = client.post(f"/api/commitments/{commitment}/status", json=body)
    assert answer.status_code == status
    assert words in answer.json()["detail"]
    assert client.get(f"/api/commitments/{commitment}").json()["history"] == []


# --- changes ------------------------------------------------------------------------------------


def test_a_status_change_is_kept_with_its_history(client: httpx.Client) -> None:
    commitment = int(
        client.get("/api/commitments", params={"limit": 1, "offset": 3}).json()["items"][0]["id"]
    )
    first = client.post(
        f"/api/commitments/{commitment}/status",
        json={"status": "in-progress", "date": "2025-09-01", "note": "talks began"},
    )
    assert first.status_code == 201 and first.json()["status"] == "in_progress"
    client.post(
        f"/api/commitments/{commitment}/status",
        json={"status": "fulfilled", "date": "2026-01-15", "evidence_url": "https://example.org/news"},
    )
    kept = client.get(f"/api/commitments/{commitment}").json()
    assert kept["status"] == "fulfilled"
    assert [c["status"] for c in kept["history"]] == ["in_progress", "fulfilled"]
    listed = client.get("/api/commitments", params={"status": "fulfilled"}).json()["items"]
    assert commitment in [c["id"] for c in listed]


def test_ingest_text_stores_once(client: httpx.Client) -> None:
    body = {"text": EVIL.replace("USD 5", "USD 7"), "name": "pasted statement.txt"}
    first = client.post("/api/ingest/text", json=body).json()["results"][0]
    assert first["status"] == "stored" and first["parties"] == ["JP", "VN"] and first["commitments"] == 2
    again = client.post("/api/ingest/text", json=body).json()["results"][0]
    assert again["status"] == "already" and again["document_id"] == first["document_id"]
    assert client.get(f"/api/documents/{first['document_id']}").json()["record"]["source"]["file"] == (
        "pasted statement.txt"
    )


def test_ingest_files_gives_each_its_result(client: httpx.Client) -> None:
    files = [
        ("files", ("one.txt", EVIL.replace("USD 5", "USD 9").encode(), "text/plain")),
        ("files", ("picture.png", b"\x89PNG\r\n\x1a\n" + bytes(100), "image/png")),
        ("files", ("fake.pdf", b"not a pdf at all", "application/pdf")),
    ]
    results = client.post("/api/ingest", files=files).json()["results"]
    assert [r["status"] for r in results] == ["stored", "failed", "failed"]
    assert "not a supported file type" in results[1]["error"]
    assert "not a PDF" in results[2]["error"]


@pytest.mark.parametrize(
    ("name", "content", "status"),
    [
        ("photo.png", b"\x89PNG\r\n\x1a\n", 415),
        ("notes.txt", b"\x7fELF\x02\x01\x01\x00" + bytes(64), 415),
        ("report.pdf", b"<html>no</html>", 415),
        ("empty.txt", b"   ", 400),
        ("debris.txt", b"Comments (0)\n", 422),
    ],
)
def test_one_bad_upload_gets_its_status(client: httpx.Client, name: str, content: bytes, status: int) -> None:
    answer = client.post("/api/ingest", files=[("files", (name, content, "application/octet-stream"))])
    assert answer.status_code == status, answer.text
    assert name in answer.json()["detail"]


def test_uploads_over_the_limit_are_refused(server: Server) -> None:
    with server.client() as http:
        big = b"The two sides agreed to cooperate. " * 70_000  # 2.4 MB, over the test server's 2 MB
        answer = http.post("/api/ingest", files=[("files", ("big.txt", big, "text/plain"))])
        assert answer.status_code == 413 and "too large" in answer.json()["detail"]
        huge = b"x" * 4_000_000
        answer = http.post("/api/ingest/text", content=huge, headers={"content-type": "application/json"})
        assert answer.status_code == 413

        def chunks() -> Iterator[bytes]:  # no Content-Length: the body is cut off as it passes the limit
            yield b'{"text": "'
            for _ in range(40):
                yield b"y" * 100_000
            yield b'"}'

        answer = http.post("/api/ingest/text", content=chunks(), headers={"content-type": "application/json"})
        assert answer.status_code == 413 and "too large" in answer.json()["detail"]


def test_html_in_a_document_shows_as_text(client: httpx.Client) -> None:
    stored = client.post("/api/ingest/text", json={"text": EVIL, "name": "<img src=x onerror=alert(1)>.txt"})
    outcome = stored.json()["results"][0]
    page = client.get(f"/documents/{outcome['document_id']}").text
    assert "<script>alert" not in page and "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in page
    assert "<b>bold</b>" not in page and "&lt;b&gt;bold&lt;/b&gt;" in page
    assert "<img" not in page
    hits = client.get("/search", params={"q": "bold"}).text
    assert "&lt;b&gt;" in hits and "<b>bold" not in hits


def test_pages_forbid_inline_scripts(client: httpx.Client) -> None:
    policy = client.get("/").headers["content-security-policy"]
    assert (
        "script-src 'self'" in policy and "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]
    )


# --- who may change data ------------------------------------------------------------------------


def test_loopback_server_refuses_other_host_names(client: httpx.Client) -> None:
    answer = client.get("/api/partners", headers={"host": "attacker.example"})
    assert answer.status_code == 403


def test_changes_from_another_site_are_refused(client: httpx.Client) -> None:
    commitment = _a_commitment(client)
    answer = client.post(
        f"/api/commitments/{commitment}/status",
        json={"status": "lapsed"},
        headers={"origin": "https://attacker.example"},
    )
    assert answer.status_code == 403
    form = client.post(
        f"/commitments/{commitment}/status",
        data={"status": "lapsed"},
        headers={"sec-fetch-site": "cross-site"},
    )
    assert form.status_code == 403


def test_a_token_server_reads_freely_and_writes_with_the_token(token_server: Server) -> None:
    with token_server.client() as http:
        commitment = _a_commitment(http)
        assert http.get("/api/partners").status_code == 200
        refused = http.post(f"/api/commitments/{commitment}/status", json={"status": "dropped"})
        assert refused.status_code == 401 and "token" in refused.json()["detail"]
        wrong = http.post("/api/ingest/text", json={"text": EVIL}, headers={"authorization": "Bearer nope"})
        assert wrong.status_code == 401
        allowed = http.post(
            f"/api/commitments/{commitment}/status",
            json={"status": "dropped"},
            headers={"authorization": f"Bearer {TOKEN}"},
        )
        assert allowed.status_code == 201
        assert http.post("/upload", data={"text": EVIL}).status_code == 401


def test_a_browser_logs_in_to_a_token_server(token_server: Server) -> None:
    with token_server.client() as http:
        assert "Log in" in http.get("/upload").text
        assert http.post("/login", data={"token": "nope", "next": "/upload"}).status_code == 401
        answer = http.post("/login", data={"token": TOKEN, "next": "https://attacker.example/"})
        assert answer.status_code == 303 and answer.headers["location"] == "/"
        cookie = answer.headers["set-cookie"].lower()
        assert "httponly" in cookie and "samesite=strict" in cookie
        assert 'name="files"' in http.get("/upload").text
