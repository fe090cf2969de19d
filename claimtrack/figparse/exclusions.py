"""What looks like a figure but is not one: dates and times ("Feb. 24", "5 p.m."), years and
year spans ("in 2014", "from 2014 to 2022"), identifiers ("No. 2", "MH17", "24/7"), ordinals
glued to letters ("4th"), compound adjectives ("a 141-page journal") and "one" as a pronoun ("the
one", "one of the").

Each rule gives a verdict (True: not a figure, False: a figure) or None to leave it to the next
rule; a candidate no rule decides is a figure. Ages are figures (unit year: `is_age`)."""

from __future__ import annotations

import re
from collections.abc import Callable

from claimtrack.figparse.amounts import Amount
from claimtrack.figparse.tables import Lexicon
from claimtrack.figparse.tokens import Tok
from claimtrack.figparse.wordings import Candidate, WordingRules

YEAR = re.compile(r"1[89]\d\d|20\d\d")
# Qualifiers that leave "one of" a member of a set rather than a count ("only one of many").
_ONE_OK = (None, "exact")
# Prepositions before a street address ("at 10 Downing Street in London").
_PLACE_PREPS = frozenset({"at", "of", "on", "near", "to", "from", "outside", "inside", "behind"})


class NotFigureRules(WordingRules):
    """The rules (`_RULES`, in order) over one token list."""

    def __init__(self, toks: list[Tok], lex: Lexicon) -> None:
        self.toks = toks
        self.n = len(toks)
        self.lex = lex

    def excluded(self, i: int, end: int, amt: Amount, qualifier: str | None) -> bool:
        """Whether the figure read at tokens [i, end) is a date, time, ordinal, identifier or
        compound adjective rather than a figure."""
        toks = self.toks
        c = Candidate(
            i,
            end,
            amt,
            qualifier,
            first=toks[i],
            last=toks[end - 1],
            prev=toks[i - 1] if i > 0 else None,
            nxt=toks[end] if end < self.n else None,
            money=amt.currency is not None,
        )
        for rule in _RULES:
            verdict = rule(self, c)
            if verdict is not None:
                return verdict
        return False

    def compound_adjective(self, c: Candidate) -> bool | None:
        """ "141-page journal" (a measure stays: "a 5-km stretch", "a 16-year-old"; money too:
        "a $300-million deal")."""
        nxt = c.nxt
        if nxt is not None and nxt.low in ("-", "‐") and nxt.glued and c.end + 1 < self.n:
            after = self.toks[c.end + 1]
            if after.glued and after.kind == "word" and not c.money and c.amt.unit != "percent":
                measure = c.amt.unit is not None or c.last.kind == "word"  # "18- to 24-year"
                if measure and after.low in self.lex.age_after:
                    return False  # "a 16-year-old": an age
                # "fifty-fifty": the same number word twice is odds, not a number
                return after.low not in self.lex.number_words or after.low == c.last.low
        return None

    def glued_to_letters(self, c: Candidate) -> bool | None:
        """ "4th", "2nd", "11a", "MH17", "SCP-173", "Su-25"."""
        nxt, prev, i = c.nxt, c.prev, c.i
        if nxt is not None and nxt.glued and nxt.kind == "word" and c.last.kind == "num":
            return True
        if prev is not None and c.first.glued and c.first.kind == "num" and not c.money:
            if prev.kind == "word":
                return True
            before = self.toks[i - 2] if i > 1 else None
            if prev.low in ("-", "/") and prev.glued and before and before.kind == "word":
                return any(ch.isupper() for ch in before.text)
        return None

    def markup_value(self, c: Candidate) -> bool | None:
        """'tweet_id="7834916"', "timestamp='1474387200'": a value of markup left in the text
        (a quote glued after "=")."""
        i, toks = c.i, self.toks
        if i > 1 and toks[i - 1].text in ('"', "'") and toks[i - 2].text == "=" and c.first.glued:
            return True
        return None

    def numbered_name(self, c: Candidate) -> bool | None:
        """ "No. 2 City", "#3"."""
        prev, i = c.prev, c.i
        if prev is None or c.qualifier or c.money:
            return None
        prefixes = self.lex.identifier_prefixes
        pw = prev.low
        if pw == "." and i > 1 and self.toks[i - 2].low + "." in prefixes:
            return True
        if (
            pw in prefixes
            and pw not in ("no", "number")
            or (pw in ("no", "number") and prev.text[0].isupper() and c.first.kind == "num")
        ):
            return True
        return None

    def date_or_time(self, c: Candidate) -> bool | None:
        """ "Feb. 24", "24 February", "May 14, 2022", "5 p.m."."""
        if c.money or c.amt.unit is not None or c.first.kind != "num":
            return None
        if self.month_near(c.i, c.end) or self.day_before_year(c):
            return True
        following = "".join(t.low for t in self.toks[c.end : c.end + 4])
        nxt = c.nxt
        if nxt is not None and (
            nxt.low in self.lex.time_suffixes or following.startswith(("a.m", "p.m"))
        ):
            return True
        return None

    def slashed_pair(self, c: Candidate) -> bool | None:
        """ "24/7", "9/11": a slash between whole numbers that is no fraction."""
        nxt, prev, i, end = c.nxt, c.prev, c.i, c.end
        if nxt is not None and nxt.low == "/" and nxt.glued and end + 1 < self.n:
            return self.toks[end + 1].kind == "num" and self.toks[end + 1].glued
        if prev is not None and prev.low == "/" and prev.glued and c.first.glued and i > 1:
            return self.toks[i - 2].kind == "num" and not c.qualifier
        return None

    def is_age(self, i: int, qualifier: str | None) -> bool:
        """ "aged 73", "aged nearly 73", "a man of age 87": an age written without its unit."""
        lex, toks = self.lex, self.toks
        if i > 0 and toks[i - 1].low in lex.age_before:
            return True
        if i > 1 and toks[i - 1].low == "at" and toks[i - 2].low in lex.age_at_verbs:
            return True  # "died at 92"
        k = i - 1
        while (
            k >= 0 and toks[k].kind == "word" and i - k <= 3 and toks[k].low not in lex.age_before
        ):
            k -= 1
        return bool(qualifier) and k >= 0 and toks[k].low in lex.age_before

    def someday(self, c: Candidate) -> bool | None:
        """ "we will win one day", "one day the state will": someday, not a duration; one
        after a word of duration ("for one day", "lasted one day", "only one day") or before a
        rate ("one day a week") stays a duration."""
        if c.end != c.i + 2 or c.first.low != "one" or c.last.low != "day" or c.qualifier:
            return None
        if c.nxt is not None and c.nxt.low in ("a", "an", "per", "each", "of", "-", "‐"):
            return None
        return c.prev is None or c.prev.low not in self.lex.duration_before

    def word_in_compound(self, c: Candidate) -> bool | None:
        """ "high-five", "one-on-one", the second "fifty" of "fifty-fifty": a number word glued
        by a hyphen to a word before it that is not part of the number."""
        prev, i = c.prev, c.i
        if c.first.kind != "word" or not c.first.glued or prev is None or i < 2:
            return None
        before = self.toks[i - 2]
        if prev.low in ("-", "‐") and prev.glued and before.kind == "word":
            # a number word before it is a digit read out ("three-nought-four") unless the
            # same word says odds ("fifty-fifty")
            return before.low not in self.lex.number_words or before.low == c.first.low
        return None

    def short_year(self, c: Candidate) -> bool | None:
        """ "in '08", "the class of ’98": two digits after an opening apostrophe are a year."""
        prev, first = c.prev, c.first
        if prev is None or prev.text not in ("'", "’", "‘") or not first.glued:
            return None
        if first.kind != "num" or len(first.text) != 2 or c.money or c.amt.unit is not None:
            return None
        before = self.toks[c.i - 2] if c.i > 1 else None
        if before is not None and prev.glued and (before.kind != "sym" or before.text in "'’‘"):
            return None  # "Obama'08" glued to a word; "''24" is a quotation
        return True

    def poll_answer(self, c: Candidate) -> bool | None:
        """ "Forty-three, yes; fifty, no": a tally of a poll's answers, with no unit said."""
        if c.qualifier or c.money or c.amt.unit is not None or c.nxt is None:
            return None
        if c.nxt.low == "," and c.end + 1 < self.n:
            return self.toks[c.end + 1].low in self.lex.answer_words or None
        return None

    def street_address(self, c: Candidate) -> bool | None:
        """ "at 10 Downing Street", "131 West 23rd Street,": a number before a street's name;
        "12 Wall Street banks" is a count of banks."""
        if c.end != c.i + 1 or c.first.kind != "num" or c.qualifier or c.money:
            return None
        toks, lex = self.toks, self.lex
        for k in range(c.end, min(c.end + 5, self.n)):
            t = toks[k]
            if t.low in lex.street_words and t.text[0].isupper() and k > c.end:
                after = k + 1 if k + 1 < self.n and toks[k + 1].low == "." else k
                nxt = toks[after + 1] if after + 1 < self.n else None
                place = c.prev is not None and c.prev.low in _PLACE_PREPS
                return nxt is None or nxt.kind != "word" or nxt.text[0].isupper() or place
            if not (t.text[0].isupper() or t.kind == "num" or t.low in lex.ordinal_suffixes):
                return None
        return None

    def dated_duration(self, c: Candidate) -> bool | None:
        """ "three years ago", "two days later", "six years after she left": a point in time,
        not a duration ("for two years after the war" is how long)."""
        if c.amt.unit in self.lex.time_units and c.nxt is not None and not c.money:
            if c.nxt.low == "after" and c.prev is not None and c.prev.low == "for":
                return None
            return c.nxt.low in self.lex.dated_by or None
        return None

    def sum_of_digits(self, c: Candidate) -> bool | None:
        """ "she earns six figures": the number of digits of a sum, an idiom and no figure."""
        if c.nxt is None or c.nxt.low not in self.lex.sum_of_digits or c.qualifier or c.money:
            return None
        after = self.toks[c.end + 1] if c.end + 1 < self.n else None
        if after is not None and after.low in ("who", "from", "of"):
            return None  # "six figures from the cabinet": people
        return (c.amt.words and c.amt.unit is None and c.end == c.i + 1) or None

    def year_span(self, c: Candidate) -> bool | None:
        """ "between 2019 and 2021", "from 2014 to 2022"."""
        amt = c.amt
        if c.money or amt.unit is not None or amt.scaled:
            return None
        years = [t for t in self.toks[c.i : c.end] if t.kind == "num"]
        if len(years) > 1 and all(YEAR.fullmatch(t.text) for t in years):
            return True
        return None

    def pronoun_one(self, c: Candidate) -> bool | None:
        """ "the one", "which one", "one of the", "only one of many"."""
        amt, prev, nxt = c.amt, c.prev, c.nxt
        if not amt.words or c.last.low != "one" or amt.scaled or c.qualifier not in _ONE_OK:
            return None
        if not c.qualifier and prev is not None and prev.low in self.lex.pronoun_one_before:
            return True
        if nxt is not None and nxt.low in ("of", "another"):
            return True
        return None

    def bare_year(self, c: Candidate) -> bool | None:
        """ "in 2014", "2014."."""
        amt, first = c.amt, c.first
        if (
            amt.digits
            and not amt.scaled
            and not c.money
            and amt.unit is None
            and not c.qualifier
            and c.end == c.i + 1
            and first.kind == "num"
            and YEAR.fullmatch(first.text)
        ):
            if c.prev is not None and (
                c.prev.low in self.lex.year_prepositions or c.prev.text in ("©", "(c)")
            ):
                return True
            if c.nxt is None or c.nxt.kind != "word":
                return True
            # "her 2000 Senate campaign", "a 2018 governor's race": a year naming an event
            after = self.toks[c.end + 1] if c.end + 1 < self.n else None
            if (
                c.nxt.text[0].isupper()
                or c.nxt.low.endswith("'s")
                or (after is not None and after.low in ("'", "’"))
            ):
                return True
        return None

    def day_before_year(self, c: Candidate) -> bool:
        """ "...February 6, 2016" with the month glued to the word before it: a day of the
        month, then a comma and a year."""
        value = c.amt.value
        if c.qualifier or value is None or not (1 <= value <= 31) or c.end != c.i + 1:
            return False
        toks = self.toks
        if c.nxt is None or c.nxt.low != "," or c.end + 1 >= self.n:
            return False
        year = toks[c.end + 1]
        after = toks[c.end + 2] if c.end + 2 < self.n else None
        return (
            year.kind == "num"
            and YEAR.fullmatch(year.text) is not None
            and (after is None or after.kind != "num")
            and (c.prev is None or c.prev.kind == "word")
        )

    def month_near(self, i: int, end: int) -> bool:
        """A month name just before or after the number ("Feb. 24", "24 February",
        "May 14, 2022")."""
        toks, months = self.toks, self.lex.months
        k = i - 1
        if k >= 0 and toks[k].low == ".":
            k -= 1
        if k >= 0 and toks[k].low in months and (toks[k].text[0].isupper() or toks[k].low != "may"):
            return True
        if k >= 0 and toks[k].low == "," and k >= 1 and toks[k - 1].kind == "num":
            j = k - 2
            if j >= 0 and toks[j].low == ".":
                j -= 1
            if j >= 0 and toks[j].low in months:
                return True
        if end < self.n:
            w = toks[end]
            if w.low in months and w.low != "may" and (w.text[0].isupper() or len(w.low) > 3):
                return True
            if w.low == "of" and end + 1 < self.n and toks[end + 1].low in months:
                return True
        return False


# In order; a class attribute, not a list of bound methods on each instance: that would be a
# reference cycle keeping every scanned token list alive until the garbage collector runs.
_RULES: tuple[Callable[[NotFigureRules, Candidate], bool | None], ...] = (
    NotFigureRules.compound_adjective,
    NotFigureRules.glued_to_letters,
    NotFigureRules.markup_value,
    NotFigureRules.numbered_name,
    NotFigureRules.date_or_time,
    NotFigureRules.slashed_pair,
    NotFigureRules.dated_duration,
    NotFigureRules.sum_of_digits,
    NotFigureRules.someday,
    NotFigureRules.word_in_compound,
    NotFigureRules.short_year,
    NotFigureRules.decade,
    NotFigureRules.list_marker,
    NotFigureRules.idiom,
    NotFigureRules.kind_name,
    NotFigureRules.poll_answer,
    NotFigureRules.street_address,
    NotFigureRules.year_span,
    NotFigureRules.pronoun_one,
    NotFigureRules.bare_year,
)
