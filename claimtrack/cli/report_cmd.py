"""`report`: the store as one self-contained HTML page (claimtrack.report builds it).

Nothing here imports spaCy: the page is built from the stored claims.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from claimtrack.cli.app import StoreOption, app, fail, handles_errors
from claimtrack.cli.options import (
    ContainsOption,
    FlagOption,
    MaxOption,
    MinOption,
    QuoteOption,
    SkipBad,
    SourceOption,
    SpeakerOption,
    UnflaggedOption,
    UnitOption,
    claim_filter,
)

OutOption = Annotated[
    Path,
    typer.Option("--out", "-o", help="The HTML file to write.", dir_okay=False, writable=True),
]
TitleOption = Annotated[str, typer.Option(help="The page's title.")]


@app.command("report")
@handles_errors
def report(
    store: StoreOption,
    out: OutOption = Path("report.html"),
    speaker: SpeakerOption = None,
    source: SourceOption = None,
    flag: FlagOption = None,
    unflagged: UnflaggedOption = False,
    unit: UnitOption = None,
    minimum: MinOption = None,
    maximum: MaxOption = None,
    contains: ContainsOption = None,
    quote: QuoteOption = None,
    title: TitleOption = "claimtrack report",
    skip_bad: SkipBad = False,
) -> None:
    """Write one self-contained HTML page: overview, conflicts, marked articles, speakers."""
    from claimtrack.report import build_report
    from claimtrack.store import Store

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
    )
    filtering = any(
        (speaker, source, flag, unflagged, unit, minimum is not None, maximum is not None,
         contains, quote)
    )  # fmt: skip
    html = build_report(Store(store), where if filtering else None, skip_bad=skip_bad, title=title)
    from claimtrack.store import write_atomically

    try:
        # Whole or not at all: a full disk must not leave half a page, nor destroy the last one.
        if out.exists() and not out.is_file():  # /dev/stdout, a pipe: written in place
            out.write_text(html, encoding="utf-8")
        else:
            write_atomically(out, html.encode("utf-8"))
    except OSError as error:
        fail(f"{out}: cannot be written ({error.strerror or error})")
    print(out, file=sys.stderr)
