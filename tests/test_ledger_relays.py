"""Relays (``ledger.relays``): one passing on another's words counts as that speaker, not a second source."""

import dataclasses
from datetime import date

from factories import make_article, make_claim, make_quantity
from test_ledger import ARTICLES as LEDGER_ARTICLES
from test_ledger import STORY, claim

from storyline.config import DEFAULT_SETTINGS
from storyline.records import Claim, Entity
from storyline.stages.ledger.measures import Measure, make_measures
from storyline.stages.ledger.positions import build_ledger
from storyline.stages.ledger.relays import (
    as_relayed,
    known_as,
    only_relaying,
    relay_outlet_figures,
    relayed_words,
)
from storyline.stages.ledger.sides import Context, make_position
from storyline.stages.ledger.sources import independent_sources
from storyline.stages.ledger.status import judge_status
from storyline.stages.ledger.voices import NO_VOICES, as_voices, organisation_voices

ARTICLE = make_article(
    "Ines Varga said the barrage was deliberate.\n"
    "“The army chief said the barrage was deliberate,” Tomas Brill said.\n"
    "“The barrage was deliberate,” Lena Ott wrote, quoting Varga’s statement.\n"
    "“The barrage was deliberate,” Paul Kerr wrote, quoting the mayor.\n"
)
TEXTS = {ARTICLE.id: ARTICLE.text}
ENTITIES = [
    Entity("e-varga", "Varga", "PERSON"),
    Entity("e-ines", "Ines Varga", "PERSON", roles=("army chief",)),
    Entity("e-brill", "Tomas Brill", "PERSON"),
    Entity("e-ott", "Lena Ott", "PERSON"),
    Entity("e-kerr", "Paul Kerr", "PERSON"),
]


def _claim(id: str, text: str, speaker: str, speaker_text: str, after: int = 0) -> Claim:
    cue = "wrote" if speaker in {"e-ott", "e-kerr"} else "said"
    return make_claim(
        text, article=ARTICLE, id=id, cue=cue, speaker_text=speaker_text, speaker=speaker, after=after
    )


def _claims() -> list[Claim]:
    line = ARTICLE.text.index
    return [
        _claim("c1", "the barrage was deliberate", "e-varga", "Ines Varga"),
        _claim("c2", "The army chief said the barrage was deliberate", "e-brill", "Tomas Brill"),
        _claim("c3", "The barrage was deliberate", "e-ott", "Lena Ott", line("Lena") - 40),
        _claim("c4", "The barrage was deliberate", "e-kerr", "Paul Kerr", line("Paul") - 40),
    ]


def test_relayed_words_read_an_opening_attribution_and_a_marker_after_the_cue() -> None:
    words = [relayed_words(claim, ARTICLE.text) for claim in _claims()]
    assert words == [frozenset(), {"army", "chief"}, {"varga"}, {"mayor"}]


def test_a_relay_counts_as_the_speaker_it_names_among_those_asserting() -> None:
    claims = _claims()
    relayed = as_relayed(claims, TEXTS, known_as(ENTITIES))
    # "the army chief" is the role of Ines Varga, whom the entities stage kept apart from "Varga"
    assert [claim.speaker for claim in relayed] == ["e-varga", "e-varga", "e-varga", "e-kerr"]
    assert relayed[1].via_text == "Tomas Brill"
    assert only_relaying(claims, relayed) == {"e-brill", "e-ott"}
    # the mayor is no one asserting it here: Kerr stays a source of his own
    assert len(independent_sources(relayed, {ARTICLE.id: ARTICLE.id})) == 2


def test_no_one_asserting_leaves_relays_as_they_are() -> None:
    claims = _claims()[1:3]
    assert as_relayed(claims, TEXTS, known_as(ENTITIES)) == claims


def test_a_relay_naming_an_organisations_voice_counts_as_the_organisation() -> None:
    # Ines Varga is the army chief: her claim counts as the army's (``as_voices``), and a relay naming her,
    # by her role or her name, relays the army, not a second source beside it
    entities = [
        Entity("e-army", "National Army", "ORG", aliases=("army",)),
        Entity("e-varga", "Ines Varga", "PERSON", roles=("army chief",)),
        *ENTITIES[2:],
    ]
    voices = organisation_voices(entities)
    claims = as_voices(_claims()[:3], voices)
    relayed = as_relayed(claims, TEXTS, known_as(entities, voices))
    assert [claim.speaker for claim in relayed] == ["e-army", "e-army", "e-army"]
    assert only_relaying(claims, relayed) == {"e-brill", "e-ott"}
    # without the voices the organisation is known by no one's words: three sources, as before the fix
    assert len(independent_sources(as_relayed(claims, TEXTS, known_as(entities)), {ARTICLE.id: ""})) == 3


def test_the_reason_names_relayers_apart_from_the_source() -> None:
    claims = _claims()[:3]
    relayed = as_relayed(claims, TEXTS, known_as(ENTITIES))
    context = Context({ARTICLE.id: ARTICLE}, {ARTICLE.id: ARTICLE.id}, DEFAULT_SETTINGS.ledger, {}, TEXTS)
    position = make_position(claims, context, None, "affirm")
    names = {entity.id: entity.name for entity in ENTITIES}
    status, reason = judge_status([position], relayed, 1, names, relayers=only_relaying(claims, relayed))
    assert (status, reason) == ("single-source", "one source (Varga); relayed by Tomas Brill, Lena Ott")
    # the position's own count agrees with the reason once the names are known: one source, not three
    # (PolNeAR fbi-no-charges showed "one source (Comey)" over a position of 3 independent sources)
    assert position.independent_sources == 3
    context = dataclasses.replace(context, known=known_as(ENTITIES))
    assert make_position(claims, context, None, "affirm").independent_sources == 1


# An outlet restating a source's figure in its own voice (``relay_outlet_figures``): dates are the days of
# ``test_ledger.ARTICLES``: b 1 Oct, a 2 Oct, c 3 Oct.
def _outlet(claim_id: str, article: str, *values: float) -> Claim:
    """An outlet's own sentence (no speaker, no cue) giving ``values`` dead."""
    text = " and ".join(f"{value:g} dead" for value in values)
    quantities = tuple(make_quantity(f"{value:g}", value, within=text, unit="dead") for value in values)
    return make_claim(text, article=article, id=claim_id, cue="", quantities=quantities)


def _measures(claims: list[Claim]) -> list[Measure]:
    days = {article.id: date.fromisoformat(article.published or "") for article in LEDGER_ARTICLES}
    return [
        dataclasses.replace(measure, day=days[claim.article])
        for claim in claims
        for measure in make_measures(claim, frozenset())
    ]


def _speakers(measures: list[Measure]) -> list[str | None]:
    return [measure.claim.speaker_text for measure in measures]


def test_an_outlet_restating_one_sources_earlier_figure_relays_it() -> None:
    governor = [
        claim("g1", "b", "the governor", 38, unit="dead", text="38 dead"),
        claim("g2", "a", "the governor", 44, unit="dead", text="44 dead"),
    ]
    measures = _measures([*governor, _outlet("o1", "c", 38)])
    relayed = relay_outlet_figures(measures, NO_VOICES, 0.05)
    assert _speakers(relayed) == ["the governor", "the governor", "the governor"]
    assert not relayed[2].claim.outlet_voice and relayed[2].claim.id == "o1"


def test_an_outlet_figure_of_its_own_or_given_before_the_source_stays_the_outlets() -> None:
    governor = [claim("g1", "a", "the governor", 38, unit="dead", text="38 dead")]
    # its own 50 beside the governor's 38; a 38 the governor gave only the day after the outlet's
    for outlet in (_outlet("o1", "c", 50), _outlet("o1", "c", 38, 50), _outlet("o1", "b", 38)):
        measures = _measures([*governor, outlet])
        assert relay_outlet_figures(measures, NO_VOICES, 0.05) == measures


def test_a_figure_two_sources_give_is_no_ones_relay() -> None:
    sources = [
        claim("g1", "b", "the governor", 38, unit="dead", text="38 dead"),
        claim("r1", "b", "the Red Cross", 38, unit="dead", text="38 dead"),
    ]
    measures = _measures([*sources, _outlet("o1", "a", 38)])
    assert relay_outlet_figures(measures, NO_VOICES, 0.05) == measures


def test_an_unnamed_speaker_is_no_source_to_relay() -> None:
    # "he" (only the outlet knows who) or a poll's "73 percent": nothing to give the outlet's figure to
    for unnamed in ("he", "73 percent"):
        measures = _measures(
            [claim("h1", "b", unnamed, 38, unit="dead", text="38 dead"), _outlet("o1", "a", 38)]
        )
        assert relay_outlet_figures(measures, NO_VOICES, 0.05) == measures


def test_an_approximate_figure_relays_a_near_value_of_the_same_day_only() -> None:
    governor = claim("g1", "a", "the governor", 2380, unit="dead", text="2380 dead")
    about = make_quantity("about 2400", 2400, within="about 2400 dead", unit="dead", approx=True)
    same_day = make_claim("about 2400 dead", article="a", id="o1", cue="", quantities=(about,))
    relayed = relay_outlet_figures(_measures([governor, same_day]), NO_VOICES, 0.05)
    assert _speakers(relayed) == ["the governor", "the governor"]
    later = dataclasses.replace(same_day, article="c")
    measures = _measures([governor, later])
    assert relay_outlet_figures(measures, NO_VOICES, 0.05) == measures


def test_build_ledger_reads_a_source_restated_by_outlets_as_its_series() -> None:
    # the governor's 38 then 44; an outlet recalls the 38 in its own voice a day later: no second source
    claims = [
        claim("g1", "b", "the governor", 38, unit="dead", text="38 dead"),
        claim("g2", "a", "the governor", 44, unit="dead", text="44 dead"),
        _outlet("o1", "c", 38),
    ]
    (question,) = build_ledger(STORY, claims, LEDGER_ARTICLES, [], [])
    assert question.status == "series", question.status_reason
    assert question.status_reason == "rose from 38 (1 Oct) to 44 (2 Oct), per the governor; latest 44"
    # a figure of the outlet's own is still a side
    (question,) = build_ledger(STORY, [*claims[:2], _outlet("o1", "c", 40)], LEDGER_ARTICLES, [], [])
    assert question.status == "contested", question.status_reason


def test_words_quoted_back_to_their_speaker_are_that_speakers() -> None:
    # an interviewer reading a guest's words back to her: the guest's claim, the interviewer no second source
    article = make_article(
        "Rosa Lind said the dam was never inspected.\n"
        "“Yesterday you said the dam was never inspected,” Omar Haddad said.\n"
        "“You told voters the dam was never inspected,” Omar Haddad said.\n"
        "“Some said the dam was never inspected,” Omar Haddad said.\n"
    )
    texts = {article.id: article.text}
    own = make_claim("the dam was never inspected", article=article, id="c1", speaker="e-lind")
    quoted = [
        make_claim(text, article=article, id=f"c{n}", speaker="e-haddad", speaker_text="Omar Haddad")
        for n, text in (
            (2, "Yesterday you said the dam was never inspected"),
            (3, "You told voters the dam was never inspected"),
            (4, "Some said the dam was never inspected"),
        )
    ]
    relayed = as_relayed([own, *quoted], texts, {})
    assert [claim.speaker for claim in relayed] == ["e-lind", "e-lind", "e-lind", "e-haddad"]
    assert relayed[1].via_text == "Omar Haddad"
    # with no other speaker asserting it, whom "you" names is unknown: the claim stays the interviewer's
    assert as_relayed(quoted[:1], texts, {}) == quoted[:1]


def test_a_headline_restating_its_bodys_one_speaker_is_that_speakers_voice() -> None:
    # the outlet's headline tells what its body credits to the mayor: one source (the mayor), not two
    article = make_article(
        "Mayor Now Calling The Old Dam Safe For Another Decade\n"
        "The mayor said on Monday that the old dam was safe for another decade.\n"
    )
    other = make_article("The old dam is safe for another decade, the engineer said.\n", id="o")
    texts = {article.id: article.text, other.id: other.text}
    said = "Mayor Now Calling The Old Dam Safe For Another Decade"
    headline = make_claim(said, article=article, id="h", cue="", finite_verbs=(said.index("Calling"),))
    body = make_claim(
        "the old dam was safe for another decade",
        article=article,
        id="b",
        speaker="e-mayor",
        speaker_text="The mayor",
    )
    relayed = as_relayed([headline, body], texts, {})
    assert [claim.speaker for claim in relayed] == ["e-mayor", "e-mayor"]
    assert relayed[0].outlet_voice
    assert len(independent_sources(relayed, {article.id: "post"})) == 1
    # the reason names the outlet apart, as relaying the mayor, when the headline is all it says itself
    post = dataclasses.replace(article, outlet="post")
    assert only_relaying([headline, body], relayed, {article.id: post}) == {"post"}
    own_line = make_claim("the old dam was safe for another decade", article=article, id="v", cue="")
    claims = [headline, own_line, body]
    assert only_relaying(claims, as_relayed(claims, texts, {}), {article.id: post}) == frozenset()
    # must not: a headline over a body denying it, another article's speaker, or a body line of the outlet's
    denied = dataclasses.replace(body, modality="denied")
    assert as_relayed([headline, denied], texts, {})[0].speaker is None
    elsewhere = make_claim(
        "The old dam is safe for another decade",
        article=other,
        id="o",
        speaker="e-eng",
        speaker_text="the engineer",
    )
    assert as_relayed([headline, elsewhere], texts, {})[0].speaker is None
    assert as_relayed([own_line, body], texts, {})[0].speaker is None
    # nor a headline telling what the speaker did ("Speaks"), no words credited: the outlet's own report
    acted = dataclasses.replace(headline, text="Mayor Speaks", end=12, finite_verbs=(6,))
    assert as_relayed([acted, body], texts, {})[0].speaker is None
