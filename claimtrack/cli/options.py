"""The claim filter options, declared once and shared by every command that selects claims
(`list`, `report`, `conflicts`), so the same flags mean the same thing everywhere."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

from claimtrack.cli.app import Exit, fail

if TYPE_CHECKING:
    from claimtrack.query import ClaimFilter


class QuoteKind(StrEnum):
    direct = "direct"
    indirect = "indirect"
    mixed = "mixed"
    none = "none"


SpeakerOption = Annotated[
    str | None,
    typer.Option(metavar="NAME", help="Speaker name or alias (case-insensitive, whole words)."),
]
SourceOption = Annotated[
    list[str] | None,
    typer.Option(
        metavar="SOURCE",
        help="Source id, id prefix, path, file name or URL (repeatable).",
    ),
]
OutletOption = Annotated[
    list[str] | None,
    typer.Option(metavar="OUTLET", help="Outlet name or domain, e.g. bbc.co.uk (repeatable)."),
]
SinceOption = Annotated[
    str | None,
    typer.Option(
        metavar="DATE", help="Sources dated on or after DATE (2022, 2022-05, 2022-05-14)."
    ),
]
UntilOption = Annotated[
    str | None,
    typer.Option(metavar="DATE", help="Sources dated on or before DATE (2022-05 = end of May)."),
]
FlagOption = Annotated[
    list[str] | None,
    typer.Option(metavar="KIND", help="Flag kind, e.g. unverified (repeatable)."),
]
UnflaggedOption = Annotated[bool, typer.Option("--unflagged", help="Only claims without any flag.")]
UnitOption = Annotated[
    str | None,
    typer.Option(metavar="UNIT", help="Figures in this unit or currency (percent, USD)."),
]
MinOption = Annotated[float | None, typer.Option("--min", metavar="N", help="A figure >= N.")]
MaxOption = Annotated[float | None, typer.Option("--max", metavar="N", help="A figure <= N.")]
ContainsOption = Annotated[
    str | None, typer.Option(metavar="TEXT", help="Claim text contains TEXT.")
]
QuoteOption = Annotated[
    QuoteKind | None, typer.Option(metavar="direct|indirect|mixed|none", help="Kind of quotation.")
]
JsonFlag = Annotated[bool, typer.Option("--json", help="Print a JSON array.")]
JsonlFlag = Annotated[bool, typer.Option("--jsonl", help="Print JSON Lines, one record a line.")]
CsvFlag = Annotated[bool, typer.Option("--csv", help="Print CSV (every field in full).")]
SkipBad = Annotated[
    bool, typer.Option("--skip-bad", help="Pass over store files that do not parse or validate.")
]


def check_date(value: str | None, option: str) -> str | None:
    """An ISO date or a prefix of one (YYYY, YYYY-MM, YYYY-MM-DD); a usage error otherwise."""
    if value is None:
        return None
    from datetime import date

    value = value.strip()
    padded = value + {4: "-01-01", 7: "-01"}.get(len(value), "")
    try:
        date.fromisoformat(padded)
        if len(padded) != 10:
            raise ValueError(value)
    except ValueError:
        fail(f"{option} {value!r}: give a date as YYYY-MM-DD, YYYY-MM or YYYY", Exit.USAGE)
    return value


def claim_filter(
    *,
    speaker: str | None = None,
    source: list[str] | None = None,
    flag: list[str] | None = None,
    unflagged: bool = False,
    unit: str | None = None,
    minimum: float | None = None,
    maximum: float | None = None,
    contains: str | None = None,
    quote: QuoteKind | None = None,
    since: str | None = None,
    until: str | None = None,
    outlet: list[str] | None = None,
) -> ClaimFilter:
    """The library's filter from the parsed options; an unknown flag kind is a usage error."""
    from claimtrack.models import FLAG_KINDS
    from claimtrack.query import ClaimFilter

    for kind in flag or []:
        if kind not in FLAG_KINDS:
            fail(f"unknown flag kind {kind!r}; one of: {', '.join(FLAG_KINDS)}")
    return ClaimFilter(
        speaker=speaker,
        sources=source or [],
        flags=flag or [],
        unflagged=unflagged,
        unit=unit,
        minimum=minimum,
        maximum=maximum,
        contains=contains,
        quote=quote.value if quote else None,
        since=check_date(since, "--since"),
        until=check_date(until, "--until"),
        outlets=outlet or [],
    )
