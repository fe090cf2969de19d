"""Issue 16, judged on real news: the group a figure counts when English leaves it implicit,
ratios, verb particles, implied sums and stray list numbers. Sentences written for these tests."""

from __future__ import annotations

import pytest

from claimtrack import figparse
from claimtrack.nlp.annotations import FIGURES


def figures(parse, text: str) -> dict[str, object]:
    """span text -> its FigureInfo (texts are unique in these sentences)."""
    return {span.text: span._.claimtrack_figure for span in parse(text).spans[FIGURES]}


@pytest.mark.parametrize(
    ("text", "figure", "counted"),
    [
        # a demonstrative with its own description names the group, not the figure before it
        (
            "Of the five bills filed, 61 percent of those polled backed the first.",
            "61 percent",
            "those polled",
        ),
        ("Nearly half of those with degrees said no.", "Nearly half", "those with degrees"),
        # a parenthesised share restates the share of the group before it
        ("Most county clerks (64%) opposed the rule.", "64%", "county clerk"),
        ("A majority of the nurses (58 percent) signed.", "58 percent", "nurse"),
        # a share compared with another, or in apposition, is of the group named before
        (
            "About 37 percent of renters moved, compared with 12 percent in 2010.",
            "12 percent",
            "renter",
        ),
        (
            "Maine (81 percent of teachers were union members), Utah (40 percent) and Idaho "
            "(35 percent) differ.",
            "40 percent",
            "teacher",
        ),
        # a number coordinated with another counts the same noun
        ("The club hires two or three cooks each summer.", "three", "cook"),
        ("Each town lost one or two bakeries.", "two", "bakery"),
    ],
)
def test_figure_groups_left_implicit(parse, text: str, figure: str, counted: str) -> None:
    found = figures(parse, text)
    assert found[figure].counted == counted, found


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        # a share with a verb and subject of its own is about something else
        ("About 55 percent of drivers slowed down, and fuel use fell 4 percent.", "4 percent"),
        # no group named before it
        ("Turnout reached 61 percent, compared with 58 percent in 2012.", "58 percent"),
    ],
)
def test_shares_with_no_group_before_stay_empty(parse, text: str, figure: str) -> None:
    assert figures(parse, text)[figure].counted is None


def test_a_relative_those_still_refers_back(parse) -> None:
    found = figures(parse, "The firm hired 40 welders, half of whom were apprentices.")
    assert found["half"].counted == "welder"


@pytest.mark.parametrize(
    ("text", "words", "value"),
    [
        ("The measure passed by a 4 to 1 margin.", "4 to 1", 4.0),
        ("Voters backed it by a 2-to-1 majority.", "2-to-1", 2.0),
        ("Bookmakers gave 5:2 odds on the challenger.", "5:2", 2.5),
        ("The incumbent holds a 3-1 edge in cash.", "3-1", 3.0),
    ],
)
def test_a_ratio_is_one_figure(words: str, text: str, value: float) -> None:
    (match,) = figparse.find(text)
    assert text[match.start : match.end] == words
    assert (match.figure.value, match.figure.unit) == (value, "ratio")


@pytest.mark.parametrize(
    "text",
    [
        "She won by a 55-45 margin.",  # shares of a vote, not a ratio
        "He trailed 41-38 in the poll.",
    ],
)
def test_a_tally_is_no_ratio(text: str) -> None:
    assert all(m.figure.unit != "ratio" for m in figparse.find(text))


def test_a_verb_particle_is_no_qualifier(parse) -> None:
    found = figures(parse, "The firm turned over thousands of dollars in fees.")
    fig = found["thousands of dollars"]
    assert (fig.qualifier, fig.low, fig.high) == ("vague", 2000, 9999)
    assert fig.counted == "fee"  # the dollars are the unit, not what is counted


def test_over_as_a_preposition_stays_a_qualifier(parse) -> None:
    found = figures(parse, "The trail runs over 30 miles.")
    assert found["over 30 miles"].qualifier == "more_than"


@pytest.mark.parametrize(
    ("text", "figure", "currency", "counted"),
    [
        (
            "The union spent $3 million in May. Rivals put tens of millions into ads that "
            "their donors paid for.",
            "tens of millions",
            "USD",
            None,
        ),
        ("The museum received millions in grants.", "millions", None, "grant"),
    ],
)
def test_a_bare_millions_about_money_is_a_sum(
    parse, text: str, figure: str, currency: str | None, counted: str | None
) -> None:
    fig = figures(parse, text)[figure]
    assert (fig.currency, fig.unit, fig.counted) == (currency, currency or "money", counted)


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("Millions watched the final in Brazil.", "Millions"),
        ("Millions in the region lost power.", "Millions"),
        ("Millions of fans watched.", "Millions"),
    ],
)
def test_millions_of_people_are_no_sum(parse, text: str, figure: str) -> None:
    fig = figures(parse, text)[figure]
    assert fig.unit is None and fig.currency is None


def test_a_number_alone_on_its_line_is_no_figure(parse) -> None:
    doc = parse("Footnotes\n[2].\nThe plant hired 12 guards.\n7\n")
    assert [s.text for s in doc.spans[FIGURES]] == ["12"]


@pytest.mark.parametrize(
    ("text", "figure", "low", "high", "counted"),
    [
        ("The survey found workers under 35 moved most.", "under 35", None, 35, "worker"),
        ("Residents over 70 can vote by mail.", "over 70", 70, None, "resident"),
        ("Drivers 75 and older must retest.", "75 and older", 75, None, "driver"),
        ("The clinic treats children younger than 6.", "younger than 6", None, 6, "child"),
    ],
)
def test_an_age_after_people(
    parse, text: str, figure: str, low: float | None, high: float | None, counted: str
) -> None:
    fig = figures(parse, text)[figure]
    assert (fig.low, fig.high, fig.unit, fig.counted) == (low, high, "year", counted)


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("The charity has offices in over 30 countries.", "over 30"),
        ("The trail runs over 30 miles.", "over 30 miles"),
        ("The firm hired over 20 interns.", "over 20"),
    ],
)
def test_no_age_without_people(parse, text: str, figure: str) -> None:
    assert figures(parse, text)[figure].unit != "year"


def test_died_at_is_an_age() -> None:
    (match,) = figparse.find("The sculptor died at 88 in her studio.")
    assert (match.figure.value, match.figure.unit) == (88, "year")


def test_a_day_glued_to_a_month_before_a_year_is_a_date() -> None:
    assert 9 not in [m.figure.value for m in figparse.find("PostedJanuary 9, 2019 by staff")]
    # a number before a comma and a year, with a number word after: a count
    assert 9 in [m.figure.value for m in figparse.find("They built 9, and in 2019 ten more.")]


@pytest.mark.parametrize(
    ("text", "figure", "counted"),
    [
        # the unit, or "worth", is no counted thing: what it measures is
        ("Customs seized hundreds of pounds of raw ivory.", "hundreds of pounds", "ivory"),
        ("The board bought more than $40,000 worth of laptops.", "more than $40,000", "laptop"),
        # the other side of a tally counts what the first side counts
        ("The challenger took 12 seats to three.", "three", "seat"),
        # a share in parentheses after a group is of that group
        ("Backing came from farmers (71 percent) and retirees.", "71 percent", "farmer"),
    ],
)
def test_more_implicit_groups(parse, text: str, figure: str, counted: str) -> None:
    assert figures(parse, text)[figure].counted == counted


def test_a_duration_counts_no_time_unit(parse) -> None:
    fig = figures(parse, "The repairs will take at least a couple of weeks.")[
        "at least a couple of weeks"
    ]
    assert (fig.unit, fig.counted) == ("week", None)


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        # "in" a place is where a sum is earned, not what it is made of
        ("Cleaners earn $14 an hour in coastal towns.", "$14 an hour"),
        # a "to" far from the last count is no tally
        ("The town has 40 parks, and the fee rises as a child gets closer to 12.", "12"),
    ],
)
def test_no_group_from_a_place_or_a_distant_count(parse, text: str, figure: str) -> None:
    assert figures(parse, text)[figure].counted is None


def test_a_text_that_is_only_a_number_is_a_figure(parse) -> None:
    assert [s.text for s in parse("1,250").spans[FIGURES]] == ["1,250"]


def test_a_sign_tagged_as_a_particle_stays(parse) -> None:
    found = figures(parse, "We just need minus four percent")
    assert found["minus four percent"].value == -4


@pytest.mark.parametrize(
    ("text", "figure", "unit"),
    [
        ("The painter died on Sunday. She was 88.", "88", "year"),
        ("Okafor was 64 when he left the bench.", "64", "year"),
        ("The score was 64.", "64", None),  # no person
        ("He was 3 votes short.", "3", None),  # the number counts a noun
    ],
)
def test_a_persons_stated_age(parse, text: str, figure: str, unit: str | None) -> None:
    assert figures(parse, text)[figure].unit == unit


@pytest.mark.parametrize(
    ("text", "figure", "counted"),
    [
        ("Two of her nine co-founders left.", "Two", "co-founder"),
        ("Rivera got 410 votes, compared with 380 for Lee.", "380", "vote"),
    ],
)
def test_hyphenated_and_compared_counts(parse, text: str, figure: str, counted: str) -> None:
    assert figures(parse, text)[figure].counted == counted


def test_a_name_is_no_counted_group(parse) -> None:
    assert figures(parse, "Winners:\n4 Alice Grant\n")["4"].counted is None


@pytest.mark.parametrize(
    ("text", "words", "counted"),
    [
        ("The state has 29 electoral votes.", "29", "electoral vote"),
        ("The plan would install 200 million solar panels.", "200 million", "solar panel"),
        ("About 20 percent of top managers are women.", "About 20 percent", "top manager"),
        ("The firm laid off 40 senior engineers.", "40", "senior engineer"),
    ],
)
def test_a_classifying_adjective_stays_in_the_group(parse, text, words, counted) -> None:
    assert figures(parse, text)[words].counted == counted


@pytest.mark.parametrize(
    ("text", "words", "counted"),
    [
        (
            "About 9,000 nurses and care assistants went on strike.",
            "About 9,000",
            "nurse and care assistant",
        ),
        ("The first of five mayor debates is on Monday.", "five", "mayor debate"),
        ("Unemployment for whites ages 18 to 25 fell.", "18 to 25", "white"),
        ("Drivers aged 70 and over must retake the test.", "70 and over", "driver"),
        ("They face 12 states, companies like Acme, and a number of towns.", "12", "state"),
    ],
)
def test_lists_compounds_and_ages_name_the_whole_group(parse, text, words, counted) -> None:
    assert figures(parse, text)[words].counted == counted


@pytest.mark.parametrize(
    ("text", "words", "counted"),
    [
        ("The audit found 14 cases of ballot fraud.", "14", "case of ballot fraud"),
        ("The desk logged 40 complaints about bus delays.", "40", "complaint about bus delay"),
    ],
)
def test_a_complement_keeps_its_compound(parse, text, words, counted) -> None:
    assert figures(parse, text)[words].counted == counted


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        (
            "The credit reaches 6 million low- and middle-income households.",
            "low- and middle-income household",
        ),
        (
            "Rents rose for 2 million low- and moderate-income renters.",
            "low- and moderate-income renter",
        ),
    ],
)
def test_a_hanging_hyphen_keeps_its_coordinated_half(parse, text, counted) -> None:
    doc = parse(text)
    (span,) = doc.spans[FIGURES]
    assert span._.claimtrack_figure.counted == counted
