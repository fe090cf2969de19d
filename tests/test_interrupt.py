"""Interrupted runs: `claimtrack extract` killed with SIGKILL part-way leaves only whole, valid
documents, and the next run finishes the rest without redoing what was stored."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

from claimtrack.store import Store, read_document

from .reliability import assert_document_consistent, cli, summary_counts, write_corpus

CORPUS = 40  # articles (README: Reliability)


def stored_files(store: Path) -> list[Path]:
    return Store(store).files()


def test_interrupt_sigkill_keeps_whole_documents_and_rerun_finishes(tmp_path):
    write_corpus(tmp_path / "in", CORPUS)
    store = tmp_path / "store"
    run = subprocess.Popen(
        cli("extract", "in", "--store", store, "--quiet"),
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 180
    while not stored_files(store) and run.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    os.kill(run.pid, signal.SIGKILL)
    run.wait()
    assert run.returncode == -signal.SIGKILL, "the run ended before it could be killed"

    before = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in stored_files(store)}
    assert 0 < len(before) < CORPUS, len(before)
    # A kill between the temporary file and the rename leaves a hidden .tmp: never a document.
    (store / f".{next(iter(before))[:16]}.killed.tmp").write_bytes(b'{"schema_version": 1, "id')
    for name in before:
        assert_document_consistent(read_document(store / name))
    assert Store(store).bad_files() == []
    assert len(Store(store).sources()) == len(before)

    rerun = subprocess.run(
        cli("extract", "in", "--store", store, "--quiet"),
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert rerun.returncode == 0, rerun.stderr
    counts = summary_counts(rerun.stderr)
    assert counts == {"extracted": CORPUS - len(before), "unchanged": len(before), "skipped": 0}
    after = stored_files(store)
    assert len(after) == CORPUS
    for name, (content, mtime) in before.items():  # not redone: the very same files
        assert (store / name).read_bytes() == content
        assert (store / name).stat().st_mtime_ns == mtime
    for path in after:
        assert_document_consistent(read_document(path))
    sources = Store(store).sources()
    assert sorted(s.path for s in sources) == [f"in/article{i:03d}.txt" for i in range(CORPUS)]
