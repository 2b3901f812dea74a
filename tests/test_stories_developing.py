"""Developing stories (issue #14): the event stories of one incident join when a report of one is about a
rare person whom a report of the other names more than in passing, within a bounded span of days."""

import dataclasses

import pytest
from factories import make_article, make_mention, make_story

from storyline.config import DEFAULT_SETTINGS
from storyline.embeddings import general_vocabulary
from storyline.records import ArticleAnalysis, Story
from storyline.stages.stories.developing import developing_stories
from storyline.stages.stories.names import headline_subjects, rare_subjects, unfamiliar_name

needs_vocabulary = pytest.mark.skipif(general_vocabulary() is None, reason="the encoder is not installed")
SETTINGS = dataclasses.replace(
    DEFAULT_SETTINGS.stories,
    developing_stories=True,
    developing_story_days=3,
    headline_subjects=True,
    developing_subject_days=7,
)

# Invented names: "Velkaroz" is unfamiliar to general text, "Brown" and "Green" are words of it.
ABOUT_THE_GUNMAN = (
    "Velkaroz worked for a guard firm. Velkaroz held a licence. Velkaroz had been questioned twice. "
    "Brown said so."
)
NAMING_THE_GUNMAN = (
    "Brown rebuked Green over the attack. Velkaroz had pledged allegiance, Brown said of Velkaroz."
)
NAMING_HIM_ONCE = "Brown rebuked Green over the attack, which Velkaroz carried out. Green answered Brown."


def analysis(article_id: str, text: str, published: str) -> ArticleAnalysis:
    """An article whose every occurrence of the three names is a PERSON mention."""
    article = make_article(text, id=article_id, published=published)
    mentions = []
    for name in ("Velkaroz", "Brown", "Green", "Latinos"):
        start = text.find(name)
        while start >= 0:
            mentions.append(make_mention(name, article=article, after=start))
            start = text.find(name, start + len(name))
    return ArticleAnalysis(article=article, mentions=tuple(mentions))


def event_story(item: ArticleAnalysis) -> Story:
    published = item.article.published
    return make_story([item.article], id=f"s-{item.article.id}", first_date=published, last_date=published)


def developing(*items: ArticleAnalysis) -> list[tuple[str, ...]]:
    stories = developing_stories([event_story(item) for item in items], items, settings=SETTINGS)
    return sorted(story.articles for story in stories)


@needs_vocabulary
def test_a_rare_person_one_report_is_about_and_another_names_twice_joins_their_stories() -> None:
    about = analysis("about", ABOUT_THE_GUNMAN, "2016-06-13")
    naming = analysis("naming", NAMING_THE_GUNMAN, "2016-06-16")
    assert rare_subjects(naming, {}, SETTINGS) == frozenset({"velkaroz"})  # Brown is a familiar name
    assert developing(about, naming) == [("about", "naming")]


@needs_vocabulary
def test_a_rare_person_named_once_or_a_familiar_one_joins_nothing() -> None:
    about = analysis("about", ABOUT_THE_GUNMAN, "2016-06-13")
    once = analysis("once", NAMING_HIM_ONCE, "2016-06-13")
    assert developing(about, once) == [("about",), ("once",)]


@needs_vocabulary
def test_two_reports_that_only_name_a_rare_person_twice_are_about_someone_else() -> None:
    # neither report is about Velkaroz (named most, three times at least): a passing figure of two reports
    first = analysis("first", NAMING_THE_GUNMAN, "2016-06-13")
    second = analysis("second", NAMING_THE_GUNMAN.replace("attack", "vote"), "2016-06-14")
    assert developing(first, second) == [("first",), ("second",)]


@needs_vocabulary
def test_the_whole_developing_story_stays_within_its_span_of_days() -> None:
    about = analysis("about", ABOUT_THE_GUNMAN, "2016-06-13")
    within = analysis("within", NAMING_THE_GUNMAN, "2016-06-15")
    beyond = analysis("beyond", NAMING_THE_GUNMAN, "2016-06-17")  # 2 days after the last, 4 after the first
    assert developing(about, within, beyond) == [("about", "within"), ("beyond",)]


def test_undated_stories_stay_as_they_are() -> None:
    about = analysis("about", ABOUT_THE_GUNMAN, "2016-06-13")
    undated = dataclasses.replace(event_story(analysis("undated", NAMING_THE_GUNMAN, "")), first_date=None)
    stories = developing_stories([event_story(about), undated], [about], settings=SETTINGS)
    assert [story.articles for story in stories] == [("about",), ("undated",)]


def test_stories_that_join_nothing_keep_the_order_they_came_in() -> None:
    # the stories stage's order (the brief's, the corrections' replay) is not re-sorted by date
    later = analysis("later", NAMING_HIM_ONCE, "2016-06-20")
    undated = dataclasses.replace(event_story(analysis("undated", NAMING_THE_GUNMAN, "")), first_date=None)
    earlier = analysis("earlier", ABOUT_THE_GUNMAN.replace("Velkaroz", "Brown"), "2016-06-13")
    given = [event_story(later), undated, event_story(earlier)]
    stories = developing_stories(given, [later, earlier], settings=SETTINGS)
    assert [story.articles for story in stories] == [("later",), ("undated",), ("earlier",)]


# A follow-up whose headline names the rare person of an earlier report, its text naming him once more.
HEADLINED_FOLLOW_UP = "Was firing Velkaroz a reset?\n\nBrown and Green talked polls. Velkaroz left."
UNHEADLINED_FOLLOW_UP = (
    "Was the firing a reset?\n\nBrown and Green talked polls. Velkaroz left, Velkaroz said."
)


@needs_vocabulary
def test_a_headline_names_whom_its_report_is_about() -> None:
    follow_up = analysis("follow", HEADLINED_FOLLOW_UP, "2016-06-18")
    assert headline_subjects(follow_up, {}, SETTINGS) == frozenset({"velkaroz"})
    plain = analysis("plain", UNHEADLINED_FOLLOW_UP, "2016-06-18")
    assert headline_subjects(plain, {}, SETTINGS) == frozenset()


@needs_vocabulary
def test_two_stories_about_one_rare_person_join_within_a_week_one_naming_him_within_days() -> None:
    about = analysis("about", ABOUT_THE_GUNMAN, "2016-06-13")
    headlined = analysis("headlined", HEADLINED_FOLLOW_UP, "2016-06-18")  # 5 days on, about him
    named = analysis("named", UNHEADLINED_FOLLOW_UP, "2016-06-18")  # 5 days on, naming him twice only
    late = analysis("late", HEADLINED_FOLLOW_UP, "2016-06-22")  # about him, 9 days after the first
    assert developing(about, headlined) == [("about", "headlined")]
    assert developing(about, named) == [("about",), ("named",)]
    assert developing(about, late) == [("about",), ("late",)]


@needs_vocabulary
def test_a_plural_of_a_word_of_general_text_is_a_group_not_a_rare_name() -> None:
    vocabulary = general_vocabulary() or set()
    assert not unfamiliar_name("latinos", vocabulary)
    assert unfamiliar_name("velkaroz", vocabulary)
    first = analysis(
        "first", "Nine remarks on Latinos.\n\nBrown spoke of Latinos. Latinos, he said.", "2016-06-13"
    )
    second = analysis(
        "second", "Latinos and the party.\n\nGreen courted Latinos. Latinos, he said.", "2016-06-14"
    )
    assert developing(first, second) == [("first",), ("second",)]
