from factories import make_article, make_claim, make_mention, make_quantity, make_story

from storyline.records import Article, Claim, Entity
from storyline.stages.ledger.digressions import item_starts, lead_end, on_the_story
from storyline.stages.ledger.positions import build_ledger

# A live blog of three items, written for these tests: the first (the headline's) on a dock strike, the
# others on a council vote and a marathon, topics of their own.
DIGEST = (
    "The Latest: Dock workers walk out in Harbourton.\n\n"
    "HARBOURTON (AP) — The Latest on the port dispute (all times local):\n\n"
    "4:10 p.m.\n\n"
    "The dockers' union says 900 workers walked out of the Harbourton port on Monday.\n\n"
    "Union leader Tom Reyes led the march.\n\n"
    "___.\n\n"
    "2 p.m.\n\n"
    "The city council says 14 members voted for the new parking rules.\n\n"
    "Mayor Ada Quill backed the rules.\n\n"
    "___.\n\n"
    "11:45 a.m.\n\n"
    "The race organiser says 3,000 runners finished the spring marathon.\n\n"
    "Tom Reyes ran it too.\n"
)
STRIKE = "900 workers walked out of the Harbourton port on Monday"
VOTE = "14 members voted for the new parking rules"
RACE = "3,000 runners finished the spring marathon"
# An article of one topic that names two times of day is no digest.
SCHEDULE = (
    "Talks resume at 9 a.m. on Tuesday.\n\n"
    "9 a.m.\n\n"
    "The union says its members will picket until the talks end.\n\n"
    "5 p.m.\n\n"
    "The port says 40 ships are waiting.\n"
)
ELSEWHERE = make_article("Mayor Ada Quill and Tom Reyes met on Friday.", id="e", outlet="Coast Daily")


def _claim(article: Article, content: str, figure: str, value: float, id: str, speaker: str) -> Claim:
    quantity = make_quantity(figure, value, within=article.text, after=article.text.index(content))
    return make_claim(
        content, article=article, id=id, cue="says", speaker_text=speaker, quantities=(quantity,)
    )


def _digest_claims(article: Article) -> list[Claim]:
    return [
        _claim(article, STRIKE, "900", 900, "c1", "The dockers' union"),
        _claim(article, VOTE, "14", 14, "c2", "The city council"),
        _claim(article, RACE, "3,000", 3000, "c3", "The race organiser"),
    ]


def _persons(digest: Article) -> list[Entity]:
    """Ada Quill, named in the vote item and in an article of another story; Tom Reyes, named there too but
    in two of the digest's three items (one of its everyday figures)."""
    quill = (make_mention("Ada Quill", article=digest), make_mention("Ada Quill", article=ELSEWHERE))
    reyes = [make_mention("Tom Reyes", article=digest, after=at) for at in (0, DIGEST.index("Tom Reyes ran"))]
    return [
        Entity("p-quill", "Ada Quill", "PERSON", mentions=quill),
        Entity(
            "p-reyes", "Tom Reyes", "PERSON", mentions=(*reyes, make_mention("Tom Reyes", article=ELSEWHERE))
        ),
    ]


def test_a_digest_is_split_at_its_clock_headers() -> None:
    starts = item_starts(DIGEST)
    headers = [DIGEST[start : DIGEST.index("\n", start)] for start in starts]
    assert headers == ["4:10 p.m.", "2 p.m.", "11:45 a.m."]
    assert DIGEST[: lead_end(DIGEST)].rstrip().endswith("___.")
    assert STRIKE in DIGEST[: lead_end(DIGEST)] and VOTE not in DIGEST[: lead_end(DIGEST)]
    # two clock times alone, or times inside sentences, make no digest: the whole text is its lead
    assert item_starts(SCHEDULE) == [] and lead_end(SCHEDULE) == len(SCHEDULE)


def test_a_digest_alone_in_its_story_is_read_as_far_as_its_lead_item() -> None:
    digest = make_article(DIGEST, id="d", outlet="Harbour Post")
    claims = _digest_claims(digest)
    alone = make_story([digest])
    assert [claim.id for claim in on_the_story(alone, claims, {"d": DIGEST}, [])] == ["c1"]
    asked = build_ledger(alone, claims, [digest], [], [])
    assert [p.claims for q in asked for p in q.positions] == [("c1",)], asked


def test_a_lone_digest_reads_the_items_naming_someone_other_reports_follow() -> None:
    digest = make_article(DIGEST, id="d", outlet="Harbour Post")
    claims = _digest_claims(digest)
    read = on_the_story(make_story([digest]), claims, {"d": DIGEST}, _persons(digest))
    # the vote item names Ada Quill, whom another story's article names; Tom Reyes, named in most of the
    # digest's items, does not make the marathon item the story's
    assert [claim.id for claim in read] == ["c1", "c2"]


def test_a_digest_beside_other_articles_and_a_plain_article_are_read_whole() -> None:
    digest = make_article(DIGEST, id="d", outlet="Harbour Post")
    other = make_article("The union said 900 workers walked out.", id="o", outlet="Coast Daily")
    claims = _digest_claims(digest)
    texts = {"d": DIGEST, "o": other.text}
    assert on_the_story(make_story([digest, other]), claims, texts, []) == claims
    plain = make_article(SCHEDULE, id="p")
    ships = [_claim(plain, "40 ships are waiting", "40", 40, "c4", "The port")]
    assert on_the_story(make_story([plain]), ships, {"p": SCHEDULE}, []) == ships
