"""Organisation names across a collection (``stages/entities/organisations.py``): each rule merges the
forms of one organisation and keeps apart what only looks alike."""

from test_entities import groups, mentions

from storyline.records import ROLE_LABEL, Entity, Mention
from storyline.stages.entities.resolve import resolve_entities


def grouped(*surfaces: tuple[str, str, str]) -> set[frozenset[str]]:
    """The entities resolved from (article, surface, label) mentions, as sets of their surfaces."""
    return groups(resolve_entities(mentions(*surfaces)))


def entity_by_mention(entities: list[Entity]) -> dict[tuple[str, int], str]:
    """Each mention's entity id, by (article, start)."""
    return {(m.article, m.start): entity.id for entity in entities for m in entity.mentions}


def same_entity(found: set[frozenset[str]], *surfaces: str) -> bool:
    return any(set(surfaces) <= group for group in found)


def test_a_legal_form_is_not_part_of_the_name() -> None:
    found = groups(resolve_entities(mentions(("a", "EADS N.V.", "ORG"), ("b", "EADS", "ORG"))))
    assert same_entity(found, "EADS N.V.", "EADS")


def test_a_country_short_form_opening_a_name_is_that_country() -> None:
    found = groups(
        resolve_entities(mentions(("a", "U.S. Air Force", "ORG"), ("b", "United States Air Force", "ORG")))
    )
    assert same_entity(found, "U.S. Air Force", "United States Air Force")


def test_a_generic_last_word_may_be_dropped_unless_the_short_name_is_a_place() -> None:
    found = groups(
        resolve_entities(
            mentions(
                ("a", "AirTran Airways", "ORG"),
                ("b", "AirTran", "ORG"),
                ("c", "Qatar Airways", "ORG"),
                ("d", "Qatar", "GPE"),
                ("e", "Qatar", "ORG"),
            )
        )
    )
    assert same_entity(found, "AirTran Airways", "AirTran")
    assert not same_entity(found, "Qatar Airways", "Qatar")


def test_a_firms_tail_translated_is_the_same_firm_but_another_distinctive_word_is_another() -> None:
    """Issue #17: a translation renders a firm's trade word in its language ("& Conseil", "Grupo"); the
    names meet where their distinctive words are the same, with or without the short name between them."""
    found = grouped(
        ("a", "Marlow Audit & Advisory", "ORG"),
        ("b", "Marlow Audit & Conseil", "ORG"),
        ("c", "Marlow Audit", "ORG"),
        ("d", "Tessa Grupo", "ORG"),
        ("e", "Tessa Group", "ORG"),
        ("f", "Varenne Audit & Conseil", "ORG"),
        ("g", "Marlow Airlines", "ORG"),
        ("h", "Tessa Holdings", "ORG"),
    )
    assert same_entity(found, "Marlow Audit & Advisory", "Marlow Audit & Conseil", "Marlow Audit")
    assert same_entity(found, "Tessa Grupo", "Tessa Group")
    assert not same_entity(found, "Varenne Audit & Conseil", "Marlow Audit & Conseil")
    assert not same_entity(found, "Marlow Airlines", "Marlow Audit")
    assert not same_entity(found, "Tessa Holdings", "Tessa Group")


def test_several_generic_words_and_a_coordinated_trade_may_be_dropped() -> None:
    """Issue #17: a holding's name less "Sanayi Holding", a carrier's less "Shipping and Ports", join it
    (and the forms between); two different tails after one name stay two companies."""
    found = grouped(
        ("a", "Korfez Sanayi Holding", "ORG"),
        ("b", "Korfez", "ORG"),
        ("c", "Aigaion Shipping and Ports", "ORG"),
        ("d", "Aigaion Shipping", "ORG"),
        ("d", "Aigaion", "ORG"),
        ("e", "Velmora Airlines", "ORG"),
        ("f", "Velmora Holdings", "ORG"),
        ("f", "Velmora", "ORG"),
    )
    assert same_entity(found, "Korfez Sanayi Holding", "Korfez")
    assert same_entity(found, "Aigaion Shipping and Ports", "Aigaion Shipping", "Aigaion")
    assert not same_entity(found, "Velmora Airlines", "Velmora Holdings")


def test_a_company_short_name_tagged_a_place_is_the_company_its_story_names_in_full() -> None:
    """Issue #17: the small model tags an unfamiliar holding's short name a place as often as an actor;
    the story's full name "Korfez Sanayi Holding" says what it is. A country stays a place."""
    found = grouped(
        ("a", "Korfez Sanayi Holding", "PERSON"),
        ("a", "Korfez", "GPE"),
        ("a", "Korfez", "ORG"),
        ("a", "Qatar Airways", "ORG"),
        ("a", "Qatar", "GPE"),
    )
    assert same_entity(found, "Korfez Sanayi Holding", "Korfez")
    assert not same_entity(found, "Qatar Airways", "Qatar")


def test_an_industry_word_after_a_company_name_may_be_dropped() -> None:
    found = grouped(
        ("a", "Velmora Computer", "ORG"),
        ("b", "Velmora Inc.", "ORG"),
        ("c", "Velmora", "ORG"),
        ("c", "Velmora Records", "ORG"),
    )
    assert same_entity(found, "Velmora Computer", "Velmora Inc.", "Velmora")
    assert not same_entity(found, "Velmora", "Velmora Records")


def test_a_generic_last_word_two_names_share_merges_neither() -> None:
    found = groups(
        resolve_entities(
            mentions(("a", "Delta Airlines", "ORG"), ("b", "Delta Group", "ORG"), ("c", "Delta", "ORG"))
        )
    )
    assert not same_entity(found, "Delta", "Delta Airlines")
    assert not same_entity(found, "Delta", "Delta Group")


def test_an_acronym_defined_in_one_article_stands_for_its_long_form_everywhere() -> None:
    defined = [
        Mention("a", 0, 18, "Singapore Airlines", "ORG"),
        Mention("a", 20, 23, "SIA", "ORG", refers_to="Singapore Airlines"),
        Mention("b", 0, 3, "SIA", "ORG"),
    ]
    found = groups(resolve_entities(defined))
    assert same_entity(found, "Singapore Airlines", "SIA")
    # Defined two ways in the collection: the bare acronym stays itself.
    twice = [*defined, Mention("c", 0, 3, "SIA", "ORG", refers_to="Semiconductor Industry Association")]
    twice.append(Mention("c", 5, 38, "Semiconductor Industry Association", "ORG"))
    by_mention = entity_by_mention(resolve_entities(twice))
    assert by_mention[("b", 0)] not in {by_mention[("a", 0)], by_mention[("c", 5)]}


def test_a_shared_name_follows_the_acronym_its_article_uses() -> None:
    found = resolve_entities(
        [
            Mention("a", 0, 15, "Royal Air Force", "ORG"),
            Mention("b", 0, 23, "United States Air Force", "ORG"),
            Mention("c", 0, 4, "USAF", "ORG"),
            Mention("c", 10, 19, "Air Force", "ORG"),
        ]
    )
    by_mention = entity_by_mention(found)
    assert by_mention[("c", 10)] == by_mention[("b", 0)] != by_mention[("a", 0)]


def test_a_first_word_is_not_taken_for_the_company() -> None:
    """ "Apple" beside "Apple TV" in one article is the company, not the product."""
    found = groups(resolve_entities(mentions(("a", "Apple TV", "ORG"), ("a", "Apple", "ORG"))))
    assert not same_entity(found, "Apple TV", "Apple")


def test_a_name_tagged_an_organisation_more_often_than_a_person_is_an_organisation() -> None:
    found = groups(
        resolve_entities(
            mentions(
                ("a", "Northrop Grumman", "ORG"),
                ("a", "Northrop Grumman", "ORG"),
                ("b", "Northrop Grumman", "PERSON"),
                ("c", "Northrop Grumman", "ORG"),
            )
        )
    )
    assert len(found) == 1


def test_a_full_name_tagged_a_person_once_is_the_organisation_it_is_elsewhere() -> None:
    found = resolve_entities(
        mentions(
            ("a", "Northrop Grumman", "ORG"),
            ("b", "Northrop Grumman", "ORG"),
            ("c", "Northrop Grumman", "PERSON"),
        )
    )
    assert [entity.type for entity in found] == ["ORG"]


def test_a_head_written_before_its_subject_is_one_name_with_the_head_after_it() -> None:
    found = grouped(
        ("a", "Ministry of the Interior", "ORG"),
        ("b", "Interior Ministry", "ORG"),
        ("c", "Ministry of Defence", "ORG"),
    )
    assert same_entity(found, "Ministry of the Interior", "Interior Ministry")
    assert not same_entity(found, "Ministry of Defence", "Interior Ministry")


def test_an_institution_named_after_its_place_is_one_name_with_the_place_first() -> None:
    names = [
        "Regional History Museum of Velsund",
        "Velsund Regional History Museum",
        "Regional History Museum of Norrby",
        "University of Velsund",
        "Velsund University",
    ]
    found = grouped(*((article, name, "ORG") for article, name in zip("abcde", names, strict=True)))
    assert same_entity(found, "Regional History Museum of Velsund", "Velsund Regional History Museum")
    assert not same_entity(found, "Regional History Museum of Norrby", "Velsund Regional History Museum")
    # a bare head: "University of Washington" and "Washington University" are two universities
    assert not same_entity(found, "University of Velsund", "Velsund University")


def test_a_qualified_inverted_name_and_a_portfolio_named_two_ways_are_one_ministry() -> None:
    """Issue #17: "Estmarkian Ministry of Health" is the "Ministry of Health" of the story's other reports,
    and "Ministry of Internal Affairs" the "Interior Ministry"; other portfolios stay apart."""
    found = grouped(
        ("a", "Ministry of Health", "ORG"),
        ("b", "Estmarkian Ministry of Health", "ORG"),
        ("c", "Health Ministry", "ORG"),
        ("a", "Ministry of Internal Affairs", "ORG"),
        ("b", "Interior Ministry", "ORG"),
        ("c", "Ministry of Foreign Affairs", "ORG"),
    )
    assert same_entity(found, "Ministry of Health", "Estmarkian Ministry of Health", "Health Ministry")
    assert same_entity(found, "Ministry of Internal Affairs", "Interior Ministry")
    assert not same_entity(found, "Ministry of Foreign Affairs", "Interior Ministry")
    assert not same_entity(found, "Ministry of Health", "Interior Ministry")


def test_a_public_bodys_head_and_qualifier_translated_two_ways_are_one_body() -> None:
    """Issue #17: translations render one body's name in either word order ("Agency for X" = "X Agency",
    a union's place kept after its name) and its qualifier as an adjective or a noun ("Republican" =
    "Republic"); a body of another subject or another place stays apart."""
    found = grouped(
        ("a", "Republic Agency for Water Management", "ORG"),
        ("b", "Republican Water Management Agency", "ORG"),
        ("c", "Republic Water Management Agency", "ORG"),
        ("d", "Republic Agency for Forestry", "ORG"),
        ("a", "Independent Union of Dock Workers of Velsund", "ORG"),
        ("b", "Independent Dock Workers' Union of Velsund", "ORG"),
        ("c", "Independent Union of Dock Workers of Norrby", "ORG"),
    )
    assert same_entity(
        found,
        "Republic Agency for Water Management",
        "Republican Water Management Agency",
        "Republic Water Management Agency",
    )
    assert not same_entity(found, "Republic Agency for Forestry", "Republic Water Management Agency")
    assert same_entity(
        found, "Independent Union of Dock Workers of Velsund", "Independent Dock Workers' Union of Velsund"
    )
    assert not same_entity(
        found, "Independent Union of Dock Workers of Norrby", "Independent Dock Workers' Union of Velsund"
    )


def test_a_firms_local_trade_word_and_legal_form_may_be_dropped_and_make_it_no_person() -> None:
    """Issue #17: a builder's name ends in its trade word in the local language ("Gradnja", "Inženjering",
    with or without the háček) and a legal form ("d.o.o."); the small model tags such a name a person in
    some reports, yet it is the firm the other reports name, in full or by its first word."""
    found = resolve_entities(
        mentions(
            ("a", "Mostar Gradnja", "PERSON"),
            ("b", "Mostar Gradnja d.o.o.", "ORG"),
            ("c", "Mostar", "ORG"),
            ("c", "Mostar Gradnja", "ORG"),
            ("a", "Drvar Inženjering", "PERSON"),
            ("b", "Drvar Inzenjering", "ORG"),
        )
    )
    assert same_entity(groups(found), "Mostar Gradnja", "Mostar Gradnja d.o.o.", "Mostar")
    assert same_entity(groups(found), "Drvar Inženjering", "Drvar Inzenjering")
    assert {entity.type for entity in found} == {"ORG"}


def strike_reports(third_article_actors: tuple[str, ...]) -> list[Mention]:
    """Two reports naming a union and its people; a third saying only "the union", with given actors."""
    named = [
        ("a", "Velsund Dockers' Union", "ORG"),
        ("a", "Olexandr Hrytsenko", "PERSON"),
        ("a", "Ingrid Solberg", "PERSON"),
        ("b", "European Union", "ORG"),
        ("b", "Mark Rutte", "PERSON"),
        *(("c", actor, "PERSON") for actor in third_article_actors),
    ]
    return [*mentions(*named), Mention("c", 900, 909, "the union", ROLE_LABEL, role="the union")]


def test_an_organisation_description_joins_the_one_organisation_of_its_story() -> None:
    found = groups(resolve_entities(strike_reports(("Olexandr Hrytsenko", "Ingrid Solberg"))))
    assert same_entity(found, "Velsund Dockers' Union", "the union")
    assert not same_entity(found, "European Union", "the union")


def test_an_organisation_description_outside_any_story_of_the_organisation_stays_unresolved() -> None:
    found = groups(resolve_entities(strike_reports(("Anna Berglund", "Henrik Dahl"))))
    assert not any("the union" in group and len(group) > 1 for group in found)
    # Nor does it become a person's role: "union chairman" is no antecedent of "the union".
    chairman = [*strike_reports(()), Mention("d", 0, 11, "Jan Nowak", "PERSON", role="union chairman")]
    assert not same_entity(groups(resolve_entities(chairman)), "Jan Nowak", "the union")


def test_an_organisation_description_is_not_named_by_a_word_one_letter_apart() -> None:
    """Issue #17, generalise shipwreck-03: "the police" stayed unresolved beside the story's "Hellenic
    Police", a "Centre for Island Policy" (sharing the stem "polic") making two candidates."""
    named = [
        ("a", "Velsund Police", "ORG"),
        ("a", "Olexandr Hrytsenko", "PERSON"),
        ("a", "Ingrid Solberg", "PERSON"),
        ("b", "Centre for Island Policy", "ORG"),
        ("b", "Olexandr Hrytsenko", "PERSON"),
        ("b", "Ingrid Solberg", "PERSON"),
        ("c", "Olexandr Hrytsenko", "PERSON"),
        ("c", "Ingrid Solberg", "PERSON"),
    ]
    police = Mention("c", 900, 910, "the police", ROLE_LABEL, role="the police")
    found = groups(resolve_entities([*mentions(*named), police]))
    assert same_entity(found, "Velsund Police", "the police")


def test_an_organisation_description_before_the_name_in_its_own_article_joins_it() -> None:
    found = [
        Mention("a", 0, 18, "the port authority", ROLE_LABEL, role="the port authority"),
        Mention("a", 40, 62, "Velsund Port Authority", "ORG"),
        Mention("b", 0, 22, "Halvik Port Authority", "ORG"),
    ]
    assert same_entity(groups(resolve_entities(found)), "the port authority", "Velsund Port Authority")


def test_a_one_word_name_joins_the_one_longer_name_it_opens_unless_that_is_a_division() -> None:
    reports = [
        ("a", "Northrop Grumman", "ORG"),
        ("a", "Boeing", "ORG"),
        ("b", "Northrop Grumman", "ORG"),
        ("b", "Boeing", "ORG"),
        ("c", "Northrop", "ORG"),
        ("c", "Boeing", "ORG"),
        ("c", "Boeing Commercial Airplanes", "ORG"),
        *((article, "Wes Bush", "PERSON") for article in "abc"),
    ]
    found = grouped(*reports)
    assert same_entity(found, "Northrop", "Northrop Grumman")
    assert not same_entity(found, "Boeing", "Boeing Commercial Airplanes")


def test_a_one_word_name_opening_two_names_stays_itself() -> None:
    found = grouped(("a", "Apple TV", "ORG"), ("a", "Apple Music", "ORG"), ("a", "Apple", "ORG"))
    assert not same_entity(found, "Apple", "Apple TV") and not same_entity(found, "Apple", "Apple Music")


def test_two_spellings_of_the_long_form_an_acronym_is_defined_as_are_one_organisation() -> None:
    defined = [
        Mention("a", 0, 38, "European Aeronautic Defence & Space NV", "ORG"),
        Mention("a", 40, 44, "EADS", "ORG", refers_to="European Aeronautic Defence & Space NV"),
        Mention("b", 0, 43, "European Aeronautic Defense & Space Company", "ORG"),
        Mention("b", 45, 49, "EADS", "ORG", refers_to="European Aeronautic Defense & Space Company"),
        Mention("c", 0, 4, "EADS", "ORG"),
    ]
    assert len(resolve_entities(defined)) == 1


def test_two_translations_defining_one_foreign_acronym_are_one_organisation() -> None:
    """A Polish agency's acronym given after two English renderings of its name: one body. An acronym
    that one of its long forms spells keeps two bodies apart (the test above: SIA)."""
    defined = [
        Mention("a", 0, 30, "Supreme Audit Office", "ORG"),
        Mention("a", 32, 35, "NIK", "ORG", refers_to="Supreme Audit Office"),
        Mention("b", 0, 28, "Chief Chamber of Control", "ORG"),
        Mention("b", 30, 33, "NIK", "ORG", refers_to="Chief Chamber of Control"),
        Mention("c", 0, 3, "NIK", "ORG"),
    ]
    assert len(resolve_entities(defined)) == 1
    spelt = [*defined[:2], Mention("b", 0, 27, "National Insurance Kontor", "ORG")]
    spelt.append(Mention("b", 30, 33, "NIK", "ORG", refers_to="National Insurance Kontor"))
    by_mention = entity_by_mention(resolve_entities(spelt))
    assert by_mention[("a", 0)] != by_mention[("b", 0)]


def test_an_acronym_may_spell_a_long_form_from_its_organisation_word_on() -> None:
    found = grouped(
        ("a", "Northern Alliance Office for the Relief of Mountain Villages", "ORG"),
        ("a", "ORMV", "ORG"),
        ("a", "NAO", "ORG"),  # the initials of the part before the organisation word: no acronym of it
    )
    assert same_entity(found, "Northern Alliance Office for the Relief of Mountain Villages", "ORMV")
    assert not same_entity(found, "Northern Alliance Office for the Relief of Mountain Villages", "NAO")


def test_a_movements_name_after_its_national_body_in_one_report_is_that_body_not_another_storys() -> None:
    """Two stories: a prisoner swap naming the International Committee of the Red Cross, an earthquake
    naming the Halvik Red Cross Society; "the Red Cross" of each report, and a description pointing at
    it, stay in their own story."""
    found = [
        *mentions(
            ("a", "International Committee of the Red Cross", "ORG"),
            ("a", "Red Cross", "ORG"),
            ("b", "Red Cross Society of Halvik", "ORG"),
            ("b", "Red Cross", "ORG"),
            ("c", "Air Force", "ORG"),
            ("c", "Air Force One", "ORG"),  # no organisation word after "Air Force": not localised
        ),
        Mention("b", 900, 920, "the aid organisation", "ORG", refers_to="Red Cross"),
    ]
    by_mention = entity_by_mention(resolve_entities(found))
    assert by_mention[("a", 10)] == by_mention[("a", 0)]
    assert by_mention[("b", 30)] == by_mention[("b", 20)] == by_mention[("b", 900)] != by_mention[("a", 0)]
    assert by_mention[("c", 40)] != by_mention[("c", 50)]


def test_a_movements_name_inside_its_national_bodys_name_after_the_country_is_that_body() -> None:
    """Issue #17: "the Halvik Red Cross Society", then "the Red Cross" in the same report, is that society,
    not the committee another story names; a name going on with no organisation word is not localised."""
    found = resolve_entities(
        mentions(
            ("a", "International Committee of the Red Cross", "ORG"),
            ("a", "Red Cross", "ORG"),
            ("b", "Halvik Red Cross Society", "ORG"),
            ("b", "Red Cross", "ORG"),
            ("c", "Halvik Air Force Museum", "ORG"),
            ("c", "Air Force", "ORG"),
        )
    )
    by_mention = entity_by_mention(found)
    assert by_mention[("b", 30)] == by_mention[("b", 20)] != by_mention[("a", 0)]
    assert by_mention[("c", 50)] != by_mention[("c", 40)]


def test_a_body_named_with_and_without_its_country_is_one_body() -> None:
    """Issue #17: "Federation of … of Tajikistan" in one report, without "of Tajikistan" in the next."""
    found = grouped(
        ("a", "Confederation of Free Miners' Unions of Kazakhstan", "ORG"),
        ("b", "Confederation of Free Miners' Unions", "ORG"),
        ("c", "Bank of America", "ORG"),
        ("c", "Bank", "ORG"),
    )
    assert same_entity(
        found, "Confederation of Free Miners' Unions of Kazakhstan", "Confederation of Free Miners' Unions"
    )
    assert not same_entity(found, "Bank of America", "Bank")


def test_a_body_named_by_two_words_and_the_official_name_of_its_country_is_one_with_the_two() -> None:
    """Issue #17: "National Bank of the Kyrgyz Republic" in one report, "National Bank" in the next."""
    found = grouped(
        ("a", "Central Bank of the Russian Federation", "ORG"),
        ("b", "Central Bank", "ORG"),
    )
    assert same_entity(found, "Central Bank of the Russian Federation", "Central Bank")


def test_an_organisation_description_joins_the_one_organisation_its_story_called_so() -> None:
    """Issue #17: "the cooperative" in a report naming only "Velsund Kredit", which the other reports of
    the story call "the savings cooperative"; a kind no report gives the name finds nothing."""
    named = mentions(
        ("a", "Velsund Kredit", "ORG"),
        ("a", "Harbour Bank", "ORG"),
        ("a", "Olexandr Hrytsenko", "PERSON"),
        ("c", "Velsund Kredit", "ORG"),
        ("c", "Olexandr Hrytsenko", "PERSON"),
    )
    called = Mention("a", 500, 523, "the savings cooperative", "ORG", refers_to="Velsund Kredit")
    unresolved = [
        Mention("c", 900, 915, "the cooperative", ROLE_LABEL, role="the cooperative"),
        Mention("c", 950, 961, "the society", ROLE_LABEL, role="the society"),
    ]
    found = groups(resolve_entities([*named, called, *unresolved]))
    assert same_entity(found, "Velsund Kredit", "the savings cooperative", "the cooperative")
    assert not any("the society" in group and len(group) > 1 for group in found)


def test_a_ticker_opening_one_company_name_is_that_company() -> None:
    """Issue #17: "the KORF share" is Korfez Sanayi Holding's; three capitals, or a ticker opening two
    names, join none."""
    found = grouped(
        ("a", "Korfez Sanayi Holding", "ORG"),
        ("b", "KORF", "ORG"),
        ("b", "KOR", "ORG"),
        ("c", "Velmora Airlines", "ORG"),
        ("c", "Velmark Systems", "ORG"),
        ("c", "VELM", "ORG"),
    )
    assert same_entity(found, "Korfez Sanayi Holding", "KORF")
    assert not same_entity(found, "Korfez Sanayi Holding", "KOR")
    assert not any("VELM" in group and len(group) > 1 for group in found)


def test_a_body_named_by_its_first_portfolio_is_the_one_named_with_all() -> None:
    """Issue #17: a report cuts "Committee of Labour and Social Protection" after its first portfolio; a
    name of no body ("Marks" of "Marks and Spencer") and a first portfolio two longer names go on from
    stay apart."""
    found = grouped(
        ("a", "Committee of Labour and Social Protection", "ORG"),
        ("a", "Dilnoza Rahimova", "PERSON"),
        ("a", "Olim Nazarov", "PERSON"),
        ("a", "Marks and Spencer", "ORG"),
        ("a", "Ministry of Transport and Roads", "ORG"),
        ("a", "Ministry of Transport and Communications", "ORG"),
        ("b", "Committee of Labour", "ORG"),
        ("b", "Dilnoza Rahimova", "PERSON"),
        ("b", "Olim Nazarov", "PERSON"),
        ("b", "Marks", "ORG"),
        ("b", "Ministry of Transport", "ORG"),
    )
    assert same_entity(found, "Committee of Labour and Social Protection", "Committee of Labour")
    assert not same_entity(found, "Marks and Spencer", "Marks")
    assert not same_entity(found, "Ministry of Transport", "Ministry of Transport and Roads")
    assert not same_entity(found, "Ministry of Transport", "Ministry of Transport and Communications")


def test_a_russian_form_patronymic_between_given_name_and_surname_is_no_part_of_the_name() -> None:
    """Issue #17: a wire writes "Rustam Olimovich Nazriev", other papers "Rustam Nazriev"; a name whose
    middle word is no patronymic ("Anna Maria Kowalska") is another person than "Anna Kowalska"."""
    found = grouped(
        ("a", "Rustam Olimovich Nazriev", "PERSON"),
        ("a", "Anna Maria Kowalska", "PERSON"),
        ("b", "Rustam Nazriev", "PERSON"),
        ("b", "Anna Kowalska", "PERSON"),
    )
    assert same_entity(found, "Rustam Olimovich Nazriev", "Rustam Nazriev")
    assert not same_entity(found, "Anna Maria Kowalska", "Anna Kowalska")
