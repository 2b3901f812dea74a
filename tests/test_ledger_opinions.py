"""What the ledger weighs as an opinion rather than a fact (``ledger.opinions``)."""

from factories import make_claim

from storyline.stages.ledger.opinions import all_opinions, is_opinion


def test_praise_of_a_people_is_an_opinion() -> None:
    """Courtesies traded at a joint appearance: a compliment, no fact to corroborate (PolNeAR
    mexico-visit-wall, issue #14)."""
    assert is_opinion(make_claim("Mexican nationals in the United States are honest people, working people"))
    assert is_opinion(make_claim("first-generation Mexicans are just beyond reproach - hard-working people"))
    assert is_opinion(make_claim("I have such great respect for them"))


def test_thanking_a_host_is_an_opinion() -> None:
    assert is_opinion(make_claim("Thank you, Mr. President, for the invitation"))


def test_a_count_or_an_event_is_no_opinion() -> None:
    assert not is_opinion(make_claim("more than 6 million American jobs rely on trade with Mexico"))
    assert not is_opinion(make_claim("immigration from Mexico peaked 10 years ago"))
    assert not is_opinion(make_claim("the workers were working on the wall"))


def test_a_question_of_compliments_is_all_opinions_one_fact_among_them_is_not() -> None:
    praise = [
        make_claim("Mexicans are honest people", id="c1"),
        make_claim("they are spectacular, hard-working people", id="c2"),
    ]
    assert all_opinions(praise)
    assert not all_opinions([*praise, make_claim("Mexico will not pay for the wall", id="c3")])


def test_a_simile_or_a_superlative_of_blame_is_an_opinion() -> None:
    """A comedian's quip carried twice stood as a question of fact (PolNeAR second-amendment-isis-founder,
    issue #14); the sentences here are our own."""
    assert is_opinion(make_claim("The Mayor Is Like A Captain Steering Into The Iceberg"))
    assert is_opinion(make_claim("it's like a ferry with no one at the wheel"))
    assert is_opinion(make_claim("that was the stupidest plan the council ever passed"))
    # must not: "like" as a verb or before a figure, and a plain superlative of size
    assert not is_opinion(make_claim("the council would like a new ferry by May"))
    assert not is_opinion(make_claim("the repairs cost something like $2 million"))
    assert not is_opinion(make_claim("it was the largest flood on record"))
