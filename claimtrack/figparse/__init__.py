"""Figures in plain text: find them and read them into value, interval, qualifier, unit, currency.

Pure Python on purpose (no spaCy): the pipeline component (`claimtrack.nlp.figures`) and the
benchmark run the same reader, so the logic lives once. The component adds what needs a parse
(dates found by NER, numbers that name things, "one" as a determiner); this package knows only
words.

Finding and reading are apart, as in Recognizers-Text's extractors and parsers:
- `finder`: windows of text that could hold a figure, the scan, and `find`/`parse`;
- `exclusions`: what looks like a figure but is not (dates, ages, identifiers, ...), with
  `wordings` (decades, spoken list markers, idioms, lengths that name a kind);
- `reader`: qualifiers and ranges around amounts, into intervals;
- `amounts`: currencies, units and percent around a number;
- `values`: numbers' values (cardinals, decimals, fractions, powers, ratios);
- `tokens`, `tables`, `currencies`: the tokenizer, the compiled word tables, Babel's currencies;
- `figure`: what comes out (`Figure`, `FigureMatch`).

How a figure is read (conventions, also in README "Figures"):
- "about/approximately/some/roughly/an estimated X": approx, [0.9X, 1.1X].
- "nearly/almost/just under X": approx, [0.9X, X) (just below X, high bound open).
- "at least X" [X, inf); "more than/over X" (X, inf); "at most/no more than X" (-inf, X];
  "less than/under X" (-inf, X); "up to X" (-inf, X]: an open side is None, never an invented 0.
- "4-5 km", "between A and B", "from A to B": range [A, B], both ends inclusive.
- "dozens", "thousands", "tens of thousands"...: vague, value None, interval from the lexicon.
- "a dozen" is exactly 12; "half"/"one-quarter" on their own are fractions (unit "fraction");
  "X%" has unit "percent" and value X; scales apply ("$1.2 billion" is 1.2e9 USD);
  "50 cents" is 0.5 of the currency (USD unless said otherwise).

Lexicons live in claimtrack/lexicons/*.json and are read through `claimtrack.lexicons.load`;
`find`, `parse`, `lexicon` and `money` take `lexicons`, a mapping of lexicon name to the path of
a user's replacement file. Currency names and symbols come from Babel and unit names are
normalised through pint (`claimtrack.units`), both loaded lazily on first use.
"""

from __future__ import annotations

from claimtrack.figparse.currencies import Money, money
from claimtrack.figparse.figure import QUALIFIERS, Figure, FigureMatch
from claimtrack.figparse.finder import find, parse
from claimtrack.figparse.tables import Lexicon, lexicon

__all__ = [
    "QUALIFIERS",
    "Figure",
    "FigureMatch",
    "Lexicon",
    "Money",
    "find",
    "lexicon",
    "money",
    "parse",
]
