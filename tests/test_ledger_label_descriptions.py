"""Which organisation or place a label's bare definite description stands for (``ledger.label_descriptions``),
on sentences written for it."""

from __future__ import annotations

import re

from factories import make_article, make_claim

from storyline.records import Article, Claim
from storyline.stages.ledger.label_descriptions import described_named
from storyline.stages.ledger.voices import Voices


def named(
    label: str, claim: Claim, article: Article, names: tuple[str, ...], voices: Voices | None = None
) -> str:
    """``described_named`` with a mention at each of ``names`` in the article (as the entities stage finds
    names), each its own entity."""
    text = article.text
    spans = {
        article.id: [(m.start(), m.end(), f"@{name}") for name in names for m in re.finditer(name, text)]
    }
    names_by_id = {f"@{name}": name for name in names}
    return described_named(label, claim, text, spans, voices or Voices(), names_by_id)


def test_a_name_ending_in_the_head_names_the_description() -> None:
    text = (
        "A new ad from the Clean Rivers PAC attacks Mayor Holm. "
        "The super PAC has spent $2 million on radio ads, a filing said."
    )
    article = make_article(text)
    spent = make_claim(
        "The super PAC has spent $2 million on radio ads", article=article, speaker_text="a filing"
    )
    label = "How much money did the super PAC spend on radio ads?"
    assert named(label, spent, article, ("Clean Rivers PAC",)) == (
        "How much money did the Clean Rivers PAC spend on radio ads?"
    )
    # the article's first full name, where it later shortens it
    shorter = make_article(
        text.replace("Mayor Holm.", "Mayor Holm. Rivers Pac paid for it.").replace("the Clean", "Clean")
    )
    spent = make_claim(spent.text, article=shorter, speaker_text="a filing")
    assert named(label, spent, shorter, ("Clean Rivers PAC", "Rivers Pac")) == (
        "How much money did Clean Rivers PAC spend on radio ads?"
    )
    # the last conjunct of a coordinated name, a headline's Title Case: no name of its own
    cuts = (
        ("Ada and Clean Rivers PAC", "Clean Rivers PAC"),
        ("Ads From Clean Rivers PAC Anger Holm", "Clean Rivers PAC"),
        ("Holm Sues Over Cuts Of Rivers PAC", "Cuts Of Rivers PAC"),
    )
    for headline, name in cuts:
        article = make_article(f"{headline}. The super PAC has spent $2 million on radio ads, a filing said.")
        spent = make_claim(spent.text, article=article, speaker_text="a filing")
        assert named(label, spent, article, (name,)) == label


def test_an_apposition_names_the_description_and_a_possessive_stays() -> None:
    article = make_article(
        "Inspectors visited Vitaline, the company that sells the tablets. "
        "Its founder's photo was on the company's website, a former worker said."
    )
    shown = make_claim(
        "Its founder's photo was on the company's website", article=article, speaker_text="a former worker"
    )
    label = "Was its founder's photo on the company's website?"
    assert named(label, shown, article, ("Vitaline",)) == "Was its founder's photo on Vitaline's website?"
    city = make_article(
        "The council of the city of Tarnby voted 5-2. The resolution said the city welcomes refugees."
    )
    welcomes = make_claim("the city welcomes refugees", article=city, speaker_text="The resolution")
    assert (
        named("Does the city welcome refugees?", welcomes, city, ("Tarnby",))
        == "Does Tarnby welcome refugees?"
    )


def test_two_names_for_the_head_keep_the_description() -> None:
    # two networks as near: which one "the network" is, the label cannot say
    both = make_article(
        "Two channels, the network Kanal Nord and the network Vest TV, refused. "
        "The network will not pay guests, a memo said."
    )
    pays = make_claim("The network will not pay guests", article=both, speaker_text="a memo")
    label = "Will the network pay guests?"
    assert named(label, pays, both, ("Kanal Nord", "Vest TV")) == label
    # the nearest named network, but another the article calls one written between it and the claim: kept
    between = make_article(
        "Kanal Nord, the network, hosts the debate. Vest TV hosted the last one. "
        "The network will not pay guests, a memo said. Vest TV, the rival network, would not comment."
    )
    pays = make_claim(pays.text, article=between, speaker_text="a memo")
    assert named(label, pays, between, ("Kanal Nord", "Vest TV")) == label
    # a name ending in a place's head names another thing as often ("Kansas City"): no name
    place = make_article("Fort Lyle City Council met. The resolution said the city welcomes refugees.")
    welcomes = make_claim("the city welcomes refugees", article=place, speaker_text="The resolution")
    assert named("Does the city welcome refugees?", welcomes, place, ("Fort Lyle City",)) == (
        "Does the city welcome refugees?"
    )


def test_a_voice_describing_its_own_organisation_names_it() -> None:
    article = make_article(
        "Kanal Nord's chief Lena Vik spoke on Monday. Vik said the network does not pay guests. "
        "The network's sister channel, Nord Plus, will close."
    )
    pays = make_claim(
        "the network does not pay guests", article=article, speaker_text="Vik", speaker="@Lena Vik"
    )
    voices = Voices(people={"@Lena Vik": "@Kanal Nord"})
    label = "Does the network pay guests?"
    # Nord Plus is called the network's sister channel after the claim: not the network Vik speaks for
    assert named(label, pays, article, ("Kanal Nord", "Lena Vik", "Nord Plus"), voices) == (
        "Does Kanal Nord pay guests?"
    )
    # not her voice: no one says which network
    assert named(label, pays, article, ("Kanal Nord", "Lena Vik", "Nord Plus")) == label
