"""Names one article leaves untagged that another tags (``stages/entities/recovery.py``), on our texts."""

from __future__ import annotations

from storyline.records import Article, ForeignFragment, Mention
from storyline.stages.entities.recovery import recover_mentions


def _article(article_id: str, text: str, fragments: tuple[ForeignFragment, ...] = ()) -> Article:
    return Article(id=article_id, text=text, foreign_fragments=fragments)


def _tagged(article: Article, surface: str, label: str) -> Mention:
    start = article.text.index(surface)
    return Mention(article.id, start, start + len(surface), surface, label)


ENGLISH = _article("en", "Governor Oleksandr Prokudin said the utility DTEK had restored power.")


def test_a_name_in_another_romanisation_and_its_surname_alone_are_recovered() -> None:
    german = _article(
        "de", "Gouverneur Oleksandr Prokudin sagte. Dann sprach Alexander Prokudin. Prokudin schwieg."
    )
    translated = _article(
        "pl", "The governor, Aleksandr Prokudin, said DTEK crews were at work. Later Prokudin left."
    )
    tagged = [_tagged(ENGLISH, "Oleksandr Prokudin", "PERSON"), _tagged(ENGLISH, "DTEK", "ORG")]
    found = recover_mentions([ENGLISH, translated], tagged)
    assert sorted((m.article, m.text, m.label) for m in found) == [
        ("pl", "Aleksandr Prokudin", "PERSON"),
        ("pl", "DTEK", "ORG"),
        ("pl", "Prokudin", "PERSON"),
    ]
    assert all(translated.text[m.start : m.end] == m.text for m in found)
    assert recover_mentions([german], []) == []


def test_nothing_is_recovered_inside_another_mention_a_foreign_fragment_or_from_a_part_of_a_name() -> None:
    inside = "Prokudin Street"
    other = _article(
        "x",
        "They met on Oleksandr Prokudin Street. Gouverneur Oleksandr Prokudin sagte nichts. "
        "Mr Oleksandr spoke.",
        (ForeignFragment("Gouverneur Oleksandr Prokudin sagte nichts.", "de", 39, 82),),
    )
    street = Mention("x", other.text.index("Oleksandr"), other.text.index(inside) + len(inside), "", "FAC")
    tagged = [_tagged(ENGLISH, "Oleksandr Prokudin", "PERSON"), street]
    assert recover_mentions([other], tagged) == []


def test_a_short_acronym_or_a_name_tagged_only_as_a_place_is_not_recovered() -> None:
    place = _article("p", "Flooding hit Nova Kakhovka and the UN said so.")
    tagged = [_tagged(place, "Nova Kakhovka", "GPE"), _tagged(place, "UN", "ORG")]
    other = _article("q", "In Nova Kakhovka the UN and Nowa Kachowka officials met.")
    assert recover_mentions([other], tagged) == []


def test_a_name_after_a_title_of_two_capitalised_words_is_read_whole() -> None:
    """Issue #17: "Labour Minister Dschamsched Cholmatow" was read as the run "Labour Minister Dschamsched"
    and the name lost; the run is read whole, a name being two or three of its words."""
    german = _article("de", "Interior Minister Wolodymyr Tschernow said the border was calm.")
    tagged = [_tagged(_article("en", "Volodymyr Chernov spoke."), "Volodymyr Chernov", "PERSON")]
    found = recover_mentions([german], tagged)
    assert [(m.text, m.label) for m in found] == [("Wolodymyr Tschernow", "PERSON")]


def test_the_surname_alone_of_a_name_tagged_an_organisation_is_recovered_when_it_reads_as_a_person() -> None:
    """Issue #17: "Its chairman, Nuriddin Walijew," tagged an organisation; "Walijew" alone later was lost."""
    german = _article("de", "Its chairman, Wolodymyr Tschernow, spoke. Later Tschernow left.")
    tagged = [
        _tagged(_article("en", "Volodymyr Chernov spoke."), "Volodymyr Chernov", "PERSON"),
        _tagged(german, "Wolodymyr Tschernow", "ORG"),
    ]
    found = recover_mentions([german], tagged)
    assert [(m.text, m.label, m.start) for m in found] == [
        ("Tschernow", "PERSON", german.text.rindex("Tschernow"))
    ]
    assert recover_mentions([german], tagged[1:]) == []


def test_the_given_name_of_a_mongolian_name_is_recovered_in_a_report_without_the_patronymic() -> None:
    """Issue #17: a Mongolian name is patronymic (genitive) + given name, and the person goes by the given
    name, alone or after the patronymic's initial. The surname of a Western name tagged elsewhere is not
    looked for in a report that never names the person."""
    named = _article("a", "Lkhagvyn Sarangerel, the deputy governor, met Henrik Dahl and Batyn Bold.")
    later = _article("b", "L. Sarangerel said the depot was full. Sarangerel left. Dahl stayed. Bold plans.")
    tagged = [
        _tagged(named, "Lkhagvyn Sarangerel", "PERSON"),
        _tagged(named, "Henrik Dahl", "PERSON"),
        _tagged(named, "Batyn Bold", "PERSON"),  # a given name short enough to be an English word
    ]
    found = recover_mentions([named, later], tagged)
    assert sorted((m.article, m.start, m.text, m.label) for m in found) == [
        ("b", 3, "Sarangerel", "PERSON"),
        ("b", 39, "Sarangerel", "PERSON"),
    ]


def test_a_number_ending_a_name_tagged_a_person_is_no_surname() -> None:
    """ "Seosan 3", a barge the small model tags a person: its "3" is not recovered in "3,800 tonnes"."""
    report = _article(
        "sp", "The barge Seosan 3 sank. The slick has grown to 3,800 tonnes; Seosan 3 was found."
    )
    found = recover_mentions([report], [_tagged(report, "Seosan 3", "PERSON")])
    assert all(m.text != "3" for m in found)


def test_an_organisations_full_name_is_recovered_over_a_place_inside_it_not_one_tagged_a_place() -> None:
    """ "North Evia Volunteer Rescue Team" tagged in one report is the organisation in another that tagged
    only "North Evia" inside it; "La Corona Dam", tagged a place elsewhere, is not recovered."""
    first = _article("1", "The North Evia Volunteer Rescue Team and the La Corona Dam were named.")
    second = _article(
        "2", "Eleni, coordinator of the North Evia Volunteer Rescue Team, spoke of La Corona Dam."
    )
    tagged = [
        _tagged(first, "North Evia Volunteer Rescue Team", "ORG"),
        _tagged(first, "La Corona Dam", "ORG"),
        _tagged(second, "North Evia", "GPE"),
        _tagged(second, "La Corona Dam", "FAC"),
    ]
    found = recover_mentions([first, second], tagged)
    assert [(m.article, m.text, m.label) for m in found] == [("2", "North Evia Volunteer Rescue Team", "ORG")]


def test_the_surname_alone_of_a_name_printed_surname_first_is_recovered() -> None:
    """Issue #17: a translated list prints "Petrosjan Narine" (tagged an organisation), other reports write
    "Narine Petrosyan"; "said Petrosjan" later in the list's article was lost. Nothing is recovered where no
    article names the person in the usual order, nor from the given name that ends the printed name."""
    listed = _article("de", "One witness is Petrosjan Narine, a teacher. Narine spoke, said Petrosjan.")
    tagged = [
        _tagged(_article("en", "Narine Petrosyan spoke."), "Narine Petrosyan", "PERSON"),
        _tagged(listed, "Petrosjan Narine", "ORG"),
    ]
    found = recover_mentions([listed], tagged)
    assert [(m.text, m.label, m.start) for m in found] == [
        ("Petrosjan", "PERSON", listed.text.rindex("Petrosjan"))
    ]
    assert recover_mentions([listed], tagged[1:]) == []


def test_a_name_recovered_in_one_article_does_not_block_the_same_offsets_in_the_next() -> None:
    """Issue #17, generalise thessaloniki-bid: "Altinova Sanayi Holding" recovered at characters 16-39 of
    one report hid the same name at 16-39 of the next, which spans of the first article blocked."""
    tagged_in = _article("a", "Korvex Sanayi Holding made an offer.")
    first = _article("b", "ANKARA, Dec 3 - Korvex Sanayi Holding said.")
    second = _article("c", "ATHENS, Dec 3 - Korvex Sanayi Holding raised.")
    tagged = [_tagged(tagged_in, "Korvex Sanayi Holding", "ORG")]
    found = recover_mentions([tagged_in, first, second], tagged)
    assert sorted((m.article, m.start) for m in found) == [("b", 16), ("c", 16)]


def test_a_one_word_organisation_two_articles_tag_is_recovered_where_a_sentence_opens_with_it() -> None:
    """Issue #17, generalise recall: "Okapi said it had refunded …" — the small model tags the chain's
    one-word name mid-sentence but not where it opens one, nor before a kind word."""
    first = _article("a", "The cheese was sold by the chain Vellora in three countries.")
    second = _article("b", "Shoppers asked the chain Vellora for refunds.")
    third = _article("c", "Vellora said it had refunded 400 customers. The Vellora supermarkets were closed.")
    tagged = [_tagged(first, "Vellora", "ORG"), _tagged(second, "Vellora", "ORG")]
    found = recover_mentions([first, second, third], tagged)
    assert [(m.article, m.start, m.text, m.label) for m in found] == [
        ("c", 0, "Vellora", "ORG"),
        ("c", 48, "Vellora", "ORG"),
    ]


def test_a_one_word_organisation_one_article_tags_a_word_of_the_language_or_a_name_part_is_not() -> None:
    first = _article("a", "The chain Vellora and the union Harvest spoke to Anna Tessaro.")
    second = _article("b", "The chain Vellora, the union Harvest and Tessaro met.")
    third = _article("c", "Vellora opened. Harvest was late this year, the harvest poor. Tessaro spoke.")
    tagged = [
        _tagged(first, "Vellora", "ORG"),
        _tagged(first, "Harvest", "ORG"),
        _tagged(second, "Harvest", "ORG"),
        _tagged(first, "Anna Tessaro", "PERSON"),
        _tagged(second, "Tessaro", "ORG"),
        _tagged(first, "Tessaro", "ORG"),
    ]
    assert [m.text for m in recover_mentions([first, second, third], tagged) if m.article == "c"] == []


def test_a_chinese_name_another_report_prints_surname_first_is_recovered_in_either_order() -> None:
    """Issue #17, generalise cable: the wire tags "Wang Jianguo"; a translation's "Jianguo Wang",
    untagged, is the same name. A name whose first word is no Chinese surname is not read the other way."""
    wire = _article("w", "The captain, Wang Jianguo, and the owner, Peter Holm, spoke.")
    other = _article("o", "The captain of the ship, Jianguo Wang, and Holm Peter were questioned.")
    tagged = [_tagged(wire, "Wang Jianguo", "PERSON"), _tagged(wire, "Peter Holm", "PERSON")]
    found = recover_mentions([other], tagged)
    assert [(m.text, m.label) for m in found] == [("Jianguo Wang", "PERSON")]
