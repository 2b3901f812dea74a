"""Which organisation of its article an organisation description stands for: "the union", "the ministry".

The organisation whose name follows it in apposition ("the savings cooperative Ala-Too Kredit"); else the
nearest one named before it whose name has the description's words, or the one the article introduced by
its head word or kind (``entities.kinds``); else a minister's office (``entities.ministries``). A generic
head ("the group", "the company") reaches only a short way back, and never to an organisation the article
introduced in another trade. A description none explains, headed by a word names rarely hold ("the
union"), keeps its role text for the story's organisations (``entities.resolve``). Split from
``entities.descriptions``, which finds the descriptions and calls ``resolve_organisation_description``.
Hand-written: no library resolves descriptions for news offline; the parse comes from spaCy.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from storyline.lexicons import load_lexicon
from storyline.records import ROLE_LABEL, Mention
from storyline.stages.entities.businesses import (
    introduced_as_campaign,
    names_a_business,
    names_no_business,
    one_business_named_before,
    parent_companies,
    vessel_names,
)
from storyline.stages.entities.company_bodies import body_owner
from storyline.stages.entities.forces import armed_body_antecedent
from storyline.stages.entities.kinds import introduced_by_kind, named_before_its_kind_phrase
from storyline.stages.entities.known import described_known_organisation
from storyline.stages.entities.lexicon import (
    EntityLexicon,
    content_words,
    described_words,
    fold_name,
    institution_words,
    trade_union_for_union_of_states,
    words_match,
)
from storyline.stages.entities.ministries import office_of_minister
from storyline.stages.entities.nationalities import (
    description_nationality,
    introduced_with_nationality,
    is_national_description,
)
from storyline.stages.entities.prosecutions import prosecuting_body
from storyline.stages.entities.repair import introduced_as, introduced_as_any
from storyline.stages.entities.transliteration import opens_with_given_name

if TYPE_CHECKING:  # descriptions calls this module
    from storyline.stages.entities.descriptions import DescribedArticle

__all__ = [
    "is_organisation_description",
    "name_before_comma",
    "named_organisations",
    "repeated_description",
    "resolve_organisation_description",
]

# A clause between a description and the name it introduces: "The group, which calls itself the …",
# "a faction calling itself …", "an outfit known as …".
NAMING_CLAUSE = re.compile(
    r",?\s+(?:(?:which|that|who)\s+calls?\s+(?:itself|themselves)|calling\s+(?:itself|themselves)"
    r"|(?:known|styled)\s+as)\s+(?:the\s+)?"
)
# A relative clause between a description and the name in apposition with it: "the private security
# company that guards the building, Argus Security Group, alerted …" (no sentence's end, no quotation).
DEFINING_CLAUSE = re.compile(r"\s+(?:that|which)\s+[^,.;:\"“”()]{1,60},\s*")
# A comma opening an apposition after a description: the name there is what it describes ("the road
# authority, Putevi Republike Srpske."), where the name then closes the apposition (``APPOSITION_CLOSE``).
APPOSED_NAME_GAP = re.compile(r", (?=[A-Z])")
# What may follow a name that closes an apposition: a sentence's or clause's end, or a comma, a quotation
# mark or a bracket, but no list going on ("the regulator, Banka Kredit, and the ministry").
APPOSITION_CLOSE = re.compile(r"\s*(?:[.;:!?\"”)]|$|,(?![^,.;:]{0,60}\b(?:and|or)\b))")
# Between an organisation's name and a phrase in apposition after it: its acronym in brackets, a comma.
APPOSITION_GAP = re.compile(r"(?:\s*\([^()\n]{1,20}\))?,\s*")
# How far back (characters, about two sentences) "the group" may reach for an organisation named before it.
GENERIC_ANTECEDENT_CHARS = 400


def resolve_organisation_description(
    article: DescribedArticle, start: int, end: int, organisations: list[Mention], lexicon: EntityLexicon
) -> Mention | None:
    """The mention of the organisation description at ``start:end``: the organisation it stands for (one
    of ``organisations``, ``named_organisations``), or the office of a minister of the article
    (``ministries``); else its role text where names rarely hold its head word
    (``is_organisation_description``); else None."""
    doc, text, article_id, names = article.doc, article.text, article.article_id, article.names
    surface = text[start:end]
    nationality = _nationality_of_company(article, surface, start, end, lexicon)
    if nationality is not None:
        antecedent = _name_right_after(doc, text, start, end, organisations) or introduced_with_nationality(
            text, nationality, start, organisations, _introducing_kinds(lexicon)
        )
        if antecedent is not None:
            return Mention(article_id, start, end, surface, "ORG", refers_to=antecedent.text)
        # "The Turkish group" in a report that introduces no Turkish company: the story may (``resolve``)
        national = is_national_description(surface, lexicon)
        return Mention(article_id, start, end, surface, ROLE_LABEL, role=surface) if national else None
    antecedent = (
        _name_right_after(doc, text, start, end, organisations)
        or _apposed_body(text, surface, start, organisations, lexicon)
        or body_owner(text, surface, start, end, organisations, lexicon)
        or _organisation_antecedent(
            text, _described_part(doc, start, end, lexicon), start, organisations, lexicon
        )
        or prosecuting_body(text, surface, start, end, organisations, lexicon)
        or named_before_its_kind_phrase(doc, text, surface, start, names, lexicon)
        or armed_body_antecedent(surface, start, organisations, lexicon)
        or described_known_organisation(surface, start, organisations)
    )
    office = None if antecedent else office_of_minister(doc, surface, article.people, lexicon)
    if antecedent is not None or office is not None:
        name = antecedent.text if antecedent is not None else office
        return Mention(article_id, start, end, surface, "ORG", refers_to=name)
    if is_organisation_description(surface, lexicon):
        # "the union" in a report that never names it: the story may (``resolve``)
        return Mention(article_id, start, end, surface, ROLE_LABEL, role=surface)
    return None


def repeated_description(
    article: DescribedArticle,
    start: int,
    end: int,
    resolved: list[Mention],
    organisations: list[Mention],
    lexicon: EntityLexicon,
) -> Mention | None:
    """ "from the federation" at the end of a report that named two federations: the body the same
    description stood for where the article last wrote it ("the federation's tests", resolved in the
    paragraph naming the world federation), when no other body with its words was named since: a writer
    repeats a description for the body the reader has in mind (issue #17, generalise tbilisi-doping). None
    where the article did not resolve it before, or named a rival since."""
    surface = article.text[start:end]
    if (content_words(surface, lexicon) or [""])[-1] in lexicon.governing_body_nouns:
        return None  # "the board" is whose board the article names (``company_bodies``), not a name's word
    earlier = [
        m
        for m in resolved
        if m.label == "ORG" and m.refers_to and m.end <= start and fold_name(m.text) == fold_name(surface)
    ]
    if not earlier:
        return None
    last = max(earlier, key=lambda m: m.start)
    wanted = described_words(surface, lexicon)
    rivals = [
        org
        for org in organisations
        if last.end <= org.start < start
        and fold_name(org.text) != fold_name(last.refers_to or "")
        and _named_with(org, wanted, lexicon)
    ]
    return (
        None if rivals else Mention(article.article_id, start, end, surface, "ORG", refers_to=last.refers_to)
    )


def name_before_comma(text: str, start: int, names: Iterable[tuple[int, int]]) -> tuple[int, int] | None:
    """The name (start, end) the phrase at ``start`` follows after a comma, its acronym in brackets between
    ("Inter-Services Public Relations (ISPR), the military's media wing"): the apposition the small model
    may parse as no apposition at all."""
    return next((name for name in names if APPOSITION_GAP.fullmatch(text, name[1], start)), None)


def _apposed_body(
    text: str, surface: str, start: int, organisations: list[Mention], lexicon: EntityLexicon
) -> Mention | None:
    """ "The Office for Democratic Institutions and Human Rights (ODIHR), the election body of the OSCE":
    a description headed by a word naming any body is the organisation it stands in apposition after,
    whatever the words of its name (the nearest body named with "election" was the electoral commission)."""
    if (content_words(surface, lexicon) or [""])[-1] not in lexicon.qualified_org_heads:
        return None
    spans = {(org.start, org.end): org for org in organisations}
    before = name_before_comma(text, start, spans)
    return spans[before] if before is not None else None


def _described_part(doc: Doc, start: int, end: int, lexicon: EntityLexicon) -> str:
    """The words of a description that say which body it is: all of them, but for a head naming any body
    ("the sport's integrity body"), whose possessor names what the body serves, not the body ("integrity
    body"; issue #17, generalise tbilisi-doping)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or span.root.lower_ not in lexicon.qualified_org_heads:
        return doc.text[start:end]
    possessors = {t.i for child in span.root.children if child.dep_ == "poss" for t in child.subtree}
    return " ".join(t.text for t in span if t.i not in possessors)


def _nationality_of_company(
    article: DescribedArticle, surface: str, start: int, end: int, lexicon: EntityLexicon
) -> str | None:
    """The nationality written in a description headed by a generic word or a governing body's noun ("the
    Turkish group", "the Greek board"), which then names only an organisation introduced with it
    (``nationalities``); None for any other description ("the Armenian police" is the police named so)."""
    words = content_words(surface, lexicon)
    if not words or words[-1] not in lexicon.generic_org_heads | lexicon.governing_body_nouns:
        return None
    return description_nationality(article.doc, start, end)


def _introducing_kinds(lexicon: EntityLexicon) -> frozenset[str]:
    """The words for a body that introduce an organisation with its nationality ("Turkish conglomerate
    Altınova", "the Greek port operator Thermaikos")."""
    return lexicon.org_head_words | lexicon.business_relation_heads


def named_organisations(text: str, names: list[Mention], lexicon: EntityLexicon) -> list[Mention]:
    """The organisations of the article a description may stand for: those it names, never a vessel's
    name, and an acronym's long form where the acronym stands."""
    vessels = vessel_names(text, names, lexicon)  # never the antecedent of "the company" (issue #17)
    # nor a person's name the small model tagged an organisation ("head of the unit Olena Kowaltschuk",
    # issue #17, generalise tbilisi-doping), which ``resolve`` reads as a person all the same
    organisations = [
        m
        for m in names
        if m.label == "ORG"
        and m.refers_to is None
        and fold_name(m.text) not in vessels
        and not opens_with_given_name(fold_name(m.text))
    ]
    # An acronym names its organisation where it stands ("deputy head of the SCC, said the agency …"),
    # wherever the article writes it again: "the company" after a later "the FAVV had doubled" is no agency's
    # (issue #17, generalise recall: the acronym alone read as a name that may be a business's).
    long_forms = {m.text for m in organisations}
    expanded = {m.text: m.refers_to for m in names if m.label == "ORG" and m.refers_to in long_forms}
    return [replace(m, text=expanded[m.text]) if m.text in expanded else m for m in organisations] + [
        replace(m, text=m.refers_to) for m in names if m.label == "ORG" and m.refers_to in long_forms
    ]


def _name_right_after(
    doc: Doc, text: str, start: int, end: int, organisations: list[Mention]
) -> Mention | None:
    """The organisation whose name follows the description after a space: the description is in
    apposition before it and says what it is ("the savings cooperative Ala-Too Kredit"); or after a clause
    that gives the name ("The group, which calls itself the Jhalawan Freedom Army"), as news introduces
    a group it knows little of; or after a comma, the name closing the apposition ("reported it to the road
    authority, Putevi Republike Srpske."; issue #17, generalise drina-bridge)."""
    follows = end + len(text[end:]) - len(text[end:].lstrip(" "))
    naming = NAMING_CLAUSE.match(text, end) or DEFINING_CLAUSE.match(text, end)
    named = naming.end() if naming else None
    apposed = None if _apposition_of_another(doc, text, start, end) else APPOSED_NAME_GAP.match(text, end)
    return next(
        (
            org
            for org in organisations
            if (org.start == follows and follows > end)
            or org.start == named
            or (apposed is not None and org.start == apposed.end() and _closes_apposition(text, org.end))
        ),
        None,
    )


def _apposition_of_another(doc: Doc, text: str, start: int, end: int) -> bool:
    """Whether a name after a comma following the description is in apposition with a phrase around it: a
    body named after "of" ("The head of the department, X" gives the head's name; issue #17, storm), or one
    inside a relative clause ("The security company that guards the museum, Argus Security Group": the
    company's name; kutaisi-museum-heist)."""
    if text[max(0, start - 4) : start].lower() == " of ":
        return True
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and any(token.dep_ in {"relcl", "acl"} for token in span.root.ancestors)


def _closes_apposition(text: str, name_end: int) -> bool:
    """Whether the name ending at ``name_end`` closes an apposition opened by a comma before it ("… to the
    road authority, Putevi Republike Srpske."): the sentence or clause ends there, and no "and" or "or"
    follows to make the name one of a list ("the regulator, Banka Kredit and the ministry")."""
    return bool(APPOSITION_CLOSE.match(text, name_end))


def _one_trade_namesake(
    start: int, wanted: list[str], organisations: list[Mention], lexicon: EntityLexicon
) -> Mention | None:
    """ "The security company is also under pressure" in a report that names one organisation with that
    trade word ("Argus Security Group") and introduces another as "the insurance company": the
    description's trade says which. The one organisation whose name holds every word before the generic
    head, and is headed by no other kind of body, the nearest before the description, else the first
    after it; None where no name or two different names hold them (then the kind of organisation
    decides, as before)."""
    trade = wanted[:-1]
    if not trade:
        return None
    # a name headed by another kind of body is none of the description's ("the railway company" is no
    # "Railway Workers' Union": issue #17, generalise steppe-train-collision)
    other_kinds = lexicon.org_head_words - lexicon.generic_org_heads
    named = [
        org
        for org in organisations
        if _named_with(org, trade, lexicon) and (fold_name(org.text).split() or [""])[-1] not in other_kinds
    ]
    if len({fold_name(org.text) for org in named}) != 1:
        return None
    before = [org for org in named if org.end <= start]
    return max(before, key=lambda org: org.start) if before else min(named, key=lambda org: org.start)


def is_organisation_description(description: str, lexicon: EntityLexicon) -> bool:
    """ "the union", "the port authority": headed by an organisation word that names rarely hold in general
    ("the group" only ever refers to an organisation named just before it), or by a staff plural standing
    for its office ("Prosecutors", which the story's prosecutor's office may explain); or by a generic word
    qualified by a nationality ("the Turkish group", ``nationalities``)."""
    words = content_words(description, lexicon)
    head_words = lexicon.org_head_words | lexicon.staff_plurals
    specific = bool(words) and words[-1] in head_words and words[-1] not in lexicon.generic_org_heads
    return specific or is_national_description(description, lexicon)


def _organisation_antecedent(
    text: str, description: str, start: int, organisations: list[Mention], lexicon: EntityLexicon
) -> Mention | None:
    """The nearest organisation named before the description whose name has the description's words (a
    local institution word in English: "the parliament" for "Verkhovna Rada"); else the one organisation
    named before that the article introduced by the head word ("the Solidarity trade union"); else the one
    organisation named after the description with its words (``_one_named_after``). For a
    generic head ("the group"): the one organisation the article calls by that word or one of its kind ("A
    group calling itself Frost Owl", "Frost Owl, a hacking group", "the company X" for "the firm"),
    wherever it was introduced; else the nearest organisation named within a short distance before the
    description that the article did not introduce in another trade ("the US manufacturer" is not the
    "Irish low cost airline")."""
    organisations = [
        org for org in organisations if not trade_union_for_union_of_states(description, org.text, lexicon)
    ]
    before = [org for org in organisations if org.end <= start]
    wanted = described_words(description, lexicon)
    if not wanted:
        return None  # "the former body": no word says which
    candidates = [org for org in before if _named_with(org, wanted, lexicon)]
    if wanted[-1] in lexicon.business_heads:
        # "the producer" is no "Consumer Product Safety Authority", whose words only share its stem
        candidates = [org for org in candidates if not _no_business(text, org, organisations, lexicon)]
    if candidates:
        return _nearest_unrivalled(text, start, _bare_head_candidates(text, candidates, wanted, lexicon))
    if wanted and wanted[-1] not in lexicon.generic_org_heads:
        # "the union" after "the Solidarity trade union": the one organisation the article calls so;
        # "the bloc" after "the opposition Free City bloc" (``kinds``)
        kind_word = lexicon.introduced_org_kinds & {wanted[-1]}
        introduced_so = {
            fold_name(org.text): org
            for org in before
            if introduced_as(text, org, wanted[-1]) or introduced_by_kind(text, org, kind_word)
        }
        if len(introduced_so) == 1:
            return next(iter(introduced_so.values()))
        return None if introduced_so else _one_named_after(start, wanted, organisations, lexicon)
    if wanted and wanted[-1] in lexicon.generic_org_heads:
        if namesake := _one_trade_namesake(start, wanted, organisations, lexicon):
            return namesake
        kind = lexicon.generic_org_kinds.get(wanted[-1], frozenset({wanted[-1]}))
        if kind & lexicon.business_heads:  # "the company" is not the parent named in passing
            parents = parent_companies(text, organisations, lexicon)
            organisations = [org for org in organisations if fold_name(org.text) not in parents]
            before = [org for org in before if fold_name(org.text) not in parents]
        # a business introduced before the description or in its paragraph: "the company" in a report that
        # introduces "the investment company Pelagos Capital" only paragraphs later is not Pelagos (issue
        # #17, thessaloniki-bid); "the group" holding hostages is the one introduced a paragraph on
        # (kalat-hostages), as a report tells of kidnappers before it names them
        paragraph_end = (
            text.find("\n", start) % (len(text) + 1) if kind & lexicon.business_heads else len(text)
        )
        introduced = {
            fold_name(org.text)
            for org in organisations
            if org.start < paragraph_end and introduced_as_any(text, org, kind)
        }
        if len(introduced) == 1:
            return next(org for org in organisations if fold_name(org.text) in introduced)
        if kind & frozenset(load_lexicon("entities")["introduced_only_org_heads"]):
            return None  # "the contractor": never the nearest client or operator
        other_trades = _introduced_in_other_trades(text, kind, organisations, lexicon)
        business = bool(kind & lexicon.business_heads)
        campaigns = {
            fold_name(org.text) for org in organisations if introduced_as_campaign(text, org, lexicon)
        }
        candidates = [
            org
            for org in before
            if start - org.end <= GENERIC_ANTECEDENT_CHARS
            and fold_name(org.text) not in other_trades
            and not (business and _no_business(text, org, organisations, lexicon))
            and not (business and fold_name(org.text) in campaigns)
        ]
        same_trade = [org for org in before if fold_name(org.text) not in other_trades]
        if not candidates and business:
            return one_business_named_before(before, lexicon) or _one_shown_business(
                text, same_trade, lexicon
            )
        if business and candidates:
            return _business_before(text, same_trade, max(candidates, key=lambda org: org.start), lexicon)
    return max(candidates, key=lambda org: org.start) if candidates else None


def _no_business(text: str, org: Mention, organisations: list[Mention], lexicon: EntityLexicon) -> bool:
    """Whether the organisation is no business by its name's head ("… Prosecutor's Office") or by the word
    the article introduces it with at any of its mentions ("the Belgian public health institute Sciensano",
    "Sciensano, the federal public health institute"): "the dairy's management" is not the institute's
    (issue #17, generalise recall)."""
    if names_no_business(org.text, lexicon):
        return True
    name = fold_name(org.text)
    heads = lexicon.non_business_name_heads
    return any(
        introduced_as_any(text, other, heads) for other in organisations if fold_name(other.text) == name
    )


def _one_shown_business(text: str, before: list[Mention], lexicon: EntityLexicon) -> Mention | None:
    """The one organisation named before that the article shows to be a business — introduced by a
    business word or by what it runs ("the operator Bolan Star Coaches"), or with a name that makes it one
    ("… Ltd") — at its mention nearest the description; None where it shows two, or none."""
    words = lexicon.business_heads | lexicon.business_relation_heads
    shown = {
        fold_name(org.text)
        for org in before
        if not names_no_business(org.text, lexicon)
        and (names_a_business(org.text, lexicon) or introduced_as_any(text, org, words))
    }
    if len(shown) != 1:
        return None
    return max((org for org in before if fold_name(org.text) in shown), key=lambda org: org.start)


def _business_before(text: str, before: list[Mention], nearest: Mention, lexicon: EntityLexicon) -> Mention:
    """ "The bus company still says …" after "the operator Bolan Star Coaches" and, nearer, "the army's
    media wing, Inter-Services Public Relations": where the nearest organisation is none the article shows
    to be a business, the one business it showed before, however far back (``_one_shown_business``); else
    the nearest, as where it shows two ("Airbus" … "Ryanair"). Issue #17, kalat-hostages: "the company"
    went to the military's press office named just before it."""
    business = _one_shown_business(text, before, lexicon)
    return business if business is not None else nearest


def _one_named_after(
    start: int, wanted: list[str], organisations: list[Mention], lexicon: EntityLexicon
) -> Mention | None:
    """ "conceal from the regulator …" in a report that names the National Bank only further on: a
    description written before any name it fits refers to the one organisation the article names after it
    with the description's words; two such names, or none, and it stays unresolved."""
    after = {
        fold_name(org.text): org
        for org in organisations
        if org.start > start and _named_with(org, wanted, lexicon)
    }
    return next(iter(after.values())) if len(after) == 1 else None


def _named_with(organisation: Mention, wanted: list[str], lexicon: EntityLexicon) -> bool:
    """Whether the organisation's name has every word of the description (``institution_words``)."""
    words = institution_words(organisation.text, lexicon)
    return all(any(words_match(w, o) for o in words) for w in wanted)


def _nearest_unrivalled(text: str, start: int, candidates: list[Mention]) -> Mention | None:
    """The nearest of the organisations whose names hold the description's words; but where two of them
    were named before ("the Ministry of Labour" … "the Ministry of Finance" … "The ministry denied"), only
    one the description's paragraph names, else none: a wrong join costs more than a miss (issue #17,
    generalise strike)."""
    if len({frozenset(fold_name(org.text).split()) for org in candidates}) > 1:
        paragraph_start = text.rfind("\n", 0, start) + 1
        candidates = [org for org in candidates if org.start >= paragraph_start]
    return max(candidates, key=lambda org: org.start) if candidates else None


def _bare_head_candidates(
    text: str, candidates: list[Mention], wanted: list[str], lexicon: EntityLexicon
) -> list[Mention]:
    """The candidates of a bare head ("the bank") that it may stand for: those whose name that word heads
    (its last word before any "of": "Korvan Savings Bank", "Central Bank of Valdoria", not "Bank Deposit
    Guarantee Fund"), less those whose name opens with a kind of that head the article writes in lower
    case ("Central Bank of Valdoria" … "the central bank": a report that names two banks and calls one by
    its kind means the other by "the bank"). Issue #17, generalise sfax-bank-fraud: "the bank" went to the
    central bank named nearer, or to none for the guarantee fund. Where a step would leave none, or a
    description of more words, the candidates as they were."""
    if len(wanted) != 1:
        return candidates
    head = wanted[0]
    headed = [org for org in candidates if words_match(_name_head(org.text, lexicon), head)] or candidates
    if len({fold_name(org.text) for org in headed}) < 2:
        return headed

    def called_apart(name: str) -> bool:
        words = name.split()
        return len(words) >= 2 and words[1] == head and bool(_kind_called(words[0], head).search(text))

    return [org for org in headed if not called_apart(fold_name(org.text))] or headed


def _name_head(name: str, lexicon: EntityLexicon) -> str:
    """The word heading an organisation's name, a local institution word glossed: "Central Bank of Valdoria"
    → bank, "Verkhovna Rada" → parliament."""
    words = fold_name(re.split(r"\s+of\s+", name, maxsplit=1)[0]).split() or [""]
    return lexicon.institution_glosses.get(words[-1], words[-1])


@lru_cache(maxsize=256)
def _kind_called(kind: str, head: str) -> re.Pattern[str]:
    """ "the central bank", "The central bank": a kind of body written in lower case after "the"."""
    return re.compile(rf"\b[Tt]he {re.escape(kind)} {re.escape(head)}\b")


def _introduced_in_other_trades(
    text: str, kind: frozenset[str], organisations: list[Mention], lexicon: EntityLexicon
) -> set[str]:
    """The organisations the article introduces by a trade other than the description's ("Irish low cost
    airline, Ryanair" is not "the US manufacturer"); none for a broad word ("the company" may be any)."""
    if kind & lexicon.broad_org_heads:
        return set()
    trades = lexicon.generic_org_heads - lexicon.broad_org_heads - kind
    return {fold_name(org.text) for org in organisations if introduced_as_any(text, org, trades)}
