"""The figures the full pipeline finds in a text, for the figure tests."""

from __future__ import annotations

from claimtrack.nlp.annotations import FIGURES


def figures(parse, text: str) -> list[tuple[str, object]]:
    """(span text, FigureInfo) for each figure of `text`, in order."""
    doc = parse(text)
    return [(span.text, span._.claimtrack_figure) for span in doc.spans[FIGURES]]


def only(parse, text: str, number: str):
    """The FigureInfo of the one figure whose words hold `number` (fails if not exactly one)."""
    found = [info for words, info in figures(parse, text) if number in words]
    assert len(found) == 1, figures(parse, text)
    return found[0]
