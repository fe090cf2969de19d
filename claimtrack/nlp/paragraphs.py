"""Line breaks as sentence boundaries, set before the parser.

News text puts one paragraph (or a headline, a dateline, a caption) on each line, yet the parser
sometimes joins a paragraph to the next one: "... he said.\n\n'These ...'" comes out as one
sentence whose root is in the second paragraph, and the cue of the first then takes the quotation
of the second as its content. The parser keeps boundaries that are set before it runs, so this
component marks the first word after a line break as a sentence start.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.factory("claimtrack_paragraphs", assigns=["token.is_sent_start"])
def make_paragraphs(nlp: Language, name: str) -> ParagraphBreaks:
    return ParagraphBreaks()


class ParagraphBreaks:
    def __call__(self, doc: Doc) -> Doc:
        after_break = False
        for token in doc:
            if token.is_space:
                after_break = after_break or "\n" in token.text
                continue
            if after_break and token.i > 0:
                token.is_sent_start = True
            after_break = "\n" in token.whitespace_
        return doc
