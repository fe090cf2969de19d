"""Named errors of the library. Only the CLI catches them, and prints `str(error)` as one line."""

from __future__ import annotations


class ClaimtrackError(Exception):
    """Base class: the message is complete enough to stand alone on one line."""


class ModelNotFound(ClaimtrackError):
    pass


class InputError(ClaimtrackError):
    """A path or input the user gave cannot be used at all (missing, no articles in it)."""


class ArticleSkipped(ClaimtrackError):
    """One article cannot be read (binary, empty, undecodable); the others go on."""


class StoreError(ClaimtrackError):
    """A store file that does not parse or validate; the message names the file."""

    def __init__(self, path: object, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class StoreNotFound(ClaimtrackError):
    """The store folder a read command was pointed at does not exist."""


class SchemaTooNew(StoreError):
    pass


class UnknownSource(ClaimtrackError):
    pass


class UnknownClaim(ClaimtrackError):
    pass


class LexiconError(ClaimtrackError):
    """A lexicon file that is missing, does not parse, or lacks a key of the right shape."""
