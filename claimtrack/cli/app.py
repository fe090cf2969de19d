"""The Typer app and what every command shares: the store option, output formats, errors.

The CLI holds no logic: a command parses its options, calls one library function, renders the
result, and turns `ClaimtrackError` into one line on stderr with a non-zero exit code.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from enum import IntEnum
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from claimtrack.errors import ClaimtrackError

app = typer.Typer(
    name="claimtrack",
    help="A ledger of who said what in news articles: claims, figures, caveats, conflicts.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    # Plain help: rendering it with rich costs more than the rest of `--help` together.
    rich_markup_mode=None,
)


class Exit(IntEnum):
    OK = 0
    ERROR = 1
    USAGE = 2


STORE_ENV = "CLAIMTRACK_STORE"


def default_store() -> Path:
    return Path(os.environ.get(STORE_ENV) or "data")


StoreOption = Annotated[
    Path,
    typer.Option(
        "--store",
        help=f"The store folder (default: data/, or ${STORE_ENV}).",
        default_factory=default_store,
        show_default=False,
    ),
]

F = TypeVar("F", bound=Callable[..., Any])


def fail(message: str, code: Exit = Exit.ERROR) -> None:
    """Print one line to stderr and exit."""
    print(f"claimtrack: {message}", file=sys.stderr)
    raise typer.Exit(int(code))


def handles_errors(func: F) -> F:
    """Turn library errors into one clean line on stderr and a non-zero exit."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except ClaimtrackError as error:
            fail(str(error))
        except KeyboardInterrupt:
            fail("interrupted", Exit.ERROR)

    return wrapper  # type: ignore[return-value]
