"""The quantity frame's cross-figure parts: article dates, periods as dates, names resolved
across articles, and copies of one story."""

from __future__ import annotations

from datetime import date

import pytest

from claimtrack.frames import (
    NamedDays,
    Names,
    article_date,
    name_parts,
    resolve_period,
    stories,
    when_clause_time,
)

ARTICLE_DATES = [
    # (metadata, path, text, expected)
    ("2021-05-04", "x.txt", None, date(2021, 5, 4)),
    (None, "archive/paper_2019-11-30_council-vote.txt", None, date(2019, 11, 30)),
    (None, "archive/20190102-story.html", None, date(2019, 1, 2)),
    (None, "a.txt", "LONDON, March 3, 2020 — The council said on Tuesday ...", date(2020, 3, 3)),
    (None, "a.txt", "The council met on Tuesday and said nothing new.", None),
    (None, None, None, None),
]


@pytest.mark.parametrize(("metadata", "path", "text", "expected"), ARTICLE_DATES)
def test_frames_article_date(metadata, path, text, expected):
    assert article_date(metadata, path, text) == expected


PERIODS = [
    # (phrase, article date, expected interval)
    ("on March 1", date(2016, 2, 4), (date(2016, 3, 1), date(2016, 3, 1))),
    ("in 2014", date(2016, 7, 6), (date(2014, 1, 1), date(2014, 12, 31))),
    ("last year", date(2015, 6, 1), (date(2014, 1, 1), date(2014, 12, 31))),
    ("in May", date(2019, 8, 10), (date(2019, 5, 1), date(2019, 5, 31))),
    ("on March 1, known as Super Tuesday", date(2016, 2, 10), (date(2016, 3, 1), date(2016, 3, 1))),
    ("since the war began", date(2019, 8, 10), None),
    ("after that", date(2019, 8, 10), None),
    (None, date(2019, 8, 10), None),
]


@pytest.mark.parametrize(("phrase", "base", "expected"), PERIODS)
def test_frames_periods_resolve_against_the_article_date(phrase, base, expected):
    assert resolve_period(phrase, base) == expected


def test_frames_name_parts_drop_titles_and_initials():
    assert name_parts("Mr. Trump") == ("trump",)
    assert name_parts("Donald J. Trump") == ("donald", "trump")
    assert name_parts("Sen. Jane Roe's") == ("jane", "roe")


def test_frames_names_resolve_a_surname_only_where_the_corpus_is_clear():
    names = Names(
        ["Jane Roe", "Jane Q. Roe", "Ms. Roe", "Roe", "Ann Lee", "Bo Lee", "Ann Lee", "Lee"]
    )
    assert names.canonical("Mr. Roe") == names.canonical("Jane Q. Roe") == "jane roe"
    assert names.canonical("Roe") == "jane roe"
    # two Lees named often: "Lee" alone is neither
    assert names.canonical("Lee") == "lee"
    assert names.canonical("Ann Lee") == "ann lee" != names.canonical("Bo Lee")
    assert names.canonical(None) is None


def test_frames_copies_of_one_story_are_one_story():
    wire = {1, 2, 3}
    found = stories(
        {
            "paper": wire | {4},
            "site": set(wire),
            "other": {1, 5, 6, 7},  # one shared sentence is not a copy
        }
    )
    assert found["paper"] == found["site"]
    assert found.get("other", "other") == "other"


NAMED_DAY_TEXTS = [
    ("The primaries end on May 3, known as Primary Tuesday, in six states.", date(2021, 4, 2)),
    ("Polls open early on Harvest Day (Oct. 9) across the county.", date(2020, 9, 1)),
    ("Harvest Day, Oct. 14, 2021, drew crowds again.", None),
    # a weekday with only time words before it names no day
    ("Last Tuesday, May 3, the council met.", date(2021, 5, 5)),
    ("the polls on Tuesday, May 3, were quiet", date(2021, 5, 5)),
]

NAMED_DAYS = [
    # (phrase, article date, expected day)
    ("on Primary Tuesday", date(2021, 3, 20), date(2021, 5, 3)),
    ("Primary Tuesday", date(2021, 6, 1), date(2021, 5, 3)),
    ("on Harvest Day", date(2020, 8, 1), date(2020, 10, 9)),
    ("on Harvest Day", date(2021, 9, 30), date(2021, 10, 14)),  # the year's own
    ("on Primary Tuesday", date(2023, 3, 1), None),  # another year: not known
    ("before Primary Tuesday", date(2021, 3, 20), None),  # not the day itself
    ("last Tuesday", date(2021, 5, 5), None),  # dateparser's, not a name
    ("on Market Day", date(2021, 3, 20), None),  # never given a date
]


@pytest.mark.parametrize(("phrase", "base", "expected"), NAMED_DAYS)
def test_frames_named_days_are_learned_from_the_corpus(phrase, base, expected):
    days = NamedDays(NAMED_DAY_TEXTS)
    found = days.resolve(phrase, base)
    assert found == ((expected, expected) if expected else None)


def test_frames_named_days_fall_back_to_dateparser():
    days = NamedDays(NAMED_DAY_TEXTS)
    assert days.period("in May", date(2021, 3, 1)) == (date(2021, 5, 1), date(2021, 5, 31))
    assert days.period("on Primary Tuesday", date(2021, 3, 1)) == (date(2021, 5, 3),) * 2


WHEN_CLAUSES = [
    # (text up to the figure, the time the clause hangs on)
    ("Turnout should rise on Primary Tuesday, when voters in ", "Primary Tuesday"),
    ("It all changes just before Primary Tuesday, when ", "Primary Tuesday"),
    ("The count resumes on May 3, when ", "May 3"),
    ("He arrived on Friday, when ", "Friday"),
    # the clause ended before the figure, or "when" opens no clause on a time
    ("On Primary Tuesday, when it rained, the council counted ", None),
    ("He said, when asked, that ", None),
    ("The mayor will decide when ", None),
    ("on primary tuesday, when ", None),  # no name in lower case
]


@pytest.mark.parametrize(("before", "expected"), WHEN_CLAUSES)
def test_frames_when_clause_gives_its_figure_a_time(before, expected):
    assert when_clause_time(before) == expected
