"""The pages in Debian's Chromium, driven by Playwright, with a screenshot of each in tests/screenshots/."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, Response, expect, sync_playwright
from web_fixtures import SCREENSHOTS, Server, copy_register, start, stop

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
LAPTOP = {"width": 1440, "height": 900}


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        # CI (.ci/run sets CI=1) installs Chromium and must run these; elsewhere say why they did not.
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing in CI: .ci/run should have installed Debian's chromium")
        pytest.skip(f"browser tests skipped: no {CHROMIUM} (apt-get install chromium to run them)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport=LAPTOP)
    opened = context.new_page()
    problems: list[str] = []

    def console(message: ConsoleMessage) -> None:
        # A page answered with a 4xx on purpose logs it too; failed assets are caught below.
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            problems.append(message.text)

    def response(answer: Response) -> None:
        if answer.request.resource_type != "document" and answer.status >= 400:
            problems.append(f"{answer.status} for {answer.url}")

    opened.on("console", console)
    opened.on("response", response)
    opened.on("pageerror", lambda error: problems.append(str(error)))
    yield opened
    context.close()
    assert not problems, f"the browser reported errors: {problems}"


def shot(page: Page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def test_every_page_opens(page: Page, server: Server, seed_ids: list[str]) -> None:
    with server.client() as http:
        commitment = http.get("/api/commitments", params={"limit": 1}).json()["items"][0]["id"]
    pages = {
        "home": ("/", "Who committed to what"),
        "search": ("/search?q=energi*", "provisions match"),
        "documents": ("/documents", "Documents"),
        "document": (f"/documents/{seed_ids[0]}", "Relationship"),
        "partners": ("/partners", "Pairs of states"),
        "partner": ("/partners/KR", "Commitments by domain and modality"),
        "compare": ("/compare?partner=KR&partner=RU&partner=KZ&domain=energy", "Side by side"),
        "commitments": ("/commitments", "commitments"),
        "commitment": (f"/commitments/{commitment}", "Record a change"),
        "upload": ("/upload", "Add documents"),
        "api-docs": ("/docs", "/api/documents"),
        "not-found": ("/documents/ffffffffffff", "Not found"),
    }
    for name, (path, words) in pages.items():
        answer = page.goto(server.url + path)
        assert answer is not None
        assert answer.status == (404 if name == "not-found" else 200), path
        expect(page.locator("body")).to_contain_text(words)
        if name == "api-docs":
            expect(page.locator(".opblock").first).to_be_visible()
        shot(page, name)


def test_search_then_read_the_document_with_its_highlights(page: Page, server: Server) -> None:
    page.goto(server.url + "/")
    page.fill(".big-search input[name=q]", "kjernekraft")
    page.click(".big-search button")
    expect(page.locator(".result-count")).to_contain_text("match")
    expect(page.locator(".hit mark").first).to_have_text("kjernekraft", ignore_case=True)
    page.click(".facet a >> nth=0")  # narrow by the first partner offered
    expect(page.locator(".facet .chosen")).to_have_count(1)
    shot(page, "search-narrowed")
    page.click(".hit footer a >> nth=0")
    expect(page).to_have_url(re.compile(r"/documents/\w+#p-\d+$"))
    row = page.locator(".doc-row:target")
    expect(row).to_be_visible()
    marks = row.locator("mark.hl")
    assert marks.count() >= 2
    categories = set(row.locator("mark.hl").evaluate_all("els => els.map(e => e.className)"))
    assert any("hl-modality" in c for c in categories)
    first = marks.first
    tip = first.get_attribute("data-tip") or ""
    assert ":" in tip and tip == first.get_attribute("title")
    first.hover()
    shown = first.evaluate("el => getComputedStyle(el, '::after').content")
    assert tip in shown
    expect(page.locator(".legend")).to_contain_text("Modality cue")
    expect(row.locator(".reading")).to_contain_text("No.")
    shot(page, "document-highlights")


def test_a_status_change_made_on_the_page_persists(page: Page, server: Server) -> None:
    page.goto(server.url + "/commitments?partner=KZ&domain=trade")
    page.click("table.commitments tbody tr >> nth=0 >> a.mono")
    commitment_url = page.url
    page.select_option("select[name=status]", "fulfilled")
    page.fill("input[name=date]", "2026-02-01")
    page.fill("textarea[name=note]", "Trade reached the target <early>")
    page.fill("input[name=evidence_url]", "https://example.org/trade-2026")
    page.click("form.stacked button[type=submit]")
    expect(page.locator(".notice")).to_contain_text("recorded")
    page.goto(commitment_url)
    expect(page.locator(".current-status")).to_contain_text("fulfilled")
    history = page.locator("#history + table tbody tr").first
    expect(history).to_contain_text("2026-02-01")
    expect(history).to_contain_text("Trade reached the target <early>")
    shot(page, "commitment-changed")
    page.goto(server.url + "/commitments?status=fulfilled")
    expect(page.locator("table.commitments tbody")).to_contain_text(commitment_url.rsplit("/", 1)[1])


def test_a_bad_status_change_keeps_the_form_and_says_why(page: Page, server: Server) -> None:
    page.goto(server.url + "/commitments")
    page.click("table.commitments tbody tr >> nth=1 >> a.mono")
    page.select_option("select[name=status]", "lapsed")
    page.fill("textarea[name=note]", "kept")
    page.evaluate("document.querySelector('input[name=evidence_url]').type = 'text'")
    page.fill("input[name=evidence_url]", "ftp://example.org/x")
    page.click("form.stacked button[type=submit]")
    expect(page.locator(".alert")).to_contain_text("not an http(s) URL")
    expect(page.locator("textarea[name=note]")).to_have_value("kept")
    expect(page.locator(".current-status")).to_contain_text("open")


def test_upload_a_file_and_see_it_stored(page: Page, server: Server, tmp_path: Path) -> None:
    statement = tmp_path / "vn_jp_statement.txt"
    statement.write_text(
        "Joint Statement between Viet Nam and Japan\n\n"
        "1. The two sides agreed to raise bilateral trade to USD 60 billion by 2030.\n\n"
        "2. Viet Nam and Japan agreed to cooperate in energy <script>alert('x')</script> and education.\n",
        encoding="utf-8",
    )
    page.goto(server.url + "/upload")
    page.set_input_files("input[name=files]", str(statement))
    page.click("form.upload button[type=submit]")
    outcome = page.locator(".outcome").first
    expect(outcome).to_contain_text("stored")
    expect(outcome).to_contain_text("2 commitments")
    shot(page, "upload-result")
    outcome.locator("a").click()
    expect(page.locator(".document")).to_contain_text("<script>alert('x')</script>")
    expect(page.locator(".doc-row mark.hl-targets")).to_have_count(1)


def test_charts_and_heat_map_lead_to_the_commitments(page: Page, server: Server) -> None:
    page.goto(server.url + "/partners/RU")
    expect(page.locator(".chart.drawn svg.main-svg").first).to_be_visible()
    assert page.locator(".chart.drawn").count() == 2
    page.goto(server.url + "/compare")
    cell = page.locator("table.heat td.heat-cell a").first
    title = cell.get_attribute("title") or ""
    count = int(cell.inner_text())
    cell.click()
    expect(page).to_have_url(re.compile(r"/commitments\?partner=\w+&partner=\w+&domain=\w+$"))
    expect(page.locator(".result-count")).to_contain_text(str(count))
    assert title.endswith(f"{count} commitments")


def test_pages_work_without_javascript(browser: Browser, server: Server) -> None:
    context = browser.new_context(viewport=LAPTOP, java_script_enabled=False)
    page = context.new_page()
    page.goto(server.url + "/search?q=trade")
    page.click(".hit footer a >> nth=0")
    expect(page.locator(".doc-row:target mark.hl").first).to_be_visible()
    page.goto(server.url + "/partners/KR")
    expect(page.locator(".timeline li").first).to_be_visible()
    page.goto(server.url + "/commitments")
    page.click("table.commitments tbody tr >> nth=2 >> a.mono")
    page.select_option("select[name=status]", "in_progress")
    page.click("form.stacked button[type=submit]")
    expect(page.locator(".current-status")).to_contain_text("in progress")
    shot(page, "no-javascript")
    context.close()


PHONE = {"width": 400, "height": 860}


def test_pages_fit_a_400_pixel_screen(browser: Browser, server: Server, seed_ids: list[str]) -> None:
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    for name, path in {
        "home": "/",
        "search": "/search?q=energi",
        "documents": "/documents",
        "document": f"/documents/{seed_ids[0]}",
        "partners": "/partners",
        "partner": "/partners/KR",
        "compare": "/compare?partner=KR&partner=RU&domain=energy",
        "commitments": "/commitments",
    }.items():
        page.goto(server.url + path)
        expect(page.locator("header.top .brand")).to_be_in_viewport()
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], f"{path} is {width} px wide"
        shot(page, f"phone-{name}")
    context.close()


def test_the_skip_link_appears_on_tab_and_leads_to_the_content(page: Page, server: Server) -> None:
    page.goto(server.url + "/documents")
    page.keyboard.press("Tab")
    link = page.locator(".skip-link")
    expect(link).to_be_focused()
    expect(link).to_be_in_viewport()
    link.press("Enter")
    expect(page).to_have_url(re.compile(r"#main$"))


LINKS = Path(__file__).resolve().parents[1] / "data" / "links"


@pytest.fixture(scope="module")
def renewed(seeded: tuple[Path, list[str]], tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The seeds and two statements between Norway and Vietnam, the later one (in German) renewing the earlier."""
    running = start(copy_register(seeded, tmp_path_factory.mktemp("renewed")))
    with running.client() as http:
        for name in ("no_vn_2023_en.txt", "no_vn_2025_de.txt"):
            files = {"files": (name, (LINKS / name).read_bytes(), "text/plain")}
            assert http.post("/api/ingest", files=files).json()["results"][0]["status"] == "stored"
    yield running
    stop(running)


def test_a_commitment_page_shows_its_earlier_mention_and_the_pair_what_is_new(page: Page, renewed: Server) -> None:
    page.goto(renewed.url + "/partners/NO")
    visit = page.locator(".latest-visit")
    expect(visit).to_contain_text("1 new, 3 made before")
    expect(visit.locator(".change-strengthened")).to_have_count(2)
    expect(visit.locator(".change-new")).to_have_text(re.compile("new", re.IGNORECASE))
    shot(page, "partner-latest-visit")
    visit.locator("a", has_text="bilateralen Handel").click()
    mentions = page.locator("ol.mentions li")
    expect(mentions).to_have_count(2)
    expect(mentions.nth(0)).to_contain_text("USD 2 billion by 2030")
    expect(mentions.nth(1)).to_contain_text("2 billion → 3 billion USD")
    shot(page, "commitment-mentions")
    mentions.nth(0).locator("a").click()
    expect(page.locator("ol.mentions li[aria-current]")).to_contain_text(re.compile("first mention", re.IGNORECASE))


def test_the_targets_page_charts_progress_toward_each_target(page: Page, renewed: Server) -> None:
    with renewed.client() as http:
        name = "no_vn_2025_report_en.txt"
        files = {"files": (name, (LINKS / name).read_bytes(), "text/plain")}
        assert http.post("/api/ingest", files=files).json()["results"][0]["status"] == "stored"
    page.goto(renewed.url + "/targets")
    rows = page.locator("table.targets tbody tr", has=page.locator("svg.sparkline"))
    expect(rows).to_have_count(2)
    expect(rows.nth(0)).to_contain_text("2028")
    expect(rows.nth(0)).to_contain_text("not on track")
    expect(rows.nth(1)).to_contain_text("2030")
    expect(rows.nth(1)).to_contain_text("75%")
    expect(rows.nth(1).locator(".on-track")).to_have_text("on track")
    expect(rows.nth(1).locator("svg circle.reading")).to_have_count(2)
    shot(page, "targets-progress")
    page.goto(renewed.url + "/partners/NO")
    expect(page.locator("table.targets svg.sparkline")).to_have_count(2)


def test_two_language_versions_side_by_side_with_the_slips_marked(
    page: Page, seeded: tuple[Path, list[str]], tmp_path_factory: pytest.TempPathFactory
) -> None:
    running = start(copy_register(seeded, tmp_path_factory.mktemp("versions")))
    try:
        ids = []
        with running.client() as http:
            for name in ("no_vn_2024_statement_en.txt", "no_vn_2024_statement_de.txt"):
                files = {"files": (name, (LINKS / name).read_bytes(), "text/plain")}
                ids.append(http.post("/api/ingest", files=files).json()["results"][0]["document_id"])
            assert http.get(f"/documents/{ids[0]}/versions/{seed_of(seeded)}").status_code == 400
        page.goto(running.url + f"/documents/{ids[0]}/versions/{ids[1]}")
        expect(page.locator(".disagreement-count")).to_have_text("3 disagreements")
        slips = page.locator("tr.disagreement")
        expect(slips).to_have_count(3)
        expect(slips.nth(0)).to_contain_text("Hanoi ≠ Ho Chi Minh City")
        expect(slips.nth(1)).to_contain_text("2 ≠ 3")
        expect(slips.nth(2)).to_contain_text("commit ≠ explore")
        expect(page.locator("tr.disagrees")).to_have_count(3)
        shot(page, "versions")
    finally:
        stop(running)


def seed_of(seeded: tuple[Path, list[str]]) -> str:
    return seeded[1][0]
