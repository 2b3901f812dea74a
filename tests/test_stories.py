from storyline.records import Article, ArticleAnalysis, Mention
from storyline.stages.entities import resolve_entities
from storyline.stages.stories import cluster_stories

STRIKE = "Dock workers at the port of Valmora stayed off the job as the union and the operator traded blame."
FLOOD = "Rescuers in the Draava valley searched for missing villagers after the dam above Oskel gave way."


def analysis(
    article_id: str, text: str, actors: list[tuple[str, str]], title: str | None = None
) -> ArticleAnalysis:
    mentions = []
    for surface, label in actors:
        start = text.index(surface)
        mentions.append(Mention(article_id, start, start + len(surface), surface, label))
    return ArticleAnalysis(article=Article(id=article_id, text=text, title=title), mentions=tuple(mentions))


def corpus() -> list[ArticleAnalysis]:
    return [
        analysis(
            "s1",
            STRIKE + " Valmora union chief Ana Petrova spoke.",
            [("Valmora", "GPE"), ("Ana Petrova", "PERSON")],
            title="Valmora port strike enters second day",
        ),
        analysis(
            "f1", FLOOD + " Governor Ilir Basha visited Oskel.", [("Oskel", "GPE"), ("Ilir Basha", "PERSON")]
        ),
        analysis(
            "s2",
            "Ana Petrova said the union at Valmora port would not back down in the strike.",
            [("Ana Petrova", "PERSON"), ("Valmora", "GPE")],
        ),
        analysis(
            "f2",
            "Ilir Basha said the dam at Oskel had been inspected in spring; villagers in Draava doubt it.",
            [("Ilir Basha", "PERSON"), ("Oskel", "GPE"), ("Draava", "GPE")],
        ),
        analysis("x1", "A chess tournament opened in a small town with forty players.", []),
    ]


def test_articles_sharing_actors_and_vocabulary_form_one_story() -> None:
    analyses = corpus()
    stories = cluster_stories(analyses, resolve_entities([m for a in analyses for m in a.mentions]))
    assert {frozenset(story.articles) for story in stories} == {
        frozenset({"s1", "s2"}),
        frozenset({"f1", "f2"}),
        frozenset({"x1"}),
    }
    strike = next(story for story in stories if "s1" in story.articles)
    assert strike.title == "Valmora port strike enters second day"
    assert strike.articles == ("s1", "s2")  # input order kept


def test_story_ids_are_stable_across_input_order() -> None:
    analyses = corpus()
    entities = resolve_entities([m for a in analyses for m in a.mentions])
    forward = {s.id for s in cluster_stories(analyses, entities)}
    backward = {s.id for s in cluster_stories(list(reversed(analyses)), entities)}
    assert forward == backward


# Floor: measured B3 F1 of articles → stories on the demo corpus gold (python eval/stories.py): 1.000.
def test_demo_corpus_story_clusters_stay_above_floor(demo_brief, demo_gold) -> None:
    from eval.stories import score_stories

    assert score_stories(demo_brief, demo_gold).f1 >= 0.95
