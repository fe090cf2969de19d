"""The command modules, imported for their registrations."""

from __future__ import annotations

from claimtrack.cli import (  # noqa: F401
    conflicts_cmd,
    eval_cmd,
    extract_cmd,
    read_cmds,
    report_cmd,
    train_cmd,
)
