"""Role nouns an article gives its own people: "the defendant", "the founder", "the elder".

News names a person once with what they are and then calls them by that role alone. A fixed list of title
words (``title_words``) misses the roles it never listed, so the article's parse is read for the role
nouns it gives each named person: in apposition ("Kubat Osmonov, the founder of X"; "the main defendant,
W"), by the copula ("W is the owner of the farm"), and by a verb of office or of a trial ("Aida Bekova, who
heads the association"; "Kassymalieva was sentenced": ``role_verbs``, ``passive_role_verbs``). The nouns
given in apposition widen the article's title words, so the existing title and description rules read
them (``entities.mentions``, ``entities.descriptions``); the roles given by copula and verb are no span of
a title, so they come as (person, role text) pairs for ``resolve_descriptions`` to match descriptions
against. A description headed by a noun only the article made a role resolves to its one holder, or not
at all (``resolve_descriptions``). Only singular nouns with "the" or a possessor count: a plural or bare
noun ("defendants have the right to …") is no one person's role.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from storyline.records import Mention
from storyline.stages.entities.lexicon import EntityLexicon, fold_name
from storyline.stages.entities.owners import business_relation_span

__all__ = ["NO_ROLES", "ArticleRoles", "GivenRole", "article_roles", "with_role_nouns"]

# Dependencies of a person's name on the verb that gives its subject a role.
ACTIVE_SUBJECT, PASSIVE_SUBJECT = "nsubj", "nsubjpass"


@dataclass(frozen=True)
class GivenRole:
    """A role the article gives a person: the person's mention (referring to the full name its surname
    stands for), the role's words ("the founder of Zarya Trade", "head the association"), its noun
    ("founder", "head") and where that noun is written, if it is (a role by verb is not)."""

    person: Mention
    role: str
    noun: str
    at: int | None = None


@dataclass(frozen=True)
class ArticleRoles:
    """The role nouns an article gives its people beyond the fixed title words, and every role given."""

    nouns: frozenset[str] = frozenset()
    given: tuple[GivenRole, ...] = ()

    @property
    def written_at(self) -> frozenset[int]:
        """Where the nouns giving roles stand: such a phrase is the role given, no reference back."""
        return frozenset(given.at for given in self.given if given.at is not None)


# An article that gives its people no roles beyond their titles.
NO_ROLES = ArticleRoles()


def with_role_nouns(lexicon: EntityLexicon, roles: ArticleRoles) -> EntityLexicon:
    """The lexicon whose title words hold the article's role nouns too, for the rules of one article."""
    return replace(lexicon, title_words=lexicon.title_words | roles.nouns) if roles.nouns else lexicon


def article_roles(doc: Doc, names: list[Mention], lexicon: EntityLexicon) -> ArticleRoles:
    """The role nouns the article gives its named people, and the roles given."""
    given: list[GivenRole] = []
    full_names = _full_names(names)
    for mention in names:
        if mention.label != "PERSON":
            continue
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        root = span.root
        person = _as_full_name(mention, full_names)
        given += [
            GivenRole(person, " ".join(_words(noun, root)), noun.lower_, noun.idx)
            for noun in _apposed_role_nouns(root, lexicon)
        ]
        given += [GivenRole(person, role, noun, at) for noun, role, at in _roles_by_verb(root, lexicon)]
    nouns = frozenset(role.noun for role in given) - lexicon.title_words
    return ArticleRoles(nouns, tuple(given))


def _full_names(names: list[Mention]) -> dict[str, str]:
    """A person's surname (folded) → the one full name of the article that ends in it."""
    by_surname: dict[str, set[str]] = {}
    for mention in names:
        words = fold_name(mention.refers_to or mention.text).split()
        if mention.label == "PERSON" and len(words) > 1:
            by_surname.setdefault(words[-1], set()).add(mention.refers_to or mention.text)
    return {surname: next(iter(full)) for surname, full in by_surname.items() if len(full) == 1}


def _as_full_name(mention: Mention, full_names: dict[str, str]) -> Mention:
    """The mention referring to the full name its surname stands for ("Kassymalieva" → "Jyldyz …")."""
    words = fold_name(mention.refers_to or mention.text).split()
    if mention.refers_to is None and len(words) == 1 and words[0] in full_names:
        return replace(mention, refers_to=full_names[words[0]])
    return mention


def _is_role_noun(token: Token, lexicon: EntityLexicon) -> bool:
    """A singular common noun in lower case with "the" or a possessor, naming no body, place or thing run:
    "the founder", "his lawyer" — not "a farmer" nor "defendants", nor "the association"."""
    definite = any(
        (child.dep_ == "det" and child.lower_ == "the") or child.dep_ == "poss" for child in token.children
    )
    return (
        definite
        and token.pos_ == "NOUN"
        and token.tag_ == "NN"
        and token.is_lower
        and token.is_alpha
        and token.lower_ not in lexicon.org_head_words | lexicon.place_nouns | lexicon.member_nouns
        # "The freighter Lindholm Star", a ship the small model tags a person
        and token.lower_ not in lexicon.operated_things
    )


def _is_apposed_role_noun(token: Token, lexicon: EntityLexicon) -> bool:
    """A role noun in apposition with a person's name, but not a business's relation to what it runs
    ("The national operator Ukrenergo", a company the small model tags a person: ``owners``); "the
    restaurant's owner" is a person's."""
    return _is_role_noun(token, lexicon) and business_relation_span(token, lexicon) is None


def _apposed_role_nouns(root: Token, lexicon: EntityLexicon) -> Iterator[Token]:
    """ "Kubat Osmonov, the founder of X", "the main defendant, W", "X's founder Kubat Osmonov"; "its loss
    adjuster Mikheil Beridze", whose role noun the parse hangs on the name as a compound."""
    if root.dep_ == "appos" and _is_apposed_role_noun(root.head, lexicon):
        yield root.head
    yield from (
        c for c in root.children if c.dep_ in {"appos", "compound"} and _is_apposed_role_noun(c, lexicon)
    )
    yield from _role_of_apposed_body(root, lexicon)


def _role_of_apposed_body(root: Token, lexicon: EntityLexicon) -> Iterator[Token]:
    """ "The owner of the operator Bolan Star Coaches, Hadschi X": the small model hangs the name in
    apposition on the organisation's name, which no person's name can be; the apposition is the role's
    whose "of" holds that organisation (issue #17, kalat-hostages)."""
    if root.dep_ != "appos":
        return
    if root.head.pos_ != "PROPN":
        return  # "the bloc of the challenger X": X is the challenger, a common noun the parse got right
    body = root.head
    while body.dep_ == "appos" and body.head.i != body.i:
        body = body.head  # "the operator Bolan Star Coaches": the name in apposition with its kind
    owner = body
    while owner.dep_ == "pobj" and owner.head.lower_ == "of" and owner.head.head.i != owner.head.i:
        owner = owner.head.head  # "The mayor of the municipality of Mantoudi, X": the mayor, not the body
    if owner is not body and _is_apposed_role_noun(owner, lexicon):
        yield owner


def _roles_by_verb(root: Token, lexicon: EntityLexicon) -> Iterator[tuple[str, str, int | None]]:
    """Role nouns, texts and where the noun stands that a verb or the copula gives the name ("head the
    association", "defendant", "the owner of the farm"): as the subject of a role verb, directly or
    through "who"; as the passive subject of a trial's verb; as the subject of "be" with a role noun
    after it."""
    subject = root
    # "Walter Brill and Dana Kirk were sentenced": each name of a joined subject is given the role
    while subject.dep_ in {"appos", "conj"} and subject.head.i != subject.i:
        subject = subject.head
    verbs = [(subject.head, subject.dep_)] if subject.dep_ in {ACTIVE_SUBJECT, PASSIVE_SUBJECT} else []
    verbs += [
        (clause, child.dep_)
        for clause in root.children
        if clause.dep_ == "relcl"
        for child in clause.children
        if child.dep_ in {ACTIVE_SUBJECT, PASSIVE_SUBJECT} and child.tag_ == "WP"
    ]
    for verb, dependency in verbs:
        # "was arrested and charged"; not a verb with a subject of its own ("… and Y leads the party")
        acts = [verb, *(c for c in verb.conjuncts if not any(g.dep_.startswith("nsubj") for g in c.children))]
        for act in acts:
            lemma = act.lemma_.lower()
            if dependency == PASSIVE_SUBJECT and act.pos_ == "VERB" and lemma in lexicon.passive_role_verbs:
                yield lexicon.passive_role_verbs[lemma], lexicon.passive_role_verbs[lemma], None
            elif dependency == ACTIVE_SUBJECT and act.pos_ == "VERB" and lemma in lexicon.role_verbs:
                objects = [child for child in act.children if child.dep_ == "dobj"]
                noun = lexicon.role_verbs[lemma]
                yield noun, " ".join([noun, *(_words(objects[0]) if objects else [])]), None
                yield from _member_of_body_led(objects, lexicon)
        if dependency == ACTIVE_SUBJECT and verb.lemma_ == "be":
            for attribute in verb.children:
                if attribute.dep_ == "attr" and _is_role_noun(attribute, lexicon):
                    yield attribute.lower_, " ".join(_words(attribute)), attribute.idx
    # "The jirga of 11 elders is led by X": the agent of a role verb heads its passive subject
    if (
        root.dep_ == "pobj"
        and root.head.dep_ == "agent"
        and root.head.head.lemma_.lower() in lexicon.role_verbs
    ):
        verb = root.head.head
        passive_subjects = [child for child in verb.children if child.dep_ == PASSIVE_SUBJECT]
        yield from _member_of_body_led(passive_subjects, lexicon)


def _member_of_body_led(bodies: list[Token], lexicon: EntityLexicon) -> Iterator[tuple[str, str, int | None]]:
    """ "X, who heads a jirga of 11 elders": the head of a body of people is one of them, and the report
    may call X "the elder" after. Only a collective noun of people (``people_bodies``) with a plural
    after "of" — not "a convoy of trucks"."""
    for body in bodies:
        if body.lemma_.lower() not in lexicon.people_bodies:
            continue
        members = [
            obj
            for prep in body.children
            if prep.dep_ == "prep" and prep.lower_ == "of"
            for obj in prep.children
            if obj.dep_ == "pobj" and obj.tag_ == "NNS" and obj.is_lower and obj.is_alpha
        ]
        for member in members:
            noun = member.lemma_.lower()
            yield noun, noun, None


def _words(head: Token, name: Token | None = None) -> list[str]:
    """The words of a phrase, punctuation and the name in apposition inside it left out."""
    inside_name = set(name.subtree) if name is not None and name.head == head else set()
    return [token.text for token in head.subtree if not token.is_punct and token not in inside_name]
