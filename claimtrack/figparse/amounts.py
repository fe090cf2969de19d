"""Reading amounts: a number with what it is counted in. Currencies before or after it ("$",
"C$", "USD", "€", "hryvnias", "50 cents", "75 USD million"), physical units through pint
("5 km"), percent and percentage points, vague amounts ("thousands"), and the cents after a
whole amount of money ("3 dollars 50")."""

from __future__ import annotations

import math
from dataclasses import dataclass

from claimtrack.figparse.currencies import Money
from claimtrack.figparse.tables import Lexicon
from claimtrack.figparse.tokens import HYPHENS, Tok
from claimtrack.figparse.values import Num, NumberReader
from claimtrack.units import unit_name, units

# Words before a spaced "$" that are English, not a currency's letters ("a $5 fee").
_ARTICLES = frozenset({"a", "i"})
_DIMENSIONS = frozenset({"long", "tall", "wide", "high", "deep", "thick", "across"})
_BRACKETS = {"(": ")", "[": "]", "{": "}", "<": ">"}


@dataclass(slots=True)
class Amount:
    """One amount as read, before qualifiers and ranges make it a figure."""

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


class AmountReader(NumberReader):
    """Reads amounts: [currency] number [scale] [unit | currency | percent]."""

    def __init__(self, toks: list[Tok], lex: Lexicon, money: Money) -> None:
        super().__init__(toks, lex)
        self.money = money

    def amount(self, i: int) -> tuple[Amount, int] | None:
        """One amount at i and the index after it."""
        lex = self.lex
        vague, end = self.phrase(i, lex.vague)
        if vague is not None:
            amt = Amount(None, vague[0], vague[1], vague=True, words=True)
            return self.tail(amt, end)
        half = self.unit_and_a_half(i)
        if half is not None:
            return half
        currency = self.currency_before(i)
        j = i
        amt = Amount(None, None, None)
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
        return self.tail(amt, self.accounting(amt, j, self.counted(amt, num, j)))

    def unit_and_a_half(self, i: int) -> tuple[Amount, int] | None:
        """ "an hour and a half", "a mile and a half": one and a half of the unit."""
        if self.low(i) not in ("a", "an"):
            return None
        key, end = self.phrase(i + 1, self.lex.unit_phrases)
        if key is None or [self.low(k) for k in range(end, end + 3)] != ["and", "a", "half"]:
            return None
        amt = Amount(1.5, 1.5, 1.5, words=True, unit=unit_name(key))
        return amt, end + 3

    def accounting(self, amt: Amount, j: int, k: int) -> int:
        """ "a loss of (4.2) million", "$(120)": an accounting negative, in parentheses glued to
        the digits, with a scale after or a currency before; the index after it."""
        toks = self.toks
        if not (
            j > 0
            and k < self.n
            and toks[j - 1].low == "("
            and toks[j].glued
            and toks[k].low == ")"
            and toks[k].glued
            and amt.digits
            and amt.value is not None
            and amt.value > 0
        ):
            return k
        scale = self.lex.scale_words.get(self.low(k + 1))
        if scale is not None and not amt.scaled:
            amt.value, amt.scaled = -amt.value * scale, True
            return k + 2
        before = toks[j - 2] if j > 1 else None
        if before is not None and before.text in self.money.symbols:
            amt.value, amt.currency = -amt.value, self.money.symbols[before.text]
            return k + 1
        return k

    def odds(self, num: Num, start: int) -> Num | None:
        """ "a 3 to 1 margin", "a 2-1 majority", "3:1 odds": the ratio of two numbers, when a
        ratio noun follows; a tally of votes ("voted 19-15", "an 80-19 vote") too. Without
        either ("19-15 in the polls") they stay two counts."""
        joiners = self.lex.ratio_joiners
        k = num.end
        if self.low(k) not in joiners:
            return None
        words = {self.low(k)}
        k += 1
        while self.low(k) in joiners:  # "2-to-1"
            words.add(self.low(k))
            k += 1
        den = self.cardinal(k, allow_digits=True)
        if den is None or not den.value or den.scaled:
            return None
        after = den.end
        while self.low(after) in joiners and after < den.end + 2:  # "3-to-1-margin"
            after += 1
        if self.is_tally(start, num, den, after):
            return Num(num.value / den.value, den.end, words=num.words, digits=num.digits, ints=2)
        if words <= set(HYPHENS) and den.value != 1:
            return None  # "a 52-48 margin", "a 7-2 majority": a tally; "a 2-1 margin" a ratio
        if self.low(after) not in self.lex.ratio_nouns:
            return None
        return Num(num.value / den.value, den.end, words=num.words, digits=num.digits, ints=2)

    def is_tally(self, start: int, num: Num, den: Num, after: int) -> bool:
        """ "voted 19-15", "an 80-19 vote": votes for and against, the larger written first
        ("approved 5 to 10 projects" is a range)."""
        lex, low = self.lex, self.low
        tallied = low(start - 1) in lex.tally_verbs or low(after) in lex.tally_nouns
        return tallied and num.value >= den.value and not num.scaled

    def counted(self, amt: Amount, num: Num, start: int) -> int:
        """Take `num` into `amt` (a ratio after it included); the index after both."""
        amt.bare_word = num.bare_word
        amt.value = num.value * amt.scale
        amt.words = num.words and not num.digits
        amt.scaled = num.scaled or amt.scale != 1.0
        amt.fraction = num.fraction
        amt.digits = num.digits
        k = num.end
        odds = self.odds(num, start) if amt.currency is None and not num.scaled else None
        if odds is not None:
            amt.value, amt.unit = odds.value, "ratio"
            return odds.end
        ratio = self.ratio(num) if amt.currency is None else None
        if ratio is not None:
            amt.value, amt.fraction, k = ratio.value, True, ratio.end
        if amt.fraction and amt.currency is None:
            amt.unit = "fraction"
        return k

    def tail(self, amt: Amount, k: int) -> tuple[Amount, int]:
        """Currency, unit or percent after an amount ("12-cent", "one-yen" included), and the
        cents after a currency."""
        h = k
        if amt.vague and self.low(k) == "of" and k + 1 < self.n and self.toks[k + 1].kind == "word":
            h = k + 1  # "millions of tons", "thousands of dollars" (not "thousands of $12 ...")
        if (
            self.low(k) in ("-", "‐")
            and k + 1 < self.n
            and self.toks[k].glued
            and self.toks[k + 1].glued
        ):
            h = k + 1  # "12-cent-a-share", "one-yen bid", "5-km stretch"
        if amt.currency is None and (amt.value is not None or amt.vague):
            after = self.currency_after(h)
            if after is not None and self.weighed(amt, h):
                amt.unit = unit_name(self.money.weights[self.low(h)])
                return amt, h + 1
            if after is not None:
                return amt, self.per_unit(amt, self.currency_tail(amt, after))
        if amt.fraction and amt.currency is None and self.low(k) in ("a", "an"):
            unit = self.unit_after(k + 1)  # "half a mile", "a third of a" is read elsewhere
            if unit is not None and unit[0] != "fraction":
                amt.unit = unit[0]
                return amt, unit[1]
        if amt.currency is None:
            unit = self.unit_after(h)
            if unit is not None and (not amt.vague or unit[0] not in ("percent", "fraction")):
                amt.unit, k = unit
                k = self.compound(amt, k)
        elif k > 0 and self.toks[k - 1].kind != "word":
            k = self.cents(amt, k)  # "c $ 100 and fifty"
        if amt.currency is not None:
            k = self.per_unit(amt, k)
            k = self.in_the_red(amt, k)
        return amt, k

    def in_the_red(self, amt: Amount, k: int) -> int:
        """ "$1 billion in the red": a sum owed or lost, negative."""
        words = [self.low(j) for j in range(k, k + 3)]
        if words != ["in", "the", "red"] or amt.value is None or amt.value <= 0:
            return k
        amt.value = -amt.value
        return k + 3

    def per_unit(self, amt: Amount, k: int) -> int:
        """ "$50 a ton", "$80 per barrel", "$16.50 an hour": money per a unit ("USD/ton",
        "USD/hour"); a rate written apart from the sum ("40,000 pesos -- about $2,300 -- per
        month") is read with the figure's context instead."""
        if self.low(k) not in ("a", "an", "per"):
            return k
        key, end = self.phrase(k + 1, self.lex.unit_phrases)
        if key is None:
            return k
        name = unit_name(key)
        if name in ("percent", "times") or self.low(end) in self.lex.dated_by:
            return k  # "$1.2 billion a year earlier": a time, not a rate
        amt.unit = name
        return end

    def compound(self, amt: Amount, k: int) -> int:
        """ "5 feet 2 inches", "2 years, 5 months", "1 hour and 20 minutes": one measure in the
        smaller unit (62 inches, 29 months, 80 minutes), never an odd fraction of the larger.
        Decimal units ("12 m 2 dm") are written as decimals, so two of them stay two measures."""
        if amt.value is None or amt.unit is None or not float(amt.value).is_integer():
            return k
        j = k + 1 if self.low(k) in (",", "and") else k
        num = self.cardinal(j)
        if num is None or num.scaled or num.end >= self.n:
            return k
        if self.low(num.end) in ("in", "in.") and amt.unit == "foot":
            key, end = "inch", num.end + 1  # "5 ft 2 in"
        else:
            key, end = self.phrase(num.end, self.lex.unit_phrases)
        if key is None:
            return k
        smaller = unit_name(key)
        try:
            factor = float(units().Quantity(1, amt.unit).to(smaller).magnitude)
        except Exception:  # noqa: BLE001 - pint raises many kinds; not a compound measure
            return k
        if factor <= 1 or not num.value < factor or math.log10(factor).is_integer():
            return k
        amt.value = amt.value * factor + num.value
        amt.unit = smaller
        return end

    def weighed(self, amt: Amount, h: int) -> bool:
        """ "lost 25 pounds": a currency name that is also a weight, after a plain amount."""
        return (
            self.low(h) in self.money.weights
            and not amt.scaled
            and self.low(h + 1) not in ("sterling", "stg")
        )

    def currency_tail(self, amt: Amount, after: tuple[str, float, int, float]) -> int:
        """Apply a currency read after the amount (and a scale after it: "75 USD million")."""
        code, scale, k, divisor = after
        amt.currency = code
        if self.low(k) in self.lex.scale_words and scale == 1.0:
            scale = self.lex.scale_words[self.low(k)]
            k += 1
        if amt.value is not None:
            amt.value = amt.value * scale / divisor
            amt.scaled = amt.scaled or scale != 1.0
        if divisor == 1.0:
            k = self.cents(amt, k)
        amt.unit = None
        return k

    def cents(self, amt: Amount, k: int) -> int:
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

    # -- currencies, units, percent --------------------------------------------------------
    def currency_before(self, i: int) -> tuple[str, float, int] | None:
        """A currency written before the number: "$", "C$", "us $", "HK$", "USD", "€"."""
        m = self.money
        compact = ""
        for k in range(i, min(i + 5, self.n)):
            t = self.toks[k]
            if k > i and (k - i > 1 and not t.glued and t.low != "$"):
                break
            compact += t.low
            if compact in m.prefixes and t.low == "$" and self.prefix_ok(i, k):
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

    def prefix_ok(self, i: int, k: int) -> bool:
        """Whether the letters at [i, k) name the dollar at k: not the article of "a $700 million
        deal" nor the possessive of "the donor’s $27" (a bare "$" is then the default)."""
        first = self.toks[i]
        if first.low in _ARTICLES and not self.toks[k].glued:
            return False
        return not (first.glued and i > 0 and self.toks[i - 1].text in ("'", "’"))

    def iso_code(self, t: Tok) -> tuple[str, float] | None:
        """An ISO currency code ("USD", "rmb"), or one with a scale letter ("MUSD")."""
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
        name, end = m.names.match(self.toks, i)
        if name is not None:
            return name, 1.0, end, 1.0
        return None

    def unit_after(self, i: int) -> tuple[str, int] | None:
        """A unit after the number: percent, percentage points, or a physical unit."""
        lex = self.lex
        key, end = self.phrase(i, lex.percent)
        if key is not None:
            if self.low(end) in ("point", "points"):
                return "percentage_point", end + 1
            return "percent", end
        key, end = self.phrase(i, lex.unit_phrases)
        if key is not None and self.toks[end - 1].kind == "num" and not self.toks[end - 1].glued:
            # "12 m 2 dm": a power is glued ("m2"); a spaced number starts another measure
            one = (self.low(i),)
            key, end = (lex.unit_phrases[one], i + 1) if one in lex.unit_phrases else (None, i)
        if (
            key is None
            and self.low(i) in ('"', "″")
            and not self.toks[i].glued
            and self.low(i + 1) in _DIMENSIONS
        ):
            return "inch", i + 1  # 'a pen 10 " long': the inch mark (a glued '"' ends a quote)
        if key is None and self.low(i) in _BRACKETS and i + 1 < self.n:
            key, end = self.phrase(i + 1, lex.unit_phrases)  # "20 (kg)", "20 [kg]"
            if key is None or self.low(end) != _BRACKETS[self.low(i)]:
                return None
            end += 1
        nxt = self.toks[end] if key is not None and end < self.n else None
        if nxt is not None and nxt.kind == "num" and nxt.glued:
            return None  # "24703L202", "m212": an identifier
        if (
            key is not None
            and end < self.n
            and self.toks[end].low == "-"
            and self.toks[end].glued
            and self.low(end + 1) not in self.lex.age_after  # "a 16-year-old" is an age
        ):
            return None
        if key is not None and self.low(end) in ("per", "/"):
            per, pend = self.phrase(end + 1, lex.unit_phrases)
            if per is not None:  # "50 meters per millisecond", "10km/hr"
                return unit_name(f"{key} / {per}"), pend
        if key is not None:
            if (
                key in ("m", "t")
                and not self.toks[i].glued
                and i > 0
                and self.toks[i - 1].kind != "num"
            ):
                return None
            return unit_name(key), end
        return None
