"""Who an article names, as the keys the story index compares: actor keys (a resolved entity, else the
normalised name, a person's surname alone, an organisation's initials), and which of them are rare enough
to say what a report is about (``salient_actors``, ``repeated_actors``: a name general text seldom uses).
A live blog is placed by the names of its title and first entry only (``headline_mentions``).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence, Set
from functools import lru_cache

from storyline.config import DEFAULT_SETTINGS, StoriesSettings
from storyline.embeddings import general_vocabulary
from storyline.lexicons import load_lexicon
from storyline.records import ROLE_LABEL, ArticleAnalysis, Entity, Mention

# Normalised names kept (``_normalised``): a collection names far fewer distinct people and bodies than it
# has mentions, and each mention is normalised three to five times as an article is profiled.
NORMALISED_NAMES_KEPT = 1 << 16


def mention_entities(entities: Iterable[Entity]) -> dict[tuple[str, int, int], str]:
    """(article, start, end) of each resolved mention → its entity's id, looked up by ``actor_keys``."""
    return {
        (mention.article, mention.start, mention.end): entity.id
        for entity in entities
        for mention in entity.mentions
    }


def actor_keys(
    mentions: Iterable[Mention],
    entity_of: Mapping[tuple[str, int, int], str],
    settings: StoriesSettings = DEFAULT_SETTINGS.stories,
) -> set[str]:
    """Keys of the actors an article names: the resolved entity's id when known, else the normalised name
    (diacritics and case folded, a leading "the" dropped). A person's surname also stands alone, resolved or
    not: "Rutte" meets "Mark Rutte" before cross-article resolution has run, and a report that writes only
    "Jackman" meets one that names "Hugh Jackman" whichever entity resolution made of each. Resolution joins
    a lone surname to its article's full name in some articles and not in others (``entities.resolve``);
    keyed by the entity alone, reports of one event lost the actor they shared (with that rule, PolNeAR
    2016-09 B3 P 0.892 keyed by entity alone, 0.906 with the surname)."""
    keys = set()
    for mention in mentions:
        if mention.label == ROLE_LABEL:
            continue  # "its director", "the minister": a description no name explained is no actor to share
        name = _normalised(mention.refers_to or mention.text)
        entity = entity_of.get((mention.article, mention.start, mention.end))
        if entity is not None:
            keys.add(entity)
        elif name:
            keys.add(name)
            if mention.label == "ORG":
                keys.update(_acronym(name.split(), settings.min_acronym_letters))
        if mention.label == "PERSON" and name:
            keys.add(name.split()[-1])
    return keys


def salient_actors(
    analysis: ArticleAnalysis,
    entity_of: Mapping[tuple[str, int, int], str],
    settings: StoriesSettings = DEFAULT_SETTINGS.stories,
) -> frozenset[str]:
    """The actor keys of what a report is about, when the name is a rare one: among its
    ``salient_actor_rank`` most often named (``min_salient_mentions`` times at least) and with a word that
    general text seldom uses (``unfamiliar_name``; a person by ``rare_surnames``). Such a name is named by
    the reports of its story, and of little else, whoever else they quote: "Curiel", the judge of the Trump
    University suits, beside "Trump" (issue #14). A name every report of a beat carries (a candidate, a
    country) is familiar, and where a collection is large its counts tell the rest
    (``stories.evidence.shared_subject``). Empty without the encoder's vocabulary."""
    counts, rare = _rare_name_counts(analysis, entity_of, settings)
    ranked = sorted(set(counts.values()), reverse=True)[: settings.salient_actor_rank]
    floor = max([settings.min_salient_mentions, *ranked[-1:]])
    return frozenset(key for key in rare if counts[key] >= floor)


def rare_subjects(
    analysis: ArticleAnalysis,
    entity_of: Mapping[tuple[str, int, int], str],
    settings: StoriesSettings = DEFAULT_SETTINGS.stories,
) -> frozenset[str]:
    """The keys of the people of unfamiliar names (as ``salient_actors`` judges them) that a report names
    ``min_subject_mentions`` times at least, whatever else it names more: the gunman that a report on the
    candidates' responses to a shooting names twice (``stories.developing``). People only: an unfamiliar
    organisation is as often an acronym of the beat ("GOP", "DNC"), which joined reports of a week's
    politics. Empty without the encoder's vocabulary."""
    counts, rare = _rare_name_counts(analysis, entity_of, settings, people_only=True)
    return frozenset(key for key in rare if counts[key] >= settings.min_subject_mentions)


def headline_subjects(
    analysis: ArticleAnalysis,
    entity_of: Mapping[tuple[str, int, int], str],
    settings: StoriesSettings = DEFAULT_SETTINGS.stories,
) -> frozenset[str]:
    """The keys of the people of unfamiliar names (as ``rare_subjects`` judges them) whose surname the
    headline writes (the title, else the text's first line when more follow: a text of one line has no
    headline): a headline names whom its report is about,
    though the text names him once ("Was firing Lewandowski the start of a reset?", a podcast's talk
    mostly of others). Empty without the encoder's vocabulary."""
    lines = analysis.article.text.strip().split("\n", 1)
    headline = set(_normalised(analysis.article.title or (lines[0] if len(lines) > 1 else "")).split())
    _counts, rare = _rare_name_counts(analysis, entity_of, settings, people_only=True)
    keys: set[str] = set()
    for mention in headline_mentions(analysis, settings):
        words = _normalised(mention.refers_to or mention.text).split()
        if mention.label == "PERSON" and words and words[-1] in headline:
            keys |= actor_keys((mention,), entity_of, settings) & rare
    return frozenset(keys)


def _rare_name_counts(
    analysis: ArticleAnalysis,
    entity_of: Mapping[tuple[str, int, int], str],
    settings: StoriesSettings,
    people_only: bool = False,
) -> tuple[Counter[str], set[str]]:
    """How often an article's ``headline_mentions`` name each actor key, and which keys are of unfamiliar
    names (none without the encoder's vocabulary; with ``people_only``, of people's names only)."""
    vocabulary = general_vocabulary()
    counts: Counter[str] = Counter()
    rare: set[str] = set()
    if vocabulary is None:
        return counts, rare
    mentions = headline_mentions(analysis, settings)
    full_names = person_full_names(mentions)
    surnames = rare_surnames(full_names, vocabulary, settings.rare_family_names)
    for mention in mentions:
        keys = actor_keys((mention,), entity_of, settings)
        counts.update(keys)
        if people_only and mention.label != "PERSON":
            continue
        entity = entity_of.get((mention.article, mention.start, mention.end))
        rare.update(_unfamiliar_keys(mention, keys, entity, vocabulary, surnames, set(full_names)))
    return counts, rare


def repeated_actors(
    analysis: ArticleAnalysis,
    entity_of: Mapping[tuple[str, int, int], str],
    settings: StoriesSettings = DEFAULT_SETTINGS.stories,
) -> frozenset[str]:
    """The actor keys an article names ``min_subject_mentions`` times at least among its
    ``headline_mentions`` (a mention resolved to a name counts for it: "the judge"): what it names more than
    in passing (``stories.evidence.names_subject``)."""
    counts: Counter[str] = Counter()
    for mention in headline_mentions(analysis, settings):
        counts.update(actor_keys((mention,), entity_of, settings))
    return frozenset(key for key, count in counts.items() if count >= settings.min_subject_mentions)


def person_full_names(mentions: Iterable[Mention]) -> dict[str, list[str]]:
    """Each surname of the people an article names, with the full names it writes it in (a lone surname
    adds none)."""
    full_names: defaultdict[str, list[str]] = defaultdict(list)
    for mention in mentions:
        if mention.label == "PERSON":
            words = _normalised(mention.refers_to or mention.text).split()
            if words:
                full_names[words[-1]] += [" ".join(words)] if len(words) > 1 else []
    return dict(full_names)


def rare_surnames(
    full_names: Mapping[str, Sequence[str]], vocabulary: Set[str], by_full_names: bool = True
) -> set[str]:
    """The surnames (of ``person_full_names``) whose people have rare names: an unfamiliar surname, or (with
    ``by_full_names``, settings ``rare_family_names``) a familiar word that every full name the article
    writes with it makes rare. "Khan" is a word of general text, but a report that names only Khizr, Ghazala
    and Humayun Khan is about one family whose name few reports write (issue #14: PolNeAR's reports of
    Trump's clash with the Khans were four stories). A family with one familiar full name stays familiar: a
    report on Ivanka Trump names "Donald Trump" too, and "Trump" is what every report of that beat writes."""
    return {
        surname
        for surname, names in full_names.items()
        if unfamiliar_name(surname, vocabulary)
        or (by_full_names and bool(names) and all(unfamiliar_name(name, vocabulary) for name in names))
    }


def _unfamiliar_keys(
    mention: Mention,
    keys: Iterable[str],
    entity: str | None,
    vocabulary: Set[str],
    surnames: Set[str],
    people: Set[str],
) -> set[str]:
    """The keys of a mention whose name is unfamiliar. A person is judged by the surname, among the article's
    ``rare_surnames``: "Ivanka Trump" is of a familiar family (and entity resolution joined "Ivana Trump" to
    her in a PolNeAR report: a divorce file and a leave plan were one story by it). An organisation named
    after a person the article names (``people``, their surnames) is rare whatever its words
    (``named_after_a_person``). Otherwise a key of name words is judged by its own words, an entity's id by
    the name it was written with."""
    name = _normalised(mention.refers_to or mention.text)
    if mention.label == "PERSON":
        return set(keys) if name and name.split()[-1] in surnames else set()
    if mention.label == "ORG" and named_after_a_person(name, people):
        return set(keys)
    return {key for key in keys if unfamiliar_name(name if key == entity else key, vocabulary)}


def named_after_a_person(name: str, people: Set[str]) -> bool:
    """Whether an organisation's name is a person's surname (one of ``people``) followed by more words:
    "Trump University", "Clinton Foundation", one person's venture. Every word of it is familiar, yet it
    names one body that few reports name, as a rare person's name does (issue #14: PolNeAR's explainer of
    the Trump University suits and the report of their judge's unsealing order, nine days apart, were two
    stories; the suits were what both were about)."""
    words = name.split()
    return len(words) > 1 and words[0] in people


def unfamiliar_name(name: str, vocabulary: Set[str]) -> bool:
    """Whether a normalised name has a word the encoder's vocabulary lacks (``general_vocabulary``: the
    ~23,000 whole words of the text it was trained on). "Trump", "Clinton", "Obama", "Congress" are words
    of it; "Curiel", "Pagliano", "Holtz-Eakin" are cut into pieces: a prior on how often a name is written
    that needs no corpus, where a handful of articles cannot tell a beat's name from a story's."""
    return any(word.isalpha() and not _familiar_word(word, vocabulary) for word in name.split())


def _familiar_word(word: str, vocabulary: Set[str]) -> bool:
    """Whether a word is of general text: in the vocabulary, or a plural whose singular is. The encoder's
    vocabulary lacks many plurals ("latinos", "hispanics", "mexicans": a group, which a tagger may call a
    person), while the singular is a word of it."""
    return word in vocabulary or (len(word) > 3 and word.endswith("s") and word[:-1] in vocabulary)


def headline_mentions(
    analysis: ArticleAnalysis, settings: StoriesSettings = DEFAULT_SETTINGS.stories
) -> tuple[Mention, ...]:
    """The mentions an article is placed by: all of them, but for a live blog (``min_live_blog_stamps`` entry
    stamps, ``lexicons/stories.toml``) those of its title and first entry, the entry its title reports. Its
    other entries report the day's other events; with their names counted, a live blog on a leaked tax return
    shared too small a part of its dozens of names with the other reports of that leak (issue #14)."""
    stamp = re.compile(load_lexicon("stories")["live_blog_stamp"], re.MULTILINE | re.IGNORECASE)
    stamps = list(stamp.finditer(analysis.article.text))
    if len(stamps) < settings.min_live_blog_stamps:
        return analysis.mentions
    second_entry = stamps[1].start()
    return tuple(mention for mention in analysis.mentions if mention.start < second_entry)


def person_name_words(mentions: Iterable[Mention]) -> set[str]:
    """The words of the people an article names. A headline parses a name as a verb or a common noun ("Trump
    still ducks on taxes", "Trump not walking the walk": "trump" the root verb), and a lemma that is a name
    names no event: unrelated reports about one person shared it as their event (issue #14: a live blog
    joined PolNeAR's debate story by it alone)."""
    return {
        word
        for mention in mentions
        if mention.label == "PERSON"
        for word in _normalised(mention.refers_to or mention.text).split()
    }


def _acronym(words: Sequence[str], min_letters: int) -> set[str]:
    """The initials an organisation's long form is abbreviated by ("national civil defence directorate" ->
    "ncdd"), as a key of its own: an article that writes only "NCDD" then meets one that writes the long
    form, as cross-article resolution would join them. Three letters at least: two-letter initials name
    too many bodies to say which."""
    stopwords = load_lexicon("entities")["acronym_stopwords"]
    initials = "".join(word[0] for word in words if word not in stopwords)
    return {initials} if len(initials) >= min_letters else set()


@lru_cache(maxsize=NORMALISED_NAMES_KEPT)
def _normalised(name: str) -> str:
    folded = unicodedata.normalize("NFKD", name.casefold())
    plain = "".join(char for char in folded if not unicodedata.combining(char))
    words = re.findall(r"\w+", plain)
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)
