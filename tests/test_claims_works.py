"""Works that speak for their maker (issue #14): "the ad", "the spot" is the campaign that made it."""

from __future__ import annotations

from tests.test_claims import claims_of, find


def test_a_definite_ad_speaks_for_the_maker_named_on_the_last_one() -> None:
    claims = claims_of(
        "A new video by the National Farmers Union attacks the tariff plan. "
        "The ad says the plan will cost growers $2 billion a year."
    )
    assert find(claims, "says").speaker_text == "the National Farmers Union"


def test_the_maker_of_a_work_is_the_subject_that_puts_it_out() -> None:
    claims = claims_of(
        "Senator Ana Ruiz has a new campaign ad attacking the tariff plan. "
        "The spot says the plan will cost growers $2 billion a year."
    )
    assert find(claims, "says").speaker_text == "Senator Ana Ruiz"


def test_an_ad_whose_maker_is_not_named_keeps_its_words() -> None:
    """A new work with no maker named ends the earlier one's: "the ad" is that new one, whoever made it."""
    claims = claims_of(
        "A video by the National Farmers Union attacked the plan on Monday. A new ad appeared on Tuesday. "
        "The ad says the plan will cost growers $2 billion a year."
    )
    assert find(claims, "says").speaker_text == "The ad"


def test_a_work_described_by_a_word_of_its_own_is_not_the_last_one() -> None:
    claims = claims_of(
        "A report by the National Farmers Union criticised the plan. "
        "The congressional report says the plan will cost growers $2 billion a year."
    )
    assert find(claims, "says").speaker_text == "The congressional report"
