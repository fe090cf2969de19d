"""A seeded random sample of the figures in a store, each in its sentence, for judging by hand.

    claimtrack extract ../shared/eval/polnear/dev/text --store /tmp/dev-store
    python benchmarks/figures_sample.py /tmp/dev-store [--n 50] [--seed 16]

Prints one block per figure: the sentence with the figure's words in [brackets], then value,
interval, qualifier, unit/currency, counted and period, as stored. Figures are deduplicated by
document and offsets (one figure may sit in several claims), sorted, then sampled with
`random.Random(seed)`, so the same store and seed give the same sample.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path


def sentence(text: str, start: int, end: int) -> str:
    """The sentence around [start, end) (split at . ! ? and line breaks), figure bracketed."""
    left = max(text.rfind(c, 0, start) for c in (". ", "! ", "? ", "\n")) + 1
    ends = [i for i in (text.find(c, end) for c in (". ", "! ", "? ", "\n")) if i != -1]
    right = min(ends) + 1 if ends else len(text)
    out = text[left:start] + "[" + text[start:end] + "]" + text[end:right]
    return re.sub(r"\s+", " ", out).strip()


def figures(store: Path) -> list[tuple[str, dict, str]]:
    seen: dict[tuple[str, int, int], tuple[str, dict, str]] = {}
    for path in sorted(store.glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        for claim in doc.get("claims", []):
            for fig in claim.get("quantities", []):
                key = (doc["id"], fig["start"], fig["end"])
                seen.setdefault(key, (doc["id"], fig, doc["text"]))
    return [seen[k] for k in sorted(seen)]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("store", type=Path)
    ap.add_argument("--n", type=int, default=50)
    ap.add_argument("--seed", type=int, default=16)
    args = ap.parse_args(argv)
    pool = figures(args.store)
    picked = random.Random(args.seed).sample(pool, min(args.n, len(pool)))
    print(f"{len(pool)} figures in the store; {len(picked)} sampled with seed {args.seed}\n")
    for k, (doc_id, fig, text) in enumerate(picked, 1):
        print(f"{k}. {doc_id} {sentence(text, fig['start'], fig['end'])}")
        unit = fig.get("unit") or fig.get("currency")
        print(
            f"   value={fig.get('value')} [{fig.get('low')}, {fig.get('high')}] "
            f"{fig.get('qualifier')} unit={unit} counted={fig.get('counted')} "
            f"period={fig.get('period')}\n"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
