"""Figures (placeholder, to be written)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from claimtrack.nlp.ext import FIGURES


@Language.factory("claimtrack_figures", assigns=["doc.spans"])
def make_figures(nlp: Language, name: str) -> FigureFinder:
    return FigureFinder()


class FigureFinder:
    def __call__(self, doc: Doc) -> Doc:
        doc.spans[FIGURES] = []
        return doc
