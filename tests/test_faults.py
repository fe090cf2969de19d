"""A sick machine and a hostile store: each fault gives one line (never a traceback) and the rest
goes on. Full disks and read-only folders are injected as the OS errors they raise (root ignores
chmod); the index is a cache that is rebuilt, in memory if need be, and says so.

Issue 18, items 2-12; item 1 (linear-time patterns) is tests/test_linear_time.py.
"""

from __future__ import annotations

import errno
import json
import os
import pickle
import signal
import sqlite3
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

import claimtrack.documents
import claimtrack.store
from claimtrack import cache
from claimtrack.cli import app
from claimtrack.errors import InputError, StoreError
from claimtrack.ingest import decode, discover, iter_articles, read_article
from claimtrack.store import INDEX_NAME, QUARANTINE, Store, read_document

from .reliability import cli, write_corpus
from .test_store import make_document

runner = CliRunner()


def invoke(*args: str | Path, **kwargs):
    return runner.invoke(app, [str(a) for a in args], **kwargs)


def one_clean_line(result) -> str:
    """The run ended without a traceback, and its error is one line; returns stderr."""
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    assert "Traceback" not in result.output
    return result.stderr


@pytest.fixture
def small(tmp_path) -> Path:
    """A store of two documents written through the library (no model needed)."""
    store = Store(tmp_path / "store")
    store.write(make_document("a" * 16, path="news/a.txt", n=2))
    store.write(make_document("b" * 16, path="news/b.txt", n=3))
    store.close()
    return tmp_path / "store"


def source_ids(result) -> list[str]:
    assert result.exit_code == 0, result.output
    return sorted(s["id"] for s in json.loads(result.stdout))


# -- 2: a file name that is not UTF-8 -------------------------------------------------------


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS file names are always UTF-8")
def test_faults_file_name_not_utf8_is_extracted_with_the_others(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("Officials said 12 bridges were closed.\n")
    bad = os.path.join(os.fsencode(folder), b"bad\xff.txt")
    with open(bad, "wb") as handle:
        handle.write(b"The mayor said 40 homes were flooded.\n")
    (folder / "zlast.txt").write_text("Police said 3 roads were shut.\n")
    result = invoke("extract", folder, "--store", tmp_path / "store", "--quiet")
    one_clean_line(result)
    assert result.exit_code == 0, result.output
    paths = sorted(d.path for d in Store(tmp_path / "store").documents())
    assert len(paths) == 3
    assert any(p.endswith("bad\\xff.txt") for p in paths)


# -- 3: a sick machine -----------------------------------------------------------------------


def _disk_full_for_index_files(monkeypatch):
    """Every write into an index file fails as on a full disk; an in-memory index works."""
    real = Store._index_document

    def full(index, *args):
        if index.execute("PRAGMA database_list").fetchone()[2]:
            raise sqlite3.OperationalError("database or disk is full")
        return real(index, *args)

    monkeypatch.setattr(Store, "_index_document", staticmethod(full))


def test_faults_index_on_a_full_disk_is_rebuilt_in_memory(small, monkeypatch):
    (small / INDEX_NAME).unlink()
    _disk_full_for_index_files(monkeypatch)
    for command in ("sources", "doctor", "list"):
        args = [command, "--store", small] + (["--json"] if command != "doctor" else [])
        result = invoke(*args)
        err = one_clean_line(result)
        assert result.exit_code == 0, result.output
        assert "database or disk is full" in err and "in memory" in err
    assert source_ids(invoke("sources", "--store", small, "--json")) == ["a" * 16, "b" * 16]


def test_faults_document_on_a_full_disk_is_one_line_and_the_rest_go_on(tmp_path, monkeypatch):
    write_corpus(tmp_path / "in", 3, 300)
    real = claimtrack.store.write_atomically
    calls = []

    def full_once(target, payload, **kwargs):
        calls.append(target)
        if len(calls) == 1:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real(target, payload, **kwargs)

    monkeypatch.setattr(claimtrack.store, "write_atomically", full_once)
    result = invoke("extract", tmp_path / "in", "--store", tmp_path / "store")
    err = one_clean_line(result)
    assert result.exit_code == 0
    skipped = [line for line in err.splitlines() if line.startswith("skipped")]
    assert len(skipped) == 1 and "No space left on device" in skipped[0]
    assert len(Store(tmp_path / "store").files()) == 2
    assert [p.name for p in (tmp_path / "store").glob(".*.tmp")] == []


def test_faults_read_only_store_gives_one_line_per_article_and_exit_1(tmp_path, monkeypatch):
    write_corpus(tmp_path / "in", 2, 300)

    def read_only(target, payload, **kwargs):
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    monkeypatch.setattr(claimtrack.store, "write_atomically", read_only)
    result = invoke("extract", tmp_path / "in", "--store", tmp_path / "store")
    err = one_clean_line(result)
    assert result.exit_code == 1  # nothing of what was asked got stored
    skipped = [line for line in err.splitlines() if line.startswith("skipped")]
    assert len(skipped) == 2 and all("Read-only file system" in line for line in skipped)


def test_faults_read_only_index_is_read_in_memory(small, monkeypatch):
    def read_only(self):
        raise sqlite3.OperationalError("attempt to write a readonly database")

    monkeypatch.setattr(Store, "_connect_file", read_only)
    result = invoke("sources", "--store", small, "--json")
    err = one_clean_line(result)
    assert source_ids(result) == ["a" * 16, "b" * 16]
    assert "readonly database" in err and "in memory" in err


def test_faults_index_that_is_a_folder(small):
    (small / INDEX_NAME).unlink()
    (small / INDEX_NAME).mkdir()
    result = invoke("sources", "--store", small, "--json")
    one_clean_line(result)
    assert source_ids(result) == ["a" * 16, "b" * 16]
    result = invoke("doctor", "--store", small)
    assert result.exit_code == 0 and "2 store files, all good" in result.stderr


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE files SET authors = 'not json'",
        "UPDATE files SET flags = '[1]'",
        "UPDATE claims SET json = '{\"id\": 5}'",
        "UPDATE speakers SET aliases = '5'",
        "INSERT INTO claims VALUES ('zzzz', 'x', 'gone.json', 0, 'x', '{}', 0)",
    ],
)
def test_faults_index_rows_with_bad_content_are_repaired(small, sql):
    Store(small).sources()  # the index is current
    with sqlite3.connect(small / INDEX_NAME) as index:
        index.execute(sql)
    for command in ("sources", "list", "speakers"):
        for table in (False, True):  # the JSON, and the table that renders each field
            result = invoke(command, "--store", small, *([] if table else ["--json"]))
            one_clean_line(result)
            assert result.exit_code == 0, result.output
    assert source_ids(invoke("sources", "--store", small, "--json")) == ["a" * 16, "b" * 16]
    assert len(json.loads(invoke("list", "--store", small, "--json").stdout)) == 5
    # Repaired on disk: the next command has nothing to say.
    again = invoke("list", "--store", small, "--json")
    assert again.exit_code == 0 and again.stderr == ""


def test_faults_doctor_finds_index_rows_with_bad_content(small):
    Store(small).sources()
    with sqlite3.connect(small / INDEX_NAME) as index:
        index.execute("UPDATE claims SET json = 'garbage'")
    result = invoke("doctor", "--store", small)
    assert "disagreed with the documents" in one_clean_line(result)


def test_faults_store_path_that_is_a_file(tmp_path):
    (tmp_path / "in.txt").write_text("Officials said 12 bridges were closed.\n")
    store = tmp_path / "store"
    store.write_text("not a folder")
    for args in (
        ["extract", tmp_path / "in.txt"],
        ["sources"],
        ["list"],
        ["doctor"],
    ):
        result = invoke(*args, "--store", store)
        err = one_clean_line(result)
        assert result.exit_code == 1, result.output
        assert "is not a folder" in err and err.strip().count("\n") == 0


def test_faults_quarantine_that_is_a_file(small):
    (small / "bad.json").write_text("{")
    (small / QUARANTINE).write_text("a file")
    result = invoke("doctor", "--store", small, "--quarantine")
    assert result.exit_code == 1
    assert "quarantine: is not a folder of the store" in one_clean_line(result)
    assert (small / "bad.json").read_text() == "{"


def test_faults_export_to_a_full_device_is_one_line(small):
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            cli("export", "--store", small), stdout=full, stderr=subprocess.PIPE, text=True
        )
    assert done.returncode == 1
    assert "No space left on device" in done.stderr
    assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr
    assert done.stderr.count("\n") == 1


# -- 4: report --out is atomic ------------------------------------------------------------


def test_faults_report_on_a_full_disk_keeps_the_old_page(small, tmp_path, monkeypatch):
    out = tmp_path / "report.html"
    out.write_text("the old report")

    def full(fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    result = invoke("report", "--store", small, "--out", out)
    assert result.exit_code == 1
    assert "No space left on device" in one_clean_line(result)
    assert out.read_text() == "the old report"
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".tmp"] == []


# -- 5: special files in the store --------------------------------------------------------


def test_faults_fifo_and_device_link_in_the_store_do_not_hang(small):
    os.mkfifo(small / "pipe.json")
    (small / "zero.json").symlink_to("/dev/zero")
    done = subprocess.run(
        cli("doctor", "--store", small), capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 1
    assert "pipe.json: is not a regular file" in done.stdout
    assert "zero.json: is a symbolic link" in done.stdout
    done = subprocess.run(
        cli("sources", "--store", small, "--json", "--skip-bad"),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert sorted(s["id"] for s in json.loads(done.stdout)) == ["a" * 16, "b" * 16]


def test_faults_document_over_the_size_limit_is_not_read(small, monkeypatch):
    monkeypatch.setattr(claimtrack.documents, "MAX_DOCUMENT_BYTES", 100)
    with pytest.raises(StoreError, match="more than a store document can be"):
        read_document(small / f"{'a' * 16}.json")


# -- 6: two runs superseding each other ----------------------------------------------------


def test_faults_supersede_race_leaves_one_version(tmp_path, monkeypatch):
    """Run A writes its version of news/a.txt; before it removes what it supersedes, run B
    writes and supersedes its own. Without a lock each deleted the other's: none was left."""
    root = tmp_path / "store"
    first = make_document("a" * 16, path="news/a.txt")
    second = make_document("c" * 16, path="news/a.txt", n=1)
    run_a, run_b = Store(root), Store(root)
    b_done = threading.Event()
    real = Store.remove_superseded

    def b_runs(document: str) -> None:
        run_b.put(second)
        b_done.set()

    def interleaved(self, document):
        if self is run_a and not b_done.is_set():
            thread = threading.Thread(target=b_runs, args=(document,))
            thread.start()
            b_done.wait(timeout=2)  # with the lock, B waits for A instead
            result = real(self, document)
            thread_holder.append(thread)
            return result
        return real(self, document)

    thread_holder: list[threading.Thread] = []
    monkeypatch.setattr(Store, "remove_superseded", interleaved)
    run_a.put(first)
    for thread in thread_holder:
        thread.join(timeout=30)
    assert b_done.is_set()
    left = [d.id for d in Store(root).documents()]
    assert len(left) == 1, left


# -- 7: the cache runs no code and takes no wrong type --------------------------------------


class _Planted:
    def __reduce__(self):
        return (os.system, (f"touch {os.environ['PLANTED_MARK']}",))


def test_faults_cache_never_unpickles(tmp_path, monkeypatch):
    monkeypatch.setenv("CLAIMTRACK_CACHE", str(tmp_path))
    mark = tmp_path / "ran"
    monkeypatch.setenv("PLANTED_MARK", str(mark))
    payload = pickle.dumps(_Planted())

    def build() -> dict[str, int]:
        return {"a": 1}

    assert cache.cached("table", "key", build) == {"a": 1}
    # Plant the pickle under every name the entry could have.
    for entry in list(tmp_path.iterdir()):
        entry.write_bytes(payload)
        entry.with_suffix(".pickle").write_bytes(payload)
    assert cache.cached("table", "key", build) == {"a": 1}
    assert not mark.exists()


@pytest.mark.parametrize("planted", ['{"a": "one"}', "[1, 2]", '"text"', "{"])
def test_faults_cache_wrong_type_is_a_miss(tmp_path, monkeypatch, planted):
    monkeypatch.setenv("CLAIMTRACK_CACHE", str(tmp_path))
    built = []

    def build() -> dict[str, int]:
        built.append(1)
        return {"a": 1}

    cache.cached("table", "key", build)
    (entry,) = tmp_path.glob("table-*")
    try:
        wrong = json.loads(planted)
    except ValueError:
        wrong = planted
    # Under the entry's name whatever its format: as text and as a loadable pickle.
    entry.with_suffix(".json").write_text(planted)
    entry.with_suffix(".pickle").write_bytes(pickle.dumps(wrong))
    assert cache.cached("table", "key", build) == {"a": 1}
    assert len(built) == 2


def test_faults_cache_round_trips_the_currency_table(tmp_path, monkeypatch):
    from claimtrack.figparse import currencies

    monkeypatch.setenv("CLAIMTRACK_CACHE", str(tmp_path))
    currencies._money.cache_clear()
    built = currencies.money()
    assert [p.suffix for p in tmp_path.iterdir()] == [".json"]

    def must_not_build():
        raise AssertionError("the entry was not read back")

    monkeypatch.setattr(currencies, "_build_money", lambda data: must_not_build())
    currencies._money.cache_clear()
    read = currencies.money()
    assert read.names.table == built.names.table and read.names.lengths == built.names.lengths
    assert (read.symbols, read.iso, read.subunits) == (built.symbols, built.iso, built.subunits)


# -- 8: terminal control characters ----------------------------------------------------------


def test_faults_control_characters_are_escaped_in_tables_and_csv(tmp_path):
    store = Store(tmp_path)
    document = make_document()
    document.title = "Harbour\x1b]0;pwned\x07 news"
    document.claims[0].speaker.name = "Jane\x1b[2J Roe"
    store.write(document)
    outputs = [
        invoke("list", "--store", tmp_path).stdout,
        invoke("list", "--store", tmp_path, "--csv").stdout,
        invoke("export", "--store", tmp_path, "--format", "csv").stdout,
        invoke("sources", "--store", tmp_path).stdout,
        invoke("speakers", "--store", tmp_path).stdout,
        invoke("show", document.claims[0].id, "--store", tmp_path).stdout,
    ]
    for out in outputs:
        assert out and "\x1b" not in out and "\x07" not in out
    assert "\\x1b[2J" in outputs[1]


# -- 9: paths confined to the store ---------------------------------------------------------


def test_faults_index_path_outside_the_store_is_not_read(small, tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    planted = make_document("d" * 16, path="secret.txt")
    (outside / "x.json").write_text(planted.model_dump_json())
    Store(small).sources()
    with sqlite3.connect(small / INDEX_NAME) as index:
        index.execute(
            "INSERT INTO claims VALUES (?, ?, ?, 0, '', ?, 0)",
            ("zzzz00", "d" * 16, "../outside/x.json", planted.claims[0].model_dump_json()),
        )
    result = invoke("show", "zzzz00", "--store", small)
    assert result.exit_code == 1 and "no claim 'zzzz00'" in one_clean_line(result)
    with sqlite3.connect(small / INDEX_NAME) as index:  # the orphan row is gone for good
        assert index.execute("SELECT count(*) FROM claims WHERE file LIKE '../%'").fetchone() == (
            0,
        )


def test_faults_quarantine_link_out_of_the_store_is_refused(small, tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (small / QUARANTINE).symlink_to(outside)
    (small / "bad.json").write_text("{")
    result = invoke("doctor", "--store", small, "--quarantine")
    assert result.exit_code == 1 and "not a folder of the store" in one_clean_line(result)
    assert list(outside.iterdir()) == []
    assert (small / "bad.json").exists()


# -- 10: workers die with their parent ------------------------------------------------------


def _children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as handle:
                    fields = handle.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry))
    return found


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as handle:
            return handle.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_faults_workers_exit_when_the_parent_is_killed(tmp_path):
    write_corpus(tmp_path / "in", 30, 3000)
    parent = subprocess.Popen(
        cli("extract", tmp_path / "in", "--store", tmp_path / "store", "-j", "2", "--quiet"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 120
        workers: list[int] = []
        while len(workers) < 2 and time.monotonic() < deadline and parent.poll() is None:
            time.sleep(0.2)
            workers = [p for p in _children(parent.pid) if _alive(p)]
        assert len(workers) >= 2, "the workers never started"
    finally:
        parent.send_signal(signal.SIGKILL)
        parent.wait()
    deadline = time.monotonic() + 60
    while any(_alive(p) for p in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    left = [p for p in workers if _alive(p)]
    for pid in left:
        os.kill(pid, signal.SIGKILL)
    assert left == []


# -- 11: what a big input may cost -----------------------------------------------------------


def test_faults_article_over_the_size_limit_is_skipped_with_the_way_on(tmp_path, monkeypatch):
    big = tmp_path / "big.txt"
    big.write_text("Officials said 12 bridges were closed.\n" * 300)  # 11.7 kB
    monkeypatch.setenv("CLAIMTRACK_MAX_ARTICLE_MB", "0.01")
    ((_, skipped),) = iter_articles([str(big)])
    assert "more than the 0.01 MB an article may be" in str(skipped)
    assert "CLAIMTRACK_MAX_ARTICLE_MB" in str(skipped)
    monkeypatch.delenv("CLAIMTRACK_MAX_ARTICLE_MB")
    ((_, article),) = iter_articles([str(big)])
    assert article.text.startswith("Officials")


def test_faults_default_article_limit_is_far_below_what_memory_allows(tmp_path):
    big = tmp_path / "big.txt"
    with open(big, "wb") as handle:
        handle.truncate(9 * 1024 * 1024)
    ((_, skipped),) = iter_articles([str(big)])
    assert "more than the 8 MB an article may be" in str(skipped)


# -- 12: smaller ------------------------------------------------------------------------------


def test_faults_extract_exits_1_when_every_input_was_skipped(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "blank.txt").write_text("   \n")
    result = invoke("extract", tmp_path, "--store", tmp_path / "store", "--quiet")
    assert result.exit_code == 1
    assert "0 articles extracted" in one_clean_line(result)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_faults_utf16_without_bom_is_read(encoding):
    text, notes = decode("Officials said 12 bridges were closed.\n".encode(encoding))
    assert text == "Officials said 12 bridges were closed.\n"
    assert notes == [f"decoded as {encoding.upper()} (no byte-order mark)"]


def test_faults_nul_anywhere_is_binary():
    from claimtrack.errors import ArticleSkipped

    for data in (b"a" * 100 + b"\x00" + b"b" * 100, b"word " * 4000 + b"\x00"):
        with pytest.raises(ArticleSkipped, match="binary"):
            decode(data)


def test_faults_string_schema_version_is_not_current(tmp_path):
    document = json.loads(make_document().model_dump_json())
    document["schema_version"] = "1"
    path = tmp_path / f"{document['id']}.json"
    path.write_text(json.dumps(document))
    with pytest.raises(StoreError, match="schema_version that is not a number"):
        read_document(path)


def test_faults_doctor_flags_a_document_copied_under_another_name(small):
    (small / "copy.json").write_bytes((small / f"{'a' * 16}.json").read_bytes())
    result = invoke("doctor", "--store", small)
    assert result.exit_code == 1
    assert "copy.json: holds source aaaaaaaaaaaaaaaa" in result.stdout


def test_faults_doctor_reports_and_removes_stale_temporary_files(small):
    stale = small / ".aaaaaaaaaaaaaaaa.x1y2.tmp"
    stale.write_text('{"half": ')
    result = invoke("doctor", "--store", small)
    assert result.exit_code == 1 and "interrupted write" in result.stdout
    result = invoke("doctor", "--store", small, "--quarantine")
    assert result.exit_code == 0 and not stale.exists()
    assert invoke("doctor", "--store", small).exit_code == 0


def test_faults_doctor_on_a_read_only_store(small, monkeypatch):
    real = os.open

    def read_only(path, flags, *args):
        if flags & (os.O_CREAT | os.O_WRONLY | os.O_RDWR):
            raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(path))
        return real(path, flags, *args)

    monkeypatch.setattr(os, "open", read_only)
    monkeypatch.setattr(Store, "_connect_file", lambda self: read_only(self.root / "x", os.O_RDWR))
    result = invoke("doctor", "--store", small)
    assert result.exit_code == 0 and "2 store files, all good" in one_clean_line(result)


def test_faults_rewrite_keeps_the_document_mode(small):
    path = small / f"{'a' * 16}.json"
    path.chmod(0o600)
    Store(small).write(make_document("a" * 16, path="news/a.txt", n=2))
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_faults_symlink_loop_and_unreadable_folder_say_so(tmp_path, monkeypatch):
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    with pytest.raises(InputError, match="a loop of symbolic links"):
        discover([str(loop)])
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "nothing.txt")
    with pytest.raises(InputError, match="a symbolic link to nothing"):
        discover([str(tmp_path / "dangling.txt")])
    folder = tmp_path / "locked"
    folder.mkdir()
    (folder / "a.txt").write_text("x")
    real = os.scandir

    def denied(path="."):
        if os.fspath(path) == str(folder):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", denied)
    with pytest.raises(InputError, match=r"cannot be read \(Permission denied\)"):
        discover([str(folder)])


def test_faults_deeply_nested_html_keeps_its_text(tmp_path):
    page = tmp_path / "deep.html"
    depth = 1000
    page.write_text(
        "<html><body>"
        + "<div>" * depth
        + "<p>Officials said 12 bridges near the harbour were closed.</p><script>x()</script>"
        + "</div>" * depth
        + "</body></html>"
    )
    article = read_article(str(page))
    assert article.text == "Officials said 12 bridges near the harbour were closed."
