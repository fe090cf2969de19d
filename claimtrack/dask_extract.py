"""Extraction past one machine: the same per-source documents, written by Dask workers.

Each partition of a `dask.bag` of file paths runs `claimtrack.extract.run` on its files, so it
loads the model once and writes finished sources to the shared store as it goes, exactly as
`claimtrack extract` would (same ids, same documents: the store is the merge point, and its
atomic, content-named writes make concurrent writers safe). Needs the `dask` extra:
`pip install 'claimtrack[dask]'`.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from claimtrack.extract import Summary, run
from claimtrack.ingest import discover
from claimtrack.store import Store


def extract_bag(
    paths: Iterable[str],
    store: Path | str,
    *,
    model: str | None = None,
    force: bool = False,
    partition_size: int = 50,
) -> Any:
    """A lazy `dask.bag` whose partitions extract their files into `store`; `.compute()` (on
    whatever scheduler or cluster is active) returns one Summary per partition."""
    try:
        import dask.bag as db
    except ImportError as error:  # pragma: no cover - depends on the extra
        raise ImportError("Dask is not installed: pip install 'claimtrack[dask]'") from error
    files = discover(paths)
    npartitions = max(1, -(-len(files) // partition_size))
    bag = db.from_sequence(files, npartitions=npartitions)
    return bag.map_partitions(_extract_partition, str(store), model, force)


def _extract_partition(files: list[str], store: str, model: str | None, force: bool) -> list:
    return [run(list(files), Store(store), model=model, force=force)]


def total(summaries: Iterable[Summary]) -> Summary:
    """The summaries of all partitions as one."""
    out = Summary()
    for part in summaries:
        out.articles += part.articles
        out.unchanged += part.unchanged
        out.claims += part.claims
        out.figures += part.figures
        out.flags += part.flags
        out.replaced += part.replaced
        out.skipped.extend(part.skipped)
        out.notes.extend(part.notes)
    return out
