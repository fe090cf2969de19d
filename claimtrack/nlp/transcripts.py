"""Speakers that the layout names rather than a cue verb.

- A transcript labels each turn with the speaker's name in capitals and a colon at the start
  of the paragraph ("SMITH: We will win."). An article that quotes an interview this way has
  several such turns by at least two speakers; one capitalised label ("UPDATE: ...") is a
  heading, not a turn. The turn's text is the speaker's.
- A sentence that ends its paragraph with a colon introduces what follows ("The mayor made
  the following comment:" and the quotation in the next paragraph): its subject is the
  speaker of a quotation that opens the next paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

_TURN = re.compile(
    r"^[ \t]*(?P<label>[A-Z][A-Z'’.-]+(?:[ \t]+[A-Z][A-Z'’.-]+){0,2}):[ \t]+(?P<text>\S[^\n]*)$",
    re.MULTILINE,
)
MIN_TURNS = 2


def transcript_turns(doc: Doc, text: str) -> Iterator[tuple[Span, Span, Span]]:
    """(label, colon, turn text) of each labelled turn, when the article is a dialogue."""
    matches = list(_TURN.finditer(text))
    labels = {m.group("label") for m in matches}
    if len(matches) < MIN_TURNS or len(labels) < 2:
        return
    for match in matches:
        label = doc.char_span(match.start("label"), match.end("label"), alignment_mode="expand")
        colon = doc.char_span(match.end("label"), match.end("label") + 1)
        turn = doc.char_span(match.start("text"), match.end("text"), alignment_mode="expand")
        if label is not None and colon is not None and turn is not None and len(turn) > 1:
            yield label, colon, turn


def introducer(doc: Doc, quote: Span) -> tuple[Span, Token] | None:
    """The subject and verb of a sentence that ends the paragraph before a quotation with a
    colon ("Mayor Dan Ortiz made the following comment:"), or None."""
    j = quote.start - 1
    while j >= 0 and doc[j].is_space:
        j -= 1
    if j < 1 or doc[j].text != ":" or "\n" not in doc[j : quote.start].text_with_ws:
        return None
    start = j
    while start > 0 and "\n" not in doc[start - 1].text_with_ws:
        start -= 1
    # The parser may join the line to the quotation: the line's own main verb is the one
    # whose head lies outside the line.
    for verb in doc[start:j]:
        if verb.pos_ not in ("VERB", "AUX") or (start <= verb.head.i < j and verb.head.i != verb.i):
            continue
        if not _ends_at_colon(verb, j):
            return None
        for child in verb.children:
            if child.dep_ == "nsubj" and start <= child.i < verb.i:
                return doc[child.left_edge.i : child.right_edge.i + 1], verb
        return None
    return None


def _ends_at_colon(verb: Token, colon: int) -> bool:
    """Whether the colon comes right after the verb or its object ("said:", "issued this
    statement:", "told reporters:"), not after some other phrase ("pointed to how the site
    rated a claim on June 11:", where the colon introduces the claim, not the subject's
    words)."""
    last = colon - 1
    if last == verb.i:
        return True
    return any(
        c.dep_ in ("dobj", "dative") and c.i < colon <= c.right_edge.i + 1 for c in verb.rights
    )
