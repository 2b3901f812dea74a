"""A claim that someone was wrong (or right) to say a thing is a side on the thing said, not a judgement of
the one who said it (``ledger.judged_claims``, issue #14)."""

from __future__ import annotations

from factories import make_claim, make_story

from storyline.config import DEFAULT_SETTINGS
from storyline.records import Article, Claim, Story
from storyline.stages.ledger.judged_claims import as_judged
from storyline.stages.ledger.positions import build_ledger
from storyline.stages.ledger.story_reading import read_story

TEXT = (
    "The mayor insisted that the governor was wrong to say the bridge was safe. "
    "The engineer said the governor was right in saying that the levee would hold. "
    "The senator said the minister falsely claimed the plant had closed. "
    "The mayor said the governor was wrong to say he had not visited the dam. "
    "The mayor said the governor was wrong about the bridge. "
    "The mayor denied that the governor was wrong to say the bridge was safe."
)
ARTICLE = Article(id="a", text=TEXT, outlet="Harbour Post", published="2024-10-02")


def _judged(content: str, after: int = 0, **fields: object) -> Claim | None:
    claim = make_claim(content, article=ARTICLE, cue="said", speaker_text="The mayor", after=after, **fields)
    return as_judged(claim)


def test_a_wrong_saying_is_a_denial_of_what_was_said_on_its_span() -> None:
    judged = _judged("the governor was wrong to say the bridge was safe")
    assert judged is not None and judged.text == "the bridge was safe" and judged.modality == "denied"
    assert TEXT[judged.start : judged.end] == judged.text
    falsely = _judged("the minister falsely claimed the plant had closed")
    assert falsely is not None and falsely.text == "the plant had closed" and falsely.modality == "denied"


def test_a_right_saying_asserts_what_was_said() -> None:
    judged = _judged("the governor was right in saying that the levee would hold")
    assert judged is not None and judged.text == "the levee would hold" and judged.modality == "asserted"


def test_a_wrong_saying_of_a_negated_clause_states_no_side_on_a_span() -> None:
    # it affirms "he had visited the dam", which no span of the words states
    assert _judged("the governor was wrong to say he had not visited the dam") is None


def test_a_judgement_of_no_saying_or_a_claim_not_asserted_is_left_as_it_is() -> None:
    about = make_claim("the governor was wrong about the bridge", article=ARTICLE)
    assert as_judged(about) == about
    start = TEXT.index("The mayor denied")
    denied = make_claim(
        "the governor was wrong to say the bridge was safe", article=ARTICLE, after=start, modality="denied"
    )
    assert as_judged(denied) == denied


def test_the_ledger_reads_a_wrong_saying_as_the_speakers_denial_of_the_thing_said() -> None:
    articles = [
        Article(id="a", text="The governor said the bridge was safe.", outlet="Harbour Post"),
        Article(id="b", text="Officials said the bridge was safe.", outlet="Coast Daily"),
        Article(
            id="c",
            text="The mayor insisted the governor was wrong to say the bridge was safe.",
            outlet="River Times",
        ),
    ]
    claims = [
        make_claim("the bridge was safe", article=articles[0], id="c1", speaker_text="The governor"),
        make_claim("the bridge was safe", article=articles[1], id="c2", speaker_text="Officials"),
        make_claim(
            "the governor was wrong to say the bridge was safe",
            article=articles[2],
            id="c3",
            cue="insisted",
            speaker_text="The mayor",
        ),
    ]
    story = Story(id="s", title="bridge", articles=("a", "b", "c"))
    reading = read_story(story, claims, articles, [], [], DEFAULT_SETTINGS.ledger, None)
    assert reading.claim_by_id["c3"].text == "the bridge was safe"
    (question,) = build_ledger(story, claims, articles, [], [])
    sides = {position.stance: position.claims for position in question.positions}
    assert sides == {"affirm": ("c1", "c2"), "deny": ("c3",)}


def test_a_wrong_saying_of_a_negated_clause_is_left_out_of_the_ledger() -> None:
    start = TEXT.index("The mayor said the governor was wrong to say he")
    claim = make_claim(
        "the governor was wrong to say he had not visited the dam", article=ARTICLE, after=start
    )
    reading = read_story(make_story([ARTICLE]), [claim], [ARTICLE], [], [], DEFAULT_SETTINGS.ledger, None)
    assert reading.claims == []
