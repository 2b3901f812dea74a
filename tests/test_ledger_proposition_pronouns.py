"""Whom a proposition label's pronoun stands for (``ledger.proposition_pronouns``), on sentences written for
it."""

from __future__ import annotations

from factories import make_article, make_claim, make_mention

from storyline.records import Article, Claim, Entity
from storyline.stages.ledger.grouping import entity_spans
from storyline.stages.ledger.proposition_pronouns import People, named_label, names_no_one
from storyline.stages.ledger.story_reading import person_genders

TEXT = (
    "Mayor Anna Berg opened the bridge on Monday. Her rival Olaf Lund was not there. "
    "She did pay the builders late, the auditor said. "
    "Lund said his plan for the bridge had been ignored. "
    "Berg said Lund had been unfair to her and she would sue him."
)
ARTICLE = make_article(TEXT)
BERG = Entity("@berg", "Anna Berg", "PERSON", mentions=(make_mention("Anna Berg", article=ARTICLE),))
LUND = Entity(
    "@lund",
    "Olaf Lund",
    "PERSON",
    mentions=tuple(
        make_mention(name, article=ARTICLE, after=TEXT.index(after))
        for name, after in (("Olaf Lund", "Olaf"), ("Lund", "Lund said"), ("Lund", "Lund had"))
    ),
)


def named(
    label: str, claim: Claim, entities: tuple[Entity, ...] = (BERG, LUND), article: Article = ARTICLE
) -> str | None:
    persons = {entity.id: entity.name for entity in entities}
    genders = person_genders(entities, {article.id: article.text})
    return named_label(label, claim, People(article.text, entity_spans(entities), persons, genders))


def test_a_pronoun_of_reported_speech_is_the_speaker_of_its_gender() -> None:
    said = make_claim(
        "his plan for the bridge had been ignored", article=ARTICLE, speaker_text="Lund", speaker="@lund"
    )
    label = "Had his plan for the bridge been ignored?"
    assert named(label, said) == "Had Olaf Lund's plan for the bridge been ignored?"
    # "her" before a noun's possessive is a possessive too
    spoke = make_claim("Her rival Olaf Lund was not there", article=ARTICLE)
    assert named("Was her rival’s car there?", spoke) == "Was Anna Berg's rival’s car there?"
    # quoted, the speaker says "I": a "his" in a direct quotation is someone else, here no one named
    quoted = make_claim(said.text, article=ARTICLE, speaker_text="Lund", speaker="@lund", quote="direct")
    assert named(label, quoted) is None


def test_a_pronoun_is_the_one_person_of_its_gender_named_in_the_sentences_before() -> None:
    # the auditor is no one named; "she" is the one woman of the two sentences before
    paid = make_claim("She did pay the builders late", article=ARTICLE, speaker_text="the auditor")
    assert named("Did she pay the builders late?", paid) == "Did Anna Berg pay the builders late?"
    # of unknown gender, the man could be "she" as well: who is meant is left open
    unknown = (BERG, Entity("@lund", "Lund", "PERSON", mentions=LUND.mentions))
    assert named("Did she pay the builders late?", paid, unknown) is None


def test_two_people_of_the_pronouns_gender_leave_it_unnamed_and_a_name_before_it_reads_it() -> None:
    sue = make_claim("she would sue him", article=ARTICLE, speaker_text="Berg", speaker="@berg")
    assert named("Would she sue him?", sue) == "Would Anna Berg sue him?"  # the "him" after a name stays
    text = "Anna Berg told Eva Holm that she would resign."
    article = make_article(text)
    holm = Entity("@holm", "Eva Holm", "PERSON", mentions=(make_mention("Eva Holm", article=article),))
    berg = Entity("@berg", "Anna Berg", "PERSON", mentions=(make_mention("Anna Berg", article=article),))
    resign = make_claim(
        "she would resign", article=article, cue="told", speaker_text="Anna Berg", speaker="@berg"
    )
    assert named("Would she resign?", resign, (berg, holm), article) is None
    # a name before the pronoun in the label: it reads as that name
    assert named("Had Lund been unfair to him?", sue) == "Had Lund been unfair to him?"
    # unless every name before it is someone the pronoun cannot be: the man is no "her", the woman is
    unfair = make_claim("Lund had been unfair to her", article=ARTICLE, speaker_text="Berg", speaker="@berg")
    assert named("Had Lund been unfair to her?", unfair) == "Had Lund been unfair to Anna Berg?"
    # a name the article's entities do not hold may be anyone: the pronoun stays
    assert named("Had Lundqvist been unfair to her?", unfair) == "Had Lundqvist been unfair to her?"


def test_a_plural_pronoun_before_any_word_naming_its_group_is_not_asked() -> None:
    they = make_claim("they do not care about the bridge", article=ARTICLE.id)
    assert named("Do they care about the bridge?", they) is None
    assert named("Is it true that they care about the bridge?", they) is None
    # the builders are who "they" are
    assert named("Did the builders say they were paid?", they) == "Did the builders say they were paid?"


def test_a_person_mentioned_only_in_another_storys_article_is_gendered_by_given_name_alone() -> None:
    other = make_article("Ms. Kim Park spoke in another town, and Anna Berg replied.")
    elsewhere = (make_mention("Kim Park", article=other),)
    # the honorific of the other story's article tells nothing here; the given name still does
    assert person_genders((Entity("@park", "Kim Park", "PERSON", mentions=elsewhere),), {"a": TEXT}) == {}
    anna = (make_mention("Anna Berg", article=other),)
    assert person_genders((Entity("@berg", "Anna Berg", "PERSON", mentions=anna),), {"a": TEXT}) == {
        "@berg": "feminine"
    }


def test_a_person_gender_is_read_from_given_names_and_honorifics_and_none_when_they_disagree() -> None:
    text = "Mr. Kim Park spoke. Ms. Park replied. Mr. Park left."
    alone = (make_mention("Park", article=make_article(text), after=text.index("Park left")),)
    assert person_genders((Entity("@park", "Park", "PERSON", mentions=alone),), {"a": text}) == {
        "@park": "masculine"
    }
    article = make_article(text)
    both = Entity(
        "@park",
        "Park",
        "PERSON",
        mentions=(
            make_mention("Kim Park", article=article),
            make_mention("Park", article=article, after=text.index("Park replied")),
        ),
    )
    assert person_genders((BERG, LUND), {ARTICLE.id: TEXT}) == {"@berg": "feminine", "@lund": "masculine"}
    assert person_genders((both,), {article.id: text}) == {}


def test_a_label_whose_pronoun_names_no_one_is_told_apart() -> None:
    # issue #14: such a proposition is listed after every other question of its story (``ledger.positions``)
    assert names_no_one("Is it true that he still has a chance?")
    assert names_no_one("Did they hear nothing of the fire?")
    assert not names_no_one("Did Mayor Lee say he still has a chance?")
    assert not names_no_one("Has the council approved the new bridge?")


def two_men(text: str) -> tuple[Article, tuple[Entity, Entity]]:
    article = make_article(text)
    lund, dahl = (
        Entity(
            f"@{name.lower()}", f"{given} {name}", "PERSON", (), (), (make_mention(name, article=article),)
        )
        for given, name in (("Olaf", "Lund"), ("Per", "Dahl"))
    )
    return article, (lund, dahl)


def test_the_opening_pronoun_of_reported_speech_is_its_speaker_whoever_else_the_sentence_names() -> None:
    # issue #14: a second man named before the cue left "Would he back the bridge?" unnamed
    article, men = two_men("Mr. Lund had welcomed Mr. Dahl's election and said he would back the bridge.")
    back = make_claim("he would back the bridge", article=article, speaker_text="Mr. Lund", speaker="@lund")
    assert named("Would he back the bridge?", back, men, article) == "Would Olaf Lund back the bridge?"
    # opening the speaker's own quoted words, "he" is someone else: here either man
    article, men = two_men("Mr. Lund had welcomed Mr. Dahl’s election and said “he would back the bridge.”")
    quoted = make_claim(
        "he would back the bridge", article=article, speaker_text="Mr. Lund", speaker="@lund", quote="mixed"
    )
    assert named("Would he back the bridge?", quoted, men, article) is None
    # a pronoun inside the content, not opening it, is left to the people named before it: two men
    article, men = two_men("Mr. Lund had welcomed Mr. Dahl's election and said the bridge would help him.")
    help_him = make_claim(
        "the bridge would help him", article=article, speaker_text="Mr. Lund", speaker="@lund"
    )
    assert named("Would the bridge help him?", help_him, men, article) is None
    # a man the speaker tells, named between the cue and the content, may be meant as well
    article, men = two_men("Mr. Lund told Mr. Dahl that he would back the bridge.")
    told = make_claim(
        "he would back the bridge", article=article, cue="told", speaker_text="Mr. Lund", speaker="@lund"
    )
    assert named("Would he back the bridge?", told, men, article) is None
