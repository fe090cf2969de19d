"""claimtrack's version, in a module of its own so that any module can read it without
importing the package's front door (which lazily imports the extractor)."""

__version__ = "0.1.0"
