"""Bodies an article names only by a description (``entities.bodies``) — on sentences written for the tests,
run through the real parse."""

from __future__ import annotations

import pytest

from storyline.records import ROLE_LABEL, Entity, Mention
from storyline.stages.entities.bodies import subdivision_governments
from storyline.stages.entities.lexicon import entity_lexicon
from storyline.stages.entities.resolve import resolve_entities
from tests.test_entities_mentions import by_text, mentions_of


@pytest.mark.parametrize(
    ("text", "body", "references"),
    [
        # Issue #17: the strike committee was the source of a strike's counts, yet no mention at all.
        (
            "About 300 dockers stopped work, according to the strike committee elected on Sunday. "
            "The committee said more would join, and the committee will give a new count tomorrow.",
            "strike committee",
            2,
        ),
        # Issue #17, generalise pamir-air-crash: "A government commission headed by …" then "the commission".
        (
            "An inquiry commission led by the transport minister arrived on Monday. The commission said the "
            "signals had failed.",
            "inquiry commission",
            1,
        ),
    ],
)
def test_a_committee_introduced_by_a_description_and_referred_back_to_is_an_actor(
    text: str, body: str, references: int
) -> None:
    found = mentions_of(text)
    named = next(m for m in found if m.text == body)
    assert named.label == "ORG" and named.refers_to is None
    head = body.split()[-1]
    referring = [m for m in found if m.text.lower() == f"the {head}"]
    assert len(referring) == references
    assert all(m.label == "ORG" and m.refers_to == body for m in referring)


def test_the_committee_is_the_named_committee_when_the_article_names_one() -> None:
    found = mentions_of(
        "The Senate Budget Committee met the strike leaders on Monday. The striking dockers also met the "
        "strike committee of the port. The committee said the talks had gone well."
    )
    assert not any(m.text == "strike committee" and m.label == "ORG" for m in found)


def test_two_committees_of_one_article_leave_the_committee_unresolved() -> None:
    found = mentions_of(
        "The strike committee met the crisis committee on Monday. The committee said the talks went well."
    )
    assert not any(
        m.label == "ORG" and m.text.lower() in {"strike committee", "the committee"} for m in found
    )


def test_a_committee_written_with_a_only_is_no_actor() -> None:
    found = mentions_of("The dockers elected a strike committee on Sunday. The port said talks would follow.")
    assert not any(m.text == "strike committee" and m.label == "ORG" for m in found)


def test_a_commission_introduced_by_a_description_is_an_actor_though_not_referred_back_to() -> None:
    """Issue #17, generalise steppe-train-collision: one report wrote only "the government commission",
    the next only "the commission"; the introduction must be a name for the next report's to join."""
    found = mentions_of(
        "Transport Minister Arvo Lind, who heads the inquiry commission, visited the site on Monday. "
        "The inquiry commission will report within ten days."
    )
    bodies = [m for m in found if m.text == "inquiry commission"]
    assert len(bodies) == 2 and all(m.label == "ORG" and m.refers_to is None for m in bodies)


def ferry_reports(*descriptions: tuple[str, str]) -> list[Mention]:
    """Two reports of one story (two shared actors) and the descriptions (article, surface) given."""
    named = [
        Mention(article, n, n + len(name), name, label)
        for article in ("a", "b")
        for n, (name, label) in enumerate([("Velsund Ferries", "ORG"), ("Ingrid Solberg", "PERSON")])
        for n in [n * 100]
    ]
    written = [
        Mention(article, 500 + 100 * n, 500 + 100 * n + len(surface), surface, ROLE_LABEL, role=surface)
        for n, (article, surface) in enumerate(descriptions)
    ]
    return named + written


def entity_of(entities: list[Entity], surface: str) -> Entity | None:
    return next((e for e in entities if any(m.text == surface for m in e.mentions)), None)


def test_a_public_service_written_twice_in_a_story_by_its_function_is_an_actor() -> None:
    """Issue #17, generalise pamir-air-crash: "the border service" had no proper name in three reports,
    and all its 7 mentions were lost."""
    found = resolve_entities(ferry_reports(("a", "The harbour service"), ("b", "the harbour service")))
    body = entity_of(found, "harbour service")
    assert body is not None and body.type == "ORG" and len(body.mentions) == 2
    assert {m.article for m in body.mentions} == {"a", "b"}


def test_a_public_service_written_once_is_no_actor() -> None:
    found = resolve_entities(ferry_reports(("a", "the harbour service")))
    assert entity_of(found, "harbour service") is None


def test_a_repeated_description_without_a_function_word_is_no_actor() -> None:
    """ "the local police" twice says where, not which body."""
    found = resolve_entities(ferry_reports(("a", "the local police"), ("b", "the local police")))
    assert entity_of(found, "local police") is None


def test_two_services_of_a_story_are_two_actors() -> None:
    written = [("a", "the harbour service"), ("b", "the customs service")] * 2
    found = resolve_entities(ferry_reports(*written))
    harbour, customs = entity_of(found, "harbour service"), entity_of(found, "customs service")
    assert harbour is not None and customs is not None and harbour is not customs


def test_a_service_the_story_names_is_no_actor_of_its_own() -> None:
    """Issue #17, generalise jalal-abad-escape: "the penitentiary service" of a report naming only the
    acronym is the "State Penitentiary Service" another report of the story names."""
    mentions = ferry_reports(("a", "the penitentiary service"), ("a", "the penitentiary service"))
    mentions.append(Mention("b", 300, 326, "State Penitentiary Service", "ORG"))
    found = resolve_entities(mentions)
    assert entity_of(found, "penitentiary service") is None


def test_a_subdivisions_executive_is_named_after_the_place_its_paragraph_names_before_it() -> None:
    """Issue #17: "the provincial administration" after "In Velmar," and "the provincial government" of
    the next sentence are the one "Velmar provincial government"; on mentions built by hand (the model's
    place tags vary). No place before it in the paragraph, a place of its own after it, or a level that is
    no subdivision's ("local"), and the description stays unresolved."""
    text = (
        "In Velmar, the provincial administration opened shelters. The provincial government paid.\n"
        "The provincial government asked for help. In Ostra, the local government waited.\n"
        "Near Ostra, the regional government of Brenna said no."
    )

    def at(surface: str, label: str, occurrence: int = 0) -> Mention:
        start = -1
        for _ in range(occurrence + 1):
            start = text.index(surface, start + 1)
        role = surface if label == ROLE_LABEL else None
        return Mention("a", start, start + len(surface), surface, label, role=role)

    places = [at("Velmar", "GPE"), at("Ostra", "GPE"), at("Ostra", "GPE", 1), at("Brenna", "GPE")]
    descriptions = [
        at("the provincial administration", ROLE_LABEL),
        at("The provincial government", ROLE_LABEL),
        at("The provincial government", ROLE_LABEL, 1),  # a new paragraph that names no place before it
        at("the local government", ROLE_LABEL),
        at("the regional government", ROLE_LABEL),
    ]
    found = subdivision_governments(text, descriptions, places, entity_lexicon())
    assert [m.refers_to for m in found] == ["Velmar provincial government"] * 2 + [None] * 3
    assert [m.label for m in found] == ["ORG"] * 2 + [ROLE_LABEL] * 3


def test_a_subdivision_as_the_subject_is_its_executive_and_meets_its_office() -> None:
    """Issue #17, generalise spill: "the county said" and "the county office" are the county's executive,
    named after the county the article names ("Karsk county"); "the county's beaches" is the place."""
    found = mentions_of(
        "The slick reached the shore of Karsk county on Monday.\n\n"
        "The head of Karsk county said the county office had opened a hotline.\n\n"
        "Later the county said it had closed the county's beaches."
    )
    governments = {m.text: m.refers_to for m in found if m.label == "ORG"}
    assert governments["the county office"] == governments["the county"] == "Karsk county government"
    assert not any(m.start == found[0].start and m.text == "the county's" for m in found)


def test_a_subdivision_as_the_subject_of_what_befalls_a_place_is_the_place() -> None:
    """ "the county lost its oyster farms": the subject of no statement nor act of office is the place, not
    its executive (precision first: the executive is read only from ``executive_verbs``)."""
    found = mentions_of(
        "The slick reached the shore of Karsk county on Monday.\n\n"
        "The head of Karsk county said the county office had opened a hotline.\n\n"
        "By Tuesday the county lost its oyster farms."
    )
    assert by_text(found, "the county office").refers_to == "Karsk county government"
    assert not any(m.text == "the county" for m in found)


def test_a_regional_office_is_no_executive_of_the_place_named_before_it() -> None:
    """ "the regional office" is as often an agency's branch: only a county's or a district's office is read
    as its executive."""
    found = mentions_of(
        "Floods hit Karsk county on Monday.\n\n"
        "In Karsk county, the regional office said it was sending tents, and the county office opened a "
        "shelter."
    )
    assert by_text(found, "the county office").refers_to == "Karsk county government"
    assert by_text(found, "the regional office").refers_to is None


def test_a_subdivision_noun_with_no_place_named_before_is_no_mention() -> None:
    found = mentions_of("Rains fell all week. The province said the roads were closed.")
    assert not any(m.text == "The province" for m in found)


def test_a_subdivision_accused_counting_or_acting_by_a_passive_is_its_executive_its_beaches_the_place() -> (
    None
):
    """Issue #17, generalise wildfire: "accuses the region of ignoring", "the region's count", "listed by the
    region" are the Region of Central Greece; "the region's beaches" is the place."""
    text = (
        "Fire reached the Region of Central Greece on Monday.\n\n"
        "The mayor accuses the region of ignoring old houses that were never listed by the region. "
        "The region's count came later, and the region's beaches stayed open."
    )
    executive = [m for m in mentions_of(text) if m.text.lower() == "the region"]
    assert [m.text for m in executive] == ["the region", "the region", "The region"]
    assert all(m.label == "ORG" and m.refers_to == "Region of Central Greece" for m in executive)
