"""Sentence embeddings of claim contents as one more grouping signal beside words and entities.

Two claims can ask the same question in different words ("troops deployed" / "soldiers sent"); the
lexical score misses what the embedding of the content catches. The cosine only re-scores pairs the
lexical blocking already proposed (``ledger.blocking``): it changes how alike two candidates are, never
which pairs are compared, so the cost stays one batched encoder call per story.

When no embedder is installed (``storyline.embeddings.load_embedder`` returns None) ``ContentVectors`` is
empty and every score is the lexical one unchanged.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from storyline.config import LedgerSettings
from storyline.embeddings import Embedder, Vectors
from storyline.records import Claim


@dataclass(frozen=True, slots=True)
class ContentVectors:
    """Claim id → row of unit-length embeddings of its content (empty: no embedder)."""

    rows: dict[str, int] = field(default_factory=dict)
    vectors: Vectors = field(default_factory=lambda: np.zeros((0, 384), dtype=np.float32))
    cosine_floor: float = 0.0
    weight: float = 0.0

    def blend(self, lexical: float, first: Claim, second: Claim) -> float:
        """The pair score with the embedding's say mixed in; the lexical score alone without vectors."""
        i, j = self.rows.get(first.id), self.rows.get(second.id)
        if i is None or j is None:
            return lexical
        cosine = float(self.vectors[i] @ self.vectors[j])
        scaled = min(1.0, max(0.0, (cosine - self.cosine_floor) / (1.0 - self.cosine_floor)))
        return (1.0 - self.weight) * lexical + self.weight * scaled


def embed_claims(
    claims: Sequence[Claim], embedder: Embedder | None, settings: LedgerSettings
) -> ContentVectors:
    """One batched encoder call for a story's distinct claim contents."""
    if embedder is None or not claims:
        return ContentVectors()
    unique = list(dict.fromkeys(claim.id for claim in claims))
    text_of = {claim.id: claim.text for claim in claims}
    vectors = embedder([text_of[claim_id] for claim_id in unique])
    rows = {claim_id: row for row, claim_id in enumerate(unique)}
    return ContentVectors(rows, vectors, settings.embedding_cosine_floor, settings.embedding_weight)
