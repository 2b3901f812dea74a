"""Actor mentions in one parsed article: names, the roles given to them, and what stands for them.

spaCy's NER finds names; rules on its parse add what the small model does not give:
- spans trimmed of "the" and possessives, and extended over hyphenated name parts ("Yoon Suk" + "-yol");
- a surname standing alone is a PERSON when the article names that person in full ("Terhas" after
  "Riho Terhas", which the small model tags as a place), and a given name standing alone is the one person
  named before with it ("Steve" after "Steve Jobs"): ``entities.people``;
- roles: a title before a name ("Lithuanian Foreign Minister Gabrielius Landsbergis") or in apposition
  ("the head of Ukraine's military intelligence, Kyrylo Budanov"); the role nouns the article gives its
  people beyond the title words ("the main defendant, W"; "X was sentenced"): ``entities.roles``;
  the title is also a mention of the person (``entities.references``);
- descriptions that refer back to a named actor of the same article ("the Lithuanian foreign minister",
  "the union"): ``entities.descriptions``; a business by what it owns or runs ("the tanker's owner",
  "the operator"): ``entities.owners``; a body by its members ("the observers"): ``entities.members``;
- a name introduced by a lower-case kind word ("the opposition Free City bloc"), which the small model tags
  a place or nothing: ``entities.kinds``;
- acronyms in parentheses after a long form ("National Intelligence Service (NIS)"), other names of countries
  ("DPRK"), and seats of government used as speakers ("Moscow labeled it a hoax", "the Kremlin said") →
  "Government of <country>", kept apart from the place, as are government phrases naming one country
  ("the Ukrainian government", "officials in Kyiv": ``entities.governments``).
Hand-written: no library resolves descriptions and metonymy for news offline; the parse comes from spaCy.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from storyline.records import ROLE_LABEL, Mention, ParsedArticle
from storyline.stages.entities.affiliations import people_of_their_organisations
from storyline.stages.entities.bodies import (
    bodies_named_by_description,
    named_subdivisions,
    subdivision_governments,
    subdivision_subjects,
)
from storyline.stages.entities.businesses import ends_in_legal_form, names_a_business
from storyline.stages.entities.clients import client_mentions
from storyline.stages.entities.coordination import (
    acronyms_given_in_brackets,
    organisations_joined_by_their_acronym,
    organisations_joined_over_trade_words,
    organisations_over_portfolio_lists,
)
from storyline.stages.entities.craft import organisations_without_trailing_maker
from storyline.stages.entities.descriptions import resolve_descriptions
from storyline.stages.entities.governments import government_references, seats_standing_for_bodies
from storyline.stages.entities.groups import group_descriptions
from storyline.stages.entities.kinds import introduced_by_kind, organisations_named_by_kind
from storyline.stages.entities.known import known_organisation_mentions
from storyline.stages.entities.known_as import names_known_as
from storyline.stages.entities.korean import korean_order_reading
from storyline.stages.entities.lexicon import (
    PLACE_LABELS,
    EntityLexicon,
    entity_lexicon,
    fold_name,
    is_acronym,
    is_native_name,
    particle_name_at,
    surname_particle_words,
    without_name_particle,
)
from storyline.stages.entities.members import members_standing_for_bodies
from storyline.stages.entities.nicknames import (
    names_after_abbreviated_given_names,
    names_with_quoted_nicknames,
)
from storyline.stages.entities.noise import (
    as_family_descriptions,
    is_noise,
    without_descriptions_of_named_bodies,
    without_leading_word,
    without_vessels,
)
from storyline.stages.entities.numbered import numbered_institution_mentions
from storyline.stages.entities.offices import with_bodies_of_office
from storyline.stages.entities.outlets import dateline_outlets
from storyline.stages.entities.owners import business_relation_descriptions
from storyline.stages.entities.people import patronymic_names, relabel_surnames
from storyline.stages.entities.person_descriptions import SUBJECT_DEPS
from storyline.stages.entities.placed_bodies import placed_state_bodies
from storyline.stages.entities.places import after_dateline, in_dateline, places_by_context
from storyline.stages.entities.references import organisations_in_titles, title_mentions
from storyline.stages.entities.repair import (
    acronyms_after_organisation_words,
    is_titled_name,
    name_run_on_past_possessive,
    names_joined_after_legal_form,
    names_joined_after_title,
    organisations_by_introduction,
    organisations_cut_at_a_preposition,
    organisations_without_trailing_place,
    people_by_title,
    people_in_apposition,
    split_joined_names,
    split_parenthesised_acronyms,
    trim_glued_words,
    without_portfolio_words,
)
from storyline.stages.entities.roles import article_roles

__all__ = ["extract_mentions"]

ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC"})
POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
LEADING_ARTICLE = re.compile(r"^(?:the|The)\s+")
# What may stand between a long form and its parenthesised acronym: nothing, or the place the body is "of"
# or "for" ("Human Rights Commission of Pakistan (HRCP)").
ACRONYM_AFTER_LONG_FORM = re.compile(
    r"(?:\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)?\s*\(\s*"
)
# Quote marks the small model takes into a name at its edges ("Donald Trump ''doesn't want" in the doubled
# single quotes of NYT text gave the name "Donald Trump '"; issue #14): a name never ends in one, nor opens
# with a double or an opening single one. A plain apostrophe right before a letter may open a name
# ("'Ndrangheta"), so only one standing apart opens nothing. Nor does a name end in an opening bracket ("The
# Energy Authority (" before its own-language name; issue #17, generalise cable).
STRAY_END = re.compile(r"[\s'’‘\"“”`(\[]+$")
STRAY_START = re.compile(r"(?:[\s\"“”‘`]|'(?=\s))+")
# What may not touch a repeated name on either side: a word character or a hyphen ("Ivanov-Smith").
# "head of the unit " right before a name: a title word opening a clause or phrase, "of", the body in one to
# four words (no comma, no conjunction), a space; at most this many characters back from the name.
TITLE_OF_A_BODY_BEFORE = re.compile(
    r"(?:^|(?<=[\s,;:(\"“]))(?P<title>[A-Za-z-]+)\s+of\s+(?P<body>(?:the\s+)?(?:(?!and\b|or\b)[\w'’.-]+\s+){0,3}"
    r"(?!and\b|or\b)[\w'’.-]+)\s+$"
)
TITLE_OF_A_BODY_REACH = 80
NOUN_PHRASE_POS = frozenset({"DET", "NOUN", "PROPN", "ADJ", "ADP", "PART", "NUM"})
WORD_OR_HYPHEN = re.compile(r"[\w-]")
# NER labels under which the small model files organisations it does not recognise as such.
RELABELLED_AS_ORGANISATION = frozenset({"WORK_OF_ART", "PRODUCT", "EVENT", "LAW", "NORP"})
# A place label too, from this many words: "North Evia Volunteer Rescue Team", tagged a place for the place
# it starts with (generalise wildfire); a two-word place ending in a head noun is a place ("West Bank").
MIN_WORDS_OF_PLACE_RELABELLED = 3
# Penn tags of finite verbs (past, present third person and non-third person): never inside a name.
FINITE_VERB_TAGS = frozenset({"VBD", "VBZ", "VBP"})
# Words after a number that make it a share, never part of a name ("Howhannisjan 47.9 percent", which the
# small model tags an organisation after "received 50.2 percent … and").
PERCENT_WORDS = frozenset({"percent", "per", "%", "pct"})
# Dependencies linking title words to the name they precede inside one noun phrase.
TITLE_DEPS = frozenset({"compound", "amod", "poss", "case", "nmod", "npadvmod"})


# --- names ----------------------------------------------------------------------------------------------


def _name_span(doc: Doc, text: str, ent: Span) -> tuple[int, int]:
    """Character span of an entity, trimmed of "the"/possessives and extended over "-yol" name parts, and
    cut before a finite verb the small model ran it on into ("Zielinski met union representatives" as an
    organisation): no name holds one in lower case ("Human Rights Watch" keeps its capitalised "Watch"), nor
    a share ("Howhannisjan 47.9 percent")."""
    start, end = ent.start_char, ent.end_char
    # no name runs over a line break ("… correspondent in Quetta" and "Group by group" opening the next
    # paragraph, tagged one organisation): the name is the first line's part
    if "\n" in text[start:end]:
        first_line_end = text.index("\n", start)
        if text[start:first_line_end].strip():
            end = first_line_end
        else:
            start = text.rindex("\n", start, end) + 1
    cut = next((token for token in ent[1:] if token.tag_ in FINITE_VERB_TAGS and token.is_lower), None)
    cut = cut or next((token for token in ent[1:] if _starts_a_share(doc, token)), None)
    if cut is not None:
        last = doc[cut.i - 1]
        return start, last.idx + len(last.text)
    index = ent.end
    while ent.label_ == "PERSON" and index < len(doc):
        token = doc[index]
        if (
            token.text == "-"
            and index + 1 < len(doc)
            and not doc[index - 1].whitespace_
            and not token.whitespace_
        ):
            if not doc[index + 1].is_alpha:
                break
            index += 2  # "Yoon Suk" + "-yol"
        elif token.pos_ == "PROPN" and token.is_title and token.is_alpha and not token.ent_type_:
            index += 1  # "Yoon Suk" + "Yeol", which the small model leaves outside the entity
        else:
            break
        end = doc[index - 1].idx + len(doc[index - 1].text)
    end = _with_particle_surname(doc, text, ent, end)
    end = _with_surname_after_particle(text, ent, end)
    end = _with_head_word(doc, ent, end)
    start = after_dateline(text, start, end)
    leading = LEADING_ARTICLE.match(text[start:end])
    if leading:
        start += leading.end()
    possessive = POSSESSIVE.search(text[start:end])
    if possessive:
        end = name_run_on_past_possessive(doc, ent, entity_lexicon()) or end - len(possessive.group())
    return _without_stray_quotes(text, start, end)


def _without_stray_quotes(text: str, start: int, end: int) -> tuple[int, int]:
    """The span less the quote marks and spaces at its edges (``STRAY_END``, ``STRAY_START``)."""
    if trailing := STRAY_END.search(text, start, end):
        end = trailing.start()
    if leading := STRAY_START.match(text, start, end):
        start = leading.end()
    return start, end


def _starts_a_share(doc: Doc, token: Token) -> bool:
    """A number followed by "percent": a vote share or a rate the small model ran a name on into."""
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    return token.like_num and after is not None and after.lower_ in PERCENT_WORDS


def _with_head_word(doc: Doc, ent: Span, end: int) -> int:
    """ "the EU Civil Protection" + "Mechanism": an organisation's capitalised head word right after the
    name, which the small model left outside it (generalise wildfire: "the mechanism" then found no name)."""
    if ent.label_ != "ORG" or ent.end >= len(doc) or end != ent.end_char:
        return end
    following = doc[ent.end]
    if following.is_title and not following.ent_type_ and following.lower_ in entity_lexicon().org_head_words:
        return following.idx + len(following.text)
    return end


def _with_particle_surname(doc: Doc, text: str, ent: Span, end: int) -> int:
    """ "Hussein Ali" + "as-Saadi": a person's surname joined to the Arabic article, which the small model
    leaves outside the name it tags (the article is written in lower case); not a name it tagged as
    another entity ("al-Qaeda")."""
    if ent.label_ != "PERSON" or text[end : end + 1] != " ":
        return end
    surname_end = particle_name_at(text, end + 1)
    surname = doc.char_span(end + 1, surname_end, alignment_mode="expand") if surname_end else None
    if surname is None or any(token.ent_type_ for token in surname):
        return end
    return surname_end or end


def _with_surname_after_particle(text: str, ent: Span, end: int) -> int:
    """ "Sofie Van" + "den Bossche": a person's name the small model ends at a surname's particle ("Van",
    "De", "von"), tagging the rest apart (the Dutch and Flemish "Van den Bossche", the French "De Wilde"): no
    name ends in its particle, so the name runs on over the particles after it and the capitalised word
    they open, whatever the small model tagged that word."""
    if ent.label_ != "PERSON" or len(ent) < 2 or end != ent.end_char:
        return end
    if ent[-1].lower_ not in surname_particle_words() or not ent[-1].is_title:
        return end
    rest = _PARTICLE_REST.match(text, end)
    particles = rest.group("particles").split() if rest is not None else []
    if rest is None or any(word not in surname_particle_words() for word in particles):
        return end
    return rest.end()


# After a particle ending a name: lower-case particles, then the capitalised word of the surname.
_PARTICLE_REST = re.compile(r"(?P<particles>(?: [a-z]{1,3})*) [^\W\d_a-z][\w'’-]*(?![\w'’-])")


def _is_adjective(doc: Doc, start: int, end: int) -> bool:
    """ "Lithuanian", "Ukrainian" tagged as an organisation or place: a describing word, not an actor."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and len(span) == 1 and (span[0].pos_ == "ADJ" or span[0].dep_ == "amod")


def _root_token(doc: Doc, start: int, end: int) -> Token | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


# --- roles ----------------------------------------------------------------------------------------------


# An abbreviated title right before a name ("Sec. "), with the words before it on its line ("DSWD").
ABBREVIATED_TITLE_BEFORE = re.compile(r"(?P<words>(?:[^\W\d_][\w-]* ){0,3})(?P<title>[^\W\d_]{2,5}\.) $")


def _is_title_phrase(tokens: list[Token], lexicon: EntityLexicon) -> bool:
    return any(token.lower_ in lexicon.title_words for token in tokens)


def _title_before(doc: Doc, name_start: int, lexicon: EntityLexicon) -> tuple[int, int] | None:
    """The title words directly before a name, inside its noun phrase ("NATO Secretary General")."""
    first = doc.char_span(name_start, name_start + 1, alignment_mode="expand")
    if first is None:
        return None
    index = first.start
    collected: list[Token] = []
    while index > 0:
        token = doc[index - 1]
        # a possessive's "’s" hangs on the word before it; every other title word on a word after it
        inside_phrase = token.dep_ == "case" or token.i < token.head.i <= first.start + 4
        if token.dep_ not in TITLE_DEPS or not inside_phrase:
            break
        collected.insert(0, token)
        index -= 1
    while collected and collected[0].dep_ == "case":
        collected.pop(0)
    if not collected or not _is_title_phrase(collected, lexicon):
        return None
    return collected[0].idx, collected[-1].idx + len(collected[-1].text)


def _title_with_its_place(
    text: str, root: Token, name_start: int, lexicon: EntityLexicon
) -> tuple[int, int] | None:
    """ "Akim of Karaganda region Yermek Bulatov": a title word modifying the name, with the place it governs
    after it, written right before the name (the words up to the name are the title's)."""
    for child in root.lefts:
        if child.dep_ not in TITLE_DEPS or child.lower_ not in lexicon.title_words:
            continue
        tokens = list(child.subtree)
        end = tokens[-1].idx + len(tokens[-1].text)
        if len(tokens) <= 8 and not any(t.is_punct for t in tokens) and text[end:name_start].isspace():
            return tokens[0].idx, end
    return None


def _title_of_a_body_before(
    doc: Doc, text: str, name_start: int, lexicon: EntityLexicon
) -> tuple[int, int] | None:
    """ "head of the unit Olena Kowaltschuk said": a title governing a body in a few words, written right
    before a name with no comma, which the small model's parse leaves hanging off the verb. Words of the
    body that are titles themselves make the name theirs ("the spokesman of the minister Ali Khan": Ali
    Khan is the minister), so then there is none; nor where the body's words are no noun phrase ("the head of
    the agency told X")."""
    found = TITLE_OF_A_BODY_BEFORE.search(text, max(0, name_start - TITLE_OF_A_BODY_REACH), name_start)
    if found is None or found.group("title").lower() not in lexicon.title_words:
        return None
    if any(word in lexicon.title_words for word in fold_name(found.group("body")).split()):
        return None
    phrase = doc.char_span(found.start("title"), found.end("body"))
    if phrase is None or any(token.pos_ not in NOUN_PHRASE_POS for token in phrase):
        return None
    return found.start("title"), found.end("body")


def _abbreviated_title_before(text: str, name_start: int, lexicon: EntityLexicon) -> tuple[int, int] | None:
    """ "Housing Sec." of "Housing Sec. Pablo Ramos": an abbreviated title right before a name (the small
    model's parse often ends a sentence at its full stop, so no title is found on the parse), with the
    capitalised words before it on its line."""
    found = ABBREVIATED_TITLE_BEFORE.search(text, max(0, name_start - TITLE_OF_A_BODY_REACH), name_start)
    if found is None or found["title"].lower() not in lexicon.title_words:
        return None
    words = found["words"].split()
    capitalised = list(itertools.takewhile(lambda word: word[0].isupper(), reversed(words)))
    return found.end("words") - len(" ".join(capitalised)) - bool(capitalised), found.end("title")


def _title_in_apposition(text: str, root: Token, lexicon: EntityLexicon) -> tuple[int, int] | None:
    """ "the head of Ukraine's military intelligence, Kyrylo Budanov" or "Kyrylo Budanov, the head of …"."""
    if root.dep_ == "appos" and root.head.lower_ in lexicon.title_words:
        head = root.head
        tokens = [t for t in head.subtree if t.i < root.left_edge.i]
    else:
        heads = [
            child for child in root.children if child.dep_ == "appos" and child.lower_ in lexicon.title_words
        ]
        if not heads:
            return None
        head = heads[0]
        tokens = list(head.subtree)
    tokens = [t for t in tokens if not t.is_punct or t.text in {"’", "'"}]
    while tokens and (tokens[-1].is_punct or tokens[-1].dep_ in {"cc", "punct"}):
        tokens.pop()
    if not tokens or len(tokens) > 12:
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    if "(" in text[start:end] or "," in text[start:end]:
        end = start + len(re.split(r"\s*[(,]", text[start:end])[0])
    return (start, end) if end > start else None


# --- the article ----------------------------------------------------------------------------------------


def extract_mentions(parsed: ParsedArticle) -> list[Mention]:
    """Every actor mention of one article, with roles, antecedents of descriptions, and metonymy."""
    doc, article_id = parsed.doc, parsed.article.id
    # Read once: spaCy's Doc.text joins every token's text anew on each access.
    text = doc.text
    lexicon = entity_lexicon()
    foreign = [(f.start, f.end) for f in parsed.article.foreign_fragments]
    found = names_with_quoted_nicknames(text, _names(doc, text, article_id, lexicon))
    found = names_after_abbreviated_given_names(text, found)
    trimmed = [without_leading_word(doc, text, m, found) for m in found]
    names = [
        m
        for m in trimmed
        if m is not None
        and not any(s <= m.start < e for s, e in foreign)
        and not is_noise(doc, text, m, lexicon)
    ]
    names = dateline_outlets(text, article_id, places_by_context(doc, text, names, lexicon))
    names = numbered_institution_mentions(text, article_id, known_organisation_mentions(text, names))
    names = named_subdivisions(text, article_id, names, lexicon)
    names = placed_state_bodies(text, article_id, names, lexicon)
    names = split_parenthesised_acronyms(split_joined_names(without_portfolio_words(doc, names, lexicon)))
    names = people_of_their_organisations(names, lexicon)
    names = organisations_joined_by_their_acronym(text, names, lexicon)
    names = organisations_joined_over_trade_words(text, names, lexicon)
    names = organisations_over_portfolio_lists(doc, names, lexicon)
    names = organisations_without_trailing_place(doc, trim_glued_words(names, lexicon), lexicon)
    names = organisations_without_trailing_maker(text, names)
    names = organisations_cut_at_a_preposition(text, names_joined_after_title(doc, names, lexicon), lexicon)
    names = organisations_named_by_kind(doc, article_id, people_by_title(doc, names, lexicon), lexicon)
    names = organisations_by_introduction(text, names_joined_after_legal_form(text, names, lexicon), lexicon)
    names = people_in_apposition(doc, article_id, names, lexicon)
    names = acronyms_after_organisation_words(doc, article_id, names, lexicon)
    names = relabel_surnames(patronymic_names(text, names, lexicon), lexicon)
    names = as_family_descriptions(text, names + _repeated_names(text, names, lexicon), lexicon)
    names = without_descriptions_of_named_bodies(names, lexicon)
    roles = article_roles(doc, names, lexicon)
    titled = [_with_role(doc, text, mention, lexicon) for mention in names]
    names = _link_spelt_acronyms(_link_parenthesised_acronyms(text, [m for m, _ in titled]), lexicon)
    names += organisations_in_titles(doc, [(m, span) for m, span in titled if span], names, lexicon)
    names = seats_standing_for_bodies(names, lexicon)
    governments = government_references(doc, text, article_id, names, lexicon)
    named = names + governments
    descriptions = resolve_descriptions(doc, text, article_id, named, lexicon, roles)
    descriptions = bodies_named_by_description(text, article_id, descriptions, named, lexicon)
    descriptions += subdivision_subjects(doc, article_id, named + descriptions, lexicon)
    descriptions = subdivision_governments(text, descriptions, named, lexicon)
    descriptions += business_relation_descriptions(doc, article_id, named, descriptions, lexicon)
    descriptions += client_mentions(doc, article_id, named, roles, lexicon)
    descriptions += members_standing_for_bodies(doc, article_id, named, lexicon)
    descriptions = group_descriptions(doc, article_id, named, descriptions, lexicon)
    apposed = _titles_in_apposition_too(doc, text, names, lexicon)
    # the apposition is the person's now, not a role waiting for the story to explain it
    apposed_spans = {span for _, span in apposed}
    descriptions = [d for d in descriptions if d.label != ROLE_LABEL or (d.start, d.end) not in apposed_spans]
    title_spans = [(m, span) for m, span in titled if span] + apposed
    titles = title_mentions(text, title_spans, named + descriptions, lexicon)
    # the people's phrases run over the bodies of their offices once every body has its mention
    spanned = with_bodies_of_office(doc, text, named + descriptions + titles)
    mentions = without_vessels(text, named, spanned, lexicon)
    # last: the long form may be a name the descriptions found ("the Open Sea Rescue Collective (OSRC), a
    # volunteer group", untagged by the small model)
    mentions = names_known_as(text, acronyms_given_in_brackets(text, mentions, lexicon))
    return sorted(mentions, key=lambda mention: (mention.start, mention.end))


def _names(doc: Doc, text: str, article_id: str, lexicon: EntityLexicon) -> list[Mention]:
    mentions: list[Mention] = []
    for ent in doc.ents:
        by_head = _organisation_by_head(ent, lexicon)
        label = by_head or (ent.label_ if ent.label_ in ACTOR_LABELS else None)
        if _names_local_institution(ent, lexicon):
            label = "ORG"  # "Verkhovna Rada", which the small model tags a place; "Mazhilis", a person
        if label is None and is_titled_name(ent, lexicon):
            label = "PERSON"  # "Regional governor Nino Japaridze", which the small model tags a nationality
        if by_head is None and _addressed_by_form(ent, lexicon):
            label = "PERSON"  # "Hadschi Chuda Bachsch Raisani", which the small model tags an organisation
        if label == "PERSON" and names_a_business(ent.text, lexicon):
            label = "ORG"  # "Vertikal Inženjering", "… Holding": no person's name ends in a firm's word
        if label is None:
            continue
        start, end = _name_span(doc, text, ent)
        if mentions and mentions[-1].end > start:
            continue  # "Bossche" of "Sofie Van den Bossche", a name run on over it (``_name_span``)
        if (title_start := _abbreviated_title_at_end(text, start, end, lexicon)) is not None:
            # "DSWD Sec" of "DSWD Sec. Ana Cruz", a person to the small model: the title of the name after it
            end = len(text[:title_start].rstrip())
            if not is_acronym(text[start:end]):
                continue
            label = "ORG"
        if (name_end := _name_before_honorific_suffix(text, start, end, lexicon)) is not None:
            label, end = "PERSON", name_end  # "Farzana-ji", which the small model tags a place
        if label == "PERSON":
            start = _skip_forms_of_address(text, start, end, lexicon)
        surface = text[start:end]
        if not any(ch.isalpha() for ch in surface) or _is_adjective(doc, start, end):
            continue
        mentions.append(_standing_for(doc, text, Mention(article_id, start, end, surface, label), lexicon))
    return mentions


def _abbreviated_title_at_end(text: str, start: int, end: int, lexicon: EntityLexicon) -> int | None:
    """Where a name's last word starts when that word and the full stop after it are an abbreviated title
    ("Sec." of "Housing Sec. Pablo Ramos", ``title_abbreviations``); None otherwise or for a one-word name."""
    words = text[start:end].split()
    if len(words) < 2 or text[end : end + 1] != "." or f"{words[-1].lower()}." not in lexicon.title_words:
        return None
    return end - len(words[-1])


def _name_before_honorific_suffix(text: str, start: int, end: int, lexicon: EntityLexicon) -> int | None:
    """The end of a name a form of address is joined to by a hyphen (``honorific_suffixes``: "Farzana-ji",
    "Tanaka-san"), inside the entity or right after it; None where none is. Such a name is a person's."""
    suffixes = "|".join(sorted(lexicon.honorific_suffixes))
    joined = re.compile(rf"-(?:{suffixes})(?![\w-])", re.IGNORECASE)
    inside = joined.search(text, start, end)
    if inside is not None and inside.end() == end and inside.start() > start:
        return inside.start()
    return end if joined.match(text, end) else None


def _addressed_by_form(ent: Span, lexicon: EntityLexicon) -> bool:
    """A name of two words or more after a form of address ("Haji", "Sardar", "Mr") is a person's,
    whatever the small model tagged it: unfamiliar names after an unfamiliar honorific read to it as a
    firm's."""
    words = [token for token in ent if not token.is_punct]
    return len(words) > 2 and words[0].lower_.rstrip(".") in lexicon.honorifics and words[1].is_title


def _organisation_by_head(ent: Span, lexicon: EntityLexicon) -> str | None:
    """ "The Velsund Dockers' Union", which the small model tags a work of art: a capitalised name of two or
    more words whose last word is an organisation's head noun ("union", "ministry", "authority") is an
    organisation, whatever else NER called it. So is one ending in a company's legal form ("Suryo Agrotech
    Pvt. Ltd.", tagged a work of art; issue #17, gas-leak). Dates, numbers and nationalities are left
    alone."""
    words = [token for token in ent if not token.is_punct and token.lower_ != "the" and token.dep_ != "case"]
    relabelled = ent.label_ in RELABELLED_AS_ORGANISATION and len(words) >= 2
    if not relabelled and not (ent.label_ in PLACE_LABELS and len(words) >= MIN_WORDS_OF_PLACE_RELABELLED):
        return None
    capitalised = all(token.is_title or token.is_upper or token.is_stop for token in words)
    headed = words[-1].lower_ in lexicon.org_head_words or ends_in_legal_form(ent.text, lexicon)
    return "ORG" if capitalised and headed else None


def _names_local_institution(ent: Span, lexicon: EntityLexicon) -> bool:
    """A name ending in a local institution word (``institution_glosses``: rada, sejm, akimat …) is that
    institution — but not a person's full name that ends in one ("Ivan Duma")."""
    words = fold_name(ent.text).split()
    if not words or words[-1] not in lexicon.institution_glosses:
        return False
    return ent.label_ != "PERSON" or len(words) == 1


def _skip_forms_of_address(text: str, start: int, end: int, lexicon: EntityLexicon) -> int:
    """Start of a person's name after "Ms", "Dr." or a title inside the entity ("Councillor Kari Lunde")."""
    words = list(re.finditer(r"\S+", text[start:end]))
    skipped = 0
    while len(words) - skipped > 1 and (
        words[skipped].group().rstrip(".").lower() in lexicon.honorifics | lexicon.title_words
    ):
        skipped += 1
    return start + words[skipped].start() if skipped else start


def _repeated_names(text: str, names: list[Mention], lexicon: EntityLexicon) -> list[Mention]:
    """Further occurrences of the article's person names, surnames, acronyms and names a kind word
    introduced ("the Free City bloc" … "as much as Free City") that NER left untagged (the small model often
    tags a name once and misses it the next time), and the acronym of an organisation the article names in
    full ("NCDD director Lucía Barrios" beside "the National Civil Defence Directorate"), which stands for
    that organisation."""
    taken = [(m.start, m.end) for m in names]
    forms: dict[str, tuple[str, str | None]] = {}
    for mention in names:
        if mention.label == "PERSON" and len(mention.text.split()) > 1:
            forms[mention.text] = ("PERSON", None)
            surname = mention.text.split()[-1]
            # "Garuda Indonesia", tagged a person: a country's name standing alone is the country
            if len(surname) > 1 and fold_name(surname) not in lexicon.countries:
                # "al-Dschuburi" is also "Dschuburi" further down the report
                bare = without_name_particle(surname)
                if bare[:1].isupper():
                    forms.setdefault(surname, ("PERSON", None))
                    forms.setdefault(bare, ("PERSON", None))
            # a Korean name's surname is its first word: "Pak" further down after "Pak Min-djoun"
            first = mention.text.split()[0]
            if first[:1].isupper() and korean_order_reading(fold_name(mention.text).split()):
                forms.setdefault(first, ("PERSON", None))
        elif (
            mention.label == "ORG"
            and (mention.text.isupper() or is_acronym(mention.text))
            and len(mention.text) >= 2
        ):
            # an acronym given in brackets after its long form stands for it wherever it comes back
            forms[mention.text] = ("ORG", mention.refers_to if is_acronym(mention.text) else None)
        elif mention.label == "ORG" and introduced_by_kind(text, mention, lexicon.introduced_org_kinds):
            forms[mention.text] = ("ORG", None)  # "as much as Free City" after "the Free City bloc"
    for mention in names:
        acronym = _acronym_of(mention, lexicon)
        if acronym is not None:
            forms.setdefault(acronym, ("ORG", mention.text))
    found = []
    for form, (label, refers_to) in sorted(forms.items(), key=lambda item: -len(item[0])):
        for span in _standalone_occurrences(text, form):
            if not any(span[0] < end and start < span[1] for start, end in taken):
                taken.append(span)
                found.append(Mention(names[0].article, span[0], span[1], form, label, refers_to))
    return found


def _standalone_occurrences(text: str, form: str) -> Iterator[tuple[int, int]]:
    """Where ``form`` stands alone in ``text``, left to right, never overlapping — what
    ``re.finditer(r"(?<![\\w-])" + re.escape(form) + r"(?![\\w-])", text)`` finds. A pattern that opens with
    a lookbehind has no literal prefix for the regex engine to skip ahead to, so it is tried at every
    character, for every form: searched literally first, that was two fifths of the mentions' CPU."""
    after_form = re.compile(re.escape(form) + r"(?![\w-])")
    position = 0
    while (match := after_form.search(text, position)) is not None:
        start = match.start()
        if start > 0 and WORD_OR_HYPHEN.match(text, start - 1):
            position = start + 1  # as the lookbehind would: try the next character
            continue
        yield start, match.end()
        position = match.end()


def _acronym_of(mention: Mention, lexicon: EntityLexicon) -> str | None:
    """ "NCDD" of "National Civil Defence Directorate": the initials of an organisation's capitalised words
    (function words skipped), when there are at least three of them — two letters match too much by chance."""
    words = [w for w in re.findall(r"[\w']+", mention.text) if w.lower() not in lexicon.acronym_stopwords]
    if mention.label != "ORG" or mention.refers_to is not None or len(words) < 3:
        return None
    if not all(word[:1].isupper() for word in words):
        return None
    return "".join(word[0] for word in words)


def _standing_for(doc: Doc, text: str, mention: Mention, lexicon: EntityLexicon) -> Mention:
    """Other names of countries, and seats of government acting as subjects, point at what they stand for;
    never a capital in a dateline ("ATHENS, Dec 3 - …", which the small model tags an organisation: the
    place the report was filed from, left for ``places_by_context`` to relabel)."""
    key = fold_name(mention.text)
    if key in lexicon.country_aliases:
        return Mention(
            mention.article,
            mention.start,
            mention.end,
            mention.text,
            "GPE",
            refers_to=lexicon.country_aliases[key],
        )
    country = lexicon.seats_of_government.get(key)
    if country and in_dateline(text, mention.start, mention.end):
        return mention
    root = _root_token(doc, mention.start, mention.end)
    # tagged an organisation, a capital is its government unless a preposition puts it as a place
    # ("told reporters in Ulaanbaatar")
    acting = root is not None and (
        root.dep_ in SUBJECT_DEPS
        or (mention.label == "ORG" and doc[root.left_edge.i - 1].lower_ not in lexicon.place_prepositions)
    )
    if country and acting:
        return Mention(
            mention.article,
            mention.start,
            mention.end,
            mention.text,
            "ORG",
            refers_to=f"Government of {country}",
        )
    return mention


def _with_role(
    doc: Doc, text: str, mention: Mention, lexicon: EntityLexicon
) -> tuple[Mention, tuple[int, int] | None]:
    """A person's mention with the title written with it as its role, and that title's span."""
    if mention.label != "PERSON":
        return mention, None
    span = _title_before(doc, mention.start, lexicon)
    root = _root_token(doc, mention.start, mention.end) if span is None else None
    if root is not None:
        span = _title_in_apposition(text, root, lexicon) or _title_with_its_place(
            text, root, mention.start, lexicon
        )
    span = span or _title_of_a_body_before(doc, text, mention.start, lexicon)
    span = span or _abbreviated_title_before(text, mention.start, lexicon)
    if span is None:
        return mention, None
    return Mention(
        mention.article,
        mention.start,
        mention.end,
        mention.text,
        mention.label,
        mention.refers_to,
        text[span[0] : span[1]],
    ), span


def _titles_in_apposition_too(
    doc: Doc, text: str, names: list[Mention], lexicon: EntityLexicon
) -> list[tuple[Mention, tuple[int, int]]]:
    """ "Its chairman, Deputy Prime Minister Ali Rahimov": a person's title in apposition before a name that
    has its own title before it, which ``_with_role`` does not reach (the role is the nearer title); the
    apposition is a mention of the person too (issue #17, generalise pamir-air-crash)."""
    found = []
    for mention in names:
        if mention.label != "PERSON" or _title_before(doc, mention.start, lexicon) is None:
            continue
        root = _root_token(doc, mention.start, mention.end)
        span = _title_in_apposition(text, root, lexicon) if root is not None else None
        if span is not None and span[1] <= mention.start:
            found.append((mention, span))
    return found


def _link_spelt_acronyms(names: list[Mention], lexicon: EntityLexicon) -> list[Mention]:
    """A bare acronym ("NCDD") spelling the initials of one organisation the article names in full stands
    for it; spelling two, or none, it stays itself."""
    long_forms: dict[str, set[str]] = {}
    for mention in names:
        if (acronym := _acronym_of(mention, lexicon)) is not None:
            long_forms.setdefault(acronym, set()).add(mention.text)
    return [
        Mention(m.article, m.start, m.end, m.text, "ORG", refers_to=next(iter(long_forms[m.text])))
        if m.refers_to is None and len(long_forms.get(m.text, ())) == 1
        else m
        for m in names
    ]


def _link_parenthesised_acronyms(text: str, names: list[Mention]) -> list[Mention]:
    """ "National Intelligence Service (NIS)": the acronym stands for the long form just before it, as the
    body's own-language name does ("the Border Guard (Rajavartiolaitos)", ``is_native_name``), also
    where the long form goes on with the country or region it is "of" ("Human Rights Commission of
    Pakistan (HRCP)"), which the name itself may have lost (cut off, or tagged a place of its own)."""
    linked = list(names)
    for index, mention in enumerate(names):
        if not (mention.text.isupper() or is_acronym(mention.text) or is_native_name(mention.text)):
            continue
        if index == 0:
            continue
        previous = names[index - 1]
        if previous.label in PLACE_LABELS and index > 1:
            previous = names[index - 2]
        spelt_after = ACRONYM_AFTER_LONG_FORM.fullmatch(text[previous.end : mention.start])
        if spelt_after and previous.label == "ORG" and previous.refers_to is None:
            linked[index] = Mention(
                mention.article, mention.start, mention.end, mention.text, "ORG", refers_to=previous.text
            )
    return linked
