"""Reading a name printed surname first as a known person, on names written for the test (issue #17)."""

from storyline.stages.entities.lexicon import fold_name
from storyline.stages.entities.transliteration import name_readings, surname_first_readings


def test_a_name_printed_surname_first_reads_as_the_known_person_turned_round() -> None:
    """ "Sargsjan Lilit" of a German list is "Lilit Sargsyan"; in the usual order it reads as no one, and
    turned round it reads as no other person."""
    known = name_readings(fold_name("Lilit Sargsyan").split())
    assert surname_first_readings(fold_name("Sargsjan Lilit").split(), known)
    assert not surname_first_readings(fold_name("Lilit Sargsjan").split(), known)
    assert not surname_first_readings(fold_name("Sargsjan Narine").split(), known)
