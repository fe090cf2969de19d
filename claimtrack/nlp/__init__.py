"""claimtrack's spaCy components. Importing this package imports spaCy: the CLI does so only in
the commands that run the pipeline."""
