"""The compiled word tables: the figure reader's lexicons (numbers, fractions, scales, vague
numbers, qualifiers, units, not-figures) read through `claimtrack.lexicons.load` and turned into
the lookups the readers use, plus English month names from Babel's CLDR data.

Compiled once per set of overrides (lexicon name -> path of a user's replacement file)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from claimtrack.figparse.tokens import Phrases, phrase_set, token_key
from claimtrack.lexicons import Lexicon as LexiconData
from claimtrack.lexicons import Overrides, load

# The lexicons the word tables are compiled from.
NAMES = (
    "numbers",
    "fractions",
    "scales",
    "vague_numbers",
    "qualifiers",
    "units",
    "not_figures",
)

OverridesKey = tuple[tuple[str, str], ...]


def overrides_key(overrides: Overrides | None, names: Iterable[str]) -> OverridesKey:
    """The overrides among `names`, as a hashable key (so that unrelated overrides share a
    cache entry)."""
    if not overrides:
        return ()
    wanted = set(names)
    return tuple(sorted((k, str(v)) for k, v in (overrides or {}).items() if k in wanted and v))


@dataclass(frozen=True, slots=True)
class Lexicon:
    units: dict[str, int]
    teens: dict[str, int]
    tens: dict[str, int]
    hundred: frozenset[str]
    ordinals: dict[str, int]
    unit_ordinals: dict[str, int]
    negative: frozenset[str]
    point: frozenset[str]
    fractions: dict[str, int]
    bare_fractions: frozenset[str]
    proportion_joiners: Phrases
    ratio_joiners: frozenset[str]
    ratio_nouns: frozenset[str]
    tally_verbs: frozenset[str]
    tally_nouns: frozenset[str]
    scale_words: dict[str, float]
    glued_scales: dict[str, float]
    spaced_letters: dict[str, float]
    dozen: dict[str, int]
    iso_prefix: dict[str, float]
    vague: Phrases
    prefix: Phrases
    suffix: Phrases
    inclusive_suffix: Phrases
    range_heads: dict[str, frozenset[str]]
    range_joiners: frozenset[str]
    bound_joiners: Phrases
    prepositions: frozenset[str]
    unit_phrases: Phrases
    time_units: frozenset[str]
    glued_letters: frozenset[str]
    measure_adjectives: frozenset[str]
    temperature_words: frozenset[str]
    percent: Phrases
    points: Phrases
    months: frozenset[str]
    identifier_prefixes: frozenset[str]
    year_prepositions: frozenset[str]
    time_suffixes: frozenset[str]
    ordinal_suffixes: frozenset[str]
    pronoun_one_before: frozenset[str]
    age_before: frozenset[str]
    age_after: frozenset[str]
    age_at_verbs: frozenset[str]
    dated_by: frozenset[str]
    duration_before: frozenset[str]
    answer_words: frozenset[str]
    street_words: frozenset[str]
    sum_of_digits: frozenset[str]
    rate_words: frozenset[str]
    number_words: frozenset[str]
    # number token -> (idiom's tokens, the number's place in them)
    number_idioms: dict[str, tuple[tuple[tuple[str, ...], int], ...]]
    list_hedges: Phrases
    kind_nouns: frozenset[str]


def lexicon(lexicons: Overrides | None = None) -> Lexicon:
    """The compiled word tables, from the packaged lexicons or the user's replacements
    (`lexicons`: lexicon name -> path of the user's file)."""
    return compiled(overrides_key(lexicons, NAMES))


@cache
def compiled(key: OverridesKey) -> Lexicon:
    overrides = dict(key)
    numbers = load("numbers", overrides)
    scales = load("scales", overrides)
    quals = load("qualifiers", overrides)
    units = load("units", overrides)
    fractions = load("fractions", overrides)
    vague = load("vague_numbers", overrides)
    nots = load("not_figures", overrides)
    number_words = _number_words(numbers, scales)
    return Lexicon(
        units=numbers["units"],
        teens=numbers["teens"],
        tens=numbers["tens"],
        hundred=frozenset(numbers["hundred"]),
        ordinals=_denominators(numbers, fractions),
        unit_ordinals=numbers["unit_ordinals"],
        negative=frozenset(numbers["negative_words"]),
        point=frozenset(numbers["point_words"]),
        fractions=fractions["denominators"],
        bare_fractions=frozenset(fractions["bare_ok"]),
        proportion_joiners=phrase_set(fractions["proportion_joiners"]),
        ratio_joiners=frozenset(fractions["ratio_joiners"]),
        ratio_nouns=frozenset(fractions["ratio_nouns"]),
        tally_verbs=frozenset(fractions["tally_verbs"]),
        tally_nouns=frozenset(fractions["tally_nouns"]),
        scale_words={k: float(v) for k, v in scales["words"].items()},
        glued_scales={k: float(v) for k, v in scales["glued"].items()},
        spaced_letters={k: float(v) for k, v in scales["spaced_letters"].items()},
        dozen=scales["dozen"],
        iso_prefix={k: float(v) for k, v in scales["iso_prefix"].items()},
        vague=Phrases(
            {token_key(k): (float(a), float(b)) for k, (a, b) in vague["phrases"].items()}
        ),
        prefix=Phrases(_keyed(quals["prefix"])),
        suffix=Phrases(_keyed(quals["suffix"])),
        inclusive_suffix=phrase_set(quals["inclusive_suffix"]),
        range_heads={k: frozenset(v) for k, v in quals["range_heads"].items()},
        range_joiners=frozenset(quals["range_joiners"]),
        bound_joiners=phrase_set(quals["bound_joiners"]),
        prepositions=frozenset(quals["prepositions"]),
        unit_phrases=Phrases(
            {token_key(u): u for u in units["units"]}
            | {token_key(k): v for k, v in units["aliases"].items()}
        ),
        time_units=frozenset(units["time_units"]),
        glued_letters=frozenset(units["glued_letters"]),
        measure_adjectives=frozenset(units["measure_adjectives"]),
        temperature_words=frozenset(units["temperature_words"]),
        percent=phrase_set(units["percent"]),
        points=phrase_set(units["percentage_points"]),
        months=month_names(),
        identifier_prefixes=frozenset(nots["identifier_prefixes"]),
        year_prepositions=frozenset(nots["year_prepositions"]),
        time_suffixes=frozenset(nots["time_suffixes"]),
        ordinal_suffixes=frozenset(nots["ordinal_suffixes"]),
        pronoun_one_before=frozenset(nots["pronoun_one_before"]),
        age_before=frozenset(nots["age_before"]),
        age_after=frozenset(nots["age_after"]),
        age_at_verbs=frozenset(nots["age_at_verbs"]),
        dated_by=frozenset(nots["dated_by"]),
        duration_before=frozenset(nots["duration_before"]),
        answer_words=frozenset(nots["answer_words"]),
        street_words=frozenset(nots["street_words"]),
        sum_of_digits=frozenset(nots["sum_of_digits"]),
        rate_words=frozenset(nots["rate_words"]),
        number_words=number_words,
        number_idioms=_idioms(nots["number_idioms"], number_words),
        list_hedges=phrase_set(nots["list_hedges"]),
        kind_nouns=frozenset(nots["kind_nouns"]),
    )


def _idioms(
    phrases: list[str], number_words: frozenset[str]
) -> dict[str, tuple[tuple[tuple[str, ...], int], ...]]:
    """Idioms by the number inside them ("came from zero" under "zero", at place 2)."""
    out: dict[str, list[tuple[tuple[str, ...], int]]] = {}
    for phrase in phrases:
        key = token_key(phrase)
        at = next(k for k, w in enumerate(key) if w.isdigit() or w in number_words)
        out.setdefault(key[at], []).append((key, at))
    return {w: tuple(v) for w, v in out.items()}


def _keyed(groups: dict[str, list[str]]) -> dict[tuple[str, ...], str]:
    """Phrases grouped by what they mean, as token tuple -> meaning."""
    return {token_key(p): q for q, phrases in groups.items() for p in phrases}


def _denominators(numbers: LexiconData, fractions: LexiconData) -> dict[str, int]:
    """Ordinals as denominators, singular and plural ("fifth", "fifths"), and "half", "quarter"."""
    denominators = dict(numbers["ordinals"])
    denominators.update({k + "s": v for k, v in numbers["ordinals"].items()})
    denominators.update(fractions["denominators"])
    return denominators


def _number_words(numbers: LexiconData, scales: LexiconData) -> frozenset[str]:
    words = (
        set(numbers["units"])
        | set(numbers["teens"])
        | set(numbers["tens"])
        | set(numbers["hundred"])
    )
    return frozenset(words | set(scales["words"]) | set(scales["dozen"]))


@cache
def month_names() -> frozenset[str]:
    """English month names and abbreviations, from Babel's CLDR data."""
    from babel.dates import get_month_names

    names: set[str] = set()
    for width in ("wide", "abbreviated"):
        for context in ("format", "stand-alone"):
            names |= {n.lower().rstrip(".") for n in get_month_names(width, context, "en").values()}
    names |= {"sept"}
    return frozenset(names)
