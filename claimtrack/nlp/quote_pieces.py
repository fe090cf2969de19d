"""Where a quotation's words belong: the pieces of a quotation a cue interrupts, and the
quotations a cue after them cannot claim.

- '"The farmers are angry," Hale said last week, "and they will not forget."': the cue sits
  between two pieces of one quotation; both pieces are one content, the speaker's one statement.
- '"We will fix them." Jones recalled his work.': a quotation that ends with a full stop ends its
  sentence, so a cue in the next sentence is not its cue (a trailing cue follows a comma, or a
  question or exclamation mark: '"Why now?" she asked').
- 'She faulted the plan - "It costs too much," she said - and left.' / '..., but with a warning:
  "The count is not over," the official said.': a quotation that a dash or a colon opens, right
  before its cue clause, is that cue's whole content; the words before the mark are narration.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, TypeVar

from spacy.tokens import Span

# Marks that open a quotation set off from the narration before it.
_OPENERS = {":", "-", "--", "—", "–"}
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
    words = _inside_marks(quote)
    return words.endswith(_FULL_STOP) and not words.endswith(_ELLIPSES)


def set_off_quote(content: Span, clause_start: int, quote: Span | None) -> Span:
    """The quotation alone, when a content before its cue clause ends with a quotation that a
    colon or a dash sets off from the narration before it."""
    if quote is None or content.end > clause_start or quote.start <= content.start:
        return content
    if quote.end != content.end or content.doc[quote.start - 1].text not in _OPENERS:
        return content
    return quote


def without_narration(found: Sequence[P]) -> list[P]:
    """Drop a cue's unquoted content when a quotation of the same cue lies between it and the
    cue: that quotation is what was said, the words before it narration."""
    quoted = [
        (f.cue.start, f.content.start)
        for f in found
        if f.cue is not None and f.quote == "direct" and f.content.end <= f.cue.start
    ]
    return [
        f
        for f in found
        if f.cue is None
        or f.quote == "direct"
        or not any(cue == f.cue.start and f.content.end <= start for cue, start in quoted)
    ]


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
    return _inside_marks(piece).endswith(",")


def _inside_marks(quote: Span) -> str:
    """A quotation's text without its closing marks ('"Rumor is,"' -> '"Rumor is,')."""
    return quote.text.rstrip().rstrip("\"'”’»").rstrip()


def _only_cue_clause(between: Span) -> bool:
    """No sentence end, line break or other quotation between the two pieces."""
    return not any("\n" in t.text or t.is_quote or t.text in (".", "!", "?") for t in between)
