"""Verifiability cues read off the syntax, on the real model with sentences of our own: denials
without an object or sharing one, aspectual verbs, "possible" naming what a thing is, and hedges,
refusals and groups whose sense is the news or an opinion, not a caveat."""

from __future__ import annotations

import pytest

from claimtrack.nlp.annotations import CLAIMS, FLAGS


def found(doc) -> list[tuple[str, str]]:
    return [(f._.claimtrack_flag.kind, f.text) for f in doc.spans[FLAGS]]


CUE_CASES = [
    # "deny" used absolutely denies what was said.
    (
        "Critics say the ministry hid the losses, as many analysts believe, but the minister "
        "strongly denies.",
        [("disputed", "denies")],
    ),
    ("Asked about the payments, he denied.", [("disputed", "denied")]),
    # Coordinated verbs share their object: "accusations he faced and has always denied".
    (
        "The report says the mayor took bribes, accusations he faced before and has always denied.",
        [("disputed", "has always denied")],
    ),
    # An aspectual verb carries the tense of the denial it governs.
    (
        "The senator continued to deny a report that he had met the lobbyist.",
        [("disputed", "to deny")],
    ),
    # "possible" on what something is identified as.
    ("Police were investigating possible arson at the warehouse.", [("hedged", "possible")]),
    ("Officials named the nephew as a possible suspect in the theft.", [("hedged", "possible")]),
    # Negatives: denied to someone, a plan, a thing that may come, a degree, a set of choices.
    ("He was denied entry at the border.", []),
    ("She continued to deny him a vote.", []),
    ("Will he deny?", []),
    ("The board met and denied the permit.", []),
    ("He wanted a role in a possible Smith administration.", []),
    ("She flew to Ohio for a possible interview with the governor.", []),
    ("This is the best possible outcome.", []),
    ("They discussed possible options for the budget.", []),
    ("Every possible route was blocked.", []),
    # A "why ... would" question argues; a "why" about what happened is an unknown fact.
    ("A deal would raise issues, and it is not clear why Acme would pay a premium for it.", []),
    ("It is unclear why the plane crashed.", [("unclear", "It is unclear")]),
    ("The question is, why did it take so long for her to use it?", []),
    ("The question is whether the vote will be held.", [("unclear", "question")]),
    ("The question is not whether they can do it, but whether they want to.", []),
    # "nobody knows" describing a thing (a place few have heard of) is not an open fact.
    ('"It is a quiet town we lived near that nobody knows," she said.', []),
    ("How many died? Nobody knows.", [("unclear", "Nobody knows")]),
    # "made clear" says something plainly; "didn't know what to make of" is being at a loss.
    ("The regime made clear it would not be a partner in the talks.", []),
    ("At first, the regulators didn't know what to make of the offer.", []),
    ("Investigators did not know what caused the fire.", [("unclear", "did not know what")]),
    # Withholding information behind a report, not conduct the story is about.
    (
        "The ministry declined to release the casualty figures.",
        [("undisclosed", "declined to release")],
    ),
    ("He demands transparency from others, yet refuses to release his tax records.", []),
    # A probability word on what ought to be is no caveat; an evidential on a plan is.
    ("But perhaps a more muscular approach is needed.", []),
    ("Maybe it is to be expected.", []),
    ("The building was probably needed by the army.", [("hedged", "probably")]),
    ("The plan is reportedly to be announced Monday.", [("hedged", "reportedly")]),
    # A hedge inside a speaker's opinion or prediction is the opinion's own.
    ('"I think the council is likely to face delays and perhaps lawsuits," she said.', []),
    ("Perhaps 200 people attended the rally.", [("hedged", "Perhaps")]),
    ('"What seemed to be calm was only calm on the surface," the pastor said.', []),
    ("The senator seemed irritated by the question.", [("hedged", "seemed")]),
    ("Planning for the gala appeared to be chaotic.", [("hedged", "appeared")]),
    ("What appeared to be a long fight for delegates ended in a day.", [("hedged", "appeared")]),
    # A hedge on a judgement: a judging adjective on the object, or a softened one.
    ("The budget seems to be a rather sore point for the council.", []),
    ("A home equity loan may be a good choice for many families.", []),
    ('"Maybe the contractor did a bad job on the roof," he said.', []),
    ("He may be the only candidate who can win the state.", [("hedged", "may be")]),
    # Counterfactuals are not caveats; an epistemic modal on a past event is.
    ("Had the polls closed earlier, she could have lost the state.", []),
    ("Without the leak, the deal might have gone through.", []),
    ("The fire may have started in the kitchen.", [("hedged", "may have started")]),
    ("The hackers could have gained access to the voter rolls.", [("hedged", "could have gained")]),
    # "Hoax" as what a claim says is content; as a verdict on a report it is a dispute.
    ("He said climate change is a hoax.", []),
    ('"Every time he calls the moon landing a hoax, we lose votes," she said.', []),
    ("The campaign called the story a hoax.", [("disputed", "hoax")]),
    # A refusal that is the news: announced for the future, or to questions from a committee.
    ("Her attorney says she will refuse to answer the board's questions.", []),
    ("The mayor refused to answer questions from the city council.", []),
    (
        "The spokesman did not answer questions about the payments.",
        [("no_response", "did not answer")],
    ),
    # A party's own records kept back are its conduct; a detail of a deal is a gap.
    ("The governor has not disclosed his tax returns.", []),
    ("The company did not disclose its sales figures.", [("undisclosed", "did not disclose")]),
    # Groups named by party or office voice positions on the record; a state is no statement.
    ("Elected officials in both parties say the law needs fixing.", []),
    ("Republican and Democratic officials said the vote would be close.", []),
    ("County officials felt uneasy about the contract.", []),
    (
        "State officials feel that the plan is too costly.",
        [("anonymous_source", "State officials feel")],
    ),
    ("Officials said the bridge was closed for repairs.", [("anonymous_source", "Officials said")]),
]


@pytest.mark.parametrize(("text", "expected"), CUE_CASES)
def test_flags_cues_read_off_the_syntax(parse, text, expected):
    assert found(parse(text)) == expected


def test_flags_cues_a_story_about_a_claim_is_not_an_article_topic(parse):
    doc = parse(
        "The candidate also continued to refute a Politico story about his claim that he had "
        "been offered a scholarship."
    )
    [flag] = doc.spans[FLAGS]
    assert flag._.claimtrack_flag.scope == "sentence"


def test_flags_cues_hedge_on_a_noun_reaches_what_follows_its_colon(parse):
    doc = parse(
        "The fare was paid by the network. He had a possible reason: the donor was his friend."
    )
    [flag] = doc.spans[FLAGS]
    assert flag._.claimtrack_flag.statement.text == "the donor was his friend"
    [claim] = [c for c in doc.spans[CLAIMS] if c._.claimtrack_flags]
    assert "the donor was his friend" in claim.text
