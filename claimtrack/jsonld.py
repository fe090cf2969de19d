"""Claims in schema.org terms: JSON-LD `Claim` objects a fact-checking team can turn into
`ClaimReview`s once it adds a verdict.

Each claim is a https://schema.org/Claim with its `text`, its `author` (the speaker, a
https://schema.org/Person or https://schema.org/Organization), its `appearance` (the article, a
https://schema.org/NewsArticle with url, headline, datePublished and publisher), its figures as
`mentions` of https://schema.org/QuantitativeValue (value, minValue, maxValue, unitText), and the
reporters' caveats as `keywords`. Only properties schema.org defines on these types are used
(tests/test_jsonld.py checks them against the vocabulary).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

from claimtrack.models import Claim, Figure
from claimtrack.summary import SourceInfo

CONTEXT = "https://schema.org"


def claim_object(claim: Claim, source: SourceInfo | None = None) -> dict[str, Any]:
    """One claim as a schema.org Claim (without @context)."""
    out: dict[str, Any] = {"@type": "Claim", "identifier": claim.id, "text": claim.text}
    author = _speaker(claim)
    if author is not None:
        out["author"] = author
    out["appearance"] = _article(claim, source)
    if claim.quantities:
        out["mentions"] = [_figure(f) for f in claim.quantities]
    if claim.flags:
        out["keywords"] = sorted({f.kind for f in claim.flags})
    return out


def _speaker(claim: Claim) -> dict[str, Any] | None:
    speaker = claim.speaker
    name = speaker.name or speaker.mention
    if not name:
        return None
    if speaker.kind == "organization":
        return {"@type": "Organization", "name": name}
    person: dict[str, Any] = {"@type": "Person", "name": name}
    if speaker.role:
        person["jobTitle"] = speaker.role
    if speaker.kind in ("anonymous", "unknown"):
        person["description"] = f"{speaker.kind} speaker, as the article names them"
    return person


def _article(claim: Claim, source: SourceInfo | None) -> dict[str, Any]:
    article: dict[str, Any] = {"@type": "NewsArticle", "identifier": claim.source_path}
    url = source.url if source is not None else None
    if url or "://" in claim.source_path:
        article["url"] = url or claim.source_path
    if source is not None and source.title:
        article["headline"] = source.title
    date = claim.date or (source.date if source is not None else None)
    if date:
        article["datePublished"] = date
    if source is not None and source.outlet:
        article["publisher"] = {"@type": "Organization", "name": source.outlet}
    if source is not None and source.authors:
        article["author"] = [{"@type": "Person", "name": a} for a in source.authors]
    return article


def _figure(figure: Figure) -> dict[str, Any]:
    out: dict[str, Any] = {"@type": "QuantitativeValue", "name": figure.text}
    if figure.value is not None:
        out["value"] = figure.value
    if figure.low is not None:
        out["minValue"] = figure.low
    if figure.high is not None:
        out["maxValue"] = figure.high
    unit = figure.currency or figure.unit
    if unit:
        out["unitText"] = unit
    if figure.counted:
        out["description"] = figure.counted
    return out


def to_jsonld(claims: Iterable[Claim], sources: Iterable[SourceInfo] = ()) -> dict[str, Any]:
    """A JSON-LD document of these claims: {"@context": "https://schema.org", "@graph": [...]}."""
    by_id = {s.id: s for s in sources}
    return {
        "@context": CONTEXT,
        "@graph": [claim_object(c, by_id.get(c.source_id)) for c in claims],
    }


def write_jsonld(claims: Iterable[Claim], sources: Iterable[SourceInfo], out: TextIO) -> int:
    """`to_jsonld`, streamed to `out` one claim at a time; returns how many were written."""
    by_id = {s.id: s for s in sources}
    out.write('{"@context": "https://schema.org", "@graph": [')
    count = 0
    for count, claim in enumerate(claims, 1):
        item = json.dumps(claim_object(claim, by_id.get(claim.source_id)), ensure_ascii=False)
        out.write(("\n" if count == 1 else ",\n") + item)
    out.write("\n]}\n")
    return count
