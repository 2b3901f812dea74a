"""The gender an article gives a person, so that a "she" never resolves to a man (``claims.extract``
resolves "he"/"she" with ``KnownGenders``): from honorifics ("Mr. Khan"), gendered role nouns
("Congresswoman Ana Ruiz"), given names (gender-guesser's name data, only its confident answers) and the
pronouns already resolved to them. A person of no known gender may be either."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

import gender_guesser.detector
from spacy.tokens import Span

from storyline.stages.claims.lexicon import ClaimLexicon
from storyline.stages.claims.spans import CharSpan

# A short title and the capitalised name after it ("Mr. Khizr Khan", "Mr. and Mrs. Khan"): the title is read
# as an honorific when the lexicon has it (``KnownGenders``); "'s" is no part of the name.
HONORIFIC_NAME = re.compile(
    r"\b(?P<title>[A-Z][a-z]{1,3})\.?(?:\s+and\s+(?P<second>[A-Z][a-z]{1,3})\.?)?"
    r"\s+(?P<name>[A-Z][^\W\d_]*(?:-[^\W\d_]+)*(?:\s+[A-Z][^\W\d_]*(?:-[^\W\d_]+)*)*)"
)
# How a role noun stands by the name it gives a gender: "Congresswoman Ana Ruiz", "his wife Ana Ruiz" (a
# compound or apposition of the name) and "Ana Ruiz, the committee's chairwoman" (the name's apposition).
ROLE_DEPS = frozenset({"compound", "appos"})
# What gender-guesser answers for a name: only its confident answers count ("mostly_male", "andy" and
# "unknown" tell nothing).
GUESSED_GENDERS = {"male": "masculine", "female": "feminine"}


class KnownGenders:
    """The gender the article gives a person, kept per surname (the last word: "Mayor Anna Berg" and "Berg"
    are one person): by the honorifics it names them with ("Mr. Khan"), the gendered role nouns it names
    them by ("Congresswoman Ana Ruiz", "Ana Ruiz, his wife"), the given name it names them with in full
    (``given_name_gender``) and the pronouns resolved to them so far. A surname given both ("Clinton": Bill
    and Hillary; "Mr. Khan" and "Ms. Khan") tells nothing, but a name written with its honorific, its role
    or its given name is that one's ("Ms. Khan" beside her husband, "Hillary Clinton" beside Bill). A "he"
    never goes to a person the article calls "she", and the other way; a person of no known gender may be
    either."""

    def __init__(self, text: str, lexicon: ClaimLexicon, entities: Sequence[Span]) -> None:
        self.text = text
        self.seen: dict[str, set[str]] = {}
        self.honorifics = {
            **{word: "masculine" for word in lexicon.masculine_honorifics},
            **{word: "feminine" for word in lexicon.feminine_honorifics},
        }
        self.roles = {
            **{word: "masculine" for word in lexicon.masculine_roles},
            **{word: "feminine" for word in lexicon.feminine_roles},
        }
        self.not_given_names = lexicon.titles_not_given_names
        # the end of a PERSON name → its start and the gender its role or given name tells
        self.named: dict[int, tuple[int, str]] = {}
        self._learn_honorifics()
        self._learn_names(entities)

    def _learn_honorifics(self) -> None:
        """The genders honorifics give before any pronoun ("Mr. Khan"; "Mr. and Mrs. Khan": both)."""
        for match in HONORIFIC_NAME.finditer(self.text):
            titles = [title.lower() for title in (match["title"], match["second"]) if title]
            if all(title in self.honorifics for title in titles):
                surname = match["name"].split()[-1].lower()
                self.seen.setdefault(surname, set()).update(self.honorifics[title] for title in titles)

    def _learn_names(self, entities: Sequence[Span]) -> None:
        """The genders role nouns and given names give the people named, each full name's for all its
        mentions ("Congresswoman Ana Ruiz" … "Ana Ruiz"); none where they disagree (a parse that puts
        "husband" beside "Ana Ruiz, whose husband …" against her given name). A surname tells one only
        when every person named in full with it has that one: "Ghazala Khan" is a woman, but "Khan" alone
        may be her husband Khizr, whose name the data does not know."""
        people = [ent for ent in entities if ent.label_ == "PERSON"]
        told: dict[tuple[str, ...], set[str]] = {}  # a full name (or a lone word) → what its mentions tell
        for ent in people:
            told.setdefault(self._full_name(ent) or (ent.text,), set()).update(
                g for g in (self._role_gender(ent), self._given_name_gender(ent)) if g is not None
            )
        by_surname: dict[str, set[str | None]] = {}  # surname → the gender of each full name with it
        for ent in people:
            name = self._full_name(ent) or (ent.text,)
            gender = next(iter(told[name])) if len(told[name]) == 1 else None
            if gender is not None:
                self.named[ent.end_char] = (ent.start_char, gender)
            if len(name) > 1:
                by_surname.setdefault(name[-1], set()).add(gender)
        for surname, bearers in by_surname.items():
            if len(bearers) == 1 and None not in bearers:
                self.seen.setdefault(surname, set()).update(g for g in bearers if g is not None)

    def _full_name(self, ent: Span) -> tuple[str, ...]:
        """The words of a person's name without the titles, roles and honorifics before it."""
        words = [token for token in ent if token.is_alpha]
        while words and self._is_title(words[0].lower_):
            words.pop(0)
        return tuple(token.lower_ for token in words)

    def _is_title(self, word: str) -> bool:
        return word in self.not_given_names or word in self.honorifics or word in self.roles

    def _role_gender(self, ent: Span) -> str | None:
        """The gender of the role nouns that name the person: the name's first word ("Congresswoman" when
        the recogniser takes it in), a compound or apposition of the name, or what the name stands in
        apposition to ("his wife, Ana Ruiz"). None when none, or when they disagree."""
        root = ent.root
        related = [ent[0]] + [
            c
            for c in root.children
            if c.dep_ in ROLE_DEPS
            and not ent.start <= c.i < ent.end
            # "Ana Ruiz, whose husband, Teo Ruiz, …": the parse may put the relative's noun beside her name
            and not any(grandchild.tag_ == "WP$" for grandchild in c.children)
        ]
        if root.dep_ == "appos":
            related.append(root.head)
        genders = {self.roles[token.lower_] for token in related if token.lower_ in self.roles}
        return genders.pop() if len(genders) == 1 else None

    def _given_name_gender(self, ent: Span) -> str | None:
        """The gender of a full name's given name: its first word after any title, when a surname follows."""
        name = self._full_name(ent)
        return given_name_gender(name[0]) if len(name) > 1 else None

    def _surname(self, person: CharSpan) -> str:
        words = self.text[person[0] : person[1]].split()
        return words[-1].lower() if words else ""

    def _own_gender(self, person: CharSpan) -> str | None:
        """The gender the words of this mention give: its honorific or role ("Ms. Berg"), or the name inside
        it that a role or given name gave one ("Mayor Anna Berg")."""
        words = self.text[person[0] : person[1]].split()
        first = words[0].rstrip(".").lower() if len(words) > 1 else ""
        own = self.honorifics.get(first) or self.roles.get(first)
        if own is not None:
            return own
        name = self.named.get(person[1])
        return name[1] if name is not None and person[0] <= name[0] else None

    def learn(self, person: CharSpan, gender: str) -> None:
        self.seen.setdefault(self._surname(person), set()).add(gender)

    def may_be(self, person: CharSpan, gender: str) -> bool:
        own = self._own_gender(person)
        if own is not None:
            return own == gender
        known = self.seen.get(self._surname(person))
        return not known or gender in known


def given_name_gender(name: str) -> str | None:
    """ "masculine" or "feminine" when the given-names data (gender-guesser's, shipped in the package: no
    network) is sure of the name: its answer is "male" or "female" and no country lists the name for the
    other sex or for both ("Jan" is a man's name in Poland and a woman's in the US: None). None else."""
    detector = _gender_detector()
    guess = GUESSED_GENDERS.get(detector.get_gender(name))
    if guess is None:
        return None
    listed = set(detector.names.get(name.lower(), {}))
    doubtful = {"andy", "female" if guess == "masculine" else "male"}
    return None if listed & doubtful else guess


@functools.cache
def _gender_detector() -> gender_guesser.detector.Detector:
    """Loaded once per process, on first use (half a second: it parses its 40,000-name data file)."""
    return gender_guesser.detector.Detector(case_sensitive=False)
