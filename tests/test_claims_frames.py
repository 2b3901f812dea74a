"""Sentences of real news that had no claim (issue #14, PolNeAR ledger gold), as rules on sentences written
for these tests: a quotation framed by any verb, a verb coordinated with a passive one, a quotation that
closes its sentence, a quotation run over paragraphs, a quoted label read as an act, and a narrated
sentence whose only link to a claim is the name a later pronoun resolves to."""

from __future__ import annotations

from storyline.records import Article, Claim, ParsedArticle
from storyline.stages.claims import extract_claims, outlet_voice_claims
from storyline.stages.claims.quotes import find_quote_spans
from storyline.stages.nlp import load_nlp
from tests.test_claims import claims_of


def statements(text: str, cue: str) -> list[tuple[str | None, str]]:
    return [(c.speaker_text, c.text) for c in claims_of(text) if c.cue == cue and c.kind == "statement"]


# --- a quotation framed by a verb the lexicon lacks ---------------------------------------------------------


def test_a_split_quotation_framed_by_any_verb_is_the_speakers() -> None:
    text = (
        "Councillor Mary Hale spoke after the vote.\n\n"
        "“The way I read it,” she elaborated, “the budget leaves the river towns with nothing.”"
    )
    assert statements(text, "elaborated") == [
        ("Councillor Mary Hale", "The way I read it"),
        ("Councillor Mary Hale", "the budget leaves the river towns with nothing."),
    ]


def test_a_quotation_closed_by_a_name_and_any_verb_is_the_speakers() -> None:
    text = "“Nobody on that committee has read the report,” Hale barked."
    assert statements(text, "barked") == [("Hale", "Nobody on that committee has read the report")]


def test_a_verb_with_an_object_after_a_quotation_frames_nothing() -> None:
    # "published" has an object: it is the narration's own clause, not a frame of the quotation
    text = "“A Quiet River,” Hale published the book in May."
    assert statements(text, "published") == []


def test_a_quotation_not_set_off_by_a_comma_is_framed_by_nothing() -> None:
    text = "He hummed “A Quiet River” and Hale laughed."
    assert statements(text, "laughed") == []


# --- a verb coordinated with a passive one -----------------------------------------------------------------


def test_an_active_cue_coordinated_with_a_passive_verb_has_its_subject() -> None:
    text = "The mayor was pressed by reporters and said that the bridge would reopen in May."
    assert statements(text, "said") == [("The mayor", "the bridge would reopen in May")]


def test_a_passive_cue_coordinated_with_a_passive_verb_names_nobody() -> None:
    text = "The plan was drafted in March and was reported to cost too much."
    assert all(speaker != "The plan" for speaker, _ in statements(text, "reported"))


# --- a quotation that closes its sentence -------------------------------------------------------------------


def test_a_quotation_ending_its_sentence_is_not_the_next_sentences_cue() -> None:
    text = 'The minister said the plan "will work." Hale called the plan a "fantasy" on Monday.'
    assert all(content != "will work." for _, content in statements(text, "called"))


# --- a quotation run over paragraphs -----------------------------------------------------------------------


def test_a_quotation_left_open_at_a_paragraph_that_the_next_reopens_runs_to_its_end() -> None:
    text = "''We will rebuild,'' Hale said. ''The bridge matters.\n\n''It reopens in May.''"
    inner = [text[q.inner_start : q.inner_end] for q in find_quote_spans(text)]
    assert inner == ["We will rebuild", "The bridge matters.", "It reopens in May."]
    assert statements(text, "said") == [
        ("Hale", "We will rebuild"),
        ("Hale", "The bridge matters."),
        ("Hale", "It reopens in May."),
    ]


def test_an_open_quotation_with_marks_after_it_or_no_reopening_stays_unpaired() -> None:
    # marks mixed: the curly opening is closed by no curly mark but by the straight one after its words
    # (``quotes._directed_marks``), and no quotation runs on over the break
    mixed = '“There is a precedent," he said of "gross negligence."\n\n“We disagree,” she said.'
    inner = [mixed[q.inner_start : q.inner_end] for q in find_quote_spans(mixed)]
    assert inner == ["There is a precedent", "gross negligence.", "We disagree"]
    unopened = "''The bridge matters.\n\nThe council met on Monday."
    assert find_quote_spans(unopened) == []


# --- a quoted label ---------------------------------------------------------------------------------------


def _label_claims(text: str) -> list[Claim]:
    return [c for c in claims_of(text) if c.cue == "called"]


def test_a_quoted_label_on_a_named_object_is_never_an_act() -> None:
    text = 'Hale called the mayor a "danger to the city" who had "misled" the voters.'
    assert all(claim.kind == "statement" for claim in _label_claims(text))


def test_a_label_on_a_pronoun_is_no_statement() -> None:
    # "it" is labelled elsewhere: the quoted label makes no statement of "it a hoax"
    assert all(claim.kind == "act" for claim in _label_claims('Hale called it a "hoax" on Monday.'))


# --- a sentence whose only link to a claim is the name a later pronoun resolves to ------------------------


def test_a_sentence_naming_a_later_pronouns_speaker_stays_the_outlets() -> None:
    text = (
        "Mary Hale, the engineer the council hired last spring, grew up beside the river.\n\n"
        "She said the new bridge would open in May."
    )
    article = ParsedArticle(Article(id="a", text=text, outlet="Daily"), load_nlp()(text))
    claims = outlet_voice_claims(article, extract_claims(article, ()), ())
    (said,) = [claim for claim in claims if claim.cue == "said"]
    assert said.speaker_text == "Mary Hale"
    voiced = [claim.text for claim in claims if claim.outlet_voice]
    assert voiced == ["Mary Hale, the engineer the council hired last spring, grew up beside the river."]


# --- a participle after the cue, misread as what it reports ----------------------------------------------


def test_a_participle_after_the_cue_is_no_reported_clause() -> None:
    """ "“…,” Hale said in an interview with the BBC aired Monday": the parser hangs "aired" on "said" as its
    clause; the quotation is what was said, "aired Monday" nothing (PolNeAR train sanders-endorsements)."""
    text = (
        "“Let’s go back a year and look at the council announcing its plan,” Hale said in an interview "
        "with the BBC aired Monday."
    )
    assert statements(text, "said") == [
        ("Hale", "Let’s go back a year and look at the council announcing its plan")
    ]


def test_a_clause_after_the_cue_with_its_own_subject_is_still_reported() -> None:
    text = "Hale said in an interview on Monday the council had cut the budget."
    assert statements(text, "said") == [("Hale", "the council had cut the budget")]
