"""The web UI in a real headless Chromium (Debian's, driven by Playwright; no browser is downloaded): the
server runs on a free loopback port over a store of the demo corpus; the tests open the story list, open a
story, check the ledger shows the disagreeing positions, click a position and land on its highlighted
sentence. Screenshots go to the test's output folder and are copied to /tmp/storyline-screenshots/.

Skipped when /usr/bin/chromium or Playwright is missing, except in CI (CI=true), where .ci/run installs them.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import httpx
import pytest
from report_sample import build_brief
from server_support import running_server, save_brief_store, save_sample_store
from test_server_changes import second_ingest

from storyline.records import Brief
from storyline.store import Store

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOT_COPIES = Path("/tmp/storyline-screenshots")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",  # CI runs as root in a container, where Chromium's sandbox cannot start
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _missing(reason: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason}; .ci/run must install it in CI")
    pytest.skip(
        f"{reason}: the browser tests need it (apt-get install chromium; pip install playwright)",
        allow_module_level=True,
    )


if not CHROMIUM.exists():
    _missing(f"{CHROMIUM} is missing")
try:
    from playwright.sync_api import BrowserContext, Page, expect, sync_playwright
except ImportError:
    _missing("the playwright package is missing")


@pytest.fixture(scope="module")
def base_url(demo_brief: Brief, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    store = save_brief_store(demo_brief, tmp_path_factory.mktemp("browser-store") / "demo.db")
    with running_server(store) as url:
        yield url


@pytest.fixture(scope="module")
def screenshots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("screenshots")


@pytest.fixture(scope="module")
def context(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BrowserContext]:
    profile = tmp_path_factory.mktemp("chromium-profile")  # a fresh profile: no state from other runs
    with sync_playwright() as playwright:
        browser_context = playwright.chromium.launch_persistent_context(
            str(profile),
            executable_path=str(CHROMIUM),
            headless=True,
            args=CHROMIUM_FLAGS,
            viewport={"width": 1280, "height": 900},
        )
        try:
            yield browser_context
        finally:
            browser_context.close()


@pytest.fixture()
def page(context: BrowserContext) -> Iterator[Page]:
    """A tab that fails the test on any console error (a CSP violation or a script error shows there)."""
    tab = context.new_page()
    errors: list[str] = []
    tab.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.on(
        "response",
        lambda response: (
            errors.append(f"{response.status} {response.url}") if response.status >= 400 else None
        ),
    )
    yield tab
    tab.close()
    assert errors == [], f"console errors: {errors}"


def save_screenshot(page: Page, folder: Path, name: str, full_page: bool = False) -> Path:
    path = folder / name
    page.screenshot(path=str(path), full_page=full_page)
    SCREENSHOT_COPIES.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(path, SCREENSHOT_COPIES / name)
    print(f"screenshot: {path} (copy in {SCREENSHOT_COPIES / name})")
    return path


def contested_story(base_url: str) -> dict[str, Any]:
    """The story with the most questions on which positions disagree, as the API gives its brief."""
    stories = httpx.get(f"{base_url}/api/stories", params={"limit": 100}).json()["items"]
    chosen = max(stories, key=lambda story: story["contested_questions"])
    assert chosen["contested_questions"] > 0, "the demo corpus should hold a contested question"
    return dict(httpx.get(f"{base_url}/api/stories/{chosen['id']}").json())


def test_story_list_to_ledger_to_sentence(page: Page, base_url: str, screenshots: Path) -> None:
    brief = contested_story(base_url)
    story = brief["stories"][0]
    claims = {claim["id"]: claim for claim in brief["claims"]}

    page.goto(f"{base_url}/")
    expect(page.locator("h1")).to_have_text("Stories")
    save_screenshot(page, screenshots, "story-list.png", full_page=True)
    page.get_by_role("link", name=story["title"], exact=True).click()
    page.wait_for_url(f"**/stories/{story['id']}")

    # The ledger is the first section, and every question with more than one position is highlighted
    # with all its positions shown.
    first_section = page.locator("section h2").first
    expect(first_section).to_have_attribute("id", "ledger")
    disagreeing = [question for question in story["questions"] if len(question["positions"]) > 1]
    rows = page.locator("tr.question.disagreement")
    expect(rows).to_have_count(len(disagreeing))
    for row_number, question in enumerate(disagreeing):
        row = rows.nth(row_number)
        expect(row.locator(".position")).to_have_count(len(question["positions"]))
        expect(row.locator(".badge")).to_be_visible()
        expect(row.locator(".status-reason")).to_have_text(question["status_reason"])
        background = row.locator(".position").first.evaluate("el => getComputedStyle(el).backgroundColor")
        plain_background = page.evaluate("getComputedStyle(document.body).backgroundColor")
        assert background != plain_background, "disagreeing positions should be highlighted"
    save_screenshot(page, screenshots, "story.png", full_page=True)

    # Click the first claim of the second position of the first disagreement: land on that sentence.
    link = rows.first.locator(".position").nth(1).locator("a.claim-link").first
    href = link.get_attribute("href") or ""
    claim = claims[unquote(href.split("#claim-", 1)[1])]
    link.click()
    page.wait_for_url(f"**/articles/{claim['article']}#claim-*")
    target = page.locator("mark.claim.is-target")
    expect(target.first).to_be_visible()
    expect(target.first).to_be_in_viewport()
    assert "".join(target.all_inner_texts()) == claim["text"]
    assert page.evaluate("document.activeElement.id") == f"claim-{claim['id']}"
    save_screenshot(page, screenshots, "article.png")


def test_article_page_shows_highlights_and_collapsed_boilerplate(
    page: Page, base_url: str, screenshots: Path, demo_brief: Brief
) -> None:
    article = next(a for a in demo_brief.articles if a.removed)
    page.goto(f"{base_url}/articles/{article.id}")
    details = page.locator("details.removed")
    expect(details).not_to_have_attribute("open", "")
    expect(details.locator("li").first).to_be_hidden()
    details.locator("summary").click()
    expect(details.locator("li")).to_have_count(len(article.removed))
    expect(details.locator("li").first).to_be_visible()
    claim_count = sum(1 for claim in demo_brief.claims if claim.article == article.id)
    expect(page.locator("mark.claim[id^='claim-']")).to_have_count(claim_count)
    assert page.locator("a.entity").count() > 0
    save_screenshot(page, screenshots, "article-removed-lines.png", full_page=True)


def test_keyboard_and_narrow_screen(page: Page, base_url: str, screenshots: Path) -> None:
    page.goto(f"{base_url}/")
    page.keyboard.press("Tab")
    expect(page.locator(".skip")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()
    # From the main content, the keyboard reaches the search box and then a story.
    page.keyboard.press("Tab")
    expect(page.locator("#q")).to_be_focused()
    word = max(contested_story(base_url)["stories"][0]["title"].split(), key=len)
    page.keyboard.type(word)
    page.keyboard.press("Enter")
    page.wait_for_url("**/?q=*")
    expect(page.locator(".story-item")).not_to_have_count(0)
    first_story = page.locator(".story-item a").first
    first_story.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/stories/*")

    page.set_viewport_size({"width": 360, "height": 780})
    page.reload()
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 1, "the page should not scroll sideways on a phone; wide tables scroll inside"
    save_screenshot(page, screenshots, "story-narrow.png")


# --- finding (issue #18): over the hand-made sample, whose entities have aliases no title holds ------------


@pytest.fixture()
def sample_server(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """A server over a fresh copy of the sample store (tests here write to it), and the store's path. Ask
    for it before ``page``: the tab, which polls the server, must close first."""
    db = save_sample_store(tmp_path / "sample.db")
    with running_server(db) as url:
        yield url, db


def test_search_by_alias_and_filter_by_status(
    sample_server: tuple[str, Path], page: Page, screenshots: Path
) -> None:
    base, _db = sample_server
    page.goto(f"{base}/")
    page.locator("#q").fill("Zelenskyy")  # an alias of an entity of story s1; in no title
    page.locator("#q").press("Enter")
    page.wait_for_url("**/?q=Zelenskyy*")
    expect(page.locator(".story-item")).to_have_count(1)
    expect(page.locator(".story-item h2 a")).to_have_attribute("href", "/stories/s1")

    page.locator("#q").fill("")
    page.locator("#status").select_option("single-source")
    page.get_by_role("button", name="Search").click()
    page.wait_for_url("**status=single-source*")
    expect(page.locator(".story-item h2 a")).to_have_text(["NATO boots on the ground"])
    save_screenshot(page, screenshots, "story-list-filtered.png", full_page=True)
    page.reload()  # the filter is in the address: a bookmark gives the same list
    expect(page.locator("#status")).to_have_value("single-source")
    expect(page.locator(".story-item")).to_have_count(1)

    page.goto(f"{base}/claims?speaker=zelensky")
    expect(page.locator(".claim-result")).to_have_count(2)
    page.locator(".claim-result a.question-link").first.click()
    page.wait_for_url("**/stories/s1#question-q-troops")
    expect(page.locator("#question-q-troops")).to_be_visible()


def test_live_banner_during_another_ingest_then_what_changed(
    sample_server: tuple[str, Path], page: Page, screenshots: Path
) -> None:
    base, db = sample_server
    later, analysis = second_ingest(build_brief())
    page.goto(f"{base}/")
    live = page.locator("#live")
    expect(live).to_be_hidden()
    with Store.open(db) as other:  # another process's ingest: articles first, then the stories
        other.save_analysis(analysis)
        expect(live).to_contain_text("Ingest in progress: 1 new article", timeout=20_000)
        save_screenshot(page, screenshots, "live-banner-ingesting.png")
        other.save_cross_article(later.entities, later.copies, later.stories)
    expect(live).to_contain_text("1 new article stored since this page was loaded", timeout=30_000)
    # The server loads the new brief in its writer process; the banner stays until a reload shows it.
    expect(live.get_by_role("link", name="Refresh")).to_be_visible(timeout=30_000)
    live.get_by_role("link", name="Refresh").click()
    expect(page.locator("#result-count")).to_contain_text("from 4 articles")
    expect(live).to_be_hidden()

    page.get_by_role("link", name="What changed").click()
    page.wait_for_url("**/changes")
    expect(page.locator("#changes-new")).to_have_text("New questions (1)")
    expect(page.locator(".changes-status .change")).to_contain_text("denied → contested")
    save_screenshot(page, screenshots, "what-changed.png", full_page=True)
    page.get_by_role("link", name="Will Lithuania send troops?").click()
    page.wait_for_url("**/stories/s2#question-q-new")
    expect(page.locator("#question-q-new")).to_be_visible()
