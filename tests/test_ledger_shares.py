"""Poll shares are grouped by whose share they are (``ledger.shares``): two polls' figures for one candidate
answer one question, a candidate's and a rival's never do, and a share whose holder is not worded keeps
none (it groups as before)."""

from __future__ import annotations

from storyline.config import DEFAULT_SETTINGS
from storyline.records import Claim
from storyline.stages.ledger.measures import group_measures, make_measures
from storyline.stages.ledger.shares import OFFER, STAKE, share_holder
from tests.factories import make_article, make_claim, make_quantity

IPSOS = "The poll shows that Clinton leads Trump by 43 percent to 38 percent."
TIMES = "The tracking poll showed that Trump is leading Clinton 47.1 percent to 41.7 percent."
PRONOUN = "She leads Trump by 49 percent to 47 percent."
HEALTH = "Only 52 percent of voters think Clinton is healthy enough."


def _poll_claim(text: str, content: str, figures: list[tuple[str, float]], id: str) -> Claim:
    article = make_article(text, id="a-" + id)
    quantities = tuple(make_quantity(t, v, within=text, unit="percent") for t, v in figures)
    return make_claim(
        content,
        article=article,
        id=id,
        cue=next(c for c in ("shows", "showed", "say") if f" {c} " in text),
        quantities=quantities,
    )


def _ipsos() -> Claim:
    figures = [("43 percent", 43.0), ("38 percent", 38.0)]
    return _poll_claim(IPSOS, "Clinton leads Trump by 43 percent to 38 percent", figures, "c1")


def _holders(claim: Claim) -> list[str | None]:
    return [share_holder(claim, quantity, {}) for quantity in claim.quantities]


def test_a_match_up_gives_each_figure_its_candidate() -> None:
    ipsos = _ipsos()
    assert _holders(ipsos) == ["name:clinton", "name:trump"]


def test_a_pronoun_is_no_holder_and_an_unworded_share_has_none() -> None:
    article = make_article(PRONOUN)
    pronoun = make_claim(
        PRONOUN.rstrip("."),
        article=article,
        cue="leads",
        quantities=(
            make_quantity("49 percent", 49, within=PRONOUN, unit="percent"),
            make_quantity("47 percent", 47, within=PRONOUN, unit="percent"),
        ),
    )
    assert _holders(pronoun) == [None, "name:trump"]
    article = make_article(HEALTH)
    health = make_claim(
        "Clinton is healthy enough",
        article=article,
        cue="think",
        quantities=(make_quantity("52 percent", 52, within=HEALTH, unit="percent"),),
    )
    assert _holders(health) == [None]


def test_two_polls_group_by_candidate_not_by_sentence() -> None:
    ipsos = _ipsos()
    times = _poll_claim(
        TIMES,
        "Trump is leading Clinton 47.1 percent to 41.7 percent",
        [("47.1 percent", 47.1), ("41.7 percent", 41.7)],
        "c2",
    )
    measures = [m for claim in (ipsos, times) for m in make_measures(claim, frozenset(), {})]
    groups = group_measures(measures, DEFAULT_SETTINGS.ledger)
    by_holder = {group[0].holder: sorted(m.quantity.value for m in group) for group in groups}
    assert by_holder == {"name:clinton": [41.7, 43.0], "name:trump": [38.0, 47.1]}


def test_a_role_before_the_name_belongs_to_the_holder() -> None:
    text = (
        "Polls say 5 percent prefer Libertarian nominee Gary Johnson and 1 percent support the Green Party."
    )
    figures = [("5 percent", 5.0), ("1 percent", 1.0)]
    claim = _poll_claim(text, text.removeprefix("Polls say ").rstrip("."), figures, "c3")
    assert _holders(claim) == ["name:johnson", "name:party"]


def _figures_claim(content: str, figures: list[tuple[str, float, str]], id: str = "c9") -> Claim:
    text = f"The company said {content}."
    quantities = tuple(make_quantity(t, v, within=text, unit=unit) for t, v, unit in figures)
    return make_claim(content, article=make_article(text, id="a-" + id), id=id, quantities=quantities)


def _holders_of(content: str, figures: list[tuple[str, float, str]]) -> list[str | None]:
    claim = _figures_claim(content, figures)
    return [m.holder for m in make_measures(claim, frozenset(), {})]


def test_a_share_held_of_a_company_is_a_stake_whoever_holds_it() -> None:
    # issue #17: a bidder's stake told with a pronoun as often as with a name is one count seen moving
    risen = "its stake in the brewer had risen to 18.2 percent"
    assert _holders_of(risen, [("18.2 percent", 18.2, "percent")]) == [STAKE]
    owned = "acceptances and the shares it owned came to 61% of the capital"
    assert _holders_of(owned, [("61%", 61.0, "percent")]) == [STAKE]


def test_a_threshold_a_poll_or_a_price_move_is_no_stake() -> None:
    needs = "the offer needs acceptances taking the bidder to 75% of the shares"
    assert _holders_of(needs, [("75%", 75.0, "percent")]) == [None]
    lead = "Smith holds a lead of 52 percent among voters"
    assert _holders_of(lead, [("52 percent", 52.0, "percent")]) == [None]
    vote = "Smith holds only 21 percent of the rural vote"
    assert _holders_of(vote, [("21 percent", 21.0, "percent")]) == [None]
    move = "shares in the brewer fell 3.1% in early trading"
    assert _holders_of(move, [("3.1%", 3.1, "percent")]) == [None]


def test_a_price_per_share_offered_is_the_offer_not_a_valuation_or_a_rivals() -> None:
    offer = "it now offers $41.50 in cash per share instead of $39"
    assert _holders_of(offer, [("$41.50", 41.5, "USD"), ("$39", 39.0, "USD")]) == [OFFER, OFFER]
    valuation = (
        "it offered $41.50 a share, valuing the brewer at $2 billion and paying a dividend of $1 a share"
    )
    figures = [("$41.50", 41.5, "USD"), ("$2 billion", 2e9, "USD"), ("$1", 1.0, "USD")]
    holders = _holders_of(valuation, figures)
    assert holders == [OFFER, None, None]
    rival = "a rival was preparing a counter-offer of $44 a share"
    assert _holders_of(rival, [("$44", 44.0, "USD")]) == [None]
