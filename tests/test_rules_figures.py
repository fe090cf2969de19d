"""Figures, their context, and statements of none, on hand-built parses: each case states the
parse it assumes, so a rule is tested on its own (end-to-end cases on the real model:
test_figures.py, test_figure_context.py)."""

from __future__ import annotations

import pytest

from claimtrack.nlp.annotations import FIGURES
from claimtrack.nlp.figure_context import FigureContext
from claimtrack.nlp.figures import FigureFinder
from claimtrack.nlp.zero_figures import ZeroFigureFinder
from tests.handmade import build, vocab

# The parses the rules below assume (the real model's, with its misparses corrected: "Unpaid"
# as an adjective, "2014 residents" as a count, the "$" inside its MONEY entity; "2014 was a
# hard year" without its DATE entity, so what drops the year is the parse alone).
PARSES = {
    "The storm killed 12 people.": """
    0   The          DET    DT    _          det        1
    1   storm        NOUN   NN    _          nsubj      2
    2   killed       VERB   VBD   kill       ROOT       2
    3   12           NUM    CD    _          nummod     4    CARDINAL
    4   people       NOUN   NNS   _          dobj       2
    5   .            PUNCT  .     _          punct      2
    """,
    "At least 6,000 people signed up.": """
    0   At           ADV    RB    _          advmod     1    CARDINAL
    1   least        ADV    RBS   _          advmod     2    CARDINAL
    2   6,000        NUM    CD    _          nummod     3    CARDINAL
    3   people       NOUN   NNS   _          nsubj      4
    4   signed       VERB   VBN   sign       ROOT       4
    5   up           ADP    RP    _          prt        4
    6   .            PUNCT  .     _          punct      4
    """,
    "The dam broke on Feb. 24.": """
    0   The          DET    DT    _          det        1
    1   dam          NOUN   NN    _          nsubj      2
    2   broke        VERB   VBD   break      ROOT       2
    3   on           ADP    IN    _          prep       2
    4   Feb.         PROPN  NNP   Feb.       pobj       3    DATE
    5   24           NUM    CD    _          nummod     4    DATE
    6   .            PUNCT  .     _          punct      2
    """,
    "Brigade 45 attacked the town.": """
    0   Brigade      PROPN  NNP   Brigade    nsubj      2
    1   45           NUM    CD    _          nummod     0
    2   attacked     VERB   VBD   attack     ROOT       2
    3   the          DET    DT    _          det        4
    4   town         NOUN   NN    _          dobj       2
    5   .            PUNCT  .     _          punct      2
    """,
    "They offered one specific protection.": """
    0   They         PRON   PRP   _          nsubj      1
    1   offered      VERB   VBD   offer      ROOT       1
    2   one          NUM    CD    _          nummod     4
    3   specific     ADJ    JJ    _          amod       4
    4   protection   NOUN   NN    _          dobj       1
    5   .            PUNCT  .     _          punct      1
    """,
    "2014 was a hard year.": """
    0   2014         NUM    CD    _          nsubj      1
    1   was          AUX    VBD   be         ROOT       1
    2   a            DET    DT    _          det        4
    3   hard         ADJ    JJ    _          amod       4
    4   year         NOUN   NN    _          attr       1
    5   .            PUNCT  .     _          punct      1
    """,
    "The town has 2014 residents.": """
    0   The          DET    DT    _          det        1
    1   town         NOUN   NN    _          nsubj      2
    2   has          VERB   VBZ   have       ROOT       2
    3   2014         NUM    CD    _          nummod     4    CARDINAL
    4   residents    NOUN   NNS   resident   dobj       2
    5   .            PUNCT  .     _          punct      2
    """,
    "They repaired a 10 km stretch.": """
    0   They         PRON   PRP   _          nsubj      1
    1   repaired     VERB   VBD   repair     ROOT       1
    2   a            DET    DT    _          det        5
    3   10           NUM    CD    _          nummod     4    QUANTITY
    4   km           NOUN   NN    _          compound   5    QUANTITY
    5   stretch      NOUN   NN    _          dobj       1
    6   .            PUNCT  .     _          punct      1
    """,
    "They walked 10 km.": """
    0   They         PRON   PRP   _          nsubj      1
    1   walked       VERB   VBD   walk       ROOT       1
    2   10           NUM    CD    _          nummod     3    QUANTITY
    3   km           NOUN   NNS   _          npadvmod   1    QUANTITY
    4   .            PUNCT  .     _          punct      1
    """,
    "The army pays soldiers $3,000 per month.": """
    0   The          DET    DT    _          det        1
    1   army         NOUN   NN    _          nsubj      2
    2   pays         VERB   VBZ   pay        ROOT       2
    3   soldiers     NOUN   NNS   soldier    dative     2
    4   $            SYM    $     _          nmod       5    MONEY
    5   3,000        NUM    CD    _          dobj       2    MONEY
    6   per          ADP    IN    _          prep       5
    7   month        NOUN   NN    _          pobj       6
    8   .            PUNCT  .     _          punct      2
    """,
    "The office received thousands of requests.": """
    0   The          DET    DT    _          det        1
    1   office       NOUN   NN    _          nsubj      2
    2   received     VERB   VBD   receive    ROOT       2
    3   thousands    NOUN   NNS   thousand   dobj       2    CARDINAL
    4   of           ADP    IN    _          prep       3
    5   requests     NOUN   NNS   request    pobj       4
    6   .            PUNCT  .     _          punct      2
    """,
    "Since the war began, 6,000 volunteers have joined.": """
    0   Since        SCONJ  IN    _          mark       3
    1   the          DET    DT    _          det        2
    2   war          NOUN   NN    _          nsubj      3
    3   began        VERB   VBD   begin      advcl      8
    4   ,            PUNCT  ,     _          punct      8
    5   6,000        NUM    CD    _          nummod     6    CARDINAL
    6   volunteers   NOUN   NNS   volunteer  nsubj      8
    7   have         AUX    VBP   _          aux        8
    8   joined       VERB   VBN   join       ROOT       8
    9   .            PUNCT  .     _          punct      8
    """,
    "More than 500 people crossed into Finland.": """
    0   More         ADJ    JJR   more       amod       2    CARDINAL
    1   than         ADP    IN    _          quantmod   2    CARDINAL
    2   500          NUM    CD    _          nummod     3    CARDINAL
    3   people       NOUN   NNS   _          nsubj      4
    4   crossed      VERB   VBD   cross      ROOT       4
    5   into         ADP    IN    _          prep       4
    6   Finland      PROPN  NNP   Finland    pobj       5    GPE
    7   .            PUNCT  .     _          punct      4
    """,
    "About 200 people fled. More than 50 returned.": """
    0   About        ADV    RB    _          advmod     1    CARDINAL
    1   200          NUM    CD    _          nummod     2    CARDINAL
    2   people       NOUN   NNS   _          nsubj      3
    3   fled         VERB   VBD   flee       ROOT       3
    4   .            PUNCT  .     _          punct      3
    5   More         ADJ    JJR   more       amod       7    CARDINAL
    6   than         ADP    IN    _          quantmod   7    CARDINAL
    7   50           NUM    CD    _          nsubj      8    CARDINAL
    8   returned     VERB   VBD   return     ROOT       8
    9   .            PUNCT  .     _          punct      8
    """,
    "Police arrested 12.": """
    0   Police       NOUN   NNS   police     nsubj      1
    1   arrested     VERB   VBD   arrest     ROOT       1
    2   12           NUM    CD    _          dobj       1    CARDINAL
    3   .            PUNCT  .     _          punct      1
    """,
    "The volunteers serve without pay.": """
    0   The          DET    DT    _          det        1
    1   volunteers   NOUN   NNS   volunteer  nsubj      2
    2   serve        VERB   VBP   _          ROOT       2
    3   without      ADP    IN    _          prep       2
    4   pay          NOUN   NN    _          pobj       3
    5   .            PUNCT  .     _          punct      2
    """,
    "Unpaid volunteers staff the shelter.": """
    0   Unpaid       ADJ    JJ    _          amod       1
    1   volunteers   NOUN   NNS   volunteer  nsubj      2
    2   staff        VERB   VBP   _          ROOT       2
    3   the          DET    DT    _          det        4
    4   shelter      NOUN   NN    _          dobj       2
    5   .            PUNCT  .     _          punct      2
    """,
    "The guards would not be paid.": """
    0   The          DET    DT    _          det        1
    1   guards       NOUN   NNS   guard      nsubjpass  5
    2   would        AUX    MD    _          aux        5
    3   not          PART   RB    _          neg        5
    4   be           AUX    VB    _          auxpass    5
    5   paid         VERB   VBN   pay        ROOT       5
    6   .            PUNCT  .     _          punct      5
    """,
    "The attack caused no casualties.": """
    0   The          DET    DT    _          det        1
    1   attack       NOUN   NN    _          nsubj      2
    2   caused       VERB   VBD   cause      ROOT       2
    3   no           DET    DT    _          det        4
    4   casualties   NOUN   NNS   casualty   dobj       2
    5   .            PUNCT  .     _          punct      2
    """,
    "The firm did not pay $500.": """
    0   The          DET    DT    _          det        1
    1   firm         NOUN   NN    _          nsubj      4
    2   did          AUX    VBD   do         aux        4
    3   not          PART   RB    _          neg        4
    4   pay          VERB   VB    _          ROOT       4
    5   $            SYM    $     _          nmod       6    MONEY
    6   500          NUM    CD    _          dobj       4    MONEY
    7   .            PUNCT  .     _          punct      4
    """,
    "The volunteers serve without complaint.": """
    0   The          DET    DT    _          det        1
    1   volunteers   NOUN   NNS   volunteer  nsubj      2
    2   serve        VERB   VBP   _          ROOT       2
    3   without      ADP    IN    _          prep       2
    4   complaint    NOUN   NN    _          pobj       3
    5   .            PUNCT  .     _          punct      2
    """,
}


@pytest.fixture(scope="module")
def stages():
    return FigureFinder(), FigureContext(), ZeroFigureFinder(vocab())


def figures(stages, text, *, upto=3):
    """The figure spans of `text` (PARSES) after the first `upto` stages."""
    doc = build(text, PARSES[text])
    for stage in stages[:upto]:
        doc = stage(doc)
    return list(doc.spans[FIGURES])


@pytest.mark.parametrize(
    ("text", "figure", "value", "qualifier", "unit", "currency"),
    [
        ("The storm killed 12 people.", "12", 12, "exact", None, None),
        ("At least 6,000 people signed up.", "At least 6,000", 6000, "at_least", None, None),
        (
            "More than 500 people crossed into Finland.",
            "More than 500",
            500,
            "more_than",
            None,
            None,
        ),
        # A year-like number that counts a noun is a count.
        ("The town has 2014 residents.", "2014", 2014, "exact", None, None),
        # A measure that is the verb's own argument, not a modifier.
        ("They walked 10 km.", "10 km", 10, "exact", "kilometer", None),
        # A measure used as an adjective is still a measure (issue 16: "a three-year review").
        ("They repaired a 10 km stretch.", "10 km", 10, "exact", "kilometer", None),
        ("The firm did not pay $500.", "$500", 500, "exact", "USD", "USD"),
    ],
)
def test_figures_keeps_numbers_that_state_a_quantity(
    stages, text, figure, value, qualifier, unit, currency
):
    [span] = figures(stages, text, upto=1)
    info = span._.claimtrack_figure
    assert (span.text, info.value, info.qualifier, info.unit, info.currency) == (
        figure,
        value,
        qualifier,
        unit,
        currency,
    )


@pytest.mark.parametrize(
    "text",
    [
        # A number inside a DATE entity that names a month is the date.
        "The dam broke on Feb. 24.",
        # A number naming the proper noun before it.
        "Brigade 45 attacked the town.",
        # A bare determiner "one".
        "They offered one specific protection.",
        # A year counting no noun (no entity given, so the year rule, not the date one).
        "2014 was a hard year.",
    ],
)
def test_figures_drops_numbers_the_parse_shows_are_no_figures(stages, text):
    assert figures(stages, text, upto=1) == []


@pytest.mark.parametrize(
    ("text", "figure", "context"),
    [
        # The noun a number modifies (nummod) is what it counts; the verb is its predicate.
        ("The storm killed 12 people.", "12", {"counted": "people", "predicate": "kill"}),
        # A particle joins the predicate.
        ("At least 6,000 people signed up.", "At least 6,000", {"predicate": "sign up"}),
        # "thousands of X" counts X.
        ("The office received thousands of requests.", "thousands", {"counted": "request"}),
        # A time clause opened by "since" is the period; compounds and lemmas make the noun.
        (
            "Since the war began, 6,000 volunteers have joined.",
            "6,000",
            {"counted": "volunteer", "predicate": "join", "period": "since the war began"},
        ),
        # A place entity after a locative preposition on the verb.
        ("More than 500 people crossed into Finland.", "More than 500", {"place": "Finland"}),
        # "per month" makes a rate, read with the sum; the dative is who is paid.
        (
            "The army pays soldiers $3,000 per month.",
            "$3,000 per month",
            {"unit": "USD/month", "scope": "soldier", "predicate": "pay"},
        ),
        # A bare number with no counted noun before it counts nothing.
        ("Police arrested 12.", "12", {"counted": None, "predicate": "arrest"}),
        # No time words: no period.
        ("The storm killed 12 people.", "12", {"period": None, "place": None}),
    ],
)
def test_figure_context_reads_the_parse_around_the_figure(stages, text, figure, context):
    [span] = [f for f in figures(stages, text, upto=2) if f.text == figure]
    info = span._.claimtrack_figure
    assert {key: getattr(info, key) for key in context} == context


def test_figure_context_elided_noun_refers_to_the_previous_count(stages):
    """ "More than 50 returned": the number stands for the people of the sentence before."""
    about, more = figures(stages, "About 200 people fled. More than 50 returned.", upto=2)
    assert about._.claimtrack_figure.counted == "people"
    assert (more.text, more._.claimtrack_figure.counted) == ("More than 50", "people")
    assert more._.claimtrack_figure.predicate == "return"


@pytest.mark.parametrize(
    ("text", "zero", "context"),
    [
        (
            "The volunteers serve without pay.",
            "without pay",
            {"predicate": "pay", "unit": "money", "scope": "volunteer"},
        ),
        (
            "Unpaid volunteers staff the shelter.",
            "Unpaid",
            {"predicate": "pay", "scope": "volunteer"},
        ),
        ("The guards would not be paid.", "not be paid", {"predicate": "pay", "scope": "guard"}),
        (
            "The attack caused no casualties.",
            "no casualties",
            {"counted": "casualty", "unit": None},
        ),
    ],
)
def test_zero_figures_statements_of_none_are_zero(stages, text, zero, context):
    [span] = figures(stages, text)
    info = span._.claimtrack_figure
    assert (span.text, info.value, info.low, info.high) == (zero, 0, 0, 0)
    assert {key: getattr(info, key) for key in context} == context


@pytest.mark.parametrize(
    "text",
    [
        # "without" a noun that is not a payment.
        "The volunteers serve without complaint.",
        # A denied amount is that amount, not a statement of none.
        "The firm did not pay $500.",
        # No negation at all.
        "The storm killed 12 people.",
    ],
)
def test_zero_figures_negatives_add_no_zero(stages, text):
    assert all(f._.claimtrack_figure.value != 0 for f in figures(stages, text))
