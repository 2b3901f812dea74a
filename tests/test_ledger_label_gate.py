"""A measured thing's question is shown only when its label says what is asked (``ledger.label_gate``)."""

from __future__ import annotations

import pytest
from factories import make_claim, make_position, make_quantity, make_question

from storyline.stages.ledger.counted import Measure
from storyline.stages.ledger.label_gate import asks_a_voiced_count, names_several_things, says_what_is_asked


def _measure(text: str, figure: str, value: float, unit: str = "personnel", approx: bool = False) -> Measure:
    """``figure`` in the claim ``text``, which is the whole of article "a"."""
    quantity = make_quantity(figure, value, within=text, unit=unit, approx=approx)
    claim = make_claim(text, id="c1", quantities=(quantity,))
    return Measure(claim, quantity, unit, frozenset(), frozenset(), None, False)


def _asked(label: str, measure: Measure) -> bool:
    return says_what_is_asked(label, [measure], [0], {"a": measure.claim.text})


def test_an_amount_is_asked_only_with_what_the_money_is() -> None:
    lost = _measure(
        "the businessman lost nearly $916 million in a single year", "$916 million", 9.16e8, "USD"
    )
    assert not _asked("How much money in a single year?", lost)
    appeal = _measure("The Red Cross appealed for $6 million", "$6 million", 6e6, "USD")
    assert _asked("How much money did the Red Cross appeal for?", appeal)
    given = _measure("a $25,000 contribution from his foundation", "$25,000 contribution", 25e3, "USD")
    assert _asked("How much was the contribution from his foundation?", given)


def test_a_share_is_asked_only_with_what_it_is_a_share_of() -> None:
    rate = _measure("a new low 15 percent rate far lower than the top", "15 percent", 15, "percent")
    assert not _asked("What share rate far lower than the top?", rate)
    voters = _measure("74 percent of likely voters said he should release", "74 percent", 74, "percent")
    assert _asked("What share of likely voters said he should release?", voters)
    # issue #14: an "of" phrase with no finite verb is a noun phrase, no question
    going = _measure("40 percent of dockworkers going to the rally on Friday", "40 percent", 40, "percent")
    assert not _asked("What share of dockworkers going to the rally on Friday?", going)
    assert not _asked("What share of those dockworkers?", going)
    assert _asked("What share of dockworkers went to the rally on Friday?", going)


def test_a_figure_that_sizes_a_known_set_is_no_count() -> None:
    text = "a law that requires the nominee of the two major parties to release their tax returns"
    parties = _measure(text, "two major parties", 2, "party")
    assert not _asked("How many major parties to release their tax returns?", parties)
    # a figure in digits, a large or an approximate one after "the" is a count the story reports, and "all
    # 23 crew" reports one
    crew = _measure("all 23 crew aboard the tanker were safe", "23 crew", 23)
    assert _asked("How many crew aboard the tanker were safe?", crew)
    provinces = _measure("the 12 provinces had lost half of their animals", "12 provinces", 12, "province")
    assert _asked("How many provinces had lost half of their animals?", provinces)
    assert _asked(
        "How many emails did she delete?", _measure("the 30,000 emails she deleted", "30,000 emails", 3e4)
    )
    assert _asked(
        "How many parties?", _measure("the some 12 parties", "12 parties", 12, "party", approx=True)
    )


def test_a_figure_that_counts_a_list_is_not_asked_as_its_first_noun() -> None:
    text = "The Associated Press interviewed more than 20 former crew members, editors and contestants."
    crew = _measure(text, "more than 20 former crew members", 20)
    assert not _asked("How many former crew members did the Associated Press interview?", crew)
    alone = _measure(
        "The agency interviewed more than 20 former crew members.", "more than 20 former crew members", 20
    )
    assert _asked("How many former crew members did the agency interview?", alone)
    # two figures, each with its own number, are two counts
    two = _measure("Police arrested 12 men and 3 women.", "12 men", 12)
    assert _asked("How many men did police arrest?", two)


def test_a_label_in_a_chats_shorthand_says_nothing() -> None:
    tweet = _measure("deporting 2 million ppl n children", "2 million ppl", 2e6, "person")
    assert not _asked("How many ppl n children?", tweet)


def test_a_count_whose_verb_the_label_lost_is_not_asked() -> None:
    # "deport" has no subject of its own: the label could not take it, and a bare noun drops the claim
    promised = _measure(
        "his promise to build a new road and deport 3 million foreign workers",
        "3 million foreign workers",
        3e6,
        "worker",
    )
    assert not _asked("How many foreign workers?", promised)
    # issue #14 (PolNeAR orlando): a label with a tail but no verb drops what was done to the counted
    # thing, whether the figure is the verb's object or the object of an "of" after it
    shot = _measure("A gunman shot dead 14 people in San Bernardino.", "14 people", 14)
    assert not _asked("How many people in San Bernardino?", shot)
    lives = _measure("a man who took the lives of 49 club goers in Orlando", "49 club goers", 49, "goer")
    assert not _asked("How many club goers in Orlando?", lives)
    assert _asked("How many people did a gunman shoot dead in San Bernardino?", shot)
    # no verb acts on the figure: its count is asked plainly
    held = _measure(
        "in the wake of his six corporate bankruptcies", "six corporate bankruptcies", 6, "bankruptcy"
    )
    assert _asked("How many corporate bankruptcies?", held)


def test_a_count_of_those_helped_or_made_to_act_names_the_verb_that_helped_them() -> None:
    # issue #14 (PolNeAR clinton-foundation-donors): the figure's noun is the subject of a bare infinitive
    # another verb governs; a label of the infinitive alone asks as their own deed what they were helped to do
    helped = _measure(
        "The charity says it has helped 40,000 growers in the valley double their harvests.",
        "40,000 growers",
        4e4,
        "grower",
    )
    assert not _asked("How many growers in the valley double their harvests?", helped)
    made = _measure("The flood made 300 families leave their homes.", "300 families", 300, "family")
    assert not _asked("How many families leave their homes?", made)
    assert _asked("How many families did the flood make leave their homes?", made)
    # a finite clause, or an infinitive with "to", is the figure's own statement: asked as it stands
    said = _measure("The mayor said 300 families left their homes.", "300 families", 300, "family")
    assert _asked("How many families left their homes?", said)
    wanted = _measure("The union wants 300 workers to strike on Monday.", "300 workers", 300, "worker")
    assert _asked("How many workers to strike on Monday?", wanted)


def test_a_verb_of_an_adverbial_clause_is_no_verb_of_the_amount() -> None:
    price = _measure(
        "customers were pushed to buy courses costing up to $20,000 after taking a free class",
        "up to $20,000",
        2e4,
        "USD",
    )
    assert not _asked("How much money after taking a free class?", price)


def test_a_count_of_other_things_does_not_say_what_they_are_beside() -> None:
    others = _measure("There are three other lawsuits over the dam", "three other lawsuits", 3, "lawsuit")
    assert not _asked("How many other lawsuits over the dam?", others)
    lawsuits = _measure("There are three lawsuits over the dam", "three lawsuits", 3, "lawsuit")
    assert _asked("How many lawsuits over the dam?", lawsuits)


def test_a_share_that_is_its_verbs_subject_says_of_nothing() -> None:
    # issue #14: "What share is modified?" said of what the share is nowhere
    part = _measure(
        "a report may be 90 percent right, but 10 percent is invented", "10 percent", 10, "percent"
    )
    assert not _asked("What share is invented?", part)
    # a share whose label names its whole still asks
    assert _asked("What share of the report is invented?", part)


def test_some_of_a_ranking_is_no_count() -> None:
    # issue #14: "Two of the biggest names …" describes whom it picks; it tallies nothing
    text = "Two of the largest unions in the port walked out on Monday."
    unions = _measure(text, "Two of the largest unions", 2, "union")
    assert not _asked("How many of the largest unions in the port walked out?", unions)
    # a partitive of a plain set is a count
    text = "Two of the unions in the port walked out on Monday."
    assert _asked(
        "How many of the unions in the port walked out?", _measure(text, "Two of the unions", 2, "union")
    )


def test_what_a_false_report_told_is_no_count() -> None:
    # issue #14: the hoax's "two explosions" read as a count of real ones
    text = "Hackers posted fake reports of three fires at the harbour that had injured a minister."
    fires = _measure(text, "three fires", 3, "fire")
    assert not _asked("How many fires at the harbour that had injured a minister?", fires)
    text = "Firefighters put out three fires at the harbour after reports of smoke."
    assert _asked("How many fires did firefighters put out?", _measure(text, "three fires", 3, "fire"))


def test_a_bare_noun_over_one_sources_several_values_names_several_things() -> None:
    # issue #14 (PolNeAR classified-emails): seven chains of one kind and eight of another, one source,
    # asked "How many email chains?" as though the count were in doubt
    text = "The ministry said 40 files sat in seven folders, and 30 files were in eight folders."
    seven = _measure(text, "seven folders", 7, "folder")
    eight = _measure(text, "eight folders", 8, "folder")
    sides = (make_position("c1", value=7.0), make_position("c1", value=8.0))
    question = make_question("How many folders?", *sides, status_reason="one source (ministry) on every side")
    assert names_several_things("How many folders?", [seven, eight], question)
    # a label that says more tells them apart; one value, or two sources, is no such doubt
    assert not names_several_things("How many folders held the files?", [seven, eight], question)
    one = make_question("How many folders?", sides[0])
    assert not names_several_things("How many folders?", [seven], one)
    contested = make_question("How many folders?", *sides, status="contested")
    assert not names_several_things("How many folders?", [seven, eight], contested)
    # floors from one source are one running total
    text = "The ministry said more than 40 files were found, then more than 30 files were found."
    floors = [
        _measure(text, "more than 40 files", 40, "file"),
        _measure(text, "more than 30 files", 30, "file"),
    ]
    assert not names_several_things("How many files?", floors, question)


def _voiced(text: str, figure: str, value: float, unit: str, speaker: str | None = "e-1") -> Measure:
    """``figure`` in a claim of ``text`` that ``speaker`` states in a finite clause."""
    quantity = make_quantity(figure, value, within=text, unit=unit)
    claim = make_claim(text, quantities=(quantity,), speaker=speaker, finite_verbs=(0,))
    return Measure(claim, quantity, unit, frozenset(), frozenset(), None, False)


def test_one_claims_count_asks_what_a_named_subject_did_to_the_counted_thing() -> None:
    # issue #14 (PolNeAR fbi-no-charges): Giuliani's "somebody destroyed 34,000 emails", said once
    destroyed = _voiced(
        "I never had a case where somebody destroyed 34,000 emails", "34,000 emails", 34e3, "email"
    )
    assert asks_a_voiced_count("How many emails did somebody destroy?", [destroyed])
    # a pronoun subject names nobody the reader can tell; a bare noun says nothing was done
    members = _voiced("But we consist of 300 members", "300 members", 300, "member")
    assert asks_a_voiced_count("How many members did the group consist of?", [members])
    assert not asks_a_voiced_count("How many members did we consist of?", [members])
    assert not asks_a_voiced_count("How many emails?", [destroyed])
    # another noun than the figure's, or no resolved speaker: not this count's own question
    assert not asks_a_voiced_count("How many servers did somebody destroy?", [destroyed])
    unsaid = _voiced("somebody destroyed 34,000 emails", "34,000 emails", 34e3, "email", speaker=None)
    assert not asks_a_voiced_count("How many emails did somebody destroy?", [unsaid])


def test_a_label_that_supports_be_with_did_is_no_question() -> None:
    # "it was easy to name a hundred types": the predicate read off the copula's subject is no English
    text = "it was easy to name a hundred different types of conflicts"
    types = _measure(text, "a hundred different types of conflicts", 100, "type")
    assert not _asked("How many different types of conflicts did it be to name?", types)
    named = _measure("the inspectors named 12 types of faults", "12 types of faults", 12, "type")
    assert _asked("How many types of faults did the inspectors name?", named)
    assert _asked("How many types of faults did the inspectors want to be named?", named)


def test_a_label_ending_on_a_bare_be_is_no_question() -> None:
    # the part's verb of "85 of the 154 meetings … were with donors", its complement cut off
    text = "85 of the 154 meetings the mayor had with individuals were with donors"
    part = _measure(text, "85 of the 154 meetings", 85, "meeting")
    assert not _asked("How many meetings the mayor had with individuals were?", part)
    assert _asked("How many meetings with donors were there?", part)
    assert _asked("How many meetings were with donors?", part)


def test_a_count_whose_only_verb_is_a_relative_adverbs_clause_is_no_question() -> None:
    # issue #14: "How many earlier contests where … were conducted?" names nothing the contests did
    text = "Turnout was higher than in the nine earlier ballots where observers were present."
    ballots = _measure(text, "nine earlier ballots", 9, "ballot")
    assert not _asked("How many earlier ballots where observers were present?", ballots)
    # a label whose own verb comes first still asks
    assert _asked("How many earlier ballots were held where observers were present?", ballots)


# issue #14: labels that ask of an unnamed "they", that were moved or cut inside a phrase, a difference with
# no subject and a share of no one: (the claim, its figure, value, unit, the label, whether it asks)
UNREADABLE_LABELS = [
    # "What share of them voted for …?": who "they" are was told in sentences the reader misses
    (
        "nearly 40 percent of them backed the strike",
        "nearly 40 percent",
        40,
        "percent",
        "What share of them backed the strike?",
        False,
    ),
    (
        "nearly 40 percent of them backed the strike",
        "nearly 40 percent",
        40,
        "percent",
        "What share of dockworkers backed the strike?",
        True,
    ),
    (
        "they sank 12 fishing boats off the cape",
        "12 fishing boats",
        12,
        "boat",
        "How many fishing boats did they sink off the cape?",
        False,
    ),
    (
        "they sank 12 fishing boats off the cape",
        "12 fishing boats",
        12,
        "boat",
        "How many fishing boats did the navy sink off the cape?",
        True,
    ),
    # a "them" the label names something before stays
    ("the 14 ferries that carried them", "14 ferries", 14, "ferry", "How many ferries carried them?", True),
    # "did" before a relative pronoun, and a phrase cut between its modifier and its noun
    (
        "two ferries whose old engines failed were towed",
        "two ferries",
        2,
        "ferry",
        "How many ferries did whose old engines fail?",
        False,
    ),
    (
        "two ferries were towed at a late hour",
        "two ferries",
        2,
        "ferry",
        "How many ferries were towed at a late?",
        False,
    ),
    (
        "two ferries were towed at a late hour",
        "two ferries",
        2,
        "ferry",
        "How many ferries were towed at a late hour?",
        True,
    ),
    (
        "two ferries in the oldest fleet were towed",
        "two ferries",
        2,
        "ferry",
        "How many ferries in the oldest were towed?",
        False,
    ),
    (
        "two ferries in the oldest fleet were towed",
        "two ferries",
        2,
        "ferry",
        "How many ferries in the oldest fleet were towed?",
        True,
    ),
    # "How many points higher?" says neither what is higher nor than what
    (
        "turnout was about 12 points higher than in 2010",
        "about 12 points",
        12,
        "point",
        "How many points higher?",
        False,
    ),
    (
        "turnout was about 12 points higher than in 2010",
        "about 12 points",
        12,
        "point",
        "How much lower?",
        False,
    ),
    (
        "turnout was about 12 points higher than in 2010",
        "about 12 points",
        12,
        "point",
        "How many points higher than in 2010 was turnout?",
        True,
    ),
    # a share a participle follows says of whom nowhere
    (
        "about 30 percent saying they are very liberal",
        "about 30 percent",
        30,
        "percent",
        "What share saying they are very liberal?",
        False,
    ),
    (
        "about 30 percent saying they are very liberal",
        "about 30 percent",
        30,
        "percent",
        "What share of caucus-goers said they are very liberal?",
        True,
    ),
    # issue #14: "them" after a preposition in a label's one clause names no one the label says; in a clause
    # of its own it may be the counted people, and "him" is often the story's one person
    (
        "12 seats were kept in front of them",
        "12 seats",
        12,
        "seat",
        "How many seats were kept in front of them?",
        False,
    ),
    (
        "60 percent of tenants said the rent rise hurt them",
        "60 percent",
        60,
        "percent",
        "What share of tenants said the rent rise hurt them?",
        True,
    ),
    (
        "four guards stood beside him",
        "four guards",
        4,
        "guard",
        "How many guards were standing beside him?",
        True,
    ),
    # a lone lower-case letter is a censored or cut word; "x-ray" and "p.m." are none
    (
        "30 f ing fans in a town he loved",
        "30 f ing fans",
        30,
        "fan",
        "How many f ing fans were in the town?",
        False,
    ),
    ("8 x-rays were taken by 3 p.m.", "8 x-rays", 8, "x-ray", "How many x-rays were taken by 3 p.m.?", True),
]


@pytest.mark.parametrize(("text", "figure", "value", "unit", "label", "asks"), UNREADABLE_LABELS)
def test_a_label_the_reader_cannot_read_is_no_question(
    text: str, figure: str, value: float, unit: str, label: str, asks: bool
) -> None:
    assert _asked(label, _measure(text, figure, value, unit)) is asks
