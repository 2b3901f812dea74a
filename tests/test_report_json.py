"""The brief's JSON: the schema accepts what records.py writes, rejects what breaks the contract, and the
file is written atomically."""

from __future__ import annotations

import copy
import dataclasses
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from report_sample import build_brief

from storyline.records import Brief
from storyline.report import BriefSchemaError, load_schema, validate_brief, write_json


@pytest.fixture(scope="module")
def brief_data() -> dict[str, Any]:
    return build_brief().to_dict()


def test_schema_is_a_valid_draft_2020_12_schema() -> None:
    schema = load_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)


def test_sample_brief_validates(brief_data: dict[str, Any]) -> None:
    validate_brief(brief_data)


def test_empty_brief_validates() -> None:
    validate_brief(Brief(articles=()).to_dict())


def test_fields_beyond_the_contract_are_allowed(brief_data: dict[str, Any]) -> None:
    data = copy.deepcopy(brief_data)
    data["generator"] = "a later version"
    data["claims"][0]["confidence"] = 0.9
    data["stories"][0]["questions"][0]["positions"][0]["note"] = "x"
    validate_brief(data)


def test_unknown_modality_fails_and_names_the_field(brief_data: dict[str, Any]) -> None:
    data = copy.deepcopy(brief_data)
    data["claims"][2]["modality"] = "maybe"
    with pytest.raises(BriefSchemaError) as raised:
        validate_brief(data)
    message = str(raised.value)
    assert "brief.claims[2].modality" in message
    assert "'maybe' is not one of" in message
    assert len(raised.value.errors) == 1


def _set(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    """Set a dotted path ("claims.0.quote") in a brief dict."""

    def edit(data: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        target: Any = data
        for part in parents:
            target = target[int(part)] if part.isdigit() else target[part]
        target[int(last) if last.isdigit() else last] = value

    return edit


def _delete(path: str) -> Callable[[dict[str, Any]], None]:
    def edit(data: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        target: Any = data
        for part in parents:
            target = target[int(part)] if part.isdigit() else target[part]
        del target[last]

    return edit


BREAKAGES = {
    "wrong schema name": _set("schema", "storyline.brief/2"),
    "quote not in enum": _set("claims.0.quote", "paraphrase"),
    "copy kind not in enum": _set("copies.0.kind", "copied"),
    "status not in enum": _set("stories.0.questions.0.status", "disputed"),
    "claim time precision not in enum": _set("claims.5.times.0.precision", "fortnight"),
    "timeline precision not in enum": _set("stories.0.timeline.0.precision", "decade"),
    "article without url key": _delete("articles.0.url"),
    "article without path key": _delete("articles.1.path"),
    "published not a date": _set("articles.0.published", "yesterday"),
    "published_inferred not a boolean": _set("articles.0.published_inferred", "no"),
    "negative offset": _set("claims.0.start", -1),
    "offset as string": _set("claims.0.end", "12"),
    "claim without speaker key": _delete("claims.0.speaker"),
    "position with neither value nor stance": _set("stories.0.questions.0.positions.0.value", None),
    "independent sources negative": _set("stories.0.questions.0.positions.0.independent_sources", -1),
    "score above one": _set("copies.0.score", 1.5),
    "skipped without reason": _delete("skipped.0.reason"),
    "skipped without line key": _delete("skipped.1.line"),
    "removed line without reason": _delete("articles.0.removed.0.reason"),
    "missing top-level list": _delete("copies"),
    "entity aliases not a list": _set("entities.0.aliases", "NIS"),
}


@pytest.mark.parametrize("breakage", BREAKAGES.values(), ids=BREAKAGES.keys())
def test_contract_breakages_fail(
    brief_data: dict[str, Any], breakage: Callable[[dict[str, Any]], None]
) -> None:
    data = copy.deepcopy(brief_data)
    breakage(data)
    with pytest.raises(BriefSchemaError, match=r"does not match storyline\.brief/1"):
        validate_brief(data)


def test_many_errors_are_counted_not_all_listed(brief_data: dict[str, Any]) -> None:
    data = copy.deepcopy(brief_data)
    for claim in data["claims"]:
        claim["quote"] = "bad"
        claim["modality"] = "bad"
    with pytest.raises(BriefSchemaError) as raised:
        validate_brief(data)
    assert len(raised.value.errors) == 2 * len(data["claims"])
    assert "… and 6 more" in str(raised.value)


def test_load_schema_returns_a_fresh_copy() -> None:
    load_schema()["required"].append("nonsense")
    assert "nonsense" not in load_schema()["required"]


def test_write_json_round_trips(tmp_path: Path) -> None:
    brief = build_brief()
    target = tmp_path / "brief.json"
    write_json(brief, target)
    written = json.loads(target.read_text(encoding="utf-8"))
    assert written == brief.to_dict()
    validate_brief(written)
    assert "北朝鮮" in target.read_text(encoding="utf-8")  # unicode kept readable, not \\u-escaped
    assert sorted(path.name for path in tmp_path.iterdir()) == ["brief.json"]


def test_write_json_gives_the_file_the_usual_mode(tmp_path: Path) -> None:
    target = tmp_path / "brief.json"
    write_json(build_brief(), target)
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask


def test_write_json_failure_keeps_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "brief.json"
    target.write_text("old", encoding="utf-8")
    brief = build_brief()
    unserialisable = dataclasses.replace(brief.articles[0], published=object())  # type: ignore[arg-type]
    broken = dataclasses.replace(brief, articles=(unserialisable,))
    with pytest.raises(TypeError):
        write_json(broken, target)
    assert target.read_text(encoding="utf-8") == "old"
    assert [path.name for path in tmp_path.iterdir()] == ["brief.json"]


def test_an_outlet_voice_claim_is_marked_in_the_json() -> None:
    from factories import make_claim

    voiced = make_claim("The hearing is on Thursday.", cue="", speaker_text=None)
    quoted = make_claim("The hearing is public", id="c2", speaker_text="The chairman")
    data = Brief(articles=(), claims=(voiced, quoted)).to_dict()
    validate_brief(data)
    assert [claim["outlet_voice"] for claim in data["claims"]] == [True, False]
