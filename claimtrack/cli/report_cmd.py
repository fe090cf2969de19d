"""`report`: the store as one self-contained HTML page (claimtrack.report builds it).

Nothing here imports spaCy: the page is built from the stored claims.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from claimtrack.cli.app import StoreOption, app, fail, handles_errors, read_store
from claimtrack.cli.options import (
    ContainsOption,
    FlagOption,
    MaxOption,
    MinOption,
    OutletOption,
    QuoteOption,
    SinceOption,
    SkipBad,
    SourceOption,
    SpeakerOption,
    UnflaggedOption,
    UnitOption,
    UntilOption,
    claim_filter,
)

OutOption = Annotated[
    str,
    typer.Option("--out", "-o", metavar="FILE", help="The HTML file to write; - writes to stdout."),
]
TitleOption = Annotated[str, typer.Option(metavar="TEXT", help="The page's title.")]


@app.command("report")
@handles_errors
def report(
    store: StoreOption,
    out: OutOption = "report.html",
    speaker: SpeakerOption = None,
    source: SourceOption = None,
    flag: FlagOption = None,
    unflagged: UnflaggedOption = False,
    unit: UnitOption = None,
    minimum: MinOption = None,
    maximum: MaxOption = None,
    contains: ContainsOption = None,
    quote: QuoteOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    outlet: OutletOption = None,
    title: TitleOption = "claimtrack report",
    skip_bad: SkipBad = False,
) -> None:
    """Write one self-contained HTML page: overview, conflicts, marked articles, speakers.

    \b
    Examples:
      claimtrack report --out report.html
      claimtrack report --outlet bbc.co.uk --since 2022-03 --out - > march.html
    """
    from claimtrack.report import build_report

    where = claim_filter(
        speaker=speaker,
        source=source,
        flag=flag,
        unflagged=unflagged,
        unit=unit,
        minimum=minimum,
        maximum=maximum,
        contains=contains,
        quote=quote,
        since=since,
        until=until,
        outlet=outlet,
    )
    filtering = any(
        (speaker, source, flag, unflagged, unit, minimum is not None, maximum is not None,
         contains, quote, since, until, outlet)
    )  # fmt: skip
    html = build_report(
        read_store(store), where if filtering else None, skip_bad=skip_bad, title=title
    )
    if out == "-":
        sys.stdout.write(html)
        return
    path = Path(out)
    if path.is_dir():
        fail(f"{out}: is a folder; give a file name (or - for stdout)")
    from claimtrack.store import write_atomically

    try:
        # Whole or not at all: a full disk must not leave half a page, nor destroy the last one.
        if path.exists() and not path.is_file():  # /dev/stdout, a pipe: written in place
            path.write_text(html, encoding="utf-8")
        else:
            write_atomically(path, html.encode("utf-8"))
    except OSError as error:
        fail(f"{out}: cannot be written ({error.strerror or error})")
    print(out, file=sys.stderr)
