"""The real-news ledger gold (tests/data/ledger) is well-formed, and the span metrics of ``eval/ledger.py
--corpus polnear`` count what they say, on hand-built records.

The offset checks read the PolNeAR texts in ``../shared/data`` and skip when it is absent.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace
from typing import Any, get_args

import pytest

from eval.ledger_metrics import (
    LEDGER_GOLD,
    POLNEAR,
    PUBLISHERS,
    GoldSentence,
    Predicted,
    covered,
    load_ledger_gold,
    non_value_positions,
    other_questions_apart,
    polnear_text,
    reviewed_false,
    same_question_together,
    sides_right,
    speaker_matches,
    speakers_right,
    statuses_right,
    to_cleaned,
)
from storyline.records import Brief, Claim, Position, Quantity, Question, QuestionStatus, Story

# the statuses the ledger emits (``series``: one count moving over successive dates), as the README lists them
STATUSES = frozenset(get_args(QuestionStatus))
STANCES = {"affirm", "deny", "unconfirmed"}
STORIES = load_ledger_gold()
needs_texts = pytest.mark.skipif(not (POLNEAR / "metadata.tsv").is_file(), reason=f"{POLNEAR} is absent")


def _spans(story: dict[str, Any]) -> list[dict[str, Any]]:
    sentences = [
        sentence
        for question in story["questions"]
        for position in question["positions"]
        for sentence in position["sentences"]
    ]
    return sentences + story["traps"]


# --- the gold files -------------------------------------------------------------------------------------


def test_the_readme_lists_the_statuses_the_ledger_emits() -> None:
    readme = (LEDGER_GOLD / "README.md").read_text(encoding="utf-8")
    listed = re.search(r'"status": .*// (.*)', readme)
    assert listed is not None
    assert {status.strip() for status in listed.group(1).split("|")} == STATUSES


def test_there_are_at_least_four_stories_some_held_out() -> None:
    assert len(STORIES) >= 4, f"ledger gold missing in {LEDGER_GOLD}"
    held_out = sum(story["held_out"] is True for story in STORIES)
    assert 1 <= held_out < len(STORIES) - 2  # at least three development stories to tune on


@pytest.mark.parametrize("story", STORIES, ids=[story["story"] for story in STORIES])
def test_story_is_well_formed(story: dict[str, Any]) -> None:
    assert isinstance(story["held_out"], bool) and isinstance(story["review"], list)
    assert all(file.split("/")[0] in {"train", "dev"} for file in story["articles"])  # never test
    publishers = {file.split("/")[1].split("_")[0] for file in story["articles"]}
    assert len(story["articles"]) >= 3 and len(publishers) >= 2 and publishers <= PUBLISHERS
    assert 8 <= len(story["questions"]) <= 15
    assert len({question["key"] for question in story["questions"]}) == len(story["questions"])
    for question in story["questions"]:
        assert question["question"].endswith("?") and question["status_reason"]
        assert question["status"] in STATUSES
        assert question["kind"] in {"quantity", "proposition"} and question["positions"]
        assert question["kind"] == "proposition" or question["unit"]
        for position in question["positions"]:
            if question["kind"] == "quantity":
                assert isinstance(position["value"], (int, float))
            else:
                assert position["stance"] in STANCES
            assert position["speakers"] and position["sentences"], (question["key"], position)
            assert position["outlet_voice"] == any(s["speaker"] in PUBLISHERS for s in position["sentences"])
    assert any(p["outlet_voice"] for q in story["questions"] for p in q["positions"])
    assert len(story["traps"]) >= 10 and all(trap["kind"] and trap["note"] for trap in story["traps"])
    assert all(span["file"] in story["articles"] for span in _spans(story))


@needs_texts
@pytest.mark.parametrize("story", STORIES, ids=[story["story"] for story in STORIES])
def test_offsets_fall_in_the_texts_and_the_texts_did_not_change(story: dict[str, Any]) -> None:
    for span in _spans(story):
        text = polnear_text(span["file"])
        assert 0 <= span["start"] < span["end"] <= len(text), span
        digest = hashlib.sha1(text[span["start"] : span["end"]].encode("utf-8")).hexdigest()
        assert digest == span["sha1"], span


# --- the metrics ----------------------------------------------------------------------------------------


def _gold(start: int, question: str, position: str, speaker: str = "Jane Roe") -> GoldSentence:
    return GoldSentence("a", start, start + 10, question, position, speaker)


def _placed(*placements: tuple[str, int], speaker: str | None = "Jane Roe") -> Predicted:
    return Predicted(True, speaker, frozenset(placements))


GOLD = [_gold(0, "q1", "10"), _gold(20, "q1", "10"), _gold(40, "q1", "12"), _gold(60, "q2", "affirm")]


def test_coverage_counts_distinct_sentences() -> None:
    unclaimed = Predicted(False, None, frozenset())
    twice = [*GOLD, _gold(60, "q3", "deny")]  # one sentence stating two questions counts once
    predicted = [_placed(), unclaimed, _placed(), _placed(), _placed()]
    assert covered(twice, predicted) == (3, 4)


def test_pairs_of_one_question_together_and_of_two_apart() -> None:
    predicted = [_placed(("A", 0)), _placed(("A", 0)), _placed(("B", 0)), _placed(("A", 1))]
    assert same_question_together(GOLD, predicted) == (1, 3)
    assert other_questions_apart(GOLD, predicted) == (1, 3)


def test_a_sentence_stating_two_questions_may_share_either() -> None:
    # sentence 60 states q2 and q3; sentence 80 states q3 only: together in B is right, not a merge
    gold = [_gold(60, "q2", "affirm"), _gold(60, "q3", "deny"), _gold(80, "q3", "deny"), _gold(0, "q1", "10")]
    predicted = [_placed(("B", 0)), _placed(("B", 0)), _placed(("B", 0)), _placed(("B", 1))]
    assert other_questions_apart(gold, predicted) == (0, 3)  # only q1 against the three: merged wrongly


def test_co_grouped_pairs_must_split_by_gold_position() -> None:
    right_sides = [_placed(("A", 0)), _placed(("A", 0)), _placed(("A", 1)), _placed()]
    assert sides_right(GOLD, right_sides) == (3, 3)
    one_heap = [_placed(("A", 0)), _placed(("A", 0)), _placed(("A", 0)), _placed()]
    assert sides_right(GOLD, one_heap) == (1, 3)


def test_speakers_outlet_voice_wants_no_speaker() -> None:
    assert speaker_matches("James Comey", "FBI Director James Comey")
    assert speaker_matches("James Comey", "Comey") and not speaker_matches("James Comey", "Lynch")
    assert speaker_matches("politico", None) and not speaker_matches("politico", "Trump")
    assert speaker_matches("Democratic National Committee", "DNC")
    assert speaker_matches("DNC", "the Democratic National Committee")
    assert speaker_matches("intelligence sources", "One intelligence source")
    assert not speaker_matches("Democratic National Committee", "RNC")
    assert not speaker_matches("Congress", "Cong")
    gold = [_gold(0, "q1", "10", "politico"), _gold(20, "q1", "10")]
    assert speakers_right(gold, [_placed(speaker=None), _placed(speaker="Roe")]) == (2, 2)


def test_status_of_the_question_holding_most_sentences() -> None:
    predicted = [_placed(("A", 0)), _placed(("A", 0)), _placed(("B", 0)), Predicted(False, None, frozenset())]
    wanted = {"q1": "contested", "q2": "single-source"}
    assert statuses_right(GOLD, predicted, wanted, {"A": "contested", "B": "denied"}) == (1, 2)


def test_a_year_inside_a_trap_counts_as_a_non_value_position() -> None:
    year = Quantity(1998.0, "year", False, "1998", 5, 9)
    claim = Claim("c1", "a", "in 1998 it happened", 2, 20, "said", 0, 1, "Roe", quantities=(year,))
    position = Position(("c1",), ("Roe",), ("x",), 1, value=1998.0)
    question = Question("q", "How many?", "year", "single-source", "one source", positions=(position,))
    brief = Brief(articles=(), claims=(claim,), stories=(Story("s", "t", ("a",), questions=(question,)),))
    assert non_value_positions(brief, [("a", 5, 9)]) == 1
    assert non_value_positions(brief, [("a", 30, 34)]) == 1  # "1998" reads as a year even outside a trap
    count = Quantity(1998.0, "emails", False, "1,998", 5, 10)
    counted = Brief(articles=(), claims=(replace(claim, quantities=(count,)),), stories=brief.stories)
    assert non_value_positions(counted, [("a", 30, 34)]) == 0


def test_only_the_quantity_of_the_questions_unit_is_what_a_value_rests_on() -> None:
    teenagers = Quantity(2.0, "teenager", False, "two teenagers", 0, 13)
    weeks = Quantity(2.0, "week", False, "two weeks", 30, 39)
    claim = Claim(
        "c1", "a", "two teenagers … two weeks ago", 0, 40, "said", 0, 1, "Roe", quantities=(teenagers, weeks)
    )
    position = Position(("c1",), ("Roe",), ("x",), 1, value=2.0)
    asked = Question("q", "How many teenagers?", "teenager", "single-source", "one", positions=(position,))
    story = Story("s", "t", ("a",), questions=(asked,))
    assert non_value_positions(Brief(articles=(), claims=(claim,), stories=(story,)), [("a", 30, 39)]) == 0
    weeks_asked = replace(asked, unit="week")
    story = replace(story, questions=(weeks_asked,))
    assert non_value_positions(Brief(articles=(), claims=(claim,), stories=(story,)), [("a", 30, 39)]) == 1


def test_review_counts_flagged_and_unreviewed_questions() -> None:
    questions = [Question(str(i), f"Question {i}?", None, "single-source", "") for i in range(3)]
    review = [
        {"sha1": hashlib.sha1(b"Question 0?").hexdigest(), "verdict": "misleading"},
        {"sha1": hashlib.sha1(b"Question 1?").hexdigest(), "verdict": "fine"},
    ]
    assert reviewed_false(questions, review) == (1, 1)


def test_raw_spans_are_found_again_in_the_cleaned_text() -> None:
    raw = "Title.\n\nShe said\u00a0it twice. She said it twice."
    cleaned = "She said it twice. She said it twice."
    start = raw.rindex("She said")
    assert to_cleaned(raw, cleaned, start, len(raw) - 1) == (19, 36)
    assert to_cleaned(raw, cleaned, 0, 5) is None


def test_a_tie_between_two_ledger_questions_goes_to_the_one_the_brief_shows_first() -> None:
    """Two questions hold one sentence each of gold q1: the one ranked higher in the brief is the majority."""
    unplaced = Predicted(False, None, frozenset())
    predicted = [_placed(("B", 0)), _placed(("A", 0)), unplaced, unplaced]
    status_of = {"A": "contested", "B": "single-source"}
    wanted = {"q1": "single-source"}
    assert statuses_right(GOLD, predicted, wanted, status_of, {"B": 0, "A": 1}) == (1, 1)
    assert statuses_right(GOLD, predicted, wanted, status_of, {"A": 0, "B": 1}) == (0, 1)


# --- quality floor: the ledger on the development stories (python eval/ledger.py --corpus polnear) ---------

# Measured at the end of the fifteenth round (dev pooled, three stories): covered 86/89, together 49/118,
# apart 250/251, sides 48/49, speakers 86/100, statuses 17/40, years 0, false or misleading 2/32 (issue #14
# asks for together >= 0.8 and statuses >= 0.75: far off; these floors guard what holds, precision first).
# Raised at the eighteenth round's end (16c692f, the same three): together 54/118, speakers 88/100,
# statuses 20/40.
POLNEAR_LEDGER_FLOORS = {
    "sentences covered by a claim": 0.90,
    "same-question pairs together": 0.45,
    "other-question pairs apart": 0.95,
    "co-grouped pairs on the right side": 0.90,
    "speakers right": 0.85,
    "statuses right": 0.45,
}
MOST_FALSE_IN_A_STORY_TOP_20 = 2  # issue #14's ceiling, per story
# A story that joined development after it was scored unseen keeps floors of its own, measured when it
# joined, until it reaches the older stories' (trump-taxes at 8b49b71: covered 42/44, together 2/143,
# apart 77/80, speakers 35/51, statuses 4/15, 13 of its top 20 reviewed false or misleading; raised at
# 8fc93b4, the seventeenth round's end: covered 41/44, together 15/143, apart 98/99, speakers 40/50,
# statuses 5/15, 4 of its top 17 false or misleading; curiel-trump-university joined at ec03dbc, the
# eighteenth round's start: covered 57/64, together 5/450, apart 155/156, speakers 40/75, statuses 3/15,
# 16 of its top 20 false or misleading). Raised at the eighteenth round's end (16c692f): trump-taxes speakers
# 42/50, 2 of its top 16 false or misleading; curiel speakers 52/75, statuses 5/15, 8 of its top 18.
# khan-family joined at the nineteenth round's start (82256ae): covered 51/54, together 2/208, apart 31/32,
# speakers 45/56, statuses 4/15, 6 of its top 11 false or misleading. Lowered in the nineteenth round
# (precision19: claims no side is read from, background figures, counts of "other" things): khan-family 2 of
# its top 7 false or misleading, curiel-trump-university 4 of its top 14. Raised at the nineteenth round's end
# (21d127a): curiel covered 61/64, together 11/450, speakers 57/80, statuses 6/15; khan-family (one story now)
# covered 52/54, together 4/208, speakers 49/58, 2 of its top 8. dnc-email-leak joined at the twentieth
# round's start (49e032c): covered 21/24, together 1/51, apart 17/17, speakers 16/28, statuses 3/15, 6 of its
# top 9 false or misleading. Raised in the twentieth round (group-level merges of propositions,
# ``ledger.proposition_merges``): curiel together 13/450.
# Lowered in the twentieth round (labels20: quantity labels that say whose figure
# it is; no question of a share with no whole, some of a ranking, a false report's figure, a speaker's wish):
# dnc-email-leak 0 of its top 5; its ceiling is now issue #14's, as the older stories'. Raised in the
# twentieth round (subj20: a demonym's country among a proposition's arguments, breaking in and standing
# behind it one predicate class): dnc-email-leak together 3/51. Raised at the twentieth round's end (72dc645;
# spk20: readers' letters, knowing verbs, announcements, transcripts): speakers trump-taxes 44/50, curiel
# 62/80, khan-family 52/58, dnc-email-leak 18/28. orlando-shooting-response joined at the twenty-first
# round's start (3326679): covered 51/57, together 1/221, apart 31/31, speakers 43/59, statuses 2/15, 7 of its
# top 10 false or misleading. Raised in the twenty-first round (nokey21: quote marks mixed in a paragraph
# paired by their place): orlando-shooting-response covered 54/57, speakers 49/62; (props21: accusations keyed
# by the act they charge, phrasal verbs, "free to disclose", group merges of one predicate class): curiel
# together 17/450, dnc-email-leak together 6/51 and statuses 4/15, trump-taxes together 16/143 and statuses
# 6/15; (speakers21: honorifics tell a person's gender, a show told something is no content):
# orlando-shooting-response speakers 0.77; (keys21b: a partitive after a light verb leaves the predicate to
# its noun, "made a lot of sacrifices"): khan-family together 6/208.
# Raised (curiel21: StoriesSettings.named_subjects on, the curiel reports one story, group merges repeated
# within one predicate class): curiel together 22/450. manafort-shake-up joined at the twenty-second round's
# start (c8e2a47): covered 49/50, together 5/138, apart 70/72, speakers 47/54, statuses 5/15, 10 of its top 12
# false or misleading. mexico-visit-wall joined at the twenty-third round's start (b28d19f, after the second
# half's labels and ranges): covered 63/74, together 0/405, apart 6/8, speakers 59/73, statuses 1/15, 5 of its
# top 6 false or misleading. clinton-foundation-donors joined at the twenty-fourth round's start (scored
# unseen at af13f88): covered 61/63, together 4/425, apart 66/66, speakers 62/79, statuses 5/15, 12 of its
# top 13 false or misleading. second-amendment-isis-founder joined at the twenty-fifth round's start (scored
# unseen at 931685e): covered 76/80, together 62/887, apart 40/53, speakers 79/101, statuses 1/13, 5 of its
# top 5 false or misleading; at isis25 (an answering "No," no denial; an outlet's possessive quotation, a
# channel running over a quote's attribution and one voice's quip take no side) together 117/887, apart 19/39
# (its 20 errors one multi-sentence quote of Trump's spanning two gold questions), sides 97/117,
# 2 of its top 2. clinton-clinches-sanders-holdout joined at the twenty-sixth round's start (scored unseen at
# fb40463, reviewed at 03b1b9c, the same code): covered 36/39, together 3/77, apart 75/76, speakers 32/42,
# statuses 4/15, 15 of its top 20 false or misleading.
# police-shootings-tulsa-charlotte joined at the twenty-sixth round's start (scored unseen at fb40463):
# covered 44/45, together 18/141, apart 71/71, sides 10/18, speakers 35/52, statuses 2/15, one year (911 in "a
# 911 caller"), 5 of its top 8 false or misleading. At police26 (a numeral that
# names, "high-five" and "a 911 caller"; a label cut after "came"; "do not show whether" leaves a thing
# open; "can … say, look, this is not …" is words said to someone; a relative clause takes no side):
# together 20/141, apart 44/44, sides 15/20, statuses 3/15, no year, 1 of its top 5; floors at those.
# muslim-ban-proposal joined in the twenty-sixth round (scored unseen and reviewed at 1a8d090): covered 32/33,
# together 4/61, apart 22/25, sides 1/4, speakers 24/42, statuses 3/15, no year, 3 of its top 5 false or
# misleading; floors at those. Statuses raised to 6/15 in the twenty-seventh round (voices29: a rejection of
# an offer takes the affirm side, ``ledger.sides.spurns_an_offer``).
# lewandowski-fields-battery joined in the twenty-seventh round (scored unseen at 0ecaae4, reviewed at 8efc931
# with the same figures): covered 49/50, together 2/170, apart 53/58, sides 1/2, speakers 39/56,
# statuses 4/15, no year, 17 of its top 20 false or misleading (most of them items of an AP live blog beside
# the story); floors at those.
# iowa-caucus-results joined in the twenty-eighth round (scored unseen at df3f513, reviewed there with the
# same figures): covered 30/32, together 0/57, apart 0/0, sides 0/0, speakers 33/39, statuses 0/15, no year,
# 19 of its top 20 false or misleading (many of them items of the HuffPollster and POLITICO Caucus digests
# beside the story); floors at those (apart and sides, with no pair to score, get none).
# carson-biography-scrutiny joined in the twenty-ninth round (scored unseen at 45d54ec, reviewed at ec95a2c,
# the same ledger code, with the same figures): covered 41/43, together 1/69, apart 19/19, sides 1/1, speakers
# 31/45, statuses 4/15, no year, 4 of its top 20 (6 questions) false or misleading; floors at those.
# trump-debate-demands joined in the thirtieth round (scored unseen at 64f8ab6, reviewed at the same code with
# the same figures): covered 28/30, together 2/43, apart 41/44, sides 2/2, speakers 25/32, statuses 2/15, no
# year, 7 of its top 20 (8 questions) false or misleading; floors at those, but together and apart one pair
# below (1/43, 40/44), which main's newer claim code (modality, relays) may move by one pair.
# new-hampshire-primary joined in the thirty-first round (scored unseen at aa5d7b8, reviewed on nhreview33 at
# the same code with the same figures): covered 37/39, together 1/64, apart 43/43, sides 1/1, speakers 32/41,
# statuses 2/15, four years (the '3-2-1 strategy' read as 1, 3 and 2; the '$64,000 question'), 18 of its top
# 20 (19 labels) false or misleading (many of them items of HuffPost's debate live blog beside the story);
# floors at those; its years are 0 since ``ledger.non_counts.names_a_thing`` reads a chain of three numbers
# and the '$64,000 question' as names (87e8f9b): it holds the rule of every development story, none.
FLOORS_OF_LATE_STORIES = {
    "trump-taxes": (
        {
            "sentences covered by a claim": 0.90,
            "same-question pairs together": 0.11,
            "other-question pairs apart": 0.95,
            "speakers right": 0.85,
            "statuses right": 0.35,
        },
        2,
    ),
    "curiel-trump-university": (
        {
            "sentences covered by a claim": 0.90,
            "same-question pairs together": 0.045,
            "other-question pairs apart": 0.95,
            "speakers right": 0.75,
            "statuses right": 0.35,
        },
        4,
    ),
    "khan-family": (
        {
            "sentences covered by a claim": 0.95,
            "same-question pairs together": 0.025,
            "other-question pairs apart": 0.95,
            "speakers right": 0.85,
            "statuses right": 0.25,
        },
        2,
    ),
    "dnc-email-leak": (
        {
            "sentences covered by a claim": 0.85,
            "same-question pairs together": 0.10,
            "other-question pairs apart": 0.95,
            "speakers right": 0.60,
            "statuses right": 0.25,
        },
        MOST_FALSE_IN_A_STORY_TOP_20,
    ),
    "orlando-shooting-response": (
        {
            "sentences covered by a claim": 0.90,
            "same-question pairs together": 0.004,
            "other-question pairs apart": 0.95,
            "speakers right": 0.77,
            "statuses right": 0.10,
        },
        # 7 of its top 10 at f491ba7; 3 of 7 once precision21 left out the figures that counted nothing; 2 of
        # 7 at top20 (its generals question, contested on the right sides since the twenty-second round,
        # re-reviewed fine)
        MOST_FALSE_IN_A_STORY_TOP_20,
    ),
    "manafort-shake-up": (
        {
            "sentences covered by a claim": 0.95,
            "same-question pairs together": 0.03,
            "other-question pairs apart": 0.95,
            "speakers right": 0.85,
            "statuses right": 0.30,
        },
        3,  # 10 of its top 12 reviewed false or misleading when it joined; 6 of 10 at precision24; 3 of 7 at
        # merges25 (unrelated statements split apart)
    ),
    "mexico-visit-wall": (
        {
            "sentences covered by a claim": 0.85,
            "same-question pairs together": 0.0,
            "other-question pairs apart": 0.75,
            "speakers right": 0.80,
            "statuses right": 0.06,
        },
        # 8 of its top 9 reviewed false or misleading when scored unseen; 5 of 6 when it joined; 4 of 5 at
        # precision24; 3 of 6 at merges25; 2 of 5 at top20 (asking readers their thoughts takes no side)
        MOST_FALSE_IN_A_STORY_TOP_20,
    ),
    "clinton-foundation-donors": (
        {
            "sentences covered by a claim": 0.95,
            "same-question pairs together": 0.009,
            "other-question pairs apart": 0.95,
            "speakers right": 0.78,
            "statuses right": 0.40,
        },
        # 12 of its top 13 reviewed false or misleading when scored unseen; 5 of 9 at cfprec25; 3 of 8 at
        # merges25; 2 of 7 at top20 (a count of those a verb helped to act names that verb)
        MOST_FALSE_IN_A_STORY_TOP_20,
    ),
    "second-amendment-isis-founder": (
        {
            "sentences covered by a claim": 0.94,
            "same-question pairs together": 0.13,
            "other-question pairs apart": 0.45,
            "speakers right": 0.77,
            "statuses right": 0.07,
        },
        2,  # 5 of its top 5 reviewed false or misleading when scored unseen; 2 of 2 at isis25
    ),
    "clinton-clinches-sanders-holdout": (
        {
            "sentences covered by a claim": 0.92,
            "same-question pairs together": 0.038,
            "other-question pairs apart": 0.98,
            "speakers right": 0.76,
            "statuses right": 0.26,
        },
        15,  # 15 of its top 20 reviewed false or misleading when scored unseen (fb40463) and when it joined
    ),
    "police-shootings-tulsa-charlotte": (
        {
            "sentences covered by a claim": 0.95,
            "same-question pairs together": 0.14,
            "other-question pairs apart": 0.97,
            "speakers right": 0.67,
            "statuses right": 0.2,
        },
        # 5 of its top 8 reviewed false or misleading when scored unseen; 1 of 5 at police26
        MOST_FALSE_IN_A_STORY_TOP_20,
    ),
    "muslim-ban-proposal": (
        {
            "sentences covered by a claim": 0.96,
            "same-question pairs together": 0.065,
            "other-question pairs apart": 0.88,
            "speakers right": 0.57,
            "statuses right": 0.4,
        },
        3,  # 3 of its top 5 reviewed false or misleading when scored unseen (1a8d090) and when it joined
    ),
    "lewandowski-fields-battery": (
        {
            "sentences covered by a claim": 0.98,
            "same-question pairs together": 0.011,
            "other-question pairs apart": 0.91,
            "speakers right": 0.69,
            "statuses right": 0.26,
        },
        17,  # 17 of its top 20 reviewed false or misleading when scored unseen (0ecaae4) and when it joined
    ),
    "iowa-caucus-results": (
        {
            "sentences covered by a claim": 0.93,
            "same-question pairs together": 0.0,
            "speakers right": 0.84,
            "statuses right": 0.0,
        },
        19,  # 19 of its top 20 reviewed false or misleading when scored unseen (df3f513) and when it joined
    ),
    "carson-biography-scrutiny": (
        {
            "sentences covered by a claim": 0.95,
            "same-question pairs together": 0.014,
            "other-question pairs apart": 1.0,
            "speakers right": 0.68,
            "statuses right": 0.26,
        },
        4,  # 4 of its top 20 (6 questions) reviewed false or misleading after its one unseen score (45d54ec)
    ),
    "trump-debate-demands": (
        {
            "sentences covered by a claim": 0.93,
            "same-question pairs together": 0.023,
            "other-question pairs apart": 0.90,
            "speakers right": 0.78,
            "statuses right": 0.13,
        },
        7,  # 7 of its top 20 (8 questions) reviewed false or misleading after its one unseen score (64f8ab6)
    ),
    "new-hampshire-primary": (
        {
            "sentences covered by a claim": 0.94,
            "same-question pairs together": 0.015,
            "other-question pairs apart": 1.0,
            "speakers right": 0.78,
            "statuses right": 0.13,
        },
        18,  # 18 of its top 20 (19 labels) reviewed false or misleading after its one unseen score (aa5d7b8)
    ),
    "cruz-eligibility-feud": (
        {
            "sentences covered by a claim": 0.93,
            "same-question pairs together": 0.0,
            "other-question pairs apart": 1.0,
            "speakers right": 0.71,
            "statuses right": 0.06,
        },
        10,  # 10 of its top 20 (10 questions) reviewed false or misleading after its unseen score (ec21fd5)
    ),
}


def _under(floors: dict[str, float], figures: dict[str, tuple[int, int]]) -> dict[str, str]:
    return {
        name: f"{hits}/{total}"
        for name, floor in floors.items()
        for hits, total in [figures[name]]
        if hits < floor * total
    }


@needs_texts
def test_polnear_ledger_development_stories_stay_above_floors() -> None:
    from eval.ledger import score_story

    development = [story for story in STORIES if not story["held_out"]]
    results = {story["story"]: score_story(story) for story in development}
    older = [figures for key, figures in results.items() if key not in FLOORS_OF_LATE_STORIES]
    pooled = {name: tuple(map(sum, zip(*(r[name] for r in older), strict=True))) for name in older[0]}
    below = _under(POLNEAR_LEDGER_FLOORS, pooled)
    assert not below, f"under the floors: {below}"
    years = {key: r["year/age/ordinal positions (want 0)"][0] for key, r in results.items()}
    assert not any(years.values()), years
    assert all(r["false or misleading in top 20"][0] <= MOST_FALSE_IN_A_STORY_TOP_20 for r in older)
    for key, (floors, most_false) in FLOORS_OF_LATE_STORIES.items():
        if key in results:
            assert not _under(floors, results[key]), f"{key} under its floors: {_under(floors, results[key])}"
            assert results[key]["false or misleading in top 20"][0] <= most_false
