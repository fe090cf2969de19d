"""Figures that measure rather than count, and tallies of votes: a duration counts no noun ("90
minutes of talks"), a share is not of the noun it sizes ("a 10 percent drop", "the jobless
rate is 21 percent"), and votes for and against are one figure ("voted 19-15"). Every
sentence is written for these tests."""

from __future__ import annotations

import pytest

from claimtrack import figparse
from claimtrack.nlp.annotations import FIGURES


def figures(parse, text: str) -> dict[str, object]:
    doc = parse(text)
    return {span.text: span._.claimtrack_figure for span in doc.spans[FIGURES]}


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("The talks dragged on for 45 minutes of hard bargaining.", "45 minutes"),
        ("Both town halls are 60 minutes, with no breaks.", "60 minutes"),
        ("Nobody expected a full two hours of questions.", "a full two hours"),
        ("The trial took three weeks of testimony.", "three weeks"),
    ],
)
def test_figures_a_duration_counts_no_noun(parse, text: str, words: str) -> None:
    info = figures(parse, text)[words]
    assert info.unit in ("minute", "hour", "week")
    assert info.counted is None


@pytest.mark.parametrize(
    ("text", "words", "counted"),
    [
        ("A ten-day strike shut the port.", "ten-day", "strike"),  # the length as modifier
        ("Voters under 30 backed her.", "under 30", "voter"),  # an age counts its people
    ],
)
def test_figures_lengths_and_ages_keep_their_noun(parse, text, words, counted) -> None:
    assert figures(parse, text)[words].counted == counted


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Sales fell, a 12 percent drop from last year.", "12 percent"),
        ("Investors pay an extra 2.5 percent levy on rental income.", "2.5 percent"),
        ("She missed the 10 percent polling threshold.", "10 percent"),
        ("For teenagers in the city, the jobless rate is 21 percent.", "21 percent"),
        ("Turnout was 64 percent in the county.", "64 percent"),
    ],
)
def test_figures_a_share_is_not_of_the_measure_it_sizes(parse, text: str, words: str) -> None:
    info = figures(parse, text)[words]
    assert info.unit == "percent"
    assert info.counted is None


@pytest.mark.parametrize(
    ("text", "words", "counted"),
    [
        ("About 30 percent of teachers quit.", "About 30 percent", "teacher"),
        ("The county has 40 percent Latino residents.", "40 percent", "Latino resident"),
        ("Polls give her 35 percent support among rural voters.", "35 percent", "rural voter"),
    ],
)
def test_figures_a_share_keeps_the_group_it_is_of(parse, text, words, counted) -> None:
    assert figures(parse, text)[words].counted == counted


@pytest.mark.parametrize(
    ("text", "words", "value"),
    [
        ("The board split 4 to 1 on the measure.", "4 to 1", 4.0),
        ("The justices voted 5-4 to strike the law down.", "5-4", 1.25),
        ("The panel voted 12-8 along party lines.", "12-8", 1.5),
        ("After an 80-20 vote, the treaty went into force.", "80-20", 4.0),
        ("A 3-3 ruling would leave the old map in place.", "3-3", 1.0),
    ],
)
def test_figparse_a_tally_of_votes_is_one_figure(text: str, words: str, value: float) -> None:
    (match,) = figparse.find(text)
    assert text[match.start : match.end] == words
    assert (match.figure.value, match.figure.unit) == (pytest.approx(value), "ratio")


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("The council approved 5 to 10 new parks.", 5, 10),  # the smaller first: a range
        ("Members voted on 3 to 4 bills a week.", 3, 4),
    ],
)
def test_figparse_a_range_after_a_voting_verb_stays_a_range(text, low, high) -> None:
    (match,) = figparse.find(text)
    assert (match.figure.low, match.figure.high, match.figure.unit) == (low, high, None)


def test_figures_a_share_before_a_compound_names_no_group(parse) -> None:
    info = figures(parse, "The party failed to reach the 5 percent voting threshold.")["5 percent"]
    assert info.counted is None


def test_figures_a_share_inside_a_compound_names_no_group(parse) -> None:
    text = "She missed the Election Board’s 15 percent polling threshold."
    assert figures(parse, text)["15 percent"].counted is None
