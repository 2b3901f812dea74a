"""Where labels are cut: which words a label must not end on."""

import pytest

from storyline.stages.ledger.label_cuts import ends_open


@pytest.mark.parametrize(
    ("label", "open_end"),
    [
        ("How many people have died in a flood in Ruritania's?", True),
        ("How many people were detained in the?", True),
        ("Is it true that the reserve had run out?", False),
        ("How many crowns did the Harbour Trust launch an appeal for?", False),
        ("How many people on its payroll did it have?", False),
    ],
)
def test_a_label_ending_open_is_told_from_a_phrasal_verb_and_a_stranded_preposition(
    label: str, open_end: bool
) -> None:
    assert ends_open(label) is open_end
