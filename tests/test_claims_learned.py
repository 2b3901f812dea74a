"""The learned attribution models: features on a sentence written for the test, inference with the shipped
weights, and the rules-only path when no weights are installed."""

from __future__ import annotations

import logging
import zlib
from collections.abc import Iterator

import pytest

from storyline.records import Article, Claim
from storyline.stages.claims import learned
from storyline.stages.claims.extract import extract_claims
from storyline.stages.claims.learned import cue_features, load_model, pair_candidates, pair_features
from storyline.stages.claims.lexicon import claim_lexicon
from storyline.stages.nlp import load_nlp, parse_articles


def claims_of(text: str) -> list[Claim]:
    parsed = next(parse_articles([Article(id="t", text=text)]))
    claims = extract_claims(parsed, ())
    for claim in claims:
        assert text[claim.start : claim.end] == claim.text
        assert text[claim.cue_start : claim.cue_end] == claim.cue
    return claims


@pytest.fixture
def no_weights(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The package as installed without weights: the model file is looked up under a name that is absent."""
    monkeypatch.setattr(learned, "MODEL_FILE", "absent-attribution.npz")
    load_model.cache_clear()
    yield
    load_model.cache_clear()


def test_cue_features_describe_word_tree_and_children() -> None:
    doc = load_nlp()("Critics blasted the mayor for the delay.")
    blasted = doc[1]
    features = cue_features(blasted, quoted=False, lexicon=claim_lexicon())
    assert "l=blast" in features
    assert "c=nsubj" in features and "c=dobj" in features
    assert "l|cw=blast|for" in features  # the preposition a stance verb takes
    assert "q=False" in features


def test_pair_candidates_carry_dependency_paths() -> None:
    doc = load_nlp()("Critics blasted the mayor for the delay.")
    blasted = doc[1]
    paths = {token.text: path for token, path in pair_candidates(blasted, frozenset({blasted.i}))}
    assert paths["Critics"] == "vnsubj"
    assert paths["mayor"] == "vdobj"
    assert "." not in paths and "blasted" not in paths  # punctuation and the cue itself are no heads
    assert "P=vnsubj" in pair_features(blasted, doc[0], paths["Critics"])


def test_shipped_weights_find_a_stance_verb_cue() -> None:
    assert load_model() is not None, "the package ships its attribution weights"
    claims = claims_of("Republican senators blasted the plan as a tax hike that would hurt families.")
    blasted = [claim for claim in claims if "blasted" in claim.cue]
    assert blasted, [(c.cue, c.text) for c in claims]
    assert blasted[0].speaker_text == "Republican senators"
    assert "would hurt families" in blasted[0].text


def test_a_learned_cue_keeps_acts_apart_from_statements() -> None:
    # PolNeAR annotates acts ("blasted X for Y", "voted to strike"); the brief lists them, but as acts: a
    # statement needs a finite clause or a quotation as its content, and the ledger weighs statements only.
    for act, cue in (
        ("Republican senators blasted the governor for the delay in the budget talks.", "blasted"),
        ("Dockworkers voted to accept a 6.5 percent pay rise on Sunday.", "voted"),
    ):
        claims = claims_of(act)
        assert [claim.kind for claim in claims] == ["act"], [(c.cue, c.text, c.kind) for c in claims]
        assert cue in claims[0].cue
    (stated,) = claims_of("Republican senators blasted the plan as a tax hike that would hurt families.")
    assert stated.kind == "statement"


def test_an_object_a_relative_clause_describes_is_still_an_act() -> None:
    # "released [roughly 5,500 pages … that the mayor used]": the finite verb describes the object, nothing
    # is said (PolNeAR ledger gold: such a sentence is the outlet's)
    text = "The council released roughly 5,500 more pages of minutes that the mayor kept during her term."
    assert all(claim.kind == "act" for claim in claims_of(text) if "released" in claim.cue)


def test_shipped_weights_find_according_to_variants() -> None:
    claims = claims_of("The economy grew by 3 percent last year, according to new figures from the agency.")
    assert any("according" in claim.cue for claim in claims), [(c.cue, c.text) for c in claims]
    claim = next(claim for claim in claims if "according" in claim.cue)
    assert "economy grew" in claim.text


def test_without_weights_rules_run_alone_and_warn_once(
    no_weights: None, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger=learned.__name__):
        first = claims_of("The minister said that the bridge would reopen in May.")
        claims_of("Critics blasted the mayor for the delay.")
    warnings = [record for record in caplog.records if "rules alone" in record.getMessage()]
    assert len(warnings) == 1
    assert [(c.cue, c.speaker_text) for c in first] == [("said", "The minister")]


@pytest.mark.parametrize(
    "headline",
    [
        "Reed Says Rebels Shelled Airport, Calls Mayor’s Remarks ‘Reckless.’",
        "Cole Says Army Lost Control of the North.",
    ],
)
def test_a_headline_in_title_case_reports_a_statement(headline: str) -> None:
    # the tagger finds no finite verb in title case, but what "Says" reports is a clause
    claims = claims_of(f"{headline}\n\nThe governor spoke to reporters on Monday.")
    assert [(claim.kind, claim.cue) for claim in claims if claim.cue == "Says"] == [("statement", "Says")]


def test_a_title_cased_object_in_a_body_sentence_stays_what_it_was() -> None:
    # "told Fox News": a name in capitals on a line of narration is no headline
    claims = claims_of("The senator told Fox News Sunday Morning Futures about the plan on Sunday.")
    assert [claim.kind for claim in claims] == ["act"]


def test_feature_buckets_are_crc32_whether_hashed_now_or_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    features = ["w=said", "p=VERB", "w=said", "l|d=say|ROOT"]
    expected = [zlib.crc32(feature.encode("utf-8")) & learned.HASH_MASK for feature in features]
    monkeypatch.setattr(learned, "_BUCKETS", {})
    assert learned.feature_buckets(features) == expected  # hashed now
    assert learned.feature_buckets(features) == expected  # looked up
    assert set(learned._BUCKETS) == set(features)
    # past its bound the kept indexes are dropped, never wrong
    monkeypatch.setattr(learned, "MAX_KNOWN_BUCKETS", 2)
    assert learned.feature_buckets(["p=NOUN"]) == [zlib.crc32(b"p=NOUN") & learned.HASH_MASK]
    assert set(learned._BUCKETS) == {"p=NOUN"}
