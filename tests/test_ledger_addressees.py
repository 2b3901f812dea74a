"""Addressees and documents are no second source (``ledger.addressees``)."""

from factories import make_claim

from storyline.records import Article
from storyline.stages.ledger.addressees import as_filed, issued_documents

TEXT = (
    "The Party is filing a complaint with the ethics board, claiming that the aide broke the rules. "
    "The party's complaint to the Ethics Board of the City says the aide hid a conflict."
)
ARTICLE = Article(id="a", text=TEXT)
NAMES = {"e-party": "The Party", "e-board": "Ethics Board of the City"}


def test_an_addressee_is_no_speaker_and_a_document_is_its_filers_voice() -> None:
    filed = make_claim(
        "the aide broke the rules",
        article=ARTICLE,
        id="c1",
        cue="claiming",
        speaker_text="The Party",
        speaker="e-party",
    )
    complaint = make_claim(
        "the aide hid a conflict",
        article=ARTICLE,
        id="c2",
        cue="says",
        speaker_text="The party's complaint to the Ethics Board",
        speaker="e-board",
    )
    first, second = as_filed([filed, complaint], {"a": TEXT}, NAMES)
    assert first == filed
    assert second.speaker == "e-party" and second.speaker_text == "The Party"


def test_a_speaker_named_before_the_marker_is_kept() -> None:
    # "a spokesman for the board" names the board itself before any addressee marker
    said = make_claim(
        "the aide hid a conflict",
        article=ARTICLE,
        id="c2",
        cue="says",
        speaker_text="Ethics Board of the City",
        speaker="e-board",
    )
    assert as_filed([said], {"a": TEXT}, NAMES) == [said]


def test_a_time_expression_is_no_speaker() -> None:
    # the parse took the sentence's when for its who: "A filing made Tuesday says …", "Late last night …"
    text = (
        "A filing made Tuesday says that the mayor will not face charges.\nTuesday Weld, late last night says"
    )
    article = Article(id="t", text=text)
    dated = make_claim("the mayor will not face charges", article=article, cue="says", speaker_text="Tuesday")
    night = make_claim(
        "the mayor will not face charges", article=article, cue="says", speaker_text="late last night"
    )
    named = make_claim(
        "the mayor will not face charges", article=article, cue="says", speaker_text="Tuesday Weld"
    )
    first, second, third = as_filed([dated, night, named], {"t": text}, {})
    assert first.speaker_text is None and first.speaker_start is None
    assert second.speaker_text is None
    assert third == named


STATEMENT = (
    '"The mayor met the builders twice in May," the Harbour Board said in a statement.\n'
    'A reporter asked about the permits. "No permit was issued before June," the statement said.'
)
STATEMENT_ARTICLE = Article(id="s", text=STATEMENT)


def test_a_statement_is_the_voice_of_the_story_claim_that_issued_it() -> None:
    # issue #14: the issuer is named after its quote ("…," X said in a statement) and by a claim of another
    # question, so the story's claims, not one position's, say who "the statement" is
    issued = make_claim(
        "The mayor met the builders twice in May",
        article=STATEMENT_ARTICLE,
        id="c1",
        speaker_text="the Harbour Board",
        speaker="e-board",
    )
    quoted = make_claim(
        "No permit was issued before June", article=STATEMENT_ARTICLE, id="c2", speaker_text="the statement"
    )
    assert as_filed([quoted], {"s": STATEMENT}, {}) == [quoted]  # one position's claims alone: no issuer
    first, second = issued_documents([issued, quoted], {"s": STATEMENT})
    assert first == issued
    assert second.speaker == "e-board" and second.speaker_text == "the Harbour Board"


def test_a_statement_no_earlier_attribution_names_keeps_its_words() -> None:
    text = STATEMENT.replace(" in a statement", "")
    article = Article(id="s", text=text)
    said = make_claim(
        "The mayor met the builders twice in May", article=article, id="c1", speaker_text="the Harbour Board"
    )
    quoted = make_claim(
        "No permit was issued before June", article=article, id="c2", speaker_text="the statement"
    )
    assert issued_documents([said, quoted], {"s": text})[1] == quoted


def test_an_indefinite_document_is_a_new_one_not_the_earlier_issuers() -> None:
    # "An email from X reveals …; A May 2011 email shows …": the second email is not X's
    text = "An email from Ada Holm reveals that the fund grew. A May 2011 email shows the board met twice."
    article = Article(id="m", text=text)
    revealed = make_claim(
        "the fund grew", article=article, id="c1", cue="reveals", speaker_text="Ada Holm", speaker="e-ada"
    )
    shown = make_claim(
        "the board met twice", article=article, id="c2", cue="shows", speaker_text="2011 email"
    )
    assert issued_documents([revealed, shown], {"m": text})[1] == shown
