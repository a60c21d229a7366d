"""Any pair of states: documents between other states show under pairs, the heat map and each country."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from web_fixtures import Server, copy_register, start, stop

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


@pytest.fixture(scope="module")
def mixed(seeded: tuple[Path, list[str]], tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The seeds (all with Vietnam) and two samples between other states: Australia–Philippines, Korea–Mexico."""
    running = start(copy_register(seeded, tmp_path_factory.mktemp("mixed")))
    with running.client() as http:
        for name in ("en_joint_statement_au_ph.txt", "en_news_report_kr_mx.txt"):
            files = {"files": (name, (SAMPLES / name).read_bytes(), "text/plain")}
            assert http.post("/api/ingest", files=files).json()["results"][0]["status"] == "stored"
    yield running
    stop(running)


def test_pairs_between_other_states_are_listed_and_mapped(mixed: Server) -> None:
    with mixed.client() as http:
        pairs = {(p["of"], p["country"]) for p in http.get("/api/partners").json()}
        assert {("AU", "PH"), ("KR", "MX"), ("KR", "VN")} <= pairs
        heat = {(r["of"], r["country"]) for r in http.get("/api/heatmap").json()["rows"]}
        assert ("AU", "PH") in heat
        page = http.get("/partners").text
        assert (
            "Pairs of states" in page
            and "Philippines" in page
            and "Vietnam" not in page.split("<h1>")[1][:60]
        )
        home = http.get("/").text
        assert "pairs of states" in home and "Vietnam's relations" not in home


def test_a_country_page_shows_all_its_pairs(mixed: Server) -> None:
    with mixed.client() as http:
        korea = http.get("/api/partners/KR").json()
        assert {p["country"] for p in korea["pairs"]} == {"MX", "VN"}
        page = http.get("/partners/KR").text
        assert "Pairs with" in page and "Mexico" in page and "Vietnam" in page
        assert http.get("/partners/AU").status_code == 200
        assert http.get("/partners/JP").status_code == 404
