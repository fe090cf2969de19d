"""A degree or a title is no figure, a plain group
is counted (a title-case headline, a noun after "more", people an age describes), a quantity
word is never what a sum counts, and the modifiers that pick a group stay (hyphenated
participles, "major", coordinated adjectives). Every sentence is written for these tests."""

from __future__ import annotations

import pytest

from .figure_spans import figures, only

NBSP = "\u00a0"


@pytest.mark.parametrize(
    "text",
    [
        f"They are 100{NBSP}percent{NBSP}wrong, the mayor said.",
        "The mayor is 100 percent sure of it.",
        "She heard it on a preview clip of ‘The 411.’",
        "Fans of The 100 will be pleased.",
        'She watched "The 300" twice.',
    ],
)
def test_figures_degree_and_title_are_no_figure(parse, text) -> None:
    assert figures(parse, text) == []


@pytest.mark.parametrize(
    "text",
    ["The 12 were freed on Monday.", "He said, “The 12 were freed on Monday.”"],
)
def test_figures_the_number_opening_a_sentence_stays(parse, text) -> None:
    assert [words for words, _ in figures(parse, text)] == ["12"]


@pytest.mark.parametrize(
    ("text", "number", "counted"),
    [
        ("24 Nurses Share Their Most Honest Thoughts On The Budget.", "24", "Nurse"),
        ("The Senate Passed 12 Bills On Tuesday.", "12", "bill"),
        ("All of a sudden 25 million more people have insurance.", "25 million", "people"),
        ("The firm hired 40 more full-time workers.", "40", "full-time worker"),
        (
            "The clinic treats teenagers who are between the ages of 13 and 17 for free.",
            "13",
            "teenager",
        ),
        ("The group surveyed 18- to 24-year-old male veterans.", "18", "male veteran"),
        ("Police arrested a 16-year-old student.", "16", "student"),
    ],
)
def test_figures_plain_group_is_counted(parse, text, number, counted) -> None:
    assert only(parse, text, number).counted == counted


def test_figures_age_of_people_keeps_unit_year(parse) -> None:
    info = only(parse, "The group surveyed 18- to 24-year-old male veterans.", "18")
    assert (info.unit, info.low, info.high) == ("year", 18, 24)


def test_figures_a_quantity_word_is_no_sums_counted(parse) -> None:
    info = only(parse, "A quarter of that, by her count, is $40,000.", "40,000")
    assert info.counted is None


@pytest.mark.parametrize(
    ("text", "number", "counted"),
    [
        ("There are hundreds of coal-fired power plants.", "hundreds", "coal-fired power plant"),
        ("The ministry sold 12 state-owned firms.", "12", "state-owned firm"),
        ("About 30 percent of foreign-born residents rent.", "30", "foreign-born resident"),
        ("She is one of the two major candidates.", "two", "major candidate"),
        (
            "Nearly 900 coal- and gas-fired power plants emit soot.",
            "900",
            "coal- and gas-fired power plant",
        ),
        (
            "Women make up about 40 percent of both the private and federal workforces.",
            "40",
            "private and federal workforce",
        ),
        ("The state hired 40 well-known lawyers.", "40", "lawyer"),
    ],
)
def test_figures_modifier_that_picks_the_group_stays(parse, text, number, counted) -> None:
    assert only(parse, text, number).counted == counted


def test_figures_age_before_a_date_counts_nothing(parse) -> None:
    info = only(parse, "Police say a gunman shot a 13-year-old last week.", "13")
    assert (info.unit, info.counted) == ("year", None)


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        ("The plan helps people under 30 engage in public service.", "people"),
        ("Voters under 30 back her.", "voter"),
    ],
)
def test_figures_age_after_people_before_a_verb(parse, text, counted) -> None:
    info = only(parse, text, "30")
    assert (info.unit, info.counted) == ("year", counted)
