"""`claimtrack eval GOLD_DIR`: score attribution against BRAT annotations (PolNeAR layout)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from claimtrack.cli.app import app, handles_errors


@app.command("eval")
@handles_errors
def eval_command(
    gold_dir: Annotated[
        Path,
        typer.Argument(
            metavar="GOLD_DIR", help="A folder with text/*.txt and attributions/*.ann (PolNeAR)."
        ),
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    model: Annotated[
        str | None,
        typer.Option(
            "--model", metavar="NAME", help="The spaCy model to run (default: the first found)."
        ),
    ] = None,
    limit: Annotated[
        int | None,
        typer.Option("--limit", metavar="N", min=1, help="Score only the first N articles."),
    ] = None,
    attribution_model: Annotated[
        str | None,
        typer.Option(
            "--attribution-model",
            metavar="PATH",
            help="A trained attribution tagger, or 'packaged' for the shipped one (default: "
            "$CLAIMTRACK_ATTRIBUTION_MODEL, else the rules alone).",
        ),
    ] = None,
) -> None:
    """Score who-said-what against gold attributions: content, content+source, exact spans.

    \b
    Examples:
      claimtrack eval ../PolNeAR/data/dev --limit 50
      claimtrack eval ../PolNeAR/data/dev --json > scores.json
    """
    from claimtrack.evaluate import evaluate

    report = evaluate(gold_dir, model=model, limit=limit, attribution_model=attribution_model)
    if as_json:
        typer.echo(json.dumps(report.as_dict(), indent=2))
        return
    render_table(report.as_dict())


def render_table(result: dict) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"Attribution scores ({result['articles']} articles)")
    for column in ("metric", "precision", "recall", "F1", "tp", "predicted", "gold"):
        table.add_column(column, justify="left" if column == "metric" else "right")
    for name, m in result["metrics"].items():
        table.add_row(
            name,
            f"{m['precision']:.3f}",
            f"{m['recall']:.3f}",
            f"{m['f1']:.3f}",
            str(m["tp"]),
            str(m["predicted"]),
            str(m["gold"]),
        )
    Console().print(table)
