"""claimtrack's command line. Importing it does not import spaCy: commands that run the pipeline
import it inside their body."""

from __future__ import annotations

# Each module registers its commands on `app`.
from claimtrack.cli import commands  # noqa: E402,F401
from claimtrack.cli.app import app


def main() -> None:
    app()
