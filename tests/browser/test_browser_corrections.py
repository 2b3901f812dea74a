"""A correction made in the browser survives re-analysis: in Chromium, an analyst merges two entities from
the entity page (the form sends the token cookie a browser holds), the server stops, the cross-article
stages run again over the same store, and a fresh server still shows the merge, marked as the analyst's.

Skipped like test_browser.py when Chromium or Playwright is missing, except in CI.
"""

from __future__ import annotations

from pathlib import Path

import httpx
from server_support import TOKEN, running_server, save_brief_store

# Chromium and Playwright are checked (skipped or failed, as in CI) by test_browser, whose fixtures these are.
from test_browser import (  # noqa: F401
    BrowserContext,
    Page,
    context,
    expect,
    page,
    save_screenshot,
    screenshots,
)

from storyline import pipeline
from storyline.corrections import MARK
from storyline.records import Brief
from storyline.store import Store


def _entity_id(base_url: str, name: str) -> str:
    found = httpx.get(f"{base_url}/api/entities", params={"q": name, "limit": 100}).json()["items"]
    return str(next(entity["id"] for entity in found if entity["name"] == name))


def test_a_merge_made_in_the_page_survives_reanalysis(
    context: BrowserContext,  # noqa: F811
    page: Page,  # noqa: F811
    screenshots: Path,  # noqa: F811
    demo_brief: Brief,
    tmp_path: Path,
) -> None:
    db = save_brief_store(demo_brief, tmp_path / "demo.db")
    with running_server(db) as base_url:
        kept, absorbed = (
            _entity_id(base_url, "Valdoran Red Cross"),
            _entity_id(base_url, "Red Cross Valdoran"),
        )
        context.add_cookies([{"name": "storyline_token", "value": TOKEN, "url": base_url}])
        page.goto(f"{base_url}/entities/{kept}")
        form = page.locator("#merge-entity")
        form.locator("input[name=other]").fill(absorbed)
        form.locator("input[name=note]").fill("one society <b>twice</b>")
        form.get_by_role("button", name="Merge").click()
        page.wait_for_url(f"**/entities/{kept}")
        expect(page.locator(".correction strong")).to_have_text(
            f"{MARK}: merged 'Red Cross Valdoran' into 'Valdoran Red Cross'"
        )
        assert httpx.get(f"{base_url}/api/entities/{absorbed}").status_code == 404

    with Store.open(db) as store:  # re-analysis: entities, copies, stories and ledger computed again
        pipeline.refresh_store(store)

    with running_server(db) as base_url:
        page.goto(f"{base_url}/entities/{kept}")
        expect(page.locator(".correction strong")).to_contain_text("merged 'Red Cross Valdoran'")
        expect(page.locator(".correction-note")).to_have_text("one society <b>twice</b>")  # shown as text
        expect(page.locator("dd").filter(has_text="Red Cross Valdoran")).to_have_count(1)  # now an alias
        save_screenshot(page, screenshots, "entity-corrected.png", full_page=True)
        assert httpx.get(f"{base_url}/api/entities/{absorbed}").status_code == 404
