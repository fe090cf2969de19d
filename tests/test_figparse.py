"""claimtrack.figparse: reading figure phrases into value, interval, qualifier, unit, currency."""

from __future__ import annotations

import json
import math
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimtrack import figparse
from claimtrack.errors import LexiconError

INF = None  # an unbounded side

# phrase -> (value, low, high, qualifier, unit, currency)
PHRASES = [
    # qualifiers
    ("at least 6,000", (6000, 6000, INF, "at_least", None, None)),
    ("no fewer than 40", (40, 40, INF, "at_least", None, None)),
    ("more than 3,000", (3000, 3000, INF, "more_than", None, None)),
    ("over 250", (250, 250, INF, "more_than", None, None)),
    ("upwards of 70", (70, 70, INF, "more_than", None, None)),
    ("at most 15", (15, INF, 15, "at_most", None, None)),
    ("no more than 5", (5, INF, 5, "at_most", None, None)),
    ("fewer than 200", (200, INF, 200, "less_than", None, None)),
    ("under 10", (10, INF, 10, "less_than", None, None)),
    ("up to 700", (700, INF, 700, "up_to", None, None)),
    ("about 1,000", (1000, 900, 1100, "approx", None, None)),
    ("roughly 40", (40, 36, 44, "approx", None, None)),
    ("an estimated 2,500", (2500, 2250, 2750, "approx", None, None)),
    ("some 11 million", (11e6, 9.9e6, 12.1e6, "approx", None, None)),
    ("nearly 100,000", (100000, 90000, 100000, "approx", None, None)),
    ("almost 20", (20, 18, 20, "approx", None, None)),
    ("500 or more", (500, 500, INF, "at_least", None, None)),
    ("40 or fewer", (40, INF, 40, "at_most", None, None)),
    ("only 3", (3, 3, 3, "exact", None, None)),
    # ranges
    ("4-5 km", (None, 4, 5, "range", "kilometer", None)),
    ("between 20 and 30", (None, 20, 30, "range", None, None)),
    ("from 15 to 25", (None, 15, 25, "range", None, None)),
    ("10 to 12 miles", (None, 10, 12, "range", "mile", None)),
    ("1-2 million", (None, 1e6, 2e6, "range", None, None)),
    ("$5-$10", (None, 5, 10, "range", "USD", "USD")),
    ("more than 10 and less than 20", (None, 10, 20, "range", None, None)),
    # vague amounts
    ("thousands", (None, 2000, 9999, "vague", None, None)),
    ("dozens", (None, 24, 99, "vague", None, None)),
    ("hundreds", (None, 200, 999, "vague", None, None)),
    ("tens of thousands", (None, 20000, 99999, "vague", None, None)),
    ("Hundreds of thousands", (None, 200000, 999999, "vague", None, None)),
    ("at least tens of thousands", (None, 20000, INF, "at_least", None, None)),
    # words, scales, fractions
    ("a dozen", (12, 12, 12, "exact", None, None)),
    ("half a dozen", (6, 6, 6, "exact", None, None)),
    ("twenty-one", (21, 21, 21, "exact", None, None)),
    ("three hundred and forty-two", (342, 342, 342, "exact", None, None)),
    ("three and a half", (3.5, 3.5, 3.5, "exact", None, None)),
    ("two and a half million", (2.5e6, 2.5e6, 2.5e6, "exact", None, None)),
    ("1.5m", (1.5e6, 1.5e6, 1.5e6, "exact", None, None)),
    ("10k", (10000, 10000, 10000, "exact", None, None)),
    ("half of them", (0.5, 0.5, 0.5, "exact", "fraction", None)),
    ("nearly one-quarter of whom", (0.25, 0.225, 0.25, "approx", "fraction", None)),
    ("two-thirds of voters", (2 / 3, 2 / 3, 2 / 3, "exact", "fraction", None)),
    ("one in five", (0.2, 0.2, 0.2, "exact", "fraction", None)),
    ("more than half", (0.5, 0.5, INF, "more_than", "fraction", None)),
    # percent
    ("less than 10%", (10, INF, 10, "less_than", "percent", None)),
    ("12 percent", (12, 12, 12, "exact", "percent", None)),
    ("4.5 per cent", (4.5, 4.5, 4.5, "exact", "percent", None)),
    # money
    ("$1.2 billion", (1.2e9, 1.2e9, 1.2e9, "exact", "USD", "USD")),
    ("about $3,300", (3300, 2970, 3630, "approx", "USD", "USD")),
    ("100,000 hryvnias", (100000, 100000, 100000, "exact", "UAH", "UAH")),
    ("£5bn", (5e9, 5e9, 5e9, "exact", "GBP", "GBP")),
    ("€40 million", (4e7, 4e7, 4e7, "exact", "EUR", "EUR")),
    ("C$20", (20, 20, 20, "exact", "CAD", "CAD")),
    ("A$ 3 million", (3e6, 3e6, 3e6, "exact", "AUD", "AUD")),
    ("500 Canadian dollars", (500, 500, 500, "exact", "CAD", "CAD")),
    ("20 euros", (20, 20, 20, "exact", "EUR", "EUR")),
    ("3 million yen", (3e6, 3e6, 3e6, "exact", "JPY", "JPY")),
    ("75 cents", (0.75, 0.75, 0.75, "exact", "USD", "USD")),
    ("USD 200", (200, 200, 200, "exact", "USD", "USD")),
    ("40 Swiss francs", (40, 40, 40, "exact", "CHF", "CHF")),
    # units through pint
    ("20 tonnes", (20, 20, 20, "exact", "metric_ton", None)),
    ("300 kilometres", (300, 300, 300, "exact", "kilometer", None)),
    ("12 kg", (12, 12, 12, "exact", "kilogram", None)),
    # unusual but English
    ("3/4", (0.75, 0.75, 0.75, "exact", "fraction", None)),
    ("minus 5", (-5, -5, -5, "exact", None, None)),
    ("two hundred point zero three", (200.03, 200.03, 200.03, "exact", None, None)),
    ("one and a quarter million", (1.25e6, 1.25e6, 1.25e6, "exact", None, None)),
    ("thirteen dollars and forty-five cents", (13.45, 13.45, 13.45, "exact", "USD", "USD")),
    ("40\u202f000", (40000, 40000, 40000, "exact", None, None)),
]


@pytest.mark.parametrize(("phrase", "expected"), PHRASES)
def test_figparse_reads_phrase(phrase: str, expected: tuple) -> None:
    fig = figparse.parse(phrase)
    assert fig is not None, phrase
    value, low, high, qualifier, unit, currency = expected
    got = (fig.value, fig.low, fig.high)
    for want, have in zip((value, low, high), got, strict=True):
        if want is None:
            assert have is None, (phrase, got)
        else:
            assert have is not None and math.isclose(have, want, rel_tol=1e-9), (phrase, got)
    assert (fig.qualifier, fig.unit, fig.currency) == (qualifier, unit, currency)


@pytest.mark.parametrize(
    ("phrase", "low_inclusive", "high_inclusive"),
    [
        ("more than 5", False, True),
        ("at least 5", True, True),
        ("less than 5", True, False),
        ("nearly 5", True, False),
        ("between 5 and 9", True, True),
        ("greater than 5 and at most 9", False, True),
    ],
)
def test_figparse_bound_inclusivity(phrase: str, low_inclusive: bool, high_inclusive: bool) -> None:
    fig = figparse.parse(phrase)
    assert fig is not None
    assert (fig.low_inclusive, fig.high_inclusive) == (low_inclusive, high_inclusive)


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        (
            "It paid 100,000 hryvnias -- about $3,300 -- a month.",
            ["100,000 hryvnias", "about $3,300"],
        ),
        ('They got "thousands" of letters.', ["thousands"]),
        ("a dozen raids and 18 more", ["a dozen", "18"]),
        ("rose 15% to $4 million", ["15%", "$4 million"]),
        ("At least 40 died and some 200 fled.", ["At least 40", "some 200"]),
    ],
)
def test_figparse_find_keeps_qualifiers_in_spans(text: str, spans: list[str]) -> None:
    assert [text[f.start : f.end] for f in figparse.find(text)] == spans


@pytest.mark.parametrize(
    "text",
    [
        "It happened on Feb. 24 in Kyiv.",
        "He was born on May 14, 2022.",
        "They left on 24 February.",
        "It began in 2014.",
        "a 141-page report",
        "the 2nd attempt",
        "the fourth day",
        "World War II",
        "Russia shells No. 2 City",
        "one of the pilots",
        "which one is it",
        "the MH17 crash",
        "the F-16 jets",
        "call 555-1234-5678",
        "at 10:30 today",
        "see https://example.com/page?id=30%25",
        "the third term",
        "since the quarter began",
        "open 24/7",
        "after 9/11",
        "at 5 p.m. local time",
        "between 2019 and 2021",
        "from 2014 to 2022",
        "the 1990s",
        "Covid-19 rules",
        "only one of many",
        "<>30",
    ],
)
def test_figparse_not_figures(text: str) -> None:
    assert figparse.find(text) == [], text


def test_figparse_empty_and_blank() -> None:
    assert figparse.find("") == []
    assert figparse.find("   \n\t") == []
    assert figparse.parse("no numbers here") is None


@given(st.integers(min_value=0, max_value=10**15))
def test_figparse_thousands_separators_round_trip(n: int) -> None:
    fig = figparse.parse(f"{n:,} people")
    assert fig is not None
    assert fig.value == n
    assert fig.low == fig.high == n


@given(st.integers(min_value=1, max_value=10**9), st.sampled_from(["about", "nearly", "at least"]))
def test_figparse_value_lies_in_interval(n: int, qualifier: str) -> None:
    fig = figparse.parse(f"{qualifier} {n:,}")
    assert fig is not None and fig.value is not None
    assert fig.low is None or fig.low <= fig.value
    assert fig.high is None or fig.value <= fig.high


@settings(max_examples=300)
@given(st.text())
def test_figparse_never_raises_and_spans_are_in_text(text: str) -> None:
    for found in figparse.find(text):
        assert 0 <= found.start < found.end <= len(text)
        fig = found.figure
        if fig.low is not None and fig.high is not None:
            assert fig.low <= fig.high
        if fig.value is not None and fig.low is not None and fig.high is not None:
            assert fig.low <= fig.value <= fig.high
        assert fig.qualifier in figparse.QUALIFIERS


@settings(max_examples=200)
@given(
    st.lists(
        st.sampled_from(
            [
                "about",
                "more",
                "than",
                "1,000",
                "-",
                "5",
                "thousands",
                "of",
                "$",
                "half",
                "a",
                "dozen",
                "and",
                "%",
                "km",
                "to",
                "between",
                "one",
                "twenty",
                "hundred",
                "million",
                "—",
                "'",
                '"',
            ]
        ),
        max_size=12,
    )
)
def test_figparse_never_raises_on_figure_like_word_salad(words: list[str]) -> None:
    text = " ".join(words)
    for found in figparse.find(text):
        assert text[found.start : found.end].strip() == text[found.start : found.end]


def _lexicon_copy(tmp_path, name: str, change) -> str:
    """The packaged lexicon `name` with `change` applied, written to a user's file."""
    from claimtrack.lexicons import load

    data = json.loads(json.dumps(load(name)))
    change(data)
    path = tmp_path / f"my_{name}.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


def test_figparse_reads_a_users_lexicon(tmp_path) -> None:
    def scores_of_hundreds(data: dict) -> None:
        data["phrases"]["scores"] = [20, 199]

    def kuai_is_yen(data: dict) -> None:
        data["aliases"]["kuai"] = "JPY"

    lexicons = {
        "vague_numbers": _lexicon_copy(tmp_path, "vague_numbers", scores_of_hundreds),
        "currencies": _lexicon_copy(tmp_path, "currencies", kuai_is_yen),
    }
    mine = figparse.parse("scores", lexicons=lexicons)
    assert mine is not None and (mine.low, mine.high) == (20, 199)
    money = figparse.parse("50 kuai", lexicons=lexicons)
    assert money is not None and money.currency == "JPY"
    # the packaged tables are untouched, and unrelated overrides share them
    packaged = figparse.parse("scores", lexicons={"cues": "unused.json"})
    assert packaged is not None and (packaged.low, packaged.high) == (40, 99)
    assert figparse.lexicon({"cues": "unused.json"}) is figparse.lexicon()
    assert figparse.parse("50 kuai").currency == "CNY"


def test_figparse_rejects_a_broken_lexicon(tmp_path) -> None:
    def drop_teens(data: dict) -> None:
        del data["teens"]

    broken = _lexicon_copy(tmp_path, "numbers", drop_teens)
    with pytest.raises(LexiconError, match="teens"):
        figparse.find("twelve people", lexicons={"numbers": broken})


_ANCHOR_WORDS = ["a", "a few", "few", "four", "fourteen", "fourth", "fourths", "per", "percent"]


def _flat_anchors(words: list[str]) -> re.Pattern[str]:
    alternation = "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))
    return re.compile(rf"\b(?:{alternation})\b", re.IGNORECASE)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from([*_ANCHOR_WORDS, "Four", "FEW", "ty", "s", "x", " ", "-", "9", "."]),
        max_size=12,
    )
)
def test_figparse_anchor_trie_matches_flat_alternation(pieces: list[str]) -> None:
    """The anchors' trie finds what the longest-first alternation finds, word for word."""
    from claimtrack.figparse.finder import _word_alternation

    text = "".join(pieces)
    trie = re.compile(rf"\b(?:{_word_alternation(set(_ANCHOR_WORDS))})\b", re.IGNORECASE)
    flat = _flat_anchors(_ANCHOR_WORDS)
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in flat.finditer(text)]
