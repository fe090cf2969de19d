"""Who speaks a signed quotation, who does a non-finite cue's action, and which cues inside
another speaker's words are no statement of their own (sentences written for these tests)."""

from __future__ import annotations

import pytest

from .attribution_spans import attributions, speaker_of


def test_speakers_signed_quotes_go_to_their_signers(parse):
    doc = parse(
        "We asked readers what they made of the debate.\n\n"
        '"He never answered a single question." ― Paula Grant\n\n'
        '"Both of them looked tired to me." — Omar Haddad, Toledo\n\n'
        '"I am voting for the mayor again." — @riverdad'
    )
    assert speaker_of(doc, "never answered") == "Paula Grant"
    assert speaker_of(doc, "looked tired") == "Omar Haddad"
    assert speaker_of(doc, "voting for the mayor") == "@riverdad"


def test_speakers_a_quote_with_more_after_the_dash_is_not_signed(parse):
    doc = parse('"We will build it," the mayor said — and the crowd cheered for a minute.')
    assert speaker_of(doc, "We will build it") != "the crowd"


@pytest.mark.parametrize(
    ("text", "part", "speaker"),
    [
        (
            "Nora Blake called on Victor Hale to apologize for suggesting the judge was paid.",
            "the judge was paid",
            "Victor Hale",
        ),
        (
            "Senator Ruth Kemp thanked Victor Hale for backing her bill on river access.",
            "her bill on river access",
            "Victor Hale",
        ),
        (
            "Ruth Kemp apologized on Monday for suggesting the judge was paid.",
            "the judge was paid",
            "Ruth Kemp",
        ),
    ],
)
def test_speakers_object_of_the_verb_does_the_non_finite_action(parse, text, part, speaker):
    assert speaker_of(parse(text), part) == speaker


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Dana Voss said the mayor is angry because he cannot defend his budget.", "defend"),
        ("The county board plans to release its audit next month.", "to release"),
        ("The senator refused to endorse the governor at the convention.", "to endorse"),
    ],
)
def test_speakers_an_act_inside_reported_words_is_no_statement(parse, text, cue):
    cues = [c for _, _, c in attributions(parse(text))]
    assert not any(c is not None and c.endswith(cue) for c in cues), cues


def test_speakers_a_report_inside_a_report_keeps_its_speaker(parse):
    doc = parse("Dana Voss said the mayor told residents that the bridge would close.")
    assert speaker_of(doc, "the bridge would close") in ("Dana Voss", "the mayor")
    assert len(attributions(doc)) >= 1


def test_speakers_a_subordinate_clause_is_no_parenthetical(parse):
    doc = parse("Parents were upset that the district released only part of the report.")
    contents = [text for text, _, cue in attributions(doc) if cue and "released" in cue]
    assert not any(text.startswith("Parents") for text in contents)


def test_speakers_as_clause_stays_a_parenthetical(parse):
    doc = parse("As the mayor has said, the bridge will reopen in the spring.")
    assert speaker_of(doc, "the bridge will reopen") == "the mayor"


@pytest.mark.parametrize(
    "text",
    [
        "It was unclear whether the judges would rule that the mines posed a threat.",
        "If the mayor says the bridge is safe, residents will believe her.",
        "One senator dared him to say that Congress had no right to the files.",
    ],
)
def test_speakers_a_question_a_condition_or_a_dare_states_nothing(parse, text):
    assert attributions(parse(text)) == []


def test_speakers_a_plain_report_beside_them_still_counts(parse):
    doc = parse("The mayor said the bridge is safe, whether or not residents agree.")
    assert speaker_of(doc, "the bridge is safe") == "The mayor"


def test_speakers_a_signed_line_keeps_a_quote_inside_it(parse):
    doc = parse(
        "Readers sent us their views.\n\n"
        "“As a nurse, I would rather live in what he calls “chaos” than under his rules.” "
        "― Dana Ruiz\n"
        "“Nobody I know trusts him.” ― Luis Ortega"
    )
    assert speaker_of(doc, "than under his rules") == "Dana Ruiz"
    assert speaker_of(doc, "Nobody I know") == "Luis Ortega"


TRANSCRIPT = (
    "Senator Ruth Kemp sat down with the host of a Sunday program.\n\n"
    "WALLACE: Do you expect the budget to pass this year?\n\n"
    "KEMP: It will pass, but only after a long fight in the House.\n\n"
    "WALLACE: And the tax plan?\n\n"
    "KEMP: The tax plan is dead, and everybody in the building knows it."
)


def test_speakers_transcript_turns_belong_to_their_labels(parse):
    doc = parse(TRANSCRIPT)
    assert speaker_of(doc, "only after a long fight") == "Ruth Kemp"
    assert speaker_of(doc, "everybody in the building knows it") == "Ruth Kemp"
    assert speaker_of(doc, "And the tax plan") == "WALLACE"


def test_speakers_one_capitalised_label_is_a_heading_not_a_turn(parse):
    doc = parse("UPDATE: The council voted on Tuesday night.\n\nThe mayor said the vote was fair.")
    assert [name for _, name, _ in attributions(doc)] == ["The mayor"] or all(
        name != "UPDATE" for _, name, _ in attributions(doc)
    )


def test_speakers_a_line_ending_in_a_colon_introduces_the_next_quote(parse):
    doc = parse(
        "Mayor Dan Ortiz made the following comment:\n\n"
        '"We will not close the library while I am mayor."\n\n'
        "The council then issued this statement:\n\n"
        '"The budget protects every branch in the city."'
    )
    assert speaker_of(doc, "We will not close the library") == "Dan Ortiz"
    assert speaker_of(doc, "protects every branch") == "council"


def test_speakers_a_colon_after_another_phrase_introduces_no_speaker(parse):
    doc = parse(
        "Bias begins to show in how the site rated a claim by the mayor on June 11:\n\n"
        '"The library has never been busier."'
    )
    assert all(name != "Bias" for _, name, _ in attributions(doc))


@pytest.mark.parametrize("outlet", ["The Hill", "The Atlantic"])
def test_speakers_a_publication_keeps_its_article(parse, outlet):
    doc = parse(
        f"Senator Ruth Kemp told {outlet} that the vote would be close.\n\n"
        f"{outlet} reported that the bill had stalled in committee."
    )
    assert speaker_of(doc, "the bill had stalled") == outlet


def test_speakers_a_sentence_initial_the_is_not_part_of_a_name(parse):
    doc = parse("The Pentagon said the drill would go ahead on Monday.")
    assert speaker_of(doc, "the drill would go ahead") == "Pentagon"
