"""The claimtrack_figures component: figure spans (qualifiers included) with their FigureInfo."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from claimtrack.nlp.annotations import FIGURES, FigureInfo

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def figures(doc) -> list[tuple[str, FigureInfo]]:
    return [(span.text, span._.claimtrack_figure) for span in doc.spans[FIGURES]]


def same(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=1e-9)


# sentence -> [(span text, value, low, high, qualifier, unit, currency)]
SENTENCES = [
    (
        "The ministry has logged at least 6,000 applications since March.",
        [("at least 6,000", 6000, 6000, None, "at_least", None, None)],
    ),
    (
        "Nearly 100,000 residents crossed the border last week.",
        [("Nearly 100,000", 100000, 90000, 100000, "approx", None, None)],
    ),
    (
        'The charity said it had received "thousands" of calls.',
        [("thousands", None, 2000, 9999, "vague", None, None)],
    ),
    (
        "Each recruit earns 30,000 hryvnias -- about $800 -- a month.",
        [
            ("30,000 hryvnias", 30000, 30000, 30000, "exact", "UAH", "UAH"),
            ("about $800", 800, 720, 880, "approx", "USD", "USD"),
        ],
    ),
    (
        "The villages lie 6-8 km apart.",
        [("6-8 km", None, 6, 8, "range", "kilometer", None)],
    ),
    (
        "Analysts give the plan less than 5% chance of passing.",
        [("less than 5%", 5, None, 5, "less_than", "percent", None)],
    ),
    (
        "Some 300 nurses took part, nearly one-third of whom were trainees.",
        [
            ("Some 300", 300, 270, 330, "approx", None, None),
            ("nearly one-third", 1 / 3, 0.3, 1 / 3, "approx", "fraction", None),
        ],
    ),
    (
        "Police recorded a dozen burglaries and 14 thefts.",
        [("a dozen", 12, 12, 12, "exact", None, None), ("14", 14, 14, 14, "exact", None, None)],
    ),
    (
        "Tens of thousands marched while hundreds of thousands watched.",
        [
            ("Tens of thousands", None, 20000, 99999, "vague", None, None),
            ("hundreds of thousands", None, 200000, 999999, "vague", None, None),
        ],
    ),
    (
        "Half of the applicants were turned away.",
        [("Half", 0.5, 0.5, 0.5, "exact", "fraction", None)],
    ),
    (
        "The network serves some 4 million customers.",
        [("some 4 million", 4e6, 3.6e6, 4.4e6, "approx", None, None)],
    ),
    (
        "More than 2,000 volunteers and about 150 doctors arrived.",
        [
            ("More than 2,000", 2000, 2000, None, "more_than", None, None),
            ("about 150", 150, 135, 165, "approx", None, None),
        ],
    ),
    (
        "The city raised $1.2 billion and £40m in bonds.",
        [
            ("$1.2 billion", 1.2e9, 1.2e9, 1.2e9, "exact", "USD", "USD"),
            ("£40m", 4e7, 4e7, 4e7, "exact", "GBP", "GBP"),
        ],
    ),
    (
        "Between 20 and 30 boats sank, and up to 700 sailors were rescued.",
        [
            ("Between 20 and 30", None, 20, 30, "range", None, None),
            ("up to 700", 700, None, 700, "up_to", None, None),
        ],
    ),
    (
        "Twenty-one pupils and three and a half teachers' salaries were cut.",
        [
            ("Twenty-one", 21, 21, 21, "exact", None, None),
            ("three and a half", 3.5, 3.5, 3.5, "exact", None, None),
        ],
    ),
    (
        "Only one bridge survived, and at least one ferry.",
        [
            ("Only one", 1, 1, 1, "exact", None, None),
            ("at least one", 1, 1, None, "at_least", None, None),
        ],
    ),
    (
        "The firm paid 500 Canadian dollars and C$20 in fees.",
        [
            ("500 Canadian dollars", 500, 500, 500, "exact", "CAD", "CAD"),
            ("C$20", 20, 20, 20, "exact", "CAD", "CAD"),
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), SENTENCES)
def test_figures_sentence_table(parse, text: str, expected: list[tuple]) -> None:
    got = figures(parse(text))
    assert [g[0] for g in got] == [e[0] for e in expected], got
    for (_, info), (span, value, low, high, qualifier, unit, currency) in zip(
        got, expected, strict=True
    ):
        assert same(info.value, value), (span, info)
        assert same(info.low, low), (span, info)
        assert same(info.high, high), (span, info)
        assert info.qualifier == qualifier, (span, info)
        assert (info.unit or "").split("/")[0] == (unit or ""), (span, info)
        assert info.currency == currency, (span, info)


@pytest.mark.parametrize(
    "text",
    [
        "On Feb. 24 the talks resumed.",
        "The decree was signed on May 14, 2022, in Minsk.",
        "Protests began on February 27 and spread.",
        "The region was annexed in 2014.",
        "She kept a 141-page diary of the siege.",
        "It was the first time and the 2nd warning.",
        "Veterans of World War II gathered.",
        "Shelling hit the country's No. 2 City overnight.",
        "One of the guards escaped.",
        "The law gives one specific protection to renters.",
        "Which one did they choose?",
        "The 5th Mechanized Brigade moved north.",
    ],
)
def test_figures_not_figures(parse, text: str) -> None:
    assert figures(parse(text)) == [], text


@pytest.mark.parametrize(
    "text",
    ["", "   ", "\n\n", '"unbalanced quote 5', "¾ ⅔ ½", "💥 42 💥", "5" * 400, "-- -- --", "$ $ $"],
)
def test_figures_odd_input_gives_real_spans(parse, text: str) -> None:
    doc = parse(text)
    for span in doc.spans[FIGURES]:
        assert span.doc is doc
        assert doc.text[span.start_char : span.end_char] == span.text
        assert isinstance(span._.claimtrack_figure, FigureInfo)


def test_figures_spans_cover_qualifier_and_are_sorted(parse) -> None:
    doc = parse("Roughly 40 people and more than 12 cars were counted, and 3 buses.")
    spans = list(doc.spans[FIGURES])
    assert [s.text for s in spans] == ["Roughly 40", "more than 12", "3"]
    assert [s.start for s in spans] == sorted(s.start for s in spans)


SEED_FIGURES = [
    ("at least 6,000", 6000, "at_least", None),
    ("Nearly 100,000", 100000, "approx", None),
    ("thousands", None, "vague", None),
    ("100,000 hryvnias", 100000, "exact", "UAH"),
    ("about $3,300", 3300, "approx", "USD"),
    ("4-5 km", None, "range", None),
    ("less than 10%", 10, "less_than", None),
    ("nearly one-quarter", 0.25, "approx", None),
    ("a dozen", 12, "exact", None),
    ("18", 18, "exact", None),
    ("a total of 52", 52, "exact", None),
    ("Hundreds of thousands", None, "vague", None),
    ("tens of thousands", None, "vague", None),
    ("half", 0.5, "exact", None),
    ("some 11 million", 11e6, "approx", None),
    ("More than 3,000", 3000, "more_than", None),
    ("About 100", 100, "approx", None),
    ("Approximately 20,000", 20000, "approx", None),
    ("About 1,000", 1000, "approx", None),
    ("at least 500", 500, "at_least", None),
    ("$10,000", 10000, "exact", "USD"),
    ("More than 50,000", 50000, "more_than", None),
    ("78", 78, "exact", None),
    ("more than 20", 20, "more_than", None),
]
SEED_NOT_FIGURES = ["16", "141", "24", "2014", "II", "2", "27", "5", "2022"]


def test_figures_seed_articles_acceptance(parse) -> None:
    """The seed articles' figures, as an acceptance check (the rules are tested above on
    sentences of our own)."""
    found: list[tuple[str, FigureInfo]] = []
    for path in sorted(SEEDS.glob("*.txt")):
        found.extend(figures(parse(path.read_text(encoding="utf-8"))))
    by_text: dict[str, list[FigureInfo]] = {}
    for text, info in found:
        by_text.setdefault(text, []).append(info)
    for text, value, qualifier, currency in SEED_FIGURES:
        assert text in by_text, text
        assert any(
            same(i.value, value) and i.qualifier == qualifier and i.currency == currency
            for i in by_text[text]
        ), (text, by_text[text])
    for text in SEED_NOT_FIGURES:
        assert text not in by_text, text
