"""Numbers that state no quantity (decades with an apostrophe, the markers of a spoken list,
fixed idioms) and a second guess after a comma that gives the first its unit ("three, maybe
four weeks"). Every sentence is written for these tests."""

from __future__ import annotations

import pytest

from claimtrack import figparse
from claimtrack.nlp.annotations import FIGURES


def found(text: str) -> list[tuple[str, float | None, str | None]]:
    return [(text[m.start : m.end], m.figure.value, m.figure.unit) for m in figparse.find(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Songs from the 70's still sell.",
        "Fashion from the 90’s is back in the shops.",
        "Her grandmother is in her 80's.",
        "It was built in the 1960's.",
    ],
)
def test_figparse_a_decade_with_an_apostrophe_is_no_figure(text: str) -> None:
    assert found(text) == []


def test_figparse_a_plural_that_is_no_decade_stays() -> None:
    assert [v for _, v, _ in found("He rolled two 6's and a 75's worth of points.")] != []


@pytest.mark.parametrize(
    "text",
    [
        "One, we fix the roads, and two, we fund the schools.",
        "Voters care about, one, prices, and two, crime.",
        "My plan is simple. One, cost. Two, speed. Three, safety.",
    ],
)
def test_figparse_spoken_list_markers_are_no_figures(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Two, three or four people came.", [2, 3, 4]),  # a count said three ways
        ("We have one, maybe two, options.", [1, 2]),
        ("He had two goals: one, to win, and two, to rest.", [2]),
    ],
)
def test_figparse_counts_with_commas_stay(text: str, values: list[float]) -> None:
    assert [v for _, v, _ in found(text)] == values


@pytest.mark.parametrize(
    "text",
    [
        "Anyone in this town can come from zero and build a business.",
        "She started from zero with a loan from her aunt.",
        "Here is the 411 on the new parking rules.",
    ],
)
def test_figparse_a_number_in_an_idiom_is_no_figure(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Sales rose from zero to 40 in a year.", [None]),  # a range, not the idiom
        ("The chamber has 411 seats.", [411]),
    ],
)
def test_figparse_numbers_like_idioms_stay(text: str, values: list) -> None:
    assert [v for _, v, _ in found(text)] == values


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("The repair could take three, maybe four weeks.", ("three", 3, "week")),
        ("Give the project ten, twelve years.", ("ten", 10, "year")),
        ("We shipped 40, perhaps 50 tons of grain.", ("40", 40, "ton")),
    ],
)
def test_figparse_a_second_guess_gives_the_first_its_unit(text: str, first) -> None:
    assert found(text)[0] == first


@pytest.mark.parametrize(
    "text",
    [
        "By 5, 80 percent of children can read.",  # no hedge, no time unit
        "In round 3, 4 players were left.",
        "Of the 12, 30 years later only two remained.",  # far larger: no second guess
    ],
)
def test_figparse_a_number_before_a_comma_keeps_no_unit(text: str) -> None:
    assert found(text)[0][2] is None


def test_figures_a_second_guess_is_no_period_of_the_first(parse) -> None:
    doc = parse("The cleanup will take over six-and-a-half, seven years to finish.")
    infos = {s.text: s._.claimtrack_figure for s in doc.spans[FIGURES]}
    assert infos["six-and-a-half"].unit == "year"
    assert infos["seven years"].unit == "year"
    assert infos["six-and-a-half"].period is None


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Tuition would be free at two-year community colleges.", []),
        ("He holds a four-year degree in nursing.", []),
        ("She won a four-year term.", [4]),  # a length of time
        ("He spent four years at two colleges.", [4, 2]),
    ],
)
def test_figparse_a_length_that_names_a_kind_of_school_is_no_figure(text, values) -> None:
    assert [v for _, v, _ in found(text)] == values
