"""The attributions the full pipeline finds, for the speaker tests."""

from __future__ import annotations

from claimtrack.nlp.annotations import ATTRIBUTIONS


def attributions(doc):
    """(content text, speaker name or None, cue text or None) of every attribution."""
    out = []
    for span in doc.spans[ATTRIBUTIONS]:
        a = span._.claimtrack_attribution
        out.append(
            (span.text, a.speaker.name if a.speaker else None, a.cue.text if a.cue else None)
        )
    return out


def speaker_of(doc, part):
    names = [name for text, name, _ in attributions(doc) if part in text]
    assert names, f"no attribution with {part!r}: {attributions(doc)}"
    return names[0]
