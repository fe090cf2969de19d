"""`conflicts` and `diff`: where sources disagree on a figure, and how two sources differ.

Both read the store through its index and call one library function (claimtrack.conflicts);
nothing here imports spaCy.
"""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Annotated, Any

import typer

from claimtrack.cli.app import StoreOption, app, handles_errors
from claimtrack.cli.options import JsonFlag, SkipBad, SourceOption, SpeakerOption

if TYPE_CHECKING:
    from claimtrack.conflicts import FigureRef, Group, SourceDiff

AllFlag = Annotated[
    bool,
    typer.Option(
        "--all",
        help="Also show updates (one quantity at different times) and consistent groups.",
    ),
]
# Past this many groups a terminal is no place to read them, and rich takes ~3 ms a table.
TABLES = 200
SourceArgument = Annotated[str, typer.Argument(help="A source id, unique id prefix, or path.")]


@app.command("conflicts")
@handles_errors
def conflicts(
    store: StoreOption,
    all_: AllFlag = False,
    source: SourceOption = None,
    speaker: SpeakerOption = None,
    json_: JsonFlag = False,
    skip_bad: SkipBad = False,
) -> None:
    """Figures that describe the same quantity and cannot both be true, side by side."""
    from claimtrack import query
    from claimtrack.conflicts import find_conflicts, select, source_dates
    from claimtrack.store import Store

    claims_store = Store(store)
    source_ids = sorted(query.source_ids(claims_store, source or [], skip_bad=skip_bad))
    statuses = ("conflict", "update", "consistent") if all_ else ("conflict",)
    groups = select(
        find_conflicts(
            claims_store.claims(skip_bad=skip_bad, with_figures=True),
            statuses=statuses,
            dates=source_dates(claims_store, skip_bad=skip_bad),
        ),
        statuses=statuses,
        sources=source_ids,
        speaker=speaker,
    )
    if json_:
        _print_json([g.to_json() for g in groups])
        return
    if not groups:
        _stderr().print("no conflicts found" if not all_ else "no comparable figures found")
        return
    console = _stdout()
    for group in groups[:TABLES]:
        console.print(_group_table(group))
    if len(groups) > TABLES:
        _stderr().print(
            f"showing the first {TABLES} of {len(groups):,} groups; --json prints them all",
            highlight=False,
        )


@app.command("diff")
@handles_errors
def diff_sources(
    source_a: SourceArgument,
    source_b: SourceArgument,
    store: StoreOption,
    json_: JsonFlag = False,
    skip_bad: SkipBad = False,
) -> None:
    """Compare two sources: figures on the same quantity, and claims only one of them has."""
    from claimtrack.conflicts import diff
    from claimtrack.store import Store

    claims_store = Store(store)
    result = diff(
        claims_store.source(source_a, skip_bad=skip_bad),
        claims_store.source(source_b, skip_bad=skip_bad),
    )
    if json_:
        _print_json(result.to_json())
        return
    _render_diff(result)


# -- rendering ----------------------------------------------------------------------------------


def _print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=1) + "\n")


def _stdout():  # type: ignore[no-untyped-def]
    from claimtrack.cli.output import stdout

    return stdout()


def _stderr():  # type: ignore[no-untyped-def]
    from claimtrack.cli.output import stderr

    return stderr()


def _interval(figure: FigureRef) -> str:
    from claimtrack.cli.output import interval

    own = interval(figure.low, figure.high, figure.low_inclusive, figure.high_inclusive)
    unit = figure.unit or figure.currency
    if unit:
        own += f" {unit}"
    if figure.converted:
        own += f" ≈ {interval(figure.base_low, figure.base_high)} {figure.base_unit}"
    return own


def _flags(figure: FigureRef, gap_role: str) -> str:
    bits = []
    if gap_role:
        bits.append(gap_role)
    if figure.converted:
        bits.append("converted")
    if figure.value == 0 and figure.qualifier == "exact" and figure.low == figure.high == 0:
        bits.append("zero statement")
    bits.extend(sorted(set(figure.flags)))
    return ", ".join(bits)


def _group_table(group: Group):  # type: ignore[no-untyped-def]
    from rich.table import Table

    style = {"conflict": "bold red", "update": "yellow", "consistent": "green"}.get(
        group.status, ""
    )
    table = Table(
        title=f"[{style}]{group.status.upper()}[/]: {group.why.summary}",
        caption=f"key: {group.key}",
        title_justify="left",
        show_lines=False,
    )
    for name in (
        "figure",
        "interval",
        "counted / scope",
        "holder",
        "period",
        "source",
        "speaker",
        "flags",
    ):
        table.add_column(name, overflow="fold")
    gap = group.why.gap
    for i, figure in enumerate(group.figures):
        role = ""
        if gap is not None and i == gap.lower_figure:
            role = "lowest"
        elif gap is not None and i == gap.upper_figure:
            role = "highest"
        about = figure.counted or figure.predicate or ""
        if figure.scope:
            about += f" / {figure.scope}"
        table.add_row(
            figure.text,
            _interval(figure),
            about,
            figure.holder or "",
            figure.period or "",
            f"{figure.source_path.rsplit('/', 1)[-1]} @{figure.start}"
            + (f" ({figure.article_date})" if figure.article_date else ""),
            figure.speaker or "",
            _flags(figure, role),
        )
    return table


def _render_diff(result: SourceDiff) -> None:
    from rich.table import Table

    console = _stdout()
    console.print(f"[bold]{result.source_a}[/] vs [bold]{result.source_b}[/]")
    if result.figures:
        for group in result.figures:
            console.print(_group_table(group))
    else:
        console.print("no figures on the same quantity")
    if result.matched:
        table = Table(title="claims in both", title_justify="left")
        for name in ("claim A", "claim B", "matched by"):
            table.add_column(name, overflow="fold")
        for match in result.matched:
            table.add_row(match.a, match.b, f"{match.reason} ({match.score:g})")
        console.print(table)
    for label, refs in (
        (f"only in {result.source_a}", result.only_a),
        (f"only in {result.source_b}", result.only_b),
    ):
        if not refs:
            continue
        table = Table(title=label, title_justify="left")
        for name in ("id", "speaker", "claim"):
            table.add_column(name, overflow="fold")
        for ref in refs:
            text = " ".join(ref.text.split())
            table.add_row(ref.claim_id, ref.speaker or "", text[:160])
        console.print(table)
