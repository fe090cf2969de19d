"""Page furniture: line rules, bylines and their authors, repeats and captions."""

from __future__ import annotations

import pytest

from claimtrack.nlp.annotations import ATTRIBUTIONS, FURNITURE
from claimtrack.nlp.furniture import FurnitureFinder


@pytest.fixture(scope="module")
def finder():
    return FurnitureFinder()


@pytest.mark.parametrize(
    ("line", "reason", "names"),
    [
        ("Read Next: Floods Close the Coast Road", "link", []),
        ("Related: The Harbor Reopens After Storm", "link", []),
        ("Story Continues", "link", []),
        ("ADVERTISEMENT", "link", []),
        ("Dock workers unload grain in Odesa on Monday. (AP Photo/Jane Roe)", "caption", []),
        ("Home News Storm Hits the Coast", "crumb", []),
        ("Home » World » Europe", "crumb", []),
        ("Source: AFP", "label", []),
        ("By Maria Lopez", "byline", ["Maria Lopez"]),
        ("By Jane Doe and John Roe | Reuters", "byline", ["Jane Doe", "John Roe"]),
        ("-- Sam Patel can be reached at sam@example.com.", "byline", ["Sam Patel"]),
        ("Follow him on Twitter @samp.", "contact", []),
        # Negatives: article sentences that only look like furniture.
        ("By Monday, the bridge was closed again.", None, []),
        ("By the end of April, the training was complete.", None, []),
        ("Home prices rose again in March, the survey found.", None, []),
        ("The source said the road would reopen soon.", None, []),
        ("Officials said the photo was taken in June.", None, []),
    ],
)
def test_furniture_classify_lines(finder, line, reason, names):
    assert finder.classify(line) == (reason, names)


def test_furniture_repeated_headline_and_caption_head(finder):
    text = (
        "Storm Hits the Coast\n"
        "Storm Hits the Coast\n"
        "Workers clear a road near the harbor\n"
        "Workers clear a road near the harbor after the storm. (AP Photo/Jane Roe)\n"
        "The storm hit the coast on Monday.\n"
    )
    reasons = [(text[a:b], why) for a, b, why, _ in finder.furniture_lines(text)]
    assert reasons == [
        ("Storm Hits the Coast", "repeat"),
        ("Workers clear a road near the harbor", "caption"),
        ("Workers clear a road near the harbor after the storm. (AP Photo/Jane Roe)", "caption"),
    ]


def test_furniture_spans_and_authors_on_a_doc(parse):
    doc = parse(
        "By Maria Lopez\n\n"
        "The mayor said that the harbor will reopen.\n\n"
        'Read Next: "We are ready," Officials Say\n\n'
        "Story Continues"
    )
    texts = [span.text for span in doc.spans[FURNITURE]]
    assert texts == [
        "By Maria Lopez",
        'Read Next: "We are ready," Officials Say',
        "Story Continues",
    ]
    assert doc._.claimtrack_authors == ["Maria Lopez"]
    # No claim comes out of furniture: only the mayor's statement is attributed.
    assert [span.text for span in doc.spans[ATTRIBUTIONS]] == ["that the harbor will reopen"]


def test_furniture_keeps_authors_set_before_the_pipeline(nlp):
    doc = nlp.make_doc("By Maria Lopez\n\nThe harbor reopened.")
    doc._.claimtrack_authors = ["Desk Editor"]
    doc = nlp.get_pipe("claimtrack_furniture")(doc)
    assert doc._.claimtrack_authors == ["Desk Editor"]
    assert [span.text for span in doc.spans[FURNITURE]] == ["By Maria Lopez"]


@pytest.mark.parametrize("text", ["", "   ", "\n\n\n", "Read Next:", "\u200b\u00a0\ufeff"])
def test_furniture_odd_inputs_do_not_crash(nlp, text):
    doc = nlp.get_pipe("claimtrack_furniture")(nlp.make_doc(text))
    for span in doc.spans[FURNITURE]:
        assert doc.text[span.start_char : span.end_char] == span.text
