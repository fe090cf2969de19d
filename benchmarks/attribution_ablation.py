"""Attribution on a gold directory three ways: the rules alone, the trained tagger alone, both.

    python benchmarks/attribution_ablation.py [GOLD_DIR] [--attribution-model PATH|packaged]

The base pipeline and the tagger run once; claimtrack's components then run three times over
copies of the parsed Docs, with the attribution component's `rules` / `model` switches. The
gold directory defaults to PolNeAR dev beside this repository (evaluation data, never copied
into it).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from spacy.tokens import DocBin

from claimtrack.evaluate import read_gold, score_docs
from claimtrack.nlp import pipeline

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_GOLD = ROOT.parent / "shared" / "eval" / "polnear" / "dev"
MODES = {
    "rules alone": {"rules": True, "model": False},
    "tagger alone": {"rules": False, "model": True},
    "rules + tagger": {"rules": True, "model": True},
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path, nargs="?", default=DEFAULT_GOLD)
    parser.add_argument("--attribution-model", default="packaged")
    args = parser.parse_args()
    articles = list(read_gold(args.gold))
    nlp = pipeline.load(attribution_model=args.attribution_model)
    first = nlp.pipe_names.index("claimtrack_furniture")
    base = [*nlp.pipe_names[:first], "claimtrack_attribution_model"]
    parsed = DocBin(store_user_data=False)
    with nlp.select_pipes(enable=base):
        for doc in nlp.pipe((a.text for a in articles), batch_size=8):
            parsed.add(doc)
    print(
        "| mode | "
        + " | ".join(
            f"{m} F1" for m in ("content", "content+source", "source", "cue", "exact content")
        )
        + " |"
    )
    print("| --- " * 6 + "|")
    for mode, settings in MODES.items():
        run = pipeline.load(
            attribution_model=args.attribution_model,
            config={"claimtrack_attribution": settings},
        )
        components = [
            run.get_pipe(n)
            for n in run.pipe_names[first:]
            if n in pipeline.COMPONENTS and n != "claimtrack_attribution_model"
        ]
        docs = []
        for doc in parsed.get_docs(run.vocab):
            for component in components:
                doc = component(doc)
            docs.append(doc)
        metrics = score_docs(zip(docs, articles, strict=True)).as_dict()["metrics"]
        print(f"| {mode} | " + " | ".join(f"{m['f1']:.3f}" for m in metrics.values()) + " |")


if __name__ == "__main__":
    main()
