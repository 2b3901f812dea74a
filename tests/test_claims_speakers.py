"""Who speaks (``claims.speakers``): the speaker after a parenthetical cue, the name a relative clause's
description stands for, a whole name with "and" in it, no thing bearing words and no addressee in a quote
(issue #14, PolNeAR mexico-visit-wall)."""

from __future__ import annotations

import itertools

import pytest
from test_claims_pronouns import claims_of, speaker_of

from storyline.pipeline import link_speakers
from storyline.records import Entity, Mention
from tests.factories import make_claim


def test_a_cue_set_inside_the_clause_it_reports_has_its_speaker_after_it() -> None:
    """ "Part of the problem …, say experts like X, a geophysicist, is …": the experts speak, and the
    fronted phrase is what they say."""
    text = (
        "Part of the problem in detecting tunnels, say experts like Paul Bauman, a Canadian geophysicist, "
        "is the ground itself."
    )
    claim = next(claim for claim in claims_of(text) if claim.cue == "say")
    assert claim.speaker_text == "experts like Paul Bauman"
    assert claim.text.startswith("Part of the problem in detecting tunnels")


def test_a_plain_cue_keeps_its_subject() -> None:
    """Not an inversion: the subject before the cue and no comma between them."""
    text = "Experts like Paul Bauman say the ground itself is the problem."
    assert speaker_of(text, "say") == "Experts like Paul Bauman"


def test_a_relative_clause_on_a_description_in_apposition_is_the_named_person() -> None:
    text = (
        "“You don’t know what you don’t know,” said R. Gil Kerlikowske, the United States Customs and "
        "Border Protection commissioner, who conceded that many more tunnels might exist."
    )
    assert speaker_of(text, "conceded") == "R. Gil Kerlikowske"


def test_a_name_with_and_in_it_is_one_whole_speaker() -> None:
    text = "The Customs and Border Protection agency said that 200 tunnels had been found."
    assert speaker_of(text, "said") == "The Customs and Border Protection agency"


def test_a_thing_that_says_words_is_no_speaker() -> None:
    """A hat's or a sign's slogan is no one's claim; a report stays a source."""
    hat = 'Rudy Giuliani is now wearing a campaign hat that says "MAKE MEXICO GREAT AGAIN ALSO" tonight.'
    assert claims_of(hat) == []
    sign = "The sign says that the store is closed. The report says that jobs grew."
    assert [claim.speaker_text for claim in claims_of(sign)] == ["The report"]


def test_you_inside_a_quotation_is_the_addressee_not_a_speaker() -> None:
    text = (
        "Trump said the wall would be tall. "
        "Hannity interjected: “So you’re saying there will be some flexibility?”"
    )
    assert all(claim.speaker_text != "you" for claim in claims_of(text))


def test_a_relative_pronoun_before_a_subject_and_cue_is_no_speaker() -> None:
    """ "the ministry, which she said held all her letters": "which" is the subject of what she said, moved
    before the cue; she speaks, not the ministry (issue #14, PolNeAR clinton-foundation-donors)."""
    text = "Mrs. Berg had handed the papers to the Finance Ministry, which she said held all her letters."
    claim = next(claim for claim in claims_of(text) if claim.cue == "said")
    assert claim.speaker_text != "the Finance Ministry"
    assert claim.speaker_text in ("she", "Mrs. Berg")


def test_a_participle_after_the_object_and_a_comma_is_the_subjects() -> None:
    """ "X made an attempt to …, writing that …": the parse hangs the participle on the object, but the
    subject writes, and a "he" after it is the subject too (issue #14, PolNeAR khan-family)."""
    text = (
        "Mr. Vance made a third attempt to deflect Mr. Olsen's criticism, writing on Twitter that the real "
        "issue was the port. And he continued to insist that the union had been unfair to him."
    )
    assert speaker_of(text, "writing") == "Mr. Vance"
    assert speaker_of(text, "insist") == "Mr. Vance"


def test_a_record_of_what_a_named_speaker_said_is_no_speaker() -> None:
    """ "“…,” X said, according to a transcript": the transcript keeps X's words, it says nothing of its own
    (issue #14, PolNeAR second-amendment-isis-founder); with no speaker named the record is the source."""
    said = "“The port earns its keep,” Olsen said, according to a transcript of the meeting."
    assert [claim.speaker_text for claim in claims_of(said)] == ["Olsen"]
    unnamed = "The port earns its keep, according to a transcript of the meeting."
    assert [claim.speaker_text for claim in claims_of(unnamed)] == ["a transcript of the meeting"]


# "quoted X as saying": X speaks and the one quoting relays, active or passive (issue #14, PolNeAR
# manafort-shake-up gave an official's words to the newspaper that quoted him).
QUOTED_AS_SAYING = [
    (
        "The Gazette quoted a senior port official as saying that the harbour would close in May.",
        "a senior port official",
        "The Gazette",
    ),
    (
        "A senior port official was quoted by the Gazette as saying that the harbour would close in May.",
        "A senior port official",
        "the Gazette",
    ),
]


@pytest.mark.parametrize(("text", "speaker", "via"), QUOTED_AS_SAYING)
def test_the_one_quoted_as_saying_speaks_and_the_quoting_outlet_relays(
    text: str, speaker: str, via: str
) -> None:
    claim = next(claim for claim in claims_of(text) if claim.cue.startswith("quoted"))
    assert (claim.speaker_text, claim.via_text, claim.text) == (
        speaker,
        via,
        "the harbour would close in May",
    )


def test_words_before_a_passive_quoted_as_saying_stay_the_one_quoted() -> None:
    # the reported words come first and "as saying" has no clause of its own: they are still his, not the
    # outlet's (the seeds' "At least 2,600 would be sent to Russia's Kursk region, …, he was quoted as
    # saying" became an outlet's figure and a fourth answer to the troop total)
    text = (
        "The port director, Ansel Varga, spoke on Monday. At least 300 containers would be moved to the "
        "northern quay by June, he was quoted as saying."
    )
    claim = next(claim for claim in claims_of(text) if "300 containers" in claim.text)
    assert not claim.outlet_voice
    assert claim.speaker_text == "Ansel Varga"


def test_a_number_is_never_a_speaker() -> None:
    # issue #14: "In Puerto Rico, 60 pledged delegates … were at stake" credited its claim to "60"
    text = "In Ohio, 40 pledged delegates and five superdelegates were up for grabs, and the governor led."
    assert all(claim.speaker_text != "40" for claim in claims_of(text))
    # a number with its noun names people
    text = "Three of the officials said the plant would close."
    assert speaker_of(text, "said") == "Three of the officials"


@pytest.mark.parametrize(
    ("text", "speaker", "via"),
    [
        # issue #14: an aide's email, quoted in a report on it, was credited to the outlet that reported it
        (
            "The Times reported on a memo from the mayor's chief of staff about the budget,"
            ' "We cut three programs."',
            "the mayor's chief of staff",
            "The Times",
        ),
        ('The Times reported about an email from Smith, "We cut three programs."', "Smith", "The Times"),
        # one who speaks of a message says his own words
        ('Jones said of the email from Smith, "We cut three programs."', "Jones", None),
    ],
)
def test_the_writer_of_a_reported_message_speaks_its_quoted_words(
    text: str, speaker: str, via: str | None
) -> None:
    claim = next(claim for claim in claims_of(text) if claim.text == "We cut three programs.")
    assert (claim.speaker_text, claim.via_text) == (speaker, via)


@pytest.mark.parametrize(
    ("text", "cue", "speaker"),
    [
        ("Of the voters asked, 42% say the tax is fair.", "say", "42"),
        ("The reports differ. One says the bridge will reopen in May.", "says", "One"),
    ],
)
def test_a_share_of_people_or_a_pronoun_one_still_speaks(text: str, cue: str, speaker: str) -> None:
    # the claim stays (its speaker's words as the parse gives them: the share's number)
    assert (speaker_of(text, cue) or "").startswith(speaker)


def test_verbless_last_words_of_a_quotation_are_no_speaker() -> None:
    """ "“…. Every single time,” said X": the parser takes the quotation's verbless last words for a subject
    of the cue beside the one after it; the words are quoted, X says them (PolNeAR train cruz-rubio)."""
    text = "“She voted against the plan. Every single amendment,” said Hale."
    assert speaker_of(text, "said") == "Hale"
    reader = "“Rubbish,” wrote a local farmer. “Who checks these figures?”"
    assert [claim.speaker_text for claim in claims_of(reader) if claim.cue == "wrote"] == [
        "a local farmer",
        "a local farmer",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The storm flattened the harbour, with dozens more reported missing.",
        "Three guards were reported killed in the raid.",
        "Scores of villagers are reported dead after the landslide.",
        "Two climbers were reported seen near the ridge.",
    ],
)
def test_a_passive_report_of_a_state_is_no_speech(text: str) -> None:
    """ "dozens more reported missing": the participle reports its subject's state; the subject says
    nothing and nobody is named who does (issue #14/#17)."""
    assert [claim.cue for claim in claims_of(text)] == []


def test_a_passive_report_with_its_reporter_named_stays_a_claim() -> None:
    text = "Four men were reported arrested, the police said."
    assert [claim.speaker_text for claim in claims_of(text)] == ["the police"]


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            "Two ferries have sunk, and 18 people remain missing, port chief J.R. Okafor said on Tuesday.",
            "port chief J.R. Okafor",
            "Two ferries have sunk, and 18 people remain missing",
        ),
        (
            "The dam has overflowed, and 300 people remain in shelters, regional commissioner S.R. Mehta "
            "said on Sunday.",
            "regional commissioner S.R. Mehta",
            "The dam has overflowed, and 300 people remain in shelters",
        ),
    ],
)
def test_a_trailing_cue_after_two_clauses_with_initials_in_its_speaker(
    text: str, speaker: str, content: str
) -> None:
    """A name with initials tips the parser into hanging the trailing "X said" on the clauses before as
    their last conjunct, or the splitter into cutting the sentence at the comma: the clauses are still
    what X said (issue #17, a wire's "district collector" with initials)."""
    claims = [claim for claim in claims_of(text) if claim.cue == "said"]
    assert [(claim.speaker_text, claim.text) for claim in claims] == [(speaker, content)]


def test_a_second_act_after_and_is_no_trailing_cue() -> None:
    assert claims_of("He walked to the podium, smiled, and said nothing.") == []


def test_a_description_of_a_side_or_trade_is_the_person_the_article_is_about() -> None:
    """Issue #14: "the Republican presidential candidate told …" after "Ada Marlow says …" stayed a speaker
    of its own, so Marlow's words counted as someone else's (PolNeAR carson-biography-scrutiny). The article
    names Marlow three times to Venn's once: the description is hers."""
    text = (
        "Ada Marlow says the scrutiny is unfair. Tom Venn disagreed. Marlow spoke in Ohio, and Marlow left. "
        "The Republican presidential candidate told reporters the story was false. The judge said the case "
        "would go on. The retired neurosurgeon said more. The rival's candidate said no. The candidates said "
        "little."
    )
    marlow = _person("e-marlow", text, "Ada Marlow", "Marlow spoke", "Marlow left")
    venn = _person("e-venn", text, "Tom Venn")
    assert _linked(text, "The Republican presidential candidate", marlow, venn) == "e-marlow"
    assert _linked(text, "The retired neurosurgeon", marlow, venn) == "e-marlow"
    # an office another person of the article may hold, someone's title, several people: no one
    assert _linked(text, "The judge", marlow, venn) is None
    assert _linked(text, "The rival's candidate", marlow, venn) is None
    assert _linked(text, "The candidates", marlow, venn) is None


def test_a_description_stands_for_no_one_before_the_lead_is_named_or_beside_an_equal() -> None:
    text = "The candidate said it is unfair. Ada Marlow spoke, Tom Venn spoke, Marlow and Venn went."
    marlow = _person("e-marlow", text, "Ada Marlow", "Marlow and")
    venn = _person("e-venn", text, "Tom Venn", "Venn went")
    assert _linked(text, "The candidate", marlow) is None  # written before Marlow is named
    later = text + " The candidate said more."
    assert _linked(later, "The candidate said more", marlow) == "e-marlow"
    assert _linked(later, "The candidate said more", marlow, venn) is None  # two people named alike


def _linked(text: str, words: str, *people: Entity) -> str | None:
    """The entity ``link_speakers`` gives speaker ``words`` (their first occurrence in ``text``, up to any
    cue "said")."""
    start = text.index(words)
    words = words.removesuffix(" said more")
    claim = make_claim("unfair", speaker_text=words, speaker_start=start, speaker_end=start + len(words))
    return link_speakers([claim], people)[0].speaker


def _person(id: str, text: str, *written: str) -> Entity:
    """A person mentioned by the capitalised words opening each of ``written`` where it first occurs in
    ``text``."""
    mentions = []
    for words in written:
        start = text.index(words)
        name = " ".join(itertools.takewhile(lambda word: word[0].isupper(), words.split()))
        mentions.append(Mention("a", start, start + len(name), name, "PERSON"))
    return Entity(id=id, name=written[0], type="PERSON", mentions=tuple(mentions))
