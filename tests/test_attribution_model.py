"""The trained attribution tagger: BRAT -> training Docs, the component, `claimtrack train`.

The gold set is the tiny one written for these tests (tests/brat_gold.py)."""

from __future__ import annotations

import json

import pytest
import spacy
from typer.testing import CliRunner

from claimtrack.cli import app
from claimtrack.evaluate import read_gold
from claimtrack.nlp.attribution_model import (
    MODEL_ENV,
    MODEL_SPANS,
    gold_docs,
    model_path,
    paragraph_tokens,
)

from .brat_gold import write_brat


@pytest.fixture
def gold(tmp_path):
    return write_brat(tmp_path / "gold")


def test_attribution_model_gold_docs_mark_each_role_as_an_entity(gold):
    docs = list(gold_docs(spacy.blank("en"), read_gold(gold)))
    # One Doc per paragraph: five in the first article, one in the second.
    assert [d.text for d in docs][:2] == [
        "Bridge Will Reopen in May",
        "The mayor said that the bridge will reopen in May.",
    ]
    assert len(docs) == 6
    ents = {(e.text, e.label_) for d in docs[:5] for e in d.ents}
    assert ("The mayor", "SOURCE") in ents
    assert ("said", "CUE") in ents
    assert ("that the bridge will reopen in May", "CONTENT") in ents
    # A content in two pieces is two entities; an unsourced attribution keeps cue and content.
    assert ('"We are ahead of schedule,"', "CONTENT") in ents
    assert ('"The deck is finished."', "CONTENT") in ents
    assert ("doubt the schedule", "CONTENT") in ents
    assert not docs[0].ents and not docs[5].ents


def test_attribution_model_paragraph_tokens_split_at_line_breaks(nlp):
    doc = nlp.make_doc("One line.\n\nTwo words\nthree.\n")
    pieces = [doc[a:b].text for a, b in paragraph_tokens(doc)]
    assert pieces == ["One line.", "Two words", "three."]
    assert list(paragraph_tokens(nlp.make_doc(""))) == []


def test_attribution_model_path_rejects_a_folder_without_a_model(tmp_path, monkeypatch):
    from claimtrack.errors import InputError

    monkeypatch.delenv(MODEL_ENV, raising=False)
    with pytest.raises(InputError, match="not a trained attribution model"):
        model_path(str(tmp_path))
    monkeypatch.setenv(MODEL_ENV, str(tmp_path))
    with pytest.raises(InputError, match=str(tmp_path)):
        model_path()


def test_attribution_model_rules_alone_ignore_the_tagger(nlp):
    from claimtrack.nlp import pipeline

    rules = pipeline.load(config={"claimtrack_attribution": {"model": False}})
    text = "The mayor said that the bridge will reopen in May."
    doc = next(pipeline.parse(rules, [text]))
    assert MODEL_SPANS in doc.spans  # the tagger ran (or wrote nothing without weights)
    contents = [s.text for s in doc.spans["claimtrack_attributions"]]
    assert contents == ["that the bridge will reopen in May"]
    # The tagger leaves the Doc's own entities as they were.
    assert [e.label_ for e in doc.ents] == [e.label_ for e in nlp(text).ents]


def test_attribution_model_packaged_tagger_adds_spans_and_keeps_the_entities(nlp):
    from claimtrack.nlp import pipeline

    tagged = pipeline.load(attribution_model="packaged")
    text = "Mayor Ann Lee said on Monday that the bridge will reopen in May."
    doc = next(pipeline.parse(tagged, [text]))
    labels = {s.label_ for s in doc.spans[MODEL_SPANS]}
    assert labels and labels <= {"SOURCE", "CUE", "CONTENT"}
    assert [(e.text, e.label_) for e in doc.ents] == [(e.text, e.label_) for e in nlp(text).ents]
    contents = [s.text for s in doc.spans["claimtrack_attributions"]]
    assert "that the bridge will reopen in May" in contents


def test_cli_train_rejects_a_folder_that_is_not_gold(tmp_path):
    result = CliRunner().invoke(app, ["train", str(tmp_path), "--output", str(tmp_path / "m")])
    assert result.exit_code == 1
    assert "not a gold directory" in result.output
    assert "Traceback" not in result.output


@pytest.mark.slow
def test_cli_train_then_eval_with_the_trained_model(gold, tmp_path):
    out = tmp_path / "model"
    result = CliRunner().invoke(
        app, ["train", str(gold), "--output", str(out), "--dev", str(gold), "--max-steps", "2"]
    )
    assert result.exit_code == 0, result.output
    best = out / "model-best"
    assert (best / "ner").is_dir() and not (best / "tok2vec").exists()
    scored = CliRunner().invoke(
        app, ["eval", str(gold), "--json", "--attribution-model", str(best)]
    )
    assert scored.exit_code == 0, scored.output
    assert json.loads(scored.output)["articles"] == 2
