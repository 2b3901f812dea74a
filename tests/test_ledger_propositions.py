"""Statements keyed by predicate and arguments (``ledger.propositions``), and grouped by their keys
(``ledger.statements``), on sentences written for them. A content's predicates are tested in
``test_ledger_proposition_predicates``, the links between two keys in ``test_ledger_proposition_links``.

The finite-verb offsets a claim carries come from the worker's parse (``claims.finite``); here they are set
by hand at the verb, as that parse places them (the verb, not its auxiliary).
"""

from __future__ import annotations

import pytest
from factories import make_article, make_claim

from storyline.config import DEFAULT_SETTINGS
from storyline.records import Claim
from storyline.stages.entities import country_ids
from storyline.stages.ledger.grouping import content_words, rarity_weights, similarity
from storyline.stages.ledger.proposition_predicates import predicate_classes, predicates_of
from storyline.stages.ledger.propositions import (
    PropositionKey,
    demonstrative_subject,
    demonym_countries,
    masked_content,
    proposition_key,
    subject_noun,
)
from storyline.stages.ledger.statements import (
    Statement,
    group_statements,
    join_keyed_outlet_voice,
    join_outlet_voice,
    join_same_span,
)

SETTINGS = DEFAULT_SETTINGS.ledger


def claim(text: str, *verbs: str, id: str = "c1") -> Claim:
    """A claim whose content's top-level finite verbs are the first occurrences of ``verbs``."""
    return make_claim(text, id=id, speaker_text="Someone", finite_verbs=tuple(text.index(v) for v in verbs))


def test_a_content_without_a_finite_verb_or_saying_nothing_has_no_key() -> None:
    assert predicates_of(claim("the envoy to resign", *())) == frozenset()
    assert predicates_of(claim("I think so", "think")) == frozenset()  # a vacuous predicate
    assert proposition_key(claim("the envoy to resign", *()), frozenset(), {}) is None


def test_arguments_are_entity_ids_and_name_last_words() -> None:
    key = proposition_key(claim("Clinton was careless", "was"), frozenset({"@e1"}), {"e1": "Hillary Clinton"})
    assert key == PropositionKey(frozenset({"careless"}), frozenset({"@e1", "~clinton"}))


@pytest.mark.parametrize(
    ("text", "verb", "noun"),
    [
        ("a regional referee was partial", "was", "referee"),
        ("the referee handling the final was biased", "was", "referee"),  # a participle opens a modifier
        ("a Spanish-born referee in the cup final was hostile", "was", "referee"),
        ("the city's chief referee, a former player, was biased", "was", "referee"),
        ("Okafor was biased", "was", ""),  # a name: an entity's, read as an argument
        ("he was biased", "was", ""),  # a pronoun
        ("whether the referee was biased", "was", ""),  # no subject run: a complementiser first
    ],
)
def test_the_subject_noun_is_the_head_of_the_run_opening_the_subject(text: str, verb: str, noun: str) -> None:
    assert subject_noun(text, text.index(f" {verb}") + 1) == noun


@pytest.mark.parametrize(
    ("text", "verb", "act"),
    [
        ("And that was reckless", "was", True),
        ("but this is a disgrace", "is", True),
        ("that decision was reckless", "was", False),  # a determiner: the noun says what
        ("Okafor was reckless", "was", False),
        ("he was reckless", "was", False),
    ],
)
def test_a_bare_demonstrative_subject_is_an_act(text: str, verb: str, act: bool) -> None:
    assert demonstrative_subject(text, text.index(f" {verb}") + 1) is act


# A story's entities: two countries, a country's government and a person (entity id → name).
STORY_NAMES = {"md": "Moldova", "us": "United States", "gov": "Government of Moldova", "p": "Ion Popa"}


def test_a_storys_countries_are_its_entities_the_lexicon_knows_as_countries_by_each_name() -> None:
    countries = country_ids(STORY_NAMES)
    assert countries["moldova"] == "md"
    assert countries["america"] == countries["united states"] == "us"  # an alias of the lexicon
    assert "md" in countries.values() and not {"gov", "p"} & set(countries.values())


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("Moldovan hackers broke into the ministry's servers", {"@md"}),
        ("the Moldovan government was behind the leak", {"@md"}),  # beside the government's own entity
        ("Moldovans voted early", {"@md"}),  # a people
        ("American officials blamed the leak on Chisinau", {"@us"}),  # by the country's alias
        ("a Moldovan-born engineer was hired", set()),  # a hyphen: a person's origins
        ("the engineer is Moldovan", set()),  # a predicate, not an actor
        ("Georgian hackers broke in", set()),  # a country the story does not name
        ("the Democratic committee was hacked", set()),  # no country's stem
    ],
)
def test_a_demonym_modifying_a_noun_names_its_country(text: str, named: set[str]) -> None:
    assert demonym_countries(text, country_ids(STORY_NAMES)) == frozenset(named)


def test_the_masked_content_keeps_what_is_said_not_of_whom_how_much_or_which_side() -> None:
    text = "Clinton did not send 300 classified emails"
    masked = masked_content(make_claim(text, id="c"), [(0, 7)])
    assert masked == "someone did send some classified emails"


def test_a_keyed_pair_joins_one_proposition_that_word_overlap_alone_leaves_apart() -> None:
    first = claim("Clinton was extremely careless with classified material", "was", id="a")
    second = claim("Crooked Hillary and her team were careless in handling sensitive data", "were", id="b")
    statements = [Statement(c, content_words(c.text), antecedent=None) for c in (first, second)]
    apart = group_statements(statements, SETTINGS)
    joined = group_statements(statements, SETTINGS, keyed={(0, 1): SETTINGS.keyed_link_score})
    assert len(apart) == 2 and len(joined) == 1


def test_statements_asserting_other_predicates_stay_apart_however_many_words_they_share() -> None:
    drop = claim("it will drop another batch of cables next week to get the releases back on track", "drop")
    take = claim("it would take two months to get the releases back on track", "take", id="c2")
    statements = [Statement(c, content_words(c.text), antecedent=None) for c in (drop, take)]
    weight = rarity_weights([s.words for s in statements])
    assert similarity(statements[0].words, statements[1].words, weight) >= SETTINGS.proposition_similarity
    assert len(group_statements(statements, SETTINGS)) == 2
    # one predicate, however inflected ("cancelled" through the lemma table), still groups on its words
    ferry = "the night ferry to the islands was cancelled because of the storm"
    cancelled = [claim(ferry, "was", id=f"f{n}") for n in (1, 2)]
    alike = [Statement(c, content_words(c.text), antecedent=None) for c in cancelled]
    assert len(group_statements(alike, SETTINGS)) == 1


def test_predicates_of_one_class_are_not_other_predicates_when_statements_are_grouped() -> None:
    # "was biased" and "had a conflict of interest" answer whether an arbiter is partial (class
    # ``partiality``): the words they share count, as they would for one predicate
    biased = claim("the port arbiter was biased against the union because of his heritage", "was", id="a")
    conflict = claim(
        "the port arbiter had a conflict of interest against the union because of his heritage", "had"
    )
    assert predicate_classes(predicates_of(biased)) & predicate_classes(predicates_of(conflict))
    statements = [Statement(c, content_words(c.text), antecedent=None) for c in (biased, conflict)]
    weight = rarity_weights([s.words for s in statements])
    assert similarity(statements[0].words, statements[1].words, weight) >= SETTINGS.proposition_similarity
    assert len(group_statements(statements, SETTINGS)) == 1
    # a predicate of no class is another predicate: as many shared words leave them apart
    delayed = claim("the port arbiter was delayed against the union because of his heritage", "was", id="c")
    other = [Statement(c, content_words(c.text), antecedent=None) for c in (delayed, conflict)]
    assert len(group_statements(other, SETTINGS)) == 2


def test_a_negated_norm_joins_no_proposition_of_another_predicate_by_a_shared_entity_alone() -> None:
    # issue #14 (PolNeAR khan-family): "she does not believe the Khans should be immune from criticism"
    # joined "Khan unfairly had attacked him" by the names they share, and stood as its denial; a negated
    # norm (what ought to be) denies no event of another predicate
    blamed = claim("the harbour mayor unfairly had blamed the ferry crews over the late sailings", "had")
    plain = (
        "she believes the harbour mayor and the ferry crews should be immune from criticism over the sailings"
    )
    negated = plain.replace("believes", "does not believe")
    affirmed = claim(plain, "believes", "should", id="b")
    denied = claim(negated, "believe", "should", id="c")
    factual = claim(negated.replace("should be", "were"), "believe", "were", id="d")

    def grouped(other: Claim) -> int:
        statements = [
            Statement(c, content_words(c.text) | {"@mayor"}, antecedent=None) for c in (blamed, other)
        ]
        weight = rarity_weights([s.words for s in statements])
        assert similarity(statements[0].words, statements[1].words, weight) >= SETTINGS.proposition_similarity
        return len(group_statements(statements, SETTINGS))

    assert grouped(denied) == 2
    # must not: an affirmed norm, or a negation of what was ("were not immune"), still lets the shared
    # entity count, as before
    assert grouped(affirmed) == 1
    assert grouped(factual) == 1


def test_an_outlet_voice_claim_joins_the_proposition_it_is_keyed_to_and_only_once() -> None:
    speaker = claim("the director would not recommend charges against the envoy", "recommend", id="a")
    other = claim("the ministry summoned the ambassador", "summoned", id="b")
    statements = [Statement(c, content_words(c.text), antecedent=None) for c in (speaker, other)]
    groups = [[statements[0]], [statements[1]]]
    narrated = make_claim("The director decided against recommending charges", id="v", cue="")
    words = {"v": content_words(narrated.text)}
    join_keyed_outlet_voice(statements, [narrated], [(0, 0), (1, 0)], words, groups)
    assert [s.claim.id for s in groups[0]] == ["a", "v"] and [s.claim.id for s in groups[1]] == ["b"]


def test_an_outlet_voice_claim_inside_a_claims_content_does_not_join_it_as_a_second_voice() -> None:
    text = "The commissioner says an internal review shows no clerk leaked the filings."
    article = make_article(text)
    review = make_claim(
        "an internal review shows no clerk leaked the filings",
        article=article,
        id="a",
        cue="says",
        speaker_text="The commissioner",
        finite_verbs=(19,),
    )
    nested = make_claim("no clerk leaked the filings", article=article, id="v", cue="", finite_verbs=(9,))
    groups = [[Statement(review, content_words(review.text), antecedent=None)]]
    words = {"v": content_words(nested.text)}
    join_outlet_voice([nested], words, groups, SETTINGS.outlet_voice_similarity)
    join_keyed_outlet_voice(groups[0], [nested], [(0, 0)], words, groups)
    assert [s.claim.id for s in groups[0]] == ["a"]


def test_the_outlets_side_on_a_reported_contents_very_span_joins_it() -> None:
    # "the mayor wrongly suggested the inspector is part of a group …": the outlet denies the same words
    text = "The mayor wrongly suggested the inspector is part of a group organising the protests."
    article = make_article(text)
    content = "the inspector is part of a group organising the protests"
    reported = make_claim(content, article=article, id="c", cue="suggested", speaker_text="The mayor")
    outlet = make_claim(content, article=article, id="f", cue="", modality="denied")
    other = make_claim("The mayor wrongly suggested", article=article, id="v", cue="")
    groups = [[Statement(reported, content_words(content), antecedent=None)]]
    words = {c.id: content_words(c.text) for c in (outlet, other)}
    assert [c.id for c in join_same_span([outlet, other], words, groups)] == ["v"]
    assert [s.claim.id for s in groups[0]] == ["c", "f"]


def narration(text: str, verb: str, id: str) -> Claim:
    """An outlet-voice claim (no speaker, no cue) whose top-level finite verb is the first ``verb``."""
    return make_claim(text, id=id, cue="", finite_verbs=(text.index(verb),))


def test_an_outlet_voice_claim_alike_in_names_but_not_in_predicate_stays_out() -> None:
    decision = claim("the harbour board would not fine the ferry company", "fine", id="a")
    groups = [[Statement(decision, content_words(decision.text), antecedent=None)]]
    # the same board and company, but another thing said of them: no side of the decision
    unrelated = narration(
        "The harbour board, run by the city, is unlikely to act on the ferry company", "is", "v"
    )
    # the decision itself, in the outlet's words
    restated = narration("The harbour board chose to fine the ferry company after all", "chose", "w")
    words = {c.id: content_words(c.text) for c in (unrelated, restated)}
    weight = rarity_weights([groups[0][0].words, *words.values()])
    assert unrelated.outlet_voice and restated.outlet_voice
    assert similarity(words["v"], groups[0][0].words, weight) >= SETTINGS.outlet_voice_similarity
    join_outlet_voice([unrelated, restated], words, groups, SETTINGS.outlet_voice_similarity)
    assert [s.claim.id for s in groups[0]] == ["a", "w"]
