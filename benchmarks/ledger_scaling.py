"""How the ledger's grouping scales with a story's claims: N and 10N synthetic claims, time ratio.

Claims are generated from a few templates over a vocabulary of subjects, places and figures, so a story
holds many propositions and measured things with realistic word overlap. The target is a ratio of at most
12 for ten times the claims (near-linear; all-pairs grouping would give ~100).

    python benchmarks/ledger_scaling.py [--claims 500] [--repeat 3]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repository root, for tests.factories

from storyline.records import Article, Claim, Modality, Quantity, Story
from storyline.stages.ledger.positions import build_ledger
from tests.factories import make_article, make_claim, make_quantity, make_story

SUBJECTS = [
    f"{name} {kind}"
    for name in ("Varn", "Oskel", "Tamar", "Brell", "Quon", "Delt", "Mirra")
    for kind in ("brigade", "ministry", "port", "council", "union", "agency")
]
VERBS = ["sent", "blocked", "closed", "funded", "approved", "inspected", "evacuated", "rebuilt"]
PLACES = [
    f"{prefix}{suffix}"
    for prefix in ("North", "South", "Upper", "Lower")
    for suffix in ("field", "haven", "bridge", "ford", "moor", "gate")
]
ASSERTED: list[Modality] = ["asserted"]
MODALITIES: list[Modality] = ASSERTED * 6 + ["denied", "unconfirmed", "hedged"]


def synthetic_claims(count: int, seed: int = 7) -> tuple[Story, list[Article], list[Claim]]:
    rng = random.Random(seed)
    articles = [make_article("x", id=f"a{i}", outlet=f"Outlet {i % 40}") for i in range(max(1, count // 8))]
    claims = []
    for index in range(count):
        subject, verb, place = rng.choice(SUBJECTS), rng.choice(VERBS), rng.choice(PLACES)
        if rng.random() < 0.5:
            value = rng.choice([1200, 1500, 3000, 10000, 11000, 12000]) * rng.choice([1, 1, 2])
            counted = f"{value:,} soldiers"
            text = f"the {subject} {verb} {counted} near {place}"
            # each claim is the whole of its article's text, so the claim's text places its quantity
            quantities: tuple[Quantity, ...] = (make_quantity(counted, value, within=text),)
        else:
            text = f"the {subject} {verb} the depot at {place}"
            quantities = ()
        claims.append(
            make_claim(
                text,
                article=articles[index % len(articles)].id,
                id=f"c{index}",
                speaker_text=f"Speaker {rng.randrange(count // 4 + 1)}",
                modality=rng.choice(MODALITIES),
                quantities=quantities,
            )
        )
    story = make_story(articles, title="synthetic")
    return story, articles, claims


def time_ledger(count: int, repeat: int) -> float:
    story, articles, claims = synthetic_claims(count)
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        build_ledger(story, claims, articles, [], [])
        best = min(best, time.perf_counter() - started)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    small = time_ledger(args.claims, args.repeat)
    large = time_ledger(10 * args.claims, args.repeat)
    print(f"{args.claims} claims: {small:.3f} s; {10 * args.claims} claims: {large:.3f} s")
    print(f"ratio for 10x the claims: {large / small:.1f} (target <= 12)")


if __name__ == "__main__":
    main()
