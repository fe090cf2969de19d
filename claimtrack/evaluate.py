"""Scoring attribution against BRAT annotations in the PolNeAR layout.

A gold directory holds `text/<stem>.txt` beside `attributions/<stem>_<annotator>.ann`; the first
`.ann` of an article in sorted order is its gold (PolNeAR has several annotators for some
articles). An `E` line ties the Source, Cue and Content of one attribution together; a Source may
be missing (an unsourced statement).

Three families of figures, as issue #3 defines them:

- content: a predicted attributed claim matches a gold attribution when their content spans'
  token Dice coefficient is >= 0.5; the matching is one-to-one, greedy by Dice.
- content+source: a content match whose speaker mention overlaps the gold Source span. A gold
  attribution without a Source can never be matched here (there is nothing for the mention to
  overlap), so it stays in the denominator of recall: this is the strict reading of "the speaker
  mention overlaps the gold source".
- exact source / cue / content: a predicted span counts when a gold span of the same role has the
  same character extent (after trimming whitespace). A gold span in several pieces (`a b;c d`) is
  compared by its extent, from its first to its last character.

Tokens, for Dice, are the text's runs of word characters and its single punctuation
characters (the same for every pipeline, so scores compare across models); a multi-piece gold
span is the union of the tokens of its pieces. Claims of kind "author" are not attributions and
are left out.

This module does not import spaCy at import time: `evaluate` loads the pipeline when it runs.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claimtrack.errors import InputError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

DICE_THRESHOLD = 0.5

_TEXTBOUND = re.compile(r"^(T\d+)\t(\S+) ([\d ;]+)\t?")
_EVENT = re.compile(r"^(E\d+)\t(.*)$")

Pieces = tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class GoldAttribution:
    """One gold attribution: each role is the character pieces of its span, or None."""

    content: Pieces | None
    source: Pieces | None
    cue: Pieces | None


@dataclass(slots=True)
class GoldArticle:
    stem: str
    text: str
    attributions: list[GoldAttribution]


@dataclass(frozen=True, slots=True)
class Predicted:
    """What the scorer reads of one predicted attribution: character spans."""

    content: tuple[int, int]
    source: tuple[int, int] | None
    cue: tuple[int, int] | None


@dataclass(slots=True)
class Counts:
    tp: int = 0
    predicted: int = 0
    gold: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.predicted += other.predicted
        self.gold += other.gold

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "predicted": self.predicted,
            "gold": self.gold,
        }


METRICS = ("content", "content+source", "source (exact)", "cue (exact)", "content (exact)")


@dataclass(slots=True)
class EvalReport:
    articles: int = 0
    counts: dict[str, Counts] = field(default_factory=lambda: {m: Counts() for m in METRICS})

    def add(self, other: dict[str, Counts]) -> None:
        self.articles += 1
        for name, c in other.items():
            self.counts[name].add(c)

    def as_dict(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "metrics": {name: c.as_dict() for name, c in self.counts.items()},
        }


# --- reading the gold -------------------------------------------------------------------------


def _pieces(ranges: str) -> Pieces:
    out = []
    for piece in ranges.strip().split(";"):
        a, b = piece.split()
        out.append((int(a), int(b)))
    return tuple(out)


def read_ann(text: str) -> list[GoldAttribution]:
    """The attributions of one `.ann` file's text. Lines that are not text-bound spans or events
    (annotator notes, continuation lines of multi-line span texts) are skipped."""
    spans: dict[str, Pieces] = {}
    events: list[dict[str, str]] = []
    for line in text.splitlines():
        if m := _TEXTBOUND.match(line):
            try:
                spans[m.group(1)] = _pieces(m.group(3))
            except ValueError:
                continue
        elif m := _EVENT.match(line):
            roles = {}
            for arg in m.group(2).split():
                role, _, ref = arg.partition(":")
                if ref:
                    roles[role] = ref
            events.append(roles)
    out = []
    for roles in events:
        content = spans.get(roles.get("Content", ""))
        if content is None:
            continue
        out.append(
            GoldAttribution(
                content=content,
                source=spans.get(roles.get("Source", "")),
                cue=spans.get(roles.get("Cue", "")),
            )
        )
    return out


def read_gold(gold_dir: Path | str, *, limit: int | None = None) -> Iterator[GoldArticle]:
    """The articles of a PolNeAR-layout directory, in sorted order, each with its first `.ann`."""
    root = Path(gold_dir)
    text_dir, ann_dir = root / "text", root / "attributions"
    if not text_dir.is_dir() or not ann_dir.is_dir():
        raise InputError(f"{root}: not a gold directory (expected text/ and attributions/ in it)")
    anns: dict[str, Path] = {}
    for ann in sorted(ann_dir.glob("*.ann")):
        stem = ann.stem.rsplit("_", 1)[0]
        anns.setdefault(stem, ann)
    texts = [p for p in sorted(text_dir.glob("*.txt")) if p.stem in anns]
    if not texts:
        raise InputError(f"{root}: no article has both text/<stem>.txt and an attributions .ann")
    for path in texts[:limit] if limit is not None else texts:
        yield GoldArticle(
            stem=path.stem,
            text=path.read_text(encoding="utf-8"),
            attributions=read_ann(anns[path.stem].read_text(encoding="utf-8")),
        )


# --- reading the predictions ------------------------------------------------------------------


def predictions(doc: Doc) -> list[Predicted]:
    """The attributed claims of a finished Doc (author statements left out)."""
    from claimtrack.nlp.annotations import ATTRIBUTIONS, CLAIMS

    group = CLAIMS if CLAIMS in doc.spans else ATTRIBUTIONS
    out = []
    for span in doc.spans.get(group, []):
        attribution = span._.claimtrack_attribution
        if attribution is None:
            continue
        speaker = attribution.speaker
        if speaker is not None and speaker.kind == "author":
            continue
        mention, cue = attribution.mention, attribution.cue
        out.append(
            Predicted(
                content=(span.start_char, span.end_char),
                source=(mention.start_char, mention.end_char) if mention is not None else None,
                cue=(cue.start_char, cue.end_char) if cue is not None else None,
            )
        )
    return out


# --- scoring ----------------------------------------------------------------------------------


class _Tokens:
    """Maps character ranges to the indices of the non-space tokens they touch."""

    def __init__(self, starts: Sequence[int], ends: Sequence[int]) -> None:
        self.starts = list(starts)
        self.ends = list(ends)

    @classmethod
    def of_text(cls, text: str) -> _Tokens:
        spans = [(m.start(), m.end()) for m in re.finditer(r"\w+|[^\w\s]", text)]
        return cls([a for a, _ in spans], [b for _, b in spans])

    def ids(self, pieces: Iterable[tuple[int, int]]) -> frozenset[int]:
        out: set[int] = set()
        for a, b in pieces:
            lo = bisect.bisect_right(self.ends, a)
            hi = bisect.bisect_left(self.starts, b)
            out.update(range(lo, hi))
        return frozenset(out)


def _dice(a: frozenset[int], b: frozenset[int]) -> float:
    if not a or not b:
        return 0.0
    return 2 * len(a & b) / (len(a) + len(b))


def _overlaps(a: tuple[int, int], pieces: Pieces) -> bool:
    return any(a[0] < e and s < a[1] for s, e in pieces)


def _extent(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _exact(text: str, pred: list[tuple[int, int]], gold: list[Pieces]) -> Counts:
    gold_extents = {_extent(text, g[0][0], g[-1][1]) for g in gold}
    pred_extents = {_extent(text, a, b) for a, b in pred}
    return Counts(
        tp=len(pred_extents & gold_extents), predicted=len(pred_extents), gold=len(gold_extents)
    )


def score_article(
    text: str, gold: list[GoldAttribution], predicted: list[Predicted]
) -> dict[str, Counts]:
    """The counts of one article for every metric."""
    tokens = _Tokens.of_text(text)
    gold_ids = [tokens.ids(g.content or ()) for g in gold]
    pred_ids = [tokens.ids([p.content]) for p in predicted]
    pairs = []
    for i, p in enumerate(pred_ids):
        for j, g in enumerate(gold_ids):
            d = _dice(p, g)
            if d >= DICE_THRESHOLD:
                pairs.append((d, i, j))
    pairs.sort(key=lambda t: (-t[0], t[1], t[2]))
    used_p: set[int] = set()
    used_g: set[int] = set()
    content_tp = source_tp = 0
    for _, i, j in pairs:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        content_tp += 1
        source = gold[j].source
        mention = predicted[i].source
        if source is not None and mention is not None and _overlaps(mention, source):
            source_tp += 1
    n_pred, n_gold = len(predicted), len(gold)
    return {
        "content": Counts(content_tp, n_pred, n_gold),
        "content+source": Counts(source_tp, n_pred, n_gold),
        "source (exact)": _exact(
            text, [p.source for p in predicted if p.source], [g.source for g in gold if g.source]
        ),
        "cue (exact)": _exact(
            text, [p.cue for p in predicted if p.cue], [g.cue for g in gold if g.cue]
        ),
        "content (exact)": _exact(
            text, [p.content for p in predicted], [g.content for g in gold if g.content]
        ),
    }


def score_docs(pairs: Iterable[tuple[Doc, GoldArticle]]) -> EvalReport:
    """Score finished Docs against their gold articles."""
    report = EvalReport()
    for doc, article in pairs:
        report.add(score_article(article.text, article.attributions, predictions(doc)))
    return report


def evaluate(
    gold_dir: Path | str,
    *,
    nlp: Language | None = None,
    model: str | None = None,
    limit: int | None = None,
    attribution_model: str | None = None,
) -> EvalReport:
    """Run the pipeline over a gold directory's texts and score it."""
    from claimtrack.nlp import pipeline

    articles = list(read_gold(gold_dir, limit=limit))
    if nlp is None:
        nlp = pipeline.load(model, attribution_model=attribution_model)
    docs = pipeline.parse(nlp, (a.text for a in articles))
    return score_docs(zip(docs, articles, strict=True))
