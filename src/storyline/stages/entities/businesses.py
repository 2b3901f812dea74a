"""What makes an organisation a business, for descriptions such as "the company" and "the management".

A business description stands for a business only: never for a body whose name's head is a ministry, an
office, a federation or an organisation ("the company" is not the union federation named just before it),
and, far from any organisation, for the one organisation the report named whose name makes it a business
("… Works", "… Mills", a legal form). Word lists in ``lexicons/entities.toml``.
"""

from __future__ import annotations

import re

from storyline.records import Mention
from storyline.stages.entities.lexicon import EntityLexicon, fold_name, institution_words
from storyline.stages.entities.repair import introduced_as_any

__all__ = [
    "ends_in_legal_form",
    "introduced_as_campaign",
    "name_head",
    "names_a_business",
    "names_no_business",
    "one_business_named_before",
    "parent_companies",
    "vessel_names",
]


def name_head(name: str) -> str:
    """The head word of an organisation's name: its last word before any "of" or "for" ("federation" of
    "Federation of Independent Trade Unions", "office" of "Sughd Regional Prosecutor's Office", "committee"
    of "State Committee for National Security")."""
    words = fold_name(name).split()
    at = next((i for i, word in enumerate(words) if word in {"of", "for"}), len(words))
    return words[at - 1] if at else ""


def names_no_business(name: str, lexicon: EntityLexicon) -> bool:
    """Whether the name's head, read as ``institution_words`` reads it, is a body's that is no business
    (``non_business_name_heads``): "… Prosecutor's Office", and a central bank, which news calls the
    regulator ("National Bank of the Kyrgyz Republic" is never "the company" of the trial reports)."""
    return name_head(" ".join(institution_words(name, lexicon))) in lexicon.non_business_name_heads


def parent_companies(text: str, organisations: list[Mention], lexicon: EntityLexicon) -> set[str]:
    """The folded names the article introduces as another company's parent ("…, a subsidiary of the
    British chemicals group Halbrook", "the Indian unit of Britain's Halbrook Group"; ``subsidiary_words``):
    the report tells of the company, and "the company" is that one, not the parent named in passing."""
    words = "|".join(sorted(lexicon.subsidiary_words))
    introduction = re.compile(rf"\b(?:{words})\s+of\s+(?:the\s+)?(?:\S+['’]s\s+)?(?:[\w-]+\s+){{0,3}}$")
    return {
        fold_name(org.text)
        for org in organisations
        if introduction.search(text, max(0, org.start - 80), org.start) is not None
    }


def introduced_as_campaign(text: str, name: Mention, lexicon: EntityLexicon) -> bool:
    """ "the environmental group JALUR", "the rights network X": a name right after a civic modifier and a
    group's head word is a campaign's, which "the company" does not stand for."""
    modifiers = "|".join(sorted(lexicon.civic_group_modifiers))
    heads = "|".join(sorted(lexicon.civic_group_heads))
    introduction = re.compile(rf"\b(?:{modifiers})'?\s+(?:{heads})\s+$", re.IGNORECASE)
    return introduction.search(text, max(0, name.start - 60), name.start) is not None


def one_business_named_before(before: list[Mention], lexicon: EntityLexicon) -> Mention | None:
    """ "the company" far from any business named just before it: the one organisation the report named
    before whose name makes it a business ("… Works", "… Ltd"), however far back; none if several."""
    businesses = {fold_name(org.text): org for org in before if names_a_business(org.text, lexicon)}
    return next(iter(businesses.values())) if len(businesses) == 1 else None


def ends_in_legal_form(name: str, lexicon: EntityLexicon) -> bool:
    """Whether a name of two words or more ends in a company's legal form ("… Pvt. Ltd.", "… N.V.")."""
    words = fold_name(name).split()
    return any(len(words) > len(form) and tuple(words[-len(form) :]) == form for form in lexicon.legal_forms)


def names_a_business(name: str, lexicon: EntityLexicon) -> bool:
    words = fold_name(name).split()
    if len(words) < 2:
        return False
    return (
        ends_in_legal_form(name, lexicon)
        or name.split(" ", 1)[0] in lexicon.leading_legal_forms
        or words[-1] in lexicon.business_name_heads | lexicon.generic_org_tails
    )


def vessel_names(text: str, names: list[Mention], lexicon: EntityLexicon) -> set[str]:
    """The folded names the report introduces as a vessel anywhere ("the tanker Haedong Pioneer", "the
    barge Seosan 3"): things, whatever label the small model gave each of their mentions."""
    return {fold_name(m.text) for m in names if introduced_as_any(text, m, lexicon.vessel_words)}
