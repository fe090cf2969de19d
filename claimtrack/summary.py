"""Who speaks: claims summed up per speaker, per source and then across sources.

The store keeps each source's summary in its index, so `claimtrack speakers` merges a few rows per
source instead of reading every claim.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from claimtrack.models import Claim


@dataclass(slots=True)
class SpeakerSummary:
    name: str
    kind: str
    role: str | None = None
    aliases: list[str] = field(default_factory=list)
    claims: int = 0
    sources: list[str] = field(default_factory=list)

    @property
    def key(self) -> tuple[str, str]:
        return (self.name.lower(), self.kind)

    def absorb(self, other: SpeakerSummary) -> None:
        self.claims += other.claims
        self.role = self.role or other.role
        for alias in other.aliases:
            if alias != self.name and alias not in self.aliases:
                self.aliases.append(alias)
        for source in other.sources:
            if source not in self.sources:
                self.sources.append(source)


def summarize(claims: Iterable[Claim]) -> list[SpeakerSummary]:
    """One row per canonical name (and kind), most claims first; claims with no name at all
    (an unresolved, unnamed speaker) are not counted."""
    rows: dict[tuple[str, str], SpeakerSummary] = {}
    for claim in claims:
        speaker = claim.speaker
        name = speaker.name or speaker.mention
        if not name:
            continue
        one = SpeakerSummary(
            name=name,
            kind=speaker.kind,
            role=speaker.role,
            aliases=[a for a in (speaker.mention, *speaker.aliases) if a and a != name],
            claims=1,
            sources=[claim.source_path],
        )
        _add(rows, one)
    return _ordered(rows)


def merge(summaries: Iterable[SpeakerSummary]) -> list[SpeakerSummary]:
    rows: dict[tuple[str, str], SpeakerSummary] = {}
    for one in summaries:
        _add(rows, one)
    return _ordered(rows)


def _add(rows: dict[tuple[str, str], SpeakerSummary], one: SpeakerSummary) -> None:
    row = rows.get(one.key)
    if row is None:
        rows[one.key] = SpeakerSummary(one.name, one.kind, one.role, [], 0, [])
        row = rows[one.key]
    row.absorb(one)


def _ordered(rows: dict[tuple[str, str], SpeakerSummary]) -> list[SpeakerSummary]:
    return sorted(rows.values(), key=lambda r: (-r.claims, r.name.lower()))
