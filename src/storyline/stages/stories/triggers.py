"""The event an article's lead reports, as trigger lemmas: what tells two events of one place apart.

Two reports that share a place and its actors are still two events when one is an earthquake and the other
a flood, or one a fundraising report and the other an FBI letter (issue #15). The lead says which:
its main verbs ("struck", "arrested") and the event nouns they take ("an earthquake struck", "the police
made an arrest"). From the parse of the first sentences, each sentence's root is followed down through
reporting verbs ("police said a man was arrested": the event is the arrest, not the saying) and light verbs
("was a fire", "made an arrest": the event is the noun), and every content verb reached, its conjuncts and
its common-noun subject and object are kept, lemmatised. Proper nouns are actors, not events, and are left
to the actor keys. Only the parsed text is read: a title kept apart from the text (feeds, HTML) is not
parsed, and a parse of it per article would cost more than its lemmas are worth here. The story index
lowers the score of a join whose triggers share nothing with the story's (``stories.evidence``).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from spacy.tokens import Span, Token

from storyline.config import DEFAULT_SETTINGS, StoriesSettings
from storyline.lexicons import load_lexicon
from storyline.records import ArticleAnalysis, ParsedArticle
from storyline.stages.stories.dates import past_years
from storyline.stages.stories.names import person_name_words

# Sentences of the lead: the headline (ECB+ puts it first) and the first sentence say what happened; later
# ones give background that other events share. 2 against 3 (penalty 0.05, cosine exemption 0.6, before the
# actor exemption): PolNeAR dev 2016-09 B3 P/R 0.903/0.864 -> 0.901/0.870, ECB+ topics 1-30 the same
# (0.818/0.796). Passing also through adjectives ("likely to") and keeping the subject of a light verb
# ("the attack was") took PolNeAR to 0.915/0.856 (under its test floor): not kept.
LEAD_SENTENCES = 2
# Lemmas kept per article: the lead's main events; a bound on the stored row.
MAX_TRIGGERS = 12
# Dependents through which a reporting or light verb passes on to the event it frames.
COMPLEMENTS = frozenset({"ccomp", "xcomp", "attr", "dobj", "acomp", "advcl"})
# Dependents of an event verb that name what the event is ("an earthquake struck", "caused a fire").
ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj", "attr"})
EVENT_POS = frozenset({"VERB", "NOUN"})


def event_triggers(parsed: ParsedArticle) -> tuple[str, ...]:
    """The trigger lemmas of the article's lead, in order of first appearance, lower-cased."""
    found: dict[str, None] = {}
    for number, sentence in enumerate(parsed.doc.sents):
        if number >= LEAD_SENTENCES:
            break
        for token in _sentence_triggers(sentence):
            lemma = token.lemma_.lower()
            if lemma.isalpha() and len(lemma) > 2:
                found.setdefault(lemma, None)
    return tuple(found)[:MAX_TRIGGERS]


def _sentence_triggers(sentence: Span) -> Iterator[Token]:
    lexicon = _words()
    pending = [sentence.root]
    seen: set[int] = set()
    while pending:
        token = pending.pop()
        if token.i in seen:
            continue
        seen.add(token.i)
        lemma = token.lemma_.lower()
        pending.extend(child for child in token.children if child.dep_ == "conj")
        if lemma in lexicon["reporting"] or lemma in lexicon["light"] or token.pos_ == "AUX":
            # The frame, not the event: what it frames is.
            pending.extend(child for child in token.children if child.dep_ in COMPLEMENTS)
            continue
        if token.pos_ not in EVENT_POS:
            continue
        yield token
        if token.pos_ == "VERB":
            yield from (child for child in token.children if child.dep_ in ARGUMENTS and child.pos_ == "NOUN")


@cache
def _words() -> dict[str, frozenset[str]]:
    stories = load_lexicon("stories")
    return {
        "reporting": frozenset(load_lexicon("cues")["reporting_verbs"]),
        "light": frozenset(stories["light_verbs"]),
    }


def article_triggers(
    analysis: ArticleAnalysis, settings: StoriesSettings = DEFAULT_SETTINGS.stories
) -> frozenset[str]:
    """What the story index compares an article's event by (``stories.evidence.events_agree``): its lead's
    trigger lemmas less the words of the people it names, and the past years it is about (``past_years``)."""
    lemmas = frozenset(analysis.triggers) - person_name_words(analysis.mentions)
    return lemmas | past_years(analysis, settings)
