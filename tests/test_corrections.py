"""Analysts' corrections on the demo corpus, analysed into a real store: each kind of correction applies,
survives re-analysis (the cross-article stages run again over the same store), can be undone, and is
refused with a reason when it cannot apply; the API adds, lists and removes them behind the token."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from server_support import TOKEN

import storyline
from eval.common import DEMO
from storyline import pipeline
from storyline.corrections import (
    MARK,
    Correction,
    apply_corrections,
    claim_key,
    corrections_of,
    make_correction,
    position_key,
    rejected_claims,
)
from storyline.errors import StorylineInputError
from storyline.records import Brief, Entity, Question
from storyline.report import validate_brief
from storyline.server import create_app
from storyline.store import Store

AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture(scope="module")
def analysed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("corrections") / "demo.db"
    storyline.analyze([DEMO], db=path)
    return path


@pytest.fixture()
def db(analysed: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "demo.db"
    shutil.copy(analysed, copy)
    return copy


def _entity(brief: Brief, name: str) -> Entity:
    return next(entity for entity in brief.entities if entity.name == name)


def _questions(brief: Brief) -> list[Question]:
    return [question for story in brief.stories for question in story.questions]


def _corrections(brief: Brief) -> dict[str, Correction]:
    """One correction of each kind on the demo brief, by kind."""
    society, duplicate = _entity(brief, "Valdoran Red Cross"), _entity(brief, "Red Cross Valdoran")
    marin = next(e for e in brief.entities if "Its chief executive" in e.aliases)
    red_cross = _entity(brief, "International Federation of Red Cross")
    contested = [q for q in _questions(brief) if len(q.positions) > 2]
    deaths = contested[0]
    wrong, respoken = deaths.positions[0].claims[0], deaths.positions[1].claims[0]
    story = next(s for s in brief.stories if deaths in s.questions)
    other = next(q for q in story.questions if q.id != deaths.id)
    # the split is on a question of another story, so that the merge and the split do not overlap
    vessels = next(q for q in contested if q not in story.questions)
    return {
        "merge-entities": make_correction(brief, "merge-entities", [society.id, duplicate.id], note="one"),
        "split-entity": make_correction(brief, "split-entity", [marin.id], alias="Its chief executive"),
        "reject-claim": make_correction(brief, "reject-claim", [wrong], note="misread <b>27</b>"),
        "reassign-speaker": make_correction(brief, "reassign-speaker", [respoken, red_cross.id]),
        "merge-questions": make_correction(brief, "merge-questions", [deaths.id, other.id]),
        "split-question": make_correction(
            brief, "split-question", [vessels.id], position=position_key(vessels.positions[0])
        ),
        "note": make_correction(brief, "note", [red_cross.id], note="check the <i>name</i>", author="ana"),
    }


def _check_corrected(brief: Brief, made: dict[str, Correction]) -> None:
    assert [c.applied for c in brief.corrections] == [True] * len(made)
    assert all(c.summary.startswith(MARK) for c in brief.corrections if c.kind != "note")
    ids = {entity.id for entity in brief.entities}
    kept, absorbed = made["merge-entities"].targets
    assert kept in ids and absorbed not in ids
    assert "Red Cross Valdoran" in _entity(brief, "Valdoran Red Cross").aliases
    assert all(claim.speaker != absorbed for claim in brief.claims)
    split = _entity(brief, "Its chief executive")
    assert split.mentions and all(m.text == "Its chief executive" for m in split.mentions)
    assert (
        "Its chief executive"
        not in next(e for e in brief.entities if e.id == made["split-entity"].targets[0]).aliases
    )
    by_key = {claim_key(claim): claim for claim in brief.claims}
    wrong = made["reject-claim"].targets[0]
    assert wrong not in by_key
    in_ledger = {c for q in _questions(brief) for p in q.positions for c in p.claims}
    assert not any(claim_key(c) == wrong for c in brief.claims if c.id in in_ledger)
    article = wrong.partition("@")[0]
    assert [c.note for c, _start, _end in rejected_claims(brief, article)] == ["misread <b>27</b>"]
    respoken, speaker = made["reassign-speaker"].targets
    assert by_key[respoken].speaker == speaker
    held = set(made["merge-questions"].payload["claims"][made["merge-questions"].targets[0]])
    held |= set(made["merge-questions"].payload["claims"][made["merge-questions"].targets[1]])
    held.discard(wrong)
    key_of = {claim.id: claim_key(claim) for claim in brief.claims}
    assert any(held <= {key_of[c] for p in q.positions for c in p.claims} for q in _questions(brief))
    wanted = made["split-question"].payload["position"]
    assert any([position_key(p) for p in q.positions] == [wanted] for q in _questions(brief))
    assert [c.note for c in corrections_of(brief, speaker) if c.kind == "note"] == ["check the <i>name</i>"]
    body = brief.to_dict()
    validate_brief(body)
    assert [c["kind"] for c in body["corrections"]] == list(made)


def test_each_correction_survives_reanalysis(db: Path) -> None:
    with Store.open(db) as store:
        before = pipeline.load_brief(store)
        made = _corrections(before)
        for correction in made.values():
            store.add_correction(correction)
        _check_corrected(pipeline.load_brief(store), made)
        _check_corrected(pipeline.refresh_store(store), made)  # the cross-article stages run again
        _check_corrected(pipeline.load_brief(store), made)
        for correction in store.list_corrections():
            assert correction.id is not None
            store.remove_correction(correction.id)
        restored = pipeline.load_brief(store)
    assert restored.corrections == ()
    assert len(restored.claims) == len(before.claims) and len(restored.entities) == len(before.entities)


def test_a_correction_whose_target_is_gone_is_kept_and_reported(db: Path) -> None:
    gone = Correction("reject-claim", ("0000000000000000@1-5",), {"text": "x"})
    with Store.open(db) as store:
        store.add_correction(gone)
        brief = pipeline.refresh_store(store)
        assert len(store.list_corrections()) == 1
    assert brief.corrections[0].applied is False
    assert brief.corrections[0].summary.startswith("not applied")


def test_bad_corrections_are_refused_with_a_reason(demo_brief: Brief) -> None:
    entity = demo_brief.entities[0]
    with pytest.raises(StorylineInputError, match="no such entity"):
        make_correction(demo_brief, "merge-entities", [entity.id, "e-nope"])
    with pytest.raises(StorylineInputError, match="itself"):
        make_correction(demo_brief, "merge-entities", [entity.id, entity.id])
    with pytest.raises(StorylineInputError, match="unknown correction kind"):
        make_correction(demo_brief, "delete-everything", [entity.id])
    with pytest.raises(StorylineInputError, match="alias other than"):
        make_correction(demo_brief, "split-entity", [entity.id], alias=entity.name)
    with pytest.raises(StorylineInputError, match="no such claim"):
        make_correction(demo_brief, "reject-claim", ["nope:c1"])
    assert apply_corrections(demo_brief, []) is demo_brief


@pytest.fixture()
def client(db: Path) -> Iterator[TestClient]:
    with Store.open(db) as store, TestClient(create_app(store, TOKEN), base_url="http://127.0.0.1") as test:
        yield test


def test_the_api_adds_lists_and_removes_corrections_behind_the_token(client: TestClient) -> None:
    entities = {
        e["name"]: e["id"] for e in client.get("/api/entities", params={"limit": 100}).json()["items"]
    }
    merge = {
        "kind": "merge-entities",
        "targets": [entities["Valdoran Red Cross"], entities["Red Cross Valdoran"]],
        "note": "<script>alert(1)</script>",
    }
    assert client.post("/api/corrections", json=merge).status_code == 401
    added = client.post("/api/corrections", json=merge, headers=AUTH)
    assert added.status_code == 201, added.text
    assert added.json()["applied"] is True and added.json()["summary"].startswith(MARK)
    assert client.get(f"/api/entities/{entities['Red Cross Valdoran']}").status_code == 404
    page = client.get(f"/entities/{entities['Valdoran Red Cross']}").text
    assert MARK in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "<script>alert" not in page
    listed = client.get("/api/corrections").json()["items"]
    assert [c["id"] for c in listed] == [added.json()["id"]]
    exported = client.get("/api/export").json()
    assert exported["corrections"][0]["kind"] == "merge-entities"

    bad = client.post("/api/corrections", json={**merge, "targets": [merge["targets"][0]] * 2}, headers=AUTH)
    assert bad.status_code == 422 and "itself" in bad.json()["detail"]
    unknown = client.post("/api/corrections", json={**merge, "targets": ["e-x", "e-y"]}, headers=AUTH)
    assert unknown.status_code == 422 and "no such entity" in unknown.json()["detail"]

    assert client.delete(f"/api/corrections/{added.json()['id']}").status_code == 401
    assert client.delete(f"/api/corrections/{added.json()['id']}", headers=AUTH).status_code == 204
    assert client.delete(f"/api/corrections/{added.json()['id']}", headers=AUTH).status_code == 404
    assert client.get(f"/api/entities/{entities['Red Cross Valdoran']}").status_code == 200


def test_a_form_correction_redirects_back_and_only_to_this_site(client: TestClient) -> None:
    entity = client.get("/api/entities", params={"limit": 1}).json()["items"][0]["id"]
    form = {"kind": "note", "target": entity, "note": "seen", "back": "//evil.example/"}
    refused = client.post("/corrections", data=form, follow_redirects=False)
    assert refused.status_code == 401
    client.cookies.set("storyline_token", TOKEN)
    answer = client.post("/corrections", data=form, follow_redirects=False)
    assert answer.status_code == 303 and answer.headers["location"] == "/"
    assert "seen" in client.get(f"/entities/{entity}").text
    bad = client.post("/corrections", data={**form, "target": "e-missing"}, follow_redirects=False)
    assert bad.status_code == 422 and "no such entity" in bad.text
