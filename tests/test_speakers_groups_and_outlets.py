"""Groups and outlets as speakers: what a speaking "they" refers to (the plural subject that
reports it, or the nearest plural subject before it), "the newspaper", organisation names
and names the NER runs into an opening word (sentences written for these tests)."""

from __future__ import annotations

import pytest

from .attribution_spans import speaker_of


@pytest.mark.parametrize(
    ("text", "part", "speaker"),
    [
        (
            "Democrats want more revenue, and Republicans want lower rates; they suggest "
            "that such rates would spur growth.",
            "such rates would spur growth",
            "Republicans",
        ),
        (
            "Kemp aides acknowledged a close relationship with the mayor. But they "
            "emphasized that the deal was fair.",
            "the deal was fair",
            "Kemp aides",
        ),
        (
            "Several county officials said they expect a long fight over the budget.",
            "a long fight over the budget",
            "Several county officials",
        ),
    ],
)
def test_speakers_they_is_the_nearest_plural_subject(parse, text, part, speaker):
    assert speaker_of(parse(text), part) == speaker


def test_speakers_they_after_two_named_people_is_both(parse):
    doc = parse(
        "Senator Ruth Kemp and Mayor Dan Ortiz toured the flooded district on Monday. "
        "Afterwards they said the levee would be rebuilt by spring."
    )
    assert speaker_of(doc, "the levee would be rebuilt") == "Ruth Kemp and Dan Ortiz"


def test_speakers_they_with_no_plural_subject_is_the_last_organization(parse):
    doc = parse(
        "The Tax Foundation published its study on Monday. They said the plan would cost "
        "$2 trillion."
    )
    assert speaker_of(doc, "the plan would cost") == "Tax Foundation"


def test_speakers_anopening_gerund_is_no_part_of_a_name(nlp):
    from claimtrack.nlp.speaker_context import opening_gerund

    doc = nlp.make_doc("Injecting Clinton's troubles into the race is his plan.")
    doc[0].is_sent_start = True
    assert opening_gerund(doc[0], frozenset())
    assert not opening_gerund(doc[0], frozenset({"injecting"}))
    later = nlp.make_doc("He said Injecting Clinton's troubles helped.")
    later[0].is_sent_start = True
    for token in later[1:]:
        token.is_sent_start = False
    assert not opening_gerund(later[2], frozenset())


def test_speakers_the_newspaper_is_the_publication_just_named(parse):
    doc = parse(
        "The registration issue was first reported by The Riverside Ledger. The newspaper "
        "has also said that the fund paid for a portrait."
    )
    assert speaker_of(doc, "the fund paid for a portrait") == "Riverside Ledger"


def test_speakers_the_website_with_no_outlet_named_stays_unnamed(parse):
    doc = parse("Voters asked why the figure had changed. The website noted that it was a typo.")
    assert speaker_of(doc, "it was a typo") is None


def test_speakers_an_organization_name_runs_over_for_a(parse):
    doc = parse(
        "The Committee for a Responsible Federal Budget reported that the plans would cost "
        "$150 billion."
    )
    assert speaker_of(doc, "would cost") == "Committee for a Responsible Federal Budget"


def test_speakers_a_headline_name_is_cut_to_the_body_name(parse):
    doc = parse(
        "Black Lawmakers Rip Donald Trump As A Fraud\n\n"
        "WASHINGTON ― Donald Trump's obsession with the issue is an insult, lawmakers said.\n\n"
        "Trump said on Friday that he finally believes the president was born in Hawaii."
    )
    assert speaker_of(doc, "born in Hawaii") == "Donald Trump"


def test_speakers_a_persons_aides_are_not_the_person(parse):
    doc = parse(
        "Ruth Kemp spoke on Monday.\n\n"
        "Kemp aides acknowledged a close relationship with the mayor on housing."
    )
    assert speaker_of(doc, "a close relationship") == "Kemp aides"
