"""The claims stage (per article): attributions — speaker, cue, content — with quote type, modality,
quantities and times, found on the one shared parse.

Contract: ``extract_claims(parsed: ParsedArticle, times: Sequence[TimeExpr]) -> list[Claim]``.
Inside: ``cues`` and ``quote_cues`` propose attributions from cue words, quotations and colon lines;
``spans`` and ``speech_acts`` fix speaker and content spans; ``chains`` and ``coref`` carry speakers across
sentences; ``extract`` settles duplicates; ``outlet_voice`` adds the article's unattributed statements
(called by the pipeline's per-article step, so ``extract_claims`` stays the attributions alone);
``modality`` holds every rule that decides asserted / hedged / denied / unconfirmed; ``lexicon`` holds
the word lists they look up.

The ledger asks ``stance_of`` (affirm / deny / unconfirmed) rather than deciding a claim's stance again, and
``denies_confirmation`` whether a note appended to a claim says it is not confirmed; the ledger's story
reading names a label's pronoun with ``given_name_gender`` and the cue words of ``claim_lexicon``. The
pipeline, linking speakers to entities, asks ``lead_described`` whether unresolved speaker words describe the
article's lead person (``article_leads``); the ledger reads a role's head noun with ``description_head``.
"""

from storyline.stages.claims.coref import article_leads, description_head, lead_described
from storyline.stages.claims.datelines import lead_dateline_length, line_lead_dateline_end
from storyline.stages.claims.extract import extract_claims
from storyline.stages.claims.finite import is_finite
from storyline.stages.claims.genders import given_name_gender
from storyline.stages.claims.lexicon import claim_lexicon
from storyline.stages.claims.modality import denies_confirmation, predicate_modality, stance_of
from storyline.stages.claims.outlet_voice import outlet_voice_claims

__all__ = [
    "article_leads",
    "claim_lexicon",
    "denies_confirmation",
    "description_head",
    "extract_claims",
    "given_name_gender",
    "is_finite",
    "lead_dateline_length",
    "lead_described",
    "line_lead_dateline_end",
    "outlet_voice_claims",
    "predicate_modality",
    "stance_of",
]
