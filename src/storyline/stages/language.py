"""The language stage: the article's language, and the fragments of its text written in another language.

Translated news keeps traces of its original: a bracketed editor's gloss in Polish inside an English
sentence, a quoted slogan in Ukrainian. Those fragments are flagged with their language and offsets into the
cleaned text; the copies stage reads them as translation traces and the report shows them.

Detection uses lingua. Its ``detect_multiple_languages_of`` is unreliable on short mixed text (it splits
inside words and labels names), so the text is cut into sentence-ish chunks and bracketed or quoted
sub-spans, and each chunk is judged on its own by lingua's confidence values. Almost every chunk of an
article is in the article's own language, so two cheap first passes set those aside: a chunk holding
function words only its document's language has ("the", "been": spaCy's stop lists, less every word another
news language lists too) is that language; otherwise lingua on trigrams only (~4× cheaper) decides when it
is sure, and the exact judgement (1- to 5-grams) runs on the few it cannot (issue #20). A Latin-script
chunk no language is sure of may be a language of another script written in Latin letters (romanised
Hindi), which lingua cannot know: its romanised function words name it (``romanised_language_of``).
"""

from __future__ import annotations

import dataclasses
import importlib.util
import re
import runpy
import unicodedata
from collections.abc import Iterator
from functools import cache, lru_cache
from pathlib import Path

from lingua import IsoCode639_1, Language, LanguageDetector, LanguageDetectorBuilder
from unidecode import unidecode

from storyline.config import DEFAULT_SETTINGS, LanguageSettings
from storyline.records import Article, ForeignFragment

# The languages of the outlets Storyline's users read (Europe, the post-Soviet space, the Middle East and
# East Asia, as ISO 639-1 codes). Restricting lingua to an expected set is ~7× faster than all 75 languages
# (which take ~1.2 GB loaded) and removes rare languages that short chunks get mistaken for.
NEWS_LANGUAGES: tuple[str, ...] = (
    "en", "pl", "es", "fr", "de", "ru", "uk", "it", "pt", "nl", "ko", "ar", "lt", "et", "lv", "fi",
    "sv", "da", "nb", "cs", "sk", "hu", "ro", "bg", "hr", "sr", "sl", "el", "tr", "he", "fa", "be",
    "ka", "ja", "zh", "hi",
)  # fmt: skip

LATIN_SCRIPT = frozenset(Language.all_with_latin_script())

# Languages in Latin script that news quotes untranslated but that Storyline's users rarely read: Indonesian
# and Malay, Tagalog, Swahili, Vietnamese, Afrikaans, Albanian. Left out of NEWS_LANGUAGES, a sentence in one
# of them spreads lingua's confidence over the loaded languages it half resembles (an Indonesian sentence: ro
# 0.35, et 0.09) and is never flagged. Loading them with the others would slow every chunk and shift the
# calibrated confidences (``config.LanguageSettings``), so they are asked only about a chunk the loaded
# languages cannot settle (``wider_language_of``, ``_reads_as``): ~1 a news article, ~7 % of the stage's CPU
# (measured on 226 FNC-1 bodies), and their 7 models take ~70 MB.
WIDER_LATIN_LANGUAGES: tuple[str, ...] = ("id", "ms", "tl", "sw", "vi", "af", "sq")
# Languages so close that lingua splits its confidence between them on a short sentence (Indonesian 0.50,
# Malay 0.49): the wider judgement adds up the confidence of the group and names its likeliest member.
CLOSE_RELATIVES: tuple[frozenset[str], ...] = (frozenset({"id", "ms"}),)

# How confident lingua must be, and how long a chunk, before it is called foreign are the stage's settings
# (``config.LanguageSettings``), with the measurements behind them.

# Sentence-ish chunks: up to a terminator or the end of a line. A period inside a number ("11.000") or after
# a day of the month ("am 15. Oktober", German and Polish write ordinals so) ends no sentence: cut there, an
# untranslated German sentence fell into pieces too short to judge. Merging an English "aged 15. Then" into
# one chunk costs nothing: the chunk still reads as English.
SENTENCE_PATTERN = re.compile(
    r"(?:[^\n.!?…]|(?<=\d)\.(?=\d)|(?<=\b\d)\.(?= \w)|(?<=\b\d\d)\.(?= \w))+"
    r"(?:[.!?…]+|$)",
    re.MULTILINE,
)
# Bracketed and quoted sub-spans; group "inner" is the fragment without its brackets or quote marks.
SUBSPAN_PATTERN = re.compile(
    r"\[(?P<square>[^\]\n]+)\]|\((?P<round>[^)\n]+)\)|“(?P<curly>[^”\n]+)”|„(?P<low>[^“”\n]+)[“”]"
    r"|«(?P<guillemet>[^»\n]+)»|\"(?P<straight>[^\"\n]+)\""
)
# Punctuation and dashes that open a chunk ("– I'm sure …") but belong to no language.
LEADING_PUNCTUATION = " \t\"'“”„«»‘’–—-([:;,"
TRAILING_PUNCTUATION = " \t\"'“”„«»‘’–—-)]:;,"
# Stripped from a word before it is looked up among function words ("that," → "that").
WORD_PUNCTUATION = ".,;:!?\"'“”„«»‘’()[]"


@lru_cache(maxsize=1)
def load_detector() -> LanguageDetector:
    """One lingua detector per process, restricted to NEWS_LANGUAGES (built on first use, not at import)."""
    return LanguageDetectorBuilder.from_languages(*map(_lingua_language, NEWS_LANGUAGES)).build()


@lru_cache(maxsize=1)
def load_screening_detector() -> LanguageDetector:
    """The first pass: the same languages on trigrams only (lingua's low accuracy mode). Its trigram models
    are the ones the exact detector loads too, shared within the process, so it costs no memory."""
    languages = map(_lingua_language, NEWS_LANGUAGES)
    return LanguageDetectorBuilder.from_languages(*languages).with_low_accuracy_mode().build()


@lru_cache(maxsize=1)
def load_wider_detector() -> LanguageDetector:
    """The Latin-script NEWS_LANGUAGES with WIDER_LATIN_LANGUAGES: the second opinion on a Latin-script chunk
    no loaded language is sure of. The NEWS_LANGUAGES models are shared with the other detectors."""
    codes = [*NEWS_LANGUAGES, *WIDER_LATIN_LANGUAGES]
    latin = [language for language in map(_lingua_language, codes) if language in LATIN_SCRIPT]
    return LanguageDetectorBuilder.from_languages(*latin).build()


@cache
def distinctive_function_words(code: str) -> frozenset[str]:
    """The words of spaCy's stop list for language ``code`` that no other NEWS_LANGUAGES list holds: "the",
    "that", "been" for English, not "a" or "to" (Polish words too). Empty where spaCy has no list."""
    others = set().union(*(_stop_words(other) for other in NEWS_LANGUAGES if other != code))
    return frozenset(word for word in _stop_words(code) - others if word.isalpha())


@cache
def _stop_words(code: str) -> frozenset[str]:
    """spaCy's stop list for a language, read from its file: importing ``spacy.lang.<code>`` would run each
    language package (2.2 s of CPU for the 36, against 0.01 s)."""
    spacy_spec = importlib.util.find_spec("spacy")
    if spacy_spec is None or spacy_spec.origin is None:
        return frozenset()
    path = Path(spacy_spec.origin).parent / "lang" / code / "stop_words.py"
    return frozenset(runpy.run_path(str(path)).get("STOP_WORDS", ())) if path.is_file() else frozenset()


def warm_up_detectors() -> None:
    """Load the models a Latin-script text needs: lingua's first step drops the languages whose alphabet a
    text does not use, so English news needs the 22 Latin-script NEWS_LANGUAGES (~600 MB, ~5 s of CPU) and
    never the others (~160 MB, ~1.3 s for all), which load when a text in their script first comes. The
    WIDER_LATIN_LANGUAGES load too (~0.6 s of CPU): English news asks them about a chunk or two an article.
    Models are shared by every detector of the process; a builder that preloads loads them on every core."""
    codes = [*NEWS_LANGUAGES, *WIDER_LATIN_LANGUAGES]
    latin = [language for language in map(_lingua_language, codes) if language in LATIN_SCRIPT]
    LanguageDetectorBuilder.from_languages(*latin).with_preloaded_language_models().build()
    sample = "Warm up the models of every language written in Latin script once."
    load_detector().compute_language_confidence_values(sample)
    load_screening_detector().compute_language_confidence_values(sample)
    load_wider_detector().compute_language_confidence_values(sample)
    distinctive_function_words("en")


def iso_code(language: Language) -> str:
    return language.iso_code_639_1.name.lower()


def normalise_language_tag(tag: str) -> str:
    """A language tag from metadata ("EN", "en-US", "pl_PL") as its lower-case primary subtag."""
    return re.split(r"[-_]", tag.strip(), maxsplit=1)[0].lower()


def detect_document_language(text: str, settings: LanguageSettings = DEFAULT_SETTINGS.language) -> str | None:
    """The language the text is written in, judged on its opening (``settings.document_sample_chars``), or
    None when lingua cannot tell (empty, digits)."""
    language = load_detector().detect_language_of(text[: settings.document_sample_chars])
    return iso_code(language) if language is not None else None


def content_words(chunk: str) -> list[str]:
    """The words of a chunk that carry its language: names (capitalised words) are dropped, because a name
    reads the same in every language and pulls the vote toward whatever its spelling resembles
    ("Gabrielius Landsbergis said" is 0.7 Lithuanian). Words in scripts without case are kept."""
    return [word for word in chunk.split() if any(ch.isalpha() for ch in word) and not word[0].isupper()]


def content_size(words: list[str]) -> int:
    """How many words a chunk's content holds; Chinese and Japanese write no spaces between words, so there
    roughly two characters count as one word."""
    return sum(max(1, len(word) // 2) if _is_unspaced_script(word) else 1 for word in words)


def _is_unspaced_script(word: str) -> bool:
    return any("\u3040" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff" for ch in word)


def foreign_language_of(chunk: str, document_language: str, settings: LanguageSettings) -> str | None:
    """The other language a chunk is confidently written in, or None."""
    words = content_words(chunk)
    if len(chunk.split()) < settings.min_fragment_words or content_size(words) < settings.min_content_words:
        return None
    # Both tests must pass; the one on the chunk's content words goes first because it is the cheaper
    # (names left out, a shorter text) and it already fails for almost every chunk of the document's own
    # language, which then skips the judgement of the whole chunk — the stage's main cost.
    document = _known_language(document_language)
    # A language lingua does not know (a feed's "und") cannot be what the content words read as.
    if document is not None and (
        _has_function_words(words, document_language, settings)
        or _reads_as(" ".join(words), document, settings)
    ):
        return None
    confidences = load_detector().compute_language_confidence_values(chunk)
    if not confidences:
        return None
    if confidences[0].value >= settings.foreign_confidence:
        language: str | None = iso_code(confidences[0].language)
    else:
        language = wider_language_of(chunk, settings) or romanised_language_of(chunk, words, settings)
    return None if language == document_language else language


def romanised_language_of(chunk: str, words: list[str], settings: LanguageSettings) -> str | None:
    """The language of another script a Latin-script chunk is written in, romanised ("Sab log so rahe the"
    is Hindi in Latin letters), or None. lingua knows each such language in its own script only, so a
    romanised sentence spreads its confidence over Latin-script languages it half resembles (Estonian
    0.22) and no test above names it. Read here by its function words: a chunk holding
    ``settings.function_words_screen`` of one language's romanised function words
    (``romanised_function_words``) and fewer of every other's. Only a chunk that no language of the
    NEWS_LANGUAGES or the wider Latin ones is sure of, and whose words do not read as the document's
    language, comes here (``foreign_language_of``)."""
    if not _is_latin_script(chunk):
        return None
    forms = [romanised_form(word) for word in words]
    found = {
        code: sum(form in function_words for form in forms)
        for code in NEWS_LANGUAGES
        if (function_words := romanised_function_words(code))
    }
    ranked = sorted(found.items(), key=lambda item: -item[1])
    if not ranked or ranked[0][1] < settings.function_words_screen:
        return None
    return ranked[0][0] if len(ranked) == 1 or ranked[1][1] < ranked[0][1] else None


def romanised_form(word: str) -> str:
    """A word in Latin letters (Unidecode), folded so that spellings of one word meet: lower case, letters
    only, no "a" (a transliteration leaves the inherent vowel of an Indian script unwritten, "rhe", where a
    writer spells it, "rahe"; "aa" for a long vowel is an "a" too), and no letter doubled ("kisii",
    "kisi")."""
    letters = re.sub(r"[^a-z]", "", unidecode(word).lower()).replace("a", "")
    return re.sub(r"(.)\1+", r"\1", letters)


@cache
def romanised_function_words(code: str) -> frozenset[str]:
    """The words of spaCy's stop list for a language written in another script than Latin, in their
    ``romanised_form``, less every form a Latin-script language's list takes too ("ko", "the", "so": Hindi
    words that read as Polish or English ones) and forms of one letter. Empty for a Latin-script language
    or one spaCy has no list for."""
    if _lingua_language(code) in LATIN_SCRIPT:
        return frozenset()
    latin = [other for other in NEWS_LANGUAGES if _lingua_language(other) in LATIN_SCRIPT]
    taken = {romanised_form(word) for other in latin for word in _stop_words(other)}
    forms = {romanised_form(word) for word in _stop_words(code)}
    return frozenset(form for form in forms - taken if len(form) > 1)


def wider_language_of(chunk: str, settings: LanguageSettings) -> str | None:
    """The language of a Latin-script chunk among NEWS_LANGUAGES and WIDER_LATIN_LANGUAGES when lingua is
    sure of it there, close relatives' confidence added up; None otherwise. Only a chunk whose letters are
    all Latin is asked: the wider languages are all written so."""
    if not _is_latin_script(chunk):
        return None
    confidences = load_wider_detector().compute_language_confidence_values(chunk)
    totals: dict[frozenset[str], float] = {}
    for confidence in confidences:
        group = _relatives(iso_code(confidence.language))
        totals[group] = totals.get(group, 0.0) + confidence.value
    best = max(totals, key=totals.__getitem__, default=None)
    if best is None or totals[best] < settings.foreign_confidence:
        return None
    # The likeliest member of the group: confidences come sorted, most likely first.
    return next(code for c in confidences if (code := iso_code(c.language)) in best)


def _relatives(code: str) -> frozenset[str]:
    """The CLOSE_RELATIVES group a language belongs to, or the language alone."""
    return next((group for group in CLOSE_RELATIVES if code in group), frozenset({code}))


def _is_latin_script(text: str) -> bool:
    """Whether every letter of the text is a Latin one."""
    return all(not ch.isalpha() or ch.isascii() or "LATIN" in unicodedata.name(ch, "") for ch in text)


def _has_function_words(words: list[str], code: str, settings: LanguageSettings) -> bool:
    """Whether the words hold enough function words that only the document's language uses."""
    function_words = distinctive_function_words(code)
    found = sum(word.strip(WORD_PUNCTUATION).lower() in function_words for word in words)
    return found >= settings.function_words_screen


def _reads_as(text: str, document: Language, settings: LanguageSettings) -> bool:
    """Whether ``text`` reads as the document's language: the first pass decides when it is sure, the exact
    detector otherwise."""
    screened = load_screening_detector().compute_language_confidence(text, document)
    if screened > settings.document_language_screen:
        return True
    if load_detector().compute_language_confidence(text, document) <= settings.document_language_ceiling:
        return False
    # A Latin-script text in a language not loaded (Tagalog, Malay) leaves the document's language a share
    # it has no claim to (English 0.12 on a Tagalog sentence's words, 0.001 once Tagalog is among the
    # candidates): the wider languages judge it again. Only the few chunks neither test above settles.
    if document not in LATIN_SCRIPT or not _is_latin_script(text):
        return True
    wider = load_wider_detector().compute_language_confidence(text, document)
    return wider > settings.document_language_ceiling


def _lingua_language(code: str) -> Language:
    return Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper()))


def _known_language(code: str) -> Language | None:
    """The lingua language of an ISO 639-1 code, or None for a tag lingua does not know."""
    return _lingua_language(code) if hasattr(IsoCode639_1, code.upper()) else None


def trimmed_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without the punctuation and spaces around it."""
    while start < end and text[start] in LEADING_PUNCTUATION:
        start += 1
    while end > start and text[end - 1] in TRAILING_PUNCTUATION:
        end -= 1
    return start, end


def sentence_spans(text: str) -> Iterator[tuple[int, int]]:
    for found in SENTENCE_PATTERN.finditer(text):
        start, end = trimmed_span(text, found.start(), found.end())
        if start < end:
            yield start, end


def subspans(text: str) -> Iterator[tuple[int, int]]:
    """Bracketed and quoted stretches of the text, without their brackets or quote marks."""
    for found in SUBSPAN_PATTERN.finditer(text):
        group = found.lastgroup
        assert group is not None  # every alternative of the pattern is one named group
        start, end = trimmed_span(text, found.start(group), found.end(group))
        if start < end:
            yield start, end


def find_foreign_fragments(
    text: str, document_language: str, settings: LanguageSettings = DEFAULT_SETTINGS.language
) -> list[ForeignFragment]:
    """Bracketed or quoted stretches (a gloss, a quotation) and whole sentences written in a language other
    than the document's. A sentence is judged without its foreign stretches, so an English sentence holding
    a Polish gloss is not itself called Polish; a sentence that is foreign without them replaces them."""
    quoted = [
        ForeignFragment(text[start:end], language, start, end)
        for start, end in subspans(text)
        if (language := foreign_language_of(text[start:end], document_language, settings)) is not None
    ]
    sentences: list[ForeignFragment] = []
    for start, end in sentence_spans(text):
        inside = [fragment for fragment in quoted if start <= fragment.start and fragment.end <= end]
        language = foreign_language_of(_without_spans(text, start, end, inside), document_language, settings)
        if language is not None:
            sentences.append(ForeignFragment(text[start:end], language, start, end))
    uncovered = [q for q in quoted if not any(s.start <= q.start and q.end <= s.end for s in sentences)]
    return sorted(sentences + uncovered, key=lambda fragment: (fragment.start, fragment.end))


def _without_spans(text: str, start: int, end: int, spans: list[ForeignFragment]) -> str:
    pieces, cursor = [], start
    for span in sorted(spans, key=lambda fragment: fragment.start):
        pieces.append(text[cursor : span.start])
        cursor = span.end
    pieces.append(text[cursor:end])
    return " ".join(pieces)


def detect_languages(article: Article, settings: LanguageSettings = DEFAULT_SETTINGS.language) -> Article:
    """The article with its language (metadata wins over detection) and its foreign fragments."""
    language = (
        normalise_language_tag(article.language)
        if article.language
        else detect_document_language(article.text, settings)
    )
    fragments = find_foreign_fragments(article.text, language, settings) if language else []
    return dataclasses.replace(article, language=language, foreign_fragments=tuple(fragments))
