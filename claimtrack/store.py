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
import json
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from claimtrack.errors import (
    SchemaTooNew,
    StoreError,
    StoreNotFound,
    UnknownClaim,
    UnknownSource,
)
from claimtrack.models import SCHEMA_VERSION, Claim, SourceDocument
from claimtrack.summary import SourceInfo, SpeakerSummary, merge, summarize

INDEX_NAME = ".index.sqlite"
QUARANTINE = "quarantine"
_INDEX_VERSION = "6"


def _file_mode() -> int:
    """What a newly created file gets under the process's umask (0644 under the usual 022)."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


_FILE_MODE = _file_mode()


def read_document(path: Path) -> SourceDocument:
    """Parse and validate one store document; StoreError names the file and what is wrong."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise StoreError(path, f"cannot be read ({error.strerror})") from None
    return parse_document(path, raw)


def parse_document(path: Path, raw: bytes) -> SourceDocument:
    try:
        data = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise StoreError(path, f"is not valid JSON ({error}); it may be truncated") from None
    if not isinstance(data, dict):
        raise StoreError(path, "is not a claimtrack source document (not a JSON object)")
    version = data.get("schema_version")
    if isinstance(version, int) and version > SCHEMA_VERSION:
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
class BadFile:
    file: str
    reason: str


def open_store(root: Path | str) -> Store:
    """The store at `root` for reading; StoreNotFound when there is no such folder (an empty
    result from a mistyped path would look like an empty store)."""
    store = Store(root)
    if not store.root.is_dir():
        where = os.path.abspath(store.root)
        shown = str(root) if str(root) == where else f"{root} ({where})"
        raise StoreNotFound(
            f"no store at {shown}: `claimtrack extract PATH --store {root}` makes one; "
            "--store or $CLAIMTRACK_STORE reads another"
        )
    return store


class Store:
    def __init__(self, root: Path | str) -> None:
        self.root = Path(root)
        # The source ids stored under each article path, for remove_superseded: read from the
        # index once, then kept up to date by write().
        self._ids_by_path: dict[str, set[str]] | None = None
        self._writer: sqlite3.Connection | None = None

    # -- writing -----------------------------------------------------------------------------

    def document_path(self, source_id: str) -> Path:
        return self.root / f"{source_id}.json"

    def write(self, document: SourceDocument) -> Path:
        """Write one document atomically. An existing file under that name that does not parse
        is left as it is and reported: it is never silently overwritten."""
        self.root.mkdir(parents=True, exist_ok=True)
        target = self.document_path(document.id)
        if target.exists():
            read_document(target)  # raises StoreError for a bad file
        payload = document.model_dump_json(indent=1).encode("utf-8")
        fd, tmp = tempfile.mkstemp(prefix=f".{document.id}.", suffix=".tmp", dir=self.root)
        try:
            os.fchmod(fd, _FILE_MODE)  # mkstemp makes it private; a store is meant to be read
            with os.fdopen(fd, "wb") as out:
                out.write(payload)
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, target)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
        self._index_written(target, document)
        if self._ids_by_path is not None:
            self._ids_by_path.setdefault(document.path, set()).add(document.id)
        return target

    def _index_written(self, target: Path, document: SourceDocument) -> None:
        """Index what was just written, so readers find the index current (they would bring it
        up to date themselves, but reading back 10,000 documents is what the index avoids).
        One connection serves every write of this Store: opening, preparing and closing one per
        document (each close checkpoints the WAL) cost more than the write itself."""
        try:
            st = target.stat()
            if self._writer is None:
                self._writer = self._connect()
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

    def stored(self, source_id: str) -> SourceDocument | None:
        """The stored document for this id, None if there is none; StoreError if it is bad."""
        path = self.document_path(source_id)
        if not path.exists():
            return None
        return read_document(path)

    def remove_superseded(self, document: SourceDocument) -> list[str]:
        """Remove valid documents of the same path whose content has since changed.

        The index is read once per Store, not synced after every write: a sync scans the whole
        folder, which made a run over n articles cost O(n^2). Bad files elsewhere in the store do
        not stop this (the read commands and `doctor` report them), and a candidate is re-read
        before it goes, so a bad file is never deleted."""
        if self._ids_by_path is None:
            with self._index(skip_bad=True) as index:
                rows = index.execute(
                    "SELECT path, source_id FROM files WHERE error IS NULL"
                ).fetchall()
            self._ids_by_path = {}
            for path, source_id in rows:
                self._ids_by_path.setdefault(path, set()).add(source_id)
        ids = self._ids_by_path.setdefault(document.path, set())
        ids.add(document.id)
        removed = []
        for source_id in sorted(ids - {document.id}):
            ids.discard(source_id)
            file = self.document_path(source_id)
            try:
                old = read_document(file)
            except StoreError:
                continue  # gone meanwhile, or bad: left for `doctor`
            if old.path != document.path:
                continue
            with contextlib.suppress(FileNotFoundError):
                file.unlink()
                removed.append(source_id)
        return removed

    # -- reading -----------------------------------------------------------------------------

    def files(self) -> list[Path]:
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
        where = "WHERE figures > 0 " if with_figures else ""
        with self._index(skip_bad=skip_bad) as index:
            rows = index.execute(f"SELECT json FROM claims {where}ORDER BY file, start").fetchall()
        for (raw,) in rows:
            yield Claim.model_validate_json(raw)

    def claims_where(
        self,
        *,
        speaker: str | None = None,
        source_ids: Iterable[str] | None = None,
        skip_bad: bool = False,
    ) -> Iterator[Claim]:
        """Claims narrowed with the index (a superset of what the filters keep)."""
        sql = "SELECT json FROM claims WHERE 1=1"
        args: list[Any] = []
        if speaker:
            sql += " AND names LIKE ? ESCAPE '\\'"
            args.append("%" + _like_escape(speaker.lower()) + "%")
        if source_ids is not None:
            ids = list(source_ids)
            sql += f" AND source_id IN ({','.join('?' * len(ids))})"
            args.extend(ids)
        sql += " ORDER BY file, start"
        with self._index(skip_bad=skip_bad) as index:
            rows = index.execute(sql, args).fetchall()
        for (raw,) in rows:
            yield Claim.model_validate_json(raw)

    def sources(self, *, skip_bad: bool = False) -> list[SourceInfo]:
        with self._index(skip_bad=skip_bad) as index:
            rows = index.execute(
                "SELECT source_id, path, title, authors, date, n_claims, n_figures, flags, file, "
                "url, outlet FROM files WHERE error IS NULL ORDER BY path"
            ).fetchall()
        return [
            SourceInfo(
                r[0], r[1], r[2], json.loads(r[3]), r[4], r[5], r[6], json.loads(r[7]), r[8],
                url=r[9], outlet=r[10],
            )
            for r in rows
        ]  # fmt: skip

    def speakers(self, *, skip_bad: bool = False) -> list[SpeakerSummary]:
        """Who speaks, merged across sources from each source's summary in the index."""
        with self._index(skip_bad=skip_bad) as index:
            rows = index.execute(
                "SELECT s.name, s.kind, s.role, s.aliases, s.claims, s.source_path, f.outlet "
                "FROM speakers s JOIN files f ON f.file = s.file ORDER BY s.file, s.rowid"
            ).fetchall()
        return merge(
            SpeakerSummary(
                name, kind, role, json.loads(aliases), claims, [path], [outlet] if outlet else []
            )
            for name, kind, role, aliases, claims, path, outlet in rows
        )

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
        with self._index(skip_bad=skip_bad) as index:
            rows = index.execute(
                "SELECT s.name, s.kind, s.role, s.aliases, s.claims, s.source_path, f.outlet "
                "FROM speakers s JOIN files f ON f.file = s.file ORDER BY s.file, s.rowid"
            ).fetchall()
        for name, kind, role, aliases, claims, path, outlet in rows:
            by.setdefault(outlet, []).append(
                SpeakerSummary(name, kind, role, json.loads(aliases), claims, [path])
            )
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
        with self._index(skip_bad=skip_bad) as index:
            rows = index.execute(
                "SELECT claim_id, file FROM claims WHERE claim_id LIKE ? ESCAPE '\\' LIMIT 2",
                (_like_escape(key) + "%",),
            ).fetchall()
        if not rows:
            raise UnknownClaim(f"no claim {key!r} in the store {self.root}")
        if len(rows) > 1:
            raise UnknownClaim(f"{key!r} matches more than one claim; give more of the id")
        claim_id, file = rows[0]
        document = read_document(self.root / file)
        for claim in document.claims:
            if claim.id == claim_id:
                return claim, document
        raise UnknownClaim(f"claim {key!r} is no longer in {file}; run the command again")

    def bad_files(self) -> list[BadFile]:
        with self._index(skip_bad=True) as index:
            rows = index.execute(
                "SELECT file, error FROM files WHERE error IS NOT NULL ORDER BY file"
            ).fetchall()
        return [BadFile(file, error) for file, error in rows]

    def quarantine(self, files: Iterable[str]) -> list[Path]:
        """Move bad files aside (never delete them), to `quarantine/` in the store."""
        folder = self.root / QUARANTINE
        folder.mkdir(exist_ok=True)
        moved = []
        for name in files:
            target = folder / name
            n = 1
            while target.exists():
                target = folder / f"{name}.{n}"
                n += 1
            shutil.move(str(self.root / name), target)
            moved.append(target)
        return moved

    # -- the index ---------------------------------------------------------------------------

    @contextlib.contextmanager
    def _index(self, *, skip_bad: bool = False) -> Iterator[sqlite3.Connection]:
        index = self._connect()
        try:
            self._sync(index)
            if not skip_bad:
                bad = index.execute(
                    "SELECT file, error FROM files WHERE error IS NOT NULL ORDER BY file LIMIT 1"
                ).fetchone()
                if bad:
                    raise StoreError(
                        self.root / bad[0],
                        bad[1] + " (run `claimtrack doctor` to list and quarantine bad files, "
                        "or pass --skip-bad)",
                    )
            yield index
        finally:
            index.close()

    def _connect(self) -> sqlite3.Connection:
        path = self.root / INDEX_NAME
        if not self.root.is_dir() or not os.access(self.root, os.W_OK):
            return self._prepare(sqlite3.connect(":memory:"))
        try:
            return self._prepare(sqlite3.connect(path, timeout=30))
        except sqlite3.DatabaseError:
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
                            st = entry.stat()
                            on_disk[entry.name] = (st.st_mtime_ns, st.st_size)
        known = {
            file: (mtime, size)
            for file, mtime, size in index.execute("SELECT file, mtime_ns, size FROM files")
        }
        changed = [f for f, sig in on_disk.items() if known.get(f) != sig]
        gone = [f for f in known if f not in on_disk]
        if not changed and not gone:
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
                    if not (self.root / file).exists():
                        # Removed by another process since the scan: gone, not bad.
                        index.execute("DELETE FROM files WHERE file = ?", (file,))
                        continue
                    index.execute(
                        "INSERT OR REPLACE INTO files (file, mtime_ns, size, error) "
                        "VALUES (?, ?, ?, ?)",
                        (file, mtime, size, error.reason),
                    )
                    continue
                self._index_document(index, file, mtime, size, document)

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


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
