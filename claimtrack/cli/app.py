"""The Typer app and what every command shares: the store option, output formats, errors.

The CLI holds no logic: a command parses its options, calls one library function, renders the
result, and turns `ClaimtrackError` into one line on stderr with a non-zero exit code.
"""

from __future__ import annotations

import functools
import logging
import os
import sys
from collections.abc import Callable
from enum import IntEnum
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
import typer.core

from claimtrack.errors import ClaimtrackError


def _argument_type(self: typer.core.TyperArgument, ctx: Any) -> str | None:
    return None if self.metavar else typer.core.TyperArgument.display_type(self, ctx)


def _argument_usage(self: typer.core.TyperArgument) -> str:
    name = self.metavar or (self.name or "").upper()
    if self.nargs != 1 and not name.endswith("..."):
        name += "..."
    return name if self.required else f"[{name}]"


# Typer prints an argument's Python type beside its name ("PATH <list[str]>") and braces around
# it in the usage line ("{claim_id}"); where we give a metavar, that already says what to type.
typer.core.TyperArgument.display_type_rich = _argument_type  # type: ignore[method-assign,assignment]
typer.core.TyperArgument._usage_display_name = _argument_usage  # type: ignore[method-assign]

app = typer.Typer(
    name="claimtrack",
    no_args_is_help=True,
    # --install-completion / --show-completion (bash, zsh, fish, PowerShell).
    add_completion=True,
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
        metavar="PATH",
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
    """Turn library errors into one clean line on stderr and a non-zero exit; so too a machine
    fault (a full disk, an output that cannot be written). The library's notices (the index
    rebuilt in memory...) are lines on stderr as well."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        _show_notices()
        try:
            result = func(*args, **kwargs)
            sys.stdout.flush()  # a full disk under stdout is found here, not at exit
            return result
        except ClaimtrackError as error:
            fail(str(error))
        except KeyboardInterrupt:
            fail("interrupted", Exit.ERROR)
        except OSError as error:
            _drop_stdout()
            where = error.filename or "output"
            fail(f"{where}: {error.strerror or error}")

    return wrapper  # type: ignore[return-value]


class _Notices(logging.Handler):
    """Writes to whatever sys.stderr is at the time (a test runner swaps it)."""

    def emit(self, record: logging.LogRecord) -> None:
        from claimtrack.cli.output import clean

        print(f"claimtrack: note: {clean(record.getMessage())}", file=sys.stderr)


def _show_notices() -> None:
    log = logging.getLogger("claimtrack")
    if not any(isinstance(h, _Notices) for h in log.handlers):
        log.addHandler(_Notices())
        log.setLevel(logging.INFO)
        log.propagate = False


def _drop_stdout() -> None:
    """After stdout failed, what is still buffered must not fail again at exit (Python would
    print an 'Exception ignored' traceback)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass  # not a real file (a test runner's buffer)


def read_store(path: Path):  # type: ignore[no-untyped-def]
    """The store a read command reads; a clear error when the folder does not exist."""
    from claimtrack.store import open_store

    return open_store(path)


def _version(value: bool) -> None:
    if value:
        from claimtrack import __version__

        print(f"claimtrack {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """A ledger of who said what in news articles: claims, figures, caveats, conflicts.

    \b
    Start with:
      claimtrack extract articles/     # files, folders, URLs, .jsonl/.csv/.json
      claimtrack list --speaker NAME
      claimtrack conflicts
    """
