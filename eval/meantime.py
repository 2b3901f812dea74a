"""Reader of the MEANTIME English corpus (``../shared/data/meantime``): texts and cross-document entities.

Each document is a token stream (one ``token`` element per token, with its sentence number) and markables:
``ENTITY_MENTION`` (token anchors), ``ENTITY`` (a corpus-level instance with ``instance_id`` and
``ent_type``) and ``REFERS_TO`` relations from mentions to instances. The text is rebuilt with one sentence
per line and single spaces between tokens (none before closing punctuation), so every gold mention gets
character offsets in that text. Name mentions only: a mention counts when it refers to a person,
organisation or location instance and its first word (after "the") is capitalised — pronouns and common-noun
descriptions ("the company") are left out, as the entities stage resolves names and titles, not pronouns.
"""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from pathlib import Path

from eval.common import SHARED_DATA

MEANTIME = SHARED_DATA / "meantime" / "intra_cross-doc_annotation"
ACTOR_TYPES = frozenset({"PER", "ORG", "LOC"})
NO_SPACE_BEFORE = frozenset({".", ",", ";", ":", "!", "?", "'s", "’s", "n't", "%", ")", "''", "'"})
ARTICLE_WORDS = frozenset({"the", "a", "an"})


@dataclass(frozen=True)
class GoldMention:
    document: str
    start: int
    end: int
    text: str
    instance: str  # the corpus-level entity: one real-world actor across documents
    entity_type: str


@dataclass(frozen=True)
class Document:
    name: str
    corpus: str
    text: str
    mentions: tuple[GoldMention, ...]


def read_corpus(corpus: str) -> list[Document]:
    folder = MEANTIME / f"corpus_{corpus}"
    return [read_document(path, corpus) for path in sorted(folder.glob("*.xml"))]


def read_document(path: Path, corpus: str) -> Document:
    root = ElementTree.parse(path).getroot()
    text, spans = _rebuild_text(root)
    markables = root.find("Markables")
    mentions: dict[str, list[str]] = {}
    instances: dict[str, tuple[str, str]] = {}
    for element in markables if markables is not None else []:
        if element.tag == "ENTITY_MENTION":
            mentions[element.get("m_id", "")] = [a.get("t_id", "") for a in element.findall("token_anchor")]
        elif element.tag == "ENTITY" and element.get("instance_id"):
            instances[element.get("m_id", "")] = (element.get("instance_id", ""), element.get("ent_type", ""))
    gold = []
    relations = root.find("Relations")
    for relation in relations.iter("REFERS_TO") if relations is not None else []:
        target = relation.find("target")
        instance = instances.get(target.get("m_id", "") if target is not None else "")
        if instance is None or instance[1] not in ACTOR_TYPES:
            continue
        for source in relation.findall("source"):
            tokens = [spans[t] for t in mentions.get(source.get("m_id", ""), []) if t in spans]
            if not tokens:
                continue
            start, end = min(s for s, _ in tokens), max(e for _, e in tokens)
            surface = text[start:end]
            if _is_name(surface):
                gold.append(GoldMention(path.stem, start, end, surface, instance[0], instance[1]))
    return Document(path.stem, corpus, text, tuple(gold))


def _rebuild_text(root: ElementTree.Element) -> tuple[str, dict[str, tuple[int, int]]]:
    """The document text and each token's character span in it."""
    parts: list[str] = []
    spans: dict[str, tuple[int, int]] = {}
    length, sentence = 0, None
    for token in root.iter("token"):
        word = token.text or ""
        if sentence is not None and token.get("sentence") != sentence:
            parts.append("\n")
            length += 1
        elif parts and word not in NO_SPACE_BEFORE:
            parts.append(" ")
            length += 1
        sentence = token.get("sentence")
        spans[token.get("t_id", "")] = (length, length + len(word))
        parts.append(word)
        length += len(word)
    return "".join(parts), spans


def _is_name(surface: str) -> bool:
    words = [w for w in surface.split() if w.lower() not in ARTICLE_WORDS]
    return (
        bool(words) and words[0][:1].isupper() and words[0].lower() not in {"we", "it", "they", "he", "she"}
    )
