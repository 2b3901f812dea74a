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


DEFAULT_SETTINGS = Settings()
