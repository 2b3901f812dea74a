"""Question labels: built from the most central claim's own words."""

from factories import make_claim, make_position, make_quantity

from storyline.stages.ledger.labels import central_order, proposition_label, quantity_label, shorten
from storyline.stages.ledger.positions import judge_status


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
        (
            make_claim(first, id="c1"),
            make_quantity("about 11,000 North Korean infantrymen", 11000, within=first),
        ),
        (make_claim(second, id="c2"), make_quantity("At least 2,600", 2600, within=second)),
    ]
    assert (
        quantity_label("personnel", pairs, [1, 0])
        == "How many North Korean infantrymen are training in eastern Russia?"
    )
    assert quantity_label("personnel", pairs[1:], [0]) == "How many personnel would be sent to Kursk?"
    assert quantity_label("USD", pairs[1:], [0]).startswith("How much ")


def test_proposition_label_is_the_central_content_cut_at_a_clause() -> None:
    claims = [
        make_claim("the news that his country was sending troops", id="c1"),
        make_claim("We have no proof of soldiers fighting in the south, the minister added", id="c2"),
    ]
    assert proposition_label(claims, [0, 1]) == "Whether we have no proof of soldiers fighting in the south"
    assert shorten(
        "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen"
    ).endswith("…")


def test_status_reasons_use_singular_nouns_for_one() -> None:
    deny = make_position("c1", speakers=("Moscow",), outlets=("X",), stance="deny")
    denial = make_claim("the accusation", id="c1", speaker_text="Moscow", modality="denied")
    status, reason = judge_status([deny], [denial])
    assert status == "denied" and reason == "denied by Moscow; 1 position, 1 speaker"
