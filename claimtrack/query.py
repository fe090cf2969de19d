"""Questions asked of the store: which claims match filters, who speaks, what a claim's context is.

Pure functions over models; no spaCy, no rich.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from claimtrack.errors import UnknownSource
from claimtrack.models import Claim
from claimtrack.store import Store
from claimtrack.summary import SourceInfo


@dataclass(slots=True)
class ClaimFilter:
    speaker: str | None = None
    sources: list[str] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    unflagged: bool = False
    unit: str | None = None
    minimum: float | None = None
    maximum: float | None = None
    contains: str | None = None
    quote: str | None = None
    since: str | None = None
    """ISO date or its prefix ("2022", "2022-05"): claims of sources dated then or later."""
    until: str | None = None
    """ISO date or its prefix: claims of sources dated then or earlier ("2022-05" is May)."""
    outlets: list[str] = field(default_factory=list)

    @property
    def narrows_sources(self) -> bool:
        return bool(self.sources or self.outlets)

    def matches(self, claim: Claim, source_ids: set[str] | None = None) -> bool:
        if self.speaker and not speaker_matches(claim, self.speaker):
            return False
        if source_ids is not None and claim.source_id not in source_ids:
            return False
        if not date_within(claim.date, self.since, self.until):
            return False
        kinds = {f.kind for f in claim.flags}
        if self.flags and not kinds.intersection(self.flags):
            return False
        if self.unflagged and kinds:
            return False
        if self.quote and claim.quote != self.quote:
            return False
        if self.contains and self.contains.lower() not in claim.text.lower():
            return False
        return not self._filters_figures or any(self._figure_matches(f) for f in claim.quantities)

    @property
    def _filters_figures(self) -> bool:
        return self.unit is not None or self.minimum is not None or self.maximum is not None

    def _figure_matches(self, figure) -> bool:  # type: ignore[no-untyped-def]
        if self.unit is not None:
            wanted = self.unit.lower()
            if wanted not in {(figure.unit or "").lower(), (figure.currency or "").lower()}:
                return False
        if self.minimum is not None and (figure.value is None or figure.value < self.minimum):
            return False
        return not (
            self.maximum is not None and (figure.value is None or figure.value > self.maximum)
        )


def speaker_matches(claim: Claim, wanted: str) -> bool:
    """Case-insensitive, on whole words: `wanted` occurs in the canonical name, an alias or the
    mention ("finkelstein" finds "Claire Finkelstein"; "he" does not find "she")."""
    pattern = re.compile(r"(?<!\w)" + re.escape(wanted.strip()) + r"(?!\w)", re.IGNORECASE)
    speaker = claim.speaker
    names = [speaker.name, speaker.mention, *speaker.aliases]
    return any(pattern.search(n) for n in names if n)


def date_within(value: str | None, since: str | None, until: str | None) -> bool:
    """Whether an ISO date is in [since, until], each bound an ISO date or a prefix of one
    ("2022-05" as `until` takes all of May). A claim with no date is outside any bound."""
    if since is None and until is None:
        return True
    if not value:
        return False
    if since is not None and value[: len(since)] < since:
        return False
    return not (until is not None and value[: len(until)] > until)


def source_ids(store: Store, keys: Iterable[str], *, skip_bad: bool = False) -> set[str]:
    """The ids of the sources named by id, id prefix, path or file name."""
    return {s.id for key in keys for s in store.sources_matching(key, skip_bad=skip_bad)}


def outlet_matches(info: SourceInfo, wanted: str) -> bool:
    """An outlet by its name or its domain, case-insensitive ("The Daily", "daily.example")."""
    wanted = wanted.strip().lower().removeprefix("www.")
    names = {(info.outlet or "").lower()}
    if info.url:
        names.add((urlsplit(info.url).hostname or "").lower().removeprefix("www."))
    return wanted in names


def outlet_source_ids(store: Store, outlets: Iterable[str], *, skip_bad: bool = False) -> set[str]:
    """The ids of the sources of these outlets; UnknownSource when one has none (a typo)."""
    known = store.sources(skip_bad=skip_bad)
    ids: set[str] = set()
    for outlet in outlets:
        found = {s.id for s in known if outlet_matches(s, outlet)}
        if not found:
            names = sorted({s.outlet for s in known if s.outlet})
            hint = f"; outlets: {', '.join(names[:10])}" if names else "; no source has one"
            raise UnknownSource(f"no source from the outlet {outlet!r} in {store.root}{hint}")
        ids |= found
    return ids


def selected_source_ids(
    store: Store, where: ClaimFilter, *, skip_bad: bool = False
) -> set[str] | None:
    """The sources `where` names by --source and --outlet (both must hold), None for all."""
    ids: set[str] | None = None
    if where.sources:
        ids = source_ids(store, where.sources, skip_bad=skip_bad)
    if where.outlets:
        from_outlets = outlet_source_ids(store, where.outlets, skip_bad=skip_bad)
        ids = from_outlets if ids is None else ids & from_outlets
    return ids


def find_claims(store: Store, where: ClaimFilter, *, skip_bad: bool = False) -> Iterator[Claim]:
    """The claims `where` keeps, in source and text order. The sources it names are looked up
    now, so an unknown one raises here rather than halfway through the output."""
    ids = selected_source_ids(store, where, skip_bad=skip_bad)
    return _matching(store, where, ids, skip_bad)


def _matching(
    store: Store, where: ClaimFilter, ids: set[str] | None, skip_bad: bool
) -> Iterator[Claim]:
    candidates = store.claims_where(speaker=where.speaker, source_ids=ids, skip_bad=skip_bad)
    for claim in candidates:
        if where.matches(claim, ids):
            yield claim


def context_bounds(text: str, start: int, end: int, *, reach: int = 400) -> tuple[int, int]:
    """The paragraph around [start, end) (news paragraphs are a sentence or three), cut to at
    most `reach` characters on either side."""
    left = text.rfind("\n", 0, start) + 1
    right = text.find("\n", end)
    right = len(text) if right == -1 else right
    return max(left, start - reach), min(right, end + reach)
