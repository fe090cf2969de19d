"""The claim filter options, declared once and shared by every command that selects claims
(`list`, `report`), so the same flags mean the same thing everywhere."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

from claimtrack.cli.app import fail

if TYPE_CHECKING:
    from claimtrack.query import ClaimFilter


class QuoteKind(StrEnum):
    direct = "direct"
    indirect = "indirect"
    mixed = "mixed"
    none = "none"


SpeakerOption = Annotated[
    str | None, typer.Option(help="Speaker name or alias (case-insensitive).")
]
SourceOption = Annotated[
    list[str] | None, typer.Option(help="Source id, id prefix or path (repeatable).")
]
FlagOption = Annotated[
    list[str] | None, typer.Option(help="Flag kind, e.g. unverified (repeatable).")
]
UnflaggedOption = Annotated[bool, typer.Option(help="Only claims without any flag.")]
UnitOption = Annotated[
    str | None, typer.Option(help="Figures in this unit or currency (percent, USD).")
]
MinOption = Annotated[float | None, typer.Option("--min", help="A figure >= this.")]
MaxOption = Annotated[float | None, typer.Option("--max", help="A figure <= this.")]
ContainsOption = Annotated[str | None, typer.Option(help="Claim text contains this.")]
QuoteOption = Annotated[QuoteKind | None, typer.Option(help="Kind of quotation.")]
JsonFlag = Annotated[bool, typer.Option("--json", help="Print a JSON array.")]
JsonlFlag = Annotated[bool, typer.Option("--jsonl", help="Print JSON Lines, one record a line.")]
CsvFlag = Annotated[bool, typer.Option("--csv", help="Print CSV.")]
SkipBad = Annotated[
    bool, typer.Option("--skip-bad", help="Pass over store files that do not parse or validate.")
]


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
    )
