"""Verifiability flags (placeholder, to be written)."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.language import Language
from spacy.tokens import Doc, Span

from claimtrack.nlp.ext import FLAGS


@Language.factory("claimtrack_flags", assigns=["doc.spans"])
def make_flags(nlp: Language, name: str) -> FlagFinder:
    return FlagFinder()


class FlagFinder:
    def __call__(self, doc: Doc) -> Doc:
        doc.spans[FLAGS] = []
        return doc


def attach_flags(doc: Doc, claims: Sequence[Span]) -> None:
    """Append to each claim's `span._.claimtrack_flags` the flag spans that qualify it."""
    for claim in claims:
        claim._.claimtrack_flags = [
            f for f in doc.spans.get(FLAGS, []) if f.sent.start == claim.sent.start
        ]
