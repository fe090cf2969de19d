"""Attribution rules, as tables of sentences written for these tests (negatives included)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimtrack.nlp.annotations import ATTRIBUTIONS
from claimtrack.nlp.attribution import _names_speaker, find_quotes


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
        # Indirect speech keeps "that", drops the final period (the rule alone, on a written
        # parse: test_rules_attribution.py).
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
        # A stance verb with a to-infinitive: the to-clause is what is claimed.
        (
            "Many of the men claim to be former soldiers.",
            "to be former soldiers",
            "Many of the men",
            "claim",
            "indirect",
        ),
        ("They claim to have seen 40 tanks.", "to have seen 40 tanks", "They", "claim", "indirect"),
        (
            "The book purported to tell the whole story.",
            "to tell the whole story",
            "The book",
            "purported",
            "indirect",
        ),
        (
            "The group professes to speak for all farmers.",
            "to speak for all farmers",
            "The group",
            "professes",
            "indirect",
        ),
        # The same verb tagged as a noun where a word is missing before it ("by claim").
        (
            "Half of the people questioned by claim to be nurses.",
            "to be nurses",
            "Half of the people questioned",
            "claim",
            "indirect",
        ),
        (
            "Most of the workers we met claim to earn less than before.",
            "to earn less than before",
            "Most of the workers",
            "claim",
            "indirect",
        ),
        # Indirect speech followed by a quotation in the same paragraph: one content.
        (
            'Smith said that the plan was dead. "It will not come back."',
            'that the plan was dead. "It will not come back."',
            "Smith",
            "said",
            "mixed",
        ),
        # Curly and straight marks mixed, as web text often has them.
        (
            '“We will win," Ms. Ortiz said. "You will see.”',
            '“We will win," Ms. Ortiz said. "You will see.”',
            "Ms. Ortiz",
            "said",
            "direct",
        ),
        # A causative verb with a bare infinitive: the causer is the source.
        (
            "The new rules make applicants acknowledge that they may be sent abroad.",
            "that they may be sent abroad",
            "The new rules",
            "acknowledge",
            "indirect",
        ),
        # A quotation whose cue comes after a long apposition: word order names the speaker.
        (
            "“Very good question, this one,” Baker, the front-runner in the county race, "
            "said when asked.",
            "“Very good question, this one,”",
            "Baker",
            "said",
            "direct",
        ),
        # '"...," X told Y': X speaks, Y listens, whatever subject the parser picks.
        (
            "“We were wrong to wait so long,” Ramos, 58, told AFP in an interview in Lima.",
            "“We were wrong to wait so long,”",
            "Ramos",
            "told",
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
        # A real noun "claim" (with a determiner, or no verb after "to"), and "continue to"
        # (an aspect verb, not a stance) are no cues.
        "The claim to fame of the town is its bridge.",
        "He continues to work at the mill.",
        # Cues in a sense that states nothing (attribution_sense): a listener or occasion as
        # object, a document made public, an act to come, the imperative, "let's".
        "The senator addressed a conference of teachers.",
        "The chairman called a hearing for May.",
        "Both nominees released their medical records.",
        "Her deputy will push for a higher wage.",
        "Friends, tell me what you believe.",
        "Let's say you believe the plan works.",
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


def test_attribution_quote_paragraph_after_indirect_speech_is_the_same_speaker(parse):
    # The speaker goes on, but the content does not run over the blank line: only a
    # quotation continues over paragraphs.
    doc = parse(
        "Safety must come first, the inspector added.\n\n"
        '"No bridge opens before every bolt is checked."'
    )
    spans = list(doc.spans[ATTRIBUTIONS])
    assert [s.text for s in spans] == [
        "Safety must come first",
        '"No bridge opens before every bolt is checked."',
    ]
    first, second = (s._.claimtrack_attribution for s in spans)
    assert second.speaker.name == first.speaker.name == "the inspector"
    assert second.mention == first.mention
    assert second.quote == "direct"


def test_attribution_according_to_stays_in_its_paragraph(parse):
    doc = parse(
        "“We will take the county,” she said.\n\n"
        "Going into the last week, Lee leads Park by 12 points, according to the county clerk."
    )
    [content] = [
        s.text
        for s in doc.spans[ATTRIBUTIONS]
        if s._.claimtrack_attribution.cue.text == "according to"
    ]
    assert "\n" not in content
    assert content.endswith("Lee leads Park by 12 points")


def test_attribution_content_never_crosses_a_blank_line_unless_quoted(parse):
    doc = parse(
        'Volunteers may join an "International Brigade of Rescue Workers."\n\n'
        "Ana Ruiz, the region's deputy minister of health, said on Monday that the region "
        'has received "hundreds" of offers.'
    )
    for span in doc.spans[ATTRIBUTIONS]:
        assert "\n" not in span.text, span.text
    assert any(s.text.startswith("that the region") for s in doc.spans[ATTRIBUTIONS])


def test_attribution_quote_paragraph_with_its_own_cue_is_not_a_continuation(parse):
    doc = parse(
        "The mayor said the bridge would reopen.\n\n"
        "“Nobody told us anything,” Ruth Okafor, a baker on the quay for thirty years, "
        "said on Friday."
    )
    speakers = {s.text: s._.claimtrack_attribution.speaker.name for s in doc.spans[ATTRIBUTIONS]}
    assert speakers["“Nobody told us anything,”"] == "Ruth Okafor"
    assert speakers["the bridge would reopen"] == "The mayor"


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
        # Mixed styles: a straight mark ending a word closes a curly quotation, and a curly
        # closing mark a straight one; a straight mark after a space opens a nested one.
        ('“We will win," he said. "Soon.”', ['“We will win,"', '"Soon.”']),
        ('“They call it "the wall" now,” she said.', ['“They call it "the wall"']),
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


@pytest.mark.parametrize(
    ("text", "words", "names"),
    [
        ("The mayor spoke to Mr. Park on Friday.", "The mayor", True),
        ("The mayor spoke to Mr. Park on Friday.", "Mr. Park", True),
        ("The mayor spoke to Mr. Park on Friday.", "Friday", False),
        ("The mayor spoke to Mr. Park on Friday.", "to Mr. Park", False),
    ],
)
def test_attribution_dates_and_prepositional_phrases_name_no_speaker(parse, text, words, names):
    doc = parse(text)
    start = doc.text.index(words)
    span = doc.char_span(start, start + len(words))
    assert _names_speaker(span) is names


def test_attribution_a_cue_inside_a_report_does_not_take_the_report_as_content(parse):
    doc = parse("Several aides said they expect a long fight in the Senate.")
    contents = [s.text for s in doc.spans[ATTRIBUTIONS]]
    assert "they expect a long fight in the Senate" in contents
    assert not any(c.startswith("Several aides said") for c in contents)
