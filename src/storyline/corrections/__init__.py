"""Analysts' corrections: typed records (``records``), how each is checked against a brief (``making``),
and ``apply_corrections`` (``replay``), the pure function that replays them over a freshly analysed brief.

Design choice: a correction never edits stored analysis. The store keeps the corrections in a table of
their own, and every brief the pipeline builds or loads is the analysis *plus* the corrections replayed in
the order they were made — so a correction survives any re-analysis, and removing one restores what the
analysis found. Each correction is keyed by what survives re-analysis, not by every id the brief shows:

- an entity by its id (a hash of its type and canonical name, stable while the name is), with the names
  it had (canonical name and aliases) kept as a fallback: a re-analysis that renames it is still found;
- a claim by its article id and content offsets (``claim_key``): claim ids are ordinals within the article
  and would shift when the extractor finds one more claim before it;
- a question by the claims it held (their keys): question ids hash the claim ids they hold, so any change
  of membership changes the id; the current question holding most of those claims (at least half) is it.

Entity and claim corrections (merge, split, speaker, wrong claim) change what the ledger weighs, so each
story they touch has its ledger rebuilt by the ledger stage; question corrections (merge, split) and notes
then apply to the ledger as rebuilt. A correction whose target is gone is kept and reported "not applied".
"""

from storyline.corrections.making import make_correction
from storyline.corrections.records import (
    CORRECTION_KINDS,
    MARK,
    Correction,
    CorrectionKind,
    claim_key,
    position_key,
)
from storyline.corrections.replay import apply_corrections, corrections_of, rejected_claims

__all__ = [
    "CORRECTION_KINDS",
    "MARK",
    "Correction",
    "CorrectionKind",
    "apply_corrections",
    "claim_key",
    "corrections_of",
    "make_correction",
    "position_key",
    "rejected_claims",
]
