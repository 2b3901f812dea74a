"""The shared parser: a partial parse reads what a full one reads, less the skipped components."""

from __future__ import annotations

from spacy.tokens import Doc

from storyline.stages.nlp import load_nlp, parse_without, pipe_without


def test_parse_without_entities_keeps_tags_and_dependencies_and_drops_entities() -> None:
    text = "Governor Maria Lopez said on Monday that 44 people had died in Villa Clara."
    full = load_nlp()(text)
    partial = parse_without(text, {"ner"})
    assert [(t.tag_, t.dep_, t.head.i, t.lemma_) for t in partial] == [
        (t.tag_, t.dep_, t.head.i, t.lemma_) for t in full
    ]
    assert full.ents and not partial.ents


def test_pipe_without_parses_each_text_as_parse_without_does() -> None:
    # short texts of different lengths in one batch: each text's tags, arcs and lemmas are its own parse's
    texts = [
        "The ferry left Darnholm at dawn with 212 passengers on board.",
        "Rescuers said they had pulled nine people from the water.",
        "No.",
        "",
        "The mayor, who ordered the evacuation, said 1,400 homes had been flooded by Tuesday night.",
    ]

    def read(doc: Doc) -> list[tuple[str, str, str, int, str, str, bool]]:
        return [(t.text, t.tag_, t.dep_, t.head.i, t.lemma_, str(t.morph), t.is_sent_start) for t in doc]

    batched = pipe_without(texts, {"ner"}, batch_size=2)
    assert [read(doc) for doc in batched] == [read(parse_without(text, {"ner"})) for text in texts]
    assert not any(doc.ents for doc in batched)


def test_parse_without_the_parser_still_tags() -> None:
    text = "How many emails did she delete?"
    partial = parse_without(text, {"ner", "parser", "lemmatizer"})
    assert [t.pos_ for t in partial] == [t.pos_ for t in load_nlp()(text)]
    assert not partial.has_annotation("DEP")


def test_a_prefixed_verb_stays_one_token_and_keeps_its_object() -> None:
    # split at the hyphen, "re" read as the verb and the counted noun hung on an adjective
    doc = load_nlp()("The agency has re-tested 80 urine samples since March.")
    verb = next(token for token in doc if token.text == "re-tested")
    assert verb.tag_ == "VBN"
    assert next(token for token in doc if token.text == "samples").head.i == verb.i
    # a name after a prefix, and other hyphenated words, are split as before
    assert [t.text for t in load_nlp()("a well-known non-Georgian")] == [
        "a",
        "well",
        "-",
        "known",
        "non",
        "-",
        "Georgian",
    ]
