"""Corrupted stores: a truncated file, a file from a newer schema, a claim that fails validation.
Every command names the bad file in one line, `--skip-bad` and `doctor` are the ways on, and no
command (extract included) ever overwrites or deletes a bad file.

tests/test_store.py covers the Store API on each kind of bad file; this extends it through every
read command, `doctor`, and `extract` re-running over bad files.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimtrack.cli import app
from claimtrack.models import SCHEMA_VERSION
from claimtrack.store import QUARANTINE, Store

from .reliability import summary_counts
from .test_store import make_document

runner = CliRunner()

ARTICLES = {
    "harbour.txt": "Officials said 12 bridges near the harbour were closed on Monday.\n\n"
    "“We are working on it,” the mayor told reporters.\n",
    "floods.txt": "About 300 people were evacuated, police said, a figure that could not be "
    "verified.\n\nAna López said 40 homes were flooded.\n",
    "budget.txt": 'The minister said "the budget is balanced" and that 7 percent more was '
    "spent on schools.\n",
}


def corrupt(path: Path, kind: str) -> bytes:
    """Damage a store document in place the way `kind` says; returns the bad bytes."""
    raw = path.read_bytes()
    data = json.loads(raw)
    if kind == "truncated":
        bad = raw[: len(raw) // 2]
    elif kind == "empty":
        bad = b""
    elif kind == "newer-schema":
        data["schema_version"] = SCHEMA_VERSION + 1
        data["claims"] = [{"a field this version does not know": True}]
        bad = json.dumps(data).encode()
    elif kind == "invalid-claim":
        data["claims"] = [{**data["claims"][0], "start": "soon", "quote": "shouted"}]
        bad = json.dumps(data).encode()
    else:
        raise ValueError(kind)
    path.write_bytes(bad)
    return bad


KINDS = ["truncated", "empty", "newer-schema", "invalid-claim"]
REASONS = {
    "truncated": "not valid JSON",
    "empty": "not valid JSON",
    "newer-schema": "newer claimtrack",
    "invalid-claim": "does not validate",
}


def invoke(*args: str | Path):
    return runner.invoke(app, [str(a) for a in args])


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> Path:
    """A folder with the articles (in/) and the store extract made of them (store/)."""
    root = tmp_path_factory.mktemp("corruption")
    (root / "in").mkdir()
    for name, text in ARTICLES.items():
        (root / "in" / name).write_text(text, encoding="utf-8")
    result = invoke("extract", root / "in", "--store", root / "store", "--quiet")
    assert result.exit_code == 0, result.output
    documents = list(Store(root / "store").documents())
    assert len(documents) == 3 and all(d.claims for d in documents)
    return root


@pytest.fixture
def site(extracted, tmp_path) -> Path:
    shutil.copytree(extracted, tmp_path / "site")
    return tmp_path / "site"


def file_of(store: Path, name: str) -> Path:
    (document,) = [d for d in Store(store).documents(skip_bad=True) if d.path.endswith(name)]
    return Store(store).document_path(document.id)


def one_line_error(result, *fragments: str) -> None:
    assert result.exit_code != 0
    assert "Traceback" not in result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    for fragment in fragments:
        assert fragment in lines[0], lines[0]


READ_COMMANDS = [["list"], ["sources"], ["speakers"], ["export"], ["conflicts"], ["show"]]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("command", READ_COMMANDS, ids=lambda c: c[0])
def test_corruption_read_commands_name_the_bad_file_and_skip_bad_goes_on(site, kind, command):
    store = site / "store"
    good = Store(store).stored(file_of(store, "harbour.txt").stem)
    assert good is not None
    args = [*command, *([good.claims[0].id] if command == ["show"] else [])]
    bad = file_of(store, "floods.txt")
    content = corrupt(bad, kind)
    if command != ["show"]:  # show reads one document: the good one still shows
        one_line_error(invoke(*args, "--store", store), bad.name, REASONS[kind])
    result = invoke(*args, "--store", store, "--skip-bad")
    assert result.exit_code == 0, result.output
    assert bad.read_bytes() == content  # reading never touches a bad file
    if command in (["list"], ["export"]):
        assert "floods.txt" not in result.stdout and "harbour.txt" in result.stdout


def test_corruption_doctor_lists_every_bad_file_and_quarantines_them_whole(site, tmp_path):
    store = site / "store"
    bad = {}
    kinds = ["truncated", "newer-schema", "invalid-claim"]
    for kind, name in zip(kinds, ["harbour.txt", "floods.txt", "budget.txt"], strict=True):
        path = file_of(store, name)
        bad[path.name] = (kind, corrupt(path, kind))
    (store / "0123456789abcdef.json").write_bytes(b"")  # and a stray empty one
    bad["0123456789abcdef.json"] = ("empty", b"")

    result = invoke("doctor", "--store", store)
    assert result.exit_code == 1
    listed = result.stdout.strip().splitlines()
    assert len(listed) == len(bad)
    for line, (name, (kind, _)) in zip(listed, sorted(bad.items()), strict=True):
        assert name in line and REASONS[kind] in line
    assert all((store / name).read_bytes() == content for name, (_, content) in bad.items())

    assert invoke("doctor", "--store", store, "--quarantine").exit_code == 0
    for name, (_, content) in bad.items():
        assert not (store / name).exists()
        assert (store / QUARANTINE / name).read_bytes() == content  # moved whole, not deleted
    assert invoke("doctor", "--store", store).exit_code == 0
    assert invoke("list", "--store", store).exit_code == 0

    # The way on: extract again recreates what was quarantined; the quarantine is left alone.
    again = invoke("extract", site / "in", "--store", store, "--quiet")
    assert summary_counts(again.stderr) == {"extracted": 3, "unchanged": 0, "skipped": 0}
    assert len(Store(store).sources()) == 3
    assert all((store / QUARANTINE / n).read_bytes() == c for n, (_, c) in bad.items())


@pytest.mark.parametrize("force", [False, True], ids=["rerun", "force"])
@pytest.mark.parametrize("kind", KINDS)
def test_corruption_extract_never_overwrites_a_bad_document(site, kind, force):
    store = site / "store"
    bad = file_of(store, "floods.txt")
    content = corrupt(bad, kind)
    result = invoke("extract", site / "in", "--store", store, *(["--force"] if force else []))
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    # Rich folds lines at 80 columns off a terminal, long paths included: compare without blanks.
    unfolded = "".join(result.stderr.split())
    assert f"skipped{site / 'in' / 'floods.txt'}:notstored:{bad}:" in unfolded
    assert REASONS[kind].replace(" ", "") in unfolded  # reported, naming the file
    assert bad.read_bytes() == content  # and left as it was
    expected = {"extracted": 2, "unchanged": 0} if force else {"extracted": 0, "unchanged": 2}
    assert summary_counts(result.stderr) == {**expected, "skipped": 1}


def test_corruption_a_bad_file_elsewhere_does_not_stop_extract(site, tmp_path):
    store = site / "store"
    stray = store / "feedfacefeedface.json"
    stray.write_bytes(b'{"schema_version": 1, "id": "feedf')
    more = tmp_path / "more"
    more.mkdir()
    for n in range(3):
        (more / f"m{n}.txt").write_text(f"Officials said {n + 20} schools were closed.\n")
    result = invoke("extract", more, "--store", store, "--quiet")
    assert result.exit_code == 0, result.output
    assert summary_counts(result.stderr) == {"extracted": 3, "unchanged": 0, "skipped": 0}
    assert len(Store(store).sources(skip_bad=True)) == 6
    assert stray.read_bytes() == b'{"schema_version": 1, "id": "feedf'


@pytest.mark.parametrize("kind", KINDS)
def test_corruption_superseded_version_is_removed_only_while_valid(tmp_path, kind):
    """An edited article replaces its old document; an old document that has gone bad since is
    not the store's to delete."""
    store = Store(tmp_path)
    old = make_document("a" * 16, path="news/a.txt")
    store.write(old)
    assert store.remove_superseded(old) == []
    content = corrupt(store.document_path(old.id), kind)
    new = make_document("c" * 16, path="news/a.txt", n=1)
    store.write(new)
    assert store.remove_superseded(new) == []
    assert store.document_path(old.id).read_bytes() == content
    newer = make_document("d" * 16, path="news/a.txt", n=3)
    store.write(newer)
    assert store.remove_superseded(newer) == [new.id]  # a valid old version does go
