"""Reading numbers' values off tokens: cardinals in digits and words ("1,200", "three hundred
and forty-two", "2.5 million", "1.1^23"), decimals said aloud ("point seven five"), fractions
("two thirds", "half a dozen", "3/4", "2 1/4"), "X and a half", and ratios ("one in five").

This module reads values only; where a figure starts and what surrounds it (currency, unit,
qualifier, range) is for `amounts` and `finder`."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum, auto

from claimtrack.figparse.tables import Lexicon
from claimtrack.figparse.tokens import HYPHENS, Tok, TokenCursor


@dataclass(slots=True)
class Num:
    """A number read: its value, where it ends, and how it was written."""

    value: float
    end: int  # index of the first token after the number
    words: bool = False  # some part written in words
    digits: bool = False  # some part written in digits
    scaled: bool = False
    fraction: bool = False  # a fraction on its own ("two thirds", "half")
    ints: int = 0  # number of numeric items read
    bare_word: str = ""  # a fraction word without numerator ("half", "quarter")


class Item(Enum):
    """The kind of item a cardinal read last: what may come next depends on it."""

    NOTHING = auto()
    DIGITS = auto()  # "42"
    UNIT = auto()  # "two", or "a" before a multiplier
    TEEN = auto()  # "thirteen"
    TENS = auto()  # "forty"
    HUNDRED = auto()
    SCALE = auto()  # "million", "bn", "k"
    DOZEN = auto()
    AND = auto()  # "hundred and ..."
    POINT = auto()  # "... point seven five"


# The members as module constants, used below: on Python 3.11 looking a member up on its Enum
# class costs ten times a global, and a cardinal is tried at nearly every token.
NOTHING, DIGITS, UNIT, TEEN = Item.NOTHING, Item.DIGITS, Item.UNIT, Item.TEEN
TENS, HUNDRED, SCALE, DOZEN = Item.TENS, Item.HUNDRED, Item.SCALE, Item.DOZEN
AND, POINT = Item.AND, Item.POINT
# Groups as tuples, not sets: membership by identity, without hashing an Enum member.
# After these a new count may start ("two hundred | five", "a million | 200").
_OPEN = (NOTHING, HUNDRED, SCALE, AND)
# Counts that "hundred" and "dozen" multiply.
_COUNTS = (UNIT, TEEN, TENS, DIGITS)
_BEFORE_AND = (HUNDRED, SCALE, DOZEN)
_BEFORE_POINT = (UNIT, TEEN, TENS, DIGITS, HUNDRED)
# Signs before a number that are not currency symbols.
_NOT_MONEY_SIGNS = frozenset("([{-\u2013\u2014+/,.:;\"'~<>=")


class Cardinal:
    """One cardinal being read item by item: digits and number words with hundreds, scales,
    dozens, "and", "point". Each item method returns the index after its item, or None when the
    number ends before it."""

    __slots__ = (
        "reader",
        "allow_digits",
        "out",
        "total",
        "current",
        "small",
        "last",
        "last_scale",
        "has_hundred",
        "before_and",
    )

    def __init__(self, reader: NumberReader, i: int, allow_digits: bool) -> None:
        self.reader = reader
        self.allow_digits = allow_digits
        self.out = Num(0.0, i)
        self.total = 0.0  # the part already multiplied by a scale
        self.current = 0.0  # the part since the last scale
        self.small = 0.0  # the piece since the last "hundred", which "dozen" multiplies
        self.last = NOTHING
        self.last_scale = 0.0
        self.has_hundred = False
        self.before_and: tuple[int, float, float] | None = None  # to give back "and ..."

    def read(self) -> Num | None:
        j: int | None = self.out.end
        n = self.reader.n
        while j is not None and j < n:
            j = self.item(j)
        if self.out.ints == 0:
            return None
        self.out.value = self.total + self.current
        return self.out

    def item(self, j: int) -> int | None:
        """Read the item at j, whichever kind it is."""
        reader = self.reader
        t = reader.toks[j]
        w = t.low
        if t.kind == "num" and self.allow_digits:
            return self.digits(j, t)
        if w == "a" and self.last is NOTHING and reader.a_counts(j + 1):
            return self.article(j)
        kv = reader.word_value(j)
        if kv is not None:
            return self.number_word(j, *kv)
        lex = reader.lex
        if w in lex.hundred:
            return self.hundred(j)
        if (
            w in HYPHENS
            and self.last is DIGITS
            and reader.glued_run(j, 2)
            and reader.low(j + 1) in lex.scale_words
        ):
            return j + 1  # "$2-million": the scale, hyphenated
        if self.last is not NOTHING and (
            w in lex.scale_words
            or reader.spaced_letter(j)
            or (
                t.glued
                and w in lex.glued_scales
                and self.last is DIGITS
                and not reader.unit_letter(j)
            )
        ):
            return self.scale(j, t)
        if w in lex.dozen and (self.last in _COUNTS or (self.last is HUNDRED and w != "dozens")):
            return self.dozen(j, w)
        if w in ("and", "&") and self.last in _BEFORE_AND and reader.and_continues(j + 1):
            return self.and_(j)
        if w == "and" and self.last is TENS and reader.unit_word(j + 1):
            return self.and_(j)  # "twenty and three": the old way of saying 23
        if w == "," and self.last is SCALE and self.out.words and not self.out.digits:
            return self.comma(j)
        if w in lex.point and self.last in _BEFORE_POINT and not self.out.digits:
            self.point(j)  # the decimals end the number
        return None

    def took(self, item: Item, end: int) -> int:
        """Count an item read, ending before `end`."""
        self.last = item
        self.out.ints += 1
        self.out.end = end
        return end

    def digits(self, j: int, t: Tok) -> int | None:
        last = self.last
        if last not in _OPEN:
            return None
        if last is not NOTHING and (
            t.num is None
            or (self.last_scale and t.num >= self.last_scale)
            or not t.num.is_integer()
        ):
            return None
        end = j + 1
        if last is NOTHING and j + 1 < self.reader.n and self.reader.toks[j + 1].low == "^":
            power = self.reader.power(j)
            if power is None:
                return None
            value, end = power
        elif last is NOTHING and self.reader.scientific(j) is not None:
            value, end = self.reader.scientific(j) or (0.0, end)  # "1.3x10^6"
        else:
            value = t.num or 0.0
        self.current += value
        self.small = value
        self.out.digits = True
        return self.took(DIGITS, end)

    def article(self, j: int) -> int:
        """ "a" counting one before a multiplier ("a dozen", "a hundred")."""
        self.current, self.small = 1.0, 1.0
        self.out.words = True
        return self.took(UNIT, j + 1)

    def number_word(self, j: int, kind: Item, value: int) -> int | None:
        reader, last = self.reader, self.last
        if kind is TENS and last is HUNDRED and reader.ordinal_next(j):
            return None  # "one hundred thirty-fifths" is 100/35
        if last not in _OPEN and not (last is TENS and kind is UNIT):
            return None
        self.current += value
        self.small = self.small + value if last is TENS else value
        self.out.words = True
        end = j + 1
        if kind is TENS:
            end = reader.sep(j + 1)
            after = reader.word_value(end) if end != j + 1 else None
            if end != j + 1 and (after is None or after[0] is not UNIT):
                end = j + 1  # "twenty-first", "fifty-fifty": the hyphen is not the number's
        return self.took(kind, end)

    def hundred(self, j: int) -> int | None:
        if self.has_hundred and self.before_and is not None:
            # "3 hundred and 2 hundred" is two numbers: give back "and 2"
            self.out.end, self.total, self.current = self.before_and
            return None
        if self.last is NOTHING and self.reader.low(j + 1) in self.reader.lex.scale_words:
            self.small = self.current = 1.0  # "hundred thousand dollars"
            self.out.words = True
        elif self.last not in _COUNTS or self.has_hundred:
            return None
        self.has_hundred = True
        self.current = self.current - self.small + self.small * 100
        self.small = 0.0
        self.out.scaled = True
        return self.took(HUNDRED, j + 1)

    def scale(self, j: int, t: Tok) -> int | None:
        lex = self.reader.lex
        w = t.low
        scale = (
            lex.scale_words.get(w) or lex.spaced_letters.get(t.text) or lex.glued_scales.get(w, 0.0)
        )
        if self.last is SCALE and self.current == 0 and scale > self.last_scale:
            self.total *= scale  # "a hundred thousand million"
        elif self.last_scale and scale >= self.last_scale:
            return None
        else:
            self.total += (self.current or 1.0) * scale
        self.current = self.small = 0.0
        self.has_hundred = False
        self.last_scale = scale
        self.out.scaled = True
        return self.took(SCALE, j + 1)

    def dozen(self, j: int, w: str) -> int:
        self.current = self.current - self.small + (self.small or 1.0) * self.reader.lex.dozen[w]
        self.has_hundred = False
        self.small = 0.0
        self.out.scaled = True
        return self.took(DOZEN, j + 1)

    def and_(self, j: int) -> int:
        """ "hundred and ...": read on, not counted until a number follows."""
        self.before_and = (j, self.total, self.current)
        self.last = AND
        return j + 1

    def comma(self, j: int) -> int | None:
        """ "two million, three hundred and five": words after a scale's comma go on when they
        are all below that scale and hold a "hundred" or a smaller scale ("two million, three
        million" and "one million, two others" are lists)."""
        rest = self.reader.cardinal(j + 1, allow_digits=False)
        if rest is None or rest.value >= self.last_scale or not rest.scaled:
            return None
        return j + 1

    def point(self, j: int) -> None:
        """ "... point seven five": the decimals, if any, are the number's last item."""
        dec = self.reader.decimals(j + 1)
        if dec is not None:
            frac, end = dec
            self.current += frac
            self.took(POINT, end)


class NumberReader(TokenCursor):
    """Reads numbers' values off a token list. Every method takes an index and returns the
    index after what it read (inside what it returns), or None when nothing fits."""

    def __init__(self, toks: list[Tok], lex: Lexicon) -> None:
        super().__init__(toks)
        self.lex = lex

    def word_value(self, i: int) -> tuple[Item, int] | None:
        """The kind and value of the number word at i."""
        w = self.low(i)
        lex = self.lex
        if w in lex.units:
            return UNIT, lex.units[w]
        if w in lex.teens:
            return TEEN, lex.teens[w]
        if w in lex.tens:
            return TENS, lex.tens[w]
        return None

    # -- cardinals ---------------------------------------------------------------------------
    def cardinal(self, i: int, *, allow_digits: bool = True) -> Num | None:
        """Digits and number words with hundreds, scales, dozens, "and", "point"."""
        return Cardinal(self, i, allow_digits).read()

    def spaced_letter(self, j: int) -> bool:
        """A scale letter after a space ("1,674.5 G", "10 k") if nothing word-like follows."""
        t = self.toks[j]
        if t.text not in self.lex.spaced_letters or t.glued:
            return False
        return j + 1 >= self.n or self.toks[j + 1].kind != "word"

    def unit_letter(self, j: int) -> bool:
        """A glued letter that is a unit symbol here, not a scale: "1.8m tall", "7.62mm",
        "100t", "24703m2" (no currency written before; "$5m", "1.8M", "1.5m people" and a
        "1.5m" that ends the phrase stay scales)."""
        t = self.toks[j]
        if t.text not in self.lex.glued_letters:
            return False
        before = self.toks[j - 2] if j >= 2 else None
        if before is not None and (
            before.kind == "sym"
            and before.text not in _NOT_MONEY_SIGNS
            or before.kind == "word"
            and len(before.text) == 3
            and before.text.isupper()
        ):
            return False  # "$1.5m", "USD 5m"
        nxt = self.toks[j + 1] if j + 1 < self.n else None
        if nxt is None or nxt.kind == "sym":
            return t.text != "m"  # "raised 1.5m." is money in the news more often than length
        if nxt.kind == "num":
            return nxt.glued and nxt.text in ("2", "3")  # "m2", "m3"
        return t.text != "m" or nxt.low in self.lex.measure_adjectives

    def a_counts(self, j: int) -> bool:
        """ "a" is a number before hundred/thousand/dozen ("a dozen", "a hundred")."""
        w = self.low(j)
        return w in self.lex.hundred or w in self.lex.scale_words or w in self.lex.dozen

    def and_continues(self, j: int) -> bool:
        """ "hundred and ...": more units of the same number follow, not a fraction or zero."""
        return self.number_follows(j) and not self.fraction_follows(j) and not self.zero_at(j)

    def number_follows(self, j: int) -> bool:
        t = self.toks[j] if j < self.n else None
        if t is None:
            return False
        if t.kind == "num":
            return True
        return self.word_value(j) is not None

    def unit_word(self, j: int) -> bool:
        """A number word from one to nine, ending the number ("twenty and three", "twenty and
        three and a half"; not "twenty and three hundred" nor "twenty and three fifths")."""
        kv = self.word_value(j)
        if kv is None or kv[0] is not UNIT or not 0 < kv[1] < 10:
            return False
        nxt = self.low(j + 1)
        lex = self.lex
        return nxt not in lex.hundred and nxt not in lex.scale_words and nxt not in lex.ordinals

    def zero_at(self, j: int) -> bool:
        t = self.toks[j] if j < self.n else None
        return t is not None and (t.num == 0 or self.lex.units.get(t.low, -1) == 0)

    def ordinal_next(self, j: int) -> bool:
        k = self.sep(j + 1)
        w = self.low(k)
        return (w[:-1] if w.endswith("s") else w) in self.lex.unit_ordinals

    def fraction_follows(self, j: int) -> bool:
        """ "million and two thirds": the words after "and" are a fraction, not more units."""
        numerator = self.cardinal(j, allow_digits=False)
        if numerator is None or numerator.value >= 10:
            # "one hundred and thirty fifths" is 130/5; "... and three quarters" 100.75
            return False
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

    def scientific(self, j: int) -> tuple[float, int] | None:
        """ "1.3x10^6", "6.23×10^-4": digits times a power of ten, all glued."""
        toks, n = self.toks, self.n
        if not (
            j + 3 < n
            and toks[j + 1].low in ("x", "×")
            and toks[j + 2].text == "10"
            and toks[j + 3].low == "^"
            and all(t.glued for t in toks[j + 1 : j + 4])
        ):
            return None
        power = self.power(j + 2)
        if power is None:
            return None
        return (toks[j].num or 0.0) * power[0], power[1]

    def decimals(self, j: int) -> tuple[float, int] | None:
        """Digits after "point": each word a digit, or a two-digit word ("point seventy-one")."""
        digits = ""
        while j < self.n:
            kv = self.word_value(j)
            if kv is None:
                break
            kind, value = kv
            if kind is TENS:
                k = self.sep(j + 1)
                unit = self.word_value(k)
                if unit is not None and unit[0] is UNIT:
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

    def fraction_after(self, num: Num, *, strict: bool = True) -> Num | None:
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
        return Num(num.value / value, end, words=True, fraction=True, ints=num.ints + 1)

    def fraction(self, i: int) -> Num | None:
        """A fraction with its numerator, then anything it multiplies ("half a dozen",
        "two thirds of a million", "quarter million")."""
        lex = self.lex
        w = self.low(i)
        frac: Num | None = None
        if w in lex.fractions and w not in ("halves",):
            frac = Num(
                1.0 / lex.fractions[w], i + 1, words=True, fraction=True, ints=1, bare_word=w
            )
        elif w in ("a", "one") or self.word_value(i) is not None:
            numerator = (
                Num(1.0, i + 1, words=True, ints=1)
                if w == "a"
                else self.cardinal(i, allow_digits=False)
            )
            if numerator is not None:
                frac = self.fraction_after(numerator)
        if frac is None:
            return None
        return self.scale_fraction(frac)

    def scale_fraction(self, frac: Num) -> Num:
        k = frac.end
        if self.low(k) == "of" and self.low(k + 1) == "a":
            k += 2
        elif self.low(k) == "a":
            k += 1
        w = self.low(k)
        scale = self.lex.scale_words.get(w) or (100.0 if w in self.lex.hundred else 0.0)
        scale = scale or float(self.lex.dozen.get(w, 0))
        if scale:
            return Num(frac.value * scale, k + 1, words=True, scaled=True, ints=frac.ints + 1)
        return frac

    def fraction_part(self, j: int) -> tuple[float, int] | None:
        """The fraction after "and": "a half", "three quarters"."""
        w = self.low(j)
        if w == "a":
            numerator = Num(1.0, j + 1, words=True, ints=1)
        elif self.word_value(j) is not None:
            numerator = self.cardinal(j, allow_digits=False) or Num(0, j)
        else:
            return None
        frac = self.fraction_after(numerator, strict=False)
        if frac is None:
            return None
        return frac.value, frac.end

    # -- whole numbers -----------------------------------------------------------------------
    def number(self, i: int) -> Num | None:
        """A full number: sign, cardinal, and what may follow it (a fraction, "and a half",
        "over three", "1 4/5")."""
        sign, j = self.sign(i)
        frac = self.fraction(j)
        if frac is not None:
            frac.value *= sign
            return frac
        num = self.cardinal(j)
        if num is None:
            return None
        if not num.digits:
            whole = self.fraction_after(num)
            if whole is not None:
                whole.value *= sign
                return whole
        num = self.and_fraction(self.digit_fraction(num))
        num.value *= sign
        return num

    def sign(self, i: int) -> tuple[float, int]:
        """The sign at i ("minus", "-3", "+5") and where the number after it starts."""
        w = self.low(i)
        if w in self.lex.negative:
            if i > 1 and self.low(i - 1) == "or" and self.low(i - 2) == "plus":
                return 1.0, i + 1  # "plus or minus 4 points": a margin of 4 either way
            return -1.0, i + 1
        if w in ("-", "−", "+") and i + 1 < self.n:
            nxt = self.toks[i + 1]
            glued = self.toks[i].glued
            before = self.toks[i - 1] if i > 0 else None
            spaced = (nxt.glued or (nxt.kind == "num" and not glued)) and (
                before is None or before.kind not in ("num",) and before.low not in ("-",)
            )
            dash = not nxt.glued and before is not None and before.kind in ("word", "num")
            if (
                nxt.kind == "num"
                and spaced
                and not dash  # "40 delegates - 35 pledged": a dash between figures
                and (before is None or before.kind != "word" or not glued)
            ):
                return (-1.0 if w != "+" else 1.0), i + 1
        return 1.0, i

    def digit_fraction(self, num: Num) -> Num:
        """A fraction in digits after a whole number in digits: "3/4", "2 1/4"."""
        if not num.digits or num.scaled:
            return num
        k = num.end
        toks = self.toks
        if self.low(k) == "/" and k + 1 < self.n:
            den = toks[k + 1]
            denominator = den.num
            # "3/4", "1/2"; "24/7" and "9/11" are names, not fractions
            proper = denominator is not None and abs(num.value) < denominator <= 10
            if (
                denominator is not None
                and den.kind == "num"
                and proper
                and toks[k].glued
                and den.glued
            ):
                return Num(num.value / denominator, k + 2, digits=True, fraction=True, ints=2)
            return num
        if (
            k + 2 < self.n
            and toks[k].kind == "num"
            and self.low(k + 1) == "/"
            and toks[k + 2].kind == "num"
            and toks[k + 1].glued
            and toks[k + 2].glued
            and toks[k + 2].num
        ):
            mixed = (toks[k].num or 0.0) / (toks[k + 2].num or 1.0)
            if mixed < 1:
                return Num(num.value + mixed, k + 3, digits=True, ints=3)
        return num

    def and_fraction(self, num: Num) -> Num:
        """ "and a half", "million and three quarters", "five and a half million", and
        hyphenated ("four-and-a-half")."""
        end = num.end
        hyphens = self.low(end) in HYPHENS and self.glued_run(end, 4)
        if hyphens:
            end += 1
        if self.low(end) != "and":
            return num
        part = self.fraction_part(end + 2 if hyphens else end + 1)
        if part is None:
            return num
        value, end = part
        scale = self.lex.scale_words.get(self.low(end), 0.0)
        ints = num.ints
        if scale and not num.scaled:
            return Num((num.value + value) * scale, end + 1, words=True, scaled=True, ints=ints + 2)
        if scale:
            return Num(num.value + value * scale, end + 1, words=True, scaled=True, ints=ints + 2)
        if num.scaled and num.value >= 1000:
            value *= self.last_scale(num)
            return Num(num.value + value, end, words=True, scaled=True, ints=ints + 1)
        return Num(num.value + value, end, words=True, digits=num.digits, ints=ints + 1)

    def glued_run(self, i: int, k: int) -> bool:
        """Whether the k tokens from i are each glued to the one before."""
        return i + k <= self.n and all(t.glued for t in self.toks[i : i + k])

    def last_scale(self, num: Num) -> float:
        """The largest scale a scaled number is a whole multiple of (1e6 for 3,000,000)."""
        for scale in sorted(self.lex.scale_words.values(), reverse=True):
            if num.value >= scale and (num.value / scale).is_integer():
                return scale
        return 1.0

    def ratio(self, num: Num) -> Num | None:
        """ "one in five", "2 out of 5", "one over three", "nine of 10": a fraction of a group."""
        k = num.end
        hyphens = self.low(k) in HYPHENS and self.glued_run(k, 3)  # "one-in-five"
        k += hyphens
        w = self.low(k)
        if w == "out" and self.low(k + 1) == "of":
            k += 2
        elif w in ("in", "over", "of"):
            k += 1
        else:
            return None
        if hyphens:
            if self.low(k) not in HYPHENS:
                return None
            k += 1
        den = self.cardinal(k)
        if den is None or not den.value:
            return None
        if w == "of" and (den.value not in (10, 100, 1000) or num.value >= den.value):
            return None  # "nine of 10 limes" is a share; "30 of 50 states" a count
        if w == "in" and (num.value >= den.value or den.value >= 1800 and den.digits):
            return None
        if w == "out" and num.value > den.value:
            return None  # "12 out of 10" is no share of a group
        if w == "over" and den.end < self.n and self.toks[den.end].kind == "word":
            return None
        return Num(
            num.value / den.value,
            den.end,
            words=num.words,
            digits=num.digits,
            fraction=True,
            ints=2,
        )
