"""What the reliability tests share (test_fuzz, test_interrupt, test_concurrency, test_corruption,
test_size, test_encodings): the offset invariants, articles to feed, and running the CLI."""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

from claimtrack.models import SourceDocument


def assert_document_consistent(document: SourceDocument) -> None:
    """Every span of every claim points into the document's text at exactly its own words."""
    text = document.text
    ids = [c.id for c in document.claims]
    assert len(ids) == len(set(ids)), f"duplicate claim ids in {document.path}"

    def exact(what: str, start: int | None, end: int | None, words: str | None) -> None:
        assert start is not None and end is not None and words is not None, what
        assert 0 <= start <= end <= len(text), f"{what} [{start}:{end}] outside the text"
        assert text[start:end] == words, f"{what} [{start}:{end}] is {text[start:end]!r}"

    for claim in document.claims:
        assert claim.source_id == document.id and claim.source_path == document.path
        exact("claim", claim.start, claim.end, claim.text)
        speaker = claim.speaker
        if speaker.mention is not None or speaker.start is not None or speaker.end is not None:
            exact("speaker mention", speaker.start, speaker.end, speaker.mention)
        if claim.cue is not None:
            exact("cue", claim.cue.start, claim.cue.end, claim.cue.text)
        for figure in claim.quantities:
            exact("figure", figure.start, figure.end, figure.text)
        for flag in claim.flags:
            exact("flag", flag.start, flag.end, flag.text)
    # What is extracted survives the store's JSON unchanged (JSON has no NaN or infinity).
    again = SourceDocument.model_validate_json(document.model_dump_json())
    assert again == document, "changed by the store's JSON round trip (a non-finite figure?)"


NAMES = ["Ana López", "The mayor", "Police", "Officials", "John Smith", "A spokeswoman", "She"]
PLACES = ["the harbour", "district 4", "the old town", "the north bank", "the rail yard"]


def article(chars: int, seed: int = 7) -> str:
    """An article of varied paragraphs with claims, figures and caveats (repeated lines would
    read as page furniture), about `chars` characters long."""
    rng = random.Random(seed)
    paragraphs = []
    total = 0
    n = 0
    while total < chars:
        n += 1
        paragraph = (
            f"{rng.choice(NAMES)} said {rng.randint(2, 900)} bridges near {rng.choice(PLACES)} "
            f"were closed on day {n}. “We are working on repair number {n},” "
            f"{rng.choice(NAMES).lower()} told reporters. About {rng.randint(10, 5000)} people "
            f"were evacuated, police said, a figure that could not be verified."
        )
        paragraphs.append(paragraph)
        total += len(paragraph) + 2
    return "\n\n".join(paragraphs)[:chars].rstrip() + "\n"


def write_corpus(folder: Path, n: int, chars: int = 1_500) -> list[Path]:
    """n distinct articles of about `chars` characters each, article000.txt, article001.txt..."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        path = folder / f"article{i:03d}.txt"
        path.write_text(f"Story {i}\n\n" + article(chars, seed=i), encoding="utf-8")
        paths.append(path)
    return paths


def cli(*args: str | Path) -> list[str]:
    """The command line of `claimtrack ARGS` in a fresh Python process."""
    return [sys.executable, "-m", "claimtrack.cli", *map(str, args)]


def summary_counts(stderr: str) -> dict[str, int]:
    """The counts of extract's summary line ("3 articles extracted, ..., 2 unchanged, ...").
    Rich wraps the line at 80 columns when stderr is not a terminal: words are rejoined."""
    words = " ".join(stderr.split())
    counts = {"extracted": 0, "unchanged": 0, "skipped": 0}
    for kind in counts:
        label = "articles extracted" if kind == "extracted" else kind
        found = re.findall(rf"(\d+) {label}\b", words)
        if found:
            counts[kind] = int(found[-1])
    return counts
