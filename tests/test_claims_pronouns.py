"""Who a pronoun speaker is (``claims.extract``): the person named before it, never one its own claim
names, the owner its sentence is about, and no one where the article named no one (issue #14)."""

from __future__ import annotations

import pytest

from storyline.records import Article, Claim
from storyline.stages.claims.extract import extract_claims
from storyline.stages.claims.genders import given_name_gender
from storyline.stages.nlp import parse_articles


def claims_of(text: str) -> list[Claim]:
    return extract_claims(next(parse_articles([Article(id="t", text=text)])), ())


def speaker_of(text: str, cue: str) -> str | None:
    matching = [claim for claim in claims_of(text) if claim.cue == cue]
    assert matching, [(claim.cue, claim.text) for claim in claims_of(text)]
    return matching[0].speaker_text


def test_a_pronoun_is_not_a_person_its_own_claim_names() -> None:
    """ "He insisted Curiel had a conflict": a "he" never stands for a name it governs."""
    text = (
        "Donald Trump said the judge was unfair to him. Gonzalo Curiel was born in Indiana. "
        "He insisted Curiel had a conflict of interest."
    )
    assert speaker_of(text, "insisted") == "Donald Trump"


def test_a_pronoun_is_the_owner_its_sentence_is_about() -> None:
    """ "One of Trump's attacks came in February, when he told Fox News …": Trump, not the professor who
    spoke in the sentence before."""
    text = (
        "Donald Trump has attacked the judge for months. "
        "Charles Geyh, a law professor, said he had no problem with criticism of judges. "
        "One of Trump's earlier attacks came in February, when he told Fox News that the judge was biased."
    )
    assert speaker_of(text, "told") == "Trump"


def test_a_pronoun_with_no_one_named_before_it_is_no_speaker() -> None:
    assert speaker_of("He steadfastly insists that the audit is the reason.", "insists") is None


def test_a_name_ending_a_clause_before_a_colon_is_no_speaker_of_the_quotation() -> None:
    """ "… suggested Curiel was from Mexico: “…”": Mexico says nothing."""
    text = 'Trump suggested Curiel was from Mexico: "The judge is Mexican, which is great."'
    assert all(claim.speaker_text != "Mexico" for claim in claims_of(text))


def test_a_that_clause_parsed_as_a_relative_on_the_cue_adjunct_is_what_is_alleged() -> None:
    """ "alleged in the suit that Trump personally earned …": the parse read "that" as a relative pronoun
    filling no gap of its clause; the clause is the allegation (PolNeAR curiel)."""
    text = "Schneiderman alleged in the suit that Trump personally earned $5 million from the enterprise."
    claim = next(claim for claim in claims_of(text) if claim.cue == "alleged")
    assert claim.speaker_text == "Schneiderman"
    assert claim.text.startswith("Trump personally earned $5 million")


def test_a_speaker_that_is_someones_words_is_their_owner() -> None:
    """ "his response focused on how …": the owner of the words speaks, and "his" resolves as "he" does."""
    text = (
        "Mayor Anna Berg was asked about the closure on Monday. When the mayor was pressed on the radio, her "
        "response focused on how the council had ignored the engineers' warnings."
    )
    assert speaker_of(text, "focused on") == "Mayor Anna Berg"
    assert speaker_of("Tom Reed's statement said the bridge would close in May.", "said") == "Tom Reed"


def test_a_list_item_pronoun_is_the_lists_subject_not_the_person_quoted_before() -> None:
    # a list of what one person said, each item headed "He …": the item after a paragraph that quotes
    # another man is still about the list's subject (issue #14)
    text = (
        "Five things Mayor Anna Berg's rival Tom Vance has said.\n\n"
        "Vance has spoken often this year. Vance said the budget was a mess.\n\n"
        "He said the port should be sold.\n\n"
        "Vance told a radio show the port loses money. The harbour master, Piet Olsen, disagreed. "
        "“The port earns its keep,” Olsen said.\n\n"
        "He claimed the mayor had hidden the accounts.\n\n"
        "Vance repeated the charge at a rally in May.\n"
    )
    assert speaker_of(text, "claimed") == "Vance"


def test_a_pronoun_opening_a_paragraph_outside_a_list_is_the_nearest_person() -> None:
    text = (
        "Vance has spoken often this year. Vance said the budget was a mess.\n\n"
        "The harbour master, Piet Olsen, disagreed. “The port earns its keep,” Olsen said.\n\n"
        "He added that the accounts were public.\n"
    )
    assert speaker_of(text, "added") == "Olsen"


# A singular pronoun after a plural speaker: never the plural ("critics who say …", issue #14, PolNeAR
# orlando-shooting-response), but the person a plural names as its example ("experts like Paul Bauman").
PLURAL_BEFORE_A_PRONOUN = [
    (
        "Mayor Anna Berg sharply rebuked critics who say she should resign over the flooding.\n\n"
        '"What exactly would a resignation change?" she said.',
        "Mayor Anna Berg",
    ),
    (
        "The ground itself is the problem, say experts like Paul Bauman, a Canadian geophysicist.\n\n"
        "Finding what lies under the surface is not simple, he said.",
        "experts like Paul Bauman",
    ),
]


@pytest.mark.parametrize(("text", "speaker"), PLURAL_BEFORE_A_PRONOUN)
def test_a_pronoun_is_one_person_of_a_plural_speaker_before_it(text: str, speaker: str) -> None:
    assert speaker_of(text, "said") == speaker


# A pronoun in what someone was asked about is the person asked, not the asker (issue #14, PolNeAR
# second-amendment-isis-founder); asked to do something, with no topic, it stays the nearest subject.
ASKED_ABOUT = [
    (
        "Mayor Tom Vance spoke at the port on Monday. The radio host Piet Olsen asked Vance about remarks "
        "he had made that morning, when he claimed the harbour was losing money.",
        "claimed",
        "Vance",
    ),
    (
        "Mayor Tom Vance spoke at the port on Monday. The radio host Piet Olsen pressed Vance on the budget "
        "he said was balanced.",
        "said",
        "Vance",
    ),
    (
        "Mayor Tom Vance spoke at the port on Monday. The radio host Piet Olsen asked Vance to leave after "
        "he said the harbour was losing money.",
        "said",
        "Piet Olsen",
    ),
]


@pytest.mark.parametrize(("text", "cue", "speaker"), ASKED_ABOUT)
def test_a_pronoun_in_what_someone_was_asked_about_is_the_person_asked(
    text: str, cue: str, speaker: str
) -> None:
    assert speaker_of(text, cue) == speaker


# --- gender: a "she" never resolves to a man, nor a "he" to a woman -----------------------------------------


def test_a_given_name_tells_the_gender_before_any_pronoun_does() -> None:
    """ "She says …" after a cue of Bruno Falk's is not his (PolNeAR khan-family gave a woman's words to
    Trump): the woman named before him."""
    text = (
        "Greta Lindqvist spoke at the convention on Thursday. Bruno Falk said the speech was a mistake. "
        "She says the party never answered her letters."
    )
    assert speaker_of(text, "says") == "Greta Lindqvist"
    # the surname alone is the man the full name named
    later = text.replace("Bruno Falk said", "Bruno Falk attended. Falk said")
    assert speaker_of(later, "says") == "Greta Lindqvist"


def test_a_gendered_role_noun_tells_the_gender() -> None:
    """Names the names data does not know ("Tavi", "Teodric"): the role noun before or beside the name
    tells; the pronoun after the cue of the other gender's speaker goes to the person named before."""
    titled = (
        "Teodric Hale arrived late. Congresswoman Tavi Ostrand said the vote would be close. "
        "He said the bill would pass."
    )
    assert [c.speaker_text for c in claims_of(titled)] == ["Congresswoman Tavi Ostrand", "Teodric Hale"]
    beside = (
        "Tavi Ostrand arrived late. Teodric Hale, the town's spokesman, said the vote would be close. "
        "She said the bill would fail."
    )
    assert [c.speaker_text for c in claims_of(beside)][-1] == "Tavi Ostrand"
    apposed = "Teodric Hale arrived late. His wife, Tavi Ostrand, said it was over. He said he would resign."
    assert [c.speaker_text for c in claims_of(apposed)][-1] == "Teodric Hale"
    # without the role, the pronoun is the speaker of the cue before
    plain = "Teodric Hale arrived late. Tavi Ostrand said it was over. He said he would resign."
    assert [c.speaker_text for c in claims_of(plain)][-1] == "Tavi Ostrand"


def test_a_relative_clauses_role_is_not_the_persons() -> None:
    """ "Tavi Lindqvist, whose husband, …": the parse puts "husband" in apposition to her name; it is her
    husband's role, not hers (PolNeAR khan-family: a widow's "she" went to no one)."""
    text = (
        "Tavi Lindqvist, whose husband, Navy pilot Teodric Lindqvist, was killed in the 2012 attack, spoke "
        "with radio host Arlo Penn on Thursday. She said the campaign had treated her unfairly."
    )
    assert speaker_of(text, "said") == "Tavi Lindqvist"


def test_a_person_of_no_known_gender_may_be_either() -> None:
    """Only a confident gender filters: an unknown given name ("Tavi") and one the data gives both sexes
    ("Jan") block neither pronoun."""
    for name in ("Tavi Ostrand", "Jan Ostrand"):
        text = f"Greta Lindqvist left early. {name} said the plan was sound. He says it will fail."
        assert speaker_of(text, "says") == name
        assert speaker_of(text.replace("He says", "She says"), "says") == name


def test_a_shared_surname_tells_no_gender_when_one_bearer_is_unknown() -> None:
    """ "Khan" alone may be either of two Khans when the data knows only one of their given names."""
    text = (
        "Greta Khan and Teodric Khan arrived together. Bruno Falk spoke to them. "
        "Khan said the speech had hurt them. He said they would stay."
    )
    assert [c.speaker_text for c in claims_of(text)] == ["Khan", "Khan"]


@pytest.mark.parametrize(
    ("name", "gender"),
    [("Bruno", "masculine"), ("Greta", "feminine"), ("Jan", None), ("Sam", None), ("Tavi", None)],
)
def test_given_name_gender_is_only_a_confident_answer(name: str, gender: str | None) -> None:
    assert given_name_gender(name) == gender
