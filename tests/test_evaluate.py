"""The PolNeAR-layout scorer: reading BRAT, matching by token Dice, source overlap, exact spans.

The gold set (tests/brat_gold.py) is texts written for these tests, in PolNeAR's layout."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimtrack.errors import InputError
from claimtrack.evaluate import (
    GoldAttribution,
    Predicted,
    read_ann,
    read_gold,
    score_article,
    score_docs,
)

from .brat_gold import write_brat


@pytest.fixture(scope="module")
def BRAT(tmp_path_factory) -> Path:  # noqa: N802 - reads as the constant it replaces
    return write_brat(tmp_path_factory.mktemp("brat"))


def test_evaluate_reads_first_ann_per_article_and_its_events(BRAT):
    articles = list(read_gold(BRAT))
    assert [a.stem for a in articles] == ["article_one", "article_two"]
    one = articles[0]
    assert len(one.attributions) == 4  # not the one-span file of the second annotator
    quote = one.attributions[1]
    assert len(quote.content) == 2  # "a b;c d" keeps both pieces
    assert one.text[quote.source[0][0] : quote.source[0][1]] == "Ana Ruiz, the city engineer"
    assert one.attributions[3].source is None  # an unsourced attribution
    assert articles[1].attributions == []


def test_evaluate_read_ann_skips_notes_and_broken_lines():
    text = (
        "T1\tSource 0 3\tAna\nT2\tContent 9 20\tthe plan...\n"
        "#1\tAnnotatorNotes T1\tnote\nT3\tContent x y\tbroken\n"
        "E1\tAttribution:T9 Content:T2 Source:T1\nE2\tAttribution:T8 Content:T3\n"
    )
    gold = read_ann(text)
    assert gold == [GoldAttribution(content=((9, 20),), source=((0, 3),), cue=None)]


@pytest.mark.parametrize("path", ["does/not/exist", "tests"])
def test_evaluate_rejects_a_folder_that_is_not_gold(path):
    with pytest.raises(InputError, match="gold directory"):
        list(read_gold(path))


TEXT = "Ana Ruiz said that the bridge will reopen in May and the road in June ."
SOURCE, CUE = (0, 8), (9, 13)
CONTENT = (14, 69)  # "that the bridge ... in June": 11 tokens
BRIDGE = (19, 48)  # "the bridge will reopen in May": 6 tokens
ROAD = (53, 69)  # "the road in June": 4 tokens
JUNE = (62, 69)  # "in June": 2 tokens


def _gold(content, source=(SOURCE,)):
    return GoldAttribution(content=content, source=source, cue=(CUE,))


@pytest.mark.parametrize(
    ("pred_content", "mention", "content_tp", "source_tp"),
    [
        (CONTENT, SOURCE, 1, 1),  # the same content, mention on the source
        (BRIDGE, (0, 3), 1, 1),  # Dice 2*6/17 = 0.71; "Ana" overlaps "Ana Ruiz"
        (BRIDGE, (14, 18), 1, 0),  # content matches, the mention is elsewhere
        (ROAD, SOURCE, 1, 1),  # Dice 2*4/15 = 0.53: just enough
        (JUNE, SOURCE, 0, 0),  # Dice 2*2/13 = 0.31: no match, whatever the mention
    ],
)
def test_evaluate_content_dice_and_source_overlap(pred_content, mention, content_tp, source_tp):
    counts = score_article(TEXT, [_gold((CONTENT,))], [Predicted(pred_content, mention, CUE)])
    assert counts["content"].tp == content_tp
    assert counts["content+source"].tp == source_tp
    assert counts["content"].gold == 1 and counts["content"].predicted == 1


def test_evaluate_matching_is_one_to_one_and_greedy_by_dice():
    predicted = [
        Predicted(BRIDGE, SOURCE, None),  # Dice 0.71, right mention
        Predicted(CONTENT, (35, 41), None),  # Dice 1.0, wrong mention
    ]
    counts = score_article(TEXT, [_gold((CONTENT,))], predicted)
    assert counts["content"].tp == 1  # one gold item is matched once
    assert counts["content+source"].tp == 0  # the better match (1.0) took it
    assert counts["content"].precision == 0.5


def test_evaluate_gold_without_source_never_matches_content_plus_source():
    counts = score_article(
        TEXT, [_gold((CONTENT,), source=None)], [Predicted(CONTENT, SOURCE, CUE)]
    )
    assert counts["content"].tp == 1
    assert counts["content+source"].tp == 0
    assert counts["content+source"].gold == 1  # still in recall's denominator


def test_evaluate_multi_piece_gold_uses_union_of_tokens_and_extent_for_exact():
    gold = [_gold(((14, 48), ROAD))]  # two pieces, 10 tokens between them
    counts = score_article(TEXT, gold, [Predicted(CONTENT, SOURCE, CUE)])
    assert counts["content"].tp == 1  # Dice 2*10/21
    assert counts["content (exact)"].tp == 1  # compared by extent, first to last character
    assert counts["source (exact)"].tp == 1
    assert counts["cue (exact)"].tp == 1


def test_evaluate_exact_spans_ignore_surrounding_whitespace_only():
    gold = [_gold(((13, 48),))]  # " that the bridge will reopen in May"
    counts = score_article(TEXT, gold, [Predicted((14, 48), (0, 9), None)])
    assert counts["content (exact)"].tp == 1
    assert counts["source (exact)"].tp == 1  # "Ana Ruiz " trims to "Ana Ruiz"
    counts = score_article(TEXT, gold, [Predicted(BRIDGE, (0, 3), None)])
    assert counts["content (exact)"].tp == 0
    assert counts["source (exact)"].tp == 0


def test_evaluate_scores_the_pipeline_on_fixture_articles(nlp, BRAT):
    from claimtrack.nlp import pipeline

    articles = list(read_gold(BRAT))
    docs = pipeline.parse(nlp, [a.text for a in articles])
    report = score_docs(zip(docs, articles, strict=True)).as_dict()
    content = report["metrics"]["content"]
    assert report["articles"] == 2
    assert content["gold"] == 4
    # The mayor's indirect speech, Ana Ruiz's two-piece quote and "according to" are found.
    assert content["tp"] >= 3
    assert report["metrics"]["content+source"]["tp"] >= 3


def test_evaluate_cli_json_and_table(BRAT):
    from typer.testing import CliRunner

    from claimtrack.cli import app

    runner = CliRunner()
    result = runner.invoke(app, ["eval", str(BRAT), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert set(data["metrics"]) == {
        "content",
        "content+source",
        "source (exact)",
        "cue (exact)",
        "content (exact)",
    }
    assert data["metrics"]["content"]["gold"] == 4
    table = runner.invoke(app, ["eval", str(BRAT), "--limit", "1"])
    assert table.exit_code == 0
    assert "content+source" in table.output and "(1 articles)" in table.output


def test_evaluate_cli_bad_gold_dir_is_one_error_line(tmp_path):
    from typer.testing import CliRunner

    from claimtrack.cli import app

    result = CliRunner().invoke(app, ["eval", str(tmp_path)])
    assert result.exit_code == 1
    assert "not a gold directory" in result.output
