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


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            'Asked about the count, a second clerk did so, but with a warning: "The count is not '
            'over," the clerk said.',
            '"The count is not over,"',
        ),
        (
            'Smith dismissed the report as a partisan attack - "We will see the numbers soon," '
            "he said - and called for a new audit.",
            '"We will see the numbers soon,"',
        ),
    ],
)
def test_quote_pieces_a_quotation_set_off_by_a_colon_or_dash_is_the_whole_content(
    parse, text, content
):
    assert contents(parse(text), "said") == [content]


def test_quote_pieces_a_quotation_in_the_clause_before_the_cue_keeps_its_clause(parse):
    text = 'Smith dismissed the report as a partisan attack, "a cheap trick," he said.'
    assert contents(parse(text), "said") == [
        'Smith dismissed the report as a partisan attack, "a cheap trick,"'
    ]


def test_quote_pieces_a_cue_does_not_comment_on_the_paragraph_above(parse):
    text = (
        "Diaz pushed back on those claims Friday, saying that the budget had enough money for "
        'the roads and arguing that he and Lopez shared "the same goals for the city."\n\n'
        '"Lopez wants to raise taxes on every family in this city," Diaz said after a stop in '
        'the Bronx. "In fact, he proposed a new tax on gas last year."'
    )
    said = contents(parse(text), "said")
    assert len(said) == 1
    assert said[0].startswith('"Lopez wants')


def test_quote_pieces_a_content_does_not_end_on_a_conjunction(parse):
    text = (
        "Diaz pushed back on those claims Friday, saying that the budget had enough money for "
        'the roads and arguing that he and Lopez shared "the same goals for the city."'
    )
    assert contents(parse(text), "saying") == ["that the budget had enough money for the roads"]


def test_quote_pieces_a_title_before_a_that_clause_is_not_a_quotation(parse):
    doc = parse(
        "But she told NBC’s “Morning Edition” that she agrees the mayor is a “total fraud.”"
    )
    assert not any(text == "“Morning Edition”" for text, _, _ in attributions(doc))


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "''The key was the timing,'' Mr. Lane said, referring to the two hotels. "
            "''I assume they saw the market coming back.''",
            "''The key was the timing,'' Mr. Lane said, referring to the two hotels. "
            "''I assume they saw the market coming back.''",
        ),
        (
            "''The line was too long,'' said Ann Cole, 22, who helped found the club in 2014. "
            "''Everyone here thinks they are rebels.''",
            "''The line was too long,'' said Ann Cole, 22, who helped found the club in 2014. "
            "''Everyone here thinks they are rebels.''",
        ),
    ],
)
def test_quote_pieces_an_aside_of_the_same_speaker_does_not_cut_off_the_next_quotation(
    parse, text, content
):
    assert contents(parse(text), "said") == [content]


def test_quote_pieces_another_speaker_in_the_cue_sentence_keeps_the_quotations_apart(parse):
    text = (
        '"It was a good year," Smith said, as Jones warned that money would run out. "We did well."'
    )
    assert contents(parse(text), "said") == ['"It was a good year,"']
