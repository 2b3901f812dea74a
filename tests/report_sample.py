"""A brief built by hand for the renderer tests (test_report_*.py): two stories, a contested question, claims
that nest and cross, unicode, and user text that tries to inject HTML, script and Markdown links.

Offsets come from the factories (``factories.py``), which place each record at its surface in its text, so
the sample cannot drift from its texts.
"""

from __future__ import annotations

from factories import (
    make_article,
    make_claim,
    make_mention,
    make_position,
    make_quantity,
    make_question,
    make_time,
    span_of,
)

from storyline.records import (
    Brief,
    Claim,
    CopyEdge,
    Credit,
    Entity,
    ForeignFragment,
    RemovedLine,
    SkippedInput,
    Story,
    TimelineEntry,
)

HOSTILE_TITLE = 'Troops | "report" ](http://evil) <b>bold</b> *star* _under_ `tick`'
HOSTILE_LINE = "<script>alert(1)</script> and <img src=x onerror=alert(1)>"

TEXT_A1 = (
    "Seoul’s spy agency said North Korea sent 12,000 soldiers to Russia.\n"
    "Zelensky claimed that about 10,000 troops were readied, a figure Moscow called a hoax.\n"
    f'A post said "{HOSTILE_LINE}" was harmless; see [click me](javascript:alert(1)).\n'
    "Dzień dobry, to jest polski fragment — Łódź, Kyiv, 北朝鮮 🚀.\n"
)
TEXT_A2 = (
    "NIS officials confirmed that 1,500 special forces were in Russia’s Far East on October 18.\n"
    "Zelenskyy said 10,000 troops were ready.\n"
)
TEXT_A3 = "Landsbergis said NATO should consider sending troops to Ukraine.\n"

ARTICLE_A1 = make_article(
    TEXT_A1,
    id="a1",
    url="javascript:alert(1)",
    title=HOSTILE_TITLE,
    outlet="Baltic <Ledger>",
    author="Jane [Doe](http://evil)",
    published="2024-10-18",
    language="en",
    removed=(RemovedLine("Subscribe <script>alert(2)</script> now!", "subscribe-prompt"),),
    credits=(Credit("source", "Yonhap", "Source: Yonhap"),),
    foreign_fragments=(
        ForeignFragment(
            "Dzień dobry, to jest polski fragment",
            "pl",
            *span_of(TEXT_A1, "Dzień dobry, to jest polski fragment"),
        ),
    ),
)
ARTICLE_A2 = make_article(
    TEXT_A2,
    id="a2",
    url="https://example.org/nk?a=1&b=2",
    title="Seúl confirma 1.500",
    outlet="Yonhap",
    published="2024-10-19",
    published_inferred=True,
    language="en",
)
ARTICLE_A3 = make_article(
    TEXT_A3,
    id="a3",
    path="feeds/lrt.txt",
    title="Lithuanian FM on NATO troops",
    outlet="LRT",
    published="2024-10-20",
    language="en",
)


def build_claims() -> tuple[Claim, ...]:
    a1, a2, a3 = ARTICLE_A1, ARTICLE_A2, ARTICLE_A3
    return (
        make_claim(
            "North Korea sent 12,000 soldiers to Russia",
            article=a1,
            id="c1",
            speaker_text="Seoul’s spy agency",
            speaker="nis",
            quantities=(make_quantity("12,000 soldiers", 12000, within=TEXT_A1),),
        ),
        # nested inside c1
        make_claim("12,000 soldiers", article=a1, id="c1n", speaker_text="Seoul’s spy agency", speaker="nis"),
        make_claim(
            "about 10,000 troops were readied",
            article=a1,
            id="c2",
            cue="claimed",
            speaker_text="Zelensky",
            speaker="zelensky",
            modality="hedged",
        ),
        # crosses c2: starts inside it and ends after it
        make_claim(
            "troops were readied, a figure",
            article=a1,
            id="c3",
            cue="called a hoax",
            speaker_text="Moscow",
            modality="denied",
        ),
        make_claim(
            HOSTILE_LINE, article=a1, id="c4", speaker_text="A post", quote="direct", modality="unconfirmed"
        ),
        make_claim(
            "1,500 special forces were in Russia’s Far East on October 18",
            article=a2,
            id="c5",
            cue="confirmed",
            speaker_text="NIS officials",
            speaker="nis",
            times=(make_time("October 18", "2024-10-18", within=TEXT_A2),),
        ),
        make_claim(
            "10,000 troops were ready", article=a2, id="c6", speaker_text="Zelenskyy", speaker="zelensky"
        ),
        make_claim(
            "NATO should consider sending troops to Ukraine",
            article=a3,
            id="c7",
            speaker_text="Landsbergis",
            speaker="landsbergis",
        ),
    )


def build_brief() -> Brief:
    articles = (ARTICLE_A1, ARTICLE_A2, ARTICLE_A3)
    entities = (
        Entity(
            "nis",
            "National Intelligence Service",
            "ORG",
            aliases=("NIS", "Seoul’s spy agency"),
            mentions=(
                make_mention("Seoul’s spy agency", "ORG", article=ARTICLE_A1),
                make_mention("NIS", "ORG", article=ARTICLE_A2),
            ),
        ),
        Entity(
            "zelensky",
            "Volodymyr Zelensky",
            "PERSON",
            aliases=("Zelenskyy",),
            roles=("Ukrainian President",),
            mentions=(
                make_mention("Zelensky", article=ARTICLE_A1),
                make_mention("Zelenskyy", article=ARTICLE_A2),
            ),
        ),
        Entity(
            "landsbergis",
            "Gabrielius Landsbergis",
            "PERSON",
            roles=("Lithuanian Foreign Minister",),
            mentions=(make_mention("Landsbergis", article=ARTICLE_A3),),
        ),
    )
    troops = make_question(
        "How many North Korean troops were sent?",
        make_position(
            "c1", "c1n", speakers=("nis",), outlets=("Baltic <Ledger>",), value=12000.0, earliest="2024-10-18"
        ),
        make_position(
            "c2",
            "c6",
            speakers=("zelensky",),
            outlets=("Baltic <Ledger>", "Yonhap"),
            independent_sources=2,
            value=10000.0,
        ),
        id="q-troops",
        unit="personnel",
        status="contested",
        status_reason="two values from independent sources: 12,000 and 10,000",
    )
    hoax = make_question(
        "Is the deployment a hoax? | ](http://evil)",
        make_position("c3", speakers=("Moscow",), outlets=("Baltic <Ledger>",), stance="deny"),
        id="q-hoax",
        status="denied",
        status_reason="only a denial",
    )
    nato = make_question(
        "Should NATO send troops?",
        make_position("c7", speakers=("landsbergis",), outlets=("LRT",), stance="affirm"),
        id="q-nato",
    )
    stories = (
        Story(
            id="s1",
            title=HOSTILE_TITLE,
            articles=("a1", "a2"),
            questions=(troops, hoax),
            timeline=(
                TimelineEntry("2024-10-18", "day", "NIS says 12,000 soldiers were sent", ("c1",), ("a1",)),
                TimelineEntry("2024-10", "month", "Troops readied <script>x</script>", ("c2",), ("a1",)),
                TimelineEntry("2024-10-18", "day", "1,500 special forces in the Far East", ("c5",), ("a2",)),
                TimelineEntry(
                    "2024-10-19", "day", "Zelenskyy: 10,000 ready", ("c6",), ("a2",), inferred=True
                ),
            ),
        ),
        Story(id="s2", title="NATO boots on the ground", articles=("a3",), questions=(nato,)),
    )
    return Brief(
        articles=articles,
        entities=entities,
        claims=build_claims(),
        copies=(
            CopyEdge("a2", "a1", "near-duplicate", 0.81),
            CopyEdge("a2", "Yonhap Wire", "syndicated", 1.0),
        ),
        stories=stories,
        skipped=(
            SkippedInput("feeds/bad.jsonl", "line is not valid JSON", line=3),
            SkippedInput("<b>odd</b>.txt", "empty file"),
        ),
    )
