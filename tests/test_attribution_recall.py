"""Recall of plain statements: shapes in which a cue of saying used to find nothing or the wrong
content. Sentences written for these tests; negatives included."""

from __future__ import annotations

import pytest

from claimtrack.nlp.annotations import ATTRIBUTIONS
from tests.attribution_spans import attributions


@pytest.mark.parametrize(
    "text",
    [
        "The mayor said the bridge would reopen in May.\n\n“We are not done yet,” he added.",
        "Costs rose again, the report said.\nOfficials have promised a review of the contract.",
        "Storm Warning\nResidents of the coast were told to leave by noon.",
    ],
)
def test_paragraphs_every_line_starts_a_sentence(parse, text):
    doc = parse(text)
    line_starts = {0} | {
        t.i for t in doc if t.i and not t.is_space and "\n" in doc[t.i - 1].text_with_ws
    }
    assert line_starts <= {s.start for s in doc.sents}


def test_paragraphs_a_cue_keeps_its_own_clause_not_the_next_paragraph(parse):
    doc = parse(
        "The senator said the tax would fall on renters.\n\n"
        "“Nobody in this town can afford another increase,” she told the crowd."
    )
    found = attributions(doc)
    assert ("the tax would fall on renters", "The senator", "said") in found


@pytest.mark.parametrize(
    ("text", "content", "mention"),
    [
        # The phrase hangs on the clause before it; what trails after it is the writer's.
        (
            "Ticket sales fell by a third, according to the league, despite a winning season.",
            "Ticket sales fell by a third",
            "the league",
        ),
        (
            "The mill employs about 400 people, according to county records, although it once "
            "employed far more.",
            "The mill employs about 400 people",
            "county records",
        ),
        # Before the clause, or inside it, the phrase qualifies the clause after it.
        (
            "According to the filing, the company lost $3 million last year.",
            "the company lost $3 million last year",
            "the filing",
        ),
    ],
)
def test_according_to_qualifies_the_clause_it_hangs_on(parse, text, content, mention):
    doc = parse(text)
    found = [(c, m) for c, m, cue in _with_mentions(doc) if (cue or "").lower() == "according to"]
    assert found == [(content, mention)]


def _with_mentions(doc):
    out = []
    for span in doc.spans[ATTRIBUTIONS]:
        a = span._.claimtrack_attribution
        mention = a.mention.text if a.mention else None
        out.append((span.text, mention, a.cue.text if a.cue else None))
    return out


@pytest.mark.parametrize(
    ("text", "content", "mention"),
    [
        (
            "The storm knocked out power to most of the county on Monday night, police said.",
            "The storm knocked out power to most of the county on Monday night",
            "police",
        ),
        (
            "Couple a late budget with a governor who is a lightning rod and the lawmakers get "
            "nervous, said Ann Lee, a professor at the state university.",
            "Couple a late budget with a governor who is a lightning rod and the lawmakers get "
            "nervous",
            "Ann Lee, a professor at the state university",
        ),
    ],
)
def test_closing_cue_reports_the_clause_before_it(parse, text, content, mention):
    assert (content, mention, "said") in _with_mentions(parse(text))


@pytest.mark.parametrize(
    "text",
    [
        # A fronted clause with no main clause after it is not what was said.
        "As has been the case at other plants, the union agreed.",
        "While the rain kept falling on the tents, the organizers said little.",
        # A participle tells how the quotation was said, not what.
        "“We build things here,” said Ron Tate, half joking.",
    ],
)
def test_closing_cue_negatives(parse, text):
    found = _with_mentions(parse(text))
    assert not any(
        c.startswith(("As has", "While the rain", "“We build things here,” said"))
        for c, _, _ in found
    )
