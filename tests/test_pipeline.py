"""The pipeline as spaCy sees it: one registered component per stage, found by name in a fresh
process through the `spacy_factories` entry point, each stage removable, a saved pipeline that
loads back and gives the same claims, and lexicons a user can replace."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

from claimtrack.errors import LexiconError
from claimtrack.lexicons import check_overrides, load, names
from claimtrack.nlp.annotations import ATTRIBUTIONS, FIGURES, FLAGS
from claimtrack.nlp.claims import doc_to_claims
from claimtrack.nlp.pipeline import BEFORE_PARSER, COMPONENTS

TEXT = (
    'Officials said 300 people died in the flooding. "We will rebuild," said Mayor Ann Lee. '
    "The toll could not be independently verified."
)


def _claims(doc) -> list[dict]:
    return [c.model_dump(mode="json") for c in doc_to_claims(doc, source_id="s", source_path="p")]


def _run(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_pipeline_one_component_per_stage_in_order(nlp):
    ours = [name for name in nlp.pipe_names if name.startswith("claimtrack_")]
    assert ours == list(BEFORE_PARSER + COMPONENTS)
    assert len(ours) >= 7
    analysis = nlp.analyze_pipes()
    # What each stage declares it assigns is what a later stage declares it requires.
    assigned = {a for name in ours for a in analysis["summary"][name]["assigns"]}
    for name in ours:
        for attr in analysis["summary"][name]["requires"]:
            if attr.startswith(("span._", "doc._", "doc.spans")):
                assert attr in assigned, (name, attr)


def test_pipeline_factories_found_in_a_fresh_process_without_importing_claimtrack():
    done = _run(
        f"""
        import sys, spacy
        nlp = spacy.blank("en")
        for name in {list(COMPONENTS)!r}:
            nlp.add_pipe(name)
        assert not any(m.startswith("claimtrack.nlp.pipeline") for m in sys.modules)
        print(",".join(nlp.pipe_names))
        """
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ",".join(COMPONENTS)


def test_pipeline_saved_pipeline_loads_back_and_gives_the_same_claims(nlp, tmp_path):
    nlp.to_disk(tmp_path / "pipe")
    done = _run(
        f"""
        import json, spacy
        from claimtrack.nlp.claims import doc_to_claims
        nlp = spacy.load({str(tmp_path / "pipe")!r})
        doc = nlp({TEXT!r})
        print(json.dumps([c.model_dump(mode="json")
                          for c in doc_to_claims(doc, source_id="s", source_path="p")]))
        """
    )
    assert done.returncode == 0, done.stderr
    here = _claims(nlp(TEXT))
    assert here and json.loads(done.stdout) == here


@pytest.mark.parametrize(
    ("disabled", "group"),
    [
        ("claimtrack_flags", FLAGS),
        ("claimtrack_figures", FIGURES),
        ("claimtrack_attribution", ATTRIBUTIONS),
    ],
)
def test_pipeline_a_stage_can_be_disabled(nlp, disabled, group):
    assert len(nlp(TEXT).spans.get(group, [])) > 0
    with nlp.select_pipes(disable=[disabled]):
        doc = nlp(TEXT)
    assert len(doc.spans.get(group, [])) == 0
    assert doc_to_claims(doc, source_id="s", source_path="p") is not None


def test_pipeline_every_packaged_lexicon_loads():
    assert {"cues", "flags", "speakers", "numbers", "furniture"} <= set(names())
    for name in names():
        assert isinstance(load(name), dict)


def test_pipeline_a_users_lexicon_replaces_the_packaged_one(nlp, tmp_path):
    cues = json.loads(json.dumps(load("cues")))
    cues["verbs"] = [v for v in cues["verbs"] if v != "say"]
    path = tmp_path / "cues.json"
    path.write_text(json.dumps(cues), encoding="utf-8")
    from claimtrack.nlp.attribution import AttributionFinder

    text = "Officials said the bridge was closed."
    doc = nlp(text)
    assert [s.text for s in doc.spans[ATTRIBUTIONS]] == ["the bridge was closed"]
    AttributionFinder(lexicons={"cues": str(path)})(doc)
    assert list(doc.spans[ATTRIBUTIONS]) == []


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "not a JSON lexicon"),
        ("[1, 2]", "a JSON object"),
        ('{"verbs": "say"}', "key 'verbs' must be a list"),
        ('{"verbs": [1]}', "key 'verbs' must hold strings"),
    ],
)
def test_pipeline_a_bad_lexicon_names_the_file_and_the_key(tmp_path, content, message):
    path = tmp_path / "cues.json"
    if content.startswith('{"verbs"'):
        data = json.loads(json.dumps(load("cues")))
        data["verbs"] = json.loads(content)["verbs"]
        content = json.dumps(data)
    path.write_text(content, encoding="utf-8")
    with pytest.raises(LexiconError, match=message) as err:
        check_overrides({"cues": str(path)})
    assert str(path) in str(err.value)


def test_pipeline_lexicon_errors_for_missing_unknown_and_extra_keys(tmp_path):
    with pytest.raises(LexiconError, match="unknown lexicon 'nope'"):
        check_overrides({"nope": str(tmp_path / "x.json")})
    with pytest.raises(LexiconError, match="cannot read"):
        check_overrides({"cues": str(tmp_path / "missing.json")})
    data = json.loads(json.dumps(load("cues")))
    del data["nouns"]
    data["nuons"] = []
    path = tmp_path / "cues.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(LexiconError, match="missing key 'nouns'"):
        check_overrides({"cues": str(path)})
    data["nouns"] = []
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(LexiconError, match="unknown key 'nuons'"):
        check_overrides({"cues": str(path)})
