"""The command modules, imported for their registrations."""

from __future__ import annotations

from claimtrack.cli import extract_cmd, read_cmds  # noqa: F401
