"""Bodies an article names only by a description (``entities.bodies``) — on sentences written for the tests,
run through the real parse."""

from __future__ import annotations

from tests.test_entities_mentions import mentions_of


def test_a_committee_introduced_by_a_description_and_referred_back_to_is_an_actor() -> None:
    """Issue #17: the strike committee was the source of a strike's counts, yet no mention at all."""
    found = mentions_of(
        "About 300 dockers stopped work, according to the strike committee elected on Sunday. "
        "The committee said more would join, and the committee will give a new count tomorrow."
    )
    body = next(m for m in found if m.text == "strike committee")
    assert body.label == "ORG" and body.refers_to is None
    references = [m for m in found if m.text.lower() == "the committee"]
    assert len(references) == 2
    assert all(m.label == "ORG" and m.refers_to == "strike committee" for m in references)


def test_the_committee_is_the_named_committee_when_the_article_names_one() -> None:
    found = mentions_of(
        "The Senate Budget Committee met the strike leaders on Monday. The striking dockers also met the "
        "strike committee of the port. The committee said the talks had gone well."
    )
    assert not any(m.text == "strike committee" and m.label == "ORG" for m in found)


def test_two_committees_of_one_article_leave_the_committee_unresolved() -> None:
    found = mentions_of(
        "The strike committee met the crisis committee on Monday. The committee said the talks went well."
    )
    assert not any(
        m.label == "ORG" and m.text.lower() in {"strike committee", "the committee"} for m in found
    )


def test_a_committee_never_referred_back_to_is_no_actor() -> None:
    found = mentions_of("The dockers elected a strike committee on Sunday. The port said talks would follow.")
    assert not any(m.text == "strike committee" and m.label == "ORG" for m in found)
