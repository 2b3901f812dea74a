import dataclasses
import multiprocessing
import multiprocessing.forkserver

import pytest
from factories import ledger_story_records

from storyline import engines
from storyline.config import DEFAULT_SETTINGS, EngineSettings
from storyline.ledger_beside import _helper_allowed, _helper_share, build_ledgers_beside
from storyline.stages.ledger import build_ledgers

TWO_WORKERS = EngineSettings(workers=2)


@pytest.fixture(scope="module")
def fork_server() -> None:
    """The fork server a run's workers start (loading spaCy and lingua: seconds, once for the module)."""
    engines.worker_context()
    multiprocessing.forkserver.ensure_running()


def test_stories_built_beside_a_helper_get_the_ledgers_built_here(fork_server: None) -> None:
    stories = [ledger_story_records(number) for number in range(7)]
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
    stories = [ledger_story_records(number) for number in range(9)]
    theirs = _helper_share(stories)
    claims = [len(stories[n].claims) for n in range(len(stories))]
    their_claims = sum(claims[n] for n in theirs)
    assert 0 < len(theirs) < len(stories)
    assert abs(2 * their_claims - sum(claims)) <= max(claims) + 1
