"""The ledger's questions do not depend on ``PYTHONHASHSEED`` (issue #14).

Word sets are sets of strings, which iterate in an order the hash seed picks; a plain float sum over one
rounds its last bit by that order. Two candidate merges that tie exactly then tie only in some processes:
on 1,000 generated articles seeds 4 and 5 gave 2,798 and 2,800 questions. Here a payment figure is as
like one figure as another (the same rarity weights over different words), and only one of the two can
join it: the ledger runs in two processes with different seeds and must give the same questions.
"""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
from pathlib import Path

from factories import make_article, make_claim, make_quantity, make_story

import storyline
from storyline.records import Article, Claim
from storyline.stages.ledger.positions import build_ledger

# Figure "a" names both word lists; "b" shares the first with it, "c" the second, and nothing with each
# other, so complete linkage joins "a" to one of them. The docker counts (another unit: never grouped with
# the payments) give each word of a list a different rarity weight, the second list mirroring the first.
STONE = ["granite", "quarry", "basalt", "marble", "slate", "chalk"]
WOOD = ["timber", "mill", "cedar", "spruce", "birch", "maple"]
PAYMENTS = {
    "a": ("Ana", "$5 million", 5e6, f"$5 million for {' '.join(STONE + WOOD)}"),
    "b": ("Ben", "$6 million", 6e6, f"$6 million for {' '.join(STONE)} orchard vineyard"),
    "c": ("Cy", "$4 million", 4e6, f"$4 million for {' '.join(WOOD)} meadow pasture"),
}
# Seeds 0 and 1 joined "a" to different figures before the ledger summed in a fixed order.
SEEDS = ("0", "1")


def _reported(
    key: str, speaker: str, figure: str, value: float, unit: str, content: str
) -> tuple[Claim, Article]:
    """``speaker`` giving ``figure`` in ``content``, alone in article ``key`` of its own outlet."""
    text = f"{speaker} said {content}."
    article = make_article(text, id=key, outlet=f"Outlet {key}", published="2024-10-01")
    quantity = make_quantity(figure, value, within=text, unit=unit)
    if unit == "USD":  # an amount's label names who paid it, or the ledger does not ask it (``label_gate``)
        quantity = dataclasses.replace(quantity, predicate="did the port pay")
    claim = make_claim(content, article=article, id=f"{key}1", speaker_text=speaker, quantities=(quantity,))
    return claim, article


def _reports() -> list[tuple[Claim, Article]]:
    payments = [
        _reported(key, name, figure, value, "USD", text)
        for key, (name, figure, value, text) in PAYMENTS.items()
    ]
    dockers = []
    for k in range(1, len(STONE)):
        figure, moved = f"{k + 10} dockers", " ".join(STONE[:k] + WOOD[:k])
        dockers.append(_reported(f"d{k}", f"Dee{k}", figure, k + 10, "personnel", f"{figure} moved {moved}"))
    return payments + dockers


def ledger_lines() -> str:
    """The story's questions, one line each: wording and the claims of each position."""
    reports = _reports()
    claims, articles = [claim for claim, _ in reports], [article for _, article in reports]
    questions = build_ledger(make_story(articles), claims, articles, [], [])
    return "\n".join(f"{q.question} {[list(p.claims) for p in q.positions]}" for q in questions)


def _ledger_under_seed(seed: str) -> str:
    # the child imports the same storyline and factories as this process
    paths = [str(Path(storyline.__file__).parents[1]), str(Path(__file__).parent)]
    env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": os.pathsep.join(paths)}
    done = subprocess.run(
        [sys.executable, __file__], env=env, capture_output=True, text=True, check=True, timeout=120
    )
    return done.stdout


def test_the_payment_grouping_is_the_same_under_two_hash_seeds() -> None:
    first, second = (_ledger_under_seed(seed) for seed in SEEDS)
    assert "a1" in first and first == second


if __name__ == "__main__":
    print(ledger_lines())
