"""Issue 16, the error classes found by judging figures in real news: hyphenated number words,
"one day" meaning someday, the written form of what is counted, rates on the noun a sum is the
value of, poll answers and short years that are no figures, "$2-million", and ages given as a
range after people. Every sentence is written for these tests."""

from __future__ import annotations

import pytest

from claimtrack import figparse

from .figure_spans import figures


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("She spent four-and-a-half years abroad.", 4.5, "year"),
        ("The fund lost two-and-a-half million dollars.", 2.5e6, None),
        ("Twenty-seven ships sank.", 27, None),
        ("Ninety-one voters were turned away.", 91, None),
        ("The club has sixty-four members.", 64, None),
    ],
)
def test_figparse_hyphenated_number_words_are_one_number(text, value, unit) -> None:
    found = figparse.find(text)
    assert len(found) == 1, found
    assert found[0].figure.value == pytest.approx(value)
    if unit is not None:
        assert found[0].figure.unit == unit


@pytest.mark.parametrize(
    "text",
    [
        "The players traded high-five slaps.",
        "She had a one-on-one talk with him.",
        "It is a fifty-fifty bet.",
        "He ran a top-ten campaign.",
    ],
)
def test_figparse_a_number_word_inside_a_hyphenated_word_is_no_figure(text) -> None:
    assert figparse.find(text) == []


def test_figparse_digits_read_out_one_by_one_stay_figures() -> None:
    values = [m.figure.value for m in figparse.find("The code was five-nought-two.")]
    assert values == [5, 0, 2]


@pytest.mark.parametrize(
    ("text", "is_figure"),
    [
        ('"We will get there one day," she said.', False),
        ("One day the river will flood the town.", False),
        ("He hopes to one day run the firm.", False),
        ("The town could one day host the games.", False),
        ("The strike lasted one day.", True),
        ("The mine closed for one day.", True),
        ("They work one day a week.", True),
        ("It took only one day to fix.", True),
        ("The ban lasted at least one day.", True),
    ],
)
def test_figparse_one_day_is_someday_unless_a_duration_is_said(text, is_figure) -> None:
    found = [m for m in figparse.find(text) if m.figure.unit == "day"]
    assert bool(found) is is_figure, found


@pytest.mark.parametrize(
    "text",
    [
        "Do you back the plan? Sixty-one, yes; thirty, no.",
        "Asked about the tax: 44, no.",
        "She won the state in '08 and again in ’12.",
        "The class of '97 met again.",
    ],
)
def test_figparse_poll_answers_and_short_years_are_no_figures(text) -> None:
    assert figparse.find(text) == []


def test_figparse_a_quoted_number_is_still_a_figure() -> None:
    (got,) = figparse.find("He said ''12 people were hurt.''")
    assert got.figure.value == 12


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The city spent $3-million on the park.", 3e6),
        ("The deal is worth $1.5-billion.", 1.5e9),
    ],
)
def test_figparse_a_hyphenated_scale_multiplies(text, value) -> None:
    (got,) = figparse.find(text)
    assert got.figure.value == pytest.approx(value)
    assert got.figure.currency == "USD"


def test_figparse_a_hyphen_to_a_number_is_still_a_range() -> None:
    (got,) = figparse.find("They hired 3-5 people.")
    assert (got.figure.low, got.figure.high) == (3, 5)


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        ("The state added 400 more nurses.", "nurse"),
        ("The bill covers 3 million more workers.", "worker"),
        ("The town hired 12 additional teachers.", "teacher"),
        ("Residents pay nine taxes.", "tax"),
        ("The firm shipped 300 boxes.", "box"),
        ("The diocese closed 14 churches.", "church"),
        ("The city hired 20 plain-clothes detectives.", "plain-clothes detective"),
        ("The agency caught 15 arms dealers.", "arms dealer"),
    ],
)
def test_counted_keeps_the_noun_in_its_written_form(parse, text, counted) -> None:
    ((_, info),) = figures(parse, text)
    assert info.counted == counted


def test_counted_a_number_without_more_is_unchanged(parse) -> None:
    ((_, info),) = figures(parse, "The state hired 400 nurses.")
    assert info.counted == "nurse"


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("The average weekly wage in the county is $610.", "USD/week"),
        ("Her monthly rent was $900.", "USD/month"),
        ("The annual fee is $45.", "USD/year"),
        ("The fee is $45.", "USD"),
    ],
)
def test_rate_on_the_noun_a_sum_is_the_value_of(parse, text, unit) -> None:
    ((_, info),) = figures(parse, text)
    assert (info.unit or info.currency) == unit or f"{info.currency}/{info.unit}" == unit, info


@pytest.mark.parametrize(
    ("text", "low", "high", "counted"),
    [
        ("Voters 18 to 24 stayed home.", 18, 24, "voter"),
        ("Women between 45 and 64 backed the bill.", 45, 64, "woman"),
    ],
)
def test_a_range_after_people_is_their_age(parse, text, low, high, counted) -> None:
    ((_, info),) = figures(parse, text)
    assert (info.low, info.high, info.unit, info.counted) == (low, high, "year", counted)


def test_a_range_before_its_noun_is_a_count(parse) -> None:
    ((_, info),) = figures(parse, "Voters saw 18 to 24 ads a day.")
    assert info.unit != "year"


@pytest.mark.parametrize(
    ("text", "is_figure"),
    [
        ("The shop is at 48 Harbor Street, near the port.", False),
        ("They marched to 200 East 42nd Street in the rain.", False),
        ("She lives at 9 Elm Road.", False),
        ("Regulators fined 12 Main Street banks.", True),
        ("The city paved 30 streets.", True),
    ],
)
def test_figparse_a_street_address_is_no_figure(text, is_figure) -> None:
    assert bool(figparse.find(text)) is is_figure


@pytest.mark.parametrize(
    ("text", "zero"),
    [
        ("Commuters weren't paying attention to the signs.", False),
        ("The mayor did not pay tribute to the workers.", False),
        ("The interns were not paid.", True),
    ],
)
def test_a_negated_idiom_states_no_zero(parse, text, zero) -> None:
    found = [info for _, info in figures(parse, text) if info.value == 0]
    assert bool(found) is zero, found


def test_counted_drops_a_complement_cut_short_by_a_name(parse) -> None:
    ((_, info),) = figures(parse, "Nine judges of the U.S. Court of Appeals heard the case.")
    assert info.counted == "judge"


@pytest.mark.parametrize(
    ("text", "value"),
    [("There is a one-in-four chance of rain.", 0.25), ("Two-in-three donors gave twice.", 2 / 3)],
)
def test_figparse_a_hyphenated_share_is_a_fraction(text, value) -> None:
    got = figparse.find(text)[0]
    assert (got.figure.value, got.figure.unit) == (pytest.approx(value), "fraction")


def test_figparse_maybe_between_numbers_is_no_poll_answer() -> None:
    assert [m.figure.value for m in figparse.find("It takes three, maybe four weeks.")] == [3, 4]


def test_figparse_one_day_left_is_a_duration() -> None:
    assert figparse.find("The race is close with one day to go.")[0].figure.unit == "day"


def test_counted_of_whom_after_a_share_is_the_shares_group(parse) -> None:
    text = "The city houses 15 percent of the state's nurses, 60 percent of whom are unionized."
    infos = [info for _, info in figures(parse, text)]
    assert [i.counted for i in infos] == ["nurse", "nurse"]


@pytest.mark.parametrize(
    "text",
    [
        "The park is a tenth of the $40 million planners say it needs.",
        "The bridge costs less than the $9 million engineers estimate it needs.",
    ],
)
def test_counted_a_sum_is_not_the_people_who_report_it(parse, text) -> None:
    infos = [info for _, info in figures(parse, text) if info.currency]
    assert infos and all(i.counted in (None, "park", "bridge") for i in infos), infos


@pytest.mark.parametrize(
    ("text", "money"),
    [
        ("The founder made millions before the crash.", True),
        ("The chain lost billions last year.", True),
        ("The app reached millions of users.", False),
    ],
)
def test_a_bare_scale_a_money_verb_takes_is_a_sum(parse, text, money) -> None:
    ((_, info),) = figures(parse, text)
    assert (info.unit == "money" or info.currency is not None) is money, info


def test_figparse_in_the_red_is_negative() -> None:
    (got,) = figparse.find("The club ended the year $3 million in the red.")
    assert got.figure.value == -3e6


def test_a_share_of_a_monthly_sum_is_no_rate(parse) -> None:
    ((_, info),) = figures(parse, "Donors give a third of its monthly income.")
    assert info.unit == "fraction"


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The path is half a mile long.", 0.5, "mile"),
        ("The call took half an hour.", 0.5, "hour"),
        ("Rates fell half a percentage point.", 0.5, "percentage_point"),
    ],
)
def test_figparse_a_fraction_of_a_unit(text, value, unit) -> None:
    (got,) = figparse.find(text)
    assert (got.figure.value, got.figure.unit) == (value, unit)


@pytest.mark.parametrize(
    ("text", "is_figure"),
    [
        ('"You are 100 percent wrong," she said.', False),
        ("I am 100 percent behind the coach.", False),
        ("Sales rose 100 percent last year.", True),
        ("The town saw a 100 percent increase in fees.", True),
    ],
)
def test_a_hundred_percent_as_a_degree_is_no_figure(parse, text, is_figure) -> None:
    found = [info for _, info in figures(parse, text) if info.unit == "percent"]
    assert bool(found) is is_figure, found


@pytest.mark.parametrize(
    ("text", "zero"),
    [
        ("The city will collect unpaid taxes.", False),
        ("Residents have unpaid bills.", False),
        ("Unpaid interns staff the office.", True),
    ],
)
def test_an_unpaid_sum_is_owed_not_zero(parse, text, zero) -> None:
    found = [info for _, info in figures(parse, text) if info.value == 0]
    assert bool(found) is zero, found


def test_counted_a_sum_valued_as_the_figure_names_nothing(parse) -> None:
    ((_, info),) = figures(parse, "The office puts the figure at $12 billion.")
    assert info.counted is None


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Her lead in the poll was 9 points.", "percentage_point"),
        ("The team won by 9 points.", None),
    ],
)
def test_points_in_a_sentence_about_polls_are_percentage_points(parse, text, unit) -> None:
    ((_, info),) = figures(parse, text)
    assert info.unit == unit


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        ("The plan would cut 3 million public sector jobs.", "public sector job"),
        ("Police said 12 others were hurt.", None),
    ],
)
def test_counted_compound_modifiers_and_vague_others(parse, text, counted) -> None:
    ((_, info),) = figures(parse, text)
    assert info.counted == counted


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("The debt is nearing $9 trillion.", "approx"),
        ("Sales are topping $2 billion.", "more_than"),
    ],
)
def test_figparse_a_verb_of_approach_is_a_qualifier(text, qualifier) -> None:
    (got,) = figparse.find(text)
    assert got.figure.qualifier == qualifier


def test_counted_a_hyphenated_name_is_written_once(parse) -> None:
    ((_, info),) = figures(parse, "She won 80 percent of the African-American vote.")
    assert info.counted == "African-American vote"
