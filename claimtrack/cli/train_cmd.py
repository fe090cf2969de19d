"""`claimtrack train GOLD_DIR`: train the attribution tagger on BRAT annotations (PolNeAR)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from claimtrack.cli.app import app, handles_errors


@app.command("train")
@handles_errors
def train_command(
    gold_dir: Annotated[
        Path, typer.Argument(help="A folder with text/*.txt and attributions/*.ann (PolNeAR).")
    ],
    output: Annotated[
        Path, typer.Option("--output", "-o", help="Where the corpus and the models are written.")
    ] = Path("attribution-model"),
    dev_dir: Annotated[
        Path | None,
        typer.Option(
            "--dev",
            help="Held-out annotations to choose and stop on (default: a tenth of GOLD_DIR).",
        ),
    ] = None,
    seed: Annotated[int, typer.Option("--seed", help="Random seed (split and training).")] = 0,
    max_steps: Annotated[
        int | None, typer.Option("--max-steps", min=1, help="Stop after this many updates.")
    ] = None,
    model: Annotated[
        str | None,
        typer.Option("--model", help="The base spaCy model extraction runs (default: as extract)."),
    ] = None,
) -> None:
    """Train the attribution tagger on a newsroom's own annotations; use the result with
    `--attribution-model OUTPUT/model-best` or $CLAIMTRACK_ATTRIBUTION_MODEL."""
    from claimtrack.nlp.training import train

    run = train(gold_dir, output, dev_dir=dev_dir, seed=seed, max_steps=max_steps, base=model)
    typer.echo(
        f"trained on {run.train_articles} articles, chose on {run.dev_articles}; model: {run.model}"
    )
