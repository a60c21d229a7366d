"""Every list downloads as CSV or JSON with the page's filters; filters clear and take a date range."""

from __future__ import annotations

import csv
import io

import httpx

from accords.store.query.tables import write_csv


def test_commitments_download_with_the_current_filters(client: httpx.Client) -> None:
    params = [("partner", "VN"), ("partner", "KR"), ("domain", "trade")]
    page = client.get("/commitments", params=params).text
    assert 'href="/download/commitments.csv?partner=VN&amp;partner=KR&amp;domain=trade"' in page
    rows = list(csv.DictReader(io.StringIO(client.get("/download/commitments.csv", params=params).text)))
    listed = client.get("/api/commitments", params=[*params, ("limit", "500")]).json()
    assert len(rows) == listed["total"] > 0
    assert all("KR" in row["parties"] and "trade" in row["domains"] for row in rows)
    as_json = client.get("/download/commitments.json", params=params).json()
    assert [c["id"] for c in as_json] == [int(row["id"]) for row in rows]


def test_search_documents_and_targets_download(client: httpx.Client) -> None:
    search = client.get("/download/search.csv", params={"q": "energi", "partner": "RU"})
    assert search.status_code == 200 and "attachment" in search.headers["content-disposition"]
    assert all("RU" in row["parties"] for row in csv.DictReader(io.StringIO(search.text)))
    documents = client.get("/download/documents.json", params={"since": "2025-08"}).json()
    assert documents and all(d["date"] >= "2025-08" for d in documents)
    targets = client.get("/download/targets.csv", params={"due_before": "2031"}).text
    assert "150000000000" in targets.replace(".0", "")
    assert client.get("/download/secrets.csv").status_code == 404


def test_cells_that_look_like_formulas_are_quoted(client: httpx.Client) -> None:
    text = "@SUM(A1) Joint Statement\n\n1. The two sides agreed to raise trade to USD 5 billion by 2030.\n"
    stored = client.post("/api/ingest/text", json={"text": text, "name": "formula.txt"}).json()["results"][0]
    assert stored["status"] == "stored"
    rows = list(csv.DictReader(io.StringIO(client.get("/download/documents.csv").text)))
    title = next(row["title"] for row in rows if row["file"] == "formula.txt")
    assert title == "'@SUM(A1) Joint Statement"


def test_csv_cells_keep_numbers_and_join_lists() -> None:
    out = io.StringIO()
    write_csv([{"a": -5, "b": ["KR", "VN"], "c": "-1+2", "d": None, "e": [{"x": 1}]}], out)
    assert out.getvalue().splitlines() == ["a,b,c,d,e", '-5,KR;VN,\'-1+2,,"{""x"": 1}"']


def test_the_date_range_and_clear_all_filters(client: httpx.Client) -> None:
    narrowed = client.get("/documents", params={"since": "2025-08", "until": "2025-08"}).text
    assert 'name="since" value="2025-08"' in narrowed and "Clear all filters" in narrowed
    assert "Clear all filters" not in client.get("/documents").text
    bad = client.get("/commitments", params={"since": "2026", "until": "2025"})
    assert bad.status_code == 400 and "ends before it begins" in bad.text
