"""The claim store: one JSON document per source article in a folder, plus a rebuildable index.

The per-source documents are the source of truth. They are written atomically (a temporary file
in the same folder, fsync, then rename), so a killed run never leaves a half-written document, and
two runs writing the same source write the same file name, so a source is stored once. A document
that does not parse or validate is reported by name and never overwritten or deleted: `doctor`
lists such files and can move them to `quarantine/`.

`.index.sqlite` caches what the read commands need (the claims as JSON, the sources' metadata,
speaker names) keyed by each document's size and mtime; it is brought up to date on every read, so
deleting it loses nothing and a store written by another process is always read as it is. Files
are read and written by claimtrack.documents; the index is kept by claimtrack.store_index, the
half of `Store` that syncs, reads and rebuilds it.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import sqlite3
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from claimtrack.documents import (  # noqa: F401 - the store's API, as before the split
    _FILE_MODE,
    MAX_DOCUMENT_BYTES,
    parse_document,
    read_document,
    write_atomically,
)
from claimtrack.errors import StoreError, StoreNotFound, UnknownClaim, UnknownSource
from claimtrack.models import Claim, SourceDocument
from claimtrack.store_index import (
    INDEX_NAME,
    StoreIndex,
    _IndexDisagrees,
    _plain_name,
    _source_from_row,
    _speaker_from_row,
)
from claimtrack.summary import SourceInfo, SpeakerSummary, merge

QUARANTINE = "quarantine"
LOCK_NAME = ".lock"


@dataclass(frozen=True, slots=True)
class BadFile:
    file: str
    reason: str


def open_store(root: Path | str) -> Store:
    """The store at `root` for reading; StoreNotFound when there is no such folder (an empty
    result from a mistyped path would look like an empty store)."""
    store = Store(root)
    store._check_root()  # a file there: say so, not "no store"
    if not store.root.is_dir():
        where = os.path.abspath(store.root)
        shown = str(root) if str(root) == where else f"{root} ({where})"
        raise StoreNotFound(
            f"no store at {shown}: `claimtrack extract PATH --store {root}` makes one; "
            "--store or $CLAIMTRACK_STORE reads another"
        )
    return store


class Store(StoreIndex):
    def __init__(self, root: Path | str) -> None:
        self.root = Path(root)
        # The source ids stored under each article path, for remove_superseded: read from the
        # index once, then kept up to date by write().
        self._ids_by_path: dict[str, set[str]] | None = None
        self._writer: sqlite3.Connection | None = None
        # The index in memory, once the one on disk cannot be written or disagreed twice.
        self._memory: sqlite3.Connection | None = None
        self._lock_fd: int | None = None
        self._lock_depth = 0

    # -- writing -----------------------------------------------------------------------------

    def document_path(self, source_id: str) -> Path:
        return self.root / f"{source_id}.json"

    def check_writable(self) -> None:
        """StoreError now, before any work, if documents cannot be written into the store."""
        self._check_root()
        try:
            self.root.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StoreError(self.root, f"cannot be created ({error.strerror})") from None

    @contextlib.contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the store's write lock (an flock on `.lock`): a document's write and the removal
        of what it supersedes happen as one step for every process writing into this store."""
        if self._lock_depth == 0:
            try:
                if self._lock_fd is None:
                    self._lock_fd = os.open(
                        self.root / LOCK_NAME, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o666
                    )
                fcntl.flock(self._lock_fd, fcntl.LOCK_EX)
            except OSError as error:
                raise StoreError(
                    self.root / LOCK_NAME, f"cannot be locked ({error.strerror})"
                ) from None
        self._lock_depth += 1
        try:
            yield
        finally:
            self._lock_depth -= 1
            if self._lock_depth == 0 and self._lock_fd is not None:
                fcntl.flock(self._lock_fd, fcntl.LOCK_UN)

    def put(self, document: SourceDocument, *, supersede: bool = True) -> tuple[Path, list[str]]:
        """Write a document and remove the documents of its path it supersedes, as one step
        under the store's lock: two runs over an edited article leave one version, never none."""
        self.check_writable()
        with self.locked():
            target = self.write(document)
            return target, (self.remove_superseded(document) if supersede else [])

    def write(self, document: SourceDocument) -> Path:
        """Write one document atomically. An existing file under that name that does not parse
        is left as it is and reported: it is never silently overwritten. A file that cannot be
        written (full disk, read-only folder) is a StoreError naming it."""
        self.check_writable()
        target = self.document_path(document.id)
        mode = _FILE_MODE
        with contextlib.suppress(FileNotFoundError):
            mode = stat.S_IMODE(target.lstat().st_mode)  # --force keeps the file's mode
            read_document(target)  # raises StoreError for a bad file
        try:
            payload = document.model_dump_json().encode("utf-8")
        except ValueError as error:  # text pydantic cannot serialise (lone surrogates)
            raise StoreError(target, f"cannot be stored ({error})") from None
        with self.locked():
            try:
                write_atomically(target, payload, mode=mode, prefix=f".{document.id}.")
            except OSError as error:
                raise StoreError(target, f"cannot be written ({error.strerror or error})") from None
        self._index_written(target, document)
        if self._ids_by_path is not None:
            self._ids_by_path.setdefault(document.path, set()).add(document.id)
        return target

    def _index_written(self, target: Path, document: SourceDocument) -> None:
        """Index what was just written, so readers find the index current (they would bring it
        up to date themselves, but reading back 10,000 documents is what the index avoids).
        One connection serves every write of this Store: opening, preparing and closing one per
        document (each close checkpoints the WAL) cost more than the write itself."""
        if self._memory is not None:
            return  # the index on disk cannot be written: the next read rebuilds in memory
        try:
            st = target.stat()
            if self._writer is None:
                self._writer = self._connect_file()
        except (OSError, sqlite3.Error):
            return
        index = self._writer
        try:
            with index:
                index.execute("DELETE FROM claims WHERE file = ?", (target.name,))
                index.execute("DELETE FROM speakers WHERE file = ?", (target.name,))
                self._index_document(index, target.name, st.st_mtime_ns, st.st_size, document)
        except sqlite3.Error:
            pass  # the next read re-indexes the file from disk

    def close(self) -> None:
        """Close the index connection writes keep open (also done when the Store is collected)."""
        if self._writer is not None:
            self._writer.close()
            self._writer = None
        if self._lock_fd is not None and self._lock_depth == 0:
            os.close(self._lock_fd)
            self._lock_fd = None

    def stored(self, source_id: str) -> SourceDocument | None:
        """The stored document for this id, None if there is none; StoreError if it is bad."""
        path = self.document_path(source_id)
        if not os.path.lexists(path):
            return None
        return read_document(path)

    def remove_superseded(self, document: SourceDocument) -> list[str]:
        """Remove valid documents of the same path whose content has since changed.

        The index is read once per Store, not synced after every write: a sync scans the whole
        folder, which made a run over n articles cost O(n^2); what other processes wrote since is
        looked up by path in the index they keep. Bad files elsewhere in the store do not stop
        this (the read commands and `doctor` report them), and a candidate is re-read before it
        goes, so a bad file is never deleted. Under the store's lock, and only while `document`
        itself is on disk: of two runs superseding each other, one version stays."""
        with self.locked():
            if self._ids_by_path is None:
                rows = self._read(
                    True,
                    lambda index: index.execute(
                        "SELECT path, source_id FROM files WHERE error IS NULL"
                    ).fetchall(),
                )
                self._ids_by_path = {}
                for path, source_id in rows:
                    self._ids_by_path.setdefault(str(path), set()).add(str(source_id))
            ids = self._ids_by_path.setdefault(document.path, set())
            ids.add(document.id)
            ids |= self._ids_written_by_others(document.path)
            mine = self.document_path(document.id)
            removed = []
            for source_id in sorted(ids - {document.id}):
                ids.discard(source_id)
                file = self.document_path(source_id)
                if not _plain_name(file.name):
                    continue
                try:
                    old = read_document(file)
                    if not mine.is_file() or read_document(mine).sha256 != document.sha256:
                        break  # ours is gone: what is left is the only version
                except StoreError:
                    continue  # gone meanwhile, or bad: left for `doctor`
                if old.path != document.path:
                    continue
                with contextlib.suppress(FileNotFoundError):
                    file.unlink()
                    removed.append(source_id)
            return removed

    def _ids_written_by_others(self, path: str) -> set[str]:
        if self._writer is None:
            return set()
        try:
            rows = self._writer.execute(
                "SELECT source_id FROM files WHERE path = ? AND error IS NULL", (path,)
            ).fetchall()
        except sqlite3.Error:
            return set()
        return {str(r[0]) for r in rows if isinstance(r[0], str)}

    # -- reading -----------------------------------------------------------------------------

    def files(self) -> list[Path]:
        self._check_root()
        if not self.root.is_dir():
            return []
        return sorted(p for p in self.root.glob("*.json") if not p.name.startswith("."))

    def documents(self, *, skip_bad: bool = False) -> Iterator[SourceDocument]:
        """Every stored document, validated, in file-name order."""
        for path in self.files():
            try:
                yield read_document(path)
            except StoreError:
                if not skip_bad:
                    raise
                continue

    def claims(self, *, skip_bad: bool = False, with_figures: bool = False) -> Iterator[Claim]:
        """Every claim, in source and text order; only those with a figure if `with_figures`
        (all that conflicts can compare: the index says which, so the rest are not read)."""
        return self._claim_rows("WHERE figures > 0" if with_figures else "WHERE 1=1", [], skip_bad)

    def claims_where(
        self,
        *,
        speaker: str | None = None,
        source_ids: Iterable[str] | None = None,
        skip_bad: bool = False,
    ) -> Iterator[Claim]:
        """Claims narrowed with the index (a superset of what the filters keep)."""
        sql = "WHERE 1=1"
        args: list[Any] = []
        if speaker:
            sql += " AND names LIKE ? ESCAPE '\\'"
            args.append("%" + _like_escape(speaker.lower()) + "%")
        if source_ids is not None:
            ids = list(source_ids)
            sql += f" AND source_id IN ({','.join('?' * len(ids))})"
            args.extend(ids)
        return self._claim_rows(sql, args, skip_bad)

    def sources(self, *, skip_bad: bool = False) -> list[SourceInfo]:
        def rows(index: sqlite3.Connection) -> list[SourceInfo]:
            return [
                _source_from_row(r)
                for r in index.execute(
                    "SELECT source_id, path, title, authors, date, n_claims, n_figures, flags, "
                    "file, url, outlet FROM files WHERE error IS NULL ORDER BY path"
                )
            ]

        return self._read(skip_bad, rows)

    def speakers(self, *, skip_bad: bool = False) -> list[SpeakerSummary]:
        """Who speaks, merged across sources from each source's summary in the index."""

        def rows(index: sqlite3.Connection) -> list[SpeakerSummary]:
            return [
                _speaker_from_row(r)
                for r in index.execute(
                    "SELECT s.name, s.kind, s.role, s.aliases, s.claims, s.source_path, "
                    "f.outlet FROM speakers s JOIN files f ON f.file = s.file "
                    "ORDER BY s.file, s.rowid"
                )
            ]

        return merge(self._read(skip_bad, rows))

    def sources_matching(self, key: str, *, skip_bad: bool = False) -> list[SourceInfo]:
        """The sources `key` names: by id or path as stored, else by the name tables show
        (the file name), else by id prefix. UnknownSource when none."""
        known = self.sources(skip_bad=skip_bad)
        matches = [s for s in known if key in (s.id, s.path)]
        if not matches:
            matches = [s for s in known if s.name == key or s.url == key]
        if not matches:
            matches = [s for s in known if s.id.startswith(key)]
        if not matches:
            raise UnknownSource(f"no source {key!r} in the store {self.root}")
        return matches

    def speakers_by_outlet(
        self, *, skip_bad: bool = False
    ) -> list[tuple[str | None, SpeakerSummary]]:
        """Who speaks in each outlet: (outlet, speaker summary) by outlet, most claims first."""
        by: dict[str | None, list[SpeakerSummary]] = {}

        def rows(index: sqlite3.Connection) -> list[tuple[Any, SpeakerSummary]]:
            return [
                (r[6], _speaker_from_row(r))
                for r in index.execute(
                    "SELECT s.name, s.kind, s.role, s.aliases, s.claims, s.source_path, "
                    "f.outlet FROM speakers s JOIN files f ON f.file = s.file "
                    "ORDER BY s.file, s.rowid"
                )
            ]

        for outlet, summary in self._read(skip_bad, rows):
            summary.outlets = []  # one outlet's list: it goes without saying
            by.setdefault(outlet, []).append(summary)
        return [
            (outlet, summary)
            for outlet in sorted(by, key=lambda o: (o is None, (o or "").lower()))
            for summary in merge(by[outlet])
        ]

    def source(self, key: str, *, skip_bad: bool = False) -> SourceDocument:
        """A source by id, unique id prefix, path as stored or file name."""
        matches = self.sources_matching(key, skip_bad=skip_bad)
        if len(matches) > 1:
            raise UnknownSource(
                f"{key!r} matches {len(matches)} sources; give more of the id or the path"
            )
        return read_document(self.root / matches[0].file)

    def claim(self, key: str, *, skip_bad: bool = False) -> tuple[Claim, SourceDocument]:
        """A claim by id or unique id prefix, with its source document."""

        def rows(index: sqlite3.Connection) -> list[tuple[str, str]]:
            found = index.execute(
                "SELECT claim_id, file FROM claims WHERE claim_id LIKE ? ESCAPE '\\' LIMIT 2",
                (_like_escape(key) + "%",),
            ).fetchall()
            for claim_id, file in found:
                if not isinstance(claim_id, str) or not _plain_name(file):
                    raise _IndexDisagrees(f"a claim row names {file!r}")
            return found

        found = self._read(skip_bad, rows)
        if not found:
            raise UnknownClaim(f"no claim {key!r} in the store {self.root}")
        if len(found) > 1:
            raise UnknownClaim(f"{key!r} matches more than one claim; give more of the id")
        claim_id, file = found[0]
        document = read_document(self.root / file)
        for claim in document.claims:
            if claim.id == claim_id:
                return claim, document
        raise UnknownClaim(f"claim {key!r} is no longer in {file}; run the command again")

    def bad_files(self) -> list[BadFile]:
        def rows(index: sqlite3.Connection) -> list[BadFile]:
            return [
                BadFile(str(file), str(error))
                for file, error in index.execute(
                    "SELECT file, error FROM files WHERE error IS NOT NULL ORDER BY file"
                )
            ]

        return self._read(True, rows)

    def check(self) -> list[BadFile]:
        """What `doctor` does: the bad files, after reading every row of the index back (a row
        that does not validate rebuilds the index, with a notice)."""
        for _ in self.claims(skip_bad=True):
            pass
        self.sources(skip_bad=True)
        self.speakers(skip_bad=True)
        return self.bad_files()

    def stale_temporary_files(self) -> list[Path]:
        """Temporary files of writes that never finished (a killed run). Taken under the store's
        lock, so a write in progress is never among them."""
        self._check_root()
        if not self.root.is_dir():
            return []

        def stale() -> list[Path]:
            return sorted(p for p in self.root.glob(".*.tmp") if p.is_file() and not p.is_symlink())

        try:
            with self.locked():
                return stale()
        except StoreError:  # a read-only store: nothing is being written into it either
            return stale()

    def remove_stale_temporary_files(self) -> list[Path]:
        with self.locked():
            stale = self.stale_temporary_files()
            for path in stale:
                with contextlib.suppress(FileNotFoundError):
                    path.unlink()
            return stale

    def quarantine(self, files: Iterable[str]) -> list[Path]:
        """Move bad files aside (never delete them), to `quarantine/` in the store. The folder
        must be a real folder in the store: a link out of it is refused."""
        folder = self.root / QUARANTINE
        if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
            raise StoreError(folder, "is not a folder of the store (a file or a link); move it")
        try:
            folder.mkdir(exist_ok=True)
        except OSError as error:
            raise StoreError(folder, f"cannot be created ({error.strerror})") from None
        moved = []
        for name in files:
            if not _plain_name(name):
                raise StoreError(
                    self.root / INDEX_NAME, f"names a file outside the store: {name!r}"
                )
            target = folder / name
            n = 1
            while os.path.lexists(target):
                target = folder / f"{name}.{n}"
                n += 1
            try:
                os.rename(self.root / name, target)
            except FileNotFoundError:
                continue
            except OSError as error:
                raise StoreError(self.root / name, f"cannot be moved ({error.strerror})") from None
            moved.append(target)
        return moved


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
