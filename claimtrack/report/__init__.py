"""The HTML report: `build_report(store, where)` returns one self-contained page as a string."""

from __future__ import annotations

from claimtrack.report.render import MARK_KINDS, build_report, segment

__all__ = ["MARK_KINDS", "build_report", "segment"]
