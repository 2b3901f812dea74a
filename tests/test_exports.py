"""Exports: a story's own brief, claims as JSON Lines, the ledger as CSV with one column per source (cells
a spreadsheet would run as formulas neutralised), and ClaimReview-shaped JSON-LD without any verdict."""

from __future__ import annotations

import csv
import dataclasses
import io
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st
from report_sample import build_brief

from storyline.errors import StorylineInputError
from storyline.report import validate_brief
from storyline.report.exports import (
    EXPORTS,
    FORMULA_TRIGGERS,
    ExportFormat,
    claim_review_jsonld,
    claims_json_lines,
    ledger_csv,
    neutralise_cell,
    story_brief,
)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ('=HYPERLINK("http://evil")', '\'=HYPERLINK("http://evil")'),
        ("+1+2", "'+1+2"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcmd", "'\tcmd"),
        ("\rcmd", "'\rcmd"),
        ("12,000 personnel", "12,000 personnel"),
        ("a=b", "a=b"),
        ("", ""),
        (None, ""),
    ],
)
def test_neutralise_cell(cell: str | None, expected: str) -> None:
    assert neutralise_cell(cell) == expected


@given(st.text())
def test_no_neutralised_cell_starts_a_formula(text: str) -> None:
    cell = neutralise_cell(text)
    assert not cell.startswith(FORMULA_TRIGGERS)
    assert cell.removeprefix("'") == text or cell == text


def test_story_brief_holds_one_story_and_only_its_parts() -> None:
    brief = build_brief()
    part = story_brief(brief, "s2")
    validate_brief(part.to_dict())
    assert [story.id for story in part.stories] == ["s2"]
    assert [article.id for article in part.articles] == ["a3"]
    assert {claim.article for claim in part.claims} == {"a3"}
    assert [entity.id for entity in part.entities] == ["landsbergis"]
    assert part.copies == ()
    with pytest.raises(StorylineInputError, match="no such story"):
        story_brief(brief, "nope")


def test_claims_json_lines_one_line_per_claim_with_its_questions() -> None:
    brief = build_brief()
    rows = [json.loads(line) for line in claims_json_lines(brief).splitlines()]
    assert sorted(row["claim"] for row in rows) == sorted(claim.id for claim in brief.claims)
    by_id = {row["claim"]: row for row in rows}
    assert by_id["c1"]["questions"] == ["q-troops"] and by_id["c1"]["speaker_name"] == (
        "National Intelligence Service"
    )
    assert by_id["c3"]["questions"] == ["q-hoax"] and by_id["c3"]["speaker_name"] == "Moscow"
    assert by_id["c7"]["story"] == "s2" and by_id["c5"]["questions"] == []
    text = {claim.id: claim.text for claim in brief.claims}
    assert all(row["text"] == text[row["claim"]] for row in rows)


def test_ledger_csv_has_a_column_per_source_and_neutralised_cells() -> None:
    brief = build_brief()
    hostile_outlet = '=HYPERLINK("http://evil","click")'
    articles = tuple(
        dataclasses.replace(article, outlet=hostile_outlet) if article.id == "a2" else article
        for article in brief.articles
    )
    stories = list(brief.stories)
    stories[0] = dataclasses.replace(
        stories[0],
        questions=(
            dataclasses.replace(stories[0].questions[0], status_reason="+cmd|' /C calc'!A0"),
            *stories[0].questions[1:],
        ),
    )
    table = list(
        csv.reader(
            io.StringIO(ledger_csv(dataclasses.replace(brief, articles=articles, stories=tuple(stories))))
        )
    )
    header, *rows = table
    assert header == [
        "story",
        "question_id",
        "question",
        "unit",
        "status",
        "status_reason",
        "Baltic <Ledger>",
        "'" + hostile_outlet,
        "LRT",
    ]
    troops = next(row for row in rows if row[1] == "q-troops")
    assert troops[5] == "'+cmd|' /C calc'!A0"
    # Baltic <Ledger> carried both values (c1 and c2 are in a1); the copy carried 10,000 only (c6 in a2).
    assert troops[6] == "12,000 people; 10,000 people"
    assert troops[7] == "10,000 people"
    assert troops[8] == ""
    nato = next(row for row in rows if row[1] == "q-nato")
    assert nato[6:] == ["", "", "affirm"]
    for row in table:
        assert not any(cell.startswith(FORMULA_TRIGGERS) for cell in row)


def test_claim_review_jsonld_names_sources_and_gives_no_verdict() -> None:
    brief = build_brief()
    document = claim_review_jsonld(brief)
    assert document["@context"] == "https://schema.org"
    text = json.dumps(document)
    assert "reviewRating" not in text and "ratingValue" not in text
    positions = sum(len(q.positions) for story in brief.stories for q in story.questions)
    assert len(document["@graph"]) == positions
    first = document["@graph"][0]
    assert first["@type"] == "ClaimReview" and first["identifier"] == "s1/q-troops/1"
    assert first["claimReviewed"] == "How many North Korean troops were sent?"
    claim = first["itemReviewed"]
    assert claim["text"] == "National Intelligence Service: “North Korea sent 12,000 soldiers to Russia”"
    assert claim["description"] == "Position on “How many North Korean troops were sent?”: 12,000 people"
    assert claim["author"] == [{"@type": "Organization", "name": "National Intelligence Service"}]
    assert [appearance["text"] for appearance in claim["appearance"]] == [
        "North Korea sent 12,000 soldiers to Russia",
        "12,000 soldiers",
    ]
    # The javascript: URL of a1 is not carried as a link; a2's https URL is.
    assert all("url" not in appearance for appearance in claim["appearance"])
    second = document["@graph"][1]["itemReviewed"]
    assert "https://example.org/nk?a=1&b=2" in [a.get("url") for a in second["appearance"]]
    deny = document["@graph"][2]["itemReviewed"]
    assert deny["author"] == [{"@type": "Thing", "name": "Moscow"}]
    # a denial's words keep the words that deny; a stance word is never the claim's text
    assert deny["text"] == "Moscow: “troops were readied, a figure Moscow called a hoax”"
    stance_words = {"affirm", "deny", "unconfirmed"}
    assert all(node["itemReviewed"]["text"] not in stance_words for node in document["@graph"])
    assert all(node["claimReviewed"] == node["name"] for node in document["@graph"])


def test_every_export_format_has_one_row_whose_renderer_reads_a_brief() -> None:
    brief = build_brief()
    assert set(EXPORTS) == set(ExportFormat)
    assert len({export.suffix for export in EXPORTS.values()}) == len(EXPORTS)
    rendered = {name: export.render(brief) for name, export in EXPORTS.items()}
    validate_brief(json.loads(rendered[ExportFormat.json]))
    assert rendered[ExportFormat.jsonl] == claims_json_lines(brief)
    assert rendered[ExportFormat.csv] == ledger_csv(brief)
    assert json.loads(rendered[ExportFormat.jsonld]) == claim_review_jsonld(brief)
    assert rendered[ExportFormat.md].startswith("#")
