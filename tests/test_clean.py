"""The clean stage: golden tests on small texts written for these tests, properties, seeds and eval floor."""

from __future__ import annotations

import importlib.util
from collections import Counter
from pathlib import Path
from types import ModuleType

import ftfy.bad_codecs  # noqa: F401  (registers the "sloppy-windows-1252" codec used below)
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.records import Article, Credit
from storyline.stages.clean import clean_article
from storyline.stages.clean.article import repair_text, split_run_in_labels

SHARED = Path(__file__).resolve().parents[2] / "shared"
REPO = Path(__file__).resolve().parents[1]


def clean(text: str) -> Article:
    return clean_article(Article(id="test", text=text))


def reasons(article: Article) -> dict[str, str]:
    return {removed.text: removed.reason for removed in article.removed}


ARTICLE = """Energy

Harbour city agrees to buy three electric ferries

Photo: The old diesel ferry leaving the north quay. (Image by a reader)

The city council of Marrow Bay voted on Tuesday to replace its diesel ferries with three electric boats.
Councillor Ada Finch said the boats would cost 41 million euros and enter service in 2027.

What the opposition says

The opposition called the price "a fantasy" and asked for an independent audit.
Via Coastal Wire

Tove Lindqvist

Tove Lindqvist is an award-winning reporter at the Bay Courier. She writes about transport and housing.

Related Articles

Bridge tolls to rise in spring
The toll on the east bridge will rise by a tenth, the operator said on…
3 hours ago

Share this:
Like this:
#ferries #MarrowBay #transport
Subscribe now to keep reading and get access to the full archive.
"""


def test_golden_article_keeps_the_story_and_drops_the_chrome() -> None:
    cleaned = clean(ARTICLE)
    assert cleaned.text == (
        "Harbour city agrees to buy three electric ferries\n"
        "\n"
        "The city council of Marrow Bay voted on Tuesday to replace its diesel ferries with three electric"
        " boats.\n"
        "Councillor Ada Finch said the boats would cost 41 million euros and enter service in 2027.\n"
        "\n"
        "What the opposition says\n"
        "\n"
        'The opposition called the price "a fantasy" and asked for an independent audit.'
    )
    assert reasons(cleaned) == {
        "Energy": "section-label",
        "Photo: The old diesel ferry leaving the north quay. (Image by a reader)": "photo-caption",
        "Via Coastal Wire": "credit",
        "Tove Lindqvist": "byline",
        "Tove Lindqvist is an award-winning reporter at the Bay Courier. She writes about transport and "
        "housing.": "author-bio",
        "Related Articles": "recent-posts",
        "Bridge tolls to rise in spring": "recent-posts",
        "The toll on the east bridge will rise by a tenth, the operator said on…": "recent-posts",
        "3 hours ago": "relative-time",
        "Share this:": "badge",
        "Like this:": "badge",
        "#ferries #MarrowBay #transport": "hashtags",
        "Subscribe now to keep reading and get access to the full archive.": "subscribe-prompt",
    }
    assert cleaned.credits == (Credit(kind="via", outlet="Coastal Wire", text="Via Coastal Wire"),)


def test_first_person_blurb_and_the_name_above_it_go() -> None:
    cleaned = clean(
        "The port reopened on Monday after a week of repairs, the harbour master said.\n\n"
        "Jonas Berg\n\n"
        "I'm a freelance journalist based in Gdansk, writing about shipping and the Baltic economy.\n"
    )
    assert cleaned.text == "The port reopened on Monday after a week of repairs, the harbour master said."
    assert [removed.reason for removed in cleaned.removed] == ["byline", "author-bio"]


@pytest.mark.parametrize(
    "blurb",
    [
        # The writer introduced by role, then named (a translated outlet's footer; issue #17).
        "The author, Lena Hartwig, is the paper's correspondent for the Baltic states.",
        "Our correspondent, Lena Hartwig, reports from Vilnius and Riga.",
        # By role alone: the opinion-page footer.
        "The writer is a senior fellow at the Institute of Coastal Studies in Tallinn.",
        # By name, as a third-person blurb.
        "Lena Hartwig is a correspondent for the Harbour Courier, based in Riga.",
        # A correspondent's one-line bio whose name opens with a capital outside A-Z (drina-bridge).
        "Šárka Novotná is the Baltic correspondent of the Harbour Courier.",
        "Łucja Wrona reports for the Harbour Courier from Riga.",
        # The outlet's possessive before the beat and the role.
        "Lena Hartwig is the Harbour Courier's Baltic correspondent.",
        "Lena Hartwig is Harbour Radio's shipping correspondent.",
        # A newsroom post as the role, and the beat verbs (issue #17: storm's "… is the Manila bureau chief
        # of …").
        "Lena Hartwig is the Riga bureau chief of the Harbour Courier.",
        "Lena Hartwig is a staff writer at the Harbour Courier.",
        "Lena Hartwig covers shipping for the Harbour Courier.",
        "Lena Hartwig writes for the Harbour Courier.",
    ],
)
def test_author_blurbs_in_their_common_forms_go(blurb: str) -> None:
    story = "The ferry line to Tallinn reopened on Monday after a week of storms, its operator said."
    cleaned = clean(f"{story}\n\n{blurb}\n")
    assert cleaned.text == story
    assert reasons(cleaned) == {blurb: "author-bio"}


def test_about_the_author_takes_its_paragraph() -> None:
    story = "The ferry line to Tallinn reopened on Monday after a week of storms, its operator said."
    cleaned = clean(f"{story}\n\nAbout the author\n\nLena Hartwig writes about shipping for the Courier.\n")
    assert cleaned.text == story
    assert set(reasons(cleaned).values()) == {"author-bio"}


@pytest.mark.parametrize(
    ("line", "kind", "outlet"),
    [
        ("Source: Northern Daily", "source", "Northern Daily"),
        ("Źródło: Gazeta Poranna", "source", "Gazeta Poranna"),
        ("Via Baltic Radio", "via", "Baltic Radio"),
        ("According to Reuters", "according-to", "Reuters"),
        ("(AP)", "wire", "AP"),
        ("— Reuters", "wire", "Reuters"),
        # an editor's note after the outlet is no part of its name (issue #17)
        ("Source: Harbour Post (translated from the Danish)", "source", "Harbour Post"),
        ("Source: Harbour Post (Translated from Danish.)", "source", "Harbour Post"),
        ("Source: Harbour Post, translated by Ida Holm", "source", "Harbour Post"),
        ("Quelle: Nordsee Kurier (gekürzt, übersetzt)", "source", "Nordsee Kurier"),
        ("Fuente: Diario Sur (traducido del inglés)", "source", "Diario Sur"),
        ("Via Radio Norte – abridged", "via", "Radio Norte"),
        ("Source: Fjord Times (English edition)", "source", "Fjord Times (English edition)"),
    ],
)
def test_credit_lines_at_the_end_are_recorded_and_removed(line: str, kind: str, outlet: str) -> None:
    cleaned = clean(f"The mayor resigned on Friday, two days after the vote.\n{line}\n")
    assert cleaned.text == "The mayor resigned on Friday, two days after the vote."
    assert cleaned.credits == (Credit(kind=kind, outlet=outlet, text=line),)


def test_several_credited_outlets_on_one_line() -> None:
    cleaned = clean("The talks ended without a deal.\nSources: Reuters, AFP\n")
    assert [(credit.kind, credit.outlet) for credit in cleaned.credits] == [
        ("source", "Reuters"),
        ("source", "AFP"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        # A subheading and a short sentence that starts like a label stay: subheadings are article text.
        "The vote was close.\nThe recount is underway\nOfficials expect a result on Monday.",
        "Ministers met in Riga.\nThe alliance reaffirmed its support for the plan\nNo date was set.",
        # "According to …" with a clause is a sentence, not a credit, even at the end.
        "The river rose overnight.\nAccording to the ministry, 40 homes were flooded.",
        # "Via …" opening a sentence.
        "The embassy was told.\nVia diplomatic channels, the government protested on Friday.",
        # A newsmaker described in the last paragraph was named before: not an author blurb.
        "Analyst Mara Quist said the deal was fragile.\nQuist is a senior analyst at the Harbour Institute.",
        "Lena Hartwig was called as a witness.\nThe reporter, Lena Hartwig, is a witness for the defence.",
        # A correspondent named in the story, then described at its end: a sentence of the story.
        "Ödön Kovács saw the quay collapse.\nKovács is the Harbour Courier's Baltic correspondent.",
        "Bureau chief Mara Quist was detained.\nQuist is the Riga bureau chief of the Harbour Courier.",
        # A reporter's line in the body, with article text after it, is the story's.
        "The quay collapsed on Monday.\nLena Hartwig is the paper's Riga bureau chief and has covered the"
        " port since 2019.\nRepairs will take a year, the harbour board said.",
        # A correspondent quoted in the last paragraph, and an outlet's possessive that no writer's role ends.
        "The city was shelled overnight.\nJones, the BBC's correspondent in Kyiv, said the city was calm.",
        "The talks resumed.\nMarta Lind is Britain's ambassador to Latvia.",
        # A story about a writer calls them by role before: the last paragraph is about them, not a footer.
        "The author of the novel was questioned on Monday.\nThe author is a former teacher in Riga.",
        # A role opening with no trade after it is a sentence.
        "The trial was adjourned.\nThe reporter is expected to testify on Friday.",
        # "By …" that is not a byline.
        "By contrast, the northern districts stayed dry.\nThe storm moved east.",
        # "Via …" with an editor's word in its clause is still a sentence (issue #17).
        "The note was sent.\nVia diplomatic channels, translated into French, it reached Paris.",
        # A sentence ending in an ellipsis with no list around it.
        'The minister paused. "We will see…"\nThe session ended at noon.',
    ],
)
def test_article_sentences_are_kept(text: str) -> None:
    cleaned = clean(text)
    assert cleaned.text == text
    assert cleaned.removed == ()
    assert cleaned.credits == ()


def test_byline_at_the_head_goes() -> None:
    cleaned = clean("By Anna Kowalczyk and Piotr Nowak\n\nThe strike spread to three more ports on Sunday.")
    assert cleaned.text == "The strike spread to three more ports on Sunday."
    assert reasons(cleaned) == {"By Anna Kowalczyk and Piotr Nowak": "byline"}


def test_mojibake_is_repaired_and_curly_quotes_stay() -> None:
    original = "The minister’s “final offer” was rejected."
    # UTF-8 read as Windows-1252, the commonest mojibake ("ministerâ€™s"); ftfy's codec keeps undefined bytes.
    garbled = original.encode("utf-8").decode("sloppy-windows-1252")
    assert garbled != original
    assert clean(garbled).text == original
    assert repair_text(original) == original


def test_blank_runs_collapse_and_trailing_space_goes() -> None:
    cleaned = clean("\n\nFirst paragraph here.   \n\n\n\nSecond paragraph here.\t\n\n")
    assert cleaned.text == "First paragraph here.\n\nSecond paragraph here."


def test_list_ends_at_the_first_paragraph_that_is_no_list_item() -> None:
    text = (
        "Read more\n"
        "Ferry timetable changes this winter\n"
        "The council will publish its full transport budget in November, and residents can comment on it "
        "until the end of the year at any library.\n"
    )
    cleaned = clean(text)
    assert cleaned.text.startswith("The council will publish")
    assert set(reasons(cleaned)) == {"Read more", "Ferry timetable changes this winter"}


def test_headerless_teaser_with_age_stamp_goes() -> None:
    cleaned = clean("The vote passed.\n\nNight trains return to the coast…\n2 days ago\n")
    assert cleaned.text == "The vote passed."


lines_strategy = st.lists(
    st.one_of(
        st.text(
            alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\n"), max_size=80
        ),
        st.sampled_from(
            [
                *("", "Recent Posts", "Source: X Daily", "4 hours ago", "#a #b", "Jane Roe", "Share this:"),
                *("FULL TEXT. The quay opened.", "Length: 812 words", "Body"),
            ]
        ),
    ),
    max_size=25,
)


@settings(max_examples=200, deadline=None)
@given(lines_strategy)
def test_every_line_is_either_kept_or_removed_with_a_reason(lines: list[str]) -> None:
    text = "\n".join(lines)
    cleaned = clean(text)
    # a label run into its paragraph is a line of its own before any rule reads the lines
    original = Counter(
        line.strip() for line in split_run_in_labels(repair_text(text)).split("\n") if line.strip()
    )
    kept = Counter(line.strip() for line in cleaned.text.split("\n") if line.strip())
    removed = Counter(removed.text for removed in cleaned.removed)
    assert kept + removed == original
    assert all(removed.reason for removed in cleaned.removed)
    assert "\n\n\n" not in cleaned.text


def test_seed_articles_lose_their_chrome_and_keep_their_sentences() -> None:
    seeds = SHARED / "seeds"
    if not seeds.is_dir():
        pytest.skip(f"seed articles not present at {seeds}")
    cleaned = {path.name[:3]: clean(path.read_text(encoding="utf-8")) for path in sorted(seeds.glob("*.txt"))}
    if len(cleaned) < 5:
        pytest.skip("fewer than five seed articles present")
    all_reasons = Counter(removed.reason for article in cleaned.values() for removed in article.removed)
    for reason in ("author-bio", "byline", "recent-posts", "subscribe-prompt", "hashtags", "badge", "credit"):
        assert all_reasons[reason] >= 1, reason
    credits = {(credit.kind, credit.outlet) for article in cleaned.values() for credit in article.credits}
    assert {("source", "Do Rzeczy"), ("via", "LRT")} <= credits
    assert "The discernment is underway" in cleaned["000"].text.split("\n")
    assert "NATO reaffirmed its support for Ukraine" in cleaned["003"].text.split("\n")
    assert cleaned["002"].removed == ()


def _load_eval(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"eval_{name}", REPO / "eval" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_eval_floor_on_demo_gold() -> None:
    gold_dir = REPO / "tests" / "data" / "gold"
    if not any(path for path in gold_dir.glob("*.json") if not path.name.startswith("_")):
        pytest.skip(f"no demo gold annotations in {gold_dir}")
    eval_clean = _load_eval("clean")
    from eval.common import load_gold

    scores = eval_clean.score_clean(eval_clean.cleaned_demo_corpus(), load_gold())
    # F1 0.925 until the eval set a Markdown list bullet aside ("- Rail freight…" is the removed item), 1.000
    assert scores["removed lines"].f1 >= 0.95
    assert scores["credits (kind, outlet)"].recall >= 0.8


# tests/data/generalise, development stories (python eval/clean.py --corpus generalise): the six articles
# whose gold annotates clean (escape, heist) scored removed lines P/R 1.000 (5 lines) and credits 0.000 (1
# credit) at the twenty-fifth round's start, credits 1.000 once an editor's note after the outlet was cut
# (issue #17).
# No line was removed from the 79 articles whose gold annotates no clean output; one removed there would be
# article text lost, or boilerplate to annotate in their gold first.
# pamir-air-crash joined at the twenty-sixth round's start (scored unseen at fb40463: removed lines 7 of 8,
# an author's bio that opens "The author, ..." kept); 8 of 8 once a writer introduced by role ("The author,
# X, is ...", "The writer is ...") was read as a blurb, so it is in the pool. A story scored unseen later
# gets a floor of its own here until its errors are read: drina-bridge joined at the twenty-sixth round's end
# (scored unseen at 1a8d090: 7 of 8, a correspondent's one-line bio kept because its name opened with "É");
# 8 of 8 once a name may open with any capital letter, so it is in the pool. storm (scored unseen at 45d54ec:
# 8 of 9, a "<Name> is the <city> bureau chief of <outlet>." bio kept) is 9 of 9 once "bureau chief" names a
# trade, so it is in the pool.
# avalanche (scored unseen at ec21fd5: 11 of 12, a weather widget's line "Weather in <place>: -9°C, snow
# showers, ... Avalanche danger: 4 (high)." kept) has its own floor until that line is read.
REMOVED_RECALL_OF_LATE_STORIES: dict[str, float] = {"avalanche": 0.91}


def test_generalisation_stories_clean_scores_stay_above_floors() -> None:
    eval_clean = _load_eval("clean")
    from eval.common import generalise_gold

    gold = generalise_gold(held_out=False)
    brief = eval_clean.cleaned_generalise_stories(gold)
    older = [entry for entry in gold if entry["story"] not in REMOVED_RECALL_OF_LATE_STORIES]
    scores = eval_clean.score_clean(brief, eval_clean.annotated(older))
    assert scores["removed lines"].precision >= 1.0
    assert scores["removed lines"].recall >= 1.0
    assert scores["credits (kind, outlet)"].f1 >= 1.0
    assert eval_clean.unannotated_removals(brief, gold) == []
    for story, recall in REMOVED_RECALL_OF_LATE_STORIES.items():
        late = eval_clean.score_clean(brief, eval_clean.annotated([e for e in gold if e["story"] == story]))
        assert late["removed lines"].precision >= 1.0, story
        assert late["removed lines"].recall >= recall, story


# --- wire credits and agency/outlet boilerplate (issue #15) -------------------------------------------------

WIRE_BODY = "The harbour board approved the new quay on Monday after a two-year dispute."


@pytest.mark.parametrize(
    ("lead", "outlet", "dateline"),
    [
        ("WASHINGTON (AP) — ", "AP", "WASHINGTON (AP) —"),
        ("NEW YORK, Nov. 19 (UPI) — ", "UPI", "NEW YORK, Nov. 19 (UPI) —"),
        ("New York (AFP) – ", "AFP", "New York (AFP) –"),
        ("Dec 29 (Reuters) - ", "Reuters", "Dec 29 (Reuters) -"),
        ("(Reuters) - ", "Reuters", "(Reuters) -"),
        ("MANCHESTER, N.H. (AP) — ", "AP", "MANCHESTER, N.H. (AP) —"),
    ],
)
def test_wire_dateline_stays_in_the_lead_and_credits_the_agency(
    lead: str, outlet: str, dateline: str
) -> None:
    text = f"Quay approved.\n\n{lead}{WIRE_BODY}\n\nWork starts in May."
    cleaned = clean(text)
    assert cleaned.text == text
    assert cleaned.removed == ()
    assert cleaned.credits == (Credit(kind="wire", outlet=outlet, text=dateline),)


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        ("— Reuters", "Reuters"),
        ("(AP)", "AP"),
        ("Copyright 2016 The Associated Press. All rights reserved.", "Associated Press"),
        ("© AFP 2024", "AFP"),
        ("This article originally appeared in Reuters.", "Reuters"),
        ("This story was first published by the Associated Press.", "Associated Press"),
        ("With reporting by Reuters", "Reuters"),
        ("Additional reporting by the Associated Press.", "Associated Press"),
        ("The Associated Press contributed to this report.", "Associated Press"),
        ("Associated Press writer Jane Doe in Boston contributed to this report.", "Associated Press"),
        ("(Reporting by Jane Doe; Editing by John Roe)", "Reuters"),
        ("(Additional reporting by Ann Lee in Oslo; Writing by Jo Park; Editing by Tim Ash.)", "Reuters"),
        ("By JULIE PACE, Associated Press", "Associated Press"),
        ("By Jane Doe — Reuters", "Reuters"),
        ("By The Associated Press", "Associated Press"),
        # the same credits in a news database's export fields
        ("Byline: By JULIE PACE, Associated Press", "Associated Press"),
        ("Credit: By The Associated Press", "Associated Press"),
        ("Copyright: Copyright Associated Press Mar 13, 2024", "Associated Press"),
    ],
)
def test_wire_footers_and_bylines_are_credits_removed_with_reason_credit(line: str, outlet: str) -> None:
    cleaned = clean(f"{WIRE_BODY}\nWork starts in May.\n{line}\n")
    assert cleaned.text == f"{WIRE_BODY}\nWork starts in May."
    assert reasons(cleaned) == {line: "credit"}
    assert cleaned.credits == (Credit(kind="wire", outlet=outlet, text=line),)


@pytest.mark.parametrize(
    "text",
    [
        # An agency's name inside a sentence, its reporting quoted, or attribution to it: not wire copy.
        "The AP count put her ahead by 41 delegates.\nThe race goes on.",
        "Reuters reported that the talks had collapsed.\nNo new date was set.",
        "The margin was 1,500 votes, according to the AP.\nA recount is possible.",
        "Clinton won the state, the Associated Press declared on Thursday.\nSanders conceded.",
        "He told The Associated Press (AP), “We will not leave.”\nThe siege went on.",
        # A dateline without an agency, and an agency in parentheses further down the story.
        "WASHINGTON — The Senate passed the bill on Friday.\nThe House votes next week.",
        "The Senate passed the bill.\nThe vote was close.\nDetails followed.\nOne senator (AP) — no.",
        # A newsmaker who contributed, and a copyright line of a book.
        "The company said it contributed $5 million.\nThe fund opens in June.",
        "The excerpt ends here.\nCopyright © 2015 by Jane Doe.",
        # Reporting credits naming people only, without an agency's editing line.
        "The vote was close.\nSamantha Lachman contributed reporting from Charleston.",
    ],
)
def test_agency_mentions_that_are_not_wire_copy_give_no_wire_credit(text: str) -> None:
    assert not [credit for credit in clean(text).credits if credit.kind == "wire"]


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Editor's note: This story has been updated with the council's response.", "editors-note"),
        ("Editors’ Note: An earlier headline misstated the date of the vote.", "editors-note"),
        ("[Editor's note: The writer is a member of the harbour board.]", "editors-note"),
        ("Correction: An earlier version of this story misstated the cost of the quay.", "correction"),
        ("CORRECTION: The vote was on Monday, not Tuesday.", "correction"),
        ("An earlier version of this article gave the wrong name for the harbour master.", "correction"),
        ("This article has been updated to include comments from the port authority.", "correction"),
        ("Follow us on Twitter and Facebook", "social-prompt"),
        ("Follow Jane Doe on Twitter @janedoe.", "social-prompt"),
        ("Share this article", "badge"),
        ("Share this story on Facebook", "badge"),
        # a news database's labels and metadata fields around a pasted story (ProQuest, Factiva, LexisNexis)
        ("ABSTRACT.", "export-label"),
        ("FULL TEXT.", "export-label"),
        ("Abstract (summary)", "export-label"),
        ("Full Text:", "export-label"),
        ("Translate Full text", "export-label"),
        ("ProQuest document link", "export-label"),
        ("Document 1 of 3", "export-label"),
        ("End of Document", "export-label"),
        ("2,341 words", "export-label"),
        ("Document HBRP000020240312ek3c0002d", "export-label"),
        ("Word count: 812", "export-label"),
        ("Load-Date: March 13, 2024", "export-label"),
        ("Publication title: Harbour Courier; Marrow Bay", "export-label"),
        ("ProQuest document ID: 2961240518", "export-label"),
        ("Document URL: https://search.example.com/docview/2961240518", "export-label"),
        ("Byline: By ADA FINCH", "export-label"),
        ("Credit: By Ada Finch; Staff Writer", "export-label"),
        ("Dateline: MARROW BAY", "export-label"),
        ("Length: 812 words", "export-label"),
        ("Language: ENGLISH", "export-label"),
        ("Pages: A.3", "export-label"),
        ("Section: Section A; Column 0; Metro Desk; Pg. 3", "export-label"),
        ("Subject: Harbours (94%); Public works (90%); Budgets (77%)", "export-label"),
    ],
)
def test_outlet_notes_prompts_and_export_labels_are_removed_with_their_reason(line: str, reason: str) -> None:
    cleaned = clean(f"{WIRE_BODY}\n{line}\nWork starts in May.\n")
    assert cleaned.text == f"{WIRE_BODY}\nWork starts in May."
    assert reasons(cleaned) == {line: reason}


@pytest.mark.parametrize(
    "text",
    [
        "An earlier version of the bill was rejected in March.\nThe new one passed.",
        "The correction came late: prices had already fallen.\nTraders were wary.",
        "Corrections officers said the inmates were moved on Sunday.\nNo one was hurt.",
        "Follow the money on Twitter and you will see who paid.\nThe fund declined to comment.",
        "“Follow us,” the guide said, and the group walked on.\nThey reached the plaza at noon.",
        "The editor's notes from 1998 were found in the archive.\nThey fill three boxes.",
        # a news database's label words inside sentences, and everyday field names with a sentence after them
        "Abstract art sold well at the harbour fair.\nThe full text of the ruling runs to 40 pages.",
        "Abstract. That is how the chair described the plan.\nThe board disagreed.",
        "Three habits keep older sailors fit.\n\nBody\n\nStretch for ten minutes every morning.",
        "The fair opens on Friday.\nDETAILS\nTickets cost five euros at the gate.",
        "Length: the new quay is 300 metres long.\nSection: three of the plan covers the ferries.",
        "The e-mail was short.\nSubject: Re: the quay budget\nIt asked for a meeting.",
        "Language: he said the word mattered.\nThe document runs to 2,341 words and more.",
        "The board read document 4 of the plan.\nWords failed her.\n12 words for the sea",
        "The fire spread fast.\nPeople: 3 dead; 12 injured\nLocation: Town hall; 7 p.m.",
    ],
)
def test_sentences_like_notes_and_prompts_are_kept(text: str) -> None:
    cleaned = clean(text)
    assert cleaned.text == text
    assert cleaned.removed == ()


# A story pasted from a news database's export, with the database's labels and fields around the article.
EXPORT_LEAD = "The harbour board approved the new quay on Tuesday after a two-year delay."
EXPORT_BODY = "Work on the quay starts in May, the board's chair said.\nIt will cost 12 million euros."


def test_everyday_words_that_are_export_labels_go_beside_the_export_fields() -> None:
    lexis_nexis = f"Section: Metro; Pg. 3\n\nLength: 812 words\n\nBody\n\n{EXPORT_LEAD}\n{EXPORT_BODY}"
    cleaned = clean(f"{lexis_nexis}\n\nDETAILS\n\nPublication title: Harbour Courier\n")
    assert cleaned.text == f"{EXPORT_LEAD}\n{EXPORT_BODY}"
    assert sorted(removed.text for removed in cleaned.removed if removed.reason == "export-label") == [
        "Body",
        "DETAILS",
        "Length: 812 words",
        "Publication title: Harbour Courier",
        "Section: Metro; Pg. 3",
    ]


@pytest.mark.parametrize("label", ["ABSTRACT.", "FULL TEXT.", "Full text:", "ABSTRACT:"])
def test_a_label_run_into_its_paragraph_goes_and_the_paragraph_stays(label: str) -> None:
    cleaned = clean(f"{EXPORT_LEAD}\n\n{label} {EXPORT_BODY}\n")
    assert cleaned.text == f"{EXPORT_LEAD}\n\n{EXPORT_BODY}"
    assert reasons(cleaned) == {label: "export-label"}


def test_a_cookie_consent_banner_goes_and_a_sentence_about_cookies_stays() -> None:
    # issue #17 (the listeria story, scored unseen in the thirtieth round): a consent banner left in the text
    cleaned = clean(
        "The ferry resumed its crossings on Friday, the operator said.\n\n"
        "We use cookies to give you the best experience. By continuing to browse, you agree to our cookie"
        " policy.\n\n"
        "Regulators said the operator's booking site uses cookies without asking.\n\n"
        "Accept all cookies\n"
    )
    assert [(removed.text, removed.reason) for removed in cleaned.removed] == [
        (
            "We use cookies to give you the best experience. By continuing to browse, you agree to our cookie"
            " policy.",
            "cookie-notice",
        ),
        ("Accept all cookies", "cookie-notice"),
    ]
    assert "Regulators said the operator's booking site uses cookies without asking." in cleaned.text
