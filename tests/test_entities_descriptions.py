"""Organisation descriptions in apposition with a name (``entities.descriptions``) — on sentences written for
the tests, run through the real parse."""

from __future__ import annotations

from storyline.records import Mention
from tests.test_entities_mentions import mentions_of


def refers(found: list[Mention], surface: str) -> str | None:
    return next((m.refers_to for m in found if m.text == surface), None)


def test_a_body_owned_by_the_military_in_apposition_is_the_name() -> None:
    """Issue #17, kalat-hostages: "ISPR, the military's media wing" — "military" heads no description, and
    the small model parses the phrase as no apposition."""
    found = mentions_of(
        "In Tarnholm, Inter-Services Public Relations (ISPR), the military's media wing, stated that "
        "there was no evidence of foreign support."
    )
    assert refers(found, "the military's media wing") == "Inter-Services Public Relations"


def test_the_military_alone_is_no_organisation() -> None:
    found = mentions_of("The military's budget grew, and the military said it would recruit more.")
    assert all(m.label != "ORG" for m in found)


def test_an_occupation_stands_for_the_one_person_just_written_about() -> None:
    """Issue #17, kalat-hostages: "The retired teacher says he sleeps badly" after a sentence about one
    freed passenger, whose occupation this report never gave."""
    found = mentions_of(
        "The talks went on. Freed on Monday, Arvid Holmberg, 64, has returned to his home in Karsk. The "
        "retired teacher says he sleeps badly."
    )
    person = next(m for m in found if m.text == "The retired teacher")
    assert person.label == "PERSON" and person.refers_to == "Arvid Holmberg"


def test_an_occupation_no_person_explains_is_no_mention() -> None:
    """Not an office: "the teacher" of one report is no one the role index may find in another."""
    found = mentions_of("Arvid Holmberg and Tomas Berg met on Monday. The teacher said the school was shut.")
    assert all(m.text != "The teacher" for m in found)


def test_a_qualified_body_is_the_federation_named_before() -> None:
    """Issue #17, tbilisi-doping: "the governing body" is a sport's federation, the nearest one named."""
    found = mentions_of(
        "The Velsund Rowing Federation suspended two crews. Its president, Arne Lid, defended the governing "
        "body's testing programme on Monday."
    )
    assert refers(found, "the governing body") == "Velsund Rowing Federation"


def test_a_body_without_a_word_saying_which_is_no_description() -> None:
    found = mentions_of(
        "The Velsund Rowing Federation suspended two crews. Police said the body was found near the lake."
    )
    assert all(m.text != "the body" for m in found)


def test_a_qualified_body_names_the_organisation_by_its_own_words() -> None:
    """ "the sport's integrity body" before the name: the possessor says what it serves, "integrity" which
    body it is; "the governing body" with no federation named finds none."""
    found = mentions_of(
        "Nine rowers failed tests, the sport's integrity body said on Friday, as the governing body met. "
        "The Rowing Integrity Unit said three more athletes had returned positive samples."
    )
    assert refers(found, "the sport's integrity body") == "Rowing Integrity Unit"
    assert all(m.text != "the governing body" for m in found)


def test_a_qualified_body_in_apposition_is_the_name_before_it() -> None:
    """generalise yerevan-protests: "ODIHR, the election body of the OSCE" is not the electoral commission
    named before it, although its name has the word."""
    found = mentions_of(
        "The Central Electoral Commission published the count. The Office for Democratic Institutions and "
        "Human Rights (ODIHR), the election body of the OSCE, asked for the protocols."
    )
    assert refers(found, "the election body") == "Office for Democratic Institutions and Human Rights"


def test_a_repeated_description_keeps_the_body_it_stood_for() -> None:
    """Issue #17, tbilisi-doping: two federations named, "the federation" resolved in the paragraph naming
    one of them, then written again paragraphs on with only other bodies named between."""
    found = mentions_of(
        "The Velsund Rowing Federation called the claims groundless.\n\n"
        "The World Rowing Federation said 600 controls were carried out, and that the federation would "
        "publish every result.\n\n"
        "The Olympic Committee said it expected full transparency from the federation."
    )
    repeated = [m for m in found if m.text == "the federation"]
    assert len(repeated) == 2 and {m.refers_to for m in repeated} == {"World Rowing Federation"}


def test_a_repeated_description_after_a_rival_is_named_stays_unresolved() -> None:
    found = mentions_of(
        "The World Rowing Federation said that the federation would publish every result.\n\n"
        "The Velsund Rowing Federation called the claims groundless.\n\n"
        "The committee expected full transparency from the federation."
    )
    last = [m for m in found if m.text == "the federation"][-1]
    assert last.refers_to is None


def test_a_body_word_saying_the_trade_of_an_apposed_role_keeps_it_the_persons() -> None:
    """Issue #17, tbilisi-doping: "X, the former laboratory technician whose allegations …" is X; only a
    body owning the role ("The company's owner") is read apart from the name beside it."""
    found = mentions_of(
        "The Velsund Anti-Doping Laboratory was closed. Ingrid Solberg, the former laboratory technician "
        "whose allegations first surfaced on Monday, stood by her account."
    )
    person = next(m for m in found if m.text == "the former laboratory technician")
    assert person.label == "PERSON" and person.refers_to == "Ingrid Solberg"


def test_a_trade_written_before_a_name_is_that_persons_title() -> None:
    """Issue #17, tbilisi-doping: "The former technician Nino Abaschidse repeated her accusations" is one
    person, as "Fisherman Kim Young-ho" is."""
    found = mentions_of("The former technician Ingrid Solberg repeated her accusations on Wednesday.")
    title = next(m for m in found if m.text.endswith("technician"))
    assert title.label == "PERSON" and title.refers_to == "Ingrid Solberg"


def test_a_post_in_apposition_before_a_name_is_that_person() -> None:
    """Issue #17, tbilisi-doping: "A former employee of the lab, the 34-year-old Nino Abaszidze" is her."""
    found = mentions_of(
        "The Velsund Anti-Doping Laboratory is under scrutiny. A former employee of the lab, the 34-year-old "
        "Ingrid Solberg, maintains that samples were destroyed there."
    )
    post = next(m for m in found if m.text.startswith("A former employee"))
    assert post.label == "PERSON" and post.refers_to == "Ingrid Solberg"


def test_a_post_spans_the_body_it_serves() -> None:
    """Issue #17, generalise (tbilisi-doping, thessaloniki-bid, ionian-shipwreck): "a spokesman for the
    border agency", "The director of the laboratory" are the person, the whole phrase; cut at the title word
    they were shorter than the body's name inside them. The body keeps its own mention; the phrase stops
    before a place ("in Warsaw") and after a body's name of several words."""
    found = mentions_of(
        "The Velsund Anti-Doping Laboratory was closed. The director of the laboratory, Arne Lid, insists "
        "that there were eight. Tomas Berg, a spokesman for the border agency in Warsaw, said Frontex had "
        "no evidence. Ingrid Solberg, the president of the Federation of World Weightlifting, said the tests "
        "were sound."
    )
    assert refers(found, "The director of the laboratory") == "Arne Lid"
    assert refers(found, "a spokesman for the border agency") == "Tomas Berg"
    assert refers(found, "the president of the Federation of World Weightlifting") == "Ingrid Solberg"
    assert any(m.text == "Federation of World Weightlifting" and m.label == "ORG" for m in found)


def test_a_post_spans_no_phrase_without_a_body() -> None:
    """ "the head of state" names no body: the person's phrase stays the title."""
    found = mentions_of("Arne Lid, the head of state, said the border would stay open.")
    assert all("state" not in m.text for m in found if m.label == "PERSON")


def test_a_description_between_commas_after_a_name_is_that_person() -> None:
    """Issue #17, tbilisi-doping: "X, the head of the unit, told reporters" is X, though another person of
    the article is a "head coach"; "After meeting X, the minister said" is someone else."""
    found = mentions_of(
        "The Velsund Integrity Unit found six cases. The national team's head coach, Giorgi Tsintsadze, "
        'said his lifters were clean. "We have six findings," said Olena Kovalchuk, the head of the unit, '
        "at a hotel. After meeting Arne Lid, the minister said nothing."
    )
    assert refers(found, "the head of the unit") == "Olena Kovalchuk"
    assert refers(found, "the minister") is None


def test_the_minister_is_the_minister_not_the_ministrys_spokeswoman() -> None:
    """Issue #17, generalise steppe-train-collision: "minister" and "ministry" share a stem, so "The
    minister" had two holders (the minister and the ministry's spokeswoman) and stayed unresolved."""
    found = mentions_of(
        "Four people died, ministry spokeswoman Lina Varga told reporters. The government set up an inquiry "
        "led by Transport Minister Arvo Lind. The minister said the signals would be checked."
    )
    assert refers(found, "The minister") == "Arvo Lind"


def test_an_occupation_after_a_sentence_about_one_person_is_that_person() -> None:
    """Issue #17, steppe-train-collision: "The surgeon said" after the head of surgery is quoted by name."""
    found = mentions_of(
        'Many had crushed legs. "The injuries are severe," the head of surgery, Mirela Dusk, said. The '
        "surgeon said ten patients were in intensive care."
    )
    assert refers(found, "The surgeon") == "Mirela Dusk"


def test_an_occupation_right_before_a_name_is_that_person() -> None:
    """ "the dispatcher Rouslan Kaliev", "The surgeon Goulnara Akhmetova": no comma between."""
    found = mentions_of(
        "The man whom the police arrested on Tuesday, the dispatcher Tomas Lindqvist, denied the charge. "
        "The surgeon Mirela Dusk, who operated on him, said he was stable."
    )
    assert refers(found, "the dispatcher") == "Tomas Lindqvist"
    assert refers(found, "The surgeon") == "Mirela Dusk"


def test_an_indefinite_description_in_apposition_introduces_the_name() -> None:
    """ "A second dispatcher, X, who …"; "X, a 62-year-old retired miner with a broken arm, said"."""
    found = mentions_of(
        "The line was cleared. A second dispatcher, Arvo Kask, who worked at the next station, confirmed it. "
        "Jonas Berg, a 62-year-old retired miner with a broken arm, said he wanted to go home."
    )
    assert refers(found, "A second dispatcher") == "Arvo Kask"
    assert refers(found, "a 62-year-old retired miner") == "Jonas Berg"


def test_an_indefinite_description_without_a_name_beside_it_is_no_mention() -> None:
    """ "the police have arrested a dispatcher." names no one: a dispatcher is anyone."""
    found = mentions_of(
        "Arvo Kask spoke on Monday. Meanwhile the police have arrested a dispatcher. He is 46."
    )
    assert all(m.text != "a dispatcher" for m in found)


def test_a_description_of_a_numbered_train_after_a_phrase_is_the_name_after_it() -> None:
    """ "In his hospital bed, the assistant driver of train No. 54, X, told": "No." ends no sentence, and
    the phrase before the comma is no name the description could be in apposition with."""
    found = mentions_of(
        "Investigators found the black boxes. In his hospital bed, the assistant driver of train No. 54, "
        "Tomas Lindqvist, told investigators the signal was green."
    )
    assert refers(found, "the assistant driver") == "Tomas Lindqvist"


def test_a_description_between_commas_after_a_place_is_not_the_name_after_it() -> None:
    found = mentions_of("In Velsund, the regional capital, Arne Lid said the roads were closed.")
    assert refers(found, "the regional capital") is None


def test_an_organisation_tagged_name_of_a_persons_shape_takes_the_title_in_apposition() -> None:
    """Issue #17, jalal-abad-escape: the small model tags "Ermek Usubaliev" an organisation; the title in
    apposition with it is his, not another person's of the article. A body's name keeps its label."""
    from storyline.stages.entities.lexicon import entity_lexicon
    from storyline.stages.entities.person_descriptions import _reads_as_person_name

    lexicon = entity_lexicon()
    assert _reads_as_person_name(Mention("a", 0, 15, "Ermek Usubaliev", "ORG"), lexicon)
    assert not _reads_as_person_name(Mention("a", 0, 18, "Tuura Zhol Centre", "ORG"), lexicon)
    assert not _reads_as_person_name(Mention("a", 0, 11, "Acme Ltd", "ORG"), lexicon)
    assert not _reads_as_person_name(Mention("a", 0, 4, "GSIN", "ORG"), lexicon)


def test_a_body_word_naming_no_body_right_before_a_name_is_that_persons_post() -> None:
    found = mentions_of("Prosecutors say he struck the guard Koubat Erguechov with an iron bar.")
    assert refers(found, "the guard") == "Koubat Erguechov"
    found = mentions_of("The guard, Kubat Yergeshov, was injured in the escape.")
    assert refers(found, "The guard") == "Kubat Yergeshov"


def test_a_body_a_preposition_governs_before_a_name_is_not_that_person() -> None:
    found = mentions_of("A spokesman for the provincial government, Muhammad Yousaf Kakar, said so.")
    assert refers(found, "the provincial government") != "Muhammad Yousaf Kakar"


def test_a_post_followed_by_what_says_which_one_is_the_person_named_after_it() -> None:
    """Issue #17, kutaisi-museum-heist: "The night guard on duty, 63-year-old X" is X."""
    found = mentions_of("The night guard on duty, 63-year-old Arvid Holmberg, said he heard nothing.")
    assert refers(found, "The night guard") == "Arvid Holmberg"


def test_a_description_before_a_defining_clause_is_the_name_after_it() -> None:
    """Issue #17, kutaisi-museum-heist: "the private security company that guards the building, Argus
    Security Group, alerted the police" is that company."""
    found = mentions_of(
        "The alarm sounded, but the security company that guards the building, Velsund Watch Group, "
        "alerted the police only 12 minutes later."
    )
    assert refers(found, "the security company") == "Velsund Watch Group"


def test_a_trade_word_picks_the_one_organisation_named_with_it() -> None:
    """Issue #17, kutaisi-museum-heist: "The security company" after "The insurance company Rioni
    Insurance" is the one organisation named with "security", though named only after it."""
    found = mentions_of(
        "The insurance company Karsk Insurance maintains its estimate. The security company is also under "
        "pressure. Arne Lid, chief executive of Velsund Security Group, rejected the rumours."
    )
    assert refers(found, "The security company") == "Velsund Security Group"


def test_a_trade_word_is_no_body_of_another_kind() -> None:
    """Issue #17, steppe-train-collision: "the railway company" is no "Railway Workers' Union"."""
    found = mentions_of(
        "The Velsund Railway Workers' Union called a strike. The railway company said trains would run."
    )
    assert refers(found, "The railway company") != "Velsund Railway Workers' Union"


def test_the_insurer_is_the_one_insurance_named() -> None:
    found = mentions_of(
        "The insurance company Rioni Insurance maintains its estimate of 4 million lari. The insurer said "
        "on Monday it would pay."
    )
    assert refers(found, "The insurer") == "Rioni Insurance"


def test_the_head_of_a_named_body_is_not_the_head_of_another() -> None:
    """Issue #17, kutaisi-museum-heist: "The head of the Imereti police" is not the agency head the report
    names "whose head X"; no one of this report holds that office, so the description stays a role."""
    found = mentions_of(
        "The Velsund Heritage Agency, whose head Ingrid Solberg spoke on Monday, sent images to Interpol. "
        "The head of the Karsk police told reporters that 180 officers were still working on the case."
    )
    head = [m for m in found if m.text.startswith("The head")]
    assert head and all(m.refers_to != "Ingrid Solberg" for m in head)


def test_the_bank_is_not_the_bank_the_report_calls_by_its_kind() -> None:
    """Issue #17, sfax-bank-fraud: a report naming a central bank and a savings bank, and calling the first
    "the central bank", means the savings bank by "the bank" and "the lender", though the central bank was
    named nearer; nor is "the bank" a fund whose name only holds the word."""
    found = mentions_of(
        "The Central Bank of Valdoria on Monday suspended the management of Korvan Savings Bank. The central "
        "bank said deposits were safe.\n\nThe Valdorian Bank Deposit Fund will pay savers. The Central Bank "
        "of Valdoria said the bank had hidden losses and that the lender would stay open."
    )
    assert refers(found, "the bank") == "Korvan Savings Bank"
    assert refers(found, "the lender") == "Korvan Savings Bank"


def test_the_bank_stays_the_nearest_bank_where_the_report_calls_none_by_its_kind() -> None:
    found = mentions_of(
        "Korvan Savings Bank repaid its loans to the Central Bank of Valdoria. The bank said rates would "
        "rise."
    )
    assert refers(found, "The bank") == "Central Bank of Valdoria"


def test_a_developer_or_businessman_before_a_name_is_that_person() -> None:
    """Issue #17, sfax-bank-fraud: a fraud story's borrower is introduced by his trade."""
    found = mentions_of("Local media named the property developer Arvid Holmberg as one of the borrowers.")
    person = next(m for m in found if m.text == "the property developer")
    assert person.label == "PERSON" and person.refers_to == "Arvid Holmberg"


def test_the_airline_far_from_its_name_is_the_one_airline_named_so() -> None:
    """Issue #17, generalise pamir-air-crash: "engineers of the airline" with only the pilots' union named
    near it went to nothing; the report never called "Kuhiston Air" an airline, its name says so."""
    found = mentions_of(
        "Velsund Air has flown the mountain route for ten years. The crew had logged many hours there.\n\n"
        "Rescuers reached the wreck on Tuesday after a night in the snow. They found the tail first, then "
        "the cabin, broken in two on a ridge below the pass. Snow fell again in the afternoon, and the "
        "search was halted until the wind dropped. Families waited at the airport in the valley, where a "
        "list of the passengers was read out twice.\n\n"
        "Ivar Holm, chairman of the Velsund Pilots' Union, said on Monday that engineers of the airline had "
        "warned about the engine."
    )
    airline = next(m for m in found if m.text == "the airline")
    assert airline.label == "ORG" and airline.refers_to == "Velsund Air"


def test_a_trade_union_written_in_lower_case_is_no_union_of_states() -> None:
    """Issue #17, generalise drina-bridge: "The union has called a stoppage" in a report whose one named
    union is the European Union (its trade union named only in a description of a chairman)."""
    found = mentions_of(
        "Engineers sent by the European Union inspected the collapsed span of the Karsk bridge. The union "
        "has called a one-hour stoppage on all building sites on Wednesday."
    )
    assert refers(found, "The union") is None


def test_a_trade_union_written_in_lower_case_is_still_the_union_named_before() -> None:
    found = mentions_of(
        "The Karsk Dockers' Union said the crane had failed twice. The union has called a stoppage."
    )
    assert refers(found, "The union") == "Karsk Dockers' Union"


def test_the_company_is_not_the_campaign_group_named_just_before_it() -> None:
    """Issue #17, java-eruption: "The company is lying," quoted from an environmental group, is not that
    group; where the report shows a business by its legal form ("PT …"), it is that business."""
    text = (
        "Investigators visited the offices of {firm} on Monday. The environmental group Lembah Hijau "
        'said trucks were still loading at night. "The company is lying," the group\'s coordinator said.'
    )
    assert refers(mentions_of(text.format(firm="Sinar Tambang")), "The company") != "Lembah Hijau"
    assert refers(mentions_of(text.format(firm="PT Sinar Tambang")), "The company") == "PT Sinar Tambang"


def test_a_description_is_the_name_closing_its_apposition_after_a_comma() -> None:
    """Issue #17, generalise drina-bridge: "reported it to the road authority, Hrvatske Ceste." names the
    authority; a name that goes on into a list ("the regulator, Banka Kredit and …") says nothing."""
    found = mentions_of(
        "The firm said it had reported every measurement to the road authority, Hrvatske Ceste. The union "
        "wrote to the regulator, Banka Kredit and the ministry."
    )
    assert refers(found, "the road authority") == "Hrvatske Ceste"
    assert refers(found, "the regulator") is None


def test_a_name_after_a_relative_clause_is_not_the_body_inside_it() -> None:
    """Issue #17, generalise kutaisi-museum-heist: in "The security company that guards the museum, Argus
    Security Group, …" the name is the company's, not the museum's."""
    found = mentions_of(
        "The Harlow Art Museum lost six icons. The security company that guards the museum, Argus Security "
        "Group, has faced criticism."
    )
    assert refers(found, "the museum") != "Argus Security Group"


def test_a_food_business_is_the_producer_or_the_cheesemaker_not_a_body_sharing_the_words_stem() -> None:
    """Issue #17, generalise recall: a food-safety report calls the firm behind a recall "the producer",
    "the cheesemaker", "the dairy"; "the producer" is no "Consumer Product Safety Authority" named nearer,
    whose word "Product" only shares its stem."""
    found = mentions_of(
        "Molenaar Kaas BV recalled its cheese in May. The Harbour Consumer Product Safety Authority (HCPSA) "
        "said the cheese was sold in two cities. Torvald Mersk said he wanted answers from the producer."
    )
    assert refers(found, "the producer") == "Molenaar Kaas BV"
    found = mentions_of(
        "Fromagerie des Collines SA of Verbois recalled its blue cheese on Monday. The Regional Food "
        "Authority said it had inspected the plant on Friday. A former employee of the cheesemaker said "
        "the drains were dirty."
    )
    assert refers(found, "the cheesemaker") == "Fromagerie des Collines SA of Verbois"


def test_a_film_producer_introduced_so_stays_a_person() -> None:
    found = mentions_of("Marco Bellandi, a film producer, said the festival would go on.")
    assert [(m.text, m.label) for m in found] == [("Marco Bellandi", "PERSON")]


def test_an_acronym_written_again_alone_is_its_long_forms_organisation() -> None:
    """Issue #17, generalise recall: "the FAVV had doubled its inspections" — the acronym alone, with no
    link to its long form, read as a name that might be a business's, so "the company" went to it."""
    from storyline.stages.entities.lexicon import entity_lexicon
    from storyline.stages.entities.organisation_descriptions import named_organisations

    text = "The Northland Inspection Agency (NIA) came. Later the NIA left."
    long_form = Mention("a", 4, 31, "Northland Inspection Agency", "ORG")
    linked = Mention("a", 33, 36, "NIA", "ORG", refers_to="Northland Inspection Agency")
    alone = Mention("a", 53, 56, "NIA", "ORG")
    found = named_organisations(text, [long_form, linked, alone], entity_lexicon())
    assert sorted((m.start, m.text) for m in found) == [
        (4, "Northland Inspection Agency"),
        (33, "Northland Inspection Agency"),
        (53, "Northland Inspection Agency"),
    ]


def test_a_description_before_an_untagged_hyphenated_name_is_that_name_not_an_earlier_body() -> None:
    """Issue #17, generalise recall: "The consumer group Proef-Keuze" — the small model tags no name, and
    the description referred back to the food agency of the sentence before."""
    found = mentions_of(
        "The food agency said on Monday that it had closed the plant. The consumer group Proef-Keuze "
        "asked for refunds. The group said shops had to pay."
    )
    assert refers(found, "The consumer group") == "Proef-Keuze"
    assert any(m.text == "Proef-Keuze" and m.label == "ORG" and m.refers_to is None for m in found)
    assert refers(found, "The group") == "Proef-Keuze"


def test_a_description_before_a_word_in_lower_case_names_nothing_after_it() -> None:
    found = mentions_of("The food agency said on Monday that it had closed the plant. Then the agency left.")
    assert refers(found, "the agency") == "The food agency" or refers(found, "the agency") is None
    assert not any(m.text.startswith("Then") for m in found)
