"""Size: a long article is parsed in pieces cut at paragraph breaks, in bounded memory, with exact
offsets; a folder of thousands of small files goes through, and a re-run skips them all.

spaCy parses roughly 10-20k characters a second on a shared core, so the full-size runs are long:
the 5 MB article runs when CLAIMTRACK_BIG_TESTS=1 is set, otherwise the same test runs on a
300 kB article (four pieces). Full extraction runs on 1,000 files (marked slow); 10,000 files are
discovered and skipped as unchanged.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from contextlib import chdir
from pathlib import Path

import pytest

from claimtrack import __version__, extract_texts
from claimtrack.ingest import discover, read_article
from claimtrack.modelinfo import installed_model_id
from claimtrack.models import SourceDocument
from claimtrack.nlp import pipeline
from claimtrack.store import Store

from .reliability import article, assert_document_consistent, cli, summary_counts

BIG = bool(os.environ.get("CLAIMTRACK_BIG_TESTS"))
ARTICLE_CHARS = 5_000_000 if BIG else 300_000
RSS_LIMIT_MB = 1536
FOLDER_FILES = 10_000
EXTRACTED_FILES = 1_000


@pytest.mark.parametrize(
    "text",
    [
        article(50_000),
        "word " * 20_000,  # no paragraph or line breaks: cut at spaces
        "x" * 25_000,  # no breaks at all: cut hard
        "line one.\n" * 5_000,
    ],
    ids=["paragraphs", "spaces", "no-breaks", "lines"],
)
def test_size_split_points_cover_the_text_at_the_best_break(text):
    limit = 4_000
    cuts = pipeline.split_points(text, limit)
    assert cuts[0][0] == 0 and cuts[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(cuts, cuts[1:], strict=False))  # no gap, no overlap
    assert all(0 < end - start <= limit for start, end in cuts)
    for _, end in cuts[:-1]:
        if "\n\n" in text:
            assert text[end - 2 : end] == "\n\n"
        elif "\n" in text:
            assert text[end - 1] == "\n"
        elif " " in text:
            assert text[end - 1] == " "


def test_size_pieces_of_a_long_article_never_share_a_batch():
    """spaCy keeps a whole batch of Docs in memory: the pieces of one long article go one at a
    time, while short articles are still batched."""
    long_pieces = [("x" * 90_000, n) for n in range(5)]
    short = [("y" * 1_000, n) for n in range(40)]
    batches = list(pipeline._batches(iter(long_pieces + short), 16, 100_000))
    # The last piece shares its batch with the short articles that fit in the character budget.
    assert [len(b) for b in batches] == [1, 1, 1, 1, 11, 16, 14]
    assert [p for b in batches for p in b] == long_pieces + short  # order kept, nothing lost
    assert all(sum(len(t) for t, _ in batch) <= 100_000 for batch in batches)


def test_size_long_article_offsets_are_exact_across_pieces(nlp, monkeypatch):
    """With small pieces, a short test article crosses many cuts: each piece's offsets are
    shifted by where the piece starts."""
    monkeypatch.setattr(pipeline, "PIECE_CHARS", 3_000)
    text = article(40_000)
    (document,) = extract_texts([text], nlp=nlp)
    assert document.text == text
    assert any("parsed in" in note and "pieces" in note for note in document.notes)
    assert_document_consistent(document)
    starts = [c.start for c in document.claims]
    assert starts and max(starts) > 30_000  # the later pieces' claims are there, shifted


@pytest.mark.slow
def test_size_big_article_extracts_in_bounded_memory(tmp_path):
    text = article(ARTICLE_CHARS)
    source = tmp_path / "big.txt"
    source.write_text(text, encoding="utf-8")
    store = tmp_path / "store"
    # A wrapper process, so RUSAGE_CHILDREN sees only the extract run.
    wrapper = (
        "import resource, subprocess, sys\n"
        "r = subprocess.run([sys.executable, '-m', 'claimtrack.cli', 'extract', sys.argv[1],"
        " '--store', sys.argv[2], '--quiet'], capture_output=True, text=True)\n"
        "sys.stderr.write(r.stderr)\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
        "sys.exit(r.returncode)\n"
    )
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-c", wrapper, str(source), str(store)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    seconds = time.monotonic() - started
    assert result.returncode == 0, result.stderr
    assert summary_counts(result.stderr)["extracted"] == 1
    peak_mb = int(result.stdout.strip()) / 1024  # ru_maxrss is in kB on Linux
    print(f"\n{len(text):,} chars: peak RSS {peak_mb:.0f} MB, {seconds:.0f} s")
    (document,) = Store(store).documents()
    assert document.text == text
    assert any("pieces" in note for note in document.notes)
    assert_document_consistent(document)
    assert max(c.end for c in document.claims) > len(text) - pipeline.PIECE_CHARS
    assert peak_mb < RSS_LIMIT_MB


def write_folder(root: Path, n: int) -> Path:
    corpus = root / "in"
    for i in range(n):
        folder = corpus / f"{i // 1000:02d}"
        if i % 1000 == 0:
            folder.mkdir(parents=True)
        (folder / f"a{i:05d}.txt").write_text(f"Officials said {i} roads were closed.\n")
    return corpus


def extract(store: Path, *paths: Path, cwd: Path) -> tuple[dict[str, int], float]:
    started = time.monotonic()
    result = subprocess.run(
        cli("extract", *paths, "--store", store, "--quiet"), capture_output=True, text=True, cwd=cwd
    )
    assert result.returncode == 0, result.stderr
    return summary_counts(result.stderr), time.monotonic() - started


def listed_paths(store: Path) -> list[str]:
    listed = subprocess.run(
        cli("sources", "--store", store, "--json"), capture_output=True, text=True, check=True
    )
    return [s["path"] for s in json.loads(listed.stdout)]


@pytest.mark.slow
def test_size_a_thousand_files_extract_then_rerun_unchanged(tmp_path):
    corpus = write_folder(tmp_path, EXTRACTED_FILES)
    store = tmp_path / "store"
    counts, first = extract(store, corpus, cwd=tmp_path)
    assert counts == {"extracted": EXTRACTED_FILES, "unchanged": 0, "skipped": 0}
    counts, again = extract(store, corpus, cwd=tmp_path)
    assert counts == {"extracted": 0, "unchanged": EXTRACTED_FILES, "skipped": 0}
    print(f"\n{EXTRACTED_FILES} files: extract {first:.0f} s, unchanged re-run {again:.1f} s")
    paths = listed_paths(store)
    assert len(paths) == len(set(paths)) == EXTRACTED_FILES
    for document in Store(store).documents():
        assert_document_consistent(document)


def test_size_ten_thousand_files_are_found_and_skipped_when_unchanged(tmp_path):
    """Extracting 10,000 files for real takes minutes here (see README), so the store is filled
    with what extract would have written; the run must find every file, skip all of them, and
    then redo exactly the one that changed and the one whose document was removed."""
    corpus = write_folder(tmp_path, FOLDER_FILES)
    store = tmp_path / "store"
    store.mkdir()
    model = installed_model_id(None)
    assert model is not None
    with chdir(tmp_path):
        for path in discover([str(corpus)]):
            article = read_article(path)
            document = SourceDocument(
                id=article.source_id,
                path=article.path,
                sha256=article.sha256,
                model=model,
                claimtrack_version=__version__,
                extracted_at="2026-01-01T00:00:00+00:00",
                text=article.text,
            )
            (store / f"{document.id}.json").write_text(document.model_dump_json())
    counts, seconds = extract(store, corpus, cwd=tmp_path)
    assert counts == {"extracted": 0, "unchanged": FOLDER_FILES, "skipped": 0}
    print(f"\n{FOLDER_FILES} files, all unchanged: {seconds:.1f} s")

    (corpus / "03" / "a03333.txt").write_text("Officials said 3333 roads were open.\n")
    victim = Store(store).files()[0]
    victim.unlink()
    counts, _ = extract(store, corpus, cwd=tmp_path)
    assert counts == {"extracted": 2, "unchanged": FOLDER_FILES - 2, "skipped": 0}
    paths = listed_paths(store)
    assert len(paths) == len(set(paths)) == FOLDER_FILES  # the old version of a03333 is gone


def test_size_token_dense_text_is_cut_by_tokens_not_characters(monkeypatch):
    """400 kB of one-character lines is 400k tokens: pieces (and batches) are sized by what the
    parser holds, so such a text is cut into pieces about four times shorter than prose."""
    import spacy

    monkeypatch.setattr(pipeline, "PIECE_CHARS", 20_000)
    prose = ("The council said 40 people came to the meeting on Tuesday. " * 1_000)[:60_000]
    dense = ("a\n" * 30_000)[:60_000]
    assert pipeline.density_weight(prose) == 1.0
    assert pipeline.density_weight(dense) >= 3.5
    nlp = spacy.blank("en")

    def longest_piece(text: str) -> int:
        return max(len(doc.text) for doc, *_ in pipeline.parse_pieces(nlp, [(text, None)]))

    assert 15_000 < longest_piece(prose) <= 20_000
    assert longest_piece(dense) <= 20_000 / 3.5
