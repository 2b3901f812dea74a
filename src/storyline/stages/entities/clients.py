"""The person a lawyer defends, as the lawyer calls them: "His lawyer, X, denied that her client …".

A report names a defendant, then the lawyer ("His lawyer, Dinara X,"; "Kaliev's lawyer, X"; "X, the lawyer
for Kaliev"), and quotes the lawyer on "my client" or says "her client". Where the article gives exactly
one person a lawyer's title (``counsel_titles``, read from the roles the parse gave: ``entities.roles``)
and that lawyer exactly one person defended, each "my/her/his client" after it is that person; with two
lawyers or two people the lawyer may defend, nothing is said (precision before recall).
Hand-written: no offline library resolves this bridging reference; the parse comes from spaCy.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from storyline.records import Mention
from storyline.stages.entities.lexicon import EntityLexicon, fold_name
from storyline.stages.entities.roles import ArticleRoles, GivenRole

__all__ = ["client_mentions"]

# Possessors with which a lawyer, or the report, calls the person defended a client.
CLIENT_POSSESSORS = frozenset({"my", "our", "her", "his"})
# Prepositions joining a lawyer to the person defended: "the lawyer for Kaliev", "a lawyer of Kaliev".
DEFENDING_PREPOSITIONS = frozenset({"for", "of"})
# Pronouns owning a lawyer that stand for the person named just before: "His lawyer, X".
PERSONAL_POSSESSORS = frozenset({"his", "her"})
# The pronouns of one person that each possessor agrees with: the person a pronoun before the one name
# stands for may be the one "His lawyer" means.
PRONOUNS_OF_POSSESSOR = {"his": frozenset({"he", "him", "his"}), "her": frozenset({"she", "her"})}


def client_mentions(
    doc: Doc, article_id: str, names: list[Mention], roles: ArticleRoles, lexicon: EntityLexicon
) -> list[Mention]:
    """A person mention for each "my/her/his client" after the article's one lawyer is introduced, for the
    one person that lawyer defends; none where the article has no lawyer, or more than one, or the
    person defended is not found or not one."""
    people = [m for m in names if m.label == "PERSON"]
    lawyers = [g for g in roles.given if g.noun in lexicon.counsel_titles and g.at is not None]
    if len({_person_key(g.person) for g in lawyers}) != 1:
        return []
    defended = [_defended(doc, lawyer, people) for lawyer in lawyers]
    clients = {_person_key(person): person for person in defended if person is not None}
    if len(clients) != 1 or None in defended:
        return []
    client = _full_name(next(iter(clients.values())), people)
    introduced = min(lawyer.at or 0 for lawyer in lawyers)
    found = []
    for token in doc:
        owner = _client_possessor(token, lexicon)
        if owner is None or token.idx < introduced:
            continue
        end = token.idx + len(token.text)
        surface = doc.text[owner.idx : end]
        found.append(Mention(article_id, owner.idx, end, surface, "PERSON", client.refers_to or client.text))
    return found


def _client_possessor(token: Token, lexicon: EntityLexicon) -> Token | None:
    """The possessive pronoun of "her client", "My client" (singular: "his clients" are several people)."""
    if token.lower_ not in lexicon.client_nouns or token.tag_ != "NN":
        return None
    return next((c for c in token.children if c.dep_ == "poss" and c.lower_ in CLIENT_POSSESSORS), None)


def _defended(doc: Doc, lawyer: GivenRole, people: list[Mention]) -> Mention | None:
    """The person the lawyer defends: the one named owning the lawyer ("Kaliev's lawyer") or after "for"
    ("the lawyer for Kaliev"), or, for "His lawyer" / "Her lawyer", the one person named in that sentence
    or the one before, before the lawyer's title."""
    noun = doc.char_span(lawyer.at or 0, (lawyer.at or 0) + len(lawyer.noun), alignment_mode="expand")
    if noun is None or not len(noun):
        return None
    title = noun.root
    for child in title.children:
        if child.dep_ == "poss" and (named := _person_at(child, people)):
            return named
        if child.dep_ == "prep" and child.lower_ in DEFENDING_PREPOSITIONS:
            objects = [obj for obj in child.children if obj.dep_ == "pobj"]
            if objects and (named := _person_at(objects[0], people)):
                return named
    pronoun = next((c for c in title.children if c.dep_ == "poss" and c.lower_ in PERSONAL_POSSESSORS), None)
    if pronoun is None:
        return None
    window = _window(doc, title)
    named = _one_person_before(window, pronoun.idx, lawyer.person, people)
    if named is not None and _pronoun_before(window, named.start, pronoun.lower_):
        return None  # "The ministry accuses him of striking the guard X. His lawyer …": "His" is "him"
    return named


def _full_name(person: Mention, people: list[Mention]) -> Mention:
    """The article's one longer name ending in the person's surname ("Kask's lawyer" → "Arvo Kask")."""
    longer = {
        _person_key(m): m
        for m in people
        if _surname(m) == _surname(person) and len(_person_key(m).split()) > len(_person_key(person).split())
    }
    return next(iter(longer.values())) if len(longer) == 1 else person


def _window(doc: Doc, token: Token) -> Span:
    """The sentence of the token and the one before it."""
    sentence = token.sent
    start = doc[sentence.start - 1].sent.start if sentence.start > 0 else sentence.start
    return doc[start : sentence.end]


def _one_person_before(window: Span, before: int, lawyer: Mention, people: list[Mention]) -> Mention | None:
    """The one person other than the lawyer named in the window before ``before``, by the longest name."""
    named = [
        m
        for m in people
        if window.start_char <= m.start and m.end <= before and _person_key(m) != _person_key(lawyer)
    ]
    if len({_surname(m) for m in named}) != 1:
        return None
    return max(named, key=lambda m: len(m.text))


def _pronoun_before(window: Span, before: int, possessor: str) -> bool:
    """Whether the window speaks of someone by a pronoun agreeing with the possessor before the one person
    it names ("accuses him of striking the guard X"): that pronoun's person, named further back, is as
    likely the one whose lawyer is quoted (issue #17, generalise jalal-abad-escape)."""
    pronouns = PRONOUNS_OF_POSSESSOR.get(possessor, frozenset())
    return any(token.lower_ in pronouns and token.idx < before for token in window)


def _person_at(token: Token, people: list[Mention]) -> Mention | None:
    return next((m for m in people if m.start <= token.idx < m.end), None)


def _person_key(mention: Mention) -> str:
    return fold_name(mention.refers_to or mention.text)


def _surname(mention: Mention) -> str:
    return (_person_key(mention).split() or [""])[-1]
