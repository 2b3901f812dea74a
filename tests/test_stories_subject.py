"""Reports about one rare person within days are one story (issue #14): the salient actors of a report, the
unfamiliar-name prior that tells a story's person from a beat's, and what the index makes of them."""

import dataclasses
from datetime import date, timedelta

import numpy as np
import pytest
from factories import make_article, make_mention

from storyline.config import DEFAULT_SETTINGS
from storyline.embeddings import general_vocabulary
from storyline.records import ArticleAnalysis
from storyline.stages.stories.dates import published_day
from storyline.stages.stories.index import ArticleProfile, StoryIndex, story_id
from storyline.stages.stories.names import repeated_actors, salient_actors, unfamiliar_name

needs_vocabulary = pytest.mark.skipif(general_vocabulary() is None, reason="the encoder is not installed")


def named(text: str, names: list[tuple[str, str]]) -> ArticleAnalysis:
    """An article of ``text`` with a mention at every occurrence of each (name, label)."""
    article = make_article(text, published="2016-06-02")
    mentions = []
    for name, label in names:
        start = text.find(name)
        while start >= 0:
            mentions.append(make_mention(name, label, article=article, after=start))
            start = text.find(name, start + len(name))
    return ArticleAnalysis(article=article, mentions=tuple(mentions))


@needs_vocabulary
def test_a_name_general_text_seldom_writes_is_unfamiliar() -> None:
    vocabulary = general_vocabulary()
    assert vocabulary is not None
    assert unfamiliar_name("velkaroz", vocabulary) and unfamiliar_name("judge velkaroz", vocabulary)
    assert not unfamiliar_name("brown", vocabulary) and not unfamiliar_name("united states", vocabulary)


@needs_vocabulary
def test_a_report_is_about_the_rare_person_it_names_most_not_a_familiar_one() -> None:
    text = (
        "Senator Brown attacked Judge Velkaroz. Brown said Velkaroz was biased. Velkaroz declined to "
        "comment, and Brown spoke again. Mr. Zandrith, a lawyer, saw Zandrith's client leave."
    )
    people = [("Brown", "PERSON"), ("Velkaroz", "PERSON"), ("Zandrith", "PERSON")]
    about = salient_actors(named(text, people), {})
    assert about == frozenset({"velkaroz"})  # Brown is familiar; Zandrith is named twice only


@needs_vocabulary
def test_without_rare_family_names_a_familiar_surname_is_familiar_whatever_the_first_name() -> None:
    # rare_family_names is on by default since issue #14's khan-family; off, the surname alone decides
    settings = dataclasses.replace(DEFAULT_SETTINGS.stories, rare_family_names=False)
    text = "Ivrana Brown spoke. Ivrana Brown left. Ivrana Brown returned."
    assert salient_actors(named(text, [("Ivrana Brown", "PERSON")]), {}, settings) == frozenset()


@needs_vocabulary
def test_with_rare_family_names_a_familiar_surname_is_judged_by_its_full_names() -> None:
    settings = dataclasses.replace(DEFAULT_SETTINGS.stories, rare_family_names=True)
    family = "Ivrana Brown spoke. Brown left. Zalmoud Brown returned, and Brown spoke again."
    names = [("Ivrana Brown", "PERSON"), ("Zalmoud Brown", "PERSON"), ("Brown", "PERSON")]
    assert salient_actors(named(family, names), {}, settings) == frozenset({"brown"})  # a rare family
    beside_a_familiar_one = family + " Donald Brown, her uncle, agreed."
    names.append(("Donald Brown", "PERSON"))
    assert salient_actors(named(beside_a_familiar_one, names), {}, settings) == frozenset()
    surname_alone = "Brown spoke. Brown left. Brown returned."
    assert salient_actors(named(surname_alone, [("Brown", "PERSON")]), {}, settings) == frozenset()


@needs_vocabulary
def test_an_organisation_named_after_a_person_the_report_names_is_rare() -> None:
    venture = "Donald Brown founded Brown Academy. Brown Academy sold courses. Brown Academy was sued."
    names = [("Donald Brown", "PERSON"), ("Brown Academy", "ORG")]
    assert salient_actors(named(venture, names), {}) == frozenset({"brown academy"})
    nobody_of_that_name = "Brown Academy sold courses. Brown Academy was sued. Brown Academy closed."
    assert salient_actors(named(nobody_of_that_name, [("Brown Academy", "ORG")]), {}) == frozenset()


def profile(article_id: str, vector: tuple[float, ...], published: str, salient: set[str]) -> ArticleProfile:
    unit = np.asarray(vector, dtype=np.float32)
    return ArticleProfile(
        article_id=article_id,
        title=article_id,
        published=published_day(published),
        actors=frozenset({f"{article_id} {role}" for role in ("source", "aide", "place")} | salient),
        words=frozenset(),
        vector=unit / np.linalg.norm(unit),
        triggers=frozenset({article_id}),  # each report leads with its own act and names its own people
        salient=frozenset(salient),
    )


def test_reports_about_one_rare_person_within_days_are_one_story() -> None:
    index = StoryIndex(DEFAULT_SETTINGS.stories)
    ruling = index.add(profile("ruling", (1, 0, 0), "2016-05-29", {"velkaroz"}))
    attacks = index.add(profile("attacks", (0.4, 1, 0), "2016-06-02", {"velkaroz"}))
    assert attacks.story.id == ruling.story.id == story_id("ruling")


def test_without_the_rare_person_or_weeks_later_they_stay_apart() -> None:
    settings = DEFAULT_SETTINGS.stories
    for other in (
        profile("attacks", (0.4, 1, 0), "2016-06-02", set()),
        profile("attacks", (0.4, 1, 0), "2016-07-18", {"velkaroz"}),
        dataclasses.replace(profile("attacks", (0.4, 1, 0), "2016-06-02", {"velkaroz"}), published=None),
    ):
        index = StoryIndex(settings)
        index.add(profile("ruling", (1, 0, 0), "2016-05-29", {"velkaroz"}))
        assert index.add(other).story.id == story_id("attacks")


def test_the_rare_persons_next_act_after_a_quiet_week_is_a_story_of_its_own() -> None:
    # "Judge Velkaroz orders the university files unsealed", then nine days without a report, then "Judge
    # Velkaroz recuses himself from a fraud trial": the same rare person, another event. Within days the
    # person's reports are one story (above); after a quiet week the bond of the person alone, which waives
    # the event test, no longer holds (PolNeAR 2016-05 and 2016-08: a politician's next act a week or two on
    # joined the story of the last).
    settings = DEFAULT_SETTINGS.stories
    for days_on, joins in ((4, True), (settings.salient_actor_days, True), (9, False)):
        index = StoryIndex(settings)
        unsealed = index.add(profile("unsealed", (1, 0, 0), "2016-05-29", {"velkaroz"}))
        day = (date(2016, 5, 29) + timedelta(days=days_on)).isoformat()
        recusal = index.add(profile("recusal", (0.4, 1, 0), day, {"velkaroz"}))
        assert (recusal.story.id == unsealed.story.id) is joins, days_on
    assert settings.salient_actor_days < 9  # the window is days, not the weeks of a developing story


def test_a_report_repeats_a_name_it_writes_twice_a_resolved_description_counting() -> None:
    text = "Brown attacked the judge. Later the judge ruled. Brown left."
    article = make_article(text)
    mentions = (
        make_mention("Brown", article=article),
        make_mention("the judge", article=article, refers_to="Velkaroz"),
        make_mention("the judge", article=article, after=20, refers_to="Velkaroz"),
        make_mention("Brown", article=article, after=10),
    )
    assert repeated_actors(ArticleAnalysis(article=article, mentions=mentions), {}) == {"brown", "velkaroz"}
    once = ArticleAnalysis(article=article, mentions=mentions[:2])
    assert repeated_actors(once, {}) == frozenset()


def reaction(repeated: set[str], published: str = "2016-06-08") -> ArticleProfile:
    """A senator's rebuke: about the senator (salient), naming the story's rare person too, its event words
    the story's (no trigger of its own)."""
    senator = profile("rebuke", (0.4, 1, 0), published, {"brownfield"})
    return dataclasses.replace(
        senator, actors=senator.actors | {"velkaroz"}, triggers=frozenset(), repeated=frozenset(repeated)
    )


@pytest.mark.parametrize(
    ("named_subjects", "repeated", "published", "joins"),
    [
        (True, {"velkaroz", "brownfield"}, "2016-06-08", True),
        (True, {"brownfield"}, "2016-06-08", False),  # named once, in passing
        (True, {"velkaroz", "brownfield"}, "2016-07-18", False),  # weeks later
        (False, {"velkaroz", "brownfield"}, "2016-06-08", False),
    ],
)
def test_a_reaction_naming_the_stories_rare_person_more_than_once_joins_it(
    named_subjects: bool, repeated: set[str], published: str, joins: bool
) -> None:
    settings = dataclasses.replace(DEFAULT_SETTINGS.stories, named_subjects=named_subjects)
    index = StoryIndex(settings)
    ruling = index.add(
        dataclasses.replace(profile("ruling", (1, 0, 0), "2016-06-07", {"velkaroz"}), triggers=frozenset())
    )
    placed = index.add(reaction(repeated, published))
    assert (placed.story.id == ruling.story.id) is joins
