"""The entities stage: actor mentions per article, then one entity per real-world actor across articles.

Mentions come from spaCy's NER, trimmed of possessives and leading articles. Resolution across articles is
blocking + guarded merging (no all-pairs over the corpus):
1. mentions with the same *folded key* (diacritics folded by unidecode, case, punctuation and hyphens
   removed: "Yoon Suk-yeol" = "Yoon Suk Yeol"), or equal once spaces go ("Minjun" = "Min-jun"), are one name;
2. person names are blocked by the phonetic key of their surname (jellyfish Metaphone: Zelensky ~
   Zelenskyy ~ Zelenskiy) and merged when the surnames are near-identical (rapidfuzz) and the given names,
   when both present, are compatible (Volodymyr ~ Volodimir, Kyrylo ~ Kirilo);
3. a lone surname ("Rutte") joins the full name with that surname only when exactly one candidate exists
   in the collection (two Kims stay apart).
Hand-written because no library does cross-document name resolution over news mentions offline; the
string metrics themselves come from rapidfuzz and jellyfish.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence

import jellyfish
from rapidfuzz import fuzz
from scipy.cluster.hierarchy import DisjointSet
from unidecode import unidecode

from storyline.records import Entity, Mention, ParsedArticle

# spaCy labels that name actors (NORP — "Ukrainian", "North Korean" — describes, it does not name).
ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Possessive endings spaCy keeps inside entity spans ("North Korea’s").
POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
LEADING_ARTICLE = re.compile(r"^(?:the|The)\s+")
NON_WORD = re.compile(r"[^a-z0-9]+")
# Surname similarity (rapidfuzz ratio, 0–100) above which two transliterations are one surname, and the
# looser bar for given names (Volodymyr/Volodimir score 88, Kyrylo/Kirilo 67 after folding).
SURNAME_MIN_RATIO = 85.0
GIVEN_NAME_MIN_RATIO = 60.0


def extract_mentions(parsed: ParsedArticle) -> list[Mention]:
    """Actor mentions in one parsed article, spans trimmed of "the" and possessive endings."""
    mentions = []
    for ent in parsed.doc.ents:
        if ent.label_ not in ACTOR_LABELS:
            continue
        start, end = _trim_span(ent.text, ent.start_char, ent.end_char)
        surface = parsed.article.text[start:end]
        if not any(ch.isalpha() for ch in surface):
            continue
        mentions.append(Mention(parsed.article.id, start, end, surface, ent.label_))
    return mentions


def _trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    leading = LEADING_ARTICLE.match(text)
    if leading:
        start += leading.end()
        text = text[leading.end() :]
    possessive = POSSESSIVE.search(text)
    if possessive:
        end -= len(possessive.group())
    return start, end


def fold_name(name: str) -> str:
    """Spelling-insensitive key: "Budánov" → "budanov", "Yoon Suk-yeol" → "yoon suk yeol"."""
    return NON_WORD.sub(" ", unidecode(name).lower()).strip()


def _broad_type(label: str) -> str:
    # spaCy often swaps GPE and LOC for one place; they are one kind of actor for merging.
    return "PLACE" if label in PLACE_LABELS else label


def _names_compatible(long_a: list[str], long_b: list[str]) -> bool:
    """Two multi-token person names are one person when surnames match closely and given names agree."""
    if fuzz.ratio(long_a[-1], long_b[-1]) < SURNAME_MIN_RATIO:
        return False
    given_a, given_b = " ".join(long_a[:-1]), " ".join(long_b[:-1])
    return fuzz.ratio(given_a, given_b) >= GIVEN_NAME_MIN_RATIO


def _merge_person_variants(keys: Iterable[str], groups: DisjointSet) -> None:
    """Merge transliterated spellings of full names and attach lone surnames to a unique full name."""
    by_surname_sound: dict[str, list[list[str]]] = defaultdict(list)
    for key in keys:
        tokens = key.split()
        if tokens:
            by_surname_sound[jellyfish.metaphone(tokens[-1])].append(tokens)
    for block in by_surname_sound.values():
        full_names = [tokens for tokens in block if len(tokens) > 1]
        for i, first in enumerate(full_names):
            for second in full_names[i + 1 :]:
                if _names_compatible(first, second):
                    groups.merge(" ".join(first), " ".join(second))
        for tokens in (t for t in block if len(t) == 1):
            candidates = {
                groups[" ".join(full)]
                for full in full_names
                if fuzz.ratio(full[-1], tokens[0]) >= SURNAME_MIN_RATIO
            }
            if len(candidates) == 1:
                groups.merge(tokens[0], candidates.pop())


def _merge_spacing_variants(groups: DisjointSet) -> None:
    """Keys equal once spaces go are one name: "kim min jun" (from "Min-jun") = "kim minjun"."""
    first_with: dict[str, str] = {}
    for key in list(groups):
        compact = key.replace(" ", "")
        if compact in first_with:
            groups.merge(first_with[compact], key)
        else:
            first_with[compact] = key


def resolve_entities(mentions: Sequence[Mention]) -> list[Entity]:
    """Group mentions into entities: one per real-world actor, with aliases and every mention."""
    by_type: dict[str, list[Mention]] = defaultdict(list)
    for mention in mentions:
        by_type[_broad_type(mention.label)].append(mention)
    entities: list[Entity] = []
    for broad_type, typed_mentions in sorted(by_type.items()):
        groups = DisjointSet(fold_name(mention.text) for mention in typed_mentions)
        _merge_spacing_variants(groups)
        if broad_type == "PERSON":
            _merge_person_variants(list(groups), groups)
        members: dict[str, list[Mention]] = defaultdict(list)
        for mention in typed_mentions:
            members[groups[fold_name(mention.text)]].append(mention)
        entities.extend(_make_entity(group) for group in members.values())
    return sorted(entities, key=lambda entity: (-len(entity.mentions), entity.name))


def _make_entity(group: list[Mention]) -> Entity:
    surface_counts = Counter(mention.text for mention in group)
    # The canonical name is the longest of the most frequent full forms: "Mark Rutte" over "Rutte".
    name = max(surface_counts, key=lambda surface: (len(surface.split()), surface_counts[surface]))
    label = Counter(mention.label for mention in group).most_common(1)[0][0]
    entity_id = "e-" + hashlib.sha1(f"{label}:{fold_name(name)}".encode()).hexdigest()[:10]
    aliases = tuple(sorted(surface for surface in surface_counts if surface != name))
    ordered = tuple(sorted(group, key=lambda m: (m.article, m.start)))
    return Entity(id=entity_id, name=name, type=label, aliases=aliases, mentions=ordered)


def span_index(entities: Sequence[Entity]) -> Callable[[str, int, int], str | None]:
    """A lookup from an article span to the entity best naming it: persons and organisations before
    places ("Ukrainian President Volodymyr Zelensky" → Zelensky, not Ukraine), then the longest mention."""
    by_article: dict[str, list[tuple[Mention, str]]] = defaultdict(list)
    for entity in entities:
        for mention in entity.mentions:
            by_article[mention.article].append((mention, entity.id))
    rank = {"PERSON": 0, "ORG": 1}

    def entity_at(article: str, start: int, end: int) -> str | None:
        inside = [
            (mention, entity_id)
            for mention, entity_id in by_article.get(article, ())
            if mention.start < end and start < mention.end
        ]
        if not inside:
            return None
        best = min(inside, key=lambda pair: (rank.get(pair[0].label, 2), -(pair[0].end - pair[0].start)))
        return best[1]

    return entity_at
