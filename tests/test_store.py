"""The store: round trips, atomic writes, bad files reported by name and never overwritten."""

from __future__ import annotations

import json
import os

import pytest

from claimtrack.errors import SchemaTooNew, StoreError, UnknownClaim, UnknownSource
from claimtrack.models import SCHEMA_VERSION, Claim, Cue, Figure, Flag, SourceDocument, Speaker
from claimtrack.store import INDEX_NAME, Store


def make_document(
    source_id: str = "a" * 16, path: str = "news/a.txt", n: int = 2
) -> SourceDocument:
    text = "Jane Roe said 40 people came. " * n
    claims = []
    for i in range(n):
        start = i * 30
        claims.append(
            Claim(
                id=f"{source_id[:6]}{i:06d}",
                source_id=source_id,
                source_path=path,
                text=text[start + 14 : start + 29],
                start=start + 14,
                end=start + 29,
                speaker=Speaker(
                    name="Jane Roe",
                    mention="Jane Roe",
                    start=start,
                    end=start + 8,
                    kind="person",
                    aliases=["Roe"],
                ),
                cue=Cue(text="said", start=start + 9, end=start + 13),
                quote="indirect",
                quantities=[
                    Figure(
                        text="40",
                        start=start + 14,
                        end=start + 16,
                        value=40.0,
                        low=40.0,
                        high=40.0,
                        counted="person",
                    )
                ],
                flags=[Flag(kind="unverified", text="40", start=start + 14, end=start + 16)],
            )
        )
    return SourceDocument(
        id=source_id,
        path=path,
        title="A",
        sha256="0" * 64,
        model="en_test-1",
        claimtrack_version="0",
        extracted_at="2026-01-01T00:00:00+00:00",
        text=text,
        claims=claims,
    )


def test_store_round_trip(tmp_path):
    store = Store(tmp_path)
    document = make_document()
    store.write(document)
    assert store.stored(document.id) == document
    assert [c.id for c in store.claims()] == [c.id for c in document.claims]
    (info,) = store.sources()
    assert (info.id, info.claims, info.figures, info.flags) == (
        document.id,
        2,
        2,
        {"unverified": 2},
    )


def test_store_index_follows_files_changed_by_others(tmp_path):
    store = Store(tmp_path)
    store.write(make_document("a" * 16))
    assert len(list(store.claims())) == 2
    Store(tmp_path).write(make_document("b" * 16, path="news/b.txt", n=3))
    assert len(list(store.claims())) == 5
    (tmp_path / f"{'a' * 16}.json").unlink()
    assert len(list(store.claims())) == 3


def test_store_damaged_index_is_rebuilt(tmp_path):
    store = Store(tmp_path)
    store.write(make_document())
    (tmp_path / INDEX_NAME).write_bytes(b"this is not sqlite" * 100)
    for suffix in ("-wal", "-shm"):
        (tmp_path / (INDEX_NAME + suffix)).unlink(missing_ok=True)
    assert len(list(Store(tmp_path).claims())) == 2


def test_store_write_is_atomic(tmp_path, monkeypatch):
    store = Store(tmp_path)
    first = make_document()
    store.write(first)

    def crash(*args):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(StoreError, match="cannot be written"):
        store.write(make_document(n=3))
    monkeypatch.undo()
    assert store.stored(first.id) == first  # the old document, whole
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".tmp"] == []


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b'{"schema_version": 1, "id": "x", "pa', "not valid JSON"),
        (b"[1, 2]", "not a claimtrack source document"),
        (b'{"schema_version": 1, "id": "x"}', "does not validate"),
        (json.dumps({"schema_version": SCHEMA_VERSION + 1}).encode(), "newer claimtrack"),
    ],
)
def test_store_bad_file_is_named_and_kept(tmp_path, content, message):
    store = Store(tmp_path)
    store.write(make_document())
    bad = tmp_path / "bbbbbbbbbbbbbbbb.json"
    bad.write_bytes(content)
    with pytest.raises(StoreError) as error:
        list(store.claims())
    assert str(bad) in str(error.value) and message in str(error.value)
    assert len(list(store.claims(skip_bad=True))) == 2
    assert [b.file for b in store.bad_files()] == [bad.name]
    assert bad.read_bytes() == content


def test_store_never_overwrites_a_bad_file(tmp_path):
    store = Store(tmp_path)
    document = make_document()
    target = store.document_path(document.id)
    tmp_path.mkdir(exist_ok=True)
    target.write_bytes(b"{truncated")
    with pytest.raises(StoreError):
        store.write(document)
    assert target.read_bytes() == b"{truncated"


def test_store_schema_too_new_is_its_own_error(tmp_path):
    (tmp_path / "x.json").write_text(json.dumps({"schema_version": 99}))
    with pytest.raises(SchemaTooNew):
        list(Store(tmp_path).documents())


def test_store_quarantine_moves_and_keeps(tmp_path):
    store = Store(tmp_path)
    (tmp_path / "x.json").write_text("{")
    (tmp_path / "quarantine").mkdir()
    (tmp_path / "quarantine" / "x.json").write_text("older")
    moved = store.quarantine(["x.json"])
    assert moved[0].read_text() == "{"
    assert (tmp_path / "quarantine" / "x.json").read_text() == "older"
    assert store.bad_files() == []


def test_store_lookup_by_prefix_and_path(tmp_path):
    store = Store(tmp_path)
    store.write(make_document("abc" + "0" * 13))
    store.write(make_document("abd" + "0" * 13, path="news/d.txt"))
    assert store.source("abc").path == "news/a.txt"
    assert store.source("news/d.txt").id.startswith("abd")
    with pytest.raises(UnknownSource, match="matches 2 sources"):
        store.source("ab")
    with pytest.raises(UnknownSource):
        store.source("zzz")
    claim, document = store.claim("abc000000000")
    assert document.id.startswith("abc") and claim.id == "abc000000000"
    with pytest.raises(UnknownClaim):
        store.claim("nope")


def test_store_superseded_version_of_a_path_is_replaced(tmp_path):
    store = Store(tmp_path)
    old = make_document("a" * 16, path="news/a.txt")
    store.write(old)
    new = make_document("c" * 16, path="news/a.txt", n=1)
    store.write(new)
    assert store.remove_superseded(new) == [old.id]
    assert [s.id for s in store.sources()] == [new.id]


def test_store_claims_with_figures_reads_only_those(tmp_path):
    store = Store(tmp_path)
    document = make_document(n=3)
    document.claims[1].quantities = []
    store.write(document)
    assert len(list(store.claims())) == 3
    with_figures = [c.id for c in store.claims(with_figures=True)]
    assert with_figures == [document.claims[0].id, document.claims[2].id]
