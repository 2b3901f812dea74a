"""Where labels are cut: which words a label must not end on."""

import pytest

from storyline.stages.ledger.label_cuts import clause_end, ends_open


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


@pytest.mark.parametrize(
    ("text", "clause"),
    [
        # issue #14: "as well as" coordinates inside the clause; a lone "as" still opens the next one
        ("the dam was good for Wessex as well as Mercia", "the dam was good for Wessex as well as Mercia"),
        ("the dam held as the river rose", "the dam held"),
    ],
)
def test_a_clause_ends_at_as_but_not_inside_as_well_as(text: str, clause: str) -> None:
    assert text[: clause_end(text)] == clause


@pytest.mark.parametrize(
    ("text", "clause"),
    [
        # a name's initial is no full stop; a hyphen between spaces is a dash typed, and ends the clause
        ("the mayor met Sen. Mary K. Lowe of Kent, then left", "the mayor met Sen. Mary K. Lowe of Kent"),
        ("three rivals - the mayor among them - have all stalled", "three rivals"),
        ("a well-known rival won the seat", "a well-known rival won the seat"),
    ],
)
def test_a_clause_runs_past_an_initial_and_ends_at_a_typed_dash(text: str, clause: str) -> None:
    assert text[: clause_end(text)] == clause
