"""Time of cross-document entity resolution against the number of mentions (1k, 10k, 100k by default).

Mentions are generated: invented people (with transliterated spellings, lone surnames, titles and
descriptions), organisations with acronyms, and places, spread over articles. The figure that matters is the
ratio between sizes: resolution must grow near-linearly (10× the mentions ≤ 12× the time), which blocking
gives and all-pairs comparison would not.

    python benchmarks/entities_scaling.py [--sizes 1000 10000 100000]
"""

from __future__ import annotations

import argparse
import random
import time

from storyline.records import Mention
from storyline.stages.entities import resolve_entities

# 100 consonant-vowel syllables: a name space large enough that, as in real news, distinct people rarely
# share a surname even at 100k mentions (a tiny inventory would make most invented people namesakes).
SYLLABLES = [c + v for c in "bcdfghjklmnprstvwyzx" for v in "aeiou"]
TITLES = ["Interior Minister", "Foreign Minister", "Governor", "Union Chief", "Port Director", "Mayor"]
ORG_WORDS = ["National", "Port", "Cyber", "Security", "Civil", "Defence", "Mediation", "Transport"]


def invented_word(rng: random.Random, syllables: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(syllables)).capitalize()


def variant(rng: random.Random, name: str) -> str:
    """A transliteration-like respelling: one vowel swapped or a letter doubled at the end."""
    if rng.random() < 0.5:
        return name + name[-1]
    vowels = [i for i, ch in enumerate(name) if ch in "aeiou"]
    if not vowels:
        return name
    i = rng.choice(vowels)
    return name[:i] + rng.choice("aeiouy") + name[i + 1 :]


def generate_mentions(count: int, seed: int = 11) -> list[Mention]:
    rng = random.Random(seed)
    people = [(invented_word(rng, 2), invented_word(rng, 3)) for _ in range(max(count // 20, 5))]
    organisations = [
        " ".join(rng.sample(ORG_WORDS, 3)) + " " + invented_word(rng, 2) for _ in range(count // 40 + 3)
    ]
    places = [invented_word(rng, 2) for _ in range(count // 50 + 3)]
    mentions: list[Mention] = []
    while len(mentions) < count:
        article = f"a{len(mentions) // 25}"
        start = (len(mentions) % 25) * 80
        kind = rng.random()
        if kind < 0.55:
            given, surname = rng.choice(people)
            text = rng.choice([f"{given} {surname}", f"{given} {variant(rng, surname)}", surname])
            role = rng.choice(TITLES) if rng.random() < 0.3 else None
            mentions.append(Mention(article, start, start + len(text), text, "PERSON", role=role))
        elif kind < 0.6:
            text = "the " + rng.choice(TITLES).lower()
            mentions.append(Mention(article, start, start + len(text), text, "ROLE", role=text))
        elif kind < 0.85:
            name = rng.choice(organisations)
            text = name if rng.random() < 0.7 else "".join(word[0] for word in name.split())
            mentions.append(Mention(article, start, start + len(text), text, "ORG"))
        else:
            text = rng.choice(places)
            mentions.append(Mention(article, start, start + len(text), text, "GPE"))
    return mentions


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    options = parser.parse_args()
    previous: float | None = None
    for size in options.sizes:
        mentions = generate_mentions(size)
        started = time.perf_counter()
        entities = resolve_entities(mentions)
        seconds = time.perf_counter() - started
        growth = f"   ×{seconds / previous:.1f} time for ×10 mentions" if previous else ""
        print(f"{size:>8} mentions → {len(entities):>6} entities in {seconds:7.3f} s{growth}")
        previous = seconds


if __name__ == "__main__":
    main()
