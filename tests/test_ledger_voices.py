"""Whose voice a claim is (``ledger.voices``): a person or a description speaking for an organisation is its
voice, one source with it."""

from __future__ import annotations

from dataclasses import replace

from storyline.pipeline import link_speakers
from storyline.records import Entity, Mention
from storyline.stages.ledger.sources import independent_sources
from storyline.stages.ledger.voices import Voices, as_voices, organisation_voices, voice_of
from tests.factories import make_article, make_claim

ORIGIN = {"a": "a"}


def _entity(
    id: str, name: str, type: str, roles: tuple[str, ...] = (), aliases: tuple[str, ...] = ()
) -> Entity:
    return Entity(id=id, name=name, type=type, aliases=aliases, roles=roles)


def test_a_director_or_spokesman_speaks_for_the_organisation_their_role_names() -> None:
    entities = [
        _entity("e-ncdd", "National Civil Defence Directorate", "ORG", aliases=("NCDD",)),
        _entity("e-velsund", "Velsund", "ORG"),
        _entity("e-union", "Velsund Dockers' Union", "ORG"),
        _entity("e-uni", "University of Michigan", "ORG"),
        _entity("e-barrios", "Lucía Barrios", "PERSON", roles=("NCDD director",)),
        _entity(
            "e-chair",
            "Oleksandr Hrytsenko",
            "PERSON",
            roles=("Union leader", "chairman of the Velsund Dockers' Union"),
        ),
        _entity("e-old", "James Old", "PERSON", roles=("former NCDD director",)),
        _entity("e-deputy", "Gustavo Peña", "PERSON", roles=("Opposition deputy",)),
        _entity("e-two", "Ann Two", "PERSON", roles=("NCDD director", "Velsund Dockers' Union spokeswoman")),
        _entity(
            "e-coach", "Aaron Kall", "PERSON", roles=("the director of debate at the University of Michigan",)
        ),
        # a role resolution lent her beside two of her own kind: not her organisation
        _entity("e-lent", "Clinton", "PERSON", roles=("Secretary", "head of the NCDD", "The official")),
        _entity("e-staff", "Dana Roe", "PERSON", roles=("NCDD Chief of Staff",)),
    ]
    # the longer name holds "Velsund": one organisation; a former director, a deputy of no organisation,
    # a person speaking for two, a director of a programme at a university and a chief of the
    # organisation's staff are their own voice
    assert organisation_voices(entities).people == {"e-barrios": "e-ncdd", "e-chair": "e-union"}


def test_a_minister_speaks_for_the_ministry_whose_portfolio_the_title_names() -> None:
    entities = [
        _entity("e-health", "Ministry of Health", "ORG"),
        _entity("e-interior", "Interior Ministry", "ORG"),
        _entity("e-health-minister", "Dilshod Yuldashev", "PERSON", roles=("Health Minister",)),
        _entity("e-interior-minister", "Ana Petrova", "PERSON", roles=("the Minister of the Interior",)),
        # no ministry of finance among the entities; a deputy, or a former minister, is not the ministry
        _entity("e-finance", "Ivo Marek", "PERSON", roles=("Finance Minister",)),
        _entity("e-deputy", "Lena Hart", "PERSON", roles=("Deputy Health Minister",)),
        _entity("e-former", "Tom Old", "PERSON", roles=("former interior minister",)),
    ]
    assert organisation_voices(entities).people == {
        "e-health-minister": "e-health",
        "e-interior-minister": "e-interior",
    }


def test_a_role_naming_the_tail_of_one_organisations_name_speaks_for_it() -> None:
    entities = [
        _entity("e-guard", "Varnian Coast Guard", "ORG"),
        _entity("e-health", "Ministry of Health", "ORG"),
        _entity("e-north", "Northern Rail Authority", "ORG"),
        _entity("e-south", "Southern Rail Authority", "ORG"),
        _entity("e-quell", "Marta Quell", "PERSON", roles=("the spokeswoman of the coast guard",)),
        # "of health" opens on a link: no name of the ministry
        _entity("e-lind", "Ola Lind", "PERSON", roles=("director of health",)),
        # two organisations end in "Rail Authority": the tail names neither
        _entity("e-voss", "Per Voss", "PERSON", roles=("a spokesman of the rail authority",)),
    ]
    assert organisation_voices(entities).people == {"e-quell": "e-guard"}


def test_a_person_speaks_for_the_organisation_the_storys_own_articles_give_him() -> None:
    # one name in two stories is one entity with both stories' roles; each story reads its own
    def said(article: str, role: str) -> Mention:
        return Mention(article, 0, 5, "Giorgos Christodoulou", "PERSON", role=role)

    spokesman = Entity(
        id="e-gc",
        name="Giorgos Christodoulou",
        type="PERSON",
        roles=("the spokesman of the fire service", "the spokesman for the coast guard"),
        mentions=(
            said("a-fire", "the spokesman of the fire service"),
            said("a-wreck", "the spokesman for the coast guard"),
        ),
    )
    fire = _entity("e-fire", "Hellenic Fire Service", "ORG")
    assert organisation_voices([spokesman, fire], {"a-fire"}).people == {"e-gc": "e-fire"}
    assert organisation_voices([spokesman, fire]).people == {}  # every role: a second one of another kind
    assert organisation_voices([spokesman, fire], {"a-wreck"}).people == {}


def test_a_role_naming_a_description_of_one_organisation_speaks_for_it() -> None:
    # "the fire brigade" is a description resolution gave the fire service, not one of its names
    brigade = Mention("a", 0, 16, "the fire brigade", "ORG")
    fire = Entity(id="e-fire", name="Hellenic Fire Service", type="ORG", mentions=(brigade,))
    roles = ("the spokesman of the fire service", "spokesman of the fire brigade")
    spokesman = _entity("e-gc", "Giorgos Christodoulou", "PERSON", roles=roles)
    assert organisation_voices([spokesman, fire]).people == {"e-gc": "e-fire"}
    # without the description the second role reads as one at another organisation: no voice
    assert organisation_voices([spokesman, replace(fire, mentions=())]).people == {}


def test_an_organisations_voice_is_one_source_with_it() -> None:
    article = make_article("The NCDD said 63 had died. Barrios said 71 had died.")
    agency = make_claim("63 had died", article=article, id="c1", speaker="e-ncdd")
    director = make_claim("71 had died", article=article, id="c2", speaker="e-barrios")
    voiced = as_voices([agency, director], Voices(people={"e-barrios": "e-ncdd"}))
    assert [claim.speaker for claim in voiced] == ["e-ncdd", "e-ncdd"]
    assert independent_sources(voiced, ORIGIN) == {"e-ncdd"}
    assert independent_sources([agency, director], ORIGIN) == {"e-ncdd", "e-barrios"}


def test_an_unresolved_speaker_naming_an_organisation_speaks_as_it() -> None:
    entities = [
        _entity("e-police", "Police of Armenia", "ORG"),
        _entity("e-armenia", "Armenia", "GPE"),
        _entity("e-org-armenia", "Armenia", "ORG"),
    ]
    voices = organisation_voices(entities)
    article = make_article(
        "Armenian police said 301 had been held. Police in Armenia said 64. Armenia said so."
    )
    unresolved = make_claim("301 had been held", article=article, speaker_text="Armenian police")
    at_a_place = make_claim(
        "64", article=article, id="c2", speaker="e-armenia", speaker_text="Police in Armenia"
    )
    the_place = make_claim("so", article=article, id="c3", speaker="e-armenia", speaker_text="Armenia")
    police = make_claim("so", article=article, id="c4", speaker_text="police")
    assert [voice_of(claim, voices) for claim in (unresolved, at_a_place, the_place, police)] == [
        "e-police",
        "e-police",
        "e-armenia",  # the place itself, not the organisation of one word that shares its name
        None,  # one word names no organisation surely
    ]


def test_officials_named_by_a_domain_speak_for_the_one_organisation_of_that_stem() -> None:
    entities = [
        _entity("e-board", "National Electoral Board", "ORG", aliases=("NEB",)),
        _entity("e-harbour", "Velsund Harbour Authority", "ORG"),
        _entity("e-port-one", "Port of Velsund", "ORG"),
        _entity("e-port-two", "Halvik Port Company", "ORG"),
        # resolution joined the group to the government: an alias holding a group noun is no name
        _entity("e-gov", "Government of Norland", "ORG", aliases=("Norlandian election officials",)),
    ]
    voices = organisation_voices(entities)
    article = make_article(
        "Norlandian election officials, harbour officials, port officials, officials, NEB officials and "
        "election monitors said 40."
    )

    def said_by(words: str, speaker: str | None = None) -> str | None:
        return voice_of(make_claim("40", article=article, speaker=speaker, speaker_text=words), voices)

    assert said_by("Norlandian election officials", "e-gov") == "e-board"  # the demonym says whose
    assert said_by("harbour officials") == "e-harbour"
    assert said_by("port officials") is None  # two organisations share the stem
    assert said_by("officials") is None  # no domain: whose is unsure
    assert said_by("NEB officials", "e-board") == "e-board"  # a named group is the entities stage's
    assert said_by("election monitors") is None  # not a group of officials


def test_press_staff_or_a_role_for_an_organisation_named_by_its_noun_speak_as_it() -> None:
    tribunal = _entity("e-tribunal", "Norland Regional Tribunal", "ORG")
    supreme = _entity("e-supreme", "Supreme Tribunal", "ORG")
    described = replace(tribunal, mentions=(Mention("a", 0, 12, "The tribunal", "ORG"),))
    words = "the tribunal's press office", "a spokeswoman for the tribunal", "a clerk for the tribunal"

    def voices_said(entities: list[Entity]) -> list[str | None]:
        voices = organisation_voices(entities)
        return [voice_of(make_claim("40", article="a", speaker_text=text), voices) for text in words]

    # "the tribunal" named one organisation alone: its press office and its spokeswoman speak as it
    assert voices_said([described, supreme]) == ["e-tribunal", "e-tribunal", None]
    # no description given, one organisation with the noun in its name
    assert voices_said([tribunal]) == ["e-tribunal", "e-tribunal", None]
    # two such organisations and no description: whose is unsure
    assert voices_said([tribunal, supreme]) == [None, None, None]


def test_a_speaker_written_as_a_description_resolution_gave_one_person_is_that_person() -> None:
    def judge(id: str, name: str) -> Entity:
        mentions = (Mention("a", 0, 9, "the judge", "PERSON"), Mention("a", 20, 24, name, "PERSON"))
        return replace(_entity(id, name, "PERSON"), mentions=mentions)

    marlow = judge("e-marlow", "Ada Marlow")
    named = make_claim("the order stands", article="a", id="c1", speaker="e-marlow", speaker_text="Marlow")
    described = make_claim("the order stands", article="a", id="c2", speaker_text="The judge")
    voices = organisation_voices([marlow])
    assert voice_of(described, voices) == "e-marlow"
    # one person, not two independent sources
    assert independent_sources(as_voices([named, described], voices), ORIGIN) == {"e-marlow"}
    # two people both called "the judge": whose the words are is unsure, so they stay apart
    voices = organisation_voices([marlow, judge("e-venn", "Tom Venn")])
    assert voice_of(described, voices) is None
    # nor in an article where resolution never called anyone so
    assert voice_of(replace(described, article="b"), organisation_voices([marlow])) is None
    # a description never given to the person is no name of theirs
    assert voice_of(replace(described, speaker_text="a federal judge"), organisation_voices([marlow])) is None


def test_a_description_of_one_organisation_speaks_as_it() -> None:
    # issue #17: a unit's latest count given by "the sport's integrity body" is the unit's, one source
    unit = _entity("e-unit", "Weightlifting Integrity Unit", "ORG")
    lab = _entity("e-lab", "Anti-Doping Laboratory", "ORG")
    court = _entity("e-court", "Court of Arbitration for Sport", "ORG")

    def voice(text: str, *entities: Entity) -> str | None:
        return voice_of(make_claim("14", article="a", speaker_text=text), organisation_voices(entities))

    assert voice("the sport's integrity body", unit, lab) == "e-unit"
    # a head noun alone names the organisation whose name it heads ("the unit", "the court")
    assert voice("the unit", unit, lab) == "e-unit"
    assert voice("The court", unit, court) == "e-court"
    # words no name holds, or a noun heading none ("the sport": a word of the court's name), name none
    assert voice("the national federation", unit, lab) is None
    assert voice("the sport", unit, court) is None
    # nor does a description name an organisation when two fit it
    labs = (_entity("e-unit", "Anti-Doping Unit", "ORG"), lab)
    assert voice("the anti-doping body", *labs) is None
    # a name written in capitals is the entities stage's to resolve
    assert voice("the Integrity Body", unit, lab) is None


def test_a_speaker_written_as_the_body_a_spokesman_speaks_for_is_the_spokesman() -> None:
    # issue #17: "the state auditor's office said" gives the count its spokeswoman gave on the days before
    rossi = _entity(
        "e-rossi", "Marta Rossi", "PERSON", roles=("spokeswoman for the state auditor's office at the court",)
    )
    claim = make_claim(
        "14 files were opened", article="a", id="c2", speaker_text="the state auditor's office"
    )

    def voice(text: str, *entities: Entity) -> str | None:
        return voice_of(replace(claim, speaker_text=text), organisation_voices(entities))

    assert voice("the state auditor's office", rossi) == "e-rossi"
    assert voice("The state auditor's office at the court", rossi) == "e-rossi"
    named = make_claim("14 files were opened", article="a", id="c1", speaker="e-rossi", speaker_text="Rossi")
    voices = organisation_voices([rossi])
    assert independent_sources(as_voices([named, claim], voices), ORIGIN) == {"e-rossi"}
    # a body of one word, another body, or a former spokeswoman's: no voice of hers
    assert voice("the state auditor", rossi) is None
    office = _entity("e-x", "Ida Vale", "PERSON", roles=("spokeswoman for the office",))
    assert voice("the office", office) is None
    former = _entity("e-old", "Tom Old", "PERSON", roles=("former spokesman for the state auditor's office",))
    assert voice("the state auditor's office", former) is None
    # two people speaking for the same body: whose voice the words are is unsure
    bell = _entity("e-bell", "Ann Bell", "PERSON", roles=("a spokeswoman for the state auditor's office",))
    assert voice("the state auditor's office", rossi, bell) is None


def test_a_spokesman_of_the_organisation_named_by_its_noun_with_a_possessive_speaks_for_it() -> None:
    # "the authority's spokesman" beside "the spokesman of the Velsund Port Authority": the possessive's
    # "s" is no word of a role of another kind
    port = _entity("e-port", "Velsund Port Authority", "ORG")
    roles = ("the spokesman of the Velsund Port Authority", "the authority's spokesman")
    spokesman = _entity("e-sp", "Mira Holt", "PERSON", roles=roles)
    assert organisation_voices([spokesman, port]).people == {"e-sp": "e-port"}
    # a second role of another kind still leaves her the voice of none
    other = replace(spokesman, roles=(*roles, "a former harbour pilot"))
    assert organisation_voices([other, port]).people == {}


def test_a_named_owners_body_written_as_common_nouns_speaks_as_the_one_organisation_it_describes() -> None:
    # the generalise bridge story: "Republika Srpska's civil protection administration", resolved to its
    # owner, gave the administration's latest counts as a second source's
    agency = _entity("e-agency", "Lower Valley Flood Protection Agency", "ORG")
    valley = _entity("e-valley", "Lower Valley", "PERSON")  # a place the entities stage typed as a person
    fund = _entity("e-fund", "Lower Valley Relief Fund", "ORG")
    voices = organisation_voices([agency, valley, fund])

    def voice(text: str) -> str | None:
        return voice_of(make_claim("19", article="a", speaker="e-valley", speaker_text=text), voices)

    assert voice("Lower Valley's flood protection agency") == "e-agency"
    assert voice("The Lower Valley's flood protection agency") == "e-agency"
    # the owner alone, or its people, stay the owner's
    assert voice("Lower Valley") == "e-valley"
    assert voice("Lower Valley's residents") == "e-valley"
    # words two organisations' names hold name neither
    two = organisation_voices([agency, valley, fund, _entity("e-b", "Flood Protection Board", "ORG")])
    claim = make_claim(
        "19", article="a", speaker="e-valley", speaker_text="Lower Valley's flood protection body"
    )
    assert voice_of(claim, two) == "e-valley"


def test_one_bodys_name_with_its_words_in_another_order_is_one_voice() -> None:
    # the generalise bridge story: the civil protection administration's counts came under its English and
    # its translated names, two sources of one count falling
    def org(id: str, name: str, mentions: int) -> Entity:
        said = tuple(Mention("a", 0, len(name), name, "ORG") for _ in range(mentions))
        return Entity(id=id, name=name, type="ORG", mentions=said)

    entities = [
        org("e-english", "National Office for Flood Defence", 4),
        org("e-translated", "National Flood Defence Office", 2),
        org("e-stem", "Nation's Flood Defence Office", 1),  # one word of another form of its stem
        # a word more, a word other, or two content words only: other bodies
        org("e-more", "National Office for Flood Defence Works", 2),
        org("e-other", "National Flood Relief Office", 2),
        org("e-river", "Office of the River", 2),
        org("e-river-office", "River Office", 2),
    ]
    assert organisation_voices(entities).one_body == {"e-translated": "e-english", "e-stem": "e-english"}
    # only the story's organisations: one mentioned in another story's articles joins none of them
    assert organisation_voices(entities, {"b"}).one_body == {}


def test_a_description_of_a_role_one_person_of_the_article_holds_is_that_person() -> None:
    def person(id: str, name: str, article: str, role: str) -> Entity:
        mentions = (Mention(article, 0, len(name), name, "PERSON", role=role),)
        return replace(_entity(id, name, "PERSON", roles=(role,)), mentions=mentions)

    mayor = person("e-rhee", "Nora Rhee", "a", "newly elected mayor")
    senator = person("e-doyle", "Sam Doyle", "a", "the senator from Ohio")
    named = make_claim("the plan fails", article="a", id="c1", speaker="e-rhee", speaker_text="Rhee")
    described = make_claim(
        "the plan fails", article="a", id="c2", speaker_text="The port city's new mayor on Friday"
    )
    voices = organisation_voices([mayor, senator])
    assert voice_of(described, voices) == "e-rhee"
    # one person, not two independent sources
    assert independent_sources(as_voices([named, described], voices), ORIGIN) == {"e-rhee"}
    # a role no one of the article holds, an indefinite one, a former holder: no one's
    for text in ("the governor", "a mayor", "the former mayor"):
        assert voice_of(replace(described, speaker_text=text), voices) is None
    # nor in an article the mayor is not mentioned in, nor beside a second mayor of the article
    assert voice_of(replace(described, article="b"), voices) is None
    rival = person("e-holt", "Ian Holt", "a", "the mayor of Easton")
    assert voice_of(described, organisation_voices([mayor, senator, rival])) is None


def test_a_place_speaks_as_its_government_but_not_for_people_it_only_says_where_they_are_from() -> None:
    entities = [_entity("e-ohio", "Ohio", "GPE"), _entity("e-norway", "Norway", "GPE")]
    voices = organisation_voices(entities)
    article = make_article(
        "An Ohio Democrat said the race was close. Two-thirds of farmers in Ohio said prices fell. "
        "Norway said it would pay. Norwegian officials said the fund was safe."
    )
    member = make_claim(
        "the race was close", article=article, speaker="e-ohio", speaker_text="An Ohio Democrat"
    )
    share = make_claim(
        "prices fell",
        article=article,
        id="c2",
        speaker="e-ohio",
        speaker_text="Two-thirds of farmers in Ohio",
    )
    country = make_claim("it would pay", article=article, id="c3", speaker="e-norway", speaker_text="Norway")
    officials = make_claim(
        "the fund was safe", article=article, id="c4", speaker="e-norway", speaker_text="Norwegian officials"
    )
    assert [voice_of(claim, voices) for claim in (member, share, country, officials)] == [
        None,  # a party member of the state, no voice of it: left to the speaker's words
        None,
        "e-norway",  # "Seoul said", "Norway said": the place as its government
        "e-norway",
    ]


def test_a_description_of_the_article_lead_linked_to_them_is_one_voice_with_the_name() -> None:
    # issue #14: "the Republican presidential candidate told …" after "Ada Marlow says …" counted Marlow
    # twice, once by name and once by the description; the pipeline links the description to her
    # (``claims.lead_described``), and the ledger hears one voice
    def person(id: str, name: str, *starts: int, article: str = "a") -> Entity:
        mentions = tuple(Mention(article, start, start + len(name), name, "PERSON") for start in starts)
        return replace(_entity(id, name, "PERSON"), mentions=mentions)

    people = [person("e-marlow", "Ada Marlow", 0, 100, 200, 300), person("e-venn", "Tom Venn", 150)]
    named = make_claim("the scrutiny is unfair", id="c1", speaker="e-marlow", speaker_text="Marlow")
    described = make_claim(
        "the scrutiny is unfair", id="c2", speaker_text="The candidate", speaker_start=120, speaker_end=133
    )
    voices = organisation_voices(people)
    assert independent_sources(as_voices([named, described], voices), ORIGIN) == {"e-marlow", "the candidate"}
    claims = link_speakers([described], people)
    assert independent_sources(as_voices([named, *claims], voices), ORIGIN) == {"e-marlow"}


def test_a_spurned_offer_is_the_outlets_report_that_it_was_made() -> None:
    # "The mayor rejected the senator's offer": the mayor holds no offer; the outlet tells that one was made
    spurned = make_claim("the senator's offer", cue="rejected", modality="denied", speaker_text="The mayor")
    spurned = replace(spurned, speaker="e-mayor")
    (voiced,) = as_voices([spurned], Voices())
    assert voiced.outlet_voice and voiced.speaker is None and voiced.modality == "asserted"
    # a denial of a claim ("rejected the idea that …") keeps its speaker
    idea = replace(spurned, text="the idea that the senator made an offer")
    (voiced,) = as_voices([idea], Voices())
    assert voiced.speaker == "e-mayor" and not voiced.outlet_voice
