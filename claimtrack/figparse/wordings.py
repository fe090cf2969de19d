"""Numbers that English wording shows state no quantity: a decade written with an apostrophe
("the 80's"), the markers of a spoken list ("one, ..., and two, ..."), a number inside a fixed
idiom ("came from zero"), a length that names a kind of school ("four-year colleges"). Rules of
`claimtrack.figparse.exclusions.NotFigureRules`, in its order; each gives True (not a figure)
or None (left to the next rule). `Candidate`, what each rule is given, lives here too."""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimtrack.figparse.amounts import Amount
from claimtrack.figparse.tables import Lexicon
from claimtrack.figparse.tokens import Tok

DECADE = re.compile(r"[1-9]0|1[89][0-9]0|20[0-9]0")


@dataclass(slots=True)
class Candidate:
    """A figure read at tokens [i, end), with its neighbours."""

    i: int
    end: int
    amt: Amount
    qualifier: str | None
    first: Tok
    last: Tok
    prev: Tok | None
    nxt: Tok | None
    money: bool


class WordingRules:
    """The rules over one token list (`toks`, `n`, `lex` set by the subclass)."""

    toks: list[Tok]
    n: int
    lex: Lexicon

    def decade(self, c: Candidate) -> bool | None:
        """ "the 80's", "in her 90’s": a round number with an apostrophe and "s" names a
        decade (of years or of a life), not a quantity."""
        nxt, end, toks = c.nxt, c.end, self.toks
        if c.end != c.i + 1 or c.first.kind != "num" or nxt is None or c.money:
            return None
        if nxt.text not in ("'", "’") or not nxt.glued or end + 1 >= self.n:
            return None
        after = toks[end + 1]
        return (after.low == "s" and after.glued and DECADE.fullmatch(c.first.text)) or None

    def list_marker(self, c: Candidate) -> bool | None:
        """ "One, his record, and two, his temper": number words that mark the points of a
        spoken list, each followed by a comma and words, the next or the one before also
        there ("two, three or four people" is a count)."""
        value = self.lex.units.get(c.first.low)
        if value is None or c.end != c.i + 1 or c.qualifier or not self.marker_at(c.i):
            return None
        if c.prev is not None and c.prev.kind != "sym" and c.prev.low != "and":
            return None
        return self.marker_near(c.i, value - 1, -1) or self.marker_near(c.end, value + 1, 1) or None

    def marker_at(self, j: int) -> bool:
        """A number word at j, then a comma and a word that is no number."""
        toks = self.toks
        if j + 2 >= self.n or toks[j + 1].low != ",":
            return False
        after = toks[j + 2]
        return after.kind == "word" and after.low not in self.lex.number_words

    def marker_near(self, k: int, value: int, step: int) -> bool:
        """Whether a list marker for `value` is within 30 tokens of k, toward `step`."""
        units = self.lex.units
        for j in range(k + step, min(max(k + 30 * step, -1), self.n), step):
            if units.get(self.toks[j].low, -1) == value and self.marker_at(j):
                return True
        return False

    def kind_name(self, c: Candidate) -> bool | None:
        """ "four-year public colleges", "a two-year degree": a hyphenated length that names
        a kind of school or degree (`kind_nouns`) is no figure ("a four-year term" stays)."""
        if c.amt.unit not in self.lex.time_units or not c.last.glued or c.money:
            return None
        for t in self.toks[c.end : c.end + 3]:
            if t.kind != "word":
                return None
            if t.low in self.lex.kind_nouns:
                return True
        return None

    def idiom(self, c: Candidate) -> bool | None:
        """ "anyone can come from zero", "the 411 on the plan": a number inside a fixed phrase
        (`number_idioms`) that states no quantity."""
        toks, n = self.toks, self.n
        for key, at in self.lex.number_idioms.get(c.first.low, ()):
            start = c.i - at
            if (
                start >= 0
                and start + len(key) <= n
                and all(toks[start + k].low == w for k, w in enumerate(key))
            ):
                return True
        return None
