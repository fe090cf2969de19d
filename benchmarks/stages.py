"""Time each claimtrack stage on its own, over Docs the English model has already parsed.

    python benchmarks/stages.py [--corpus DIR] [--limit N] [--repeat R]

spaCy's own components are most of `extract`'s time and vary with the machine's load; this
parses the corpus once, then runs only claimtrack's stages over copies of the parsed Docs,
R times, and prints each stage's best CPU time (process time, so other processes' load counts
less). Run it from two checkouts (`PYTHONPATH=... python benchmarks/stages.py`) to see what a
change costs stage by stage.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "eval" / "polnear" / "dev" / "text"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    from spacy.tokens import DocBin

    from claimtrack.nlp import pipeline

    nlp = pipeline.load()
    ours = [name for name in nlp.pipe_names if name.startswith("claimtrack_")]
    paths = sorted(args.corpus.glob("*.txt"))
    if args.limit:
        paths = paths[: args.limit]
    texts = [p.read_text(encoding="utf-8") for p in paths]
    with nlp.select_pipes(disable=ours):
        parsed = DocBin(docs=nlp.pipe(texts, batch_size=16), store_user_data=True)
    n_words = sum(len(t.split()) for t in texts)
    best = {name: float("inf") for name in ours}
    for _ in range(args.repeat):
        docs = list(parsed.get_docs(nlp.vocab))
        for name in ours:
            component = nlp.get_pipe(name)
            start = time.process_time()
            docs = [component(doc) for doc in docs]
            best[name] = min(best[name], time.process_time() - start)
    total = sum(best.values())
    print(f"corpus: {len(texts)} articles, {n_words:,} words; best of {args.repeat}")
    print("| stage | CPU seconds | words/s |")
    print("| --- | --- | --- |")
    for name in ours:
        print(f"| {name} | {best[name]:.3f} | {n_words / best[name]:,.0f} |")
    print(f"| all claimtrack stages | {total:.3f} | {n_words / total:,.0f} |")


if __name__ == "__main__":
    main()
