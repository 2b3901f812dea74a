"""Which quantity labels ask nothing of their figures (``ledger.measured_questions``)."""

from __future__ import annotations

from dataclasses import replace

from factories import make_article, make_claim, make_mention, make_quantity, make_story

from storyline.records import Entity
from storyline.stages.ledger import build_ledger
from storyline.stages.ledger.measured_questions import _asks_nothing, _labelled, is_dimension
from storyline.stages.ledger.measures import make_measures


def _feet(content: str) -> list:
    feet = make_quantity("about 10 feet", 10, within=content, unit="foot")
    return make_measures(make_claim(content, cue="", quantities=(feet,)), frozenset())


def test_one_sentences_dimension_of_an_unnamed_thing_asks_nothing() -> None:
    # issue #14 (PolNeAR mexico-visit-wall): a radar's reach stood as "How many feet into the ground?"
    group = _feet("The device shoots radar waves about 10 feet into the ground.")
    assert is_dimension("foot") and not is_dimension("personnel")
    assert _asks_nothing("How many feet into the ground?", True, group, 1)
    # a label that names what reached the figure asks something; so do two sentences' figures
    assert not _asks_nothing("How many feet did the radar waves reach into the ground?", True, group, 1)
    assert not _asks_nothing("How many feet into the ground?", True, group, 2)


def _crates(content: str, figure: str, value: float, claim_id: str, predicate: str) -> list:
    crates = replace(make_quantity(figure, value, within=content, unit="crate"), predicate=predicate)
    return make_measures(make_claim(content, id=claim_id, cue="", quantities=(crates,)), frozenset())


def test_a_label_is_worded_from_a_figure_that_does_not_name_its_speaker() -> None:
    # the warehouse manager's "we" comes first among equals, yet the label cannot say who "we" are
    ours = _crates("We have unloaded 40 crates of grain", "40 crates", 40, "m1", "did we unload")
    theirs = _crates("Dockers had unloaded 45 crates of grain", "45 crates", 45, "d1", "did dockers unload")
    order, text, _ = _labelled([*ours, *theirs])
    assert order[0] == 1
    assert "we" not in text.lower().split()
    assert text.startswith("How many crates of grain")


def _mayors_count(content: str, predicate: str) -> list[str]:
    """The questions of one article whose mayor says ``content``, its figure "1,200 residents"."""
    text = f"The mayor said {content}."
    article = make_article(text, id="a1", outlet="Daily")
    figure = replace(
        make_quantity("1,200 residents", 1200, within=text, unit="personnel"), predicate=predicate
    )
    claim = make_claim(content, article=article, id="c1", speaker_text="The mayor", quantities=(figure,))
    claim = replace(claim, speaker="e-mayor", finite_verbs=(content.index(" ") + 1,))
    return [question.question for question in build_ledger(make_story([article]), [claim], [article], [], [])]


def test_one_sentences_figure_asked_in_its_speakers_voice_asks_nothing() -> None:
    # "did we evacuate": a question asked of every source cannot say who "we" are
    assert _mayors_count("we evacuated 1,200 residents from the valley", "did we evacuate") == []
    assert _mayors_count(
        "the police evacuated 1,200 residents from the valley", "did the police evacuate"
    ) == ["How many residents from the valley did the police evacuate?"]


def test_a_pronoun_a_figures_label_keeps_is_named_from_the_story_as_a_propositions_is() -> None:
    # issue #14 (PolNeAR dev tops: "… kneeling over him?", "… refocusing her campaign?"): the label says who
    text = (
        "Mayor Anna Berg toured the flooded valley on Monday. "
        "The council said she evacuated 1,200 residents from the valley."
    )
    content = "she evacuated 1,200 residents from the valley"
    article = make_article(text, id="a1", outlet="Daily")
    berg = Entity("e-berg", "Anna Berg", "PERSON", mentions=(make_mention("Anna Berg", article=article),))
    figure = replace(
        make_quantity("1,200 residents", 1200, within=text, unit="personnel"), predicate="did she evacuate"
    )

    def questions(entities: list[Entity]) -> list[str]:
        claim = make_claim(
            content, article=article, id="c1", speaker_text="The council", quantities=(figure,)
        )
        claim = replace(claim, finite_verbs=(content.index(" ") + 1,))
        ledger = build_ledger(make_story([article]), [claim], [article], [], entities)
        return [question.question for question in ledger]

    assert questions([berg]) == ["How many residents from the valley did Anna Berg evacuate?"]
    # no one named for it: the figure is still asked, in its own words
    assert questions([]) == ["How many residents from the valley did she evacuate?"]
