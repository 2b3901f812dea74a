"""English plurals and singulars of counted nouns, for the ledger's labels and kinds: one place for the
suffix rules (no library here covers the few the ledger needs without a model: inflect-style packages
would add a dependency for three rules; irregular forms live in ``lexicons/ledger.toml``)."""

from __future__ import annotations


def plural(noun: str) -> str:
    """ "facility" → "facilities" (a consonant before the y), "day" → "days", "boat" → "boats", "branch" →
    "branches" (after a hissing sound: ch, sh, x, z); a noun already ending in "s", and "people", stay as
    they are."""
    if noun.endswith("s") or noun == "people":
        return noun
    if noun.endswith(("ch", "sh", "x", "z")):
        return noun + "es"
    return noun[:-1] + "ies" if noun.endswith("y") and noun[-2:-1] not in set("aeiou") else noun + "s"


def singular(plural_noun: str) -> str:
    """ "families" → "family", "cases" → "case": the lemma the quantities stage gives a counted noun."""
    return plural_noun[:-3] + "y" if plural_noun.endswith("ies") else plural_noun.removesuffix("s")


def is_plural_of(word: str, singular_noun: str) -> bool:
    """Whether ``word`` is ``singular_noun`` or a regular plural of it ("posts", "boxes", "facilities")."""
    return word in {singular_noun, singular_noun + "s", singular_noun + "es"} or (
        singular_noun.endswith("y") and word == singular_noun[:-1] + "ies"
    )
