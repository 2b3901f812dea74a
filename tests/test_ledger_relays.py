"""Relays (``ledger.relays``): one passing on another's words counts as that speaker, not a second source."""

from factories import make_article, make_claim

from storyline.config import DEFAULT_SETTINGS
from storyline.records import Claim, Entity
from storyline.stages.ledger.relays import as_relayed, known_as, only_relaying, relayed_words
from storyline.stages.ledger.sides import Context, make_position
from storyline.stages.ledger.sources import independent_sources
from storyline.stages.ledger.status import judge_status

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


def test_the_reason_names_relayers_apart_from_the_source() -> None:
    claims = _claims()[:3]
    relayed = as_relayed(claims, TEXTS, known_as(ENTITIES))
    context = Context({ARTICLE.id: ARTICLE}, {ARTICLE.id: ARTICLE.id}, DEFAULT_SETTINGS.ledger, {}, TEXTS)
    position = make_position(claims, context, None, "affirm")
    names = {entity.id: entity.name for entity in ENTITIES}
    status, reason = judge_status([position], relayed, 1, names, relayers=only_relaying(claims, relayed))
    assert (status, reason) == ("single-source", "one source (Varga); relayed by Tomas Brill, Lena Ott")
