"""The read-only commands: list, show, sources, speakers, export, doctor.

None of these imports spaCy; they read the store through its index.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

import typer

from claimtrack.cli.app import StoreOption, app, handles_errors, read_store
from claimtrack.cli.options import (
    ContainsOption,
    CsvFlag,
    FlagOption,
    JsonFlag,
    JsonlFlag,
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
from claimtrack.cli.output import Format, choose, clean, clean_in_place, emit, figure_text
from claimtrack.ingest import source_name


def _speaker_label(claim: dict[str, Any]) -> str:
    """The canonical name, with the words the text used when they differ and are short
    ("Claire Finkelstein (she)"); a long apposition is the role, shown by `show`."""
    speaker = claim["speaker"]
    name = speaker.get("name") or speaker.get("mention") or ""
    mention = speaker.get("mention")
    if mention and name and mention != name and len(mention) <= 24:
        return f"{name} ({mention})"
    return name or f"[{speaker['kind']}]"


def _claim_cell(claim: dict[str, Any]) -> str:
    """The compact layout's one text cell: the claim, its figures, then where it is from."""
    lines = [_shorten(claim["text"], 240)]
    lines += [f"· {figure_text(f)}" for f in claim["quantities"]]
    where = [source_name(claim["source_path"]), claim.get("date") or ""]
    where += [f"[{label}]" for label in _flag_labels(claim["flags"])]
    lines.append(" ".join(w for w in where if w))
    return "\n".join(lines)


CLAIM_COLUMNS = [
    ("id", lambda c: c["id"]),
    ("source", lambda c: source_name(c["source_path"])),
    ("date", lambda c: c.get("date")),
    ("speaker", _speaker_label),
    ("kind", lambda c: c["speaker"]["kind"]),
    ("quote", lambda c: c["quote"]),
    ("claim", lambda c: _shorten(c["text"], 160)),
    ("figures", lambda c: [figure_text(f) for f in c["quantities"]]),
    ("flags", lambda c: _flag_labels(c["flags"])),
]
"""A table of claims on a wide terminal."""
CLAIM_COMPACT = [
    ("id", lambda c: c["id"]),
    ("speaker", _speaker_label),
    ("claim", _claim_cell),
]
"""The same below 110 columns: the claim's cell holds its figures, source, date and flags."""


def claim_csv_columns(sources: dict[str, Any]) -> list[tuple[str, Any]]:
    """Every field of a claim for CSV, nothing shortened, with its source's url and outlet
    (`sources`: SourceInfo by id)."""

    def of_source(claim: dict[str, Any], attribute: str) -> Any:
        info = sources.get(claim["source_id"])
        return getattr(info, attribute) if info is not None else None

    return [
        ("id", lambda c: c["id"]),
        ("source_id", lambda c: c["source_id"]),
        ("source_path", lambda c: c["source_path"]),
        ("url", lambda c: of_source(c, "url")),
        ("outlet", lambda c: of_source(c, "outlet")),
        ("date", lambda c: c.get("date")),
        ("speaker", lambda c: c["speaker"]["name"]),
        ("speaker_mention", lambda c: c["speaker"]["mention"]),
        ("speaker_kind", lambda c: c["speaker"]["kind"]),
        ("speaker_role", lambda c: c["speaker"]["role"]),
        ("cue", lambda c: (c["cue"] or {}).get("text")),
        ("quote", lambda c: c["quote"]),
        ("claim", lambda c: c["text"]),
        ("start", lambda c: c["start"]),
        ("end", lambda c: c["end"]),
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
    since: SinceOption = None,
    until: UntilOption = None,
    outlet: OutletOption = None,
    json_: JsonFlag = False,
    jsonl: JsonlFlag = False,
    csv_: CsvFlag = False,
    skip_bad: SkipBad = False,
) -> None:
    """List claims, filtered (filters combine: a claim must pass them all).

    \b
    Examples:
      claimtrack list --speaker Finkelstein --flag unverified
      claimtrack list --outlet bbc.co.uk --since 2022-03 --until 2022-04 --csv > claims.csv
    """
    from claimtrack.query import find_claims

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
    claims_store = read_store(store)
    fmt = choose(json_, jsonl, csv_)
    claims = find_claims(claims_store, where, skip_bad=skip_bad)
    emit(
        (c.model_dump() for c in claims),
        fmt,
        CLAIM_COLUMNS,
        title="claims",
        empty="no claims match",
        full=_claim_csv(claims_store, fmt, skip_bad),
        compact=CLAIM_COMPACT,
        store=store,
    )


def _claim_csv(claims_store: Any, fmt: Format, skip_bad: bool) -> list[tuple[str, Any]] | None:
    if fmt is not Format.csv:
        return None
    return claim_csv_columns({s.id: s for s in claims_store.sources(skip_bad=skip_bad)})


@app.command("show")
@handles_errors
def show(
    claim_id: Annotated[
        str, typer.Argument(metavar="CLAIM_ID", help="A claim id (or a unique prefix of one).")
    ],
    store: StoreOption,
    json_: Annotated[
        bool, typer.Option("--json", help="Print the claim as one JSON object.")
    ] = False,
    skip_bad: SkipBad = False,
) -> None:
    """One claim in its context: speaker, cue, figures and flags highlighted.

    \b
    Examples:
      claimtrack show 431d            # a unique prefix of the id is enough
      claimtrack show 431d --json | jq .quantities
    """
    import json

    from rich.panel import Panel
    from rich.text import Text

    from claimtrack.cli.output import interval, stdout
    from claimtrack.query import context_bounds

    claim, document = read_store(store).claim(claim_id, skip_bad=skip_bad)
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
    context = Text(clean_in_place(text[left:right]))
    for start, end, style in spans:
        context.stylize(style, start - left, end - left)
    out = stdout()
    speaker = claim.speaker
    who = speaker.name or "(unknown)"
    if speaker.role:
        who += f", {speaker.role}"
    title = Text(clean(f"{claim.id} · {document.path}"))
    out.print(Panel(context, title=title, title_align="left"))
    origin = [document.outlet, document.date, document.url]
    lines = [
        "source   " + " · ".join(str(x) for x in [document.path, *origin] if x),
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
    out.print(clean("\n".join(lines)), highlight=False, markup=False)


ByOutlet = Annotated[bool, typer.Option("--by-outlet", help="One row per outlet, with counts.")]


def _source_flags(s: dict[str, Any]) -> list[str]:
    return [f"{k} {n}" for k, n in sorted(s["flags"].items())]


SOURCE_COLUMNS = [
    ("id", lambda s: s["id"]),
    ("path", lambda s: s["path"]),
    ("title", lambda s: _shorten(s["title"] or "", 80)),
    ("outlet", lambda s: s["outlet"]),
    ("authors", lambda s: s["authors"]),
    ("date", lambda s: s["date"]),
    ("claims", lambda s: s["claims"]),
    ("figures", lambda s: s["figures"]),
    ("flags", _source_flags),
]
SOURCE_COMPACT = [
    ("id", lambda s: s["id"]),
    (
        "source",
        lambda s: "\n".join(
            x
            for x in (
                _shorten(s["title"] or "", 80),
                s["path"],
                " · ".join(y for y in (s["outlet"], s["date"]) if y),
            )
            if x
        ),
    ),
    ("claims", lambda s: s["claims"]),
    ("flags", _source_flags),
]
SOURCE_FULL = [
    ("id", lambda s: s["id"]),
    ("path", lambda s: s["path"]),
    ("url", lambda s: s["url"]),
    ("outlet", lambda s: s["outlet"]),
    ("title", lambda s: s["title"]),
    ("authors", lambda s: s["authors"]),
    ("date", lambda s: s["date"]),
    ("claims", lambda s: s["claims"]),
    ("figures", lambda s: s["figures"]),
    ("flags", _source_flags),
]
OUTLET_COLUMNS = [
    ("outlet", lambda o: o["outlet"] or "(none)"),
    ("sources", lambda o: o["sources"]),
    ("claims", lambda o: o["claims"]),
    ("figures", lambda o: o["figures"]),
    ("first", lambda o: o["first"]),
    ("last", lambda o: o["last"]),
    ("flags", _source_flags),
]


@app.command("sources")
@handles_errors
def sources(
    store: StoreOption,
    by_outlet: ByOutlet = False,
    json_: JsonFlag = False,
    jsonl: JsonlFlag = False,
    csv_: CsvFlag = False,
    skip_bad: SkipBad = False,
) -> None:
    """What was ingested: path, title, outlet, authors, date, claims, figures and flags.

    \b
    Examples:
      claimtrack sources
      claimtrack sources --by-outlet --csv > outlets.csv
    """
    from dataclasses import asdict

    from claimtrack.summary import by_outlet as outlet_rows

    infos = read_store(store).sources(skip_bad=skip_bad)
    fmt = choose(json_, jsonl, csv_)
    empty = "the store is empty: run `claimtrack extract PATH` first"
    if by_outlet:
        emit(
            (asdict(o) for o in outlet_rows(infos)),
            fmt,
            OUTLET_COLUMNS,
            title="outlets",
            empty=empty,
            store=store,
        )
        return
    rows = [asdict(s) for s in infos]
    for row in rows:
        row.pop("file")
    emit(
        rows,
        fmt,
        SOURCE_COLUMNS,
        title="sources",
        empty=empty,
        full=SOURCE_FULL,
        compact=SOURCE_COMPACT,
        store=store,
    )


SPEAKER_COLUMNS = [
    ("speaker", lambda s: s["name"]),
    ("kind", lambda s: s["kind"]),
    ("role", lambda s: s["role"]),
    ("aliases", lambda s: s["aliases"]),
    ("claims", lambda s: s["claims"]),
    ("sources", lambda s: s["sources"]),
    ("outlets", lambda s: s["outlets"]),
]
SPEAKER_COMPACT = [
    ("speaker", lambda s: s["name"] + (f"\n{s['role']}" if s["role"] else "")),
    ("kind", lambda s: s["kind"]),
    ("claims", lambda s: s["claims"]),
    (
        "sources",
        lambda s: "\n".join([*(source_name(p) for p in s["sources"]), *s["outlets"]]),
    ),
]
SPEAKER_BY_OUTLET = [
    ("outlet", lambda s: s["outlet"] or "(none)"),
    ("speaker", lambda s: s["name"]),
    ("kind", lambda s: s["kind"]),
    ("claims", lambda s: s["claims"]),
    ("sources", lambda s: len(s["sources"])),
]


@app.command("speakers")
@handles_errors
def speakers(
    store: StoreOption,
    by_outlet: ByOutlet = False,
    json_: JsonFlag = False,
    jsonl: JsonlFlag = False,
    csv_: CsvFlag = False,
    skip_bad: SkipBad = False,
) -> None:
    """Who speaks: canonical name, kind, role, aliases, claims, sources and outlets.

    \b
    Examples:
      claimtrack speakers
      claimtrack speakers --by-outlet --jsonl     # who each outlet quotes, and how often
    """
    from dataclasses import asdict

    claims_store = read_store(store)
    fmt = choose(json_, jsonl, csv_)
    empty = "no speakers: the store is empty or has no attributed claims"
    if by_outlet:
        rows = [
            {"outlet": outlet, **asdict(s)}
            for outlet, s in claims_store.speakers_by_outlet(skip_bad=skip_bad)
        ]
        emit(rows, fmt, SPEAKER_BY_OUTLET, title="speakers by outlet", empty=empty, store=store)
        return
    rows = [asdict(s) for s in claims_store.speakers(skip_bad=skip_bad)]
    emit(
        rows,
        fmt,
        SPEAKER_COLUMNS,
        title="speakers",
        empty=empty,
        compact=SPEAKER_COMPACT,
        store=store,
    )


class ExportFormat(StrEnum):
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    jsonld = "jsonld"


@app.command("export")
@handles_errors
def export(
    store: StoreOption,
    format_: Annotated[
        ExportFormat,
        typer.Option(
            "--format",
            metavar="json|jsonl|csv|jsonld",
            help="Output format; jsonld: schema.org Claim objects (JSON-LD).",
        ),
    ] = ExportFormat.jsonl,
    skip_bad: SkipBad = False,
) -> None:
    """The whole store's claims as one stream, every field in full.

    \b
    Examples:
      claimtrack export --format csv > claims.csv
      claimtrack export --format jsonld > claims.jsonld    # schema.org Claim objects
    """
    claims_store = read_store(store)
    claims = claims_store.claims(skip_bad=skip_bad)
    if format_ is ExportFormat.jsonld:
        import sys

        from claimtrack.jsonld import write_jsonld

        write_jsonld(claims, claims_store.sources(skip_bad=skip_bad), sys.stdout)
        return
    fmt = Format(format_.value)
    emit(
        (c.model_dump() for c in claims),
        fmt,
        CLAIM_COLUMNS,
        full=_claim_csv(claims_store, fmt, skip_bad),
    )


@app.command("doctor")
@handles_errors
def doctor(
    store: StoreOption,
    quarantine: Annotated[
        bool, typer.Option("--quarantine", help="Move bad files to quarantine/ in the store.")
    ] = False,
) -> None:
    """Check every store file; list the bad ones (and move them aside with --quarantine).

    \b
    Examples:
      claimtrack doctor
      claimtrack doctor --quarantine    # move bad files to quarantine/ (never deletes)
    """
    from claimtrack.cli.output import stderr

    the_store = read_store(store)
    bad = the_store.check()
    stale = the_store.stale_temporary_files()
    console = stderr()
    total = len(the_store.files())
    if not bad and not stale:
        console.print(f"{total} store files, all good", highlight=False)
        return
    for item in bad:
        print(clean(f"{store / item.file}: {item.reason}"))
    for path in stale:
        print(clean(f"{path}: a temporary file left by an interrupted write"))
    if quarantine:
        moved = the_store.quarantine(b.file for b in bad)
        removed = the_store.remove_stale_temporary_files()
        console.print(
            clean(
                f"moved {len(moved)} bad files to {store / 'quarantine'}"
                + (f"; removed {len(removed)} temporary files" if removed else "")
            ),
            highlight=False,
            markup=False,
        )
    else:
        problems = [f"{len(bad)} of {total} store files are bad"] if bad else []
        if stale:
            problems.append(f"{len(stale)} temporary files are left over")
        console.print(
            "; ".join(problems) + "; `claimtrack doctor --quarantine` moves bad files aside "
            "and removes temporary ones",
            highlight=False,
            markup=False,
        )
        raise typer.Exit(1)
