"""Settings in one place: limits and thresholds every stage reads, with the reason for each default."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Settings:
    # Inputs larger than this are skipped: a news article is tens of kB; 5 MB is a scraper's mistake.
    max_file_bytes: int = 5 * 1024 * 1024
    # Articles handed to spaCy's nlp.pipe at once: large enough to amortise, small enough to stream.
    nlp_batch_size: int = 32
    # MinHash Jaccard above which two articles are near-duplicates (light edits keep ~0.6–0.9 on 5-shingles).
    near_duplicate_threshold: float = 0.5
    # Story clustering: word-set Jaccard of titles+leads and shared named entities that link two articles.
    story_link_threshold: float = 0.12
    # Embed titles and leads (all-MiniLM-L6-v2) for story clustering when the model is installed; without
    # it, or with this off, stories rest on shared actors and lead words alone.
    story_embeddings: bool = True
    # With embeddings: the score (0.55·cosine + 0.3·actor overlap + 0.15·word overlap, ``stories.index``) at
    # which an article joins a story (chosen on the demo corpus and ECB+ topics 1–15; see eval/stories.py).
    story_embedding_threshold: float = 0.28
    # An article scoring this much above the join threshold with a second story merges the two.
    story_merge_margin: float = 0.2
    # Days before a story's first or after its last article within which a dated article may still join.
    story_window_days: int = 21
    # Embed every claim's content as one more signal for grouping claims into ledger questions. Off by
    # default: on the demo gold it moved grouping F1 only from 0.587 to 0.607, while embedding ~13 claims an
    # article cost more CPU than the parse itself (27 s of an 82 s run on 200 articles).
    ledger_embeddings: bool = False
    # Per-article stages: "local" (worker processes on this machine) or "dask" (dask.distributed).
    engine: str = "local"
    # Dask scheduler address ("tcp://host:8786"); None starts a LocalCluster for the run.
    scheduler: str | None = None
    # Worker processes of the local engine; 0 means one per CPU core. Runs smaller than a few batches stay
    # in this process, where starting workers (each loads spaCy) would cost more than it saves.
    workers: int = 0


DEFAULT_SETTINGS = Settings()
