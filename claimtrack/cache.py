"""A disk cache for tables claimtrack derives from libraries' data at start-up.

Building the currency tables from Babel's locale data takes a noticeable part of a second, on
every run, for the same result; so the result is kept under the user's cache folder
(`$CLAIMTRACK_CACHE`, else `$XDG_CACHE_HOME/claimtrack`, else `~/.cache/claimtrack`), keyed by
what it was derived from. Nothing is downloaded: the cache holds only what this machine computed,
and any problem with it (unwritable, stale, corrupt) just means computing again.

The cache folder is not trusted: an entry is plain JSON, never pickle (which runs whatever code
a planted file names), and it is read back into exactly the type `build` declares it returns,
checked all the way down. Anything else (a wrong type, a missing field, a pipe or a huge file
under the entry's name) is a miss.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import inspect
import json
import os
import stat
import tempfile
import types
import typing
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")
MAX_ENTRY_BYTES = 64 * 1024 * 1024


class _Miss(Exception):
    pass


def folder() -> Path:
    if explicit := os.environ.get("CLAIMTRACK_CACHE"):
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "claimtrack"


def cached(name: str, key: str, build: Callable[[], T], *, kind: Any = None) -> T:
    """`build()`, remembered on disk under `name` for as long as `key` stays the same. The entry
    is read back as `kind` (else the return type `build` declares) or not at all; with no type
    to check against, nothing is cached."""
    digest = hashlib.sha256(key.encode()).hexdigest()[:16]
    path = folder() / f"{name}-{digest}.json"
    kind = kind or _declared(build)
    if kind is None:
        return build()
    with contextlib.suppress(_Miss, ValueError, RecursionError):
        return typing.cast(T, _decode(json.loads(_read(path)), kind))
    value = build()
    with contextlib.suppress(OSError, _Miss, ValueError, TypeError, RecursionError):
        payload = json.dumps(_encode(value, kind), ensure_ascii=False).encode("utf-8")
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(payload)
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
    return value


def _declared(build: Callable[[], Any]) -> Any:
    try:
        return typing.get_type_hints(build).get("return")
    except (NameError, TypeError, AttributeError):
        return None


def _read(path: Path) -> bytes:
    """The entry's bytes, if it is a regular file of a sane size."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        raise _Miss from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or st.st_size > MAX_ENTRY_BYTES:
            raise _Miss
        with os.fdopen(os.dup(fd), "rb") as handle:
            return handle.read(MAX_ENTRY_BYTES)
    except OSError:
        raise _Miss from None
    finally:
        os.close(fd)


# -- a JSON codec directed by type hints ------------------------------------------------------
# Objects are dataclasses or classes whose __init__ parameters are attributes of the same name
# (claimtrack's own lookup tables); dicts with non-string keys are lists of pairs.


def _encode(value: Any, kind: Any) -> Any:
    origin, args = typing.get_origin(kind), typing.get_args(kind)
    if kind is Any:
        return _plain(value)
    if kind in (str, int, float, bool, type(None)):
        if type(value) is not kind and not (kind is float and type(value) is int):
            raise _Miss
        return value
    if origin in (typing.Union, types.UnionType):
        for option in args:
            with contextlib.suppress(_Miss):
                return _encode(value, option)
        raise _Miss
    if origin is dict:
        if not isinstance(value, dict):
            raise _Miss
        k, v = args
        if k is str:
            return {_encode(key, str): _encode(item, v) for key, item in value.items()}
        return [[_encode(key, k), _encode(item, v)] for key, item in value.items()]
    if origin in (list, set, frozenset) or (origin is tuple and args[1:] == (...,)):
        if not isinstance(value, origin):
            raise _Miss
        return [_encode(item, args[0]) for item in value]
    if origin is tuple:
        if not isinstance(value, tuple) or len(value) != len(args):
            raise _Miss
        return [_encode(item, a) for item, a in zip(value, args, strict=True)]
    if isinstance(kind, type) and type(value) is kind:
        return {field: _encode(getattr(value, field), hint) for field, hint in _fields(kind)}
    raise _Miss


def _decode(data: Any, kind: Any) -> Any:
    origin, args = typing.get_origin(kind), typing.get_args(kind)
    if kind is Any:
        return _plain(data)
    if kind in (str, int, bool, type(None)):
        if type(data) is not kind:
            raise _Miss
        return data
    if kind is float:
        if type(data) not in (int, float):
            raise _Miss
        return float(data)
    if origin in (typing.Union, types.UnionType):
        for option in args:
            with contextlib.suppress(_Miss):
                return _decode(data, option)
        raise _Miss
    if origin is dict:
        k, v = args
        if k is str:
            if not isinstance(data, dict):
                raise _Miss
            return {key: _decode(item, v) for key, item in data.items()}
        if not isinstance(data, list) or not all(isinstance(p, list) and len(p) == 2 for p in data):
            raise _Miss
        return {_decode(key, k): _decode(item, v) for key, item in data}
    if origin in (list, set, frozenset) or (origin is tuple and args[1:] == (...,)):
        if not isinstance(data, list):
            raise _Miss
        return origin(_decode(item, args[0]) for item in data)
    if origin is tuple:
        if not isinstance(data, list) or len(data) != len(args):
            raise _Miss
        return tuple(_decode(item, a) for item, a in zip(data, args, strict=True))
    if isinstance(kind, type):
        fields = _fields(kind)
        if not isinstance(data, dict) or set(data) != {f for f, _ in fields}:
            raise _Miss
        try:
            return kind(**{f: _decode(data[f], hint) for f, hint in fields})
        except (TypeError, ValueError, KeyError, IndexError, AttributeError) as error:
            raise _Miss from error
    raise _Miss


def _fields(kind: type) -> list[tuple[str, Any]]:
    """The constructor's parameters and their types, for a class claimtrack can rebuild."""
    if not kind.__module__.startswith("claimtrack."):
        raise _Miss  # only our own tables: nothing else is ever constructed from a cache file
    try:
        if dataclasses.is_dataclass(kind):
            hints = typing.get_type_hints(kind)
            return [(f.name, hints[f.name]) for f in dataclasses.fields(kind) if f.init]
        init = vars(kind).get("__init__")
        if init is None:
            raise _Miss
        hints = typing.get_type_hints(init)
        names = [p for p in inspect.signature(init).parameters if p != "self"]
        return [(n, hints[n]) for n in names]
    except (NameError, KeyError, TypeError, ValueError) as error:
        raise _Miss from error


def _plain(value: Any) -> Any:
    """A value typed Any: JSON's own types only."""
    if value is None or type(value) in (str, int, float, bool):
        return value
    if type(value) is list:
        return [_plain(v) for v in value]
    if type(value) is dict and all(type(k) is str for k in value):
        return {k: _plain(v) for k, v in value.items()}
    raise _Miss
