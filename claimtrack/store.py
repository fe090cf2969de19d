"""The claim store: one JSON document per source article in a folder, plus a rebuildable index.

The per-source documents are the source of truth. They are written atomically (a temporary file
in the same folder, fsync, then rename), so a killed run never leaves a half-written document, and
two runs writing the same source write the same file name, so a source is stored once. A document
that does not parse or validate is reported by name and never overwritten or deleted: `doctor`
lists such files and can move them to `quarantine/`.

`.index.sqlite` caches what the read commands need (the claims as JSON, the sources' metadata,
speaker names) keyed by each document's size and mtime; it is brought up to date on every read, so
deleting it loses nothing and a store written by another process is always read as it is.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import json
import logging
import os
import sqlite3
import stat
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from pydantic import ValidationError

from claimtrack.errors import SchemaTooNew, StoreError, UnknownClaim, UnknownSource
from claimtrack.models import SCHEMA_VERSION, Claim, SourceDocument
from claimtrack.summary import SpeakerSummary, merge, summarize

INDEX_NAME = ".index.sqlite"
QUARANTINE = "quarantine"
LOCK_NAME = ".lock"
_INDEX_VERSION = "5"
MAX_DOCUMENT_BYTES = 512 * 1024 * 1024
"""Past this a file is not a document: the largest article extract takes (see ingest) makes one
of about a quarter of this."""

log = logging.getLogger("claimtrack")
"""Notices a command should show but that stop nothing (the index rebuilt in memory...)."""


class _IndexDisagrees(Exception):
    """A row of the index that is not what indexing a document writes: the index is rebuilt."""


def _file_mode() -> int:
    """What a newly created file gets under the process's umask (0644 under the usual 022)."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


_FILE_MODE = _file_mode()
T = TypeVar("T")


def read_document(path: Path) -> SourceDocument:
    """Parse and validate one store document; StoreError names the file and what is wrong.
    Only a regular file is read (a pipe would hang the reader, a link to a device would never
    end), and only up to MAX_DOCUMENT_BYTES."""
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags)
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise StoreError(
                path, "is a symbolic link; a store holds its documents itself"
            ) from None
        raise StoreError(path, f"cannot be read ({error.strerror})") from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise StoreError(path, "is not a regular file (a folder, pipe, device or socket)")
        if st.st_size > MAX_DOCUMENT_BYTES:
            raise StoreError(
                path,
                f"is {st.st_size // 2**20} MB, more than a store document can be "
                f"({MAX_DOCUMENT_BYTES // 2**20} MB)",
            )
        chunks = []
        left = MAX_DOCUMENT_BYTES + 1
        while left > 0 and (chunk := os.read(fd, min(left, 1 << 24))):
            chunks.append(chunk)
            left -= len(chunk)
        raw = b"".join(chunks)
    except OSError as error:
        raise StoreError(path, f"cannot be read ({error.strerror})") from None
    finally:
        os.close(fd)
    if len(raw) > MAX_DOCUMENT_BYTES:
        raise StoreError(path, "grew past the size a store document can be while read")
    return parse_document(path, raw)


def parse_document(path: Path, raw: bytes) -> SourceDocument:
    try:
        data = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise StoreError(path, f"is not valid JSON ({error}); it may be truncated") from None
    if not isinstance(data, dict):
        raise StoreError(path, "is not a claimtrack source document (not a JSON object)")
    version = data.get("schema_version", SCHEMA_VERSION)
    if not isinstance(version, int) or isinstance(version, bool):
        raise StoreError(path, f"has a schema_version that is not a number ({version!r})")
    if version > SCHEMA_VERSION:
        raise SchemaTooNew(
            path,
            f"was written by a newer claimtrack (schema {version}, this one reads up to "
            f"{SCHEMA_VERSION}); upgrade claimtrack to read it",
        )
    try:
        return SourceDocument.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise StoreError(
            path,
            f"does not validate ({error.error_count()} errors; first: {where}: {first['msg']})",
        ) from None


@dataclass(frozen=True, slots=True)
class SourceInfo:
    """What `sources` shows of a stored document, without loading its claims."""

    id: str
    path: str
    title: str | None
    authors: list[str]
    date: str | None
    claims: int
    figures: int
    flags: dict[str, int]
    file: str


@dataclass(frozen=True, slots=True)
class BadFile:
    file: str
    reason: str


class Store:
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

    def _check_root(self) -> None:
        if self.root.exists() and not self.root.is_dir():
            raise StoreError(self.root, "is not a folder; --store names the store's folder")

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

    def _claim_rows(self, where: str, args: list[Any], skip_bad: bool) -> Iterator[Claim]:
        """Claims from the index, validated one by one as they are used. A row that does not
        validate means the index disagrees with the documents: it is rebuilt and the rows after
        the last good one are read again."""
        select = f"SELECT file, start, claim_id, json FROM claims {where}"
        order = " ORDER BY file, start, claim_id"
        last: tuple[Any, ...] | None = None
        for attempt in (1, 2):
            sql, params = select + order, args
            if last is not None:
                sql, params = (
                    select + " AND (file, start, claim_id) > (?, ?, ?)" + order,
                    [
                        *args,
                        *last,
                    ],
                )
            with self._index(skip_bad=skip_bad) as index:
                rows = index.execute(sql, params).fetchall()
            try:
                for file, start, claim_id, raw in rows:
                    claim = _claim_from_row(raw)
                    yield claim
                    last = (file, start, claim_id)
                return
            except _IndexDisagrees as error:
                if attempt == 2:
                    raise StoreError(self.root / INDEX_NAME, str(error)) from None
                self._distrust(str(error))

    def sources(self, *, skip_bad: bool = False) -> list[SourceInfo]:
        def rows(index: sqlite3.Connection) -> list[SourceInfo]:
            return [
                _source_from_row(r)
                for r in index.execute(
                    "SELECT source_id, path, title, authors, date, n_claims, n_figures, flags, "
                    "file FROM files WHERE error IS NULL ORDER BY path"
                )
            ]

        return self._read(skip_bad, rows)

    def speakers(self, *, skip_bad: bool = False) -> list[SpeakerSummary]:
        """Who speaks, merged across sources from each source's summary in the index."""

        def rows(index: sqlite3.Connection) -> list[SpeakerSummary]:
            return [
                _speaker_from_row(r)
                for r in index.execute(
                    "SELECT name, kind, role, aliases, claims, source_path FROM speakers "
                    "ORDER BY file, rowid"
                )
            ]

        return merge(self._read(skip_bad, rows))

    def source(self, key: str, *, skip_bad: bool = False) -> SourceDocument:
        """A source by id, unique id prefix, or path as stored."""
        known = self.sources(skip_bad=skip_bad)
        matches = [s for s in known if key in (s.id, s.path)]
        if not matches:
            matches = [s for s in known if s.id.startswith(key)]
        if not matches:
            raise UnknownSource(f"no source {key!r} in the store {self.root}")
        if len(matches) > 1:
            raise UnknownSource(f"{key!r} matches {len(matches)} sources; give more of the id")
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

    # -- the index ---------------------------------------------------------------------------

    def _read(self, skip_bad: bool, query: Callable[[sqlite3.Connection], T]) -> T:
        """`query` on the synced index; once more on a rebuilt one if a row disagrees."""
        try:
            with self._index(skip_bad=skip_bad) as index:
                return query(index)
        except _IndexDisagrees as error:
            self._distrust(str(error))
        try:
            with self._index(skip_bad=skip_bad) as index:
                return query(index)
        except _IndexDisagrees as error:
            raise StoreError(self.root / INDEX_NAME, str(error)) from None

    def _distrust(self, why: str) -> None:
        """The index holds what no document says: empty it, so the next read rebuilds it from
        the documents (in memory if the one on disk cannot be emptied)."""
        index = self._memory
        if index is None:
            try:
                index = self._connect_file()
                with index:
                    for table in ("files", "claims", "speakers"):
                        index.execute(f"DELETE FROM {table}")  # noqa: S608 - fixed names
                index.close()
                log.warning(
                    "%s disagreed with the documents (%s): rebuilt from them",
                    self.root / INDEX_NAME,
                    why,
                )
                return
            except (OSError, sqlite3.Error) as error:
                self._to_memory(
                    f"disagreed with the documents ({why}) and cannot be rebuilt ({error})"
                )
                return
        with index:
            for table in ("files", "claims", "speakers"):
                index.execute(f"DELETE FROM {table}")  # noqa: S608 - fixed names

    def _to_memory(self, why: str) -> sqlite3.Connection:
        if self._memory is None:
            log.warning(
                "%s %s; using an index rebuilt in memory (nothing is lost: the documents are "
                "the data)",
                self.root / INDEX_NAME,
                why,
            )
            self._memory = self._prepare(sqlite3.connect(":memory:"))
        return self._memory

    @contextlib.contextmanager
    def _index(self, *, skip_bad: bool = False) -> Iterator[sqlite3.Connection]:
        self._check_root()
        index = self._connect()
        try:
            try:
                self._sync(index)
            except sqlite3.Error as error:  # full disk, read-only file, locked for too long
                if index is self._memory:
                    raise StoreError(self.root, f"cannot be indexed ({error})") from None
                index.close()
                index = self._to_memory(f"cannot be written ({error})")
                self._sync(index)
            if not skip_bad:
                bad = index.execute(
                    "SELECT file, error FROM files WHERE error IS NOT NULL ORDER BY file LIMIT 1"
                ).fetchone()
                if bad:
                    raise StoreError(
                        self.root / str(bad[0]),
                        str(bad[1]) + " (run `claimtrack doctor` to list and quarantine bad "
                        "files, or pass --skip-bad)",
                    )
            yield index
        finally:
            if index is not self._memory:
                index.close()

    def _connect(self) -> sqlite3.Connection:
        if self._memory is not None:
            return self._memory
        if not self.root.is_dir():
            return self._to_memory_quietly()
        try:
            return self._connect_file()
        except (OSError, sqlite3.Error) as error:
            return self._to_memory(f"cannot be opened ({error})")

    def _to_memory_quietly(self) -> sqlite3.Connection:
        """No store folder yet: nothing to index, nothing to say."""
        return self._prepare(sqlite3.connect(":memory:"))

    def _connect_file(self) -> sqlite3.Connection:
        path = self.root / INDEX_NAME
        try:
            return self._prepare(sqlite3.connect(path, timeout=30))
        except sqlite3.DatabaseError as error:
            if path.is_dir() or path.is_symlink():
                raise sqlite3.DatabaseError(f"{error}; it is not a file") from None
            # The index is a cache: a damaged one is rebuilt from the documents.
            with contextlib.suppress(OSError):
                path.unlink()
            return self._prepare(sqlite3.connect(path, timeout=30))

    @staticmethod
    def _prepare(index: sqlite3.Connection) -> sqlite3.Connection:
        if index.execute("PRAGMA database_list").fetchone()[2]:  # a file, not :memory:
            index.execute("PRAGMA journal_mode=WAL")
            # A cache rebuilt from the documents: WAL with NORMAL survives a killed process, and
            # skips the fsync of every commit (FULL made each write() cost ~25 ms more).
            index.execute("PRAGMA synchronous=NORMAL")
        index.executescript(
            """
            CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
            CREATE TABLE IF NOT EXISTS files (
                file TEXT PRIMARY KEY, mtime_ns INTEGER, size INTEGER, error TEXT,
                source_id TEXT, path TEXT, title TEXT, authors TEXT, date TEXT,
                n_claims INTEGER, n_figures INTEGER, flags TEXT);
            CREATE TABLE IF NOT EXISTS claims (
                claim_id TEXT, source_id TEXT, file TEXT, start INTEGER, names TEXT, json TEXT,
                figures INTEGER);
            CREATE TABLE IF NOT EXISTS speakers (
                file TEXT, name TEXT, kind TEXT, role TEXT, aliases TEXT, claims INTEGER,
                source_path TEXT);
            CREATE INDEX IF NOT EXISTS speakers_file ON speakers (file);
            CREATE INDEX IF NOT EXISTS claims_file ON claims (file);
            CREATE INDEX IF NOT EXISTS claims_id ON claims (claim_id);
            CREATE INDEX IF NOT EXISTS files_path ON files (path);
            """
        )
        version = index.execute("SELECT value FROM meta WHERE key='version'").fetchone()
        if not version or version[0] != _INDEX_VERSION:
            with index:
                index.execute("DELETE FROM files")
                index.execute("DELETE FROM claims")
                index.execute("DELETE FROM speakers")
                index.execute(
                    "INSERT OR REPLACE INTO meta VALUES ('version', ?)", (_INDEX_VERSION,)
                )
        return index

    def _sync(self, index: sqlite3.Connection) -> None:
        """Bring the index up to date with the documents on disk."""
        on_disk: dict[str, tuple[int, int]] = {}
        if self.root.is_dir():
            with os.scandir(self.root) as entries:
                for entry in entries:
                    if entry.name.endswith(".json") and not entry.name.startswith("."):
                        with contextlib.suppress(FileNotFoundError):
                            st = entry.stat(follow_symlinks=False)
                            on_disk[entry.name] = (st.st_mtime_ns, st.st_size)
        known = {
            file: (mtime, size)
            for file, mtime, size in index.execute("SELECT file, mtime_ns, size FROM files")
        }
        changed = [f for f, sig in on_disk.items() if known.get(f) != sig]
        gone = [f for f in known if f not in on_disk]
        if not changed and not gone:
            self._check_counts(index)
            return
        with index:
            for file in gone:
                index.execute("DELETE FROM files WHERE file = ?", (file,))
                index.execute("DELETE FROM claims WHERE file = ?", (file,))
                index.execute("DELETE FROM speakers WHERE file = ?", (file,))
            for file in changed:
                index.execute("DELETE FROM claims WHERE file = ?", (file,))
                index.execute("DELETE FROM speakers WHERE file = ?", (file,))
                mtime, size = on_disk[file]
                try:
                    document = read_document(self.root / file)
                except StoreError as error:
                    if not os.path.lexists(self.root / file):
                        # Removed by another process since the scan: gone, not bad.
                        index.execute("DELETE FROM files WHERE file = ?", (file,))
                        continue
                    index.execute(
                        "INSERT OR REPLACE INTO files (file, mtime_ns, size, error) "
                        "VALUES (?, ?, ?, ?)",
                        (file, mtime, size, error.reason),
                    )
                    continue
                if file != f"{document.id}.json":
                    index.execute(
                        "INSERT OR REPLACE INTO files (file, mtime_ns, size, error) "
                        "VALUES (?, ?, ?, ?)",
                        (
                            file,
                            mtime,
                            size,
                            f"holds source {document.id}, which is stored as {document.id}.json "
                            "(a copy under another name?)",
                        ),
                    )
                    continue
                self._index_document(index, file, mtime, size, document)
        self._check_counts(index)

    def _check_counts(self, index: sqlite3.Connection) -> None:
        """Claim rows that no indexed document accounts for (planted, or left by a bug) mean
        the index disagrees with the documents. Two counts: cheap enough for every read."""
        indexed, expected = index.execute(
            "SELECT (SELECT count(*) FROM claims), "
            "(SELECT coalesce(sum(n_claims), 0) FROM files WHERE error IS NULL)"
        ).fetchone()
        if indexed != expected:
            raise _IndexDisagrees(f"{indexed} claim rows for {expected} claims")

    @staticmethod
    def _index_document(
        index: sqlite3.Connection, file: str, mtime: int, size: int, document: SourceDocument
    ) -> None:
        flags: dict[str, int] = {}
        figures = 0
        rows = []
        for claim in document.claims:
            figures += len(claim.quantities)
            for flag in claim.flags:
                flags[flag.kind] = flags.get(flag.kind, 0) + 1
            names = "\x1f".join(
                n.lower()
                for n in (claim.speaker.name, claim.speaker.mention, *claim.speaker.aliases)
                if n
            )
            rows.append(
                (
                    claim.id,
                    document.id,
                    file,
                    claim.start,
                    names,
                    claim.model_dump_json(),
                    len(claim.quantities),
                )
            )
        index.execute(
            "INSERT OR REPLACE INTO files VALUES (?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                file,
                mtime,
                size,
                document.id,
                document.path,
                document.title,
                json.dumps(document.authors),
                document.date,
                len(document.claims),
                figures,
                json.dumps(flags),
            ),
        )
        index.executemany("INSERT INTO claims VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
        index.executemany(
            "INSERT INTO speakers VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (file, s.name, s.kind, s.role, json.dumps(s.aliases), s.claims, document.path)
                for s in summarize(document.claims)
            ],
        )


def write_atomically(
    target: Path, payload: bytes, *, mode: int | None = None, prefix: str | None = None
) -> None:
    """Write a file whole or not at all: a temporary file in the same folder, fsync, rename.
    On any error (a full disk) the temporary file goes and an older `target` is left as it was."""
    fd, tmp = tempfile.mkstemp(
        prefix=prefix or f".{target.name}.", suffix=".tmp", dir=target.parent
    )
    try:
        os.fchmod(fd, _FILE_MODE if mode is None else mode)  # mkstemp makes it private
        with os.fdopen(fd, "wb") as out:
            out.write(payload)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _plain_name(name: object) -> bool:
    """A document's file name as the store writes it: in the store folder itself, never a
    path that leads elsewhere ("../x.json", "/etc/x.json", "quarantine/x.json")."""
    return (
        isinstance(name, str)
        and name.endswith(".json")
        and not name.startswith(".")
        and os.path.basename(name) == name
        and "\\" not in name
        and "\0" not in name
    )


def _claim_from_row(raw: object) -> Claim:
    if not isinstance(raw, str | bytes):
        raise _IndexDisagrees("a claim row holds no JSON")
    try:
        return Claim.model_validate_json(raw)
    except ValidationError as error:
        raise _IndexDisagrees(
            f"a claim row does not validate: {error.errors()[0]['msg']}"
        ) from None


def _json_list_of_str(raw: object) -> list[str]:
    try:
        value = json.loads(raw) if isinstance(raw, str | bytes) else None
    except ValueError:
        value = None
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _IndexDisagrees(f"a row holds {raw!r} where a list of names belongs")
    return value


def _source_from_row(r: tuple[Any, ...]) -> SourceInfo:
    source_id, path, title, authors, date, n_claims, n_figures, flags, file = r
    try:
        counts = json.loads(flags) if isinstance(flags, str | bytes) else None
    except ValueError:
        counts = None
    ok = (
        isinstance(source_id, str)
        and isinstance(path, str)
        and isinstance(title, str | None)
        and isinstance(date, str | None)
        and isinstance(n_claims, int)
        and isinstance(n_figures, int)
        and isinstance(counts, dict)
        and all(isinstance(k, str) and isinstance(v, int) for k, v in counts.items())
        and _plain_name(file)
        and file == f"{source_id}.json"
    )
    if not ok or not isinstance(counts, dict):
        raise _IndexDisagrees(f"the row of {file!r} is not what indexing a document writes")
    return SourceInfo(
        source_id, path, title, _json_list_of_str(authors), date, n_claims, n_figures, counts, file
    )


def _speaker_from_row(r: tuple[Any, ...]) -> SpeakerSummary:
    name, kind, role, aliases, claims, path = r
    if not (
        isinstance(name, str)
        and isinstance(kind, str)
        and isinstance(role, str | None)
        and isinstance(claims, int)
        and isinstance(path, str)
    ):
        raise _IndexDisagrees("a speaker row is not what indexing a document writes")
    return SpeakerSummary(name, kind, role, _json_list_of_str(aliases), claims, [path])


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
