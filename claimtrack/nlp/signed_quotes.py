"""Signed quotations: a quotation followed on its line by a dash and the signer's name.

Readers' comments, epigraphs and collected reactions sign a quotation after it, the way a
letter is signed: '"We need better schools." ― Ann Lee' or '"..." — @annlee'. The signer is
the speaker; nothing else on the line is. A name is a run of capitalised words (with initials
and a trailing description after a comma: "― Ann Lee, Ohio") or a handle.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from spacy.tokens import Doc, Span

_SIGNATURE = re.compile(
    r"[^\S\n]*(?:―|—|–|--|-)[^\S\n]*"
    r"(?P<name>@\w+|[A-Z][\w.'’-]*(?:[^\S\n]+(?:[A-Z][\w.'’-]*|de|van|von|da|del|bin)){0,4})"
    r"[^\S\n]*(?:,[^\n]{0,80})?\.?[^\S\n]*(?:\n|$)"
)

# The same signature after a closing mark further along the line.
_SIGNED_AFTER_MARK = re.compile(r"(?<=[”\"’'])" + _SIGNATURE.pattern)


class Signature(NamedTuple):
    name: Span
    dash: Span
    words: Span


def signer(doc: Doc, quote: Span, text: str, *, whole_line: bool) -> Signature | None:
    """The signature of a quotation: its name, the dash before it and the signed words (the
    quotation, or with `whole_line` everything from it to a closing mark before the dash, for
    a line that a quotation opens and a quotation inside it closes too early: '"I'd rather
    live in what he calls "hell" than ..." ― Ann Lee'). None when the line goes on with
    anything but a signature."""
    end = quote.end_char
    match = _SIGNATURE.match(text, end)
    if match is None and whole_line:
        line_end = text.find("\n", end)
        line_end = len(text) if line_end < 0 else line_end
        match = _SIGNED_AFTER_MARK.search(text, end, line_end)
    if match is None:
        return None
    name = doc.char_span(match.start("name"), match.end("name"), alignment_mode="expand")
    dash = doc.char_span(match.start(), match.start("name"), alignment_mode="expand")
    words = doc.char_span(quote.start_char, match.start(), alignment_mode="expand")
    if name is None or dash is None or words is None or not len(name):
        return None
    dash = _strip(dash)
    if dash is None:
        return None
    return Signature(name, dash, words)


def _strip(span: Span) -> Span | None:
    tokens = [t for t in span if not t.is_space]
    if not tokens:
        return None
    return span.doc[tokens[0].i : tokens[-1].i + 1]
