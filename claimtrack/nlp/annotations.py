"""What claimtrack's pipeline components write on a Doc, and read from each other.

Every component reads the parse and entities of the English pipeline and writes its results as
span groups plus prefixed extension attributes, registered here once:

- `doc.spans["claimtrack_furniture"]`: page furniture (bylines, "Read Next:" lines, photo
  captions, navigation crumbs, contact lines, repeated headlines). No claim starts inside one.
- `doc.spans["claimtrack_figures"]`: every figure; `span._.claimtrack_figure` is a `FigureInfo`.
- `doc.spans["claimtrack_flags"]`: every verifiability cue; `span._.claimtrack_flag` is a
  `FlagInfo`.
- `doc.spans["claimtrack_attributions"]`: the content span of every attributed statement;
  `span._.claimtrack_attribution` is an `Attribution` (cue, speaker, quote kind).
- `doc.spans["claimtrack_claims"]`: the final claims (attributed ones and the author's own
  statements that carry a figure or a flag), each with `span._.claimtrack_attribution`,
  `span._.claimtrack_figures` and `span._.claimtrack_flags` filled in by the assembler.
- `doc._.claimtrack_speakers`: the speakers of the article (`SpeakerInfo`, one per real entity).
- `doc._.claimtrack_authors`: the byline's names, set before the pipeline runs when known.

`claimtrack.nlp.claims.doc_to_claims` then turns the finished Doc into `Claim` models.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

from spacy.tokens import Doc, Span

FURNITURE = "claimtrack_furniture"
FIGURES = "claimtrack_figures"
FLAGS = "claimtrack_flags"
ATTRIBUTIONS = "claimtrack_attributions"
CLAIMS = "claimtrack_claims"


@dataclass(slots=True)
class FigureInfo:
    """A figure on its span: the reading of its words (`claimtrack.figparse.Figure`'s fields:
    value, interval, qualifier, unit, currency; `low`/`high` None means unbounded on that side),
    then its context as later stages find it. The same record becomes the stored
    `claimtrack.models.Figure`, with the span's text and offsets."""

    value: float | None
    low: float | None
    high: float | None
    qualifier: str = "exact"
    low_inclusive: bool = True
    high_inclusive: bool = True
    unit: str | None = None
    currency: str | None = None
    counted: str | None = None
    predicate: str | None = None
    place: str | None = None
    period: str | None = None
    scope: str | None = None
    holder: str | None = None

    @classmethod
    def from_reading(cls, reading: Any) -> FigureInfo:
        """The record of a figure as the reader read it (any object with the reading's fields:
        a `claimtrack.figparse.Figure`), its context still empty."""
        return cls(**{f.name: getattr(reading, f.name) for f in fields(reading)})

    def as_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


@dataclass(slots=True)
class FlagInfo:
    """A verifiability cue. `scope` says what it qualifies: "sentence" (the claims of its
    sentence), "article" (claims elsewhere on `topic`), "speaker" (every claim of `speaker`)."""

    kind: str
    scope: str = "sentence"
    topic: frozenset[str] = frozenset()
    speaker: SpeakerInfo | None = None
    # Added by the flags component: the topic's head lemmas with their related words (what an
    # article-scoped flag matches claims on); the words naming an anonymous source; whether the
    # caveat's object points back at the previous sentence ("The figure could not be verified").
    focus: frozenset[str] = frozenset()
    mention: Span | None = None
    anaphoric: bool = False
    # A follow-up caveat ("X did not respond to a request for comment", "The figure could not be
    # verified", "He denied the charges") is about a statement elsewhere: `refers_to` is the
    # sentence it refers back to, `party` the names of whom it is about. Its own sentence is
    # caveat machinery, not a claim.
    refers_to: Span | None = None
    party: frozenset[str] = frozenset()
    # A caveat in the sentence of its statement: the clause it scopes over ("[Clinton seemed
    # irritated]: ...", "there is [no evidence those links were activated]").
    statement: Span | None = None
    # Whether a speaker-scoped flag reaches every claim of its (unnamed) speaker: an explicit
    # anonymity statement does; "officials said" covers the claim it introduces.
    spreads: bool = True


@dataclass(slots=True, eq=False)
class SpeakerInfo:
    """One real speaker of the article; mentions resolve to it."""

    name: str | None
    kind: str = "unknown"  # person | organization | anonymous | author | unknown
    role: str | None = None
    aliases: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Attribution:
    speaker: SpeakerInfo | None
    mention: Span | None  # the words naming the speaker at this claim ("she", "the general")
    cue: Span | None
    quote: str = "none"  # direct | indirect | mixed | none


# Where `doc_text` keeps a Doc's text (in `doc.user_data`, which lives and dies with the Doc).
_TEXT_KEY = "claimtrack_text"


def doc_text(doc: Doc) -> str:
    """`doc.text`, built once per Doc: spaCy joins it token by token on every call (about
    0.3 ms for a news article), and the stages read it a dozen times. A Doc's text never
    changes (retokenizing keeps it), so the first join serves them all."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.text
        doc.user_data[_TEXT_KEY] = text
    return text


def register_extensions() -> None:
    """Register the extension attributes once per process (idempotent)."""
    for name in ("claimtrack_figure", "claimtrack_flag", "claimtrack_attribution"):
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)
    for name in ("claimtrack_figures", "claimtrack_flags"):
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)
    for name in ("claimtrack_speakers", "claimtrack_authors"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


register_extensions()
