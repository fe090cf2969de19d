"""A seeded random sample of the claims in a store (not the author's own), each with its context,
for judging speakers by hand.

    claimtrack extract ../shared/eval/polnear/dev/text --store /tmp/dev-store
    python benchmarks/claims_sample.py /tmp/dev-store [--n 40] [--seed 1543]

Prints one block per claim: speaker (name, mention, kind, role), cue, content, and the text from
about 500 characters before the claim to 200 after it. Claims come in `export` order and are
sampled with `random.Random(seed)`, so the same store and seed give the same sample.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
from pathlib import Path


def claims(store: Path) -> list[dict]:
    """The store's claims as `claimtrack export --format jsonl` gives them, the author's left out."""
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "claimtrack.cli",
            "export",
            "--store",
            str(store),
            "--format",
            "jsonl",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rows = [json.loads(line) for line in out.splitlines() if line.strip()]
    return [c for c in rows if (c.get("speaker") or {}).get("kind") != "author"]


def show(k: int, claim: dict) -> str:
    text = Path(claim["source_path"]).read_text(encoding="utf-8")
    speaker = claim.get("speaker") or {}
    cue = claim.get("cue") or {}
    starts = [
        claim["start"],
        speaker.get("start") or claim["start"],
        cue.get("start") or claim["start"],
    ]
    left, right = max(0, min(starts) - 500), min(len(text), claim["end"] + 200)
    context = text[left:right].replace("\n", " / ")
    return "\n".join(
        [
            f"=== #{k} {Path(claim['source_path']).name} [{claim['start']}:{claim['end']}] "
            f"quote={claim['quote']}",
            f"SPEAKER: {speaker.get('name')!r} (mention {speaker.get('mention')!r}, "
            f"kind {speaker.get('kind')}, role {speaker.get('role')})",
            f"CUE: {cue.get('text')!r}",
            f"CONTENT: {claim['text'][:400]!r}",
            f"CONTEXT: ...{context}...",
            "",
        ]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store", type=Path)
    parser.add_argument("--n", type=int, default=40)
    parser.add_argument("--seed", type=int, default=1543)
    args = parser.parse_args()
    pool = claims(args.store)
    print(f"{len(pool)} claims not the author's; sample of {args.n}, seed {args.seed}\n")
    for k, claim in enumerate(random.Random(args.seed).sample(pool, min(args.n, len(pool))), 1):
        print(show(k, claim))


if __name__ == "__main__":
    main()
