"""Where a quotation's words belong: the pieces of a quotation a cue interrupts, and the
quotations a cue after them cannot claim.

- '"The farmers are angry," Hale said last week, "and they will not forget."': the cue sits
  between two pieces of one quotation; both pieces are one content, the speaker's one statement.
- '"We will fix them." Jones recalled his work.': a quotation that ends with a full stop ends its
  sentence, so a cue in the next sentence is not its cue (a trailing cue follows a comma, or a
  question or exclamation mark: '"Why now?" she asked').
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, TypeVar

from spacy.tokens import Span

# Marks that end a sentence inside a quotation, and the ellipses that do not.
_FULL_STOP = "."
_ELLIPSES = ("...", "…", ". . .")


class Piece(Protocol):
    content: Span
    cue: Span | None
    quote: str


P = TypeVar("P", bound=Piece)


def ends_sentence(quote: Span) -> bool:
    """Whether a quotation closes on a full stop ('"We will fix them."'), so that the words
    after it start a new sentence rather than name its speaker."""
    words = quote.text.rstrip().rstrip("\"'”’»").rstrip()
    return words.endswith(_FULL_STOP) and not words.endswith(_ELLIPSES)


def join_interrupted(found: Sequence[P]) -> list[P]:
    """Join two contents of one cue that sit on either side of it, when both are quoted and
    nothing but the cue's clause lies between them ('"A," X said, "B."' is one statement)."""
    out: list[P] = []
    for item in found:
        before = _piece_before(out, item)
        if before is None:
            out.append(item)
            continue
        doc = item.content.doc
        before.content = doc[before.content.start : item.content.end]
        before.quote = "direct" if item.quote == before.quote == "direct" else "mixed"
    return out


def _piece_before(out: list[P], item: P) -> P | None:
    if item.cue is None:
        return None
    for previous in reversed(out[-3:]):
        cue = previous.cue
        if cue is None or (cue.start, cue.end) != (item.cue.start, item.cue.end):
            continue
        if not previous.content.end <= cue.start < cue.end <= item.content.start:
            continue
        if not (previous.content[-1].is_quote and item.content[0].is_quote):
            continue
        if not _cut_at_comma(previous.content):
            continue
        if _only_cue_clause(previous.content.doc[previous.content.end : item.content.start]):
            return previous
    return None


def _cut_at_comma(piece: Span) -> bool:
    """Whether a quotation stops at a comma inside its closing mark ('"Rumor is," he said'), as
    one does where a cue interrupts it."""
    return piece.text.rstrip().rstrip("\"'”’»").rstrip().endswith(",")


def _only_cue_clause(between: Span) -> bool:
    """No sentence end, line break or other quotation between the two pieces."""
    return not any("\n" in t.text or t.is_quote or t.text in (".", "!", "?") for t in between)
