"""Tokens: the figure reader's own tokenizer (digits with their separators, words, symbols,
identifier-like runs), lexicon phrases as token tuples matched longest first, and
`TokenCursor`, the position helpers every reader builds on."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

TOKEN = re.compile(
    r"(?P<ident>\d+(?:\.\d+){2,}|\d+(?:-\d+){2,}|\+\d[\d\-/ ]{6,}\d|\d{1,2}/\d{1,2}/\d{2,4}"
    r"|\d{4}-\d{2}(?!\d)|\d{1,2}:\d{2}(?::\d{2})?)"
    r"|(?P<num>(?<![\d,])\d+,\d{1,2}(?![\d,])"
    # European ("1.111,11") and Indian ("12,34,567") grouping; each starts only where no digit,
    # dot or comma precedes it, so that a long run of groups is tried once (linear)
    r"|(?<![\d.,])\d{1,3}(?:\.\d{3})+,\d{1,2}(?!\d|,\d)"
    r"|(?<![\d.,])\d{1,2}(?:,\d\d)+,\d{3}(?![\d,])(?:\.\d+)?"
    r"|(?:\d{1,3}(?:,\d{3})+|\d{1,3}(?:[\u00a0\u202f\u2009]\d{3})+"
    r"|\d{1,3}(?: \d{3})+(?!\d|[,.]\d)|\d+)"
    r"(?:\.\d+)?(?:[eE][-+]?\d+(?![\w]))?|\.\d+)"
    r"|(?P<word>[^\W\d_]+(?:'s)?)"
    r"|(?P<sym>[^\s\w]|_)"
)
# Tried only where a run of non-space starts, with one forward look each: linear in the text
# (the plain `\S*(?:://|www\.)\S*|\S+@\S+\.\w+` backtracked over every start in a long run).
URL = re.compile(r"(?<!\S)(?=\S*(?:://|www\.))\S+|(?<!\S)(?=\S[^\s@]*@\S\S*?\.\w)\S*\.\w+")
HYPHENS = ("-", "‐", "–")


class Tok:
    """One token: its kind ("num", "word", "sym", "ident"), text, offsets, and value if a number."""

    __slots__ = ("kind", "text", "low", "start", "end", "glued", "num")

    def __init__(self, kind: str, text: str, start: int, end: int, glued: bool) -> None:
        self.kind = kind
        self.text = text
        self.low = text.lower()
        self.start = start
        self.end = end
        self.glued = glued  # no space between this token and the one before
        self.num: float | None = None
        if kind == "num":
            self.num = digits_value(text)
        elif len(text) == 1 and unicodedata.category(text) == "No":
            value = unicodedata.numeric(text, None)
            if value is not None and value < 1:
                self.kind, self.num = "num", float(value)


def digits_value(text: str) -> float:
    """The value of a run of digits: "1,200", "1 200", "3,5" (a decimal comma), "2.5e3"."""
    text = text.replace("\u00a0", "").replace("\u202f", "").replace("\u2009", "")
    if re.fullmatch(r"\d+,\d{1,2}", text):
        return float(text.replace(",", "."))
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+,\d{1,2}", text):  # "1.111,11": European grouping
        return float(text.replace(".", "").replace(",", "."))
    return float(text.replace(",", "").replace(" ", ""))


def tokenize(text: str, start: int, end: int) -> list[Tok]:
    """The tokens of text[start:end], offsets in `text`."""
    out: list[Tok] = []
    prev_end = -1
    for m in TOKEN.finditer(text, start, end):
        kind = m.lastgroup or "sym"
        out.append(Tok(kind, m.group(0), m.start(), m.end(), m.start() == prev_end))
        prev_end = m.end()
    return out


def token_key(phrase: str) -> tuple[str, ...]:
    """A lexicon phrase as the tuple of lowercase tokens the scanner will see."""
    return tuple(m.group(0).lower() for m in TOKEN.finditer(phrase))


class Phrases:
    """Lexicon phrases as token tuples, looked up longest first from the first word: a figure
    scan asks at nearly every token, so a miss must cost one dict lookup."""

    __slots__ = ("table", "lengths")

    def __init__(self, table: dict[tuple[str, ...], Any]) -> None:
        self.table = table
        lengths: dict[str, set[int]] = {}
        for key in table:
            lengths.setdefault(key[0], set()).add(len(key))
        self.lengths = {w: tuple(sorted(ls, reverse=True)) for w, ls in lengths.items()}

    def __contains__(self, key: tuple[str, ...]) -> bool:
        return key in self.table

    def __getitem__(self, key: tuple[str, ...]) -> Any:
        return self.table[key]

    def words(self) -> set[str]:
        return {w for key in self.table for w in key}

    def match(self, toks: list[Tok], i: int) -> tuple[Any, int]:
        """(what the longest phrase at toks[i] maps to, index after it), or (None, i)."""
        if i >= len(toks):
            return None, i
        lengths = self.lengths.get(toks[i].low)
        if lengths is None:
            return None, i
        for k in lengths:
            if i + k <= len(toks):
                key = tuple(t.low for t in toks[i : i + k])
                if key in self.table:
                    return self.table[key], i + k
        return None, i


def phrase_set(phrases: list[str]) -> Phrases:
    """A set of phrases; a match gives the phrase's token tuple."""
    return Phrases({token_key(p): token_key(p) for p in phrases})


class TokenCursor:
    """A token list read by index: every reader method takes an index and returns the index
    after what it read, or None when nothing fits."""

    def __init__(self, toks: list[Tok]) -> None:
        self.toks = toks
        self.n = len(toks)

    def low(self, i: int) -> str:
        """The lowercase text at i, or "" outside the list."""
        return self.toks[i].low if 0 <= i < self.n else ""

    def phrase(self, i: int, table: Phrases) -> tuple[Any, int]:
        """Longest lexicon phrase at i: (what it maps to, index after), or (None, i)."""
        return table.match(self.toks, i)

    def sep(self, i: int) -> int:
        """Skip a hyphen between number words ("fifty-two", "fifty - two")."""
        return i + 1 if self.low(i) in HYPHENS and i + 1 < self.n else i
