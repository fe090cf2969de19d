"""The claim ledger's data model: the boundary between the pipeline, the store and the CLI.

The field names of `Claim`, `Speaker`, `Cue`, `Figure` and `Flag` are a public contract (the claim
JSON in README.md): fields may be added, never renamed. The store validates every document it
reads against these models, so they are strict and forbid unknown fields.

Schema 2 added `SourceDocument.url` and `.outlet` and `Claim.date` (the source's date). Every
new field has a default, so a schema-1 document still reads as it is; its claims take their
source's date on reading, and its url and outlet stay empty until it is extracted again.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

SCHEMA_VERSION = 2

SpeakerKind = Literal["person", "organization", "anonymous", "author", "unknown"]
QuoteKind = Literal["direct", "indirect", "mixed", "none"]
Qualifier = Literal[
    "exact", "approx", "at_least", "more_than", "at_most", "less_than", "up_to", "range", "vague"
]
FlagKind = Literal[
    "unverified",
    "unclear",
    "undisclosed",
    "no_response",
    "anonymous_source",
    "hedged",
    "disputed",
    "confirmed",
]
FLAG_KINDS: tuple[str, ...] = FlagKind.__args__  # type: ignore[attr-defined]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=False)


class Speaker(_Model):
    name: str | None = None
    """The canonical name: "Claire Finkelstein" for a "she" that refers to her."""
    mention: str | None = None
    """The words the text used at this claim."""
    start: int | None = None
    end: int | None = None
    kind: SpeakerKind = "unknown"
    role: str | None = None
    aliases: list[str] = Field(default_factory=list)
    """Other ways the article names the same speaker (surname, title, pronoun)."""


class Cue(_Model):
    text: str
    start: int
    end: int


class Figure(_Model):
    """One figure of a claim: the number as stated and the interval it commits to."""

    text: str
    start: int
    end: int
    value: float | None
    low: float | None
    high: float | None
    low_inclusive: bool = True
    high_inclusive: bool = True
    qualifier: Qualifier = "exact"
    unit: str | None = None
    currency: str | None = None
    counted: str | None = None
    predicate: str | None = None
    place: str | None = None
    period: str | None = None
    scope: str | None = None
    """Who or what the figure is about when that differs from `counted` ("soldiers")."""
    holder: str | None = None
    """Whose figure: the person, organisation or place named as having it ("Jane Roe" for
    "Roe's fortune", "his net worth", "Roe has 120 delegates")."""


class Flag(_Model):
    kind: FlagKind
    text: str
    start: int
    end: int


class Claim(_Model):
    id: str
    source_id: str
    source_path: str
    text: str
    start: int
    end: int
    speaker: Speaker
    cue: Cue | None = None
    quote: QuoteKind = "none"
    quantities: list[Figure] = Field(default_factory=list)
    flags: list[Flag] = Field(default_factory=list)
    date: str | None = None
    """The source's date (ISO 8601), so a claim read alone still says when it was made."""


class SourceDocument(_Model):
    """One stored article: metadata, the text as read, and its claims."""

    schema_version: int = SCHEMA_VERSION
    id: str
    path: str
    title: str | None = None
    authors: list[str] = Field(default_factory=list)
    date: str | None = None
    url: str | None = None
    """Where the article was fetched from, or the URL its row or page gave."""
    outlet: str | None = None
    """Who published it: the site's name as the page gives it, else the URL's domain."""
    sha256: str
    model: str
    claimtrack_version: str
    extracted_at: str
    text: str
    claims: list[Claim] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)
    """Things the extraction wants a reader to know (e.g. the text was split to fit the model)."""

    @model_validator(mode="after")
    def _claims_carry_the_date(self) -> SourceDocument:
        for claim in self.claims:
            if claim.date is None:
                claim.date = self.date
        return self
