"""Train the learned attribution models (``storyline.stages.claims.learned``) on PolNeAR train.

Three logistic regressions over hashed parse features: cue tokens, content heads and source heads (see
``learned.py`` for the design). Training reads ``../shared/data/polnear/train`` (one annotator file per
article, as ``eval/claims.py`` reads dev), parses it once with the pipeline's spaCy model and caches the
parse as a ``DocBin`` (``--cache``), so re-runs take seconds. It prints dev figures of each model, compares
learners by F1 per CPU second with ``--compare``, and writes ``src/storyline/models/attribution.npz``.

    python scripts/train_attribution.py [--compare] [--cache /tmp/work/attr-cache]

Fixed seed, fixed data order: two runs write the same weights. The end-to-end figures (rules + model) come
from ``python eval/claims.py --corpus``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.linear_model import LogisticRegression, SGDClassifier
from spacy.tokens import Doc, DocBin, Token

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))

from eval.claims import SHARED_DATA, PolnearDocument, load_polnear  # noqa: E402
from storyline.stages.claims.learned import (  # noqa: E402
    HASH_BITS,
    MODEL_FILE,
    cue_features,
    feature_buckets,
    is_quoted,
    pair_candidates,
    pair_features,
    run_anchor,
)
from storyline.stages.claims.lexicon import ClaimLexicon, claim_lexicon  # noqa: E402
from storyline.stages.claims.quotes import find_quote_spans  # noqa: E402
from storyline.stages.nlp import load_nlp  # noqa: E402

SEED = 13
MODEL_PATH = ROOT / "src" / "storyline" / "models" / MODEL_FILE
# Chosen on dev (end to end, eval/claims.py --corpus) after training on train; see the model card.
CUE_THRESHOLD = 0.5
PHRASE_CUE_THRESHOLD = 0.8
CONTENT_THRESHOLD = 0.2
SOURCE_THRESHOLD = 0.3
C_VALUES = {"cue": 0.5, "content": 0.5, "source": 0.5}

Examples = tuple[list[list[int]], list[int], list[int]]  # feature buckets, labels, group ids


def parsed_split(split: str, cache: Path) -> list[tuple[PolnearDocument, Doc]]:
    """A PolNeAR split with its parse, read from the cache or parsed and cached."""
    documents = load_polnear(SHARED_DATA / "polnear" / split)
    nlp = load_nlp()
    path = cache / f"{split}.spacy"
    if path.is_file():
        docs = list(DocBin().from_disk(path).get_docs(nlp.vocab))
    else:
        docs = list(nlp.pipe((document.text for document in documents), batch_size=32))
        cache.mkdir(parents=True, exist_ok=True)
        stored = DocBin(store_user_data=False)
        for doc in docs:
            stored.add(doc)
        stored.to_disk(path)
    if len(docs) != len(documents) or any(d.text != doc.text for d, doc in zip(documents, docs, strict=True)):
        raise SystemExit(f"{path} is not a parse of {split}: delete it and re-run")
    return list(zip(documents, docs, strict=True))


def is_cue_candidate(token: Token) -> bool:
    return not token.is_space and (not token.is_punct or token.text in (":", "—", "–"))


def tokens_over(doc: Doc, fragments: tuple[tuple[int, int], ...]) -> list[Token]:
    return [t for t in doc if not t.is_space and any(s < t.idx + len(t) and t.idx < e for s, e in fragments)]


def span_root(tokens: list[Token], anchor: Token) -> Token | None:
    """The head of a gold span: of the tokens whose head lies outside it, the one in the cue's sentence
    with the largest subtree."""
    indexes = {t.i for t in tokens if not t.is_punct}
    roots = [t for t in tokens if t.i in indexes and (t.head.i not in indexes or t.head.i == t.i)]
    if not roots:
        return None
    return max(roots, key=lambda t: (t.sent.start == anchor.sent.start, sum(1 for _ in t.subtree)))


# --- examples ---------------------------------------------------------------------------------------------


def cue_examples(pairs: list[tuple[PolnearDocument, Doc]], lexicon: ClaimLexicon) -> Examples:
    rows: list[list[int]] = []
    labels: list[int] = []
    for document, doc in pairs:
        quotes = find_quote_spans(document.text)
        gold = {t.i for a in document.attributions for t in tokens_over(doc, a.cue)}
        for token in doc:
            if is_cue_candidate(token):
                rows.append(feature_buckets(cue_features(token, is_quoted(quotes, token), lexicon)))
                labels.append(int(token.i in gold))
    return rows, labels, list(range(len(labels)))


def pair_examples(pairs: list[tuple[PolnearDocument, Doc]], role: str) -> tuple[Examples, int, int]:
    """One group of candidates per gold attribution whose gold head is reachable (or, for the source, that
    has none); returns the examples, the groups kept and the attributions seen."""
    rows: list[list[int]] = []
    labels: list[int] = []
    groups: list[int] = []
    kept = seen = 0
    for document, doc in pairs:
        for attribution in document.attributions:
            cue_tokens = tokens_over(doc, attribution.cue)
            if not cue_tokens:
                continue
            seen += 1
            anchor = run_anchor(cue_tokens)
            role_tokens = tokens_over(doc, attribution.role(role))
            target = span_root(role_tokens, anchor) if role_tokens else None
            candidates = pair_candidates(anchor, frozenset(t.i for t in cue_tokens))
            if role_tokens and (target is None or all(t.i != target.i for t, _ in candidates)):
                continue
            inside = {t.i for t in role_tokens} if role == "content" else set()
            for token, path in candidates:
                rows.append(feature_buckets(pair_features(anchor, token, path)))
                # a content is often two sibling phrases ("criticized X as Y"): each maximal subtree inside
                # it is a positive, the head most of all
                is_target = target is not None and token.i == target.i
                is_part = token.i in inside and token.head.i not in inside
                labels.append(int(is_target or is_part))
                groups.append(kept)
            kept += 1
    return (rows, labels, groups), kept, seen


def matrix(rows: list[list[int]]) -> csr_matrix:
    indptr = np.cumsum([0] + [len(row) for row in rows])
    indices = np.fromiter((i for row in rows for i in row), dtype=np.int32, count=int(indptr[-1]))
    data = np.ones(len(indices), dtype=np.float32)
    return csr_matrix((data, indices, indptr), shape=(len(rows), 1 << HASH_BITS))


# --- training and figures ---------------------------------------------------------------------------------


def learners(c_value: float) -> dict[str, Callable[[], object]]:
    return {
        "logistic (liblinear)": lambda: LogisticRegression(C=c_value, solver="liblinear", random_state=SEED),
        "sgd (log loss)": lambda: SGDClassifier(
            loss="log_loss", alpha=1e-5, max_iter=15, tol=None, random_state=SEED
        ),
    }


def fit(name: str, train: Examples, c_value: float, learner: str = "sgd (log loss)") -> tuple[object, float]:
    started = time.process_time()
    model = learners(c_value)[learner]()
    model.fit(matrix(train[0]), np.array(train[1]))  # type: ignore[attr-defined]
    seconds = time.process_time() - started
    print(f"  {name}: {learner}, {len(train[1])} examples, {seconds:.1f} CPU s")
    return model, seconds


def probabilities(model: object, examples: Examples) -> np.ndarray:
    coef, bias = weights_of(model)
    logits = np.array([coef[row].sum() for row in examples[0]]) + bias
    result: np.ndarray = 1.0 / (1.0 + np.exp(-logits))
    return result


def weights_of(model: object) -> tuple[np.ndarray, float]:
    return model.coef_[0].astype(np.float32), float(model.intercept_[0])  # type: ignore[attr-defined]


def token_f1(model: object, dev: Examples, threshold: float) -> tuple[float, float, float]:
    predicted = probabilities(model, dev) >= threshold
    gold = np.array(dev[1]) == 1
    hits = float((predicted & gold).sum())
    precision = hits / max(predicted.sum(), 1)
    recall = hits / max(gold.sum(), 1)
    return precision, recall, 2 * precision * recall / max(precision + recall, 1e-9)


def head_accuracy(model: object, dev: Examples, threshold: float) -> float:
    """Share of groups where the best candidate is the gold head (or, with no gold head, none passes)."""
    scores = probabilities(model, dev)
    by_group: dict[int, list[tuple[float, int]]] = {}
    for score, label, group in zip(scores, dev[1], dev[2], strict=True):
        by_group.setdefault(group, []).append((float(score), label))
    right = 0
    for members in by_group.values():
        best_score, best_label = max(members)
        has_gold = any(label for _, label in members)
        right += (best_label == 1 and best_score >= threshold) if has_gold else best_score < threshold
    return right / max(len(by_group), 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--cache", type=Path, default=Path("/tmp/work/attr-cache"))
    parser.add_argument("--compare", action="store_true", help="compare learners on the cue model")
    arguments = parser.parse_args()
    np.random.seed(SEED)
    lexicon = claim_lexicon()
    started = time.perf_counter()
    train, dev = parsed_split("train", arguments.cache), parsed_split("dev", arguments.cache)
    print(f"parsed train {len(train)}, dev {len(dev)} articles ({time.perf_counter() - started:.0f} s)")
    cue_train, cue_dev = cue_examples(train, lexicon), cue_examples(dev, lexicon)
    if arguments.compare:
        for learner in learners(C_VALUES["cue"]):
            model, seconds = fit("cue", cue_train, C_VALUES["cue"], learner)
            f1 = token_f1(model, cue_dev, CUE_THRESHOLD)[2]
            print(f"    dev cue-token F1 {f1:.3f}, F1 per CPU second {f1 / seconds:.4f}")
    cue_model, _ = fit("cue", cue_train, C_VALUES["cue"])
    precision, recall, f1 = token_f1(cue_model, cue_dev, CUE_THRESHOLD)
    print(f"  dev cue tokens: P {precision:.3f} R {recall:.3f} F1 {f1:.3f}")
    weights: dict[str, np.ndarray] = {"cue": weights_of(cue_model)[0]}
    biases = {"cue": weights_of(cue_model)[1]}
    for role, threshold in (("content", CONTENT_THRESHOLD), ("source", SOURCE_THRESHOLD)):
        role_train, kept, seen = pair_examples(train, role)
        role_dev, dev_kept, dev_seen = pair_examples(dev, role)
        print(f"  {role} heads reachable: train {kept}/{seen}, dev {dev_kept}/{dev_seen}")
        model, _ = fit(role, role_train, C_VALUES[role])
        print(f"  dev {role} head accuracy (reachable): {head_accuracy(model, role_dev, threshold):.3f}")
        weights[role], biases[role] = weights_of(model)
    meta = {
        "biases": biases,
        "cue_threshold": CUE_THRESHOLD,
        "phrase_cue_threshold": PHRASE_CUE_THRESHOLD,
        "content_threshold": CONTENT_THRESHOLD,
        "source_threshold": SOURCE_THRESHOLD,
        "hash_bits": HASH_BITS,
        "seed": SEED,
    }
    MODEL_PATH.parent.mkdir(parents=True, exist_ok=True)
    arrays: dict[str, Any] = {name: vector.astype(np.float16) for name, vector in weights.items()}
    np.savez_compressed(MODEL_PATH, meta=np.array(json.dumps(meta)), **arrays)
    print(
        f"wrote {MODEL_PATH} ({MODEL_PATH.stat().st_size / 1e6:.1f} MB)",
        f"in {time.perf_counter() - started:.0f} s",
    )


if __name__ == "__main__":
    main()
