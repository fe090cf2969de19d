"""Figures in plain text: find them and read them into value, interval, qualifier, unit, currency.

Pure Python on purpose (no spaCy): the pipeline component (`claimtrack.nlp.figures`) and the
benchmark run the same reader, so the logic lives once. The component adds what needs a parse
(dates found by NER, numbers that name things, "one" as a determiner); this module knows only
words.

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

Lexicons live in claimtrack/lexicons/*.json; currency names and symbols come from Babel and unit
names are normalised through pint, both loaded lazily on first use.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

__all__ = ["Figure", "Found", "find", "parse"]

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
class Found:
    """A figure found in a text, with the character offsets of its words (qualifier included)."""

    start: int
    end: int
    figure: Figure
    words: bool = False  # the number is written in words only ("one", "a dozen")
    bare: bool = True  # no qualifier, unit, currency, scale


# --------------------------------------------------------------------------------------------
# Lexicons


def _read(name: str) -> dict[str, Any]:
    text = resources.files("claimtrack.lexicons").joinpath(name).read_text("utf-8")
    return json.loads(text)


def _token_key(phrase: str) -> tuple[str, ...]:
    """A lexicon phrase as the tuple of lowercase tokens the scanner will see."""
    return tuple(m.group(0).lower() for m in _TOKEN.finditer(phrase))


class _Phrases:
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

    def match(self, toks: list[_Tok], i: int) -> tuple[Any, int]:
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


@dataclass(frozen=True, slots=True)
class _Lexicon:
    units: dict[str, int]
    teens: dict[str, int]
    tens: dict[str, int]
    hundred: frozenset[str]
    ordinals: dict[str, int]
    unit_ordinals: dict[str, int]
    negative: frozenset[str]
    point: frozenset[str]
    fractions: dict[str, int]
    bare_fractions: frozenset[str]
    scale_words: dict[str, float]
    glued_scales: dict[str, float]
    spaced_letters: dict[str, float]
    dozen: dict[str, int]
    iso_prefix: dict[str, float]
    vague: _Phrases
    prefix: _Phrases
    suffix: _Phrases
    inclusive_suffix: _Phrases
    range_heads: dict[str, frozenset[str]]
    range_joiners: frozenset[str]
    bound_joiners: _Phrases
    unit_phrases: _Phrases
    time_units: frozenset[str]
    percent: _Phrases
    points: _Phrases
    months: frozenset[str]
    identifier_prefixes: frozenset[str]
    year_prepositions: frozenset[str]
    time_suffixes: frozenset[str]
    ordinal_suffixes: frozenset[str]
    pronoun_one_before: frozenset[str]
    age_before: frozenset[str]
    age_after: frozenset[str]
    number_words: frozenset[str]


@cache
def lexicon() -> _Lexicon:
    numbers = _read("numbers.json")
    fractions = _read("fractions.json")
    scales = _read("scales.json")
    vague = _read("vague_numbers.json")
    quals = _read("qualifiers.json")
    units = _read("units.json")
    nots = _read("not_figures.json")

    def keyed(groups: dict[str, list[str]]) -> dict[tuple[str, ...], str]:
        return {_token_key(p): q for q, phrases in groups.items() for p in phrases}

    denominators = dict(numbers["ordinals"])
    denominators.update({k + "s": v for k, v in numbers["ordinals"].items()})
    denominators.update(fractions["denominators"])
    number_words = (
        set(numbers["units"])
        | set(numbers["teens"])
        | set(numbers["tens"])
        | set(numbers["hundred"])
    )
    number_words |= set(scales["words"]) | set(scales["dozen"])
    prefix = keyed(quals["prefix"])
    suffix = keyed(quals["suffix"])
    unit_phrases = {_token_key(u): u for u in units["units"]}
    return _Lexicon(
        units=numbers["units"],
        teens=numbers["teens"],
        tens=numbers["tens"],
        hundred=frozenset(numbers["hundred"]),
        ordinals=denominators,
        unit_ordinals=numbers["unit_ordinals"],
        negative=frozenset(numbers["negative_words"]),
        point=frozenset(numbers["point_words"]),
        fractions=fractions["denominators"],
        bare_fractions=frozenset(fractions["bare_ok"]),
        scale_words={k: float(v) for k, v in scales["words"].items()},
        glued_scales={k: float(v) for k, v in scales["glued"].items()},
        spaced_letters={k: float(v) for k, v in scales["spaced_letters"].items()},
        dozen=scales["dozen"],
        iso_prefix={k: float(v) for k, v in scales["iso_prefix"].items()},
        vague=_Phrases(
            {_token_key(k): (float(a), float(b)) for k, (a, b) in vague["phrases"].items()}
        ),
        prefix=_Phrases(prefix),
        suffix=_Phrases(suffix),
        inclusive_suffix=_keys(quals["inclusive_suffix"]),
        range_heads={k: frozenset(v) for k, v in quals["range_heads"].items()},
        range_joiners=frozenset(quals["range_joiners"]),
        bound_joiners=_keys(quals["bound_joiners"]),
        unit_phrases=_Phrases(unit_phrases),
        time_units=frozenset(units["time_units"]),
        percent=_keys(units["percent"]),
        points=_keys(units["percentage_points"]),
        months=_month_names(),
        identifier_prefixes=frozenset(nots["identifier_prefixes"]),
        year_prepositions=frozenset(nots["year_prepositions"]),
        time_suffixes=frozenset(nots["time_suffixes"]),
        ordinal_suffixes=frozenset(nots["ordinal_suffixes"]),
        pronoun_one_before=frozenset(nots["pronoun_one_before"]),
        age_before=frozenset(nots["age_before"]),
        age_after=frozenset(nots["age_after"]),
        number_words=frozenset(number_words),
    )


def _keys(phrases: list[str]) -> _Phrases:
    """A set of phrases; a match gives the phrase's token tuple."""
    return _Phrases({_token_key(p): _token_key(p) for p in phrases})


def _month_names() -> frozenset[str]:
    """English month names and abbreviations, from Babel's CLDR data."""
    from babel.dates import get_month_names

    names: set[str] = set()
    for width in ("wide", "abbreviated"):
        for context in ("format", "stand-alone"):
            names |= {n.lower().rstrip(".") for n in get_month_names(width, context, "en").values()}
    names |= {"sept"}
    return frozenset(names)


@dataclass(frozen=True, slots=True)
class _Money:
    names: _Phrases  # "canadian dollars" -> CAD, "hryvnias" -> UAH
    symbols: dict[str, str]  # "$" -> USD, "₴" -> UAH
    prefixes: dict[str, str]  # "c$" -> CAD (compact, lowercase)
    iso: frozenset[str]
    iso_stop: frozenset[str]
    lowercase_iso: frozenset[str]
    subunits: dict[str, str]


@cache
def money() -> _Money:
    """Currency names, plurals and symbols from Babel, with claimtrack's defaults on top
    (derived once per Babel version and lexicon, then read from claimtrack's disk cache)."""
    import babel

    from claimtrack.cache import cached

    lexicon_text = (
        resources.files("claimtrack.lexicons").joinpath("currencies.json").read_text("utf-8")
    )
    # The key covers everything the table is derived from, this module's code included.
    code = Path(__file__).read_text(encoding="utf-8")
    return cached("money", f"{babel.__version__}\n{lexicon_text}\n{code}", _build_money)


def _build_money() -> _Money:
    from babel import Locale
    from babel.core import get_global
    from babel.numbers import get_currency_name, get_territory_currencies

    data = _read("currencies.json")
    en = Locale("en")
    iso = frozenset(en.currencies)
    names: dict[tuple[str, ...], str] = {}
    generic: dict[str, set[str]] = {}
    for code, display in en.currencies.items():
        for name in {display, get_currency_name(code, count=2, locale="en")}:
            key = _token_key(name)
            if key:
                names.setdefault(key, code)
                generic.setdefault(key[-1], set()).add(code)
    stop = set(data["generic_stopwords"])
    for word, codes in generic.items():
        if word in stop or word in data["defaults"]:
            continue
        if len(codes) == 1:
            names.setdefault((word,), next(iter(codes)))
    symbols: dict[str, str] = {}
    prefixes: dict[str, str] = {}
    for key, code in data["defaults"].items():
        if _TOKEN.fullmatch(key) and not key[0].isalpha():
            symbols[key] = code
        else:
            names[_token_key(key)] = code
    for key, code in data["aliases"].items():
        if len(key) == 1 and not key.isalpha():
            symbols[key] = code
        else:
            names[_token_key(key)] = code
    for code, sym in en.currency_symbols.items():
        if sym.endswith("$") and len(sym) > 1:
            prefixes.setdefault(sym.lower(), code)
        elif len(sym) == 1 and not sym.isalnum():
            symbols.setdefault(sym, code)
    # A country's own narrow symbol ("₴", "₾", "₭"), from the locale most likely there.
    for territory in get_global("territory_currencies"):
        try:
            local = Locale.parse(f"und_{territory}")
            tender = get_territory_currencies(territory, tender=True)
        except Exception:  # noqa: BLE001 - Babel has territories without a locale
            continue
        for code in tender[:1]:
            sym = local.currency_symbols.get(code, "")
            if len(sym) == 1 and not sym.isalnum():
                symbols.setdefault(sym, code)
    for code in iso:
        prefixes.setdefault(code.lower() + "$", code)
    prefixes.update(data["prefixes"])
    return _Money(
        names=_Phrases(names),
        symbols=symbols,
        prefixes=prefixes,
        iso=iso,
        iso_stop=frozenset(data["iso_stopwords"]),
        lowercase_iso=frozenset(data["lowercase_iso"]),
        subunits=data["subunits"],
    )


@cache
def units() -> Any:
    """pint's unit registry, shared by everything that reads units (imported on first use:
    most articles never need it)."""
    import pint

    return pint.UnitRegistry(cache_folder=":auto:")


@cache
def unit_name(phrase: str) -> str:
    """A unit phrase normalised through pint ("kilometres" -> "kilometer"), or as written."""
    try:
        return str(units().parse_units(phrase))
    except Exception:  # noqa: BLE001 - pint raises many kinds; an unknown unit stays as written
        return phrase.lower()


# --------------------------------------------------------------------------------------------
# Tokens

_TOKEN = re.compile(
    r"(?P<ident>\d+(?:\.\d+){2,}|\d+(?:-\d+){2,}|\+\d[\d\-/ ]{6,}\d|\d{1,2}/\d{1,2}/\d{2,4}"
    r"|\d{4}-\d{2}(?!\d)|\d{1,2}:\d{2}(?::\d{2})?)"
    r"|(?P<num>(?<![\d,])\d+,\d{1,2}(?![\d,])"
    r"|(?:\d{1,3}(?:,\d{3})+|\d{1,3}(?:[\u00a0\u202f\u2009]\d{3})+"
    r"|\d{1,3}(?: \d{3})+(?!\d|[,.]\d)|\d+)"
    r"(?:\.\d+)?(?:[eE][-+]?\d+(?![\w]))?|\.\d+)"
    r"|(?P<word>[^\W\d_]+(?:'s)?)"
    r"|(?P<sym>[^\s\w]|_)"
)
_URL = re.compile(r"\S*(?:://|www\.)\S*|\S+@\S+\.\w+")


class _Tok:
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
            self.num = _digits_value(text)
        elif len(text) == 1 and unicodedata.category(text) == "No":
            value = unicodedata.numeric(text, None)
            if value is not None and value < 1:
                self.kind, self.num = "num", float(value)


def _digits_value(text: str) -> float:
    text = text.replace("\u00a0", "").replace("\u202f", "").replace("\u2009", "")
    if re.fullmatch(r"\d+,\d{1,2}", text):
        return float(text.replace(",", "."))
    return float(text.replace(",", "").replace(" ", ""))


def _tokens(text: str, start: int, end: int) -> list[_Tok]:
    out: list[_Tok] = []
    prev_end = -1
    for m in _TOKEN.finditer(text, start, end):
        kind = m.lastgroup or "sym"
        out.append(_Tok(kind, m.group(0), m.start(), m.end(), m.start() == prev_end))
        prev_end = m.end()
    return out


@cache
def _anchor_re() -> re.Pattern[str]:
    lex = lexicon()
    words = set(lex.number_words) | lex.vague.words() | set(lex.fractions)
    words |= set(lex.ordinals) | {"percent", "per"}
    alternation = "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))
    return re.compile(
        rf"\d|\b(?:{alternation})\b|[$£€¥₴₹₽₩₪₺₦₫₱₡₾₭₿元\u00bc-\u00be\u2150-\u215e]", re.IGNORECASE
    )


def _windows(text: str, before: int = 60, after: int = 90) -> list[tuple[int, int]]:
    """Stretches of text around anything that could start a figure, merged; they begin and end
    at whitespace so that no token is cut."""
    spans: list[tuple[int, int]] = []
    n = len(text)
    for m in _anchor_re().finditer(text):
        a = max(0, m.start() - before)
        b = min(n, m.end() + after)
        if spans and a <= spans[-1][1]:
            spans[-1] = (spans[-1][0], b)
        else:
            spans.append((a, b))
    out = []
    for a, b in spans:
        while a > 0 and not text[a - 1].isspace():
            a -= 1
        while b < n and not text[b].isspace():
            b += 1
        out.append((a, b))
    return out


# --------------------------------------------------------------------------------------------
# Numbers


@dataclass(slots=True)
class _Num:
    value: float
    end: int  # index of the first token after the number
    words: bool = False  # some part written in words
    digits: bool = False  # some part written in digits
    scaled: bool = False
    fraction: bool = False  # a fraction on its own ("two thirds", "half")
    ints: int = 0  # number of numeric items read
    bare_word: str = ""  # a fraction word without numerator ("half", "quarter")


class _Reader:
    """Reads figures off a token list. Every method takes an index and returns the index after
    what it read, or None when nothing fits."""

    def __init__(self, toks: list[_Tok]) -> None:
        self.toks = toks
        self.n = len(toks)
        self.lex = lexicon()
        self.money = money()

    # -- helpers ---------------------------------------------------------------------------
    def low(self, i: int) -> str:
        return self.toks[i].low if 0 <= i < self.n else ""

    def phrase(self, i: int, table: _Phrases) -> tuple[Any, int]:
        """Longest lexicon phrase at i: (what it maps to, index after), or (None, i)."""
        return table.match(self.toks, i)

    def word_value(self, i: int) -> tuple[str, int] | None:
        """The kind and value of the number word at i."""
        w = self.low(i)
        lex = self.lex
        if w in lex.units:
            return "unit", lex.units[w]
        if w in lex.teens:
            return "teen", lex.teens[w]
        if w in lex.tens:
            return "tens", lex.tens[w]
        return None

    def sep(self, i: int) -> int:
        """Skip a hyphen between number words ("fifty-two", "fifty - two")."""
        return i + 1 if self.low(i) in ("-", "‐", "–") and i + 1 < self.n else i

    # -- cardinals ---------------------------------------------------------------------------
    def cardinal(self, i: int, *, allow_digits: bool = True) -> _Num | None:
        """Digits and number words with hundreds, scales, dozens, "and", "point"."""
        lex = self.lex
        total = 0.0
        current = 0.0
        small = 0.0  # the piece since the last "hundred", which "dozen" multiplies
        last = ""  # kind of the last item
        last_scale = 0.0
        has_hundred = False
        before_and: tuple[int, float, float] | None = None
        out = _Num(0.0, i)
        j = i
        while j < self.n:
            t = self.toks[j]
            w = t.low
            nxt = j + 1
            if t.kind == "num" and allow_digits:
                if last not in ("", "hundred", "scale", "and"):
                    break
                if last in ("hundred", "scale", "and") and (
                    t.num is None or (last_scale and t.num >= last_scale) or not t.num.is_integer()
                ):
                    break
                if last == "" and j + 1 < self.n and self.toks[j + 1].low == "^":
                    power = self.power(j)
                    if power is None:
                        break
                    value, nxt = power
                else:
                    value = t.num or 0.0
                current += value
                small = value
                last = "digits"
                out.digits = True
            elif w == "a" and last == "" and self._a_counts(j + 1):
                current, small, last = 1.0, 1.0, "unit"
                out.words = True
            elif (kv := self.word_value(j)) is not None:
                kind, value = kv
                if kind == "tens" and last == "hundred" and self._ordinal_next(j):
                    break  # "one hundred thirty-fifths" is 100/35
                if last in ("", "hundred", "scale", "and") or (last == "tens" and kind == "unit"):
                    current += value
                    small = small + value if last == "tens" else value
                    last = kind
                    out.words = True
                    nxt = self.sep(j + 1) if kind == "tens" else j + 1
                    if kind == "tens" and nxt != j + 1 and self.word_value(nxt) is None:
                        nxt = j + 1  # "twenty-first": the hyphen belongs to the ordinal
                else:
                    break
            elif w in lex.hundred:
                if has_hundred and before_and is not None:
                    # "3 hundred and 2 hundred" is two numbers: give back "and 2"
                    out.end, total, current = before_and
                    last = "hundred"
                    break
                if last == "" and self.low(j + 1) in lex.scale_words:
                    small = current = 1.0  # "hundred thousand dollars"
                    out.words = True
                elif last not in ("unit", "teen", "tens", "digits") or has_hundred:
                    break
                has_hundred = True
                current = current - small + small * 100
                small = 0.0
                last = "hundred"
                out.scaled = True
            elif (
                w in lex.scale_words
                or self._spaced_letter(j)
                or (t.glued and w in lex.glued_scales and last == "digits")
            ) and last != "":
                scale = (
                    lex.scale_words.get(w)
                    or lex.spaced_letters.get(t.text)
                    or lex.glued_scales.get(w, 0.0)
                )
                if last == "scale" and current == 0 and scale > last_scale:
                    total *= scale
                elif last_scale and scale >= last_scale:
                    break
                else:
                    total += (current or 1.0) * scale
                current = small = 0.0
                has_hundred = False
                last_scale = scale
                last = "scale"
                out.scaled = True
            elif w in lex.dozen and (
                last in ("unit", "teen", "tens", "digits") or (last == "hundred" and w != "dozens")
            ):
                current = current - small + (small or 1.0) * lex.dozen[w]
                has_hundred = False
                small = 0.0
                last = "dozen"
                out.scaled = True
            elif (
                w == "and"
                and last in ("hundred", "scale", "dozen")
                and self._number_follows(j + 1)
                and not self._fraction_follows(j + 1)
                and not self._zero_at(j + 1)
            ):
                before_and = (j, total, current)
                last = "and"
                j += 1
                continue
            elif (
                w in lex.point
                and last in ("unit", "teen", "tens", "digits", "hundred")
                and not out.digits
            ):
                dec = self.decimals(j + 1)
                if dec is None:
                    break
                frac, nxt = dec
                current += frac
                last = "point"
                j = nxt
                out.ints += 1
                break
            else:
                break
            out.ints += 1
            j = nxt
            out.end = j
        if last in ("", "and") and out.ints == 0:
            return None
        if last == "point":
            out.end = j
        out.value = total + current
        if out.ints == 0:
            return None
        return out

    def _spaced_letter(self, j: int) -> bool:
        """A scale letter after a space ("1,674.5 G", "10 k") if nothing word-like follows."""
        t = self.toks[j]
        if t.text not in self.lex.spaced_letters or t.glued:
            return False
        return j + 1 >= self.n or self.toks[j + 1].kind != "word"

    def _a_counts(self, j: int) -> bool:
        """ "a" is a number before hundred/thousand/dozen ("a dozen", "a hundred")."""
        w = self.low(j)
        return w in self.lex.hundred or w in self.lex.scale_words or w in self.lex.dozen

    def _number_follows(self, j: int) -> bool:
        t = self.toks[j] if j < self.n else None
        if t is None:
            return False
        if t.kind == "num":
            return True
        return self.word_value(j) is not None

    def _zero_at(self, j: int) -> bool:
        t = self.toks[j] if j < self.n else None
        return t is not None and (t.num == 0 or self.lex.units.get(t.low, -1) == 0)

    def _ordinal_next(self, j: int) -> bool:
        k = self.sep(j + 1)
        w = self.low(k)
        return (w[:-1] if w.endswith("s") else w) in self.lex.unit_ordinals

    def _fraction_follows(self, j: int) -> bool:
        """ "million and two thirds": the words after "and" are a fraction, not more units."""
        numerator = self.cardinal(j, allow_digits=False)
        if numerator is None or numerator.value >= 10:
            return (
                False  # "one hundred and thirty fifths" is 130/5; "... and three quarters" 100.75
            )
        return self.fraction_after(numerator, strict=False) is not None

    def power(self, j: int) -> tuple[float, int] | None:
        """ "1.1^23", "2.5^-1"."""
        base = self.toks[j].num or 0.0
        k = j + 2
        sign = 1.0
        while k < self.n and self.toks[k].low in ("+", "-"):
            sign = -sign if self.toks[k].low == "-" else sign
            k += 1
        if k >= self.n or self.toks[k].kind != "num":
            return None
        try:
            return base ** (sign * (self.toks[k].num or 0.0)), k + 1
        except (OverflowError, ZeroDivisionError):
            return None

    def decimals(self, j: int) -> tuple[float, int] | None:
        """Digits after "point": each word a digit, or a two-digit word ("point seventy-one")."""
        digits = ""
        while j < self.n:
            kv = self.word_value(j)
            if kv is None:
                break
            kind, value = kv
            if kind == "tens":
                k = self.sep(j + 1)
                unit = self.word_value(k)
                if unit is not None and unit[0] == "unit":
                    digits += str(value + unit[1])
                    j = k + 1
                    continue
            digits += str(value)
            j += 1
        if not digits:
            return None
        return float("0." + digits), j

    # -- fractions ---------------------------------------------------------------------------
    def denominator(self, j: int) -> tuple[float, bool, int] | None:
        """An ordinal denominator at j: (value, plural, index after). "fifths", "a twenty-first",
        "one hundred fifth"."""
        lex = self.lex
        j = self.sep(j) if self.low(j) in ("-",) else j
        w = self.low(j)
        if w in lex.ordinals:
            return float(lex.ordinals[w]), w.endswith("s") and w not in ("half",), j + 1
        if self.word_value(j) is None:
            return None
        prefix = self.cardinal(j, allow_digits=False)
        if prefix is None:
            return None
        k = prefix.end
        if self.low(k) == "and":
            k += 1
        k = self.sep(k)
        w = self.low(k)
        base = w[:-1] if w.endswith("s") else w
        if base in lex.unit_ordinals and (prefix.value % 10 == 0):
            return prefix.value + lex.unit_ordinals[base], w != base, k + 1
        if w in lex.ordinals and lex.ordinals[w] < 100 and prefix.value % 100 == 0:
            return prefix.value + lex.ordinals[w], w.endswith("s"), k + 1
        return None

    def fraction_after(self, num: _Num, *, strict: bool = True) -> _Num | None:
        """ "three fifths", "a half", "twenty-three fifths", "one one hundred fifth"."""
        if num.digits:
            return None
        den = self.denominator(num.end)
        if den is None:
            return None
        value, plural, end = den
        if not plural and num.value != 1:
            return None
        if strict and not plural and end < self.n and self.toks[end].kind == "word":
            # "a third term", "one second look": an ordinal before its noun, not a fraction
            w = self.toks[end].low
            if w not in ("of", "and", "or") and w not in self.lex.scale_words:
                return None
        if not value:
            return None
        return _Num(num.value / value, end, words=True, fraction=True, ints=num.ints + 1)

    def fraction(self, i: int) -> _Num | None:
        """A fraction with its numerator, then anything it multiplies ("half a dozen",
        "two thirds of a million", "quarter million")."""
        lex = self.lex
        w = self.low(i)
        frac: _Num | None = None
        if w in lex.fractions and w not in ("halves",):
            frac = _Num(
                1.0 / lex.fractions[w], i + 1, words=True, fraction=True, ints=1, bare_word=w
            )
        elif w in ("a", "one") or self.word_value(i) is not None:
            numerator = (
                _Num(1.0, i + 1, words=True, ints=1)
                if w == "a"
                else self.cardinal(i, allow_digits=False)
            )
            if numerator is not None:
                frac = self.fraction_after(numerator)
        if frac is None:
            return None
        return self.scale_fraction(frac)

    def scale_fraction(self, frac: _Num) -> _Num:
        k = frac.end
        if self.low(k) == "of" and self.low(k + 1) == "a":
            k += 2
        elif self.low(k) == "a":
            k += 1
        w = self.low(k)
        scale = self.lex.scale_words.get(w) or (100.0 if w in self.lex.hundred else 0.0)
        scale = scale or float(self.lex.dozen.get(w, 0))
        if scale:
            return _Num(frac.value * scale, k + 1, words=True, scaled=True, ints=frac.ints + 1)
        return frac

    def number(self, i: int) -> _Num | None:
        """A full number: sign, cardinal, and what may follow it (a fraction, "and a half",
        "over three", "1 4/5")."""
        lex = self.lex
        sign = 1.0
        j = i
        w = self.low(j)
        if w in lex.negative:
            sign, j = -1.0, j + 1
        elif w in ("-", "−", "+") and j + 1 < self.n:
            nxt = self.toks[j + 1]
            before = self.toks[j - 1] if j > 0 else None
            spaced = (nxt.glued or (nxt.kind == "num" and not self.toks[j].glued)) and (
                before is None or before.kind not in ("num",) and before.low not in ("-",)
            )
            if (
                nxt.kind == "num"
                and spaced
                and (before is None or before.kind != "word" or not self.toks[j].glued)
            ):
                sign, j = (-1.0 if w != "+" else 1.0), j + 1
        frac = self.fraction(j)
        if frac is not None:
            frac.value *= sign
            return frac
        num = self.cardinal(j)
        if num is None:
            return None
        k = num.end
        if not num.digits:
            whole = self.fraction_after(num)
            if whole is not None:
                whole.value *= sign
                return whole
        # digit fractions: "3/4", "2 1/4"
        if num.digits and not num.scaled and self.low(k) == "/" and k + 1 < self.n:
            den = self.toks[k + 1]
            denominator = den.num
            # "3/4", "1/2"; "24/7" and "9/11" are names, not fractions
            proper = denominator is not None and abs(num.value) < denominator <= 10
            if (
                denominator is not None
                and den.kind == "num"
                and proper
                and self.toks[k].glued
                and den.glued
            ):
                num = _Num(num.value / denominator, k + 2, digits=True, fraction=True, ints=2)
                k = num.end
        elif (
            num.digits
            and not num.scaled
            and k + 2 < self.n
            and self.toks[k].kind == "num"
            and self.low(k + 1) == "/"
            and self.toks[k + 2].kind == "num"
            and self.toks[k + 1].glued
            and self.toks[k + 2].glued
            and self.toks[k + 2].num
        ):
            mixed = (self.toks[k].num or 0.0) / (self.toks[k + 2].num or 1.0)
            if mixed < 1:
                num = _Num(num.value + mixed, k + 3, digits=True, ints=3)
                k = num.end
        # "and a half", "million and three quarters", "five and a half million"
        if self.low(k) == "and":
            part = self.fraction_part(k + 1)
            if part is not None:
                value, end = part
                scale_w = self.low(end)
                scale = lex.scale_words.get(scale_w, 0.0)
                if scale and not num.scaled:
                    num = _Num(
                        (num.value + value) * scale,
                        end + 1,
                        words=True,
                        scaled=True,
                        ints=num.ints + 2,
                    )
                elif scale:
                    num = _Num(
                        num.value + value * scale,
                        end + 1,
                        words=True,
                        scaled=True,
                        ints=num.ints + 2,
                    )
                elif num.scaled and num.value >= 1000:
                    unit = self._last_scale(num)
                    num = _Num(
                        num.value + value * unit, end, words=True, scaled=True, ints=num.ints + 1
                    )
                else:
                    num = _Num(
                        num.value + value, end, words=True, digits=num.digits, ints=num.ints + 1
                    )
                k = num.end
        num.value *= sign
        return num

    def _last_scale(self, num: _Num) -> float:
        for scale in sorted(self.lex.scale_words.values(), reverse=True):
            if num.value >= scale and (num.value / scale).is_integer():
                return scale
        return 1.0

    def fraction_part(self, j: int) -> tuple[float, int] | None:
        w = self.low(j)
        if w == "a":
            numerator = _Num(1.0, j + 1, words=True, ints=1)
        elif self.word_value(j) is not None:
            numerator = self.cardinal(j, allow_digits=False) or _Num(0, j)
        else:
            return None
        frac = self.fraction_after(numerator, strict=False)
        if frac is None:
            return None
        return frac.value, frac.end

    def ratio(self, num: _Num, i: int) -> _Num | None:
        """ "one in five", "2 out of 5", "one over three": a fraction of a group."""
        k = num.end
        w = self.low(k)
        if w == "out" and self.low(k + 1) == "of":
            k += 2
        elif w in ("in", "over"):
            k += 1
        else:
            return None
        den = self.cardinal(k)
        if den is None or not den.value:
            return None
        if w == "in" and (num.value >= den.value or den.value >= 1800 and den.digits):
            return None
        if w == "over" and den.end < self.n and self.toks[den.end].kind == "word":
            return None
        return _Num(
            num.value / den.value,
            den.end,
            words=num.words,
            digits=num.digits,
            fraction=True,
            ints=2,
        )

    # -- money, units, percent -----------------------------------------------------------
    def currency_before(self, i: int) -> tuple[str, float, int] | None:
        """A currency written before the number: "$", "C$", "us $", "HK$", "USD", "€"."""
        m = self.money
        compact = ""
        for k in range(i, min(i + 5, self.n)):
            t = self.toks[k]
            if k > i and (k - i > 1 and not t.glued and t.low != "$"):
                break
            compact += t.low
            if compact in m.prefixes and t.low == "$":
                return m.prefixes[compact], 1.0, k + 1
        if i >= self.n:
            return None
        t = self.toks[i]
        if t.text in m.symbols:
            return m.symbols[t.text], 1.0, i + 1
        code = self.iso_code(t)
        if code:
            nxt = i + 1
            if self.low(nxt) == "$" and self.toks[nxt].glued:
                nxt += 1
            return code[0], code[1], nxt
        return None

    def iso_code(self, t: _Tok) -> tuple[str, float] | None:
        m = self.money
        text = t.text
        if text.isupper() and text in m.iso and text not in m.iso_stop:
            return text, 1.0
        if t.low in m.lowercase_iso:
            code = t.low.upper()
            return ("CNY" if code == "RMB" else code), 1.0
        if (
            text.isupper()
            and len(text) == 4
            and text[0] in self.lex.iso_prefix
            and text[1:] in m.iso
        ):
            return text[1:], self.lex.iso_prefix[text[0]]
        return None

    def currency_after(self, i: int) -> tuple[str, float, int, float] | None:
        """A currency written after the number: (code, scale, index after, divisor for cents)."""
        m = self.money
        if i >= self.n:
            return None
        t = self.toks[i]
        if t.text in m.symbols and t.kind == "sym":
            return m.symbols[t.text], 1.0, i + 1, 1.0
        if t.low in m.subunits:
            return m.subunits[t.low], 1.0, i + 1, 100.0
        code = self.iso_code(t)
        if code:
            return code[0], code[1], i + 1, 1.0
        code, end = m.names.match(self.toks, i)
        if code is not None:
            return code, 1.0, end, 1.0
        return None

    def unit_after(self, i: int) -> tuple[str, int] | None:
        lex = self.lex
        key, end = self.phrase(i, lex.percent)
        if key is not None:
            if self.low(end) in ("point", "points"):
                return "percentage_point", end + 1
            return "percent", end
        key, end = self.phrase(i, lex.unit_phrases)
        if key is not None and end < self.n and self.toks[end].low == "-" and self.toks[end].glued:
            return None
        if key is not None:
            if (
                key in ("m",)
                and not self.toks[i].glued
                and i > 0
                and self.toks[i - 1].kind != "num"
            ):
                return None
            return unit_name(key), end
        return None

    # -- figures -----------------------------------------------------------------------------
    def amount(self, i: int) -> tuple[_Amount, int] | None:
        """One amount: [currency] number [scale] [unit | currency | percent]."""
        lex = self.lex
        vague, end = self.phrase(i, lex.vague)
        if vague is not None:
            amt = _Amount(None, vague[0], vague[1], vague=True, words=True)
            return self.tail(amt, end)
        currency = self.currency_before(i)
        j = i
        amt = _Amount(None, None, None)
        if currency is not None:
            amt.currency, amt.scale, j = currency
        # "percent of 10", "per cent of twenty-two"
        pct, pend = self.phrase(j, lex.percent)
        if pct is not None and pct[0] != "%" and self.low(pend) == "of" and currency is None:
            num = self.number(pend + 1)
            if num is not None:
                amt.value = num.value
                amt.unit = "percent"
                amt.words = num.words and not num.digits
                return amt, num.end
        num = self.number(j)
        if num is None:
            return None
        amt.bare_word = num.bare_word
        amt.value = num.value * amt.scale
        amt.words = num.words and not num.digits
        amt.scaled = num.scaled or amt.scale != 1.0
        amt.fraction = num.fraction
        amt.digits = num.digits
        k = num.end
        ratio = self.ratio(num, i) if amt.currency is None else None
        if ratio is not None:
            amt.value, amt.fraction, k = ratio.value, True, ratio.end
        if amt.fraction and amt.currency is None:
            amt.unit = "fraction"
        return self.tail(amt, k)

    def tail(self, amt: _Amount, k: int) -> tuple[_Amount, int]:
        """Currency, unit or percent after an amount ("12-cent", "one-yen" included), and the
        cents after a currency."""
        h = k
        if (
            self.low(k) in ("-", "‐")
            and k + 1 < self.n
            and self.toks[k].glued
            and self.toks[k + 1].glued
        ):
            h = k + 1  # "12-cent-a-share", "one-yen bid", "5-km stretch"
        if amt.currency is None and (amt.value is not None or amt.vague):
            after = self.currency_after(h)
            if after is not None:
                code, scale, k, divisor = after
                amt.currency = code
                if self.low(k) in self.lex.scale_words and scale == 1.0:
                    scale = self.lex.scale_words[self.low(k)]  # "75 USD million"
                    k += 1
                if amt.value is not None:
                    amt.value = amt.value * scale / divisor
                    amt.scaled = amt.scaled or scale != 1.0
                if divisor == 1.0:
                    k = self.cents(amt, k)
                amt.unit = None
                return amt, k
        if amt.currency is None:
            unit = self.unit_after(h)
            if unit is not None:
                amt.unit, k = unit
        elif k > 0 and self.toks[k - 1].kind != "word":
            k = self.cents(amt, k)  # "c $ 100 and fifty"
        return amt, k

    def cents(self, amt: _Amount, k: int) -> int:
        """ "3 dollars 50 cents", "thirteen dollars and forty-five cents", "one dollar and one",
        "15 dollars 50.": hundredths after a whole amount of money, when nothing else follows."""
        j = k + 1 if self.low(k) == "and" else k
        if j >= self.n or amt.value is None or not float(amt.value).is_integer() or amt.scaled:
            return k
        num = self.cardinal(j)
        if num is None or num.value >= 100 or num.scaled or num.value != int(num.value):
            return k
        after = num.end
        w = self.low(after)
        if w in self.money.subunits:
            amt.value += num.value / 100
            return after + 1
        ends = after >= self.n or self.toks[after].kind != "word" or w in ("and", "or")
        two_digits = num.digits and len(self.toks[j].text) == 2
        if (
            ends
            and (num.words and not num.digits or two_digits)
            and self.currency_after(after) is None
            and self.unit_after(after) is None
        ):
            amt.value += num.value / 100
            return after
        return k


@dataclass(slots=True)
class _Amount:
    value: float | None
    low: float | None
    high: float | None
    vague: bool = False
    words: bool = False
    digits: bool = False
    scaled: bool = False
    fraction: bool = False
    currency: str | None = None
    unit: str | None = None
    scale: float = 1.0
    bare_word: str = ""


def _interval(qualifier: str, value: float) -> Figure:
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


_OPPOSITE = {
    "more_than": "upper",
    "at_least": "upper",
    "at_most": "lower",
    "less_than": "lower",
    "up_to": "lower",
}


_YEAR = re.compile(r"1[89]\d\d|20\d\d")
# Qualifiers that leave "one of" a member of a set rather than a count ("only one of many").
_ONE_OK = (None, "exact")


class _Finder(_Reader):
    def figure_at(self, i: int) -> tuple[Figure, int, _Amount, str | None] | None:
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
        if (
            got is None
            and qualifier is not None
            and self.low(j) == "the"
            and self.low(j + 1) in lex.ordinals
        ):
            return None
        if got is None:
            return None
        amt, end = got
        if amt.value is None and not amt.vague:
            return None
        if amt.bare_word and not self.bare_fraction_ok(amt, qualifier, end):
            return None
        # a range "4-5 km", "20 to 30", "5k-20k"
        rng = self.range_tail(amt, end, joiners=lex.range_joiners - {"and"})
        if rng is not None:
            fig, end2 = rng
            return fig, end2, amt, qualifier
        if amt.vague:
            low, high = amt.low, amt.high
            if qualifier in ("at_least", "more_than"):
                fig = Figure(None, low, None, "at_least", unit=amt.unit, currency=amt.currency)
            else:
                fig = Figure(None, low, high, "vague", unit=amt.unit, currency=amt.currency)
            if amt.currency and fig.low is not None:
                pass
            return self.with_unit(fig, amt), end, amt, qualifier
        assert amt.value is not None
        # qualifiers after the number: "500 or more", "5000 or less"
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
        fig = _interval(qualifier or "exact", amt.value)
        fig = self.with_unit(fig, amt)
        # "more than 10 and less than 20": one range
        if qualifier in _OPPOSITE:
            joined = self.bound_pair(fig, end)
            if joined is not None:
                return joined[0], joined[1], amt, qualifier
        return fig, end, amt, qualifier

    def starts_number(self, j: int) -> bool:
        """ "equal to 5000 or less than 6000": the phrase after a figure opens another one."""
        return j < self.n and (
            self.toks[j].kind == "num" or self._number_follows(j) or self.low(j) == "a"
        )

    def bare_fraction_ok(self, amt: _Amount, qualifier: str | None, end: int) -> bool:
        """ "half" alone is a fraction of a group only as "half of ..." or after a qualifier
        ("more than half"); "quarter" alone is a period ("the quarter to June")."""
        if amt.bare_word not in self.lex.bare_fractions:
            return False
        return qualifier is not None or self.low(end) == "of"

    def with_unit(self, fig: Figure, amt: _Amount) -> Figure:
        unit = amt.currency or amt.unit
        return replace(fig, unit=unit, currency=amt.currency)

    def bound_pair(self, fig: Figure, end: int) -> tuple[Figure, int] | None:
        joiner, k = self.phrase(end, self.lex.bound_joiners)
        if joiner is None:
            return None
        qualifier, j = self.phrase(k, self.lex.prefix)
        if qualifier not in _OPPOSITE or _OPPOSITE[qualifier] == _OPPOSITE.get(fig.qualifier):
            return None
        got = self.amount(j)
        if got is None or got[0].value is None:
            return None
        amt, end2 = got
        assert amt.value is not None
        other = self.with_unit(_interval(qualifier, amt.value), amt)
        lower, upper = (fig, other) if fig.low is not None else (other, fig)
        if lower.low is None or upper.high is None or lower.low >= upper.high:
            return None
        return (
            Figure(
                None,
                lower.low,
                upper.high,
                "range",
                lower.low_inclusive,
                upper.high_inclusive,
                unit=fig.unit or other.unit,
                currency=fig.currency or other.currency,
            ),
            end2,
        )

    def range_between(self, j: int, joiners: frozenset[str]) -> tuple[Figure, int, _Amount] | None:
        got = self.amount(j + 1)
        if got is None or got[0].value is None:
            return None
        amt, end = got
        rng = self.range_tail(amt, end, joiners=joiners)
        if rng is None:
            return None
        return rng[0], rng[1], amt

    def range_tail(
        self, a: _Amount, end: int, joiners: frozenset[str]
    ) -> tuple[Figure, int] | None:
        if a.value is None or end >= self.n:
            return None
        w = self.low(end)
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
        lo, hi = a.value, b.value
        assert lo is not None and hi is not None
        # "rose 15% to $415.9 million" is a change, not a range
        if a.currency and b.currency and a.currency != b.currency:
            return None
        if (a.unit and b.unit and a.unit != b.unit) or (
            a.unit and b.currency or a.currency and b.unit
        ):
            return None
        if w == "to" and (bool(a.unit or a.currency) != bool(b.unit or b.currency)) and a.unit:
            return None
        # a shared scale or unit: "1-2 million", "4-5 km", "$5-10"
        if not a.scaled and b.scaled and hi and a.unit != "percent":
            ratio = self._scale_of(b)
            if ratio and lo * ratio <= hi:
                lo *= ratio
        if lo >= hi:
            return None
        currency = a.currency or b.currency
        unit = currency or b.unit or a.unit
        fig = Figure(None, lo, hi, "range", unit=unit, currency=currency)
        return fig, end2

    def _scale_of(self, b: _Amount) -> float:
        if b.value is None:
            return 0.0
        for scale in sorted(set(self.lex.scale_words.values()) | {100.0}, reverse=True):
            if abs(b.value) >= scale:
                return scale
        return 0.0

    # -- not figures ---------------------------------------------------------------------------
    def excluded(self, i: int, end: int, amt: _Amount, qualifier: str | None) -> bool:
        """Numbers that are dates, times, ordinals, identifiers or compound adjectives."""
        lex = self.lex
        toks = self.toks
        first, last = toks[i], toks[end - 1]
        prev = toks[i - 1] if i > 0 else None
        nxt = toks[end] if end < self.n else None
        money = amt.currency is not None
        # "141-page journal", "a 16-year-old", "5-km stretch" (money stays: "a $300-million deal")
        if nxt is not None and nxt.low in ("-", "‐") and nxt.glued and end + 1 < self.n:
            after = toks[end + 1]
            if after.glued and after.kind == "word" and not money and amt.unit != "percent":
                return after.low not in lex.number_words
        # "4th", "2nd", "11a", "MH17", "SCP-173", "Su-25"
        if nxt is not None and nxt.glued and nxt.kind == "word" and last.kind == "num":
            return True
        if prev is not None and first.glued and first.kind == "num" and not money:
            if prev.kind == "word":
                return True
            if prev.low in ("-", "/") and i > 1 and toks[i - 2].kind == "word" and prev.glued:
                return any(c.isupper() for c in toks[i - 2].text)
        # "No. 2 City", "#3"
        if prev is not None and not qualifier and not money:
            pw = prev.low
            if pw == "." and i > 1 and toks[i - 2].low + "." in lex.identifier_prefixes:
                return True
            if (
                pw in lex.identifier_prefixes
                and pw not in ("no", "number")
                or (pw in ("no", "number") and prev.text[0].isupper() and first.kind == "num")
            ):
                return True
        # dates and times: "Feb. 24", "24 February", "May 14, 2022", "5 p.m."
        if not money and amt.unit is None and first.kind == "num":
            if self._month_near(i, end):
                return True
            following = "".join(t.low for t in toks[end : end + 4])
            if nxt is not None and (
                nxt.low in lex.time_suffixes or following.startswith(("a.m", "p.m"))
            ):
                return True
        # "24/7", "9/11": a slash between whole numbers that is no fraction
        if nxt is not None and nxt.low == "/" and nxt.glued and end + 1 < self.n:
            return toks[end + 1].kind == "num" and toks[end + 1].glued
        if prev is not None and prev.low == "/" and prev.glued and first.glued and i > 1:
            return toks[i - 2].kind == "num" and not qualifier
        # ages: "aged 73", "73 years old"
        if prev is not None and prev.low in lex.age_before:
            return True
        k = i - 1
        while (
            k >= 0 and toks[k].kind == "word" and i - k <= 3 and toks[k].low not in lex.age_before
        ):
            k -= 1
        if qualifier and k >= 0 and toks[k].low in lex.age_before:
            return True
        if nxt is not None and nxt.low in lex.age_after and amt.unit in lex.time_units:
            return True
        # year spans: "between 2019 and 2021", "from 2014 to 2022"
        years = [t for t in toks[i:end] if t.kind == "num"]
        if (
            years
            and not money
            and amt.unit is None
            and not amt.scaled
            and all(_YEAR.fullmatch(t.text) for t in years)
            and len(years) > 1
        ):
            return True
        # "the one", "which one", "one of the", "only one of many"
        if amt.words and toks[end - 1].low == "one" and not amt.scaled and qualifier in _ONE_OK:
            if not qualifier and prev is not None and prev.low in lex.pronoun_one_before:
                return True
            if nxt is not None and nxt.low in ("of", "another"):
                return True
        # a bare year: "in 2014", "2014."
        if (
            amt.digits
            and not amt.scaled
            and not money
            and amt.unit is None
            and not qualifier
            and end == i + 1
            and first.kind == "num"
            and _YEAR.fullmatch(first.text)
        ):
            if prev is not None and prev.low in lex.year_prepositions:
                return True
            if nxt is None or nxt.kind != "word":
                return True
        return False

    def _month_near(self, i: int, end: int) -> bool:
        months = self.lex.months
        k = i - 1
        if k >= 0 and self.toks[k].low == ".":
            k -= 1
        if (
            k >= 0
            and self.toks[k].low in months
            and (self.toks[k].text[0].isupper() or self.toks[k].low != "may")
        ):
            return True
        if k >= 0 and self.toks[k].low == "," and k >= 1 and self.toks[k - 1].kind == "num":
            j = k - 2
            if j >= 0 and self.toks[j].low == ".":
                j -= 1
            if j >= 0 and self.toks[j].low in months:
                return True
        if end < self.n:
            w = self.toks[end]
            if w.low in months and w.low != "may" and (w.text[0].isupper() or len(w.low) > 3):
                return True
            if w.low == "of" and end + 1 < self.n and self.toks[end + 1].low in months:
                return True
        return False


def find(text: str, rejected: list[tuple[int, int]] | None = None) -> list[Found]:
    """Every figure in `text`, left to right, with its qualifier; dates, times, ordinals,
    identifiers and compound adjectives ("a 141-page journal") are left out, and their character
    spans added to `rejected` when given (so that a caller does not take them back)."""
    if not text or not text.strip():
        return []
    out: list[Found] = []
    blocked = [(m.start(), m.end()) for m in _URL.finditer(text)]
    for a, b in _windows(text):
        toks = [t for t in _tokens(text, a, b) if not any(s <= t.start < e for s, e in blocked)]
        out.extend(_scan(toks, rejected))
    return out


@cache
def _starters() -> frozenset[str]:
    """Lowercase tokens that can open a figure; the scan tries nothing at other words."""
    lex, m = lexicon(), money()
    words = set(lex.number_words) | set(lex.fractions) | set(lex.negative) | {"a", "an", "one"}
    for table in (lex.prefix, lex.vague, lex.percent):
        words |= set(table.lengths)
    words |= set(lex.range_heads) | set(m.symbols) | set(m.lowercase_iso)
    words |= {_token_key(p)[0] for p in m.prefixes}
    words |= {"-", "+", "−", "per"}
    return frozenset(words)


def _scan(toks: list[_Tok], rejected: list[tuple[int, int]] | None) -> Iterable[Found]:
    finder = _Finder(toks)
    starters = _starters()
    iso = finder.money.iso
    i = 0
    n = len(toks)
    while i < n:
        tok = toks[i]
        if tok.kind == "ident" or (
            tok.kind != "num" and tok.low not in starters and tok.text[:3] not in iso
        ):
            i += 1
            continue
        qualifier, after = finder.phrase(i, finder.lex.prefix)
        if qualifier == "not_a_bound":
            i = after + 1  # "<>30": skip the sign and its number
            continue
        try:
            got = finder.figure_at(i)
        except (OverflowError, ValueError, ZeroDivisionError):
            got = None
        if got is None:
            i += 1
            continue
        fig, end, amt, qualifier = got
        if end <= i or not _finite(fig):
            i += 1
            continue
        if finder.excluded(i, end, amt, qualifier):
            if rejected is not None:
                rejected.append((toks[i].start, toks[end - 1].end))
            i = end if amt.value is not None and not amt.vague else i + 1
            continue
        bare = qualifier is None and fig.unit is None and not amt.scaled
        fig = replace(fig, value=_tidy(fig.value), low=_tidy(fig.low), high=_tidy(fig.high))
        yield Found(toks[i].start, toks[end - 1].end, fig, words=amt.words, bare=bare)
        i = end


def _tidy(value: float | None) -> float | None:
    """Drop binary noise from scaling ("16.4 million" is 16400000, not 16399999.999999998)."""
    if value is None:
        return None
    tidy = float(f"{value:.15g}")
    # Rounding the largest floats to 15 digits overflows to infinity: keep those as they are.
    return tidy if math.isfinite(tidy) else value


def _finite(fig: Figure) -> bool:
    return all(v is None or math.isfinite(v) for v in (fig.value, fig.low, fig.high))


def parse(phrase: str) -> Figure | None:
    """The first figure of a phrase ("at least 6,000", "about $3,300", "4-5 km"), or None."""
    found = find(phrase)
    return found[0].figure if found else None
