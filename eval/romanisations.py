"""Forward romanisation schemes of the names news arrives with, written from the published standards.

Each scheme turns a name in its own script into the spelling one newspaper convention prints, so that
``eval/transliteration.py`` can test our matcher on spellings it was not grown from. The schemes are written
from the standards, never from ``lexicons/transliteration.toml``:

- Russian: English BGN/PCGN as the press prints it (no diacritics, "-sky"), German Duden (w, s for "з",
  sch, tsch, ch, j), Polish PWN (w, sz, cz, ch, ż, ł, "ie" after a consonant), French press (ou, ch, tch,
  kh, j for "ж", ï, "-ine"), Spanish Fundéu/EFE (j for "х", sh, zh, sch for "щ", y, gu).
- Ukrainian: the national system of 2010 (English press), and the Duden, PWN, French and Spanish schemes
  with the Ukrainian letters (г is h, и is y, і, ї, є). Belarusian and Kazakh: the same schemes with their
  letters (ў, і; ә, ғ, қ, ң, ө, ұ, ү, һ as English and German papers print them).
- Georgian: the national system of 2002 without its apostrophes (as the press prints it), German press
  (w, s, sch, tsch, ch, dsch, ds, z for "ც"/"წ"), Polish (w, sz, cz, ch, dż, ż, c), French (v, ch, tch, kh,
  dj, j, ou).
- Greek: ELOT 743 (passports, English press), German press (w, j before a front vowel, s for "ζ", u for
  "ου"), Spanish press (Fundéu: j for "χ", t for "θ", y before a front vowel, i for "υ", "η", "ει", "οι").
- Korean: Revised Romanization (2000), McCune–Reischauer (press form: no breves, no apostrophes), German
  press (MR with j, dsch, tsch, sch), French press (MR with tch, dj, ou, eu).

Arabic, Turkish and Armenian names are spelled by ``eval/romanisations_west_asia.py``. A scheme
(``eval/romanisation_scheme.py``) is an ordered list of (pattern on the lower-case native word, spelling),
applied in one pass, first rule first at each position: context rules (the start of a word, after a vowel)
come before the letters.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

from eval.romanisation_scheme import Scheme, spelled_by
from eval.romanisations_west_asia import WEST_ASIAN_CONVENTIONS

__all__ = ["CONVENTIONS", "romanise"]


# --- Cyrillic --------------------------------------------------------------------------------------------
CYRILLIC_VOWELS = "аеёиоуыэюяіїєәөұүў"
# "е", "ё", "ю", "я" are iotated at the start of a word and after a vowel or a hard or soft sign.
IOTATED = f"(?:^|(?<=[{CYRILLIC_VOWELS}ъь]))"
BETWEEN_VOWELS_S = f"(?<=[{CYRILLIC_VOWELS}])с(?=[{CYRILLIC_VOWELS}])"
HUSHING = "(?<=[жчшщ])"
NOT_IOTATED_AFTER = "(?<=[^жчшщцл" + CYRILLIC_VOWELS + "ъь])"  # a consonant that Polish softens with "i"

CYRILLIC_COMMON = {
    "а": "a", "б": "b", "д": "d", "ж": "zh", "з": "z", "и": "i", "к": "k", "л": "l", "м": "m", "н": "n",
    "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "ъ": "", "ы": "y", "ь": "",
    "э": "e",
}  # fmt: skip

RUSSIAN = {
    "en": Scheme(
        (
            (IOTATED + "е", "ye"), (HUSHING + "ё", "e"), ("ё", "yo"), ("ь(?=и)", "y"),
            ("(?<=[кц])ий$", "y"), ("ий$", "iy"), ("ый$", "y"),
        ),
        {**CYRILLIC_COMMON, "в": "v", "г": "g", "е": "e", "й": "y", "х": "kh", "ц": "ts", "ч": "ch",
         "ш": "sh", "щ": "shch", "ю": "yu", "я": "ya"},
    ),
    "de": Scheme(
        (
            (IOTATED + "е", "je"), (HUSHING + "ё", "o"), ("ё", "jo"), ("ь(?=и)", "j"), ("ий$", "i"),
            ("ый$", "y"), ("(?<=е)й", "j"), (f"й(?=[{CYRILLIC_VOWELS}])", "j"), (BETWEEN_VOWELS_S, "ss"),
        ),
        {**CYRILLIC_COMMON, "в": "w", "г": "g", "е": "e", "ж": "sch", "з": "s", "й": "i", "х": "ch",
         "ц": "z", "ч": "tsch", "ш": "sch", "щ": "schtsch", "ю": "ju", "я": "ja"},
    ),
    "pl": Scheme(
        (
            (IOTATED + "е", "je"), (IOTATED + "ё", "jo"), (IOTATED + "ю", "ju"), (IOTATED + "я", "ja"),
            ("(?<=[жчшщцл])ё", "o"), ("(?<=л)ю", "u"), ("(?<=л)я", "a"), ("(?<=[жчшщцл])е", "e"),
            (NOT_IOTATED_AFTER + "е", "ie"), ("ё", "io"), ("ю", "iu"), ("я", "ia"), ("(?<=[жшц])и", "y"),
            ("ь(?=и)", "j"), ("л(?=[еёюяиь])", "l"), ("(?<=[кг])ий$", "i"), ("ий$", "ij"), ("ый$", "y"),
        ),
        {**CYRILLIC_COMMON, "в": "w", "г": "g", "е": "e", "ж": "ż", "й": "j", "л": "ł", "х": "ch",
         "ц": "c", "ч": "cz", "ш": "sz", "щ": "szcz"},
    ),
    "fr": Scheme(
        (
            (f"(?<=[{CYRILLIC_VOWELS}])е", "ïe"), (HUSHING + "ё", "e"), ("ё", "io"), ("г(?=[еиы])", "gu"),
            (BETWEEN_VOWELS_S, "ss"), ("ий$", "i"), ("ый$", "y"), ("(?<=[аоуэе])й", "ï"),
            ("(?<=[аоуэ])и", "ï"), ("(?<=[аоуэ])я", "ïa"), ("(?<=[аоуэ])ю", "ïou"),
            ("ин$", "ine"), ("кс", "x"), ("ье", "ie"),
        ),
        {**CYRILLIC_COMMON, "в": "v", "г": "g", "е": "e", "ж": "j", "й": "i", "у": "ou", "х": "kh",
         "ц": "ts", "ч": "tch", "ш": "ch", "щ": "chtch", "ю": "iou", "я": "ia"},
    ),
    "es": Scheme(
        (
            (f"(?:^|(?<=[{CYRILLIC_VOWELS}]))е", "ye"), (HUSHING + "ё", "o"),
            (f"(?:^|(?<=[{CYRILLIC_VOWELS}]))ё", "yo"),
            ("ё", "io"), ("г(?=[еи])", "gu"), ("ий$", "i"), ("ый$", "i"), (f"й(?=[{CYRILLIC_VOWELS}])", "y"),
            (f"(?:^|(?<=[{CYRILLIC_VOWELS}]))я", "ya"), (f"(?:^|(?<=[{CYRILLIC_VOWELS}]))ю", "yu"),
            ("я", "ia"), ("ю", "iu"), ("ье", "ie"),
        ),
        {**CYRILLIC_COMMON, "в": "v", "г": "g", "е": "e", "й": "i", "х": "j", "ц": "ts", "ч": "ch",
         "ш": "sh", "щ": "sch"},
    ),
}  # fmt: skip

# Ukrainian: "г" is h, "ґ" g, "и" y, "е" never iotated, "є", "ї" are; -ський is "-ski" in Polish and
# Spanish papers and "-sky" in French ones.
UKRAINIAN_VOWELS = "аеиоуіїєюя"
UK_IOTATED = f"(?:^|(?<=[{UKRAINIAN_VOWELS}ь'’]))"
UKRAINIAN = {
    "en": RUSSIAN["en"].extended(
        (
            (UK_IOTATED + "є", "ye"), (UK_IOTATED + "ї", "yi"), (UK_IOTATED + "й", "y"),
            (UK_IOTATED + "ю", "yu"),
            (UK_IOTATED + "я", "ya"), ("зг", "zgh"), ("ий$", "yi"), ("е", "e"),
        ),
        {"г": "h", "ґ": "g", "и": "y", "і": "i", "ї": "i", "є": "ie", "й": "i", "ю": "iu", "я": "ia",
         "ь": ""},
    ),
    "de": RUSSIAN["de"].extended(
        (("ий$", "yj"), ("ій$", "ij"), ("ьо", "jo"), ("е", "e")),
        {"г": "h", "ґ": "g", "и": "y", "і": "i", "ї": "ji", "є": "je", "й": "j"},
    ),
    "pl": RUSSIAN["pl"].extended(
        (
            ("(?<=[сц])ький$", "ki"), ("ий$", "yj"), ("ій$", "ij"), (UK_IOTATED + "є", "je"),
            ("(?<=л)є", "e"),
            ("л(?=[еи])", "ł"),
            ("є", "ie"), ("л(?=[єюяіь])", "l"), ("е", "e"), ("и", "y"),
        ),
        {"г": "h", "ґ": "g", "і": "i", "ї": "ji"},
    ),
    "fr": RUSSIAN["fr"].extended(
        (("ий$", "y"), ("ій$", "iï"), ("е", "e"), ("и", "y"), ("ин$", "yne"), ("г", "h")),
        {"г": "h", "ґ": "g", "і": "i", "ї": "ï", "є": "ie"},
    ),
    "es": RUSSIAN["es"].extended(
        (("(?<=[сц])ький$", "ki"), ("ий$", "i"), ("ій$", "i"), ("е", "e"), ("г", "h"),
         (UK_IOTATED + "є", "ye"),
         (UK_IOTATED + "ї", "yi")),
        {"г": "h", "ґ": "g", "и": "i", "і": "i", "ї": "i", "є": "ie"},
    ),
}  # fmt: skip

# Belarusian: "г" is h, "ў" u (the national system; German and Polish papers print it so), "і" i.
BELARUSIAN_LETTERS = {"г": "h", "ґ": "g", "і": "i", "ў": "u"}
BELARUSIAN = {
    "en": RUSSIAN["en"].extended(
        ((f"(?<=[^{CYRILLIC_VOWELS}ъь'’])я", "ia"),
         (f"(?<=[^{CYRILLIC_VOWELS}ъь'’])ю", "iu"), ("кі$", "ki")),
        BELARUSIAN_LETTERS,
    ),
    "de": RUSSIAN["de"].extended((("кі$", "ki"),), BELARUSIAN_LETTERS),
    "pl": RUSSIAN["pl"].extended((("кі$", "ki"), ("л(?=[і])", "l")), BELARUSIAN_LETTERS),
}  # fmt: skip

# Kazakh letters as English (press form of BGN/PCGN) and German papers print them; the rest as Russian.
KAZAKH_LETTERS = {"ә": "a", "ғ": "g", "қ": "k", "ң": "ng", "ө": "o", "ұ": "u", "ү": "u", "һ": "h", "і": "i"}
KAZAKH = {
    "en": RUSSIAN["en"].extended(letters=KAZAKH_LETTERS),
    "de": RUSSIAN["de"].extended(letters={**KAZAKH_LETTERS, "ә": "ä", "ө": "ö", "ү": "ü"}),
    "pl": RUSSIAN["pl"].extended(letters={**KAZAKH_LETTERS, "ң": "ń"}),
}

# --- Georgian (Mkhedruli) --------------------------------------------------------------------------------
GEORGIAN_NATIONAL = {
    "ა": "a", "ბ": "b", "გ": "g", "დ": "d", "ე": "e", "ვ": "v", "ზ": "z", "თ": "t", "ი": "i", "კ": "k",
    "ლ": "l", "მ": "m", "ნ": "n", "ო": "o", "პ": "p", "ჟ": "zh", "რ": "r", "ს": "s", "ტ": "t", "უ": "u",
    "ფ": "p", "ქ": "k", "ღ": "gh", "ყ": "q", "შ": "sh", "ჩ": "ch", "ც": "ts", "ძ": "dz", "წ": "ts",
    "ჭ": "ch", "ხ": "kh", "ჯ": "j", "ჰ": "h",
}  # fmt: skip
GEORGIAN = {
    "en": Scheme((), GEORGIAN_NATIONAL),
    "de": Scheme(
        (),
        {**GEORGIAN_NATIONAL, "ვ": "w", "ზ": "s", "ჟ": "sch", "ყ": "k", "შ": "sch", "ჩ": "tsch", "ჭ": "tsch",
         "ც": "z", "წ": "z", "ძ": "ds", "ხ": "ch", "ჯ": "dsch"},
    ),
    "pl": Scheme(
        (),
        {**GEORGIAN_NATIONAL, "ვ": "w", "ჟ": "ż", "ყ": "k", "შ": "sz", "ჩ": "cz", "ჭ": "cz", "ც": "c",
         "წ": "c", "ხ": "ch", "ჯ": "dż"},
    ),
    "fr": Scheme(
        (),
        {**GEORGIAN_NATIONAL, "ჟ": "j", "ყ": "k", "შ": "ch", "ჩ": "tch", "ჭ": "tch", "ჯ": "dj", "უ": "ou"},
    ),
}  # fmt: skip

# --- Greek -----------------------------------------------------------------------------------------------
# Names are spelled with their stress accents kept: an unstressed "ι" before a vowel is a glide ("Γιώργος",
# Yorgos), a stressed "ί" a vowel of its own ("Γεωργίου", Yeoryíu). The accents are dropped in the output.
GREEK_VOWELS = "αάεέηήιίϊΐοόυύϋΰωώ"
GREEK_FRONT = "(?=[εέηήιίϊυύ]|α[ιί]|ε[ιί]|ο[ιί])"
GREEK_VOICELESS_AFTER = "(?=[θκξπσςτφχψ]|$)"
ELOT_LETTERS = {
    "α": "a", "β": "v", "γ": "g", "δ": "d", "ε": "e", "ζ": "z", "η": "i", "θ": "th", "ι": "i", "κ": "k",
    "λ": "l", "μ": "m", "ν": "n", "ξ": "x", "ο": "o", "π": "p", "ρ": "r", "σ": "s", "ς": "s", "τ": "t",
    "υ": "y", "φ": "f", "χ": "ch", "ψ": "ps", "ω": "o",
}  # fmt: skip
ACCENTED = {"ά": "α", "έ": "ε", "ή": "η", "ί": "ι", "ϊ": "ι", "ΐ": "ι", "ό": "ο", "ύ": "υ", "ϋ": "υ",
            "ΰ": "υ", "ώ": "ω"}  # fmt: skip


def _with_accents(letters: dict[str, str]) -> dict[str, str]:
    """A Greek letter table that spells an accented vowel as its plain one."""
    return {**letters, **{accented: letters[plain] for accented, plain in ACCENTED.items()}}


ELOT_CONTEXT = (
    ("ο[υύ]", "ou"),
    ("α[υύ]" + GREEK_VOICELESS_AFTER, "af"),
    ("ε[υύ]" + GREEK_VOICELESS_AFTER, "ef"),
    ("α[υύ]", "av"),
    ("ε[υύ]", "ev"),
    ("^μπ", "b"),
    ("γγ", "ng"),
    ("γξ", "nx"),
    ("γχ", "nch"),
)
GLIDE_GI = f"γι(?=[{GREEK_VOWELS}])"
GREEK = {
    "en": Scheme(ELOT_CONTEXT, _with_accents(ELOT_LETTERS)),
    "de": Scheme(
        ((GLIDE_GI, "j"), ("γ" + GREEK_FRONT, "j"), ("τζ", "tz"), ("ο[υύ]", "u"),
         (f"(?<=[{GREEK_VOWELS}])σ(?=[{GREEK_VOWELS}])", "ss"), *ELOT_CONTEXT),
        _with_accents({**ELOT_LETTERS, "β": "w", "ζ": "s"}),
    ),
    "es": Scheme(
        ((GLIDE_GI, "y"), ("γ" + GREEK_FRONT, "y"), ("ο[υύ]", "u"), ("α[ιί]", "e"), ("ε[ιί]", "i"),
         ("ο[ιί]", "i"), ("^μπ", "b"), ("μπ", "mb"), ("^ντ", "d"), ("ντ", "nd"), ("^γκ", "g"), ("γκ", "ng"),
         *ELOT_CONTEXT[1:]),
        _with_accents({**ELOT_LETTERS, "θ": "t", "υ": "i", "χ": "j"}),
    ),
}  # fmt: skip


def _greek_word(word: str) -> str:
    """Lower case, each accented vowel one character (as ``ACCENTED`` lists them)."""
    return unicodedata.normalize("NFC", word.lower())


# --- Korean (Hangul syllables) ---------------------------------------------------------------------------
KOREAN_INITIALS = ("g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t",
                   "p", "h")  # fmt: skip
KOREAN_MEDIALS_RR = ("a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo",
                     "we", "wi", "yu", "eu", "ui", "i")  # fmt: skip
KOREAN_MEDIALS_MR = ("a", "ae", "ya", "yae", "ŏ", "e", "yŏ", "ye", "o", "wa", "wae", "oe", "yo", "u", "wŏ",
                     "we", "wi", "yu", "ŭ", "ŭi", "i")  # fmt: skip
KOREAN_FINALS = ("", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p",
                 "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t")  # fmt: skip
# McCune–Reischauer: a plain stop is unvoiced at the start of a name part and after a stop, voiced after a
# vowel or n, l, m, ng; aspirated consonants carry an apostrophe the press leaves out.
MR_UNVOICED = {"g": "k", "d": "t", "b": "p", "j": "ch"}
MR_INITIALS = {"ch": "ch", "kk": "kk", "tt": "tt", "pp": "pp", "jj": "tch", "r": "r"}
# The one surname that is a lone vowel: each convention prints its customary form, not its letters.
KOREAN_SURNAME_FORMS = {"이": {"rr": "Lee", "mr": "Yi", "de": "Lee", "fr": "Lee"}}


def _syllables(word: str) -> list[tuple[int, int, int]]:
    """(initial, medial, final) indexes of each Hangul syllable of a word."""
    offsets = [ord(char) - 0xAC00 for char in word]
    return [(offset // 588, (offset % 588) // 28, offset % 28) for offset in offsets]


def _revised(word: str) -> str:
    """Revised Romanization of a name part, syllable by syllable (names keep each syllable's letters)."""
    return "".join(
        KOREAN_INITIALS[i] + KOREAN_MEDIALS_RR[m] + KOREAN_FINALS[f] for i, m, f in _syllables(word)
    ).replace("lr", "ll")


def _mccune(word: str) -> str:
    """McCune–Reischauer of a name part, in its press form (no breves or apostrophes left after folding)."""
    spelled, previous_final = [], None
    for initial, medial, final in _syllables(word):
        consonant = KOREAN_INITIALS[initial]
        voiced = previous_final is not None and KOREAN_FINALS[previous_final] in ("", "n", "l", "m", "ng")
        if consonant in MR_UNVOICED and not voiced:
            consonant = MR_UNVOICED[consonant]
        consonant = MR_INITIALS.get(consonant, consonant)
        vowel = KOREAN_MEDIALS_MR[medial]
        if consonant == "s" and vowel.startswith(("i", "wi")):
            consonant = "sh"
        spelled.append(consonant + vowel + KOREAN_FINALS[final])
        previous_final = final
    return "".join(spelled)


# German and French papers print Korean names as MR spelled with their own letters.
MR_GERMAN = Scheme((("(?<![ct])ch", "tsch"), ("tch", "tsch"), ("j", "dsch"), ("y", "j"), ("sh", "sch")), {})
MR_FRENCH = Scheme((("j", "dj"), ("(?<!t)ch", "tch"), ("sh", "ch"), ("ŭ", "eu"), ("u", "ou")), {})


def _korean(convention: str) -> Callable[[str], str]:
    def spell(name: str) -> str:
        surname, given = name[0], name[1:]
        if convention == "rr":
            parts = [_revised(surname), _revised_given(given)]
        else:
            parts = [_mccune(surname), _mccune_given(given)]
        if convention == "de":
            parts = [MR_GERMAN.spell(part) for part in parts]
        elif convention == "fr":
            parts = [MR_FRENCH.spell(part) for part in parts]
        parts[0] = KOREAN_SURNAME_FORMS.get(surname, {}).get(convention, parts[0])
        return " ".join(part.capitalize() for part in parts)

    return spell


def _revised_given(given: str) -> str:
    """A given name in RR: its syllables hyphenated ("Jeong-eun"), as the standard allows."""
    return "-".join(_revised(syllable) for syllable in given)


def _mccune_given(given: str) -> str:
    """A given name in MR: hyphenated, the second syllable's stop voiced after a voiced sound."""
    whole = _mccune(given)
    first = _mccune(given[0])
    return f"{first}-{whole[len(first) :]}" if len(given) > 1 else whole


# language → newspaper convention → the name in that convention's spelling
CONVENTIONS: dict[str, dict[str, Callable[[str], str]]] = {
    "russian": spelled_by(RUSSIAN),
    "ukrainian": spelled_by(UKRAINIAN),
    "belarusian": spelled_by(BELARUSIAN),
    "kazakh": spelled_by(KAZAKH),
    "georgian": spelled_by(GEORGIAN),
    "greek": spelled_by(GREEK, _greek_word),
    "korean": {convention: _korean(convention) for convention in ("rr", "mr", "de", "fr")},
    **WEST_ASIAN_CONVENTIONS,
}


def romanise(language: str, convention: str, name: str) -> str:
    """A name in its own script as the given convention prints it."""
    return CONVENTIONS[language][convention](name)
