"""Checks the demo corpus's gold annotations against the raw articles, without running any NLP.

The gold (``tests/data/gold``, format in ``tests/data/README.md``) names exact surface strings of the
articles in ``examples/demo``; every eval script relies on those strings being findable. A typo in a gold file
would silently lower every stage's recall, so each surface is looked up here in the article it names.

Surfaces are looked up in the raw article after ftfy's repair (the clean stage repairs mojibake), and must
be found whether or not ftfy straightens curly quotes, so the gold does not depend on that setting.
"""

from __future__ import annotations

import copy
import json
import re
import tomllib
from collections import Counter
from dataclasses import dataclass
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import ftfy
import pytest
from defusedxml import ElementTree

REPO = Path(__file__).resolve().parents[1]
DEMO = REPO / "examples" / "demo"
GOLD = REPO / "tests" / "data" / "gold"
STORIES_FILE = GOLD / "_stories.json"
SIDECAR = DEMO / "storyline.toml"

PLAIN_SUFFIXES = {".txt", ".md"}
ARTICLE_SUFFIXES = PLAIN_SUFFIXES | {".html", ".jsonl", ".xml"}
MULTI_ARTICLE_SUFFIXES = {".jsonl", ".xml"}
RSS_CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"

Gold = dict[str, Any]  # one gold file, as JSON
Stories = dict[str, dict[str, dict[str, Any]]]  # _stories.json: story → question key → question

QUOTES = {"direct", "indirect", "mixed"}
MODALITIES = {"asserted", "hedged", "denied", "unconfirmed"}
STANCES = {"affirm", "deny", "unconfirmed"}
STATUSES = {"corroborated", "contested", "denied", "unconfirmed", "single-source", "series"}
CREDIT_KINDS = {"source", "via", "according-to", "wire"}
COPY_KINDS = {"near-duplicate", "syndicated", "translation"}
ENTITY_TYPES = {"PERSON", "ORG", "GPE", "NORP", "LOC"}
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# The date shapes TimeExpr allows, one per precision (records.py).
DATE_BY_PRECISION = {
    "day": re.compile(r"\d{4}-\d{2}-\d{2}"),
    "week": re.compile(r"\d{4}-W\d{2}"),
    "month": re.compile(r"\d{4}-\d{2}"),
    "season": re.compile(r"\d{4}-(SP|SU|FA|WI)"),
    "year": re.compile(r"\d{4}"),
}


# --- reading the raw articles ---------------------------------------------------------------------------


class _TextCollector(HTMLParser):
    """Visible text of an HTML page, one block element per line; only inside <article> when asked.

    Hand-written on the stdlib parser because the test must not depend on the ingest stage it checks."""

    BLOCKS = frozenset({"p", "div", "h1", "h2", "h3", "h4", "li", "header", "article", "br", "section"})

    def __init__(self, article_only: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.article_only = article_only
        self.article_depth = 0
        self.skip_depth = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "article":
            self.article_depth += 1
        if tag in {"script", "style"}:
            self.skip_depth += 1
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self.article_depth -= 1
        if tag in {"script", "style"}:
            self.skip_depth -= 1
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        inside = self.article_depth > 0 or not self.article_only
        if inside and not self.skip_depth:
            self.parts.append(data)


def visible_text(html: str, article_only: bool) -> str:
    collector = _TextCollector(article_only)
    collector.feed(html)
    collector.close()
    return "".join(collector.parts)


def raw_article_text(file_name: str, index: int | None) -> str:
    """The raw text of one demo article as a reader of its file sees it (before any repair)."""
    path = DEMO / file_name
    raw = path.read_text(encoding="utf-8")
    if path.suffix in PLAIN_SUFFIXES:
        return raw
    if path.suffix == ".html":
        return visible_text(raw, article_only=True)
    if index is None:
        raise ValueError(f"{file_name} holds several articles: the gold needs an 'index'")
    if path.suffix == ".jsonl":
        records = [json.loads(line) for line in raw.splitlines() if line.strip()]
        return str(records[index - 1]["text"])
    if path.suffix == ".xml":
        items = ElementTree.fromstring(raw.encode("utf-8")).iter("item")
        content = [item.findtext(RSS_CONTENT) or "" for item in items][index - 1]
        return visible_text(content, article_only=False)
    raise ValueError(f"not a demo article format: {file_name}")


@dataclass(frozen=True)
class ArticleView:
    """The two ftfy repairs of an article (quotes straightened or kept) and its stripped lines."""

    repaired: tuple[str, str]
    lines: frozenset[str]


@cache
def article_view(file_name: str, index: int | None) -> ArticleView:
    raw = raw_article_text(file_name, index)
    repaired = (ftfy.fix_text(raw), ftfy.fix_text(raw, uncurl_quotes=False))
    lines = frozenset(line.strip() for text in repaired for line in text.splitlines() if line.strip())
    return ArticleView(repaired, lines)


# --- loading the gold -----------------------------------------------------------------------------------


def load_gold_files() -> dict[str, Gold]:
    return {
        path.name: json.loads(path.read_text(encoding="utf-8"))
        for path in sorted(GOLD.glob("*.json"))
        if not path.name.startswith("_")
    }


def load_stories() -> Stories:
    stories: Stories = json.loads(STORIES_FILE.read_text(encoding="utf-8"))
    return stories


def expected_gold_name(gold: Gold) -> str:
    stem = Path(gold["file"]).stem
    return f"{stem}-{gold['index']}.json" if "index" in gold else f"{stem}.json"


# --- checking one gold file -----------------------------------------------------------------------------


def surface_problems(gold: Gold, view: ArticleView) -> list[str]:
    """Every surface string the gold names that the article, less its removed lines, lacks verbatim."""
    removed = {line.strip() for line in gold["removed"]}
    problems = [f"removed line not a line of the article: {line!r}" for line in removed - view.lines]
    kept = [
        "\n".join(line for line in text.splitlines() if line.strip() not in removed) for text in view.repaired
    ]
    surfaces: list[tuple[str, str]] = [("mention", surface) for surface in gold["mentions"]]
    for claim in gold["claims"]:
        surfaces += [("claim content", claim["content"]), ("cue", claim["cue"])]
        if claim["speaker"] is not None:
            surfaces.append(("speaker", claim["speaker"]))
    surfaces += [("time", time["text"]) for time in gold["times"]]
    surfaces += [("foreign fragment", fragment["text"]) for fragment in gold["foreign_fragments"]]
    problems += [
        f"{kind} not in the cleaned article: {text!r}"
        for kind, text in surfaces
        if not all(text in kept_text for kept_text in kept)
    ]
    return problems


def claim_problems(claim: dict[str, Any], questions: dict[str, dict[str, Any]]) -> list[str]:
    where = f"claim {claim['content'][:40]!r}"
    problems = []
    if claim["quote"] not in QUOTES:
        problems.append(f"{where}: quote {claim['quote']!r}")
    if claim["modality"] not in MODALITIES:
        problems.append(f"{where}: modality {claim['modality']!r}")
    if claim["speaker"] is None and claim["speaker_entity"] is not None:
        problems.append(f"{where}: a speaker entity without a speaker")
    for quantity in claim["quantities"]:
        if not isinstance(quantity["value"], int | float) or not isinstance(quantity["approx"], bool):
            problems.append(f"{where}: bad quantity {quantity}")
    if "question" not in claim:
        return problems
    question = questions.get(claim["question"])
    if question is None:
        return [*problems, f"{where}: question {claim['question']!r} not in _stories.json for its story"]
    position = claim["position"]
    if question["unit"] is None:
        if position not in STANCES:
            problems.append(f"{where}: stance question needs affirm|deny|unconfirmed, got {position!r}")
    elif position not in STANCES:
        values = [str(q["value"]) for q in claim["quantities"] if q["unit"] == question["unit"]]
        if position not in values:
            problems.append(f"{where}: position {position} is none of its {question['unit']} quantities")
    return problems


def gold_problems(gold: Gold, stories: Stories) -> list[str]:
    """Everything wrong with one gold file on its own (cross-file checks are separate tests)."""
    problems: list[str] = []
    if not (DEMO / gold["file"]).is_file():
        return [f"article file missing: {gold['file']}"]
    if Path(gold["file"]).suffix in MULTI_ARTICLE_SUFFIXES and "index" not in gold:
        return [f"{gold['file']} holds several articles: the gold needs an 'index'"]
    try:
        view = article_view(gold["file"], gold.get("index"))
    except IndexError:
        return [f"{gold['file']} has no article number {gold.get('index')}"]
    problems += surface_problems(gold, view)
    if not ISO_DATE.fullmatch(gold["published"]):
        problems.append(f"published is not an ISO date: {gold['published']!r}")
    if gold["story"] not in stories:
        problems.append(f"story {gold['story']!r} not in _stories.json")
    questions = stories.get(gold["story"], {})
    for claim in gold["claims"]:
        problems += claim_problems(claim, questions)
    for time in gold["times"]:
        pattern = DATE_BY_PRECISION.get(time["precision"])
        if pattern is None or not pattern.fullmatch(time["date"]):
            problems.append(f"time {time['text']!r}: date {time['date']!r} is not a {time['precision']}")
    credited = {credit["outlet"] for credit in gold["credits"]}
    for credit in gold["credits"]:
        if credit["kind"] not in CREDIT_KINDS:
            problems.append(f"credit kind {credit['kind']!r}")
        if not any(credit["outlet"] in line for line in gold["removed"]):
            problems.append(f"credit {credit['outlet']!r} has no credit line among the removed lines")
    for edge in gold["copies"]:
        if edge["kind"] not in COPY_KINDS:
            problems.append(f"copy kind {edge['kind']!r}")
        elif edge["kind"] == "syndicated" and edge["of"] not in credited:
            problems.append(f"syndicated of {edge['of']!r}, which the article does not credit")
        elif edge["kind"] != "syndicated" and not (DEMO / edge["of"]).is_file():
            problems.append(f"{edge['kind']} of a file that does not exist: {edge['of']!r}")
    for key, entity in gold["entities"].items():
        if entity["type"] not in ENTITY_TYPES or not entity["name"]:
            problems.append(f"entity {key}: bad name or type {entity}")
    return problems


# --- fixtures -------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def gold_files() -> dict[str, Gold]:
    files = load_gold_files()
    assert files, f"no gold files in {GOLD}"
    return files


@pytest.fixture(scope="module")
def stories() -> Stories:
    return load_stories()


# --- per-file checks ------------------------------------------------------------------------------------


@pytest.mark.parametrize("gold_name", sorted(load_gold_files()))
def test_gold_file_matches_its_article(gold_name: str, gold_files: dict[str, Gold], stories: Stories) -> None:
    gold = gold_files[gold_name]
    assert gold_name == expected_gold_name(gold), "gold file named after its article (and index)"
    assert gold_problems(gold, stories) == []


def _drop_first_char(gold: Gold, field: str) -> None:
    gold["claims"][0][field] = "§" + gold["claims"][0][field]


TAMPERINGS = {
    "claim content": lambda gold: _drop_first_char(gold, "content"),
    "claim cue": lambda gold: _drop_first_char(gold, "cue"),
    "speaker": lambda gold: _drop_first_char(gold, "speaker"),
    "mention": lambda gold: gold["mentions"].update({"Ms Nobody Atall": "nobody"}),
    "time": lambda gold: gold["times"].append(
        {"text": "Saturday week", "date": "2024-01-01", "precision": "day"}
    ),
    "time precision": lambda gold: gold["times"][0].update(precision="year"),
    "removed line": lambda gold: gold["removed"].append("Subscribe for more"),
    "modality": lambda gold: gold["claims"][0].update(modality="certain"),
    "question": lambda gold: gold["claims"][0].update(question="no-such-question", position="affirm"),
    "missing article": lambda gold: gold.update(file="no-such-article.txt"),
    # a surface found only in boilerplate is not in the cleaned article the eval scripts search
    "surface in a removed line": lambda gold: gold["mentions"].update({"Lena Vik": "lena-vik"}),
}


@pytest.mark.parametrize("tampering", sorted(TAMPERINGS))
def test_checker_catches_a_wrong_gold(tampering: str, gold_files: dict[str, Gold], stories: Stories) -> None:
    """The checks above can fail: each kind of mistake in a correct gold file is reported."""
    gold = copy.deepcopy(gold_files["port-01.json"])
    assert gold_problems(gold, stories) == []
    TAMPERINGS[tampering](gold)
    assert gold_problems(gold, stories) != []


def test_a_foreign_fragment_the_article_lacks_is_caught(
    gold_files: dict[str, Gold], stories: Stories
) -> None:
    gold = copy.deepcopy(gold_files["dam-04.json"])
    gold["foreign_fragments"].append({"text": "według źródeł", "language": "pl"})
    assert any("foreign fragment" in problem for problem in gold_problems(gold, stories))


def test_mojibake_is_repaired_before_lookup() -> None:
    """cyber-04.txt carries mojibake on purpose; its gold must be found only in the repaired text."""
    raw = (DEMO / "cyber-04.txt").read_text(encoding="utf-8")
    assert "â€™" in raw
    assert "â€™" not in article_view("cyber-04.txt", None).repaired[0]


# --- cross-file checks ----------------------------------------------------------------------------------


def test_every_demo_article_has_gold(gold_files: dict[str, Gold]) -> None:
    annotated = {(gold["file"], gold.get("index")) for gold in gold_files.values()}
    for path in sorted(DEMO.iterdir()):
        expected: set[tuple[str, int | None]]
        if path.suffix == ".jsonl":
            count = sum(1 for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
            expected = {(path.name, number) for number in range(1, count + 1)}
        elif path.suffix == ".xml":
            root = ElementTree.fromstring(path.read_bytes())
            expected = {(path.name, number) for number in range(1, len(list(root.iter("item"))) + 1)}
        elif path.suffix in ARTICLE_SUFFIXES:
            expected = {(path.name, None)}
        else:
            continue
        assert expected <= annotated, f"no gold for {sorted(expected - annotated)}"


def test_every_story_spans_two_articles(gold_files: dict[str, Gold], stories: Stories) -> None:
    articles_per_story = Counter(gold["story"] for gold in gold_files.values())
    assert set(articles_per_story) == set(stories)
    assert all(count >= 2 for count in articles_per_story.values()), articles_per_story


def test_every_mention_key_has_an_entity(gold_files: dict[str, Gold]) -> None:
    defined = Counter(key for gold in gold_files.values() for key in gold["entities"])
    assert [key for key, count in defined.items() if count > 1] == [], "an entity is defined once"
    used = {key for gold in gold_files.values() for key in gold["mentions"].values()}
    used |= {claim["speaker_entity"] for gold in gold_files.values() for claim in gold["claims"]}
    used.discard(None)
    assert sorted(used - set(defined)) == []
    assert sorted(set(defined) - used) == [], "every defined entity is mentioned"


def test_every_question_has_claims_and_a_status(gold_files: dict[str, Gold], stories: Stories) -> None:
    asked = {
        (gold["story"], claim["question"])
        for gold in gold_files.values()
        for claim in gold["claims"]
        if "question" in claim
    }
    for story, questions in stories.items():
        for key, question in questions.items():
            assert (story, key) in asked, f"{story}/{key} has no claim"
            assert question["status"] in STATUSES
            assert question["question"]


def test_sidecar_entries_point_to_plain_files(gold_files: dict[str, Gold]) -> None:
    sidecar = tomllib.loads(SIDECAR.read_text(encoding="utf-8"))
    gold_by_file = {gold["file"]: gold for gold in gold_files.values() if "index" not in gold}
    plain_files = {path.name for path in DEMO.iterdir() if path.suffix in PLAIN_SUFFIXES}
    assert set(sidecar) == plain_files, "every plain file, and nothing else, has sidecar metadata"
    for name, metadata in sidecar.items():
        assert (DEMO / name).is_file()
        assert metadata["outlet"]
        if "published" in metadata:
            assert metadata["published"] == gold_by_file[name]["published"], name
    withheld = [name for name, metadata in sidecar.items() if "published" not in metadata]
    assert len(withheld) >= 3, "some plain files leave the date to be inferred"
