"""Finding things in the server (issue #18), with FastAPI's test client over the hand-made sample brief:
whole-word search over entity aliases, undated stories under a date filter, the status / speaker / outlet
filters, the claims page. The sample's entities have aliases ("Zelenskyy", "NIS") that no title holds, so
a story found by them was found through the alias."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from report_sample import build_brief
from server_support import TOKEN, save_brief_store
from test_server import assert_inert, assert_problem

from storyline.server import create_app
from storyline.server.search import Query, words_of
from storyline.store import Store


def _client(db: Path) -> Iterator[TestClient]:
    with Store.open(db) as store, TestClient(create_app(store, TOKEN), base_url="http://127.0.0.1") as client:
        yield client


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """The sample brief with article a3 (story s2, the only one) undated."""
    brief = build_brief()
    articles = tuple(
        dataclasses.replace(article, published=None) if article.id == "a3" else article
        for article in brief.articles
    )
    db = save_brief_store(
        dataclasses.replace(brief, articles=articles), tmp_path_factory.mktemp("f") / "s.db"
    )
    yield from _client(db)


def story_ids(client: TestClient, **params: str) -> list[str]:
    response = client.get("/api/stories", params=params)
    assert response.status_code == 200, response.text
    return [story["id"] for story in response.json()["items"]]


# --- search ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "field", "found"),
    [
        ("nis", "Ministry of Defence", False),  # no word inside a word
        ("NIS", "the NIS said", True),
        ("seul", "Seúl confirma", True),  # accents and case folded
        ("SEÚL", "seul", True),
        ("foreign minister", "Lithuanian Foreign Minister", True),
        ("minister foreign", "Lithuanian Foreign Minister", False),  # the words in order
        ("land", "Landsbergis", False),
        ("!!!", "!!! a", False),  # no word: matches nothing
    ],
)
def test_search_matches_whole_folded_words(query: str, field: str, found: bool) -> None:
    assert Query(query).matches([words_of(field)]) is found


def test_story_search_finds_aliases_and_only_whole_words(sample: TestClient) -> None:
    assert story_ids(sample, q="Zelenskyy") == ["s1"]  # an alias of an entity of s1, in no title
    assert story_ids(sample, q="zelenskyy") == ["s1"]
    assert story_ids(sample, q="NIS") == ["s1"]
    assert story_ids(sample, q="seul") == ["s1"]  # "Seúl confirma 1.500"
    assert story_ids(sample, q="Landsbergis") == ["s2"]
    assert story_ids(sample, q="land") == []  # inside "Landsbergis" only
    assert story_ids(sample, q="zelensk") == []
    page = sample.get("/", params={"q": "Zelenskyy"}).text
    assert "Lithuanian FM on NATO troops" not in page and "1 story from 3 articles" in page


def test_entity_search_uses_the_same_rule(sample: TestClient) -> None:
    def found(q: str) -> list[str]:
        return [item["id"] for item in sample.get("/api/entities", params={"q": q}).json()["items"]]

    assert found("zelenskyy") == ["zelensky"]
    assert found("spy agency") == ["nis"]  # "Seoul’s spy agency", an alias
    assert found("zelensk") == []
    assert "Volodymyr Zelensky" in sample.get("/entities", params={"q": "Zelenskyy"}).text


def test_search_is_bounded(sample: TestClient) -> None:
    assert_problem(sample.get("/api/stories", params={"q": "x" * 201}), 422)
    assert sample.get("/claims", params={"q": "x" * 201}).status_code == 422


# --- dates ----------------------------------------------------------------------------------------------


def test_undated_stories_are_kept_under_a_date_filter_and_said_to_be(sample: TestClient) -> None:
    dated_day = {"date_from": "2024-10-18", "date_to": "2024-10-18"}
    body = sample.get("/api/stories", params=dated_day).json()
    assert [story["id"] for story in body["items"]] == ["s1", "s2"] and body["undated"] == 1
    assert body["items"][1]["first_published"] is None
    assert story_ids(sample, **dated_day, undated="false") == ["s1"]
    assert story_ids(sample, date_from="2999-01-01") == ["s2"]  # nothing dated in range; undated kept

    page = sample.get("/", params=dated_day).text
    assert (
        "Stories with no publication date" in page and "Lithuanian FM" not in page.split("no publication")[0]
    )
    assert "1 with no publication date, kept under the date filter" in page
    hidden = sample.get("/", params={**dated_day, "undated": "hide"}).text
    assert "Stories with no publication date" not in hidden and "NATO boots on the ground" not in hidden
    assert "Stories with no publication date" not in sample.get("/").text  # no date filter: one list
    assert sample.get("/", params={"undated": "maybe"}).status_code == 422


# --- filters --------------------------------------------------------------------------------------------


def test_story_filters_by_status_speaker_and_outlet(sample: TestClient) -> None:
    assert story_ids(sample, status="denied") == ["s1"]
    assert story_ids(sample, status="single-source") == ["s2"]
    assert story_ids(sample, status="corroborated") == []
    assert story_ids(sample, status="series") == []  # a status of the contract (``ledger.series``), none here
    assert story_ids(sample, speaker="landsbergis") == ["s2"]
    assert story_ids(sample, speaker="nis") == ["s1"]
    assert story_ids(sample, outlet="lrt") == ["s2"]  # any case; as stored: "LRT"
    assert story_ids(sample, outlet="Yonhap", status="contested") == ["s1"]
    assert story_ids(sample, outlet="Yonhap", status="single-source") == []

    body = assert_problem(sample.get("/api/stories", params={"status": "certain"}), 422)
    assert body["errors"][0]["location"] == "query.status"
    assert (
        "no entity" in assert_problem(sample.get("/api/stories", params={"speaker": "nobody"}), 422)["detail"]
    )
    assert "LRT2" in assert_problem(sample.get("/api/stories", params={"outlet": "LRT2"}), 422)["detail"]


def test_story_list_page_filters_are_bookmarkable_and_validated(sample: TestClient) -> None:
    page = sample.get("/", params={"status": "single-source", "speaker": "", "outlet": ""}).text
    assert "NATO boots on the ground" in page and "Troops |" not in page
    assert '<option value="single-source" selected>' in page
    assert '<option value="series">series</option>' in page
    by_outlet = sample.get("/", params={"outlet": "Baltic <Ledger>"}).text
    assert "Troops |" in by_outlet and "NATO boots" not in by_outlet
    assert '<option value="Baltic &lt;Ledger&gt;" selected>' in by_outlet
    assert_inert(by_outlet)
    for params in ({"status": "certain"}, {"speaker": "nobody"}, {"outlet": "<script>"}):
        bad = sample.get("/", params=params)
        assert bad.status_code == 422 and bad.headers["content-type"].startswith("text/html")
        assert "<script>" not in bad.text


# --- claims ---------------------------------------------------------------------------------------------


def test_claims_page_links_each_claim_to_its_sentence_and_question(sample: TestClient) -> None:
    page = sample.get("/claims", params={"speaker": "zelensky"}).text
    assert "2 claims" in page
    assert 'href="/articles/a1#claim-c2"' in page and 'href="/articles/a2#claim-c6"' in page
    assert 'href="/stories/s1#question-q-troops"' in page
    assert_inert(page)
    by_outlet = sample.get("/claims", params={"outlet": "LRT"}).text
    assert "1 claim" in by_outlet and "NATO should consider sending troops" in by_outlet
    assert 'href="/stories/s2#question-q-nato"' in by_outlet
    denied = sample.get("/claims", params={"modality": "denied", "q": "troops"}).text
    assert "1 claim" in denied and "#claim-c3" in denied
    assert sample.get("/claims", params={"q": "readi"}).text.count('class="claim-result') == 0
    assert sample.get("/claims", params={"modality": "certain"}).status_code == 422
    assert sample.get("/claims", params={"speaker": "nobody"}).status_code == 422


def test_claims_api_filters_by_outlet_and_names_the_question(sample: TestClient) -> None:
    body = sample.get("/api/claims", params={"outlet": "yonhap"}).json()
    assert {claim["id"] for claim in body["items"]} == {"c5", "c6"}
    assert {claim["id"]: claim["question"] for claim in body["items"]} == {"c5": None, "c6": "q-troops"}
    assert_problem(sample.get("/api/claims", params={"outlet": "nowhere"}), 422)


def test_ledger_questions_filter_by_status_speaker_and_outlet(sample: TestClient) -> None:
    def found(**params: str) -> list[str]:
        response = sample.get("/api/questions", params=params)
        assert response.status_code == 200, response.text
        return [question["id"] for question in response.json()["items"]]

    assert found() == ["q-troops", "q-hoax", "q-nato"]
    assert found(status="contested") == ["q-troops"]
    assert found(speaker="zelensky") == ["q-troops"]
    assert found(outlet="yonhap") == ["q-troops"]
    assert found(outlet="Baltic <Ledger>", status="denied") == ["q-hoax"]
    assert_problem(sample.get("/api/questions", params={"status": "sure"}), 422)
    assert_problem(sample.get("/api/questions", params={"speaker": "nobody"}), 422)

    page = sample.get("/questions", params={"status": "denied", "speaker": "", "outlet": ""}).text
    assert "1 question" in page and 'href="/stories/s1#question-q-hoax"' in page
    assert "How many North Korean" not in page
    assert_inert(page)
    assert sample.get("/questions", params={"status": "sure"}).status_code == 422
