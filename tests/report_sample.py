"""A brief built by hand for the renderer tests (test_report_*.py): two stories, a contested question, claims
that nest and cross, unicode, and user text that tries to inject HTML, script and Markdown links.

Offsets are computed with ``str.index`` so the sample cannot drift from its texts.
"""

from __future__ import annotations

from storyline.records import (
    Article,
    Brief,
    Claim,
    CopyEdge,
    Credit,
    Entity,
    ForeignFragment,
    Mention,
    Position,
    Quantity,
    Question,
    RemovedLine,
    SkippedInput,
    Story,
    TimeExpr,
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


def span(text: str, surface: str, after: int = 0) -> tuple[int, int]:
    start = text.index(surface, after)
    return start, start + len(surface)


def claim(
    claim_id: str,
    article: str,
    text: str,
    content: str,
    cue: str,
    speaker_text: str | None,
    **fields: object,
) -> Claim:
    start, end = span(text, content)
    line_start = text.rfind("\n", 0, start) + 1  # speaker and cue are looked for on the claim's line
    cue_start, cue_end = span(text, cue, line_start)
    speaker_start, speaker_end = span(text, speaker_text, line_start) if speaker_text else (None, None)
    return Claim(
        id=claim_id,
        article=article,
        text=content,
        start=start,
        end=end,
        cue=cue,
        cue_start=cue_start,
        cue_end=cue_end,
        speaker_text=speaker_text,
        speaker_start=speaker_start,
        speaker_end=speaker_end,
        **fields,  # type: ignore[arg-type]
    )


def mention(article: str, text: str, surface: str, label: str) -> Mention:
    start, end = span(text, surface)
    return Mention(article, start, end, surface, label)


def build_claims() -> tuple[Claim, ...]:
    quantity_start, quantity_end = span(TEXT_A1, "12,000 soldiers")
    return (
        claim(
            "c1",
            "a1",
            TEXT_A1,
            "North Korea sent 12,000 soldiers to Russia",
            "said",
            "Seoul’s spy agency",
            speaker="nis",
            quantities=(
                Quantity(12000, "personnel", False, "12,000 soldiers", quantity_start, quantity_end),
            ),
        ),
        # nested inside c1
        claim("c1n", "a1", TEXT_A1, "12,000 soldiers", "said", "Seoul’s spy agency", speaker="nis"),
        claim(
            "c2",
            "a1",
            TEXT_A1,
            "about 10,000 troops were readied",
            "claimed",
            "Zelensky",
            speaker="zelensky",
            modality="hedged",
        ),
        # crosses c2: starts inside it and ends after it
        claim(
            "c3", "a1", TEXT_A1, "troops were readied, a figure", "called a hoax", "Moscow", modality="denied"
        ),
        claim("c4", "a1", TEXT_A1, HOSTILE_LINE, "said", "A post", quote="direct", modality="unconfirmed"),
        claim(
            "c5",
            "a2",
            TEXT_A2,
            "1,500 special forces were in Russia’s Far East on October 18",
            "confirmed",
            "NIS officials",
            speaker="nis",
            times=(TimeExpr("October 18", *span(TEXT_A2, "October 18"), "2024-10-18", "day"),),
        ),
        claim("c6", "a2", TEXT_A2, "10,000 troops were ready", "said", "Zelenskyy", speaker="zelensky"),
        claim(
            "c7",
            "a3",
            TEXT_A3,
            "NATO should consider sending troops to Ukraine",
            "said",
            "Landsbergis",
            speaker="landsbergis",
        ),
    )


def build_brief() -> Brief:
    articles = (
        Article(
            id="a1",
            text=TEXT_A1,
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
                    *span(TEXT_A1, "Dzień dobry, to jest polski fragment"),
                ),
            ),
        ),
        Article(
            id="a2",
            text=TEXT_A2,
            url="https://example.org/nk?a=1&b=2",
            title="Seúl confirma 1.500",
            outlet="Yonhap",
            published="2024-10-19",
            published_inferred=True,
            language="en",
        ),
        Article(
            id="a3",
            text=TEXT_A3,
            path="feeds/lrt.txt",
            title="Lithuanian FM on NATO troops",
            outlet="LRT",
            published="2024-10-20",
            language="en",
        ),
    )
    entities = (
        Entity(
            "nis",
            "National Intelligence Service",
            "ORG",
            aliases=("NIS", "Seoul’s spy agency"),
            mentions=(
                mention("a1", TEXT_A1, "Seoul’s spy agency", "ORG"),
                mention("a2", TEXT_A2, "NIS", "ORG"),
            ),
        ),
        Entity(
            "zelensky",
            "Volodymyr Zelensky",
            "PERSON",
            aliases=("Zelenskyy",),
            roles=("Ukrainian President",),
            mentions=(
                mention("a1", TEXT_A1, "Zelensky", "PERSON"),
                mention("a2", TEXT_A2, "Zelenskyy", "PERSON"),
            ),
        ),
        Entity(
            "landsbergis",
            "Gabrielius Landsbergis",
            "PERSON",
            roles=("Lithuanian Foreign Minister",),
            mentions=(mention("a3", TEXT_A3, "Landsbergis", "PERSON"),),
        ),
    )
    troops = Question(
        id="q-troops",
        question="How many North Korean troops were sent?",
        unit="personnel",
        status="contested",
        status_reason="two values from independent sources: 12,000 and 10,000",
        positions=(
            Position(
                claims=("c1", "c1n"),
                speakers=("nis",),
                outlets=("Baltic <Ledger>",),
                independent_sources=1,
                value=12000.0,
                earliest="2024-10-18",
            ),
            Position(
                claims=("c2", "c6"),
                speakers=("zelensky",),
                outlets=("Baltic <Ledger>", "Yonhap"),
                independent_sources=2,
                value=10000.0,
            ),
        ),
    )
    hoax = Question(
        id="q-hoax",
        question="Is the deployment a hoax? | ](http://evil)",
        unit=None,
        status="denied",
        status_reason="only a denial",
        positions=(
            Position(
                claims=("c3",),
                speakers=("Moscow",),
                outlets=("Baltic <Ledger>",),
                independent_sources=1,
                stance="deny",
            ),
        ),
    )
    nato = Question(
        id="q-nato",
        question="Should NATO send troops?",
        unit=None,
        status="single-source",
        status_reason="one speaker",
        positions=(
            Position(
                claims=("c7",),
                speakers=("landsbergis",),
                outlets=("LRT",),
                independent_sources=1,
                stance="affirm",
            ),
        ),
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
