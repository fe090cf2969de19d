"""Shared fixtures: the real pipeline, loaded once per test session."""

from __future__ import annotations

from collections.abc import Callable

import pytest


@pytest.fixture(scope="session")
def nlp():
    from claimtrack.nlp import pipeline

    return pipeline.load()


@pytest.fixture(scope="session")
def parse(nlp) -> Callable:
    """parse(text) -> the Doc after the full claimtrack pipeline."""
    from claimtrack.nlp import pipeline

    def _parse(text: str):
        return next(pipeline.parse(nlp, [text]))

    return _parse
