"""Questions asked of the store: which claims match filters, who speaks, what a claim's context is.

Pure functions over models; no spaCy, no rich.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from claimtrack.models import Claim
from claimtrack.store import Store


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

    def matches(self, claim: Claim, source_ids: set[str] | None = None) -> bool:
        if self.speaker and not speaker_matches(claim, self.speaker):
            return False
        if source_ids is not None and claim.source_id not in source_ids:
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


def source_ids(store: Store, keys: Iterable[str], *, skip_bad: bool = False) -> set[str]:
    """The ids of the sources named by id, id prefix or path."""
    return {store.source(key, skip_bad=skip_bad).id for key in keys}


def find_claims(store: Store, where: ClaimFilter, *, skip_bad: bool = False) -> Iterator[Claim]:
    ids = source_ids(store, where.sources, skip_bad=skip_bad) if where.sources else None
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
