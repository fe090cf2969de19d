"""What the figure reader returns: `Figure` (a value and the interval its qualifier commits it
to) and `FigureMatch` (a figure found in a text, with its character offsets), and the rule that
turns a qualifier and a value into an interval."""

from __future__ import annotations

import math
from dataclasses import dataclass

QUALIFIERS = (
    "exact",
    "approx",
    "at_least",
    "more_than",
    "at_most",
    "less_than",
    "up_to",
    "range",
    "vague",
)
APPROX_BAND = 0.10  # "about X" is X±10%
BELOW_BAND = 0.10  # "nearly X" is [0.9X, X)

# A bound's open side: "more than 10 and less than 20" joins an upper-open to a lower-open one.
OPEN_SIDE = {
    "more_than": "upper",
    "at_least": "upper",
    "at_most": "lower",
    "less_than": "lower",
    "up_to": "lower",
}


@dataclass(frozen=True, slots=True)
class Figure:
    """A figure as read: `low`/`high` None means unbounded on that side."""

    value: float | None
    low: float | None
    high: float | None
    qualifier: str = "exact"
    low_inclusive: bool = True
    high_inclusive: bool = True
    unit: str | None = None
    currency: str | None = None


@dataclass(frozen=True, slots=True)
class FigureMatch:
    """A figure found in a text, with the character offsets of its words (qualifier included)."""

    start: int
    end: int
    figure: Figure
    words: bool = False  # the number is written in words only ("one", "a dozen")
    bare: bool = True  # no qualifier, unit, currency, scale


def interval(qualifier: str, value: float) -> Figure:
    """The interval a qualifier commits a value to."""
    if qualifier == "approx":
        a, b = value * (1 - APPROX_BAND), value * (1 + APPROX_BAND)
        return Figure(value, min(a, b), max(a, b), "approx")
    if qualifier == "below":
        a = value - abs(value) * BELOW_BAND
        return Figure(value, a, value, "approx", high_inclusive=False)
    if qualifier == "at_least":
        return Figure(value, value, None, "at_least")
    if qualifier == "more_than":
        return Figure(value, value, None, "more_than", low_inclusive=False)
    if qualifier == "at_most":
        return Figure(value, None, value, "at_most")
    if qualifier == "less_than":
        return Figure(value, None, value, "less_than", high_inclusive=False)
    if qualifier == "up_to":
        return Figure(value, None, value, "up_to")
    return Figure(value, value, value, "exact")


def tidy(value: float | None) -> float | None:
    """Drop binary noise from scaling ("16.4 million" is 16400000, not 16399999.999999998)."""
    if value is None:
        return None
    tidied = float(f"{value:.15g}")
    # Rounding the largest floats to 15 digits overflows to infinity: keep those as they are.
    return tidied if math.isfinite(tidied) else value


def finite(fig: Figure) -> bool:
    return all(v is None or math.isfinite(v) for v in (fig.value, fig.low, fig.high))
