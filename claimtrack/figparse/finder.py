"""Finding figures in a text: windows around anything that could start one (a digit, a number
word, a currency symbol), a scan of each window's tokens that tries a figure only at a token
that can open one, the not-figure rules, and the tidied `FigureMatch` results."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache

from claimtrack.figparse.currencies import Money, money
from claimtrack.figparse.exclusions import NotFigureRules
from claimtrack.figparse.figure import Figure, FigureMatch, finite, tidy
from claimtrack.figparse.reader import FigureReader
from claimtrack.figparse.tables import NAMES, Lexicon, OverridesKey, lexicon, overrides_key
from claimtrack.figparse.tokens import URL, Tok, token_key, tokenize
from claimtrack.lexicons import Overrides

# Characters that start a figure whatever the lexicons say: currency signs and vulgar fractions.
_SIGNS = r"[$£€¥₴₹₽₩₪₺₦₫₱₡₾₭₿元\u00bc-\u00be\u2150-\u215e]"


@dataclass(frozen=True, slots=True)
class Scanner:
    """What a scan needs, compiled once per set of lexicon overrides."""

    lex: Lexicon
    money: Money
    anchors: re.Pattern[str]  # anything that could start a figure
    starters: frozenset[str]  # lowercase tokens that can open a figure


def find(
    text: str,
    rejected: list[tuple[int, int]] | None = None,
    *,
    lexicons: Overrides | None = None,
) -> list[FigureMatch]:
    """Every figure in `text`, left to right, with its qualifier; dates, times, ordinals,
    identifiers and compound adjectives ("a 141-page journal") are left out, and their character
    spans added to `rejected` when given (so that a caller does not take them back)."""
    if not text or not text.strip():
        return []
    scanner = _scanner(overrides_key(lexicons, (*NAMES, "currencies")))
    out: list[FigureMatch] = []
    # URLs and addresses, in text order and apart: a token is inside one when the last that
    # starts at or before it has not ended (a binary search: many URLs cost log time each).
    blocked = [(m.start(), m.end()) for m in URL.finditer(text)]
    starts = [s for s, _ in blocked]

    def in_url(pos: int) -> bool:
        k = bisect_right(starts, pos) - 1
        return k >= 0 and pos < blocked[k][1]

    for a, b in windows(text, scanner.anchors):
        toks = [t for t in tokenize(text, a, b) if not in_url(t.start)]
        out.extend(_scan(toks, scanner, rejected))
    return out


def parse(phrase: str, *, lexicons: Overrides | None = None) -> Figure | None:
    """The first figure of a phrase ("at least 6,000", "about $3,300", "4-5 km"), or None."""
    found = find(phrase, lexicons=lexicons)
    return found[0].figure if found else None


@cache
def _scanner(key: OverridesKey) -> Scanner:
    overrides = dict(key)
    lex, m = lexicon(overrides), money(overrides)
    return Scanner(lex, m, _anchors(lex), _starters(lex, m))


def _anchors(lex: Lexicon) -> re.Pattern[str]:
    words = set(lex.number_words) | lex.vague.words() | set(lex.fractions)
    words |= set(lex.ordinals) | {"percent", "per"}
    return re.compile(rf"\d|\b(?:{_word_alternation(words)})\b|{_SIGNS}", re.IGNORECASE)


def _word_alternation(words: set[str]) -> str:
    """A regex matching the longest of `words` that the pattern around it lets end (what the
    alternatives sorted longest first match), as a trie: a flat alternation of ~130 words is
    tried word by word at every word boundary of an article. Words that two letters of one
    case-folded spelling could branch on (capitals, non-ASCII) keep the flat alternation."""
    if not all(w and w.isascii() and w == w.lower() for w in words):
        return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_regex(trie)


def _trie_regex(node: dict) -> str:
    # Longer first: the branch into the next letter is greedy and gives way to ending here
    # only when what follows the longer word does not match; ASCII letters that differ are
    # never one letter under IGNORECASE, so at most one branch can go on.
    branches = [
        re.escape(char) + _trie_regex(child) for char, child in sorted(node.items()) if char
    ]
    if not branches:
        return ""
    group = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:
        return f"(?:{group})?"
    return group


def _starters(lex: Lexicon, m: Money) -> frozenset[str]:
    words = set(lex.number_words) | set(lex.fractions) | set(lex.negative) | {"a", "an", "one"}
    for table in (lex.prefix, lex.vague, lex.percent):
        words |= set(table.lengths)
    words |= set(lex.range_heads) | set(m.symbols) | set(m.lowercase_iso)
    words |= {token_key(p)[0] for p in m.prefixes}
    words |= {"-", "+", "−", "per"}
    return frozenset(words)


def windows(
    text: str, anchors: re.Pattern[str], before: int = 60, after: int = 90
) -> list[tuple[int, int]]:
    """Stretches of text around anything that could start a figure, merged; they begin and end
    at whitespace so that no token is cut."""
    spans: list[tuple[int, int]] = []
    n = len(text)
    for m in anchors.finditer(text):
        a = max(0, m.start() - before)
        b = min(n, m.end() + after)
        if spans and a <= spans[-1][1]:
            spans[-1] = (spans[-1][0], b)
        else:
            spans.append((a, b))
    out: list[tuple[int, int]] = []
    for a, b in spans:
        if out and a <= out[-1][1]:
            # It starts inside the stretch before once that was widened to whitespace (a long
            # run without spaces): one stretch, so no run is walked twice (linear time).
            a, b = out[-1][0], max(b, out[-1][1])
            out.pop()
        else:
            while a > 0 and not text[a - 1].isspace():
                a -= 1
        while b < n and not text[b].isspace():
            b += 1
        out.append((a, b))
    return out


def _scan(
    toks: list[Tok], scanner: Scanner, rejected: list[tuple[int, int]] | None
) -> Iterable[FigureMatch]:
    reader = FigureReader(toks, scanner.lex, scanner.money)
    rules = NotFigureRules(toks, scanner.lex)
    starters = scanner.starters
    iso = scanner.money.iso
    prefix = scanner.lex.prefix
    i = 0
    n = len(toks)
    while i < n:
        tok = toks[i]
        if tok.kind == "ident" or (
            tok.kind != "num" and tok.low not in starters and tok.text[:3] not in iso
        ):
            i += 1
            continue
        qualifier, after = reader.phrase(i, prefix)
        if qualifier == "not_a_bound":
            i = after + 1  # "<>30": skip the sign and its number
            continue
        try:
            got = reader.figure_at(i)
        except (OverflowError, ValueError, ZeroDivisionError):
            got = None
        if got is None:
            i += 1
            continue
        fig, end, amt, qualifier = got
        if end <= i or not finite(fig):
            i += 1
            continue
        if rules.excluded(i, end, amt, qualifier):
            if rejected is not None:
                rejected.append((toks[i].start, toks[end - 1].end))
            i = end if amt.value is not None and not amt.vague else i + 1
            continue
        if fig.unit is None and rules.is_age(i, qualifier):
            fig = replace(fig, unit="year")  # "aged 73": an age is a duration in years
        after = end
        if fig.unit is None and fig.currency is None:
            fig = replace(fig, unit=reader.guessed_again(fig, end))
        if fig.unit is None:
            rate = reader.rate_base(end)
            if rate is not None:  # "12.4 deaths per 100,000 residents"
                fig = replace(fig, unit=rate[0])
                after = rate[2]
                if rejected is not None:
                    rejected.append((toks[rate[1]].start, toks[rate[2] - 1].end))
        bare = qualifier is None and fig.unit is None and not amt.scaled
        fig = replace(fig, value=tidy(fig.value), low=tidy(fig.low), high=tidy(fig.high))
        start = toks[i].start
        if i > 0 and toks[i - 1].low == "(" and any(t.low == ")" for t in toks[i:end]):
            start = toks[i - 1].start  # "(4.2) million": the accounting negative's parentheses
        yield FigureMatch(start, toks[end - 1].end, fig, words=amt.words, bare=bare)
        i = after
