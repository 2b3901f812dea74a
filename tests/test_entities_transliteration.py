"""Reading a name printed surname first as a known person, on names written for the test (issue #17)."""

from storyline.stages.entities.lexicon import fold_name
from storyline.stages.entities.transliteration import (
    name_readings,
    readings_without_first_given_name,
    surname_first_readings,
)


def test_a_name_printed_surname_first_reads_as_the_known_person_turned_round() -> None:
    """ "Sargsjan Lilit" of a German list is "Lilit Sargsyan"; in the usual order it reads as no one, and
    turned round it reads as no other person."""
    known = name_readings(fold_name("Lilit Sargsyan").split())
    assert surname_first_readings(fold_name("Sargsjan Lilit").split(), known)
    assert not surname_first_readings(fold_name("Lilit Sargsjan").split(), known)
    assert not surname_first_readings(fold_name("Sargsjan Narine").split(), known)


def shared_readings(full: str, short: str) -> frozenset[tuple[str, str]]:
    words = fold_name(full).split()
    full_readings = name_readings(words) | readings_without_first_given_name(words)
    return full_readings & name_readings(fold_name(short).split())


def test_a_name_without_its_first_given_name_reads_as_the_full_name() -> None:
    """A first given name papers and taggers drop ("Abdul", or a title glued to the name) leaves a name
    that reads as the full one, in another romanisation too; a two-word name keeps its given name."""
    assert shared_readings("Abdul Rasheed Mengal", "Raschid Mengal")
    assert shared_readings("Robert Hunter Biden", "Hunter Biden")
    assert not shared_readings("Robert Biden", "Hunter Biden")
    assert not shared_readings("Abdul Rasheed Mengal", "Abdul Mengal")
