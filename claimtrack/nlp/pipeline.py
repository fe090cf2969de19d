"""Loading the English pipeline with claimtrack's components added.

This is the only module that decides which spaCy model runs; nothing here downloads anything.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import TypeVar

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from claimtrack.errors import ModelNotFound
from claimtrack.modelinfo import INSTALL_HINT, model_candidates, model_id_from_meta

# Importing the component modules registers their factories (an installed claimtrack also
# exposes them through the `spacy_factories` entry point, so spaCy finds them on its own).
from claimtrack.nlp import (  # noqa: F401
    attribution,
    claims,
    figure_context,
    figures,
    flag_attachment,
    flags,
    furniture,
    paragraphs,
    speakers,
    zero_figures,
)
from claimtrack.nlp import attribution_model as _tagger  # noqa: F401
from claimtrack.nlp.annotations import register_extensions

# Our components, one per stage, in order. Each reads what the ones before it wrote (see
# claimtrack.nlp.annotations); `nlp.analyze_pipes(pretty=True)` shows who assigns what.
COMPONENTS = (
    "claimtrack_furniture",
    "claimtrack_figures",
    "claimtrack_figure_context",
    "claimtrack_zero_figures",
    "claimtrack_attribution_model",
    "claimtrack_attribution",
    "claimtrack_speakers",
    "claimtrack_flags",
    "claimtrack_claims",
    "claimtrack_flag_attachment",
)
# Ours that run before the parser, since the parser reads what they set.
BEFORE_PARSER = ("claimtrack_paragraphs",)


def load_base(model: str | None = None) -> Language:
    """The base English pipeline, without claimtrack's components."""
    names = model_candidates(model)
    for name in names:
        try:
            nlp = spacy.load(name, exclude=["senter"])
        except OSError:
            continue
        return nlp
    tried = ", ".join(names)
    raise ModelNotFound(
        f"no spaCy English model found (tried {tried}); install one with: {INSTALL_HINT}"
    )


def load(
    model: str | None = None,
    *,
    attribution_model: str | None = None,
    config: dict[str, dict] | None = None,
) -> Language:
    """The base pipeline with claimtrack's components appended. `attribution_model` is the
    trained attribution tagger's folder (default: $CLAIMTRACK_ATTRIBUTION_MODEL, else the one
    shipped in the package); `config` sets components' settings by name."""
    register_extensions()
    nlp = load_base(model)
    settings = {k: dict(v) for k, v in (config or {}).items()}
    if attribution_model is not None:
        settings.setdefault("claimtrack_attribution_model", {})["path"] = attribution_model
    if "parser" in nlp.pipe_names:
        for component in BEFORE_PARSER:
            nlp.add_pipe(component, before="parser")
    for component in COMPONENTS:
        nlp.add_pipe(component, config=settings.get(component, {}))
    return nlp


def model_id(nlp: Language) -> str:
    """What a stored document records about the model (a change means re-extraction)."""
    return model_id_from_meta(nlp.meta)


T = TypeVar("T")
# Texts longer than this are parsed in pieces: the parser's memory grows with a Doc's length.
PIECE_CHARS = 100_000
# A batch of short articles stops at about this many characters: the parser's peak memory
# follows the batch's size (~530 MB for 100k characters, ~300 MB for 40k), and batches of ~8
# news articles lose nothing in speed.
BATCH_CHARS = 40_000
# Both budgets are for news prose, at most one token per 4 characters; the parser's memory
# follows tokens. A text denser in tokens (one-character lines, tables of numbers) is cut and
# batched as if each character were worth more: 400 kB of one-character lines is 400k tokens.
PROSE_TOKENS_PER_CHAR = 0.25
_TOKENISH = re.compile(r"\w+|[^\w\s]|\n")


def split_points(text: str, limit: int = PIECE_CHARS) -> list[tuple[int, int]]:
    """Cut `text` into pieces no longer than `limit`, at paragraph breaks where possible, then
    line breaks, then sentence ends, then spaces; the pieces cover the text exactly."""
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


def parse_pieces(
    nlp: Language, items: Iterable[tuple[str, T]], *, batch_size: int = 16
) -> Iterator[tuple[Doc, T, int, int]]:
    """Run the full pipeline over (text, context) items, streaming. Yields (doc, context, offset,
    pieces): a text longer than PIECE_CHARS comes back as several consecutive Docs, each with the
    character offset of its piece in the text. A Doc a component failed on is dropped (spaCy's
    error handler is told), so callers must not assume one Doc per item."""
    limit = min(nlp.max_length, PIECE_CHARS)

    def pieces() -> Iterator[tuple[tuple[str, tuple[T, int, int]], float]]:
        for text, context in items:
            weight = density_weight(text)
            most = max(1_000, int(limit / weight))
            cuts = split_points(text, most) if len(text) > most else [(0, len(text))]
            for start, end in cuts:
                yield (text[start:end], (context, start, len(cuts))), weight

    for batch in _batches(pieces(), batch_size, BATCH_CHARS):
        for doc, (context, offset, count) in nlp.pipe(batch, as_tuples=True, batch_size=len(batch)):
            yield doc, context, offset, count


def density_weight(text: str) -> float:
    """How many characters of prose each character of `text` is worth to the parser (at least
    1): its share of tokens over prose's. Short texts are taken as prose."""
    if len(text) < 5_000:
        return 1.0
    tokens_per_char = len(_TOKENISH.findall(text)) / len(text)
    return max(1.0, tokens_per_char / PROSE_TOKENS_PER_CHAR)


def _batches(
    pieces: Iterable[tuple[tuple[str, T], float]], size: int, max_chars: int
) -> Iterator[list[tuple[str, T]]]:
    """At most `size` pieces and about `max_chars` characters of prose (characters times their
    density weight) a batch. spaCy holds a whole batch of Docs (and the parser's state for them)
    at once: sixteen 100k-character pieces of one long article in a batch took several GB, one
    at a time takes a few hundred MB."""
    batch: list[tuple[str, T]] = []
    chars = 0.0
    for piece, weight in pieces:
        cost = len(piece[0]) * weight
        if batch and (len(batch) >= size or chars + cost > max_chars):
            yield batch
            batch, chars = [], 0.0
        batch.append(piece)
        chars += cost
    if batch:
        yield batch


def parse(nlp: Language, texts: Iterable[str]) -> Iterator[Doc]:
    """The finished Doc of each text (for texts within PIECE_CHARS; tests and tools)."""
    for doc, _, _, _ in parse_pieces(nlp, ((t, None) for t in texts)):
        yield doc
