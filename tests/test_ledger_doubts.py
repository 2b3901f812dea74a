"""What a claim's own words set against it (``ledger.doubts``): a rider saying it is not confirmed, a hedged
concession its speaker answers."""

from factories import make_claim

from storyline.stages.ledger.doubts import anonymous_relay, doubting_rider, rebutted_concession


def test_a_rider_saying_the_claim_is_unconfirmed_is_read() -> None:
    riders = {
        "it copied 3 million records, a claim the ministry says it has found no evidence for": (
            "a claim the ministry says it has found no evidence for"
        ),
        "30 soldiers died, which could not be independently verified.": (
            "which could not be independently verified"
        ),
        "30 soldiers died, a figure that is unverified": "a figure that is unverified",
        "30 soldiers died, a figure that couldn’t be confirmed": "a figure that couldn’t be confirmed",
    }
    for text, rider in riders.items():
        assert doubting_rider(text) == rider, text


def test_no_rider_where_nothing_is_left_unconfirmed() -> None:
    for text in (
        "30 soldiers died, a figure the ministry confirmed",  # confirmed, not left open
        "it was a tweet sent by a contributor, which did not cite a source",  # no confirming word
        "the sample was part of 3 million records copied from the servers",  # no rider at all
        "30 soldiers died, the police said, but no evidence of a second attacker was found",  # no apposition
    ):
        assert doubting_rider(text) is None, text


def test_a_hedged_concession_answered_with_but_is_rebutted() -> None:
    conceding = make_claim(
        "there may be some generals who agree. But those who are involved are confident", modality="hedged"
    )
    assert rebutted_concession(conceding)
    # asserted, or hedged without an answer, or answered inside one sentence: no rebuttal read
    assert not rebutted_concession(make_claim(conceding.text, modality="asserted"))
    assert not rebutted_concession(make_claim("there may be some generals who agree", modality="hedged"))
    assert not rebutted_concession(
        make_claim("there may be some generals who agree but few", modality="hedged")
    )


def test_an_unnamed_source_that_spoke_to_another_party_is_an_anonymous_relay() -> None:
    for words in (
        "Another intelligence source speaking to Fox News",
        "three intelligence sources who spoke to the Associated Press",
        "sources told CNN",
    ):
        assert anonymous_relay(make_claim(speaker_text=words)), words
    for words in (
        "sources told reporters",  # no named party: the outlet's own reporters may have heard them
        "a source familiar with the inquiry",  # no one else spoken to
        "Fox News",
        None,
    ):
        assert not anonymous_relay(make_claim(speaker_text=words)), words


def test_a_party_cut_from_the_speaker_words_still_makes_an_anonymous_relay() -> None:
    # ``ledger.addressees`` cuts a named addressee after "to": "source speaking to Fox News" reads "source
    # speaking", and only its span, longer than its words, tells that a party was named there
    words = "Another intelligence source speaking to Fox News"
    cut = "Another intelligence source speaking"
    assert anonymous_relay(make_claim(speaker_text=cut, speaker_start=10, speaker_end=10 + len(words)))
    assert not anonymous_relay(make_claim(speaker_text=cut, speaker_start=10, speaker_end=10 + len(cut)))
    assert not anonymous_relay(make_claim(speaker_text=cut))
