"""Where a quotation's words belong: one content for a quotation its cue interrupts, and no
cue in the next sentence for a quotation that ends its own (sentences written for these tests)."""

from __future__ import annotations

import pytest

from tests.attribution_spans import attributions


def contents(doc, cue):
    return [text for text, _, found_cue in attributions(doc) if found_cue == cue]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            '"Rumor is," Mr. Hale said last week on the radio, "that the plant will close."',
            '"Rumor is," Mr. Hale said last week on the radio, "that the plant will close."',
        ),
        (
            "''The farmers are angry,'' Mr. Hale said, ''and they will not forget this vote.''",
            "''The farmers are angry,'' Mr. Hale said, ''and they will not forget this vote.''",
        ),
        (
            "“In my second term,” the governor said on Tuesday, “every school gets a nurse.”",
            "“In my second term,” the governor said on Tuesday, “every school gets a nurse.”",
        ),
    ],
)
def test_quote_pieces_an_interrupted_quotation_is_one_content(parse, text, content):
    assert contents(parse(text), "said") == [content]


def test_quote_pieces_a_title_before_a_cue_is_not_joined_to_its_content(parse):
    doc = parse(
        "The network renewed ''Open Roads,'' and on Friday, NBC said it was ending ''Dusk.''"
    )
    assert not any(text.startswith("''Open Roads") for text, _, _ in attributions(doc))


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        (
            '"The roads are a mess," the mayor said. "We will fix them." '
            "Jones recalled his work for the union.",
            "recalled",
            "his work for the union",
        ),
        (
            "“I reject the idea that the plan costs too much,” she said. “We feel good about it.” "
            "She noted that the vote is on Friday.",
            "noted",
            "that the vote is on Friday",
        ),
    ],
)
def test_quote_pieces_a_cue_in_the_next_sentence_does_not_take_a_finished_quotation(
    parse, text, cue, content
):
    assert contents(parse(text), cue) == [content]


def test_quote_pieces_a_finished_quotation_stays_with_the_speaker_before_it(parse):
    doc = parse(
        "''We are farmers,'' Ms. Ortiz said. ''We are not criminals.'' Mr. Bell said: ''We lost.''"
    )
    found = attributions(doc)
    ortiz = [text for text, _, _ in found if "farmers" in text]
    assert ortiz == ["''We are farmers,'' Ms. Ortiz said. ''We are not criminals.''"]
    assert [text for text, _, _ in found if "lost" in text] == ["''We lost.''"]


@pytest.mark.parametrize(
    "text",
    [
        '"Why now?" she asked the board.',
        '"We will see..." he said.',
        '"It is over," he said.',
    ],
)
def test_quote_pieces_a_trailing_cue_still_takes_its_quotation(parse, text):
    quote = text[: text.rindex('"') + 1]
    assert quote in [content for content, _, _ in attributions(parse(text))]
