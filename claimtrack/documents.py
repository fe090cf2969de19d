"""Store documents as files: read only regular files of a sane size, parse and validate them, and
write files whole or not at all."""

from __future__ import annotations

import contextlib
import errno
import json
import os
import stat
import tempfile
from pathlib import Path

from pydantic import ValidationError

from claimtrack.errors import SchemaTooNew, StoreError
from claimtrack.models import SCHEMA_VERSION, SourceDocument

MAX_DOCUMENT_BYTES = 512 * 1024 * 1024
"""Past this a file is not a document: the largest article extract takes (see ingest) makes one
of about a quarter of this."""


def _file_mode() -> int:
    """What a newly created file gets under the process's umask (0644 under the usual 022)."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


_FILE_MODE = _file_mode()


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
