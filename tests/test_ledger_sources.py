"""Independent sources (``ledger.sources``): a speaker relaying another's words is not a second source."""

from __future__ import annotations

from dataclasses import replace

from storyline.records import Claim, Entity, Mention
from storyline.stages.ledger.counters import counted_by
from storyline.stages.ledger.grouping import EntitySpans
from storyline.stages.ledger.sources import (
    Voices,
    as_voices,
    corroborators,
    independent_sources,
    is_unnamed_report,
    organisation_voices,
    report_words,
    voice_of,
)
from tests.factories import make_article, make_claim, make_quantity, span_of

TEXT = "Davis said the FBI said that she did nothing illegal. Later, Roe said that she did nothing illegal."
ORIGIN = {"a": "a"}


def test_a_claim_about_a_claim_counts_once() -> None:
    article = make_article(TEXT)
    relay = make_claim(
        "the FBI said that she did nothing illegal", article=article, id="c1", speaker="e-davis"
    )
    fbi_cue = span_of(TEXT, "said", after=relay.start)
    relayed = make_claim("she did nothing illegal", article=article, id="c2", speaker="e-fbi")
    relayed = replace(relayed, cue_start=fbi_cue[0], cue_end=fbi_cue[1])
    other = make_claim("she did nothing illegal", article=article, id="c3", speaker="e-roe", after=60)
    other = replace(other, cue_start=TEXT.index("Roe said") + 4, cue_end=TEXT.index("Roe said") + 8)
    assert independent_sources([relay, relayed], ORIGIN) == {"e-fbi"}
    assert independent_sources([relay, relayed, other], ORIGIN) == {"e-fbi", "e-roe"}
    assert corroborators([relay, relayed, other], {}, ORIGIN) == 2
    assert independent_sources([relay, other], ORIGIN) == {"e-davis", "e-roe"}  # what it relays is absent


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


def _outlet_sentence(text: str, figure: str, value: float, counter: str) -> tuple[Claim, EntitySpans]:
    """An outlet's own sentence ``text`` holding ``figure``, with ``counter`` a mention of "e-counter"."""
    article = make_article(text)
    quantity = make_quantity(figure, value, within=text)
    claim = make_claim(text, article=article, cue="", quantities=(quantity,))
    start, end = span_of(text, counter)
    return claim, {"a": [(start, end, "e-counter")]}


def test_an_outlets_sentence_telling_a_count_gives_the_counters_figure() -> None:
    counted, spans = _outlet_sentence(
        "On Tuesday the ministry had counted 41 sites back online.", "41 sites", 41, "the ministry"
    )
    credited = counted_by(counted, spans, frozenset({"e-counter"}))
    assert (credited.speaker, credited.speaker_text, credited.outlet_voice) == (
        "e-counter",
        "the ministry",
        False,
    )
    # a counter that is not one of the counters (a place), a verb that counts nothing, a counter named
    # after the figure: the outlet's own sentence stays so
    assert counted_by(counted, spans, frozenset()) is counted
    for text, counter in [
        ("The ministry reconnected 41 sites on Tuesday.", "The ministry"),
        ("41 sites were back online, more than the ministry counted.", "the ministry"),
        ("The ministry, which a rival counted among the slowest, has 41 sites.", "The ministry"),
    ]:
        claim, spans = _outlet_sentence(text, "41 sites", 41, counter)
        assert counted_by(claim, spans, frozenset({"e-counter"})) is claim, text


def test_a_figure_set_at_an_estimate_is_the_counters() -> None:
    # "put … at" sets an estimate: the subject's figure (the generalise fire story's hectares, credited to
    # the wire that recapped them)
    for text in (
        "On Monday the fire brigade had put the burned area at 3,500 hectares.",
        "The fire brigade put the area burned at more than 3,500 hectares on Thursday.",
    ):
        claim, spans = _outlet_sentence(text, "3,500 hectares", 3500, "fire brigade")
        assert counted_by(claim, spans, frozenset({"e-counter"})).speaker == "e-counter", text
    # "put" with no "at" before the figure estimates nothing
    claim, spans = _outlet_sentence(
        "The fire brigade put 300 firefighters on the ridge.", "300 firefighters", 300, "fire brigade"
    )
    assert counted_by(claim, spans, frozenset({"e-counter"})) is claim


def _after_counter(text: str, sentence: str, figure: str, value: float) -> tuple[Claim, EntitySpans]:
    """The outlet's ``sentence`` ending ``text``, holding ``figure``; "fire service" names "e-counter"."""
    article = make_article(text)
    quantity = make_quantity(figure, value, within=text)
    claim = make_claim(sentence, article=article, cue="", quantities=(quantity,))
    start, end = span_of(text, "fire service")
    return claim, {"a": [(start, end, "e-counter")]}


def test_a_sentence_pointing_back_takes_the_counter_the_sentence_before_names() -> None:
    counters = frozenset({"e-counter"})
    before = "The fire service put the area at 14,000 hectares on Thursday. "
    for sentence in (
        "Its estimates have risen every day: 3,500 hectares on Monday.",
        "It had put the area at 3,500 hectares on Monday.",
    ):
        claim, spans = _after_counter(before + sentence, sentence, "3,500 hectares", 3500)
        assert counted_by(claim, spans, counters, before + sentence).speaker == "e-counter", sentence
        # without the article's text, or with the counter named two sentences before: the outlet's
        assert counted_by(claim, spans, counters) is claim
        farther = "The fire service spoke. The wind rose. " + sentence
        claim, spans = _after_counter(farther, sentence, "3,500 hectares", 3500)
        assert counted_by(claim, spans, counters, farther) is claim
    # an "It" that points at no count
    sentence = "It was the worst fire since 2021, when 50,000 hectares burned."
    claim, spans = _after_counter(before + sentence, sentence, "50,000 hectares", 50000)
    assert counted_by(claim, spans, counters, before + sentence) is claim


def test_a_sentence_going_on_with_a_counters_figure_is_that_counters() -> None:
    counters = frozenset({"e-counter"})
    before = "Only 12 berths were still shut on Wednesday, according to the port authority. "
    text = before + "On Tuesday there were still 31 berths shut."
    article = make_article(text)
    twelve = make_quantity("12 berths", 12, within=text, unit="berth")
    source = make_claim(
        "Only 12 berths were still shut on Wednesday",
        article=article,
        cue="according to",
        speaker_text="the port authority",
        speaker="e-counter",
        quantities=(twelve,),
    )
    outlet = make_claim(  # derived: no speaker, no cue
        "On Tuesday there were still 31 berths shut.",
        article=article,
        id="c2",
        cue="",
        quantities=(make_quantity("31 berths", 31, within=text, unit="berth"),),
    )
    spans: EntitySpans = {"a": [(*span_of(text, "the port authority"), "e-counter")]}
    assert counted_by(outlet, spans, counters, text, [source, outlet]).speaker == "e-counter"
    # another thing counted, or no counter's claim in the sentence before: the outlet's own
    other = replace(source, quantities=(replace(twelve, unit="ship"),))
    assert counted_by(outlet, spans, counters, text, [other, outlet]) is outlet
    assert counted_by(outlet, spans, counters, text, [outlet]) is outlet


def test_a_report_no_one_is_named_for_is_named_by_its_words() -> None:
    text = "The police denied reports in the Greek press that a man had been arrested."
    article = make_article(text)
    reported = make_claim("a man had been arrested", article=article, cue="reports")
    assert is_unnamed_report(reported)
    assert report_words(reported, text) == "reports in the Greek press"
    bare = "The police denied reports that a man had been arrested."
    assert report_words(
        make_claim("a man had been arrested", article=make_article(bare), cue="reports"), bare
    ) == ("unnamed reports")
    # a named report, or a speaker's claim, is no unnamed report
    assert not is_unnamed_report(replace(reported, speaker_text="Kathimerini"))
    assert not is_unnamed_report(replace(reported, cue="said"))


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
