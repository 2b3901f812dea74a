"""Forward romanisations of Arabic, Turkish and Armenian names, written from the standards and press usage.

As ``eval/romanisations.py`` (whose ``CONVENTIONS`` holds these too), never from
``lexicons/transliteration.toml``:

- Arabic: the script writes no short vowels, so a name is given in a vocalised scholarly transliteration
  (DMG: ʾ ʿ ṯ ǧ ḥ ḫ ḏ š ṣ ḍ ṭ ẓ ġ, long vowels ā ī ū, a doubled letter for shadda). English papers of record
  print ALA-LC without its marks (Muhammad, Husayn, Khalid); Egyptian English papers the Cairene sound
  (g for ج, o and e for short u and i, ou for ū, ei for ay: Gamal, Hosni, Mahmoud, Hussein); French papers
  ou, ch, dj, kh, k for ق, ss between vowels, a sounded final "-ane" (Othmane); German papers sch, dsch,
  ch for خ, j for ي, ei and au for the diphthongs; Spanish papers j for خ, y for ج, ch for ش, single
  consonants.
- Turkish: a name in Turkish orthography. English papers drop the Turkish letters; German papers respell
  it (sch, tsch, dsch, j for y, ue and oe); French papers (ch, tch, dj, ou, u for ü); Spanish papers
  (sh, ch, the rest as English ones).
- Armenian (Eastern): English BGN/PCGN as the press prints it (-yan, kh, gh, ts, "ye"/"vo" at the start
  of a word), German press (sch, tsch, dsch, ch, w, j, -jan), French press (ou, ch, tch, dj, j for ժ,
  -ian, ss between vowels), and the Russian-mediated English spelling (the "h" dropped, "gh" as "g",
  "dzh" for ջ: Ovannisyan, Gazaryan).
"""

from __future__ import annotations

from collections.abc import Callable

from eval.romanisation_scheme import Scheme, spelled_by

__all__ = ["WEST_ASIAN_CONVENTIONS"]

# --- Arabic (vocalised DMG transliteration) ---------------------------------------------------------------
ARABIC_VOWELS = "aiuāīū"
ARABIC_CONSONANT_AFTER = f"(?![{ARABIC_VOWELS}])"  # a diphthong closes its syllable
ARABIC_BETWEEN_VOWELS = f"(?<=[{ARABIC_VOWELS}])"
# Spanish papers write a doubled (shadda) consonant once (Mohamed, Hasán).
ARABIC_DOUBLED = "bdfhklmnqrstwzṣḍṭẓḥ"
ALA_LC = {
    "ʾ": "", "ʿ": "", "ṯ": "th", "ǧ": "j", "ḥ": "h", "ḫ": "kh", "ḏ": "dh", "š": "sh", "ṣ": "s", "ḍ": "d",
    "ṭ": "t", "ẓ": "z", "ġ": "gh", "ā": "a", "ī": "i", "ū": "u",
}  # fmt: skip
ARABIC = {
    "en": Scheme((), ALA_LC),
    "eg": Scheme(
        (("ay" + ARABIC_CONSONANT_AFTER, "ei"),),
        {**ALA_LC, "ǧ": "g", "u": "o", "i": "e", "ū": "ou", "ṯ": "s", "ḏ": "z"},
    ),
    "fr": Scheme(
        (
            ("ay" + ARABIC_CONSONANT_AFTER, "ei"), ("ān$", "ane"),
            (ARABIC_BETWEEN_VOWELS + f"s(?=[{ARABIC_VOWELS}])", "ss"),
        ),
        {**ALA_LC, "ǧ": "dj", "š": "ch", "q": "k", "w": "ou", "u": "ou", "ū": "ou"},
    ),
    "de": Scheme(
        (("ay" + ARABIC_CONSONANT_AFTER, "ei"), ("aw" + ARABIC_CONSONANT_AFTER, "au"),
         (ARABIC_BETWEEN_VOWELS + f"s(?=[{ARABIC_VOWELS}])", "ss")),
        {**ALA_LC, "ǧ": "dsch", "š": "sch", "ḫ": "ch", "y": "j"},
    ),
    "es": Scheme(
        (("ay" + ARABIC_CONSONANT_AFTER, "ei"), ("aw" + ARABIC_CONSONANT_AFTER, "au"),
         *((letter * 2, ALA_LC.get(letter, letter)) for letter in ARABIC_DOUBLED)),
        {**ALA_LC, "ḫ": "j", "ǧ": "y", "š": "ch", "ṯ": "t", "ḏ": "d", "ġ": "g"},
    ),
}  # fmt: skip

# --- Turkish (Turkish orthography) -----------------------------------------------------------------------
TURKISH_ENGLISH = {"ç": "c", "ğ": "g", "ı": "i", "ö": "o", "ş": "s", "ü": "u"}
TURKISH = {
    "en": Scheme((), TURKISH_ENGLISH),
    "de": Scheme((), {**TURKISH_ENGLISH, "ç": "tsch", "c": "dsch", "ş": "sch", "y": "j", "ö": "oe",
                      "ü": "ue"}),
    "fr": Scheme((), {**TURKISH_ENGLISH, "ç": "tch", "c": "dj", "ş": "ch", "u": "ou", "ü": "u"}),
    "es": Scheme((), {**TURKISH_ENGLISH, "ç": "ch", "ş": "sh"}),
}  # fmt: skip


def _turkish_word(word: str) -> str:
    """Lower case as Turkish has it: "I" is dotless "ı", "İ" is "i" (Python's ``lower`` gets both wrong)."""
    return word.replace("I", "ı").replace("İ", "i").lower()


# --- Armenian (Eastern, BGN/PCGN 1981 for English) --------------------------------------------------------
ARMENIAN_BGN = {
    "ա": "a", "բ": "b", "գ": "g", "դ": "d", "ե": "e", "զ": "z", "է": "e", "ը": "y", "թ": "t", "ժ": "zh",
    "ի": "i", "լ": "l", "խ": "kh", "ծ": "ts", "կ": "k", "հ": "h", "ձ": "dz", "ղ": "gh", "ճ": "ch", "մ": "m",
    "յ": "y", "ն": "n", "շ": "sh", "ո": "o", "չ": "ch", "պ": "p", "ջ": "j", "ռ": "r", "ս": "s", "վ": "v",
    "տ": "t", "ր": "r", "ց": "ts", "ւ": "v", "փ": "p", "ք": "k", "և": "ev", "օ": "o", "ֆ": "f",
}  # fmt: skip
# "ու" is one vowel; "ե" and "ո" are "ye" and "vo" at the start of a word, "և" "yev".
ARMENIAN_START = (("ու", "u"), ("^ե", "ye"), ("^ո", "vo"), ("^և", "yev"))
ARMENIAN = {
    "en": Scheme(ARMENIAN_START, ARMENIAN_BGN),
    "de": Scheme(
        (("ու", "u"), ("^ե", "je"), ("^ո", "wo"), ("^և", "jew"), ("(?<=տ)չ", "sch")),
        {**ARMENIAN_BGN, "ժ": "sch", "խ": "ch", "ծ": "z", "ձ": "ds", "ճ": "tsch", "յ": "j", "շ": "sch",
         "չ": "tsch", "ջ": "dsch", "վ": "w", "ց": "z", "զ": "s"},
    ),
    "fr": Scheme(
        (("ու", "ou"), ("^ե", "e"), ("^ո", "vo"), ("յան$", "ian"), ("(?<=տ)չ", "ch"),
         ("(?<=[աեէըիո])ս(?=[աեէըիո])", "ss")),
        {**ARMENIAN_BGN, "ժ": "j", "շ": "ch", "ճ": "tch", "չ": "tch", "ջ": "dj"},
    ),
    "ru": Scheme((*ARMENIAN_START, ("հ", "")), {**ARMENIAN_BGN, "ղ": "g", "ջ": "dzh"}),
}  # fmt: skip

# language → newspaper convention → the name in that convention's spelling
WEST_ASIAN_CONVENTIONS: dict[str, dict[str, Callable[[str], str]]] = {
    "arabic": spelled_by(ARABIC),
    "turkish": spelled_by(TURKISH, _turkish_word),
    "armenian": spelled_by(ARMENIAN),
}
