"""Who speaks: claims summed up per speaker, per source and then across sources.

The store keeps each source's summary in its index, so `claimtrack speakers` merges a few rows per
source instead of reading every claim.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from claimtrack.ingest import source_name
from claimtrack.models import Claim


@dataclass(slots=True)
class SpeakerSummary:
    name: str
    kind: str
    role: str | None = None
    aliases: list[str] = field(default_factory=list)
    claims: int = 0
    sources: list[str] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)

    @property
    def key(self) -> tuple[str, str]:
        """What makes two summaries one speaker: the name, whatever its case, and the kind."""
        return (self.name.lower(), self.kind)


def summarize(claims: Iterable[Claim]) -> list[SpeakerSummary]:
    """One row per canonical name (and kind), most claims first; claims with no name at all
    (an unresolved, unnamed speaker) are not counted."""
    rows = _Rows()
    for claim in claims:
        speaker = claim.speaker
        name = speaker.name or speaker.mention
        if name:
            rows.add(
                name,
                speaker.kind,
                speaker.role,
                [a for a in (speaker.mention, *speaker.aliases) if a and a != name],
                1,
                [claim.source_path],
                [],
            )
    return rows.ordered()


def merge(summaries: Iterable[SpeakerSummary]) -> list[SpeakerSummary]:
    rows = _Rows()
    for one in summaries:
        rows.add(one.name, one.kind, one.role, one.aliases, one.claims, one.sources, one.outlets)
    return rows.ordered()


class _Rows:
    """Summaries being merged. Aliases and sources are kept in insertion-ordered dicts: a
    speaker quoted in thousands of sources must not cost a list scan per source."""

    def __init__(self) -> None:
        self._rows: dict[
            tuple[str, str],
            tuple[SpeakerSummary, dict[str, None], dict[str, None], dict[str, None]],
        ] = {}

    def add(
        self,
        name: str,
        kind: str,
        role: str | None,
        aliases: Iterable[str],
        claims: int,
        sources: Iterable[str],
        outlets: Iterable[str] = (),
    ) -> None:
        row = SpeakerSummary(name, kind, role)
        entry = self._rows.get(row.key)
        if entry is None:
            entry = self._rows[row.key] = (row, {}, {}, {})
        row, seen_aliases, seen_sources, seen_outlets = entry
        row.claims += claims
        row.role = row.role or role
        for alias in aliases:
            if alias != row.name:
                seen_aliases[alias] = None
        for source in sources:
            seen_sources[source] = None
        for outlet in outlets:
            seen_outlets[outlet] = None

    def ordered(self) -> list[SpeakerSummary]:
        out = []
        for row, aliases, sources, outlets in self._rows.values():
            row.aliases = list(aliases)
            row.sources = list(sources)
            row.outlets = list(outlets)
            out.append(row)
        return sorted(out, key=lambda r: (-r.claims, r.name.lower()))


@dataclass(frozen=True, slots=True)
class SourceInfo:
    """What `sources` shows of a stored document, without loading its claims."""

    id: str
    path: str
    title: str | None
    authors: list[str]
    date: str | None
    claims: int
    figures: int
    flags: dict[str, int]
    file: str
    url: str | None = None
    outlet: str | None = None

    @property
    def name(self) -> str:
        """What tables show of the path: the file name (a URL's last segment or host)."""
        return source_name(self.path)


@dataclass(slots=True)
class OutletSummary:
    """The sources of one outlet, counted: how many, their claims, figures and flags, and the
    dates they span."""

    outlet: str | None
    sources: int = 0
    claims: int = 0
    figures: int = 0
    first: str | None = None
    last: str | None = None
    flags: dict[str, int] = field(default_factory=dict)


def by_outlet(sources: Iterable[SourceInfo]) -> list[OutletSummary]:
    """One row per outlet (sources without one together, as None), most claims first."""
    rows: dict[str | None, OutletSummary] = {}
    for info in sources:
        row = rows.setdefault(info.outlet, OutletSummary(info.outlet))
        row.sources += 1
        row.claims += info.claims
        row.figures += info.figures
        if info.date:
            row.first = min(row.first or info.date, info.date)
            row.last = max(row.last or info.date, info.date)
        for kind, n in info.flags.items():
            row.flags[kind] = row.flags.get(kind, 0) + n
    return sorted(rows.values(), key=lambda r: (-r.claims, (r.outlet or "").lower()))
