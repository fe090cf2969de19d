"""Concurrent runs: two `claimtrack extract` processes on one store over overlapping inputs
finish with every source stored exactly once, nothing corrupted, and a reader running meanwhile
never sees a bad or half-written file."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import claimtrack.store_index
from claimtrack.models import SourceDocument
from claimtrack.store import INDEX_NAME, Store, read_document

from .reliability import assert_document_consistent, cli, summary_counts, write_corpus
from .test_store import make_document

CORPUS = 40  # articles; run A takes 0-29 in order, run B takes 39-10 backwards (20 shared)


def test_concurrency_two_extract_runs_store_each_source_once(tmp_path):
    paths = [p.relative_to(tmp_path) for p in write_corpus(tmp_path / "in", CORPUS, 800)]
    store = tmp_path / "store"
    first = paths[:30]
    second = list(reversed(paths[10:]))
    runs = [
        subprocess.Popen(
            cli("extract", *chosen, "--store", store, "--quiet"),
            cwd=tmp_path,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for chosen in (first, second)
    ]
    # A reader meanwhile: whatever it catches is whole and valid.
    reads = 0
    while any(run.poll() is None for run in runs):
        reader = Store(store)
        assert reader.bad_files() == []
        reader.sources()
        reads += 1
    errors = [run.stderr.read() for run in runs]
    assert [run.returncode for run in runs] == [0, 0], errors
    for chosen, stderr in zip((first, second), errors, strict=True):
        counts = summary_counts(stderr)
        assert counts["extracted"] + counts["unchanged"] == len(chosen), stderr
        assert counts["skipped"] == 0, stderr
    assert reads > 0

    files = Store(store).files()
    assert len(files) == CORPUS  # one file per source id
    documents = [read_document(f) for f in files]
    for document in documents:
        assert_document_consistent(document)
    assert [p.name for p in store.iterdir() if p.name.endswith(".tmp")] == []

    listed = subprocess.run(
        cli("sources", "--store", store, "--json"), capture_output=True, text=True, check=True
    )
    sources = json.loads(listed.stdout)
    assert sorted(s["path"] for s in sources) == sorted(str(p) for p in paths)
    assert len({s["id"] for s in sources}) == CORPUS
    # The index written by two processes at once says what the documents say.
    live = sorted(c.id for c in Store(store).claims())
    assert live == sorted(c.id for d in documents for c in d.claims)
    (store / INDEX_NAME).unlink()
    for suffix in ("-wal", "-shm"):
        (store / (INDEX_NAME + suffix)).unlink(missing_ok=True)
    assert sorted(c.id for c in Store(store).claims()) == live


def test_concurrency_a_file_removed_while_the_index_syncs_is_gone_not_bad(tmp_path, monkeypatch):
    """Another process may remove a document (a newer version replaced it, doctor moved it)
    between the folder scan and the read: a reader must not report it as a bad file."""
    store = Store(tmp_path)
    store.write(make_document("a" * 16, path="news/a.txt"))
    store.write(make_document("b" * 16, path="news/b.txt"))
    for name in (INDEX_NAME, INDEX_NAME + "-wal", INDEX_NAME + "-shm"):
        (tmp_path / name).unlink(missing_ok=True)  # so the next read re-reads every document
    real = claimtrack.store_index.read_document

    def raced(path: Path) -> SourceDocument:
        if path.name.startswith("a"):
            path.unlink(missing_ok=True)
        return real(path)

    monkeypatch.setattr(claimtrack.store_index, "read_document", raced)
    assert [s.id for s in store.sources()] == ["b" * 16]
    assert store.bad_files() == []
