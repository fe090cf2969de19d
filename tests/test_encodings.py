"""Input encodings through the whole CLI: every supported encoding and line ending gives the
same decoded text, offsets refer to that text, and `source_path` is stored relative to where
extract was run when the file is below it.

tests/test_ingest.py covers `decode` on bytes; this runs the files through `claimtrack extract`.
"""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimtrack.cli import app
from claimtrack.store import Store

from .reliability import assert_document_consistent, summary_counts

runner = CliRunner()


def story(n: int, newline: str = "\n") -> str:
    """An article with characters outside ASCII that Windows-1252 also has (é, “ ”, €, —)."""
    return newline.join(
        [
            f"Café prices rise {n}",
            "",
            f"Ana Díaz said “the café lost {n} € this week.”",
            "",
            f"The mayor said about {n * 10} people came — police said so.",
            "",
        ]
    )


# name -> (bytes on disk, the text they must decode to, a note extract must give or None)
FILES = {
    "utf8.txt": (story(1).encode("utf-8"), story(1), None),
    "utf8-bom.txt": (codecs.BOM_UTF8 + story(2).encode("utf-8"), story(2), None),
    "utf16-le-bom.txt": (codecs.BOM_UTF16_LE + story(3).encode("utf-16-le"), story(3), "UTF-16"),
    "utf16-be-bom.txt": (codecs.BOM_UTF16_BE + story(4).encode("utf-16-be"), story(4), "UTF-16"),
    "cp1252.txt": (story(5).encode("cp1252"), story(5), "Windows-1252"),
    "crlf.txt": (story(6, "\r\n").encode("utf-8"), story(6, "\r\n"), None),
    "crlf-bom.txt": (codecs.BOM_UTF8 + story(7, "\r\n").encode(), story(7, "\r\n"), None),
    "cp1252-crlf.txt": (story(8, "\r\n").encode("cp1252"), story(8, "\r\n"), "Windows-1252"),
    "utf16-crlf.txt": (story(9, "\r\n").encode("utf-16"), story(9, "\r\n"), "UTF-16"),
    "utf16-no-bom.txt": (story(10).encode("utf-16-le"), story(10), "UTF-16-LE (no byte-order"),
}
# Not text as far as anyone can tell: skipped with a reason, never guessed at.
SKIPPED = {
    "nul-late.txt": (story(11).encode() * 40 + b"\x00", "binary file"),
    "undecodable.txt": (b"Caf\xc3 said \x81\x8d\x8f.", "not text: bytes are neither UTF-8"),
}


def test_encodings_every_encoding_decodes_to_the_text_offsets_refer_to(tmp_path, monkeypatch):
    corpus = tmp_path / "in"
    corpus.mkdir()
    for name, (data, _, _) in FILES.items():
        (corpus / name).write_bytes(data)
    for name, (data, _) in SKIPPED.items():
        (corpus / name).write_bytes(data)
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["extract", "in", "--store", "store"])
    assert result.exit_code == 0, result.output
    counts = summary_counts(result.stderr)
    assert counts == {"extracted": len(FILES), "unchanged": 0, "skipped": len(SKIPPED)}
    unfolded = "".join(result.stderr.split())  # rich folds long lines off a terminal
    for name, (_, reason) in SKIPPED.items():
        assert f"skippedin/{name}:{reason}".replace(" ", "") in unfolded

    documents = {d.path: d for d in Store("store").documents()}
    assert sorted(documents) == sorted(f"in/{name}" for name in FILES)
    for name, (_, text, note) in FILES.items():
        document = documents[f"in/{name}"]
        assert document.text == text  # no BOM, CRLF kept, é € “ ” decoded
        assert document.title == text.splitlines()[0]
        if note:
            assert any(note in n for n in document.notes), document.notes
            assert f"notein/{name}:".replace(" ", "") in unfolded
        else:
            assert document.notes == []
        assert document.claims, f"{name}: no claims, so no offsets were checked"
        assert_document_consistent(document)
        assert any("café" in c.text or "people" in c.text for c in document.claims)


def write(path: Path, n: int) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(story(n), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("cwd", "argument", "stored"),
    [
        ("", "news/a.txt", "news/a.txt"),
        ("", "{root}/news/a.txt", "news/a.txt"),  # absolute, below the cwd: relative
        ("news", ".", "a.txt"),
        ("news", "../news/a.txt", "a.txt"),
        ("elsewhere", "../news/a.txt", "{root}/news/a.txt"),  # outside the cwd: absolute
        ("news", "..notes.txt", "..notes.txt"),  # two dots, but not climbing out
    ],
    ids=["relative", "absolute-below", "dot", "up-and-back", "outside", "dotted-name"],
)
def test_encodings_source_path_is_relative_to_where_extract_ran(
    tmp_path, monkeypatch, cwd, argument, stored
):
    root = tmp_path.resolve()
    write(root / "news" / "a.txt", 1)
    write(root / "news" / "..notes.txt", 2)
    (root / "elsewhere").mkdir()
    monkeypatch.chdir(root / cwd)
    store = root / "store"
    result = runner.invoke(
        app, ["extract", argument.format(root=root), "--store", str(store), "--quiet"]
    )
    assert result.exit_code == 0, result.output
    (source,) = Store(store).sources()
    assert source.path == stored.format(root=root)
    claims = list(Store(store).claims())
    assert claims and {c.source_path for c in claims} == {source.path}


def test_encodings_texts_piped_in_one_after_another_are_all_kept(tmp_path):
    """Every text read from stdin is stored as "<stdin>": a later one is not a new version of
    an earlier one, so it must not replace it."""
    for n in (1, 2, 3):
        result = runner.invoke(
            app, ["extract", "-", "--store", str(tmp_path), "--quiet"], input=story(n)
        )
        assert result.exit_code == 0, result.output
    sources = Store(tmp_path).sources()
    assert [s.path for s in sources] == ["<stdin>"] * 3
    assert {d.text for d in Store(tmp_path).documents()} == {story(1), story(2), story(3)}
