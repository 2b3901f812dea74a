"""A claim about someone's claim is a side on what they said: "X was wrong to say Y" denies Y.

"Mr. Trump insisted that Mr. Khan was wrong to say he had not sacrificed for his country": the content's
subject is Mr. Khan, its verb a judgement ("was wrong"), but what it asks is whether Trump sacrificed, and
Trump's side is Khan's denied. Keyed by the judgement, with Khan as its argument, it joined Trump's
complaint that "Mr. Khan had been unfair to him" (PolNeAR khan-family, issue #14). English says this
with a judgement on the subject and a saying verb before the clause said (lexicon ``judged_claims`` in
``ledger.toml``): "was wrong to say", "was mistaken in claiming", "was right to say", "falsely claimed".

The ledger reads such a claim as the speaker's claim of the clause said (``as_judged``): its span is that
clause, and the speaker denies it (a wrong saying) or asserts it (a right one). A wrong saying of a negated
clause ("wrong to say he had not …") affirms the clause unnegated, which no span of the article's words
states: that claim is left out of the ledger, since its side cannot be put on the clause (precision
first); kept, it would stand as a judgement of the man who said it.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from storyline.lexicons import load_lexicon
from storyline.records import Claim, Modality
from storyline.stages.claims import stance_of


@dataclass(frozen=True, slots=True)
class JudgedLexicon:
    judging: re.Pattern[str]  # "<subject> was wrong to say (that) <said>"
    falsely: re.Pattern[str]  # "<subject> falsely claimed (that) <said>"
    denying: frozenset[str]


def _alternatives(words: Sequence[str]) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


@cache
def judged_lexicon() -> JudgedLexicon:
    data = load_lexicon("ledger")["judged_claims"]
    adverbs = load_lexicon("denials")["falsity_framing"]["adverbs"]
    # the subject: a short run of words with no clause break, as a name or a noun phrase is
    subject = r"^(?P<subject>[^,;:\"“”]{1,60}?)\s+"
    said = r"\s+(?:that\s+)?(?P<said>\w.*)$"
    judgement = _alternatives([*data["denying"], *data["affirming"]])
    judging = (
        subject
        + rf"(?:{_alternatives(data['copulas'])})\s+(?P<judgement>{judgement})\s+"
        + rf"(?:to\s+(?:{_alternatives(data['infinitives'])})|in\s+(?:{_alternatives(data['gerunds'])}))"
        + said
    )
    falsely = subject + rf"(?:{_alternatives(adverbs)})\s+(?:{_alternatives(data['past'])})" + said
    return JudgedLexicon(
        re.compile(judging, re.IGNORECASE | re.DOTALL),
        re.compile(falsely, re.IGNORECASE | re.DOTALL),
        frozenset(data["denying"]),
    )


def judged_claims(claims: Sequence[Claim]) -> list[Claim]:
    """``claims``, each judging what another said read as a side on what was said (``as_judged``); those
    whose side no span states left out."""
    found: list[Claim] = []
    for claim in claims:
        judged = as_judged(claim, claims)
        if judged is not None:
            found.append(judged)
    return found


def as_judged(claim: Claim, claims: Sequence[Claim] = ()) -> Claim | None:
    """The claim of the clause ``claim`` judges another to have said, the speaker denying it ("was wrong to
    say") or asserting it ("was right to say"); ``claim`` itself when it judges no saying or is not put
    forward as asserted; None when a wrong saying of a negated clause leaves no span that states its side.
    ``claims``: the article's others, whose span of the clause said (the claims stage's claim of the
    subject's words) gives the clause's finite verbs."""
    if claim.modality != "asserted" or claim.outlet_voice:
        return claim
    lexicon = judged_lexicon()
    match = lexicon.judging.match(claim.text) or lexicon.falsely.match(claim.text)
    if match is None:
        return claim
    judgement = match.groupdict().get("judgement")
    modality: Modality = "asserted" if judgement and judgement.lower() not in lexicon.denying else "denied"
    offset = match.start("said")
    said = dataclasses.replace(
        claim,
        text=claim.text[offset:],
        start=claim.start + offset,
        finite_verbs=_finite_verbs(claim, offset, claims),
    )
    if modality == "denied" and stance_of(said) == "deny":
        return None
    return dataclasses.replace(said, modality=modality)


def _finite_verbs(claim: Claim, offset: int, claims: Sequence[Claim]) -> tuple[int, ...] | None:
    """The finite verbs of the clause said: those of another claim of just its span, else the claim's own
    verbs inside it, else unknown (None: the ledger reads the clause's words)."""
    start = claim.start + offset
    for other in claims:
        same_span = other.article == claim.article and (other.start, other.end) == (start, claim.end)
        if same_span and other.finite_verbs:
            return other.finite_verbs
    inside = tuple(verb - offset for verb in claim.finite_verbs or () if verb >= offset)
    return inside or None
