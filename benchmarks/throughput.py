"""Throughput, parallel scaling and memory of `claimtrack extract`, measured side by side.

    python benchmarks/throughput.py [--corpus DIR] [--limit N] [--rounds R]

Each measurement is a fresh process, start-up included, timed from outside; peak RSS comes from
the kernel's accounting of the finished child (wait4). The runs alternate (bare, claimtrack,
bare, ...) so drift on a shared machine hits both alike; ratios are computed pair by pair and the
median is reported.

1. bare spaCy: `nlp.pipe` with the same model over the corpus (read each file, parse, drop).
2. `claimtrack extract CORPUS --force` into a fresh store.
3. `claimtrack extract --workers 2` against `--workers 1`.
4. Peak RSS of `claimtrack extract` on the first 84 and on all articles.

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


def timed(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one child process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(cmd[:4])} ...\n{proc.stderr.read().decode()}")
    return wall, usage.ru_maxrss / 1024


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


def extract_cmd(folder: Path, store: Path, workers: int) -> list[str]:
    return [
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

    rows: list[tuple[str, str, str]] = []
    bare_wps, ours_wps, ratios = [], [], []
    for r in range(args.rounds):
        bare, _ = timed([sys.executable, "-c", BARE, *paths])
        store = tmp / f"store-{r}"
        ours, _ = timed(extract_cmd(folder, store, 1))
        shutil.rmtree(store, ignore_errors=True)
        bare_wps.append(n_words / bare)
        ours_wps.append(n_words / ours)
        ratios.append(bare / ours)
        print(
            f"round {r + 1}: bare {bare:.1f}s, claimtrack {ours:.1f}s, ratio {bare / ours:.3f}",
            flush=True,
        )
    rows.append(("bare spaCy nlp.pipe", f"{statistics.median(bare_wps):,.0f} words/s", ""))
    rows.append(
        (
            "claimtrack extract (1 worker)",
            f"{statistics.median(ours_wps):,.0f} words/s",
            f"{statistics.median(ratios):.2f} of bare spaCy",
        )
    )

    speedups = []
    for r in range(args.rounds):
        one, _ = timed(extract_cmd(folder, tmp / f"w1-{r}", 1))
        two, _ = timed(extract_cmd(folder, tmp / f"w2-{r}", 2))
        speedups.append(one / two)
        print(
            f"round {r + 1}: workers=1 {one:.1f}s, workers=2 {two:.1f}s, speed-up {one / two:.2f}x",
            flush=True,
        )
    rows.append(
        (
            "claimtrack extract --workers 2",
            "",
            f"{statistics.median(speedups):.2f}x the throughput of --workers 1",
        )
    )

    if not args.skip_memory:
        for n in sorted({min(84, len(paths)), len(paths)}):
            sub = corpus_dir(paths[:n], tmp / f"corpus-{n}")
            _, rss = timed(extract_cmd(sub, tmp / f"mem-{n}", 1))
            rows.append((f"peak RSS, extract of {n} articles", f"{rss:,.0f} MB", ""))
            print(f"peak RSS for {n} articles: {rss:,.0f} MB", flush=True)

    shutil.rmtree(tmp, ignore_errors=True)
    print()
    print("| measurement | value | ratio |")
    print("| --- | --- | --- |")
    for name, value, ratio in rows:
        print(f"| {name} | {value} | {ratio} |")


if __name__ == "__main__":
    main()
