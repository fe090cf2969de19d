"""Training the attribution tagger on a newsroom's own BRAT annotations (PolNeAR layout).

`train(gold_dir, output)` converts the annotations to spaCy's binary format, then runs spaCy's
own training loop with the packaged `attribution_model.cfg`: the same as `spacy train` on that
file. Without a separate dev directory, a fixed tenth of the articles (chosen by the seed) is
held out to choose and stop on; those articles are never trained on. The result in
`output/model-best` is what `--attribution-model` and $CLAIMTRACK_ATTRIBUTION_MODEL take.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

from claimtrack.errors import InputError
from claimtrack.evaluate import read_gold

DEV_SHARE = 0.1


@dataclass(frozen=True, slots=True)
class TrainingRun:
    model: Path  # the best model, ready for --attribution-model
    train_articles: int
    dev_articles: int
    train_docs: int
    dev_docs: int


def convert(
    gold_dir: Path, output: Path, *, dev_dir: Path | None = None, seed: int = 0, base: str
) -> tuple[int, int, int, int]:
    """Write `output/train.spacy` and `output/dev.spacy`; returns the article and Doc counts."""
    import spacy

    from claimtrack.nlp.attribution_model import write_docbin

    articles = list(read_gold(gold_dir))
    if dev_dir is not None:
        dev = list(read_gold(dev_dir))
        train = articles
    else:
        if len(articles) < 2:
            raise InputError(f"{gold_dir}: at least two articles are needed to hold one out")
        order = sorted(articles, key=lambda a: a.stem)
        random.Random(seed).shuffle(order)
        n_dev = max(1, round(len(order) * DEV_SHARE))
        dev, train = order[:n_dev], order[n_dev:]
    nlp = spacy.load(base, exclude=["tagger", "parser", "ner", "lemmatizer", "senter"])
    n_train = write_docbin(nlp, train, output / "train.spacy")
    n_dev = write_docbin(nlp, dev, output / "dev.spacy")
    return len(train), len(dev), n_train, n_dev


def train(
    gold_dir: Path | str,
    output: Path | str,
    *,
    dev_dir: Path | str | None = None,
    seed: int = 0,
    max_steps: int | None = None,
    base: str | None = None,
) -> TrainingRun:
    """Train the attribution tagger on `gold_dir`'s annotations into `output`."""
    from spacy.cli.train import train as spacy_train

    from claimtrack.modelinfo import model_candidates
    from claimtrack.nlp.attribution_model import CONFIG

    gold_dir, output = Path(gold_dir), Path(output)
    base = base or _installed_base(model_candidates())
    counts = convert(
        gold_dir,
        output / "corpus",
        dev_dir=Path(dev_dir) if dev_dir else None,
        seed=seed,
        base=base,
    )
    overrides = {
        "paths.train": str(output / "corpus" / "train.spacy"),
        "paths.dev": str(output / "corpus" / "dev.spacy"),
        "paths.base": base,
        "system.seed": seed,
    }
    if max_steps is not None:
        overrides["training.max_steps"] = max_steps
    spacy_train(CONFIG, output, overrides=overrides)
    return TrainingRun(output / "model-best", *counts)


def _installed_base(names: tuple[str, ...]) -> str:
    import importlib.util

    for name in names:
        if importlib.util.find_spec(name) is not None or Path(name).is_dir():
            return name
    raise InputError(f"no base spaCy model found (tried {', '.join(names)})")
