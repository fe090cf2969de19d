"""The read-only commands: list, show, sources, speakers, export, doctor.

None of these imports spaCy; they read the store through its index.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

import typer

from claimtrack.cli.app import StoreOption, app, handles_errors
from claimtrack.cli.options import (
    ContainsOption,
    CsvFlag,
    FlagOption,
    JsonFlag,
    JsonlFlag,
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
from claimtrack.cli.output import Format, choose, emit, figure_text


def _speaker_label(claim: dict[str, Any]) -> str:
    """The canonical name, with the words the text used when they differ and are short
    ("Claire Finkelstein (she)"); a long apposition is the role, shown by `show`."""
    speaker = claim["speaker"]
    name = speaker.get("name") or speaker.get("mention") or ""
    mention = speaker.get("mention")
    if mention and name and mention != name and len(mention) <= 24:
        return f"{name} ({mention})"
    return name or f"[{speaker['kind']}]"


CLAIM_COLUMNS = [
    ("id", lambda c: c["id"]),
    ("source", lambda c: c["source_path"].rsplit("/", 1)[-1]),
    ("speaker", _speaker_label),
    ("kind", lambda c: c["speaker"]["kind"]),
    ("quote", lambda c: c["quote"]),
    ("claim", lambda c: _shorten(c["text"], 160)),
    ("figures", lambda c: [figure_text(f) for f in c["quantities"]]),
    ("flags", lambda c: _flag_labels(c["flags"])),
]


def _flag_labels(flags: list[dict]) -> list[str]:
    """Each caveat with its own words, which may stand outside the claim ("no_response: “did
    not respond”" on the statement the party was asked about)."""
    labels = [f"{f['kind']}: “{_shorten(f['text'], 60)}”" for f in flags]
    return list(dict.fromkeys(labels))


def _shorten(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


@app.command("list")
@handles_errors
def list_claims(
    store: StoreOption,
    speaker: SpeakerOption = None,
    source: SourceOption = None,
    flag: FlagOption = None,
    unflagged: UnflaggedOption = False,
    unit: UnitOption = None,
    minimum: MinOption = None,
    maximum: MaxOption = None,
    contains: ContainsOption = None,
    quote: QuoteOption = None,
    json_: JsonFlag = False,
    jsonl: JsonlFlag = False,
    csv_: CsvFlag = False,
    skip_bad: SkipBad = False,
) -> None:
    """List claims, filtered."""
    from claimtrack.query import find_claims
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
    claims = find_claims(Store(store), where, skip_bad=skip_bad)
    emit(
        (c.model_dump() for c in claims),
        choose(json_, jsonl, csv_),
        CLAIM_COLUMNS,
        title="claims",
        empty="no claims match",
    )


@app.command("show")
@handles_errors
def show(
    claim_id: Annotated[str, typer.Argument(help="A claim id (or a unique prefix of one).")],
    store: StoreOption,
    json_: JsonFlag = False,
    skip_bad: SkipBad = False,
) -> None:
    """One claim in its context: speaker, cue, figures and flags highlighted."""
    import json

    from rich.panel import Panel
    from rich.text import Text

    from claimtrack.cli.output import interval, stdout
    from claimtrack.query import context_bounds
    from claimtrack.store import Store

    claim, document = Store(store).claim(claim_id, skip_bad=skip_bad)
    if json_:
        print(json.dumps(claim.model_dump(), ensure_ascii=False, indent=1))
        return
    text = document.text
    spans: list[tuple[int, int, str]] = [(claim.start, claim.end, "underline")]
    if claim.speaker.start is not None and claim.speaker.end is not None:
        spans.append((claim.speaker.start, claim.speaker.end, "bold cyan"))
    if claim.cue:
        spans.append((claim.cue.start, claim.cue.end, "bold magenta"))
    spans += [(f.start, f.end, "bold green") for f in claim.quantities]
    spans += [(f.start, f.end, "bold red") for f in claim.flags]
    lo = min(s for s, _, _ in spans)
    hi = max(e for _, e, _ in spans)
    left, right = context_bounds(text, lo, hi)
    context = Text(text[left:right])
    for start, end, style in spans:
        context.stylize(style, start - left, end - left)
    out = stdout()
    speaker = claim.speaker
    who = speaker.name or "(unknown)"
    if speaker.role:
        who += f", {speaker.role}"
    out.print(Panel(context, title=f"{claim.id} · {document.path}", title_align="left"))
    lines = [
        f"speaker  {who} [{speaker.kind}]"
        + (f" — said as “{speaker.mention}”" if speaker.mention else ""),
        f"cue      {claim.cue.text if claim.cue else '—'}   quote: {claim.quote}",
    ]
    for figure in claim.quantities:
        unit = figure.currency or figure.unit or ""
        lines.append(
            f"figure   {figure.text}  {figure.qualifier} "
            f"{interval(figure.low, figure.high, figure.low_inclusive, figure.high_inclusive)}"
            f" {unit}" + (f"  counts: {figure.counted}" if figure.counted else "")
        )
    for flag in claim.flags:
        lines.append(f"flag     {flag.kind}: “{flag.text}”")
    out.print("\n".join(lines), highlight=False, markup=False)


@app.command("sources")
@handles_errors
def sources(store: StoreOption, json_: JsonFlag = False, skip_bad: SkipBad = False) -> None:
    """What was ingested: path, title, authors, date, claims, figures and flags."""
    from dataclasses import asdict

    from claimtrack.store import Store

    rows = [asdict(s) for s in Store(store).sources(skip_bad=skip_bad)]
    for row in rows:
        row.pop("file")
    emit(
        rows,
        Format.json if json_ else Format.table,
        [
            ("id", lambda s: s["id"]),
            ("path", lambda s: s["path"]),
            ("title", lambda s: _shorten(s["title"] or "", 60)),
            ("authors", lambda s: s["authors"]),
            ("date", lambda s: s["date"]),
            ("claims", lambda s: s["claims"]),
            ("figures", lambda s: s["figures"]),
            ("flags", lambda s: [f"{k} {n}" for k, n in sorted(s["flags"].items())]),
        ],
        title="sources",
        empty="the store is empty: run `claimtrack extract PATH` first",
    )


@app.command("speakers")
@handles_errors
def speakers(store: StoreOption, json_: JsonFlag = False, skip_bad: SkipBad = False) -> None:
    """Who speaks: canonical name, kind, role, aliases, claims and sources."""
    from dataclasses import asdict

    from claimtrack.store import Store

    rows = [asdict(s) for s in Store(store).speakers(skip_bad=skip_bad)]
    emit(
        rows,
        Format.json if json_ else Format.table,
        [
            ("speaker", lambda s: s["name"]),
            ("kind", lambda s: s["kind"]),
            ("role", lambda s: s["role"]),
            ("aliases", lambda s: s["aliases"]),
            ("claims", lambda s: s["claims"]),
            ("sources", lambda s: s["sources"]),
        ],
        title="speakers",
        empty="no speakers: the store is empty or has no attributed claims",
    )


class ExportFormat(StrEnum):
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


@app.command("export")
@handles_errors
def export(
    store: StoreOption,
    format_: Annotated[ExportFormat, typer.Option("--format", help="Output format.")] = (
        ExportFormat.jsonl
    ),
    skip_bad: SkipBad = False,
) -> None:
    """The whole store's claims as one stream."""
    from claimtrack.store import Store

    emit(
        (c.model_dump() for c in Store(store).claims(skip_bad=skip_bad)),
        Format(format_.value),
        CLAIM_COLUMNS,
    )


@app.command("doctor")
@handles_errors
def doctor(
    store: StoreOption,
    quarantine: Annotated[
        bool, typer.Option("--quarantine", help="Move bad files to quarantine/ in the store.")
    ] = False,
) -> None:
    """Check every store file; list the bad ones (and move them aside with --quarantine)."""
    from claimtrack.cli.output import stderr
    from claimtrack.store import Store

    the_store = Store(store)
    bad = the_store.bad_files()
    console = stderr()
    total = len(the_store.files())
    if not bad:
        console.print(f"{total} store files, all good", highlight=False)
        return
    for item in bad:
        print(f"{store / item.file}: {item.reason}")
    if quarantine:
        moved = the_store.quarantine(b.file for b in bad)
        console.print(f"moved {len(moved)} bad files to {store / 'quarantine'}", highlight=False)
    else:
        console.print(
            f"{len(bad)} of {total} store files are bad; `claimtrack doctor --quarantine` "
            "moves them aside",
            highlight=False,
        )
        raise typer.Exit(1)
