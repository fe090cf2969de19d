"""The words the figure-context and zero-figure stages read (figure_context.json and
zero_statements.json), compiled into sets and tables once per set of lexicon overrides."""

from __future__ import annotations

from dataclasses import dataclass, fields
from functools import cache
from typing import Any

from claimtrack.lexicons import Overrides
from claimtrack.lexicons import load as load_lexicon


@dataclass(frozen=True, slots=True)
class ContextLexicon:
    """The word lists of figure_context.json and zero_statements.json, lower-cased."""

    quantity_words: frozenset[str]
    container_nouns: frozenset[str]
    relative_pronouns: frozenset[str]
    key_adjectives: frozenset[str]
    complement_preps: frozenset[str]
    origin_preps: frozenset[str]
    money_complement_preps: frozenset[str]
    light_verbs: frozenset[str]
    copula_idioms: frozenset[str]
    period_preps: frozenset[str]
    period_preps_if_temporal: frozenset[str]
    period_marks: frozenset[str]
    period_adverbs: dict[str, str]
    temporal_nouns: frozenset[str]
    place_preps: frozenset[str]
    place_labels: frozenset[str]
    group_labels: frozenset[str]
    time_units: dict[str, str]
    rate_preps: frozenset[str]
    pronoun_subjects: frozenset[str]
    negated_verbs: dict[str, str]
    negation_words: frozenset[str]
    without_nouns: dict[str, str | None]
    zero_adjectives: dict[str, str]
    none_determiners: frozenset[str]
    zero_nouns: dict[str, str | None]
    money_nouns: frozenset[str]
    idiom_objects: frozenset[str]
    owed_nouns: frozenset[str]
    holder_labels: frozenset[str]
    personal_pronouns: frozenset[str]
    reporter_pronouns: dict[str, list[str]]
    possessive_pronouns: dict[str, str]
    named_body_nouns: frozenset[str]
    holder_preps: frozenset[str]
    reporting_verbs: frozenset[str]
    worth_words: frozenset[str]
    worth_owners: frozenset[str]
    value_preps: frozenset[str]
    valuing_verbs: dict[str, str]
    inheriting_pronouns: frozenset[str]
    money_purpose_preps: frozenset[str]
    empty_period_words: frozenset[str]
    comparison_preps: frozenset[str]
    comparison_words: frozenset[str]
    share_words: frozenset[str]
    support_nouns: frozenset[str]
    measure_nouns: frozenset[str]
    money_words: frozenset[str]
    money_verbs: frozenset[str]
    poll_words: frozenset[str]
    money_kinds: frozenset[str]
    people_nouns: frozenset[str]
    age_preps: frozenset[str]
    age_words: frozenset[str]
    age_nouns: frozenset[str]


def load_context_lexicon(lexicons: Overrides | None = None) -> ContextLexicon:
    """The figure-context lexicon, compiled once per set of overrides."""
    key = tuple(sorted((lexicons or {}).items()))
    return _compiled(key)


@cache
def _compiled(key: tuple[tuple[str, str], ...]) -> ContextLexicon:
    overrides = dict(key)
    ctx = load_lexicon("figure_context", overrides)
    zero = load_lexicon("zero_statements", overrides)

    # Each field is the key of the same name in one of the two files: word lists become sets of
    # lower-cased words (entity labels keep their case), tables get lower-cased keys.
    values: dict[str, Any] = {}
    for f in fields(ContextLexicon):
        raw = ctx[f.name] if f.name in ctx else zero[f.name]
        if isinstance(raw, dict):
            values[f.name] = {k.lower(): v for k, v in raw.items()}
        elif f.name.endswith("_labels"):
            values[f.name] = frozenset(raw)
        else:
            values[f.name] = frozenset(w.lower() for w in raw)
    return ContextLexicon(**values)
