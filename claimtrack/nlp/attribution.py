"""Attribution (placeholder, to be written)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from claimtrack.nlp.ext import ATTRIBUTIONS


@Language.factory("claimtrack_attribution", assigns=["doc.spans"])
def make_attribution(nlp: Language, name: str) -> AttributionFinder:
    return AttributionFinder()


class AttributionFinder:
    def __call__(self, doc: Doc) -> Doc:
        doc.spans[ATTRIBUTIONS] = []
        doc._.claimtrack_speakers = []
        return doc
