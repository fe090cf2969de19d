"""The words the figure-context and zero-figure stages read (figure_context.json and
zero_statements.json), compiled into sets and tables once per set of lexicon overrides."""

from __future__ import annotations

from dataclasses import dataclass
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
    money_complement_preps: frozenset[str]
    light_verbs: frozenset[str]
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
    holder_labels: frozenset[str]
    personal_pronouns: frozenset[str]
    holder_preps: frozenset[str]
    reporting_verbs: frozenset[str]
    worth_words: frozenset[str]
    value_preps: frozenset[str]
    inheriting_pronouns: frozenset[str]
    money_purpose_preps: frozenset[str]
    empty_period_words: frozenset[str]


def load_context_lexicon(lexicons: Overrides | None = None) -> ContextLexicon:
    """The figure-context lexicon, compiled once per set of overrides."""
    key = tuple(sorted((lexicons or {}).items()))
    return _compiled(key)


@cache
def _compiled(key: tuple[tuple[str, str], ...]) -> ContextLexicon:
    overrides = dict(key)
    ctx = load_lexicon("figure_context", overrides)
    zero = load_lexicon("zero_statements", overrides)

    def words(data: dict[str, Any], key: str) -> frozenset[str]:
        return frozenset(w.lower() for w in data[key])

    return ContextLexicon(
        quantity_words=words(ctx, "quantity_words"),
        container_nouns=words(ctx, "container_nouns"),
        relative_pronouns=words(ctx, "relative_pronouns"),
        key_adjectives=words(ctx, "key_adjectives"),
        complement_preps=words(ctx, "complement_preps"),
        money_complement_preps=words(ctx, "money_complement_preps"),
        light_verbs=words(ctx, "light_verbs"),
        period_preps=words(ctx, "period_preps"),
        period_preps_if_temporal=words(ctx, "period_preps_if_temporal"),
        period_marks=words(ctx, "period_marks"),
        period_adverbs={k.lower(): v for k, v in ctx["period_adverbs"].items()},
        temporal_nouns=words(ctx, "temporal_nouns"),
        place_preps=words(ctx, "place_preps"),
        place_labels=frozenset(ctx["place_labels"]),
        group_labels=frozenset(ctx["group_labels"]),
        time_units={k.lower(): v for k, v in ctx["time_units"].items()},
        rate_preps=words(ctx, "rate_preps"),
        pronoun_subjects=words(ctx, "pronoun_subjects"),
        negated_verbs={k.lower(): v for k, v in zero["negated_verbs"].items()},
        negation_words=words(zero, "negation_words"),
        without_nouns={k.lower(): v for k, v in zero["without_nouns"].items()},
        zero_adjectives={k.lower(): v for k, v in zero["zero_adjectives"].items()},
        none_determiners=words(zero, "none_determiners"),
        zero_nouns={k.lower(): v for k, v in zero["zero_nouns"].items()},
        money_nouns=words(zero, "money_nouns"),
        holder_labels=frozenset(ctx["holder_labels"]),
        personal_pronouns=words(ctx, "personal_pronouns"),
        holder_preps=words(ctx, "holder_preps"),
        reporting_verbs=words(ctx, "reporting_verbs"),
        worth_words=words(ctx, "worth_words"),
        value_preps=words(ctx, "value_preps"),
        inheriting_pronouns=words(ctx, "inheriting_pronouns"),
        money_purpose_preps=words(ctx, "money_purpose_preps"),
        empty_period_words=words(ctx, "empty_period_words"),
    )
