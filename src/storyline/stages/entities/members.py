"""Members standing for their body: "the observers" after "the Open Ballot civic initiative, which sent 260
observers to the polls".

A monitoring group is quoted through its members: a report counts the observers an organisation sent and
then writes "the observers said" or "the head of the observers" for the organisation. Such a description
stands for the organisation the article names before the count, in the count's sentence ("… initiative,
whose 260 observers followed the vote"), only when every count of those members in the article goes with
one organisation — observers of two bodies are not one body's. Only nouns of ``member_nouns`` (observers,
monitors): the members of most bodies ("the workers", "the members") are people in their own right.
Hand-written over spaCy's parse (the count is the noun's numeric modifier).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from storyline.records import Mention
from storyline.stages.entities.lexicon import EntityLexicon

__all__ = ["members_standing_for_bodies"]


def members_standing_for_bodies(
    doc: Doc, article_id: str, names: list[Mention], lexicon: EntityLexicon
) -> list[Mention]:
    """A mention of the organisation for each "the <member noun>" after counts of those members that all
    go with that one organisation."""
    organisations = [m for m in names if m.label == "ORG" and m.refers_to is None]
    counted: dict[str, list[tuple[int, str | None]]] = {}
    for token in doc:
        # lower case: "the Observers' Network" is a name
        if token.text in lexicon.member_nouns and any(child.dep_ == "nummod" for child in token.children):
            counted.setdefault(token.text, []).append((token.idx, _body_counting(token, organisations)))
    found = []
    for token in doc:
        if token.i == 0 or token.text not in counted or doc[token.i - 1].lower_ != "the":
            continue
        bodies = {body for where, body in counted[token.lower_] if where < token.idx}
        if len(bodies) == 1 and (body := bodies.pop()) is not None:
            start, end = doc[token.i - 1].idx, token.idx + len(token.text)
            found.append(Mention(article_id, start, end, doc.text[start:end], "ORG", refers_to=body))
    return found


def _body_counting(count: Token, organisations: list[Mention]) -> str | None:
    """The organisation named last before a count of members in its sentence, if any."""
    sentence_start = count.sent.start_char
    before = [m for m in organisations if sentence_start <= m.start and m.end <= count.idx]
    return max(before, key=lambda mention: mention.start).text if before else None
