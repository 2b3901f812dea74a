"""Readers' letters (``claims.letters``), on a letters page written for these tests and parsed with the real
spaCy model: a letter's unattributed sentences are its signer's; an article with one name line, or none,
keeps the outlet's voice."""

from __future__ import annotations

from storyline.records import Article, Claim
from storyline.stages.claims import extract_claims, outlet_voice_claims
from storyline.stages.nlp import parse_articles

LETTERS_PAGE = (
    "Should the city close the old bridge?\n\nLETTERS.\n\n"
    "The old bridge has carried traffic for ninety years without a single accident. The repairs the council "
    "wants would cost more than a new bridge.\n\n"
    "Margaret Ellison.\n\nSpringfield, Ill.\n\n"
    "Everyone who drives across it knows the railings are rusting away. The council waited far too long to "
    "act on the engineers' warnings.\n\n"
    "Thomas Whitfield.\n"
)


def claims_of(text: str) -> list[Claim]:
    parsed = next(parse_articles([Article(id="t", text=text)]))
    return outlet_voice_claims(parsed, extract_claims(parsed, ()), ())


def test_a_letters_unattributed_sentences_are_its_signers() -> None:
    claims = claims_of(LETTERS_PAGE)
    by_text = {claim.text: claim for claim in claims}
    first = by_text["The old bridge has carried traffic for ninety years without a single accident."]
    assert first.speaker_text == "Margaret Ellison" and not first.outlet_voice
    assert first.signed == "letter"  # marked for the ledger: a reader is no source (``Claim.signed``)
    assert LETTERS_PAGE[first.speaker_start : first.speaker_end] == "Margaret Ellison"
    second = [claim for claim in claims if claim.text.startswith("The council waited")]
    assert second and second[0].speaker_text == "Thomas Whitfield", [(c.text, c.speaker_text) for c in claims]
    assert second[0].signed == "letter"
    # the page's heading question is the outlet's, above every letter: no letter's
    assert all(claim.signed is None for claim in claims if claim.outlet_voice)


def test_one_name_line_is_no_letters_page() -> None:
    text = LETTERS_PAGE.split("Everyone who")[0]
    claims = [claim for claim in claims_of(text) if not claim.cue]
    assert claims and all(claim.outlet_voice for claim in claims), [(c.text, c.speaker_text) for c in claims]
    assert not any(claim.signed for claim in claims_of(text))
