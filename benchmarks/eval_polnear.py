"""Score claimtrack's attribution on PolNeAR's dev split (the figure README records).

    python benchmarks/eval_polnear.py [GOLD_DIR] [--json]

GOLD_DIR defaults to ../shared/eval/polnear/dev relative to the repository. The texts stay
outside the repository: their publishers own them.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_GOLD = REPO.parent / "shared" / "eval" / "polnear" / "dev"


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(REPO))
    from claimtrack.cli.eval_cmd import render_table
    from claimtrack.evaluate import evaluate

    args = [a for a in argv if not a.startswith("--")]
    gold = Path(args[0]) if args else DEFAULT_GOLD
    started = time.perf_counter()
    result = evaluate(gold).as_dict()
    elapsed = time.perf_counter() - started
    if "--json" in argv:
        print(json.dumps(result, indent=2))
    else:
        render_table(result)
        print(f"{gold}: {result['articles']} articles in {elapsed:.1f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
