"""Physical units: pint's unit registry, shared by the figure reader (which names a figure's
unit) and the conflict finder (which converts units to compare figures).

pint is imported on first use: most articles never name a physical unit.
"""

from __future__ import annotations

from functools import cache
from typing import Any

__all__ = ["units", "unit_name"]


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
