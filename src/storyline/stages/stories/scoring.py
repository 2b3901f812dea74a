"""How well an article fits a story: one score from the embedding, the actors, the lead words and the
years, each compared with what a quarter of the story's members carry (its core).

The embedding says what kind of event a report is about; it cannot tell two earthquakes, two arrests or two
jewel heists apart, and neither can the main actor they share. What tells them apart is cheap to compare:
the rarer actors and lead words (weighted by rarity over the collection so far, so "police" says little and
"aftershock" or "spillway" much) and the year an article places itself in, kept among a profile's words as
bare digits (issue #15). A year is only a soft test: the year an undated article states is a floor of its
own, so a differing year lowers the score rather than forbidding the join. A story's years are those most
of its members state, not any member's: one report of another year that joined it (same kind of event,
same main actor) must not open the story to every later report of that year (ECB+ topics 1-20 B3 P/R
0.854/0.846 -> 0.875/0.828 at threshold 0.24).
Years are the evidence of when only where a side has no date: when both the article and the story are
dated, the day window (``evidence.in_window``, a hard test on every candidate) already says whether they
are close in time, and a calendar year between them says nothing more — a report of 31 December and its
follow-up of 31 January differ in year by one day's distance (issue #14: PolNeAR's State Department
releases of Clinton's emails, Dec 2015 - Jan 2016, stayed apart on the year alone, cosine 0.72).
What the day window does not say is how long a story has gone quiet: an event's reports and reactions come
within days of each other, and a report that comes after a story has had none for days reports something
new unless the rest of its evidence says otherwise. Within the window such a report needs a higher score
(``quiet_story_days``, ``quiet_story_penalty``), unless it is about the story's rare subject: a campaign
beat's embedding and its candidates' names alone carried reports a week or two apart into one event
(issue #14: PolNeAR July 2016's police-memorial visit and the acceptance speech two weeks later; a speaker
announcement and another nine days on), while a judge's story ran for seven weeks.
A story's last report is a weak mark of when it happened: one late report that joined lets the next day's
in, and so on. The score falls again (``busy_story_days``, ``busy_story_penalty``) for a report more than
days from the days most of the story's reports cluster on (``GroupProfile.busy_days``), with the same
exemption for the story's rare subject (issue #14: PolNeAR August 2016's Biden rally report, wrongly
joined to the "Obama founded ISIS" reports, brought in the next two). Only where the quiet rule has not
already lowered the score, and only where the busiest days hold ``busy_min_reports`` reports: otherwise
the two rules judged one distance twice, and split the ledger's week-long stories.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Set
from datetime import date

from storyline.embeddings import Vectors
from storyline.stages.stories.evidence import ActorCounts, far_from_busy_days, quiet_days
from storyline.stages.stories.profile import GroupProfile, jaccard


def event_similarity(
    actor_counts: ActorCounts,
    word_counts: ActorCounts,
    actors: Set[str],
    words: Set[str],
    vector: Vectors | None,
    group: GroupProfile,
    days: tuple[date, date] | None = None,
    subject: bool = False,
) -> float:
    """The score of ``actors``, ``words`` and ``vector`` (an article's, or another group's core) against
    ``group``, weighted as ``StoriesSettings`` says (calibrated as a set). ``days``: the article's (or the
    other group's) first and last day, when dated; ``subject``: it is about the story's rare subject
    (``evidence.about_subject``), which no quiet spell discounts."""
    settings = actor_counts.settings
    lead_words, years = split_years(words)
    group_words, _ = split_years(group.core(group.words))
    group_years = dominant_years(group.words)
    actor_overlap = actor_counts.weighted_jaccard(actors, group.core(group.actors))
    centroid = group.centroid()
    if vector is None or centroid is None:
        # The lexical fallback keeps its own calibration (issue #2): plain lead-word overlap.
        actor_weight = settings.lexical_actor_weight
        return actor_weight * actor_overlap + (1 - actor_weight) * jaccard(lead_words, group_words)
    vector_weight, actor_weight, word_weight = settings.vector_weights
    word_overlap = word_counts.weighted_jaccard(lead_words, group_words)
    score = (
        vector_weight * float(centroid @ vector) + actor_weight * actor_overlap + word_weight * word_overlap
    )
    if years and group_years and not years & group_years and not (days and group.days()):
        score -= settings.other_year_penalty
    group_days = group.days()
    quiet = bool(days and group_days and quiet_days(days, group_days) > settings.quiet_story_days)
    if quiet and not subject:
        score -= settings.quiet_story_penalty
    # not both: where the story has gone quiet, its busy days are mostly its last ones and the quiet rule
    # has already judged the distance
    if not subject and not quiet and far_from_busy_days(days, group, settings):
        score -= settings.busy_story_penalty
    return score


def split_years(words: Iterable[str]) -> tuple[set[str], set[str]]:
    """A profile's words as (lead words, years): ``stories.dates.year_words`` adds the year as digits."""
    lead_words: set[str] = set()
    years: set[str] = set()
    for word in words:
        (years if word.isdigit() else lead_words).add(word)
    return lead_words, years


def dominant_years(words: Counter[str]) -> set[str]:
    """The years most of a group's dated members state: those counted at least half as often as the top
    one. One member of another year (a wrong join) must not make every later report of that year fit."""
    counts = {word: count for word, count in words.items() if word.isdigit()}
    top = max(counts.values(), default=0)
    return {year for year, count in counts.items() if 2 * count >= top}
