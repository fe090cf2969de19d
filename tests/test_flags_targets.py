"""Where a follow-up caveat points: the statement about the party a refusal to comment is about
(claimtrack.nlp.flag_targets), on the real model with sentences of our own."""

from __future__ import annotations

import pytest

from claimtrack.nlp.annotations import CLAIMS, FLAGS


def _follow_up(doc):
    [flag] = [f for f in doc.spans[FLAGS] if f._.claimtrack_flag.refers_to is not None]
    return flag._.claimtrack_flag


def _flagged(doc) -> list[str]:
    return [c.text for c in doc.spans[CLAIMS] if c._.claimtrack_flags]


REFERS_TO_CASES = [
    # A copula whose attribute holds a deed is a statement about the party; one naming a role
    # only says who the party is.
    (
        "Martin Hale was one of the officials who approved the contract. "
        "Hale, then deputy mayor, is now a consultant to the company. "
        "Hale's lawyer Ann Ruiz did not respond to a request for comment.",
        "Martin Hale was one of the officials",
    ),
    # A run of "he" sentences continues the last sentence that named the party.
    (
        "Tomas Varga took over the agency last year after a career in banking. "
        "Last month, he quietly cancelled the audit of the pension fund. "
        "Varga could not be reached for comment.",
        "Last month, he quietly cancelled",
    ),
    # The names in a subject's relative clause describe it; they are not the party asked.
    (
        "Investigators said the Harbor Authority had hidden the losses for years. "
        "The study was funded by the Brennan Institute. "
        "The Harbor Authority, which manages the Brennan Institute's port leases, declined "
        "to comment.",
        "Investigators said the Harbor Authority",
    ),
    # Under a title, the party is the one of that title, not a namesake of another.
    (
        "Mr. Trent said Mr. Okafor had misused the fund. "
        "Mrs. Okafor's office said she would campaign in Ohio. "
        "A spokesman for Mr. Okafor declined to comment.",
        "Mr. Trent said Mr. Okafor",
    ),
    # An apposition names the party's role: "the division's head, Ray Dunn, told staff" is
    # about Ray Dunn's deed.
    (
        "A clerk said the division's head, Ray Dunn, told staff to shred the invoices. "
        "The clerk said the order came in June. "
        "Dunn could not immediately be contacted.",
        "A clerk said the division's head",
    ),
]


@pytest.mark.parametrize(("text", "target"), REFERS_TO_CASES)
def test_flag_targets_refusal_refers_to_the_statement_about_its_party(parse, text, target):
    info = _follow_up(parse(text))
    assert info.kind == "no_response"
    assert info.refers_to.text.startswith(target)


def test_flag_targets_party_leaves_out_what_describes_the_subject(parse):
    doc = parse(
        "The board said the fund lost money. The Harbor Authority, a state agency which "
        "leases land from Ohio, declined to comment."
    )
    assert _follow_up(doc).party == frozenset({"harbor", "authority"})


def test_flag_targets_party_keeps_the_organisation_a_spokesman_speaks_for(parse):
    doc = parse("Acme reportedly cut its prices. Jim Cole, an Acme spokesman, declined to comment.")
    assert "acme" in _follow_up(doc).party


def test_flag_targets_refusal_sits_on_the_deed_not_the_description(parse):
    doc = parse(
        "Martin Hale was one of the officials who approved the contract. "
        "Hale, then deputy mayor, is now a consultant to the company. "
        "Hale's lawyer Ann Ruiz did not respond to a request for comment."
    )
    flagged = _flagged(doc)
    assert any(t.startswith("Martin Hale was one of the officials") for t in flagged)
    assert not any("consultant" in t for t in flagged)


def test_flag_targets_refusal_in_a_relative_clause_qualifies_what_its_speaker_said(parse):
    doc = parse(
        '"It was a large order," said Mia Grant, the firm\'s director, who declined to give a '
        "price."
    )
    [flag] = doc.spans[FLAGS]
    assert flag._.claimtrack_flag.kind == "undisclosed"
    assert _flagged(doc) == ['"It was a large order,"']
    assert not any(c.text.startswith("who declined") for c in doc.spans[CLAIMS])


def test_flag_targets_refusal_with_a_question_keeps_its_own_statement(parse):
    doc = parse('"We hired more staff," said Mia Grant, who declined to say how many were hired.')
    [flag] = doc.spans[FLAGS]
    assert flag._.claimtrack_flag.mention is None
    assert flag._.claimtrack_flag.statement is not None


@pytest.mark.parametrize(
    ("text", "scope"),
    [
        # Where the reports ran is not what they are about.
        ("He keeps sharing unconfirmed reports on social media about the storm.", "sentence"),
        ("Officials doubted the unconfirmed reports on television.", "sentence"),
        # A topic complement makes the caveat article-wide.
        ("The unconfirmed reports of looting spread quickly.", "article"),
    ],
)
def test_flag_targets_a_channel_is_not_a_topic(parse, text, scope):
    [flag] = [f for f in parse(text).spans[FLAGS] if f._.claimtrack_flag.kind == "unverified"]
    assert flag._.claimtrack_flag.scope == scope


def test_flag_targets_hedge_on_a_clause_skips_the_claim_embedded_in_it(parse):
    doc = parse(
        "In this case, it appears that the mayor had delayed the inquiry by publicly denying "
        "that the auditor was right."
    )
    hedged = [
        c.text
        for c in doc.spans[CLAIMS]
        if "hedged" in [f._.claimtrack_flag.kind for f in c._.claimtrack_flags]
    ]
    assert hedged and all(t.startswith("that the mayor had delayed") for t in hedged)
