"""The search page says when its total is a lower bound and when its facets count only the newest matches."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from store.store_fixtures import gold_records
from web_fixtures import start, stop

from accords.store import connect, query, store_record


def test_the_page_says_what_its_counts_are(tmp_path: Path, monkeypatch: Any) -> None:
    path = tmp_path / "r.db"
    conn = connect(path, create=True)
    for record in gold_records():
        store_record(conn, record)
    conn.close()
    server = start(path)  # uvicorn in a thread of this process, so that the limits set below hold in it
    try:
        client = server.client()
        exact = client.get("/search", params={"q": "samarbeid"}).text
        assert "Counted among" not in exact and "come best first" not in exact and re.search(r"<strong>\d+</strong> provisions match", exact)
        monkeypatch.setattr(query.search, "SAMPLE", 3)
        monkeypatch.setattr(query.search, "COUNTED", 4)
        monkeypatch.setattr(query.search, "RANKED", 2)
        capped = client.get("/search", params={"q": "samarbeid", "language": "nb"}).text
        assert "<strong>4+</strong> provisions match" in capped
        assert "Counted among the newest 3 matches." in capped
        assert "The newest 2 come best first, then older ones, newest first." in capped
        api = client.get("/api/search", params={"q": "samarbeid", "language": "nb"}).json()
        assert api["more"] is True and api["sampled"] == 3 and api["ranked"] == 2 and api["hits"]["total"] == 4
    finally:
        stop(server)
