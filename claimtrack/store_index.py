"""The store's index, `.index.sqlite`: a cache of what the read commands need, brought up to date
from the documents on every read. When it cannot be written (full disk, read-only store, a folder
in its place) it is rebuilt in memory; when it holds rows that no document accounts for, it is
rebuilt from the documents; either way with a notice on the `claimtrack` logger."""

from __future__ import annotations

import contextlib
import json
import logging
import os
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

from pydantic import ValidationError

from claimtrack.documents import read_document
from claimtrack.errors import StoreError
from claimtrack.models import Claim, SourceDocument
from claimtrack.summary import SourceInfo, SpeakerSummary, summarize

INDEX_NAME = ".index.sqlite"
_INDEX_VERSION = "6"
T = TypeVar("T")

log = logging.getLogger("claimtrack")
"""Notices a command should show but that stop nothing (the index rebuilt in memory...)."""


class _IndexDisagrees(Exception):
    """A row of the index that is not what indexing a document writes: the index is rebuilt."""


class StoreIndex:
    """The index half of a Store (see claimtrack.store): syncing, reading rows, rebuilding."""

    root: Path
    _memory: sqlite3.Connection | None

    def _check_root(self) -> None:
        if self.root.exists() and not self.root.is_dir():
            raise StoreError(self.root, "is not a folder; --store names the store's folder")

    # -- the index ---------------------------------------------------------------------------

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
        index.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
        version = index.execute("SELECT value FROM meta WHERE key='version'").fetchone()
        if not version or version[0] != _INDEX_VERSION:
            # Another version's tables may have other columns: they go, and are rebuilt.
            with index:
                for table in ("files", "claims", "speakers"):
                    index.execute(f"DROP TABLE IF EXISTS {table}")
                index.execute(
                    "INSERT OR REPLACE INTO meta VALUES ('version', ?)", (_INDEX_VERSION,)
                )
        index.executescript(
            """
            CREATE TABLE IF NOT EXISTS files (
                file TEXT PRIMARY KEY, mtime_ns INTEGER, size INTEGER, error TEXT,
                source_id TEXT, path TEXT, title TEXT, authors TEXT, date TEXT,
                n_claims INTEGER, n_figures INTEGER, flags TEXT, url TEXT, outlet TEXT);
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
            "INSERT OR REPLACE INTO files VALUES (?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
                document.url,
                document.outlet,
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
    source_id, path, title, authors, date, n_claims, n_figures, flags, file, url, outlet = r
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
        and isinstance(url, str | None)
        and isinstance(outlet, str | None)
        and _plain_name(file)
        and file == f"{source_id}.json"
    )
    if not ok or not isinstance(counts, dict):
        raise _IndexDisagrees(f"the row of {file!r} is not what indexing a document writes")
    return SourceInfo(
        source_id,
        path,
        title,
        _json_list_of_str(authors),
        date,
        n_claims,
        n_figures,
        counts,
        file,
        url=url,
        outlet=outlet,
    )


def _speaker_from_row(r: tuple[Any, ...]) -> SpeakerSummary:
    name, kind, role, aliases, claims, path, outlet = r
    if not (
        isinstance(outlet, str | None)
        and isinstance(name, str)
        and isinstance(kind, str)
        and isinstance(role, str | None)
        and isinstance(claims, int)
        and isinstance(path, str)
    ):
        raise _IndexDisagrees("a speaker row is not what indexing a document writes")
    aliases = _json_list_of_str(aliases)
    return SpeakerSummary(name, kind, role, aliases, claims, [path], [outlet] if outlet else [])
