import dataclasses
import multiprocessing
import multiprocessing.forkserver

import pytest
from factories import make_claim, make_quantity

from storyline import engines
from storyline.config import DEFAULT_SETTINGS, EngineSettings
from storyline.ledger_beside import _helper_allowed, _helper_share, build_ledgers_beside
from storyline.records import Article, Claim, Story
from storyline.stages.ledger.positions import StoryRecords, build_ledgers

TWO_WORKERS = EngineSettings(workers=2)


def keyed(claim_id: str, article: str, speaker: str, text: str) -> Claim:
    """A statement whose top-level finite verb is its first "was" (keyed links: the encoder's rounds)."""
    verbs = (text.index("was"),)
    return make_claim(text, article=article, id=claim_id, speaker_text=speaker, finite_verbs=verbs)


def counted(claim_id: str, article: str, speaker: str, value: int) -> Claim:
    text = f"{value} residents were evacuated"
    quantity = make_quantity(str(value), value, within=text, unit="people")
    return make_claim(text, article=article, id=claim_id, speaker_text=speaker, quantities=(quantity,))


CARELESS = [
    ("Auditor", "{} was careless with secret documents"),
    ("Inspector", "{} was careless in handling classified papers"),
    ("Police", "{} was careless on the icy motorway"),
    ("Witness", "{} was careless on the frozen road at night"),
]
OUTLETS = ["Harbour Post", "Coast Daily", "River Times", "Hill Gazette"]


def story_records(number: int) -> StoryRecords:
    """A story of its own four articles: two to four keyed statements, which ask one question or two as
    the encoder decides for four, and in every other story two counts of one thing that disagree."""
    ids = [f"{number}-{letter}" for letter in "abcd"]
    articles = [
        Article(id=i, text="x", outlet=o, published="2024-10-02") for i, o in zip(ids, OUTLETS, strict=True)
    ]
    who = ["the minister", "the driver", "the mayor"][number % 3]
    claims = [
        keyed(f"{number}-{n}", ids[n], speaker, text.format(who))
        for n, (speaker, text) in enumerate(CARELESS[: 2 + number % 3])
    ]
    if number % 2:
        claims += [
            counted(f"{number}-5", ids[0], "Police", 100),
            counted(f"{number}-6", ids[1], "Mayor", 300),
        ]
    story = Story(id=f"s{number}", title=f"story {number}", articles=tuple(ids))
    return StoryRecords(story, claims, articles, [], [])


@pytest.fixture(scope="module")
def fork_server() -> None:
    """The fork server a run's workers start (loading spaCy and lingua: seconds, once for the module)."""
    engines._worker_context()
    multiprocessing.forkserver.ensure_running()


def test_stories_built_beside_a_helper_get_the_ledgers_built_here(fork_server: None) -> None:
    stories = [story_records(number) for number in range(7)]
    assert _helper_allowed(len(stories), DEFAULT_SETTINGS.ledger, TWO_WORKERS, helper_from=2)
    here = build_ledgers(stories)
    # the encoder's vectors decide some questions: a helper sent none, or the wrong ones, would differ
    by_words = build_ledgers(stories, dataclasses.replace(DEFAULT_SETTINGS.ledger, keyed_embeddings=False))
    assert here != by_words
    assert build_ledgers_beside(stories, DEFAULT_SETTINGS.ledger, None, TWO_WORKERS, helper_from=2) == here


def test_no_helper_for_a_few_stories_one_worker_or_claim_embeddings() -> None:
    settings = DEFAULT_SETTINGS.ledger
    assert not _helper_allowed(3, settings, TWO_WORKERS, helper_from=24)
    assert not _helper_allowed(30, settings, EngineSettings(workers=1), helper_from=24)
    assert not _helper_allowed(30, settings, EngineSettings(name="dask"), helper_from=24)
    assert not _helper_allowed(30, dataclasses.replace(settings, embeddings=True), TWO_WORKERS, 24)
    assert _helper_allowed(30, settings, TWO_WORKERS, 24) == engines.fork_server_running()


def test_the_helper_gets_about_half_of_the_claims() -> None:
    stories = [story_records(number) for number in range(9)]
    theirs = _helper_share(stories)
    claims = [len(stories[n].claims) for n in range(len(stories))]
    their_claims = sum(claims[n] for n in theirs)
    assert 0 < len(theirs) < len(stories)
    assert abs(2 * their_claims - sum(claims)) <= max(claims) + 1
