"""Everyday commands on a large store: `--help`, `list --speaker X`, `sources`, `speakers`.

    python benchmarks/everyday.py [--articles 10000] [--corpus DIR] [--sample 84]

Builds a store of N articles by replicating real extraction output (the sample is extracted once
with the real pipeline; each replica gets its own id, path and claim ids, as a distinct article
would), then times each command as a fresh process (start-up included), median of several runs.
"""

from __future__ import annotations

import argparse
import hashlib
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from claimtrack.extract import run
from claimtrack.store import Store

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "eval" / "polnear" / "dev" / "text"


def replicate(sample: Store, target: Store, n: int) -> None:
    base = list(sample.documents())
    for i in range(n):
        doc = base[i % len(base)].model_copy(deep=True)
        new_id = hashlib.sha256(f"{doc.id}:{i}".encode()).hexdigest()[:16]
        doc.id = new_id
        doc.path = f"replica-{i // len(base):04d}/{Path(doc.path).name}"
        for claim in doc.claims:
            claim.source_id = new_id
            claim.source_path = doc.path
            claim.id = hashlib.sha1(f"{new_id}:{claim.start}:{claim.end}".encode()).hexdigest()[:12]
        target.write(doc)


def timed(args: list[str], runs: int) -> tuple[float, int]:
    times, size = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        out = subprocess.run(args, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
        size = len(out.stdout)
    return statistics.median(times), size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--sample", type=int, default=84)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--store", type=Path, help="keep the built store here")
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="claimtrack-everyday-"))
    corpus = args.corpus if args.corpus.is_dir() else ROOT / "seeds"
    files = sorted(str(p) for p in corpus.glob("*.txt"))[: args.sample]
    sample = Store(tmp / "sample")
    run(files, sample)
    big = Store(args.store or tmp / "big")
    start = time.perf_counter()
    replicate(sample, big, args.articles)
    built = time.perf_counter() - start
    claims = sum(s.claims for s in big.sources())
    names = Counter(
        c.speaker.name for c in sample.claims() if c.speaker.kind == "person" and c.speaker.name
    )
    # A person quoted in several articles of the sample: what a user looks up.
    common = [name for name, _ in names.most_common()]
    speaker = common[min(len(common) - 1, 3)]
    print(
        f"store: {args.articles:,} articles, {claims:,} claims (replicated from {len(files)} "
        f"extracted articles in {built:.0f}s); speaker filter: {speaker!r}",
        flush=True,
    )

    cli = [sys.executable, "-m", "claimtrack.cli"]
    store = ["--store", str(big.root)]
    rows = []
    for label, argv in [
        ("claimtrack --help", ["claimtrack", "--help"]),
        (
            f"list --speaker {speaker} --json",
            [*cli, "list", "--speaker", speaker, "--json", *store],
        ),
        (f"list --speaker {speaker} (table)", [*cli, "list", "--speaker", speaker, *store]),
        ("sources --json", [*cli, "sources", "--json", *store]),
        ("speakers --json", [*cli, "speakers", "--json", *store]),
    ]:
        seconds, size = timed(argv, args.runs)
        rows.append((label, seconds, size))
        print(f"{label}: {seconds:.3f}s ({size:,} bytes out)", flush=True)
    print()
    print("| command (10,000-article store) | median wall s | output |")
    print("| --- | --- | --- |")
    for label, seconds, size in rows:
        print(f"| `{label}` | {seconds:.2f} | {size:,} bytes |")


if __name__ == "__main__":
    main()
