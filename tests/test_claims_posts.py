"""Embedded posts (``claims.posts``), on an article written for these tests, cleaned and parsed with the real
spaCy model: a post's sentences are its author's statements, bounded to its body; a bare handle is read as the
person the article names; prose around the posts keeps the outlet's voice."""

from __future__ import annotations

from storyline.records import Article, Claim
from storyline.stages.claims import extract_claims, outlet_voice_claims
from storyline.stages.clean import clean_article
from storyline.stages.nlp import parse_articles

ARTICLE = (
    "Senator Maria Lopez visited the flooded town on Tuesday.\n\n"
    '<tweet id="1" author="@janedoe" datetime="2016-09-01">The river rose four feet overnight and the main '
    "bridge is closed. pic.twitter.com/abc123 — Jane Doe (@janedoe) September 1, 2016</tweet>.\n\n"
    "Lopez tweeted a promise later that evening.\n\n"
    '<tweet id="2" author="@SenMariaLopez">The state will rebuild the bridge within a year.</tweet>\n\n'
    '<tweet id="3" author="@riverwatch">The water sign says the level is rising again.</tweet>\n'
)


def claims_of(text: str) -> tuple[str, list[Claim]]:
    article = clean_article(Article(id="t", text=text))
    parsed = next(parse_articles([article]))
    return article.text, outlet_voice_claims(parsed, extract_claims(parsed, ()), ())


def one_claim(claims: list[Claim], opening: str) -> Claim:
    found = [claim for claim in claims if claim.text.startswith(opening)]
    assert len(found) == 1, [(claim.text, claim.speaker_text) for claim in claims]
    return found[0]


def test_a_signed_posts_sentences_are_its_authors_without_link_or_signature() -> None:
    text, claims = claims_of(ARTICLE)
    assert "<" not in text and "author=" not in text
    assert "<" not in "".join(claim.text + (claim.speaker_text or "") for claim in claims)
    post = one_claim(claims, "The river rose")
    assert post.speaker_text == "Jane Doe" and not post.outlet_voice
    # marked a post, not a reader's letter: its named author stays a source in the ledger (``Claim.signed``)
    assert post.signed == "post"
    assert "pic.twitter" not in post.text and "@janedoe" not in post.text
    assert not [claim for claim in claims if claim.text.startswith(("pic.", "— Jane", "Jane Doe"))]


def test_a_bare_handle_is_the_person_the_article_names() -> None:
    text, claims = claims_of(ARTICLE)
    post = one_claim(claims, "The state will rebuild")
    assert post.speaker_text == "Maria Lopez" and post.signed == "post"
    assert post.speaker_start is not None and text[post.speaker_start : post.speaker_end] == "Maria Lopez"


def test_a_handle_no_one_is_named_for_stays_the_handle_and_owns_the_whole_post() -> None:
    _, claims = claims_of(ARTICLE)
    post = one_claim(claims, "The water sign says")
    assert post.speaker_text == "@riverwatch"


def test_the_prose_around_posts_keeps_the_outlets_voice() -> None:
    _, claims = claims_of(ARTICLE)
    prose = one_claim(claims, "Senator Maria Lopez visited")
    assert prose.outlet_voice and prose.signed is None
    assert one_claim(claims, "Lopez tweeted").signed is None
