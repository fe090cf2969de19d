"""How `conflicts` scales: 10k, 100k and 1M claims with figures.

The claims are real ones, replicated: the seed articles are extracted once with the full
pipeline, and every claim that carries a figure becomes a template. Copy i of a template gets its
own source (20 claims per source, so speakers and sources vary), its numbers scaled by a random
factor (so some copies agree and some conflict), and its `counted` a group modifier drawn from
n/40 values (so the keys vary and blocks hold about 40 figures, as many outlets covering one
story would). The zero statements and money figures keep their predicate keys, so a few big
blocks exist too.

Timed: `find_conflicts` over the claims already in memory (what the `conflicts` command does
after reading the store), best of a few runs: as `claimtrack conflicts` calls it (conflict groups
built for output; every group is still decided) and as `--all` does (updates and consistent
groups built too). With `--cli N`, also the command end to end on a
store of N claims written with `Store.write` (first run builds the index, second reuses it).

With `--against CHECKOUT` (another working tree of claimtrack, main say), that checkout's
`find_conflicts` is timed on the same claims in the same process, the two taking turns run by
run, and the ratio printed: on a shared machine only side-by-side figures compare.

    python benchmarks/conflicts_scale.py [--sizes 10000 100000 1000000] [--cli 100000]
        [--against /path/to/main]
"""

from __future__ import annotations

import argparse
import importlib
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claimtrack.conflicts import find_conflicts  # noqa: E402
from claimtrack.models import Claim, Figure, SourceDocument  # noqa: E402

CLAIMS_PER_SOURCE = 20
BLOCK = 40


def seed_templates() -> list[Claim]:
    """The seeds' claims that carry figures, from the real pipeline."""
    from claimtrack.nlp import pipeline
    from claimtrack.nlp.claims import doc_to_claims

    nlp = pipeline.load()
    paths = sorted((ROOT / "seeds").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in paths]
    templates: list[Claim] = []
    for path, doc in zip(paths, pipeline.parse(nlp, texts), strict=True):
        claims = doc_to_claims(doc, source_id=path.stem, source_path=str(path))
        templates += [c for c in claims if c.quantities]
    return templates


def _scale(x: float | None, factor: float) -> float | None:
    return None if x is None else round(x * factor, 3)


def replicate(templates: list[Claim], n: int, seed: int = 1) -> list[Claim]:
    rng = random.Random(seed)
    groups = max(1, n // BLOCK)
    out: list[Claim] = []
    for i in range(n):
        template = templates[i % len(templates)]
        source = f"src{i // CLAIMS_PER_SOURCE:07d}"
        group = rng.randrange(groups)
        figures = []
        for f in template.quantities:
            factor = rng.choice((1.0, 1.0, 1.05, 0.5, 2.0, 3.0))
            counted = f"g{group} {f.counted}" if f.counted else None
            figures.append(
                Figure.model_construct(
                    **{
                        **f.__dict__,
                        "value": _scale(f.value, factor),
                        "low": _scale(f.low, factor),
                        "high": _scale(f.high, factor),
                        "counted": counted,
                    }
                )
            )
        out.append(
            Claim.model_construct(
                **{
                    **template.__dict__,
                    "id": f"c{i:09d}",
                    "source_id": source,
                    "source_path": f"bench/{source}.txt",
                    "quantities": figures,
                }
            )
        )
    return out


FindConflicts = Callable[..., list[Any]]


def find_conflicts_of(checkout: Path) -> FindConflicts:
    """Another checkout's `find_conflicts`, imported beside this one's: its `claimtrack`
    modules are loaded while they stand in for this one's, then this one's are put back. Both
    read the same claims (it only reads their fields)."""
    ours = {name: mod for name, mod in sys.modules.items() if name.split(".")[0] == "claimtrack"}
    for name in ours:
        del sys.modules[name]
    sys.path.insert(0, str(checkout.resolve()))
    try:
        return importlib.import_module("claimtrack.conflicts").find_conflicts
    finally:
        sys.path.remove(str(checkout.resolve()))
        for name in [n for n in sys.modules if n.split(".")[0] == "claimtrack"]:
            del sys.modules[name]
        sys.modules.update(ours)


@dataclass
class Timing:
    wall: float = float("inf")  # best of the runs, seconds
    cpu: float = float("inf")
    groups: int = 0
    conflicts: int = 0


def time_once(
    find: FindConflicts, claims: list[Claim], statuses: tuple[str, ...], best: Timing
) -> None:
    """One run of `find`, kept in `best` if faster (CPU time is the fair number on a machine
    shared with other work)."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = find(claims, statuses=statuses)
    best.wall = min(best.wall, time.perf_counter() - wall)
    best.cpu = min(best.cpu, time.process_time() - cpu)
    best.groups = len(result)
    best.conflicts = sum(g.status == "conflict" for g in result)
    del result


def time_library(
    finds: list[FindConflicts], claims: list[Claim], repeat: int, statuses: tuple[str, ...]
) -> list[Timing]:
    """Best timings of each `find_conflicts`, the runs taking turns (the first goes first in
    odd rounds, last in even ones, so neither always runs on a warmer machine)."""
    timings = [Timing() for _ in finds]
    for round_ in range(repeat):
        order = list(zip(finds, timings, strict=True))
        for find, best in order if round_ % 2 == 0 else reversed(order):
            time_once(find, claims, statuses, best)
    return timings


COMMAND = ("conflict",)
ALL = ("conflict", "update", "consistent")


def write_store(claims: list[Claim], root: Path) -> None:
    from claimtrack.store import Store

    store = Store(root)
    by_source: dict[str, list[Claim]] = {}
    for claim in claims:
        by_source.setdefault(claim.source_id, []).append(claim)
    for source_id, items in by_source.items():
        store.write(
            SourceDocument(
                id=source_id,
                path=f"bench/{source_id}.txt",
                sha256="0" * 64,
                model="bench",
                claimtrack_version="bench",
                extracted_at="2026-01-01T00:00:00Z",
                text="",
                claims=[Claim.model_validate(c.model_dump()) for c in items],
            )
        )


def time_cli(store: Path, *args: str) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-c", "from claimtrack.cli import main; main()", "conflicts", *args],
        check=True,
        stdout=subprocess.DEVNULL,
        env={**os.environ, "CLAIMTRACK_STORE": str(store), "COLUMNS": "200"},
    )
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument(
        "--repeat",
        type=int,
        default=None,
        help="runs per size (3; 1 at 1M claims, 2 with --against)",
    )
    parser.add_argument("--cli", type=int, default=0, help="also time the CLI on a store of N")
    parser.add_argument(
        "--against", type=Path, default=None, help="also time this checkout, side by side"
    )
    args = parser.parse_args()
    finds = [find_conflicts]
    if args.against is not None:
        finds.append(find_conflicts_of(args.against))

    templates = seed_templates()
    n_figures = sum(len(c.quantities) for c in templates)
    print(f"templates: {len(templates)} seed claims with {n_figures} figures")
    against = f" {'against wall':>12} {'cpu':>7} {'cpu ratio':>9}" if args.against else ""
    print(
        f"{'claims':>10} {'figures':>10} {'as':>9} {'groups':>8} {'conflicts':>9}"
        f" {'wall s':>7} {'cpu s':>7}{against}"
    )
    for n in args.sizes:
        claims = replicate(templates, n)
        figures = sum(len(c.quantities) for c in claims)
        repeat = args.repeat or (3 if n < 1_000_000 else len(finds))
        for label, statuses in (("conflicts", COMMAND), ("--all", ALL)):
            this, *other = time_library(finds, claims, repeat, statuses)
            row = (
                f"{n:>10,} {figures:>10,} {label:>9} {this.groups:>8,} {this.conflicts:>9,}"
                f" {this.wall:>7.2f} {this.cpu:>7.2f}"
            )
            for that in other:
                row += f" {that.wall:>12.2f} {that.cpu:>7.2f} {this.cpu / that.cpu:>8.2f}x"
                if (that.groups, that.conflicts) != (this.groups, this.conflicts):
                    row += f" (it finds {that.groups:,} groups, {that.conflicts:,} conflicts)"
            print(row, flush=True)
        del claims
    if args.cli:
        claims = replicate(templates, args.cli)
        with tempfile.TemporaryDirectory() as tmp:
            store = Path(tmp) / "store"
            start = time.perf_counter()
            write_store(claims, store)
            print(f"store of {args.cli:,} claims written in {time.perf_counter() - start:.1f} s")
            first = time_cli(store, "--json")
            second = time_cli(store, "--json")
            table = time_cli(store)
            print(
                f"CLI `claimtrack conflicts --json`: {first:.2f} s (builds the index), "
                f"{second:.2f} s; as rich tables: {table:.2f} s"
            )


if __name__ == "__main__":
    main()
