"""Figures that measure rather than count: what they are of is no group.

A duration counts time ("90 minutes of talks" is how long the talks took, not a number of
talks; "the debates are 90 minutes" is how long each is; "a five-day strike", the length
written as the noun's modifier, keeps the event). A share that modifies the noun after
it in the singular ("a 10 percent drop", "a 3.8 percent surtax", "the 15 percent threshold")
names the measure, and so does the subject a copula gives a share to ("the jobless rate is 33
percent", "the turnout was 60 percent"): the share is of some other whole, which that noun does
not name. Ages are durations that count their people ("voters under 30"), and are no durations
here.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from claimtrack.nlp.annotations import FigureInfo

# How a number or "percent" attaches to the noun it modifies ("a 10 percent drop").
_MODIFIER_DEPS = frozenset({"nummod", "quantmod", "compound", "amod", "nmod", "npadvmod"})
_GROUP_PREPS = frozenset({"of", "among"})
SHARE_UNITS = frozenset({"percent", "percentage_point"})


def is_share(info: FigureInfo) -> bool:
    """A percent or a number of percentage points (not a fraction, which is "of" its group)."""
    return (info.unit or "") in SHARE_UNITS


def modifies(span: Span, noun: Token | None) -> bool:
    """Whether the figure's words modify `noun`, a singular written after them ("a 10 percent
    drop"; "40 percent Latino residents" still says of whom)."""
    if noun is None or noun.i < span.end or noun.tag_ in ("NNS", "NNPS"):
        return False
    if any(c.dep_ == "prep" and c.lower_ in _GROUP_PREPS for c in noun.rights):
        return False  # "40 percent support of the rural vote": the group is named after it
    return any(t.head.i == noun.i and t.dep_ in _MODIFIER_DEPS for t in span)


def counts_nothing(span: Span, info: FigureInfo, noun: Token | None, *, duration: bool) -> bool:
    """Whether the figure measures and so has no `counted`: a duration that is no age, or a
    share that is the size of the noun it modifies."""
    if duration:
        # "a five-day strike" keeps the event it is the length of, as a modifier
        return noun is None or not any(t.head.i == noun.i for t in span)
    return is_share(info) and modifies(span, noun)
