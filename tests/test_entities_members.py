"""Members standing for their body (``stages/entities/members.py``): each member noun of ``member_nouns``
on sentences written for the test, through the whole mentions stage."""

from __future__ import annotations

import pytest
from test_entities_mentions import by_text, mentions_of

from storyline.stages.entities.lexicon import entity_lexicon

# One report per member noun of the lexicon: an organisation counts them, then "the <noun>" speaks.
MEMBER_REPORTS = {
    "observers": "The Electoral Reform Society, which sent 260 observers to the polls, disputes the figure. "
    "The observers recorded irregularities at 18 stations.",
    "monitors": "The Electoral Reform Society, which sent 120 monitors to the border, disputes the figure. "
    "The monitors recorded shelling at 18 places.",
}


def test_every_member_noun_of_the_lexicon_has_a_report() -> None:
    assert set(MEMBER_REPORTS) == entity_lexicon().member_nouns


@pytest.mark.parametrize("noun", sorted(MEMBER_REPORTS))
def test_the_members_an_organisation_counts_stand_for_it(noun: str) -> None:
    found = mentions_of(MEMBER_REPORTS[noun])
    assert by_text(found, f"The {noun}").refers_to == "Electoral Reform Society"


def test_members_counted_with_two_organisations_or_with_none_stand_for_neither() -> None:
    two = mentions_of(
        "The Electoral Reform Society sent 260 observers. The Helsinki Committee sent 40 observers. "
        "The observers recorded irregularities."
    )
    assert not [m for m in two if m.text == "The observers"]
    none = mentions_of("Some 300 observers watched the vote. The observers recorded irregularities.")
    assert not [m for m in none if m.text == "The observers"]
