"""The trained attribution tagger: SOURCE, CUE and CONTENT spans learned from annotated news.

The rules in `claimtrack.nlp.attribution` read attributions off the parse; they miss PolNeAR's
long tail of cues ("is expected", "backing", "warnings") and often the exact boundaries of a
content. This module holds what a model learned from annotations adds:

- `gold_docs` / `write_docbin`: BRAT attributions (PolNeAR layout) as spaCy training Docs, one
  Doc per paragraph, each role span an entity (overlaps reduced to the longest, as nested
  attributions cannot be entities).
- the `claimtrack_attribution_model` component: runs the trained tagger (a spaCy NER with its
  own small tok2vec) and puts its spans in `doc.spans["claimtrack_model"]`, leaving `doc.ents`
  (the people and organisations the speakers need) as they were.
- `claimtrack.base_vocab.v1`: a training callback that gives the training vocab the base model's
  lexeme norms, so the tagger learns on the features extraction computes.

The attribution component combines the tagger's spans with its rules; see
`claimtrack.nlp.attribution`.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, Protocol

import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin, Span
from spacy.util import filter_spans

from claimtrack.errors import InputError


class GoldArticle(Protocol):
    """What the converter reads of `claimtrack.evaluate.GoldArticle` (not imported here: the
    evaluation loads the pipeline, which loads this module)."""

    text: str
    attributions: list[Any]


LABELS = ("SOURCE", "CUE", "CONTENT")
# The span group the tagger writes.
MODEL_SPANS = "claimtrack_model"
# Where the shipped weights live, and how a user points claimtrack at others.
PACKAGED_MODEL = Path(__file__).resolve().parent.parent / "weights" / "attribution"
MODEL_ENV = "CLAIMTRACK_ATTRIBUTION_MODEL"
CONFIG = Path(__file__).resolve().parent / "attribution_model.cfg"
_PARAGRAPH = re.compile(r"\n\s*\n|\n")


# --- training data --------------------------------------------------------------------------


def paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """The (start, end) of each non-blank line-separated paragraph of a text."""
    start = 0
    for m in _PARAGRAPH.finditer(text):
        if text[start : m.start()].strip():
            yield start, m.start()
        start = m.end()
    if text[start:].strip():
        yield start, len(text)


def _role_pieces(article: GoldArticle) -> list[tuple[int, int, str]]:
    out = []
    for a in article.attributions:
        for label, pieces in (("CONTENT", a.content), ("SOURCE", a.source), ("CUE", a.cue)):
            for start, end in pieces or ():
                out.append((start, end, label))
    return out


def gold_docs(nlp: Language, articles: Iterable[GoldArticle]) -> Iterator[Doc]:
    """One Doc per paragraph of each article, its attribution roles as entities (a role span
    over several paragraphs is one entity in each): the tagger learns on paragraphs and runs
    on them (`paragraph_tokens`). Where role spans overlap (a nested attribution), the longest
    is kept."""
    for article in articles:
        roles = _role_pieces(article)
        for p_start, p_end in paragraphs(article.text):
            doc = nlp.make_doc(article.text[p_start:p_end])
            spans: list[Span] = []
            for start, end, label in roles:
                start, end = max(start, p_start) - p_start, min(end, p_end) - p_start
                while start < end and doc.text[start].isspace():
                    start += 1
                while end > start and doc.text[end - 1].isspace():
                    end -= 1
                if start >= end:
                    continue
                span = doc.char_span(start, end, label=label, alignment_mode="expand")
                if span is not None and len(span):
                    spans.append(span)
            doc.set_ents(filter_spans(spans), default="outside")
            yield doc


def write_docbin(nlp: Language, articles: Iterable[GoldArticle], path: Path) -> int:
    """Write the training Docs of `articles` to a `.spacy` file; returns how many Docs."""
    docbin = DocBin(store_user_data=False)
    n = 0
    for doc in gold_docs(nlp, articles):
        docbin.add(doc)
        n += 1
    path.parent.mkdir(parents=True, exist_ok=True)
    docbin.to_disk(path)
    return n


@spacy.registry.callbacks("claimtrack.base_vocab.v1")
def base_vocab(base: str):
    """Copy the base model's lookups tables (lexeme norms) into the vocab being trained."""

    def before_init(nlp: Language) -> Language:
        source = spacy.load(base, exclude=["tagger", "parser", "ner", "lemmatizer", "senter"])
        for name in source.vocab.lookups.tables:
            if not nlp.vocab.lookups.has_table(name):
                nlp.vocab.lookups.set_table(name, source.vocab.lookups.get_table(name))
        return nlp

    return before_init


# --- the component ----------------------------------------------------------------------------


def model_path(path: str | None = None) -> Path | None:
    """The trained tagger to run: `path`, else $CLAIMTRACK_ATTRIBUTION_MODEL, else none (the
    rules alone). "packaged" names the weights shipped in the package. The tagger is opt-in:
    on PolNeAR dev it adds little to the rules for about a fifth more CPU time (README, "Who
    said it")."""
    chosen = path or os.environ.get(MODEL_ENV)
    if not chosen:
        return None
    p = PACKAGED_MODEL if chosen == "packaged" else Path(chosen)
    if not (p / "config.cfg").is_file() or not (p / "ner").is_dir():
        raise InputError(f"{p}: not a trained attribution model (no config.cfg and ner/ in it)")
    return p


@Language.factory(
    "claimtrack_attribution_model",
    assigns=["doc.spans"],
    default_config={"path": None},
)
def make_attribution_model(nlp: Language, name: str, *, path: str | None) -> AttributionTagger:
    return AttributionTagger(nlp, path=path)


class AttributionTagger:
    """Runs the trained tagger and stores its SOURCE, CUE and CONTENT spans in
    `doc.spans["claimtrack_model"]`. The tagger is a spaCy NER, which writes `doc.ents`; the
    Doc's own entities are put back afterwards."""

    def __init__(self, nlp: Language, *, path: str | None = None) -> None:
        self.path = model_path(path)
        self.ner = None
        if self.path is not None:
            self.ner = _load_tagger(nlp, self.path)

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 16) -> Iterator[Doc]:
        batch: list[Doc] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= batch_size:
                yield from self._tag(batch)
                batch = []
        if batch:
            yield from self._tag(batch)

    def _tag(self, docs: list[Doc]) -> list[Doc]:
        """Tag each paragraph as a Doc of its own, as the tagger learned (see
        `paragraph_tokens`), with no entities preset (the NER would keep them); the spans go
        back to the article's Doc."""
        if self.ner is None:
            for doc in docs:
                doc.spans[MODEL_SPANS] = []
            return docs
        pieces: list[tuple[int, int, Doc]] = []
        for k, doc in enumerate(docs):
            for start, end in paragraph_tokens(doc):
                piece = doc[start:end].as_doc()
                piece.set_ents([], default="missing")
                pieces.append((k, start, piece))
        if pieces:
            batch = [piece for _, _, piece in pieces]
            self.ner.set_annotations(batch, self.ner.predict(batch))
        found: list[list[Span]] = [[] for _ in docs]
        for k, offset, piece in pieces:
            for ent in piece.ents:
                found[k].append(
                    Span(docs[k], offset + ent.start, offset + ent.end, label=ent.label_)
                )
        for doc, spans in zip(docs, found, strict=True):
            doc.spans[MODEL_SPANS] = spans
        return docs


def paragraph_tokens(doc: Doc) -> Iterator[tuple[int, int]]:
    """The (start, end) token indices of each paragraph of a Doc: the runs of tokens between
    whitespace tokens holding a line break. The tagger is trained on paragraphs (`paragraphs`);
    run on whole articles, it scores lower on PolNeAR dev (CONTENT F 0.44 against 0.57)."""
    start = 0
    for token in doc:
        if token.is_space and "\n" in token.text:
            if token.i > start:
                yield start, token.i
            start = token.i + 1
    if len(doc) > start:
        yield start, len(doc)


def _load_tagger(nlp: Language, path: Path) -> Any:
    """The trained NER alone, built in this pipeline's vocab from the saved config and
    weights: the saved pipeline's tokenizer and vocab are not needed to tag."""
    from spacy.util import load_config

    config = load_config(path / "config.cfg", interpolate=True)
    settings = dict(config["components"]["ner"])
    factory = settings.pop("factory", "ner")
    ner: Any = nlp.create_pipe(factory, name="claimtrack_attribution_tagger", config=settings)
    ner.from_disk(path / "ner", exclude=["vocab"])
    for label in ner.labels:
        nlp.vocab.strings.add(label)
    return ner
