"""claimtrack: a ledger of who said what in news articles, with figures, caveats and conflicts.

Importing the package is cheap: spaCy is imported only by `claimtrack.nlp` and by the functions
that run the pipeline (`extract_texts`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from claimtrack.version import __version__

if TYPE_CHECKING:
    from claimtrack.extract import extract_texts

__all__ = ["__version__", "extract_texts"]


def __getattr__(name: str) -> Any:
    if name == "extract_texts":
        from claimtrack.extract import extract_texts

        return extract_texts
    raise AttributeError(name)
