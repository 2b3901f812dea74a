"""Narrowing words a source's own wordings show to narrow nothing, dropped before grouping.

A figure's narrowing words (``Measure.qualifiers``: "herder" in "1,460 herder families") keep it from
answering the question of a figure worded otherwise (``ledger.measures``). Where the source itself gives
one count with the word and without it, the word tells nothing apart, and keeping it splits one count in
two: ``drop_unsaid_qualifiers`` reads one value's wordings, ``drop_one_modifier`` a source's wordings
across its values. Only the words the source drops; marks such as an increment ("+...") stay.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from storyline.stages.ledger.counted import Measure
from storyline.stages.ledger.grouping import WORD, speaker_key
from storyline.stages.ledger.kinds import is_bare_figure
from storyline.stages.ledger.paths import count_source
from storyline.stages.ledger.plurals import is_plural_of
from storyline.stages.ledger.voices import NO_VOICES, Voices


def drop_unsaid_qualifiers(measures: Sequence[Measure]) -> list[Measure]:
    """The figures with the narrowing words their own source leaves out of the same count dropped: where
    one source gives one value of a tally as "1,460 herder families" and again as "1,460 families", the
    word "herder" narrows nothing in that source's count of families, so its "390 families" later is a value
    of the same count (in the generalise dzud story the families cut off split in two by that word, and the
    ministry's "3,850 herder households" stood apart from the Red Cross's 6,200 households, a contest no
    question showed). Only the words the source itself drops, for one noun and kind of count; markers such
    as an increment stay."""
    said: dict[tuple[str, str, str | None, float], set[frozenset[str]]] = {}
    for m in measures:
        said.setdefault((speaker_key(m.claim), m.unit, m.kind, m.quantity.value), set()).add(m.qualifiers)
    unsaid: dict[tuple[str, str, str | None], set[str]] = {}
    for (speaker, unit, kind, _), wordings in said.items():
        for fuller in wordings:
            for shorter in wordings:
                if shorter < fuller:
                    dropped = {word for word in fuller - shorter if not word.startswith("+")}
                    unsaid.setdefault((speaker, unit, kind), set()).update(dropped)
    if not unsaid:
        return list(measures)
    return [
        replace(m, qualifiers=m.qualifiers - unsaid[key])
        if (key := (speaker_key(m.claim), m.unit, m.kind)) in unsaid
        else m
        for m in measures
    ]


def _words_of(measure: Measure) -> frozenset[str]:
    """A figure's narrowing words, less the marks (an increment, an agent, a former event: "+...")."""
    return frozenset(q for q in measure.qualifiers if not q.startswith("+"))


def drop_one_modifier(measures: Sequence[Measure], voices: Voices = NO_VOICES) -> list[Measure]:
    """The one modifier a source gives its counted noun in some figures and leaves out in others ("46
    polling stations", "31 stations") dropped from that source's figures of the noun, when no figure of the
    story gives the noun another modifier: the source counts one thing written two ways (in the generalise
    election story the commission's stations still to recount split in two by "polling", its latest value
    apart from the earlier ones). ``drop_unsaid_qualifiers`` reads one value's wordings; this one reads
    the source's count across its values, so it asks more of the story: where another figure counts
    "mobile stations", "polling" may tell the source's two counts apart, and nothing is dropped. A source
    is the organisation its speaker speaks as (``ledger.voices.voice_of``: a chairman, "election
    officials"). Only a modifier of the noun itself: a figure whose words end in another noun than its
    unit's ("some thirty metres" read as a count of the dead) modifies nothing of it. Marks such as an
    increment stay."""
    story_wordings: dict[str, set[frozenset[str]]] = {}
    source_wordings: dict[tuple[str, str, str | None], set[frozenset[str]]] = {}
    unheaded: set[tuple[str, str, str | None]] = set()
    for m in measures:
        key = (count_source(m, voices), m.unit, m.kind)
        story_wordings.setdefault(m.unit, set()).add(_words_of(m))
        source_wordings.setdefault(key, set()).add(_words_of(m))
        if _words_of(m) and not _ends_in_unit(m):
            unheaded.add(key)
    dropped: dict[tuple[str, str, str | None], frozenset[str]] = {}
    for key, wordings in source_wordings.items():
        modifiers = wordings - {frozenset()}
        one = frozenset() in wordings and len(modifiers) == 1 and key not in unheaded
        if one and story_wordings[key[1]] <= wordings:
            dropped[key] = next(iter(modifiers))
    if not dropped:
        return list(measures)
    return [
        replace(m, qualifiers=m.qualifiers - dropped[key])
        if (key := (count_source(m, voices), m.unit, m.kind)) in dropped
        else m
        for m in measures
    ]


def _ends_in_unit(measure: Measure) -> bool:
    """Whether the figure's words end in its unit's noun ("46 polling stations": station), or in its number
    (a bare figure, whose words its clause lent it)."""
    text = measure.quantity.text
    words = WORD.findall(text.lower())
    return is_bare_figure(text) or (bool(words) and is_plural_of(words[-1], measure.unit))
