"""Attribution rules, as tables of sentences written for these tests (negatives included)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimtrack.nlp.attribution import find_quotes
from claimtrack.nlp.ext import ATTRIBUTIONS


def found(doc):
    """(content, mention, cue, quote kind) of every attribution, in text order."""
    out = []
    for span in doc.spans[ATTRIBUTIONS]:
        a = span._.claimtrack_attribution
        out.append(
            (
                span.text,
                a.mention.text if a.mention is not None else None,
                a.cue.text if a.cue is not None else None,
                a.quote,
            )
        )
    return out


@pytest.mark.parametrize(
    ("text", "content", "mention", "cue", "quote"),
    [
        # Direct quotes: speaker after, before, in the middle.
        ('"The bridge is safe," she said.', '"The bridge is safe,"', "she", "said", "direct"),
        (
            'The mayor said: "The bridge is closed."',
            '"The bridge is closed."',
            "The mayor",
            "said",
            "direct",
        ),
        (
            "“The plan,” said Tom Baker, a city engineer, “is dead.”",
            "“The plan,” said Tom Baker, a city engineer, “is dead.”",
            "Tom Baker, a city engineer",
            "said",
            "direct",
        ),
        # Indirect speech keeps "that", drops the final period.
        (
            "The minister said that the talks had failed.",
            "that the talks had failed",
            "The minister",
            "said",
            "indirect",
        ),
        (
            "Officials warned that the river would rise again.",
            "that the river would rise again",
            "Officials",
            "warned",
            "indirect",
        ),
        (
            "The coach concedes that the team played badly.",
            "that the team played badly",
            "The coach",
            "concedes",
            "indirect",
        ),
        (
            "She told reporters the vote would be close.",
            "the vote would be close",
            "She",
            "told",
            "indirect",
        ),
        # Mixed: indirect speech with a quoted word.
        (
            'Ms. Lee said the city has received "hundreds" of complaints.',
            'the city has received "hundreds" of complaints',
            "Ms. Lee",
            "said",
            "mixed",
        ),
        # "According to X", "X reported", "a post by X noted".
        (
            "The bridge will reopen in May, according to the transport department.",
            "The bridge will reopen in May",
            "the transport department",
            "according to",
            "indirect",
        ),
        (
            "The Daily Planet reported that the mayor had resigned.",
            "that the mayor had resigned",
            "The Daily Planet",
            "reported",
            "indirect",
        ),
        (
            "A post by Lee on the city website noted that the office will close.",
            "that the office will close",
            "Lee",
            "noted",
            "indirect",
        ),
        # A participle set off by a comma shares the main clause's subject.
        (
            "Engineer Tom Baker went public with a report describing the faults his crew found, "
            'declaring, "We cannot go on like this."',
            '"We cannot go on like this."',
            "Engineer Tom Baker",
            "declaring",
            "direct",
        ),
    ],
)
def test_attribution_finds_content_mention_cue(parse, text, content, mention, cue, quote):
    assert (content, mention, cue, quote) in found(parse(text))


@pytest.mark.parametrize(
    "text",
    [
        "The river runs through the old city.",
        'The so-called "reform" failed in the end.',
        "The committee met on Tuesday and adjourned.",
        "He said nothing.",
        "",
        "   \n\n  ",
    ],
)
def test_attribution_negatives_have_no_attribution(parse, text):
    assert found(parse(text)) == []


def test_attribution_quote_paragraph_continues_previous_speaker(parse):
    doc = parse(
        '"We will rebuild the school," said Maria Gomez, the head teacher.\n\n'
        '"The children deserve nothing less. We start in June."\n\n'
        "The weather was mild that week."
    )
    spans = list(doc.spans[ATTRIBUTIONS])
    assert len(spans) == 1  # one speaker's words over two paragraphs, as PolNeAR marks them
    assert spans[0].text.startswith('"We will rebuild the school,"')
    assert spans[0].text.endswith('"The children deserve nothing less. We start in June."')
    attribution = spans[0]._.claimtrack_attribution
    assert attribution.speaker.name == "Maria Gomez"
    assert attribution.quote == "direct"


def test_attribution_quote_paragraph_after_indirect_speech_continues_it(parse):
    doc = parse(
        "Safety must come first, the inspector added.\n\n"
        '"No bridge opens before every bolt is checked."'
    )
    spans = list(doc.spans[ATTRIBUTIONS])
    assert len(spans) == 1
    assert "every bolt is checked" in spans[0].text
    assert spans[0]._.claimtrack_attribution.quote == "mixed"


def test_attribution_quote_paragraph_after_narration_is_not_continued(parse):
    doc = parse(
        'The council met on Monday.\n\n"The children deserve nothing less. We start in June."'
    )
    assert found(doc) == []


def test_attribution_colon_introduces_the_next_paragraph(parse):
    doc = parse(
        "Sergeant Ann Cole wrote a long letter to the base. She told a reporter:\n\n"
        "I am not afraid of the work. But I need to know it is right.\n"
    )
    contents = {span.text: span._.claimtrack_attribution for span in doc.spans[ATTRIBUTIONS]}
    letter = contents["I am not afraid of the work. But I need to know it is right"]
    assert letter.speaker.name == "Ann Cole"


@pytest.mark.parametrize(
    ("text", "quotes"),
    [
        ('He said "yes" and "no".', ['"yes"', '"no"']),
        ("“One,” she said. “Two.”", ["“One,”", "“Two.”"]),
        # An opening mark left open closes at the paragraph's end, not the article's.
        ('He said "this never ends.\n\nThe next paragraph is plain.', ['"this never ends.']),
        # A stray closing mark opens nothing.
        ("It ends here.” Then plain text follows.", []),
        ("''Old style,'' she wrote.", ["''Old style,''"]),
    ],
)
def test_attribution_find_quotes_per_paragraph(nlp, text, quotes):
    doc = nlp.make_doc(text)
    assert [q.text for q in find_quotes(doc)] == quotes


def test_attribution_unbalanced_quote_costs_one_paragraph_only(parse):
    doc = parse('The chief said "we are ready.\n\n"The roads are clear," the mayor added.')
    assert ('"The roads are clear,"', "the mayor", "added", "direct") in found(doc)


QUOTE_CHARS = st.sampled_from(['"', "“", "”", "''", "«", "»", " ", "\n", "\n\n", "said", "she"])
WORDS = st.sampled_from(["The", "mayor", "said", ",", ".", "that", "it", "works", "she", "added"])


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.one_of(QUOTE_CHARS, WORDS), max_size=40))
def test_attribution_never_crashes_and_spans_are_exact(parse, pieces):
    text = " ".join(pieces)
    doc = parse(text)
    for span in doc.spans[ATTRIBUTIONS]:
        assert span.doc is doc
        assert doc.text[span.start_char : span.end_char] == span.text
        a = span._.claimtrack_attribution
        for part in (a.mention, a.cue):
            if part is not None:
                assert part.doc is doc
                assert 0 <= part.start_char <= part.end_char <= len(doc.text)
