"""Quantities in a stretch of a parsed article: "about 11,000 North Korean infantrymen" → 11000 personnel.

Written over spaCy tokens rather than with quantulum3: quantulum3 reads counts of people as dimensionless
(the unit we need most is "personnel"), reads "Group of Seven" as 7 and dates as numbers, and its
classifier does not load beside current scikit-learn. The parse we already have gives what it lacks: the
head noun a number counts (its unit), the named entities that make a number part of a name or a date, and
the words before it that make it approximate.

Called by the claims stage (``find_quantities``) and the ledger (``number_type``, the unit classes of
``number_lexicon``), not by the pipeline. Inside: ``find`` (a number's unit, span and approximation, and
the kind of number it is), ``numbers`` (the number lexicon, and numbers read from digits and words),
``not_counts`` (years, days, ages, fractions, modifiers, ranked groups and numbers inside names: no
count), ``ranges`` (the ends of a range, "35 to 45 feet": one answer a quantity cannot hold, so no count).
"""

from storyline.stages.quantities.find import CURRENCY_UNITS, find_quantities, number_type
from storyline.stages.quantities.not_counts import ranked_groups_in
from storyline.stages.quantities.numbers import number_lexicon
from storyline.stages.quantities.predicate import predicate_in

__all__ = [
    "CURRENCY_UNITS",
    "find_quantities",
    "number_lexicon",
    "number_type",
    "predicate_in",
    "ranked_groups_in",
]
