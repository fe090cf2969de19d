"""Quotations found on the text, paragraph by paragraph, before the parse is consulted (the
parser splits multi-sentence quotes, and the quote marks say where the words start and end).

A quotation mark left open at the end of a paragraph closes there (the newspaper convention for
quotes running over several paragraphs); a closing mark with no opening is ignored. Web text
mixes curly and straight marks ('“We will win," he said'): a straight mark at a word's end closes
a curly quotation, a curly closing mark a straight one. So an unbalanced mark costs at most one
paragraph's quote, never the article.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from claimtrack.nlp.annotations import doc_text

OPENING = {"“": "”", "«": "»", "„": "“"}


CLOSING = {"”", "»"}


TOGGLES = {'"', "''", "``"}


# Every mark, the two-character ones first (as a reader takes "''" for one mark, not two).
_MARK = re.compile("|".join(re.escape(m) for m in ["''", "``", *CLOSING, *OPENING, '"']))


def find_quotes(doc: Doc, text: str | None = None) -> list[Span]:
    """The quotations of a Doc, marks included, paragraph by paragraph (see the module doc).
    `text` is `doc.text` when the caller has it already (spaCy builds it token by token)."""
    if text is None:
        text = doc_text(doc)
    out: list[Span] = []
    pos = 0
    for paragraph in text.split("\n"):
        start = pos
        pos += len(paragraph) + 1
        opened: int | None = None
        closer = ""
        # Only the marks matter: the scan jumps from one to the next.
        for match in _MARK.finditer(paragraph):
            i = match.start()
            mark = match.group()
            width = len(mark)
            if opened is None:
                if mark in OPENING or (mark in TOGGLES and _opens(paragraph, i, width)):
                    opened = i
                    closer = OPENING.get(mark, mark if mark != "``" else "''")
            elif (
                mark == closer
                or (mark in CLOSING and (closer in CLOSING or closer in TOGGLES))
                or (mark in TOGGLES and closer in TOGGLES)
                or (mark in TOGGLES and closer in CLOSING and _closes(paragraph, i))
            ):
                span = doc.char_span(start + opened, start + i + width, alignment_mode="expand")
                if span is not None and len(span):
                    out.append(span)
                opened = None
        if opened is not None:
            end = start + len(paragraph.rstrip())
            span = doc.char_span(start + opened, end, alignment_mode="expand")
            if span is not None and len(span) > 1:
                out.append(span)
    return _non_overlapping(out)


def in_quote(token: Token, quotes: list[Span]) -> bool:
    """Whether a token is inside one of the quotations."""
    return any(q.start <= token.i < q.end for q in quotes)


def _opens(paragraph: str, i: int, width: int) -> bool:
    """A straight quote opens when what follows is not a space (or the paragraph's end)."""
    after = paragraph[i + width : i + width + 1]
    return bool(after) and not after.isspace()


def _closes(paragraph: str, i: int) -> bool:
    """A straight quote closes a curly one when it ends a word (web text mixes the two styles:
    '“We will win," he said'); one after a space opens a quotation nested in it."""
    return i > 0 and not paragraph[i - 1].isspace()


def _non_overlapping(spans: list[Span]) -> list[Span]:
    out: list[Span] = []
    last_end = -1
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if span.start >= last_end:
            out.append(span)
            last_end = span.end
    return out
