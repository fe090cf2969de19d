"""The currency tables: currency names, plurals and symbols from Babel's CLDR data, with
claimtrack's defaults and aliases on top (lexicon "currencies": "$" is USD, "pounds" GBP).

Derived once per Babel version and lexicon, then read from claimtrack's disk cache
(`claimtrack.cache`): building them from the locale data takes a noticeable part of a second."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from claimtrack.figparse.tables import OverridesKey, overrides_key
from claimtrack.figparse.tokens import TOKEN, Phrases, token_key
from claimtrack.lexicons import Overrides, load


@dataclass(frozen=True, slots=True)
class Money:
    names: Phrases  # "canadian dollars" -> CAD, "hryvnias" -> UAH
    symbols: dict[str, str]  # "$" -> USD, "₴" -> UAH
    prefixes: dict[str, str]  # "c$" -> CAD (compact, lowercase)
    iso: frozenset[str]
    iso_stop: frozenset[str]
    lowercase_iso: frozenset[str]
    subunits: dict[str, str]
    weights: dict[str, str]  # "pounds" -> pound: a weight unless the amount is scaled


def money(lexicons: Overrides | None = None) -> Money:
    """Currency names, plurals and symbols from Babel, with claimtrack's defaults on top (from
    the packaged currencies lexicon, or the user's file if `lexicons` names one)."""
    return _money(overrides_key(lexicons, ("currencies",)))


@cache
def _money(key: OverridesKey) -> Money:
    import babel

    from claimtrack.cache import cached

    data = load("currencies", dict(key))
    lexicon_text = json.dumps(data, sort_keys=True, ensure_ascii=False)
    # The key covers everything the table is derived from, the code that builds it included.
    here = Path(__file__).parent
    code = "".join((here / name).read_text(encoding="utf-8") for name in _CODE)
    return cached(
        "money",
        f"{babel.__version__}\n{lexicon_text}\n{code}",
        lambda: _build_money(data),
        kind=Money,
    )


# The modules whose code shapes the cached tables.
_CODE = ("currencies.py", "tokens.py")


def _build_money(data: dict[str, Any]) -> Money:
    from babel import Locale

    en = Locale("en")
    iso = frozenset(en.currencies)
    prefixes: dict[str, str] = {}
    for code, sym in en.currency_symbols.items():
        if sym.endswith("$") and len(sym) > 1:
            prefixes.setdefault(sym.lower(), code)
    for code in iso:
        prefixes.setdefault(code.lower() + "$", code)
    prefixes.update(data["prefixes"])
    return Money(
        names=Phrases(_names(en, data)),
        symbols=_symbols(en, data),
        prefixes=prefixes,
        iso=iso,
        iso_stop=frozenset(data["iso_stopwords"]),
        lowercase_iso=frozenset(data["lowercase_iso"]),
        subunits=data["subunits"],
        weights=data["weights"],
    )


def _names(en: Any, data: dict[str, Any]) -> dict[tuple[str, ...], str]:
    """Currency names as token tuples: Babel's names and plurals, a last word shared by no other
    currency on its own ("hryvnias"), then the lexicon's defaults and aliases."""
    from babel.numbers import get_currency_name

    names: dict[tuple[str, ...], str] = {}
    generic: dict[str, set[str]] = {}
    for code, display in en.currencies.items():
        for name in {display, get_currency_name(code, count=2, locale="en")}:
            key = token_key(name)
            if key:
                names.setdefault(key, code)
                generic.setdefault(key[-1], set()).add(code)
    stop = set(data["generic_stopwords"])
    for word, codes in generic.items():
        if word in stop or word in data["defaults"]:
            continue
        if len(codes) == 1:
            names.setdefault((word,), next(iter(codes)))
    for key, code in data["defaults"].items():
        if not _is_symbol(key):
            names[token_key(key)] = code
    for key, code in data["aliases"].items():
        if not _is_alias_symbol(key):
            names[token_key(key)] = code
    return names


def _symbols(en: Any, data: dict[str, Any]) -> dict[str, str]:
    """One-character currency symbols: the lexicon's, then Babel's, then a country's own narrow
    symbol ("₴", "₾", "₭") from the locale most likely there."""
    from babel import Locale
    from babel.core import get_global
    from babel.numbers import get_territory_currencies

    symbols: dict[str, str] = {}
    for key, code in data["defaults"].items():
        if _is_symbol(key):
            symbols[key] = code
    for key, code in data["aliases"].items():
        if _is_alias_symbol(key):
            symbols[key] = code
    for code, sym in en.currency_symbols.items():
        if len(sym) == 1 and not sym.isalnum():
            symbols.setdefault(sym, code)
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
    return symbols


def _is_symbol(key: str) -> bool:
    """A lexicon default written as one non-letter token ("$", "€") rather than a name."""
    return bool(TOKEN.fullmatch(key)) and not key[0].isalpha()


def _is_alias_symbol(key: str) -> bool:
    return len(key) == 1 and not key.isalpha()
