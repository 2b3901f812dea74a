"""Independent sources (``ledger.sources``): a speaker relaying another's words is not a second source."""

from __future__ import annotations

from dataclasses import replace

from storyline.stages.ledger.sources import corroborators, independent_sources
from tests.factories import make_article, make_claim, span_of

TEXT = "Davis said the FBI said that she did nothing illegal. Later, Roe said that she did nothing illegal."
ORIGIN = {"a": "a"}


def test_a_claim_about_a_claim_counts_once() -> None:
    article = make_article(TEXT)
    relay = make_claim(
        "the FBI said that she did nothing illegal", article=article, id="c1", speaker="e-davis"
    )
    fbi_cue = span_of(TEXT, "said", after=relay.start)
    relayed = make_claim("she did nothing illegal", article=article, id="c2", speaker="e-fbi")
    relayed = replace(relayed, cue_start=fbi_cue[0], cue_end=fbi_cue[1])
    other = make_claim("she did nothing illegal", article=article, id="c3", speaker="e-roe", after=60)
    other = replace(other, cue_start=TEXT.index("Roe said") + 4, cue_end=TEXT.index("Roe said") + 8)
    assert independent_sources([relay, relayed], ORIGIN) == {"e-fbi"}
    assert independent_sources([relay, relayed, other], ORIGIN) == {"e-fbi", "e-roe"}
    assert corroborators([relay, relayed, other], {}, ORIGIN) == 2
    assert independent_sources([relay, other], ORIGIN) == {"e-davis", "e-roe"}  # what it relays is absent
