"""Reading figures: an amount with its qualifier ("at least", "nearly", "500 or more") turned
into the interval it commits to, and ranges ("4-5 km", "between 20 and 30", "from 15 to 25",
"more than 10 and less than 20") with a shared scale or unit ("1-2 million", "$5-10")."""

from __future__ import annotations

from dataclasses import replace

from claimtrack.figparse.amounts import Amount, AmountReader
from claimtrack.figparse.figure import OPEN_SIDE, Figure, interval

# Words before "past" that make it an adjective of a period ("the past three years").
_DETERMINERS = frozenset(
    {
        "the",
        "this",
        "these",
        "those",
        "that",
        "last",
        "its",
        "his",
        "her",
        "their",
        "our",
        "my",
        "your",
        "in",
        "over",
        "during",
        "for",
        "of",
    }
)

# What `FigureReader.figure_at` returns: the figure, the index after it, its first amount, and
# the qualifier written before it.
Read = tuple[Figure, int, Amount, str | None]


class FigureReader(AmountReader):
    """Reads the figure starting at a token: qualifier, amount or range, qualifier after."""

    def figure_at(self, i: int) -> Read | None:
        """The figure starting at token i: (figure, index after, first amount, qualifier)."""
        lex = self.lex
        qualifier, j = self.phrase(i, lex.prefix)
        if qualifier == "not_a_bound":
            return None
        head = self.low(j)
        if head in lex.range_heads:
            between = self.range_between(j, lex.range_heads[head])
            if between is not None:
                fig, end, amt = between
                return fig, end, amt, qualifier
            if qualifier is None:
                return None
        got = self.amount(j)
        if got is None:
            return None
        amt, end = got
        if amt.value is None and not amt.vague:
            return None
        if qualifier is not None and self.low(i) == "past" and not self.gone_past(i, amt):
            return None  # "the past three years": a period, read again without "past"
        measure = amt.unit not in (None, "fraction")  # "a half turn", "half a mile"
        if amt.bare_word and not measure and not self.bare_fraction_ok(amt, qualifier, end):
            return None
        if qualifier is not None and self.preposition_one(i, j, amt, end):
            return None
        part = self.part_of_percent(amt, end, qualifier)
        if part is not None:
            return part[0], part[1], amt, qualifier
        share = self.proportion(amt, end, qualifier)
        if share is not None:
            return share[0], share[1], amt, qualifier
        # a range "4-5 km", "20 to 30", "5k-20k"
        rng = self.range_tail(amt, end, joiners=lex.range_joiners - {"and"})
        if rng is not None:
            fig, end2 = rng
            return fig, end2, amt, qualifier
        if amt.vague:
            return self.vague_figure(amt, qualifier), end, amt, qualifier
        return self.qualified(amt, end, qualifier)

    def guessed_again(self, fig: Figure, end: int) -> str | None:
        """ "three, maybe four weeks", "four-and-a-half, five years": after a bare number, a
        comma and a second guess at the same quantity (a little larger, a time unit or a hedge
        word before it) whose unit is that of both."""
        if self.low(end) != "," or fig.value is None:
            return None
        hedge, k = self.phrase(end + 1, self.lex.list_hedges)
        got = self.figure_at(k)
        if got is None or got[3] is not None or got[0].value is None:
            return None
        unit = got[0].unit
        if unit is None or unit in ("fraction", "ratio") or got[0].currency is not None:
            return None
        if hedge is None and unit not in self.lex.time_units:
            return None
        return unit if fig.value < got[0].value <= 2 * fig.value + 1 else None

    def gone_past(self, i: int, amt: Amount) -> bool:
        """ "surged past $1 billion", "climbed past 50%", "past 100,000 signatures": a sum, a
        share or a large count gone beyond; not "the past three years" (a determiner before
        it), "walked past 3 houses" or "half past 3"."""
        before = self.low(i - 1) if i > 0 else ""
        threshold = amt.currency is not None or amt.unit == "percent" or (amt.value or 0) >= 1000
        return threshold and before not in _DETERMINERS and before != "half"

    def vague_figure(self, amt: Amount, qualifier: str | None) -> Figure:
        """ "thousands": the lexicon's interval; "at least dozens" keeps only its low end."""
        if qualifier in ("at_least", "more_than"):
            fig = Figure(None, amt.low, None, "at_least", unit=amt.unit, currency=amt.currency)
        else:
            fig = Figure(None, amt.low, amt.high, "vague", unit=amt.unit, currency=amt.currency)
        return self.with_unit(fig, amt)

    def qualified(self, amt: Amount, end: int, qualifier: str | None) -> Read:
        """An amount with its qualifier before or after it ("500 or more", "5000 or less")."""
        assert amt.value is not None
        lex = self.lex
        suffix, send = self.phrase(end, lex.suffix)
        if (
            suffix is not None
            and qualifier in (None, "exact", "approx")
            and not self.starts_number(send)
        ):
            qualifier, end = suffix, send
        inclusive, iend = self.phrase(end, lex.inclusive_suffix)
        if (
            inclusive is not None
            and qualifier in ("more_than", "less_than")
            and not self.starts_number(iend)
        ):
            qualifier = "at_least" if qualifier == "more_than" else "at_most"
            end = iend
        fig = self.with_unit(interval(qualifier or "exact", amt.value), amt)
        # "more than 10 and less than 20": one range
        if qualifier in OPEN_SIDE:
            joined = self.bound_pair(fig, end)
            if joined is not None:
                return joined[0], joined[1], amt, qualifier
        return fig, end, amt, qualifier

    def starts_number(self, j: int) -> bool:
        """ "equal to 5000 or less than 6000": the phrase after a figure opens another one."""
        return j < self.n and (
            self.toks[j].kind == "num" or self.number_follows(j) or self.low(j) == "a"
        )

    def bare_fraction_ok(self, amt: Amount, qualifier: str | None, end: int) -> bool:
        """ "half" alone is a fraction of a group only as "half of ..." or after a qualifier
        ("more than half"); "quarter" alone is a period ("the quarter to June")."""
        if amt.bare_word not in self.lex.bare_fractions:
            return False
        return qualifier is not None or self.low(end) == "of"

    def proportion(self, a: Amount, end: int, qualifier: str | None) -> tuple[Figure, int] | None:
        """ "about $4 of every $5", "3 in every 10": a share of the second amount (unit
        "fraction")."""
        joiner, k = self.phrase(end, self.lex.proportion_joiners)
        if joiner is None or a.value is None or a.value <= 0:
            return None
        got = self.amount(k)
        if got is None:
            return None
        b, end2 = got
        if b.value is None or b.currency != a.currency or b.unit != a.unit or a.value >= b.value:
            return None
        fig = interval(qualifier or "exact", a.value / b.value)
        return replace(fig, unit="fraction"), end2

    def part_of_percent(
        self, a: Amount, end: int, qualifier: str | None
    ) -> tuple[Figure, int] | None:
        """ "less than half of 1 percent": a fraction of a percentage is a percentage (0.5%)."""
        if a.unit != "fraction" or a.value is None or self.low(end) != "of":
            return None
        got = self.amount(end + 1)
        if got is None or got[0].unit != "percent" or got[0].value is None:
            return None
        fig = interval(qualifier or "exact", a.value * got[0].value)
        return replace(fig, unit="percent"), got[1]

    def rate_base(self, end: int) -> tuple[str, int, int] | None:
        """ "12.4 deaths per 100,000 residents": the rate's unit ("per 100,000 residents") and
        the token range of its base, which is no figure; a word or two may come between."""
        k = end
        while k < self.n and k < end + 3 and self.toks[k].kind == "word":
            if self.low(k) in self.lex.rate_words:
                break
            k += 1
        if self.low(k) not in self.lex.rate_words:
            return None
        base = self.cardinal(k + 1)
        if base is None or base.end >= self.n or self.toks[base.end].kind != "word":
            return None
        if self.low(base.end) in self.lex.scale_words:
            return None
        stop = base.end + 1
        text = " ".join(t.text for t in self.toks[k:stop])
        return text, k + 1, stop

    def preposition_one(self, i: int, j: int, amt: Amount, end: int) -> bool:
        """ "clear about one thing", "a row over one vote": a preposition before a lone "one"
        and its noun, not a qualifier ("about one in five", "about one million" stay)."""
        return (
            j == i + 1
            and self.low(i) in self.lex.prepositions
            and self.low(j) == "one"
            and end == j + 1
            and amt.unit is None
            and amt.currency is None
            and end < self.n
            and self.toks[end].kind == "word"
            and self.low(end) not in ("in", "of", "out", "and", "or", "to")
        )

    @staticmethod
    def with_unit(fig: Figure, amt: Amount) -> Figure:
        unit = (
            f"{amt.currency}/{amt.unit}" if amt.currency and amt.unit else amt.currency or amt.unit
        )
        return replace(fig, unit=unit, currency=amt.currency)

    # -- ranges ------------------------------------------------------------------------------
    def bound_pair(self, fig: Figure, end: int) -> tuple[Figure, int] | None:
        """A bound joined to the opposite bound: "more than 10 and less than 20"."""
        joiner, k = self.phrase(end, self.lex.bound_joiners)
        if joiner is None:
            return None
        qualifier, j = self.phrase(k, self.lex.prefix)
        if qualifier not in OPEN_SIDE or OPEN_SIDE[qualifier] == OPEN_SIDE.get(fig.qualifier):
            return None
        got = self.amount(j)
        if got is None or got[0].value is None:
            return None
        amt, end2 = got
        assert amt.value is not None
        other = self.with_unit(interval(qualifier, amt.value), amt)
        lower, upper = (fig, other) if fig.low is not None else (other, fig)
        if lower.low is None or upper.high is None or lower.low >= upper.high:
            return None
        joined = Figure(
            None,
            lower.low,
            upper.high,
            "range",
            lower.low_inclusive,
            upper.high_inclusive,
            unit=fig.unit or other.unit,
            currency=fig.currency or other.currency,
        )
        return joined, end2

    def range_between(self, j: int, joiners: frozenset[str]) -> tuple[Figure, int, Amount] | None:
        """ "between 20 and 30", "from 15 to 25", "between the ages of 17 and 20" (years): j is
        at the head word."""
        k = j + 1
        k += self.low(k) == "the"
        age = self.low(k) in self.lex.age_before
        if age:
            k += 1 + (self.low(k + 1) == "of")
        else:
            k = j + 1
        got = self.amount(k)
        if got is None or got[0].value is None:
            return None
        amt, end = got
        rng = self.range_tail(amt, end, joiners=joiners)
        if rng is None:
            return None
        fig = replace(rng[0], unit="year") if age and rng[0].unit is None else rng[0]
        return fig, rng[1], amt

    def range_tail(self, a: Amount, end: int, joiners: frozenset[str]) -> tuple[Figure, int] | None:
        """The second end of a range after amount `a` ("-5 km", "to 30"), as one figure."""
        if a.value is None or end >= self.n:
            return None
        w = self.low(end)
        if (
            w in ("-", "–")
            and end + 1 < self.n
            and self.low(end + 1) == "to"
            and self.toks[end].glued
            and not self.toks[end + 1].glued
        ):
            end, w = end + 1, "to"  # "18- to 24-year-olds": a hyphen left hanging
        if w not in joiners:
            return None
        if w in ("-", "–") and end + 1 < self.n and self.low(end + 1) in ("-", "–"):
            return None
        got = self.amount(end + 1)
        if got is None or got[0].value is None:
            return None
        b, end2 = got
        if w in ("-", "–", "~") and not (a.digits and b.digits):
            return None  # "three-nought-four" is not a range
        if not _same_kind(a, b, w):
            return None
        lo, hi = a.value, b.value
        assert lo is not None and hi is not None
        # a shared scale or unit: "1-2 million", "4-5 km", "$5-10"
        if not a.scaled and b.scaled and hi and a.unit != "percent":
            ratio = self.scale_of(b)
            if ratio and lo * ratio <= hi:
                lo *= ratio
        if lo < 0 < hi and w in ("-", "–"):
            hi = -hi  # "negative 42%-49%", "-3-5 °C": a dash range keeps its first end's sign
        if lo > hi and hi < 0:
            lo, hi = hi, lo  # "from -3 °C to -9 °C": written by magnitude
        if lo >= hi:
            return None
        currency = a.currency or b.currency
        unit = currency or b.unit or a.unit
        if currency and (a.unit or b.unit):
            unit = f"{currency}/{b.unit or a.unit}"  # "$35,000 to $60,000 a year"
        return Figure(None, lo, hi, "range", unit=unit, currency=currency), end2

    def scale_of(self, b: Amount) -> float:
        """The scale a range's scaled high end shares with its low end."""
        if b.value is None:
            return 0.0
        for scale in sorted(set(self.lex.scale_words.values()) | {100.0}, reverse=True):
            if abs(b.value) >= scale:
                return scale
        return 0.0


def _same_kind(a: Amount, b: Amount, joiner: str) -> bool:
    """Whether two amounts can be a range's ends: "rose 15% to $415.9 million" is a change."""
    if a.currency and b.currency and a.currency != b.currency:
        return False
    if a.currency and b.currency:
        return not (a.unit and b.unit and a.unit != b.unit)  # a rate after the high end: both
    if (a.unit and b.unit and a.unit != b.unit) or (a.unit and b.currency or a.currency and b.unit):
        return False
    return not (
        joiner == "to" and (bool(a.unit or a.currency) != bool(b.unit or b.currency)) and a.unit
    )
