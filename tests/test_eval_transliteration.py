"""eval/transliteration.py: its forward schemes spell well-known names as the standards do, and the tables
read the spellings of one name alike and keep different names apart (floors measured 2026-12-06)."""

from __future__ import annotations

import pytest

from eval.romanisations import CONVENTIONS, romanise
from eval.transliteration import may_be_one_name, score_all

# Published spellings of well-known names (Duden, PWN, AFP, EFE, the Georgian national system, ELOT 743,
# McCune-Reischauer), which each scheme must give.
PUBLISHED = [
    ("russian", "Хрущёв", {"en": "Khrushchev", "de": "Chruschtschow", "pl": "Chruszczow",
                           "fr": "Khrouchtchev", "es": "Jruschov"}),
    ("russian", "Евгений", {"de": "Jewgeni", "fr": "Evgueni", "es": "Yevgueni"}),
    ("ukrainian", "Зеленський", {"en": "Zelenskyi", "de": "Selenskyj", "pl": "Zełenski"}),
    ("georgian", "შევარდნაძე", {"en": "Shevardnadze", "de": "Schewardnadse", "pl": "Szewardnadze",
                                "fr": "Chevardnadze"}),
    ("greek", "Γιώργος", {"en": "Giorgos", "de": "Jorgos", "es": "Yorgos"}),
    ("greek", "Θεοδωράκης", {"en": "Theodorakis", "es": "Teodorakis"}),
    ("korean", "김정은", {"rr": "Gim Jeong-eun", "mr": "Kim Chŏng-ŭn"}),
    ("arabic", "ḥusayn", {"en": "Husayn", "de": "Hussein", "es": "Husein"}),
    ("arabic", "ǧamāl", {"en": "Jamal", "eg": "Gamal", "de": "Dschamal", "es": "Yamal"}),
    ("turkish", "Çavuşoğlu", {"en": "Cavusoglu", "de": "Tschavuschoglu"}),
    ("turkish", "İmamoğlu", {"en": "Imamoglu"}),
    ("armenian", "Փաշինյան", {"en": "Pashinyan", "de": "Paschinjan", "fr": "Pachinian"}),
    ("armenian", "Հովհաննիսյան", {"en": "Hovhannisyan", "ru": "Ovannisyan"}),
]  # fmt: skip


@pytest.mark.parametrize(("language", "name", "spellings"), PUBLISHED, ids=[name for _, name, _ in PUBLISHED])
def test_each_scheme_spells_a_well_known_name_as_published(
    language: str, name: str, spellings: dict[str, str]
) -> None:
    for convention, spelling in spellings.items():
        assert convention in CONVENTIONS[language]
        assert romanise(language, convention, name) == spelling, convention


def test_the_matcher_asked_is_the_one_of_the_entities_stage() -> None:
    assert may_be_one_name("Schewardnadse", "Shevardnadze")
    assert may_be_one_name("Kim Dschong-un", "Kim Jong-un")
    assert not may_be_one_name("Kim Dschong-un", "Kim Yo-jong")


def test_spellings_of_one_name_read_alike_and_different_names_apart() -> None:
    """Floors: 1954/2023 spelling pairs of one name joined, 69367/69402 pairs of different names and 941/976
    pairs of near names kept apart (python eval/transliteration.py, with the Arabic, Turkish and Armenian
    names); never lower them. Of the 35 wrong joins 16 are Arabic "Ghassan" / "Hasan" (the Russian-mediated
    "gh" and the Ukrainian "h" both read "g"), there before the Arabic rows."""
    scores = score_all()
    assert sum(score.same for score in scores) >= 1954
    assert sum(score.joined_wrongly for score in scores) <= 35
    assert sum(score.near_joined for score in scores) <= 35
    assert sum(score.names for score in scores) == 2023
    assert sum(score.near_pairs for score in scores) == 976


def test_west_asian_names_keep_apart_from_their_near_names() -> None:
    """Hasan / Husayn, Mehmet / Mahmut, Armen / Arman and the rest of the file's near pairs of the three
    languages: none joined in any pair of conventions (python eval/transliteration.py)."""
    west_asian = [score for score in score_all() if score.language in ("arabic", "turkish", "armenian")]
    assert sum(score.near_pairs for score in west_asian) == 372
    assert sum(score.near_joined for score in west_asian) == 0
