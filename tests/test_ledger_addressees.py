"""Addressees and documents are no second source (``ledger.addressees``)."""

from factories import make_claim

from storyline.records import Article
from storyline.stages.ledger.addressees import as_filed

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
