"""Whose figure (claimtrack/nlp/holders.py), read through the real pipeline on sentences written
for these tests: each row is a sentence, the figure's words and the holder it must get (None:
the sentence names no one whose figure it is)."""

from __future__ import annotations

import pytest

from claimtrack.nlp.annotations import FIGURES

HOLDERS = [
    # the subject of the clause whose object the figure is
    ("Officials said Jane Roe deleted 4,000 messages last year.", "4,000", "Jane Roe"),
    # an open complement has no subject of its own: the verb it complements gives it
    ("Officials said Mayor Ann Lee wanted to admit 3,000 refugees.", "3,000", "Ann Lee"),
    ("Lee has proposed accepting 2,500 migrants, officials said.", "2,500", "Lee"),
    ("Officials said Jane Roe plans to spend $4 million on ads.", "$4 million", "Jane Roe"),
    ("Officials said Jane Roe wants to try to hire 700 nurses.", "700", "Jane Roe"),
    # a reporting verb's subject does what its complement says
    ("Officials said Jane Roe reported having $2 million in cash.", "$2 million", "Jane Roe"),
    ("Jane Roe is said to have 120 delegates, officials said.", "120", None),
    # the object controls when there is one: the council approves, not the senator
    ("Officials said the senator urged Congress to approve 4,000 visas.", "4,000", "Congress"),
    # the subject pronoun of what a named reporter reports is the reporter
    (
        "Northwind Capital says it will spend $400,000 on radio spots.",
        "$400,000",
        "Northwind Capital",
    ),
    (
        "The Harlow Foundation said they raised $3 million in May.",
        "$3 million",
        "The Harlow Foundation",
    ),
    # ... not as a copula's subject: "it" is then the thing valued, not the reporter
    ("Northwind Capital says it is $400,000 short.", "$400,000", None),
    (
        "One index lists Ms. Roe's wealth at $6.5 billion; Forbes says it is $4.5 billion.",
        "$4.5 billion",
        "Roe",
    ),
    # ... only when the name can be what the pronoun stands for: "it" is not a person
    ("Mayor Ann Lee said it will cost $9 million, aides said.", "$9 million", None),
    # a clause that complements a noun is done by the noun's possessor
    ("Mayor Ann Lee defended her plan to admit 3,000 refugees.", "3,000", "Ann Lee"),
    ("Northwind Capital met its goal of raising $2 million.", "$2 million", "Northwind Capital"),
    # "its"/"their" stand for their clause's subject, and a body named by a name is the name's
    (
        "Officials said the Harlow administration announced it had met its target of hiring "
        "400 nurses.",
        "400",
        "Harlow",
    ),
    (
        "The Lee administration said they met their goal of admitting 5,000 refugees.",
        "5,000",
        "Lee",
    ),
    ("Norway sells 60 percent of its gas abroad.", "60 percent", "Norway"),
    ("Northwind said it reached its goal of hiring 400 nurses.", "400", "Northwind"),
    ("The Harlow campaign raised $3 million in May.", "$3 million", "Harlow"),
    # ... not with no possessor, nor a possessive inside the subject, nor a subject that is
    # no name and no named body
    ("The goal of hiring 400 nurses was met.", "400", None),
    ("Its staff met its goal of hiring 40 nurses.", "40", None),
    ("Jane Roe said the company met its goal of hiring 400 nurses.", "400", None),
    ("Harlow supporters raised $3 million in May.", "$3 million", None),
    # a common noun names no one in particular
    ("Officials said the company wants to hire 300 workers.", "300", None),
    # "it is hard to find" has no one who does the finding
    ("Officials said it is hard to find 300 nurses.", "300", None),
    # a passive subject was told: the teller's object, not the holder of the guests
    ("Officials said she was told to expect 300 guests.", "300", None),
]


@pytest.mark.parametrize(("text", "words", "holder"), HOLDERS)
def test_holders_holder(parse, text, words, holder):
    doc = parse(text)
    found = [s._.claimtrack_figure for s in doc.spans[FIGURES] if s.text == words]
    assert found, [s.text for s in doc.spans[FIGURES]]
    assert found[0].holder == holder


WORTH = [
    # a sum that values a named person or firm is its worth, whoever gives it
    ("Jane Roe built hotels. A magazine pegged her at $3.1 billion.", "$3.1 billion", "Jane Roe"),
    ("Analysts valued Acme at $40 billion after the merger.", "$40 billion", "Acme"),
    # a person described, not named, is the one the text is about, as for "she"
    (
        "Jane Roe spoke. An aide said an individual worth $4 billion owes no one.",
        "$4 billion",
        "Jane Roe",
    ),
    # named by the text: the usual readings stand
    ("Jane Roe built hotels. A magazine puts her fortune at $2 billion.", "$2 billion", "Jane Roe"),
]


@pytest.mark.parametrize(("text", "words", "holder"), WORTH)
def test_holders_valued_sum_is_worth(parse, text, words, holder):
    doc = parse(text)
    found = [s._.claimtrack_figure for s in doc.spans[FIGURES] if s.text == words]
    assert found, [s.text for s in doc.spans[FIGURES]]
    assert found[0].counted in {"worth", "fortune"}
    assert found[0].holder == holder


NOT_WORTH = [
    # a share that puts someone at a figure is a poll's number, not a worth
    ("A new poll puts Jane Roe at 45 percent among likely voters.", "45 percent"),
    # a described person with no one named before is no one
    ("An individual worth $4 billion owes no one, an aide said.", "$4 billion"),
]


@pytest.mark.parametrize(("text", "words"), NOT_WORTH)
def test_holders_valued_sum_negatives(parse, text, words):
    doc = parse(text)
    found = [s._.claimtrack_figure for s in doc.spans[FIGURES] if s.text == words]
    assert found, [s.text for s in doc.spans[FIGURES]]
    assert found[0].counted != "worth" or found[0].holder is None
