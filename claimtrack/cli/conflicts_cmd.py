"""`conflicts` and `diff`: where sources disagree on a figure, and how two sources differ.

Both read the store through its index and call one library function (claimtrack.conflicts);
nothing here imports spaCy.
"""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Annotated, Any

import typer

from claimtrack.cli.app import StoreOption, app, handles_errors, read_store
from claimtrack.cli.options import (
    CsvFlag,
    JsonFlag,
    JsonlFlag,
    OutletOption,
    SinceOption,
    SkipBad,
    SourceOption,
    SpeakerOption,
    UntilOption,
    claim_filter,
)
from claimtrack.ingest import source_name

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


@app.command("conflicts")
@handles_errors
def conflicts(
    store: StoreOption,
    all_: AllFlag = False,
    source: SourceOption = None,
    speaker: SpeakerOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    outlet: OutletOption = None,
    json_: JsonFlag = False,
    jsonl: JsonlFlag = False,
    csv_: CsvFlag = False,
    skip_bad: SkipBad = False,
) -> None:
    """Figures that describe the same quantity and cannot both be true, side by side.

    --source and --speaker keep the groups that involve them (the other side is always shown);
    --since, --until and --outlet choose which sources are compared at all.

    \b
    Examples:
      claimtrack conflicts --speaker Maliar
      claimtrack conflicts --since 2022-03 --outlet bbc.co.uk --outlet reuters.com --csv
    """
    from claimtrack import query
    from claimtrack.conflicts import find_conflicts, select, source_dates

    claims_store = read_store(store)
    source_ids = sorted(query.source_ids(claims_store, source or [], skip_bad=skip_bad))
    compared = claim_filter(since=since, until=until, outlet=outlet)
    within = query.selected_source_ids(claims_store, compared, skip_bad=skip_bad)
    claims = (
        c
        for c in claims_store.claims(skip_bad=skip_bad, with_figures=True)
        if compared.matches(c, within)
    )
    statuses = ("conflict", "update", "consistent") if all_ else ("conflict",)
    groups = select(
        find_conflicts(
            claims, statuses=statuses, dates=source_dates(claims_store, skip_bad=skip_bad)
        ),
        statuses=statuses,
        sources=source_ids,
        speaker=speaker,
    )
    if json_:
        _print_json([g.to_json() for g in groups])
        return
    if jsonl:
        for group in groups:
            sys.stdout.write(json.dumps(group.to_json(), ensure_ascii=False) + "\n")
        return
    if csv_:
        _print_csv(groups)
        return
    if not groups:
        what = "no conflicts found" if not all_ else "no comparable figures found"
        _stderr().print(f"{what} (store: {store})", highlight=False, markup=False)
        return
    console = _stdout()
    narrow = console.width < _NARROW_WIDTH
    for group in groups[:TABLES]:
        console.print(_group_table(group, narrow=narrow))
    shown = f"showing the first {TABLES} of {len(groups):,} groups; --json prints them all; "
    _stderr().print(
        (shown if len(groups) > TABLES else f"{len(groups):,} group{'s' * (len(groups) != 1)}; ")
        + f"store: {store}",
        highlight=False,
        markup=False,
    )


@app.command("diff")
@handles_errors
def diff_sources(
    source_a: Annotated[
        str,
        typer.Argument(
            metavar="SOURCE_A", help="A source id, unique id prefix, path or file name."
        ),
    ],
    source_b: Annotated[
        str, typer.Argument(metavar="SOURCE_B", help="The other source, named the same ways.")
    ],
    store: StoreOption,
    json_: JsonFlag = False,
    skip_bad: SkipBad = False,
) -> None:
    """Compare two sources: figures on the same quantity, and claims only one of them has.

    \b
    Examples:
      claimtrack diff 325f a034                   # by id prefix
      claimtrack diff 001_story.txt 002_story.txt --json
    """
    from claimtrack.conflicts import diff

    claims_store = read_store(store)
    result = diff(
        claims_store.source(source_a, skip_bad=skip_bad),
        claims_store.source(source_b, skip_bad=skip_bad),
    )
    if json_:
        _print_json(result.to_json())
        return
    _render_diff(result)


# -- rendering ----------------------------------------------------------------------------------


_NARROW_WIDTH = 110


def _print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=1) + "\n")


CSV_FIELDS = (
    "claim_id", "source_id", "source_path", "speaker", "text", "start", "end", "value", "low",
    "high", "low_inclusive", "high_inclusive", "qualifier", "unit", "currency", "counted",
    "predicate", "place", "period", "scope", "flags", "converted", "base_low", "base_high",
    "base_unit", "claim_text",
)  # fmt: skip


def _print_csv(groups: list[Group]) -> None:
    """One row per figure, with its group's number, status, key and reason: every field."""
    import csv
    from dataclasses import asdict

    writer = csv.writer(sys.stdout)
    writer.writerow(["group", "status", "key", "why", *CSV_FIELDS])
    for n, group in enumerate(groups, 1):
        for figure in group.figures:
            row = asdict(figure)
            cells = ["; ".join(v) if isinstance(v, list) else v for v in map(row.get, CSV_FIELDS)]
            writer.writerow([n, group.status, group.key, group.why.summary, *cells])


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


def _safe(text: str):  # type: ignore[no-untyped-def]
    """Words from articles as plain text: no rich markup, no terminal control characters."""
    from rich.text import Text

    from claimtrack.cli.output import clean

    return Text(clean(text))


def _group_table(group: Group, narrow: bool = False):  # type: ignore[no-untyped-def]
    from rich.markup import escape
    from rich.table import Table

    from claimtrack.cli.output import clean

    style = {"conflict": "bold red", "update": "yellow", "consistent": "green"}.get(
        group.status, ""
    )
    table = Table(
        title=f"[{style}]{group.status.upper()}[/]: {escape(clean(group.why.summary))}",
        caption=_safe(f"key: {group.key}"),
        title_justify="left",
        show_lines=False,
    )
    names: tuple[str, ...] = (
        ("figure", "counted / scope", "source / speaker", "flags")
        if narrow
        else (
            "figure",
            "interval",
            "counted / scope",
            "holder",
            "period",
            "source",
            "speaker",
            "flags",
        )
    )
    for name in names:
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
        where = f"{source_name(figure.source_path)} @{figure.start}"
        if figure.article_date:
            where += f" ({figure.article_date})"
        if narrow:
            cells = [
                f"{figure.text}\n{_interval(figure)}",
                "\n".join(x for x in (about, figure.holder, figure.period) if x),
                "\n".join(x for x in (where, figure.speaker) if x),
                _flags(figure, role),
            ]
        else:
            cells = [
                figure.text,
                _interval(figure),
                about,
                figure.holder or "",
                figure.period or "",
                where,
                figure.speaker or "",
                _flags(figure, role),
            ]
        table.add_row(*(_safe(c) for c in cells))  # data, never markup or controls
    return table


def _render_diff(result: SourceDiff) -> None:
    from rich.table import Table

    console = _stdout()
    console.print(_safe(f"{result.source_a} vs {result.source_b}"))
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
            table.add_row(_safe(match.a), _safe(match.b), f"{match.reason} ({match.score:g})")
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
            table.add_row(_safe(ref.claim_id), _safe(ref.speaker or ""), _safe(text[:160]))
        console.print(table)
