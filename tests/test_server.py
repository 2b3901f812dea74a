"""The HTTP API with FastAPI's test client: every read endpoint over the analysed demo corpus, pagination
and filters, problem details for errors, the bearer token on writes, request size limits, and ingest of a
hostile article that must come back inert in the pages."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from report_sample import HOSTILE_LINE, HOSTILE_TITLE
from server_support import TOKEN, save_brief_store, save_sample_store

from storyline.config import EngineSettings, Settings
from storyline.records import Brief
from storyline.report import validate_brief
from storyline.server import create_app
from storyline.store import Store

AUTH = {"Authorization": f"Bearer {TOKEN}"}


def _client(db: Path) -> Iterator[TestClient]:
    with Store.open(db) as store, TestClient(create_app(store, TOKEN), base_url="http://127.0.0.1") as client:
        yield client


@pytest.fixture(scope="module")
def demo(demo_brief: Brief, tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    yield from _client(save_brief_store(demo_brief, tmp_path_factory.mktemp("demo") / "demo.db"))


@pytest.fixture()
def sample(tmp_path: Path) -> Iterator[TestClient]:
    yield from _client(save_sample_store(tmp_path / "sample.db"))


def all_stories(client: TestClient) -> list[dict]:
    body = client.get("/api/stories", params={"limit": 100}).json()
    return body["items"]


class ElementCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))


def assert_inert(page: str) -> None:
    """No element a browser would run: scripts only from /static, no event attributes, no script URLs."""
    collector = ElementCollector()
    collector.feed(page)
    for tag, attributes in collector.elements:
        assert tag not in {"img", "iframe", "object", "embed"}, (tag, attributes)
        if tag == "script":
            assert attributes.get("src") == "/static/app.js", attributes
        for name, value in attributes.items():
            assert not name.startswith("on"), (tag, attributes)
            if name in {"href", "src", "action"}:
                assert not (value or "").strip().lower().startswith(("javascript:", "data:")), attributes


def assert_problem(response, status: int) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body = response.json()
    assert body["status"] == status and body["title"] and body["detail"] and body["type"] == "about:blank"
    return body


# --- reads ----------------------------------------------------------------------------------------------


def test_story_list_paginates_over_every_story(demo: TestClient) -> None:
    stories = all_stories(demo)
    assert len(stories) >= 2
    assert len({story["id"] for story in stories}) == len(stories)
    second = demo.get("/api/stories", params={"offset": 1, "limit": 1}).json()
    assert second["total"] == len(stories)
    assert [item["id"] for item in second["items"]] == [stories[1]["id"]]
    beyond = demo.get("/api/stories", params={"offset": len(stories)}).json()
    assert beyond["items"] == [] and beyond["total"] == len(stories)


@pytest.mark.parametrize("params", [{"limit": 0}, {"limit": 101}, {"offset": -1}, {"date_from": "May 3"}])
def test_bad_query_parameters_are_problem_details(demo: TestClient, params: dict) -> None:
    body = assert_problem(demo.get("/api/stories", params=params), 422)
    assert body["errors"] and all(error["location"].startswith("query.") for error in body["errors"])


def test_story_filters(demo: TestClient) -> None:
    stories = all_stories(demo)
    target = stories[0]
    word = max(re.findall(r"\w+", target["title"]), key=len)
    found = demo.get("/api/stories", params={"q": word.upper()}).json()["items"]
    assert target["id"] in [story["id"] for story in found]
    assert len(found) < len(stories) or len(stories) == 1
    assert demo.get("/api/stories", params={"q": "zzzz-no-such-words"}).json()["total"] == 0

    brief = demo.get(f"/api/stories/{target['id']}").json()
    entity = brief["entities"][0]
    by_entity = demo.get("/api/stories", params={"entity": entity["id"]}).json()["items"]
    assert target["id"] in [story["id"] for story in by_entity]
    for story in by_entity:
        story_brief = demo.get(f"/api/stories/{story['id']}").json()
        assert entity["id"] in {e["id"] for e in story_brief["entities"]}

    dated = [story for story in stories if story["first_published"]]
    assert dated
    day = dated[0]["first_published"]
    in_range = demo.get("/api/stories", params={"date_from": day, "date_to": day}).json()["items"]
    assert dated[0]["id"] in [story["id"] for story in in_range]
    assert demo.get("/api/stories", params={"date_from": "2999-01-01"}).json()["total"] == 0


def test_story_brief_is_a_valid_brief_of_that_story_only(demo: TestClient) -> None:
    for summary in all_stories(demo):
        brief = demo.get(f"/api/stories/{summary['id']}").json()
        validate_brief(brief)
        assert [story["id"] for story in brief["stories"]] == [summary["id"]]
        members = set(brief["stories"][0]["articles"])
        assert {article["id"] for article in brief["articles"]} == members
        assert all(claim["article"] in members for claim in brief["claims"])
    assert_problem(demo.get("/api/stories/no-such-story"), 404)


def test_article_spans_point_into_its_text(demo: TestClient) -> None:
    story = demo.get(f"/api/stories/{all_stories(demo)[0]['id']}").json()
    checked = 0
    for article_id in story["stories"][0]["articles"]:
        article = demo.get(f"/api/articles/{article_id}").json()
        text = article["text"]
        for claim in article["claims"]:
            assert text[claim["start"] : claim["end"]] == claim["text"]
            checked += 1
        for mention in article["entities"]:
            assert text[mention["start"] : mention["end"]] == mention["text"]
        assert article["story"] == story["stories"][0]["id"]
    assert checked > 0
    assert_problem(demo.get("/api/articles/nope"), 404)


def test_entity_mentions_across_stories(demo: TestClient) -> None:
    listing = demo.get("/api/entities", params={"limit": 100}).json()
    assert listing["total"] >= len(listing["items"]) > 0
    entity = max(listing["items"], key=lambda item: item["mentions"])
    body = demo.get(f"/api/entities/{entity['id']}").json()
    assert body["name"] == entity["name"]
    assert sum(len(group["mentions"]) for group in body["stories"]) == entity["mentions"]
    for group in body["stories"]:
        for mention in group["mentions"]:
            text = demo.get(f"/api/articles/{mention['article']}").json()["text"]
            assert text[mention["start"] : mention["end"]] == mention["text"]
    named = demo.get("/api/entities", params={"q": entity["name"].lower()}).json()["items"]
    assert entity["id"] in [item["id"] for item in named]
    assert_problem(demo.get("/api/entities/nope"), 404)


def test_claims_search(demo: TestClient) -> None:
    everything = demo.get("/api/claims", params={"limit": 100}).json()
    assert everything["total"] > 0
    denied = demo.get("/api/claims", params={"modality": "denied", "limit": 100}).json()
    assert all(claim["modality"] == "denied" for claim in denied["items"])
    assert denied["total"] < everything["total"]
    cue = everything["items"][0]["cue"]
    by_word = demo.get("/api/claims", params={"q": cue, "limit": 100}).json()["items"]
    assert by_word and all(
        cue.lower() in " ".join([c["text"], c["cue"], c["speaker_name"] or ""]).lower() for c in by_word
    )
    story = all_stories(demo)[0]["id"]
    in_story = demo.get("/api/claims", params={"story": story, "limit": 100}).json()["items"]
    assert in_story and all(claim["story"] == story for claim in in_story)
    assert_problem(demo.get("/api/claims", params={"modality": "certain"}), 422)


def test_exports_of_a_story(demo: TestClient) -> None:
    story_id = all_stories(demo)[0]["id"]
    brief = demo.get(f"/api/stories/{story_id}").json()

    as_json = demo.get("/api/export", params={"format": "json", "story": story_id})
    assert as_json.headers["content-disposition"].startswith("attachment")
    validate_brief(as_json.json())

    lines = demo.get("/api/export", params={"format": "jsonl", "story": story_id}).text.splitlines()
    assert len(lines) == len(brief["claims"])
    assert {json.loads(line)["claim"] for line in lines} == {claim["id"] for claim in brief["claims"]}

    csv_text = demo.get("/api/export", params={"format": "csv", "story": story_id}).text
    header, *rows = csv_text.splitlines()
    assert header.startswith("story,question_id,question,unit,status,status_reason,")
    assert len(rows) == len(brief["stories"][0]["questions"])

    markdown = demo.get("/api/export", params={"format": "md", "story": story_id}).text
    assert brief["stories"][0]["title"][:20] in markdown.replace("\\", "")

    jsonld = demo.get("/api/export", params={"format": "jsonld", "story": story_id}).json()
    assert "reviewRating" not in json.dumps(jsonld)
    positions = sum(len(q["positions"]) for q in brief["stories"][0]["questions"])
    assert len(jsonld["@graph"]) == positions

    whole = demo.get("/api/export", params={"format": "json"}).json()
    assert len(whole["stories"]) == len(all_stories(demo))
    assert_problem(demo.get("/api/export", params={"format": "xlsx"}), 422)
    assert_problem(demo.get("/api/export", params={"story": "nope"}), 404)


def test_openapi_and_docs_page(demo: TestClient) -> None:
    spec = demo.get("/openapi.json").json()
    for path in ("/api/stories", "/api/stories/{story_id}", "/api/articles/{article_id}", "/api/claims"):
        assert path in spec["paths"]
    docs = demo.get("/docs")
    assert docs.status_code == 200 and "/api/stories" in docs.text
    assert "cdn" not in docs.text.lower()


# --- writes ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "headers", [{}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN}, {"Authorization": "Basic x"}]
)
def test_writes_need_the_token(sample: TestClient, headers: dict) -> None:
    response = sample.post("/api/articles", json={"text": "Officials said 3 ships sank."}, headers=headers)
    assert_problem(response, 401)
    assert response.headers["www-authenticate"] == "Bearer"
    upload = sample.post("/api/upload", files={"file": ("a.txt", b"Some text.")}, headers=headers)
    assert_problem(upload, 401)
    assert sample.get("/api/stories").json()["total"] == 2  # nothing was written


@pytest.mark.parametrize(
    "body",
    [{}, {"text": ""}, {"text": 5}, [], [{"text": "x"}] * 101, {"text": "x", "title": "t" * 2001}],
)
def test_invalid_articles_are_problem_details(sample: TestClient, body: object) -> None:
    problem = assert_problem(sample.post("/api/articles", json=body, headers=AUTH), 422)
    assert problem["errors"]


def test_oversized_requests_are_refused(sample: TestClient) -> None:
    huge = {"text": "word " * (2 * 1024 * 1024)}  # 10 MB of JSON
    assert_problem(sample.post("/api/articles", json=huge, headers=AUTH), 413)

    def chunks() -> Iterator[bytes]:  # no Content-Length: the limit must hold while reading
        for _ in range(12):
            yield b"x" * (1024 * 1024)

    chunked = sample.post(
        "/api/articles", content=chunks(), headers={**AUTH, "Content-Type": "application/json"}
    )
    assert_problem(chunked, 413)


def test_hostile_article_is_ingested_and_shown_inert(sample: TestClient) -> None:
    hostile = {
        "title": "<script>alert('title')</script>",
        "outlet": '<img src=x onerror="alert(1)">',
        "url": "javascript:alert(document.cookie)",
        "published": "2024-10-21",
        "text": (
            "Officials said that 4,000 troops <script>alert('x')</script> had crossed the border.\n"
            'A spokesman denied that <a href="javascript:alert(2)" onclick="alert(3)">the report</a> '
            "was true.\n"
        ),
    }
    response = sample.post("/api/articles", json=hostile, headers=AUTH)
    assert response.status_code == 201, response.text
    (article_id,) = response.json()["added"]
    assert response.json()["stories"]
    again = sample.post("/api/articles", json=[hostile], headers=AUTH).json()
    assert again["added"] == [] and again["already_stored"] == [article_id]

    page = sample.get(f"/articles/{article_id}").text
    assert_inert(page)
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in page
    assert "onclick=&#34;alert(3)&#34;" in page  # shown as the text it is
    story_id = response.json()["stories"][0]
    assert_inert(sample.get(f"/stories/{story_id}").text)
    assert_inert(sample.get("/").text)


def test_story_list_page_takes_the_search_form_as_sent(sample: TestClient) -> None:
    empty_fields = sample.get("/", params={"q": "nato", "date_from": "", "date_to": ""})
    assert empty_fields.status_code == 200
    assert "NATO boots on the ground" in empty_fields.text and "Troops |" not in empty_fields.text
    in_range = sample.get("/", params={"date_from": "2024-10-20", "date_to": "2024-10-20"}).text
    assert "NATO boots on the ground" in in_range and "Troops |" not in in_range
    bad = sample.get("/", params={"date_from": "yesterday"})
    assert bad.status_code == 422 and bad.headers["content-type"].startswith("text/html")


def test_sample_pages_escape_everything(sample: TestClient) -> None:
    listing = sample.get("/")
    assert listing.status_code == 200
    assert "content-security-policy" in listing.headers
    assert "script-src 'self'" in listing.headers["content-security-policy"]
    story = sample.get("/stories/s1").text
    article = sample.get("/articles/a1").text
    for page in (listing.text, story, article):
        assert_inert(page)
        assert HOSTILE_TITLE not in page
        assert "<b>bold</b>" not in page
        assert "&lt;b&gt;bold&lt;/b&gt;" in page
    assert HOSTILE_LINE not in article and "&lt;script&gt;alert(1)&lt;/script&gt;" in article
    assert 'href="javascript:' not in article
    assert "Subscribe &lt;script&gt;alert(2)&lt;/script&gt; now!" in article  # removed line, collapsed
    assert re.search(r"<details class=\"removed\">\s*<summary>Removed lines \(1\)</summary>", article)


def test_upload_reports_bad_lines(sample: TestClient) -> None:
    data = (
        b'{"text": "The port authority said 12 ships were stranded at Velsund.", "outlet": "Up"}\nnot json\n'
    )
    response = sample.post("/api/upload", files={"file": ("batch.jsonl", data)}, headers=AUTH)
    assert response.status_code == 201, response.text
    body = response.json()
    assert len(body["added"]) == 1
    assert [(item["source"], item["line"]) for item in body["skipped"]] == [("batch.jsonl", 2)]
    assert sample.get(f"/api/articles/{body['added'][0]}").json()["outlet"] == "Up"


# --- Storyline errors as problems -----------------------------------------------------------------------


def test_blank_article_text_is_an_input_problem(sample: TestClient) -> None:
    problem = assert_problem(sample.post("/api/articles", json={"text": " \n "}, headers=AUTH), 422)
    assert problem["detail"] == "<request article 1>: no article text"


def test_a_read_only_store_is_a_store_problem(tmp_path: Path) -> None:
    db = save_sample_store(tmp_path / "sample.db")
    article = {"text": "Officials said 3 ships sank off Velsund on Monday.", "outlet": "Up"}
    with (
        Store.open(f"sqlite:///file:{db}?mode=ro&uri=true") as store,
        TestClient(create_app(store, TOKEN), base_url="http://127.0.0.1") as client,
    ):
        problem = assert_problem(client.post("/api/articles", json=article, headers=AUTH), 503)
        assert problem["detail"].endswith(
            "database is read-only, nothing was written (attempt to write a readonly database)"
        )
        assert client.get("/api/stories").json()["total"] == 2


def test_an_unusable_engine_setting_is_a_configuration_problem(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    settings = Settings(engine=EngineSettings(name="dask", scheduler="no-port-here"))
    article = {"text": "Officials said 3 ships sank off Velsund on Monday."}
    with (
        Store.open(save_sample_store(tmp_path / "sample.db")) as store,
        TestClient(create_app(store, TOKEN, settings), base_url="http://127.0.0.1") as client,
    ):
        problem = assert_problem(client.post("/api/articles", json=article, headers=AUTH), 500)
        assert problem["detail"].startswith("scheduler 'no-port-here': cannot connect")
