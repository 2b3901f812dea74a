import os

import pytest

from storyline.records import ROLE_LABEL, Entity, Mention
from storyline.stages.entities.inflections import inflected_forms
from storyline.stages.entities.resolve import fold_name, resolve_entities, span_index


def mentions(*surfaces: tuple[str, str, str]) -> list[Mention]:
    """(article, surface, label) → mentions at made-up offsets (resolution only reads text and label)."""
    return [
        Mention(article, 10 * n, 10 * n + len(surface), surface, label)
        for n, (article, surface, label) in enumerate(surfaces)
    ]


def groups(entities: list[Entity]) -> set[frozenset[str]]:
    return {frozenset(m.text for m in entity.mentions) for entity in entities}


def test_fold_name_ignores_diacritics_case_and_hyphens() -> None:
    assert fold_name("Budánov") == fold_name("BUDANOV") == "budanov"
    assert fold_name("Yoon Suk-yeol") == fold_name("Yoon Suk Yeol")


def test_fold_name_drops_the_hyphenated_arabic_article_only() -> None:
    assert fold_name("al-Tikriti") == fold_name("el-Tikriti") == fold_name("At-Tikriti") == "tikriti"
    assert fold_name("Abd ar-Razzaq as-Samarrai") == "abd razzaq samarrai"
    assert fold_name("Al Franken") == "al franken"  # a given name, not the article
    assert fold_name("Zhou En-lai") == "zhou en lai"
    assert fold_name("Rolls-Royce") == "rolls royce"


def test_fold_name_drops_the_apostrophe_of_an_ejective_consonant_only() -> None:
    # Georgian national and scholarly romanisation: "k'", "p'", "t'", "ts'", "ch'", "q'" inside a word
    assert fold_name("Ts'its'ishvili") == fold_name("Tsitsishvili") == "tsitsishvili"
    assert fold_name("Vakht’ang K’obalia") == "vakhtang kobalia"
    assert fold_name("Mzhavanadzeʼs") != fold_name("Mzhavanadzes")  # a possessive keeps its break
    assert fold_name("O'Neill") == "o neill"  # after a vowel: an Irish name's apostrophe
    assert fold_name("D'Alema") == "d alema"


def test_transliterations_and_partial_names_merge() -> None:
    found = resolve_entities(
        mentions(
            ("a", "Oleksandr Kovalenko", "PERSON"),
            ("b", "Olexandr Kovalenko", "PERSON"),
            ("b", "Kovalenkoo", "PERSON"),
            ("c", "Kovalenko", "PERSON"),
            ("c", "Kim Min-jun", "PERSON"),
            ("d", "Kim Minjun", "PERSON"),
        )
    )
    assert groups(found) == {
        frozenset({"Oleksandr Kovalenko", "Olexandr Kovalenko", "Kovalenkoo", "Kovalenko"}),
        frozenset({"Kim Min-jun", "Kim Minjun"}),
    }
    kovalenko = next(e for e in found if "Kovalenko" in e.name)
    assert kovalenko.name in {"Oleksandr Kovalenko", "Olexandr Kovalenko"}
    assert "Kovalenko" in kovalenko.aliases


def test_different_people_stay_apart() -> None:
    found = resolve_entities(
        mentions(
            ("a", "Kim Jong Un", "PERSON"),
            ("a", "Kim Yo Jong", "PERSON"),
            ("b", "Kim", "PERSON"),  # ambiguous surname: joins neither
            ("b", "Vladimir Putin", "PERSON"),
            ("c", "Sara Lind", "PERSON"),
            ("c", "Sara Lindqvist", "PERSON"),
        )
    )
    assert len(found) == 6


def test_a_lone_surname_is_the_person_its_article_names_in_full_though_the_scope_has_two() -> None:
    people = [
        ("a", "Karen Vardanyan", "PERSON"),
        ("a", "Vardanyan", "PERSON"),
        ("b", "Karen Vardanyan", "PERSON"),
        ("c", "Aram Vardanyan", "PERSON"),
        ("c", "Vardanyan", "PERSON"),
    ]
    found = resolve_entities(mentions(*people))
    karen = next(e for e in found if e.name == "Karen Vardanyan")
    aram = next(e for e in found if e.name == "Aram Vardanyan")
    assert [(m.article, m.text) for m in karen.mentions] == [
        ("a", "Karen Vardanyan"),
        ("a", "Vardanyan"),
        ("b", "Karen Vardanyan"),
    ]
    assert [(m.article, m.text) for m in aram.mentions] == [("c", "Aram Vardanyan"), ("c", "Vardanyan")]


def test_places_and_organisations_do_not_merge_with_people() -> None:
    found = resolve_entities(
        mentions(("a", "Jordan", "GPE"), ("b", "Jordan", "PERSON"), ("c", "Jordan", "LOC"))
    )
    assert groups(found) == {frozenset({"Jordan"})} and len(found) == 2


def test_span_index_prefers_person_inside_speaker_words() -> None:
    text_mentions = [
        Mention("a", 0, 9, "Ukrainian", "GPE"),
        Mention("a", 20, 38, "Volodymyr Zelensky", "PERSON"),
    ]
    entities = resolve_entities(text_mentions)
    entity_at = span_index(entities)
    person = next(e for e in entities if e.type == "PERSON")
    assert entity_at("a", 0, 38) == person.id
    assert entity_at("a", 40, 50) is None
    assert entity_at("b", 0, 38) is None


def test_people_of_a_person_are_not_that_person_but_a_thing_of_theirs_speaks_for_them() -> None:
    """Issue #14 (PolNeAR classified-emails): "Some Clinton allies" are not Clinton; "Clinton's campaign"
    still speaks for her."""
    entities = resolve_entities([Mention("a", 5, 12, "Clinton", "PERSON")])
    entity_at = span_index(entities)
    assert entity_at("a", 0, 19, "Some Clinton allies") is None
    assert entity_at("a", 5, 23, "Clinton's campaign") == entities[0].id
    assert entity_at("a", 5, 12, "Clinton") == entities[0].id


def test_a_relation_of_a_person_is_not_that_person_but_a_relay_still_speaks_for_them() -> None:
    """Issue #14 (PolNeAR police-shootings): "Keith Lamont Scott's wife" is not Scott. A name in apposition
    is the speaker; "X's spokesman" and "X's campaign" still speak for X."""
    words = "Tomas Vidal's longtime neighbour, Ines Moreno"
    found = resolve_entities(
        [Mention("a", 0, 11, "Tomas Vidal", "PERSON"), Mention("a", 33, 45, "Ines Moreno", "PERSON")]
    )
    entity_at = span_index(found)
    vidal = next(e for e in found if e.name == "Tomas Vidal")
    moreno = next(e for e in found if e.name == "Ines Moreno")

    def speaker(words: str) -> str | None:
        return entity_at("a", 0, len(words), words)

    assert speaker(words) == moreno.id
    assert speaker("Tomas Vidal's widow") is None
    assert speaker("Tomas Vidal's family lawyer") is None
    assert speaker("Tomas Vidal’s two daughters") is None
    assert speaker("Tomas Vidal's spokesman") == vidal.id
    assert speaker("Tomas Vidal's campaign") == vidal.id
    assert speaker("Tomas Vidal") == vidal.id
    # "the sister of X" is not X; "the deputy of X" speaks for X.
    found = resolve_entities([Mention("a", 14, 25, "Tomas Vidal", "PERSON")])
    entity_at = span_index(found)
    assert speaker("the sister of Tomas Vidal") is None
    assert speaker("the deputy of Tomas Vidal") == found[0].id
    # A name the tagger split ("Tomas" + "Maria Vidal") is still the one the relation is named by.
    found = resolve_entities(
        [Mention("a", 0, 5, "Tomas", "PERSON"), Mention("a", 6, 17, "Maria Vidal", "PERSON")]
    )
    entity_at = span_index(found)
    assert speaker("Tomas Maria Vidal's wife") is None


def test_a_role_speaker_speaks_for_the_actor_before_the_role_not_after() -> None:
    words = "North Korea's representative to the United Nations"
    found = resolve_entities(
        [Mention("a", 0, 11, "North Korea", "GPE"), Mention("a", 37, 51, "United Nations", "ORG")]
    )
    entity_at = span_index(found)
    north_korea = next(e for e in found if e.name == "North Korea")
    assert entity_at("a", 0, len(words), words) == north_korea.id
    # Without the speaker's words the lookup keeps ranking organisations first.
    assert entity_at("a", 0, len(words)) != north_korea.id
    assert entity_at("a", 14, len(words), words[14:]) is None


# Floors: the scores measured on the demo corpus gold (python eval/entities.py) minus a small margin.
# Issue #2: B3 F1 0.621, pairwise merge precision 0.933. Issue #3: B3 F1 0.759, pairwise P 0.917 F1 0.633.
# Issue #17 (organisation descriptions across a story, ministries of ministers, introductions): B3 F1 0.877,
# pairwise P 0.958 F1 0.862.
def test_demo_corpus_entity_scores_stay_above_floors(demo_brief, demo_gold) -> None:
    from eval.entities import score_entities

    scores = score_entities(demo_brief, demo_gold)
    assert scores["B3 (gold mentions)"].f1 >= 0.85
    assert scores["pairwise merges"].precision >= 0.93
    assert scores["pairwise merges"].f1 >= 0.83
    # actor precision 0.899 when it was added (issue #17, fifteenth round)
    assert scores["actors (PERSON/ORG names)"].precision >= 0.88


def test_actor_scores_count_places_called_actors_and_gold_actors_found_within_their_article() -> None:
    from eval.entities import actor_scores

    gold = {"a": [(0, 5), (20, 25)], "b": [(0, 5)]}
    # (10, 15) is a place named as an actor; (22, 24) in "b" has the offsets of a gold actor of "a" only
    predicted = {"a": [(0, 5), (10, 15)], "b": [(22, 24)]}
    scores = actor_scores(predicted, gold)
    assert (scores.precision, scores.recall) == (1 / 3, 1 / 3)
    # relabelling the place an actor no more raises precision, and leaves recall
    relabelled = actor_scores({"a": [(0, 5)], "b": [(22, 24)]}, gold)
    assert (relabelled.precision, relabelled.recall) == (0.5, 1 / 3)
    # a gold that does not mark every name judges only the names it marks (any type)
    judged = actor_scores(predicted, gold, judged={"a": [(0, 5)], "b": []})
    assert (judged.precision, judged.recall) == (1.0, 1 / 3)


def test_mention_precision_counts_only_the_scored_articles_mentions(demo_brief, demo_gold) -> None:
    """Scoring one story of a corpus (the held-out one, say) must not count the mentions of the others, which
    no gold given here marks: the score is the one of a brief holding that article's mentions alone."""
    from dataclasses import replace

    from eval.common import gold_articles
    from eval.entities import score_entities

    entry, article = gold_articles(demo_brief, demo_gold)[0]
    alone = replace(
        demo_brief,
        entities=tuple(
            replace(entity, mentions=tuple(m for m in entity.mentions if m.article == article.id))
            for entity in demo_brief.entities
        ),
    )
    within_corpus = score_entities(demo_brief, [entry])["mention detection"]
    assert within_corpus == score_entities(alone, [entry])["mention detection"]


SEEDS = __import__("pathlib").Path(__file__).resolve().parents[2] / "shared" / "seeds"


def test_seed_actors_are_one_entity_each_and_distinct_actors_stay_apart() -> None:
    if not SEEDS.is_dir():
        import pytest

        pytest.skip(f"the seed articles are not at {SEEDS}")
    from storyline import pipeline
    from storyline.config import DEFAULT_SETTINGS
    from storyline.records import Article

    articles = [a for a in pipeline.iter_articles([SEEDS], DEFAULT_SETTINGS) if isinstance(a, Article)]
    analyses = list(pipeline.run_article_stages(articles))
    found = resolve_entities([m for a in analyses for m in a.mentions])

    def entity_of(surface: str) -> Entity:
        (entity,) = [e for e in found if surface in {m.text for m in e.mentions}]
        return entity

    for variants in (
        ("Volodymyr Zelensky", "Zelenskyy", "Volodimir Zelensky", "Zelensky"),
        ("Yoon Suk-yol", "Yoon Suk Yeol", "Yoon Suk-yeol"),
        ("Kyrylo Budanov", "Kirilo Budánov"),
        ("Mark Rutte", "Rutte"),
        ("Emmanuel Macron", "Macron"),
        ("National Intelligence Service", "NIS"),
        ("Gabrielius Landsbergis", "the Lithuanian foreign minister"),
    ):
        assert len({entity_of(v).id for v in variants}) == 1, variants
    assert any("Secretary General" in role for role in entity_of("Mark Rutte").roles)
    assert entity_of("Kyrylo Budanov").roles
    distinct = ["Vladimir Putin", "Volodymyr Zelensky", "Gabrielius Landsbergis", "Gitanas Nauseda"]
    assert len({entity_of(name).id for name in distinct}) == len(distinct)
    korea = [e for e in found if e.name in {"North Korea", "South Korea"}]
    assert len(korea) == 2


def test_a_capital_the_model_tagged_as_a_person_is_a_place() -> None:
    mentions = [
        Mention("a1", 0, 4, "Kyiv", "PERSON"),
        Mention("a1", 20, 31, "Ana Petrova", "PERSON"),
    ]
    by_name = {entity.name: entity for entity in resolve_entities(mentions)}
    assert by_name["Kyiv"].type == "GPE"
    assert by_name["Ana Petrova"].type == "PERSON"


def test_a_name_the_collection_also_writes_with_a_legal_form_is_that_company() -> None:
    """Issue #17, generalise gas-leak: the small model tags a company's bare name a person in one report
    ("Velmora Plastics said"), and the company with its legal form was split from it. Two reports of one
    story (two people in both)."""
    found = resolve_entities(
        mentions(
            ("a", "Velmora Plastics Pvt. Ltd.", "ORG"),
            ("a", "Anita Desai", "PERSON"),
            ("a", "Ravi Menon", "PERSON"),
            ("b", "Velmora Plastics", "PERSON"),
            ("b", "Velmora Plastics", "PERSON"),
            ("b", "Anita Desai", "PERSON"),
            ("b", "Ravi Menon", "PERSON"),
        )
    )
    assert groups(found) == {
        frozenset({"Velmora Plastics Pvt. Ltd.", "Velmora Plastics"}),
        frozenset({"Anita Desai"}),
        frozenset({"Ravi Menon"}),
    }
    assert next(e for e in found if e.name.startswith("Velmora")).type == "ORG"


def test_a_demonym_tagged_as_an_organisation_is_not_an_actor() -> None:
    mentions = [
        Mention("a1", 0, 10, "Lithuanian", "ORG"),
        Mention("a1", 30, 39, "Lithuania", "GPE"),
        Mention("a2", 0, 8, "Ukrainska", "ORG"),
        Mention("a3", 0, 6, "Kazakh", "ORG"),
        Mention("a3", 20, 30, "Kazakhstan", "GPE"),
        Mention("a3", 40, 45, "Tajik", "ORG"),  # no Tajikistan in the collection: left as it was tagged
    ]
    names = {entity.name for entity in resolve_entities(mentions)}
    assert not {"Lithuanian", "Kazakh"} & names
    assert {"Lithuania", "Ukrainska", "Kazakhstan", "Tajik"} <= names


# MEANTIME English (python eval/entities.py --corpus meantime), fifth round: B3 F1 0.853 on airbus (the
# development corpus) and 0.732 on apple (no longer strictly held out: an ablation of the organisation rules
# was scored on it). Sixth round (issue #17): airbus 0.886, apple unchanged. Seventh round (its errors read,
# rules written for any company or person): airbus 0.896, apple 0.858. Twelfth round (a lone given name,
# trades in apposition and "the US manufacturer"): airbus 0.915, apple 0.884. Floors are those minus 0.03;
# on apple the resolution must also beat merging equal strings, or it adds nothing.
MEANTIME_B3_F1_FLOORS = {"airbus": 0.885, "apple": 0.854}


@pytest.mark.parametrize("corpus", sorted(MEANTIME_B3_F1_FLOORS))
def test_meantime_cross_document_scores_stay_above_floors(corpus: str) -> None:
    from eval.meantime import MEANTIME

    if not (MEANTIME / f"corpus_{corpus}").is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail(f"MEANTIME corpus {corpus} is absent under {MEANTIME} in CI")
        pytest.skip(f"MEANTIME corpus {corpus} is absent under {MEANTIME}")
    from eval.entities import score_meantime

    scores = score_meantime([corpus])
    assert scores["B3 (gold names)"].f1 >= MEANTIME_B3_F1_FLOORS[corpus]
    assert scores["B3 (gold names)"].f1 > scores["baseline: same string, B3"].f1


def test_a_name_several_qualifiers_share_does_not_chain_them_together() -> None:
    found = resolve_entities(
        [
            Mention("a", 0, 16, "Royal Air Force", "ORG"),
            Mention("b", 0, 23, "United States Air Force", "ORG"),
            Mention("b", 40, 49, "Air Force", "ORG"),
            Mention("c", 0, 9, "Air Force", "ORG"),
            Mention("d", 0, 40, "South Korean National Intelligence Service", "ORG"),
            Mention("e", 0, 29, "National Intelligence Service", "ORG"),
        ]
    )
    by_mention = {(m.article, m.start): entity.id for entity in found for m in entity.mentions}
    assert by_mention[("a", 0)] != by_mention[("b", 0)]
    # In the article that says which air force, "Air Force" is that one; elsewhere it stays unresolved.
    assert by_mention[("b", 40)] == by_mention[("b", 0)]
    assert by_mention[("c", 0)] not in {by_mention[("a", 0)], by_mention[("b", 0)]}
    # A name with one qualifier in the collection is that organisation.
    assert by_mention[("d", 0)] == by_mention[("e", 0)]


def test_a_transliteration_merges_only_where_the_two_spellings_share_a_context() -> None:
    shared = [("x", "Red Cross", "ORG"), ("x", "Tatyana Moskalkova", "PERSON")]
    related = mentions(
        ("a", "Dmytro Lubinets", "PERSON"),
        *[("a", surface, label) for _, surface, label in shared],
        ("b", "Dmytro Lubinez", "PERSON"),
        *[("b", surface, label) for _, surface, label in shared],
        ("c", "Dmytro Lubiniec", "PERSON"),  # Polish spelling, in an unrelated article
        ("c", "Nordic Council", "ORG"),
    )
    found = groups(resolve_entities(related))
    assert frozenset({"Dmytro Lubinets", "Dmytro Lubinez"}) in found
    assert frozenset({"Dmytro Lubiniec"}) in found


def test_east_slavic_given_name_forms_merge_in_one_story_but_other_given_names_do_not() -> None:
    story = [("Red Cross", "ORG"), ("Tatyana Moskalkova", "PERSON")]
    found = groups(
        resolve_entities(
            mentions(
                ("a", "Olena Kondratiuk", "PERSON"),
                *[("a", s, label) for s, label in story],
                ("b", "Yelena Kondratyuk", "PERSON"),
                *[("b", s, label) for s, label in story],
                ("b", "Iryna Kondratyuk", "PERSON"),
            )
        )
    )
    assert frozenset({"Olena Kondratiuk", "Yelena Kondratyuk"}) in found
    assert frozenset({"Iryna Kondratyuk"}) in found


def test_greek_given_name_forms_and_spellings_merge_in_one_story_but_other_given_names_do_not() -> None:
    """Issue #17: the everyday and the church form of a Greek given name, the surname spelled letter by
    letter or by sound ("Chatzi-" / "Jatzi-"), are one person in one story; another given name is not."""
    story = [("Hellenic Coast Guard", "ORG"), ("Petros Lambrakis", "PERSON")]
    found = groups(
        resolve_entities(
            mentions(
                ("a", "Konstantinos Chatzipetrou", "PERSON"),
                *[("a", s, label) for s, label in story],
                ("b", "Kostas Jatzipetru", "PERSON"),
                *[("b", s, label) for s, label in story],
                ("b", "Stavros Chatzipetrou", "PERSON"),
            )
        )
    )
    assert frozenset({"Konstantinos Chatzipetrou", "Kostas Jatzipetru"}) in found
    assert frozenset({"Stavros Chatzipetrou"}) in found


def test_a_name_written_surname_first_joins_the_same_name_in_the_usual_order() -> None:
    """Greek official lists print "Mavridis Giorgos"; it is "Giorgos Mavridis" when both are in the
    collection. Two words in reverse where neither is a listed given name stay apart."""
    found = groups(
        resolve_entities(
            mentions(
                ("a", "Giorgos Mavridis", "PERSON"),
                ("b", "Mavridis Giorgos", "PERSON"),
                ("c", "Wei Lan", "PERSON"),
                ("d", "Lan Wei", "PERSON"),
            )
        )
    )
    assert frozenset({"Giorgos Mavridis", "Mavridis Giorgos"}) in found
    assert frozenset({"Wei Lan"}) in found and frozenset({"Lan Wei"}) in found


def test_a_chinese_name_in_both_orders_is_one_person_and_its_lone_surname_too() -> None:
    """Issue #17, generalise cable: a wire prints "Liu Mingxia", a translation "Mingxia Liu"; the first
    word a Chinese surname and the other's none, they are one person, and "Liu" alone is hers."""
    found = groups(
        resolve_entities(
            mentions(
                ("a", "Mingxia Liu", "PERSON"),
                ("a", "Liu", "PERSON"),
                ("b", "Liu Mingxia", "PERSON"),
                ("c", "Gao Lin", "PERSON"),  # both words surnames: which order is whose, no report says
                ("d", "Lin Gao", "PERSON"),
            )
        )
    )
    assert frozenset({"Mingxia Liu", "Liu", "Liu Mingxia"}) in found
    assert frozenset({"Gao Lin"}) in found and frozenset({"Lin Gao"}) in found


def test_a_name_printed_surname_first_in_another_spelling_joins_the_person_it_reads_as() -> None:
    """Issue #17: "Sargsjan Lilit" of a German report, which the small model tags an organisation, is the
    person "Lilit Sargsyan" of an English report on the same actors; not of a report sharing none."""
    shared = [("Central Electoral Commission", "ORG"), ("Free City", "ORG"), ("Open Ballot", "ORG")]
    english = [("a", "Lilit Sargsyan", "PERSON"), *(("a", name, label) for name, label in shared)]
    german = [("b", "Sargsjan Lilit", "ORG"), *(("b", name, label) for name, label in shared)]
    found = groups(resolve_entities(mentions(*english, *german)))
    assert frozenset({"Lilit Sargsyan", "Sargsjan Lilit"}) in found
    entities = resolve_entities(mentions(*english, *german))
    (person,) = [e for e in entities if any(m.text == "Sargsjan Lilit" for m in e.mentions)]
    assert person.type == "PERSON"
    elsewhere = [("c", "Sargsjan Lilit", "ORG"), ("c", "Harbour Authority", "ORG")]
    assert frozenset({"Lilit Sargsyan"}) in groups(resolve_entities(mentions(*english, *elsewhere)))


def test_a_lone_surname_of_a_name_printed_surname_first_joins_that_person() -> None:
    """Issue #17: "said Sargsjan" after "Sargsjan Lilit" (tagged an organisation, whose first word is thus
    an organisation's edge word) is the person "Lilit Sargsyan" of the English report; not where no report
    reads the printed name as a person."""
    shared = [("Central Electoral Commission", "ORG"), ("Free City", "ORG"), ("Open Ballot", "ORG")]
    english = [("a", "Lilit Sargsyan", "PERSON"), *(("a", name, label) for name, label in shared)]
    german = [("b", "Sargsjan Lilit", "ORG"), ("b", "Sargsjan", "PERSON")]
    german += [("b", name, label) for name, label in shared]
    found = groups(resolve_entities(mentions(*english, *german)))
    assert frozenset({"Lilit Sargsyan", "Sargsjan Lilit", "Sargsjan"}) in found
    assert frozenset({"Lilit Sargsyan"}) in groups(resolve_entities(mentions(english[0], *german)))


def test_an_arabic_compound_given_name_reads_alike_however_its_article_is_written() -> None:
    """Issue #17: "Abd ar-Rahman al-Dschabiri" (German) is "Abdulrahman al-Jabiri" when both are given one
    role; "Khalid al-Jabiri" is someone else."""
    found = resolve_entities(
        [
            Mention("a", 0, 26, "Abd ar-Rahman al-Dschabiri", "PERSON", role="Health Minister"),
            Mention("b", 0, 21, "Abdulrahman al-Jabiri", "PERSON", role="Health Minister"),
            Mention("c", 0, 16, "Khalid al-Jabiri", "PERSON", role="Health Minister"),
        ]
    )
    assert groups(found) == {
        frozenset({"Abd ar-Rahman al-Dschabiri", "Abdulrahman al-Jabiri"}),
        frozenset({"Khalid al-Jabiri"}),
    }


def test_a_name_tagged_a_place_that_reads_as_a_persons_name_is_that_person_in_a_shared_story() -> None:
    """French "Jounoussov" for "Zhunusov", which the small model tags a place; given name and surname must
    both read alike ("Aida Jounoussova" is someone else), and the place keeps its type otherwise."""
    story = [("Red Cross", "ORG"), ("Tatyana Moskalkova", "PERSON")]
    found = resolve_entities(
        mentions(
            ("a", "Bolat Zhunusov", "PERSON"),
            *[("a", s, label) for s, label in story],
            ("b", "Bolat Jounoussov", "GPE"),
            ("b", "Jounoussov", "ORG"),
            ("b", "Aida Jounoussova", "GPE"),
            ("b", "Nowa Huta", "GPE"),
            *[("b", s, label) for s, label in story],
        )
    )
    assert frozenset({"Bolat Zhunusov", "Bolat Jounoussov", "Jounoussov"}) in groups(found)
    types = {entity.name: entity.type for entity in found}
    assert types["Aida Jounoussova"] == types["Nowa Huta"] == "GPE"


@pytest.mark.parametrize("with_province", [False, True])
def test_a_one_word_name_of_a_province_does_not_join_the_organisation_it_opens(with_province: bool) -> None:
    story = [("Lorri Development Party", "ORG"), ("Karen Vardanyan", "PERSON"), ("Ani Petrosyan", "PERSON")]
    province = [("a", "Lorri province", "GPE")] if with_province else []
    found = groups(
        resolve_entities(
            mentions(
                *[("a", s, label) for s, label in story],
                ("a", "Lorri", "ORG"),  # "the Lorri electoral commission"
                *province,
                *[("b", s, label) for s, label in story],
            )
        )
    )
    joined = frozenset({"Lorri Development Party", "Lorri"}) in found
    assert joined is not with_province


def test_an_organisation_short_name_joins_the_full_name_of_its_article_unless_two_claim_it() -> None:
    found = groups(
        resolve_entities(
            mentions(
                ("a", "International Committee of the Red Cross", "ORG"),
                ("a", "Red Cross", "ORG"),
                ("b", "International Committee of the Red Cross", "ORG"),
                ("b", "Valdoran Red Cross", "ORG"),
                ("b", "Red Cross", "ORG"),
            )
        )
    )
    assert frozenset({"International Committee of the Red Cross", "Red Cross"}) in found
    assert frozenset({"Red Cross"}) in found  # article b: two full names end in it


# tests/data/generalise, development stories (python eval/entities.py --corpus generalise): B3 F1 0.628
# before the transliteration tables, 0.929 with them, 0.948 with people named after a title (issue #17);
# 0.979 on swap, grid, odesa and quake, and 1.000 on mine (scored held out at 0.835, then developed on) with
# the Spanish and word-initial rows, names read as a person's and names in apposition with a title.
# 0.986 once each story is resolved in its own scope (entities.scopes) and the folder's README is no article.
# 0.960 (P 0.995) with the cholera story added, 0.999 (P 1.000) once its errors were read (issue #17:
# translated organisation names, qualified ministries, Arabic compound given names and "as-" surnames, roles
# resolved only to a holder of that title). 0.971 (P 0.991) at the nineteenth round's end with the takeover
# story (0.706 → 0.836 on it: nationality descriptions, boards, "Brussels", families).
# sfax-bank-fraud joined at the twenty-fifth round's start (scored unseen at 931685e: 0.727, P 0.852), 0.826
# (P 0.876) once its errors were read (Maghrebi spellings of Arabic names, "the bank" beside a central bank
# the report calls so, "the lender", a borrower by his trade); 0.843 (P 0.925) once its gold joined the
# bank's board to the bank, as the takeover story's joins Thermaikos's (generalise README); 0.876 (P 0.938)
# with the prosecution of a body named by its court ("the prosecutor's office of the X", "prosecutors",
# entities.prosecutions) and a firm's tail translated ("& Conseil" for "& Advisory"). Pooled with the
# others it would pull them under their floors, so, as the ledger's late stories
# (tests/test_ledger_gold.py), it has floors of its own.
# pamir-air-crash joined at the twenty-sixth round's start (scored unseen at fb40463: 0.800, P 0.912; 0.907, P
# 0.951 after that round's fixes of romanised acronyms, first portfolios, patronymics and appositions; 0.926,
# P 0.951 with a public body named only by a recurring lower-case description, "the border service", and a
# commission introduced with "a": entities.bodies; 0.947, P 0.961 with an airline's name ending in "Air"
# naming a business, so "the airline" far from it finds it).
# drina-bridge joined at the twenty-sixth round's end (scored unseen at 1a8d090: 0.717, P 0.927).
# Serbo-Croatian letters read bare and a lower-case "the union" kept off the European Union: 0.722, P 0.931.
# 0.827, P 0.970 with a body's name in either word order ("Administration for X" = "X Administration",
# "Republican" = "Republic"), a firm's local trade word (Inženjering) generic and no person's, and a quoted
# nickname inside a name.
# java-eruption joined at the twenty-seventh round's end (scored unseen at 8efc931: 0.700, P 0.885).
# 0.762, P 0.908 with old Indonesian and French spellings read as the modern ones (Soetrisno, Tjahjono,
# Tchahyono), a name after a leading legal form ("PT") a company's, and "the company" no campaign group.
# 0.838, P 0.927 (twenty-eighth round) with a lone given name keyed to its article's one full name opening
# with it, and "The director of the company, X" a person. 0.854, P 0.927 with a body named for its fields
# going on over the "and" where the model cut it ("Centre for Volcanology and Geological Hazard Mitigation");
# 0.865, P 0.927 with "The regent of <Place>, X," a person the model tagged a place.
# gas-leak joined at the twenty-eighth round's end (scored unseen at df3f513: 0.740, P 0.897).
# 0.815, P 0.916 (twenty-ninth round) with Indian forms of address (Shri, Smt.), "Pvt Ltd", Indian spelling
# correspondences (shr/sr, x/ksh) and a shortened given name ("A.K. Srivastava") joined to its one full name;
# 0.877, P 0.967 with a bare company name the model tags a person read as the company the collection names
# with a legal form, a parent company no antecedent of "the company", and "-ji" an honorific suffix.
# storm joined at the twenty-ninth round's end (scored unseen at 45d54ec: 0.873, P 0.957).
# 0.902, P 0.962 (thirtieth round) with a quoted nickname before middle initials and a particle surname, "Ma."
# written out, "Gov."/"Sec." titles before a name; drina-bridge 0.834 with "the contractor" only for the one
# organisation an article introduces as a contractor.
# recall joined at the thirtieth round's end (scored unseen at 64f8ab6: 0.778, P 0.924); cable at the
# thirty-first's (scored unseen at aa5d7b8: 0.810, P 0.963).
# 0.842, P 0.941 (thirty-first round) with a food business's trade words ("the producer", "the dairy", "the
# cheesemaker") generic business heads, an acronym written alone read as its long form and a body introduced
# as an institute no business, a name cut at its surname's particle ("Sofie Van") run on, and a one-word
# organisation two articles tag recovered where a sentence opens with it.
# 0.852, P 0.950 (thirty-first round, later) with a description before an untagged name ("The consumer
# group X") that name's, a name after a title with its portfolio ("The Minister of Health, X") a person, and
# a surname's particles joined where the story writes it as one word.
# cable 0.900, P 0.963 (thirty-fourth round) with one foreign body's two English renderings joined by the
# acronym both define, an own-language name in brackets or after "known in X as" its organisation's, a Chinese
# name in both orders, "the shipowner" the business a report says owns the vessel, a surname with a Finnish or
# Estonian case ending ("Virtasen") the article's one full name, and "the alliance" NATO when named before.
# avalanche joined at the thirty-fourth round's end (scored unseen at ec21fd5: 0.687, P 0.895).
FLOORS_OF_LATE_STORIES = {
    "sfax-bank-fraud": (0.87, 0.93),
    "pamir-air-crash": (0.94, 0.96),
    "drina-bridge": (0.83, 0.96),
    "java-eruption": (0.86, 0.92),
    "gas-leak": (0.87, 0.96),
    "storm": (0.90, 0.96),
    "recall": (0.845, 0.945),
    "cable": (0.89, 0.95),
    "avalanche": (0.68, 0.89),
}  # (B3 F1, B3 precision)


def test_generalisation_stories_entity_scores_stay_above_floors() -> None:
    from eval.common import generalise_brief, generalise_gold
    from eval.entities import score_entities

    gold = generalise_gold(held_out=False)
    older = [entry for entry in gold if entry["story"] not in FLOORS_OF_LATE_STORIES]
    scores = score_entities(generalise_brief(), older)
    assert scores["B3 (gold mentions)"].f1 >= 0.96
    assert scores["B3 (gold mentions)"].precision >= 0.98
    for story, (f1, precision) in FLOORS_OF_LATE_STORIES.items():
        late = score_entities(generalise_brief(), [entry for entry in gold if entry["story"] == story])
        assert late["B3 (gold mentions)"].f1 >= f1, story
        assert late["B3 (gold mentions)"].precision >= precision, story


def test_a_country_ending_a_name_tagged_a_person_stays_a_place() -> None:
    """The small model tags the airline "Garuda Indonesia" a person; "Indonesia" is not its surname."""
    found = resolve_entities(
        mentions(("a", "Garuda Indonesia", "PERSON"), ("a", "Indonesia", "GPE"), ("b", "Indonesia", "GPE"))
    )
    assert {entity.name: entity.type for entity in found}["Indonesia"] == "GPE"


def test_a_role_resolves_within_its_story_never_to_a_person_of_an_unrelated_story() -> None:
    """Issue #17: what "the Lithuanian foreign minister" resolves to must not depend on other stories."""
    minister = Mention("a", 0, 21, "Gabrielius Landsbergis", "PERSON", role="Lithuanian Foreign Minister")
    story = mentions(("a", "Ingrida Simonyte", "PERSON"), ("a", "Vilnius Airport", "ORG"))
    description = "the Lithuanian foreign minister"

    def resolved(article: str, *actors: str) -> bool:
        role = Mention(article, 500, 500 + len(description), description, ROLE_LABEL, role=description)
        others = [Mention(article, 100 * n, 100 * n + len(a), a, "ORG") for n, a in enumerate(actors, 1)]
        entities = resolve_entities([minister, *story, *others, role])
        return any(m.text == description for e in entities if e.name == minister.text for m in e.mentions)

    assert resolved("b", "Ingrida Simonyte", "Vilnius Airport")
    assert not resolved("c", "Port of Velsund", "Halvik Transit")


def test_the_generalisation_evals_read_the_story_files_not_the_folders_readme() -> None:
    """Read as an article, the README (which names every story's actors) tied all the stories together."""
    from eval.common import GENERALISE, generalise_articles

    names = {path.name for path in generalise_articles()}
    assert "README.md" not in names and "storyline.toml" not in names
    assert {path.name for path in GENERALISE.glob("*.txt")} <= names


def test_a_generalisation_gold_key_names_one_actor_across_the_development_stories() -> None:
    """The entities eval pools the stories' gold by key: the interior minister Vahe Ghazaryan (yerevan
    protests) and the mayor Gagik Ghazaryan (gyumri recount) shared the key "ghazaryan", so the pooled B3
    counted their correct separation as a split (364 pairs)."""
    from eval.common import generalise_gold

    names: dict[str, set[str]] = {}
    for entry in generalise_gold(held_out=False):
        for key, entity in entry.get("entities", {}).items():
            names.setdefault(key, set()).add(entity["name"])
    assert {key: found for key, found in names.items() if len(found) > 1} == {}


def test_a_description_adding_the_level_of_an_office_finds_the_titled_person_of_its_story() -> None:
    """Issue #17: "Voivode Anna Kowalska" in one report, "the regional governor" in the next: a local title
    is its English one, and the level of the office need not be in the title."""
    shared = [("a", "Tomasz Lis", "PERSON"), ("b", "Tomasz Lis", "PERSON")]
    shared += [("a", "State Fire Service", "ORG"), ("b", "State Fire Service", "ORG")]
    found = mentions(("a", "Anna Kowalska", "PERSON"), *shared)
    found[0] = Mention("a", found[0].start, found[0].end, "Anna Kowalska", "PERSON", role="Voivode")
    found.append(Mention("b", 500, 521, "The regional governor", ROLE_LABEL, role="The regional governor"))
    assert frozenset({"Anna Kowalska", "The regional governor"}) in groups(resolve_entities(found))


def test_a_full_name_after_a_nationality_joins_the_person_it_reads_as() -> None:
    """Issue #17 (generalise tbilisi-doping): "Kazakh Yerlan Schumabekow" of a German report, tagged an
    organisation with its nationality, is the person "Yerlan Zhumabekov" of an English report on the same
    actors."""
    shared = [("Rowing Integrity Unit", "ORG"), ("Kelbridge Laboratory", "ORG"), ("Tamar Beridze", "PERSON")]
    english = [("a", "Yerlan Zhumabekov", "PERSON"), *(("a", name, label) for name, label in shared)]
    german = [("b", "Kazakh Yerlan Schumabekow", "ORG"), *(("b", name, label) for name, label in shared)]
    entities = resolve_entities(mentions(*english, *german))
    assert frozenset({"Yerlan Zhumabekov", "Kazakh Yerlan Schumabekow"}) in groups(entities)
    (person,) = [e for e in entities if any(m.text == "Kazakh Yerlan Schumabekow" for m in e.mentions)]
    assert person.type == "PERSON"


def test_full_names_tagged_places_whose_surname_alone_is_a_person_are_that_person() -> None:
    """Issue #17 (generalise tbilisi-doping): the small model tagged each spelling of "Tamar Kvaratskhelia"
    a place and only the bare surname a person; the names are a person's, one person across spellings. A
    name tagged an organisation ("Bastion Douglas") keeps its type beside a person "Douglas"."""
    shared = [("Rowing Integrity Unit", "ORG"), ("Kelbridge Laboratory", "ORG")]
    english = [("a", "Tamar Kvaratskhelia", "GPE"), ("a", "Kvaratskhelia", "PERSON")]
    german = [("b", "Tamar Kwaratschelia", "LOC"), ("b", "Kwaratschelia", "PERSON")]
    rows = [*english, *german, *((article, name, label) for article in "ab" for name, label in shared)]
    entities = resolve_entities(mentions(*rows))
    (person,) = [e for e in entities if any(m.text == "Tamar Kwaratschelia" for m in e.mentions)]
    assert person.type == "PERSON"
    assert {m.text for m in person.mentions} >= {"Tamar Kvaratskhelia", "Tamar Kwaratschelia"}
    company = resolve_entities(mentions(("c", "Bastion Douglas", "ORG"), ("c", "Douglas", "PERSON")))
    (bastion,) = [e for e in company if any(m.text == "Bastion Douglas" for m in e.mentions)]
    assert bastion.type == "ORG"


def test_a_name_with_middle_names_dropped_or_initials_joins_the_one_full_name_it_shortens() -> None:
    """Issue #17: "M.E. Castillo" and "Maria Castillo" of later reports are "Maria Elena Castillo" of the
    first; "Miguel Castillo" is another person, and "J. Varga" beside two Vargas of that initial is no
    one's."""
    story = [("Red Cross", "ORG"), ("Tomas Berg", "PERSON")]
    found = groups(
        resolve_entities(
            mentions(
                ("a", "Maria Elena Castillo", "PERSON"),
                *[("a", s, label) for s, label in story],
                ("b", "M.E. Castillo", "PERSON"),
                *[("b", s, label) for s, label in story],
                ("c", "Maria Castillo", "PERSON"),
                *[("c", s, label) for s, label in story],
                ("c", "Miguel Castillo", "PERSON"),
                ("a", "Janos Varga", "PERSON"),
                ("b", "Jozsef Varga", "PERSON"),
                ("c", "J. Varga", "PERSON"),
            )
        )
    )
    assert frozenset({"Maria Elena Castillo", "M.E. Castillo", "Maria Castillo"}) in found
    assert frozenset({"Miguel Castillo"}) in found
    assert frozenset({"J. Varga"}) in found


def test_a_company_with_and_without_its_private_limited_form_is_one() -> None:
    """Issue #17: "Pvt Ltd" is a legal form, which a company's key leaves out."""
    story = [("Red Cross", "ORG"), ("Tomas Berg", "PERSON")]
    found = groups(
        resolve_entities(
            mentions(
                ("a", "Narmada Textiles Pvt Ltd", "ORG"),
                *[("a", s, label) for s, label in story],
                ("b", "Narmada Textiles", "ORG"),
                *[("b", s, label) for s, label in story],
            )
        )
    )
    assert frozenset({"Narmada Textiles Pvt Ltd", "Narmada Textiles"}) in found


def test_a_surname_a_translation_left_inflected_is_the_person_its_article_names() -> None:
    """Issue #17, generalise cable: a report translated from Finnish names "Aino Koskinen", then writes
    "according to Koskisen" (genitive); the inflected word is her. Not a word another name of the scope
    holds, nor in an article that does not name the person in full; a woman's form of a Slavic name
    ("Petrova" of "Petrov") is no case of it, and a short surname takes no ending."""
    found = groups(
        resolve_entities(
            mentions(
                ("a", "Aino Koskinen", "PERSON"),
                ("a", "Koskisen", "PERSON"),
                ("c", "Tamas Horvath", "PERSON"),
                ("c", "Horvathnak", "PERSON"),
                ("d", "Horvathval", "PERSON"),
            )
        )
    )
    assert frozenset({"Aino Koskinen", "Koskisen"}) in found
    assert frozenset({"Tamas Horvath", "Horvathnak"}) in found
    assert frozenset({"Horvathval"}) in found
    assert "petrovu" in inflected_forms("petrov") and "petrova" not in inflected_forms("petrov")
    assert inflected_forms("saar") == frozenset()


def test_an_own_language_name_given_in_one_report_is_the_organisation_in_the_others() -> None:
    """Issue #17, generalise cable: one report says the border service is "known in Estonian as
    Piirivalveamet"; another on the same actors writes "an officer of Piirivalveamet", tagged a place: one
    organisation. A capital standing for its government in one report is not its government everywhere."""
    shared = [("Mari Tamm", "PERSON"), ("Baltic Cable Company", "ORG"), ("Jaan Kask", "PERSON")]
    tagged = mentions(
        ("a", "Border Service", "ORG"),
        ("a", "Piirivalveamet", "ORG"),
        ("a", "Tallinn", "ORG"),
        *(("a", name, label) for name, label in shared),
        ("b", "Piirivalveamet", "GPE"),
        ("b", "Tallinn", "GPE"),
        ("b", "Border Service", "ORG"),
        *(("b", name, label) for name, label in shared),
    )
    tagged[1] = Mention("a", 10, 24, "Piirivalveamet", "ORG", refers_to="Border Service")
    tagged[2] = Mention("a", 20, 27, "Tallinn", "ORG", refers_to="Government of Estonia")
    found = {frozenset((m.article, m.text) for m in entity.mentions) for entity in resolve_entities(tagged)}
    assert {("a", "Piirivalveamet"), ("b", "Piirivalveamet"), ("b", "Border Service")} <= next(
        group for group in found if ("a", "Border Service") in group
    )
    assert frozenset({("b", "Tallinn")}) in found
