"""Figure context: counted, predicate, place, period, scope, rates, and statements of none.

The figure spans are made here by hand (the words of the figure and a FigureInfo with its
number), so these tests check the context rules alone, whatever the figure finder does.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimtrack.nlp.annotations import FIGURES, FigureInfo, register_extensions
from claimtrack.nlp.figure_context import FigureContext
from claimtrack.nlp.zero_figures import ZeroFigureFinder

BASE = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")


@pytest.fixture(scope="module")
def base(nlp):
    register_extensions()

    def _parse(text: str):
        with nlp.select_pipes(enable=[p for p in BASE if p in nlp.pipe_names]):
            return nlp(text)

    return _parse


def _figures(base, text: str, figures: list[tuple[str, dict]]):
    doc = base(text)
    spans = []
    for words, info in figures:
        start = text.index(words)
        span = doc.char_span(start, start + len(words), alignment_mode="expand")
        assert span is not None
        value = info.pop("value")
        info.setdefault("low", value)
        info.setdefault("high", value)
        span._.claimtrack_figure = FigureInfo(value=value, **info)
        spans.append(span)
    return doc, _stages(doc, spans)


def _stages(doc, spans):
    """The two stages as the pipeline runs them: context for the figures, then statements of
    none; the figures they leave, in document order."""
    doc.spans[FIGURES] = spans
    ZeroFigureFinder(doc.vocab)(FigureContext()(doc))
    return list(doc.spans[FIGURES])


def _one(base, text: str, words: str, **info):
    _, out = _figures(base, text, [(words, info)])
    found = [s for s in out if s.text == words]
    assert len(found) == 1, [s.text for s in out]
    return found[0]._.claimtrack_figure


COUNTED = [
    # sentence, figure words, expected counted, expected predicate
    (
        "The charity has received at least 4,000 inquiries about adopting since May.",
        "at least 4,000",
        "inquiry about adopting",
        "receive",
    ),
    ("More than 900 Irish nurses joined the strike.", "More than 900", "Irish nurse", "join"),
    ("The ministry got thousands of complaints from parents.", "thousands", "complaint", "get"),
    ("Officials say a dozen fires broke out overnight.", "a dozen", "fire", "break out"),
    ("About 40 students have made the team this year.", "About 40", "student", "make team"),
    ("Half of the registered voters stayed home.", "Half", "registered voter", "stay"),
    ("Around 300 tourists were rescued by the coast guard.", "Around 300", "tourist", "rescue"),
    # a negated verb denies the figure: a predicate of its own, never the plain verb's
    ("The port is not taking in 9,000 migrants this year.", "9,000", "migrant", "not take in"),
    ("The council never hired 450 teachers.", "450", "teacher", "not hire"),
    # a place they come from says which group: on the noun or on the verb it is the object of
    ("The town took in 3,000 refugees from Eritrea in May.", "3,000", "Eritrea refugee", "take in"),
    ("Some 800 migrants from Peru arrived on Monday.", "Some 800", "Peru migrant", "arrive"),
    # ... a place, not any origin
    ("She received 4,000 emails from her old server.", "4,000", "email", "receive"),
    ("Ads ran in 11 swing states from Ohio to Arizona.", "11", "swing state", None),
    # a "be" idiom says what they are doing; a plain "be" only that they are there
    ("On Primary Day, when 12 states are in play, turnout matters.", "12", "state", "be in play"),
    ("About 400 delegates will be at stake next week.", "About 400", "delegate", "be at stake"),
    ("About 5,000 fans were in the square on Monday.", "About 5,000", "fan", "be"),
]


@pytest.mark.parametrize(("text", "words", "counted", "predicate"), COUNTED)
def test_figure_context_counted_and_predicate(base, text, words, counted, predicate):
    info = _one(base, text, words, value=1.0)
    assert info.counted == counted
    assert info.predicate == predicate


def test_figure_context_relative_pronoun_takes_the_group_before(base):
    text = "More than 800 Danish cyclists entered the race, nearly one-third of whom crashed."
    _, out = _figures(
        base,
        text,
        [
            ("More than 800", {"value": 800.0}),
            ("nearly one-third", {"value": 1 / 3, "unit": "fraction"}),
        ],
    )
    third = next(s for s in out if "third" in s.text)._.claimtrack_figure
    assert third.counted == "Danish cyclist"
    assert third.predicate == "crash"


def test_figure_context_bare_number_refers_back(base):
    text = "Nearly 20,000 Chileans entered Peru last month. More than 7,000 crossed into Bolivia."
    _, out = _figures(
        base, text, [("Nearly 20,000", {"value": 2e4}), ("More than 7,000", {"value": 7e3})]
    )
    first, second = (s._.claimtrack_figure for s in out)
    assert first.counted == second.counted == "Chilean"
    assert first.place == "Peru"
    assert second.place == "Bolivia"
    assert second.predicate == "cross"


def test_figure_context_a_people_named_alone_are_those_just_counted(base):
    text = "Roe wants to admit 5,000 Eritrean refugees (Lee has proposed accepting 800 Eritreans)."
    _, out = _figures(base, text, [("5,000", {"value": 5e3}), ("800", {"value": 800.0})])
    assert [s._.claimtrack_figure.counted for s in out] == ["Eritrean refugee"] * 2
    # another people is another group
    text = "Roe wants to admit 5,000 Eritrean refugees. Lee said 800 Somalis arrived in May."
    _, out = _figures(base, text, [("5,000", {"value": 5e3}), ("800", {"value": 800.0})])
    assert [s._.claimtrack_figure.counted for s in out] == ["Eritrean refugee", "Somali"]
    # the other side of a trade is no count of the first: nothing is done to them
    text = "Roe traded 10 Eritrean spies for four Eritreans held in Rome."
    _, out = _figures(base, text, [("10", {"value": 10.0}), ("four", {"value": 4.0})])
    assert out[1]._.claimtrack_figure.counted == "Eritrean"


def test_figure_context_bare_number_alone_counts_nothing(base):
    info = _one(base, "In the end 70 voted for the plan.", "70", value=70.0)
    assert info.counted is None


PLACES = [
    (
        "Nearly 5,000 Hondurans entered Mexico in the week after the storm.",
        "Nearly 5,000",
        "Mexico",
    ),
    ("Some 300 fans travelled to Lisbon for the final.", "Some 300", "Lisbon"),
    # the subject's own modifier is not where the counted thing happened
    ("The office in Denver has received 900 letters.", "900", None),
]


@pytest.mark.parametrize(("text", "words", "place"), PLACES)
def test_figure_context_place(base, text, words, place):
    assert _one(base, text, words, value=1.0).place == place


PERIODS = [
    (
        "Nearly 5,000 Hondurans entered Mexico in the week following the hurricane.",
        "Nearly 5,000",
        "in the week following the hurricane",
    ),
    (
        "Since the flood in April, the town has received 200 tents.",
        "200",
        "since the flood in April",
    ),
    (
        "There were 9 break-ins in the days after the curfew was lifted.",
        "9",
        "in the days after the curfew was lifted",
    ),
    ("Seven shops closed during the strike.", "Seven", "during the strike"),
    ("About 40 students have made the team so far.", "About 40", "so far"),
    ("About 40 students have made the team thus far.", "About 40", "so far"),
    # negatives: a place, and a date on the reporting verb, are not the figure's period
    ("Some 300 fans travelled to Lisbon.", "Some 300", None),
    ("The paper reported in June that 12 ships sank.", "12", None),
]


@pytest.mark.parametrize(("text", "words", "period"), PERIODS)
def test_figure_context_period(base, text, words, period):
    assert _one(base, text, words, value=1.0).period == period


def test_figure_context_period_misattached_clause_goes_to_the_figure_before_it(base):
    text = (
        "A local paper counted 18 burglaries in the days after the storm hit, with a total of "
        "40 incidents since the year began."
    )
    _, out = _figures(base, text, [("18", {"value": 18.0}), ("40", {"value": 40.0})])
    first, second = (s._.claimtrack_figure for s in out)
    assert first.period == "in the days after the storm hit"
    assert second.period == "since the year began"


def test_figure_context_money_scope_and_rate(base):
    text = "The city will pay its nurses 40,000 pesos -- about $2,300 -- per month."
    _, out = _figures(
        base,
        text,
        [
            ("40,000 pesos", {"value": 4e4, "unit": "MXN", "currency": "MXN"}),
            ("$2,300", {"value": 2300.0, "unit": "USD", "currency": "USD"}),
        ],
    )
    pesos, dollars = (s._.claimtrack_figure for s in out)
    assert pesos.predicate == dollars.predicate == "pay"
    assert pesos.scope == dollars.scope == "nurse"
    assert pesos.unit == "MXN/month"
    assert dollars.unit == "USD/month"
    assert pesos.counted is None and dollars.counted is None  # a sum is not "pesos"


def test_figure_context_money_to_recipient(base):
    info = _one(
        base,
        "The club offered a car and $5,000 to every player who stays.",
        "$5,000",
        value=5e3,
        unit="USD",
        currency="USD",
    )
    assert info.scope == "player"
    assert info.predicate == "offer"
    assert info.unit == "USD"  # no rate


ZERO = [
    # sentence, zero span, predicate, counted, scope, unit
    (
        "Interns would not be paid a salary, the firm said.",
        "not be paid a salary",
        "pay",
        "salary",
        "intern",
        "money",
    ),
    ("The guides agreed to work without pay.", "without pay", "pay", "pay", "guide", "money"),
    ("Unpaid stewards ran the festival.", "Unpaid", "pay", None, "steward", "money"),
    (
        "No casualties were reported after the blast.",
        "No casualties",
        "report",
        "casualty",
        None,
        None,
    ),
    ("The crew received no wages for March.", "no wages", "pay", "wage", "crew", "money"),
]


@pytest.mark.parametrize(("text", "words", "predicate", "counted", "scope", "unit"), ZERO)
def test_figure_context_zero_statements(base, text, words, predicate, counted, scope, unit):
    _, out = _figures(base, text, [])
    assert [s.text for s in out] == [words]
    info = out[0]._.claimtrack_figure
    assert (info.value, info.low, info.high, info.qualifier) == (0.0, 0.0, 0.0, "exact")
    assert info.currency is None
    assert (info.predicate, info.counted, info.scope, info.unit) == (
        predicate,
        counted,
        scope,
        unit,
    )


NOT_ZERO = [
    "The firm did not pay $500 in fees.",  # a denied amount is not a statement of none
    "No one knows why the bridge fell.",
    "There is no doubt about it.",
    "She paid the bill without delay.",
    "We will pay the workers on Friday.",
]


@pytest.mark.parametrize("text", NOT_ZERO)
def test_figure_context_zero_statements_negatives(base, text):
    doc = base(text)
    spans = []
    if "$500" in text:
        start = text.index("$500")
        span = doc.char_span(start, start + 4, alignment_mode="expand")
        span._.claimtrack_figure = FigureInfo(500.0, 500.0, 500.0, unit="USD", currency="USD")
        spans.append(span)
    out = _stages(doc, spans)
    assert [s.text for s in out] == [s.text for s in spans]


@pytest.mark.parametrize("text", ["", "   \n\n ", "“unbalanced quote", "\u200b\u00a0 ¿¡", "no"])
def test_figure_context_odd_inputs_do_not_crash(base, text):
    doc = base(text)
    out = _stages(doc, [])
    for span in out:
        assert span.doc is doc and 0 <= span.start <= span.end <= len(doc)


def test_figure_context_spans_are_real_and_sorted(base):
    text = "No casualties were reported. Volunteers would not be paid. 300 tents were sent."
    doc, out = _figures(base, text, [("300", {"value": 300.0})])
    assert [s.start for s in out] == sorted(s.start for s in out)
    for span in out:
        assert doc.text[span.start_char : span.end_char] == span.text


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "no",
                "not",
                "paid",
                "without",
                "pay",
                "unpaid",
                "12",
                "since",
                "per",
                "month",
                "of",
                "whom",
                "“",
                ",",
                ".",
                "\n",
                "Kazakhstan",
                "volunteers",
                "zero",
                "in",
            ]
        ),
        max_size=30,
    )
)
def test_figure_context_any_word_salad_gives_real_spans(base, words):
    text = " ".join(words)
    doc = base(text)
    for span in _stages(doc, []):
        assert span.doc is doc
        assert doc.text[span.start_char : span.end_char] == span.text
        assert span._.claimtrack_figure.value == 0.0
