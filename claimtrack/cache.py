"""A disk cache for tables claimtrack derives from libraries' data at start-up.

Building the currency tables from Babel's locale data takes a noticeable part of a second, on
every run, for the same result; so the result is pickled under the user's cache folder
(`$CLAIMTRACK_CACHE`, else `$XDG_CACHE_HOME/claimtrack`, else `~/.cache/claimtrack`), keyed by
what it was derived from. Nothing is downloaded: the cache holds only what this machine computed,
and any problem with it (unwritable, stale, corrupt) just means computing again.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def folder() -> Path:
    if explicit := os.environ.get("CLAIMTRACK_CACHE"):
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "claimtrack"


def cached(name: str, key: str, build: Callable[[], T]) -> T:
    """`build()`, remembered on disk under `name` for as long as `key` stays the same."""
    digest = hashlib.sha256(key.encode()).hexdigest()[:16]
    path = folder() / f"{name}-{digest}.pickle"
    # A missing, stale or damaged entry is rebuilt.
    with contextlib.suppress(Exception), path.open("rb") as handle:
        return pickle.load(handle)  # noqa: S301 - our own file, written below
    value = build()
    with contextlib.suppress(OSError, pickle.PicklingError):
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    return value
