"""A proposition asked as a question (``ledger.proposition_questions``), on sentences written for it."""

from __future__ import annotations

import dataclasses

from factories import make_claim

from storyline.records import Article, Claim, Story
from storyline.stages.ledger.positions import build_ledger
from storyline.stages.ledger.proposition_questions import (
    _contests,
    _keyed_once_joined,
    _without_self_contradiction,
    affirming_first,
)
from storyline.stages.ledger.statements import Statement


def claim(text: str, verb: str, id: str) -> Claim:
    """A claim whose content's top-level finite verb is the first occurrence of ``verb``."""
    return make_claim(text, id=id, speaker_text="Someone", finite_verbs=(text.index(verb),))


def test_a_label_of_both_sides_is_worded_from_the_affirming_side() -> None:
    denial = claim("she neither sent nor received cables marked secret", "sent", id="c1")
    finding = claim("she did receive some cables with secret markings", "did", id="c2")
    assert affirming_first([denial, finding], [0, 1]) == [1, 0]
    # one side only: the central order stands
    assert affirming_first([finding, finding], [1, 0]) == [1, 0]


def test_only_a_lone_denial_of_another_speaker_on_one_entity_contests_an_affirmation() -> None:
    affirmed = Statement(
        claim("the mayor's candour is in doubt", "is", id="c1"), frozenset({"candour", "@mayor"}), None
    )
    doubt = make_claim("it never made sense that the mayor is to blame", id="c2", speaker_text="Another")
    denial = Statement(doubt, frozenset({"blame", "@mayor"}), None)
    assert _contests(denial, affirmed)
    assert not _contests(affirmed, denial)  # a lone affirmation would reword the question it joins
    unnamed = Statement(doubt, frozenset({"blame", "~mayor"}), None)
    assert not _contests(unnamed, affirmed)  # a surname alone names no one entity
    same_voice = Statement(dataclasses.replace(doubt, speaker_text="Someone"), denial.words, None)
    assert not _contests(same_voice, affirmed)


def test_a_speaker_who_denies_the_thing_in_an_article_does_not_also_affirm_it_there() -> None:
    def said(text: str, id: str, speaker: str, article: str = "a") -> Statement:
        made = make_claim(text, id=id, article=article, speaker_text=speaker, speaker=speaker)
        return Statement(made, frozenset({"dam"}), None)

    misread = said("the dam had lost its purpose", "c1", "@berg")
    denial = said("the dam is no longer safe", "c2", "@berg")
    other = said("the dam will always be safe", "c3", "@lund")
    later = said("the dam is safe after all", "c4", "@berg", article="b")
    kept = _without_self_contradiction([misread, denial, other, later])
    # another article's affirmation may be a change of mind; only the same article's is the misread
    assert [statement.claim.id for statement in kept] == ["c2", "c3", "c4"]


def test_a_claim_said_once_joins_the_one_weighed_group_its_voice_speaks_in_and_its_pairs_reach() -> None:
    def said(text: str, id: str, speaker: str) -> Statement:
        return Statement(make_claim(text, id=id, speaker_text=speaker, speaker=speaker), frozenset(), None)

    first = said("the harbour dredging broke the permit", "c1", "@port")
    second = said("the dredging of the harbour violated its permit", "c2", "@union")
    third = said("the dredging went against the harbour permit", "c3", "@port")  # said once, a voice of it
    other = said("the port's budget for the harbour is too small", "c4", "@port")
    groups = [[first, second], [third], [other]]
    statements = [first, second, third, other]
    weighed, said_once = [True, False, False], [False, True, True]
    joined = _keyed_once_joined(groups, statements, [(0, 2)], said_once, weighed)
    assert [[s.claim.id for s in group] for group in joined] == [["c1", "c2", "c3"], ["c4"]]
    # no alike pair: it stays alone (never forced); nor does it join a group no two sources weigh
    assert _keyed_once_joined(groups, statements, [], said_once, weighed) == groups
    assert _keyed_once_joined(groups, statements, [(2, 3)], said_once, weighed) == groups
    # another voice joins no group by such pairs alone (it would stand as a source of it)
    mayor = said("the dredging went against the harbour permit", "c3", "@mayor")
    apart = [[first, second], [mayor], [other]]
    assert _keyed_once_joined(apart, [first, second, mayor, other], [(0, 2)], said_once, weighed) == apart
    # reaching two weighed groups, it joins neither: which one it asks is in doubt
    two = [True, False, True]
    assert _keyed_once_joined(groups, statements, [(0, 2), (2, 3)], said_once, two) == groups


def test_a_proposition_whose_pronoun_names_no_one_is_no_question() -> None:
    # issue #14: "Will he resign …?" cannot say whom it asks of; named, the same two sides are asked
    articles = [
        Article(id="a", text="x", outlet="Harbour Post", published="2024-10-02"),
        Article(id="b", text="x", outlet="Coast Daily", published="2024-10-01"),
    ]
    story = Story(id="s", title="harbour", articles=("a", "b"))

    def sides(subject: str) -> list[str]:
        verb_at = (len(subject) + 1,)
        claims = [
            make_claim(content, article=article, id=f"c{index}", speaker_text=who, finite_verbs=verb_at)
            for index, (content, article, who) in enumerate(
                [
                    (f"{subject} will resign before the vote", "a", "Union"),
                    (f"{subject} will not resign before the vote", "b", "Port"),
                ]
            )
        ]
        return [question.question for question in build_ledger(story, claims, articles, [], [])]

    assert sides("he") == []
    assert sides("the harbour master") == ["Will the harbour master resign before the vote?"]
