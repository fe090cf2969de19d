"""Speakers a reader would sign, second round (issue 15): each class of wrong speaker found by
reading, on sentences written for these tests."""

from __future__ import annotations

import pytest

from claimtrack.nlp.annotations import ATTRIBUTIONS


def speaker_at(doc, content_part):
    """The speaker of the attribution whose content contains `content_part`."""
    for span in doc.spans[ATTRIBUTIONS]:
        if content_part in span.text:
            return span._.claimtrack_attribution.speaker
    raise AssertionError(f"no attribution with {content_part!r} in {doc.text!r}")


@pytest.mark.parametrize(
    ("text", "content_part", "name"),
    [
        # A surname the NER leaves unlabelled (or tags as a plural noun) is still the person
        # the article named in full, and the subject a later "he" goes back to.
        (
            "Tom Walsh and Anna Price debated on Monday. The moderator asked about schools, and "
            "Price talked about the budget. Walsh responded by citing the test scores.\n\n"
            'He said: "Our schools are failing."',
            "Our schools are failing",
            "Tom Walsh",
        ),
        (
            "Mark Meadows leads the caucus. Debbie Meadows, his wife, runs a charity. "
            "Debbie Meadows said the charity would grow. Meadows said the bill would pass.",
            "the bill would pass",
            "Mark Meadows",
        ),
        # Of two people sharing a surname, the one just named in full is the bare surname,
        # not one named once, long before.
        (
            "Gary Johnson's doctor said he is fit.\n\nThe debate is on Monday. Polls are close. "
            "Turnout will matter.\n\nHomeland Security Secretary Jeh Johnson says hackers are "
            "targeting election officials.\n\nJohnson said local officials should ask for help.",
            "local officials should ask for help",
            "Jeh Johnson",
        ),
        # A relative introduced by the tie ("his wife, X") is not the bare surname.
        (
            "Mark Dunne, the congressman, spoke first. His wife, Debbie Dunne, also said the "
            "campaign was strong.\n\nDunne said the budget would pass.",
            "the budget would pass",
            "Mark Dunne",
        ),
        # A form of the name in someone else's quoted words ("Crooked Anna Price") does not
        # become the person's name.
        (
            'In one tweet, Tom Walsh wrote: "Did Crooked Anna Price lie?"\n\n'
            "Anna Price spoke in Toledo. Price said the plan would create jobs.",
            "the plan would create jobs",
            "Anna Price",
        ),
        # A description the paper uses for the person it is about ("the Republican nominee",
        # "the former first lady") is that person, and the subject a later "he" goes back to.
        (
            "Anna Price, the former governor, said she backs the bill.\n\n"
            "The former first lady and senator said the vote was close.",
            "the vote was close",
            "Anna Price",
        ),
        (
            "Tom Walsh still refuses to release his taxes. Walsh's running mate, Gov. Mark "
            "Reed, plans to release his own returns soon.\n\nBut Walsh claims that he should "
            "be the exception. The Republican nominee continues to insist that he wants to "
            "release his taxes.",
            "his taxes",
            "Tom Walsh",
        ),
        # A first name alone, which the NER may call an organization, is the person the
        # article names with it.
        (
            "Hold Melania Walsh to her husband's standard.\n\n"
            "Melania told reporters that she would explain her history soon.",
            "her history",
            "Melania Walsh",
        ),
        # A one-letter slip in a surname is the person named just before.
        (
            '"The campaign is in panic mode," said Leslie Wimes, a Florida activist.\n\n'
            "Wines believes that the campaign took black voters for granted.",
            "the campaign took black voters for granted",
            "Leslie Wimes",
        ),
        # A section heading the parser joined to the sentence does not hide the speaker.
        (
            "Kevin McKinley wrote a book about college costs.\n\n"
            "THE BORROWING Back when he wrote his book, Mr. McKinley said that he considered "
            "debt a last resort.",
            "he considered debt a last resort",
            "Kevin McKinley",
        ),
        # "I" answering in a Q&A: the interviewee's name ends at the line's end.
        (
            "A conversation with Peter Lind\n\nQuestion: How do you see the market?\n\n"
            "Answer: I expect prices to fall.\n\nQuestion: Why?\n\nAnswer: I believe demand "
            "is weak.",
            "prices to fall",
            "Peter Lind",
        ),
        # A headline's deck drops "the": "Senator from Texas says" is the senator named below.
        (
            "Cruz endorses the nominee.\n\nSenator from Texas says he cannot allow his rival "
            "to win.\n\nSen. Ted Cruz (R-Tex) is endorsing the campaign.",
            "he cannot allow his rival to win",
            "Ted Cruz",
        ),
        # A dateline the parser joined to the mention is not part of the speaker.
        (
            "WASHINGTON -- President Tom Walsh, opening the museum on Saturday, said it would "
            "tell an American story.",
            "it would tell an American story",
            "Tom Walsh",
        ),
        # A headline's capitalised words the NER took for a name ("Obama Says") are not the
        # full name of the person a later surname means.
        (
            "Walsh Says the Museum Will Tell of Suffering.\n\nWASHINGTON -- President Walsh "
            "dedicated the museum on Saturday.\n\nMr. Walsh said the museum was a gift.",
            "the museum was a gift",
            "Walsh",
        ),
        # A lede that names its speaker by a description names them in the next paragraph.
        (
            "Former party chief calls for a backup plan.\n\n"
            "A former party chairman says the leaders should pick a successor now.\n\n"
            '"Now is the time to act," said Don Fowler, who led the party in the 1990s.',
            "the leaders should pick a successor now",
            "Don Fowler",
        ),
    ],
)
def test_speakers_reader_names_the_person(parse, text, content_part, name):
    speaker = speaker_at(parse(text), content_part)
    assert speaker is not None and (speaker.name, speaker.kind) == (name, "person")


@pytest.mark.parametrize(
    ("text", "content_part", "name", "kind"),
    [
        # Advisers to a person are unnamed sources, not the person.
        (
            "But in recent days, advisers to Mr. Tom Walsh say, the mayor has grown tired of "
            "the campaign.",
            "the mayor has grown tired",
            None,
            "anonymous",
        ),
        # A document speaks for whoever issued it: the possessor, or the "by" of its making.
        (
            "Ivana Walsh opposed the request. Her submission to the court noted reports that "
            "the case was sealed.",
            "reports that the case was sealed",
            "Ivana Walsh",
            "person",
        ),
        (
            "Anna Price filed papers on Friday. Price's brief said the reports were wrong.",
            "the reports were wrong",
            "Anna Price",
            "person",
        ),
        (
            "The Daily Planet endorsed the mayor last week.\n\n"
            "A Planet editorial said the mayor had kept his promises.",
            "the mayor had kept his promises",
            "Daily Planet",
            "organization",
        ),
        # People named by what they do, with a party or a nation before them, are a group.
        (
            "Two Democratic speechwriters urged her to return to the theme, arguing that it "
            "agitated her rival.",
            "it agitated her rival",
            None,
            "anonymous",
        ),
        # "the Times" is the full name the article gave it.
        (
            "PolitiFact is run by the Tampa Bay Times, a Florida paper.\n\n"
            "The Times said the ruling was fair.",
            "the ruling was fair",
            "Tampa Bay Times",
            "organization",
        ),
        # "X, which advocates say ...": the advocates speak, not X.
        (
            "Parents protested the state funding system, which advocates say hurts needy schools.",
            "hurts needy schools",
            None,
            "anonymous",
        ),
        # "they" after a body's statement is the body, not the statement.
        (
            "The Security Council met on Friday and issued a statement. The statement noted "
            "the earlier warnings.\n\n"
            '"The members will begin work immediately," they said.',
            "The members will begin work immediately",
            "Security Council",
            "organization",
        ),
        # "I" in the article's own voice is the author, outside any quotation or interview.
        (
            "I have watched this race for a year. I believe the debates will decide it.",
            "the debates will decide it",
            None,
            "author",
        ),
    ],
)
def test_speakers_reader_kinds(parse, text, content_part, name, kind):
    speaker = speaker_at(parse(text), content_part)
    assert speaker is not None and speaker.kind == kind
    if name is not None:
        assert speaker.name == name
    else:
        assert speaker.name not in ("Tom Walsh", "Walsh")  # not the person they speak for


@pytest.mark.parametrize(
    ("text", "content_part", "not_name"),
    [
        # A different first letter is a different name, not a slip.
        (
            "Senator Ann Kirby met Tom Hanks on Monday.\n\nBanks said the film would open in May.",
            "the film would open in May",
            "Tom Hanks",
        ),
        # Short names are too alike to be read as slips ("Lind" is not "Lund").
        (
            "Peter Lund chairs the board.\n\nLind said the vote would wait.",
            "the vote would wait",
            "Peter Lund",
        ),
        # "my father" is not the person named next inside what he said.
        (
            "Even as a child, when my father referred to Martin Luther King as Martin Luther "
            "Smith, I knew this was wrong.",
            "Martin Luther King",
            "Martin Luther Smith",
        ),
        # Later in the article, an unnamed source stays unnamed.
        (
            "The plant will close.\n\nWorkers were told on Monday.\n\n"
            "A former manager says the owners never invested.\n\n"
            '"We tried," said Don Fowler, the mayor.',
            "the owners never invested",
            "Don Fowler",
        ),
        # A person named in a prepositional phrase of an unnamed source is not the speaker.
        (
            "A spokesman for Anna Price said the office was closed.",
            "the office was closed",
            "Anna Price",
        ),
    ],
)
def test_speakers_reader_keeps_others_apart(parse, text, content_part, not_name):
    speaker = speaker_at(parse(text), content_part)
    assert speaker is None or speaker.name != not_name
