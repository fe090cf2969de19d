"""Signed quotations: a quotation followed on its line by a dash and the signer's name.

Readers' comments, epigraphs and collected reactions sign a quotation after it, the way a
letter is signed: '"We need better schools." ― Ann Lee' or '"..." — @annlee'. The signer is
the speaker; nothing else on the line is. A name is a run of capitalised words (with initials
and a trailing description after a comma: "― Ann Lee, Ohio") or a handle.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

_SIGNATURE = re.compile(
    r"[ \t]*(?:―|—|–|--|-)[ \t]*"
    r"(?P<name>@\w+|[A-Z][\w.'’-]*(?:[ \t]+(?:[A-Z][\w.'’-]*|de|van|von|da|del|bin)){0,4})"
    r"[ \t]*(?:,[^\n]{0,80})?\.?[ \t]*(?:\n|$)"
)


def signer(doc: Doc, quote: Span, text: str) -> tuple[Span, Span] | None:
    """The name signing a quotation and the dash before it, or None when the line goes on
    with anything but a signature."""
    end = quote.end_char
    match = _SIGNATURE.match(text, end)
    if match is None:
        return None
    name = doc.char_span(match.start("name"), match.end("name"), alignment_mode="expand")
    dash = doc.char_span(end, match.start("name"), alignment_mode="expand")
    if name is None or dash is None or not len(name):
        return None
    dash = _strip(dash)
    if dash is None:
        return None
    return name, dash


def _strip(span: Span) -> Span | None:
    tokens = [t for t in span if not t.is_space]
    if not tokens:
        return None
    return span.doc[tokens[0].i : tokens[-1].i + 1]
