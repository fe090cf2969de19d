"""Page furniture: lines of a web page that are not the article (placeholder, to be written)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from claimtrack.nlp.ext import FURNITURE


@Language.factory("claimtrack_furniture", assigns=["doc.spans"])
def make_furniture(nlp: Language, name: str) -> FurnitureFinder:
    return FurnitureFinder()


class FurnitureFinder:
    def __call__(self, doc: Doc) -> Doc:
        doc.spans[FURNITURE] = []
        return doc
