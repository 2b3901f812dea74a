"""The stories stage: articles clustered into stories, incrementally.

Each article is reduced to a profile — an embedding of its title and lead (all-MiniLM-L6-v2, when
installed), its actors (named mentions, keyed by the resolved entity when one is known) and its lead words —
and placed by ``StoryIndex`` (``stories.index``): it joins the best existing story or starts one, within a
time window, comparing only with candidate stories found through an inverted index of actors and the
nearest story centroids, never with every article. The same index serves a whole batch (``cluster_stories``)
and a persistent store that grows one article at a time (the pipeline keeps its state as ``StoryTrack``s).

Without the embedding model the score is the first cut's: weighted actor overlap plus lead-word overlap.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence, Set
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS

from storyline.config import DEFAULT_SETTINGS, StoriesSettings
from storyline.embeddings import EMBED_BATCH_SIZE, Embedder, general_vocabulary, load_embedder
from storyline.lexicons import load_lexicon
from storyline.records import (
    ROLE_LABEL,
    Article,
    ArticleAnalysis,
    Entity,
    Mention,
    Story,
    StoryEvent,
    StoryTrack,
)
from storyline.stages.stories.index import ArticleProfile, StoryIndex, StoryUpdate, story_id

__all__ = [
    "ArticleProfile",
    "StoryIndex",
    "StoryListing",
    "StoryUpdate",
    "article_triggers",
    "cluster_stories",
    "headline_mentions",
    "list_stories",
    "live_tracks",
    "profile_articles",
    "repeated_actors",
    "story_id",
]

# Tuned lengths and bounds (lead words, embedded words, the dateline, the obituary lag, acronym letters) are
# the stage's settings (``config.StoriesSettings``), with the figures that chose them.
WORD = re.compile(r"[^\W\d_]{3,}")
ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
STATED_YEAR = re.compile(r"^\d{4}(?:-|$)")
ISO_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
# A title made of a first line is cut here for display (not a tuned figure).
MAX_TITLE_CHARS = 120
# Normalised names kept (``_normalised``): a collection names far fewer distinct people and bodies than it
# has mentions, and each mention is normalised three to five times as an article is profiled.
NORMALISED_NAMES_KEPT = 1 << 16


def profile_articles(
    analyses: Sequence[ArticleAnalysis],
    embedder: Embedder | None,
    entity_of: Mapping[tuple[str, int, int], str] | None = None,
    settings: StoriesSettings = DEFAULT_SETTINGS.stories,
) -> list[ArticleProfile]:
    """One profile per analysis, in order; titles and leads are embedded in batches."""
    profiles = []
    for start in range(0, len(analyses), EMBED_BATCH_SIZE):
        batch = analyses[start : start + EMBED_BATCH_SIZE]
        vectors = embedder([_embedded_text(a.article, settings) for a in batch]) if embedder else None
        for offset, analysis in enumerate(batch):
            article = analysis.article
            profiles.append(
                ArticleProfile(
                    article_id=article.id,
                    title=_story_title(article),
                    published=_published(analysis, settings),
                    period=published_month(article.published),
                    actors=frozenset(
                        actor_keys(headline_mentions(analysis, settings), entity_of or {}, settings)
                    ),
                    words=frozenset(_lead_words(article, settings) | _year_words(analysis, settings)),
                    vector=None if vectors is None else vectors[offset],
                    has_title=bool(article.title),
                    triggers=article_triggers(analysis, settings),
                    salient=salient_actors(analysis, entity_of or {}, settings),
                    repeated=repeated_actors(analysis, entity_of or {}, settings),
                )
            )
    return profiles


def cluster_stories(
    analyses: Sequence[ArticleAnalysis],
    entities: Sequence[Entity] = (),
    settings: StoriesSettings = DEFAULT_SETTINGS.stories,
    embedder: Embedder | None = None,
) -> list[Story]:
    """Group articles into stories; every article belongs to exactly one story. Articles are placed in
    publication order (then by id), so the result does not depend on the order they were given in; each
    story lists its articles in input order. ``embedder`` defaults to the shared model when
    ``settings.embeddings`` is on and the model is installed."""
    if embedder is None and settings.embeddings:
        embedder = load_embedder()
    entity_of = {
        (mention.article, mention.start, mention.end): entity.id
        for entity in entities
        for mention in entity.mentions
    }
    profiles = profile_articles(analyses, embedder, entity_of, settings)
    index = StoryIndex(settings)
    for profile in sorted(profiles, key=lambda p: (p.published or date.max, p.article_id)):
        index.add(profile)
    order = {analysis.article.id: position for position, analysis in enumerate(analyses)}
    stories = [_in_input_order(story, order) for story in index.stories()]
    return sorted(stories, key=lambda story: (-len(story.articles), order[story.articles[0]]))


def place_articles(
    index: StoryIndex, analyses: Sequence[ArticleAnalysis], embedder: Embedder | None
) -> list[StoryUpdate]:
    """Add articles to a live index in the order given (a stream), one update per article."""
    profiles = profile_articles(analyses, embedder, settings=index.settings)
    return [index.add(profile) for profile in profiles]


@dataclass(frozen=True, slots=True)
class StoryListing:
    """Stories as rows for listing: ``columns`` in order, the per-outlet article counts last."""

    columns: list[str]
    rows: list[dict[str, Any]]


LISTING_COLUMNS = ["id", "title", "articles", "first_date", "last_date", "representative"]
UNKNOWN_OUTLET = "(unknown outlet)"


def list_stories(
    tracks: Sequence[StoryTrack], outlet_of: Mapping[str, str | None], events: Sequence[StoryEvent] = ()
) -> StoryListing:
    """Live stories, largest first, each with its article count per source outlet (``outlets``) and the
    merges and splits it took part in (``events``, oldest first, ``other`` naming the other story)."""
    live = sorted(live_tracks(tracks), key=lambda track: -len(track.articles))
    events_of: dict[str, list[dict[str, Any]]] = {}
    for event in events:
        for this, other in ((event.story, event.other), (event.other, event.story)):
            events_of.setdefault(this, []).append(
                {"kind": event.kind, "other": other, "article": event.article, "score": event.score}
            )
    rows: list[dict[str, Any]] = []
    outlets: set[str] = set()
    counts: list[Counter[str]] = []
    for track in live:
        per_outlet = Counter(outlet_of.get(article) or UNKNOWN_OUTLET for article in track.articles)
        outlets.update(per_outlet)
        counts.append(per_outlet)
        rows.append(
            {
                "id": track.id,
                "title": track.title,
                "articles": len(track.articles),
                "first_date": track.first_date,
                "last_date": track.last_date,
                "representative": track.representative,
                "events": events_of.get(track.id, []),
            }
        )
    outlet_columns = sorted(outlets)
    for row, per_outlet in zip(rows, counts, strict=True):
        row["outlets"] = {outlet: per_outlet[outlet] for outlet in outlet_columns}
    return StoryListing(LISTING_COLUMNS + outlet_columns, rows)


def live_tracks(tracks: Iterable[StoryTrack]) -> list[StoryTrack]:
    """The live stories among stored tracks, each listing the members of its provisional parts too (a store
    keeps those under the part, so that a split can give them back)."""
    all_tracks = list(tracks)
    part_members: dict[str, list[str]] = defaultdict(list)
    for track in all_tracks:
        if track.merged_into is not None:
            part_members[track.merged_into] += track.articles
    live = []
    for track in all_tracks:
        if track.merged_into is None:
            held = set(track.articles)
            extra = tuple(article for article in part_members.get(track.id, ()) if article not in held)
            live.append(dataclasses.replace(track, articles=track.articles + extra) if extra else track)
    return live


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
    vocabulary = general_vocabulary()
    if vocabulary is None:
        return frozenset()
    mentions = headline_mentions(analysis, settings)
    full_names = person_full_names(mentions)
    surnames = rare_surnames(full_names, vocabulary, settings.rare_family_names)
    counts: Counter[str] = Counter()
    rare: set[str] = set()
    for mention in mentions:
        keys = actor_keys((mention,), entity_of, settings)
        counts.update(keys)
        entity = entity_of.get((mention.article, mention.start, mention.end))
        rare.update(_unfamiliar_keys(mention, keys, entity, vocabulary, surnames, set(full_names)))
    ranked = sorted(set(counts.values()), reverse=True)[: settings.salient_actor_rank]
    floor = max([settings.min_salient_mentions, *ranked[-1:]])
    return frozenset(key for key in rare if counts[key] >= floor)


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
    return any(word.isalpha() and word not in vocabulary for word in name.split())


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


def article_triggers(
    analysis: ArticleAnalysis, settings: StoriesSettings = DEFAULT_SETTINGS.stories
) -> frozenset[str]:
    """What the story index compares an article's event by (``stories.evidence.events_agree``): its lead's
    trigger lemmas less the words of the people it names, and the past years it is about (``past_years``)."""
    lemmas = frozenset(analysis.triggers) - person_name_words(analysis.mentions)
    return lemmas | past_years(analysis, settings)


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


def past_years(analysis: ArticleAnalysis, settings: StoriesSettings = DEFAULT_SETTINGS.stories) -> set[str]:
    """The years, as digits, that a text writes out at least ``min_past_year_mentions`` times and that lie
    ``min_past_year_gap`` years or more before the year it places itself in (``_year_words``): the past the
    report is about ("Trump's 1995 tax return"), which its follow-ups and reactions state too, whatever verbs
    their leads use."""
    placed = _year_words(analysis, settings)
    if not placed:
        return set()
    latest = int(max(placed)) - settings.min_past_year_gap
    written = Counter(
        time.date[:4]
        for time in analysis.times
        if time.date and STATED_YEAR.match(time.date) and time.date[:4] in time.text
    )
    return {
        year
        for year, count in written.items()
        if count >= settings.min_past_year_mentions and int(year) <= latest
    }


def _acronym(words: Sequence[str], min_letters: int) -> set[str]:
    """The initials an organisation's long form is abbreviated by ("national civil defence directorate" ->
    "ncdd"), as a key of its own: an article that writes only "NCDD" then meets one that writes the long
    form, as cross-article resolution would join them. Three letters at least: two-letter initials name
    too many bodies to say which."""
    stopwords = load_lexicon("entities")["acronym_stopwords"]
    initials = "".join(word[0] for word in words if word not in stopwords)
    return {initials} if len(initials) >= min_letters else set()


def published_day(published: str | None) -> date | None:
    """A full publication date, or None (unknown, or partial such as "--10-18" or "2024-08")."""
    match = ISO_DAY.match(published or "")
    if not match:
        return None
    try:
        return date(*(int(part) for part in match.groups()))
    except ValueError:
        return None


def dateline_day(
    analysis: ArticleAnalysis, settings: StoriesSettings = DEFAULT_SETTINGS.stories
) -> date | None:
    """The full date of the article's dateline (settings ``dateline_head_lines``, ``max_dateline_chars``),
    else None. Only a line of its own counts: a date inside the lead's sentence may be the day of a past
    event (an obituary's or an anniversary's)."""
    text = analysis.article.text
    head_end = -1
    for _ in range(settings.dateline_head_lines):
        head_end = text.find("\n", head_end + 1)
        if head_end < 0:
            head_end = len(text)
            break
    for time in analysis.times:
        if time.precision != "day" or time.start >= head_end:
            continue
        line_start = text.rfind("\n", 0, time.start) + 1
        line_end = text.find("\n", time.end)
        line_end = len(text) if line_end < 0 else line_end
        day = published_day(time.date)
        if day is not None and line_end - line_start <= settings.max_dateline_chars:
            return day
    return None


def published_month(published: str | None) -> tuple[date, date] | None:
    """The first and last day of a publication date known to the month only ("2008-10"), else None: the
    dates stage often infers no more than the month from the text, and a month still keeps events years
    apart."""
    match = ISO_MONTH.match(published or "")
    if not match:
        return None
    year, month = int(match.group(1)), int(match.group(2))
    if not 1 <= month <= 12:
        return None
    following = date(year + month // 12, month % 12 + 1, 1)
    return date(year, month, 1), following - timedelta(days=1)


@lru_cache(maxsize=NORMALISED_NAMES_KEPT)
def _normalised(name: str) -> str:
    folded = unicodedata.normalize("NFKD", name.casefold())
    plain = "".join(char for char in folded if not unicodedata.combining(char))
    words = re.findall(r"\w+", plain)
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def _lead_words(article: Article, settings: StoriesSettings) -> set[str]:
    lead = " ".join(((article.title or "") + " " + article.text).split()[: settings.lead_words])
    return {word for word in WORD.findall(lead.lower()) if word not in STOP_WORDS}


def _year_words(analysis: ArticleAnalysis, settings: StoriesSettings = DEFAULT_SETTINGS.stories) -> set[str]:
    """The year the article places itself in, as a lead word ("2008"): its publication year, else its
    dateline's (``dateline_day``), else the newest year its text states. Two events of one frame are often
    years apart while few articles carry a full date; stored with the words, a story's years persist with
    its profile."""
    day = _published(analysis, settings) or dateline_day(analysis, settings)
    if day is not None:
        return {str(day.year)}
    stated = _newest_stated_year(analysis)
    return {str(stated)} if stated is not None else set()


def _published(
    analysis: ArticleAnalysis, settings: StoriesSettings = DEFAULT_SETTINGS.stories
) -> date | None:
    """The article's publication day, unless it was inferred from its text and the text states a year well
    after it: then it is the day of a past event the text recalls (an obituary's birth date, an
    anniversary's event), not the day the article was written."""
    day = published_day(analysis.article.published)
    if day is None or not analysis.article.published_inferred:
        return day
    stated = _newest_stated_year(analysis)
    return None if stated is not None and stated - day.year > settings.max_inferred_year_lag else day


def _newest_stated_year(analysis: ArticleAnalysis) -> int | None:
    stated = [int(time.date[:4]) for time in analysis.times if time.date and STATED_YEAR.match(time.date)]
    return max(stated, default=None)


def _embedded_text(article: Article, settings: StoriesSettings = DEFAULT_SETTINGS.stories) -> str:
    return " ".join(((article.title or "") + "\n" + article.text).split()[: settings.embedded_words])


def _in_input_order(story: Story, order: Mapping[str, int]) -> Story:
    from dataclasses import replace

    return replace(story, articles=tuple(sorted(story.articles, key=order.__getitem__)))


def _story_title(article: Article) -> str:
    if article.title:
        return article.title
    first_line = article.text.strip().split("\n", 1)[0]
    if len(first_line) <= MAX_TITLE_CHARS:
        return first_line
    return first_line[: MAX_TITLE_CHARS - 3].rsplit(" ", 1)[0] + "…"
