"""Attribution rules that keep a sentence's figure in a claim: a participle cue with a phrase
before its "that" clause, a complement the parser split in two, and verbs that put a figure on
their object ("pegs X at $N"). Rule tests state the parse they assume (tests/handmade.py); the
table at the end runs the real model on the same kinds of sentence."""

from __future__ import annotations

import pytest

from claimtrack.nlp.annotations import ATTRIBUTIONS
from claimtrack.nlp.attribution import AttributionFinder
from tests.handmade import build


@pytest.fixture(scope="module")
def finder():
    return AttributionFinder()


def found(doc):
    """(content, mention, cue) of every attribution, in text order."""
    out = []
    for span in doc.spans[ATTRIBUTIONS]:
        a = span._.claimtrack_attribution
        out.append((span.text, a.mention.text if a.mention is not None else None, a.cue.text))
    return out


RULES = [
    # A participle cue shares the main clause's subject; the "that" clause the parser hung on
    # the object of "without any proof" is what was claimed.
    (
        "The senator was just as harsh, claiming without any proof that the governor wanted to spend 40 million dollars.",
        """
        0  The      DET   DT   _          det       1
        1  senator  NOUN  NN   _          nsubj     2
        2  was      AUX   VBD  be         ROOT      2
        3  just     ADV   RB   _          advmod    5
        4  as       ADV   RB   _          advmod    5
        5  harsh    ADJ   JJ   _          acomp     2
        6  ,        PUNCT ,    _          punct     2
        7  claiming VERB  VBG  claim      advcl     2
        8  without  ADP   IN   _          prep      7
        9  any      DET   DT   _          det       10
        10 proof    NOUN  NN   _          pobj      8
        11 that     SCONJ IN   _          mark      14
        12 the      DET   DT   _          det       13
        13 governor NOUN  NN   _          nsubj     14
        14 wanted   VERB  VBD  want       acl       10
        15 to       PART  TO   _          aux       16
        16 spend    VERB  VB   _          xcomp     14
        17 40       NUM   CD   _          compound  18
        18 million  NUM   CD   _          nummod    19
        19 dollars  NOUN  NNS  dollar     dobj      16
        20 .        PUNCT .    _          punct     2
        """,
        [
            (
                "that the governor wanted to spend 40 million dollars",
                "The senator",
                "claiming",
            )
        ],
    ),
    # Two subjects on the main verb (the opening time phrase misread as one): the nearer one
    # is who claimed it.
    (
        "The night before, at a dinner, the senator was blunt, claiming without proof that"
        " the governor had hired 40 aides.",
        """
        0  The      DET   DT   _      det     1
        1  night    NOUN  NN   _      nsubj   10
        2  before   ADV   RB   _      advmod  1
        3  ,        PUNCT ,    _      punct   10
        4  at       ADP   IN   _      prep    10
        5  a        DET   DT   _      det     6
        6  dinner   NOUN  NN   _      pobj    4
        7  ,        PUNCT ,    _      punct   10
        8  the      DET   DT   _      det     9
        9  senator  NOUN  NN   _      nsubj   10
        10 was      AUX   VBD  be     ROOT    10
        11 blunt    ADJ   JJ   _      acomp   10
        12 ,        PUNCT ,    _      punct   10
        13 claiming VERB  VBG  claim  advcl   10
        14 without  ADP   IN   _      prep    13
        15 proof    NOUN  NN   _      pobj    14
        16 that     SCONJ IN   _      mark    20
        17 the      DET   DT   _      det     18
        18 governor NOUN  NN   _      nsubj   20
        19 had      AUX   VBD  have   aux     20
        20 hired    VERB  VBN  hire   acl     15
        21 40       NUM   CD   _      nummod  22
        22 aides    NOUN  NNS  aide   dobj    20
        23 .        PUNCT .    _      punct   10
        """,
        [("that the governor had hired 40 aides", "the senator", "claiming")],
    ),
    # A preposition the verb takes for its content keeps the prepositional reading.
    (
        "He argued for the idea that the state should hire 300 officers.",
        """
        0  He       PRON  PRP  _          nsubj     1
        1  argued   VERB  VBD  argue      ROOT      1
        2  for      ADP   IN   _          prep      1
        3  the      DET   DT   _          det       4
        4  idea     NOUN  NN   _          pobj      2
        5  that     SCONJ IN   _          mark      9
        6  the      DET   DT   _          det       7
        7  state    NOUN  NN   _          nsubj     9
        8  should   AUX   MD   _          aux       9
        9  hire     VERB  VB   _          acl       4
        10 300      NUM   CD   _          nummod    11
        11 officers NOUN  NNS  officer    dobj      9
        12 .        PUNCT .    _          punct     1
        """,
        [("the idea that the state should hire 300 officers", "He", "argued for")],
    ),
    # An absolute phrase the parser hung on the cue beside the clause belongs to the content,
    # which starts at the clause's first word.
    (
        "The ministry has said 1,400 of the seized documents were withheld because they named informants, the vast majority of them marked secret.",
        """
        0  The        DET   DT   _          det       1
        1  ministry   NOUN  NN   _          nsubj     3
        2  has        AUX   VBZ  have       aux       3
        3  said       VERB  VBD  say        ROOT      3
        4  1,400      NUM   CD   _          nsubjpass 10
        5  of         ADP   IN   _          prep      4
        6  the        DET   DT   _          det       8
        7  seized     VERB  VBN  seize      amod      8
        8  documents  NOUN  NNS  document   pobj      5
        9  were       AUX   VBD  be         auxpass   10
        10 withheld   VERB  VBN  withhold   ccomp     3
        11 because    SCONJ IN   _          mark      13
        12 they       PRON  PRP  _          nsubj     13
        13 named      VERB  VBD  name       advcl     10
        14 informants NOUN  NNS  informant  dobj      13
        15 ,          PUNCT ,    _          punct     21
        16 the        DET   DT   _          det       18
        17 vast       ADJ   JJ   _          amod      18
        18 majority   NOUN  NN   _          nsubj     21
        19 of         ADP   IN   _          prep      18
        20 them       PRON  PRP  they       pobj      19
        21 marked     VERB  VBD  mark       ccomp     3
        22 secret     ADJ   JJ   _          oprd      21
        23 .          PUNCT .    _          punct     3
        """,
        [
            (
                "1,400 of the seized documents were withheld because they named informants,"
                " the vast majority of them marked secret",
                "The ministry",
                "has said",
            )
        ],
    ),
    # A verb that puts a figure on its object: the object and the "at" phrase are the content.
    (
        "Fortune puts her net worth at $12 billion.",
        """
        0  Fortune PROPN NNP  _          nsubj     1
        1  puts    VERB  VBZ  put        ROOT      1
        2  her     PRON  PRP$ _          poss      4
        3  net     ADJ   JJ   _          amod      4
        4  worth   NOUN  NN   _          dobj      1
        5  at      ADP   IN   _          prep      1
        6  $       SYM   $    _          quantmod  8
        7  12      NUM   CD   _          compound  8
        8  billion NUM   CD   _          pobj      5
        9  .       PUNCT .    _          punct     1
        """,
        [("her net worth at $12 billion", "Fortune", "puts")],
    ),
    # ... in a relative clause too (the relative pronoun is the mention, as PolNeAR marks it).
    (
        "She met a banker who puts his fortune at $7 billion.",
        """
        0  She     PRON  PRP  _          nsubj     1
        1  met     VERB  VBD  meet       ROOT      1
        2  a       DET   DT   _          det       3
        3  banker  NOUN  NN   _          dobj      1
        4  who     PRON  WP   _          nsubj     5
        5  puts    VERB  VBZ  put        relcl     3
        6  his     PRON  PRP$ _          poss      7
        7  fortune NOUN  NN   _          dobj      5
        8  at      ADP   IN   _          prep      5
        9  $       SYM   $    _          quantmod  11
        10 7       NUM   CD   _          compound  11
        11 billion NUM   CD   _          pobj      8
        12 .       PUNCT .    _          punct     1
        """,
        [("his fortune at $7 billion", "who", "puts")],
    ),
    # No figure after "at", or no "at": not a valuation.
    (
        "He puts the books on the shelf.",
        """
        0  He    PRON  PRP  _          nsubj     1
        1  puts  VERB  VBZ  put        ROOT      1
        2  the   DET   DT   _          det       3
        3  books NOUN  NNS  book       dobj      1
        4  on    ADP   IN   _          prep      1
        5  the   DET   DT   _          det       6
        6  shelf NOUN  NN   _          pobj      4
        7  .     PUNCT .    _          punct     1
        """,
        [],
    ),
    (
        "The committee places great weight at the start of the hearing.",
        """
        0  The       DET   DT   _          det       1
        1  committee NOUN  NN   _          nsubj     2
        2  places    VERB  VBZ  place      ROOT      2
        3  great     ADJ   JJ   _          amod      4
        4  weight    NOUN  NN   _          dobj      2
        5  at        ADP   IN   _          prep      2
        6  the       DET   DT   _          det       7
        7  start     NOUN  NN   _          pobj      5
        8  of        ADP   IN   _          prep      7
        9  the       DET   DT   _          det       10
        10 hearing   NOUN  NN   _          pobj      8
        11 .         PUNCT .    _          punct     2
        """,
        [],
    ),
]


@pytest.mark.parametrize(("text", "table", "expected"), RULES, ids=[c[0] for c in RULES])
def test_rules_attribution_figures_content_speaker_and_cue(finder, text, table, expected):
    doc = build(text, table)
    finder(doc)
    assert found(doc) == expected


MODEL = [
    (
        "The mayor was just as curt, asserting without any data that the council had hired"
        " 2,000 clerks.",
        ("that the council had hired 2,000 clerks", "The mayor", "asserting"),
    ),
    (
        "The union has claimed 600 of the dismissed workers were fired because they joined the"
        " strike, nearly all of them drivers.",
        (
            "600 of the dismissed workers were fired because they joined the strike, nearly all"
            " of them drivers",
            "The union",
            "has claimed",
        ),
    ),
    (
        "Reuters pegged the company at $4.1 billion.",
        ("the company at $4.1 billion", "Reuters", "pegged"),
    ),
    (
        "Reuters pegged the company at $4.1 billion, which its founder called an insult.",
        ("the company at $4.1 billion", "Reuters", "pegged"),
    ),
    (
        "Analysts value the startup at $800 million.",
        ("the startup at $800 million", "Analysts", "value"),
    ),
    (
        "The survey places the deficit at $70 billion.",
        ("the deficit at $70 billion", "The survey", "places"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), MODEL, ids=[c[0] for c in MODEL])
def test_rules_attribution_figures_on_the_model(parse, text, expected):
    assert expected in found(parse(text))


@pytest.mark.parametrize(
    "text",
    [
        "He puts the books on the shelf.",
        "The court placed the boy at risk.",
        "She values her friends.",
    ],
)
def test_rules_attribution_figures_no_valuation_without_a_figure(parse, text):
    assert not [f for f in found(parse(text)) if f[2] in ("puts", "placed", "values")]


def test_rules_attribution_figures_a_relative_that_is_not_a_content(parse):
    # "that" is the object of "met": the clause describes the lobbyist, nobody says it.
    assert found(parse("The senator argued with a lobbyist that he had met in 2010.")) == []
