"""The claims stage on the real seed articles (``../shared/seeds``): the figures, denials and
non-confirmations that issue #4 names are attributed to the right speakers in every article carrying them.

The seed texts stay outside the repository; only the names and figures the issue lists are written here.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from storyline import analyze
from storyline.records import Brief, Claim

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"

# value → (how the figure is written in an article, who must be its speaker or relay)
FIGURES = {
    12_000: (r"12,000", r"National Intelligence Service|\bNIS\b|spy agency"),
    10_000: (r"10,000", r"Zelensk"),
    11_000: (r"11,000", r"Bud[aá]nov"),
    1_500: (r"1,500|1\.5 thousand", r"National Intelligence Service|\bNIS\b|spy agency"),
    2_600: (r"2,600", r"Bud[aá]nov"),
}


@pytest.fixture(scope="module")
def seed_brief() -> Brief:
    if not SEEDS.is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail(f"the seed articles are missing under {SEEDS}")
        pytest.skip(f"the seed articles are absent under {SEEDS}")
    return analyze([SEEDS])


def _names(brief: Brief, claim: Claim) -> str:
    entities = {entity.id: entity.name for entity in brief.entities}
    parts = [claim.speaker_text or "", claim.via_text or "", entities.get(claim.speaker or "", "")]
    return " | ".join(parts)


@pytest.mark.parametrize("value", sorted(FIGURES))
def test_each_figure_is_attributed_to_its_speaker_in_every_article(seed_brief: Brief, value: int) -> None:
    written, speaker = FIGURES[value]
    carrying = [a for a in seed_brief.articles if re.search(written, a.text)]
    assert carrying, f"no seed article writes {value}"
    for article in carrying:
        holding = [
            claim
            for claim in seed_brief.claims
            if claim.article == article.id and any(q.value == value for q in claim.quantities)
        ]
        assert holding, f"{article.source}: no claim holds {value}"
        for claim in holding:
            assert re.search(speaker, _names(seed_brief, claim)), (
                article.source,
                claim.text,
                _names(seed_brief, claim),
            )


def _claims_near(brief: Brief, phrase: str) -> list[tuple[str, list[Claim]]]:
    found = []
    for article in brief.articles:
        if phrase in article.text:
            offset = article.text.index(phrase)
            sentence_start = article.text.rfind(".", 0, offset)
            near = [
                c
                for c in brief.claims
                if c.article == article.id
                and (c.start <= offset < c.end or sentence_start <= c.cue_start <= offset + len(phrase))
            ]
            found.append((article.source, near))
    return found


@pytest.mark.parametrize(
    ("phrase", "speaker", "modality"),
    [
        ("hoax", r"Moscow|Russia|Kremlin", "denied"),
        ("groundless rumours", r"representative", "denied"),
        ("no evidence", r"Rutte", "unconfirmed"),
        ("no proof", r"Rutte", "unconfirmed"),
    ],
)
def test_denials_and_non_confirmations(seed_brief: Brief, phrase: str, speaker: str, modality: str) -> None:
    articles = _claims_near(seed_brief, phrase)
    assert articles, f"no seed article says {phrase!r}"
    for source, near in articles:
        assert any(c.modality == modality and re.search(speaker, _names(seed_brief, c)) for c in near), (
            source,
            [(c.speaker_text, c.cue, c.modality) for c in near],
        )


def test_nested_attributions_keep_their_relay(seed_brief: Brief) -> None:
    relayed = [c for c in seed_brief.claims if c.via_text]
    assert any("Yonhap" in (c.via_text or "") for c in relayed)
    for claim in relayed:
        article = seed_brief.article(claim.article)
        assert claim.via_start is not None and claim.via_end is not None
        assert article.text[claim.via_start : claim.via_end] == claim.via_text
