"""Throughput, parallel scaling and memory of `claimtrack extract`, measured side by side.

    python benchmarks/throughput.py [--corpus DIR] [--limit N] [--rounds R]
    python benchmarks/throughput.py --against CHECKOUT [--limit N] [--rounds R]

Each measurement is a fresh process, start-up included, timed from outside; peak RSS comes from
the kernel's accounting of the finished child (wait4). The runs alternate (bare, claimtrack,
bare, ...) so drift on a shared machine hits both alike; ratios are computed pair by pair and the
median is reported.

1. bare spaCy: `nlp.pipe` with the same model over the corpus (read each file, parse, drop).
2. `claimtrack extract CORPUS --force` into a fresh store.
3. `claimtrack extract --workers 2` against `--workers 1`.
4. Peak RSS of `claimtrack extract` on the first 84 and on all articles.

With `--against CHECKOUT` (another claimtrack source tree, e.g. `git worktree add /tmp/before
main`), it instead times that claimtrack's `extract` against this one's, alternating, and reports
this one's throughput as a share of the other's: how a change moves speed, measured side by side.

The corpus defaults to PolNeAR's train texts beside this repository (evaluation data, never
copied into it).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "eval" / "polnear" / "train" / "text"

BARE = """
import sys, spacy
from claimtrack.nlp.pipeline import load_base
nlp = load_base()
paths = sys.argv[1:]
texts = (open(p, encoding="utf-8").read() for p in paths)
for doc in nlp.pipe(texts, batch_size=16):
    pass
"""


class Run:
    """One child process: wall seconds, CPU seconds (user + system, its children included),
    peak RSS in MB."""

    def __init__(self, cmd: list[str]) -> None:
        before = os.times()
        start = time.perf_counter()
        # From a neutral folder: `python -m` puts the working folder first on the path, which
        # would hand a repository's own claimtrack to a child meant to run another checkout's.
        proc = subprocess.Popen(
            cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=tempfile.gettempdir()
        )
        _, status, usage = os.wait4(proc.pid, 0)
        self.wall = time.perf_counter() - start
        after = os.times()
        if os.waitstatus_to_exitcode(status) != 0:
            raise SystemExit(f"failed: {' '.join(cmd[:4])} ...\n{proc.stderr.read().decode()}")
        # os.times() counts reaped grandchildren too (worker processes of --workers N).
        self.cpu = (after.children_user - before.children_user) + (
            after.children_system - before.children_system
        )
        self.rss = usage.ru_maxrss / 1024


def words(paths: list[str]) -> int:
    return sum(len(Path(p).read_text(encoding="utf-8").split()) for p in paths)


def corpus_dir(paths: list[str], where: Path) -> Path:
    """A folder with exactly these files (links, not copies), for `claimtrack extract DIR`."""
    where.mkdir(parents=True, exist_ok=True)
    for p in paths:
        target = where / Path(p).name
        if not target.exists():
            os.symlink(os.path.abspath(p), target)
    return where


def extract_cmd(
    folder: Path, store: Path, workers: int, checkout: Path = ROOT, *extra_path: Path
) -> list[str]:
    # `env PYTHONPATH=...` makes the child import claimtrack from `checkout`, whatever is installed.
    return [
        "env",
        "PYTHONPATH=" + os.pathsep.join(str(p) for p in (checkout, *extra_path)),
        sys.executable,
        "-m",
        "claimtrack.cli",
        "extract",
        str(folder),
        "--store",
        str(store),
        "--force",
        "--quiet",
        "--workers",
        str(workers),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=0, help="use the first N articles")
    parser.add_argument("--rounds", type=int, default=2, help="alternating rounds per pair")
    parser.add_argument("--skip-memory", action="store_true")
    parser.add_argument("--skip-workers", action="store_true")
    parser.add_argument(
        "--against", type=Path, help="time this checkout's extract against that one's instead"
    )
    args = parser.parse_args()
    if not args.corpus.is_dir():
        raise SystemExit(f"no corpus at {args.corpus}")
    paths = sorted(str(p) for p in args.corpus.glob("*.txt"))
    if args.limit:
        paths = paths[: args.limit]
    n_words = words(paths)
    tmp = Path(tempfile.mkdtemp(prefix="claimtrack-bench-"))
    folder = corpus_dir(paths, tmp / "corpus")
    print(
        f"corpus: {len(paths)} articles, {n_words:,} words; {os.cpu_count()} cores; "
        f"python {sys.version.split()[0]}",
        flush=True,
    )

    if args.against:
        compare(args.against, folder, tmp, n_words, args.rounds)
        shutil.rmtree(tmp, ignore_errors=True)
        return

    med = statistics.median
    rows: list[tuple[str, str, str]] = []
    bare_runs, ours_runs = [], []
    for r in range(args.rounds):
        bare = Run([sys.executable, "-c", BARE, *paths])
        ours = Run(extract_cmd(folder, tmp / f"store-{r}", 1))
        bare_runs.append(bare)
        ours_runs.append(ours)
        print(
            f"round {r + 1}: bare {bare.wall:.1f}s wall / {bare.cpu:.1f}s cpu, "
            f"claimtrack {ours.wall:.1f}s / {ours.cpu:.1f}s, "
            f"ratio {bare.wall / ours.wall:.3f} wall / {bare.cpu / ours.cpu:.3f} cpu",
            flush=True,
        )
    pairs = list(zip(bare_runs, ours_runs, strict=True))
    wall_ratio = med(b.wall / o.wall for b, o in pairs)
    cpu_ratio = med(b.cpu / o.cpu for b, o in pairs)
    ours_wps = med(n_words / o.wall for o in ours_runs)
    rows.append(
        ("bare spaCy nlp.pipe", f"{med(n_words / b.wall for b in bare_runs):,.0f} words/s", "")
    )
    rows.append(
        (
            "claimtrack extract (1 worker)",
            f"{ours_wps:,.0f} words/s",
            f"{wall_ratio:.2f} of bare spaCy (wall time); {cpu_ratio:.2f} (CPU time)",
        )
    )

    speedups = []
    for r in range(0 if args.skip_workers else args.rounds):
        one = Run(extract_cmd(folder, tmp / f"w1-{r}", 1))
        two = Run(extract_cmd(folder, tmp / f"w2-{r}", 2))
        speedups.append(one.wall / two.wall)
        print(
            f"round {r + 1}: workers=1 {one.wall:.1f}s, workers=2 {two.wall:.1f}s, "
            f"speed-up {one.wall / two.wall:.2f}x",
            flush=True,
        )
    if speedups:
        rows.append(
            (
                "claimtrack extract --workers 2",
                f"{med(speedups) * ours_wps:,.0f} words/s",
                f"{med(speedups):.2f}x the throughput of --workers 1",
            )
        )

    if not args.skip_memory:
        for n in sorted({min(84, len(paths)), len(paths)}):
            sub = corpus_dir(paths[:n], tmp / f"corpus-{n}")
            rss = Run(extract_cmd(sub, tmp / f"mem-{n}", 1)).rss
            rows.append((f"peak RSS, extract of {n} articles", f"{rss:,.0f} MB", ""))
            print(f"peak RSS for {n} articles: {rss:,.0f} MB", flush=True)

    shutil.rmtree(tmp, ignore_errors=True)
    print()
    print("| measurement | value | ratio |")
    print("| --- | --- | --- |")
    for name, value, ratio in rows:
        print(f"| {name} | {value} | {ratio} |")


# The installed claimtrack's spaCy factory entry points name this checkout's modules; an older
# checkout may not have them, and spaCy loads every entry point when it builds a pipeline. The
# other checkout registers its factories itself, so its process ignores the entry points.
NO_ENTRY_POINTS = """
import catalogue
catalogue.Registry.get_entry_points = lambda self: {}
catalogue.Registry.get_entry_point = lambda self, name, default=None: default
"""


def compare(other: Path, folder: Path, tmp: Path, n_words: int, rounds: int) -> None:
    """This checkout's extract against another's, alternating, ratios pair by pair."""
    shim = tmp / "shim"
    shim.mkdir()
    (shim / "sitecustomize.py").write_text(NO_ENTRY_POINTS, encoding="utf-8")
    pairs = []
    for r in range(rounds):
        theirs = Run(extract_cmd(folder, tmp / f"theirs-{r}", 1, other.resolve(), shim))
        ours = Run(extract_cmd(folder, tmp / f"ours-{r}", 1))
        pairs.append((theirs, ours))
        print(
            f"round {r + 1}: other {theirs.wall:.1f}s wall / {theirs.cpu:.1f}s cpu, "
            f"this {ours.wall:.1f}s / {ours.cpu:.1f}s, "
            f"ratio {theirs.wall / ours.wall:.3f} wall / {theirs.cpu / ours.cpu:.3f} cpu",
            flush=True,
        )
    med = statistics.median
    print()
    print("| measurement | value |")
    print("| --- | --- |")
    print(f"| other checkout ({other}) | {med(n_words / t.wall for t, _ in pairs):,.0f} words/s |")
    print(f"| this checkout | {med(n_words / o.wall for _, o in pairs):,.0f} words/s |")
    print(
        f"| this / other | {med(t.wall / o.wall for t, o in pairs):.3f} (wall time); "
        f"{med(t.cpu / o.cpu for t, o in pairs):.3f} (CPU time) |"
    )


if __name__ == "__main__":
    main()
