"""Stories' ledgers advanced in rounds (``ledger.rounds``): however the stories are dealt to parties, the
ledgers are those of one party holding them all."""

import dataclasses

from factories import ledger_story_records

from storyline.config import DEFAULT_SETTINGS
from storyline.stages.ledger import build_ledgers, ledger_rounds, story_steps


def test_stories_dealt_to_two_parties_get_the_ledgers_of_one() -> None:
    stories = dict(enumerate(ledger_story_records(number) for number in range(6)))
    settings = DEFAULT_SETTINGS.ledger
    together = build_ledgers(list(stories.values()), settings)
    odd = story_steps({n: r for n, r in stories.items() if n % 2}, settings, None)
    even = story_steps({n: r for n, r in stories.items() if not n % 2}, settings, None)
    assert ledger_rounds([odd, even], settings.keyed_embeddings) == together


def test_a_party_that_links_by_words_differs_from_one_sent_vectors() -> None:
    """The encoder's vectors reach every party: linked by words, some questions differ."""
    stories = dict(enumerate(ledger_story_records(number) for number in range(6)))
    by_words = dataclasses.replace(DEFAULT_SETTINGS.ledger, keyed_embeddings=False)
    parties = [story_steps({n: r}, by_words, None) for n, r in stories.items()]
    assert ledger_rounds(parties, keyed_embeddings=False) == build_ledgers(list(stories.values()), by_words)
    assert build_ledgers(list(stories.values())) != build_ledgers(list(stories.values()), by_words)
