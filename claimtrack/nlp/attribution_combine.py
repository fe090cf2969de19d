"""Combining the rules' attributions with the trained tagger's SOURCE / CUE / CONTENT spans.

The rules know which source goes with which content, what is quoted, and how a speaker is
named; the tagger, learned from annotated news, knows PolNeAR's long tail of cues and where a
content starts and ends. So:

- a rule attribution stays as the rules found it, boundaries included. Taking the tagger's
  boundaries for contents both found scored lower every way it was tried: with the shipped
  tagger on PolNeAR dev, content+source F1 0.639 -> 0.631 for indirect speech, 0.638 for the
  end only, 0.609 for the start only (exact content 0.508 there, against 0.503, but the
  content then runs over its speaker); with an earlier tagger on 100 train articles, exact
  content 0.504 -> 0.386 for every content. The tagger marks each piece of a quotation a cue
  interrupts, where the gold and the rules take the whole;
- a cue verb of the tagger's that the rules did not read (the long tail of cues the lexicon
  lacks) is read by the rules, as a reporting verb (`attribution._learned_cues`);
- a content only the tagger found (none of the rules' contents covers half of it) becomes an
  attribution when a cue of the tagger's stands next to it on its line and a speaker is found:
  the tagger's source at that cue, else the subject the parse gives the cue. It grows to the
  whole of any quotation it cuts into.

Which of the two runs is the attribution component's choice (`rules`, `model`), so each can be
measured alone.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, TypeVar

from spacy.tokens import Doc, Span, Token


class Found(Protocol):
    """What combining reads of an attribution (`claimtrack.nlp.attribution.AttributionMatch`)."""

    content: Span


F = TypeVar("F", bound=Found)

SAME_CONTENT = 0.5
# How far (in tokens) a cue may stand from the content it introduces, and a source from its cue.
CUE_REACH = 12
SOURCE_REACH = 8

SpeakerOf = Callable[[Token], "Span | None"]
QuoteKind = Callable[[Span], str]
# Builds an attribution from (content, mention, cue, quote kind).
Make = Callable[[Span, "Span | None", "Span | None", str], F]


def combine(
    doc: Doc,
    found: list[F],
    tagged: list[Span],
    *,
    make: Make[F],
    speaker_of: SpeakerOf,
    quote_kind: QuoteKind,
    rules: bool = True,
    grow: Callable[[Span], Span] = lambda span: span,
) -> list[F]:
    """The attributions of a Doc from the rules' `found` and the tagger's `tagged` spans.
    `grow` widens a content the tagger found (to the whole of the quotations it cuts into)."""
    contents = [s for s in tagged if s.label_ == "CONTENT"]
    sources = [s for s in tagged if s.label_ == "SOURCE"]
    cues = [s for s in tagged if s.label_ == "CUE"]
    out: list[F] = []
    claimed: set[int] = set()
    for f in found if rules else []:
        k = _best(f.content, contents)
        if k is not None:
            claimed.add(k)
        out.append(f)
    covered = [False] * len(doc)
    for f in out:
        for i in range(f.content.start, f.content.end):
            covered[i] = True
    for k, content in enumerate(contents):
        if k in claimed or sum(covered[content.start : content.end]) * 2 > len(content):
            continue
        if len(content) < 2:
            continue
        cue = _nearest(content, cues, CUE_REACH)
        if cue is None:
            continue
        mention = _nearest(cue, [s for s in sources if not _overlap(s, content)], SOURCE_REACH)
        if mention is None and cue.root.pos_ in ("VERB", "AUX"):
            mention = speaker_of(cue.root)
            if mention is not None and _overlap(mention, content):
                mention = None
        if mention is None:
            # Without a speaker it cannot be a claim someone made (on PolNeAR dev, 27 of the
            # tagger's 139 additions had none).
            continue
        content = grow(content)
        out.append(make(content, mention, cue, quote_kind(content)))
    out.sort(key=lambda f: (f.content.start, f.content.end))
    return out


def _best(span: Span, candidates: list[Span]) -> int | None:
    best, best_dice = None, SAME_CONTENT
    for k, c in enumerate(candidates):
        if c.end <= span.start or c.start >= span.end:
            continue
        d = _dice(span, c)
        if d >= best_dice:
            best, best_dice = k, d
    return best


def _dice(a: Span, b: Span) -> float:
    inter = max(0, min(a.end, b.end) - max(a.start, b.start))
    return 2 * inter / (len(a) + len(b)) if len(a) + len(b) else 0.0


def _overlap(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def _nearest(anchor: Span, spans: list[Span], reach: int) -> Span | None:
    """The span closest to `anchor` within `reach` tokens, on the same line."""
    doc = anchor.doc
    best: Span | None = None
    best_gap = reach + 1
    for s in spans:
        if s.end <= anchor.start:
            gap, lo, hi = anchor.start - s.end, s.end, anchor.start
        elif s.start >= anchor.end:
            gap, lo, hi = s.start - anchor.end, anchor.end, s.start
        else:
            continue
        if gap < best_gap and "\n" not in doc[max(lo - 1, 0) : hi].text:
            best, best_gap = s, gap
    return best
