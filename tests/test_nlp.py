"""The shared parser: a partial parse reads what a full one reads, less the skipped components."""

from __future__ import annotations

from storyline.stages.nlp import load_nlp, parse_without


def test_parse_without_entities_keeps_tags_and_dependencies_and_drops_entities() -> None:
    text = "Governor Maria Lopez said on Monday that 44 people had died in Villa Clara."
    full = load_nlp()(text)
    partial = parse_without(text, {"ner"})
    assert [(t.tag_, t.dep_, t.head.i, t.lemma_) for t in partial] == [
        (t.tag_, t.dep_, t.head.i, t.lemma_) for t in full
    ]
    assert full.ents and not partial.ents


def test_parse_without_the_parser_still_tags() -> None:
    text = "How many emails did she delete?"
    partial = parse_without(text, {"ner", "parser", "lemmatizer"})
    assert [t.pos_ for t in partial] == [t.pos_ for t in load_nlp()(text)]
    assert not partial.has_annotation("DEP")
