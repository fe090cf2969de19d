"""claimtrack: a ledger of who said what in news articles, with figures, caveats and conflicts.

Importing the package is cheap: spaCy is imported only by `claimtrack.nlp` and by the functions
that run the pipeline (`extract_texts`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from claimtrack.version import __version__

if TYPE_CHECKING:
    from claimtrack.extract import extract_files, extract_texts
    from claimtrack.query import ClaimFilter, find_claims
    from claimtrack.store import Store, open_store

__all__ = [
    "ClaimFilter",
    "Store",
    "__version__",
    "extract_files",
    "extract_texts",
    "find_claims",
    "open_store",
]

_LAZY = {
    "extract_texts": "claimtrack.extract",
    "extract_files": "claimtrack.extract",
    "ClaimFilter": "claimtrack.query",
    "find_claims": "claimtrack.query",
    "Store": "claimtrack.store",
    "open_store": "claimtrack.store",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(name)
