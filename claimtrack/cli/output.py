"""Rendering results: one helper shared by every command that prints records.

Records are dicts; a command names the columns of its table (and CSV). JSON Lines and CSV stream.
"""

from __future__ import annotations

import csv
import json
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from enum import StrEnum
from typing import Any


class Format(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


def choose(json_: bool = False, jsonl: bool = False, csv_: bool = False) -> Format:
    if json_:
        return Format.json
    if jsonl:
        return Format.jsonl
    if csv_:
        return Format.csv
    return Format.table


Column = tuple[str, Callable[[dict[str, Any]], Any]]
TABLE_ROWS = 500
NARROW_WIDTH = 110
"""Below this many columns a table takes its compact layout (when the command has one)."""


def emit(
    records: Iterable[dict[str, Any]],
    fmt: Format,
    columns: Sequence[Column],
    *,
    title: str | None = None,
    empty: str = "nothing to show",
    table_rows: int = TABLE_ROWS,
    full: Sequence[Column] | None = None,
    compact: Sequence[Column] | None = None,
    store: object = None,
) -> int:
    """Print records in `fmt` to stdout; returns how many were printed.

    JSON and JSON Lines print each record whole; CSV prints the `full` columns (every field,
    nothing shortened), else `columns`. A table shows `columns`, or `compact` on a terminal
    narrower than NARROW_WIDTH; its caption names the `store` read. A table stops at
    `table_rows` rows (a note on stderr says how many more there were): past that a terminal
    table is unreadable and slow, and --json/--jsonl/--csv are the way."""
    count = 0
    if fmt is Format.json:
        out = sys.stdout
        out.write("[")
        for count, record in enumerate(records, 1):
            out.write(("\n" if count == 1 else ",\n") + json.dumps(record, ensure_ascii=False))
        out.write("\n]\n" if count else "]\n")
        return count
    if fmt is Format.jsonl:
        for record in records:
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
        return count
    if fmt is Format.csv:
        chosen = full or columns
        writer = csv.writer(sys.stdout)
        writer.writerow([name for name, _ in chosen])
        for record in records:
            writer.writerow([clean(_cell(get(record))) for _, get in chosen])
            count += 1
        return count
    from rich.table import Table
    from rich.text import Text

    console = stdout()
    kept: list[dict[str, Any]] = []
    hidden = 0
    for record in records:
        if len(kept) >= table_rows:
            hidden += 1
        else:
            kept.append(record)
    columns, rows = _table_rows(columns, kept)
    wide = console.width >= NARROW_WIDTH and _needs(_layout(columns, rows, cap=16)) <= console.width
    if compact is not None and rows and not wide:
        # The wide layout would fold words in the middle: the compact one keeps them whole.
        columns, rows = _table_rows(compact, kept)
    count = len(rows)
    where = f" (store: {store})" if store is not None else ""
    if not count:
        stderr().print(empty + where, highlight=False, markup=False)
        return 0
    table = Table(
        title=title,
        caption=Text(clean(f"store: {store}")) if store is not None else None,
        show_lines=False,
        expand=True,
    )
    for name, short, min_width in _layout(columns, rows):
        table.add_column(
            name,
            overflow="fold",
            no_wrap=short,
            min_width=min_width,
            ratio=None if short else _RATIOS.get(name, 1),
        )
    for row in rows:
        table.add_row(*(Text(cell) for cell in row))  # cells are data, never markup
    console.print(table)
    if hidden:
        stderr().print(
            f"showing the first {count:,} of {count + hidden:,}; "
            "--json, --jsonl or --csv print them all",
            highlight=False,
        )
    return count


def _table_rows(
    columns: Sequence[Column], records: list[dict[str, Any]]
) -> tuple[list[Column], list[list[str]]]:
    """The cells of a table, without the columns that are empty in every row (no dates in
    plain text files): they say nothing and cost width."""
    rows = [[clean(_cell(get(record))) for _, get in columns] for record in records]
    keep = [i for i in range(len(columns)) if any(row[i] for row in rows)]
    return [columns[i] for i in keep], [[row[i] for i in keep] for row in rows]


def _layout(
    columns: Sequence[Column], rows: list[list[str]], cap: int = 24
) -> list[tuple[str, bool, int]]:
    """Each column's name, whether it is short (never wraps), and its minimum width. Text
    wraps at spaces; its minimum width is its longest word (up to `cap`) so words stay whole."""
    out = []
    for i, (name, _) in enumerate(columns):
        longest = max((len(word) for row in rows for word in row[i].split()), default=0)
        widest = max((len(line) for row in rows for line in row[i].splitlines()), default=0)
        short = name in _NARROW or widest <= 12
        out.append((name, short, max(len(name), widest if short else min(longest, cap))))
    return out


def _needs(layout: list[tuple[str, bool, int]]) -> int:
    """The width a table needs to give every column its minimum: the widths, the padding of
    one space each side and the rules between."""
    return sum(width for _, _, width in layout) + 3 * len(layout) + 1


# The text columns share the width left over, the claim itself most.
_RATIOS = {"claim": 5, "figures": 2, "speaker": 2, "source": 2, "flags": 2}
# Columns of short codes that read badly when folded.
_NARROW = frozenset({"id", "kind", "quote", "claims", "date", "status"})


# Control characters (C0 but tab and newline, DEL, C1) move a terminal's cursor, clear it, retitle
# it: from article text, titles or file names they are shown as escapes, never sent.
_CONTROLS = {
    c: f"\\x{c:02x}" for c in (*range(0x20), 0x7F, *range(0x80, 0xA0)) if chr(c) not in "\t\n"
}


def clean(text: str) -> str:
    """`text` safe to print on a terminal or put in CSV: control characters and bytes that are
    not UTF-8 (in file names) become visible escapes."""
    if not text.isascii():
        try:
            raw = text.encode("utf-8", "surrogateescape")
        except UnicodeEncodeError:  # a lone surrogate that stands for no byte
            raw = text.encode("utf-8", "backslashreplace")
        text = raw.decode("utf-8", "backslashreplace")
    elif text.isprintable():
        return text
    return text.translate(_CONTROLS)


_PICTURES = {c: (0x2400 + c if c < 0x20 else 0x2421 if c == 0x7F else 0xFFFD) for c in _CONTROLS}


def clean_in_place(text: str) -> str:
    """Like `clean`, one character for one (a control becomes its picture, "␛"): offsets into
    the text still hold."""
    return text.translate(_PICTURES)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return "; ".join(_cell(v) for v in value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def stdout():  # type: ignore[no-untyped-def]
    from rich.console import Console

    # Piped output has no terminal width; 80 columns would fold every table cell. $COLUMNS,
    # when set, still decides (rich reads it).
    wide = sys.stdout.isatty() or "COLUMNS" in os.environ
    return Console(soft_wrap=False, width=None if wide else 160)


def stderr():  # type: ignore[no-untyped-def]
    from rich.console import Console

    # Messages are lines: never fold them (a path in a "skipped" line must stay whole).
    return Console(stderr=True, soft_wrap=True)


def interval(low: float | None, high: float | None, lo_in: bool = True, hi_in: bool = True) -> str:
    """A figure's interval in the usual notation: [6000, ∞), (3000, ∞), [90, 110]."""
    left = "[" if lo_in and low is not None else "("
    right = "]" if hi_in and high is not None else ")"
    return f"{left}{_number(low, '-∞')}, {_number(high, '∞')}{right}"


def _number(value: float | None, infinite: str) -> str:
    if value is None:
        return infinite
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.4g}"


def figure_text(figure: dict[str, Any]) -> str:
    unit = figure.get("currency") or figure.get("unit") or ""
    counted = figure.get("counted")
    bits = [
        f"{figure['text']} → {interval(figure.get('low'), figure.get('high'), figure.get('low_inclusive', True), figure.get('high_inclusive', True))}"  # noqa: E501
    ]
    if unit:
        bits.append(unit)
    if counted:
        bits.append(f"({counted})")
    return " ".join(bits)
