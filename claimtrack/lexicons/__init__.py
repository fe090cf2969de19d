"""The lexicons: the word lists every stage of the pipeline reads, as data files.

One loader for all of them. A lexicon is named by its file's stem ("cues", "flags", "numbers",
...); a component's `lexicons` config maps such names to a user's own files, which replace the
packaged ones whole. Every file is checked on load against the packaged file of the same name,
which is its schema: the same keys, each holding the same kind of JSON value (a list of
strings, a mapping to numbers, ...). Keys starting with "_" are comments. A file that does not
fit raises `LexiconError` naming the file and the key, so a typo in a newsroom's own cue list
fails at load time, not as a silent miss.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from claimtrack.errors import LexiconError

Lexicon = dict[str, Any]
# What a component's `lexicons` setting holds: lexicon name -> path of a replacement file.
Overrides = Mapping[str, str]


def names() -> list[str]:
    """The packaged lexicons' names."""
    folder = resources.files(__name__)
    return sorted(p.name[: -len(".json")] for p in folder.iterdir() if p.name.endswith(".json"))


def load(name: str, overrides: Overrides | None = None) -> Lexicon:
    """Lexicon `name`: the user's file from `overrides` if it names one, else the packaged one.
    Cached per (name, path); callers must not mutate what they get."""
    path = (overrides or {}).get(name)
    return _load(name, str(path) if path else None)


def check_overrides(overrides: Overrides | None) -> None:
    """Fail early on an override naming no lexicon, or a file that does not fit its schema."""
    known = set(names())
    for name in overrides or {}:
        if name not in known:
            raise LexiconError(f"unknown lexicon {name!r} (known: {', '.join(sorted(known))})")
        load(name, overrides)


@cache
def _load(name: str, path: str | None) -> Lexicon:
    packaged = _packaged(name)
    if path is None:
        return packaged
    data = _read_file(Path(path))
    _check(data, packaged, path)
    return data


@cache
def _packaged(name: str) -> Lexicon:
    resource = resources.files(__name__).joinpath(f"{name}.json")
    if not resource.is_file():
        raise LexiconError(f"unknown lexicon {name!r}")
    return json.loads(resource.read_text("utf-8"))


def _read_file(path: Path) -> Lexicon:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as err:
        raise LexiconError(f"{path}: cannot read lexicon ({err.strerror or err})") from err
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise LexiconError(f"{path}: not a JSON lexicon ({err})") from err
    if not isinstance(data, dict):
        raise LexiconError(f"{path}: a lexicon is a JSON object of named lists and tables")
    return data


def _check(data: Lexicon, schema: Lexicon, path: str) -> None:
    for key, expected in schema.items():
        if key.startswith("_"):
            continue
        if key not in data:
            raise LexiconError(f"{path}: missing key {key!r}")
        problem = _shape_problem(data[key], expected)
        if problem:
            raise LexiconError(f"{path}: key {key!r} {problem}")
    for key in data:
        if not key.startswith("_") and key not in schema:
            raise LexiconError(f"{path}: unknown key {key!r} (known: {', '.join(_keys(schema))})")


def _keys(schema: Lexicon) -> list[str]:
    return [k for k in schema if not k.startswith("_")]


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "list"
    return "table" if isinstance(value, dict) else "null"


def _shape_problem(value: Any, expected: Any) -> str | None:
    """What is wrong with `value` where the packaged lexicon has `expected`, or None."""
    if _kind(value) != _kind(expected):
        return f"must be a {_kind(expected)}, not a {_kind(value)}"
    if isinstance(expected, list) and expected:
        items: list[Any] = value
        sample = expected[0]
    elif isinstance(expected, dict) and expected:
        items = list(value.values())
        sample = next(iter(expected.values()))
    else:
        return None
    for item in items:
        if _kind(item) != _kind(sample):
            return f"must hold {_kind(sample)}s, found a {_kind(item)}: {item!r:.60}"
    return None
