"""Question labels: built from the most central claim's own words."""

from dataclasses import replace

from storyline.records import Claim, Position, Quantity
from storyline.stages.ledger.labels import central_order, proposition_label, quantity_label, shorten
from storyline.stages.ledger.positions import judge_status


def claim(claim_id: str, text: str, **fields: object) -> Claim:
    return Claim(
        id=claim_id, article="a", text=text, start=0, end=len(text), cue="said", cue_start=0, cue_end=0,
        speaker_text=None, **fields,  # type: ignore[arg-type]
    )  # fmt: skip


def quantity(text_of_claim: str, words: str, value: float) -> Quantity:
    start = text_of_claim.index(words)
    return Quantity(
        value=value, unit="personnel", approx=False, text=words, start=start, end=start + len(words)
    )


def test_the_most_central_set_comes_first_not_the_first_given() -> None:
    sets = [
        frozenset({"port", "fee"}),
        frozenset({"troop", "korea", "russia"}),
        frozenset({"troop", "korea"}),
    ]
    assert central_order(sets)[0] in (1, 2)
    assert central_order(sets)[-1] == 0


def test_quantity_label_uses_the_counted_noun_phrase_and_what_follows() -> None:
    first = "Officials said about 11,000 North Korean infantrymen are training in eastern Russia, he said"
    second = "At least 2,600 would be sent to Kursk"
    pairs = [
        (claim("c1", first), quantity(first, "about 11,000 North Korean infantrymen", 11000)),
        (claim("c2", second), quantity(second, "At least 2,600", 2600)),
    ]
    assert (
        quantity_label("personnel", pairs, [1, 0])
        == "How many North Korean infantrymen are training in eastern Russia?"
    )
    assert quantity_label("personnel", pairs[1:], [0]) == "How many personnel would be sent to Kursk?"
    assert quantity_label("USD", pairs[1:], [0]).startswith("How much ")


def test_proposition_label_is_the_central_content_cut_at_a_clause() -> None:
    claims = [
        claim("c1", "the news that his country was sending troops"),
        claim("c2", "We have no proof of soldiers fighting in the south, the minister added"),
    ]
    assert proposition_label(claims, [0, 1]) == "Whether we have no proof of soldiers fighting in the south"
    assert shorten(
        "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen"
    ).endswith("…")


def test_status_reasons_use_singular_nouns_for_one() -> None:
    deny = Position(
        claims=("c1",), speakers=("Moscow",), outlets=("X",), independent_sources=1, stance="deny"
    )
    denial = claim("c1", "the accusation", modality="denied")
    denial = replace(denial, speaker_text="Moscow")
    status, reason = judge_status([deny], [denial])
    assert status == "denied" and reason == "denied by Moscow; 1 position, 1 speaker"
