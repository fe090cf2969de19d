"""Cues read as acts or as evidence (`claimtrack.nlp.attribution_sense`), on hand-built parses:
a verb of evidence whose subject is no record and no speaker, a quality shown or a thing found,
a ballot cast, a thing shared or released, a decision to act, news received. Each rule has its
positive twin, where the same verb does report a statement."""

from __future__ import annotations

import pytest

from claimtrack.nlp.attribution import AttributionFinder
from tests.handmade import build
from tests.test_rules_attribution import found


@pytest.fixture(scope="module")
def finder():
    return AttributionFinder()


CASES = [
    # A thing that is neither a record nor a speaker shows only what the writer infers.
    (
        "His popularity shows how badly the party misjudged its voters.",
        """
        0  His          PRON  PRP$ _          poss    1
        1  popularity   NOUN  NN   _          nsubj   2
        2  shows        VERB  VBZ  show       ROOT    2
        3  how          SCONJ WRB  _          advmod  4
        4  badly        ADV   RB   _          advmod  7
        5  the          DET   DT   _          det     6
        6  party        NOUN  NN   _          nsubj   7
        7  misjudged    VERB  VBD  misjudge   ccomp   2
        8  its          PRON  PRP$ _          poss    9
        9  voters       NOUN  NNS  voter      dobj    7
        10 .            PUNCT .    _          punct   2
        """,
        [],
    ),
    (
        "The recent attacks highlight the danger the city faces.",
        """
        0  The          DET   DT   _          det     2
        1  recent       ADJ   JJ   _          amod    2
        2  attacks      NOUN  NNS  attack     nsubj   3
        3  highlight    VERB  VBP  _          ROOT    3
        4  the          DET   DT   _          det     5
        5  danger       NOUN  NN   _          dobj    3
        6  the          DET   DT   _          det     7
        7  city         NOUN  NN   _          nsubj   8
        8  faces        VERB  VBZ  face       relcl   5
        9  .            PUNCT .    _          punct   3
        """,
        [],
    ),
    # A record shows what it records.
    (
        "A new poll shows the governor leading by six points.",
        """
        0  A            DET   DT   _          det     2
        1  new          ADJ   JJ   _          amod    2
        2  poll         NOUN  NN   _          nsubj   3
        3  shows        VERB  VBZ  show       ROOT    3
        4  the          DET   DT   _          det     5
        5  governor     NOUN  NN   _          nsubj   6
        6  leading      VERB  VBG  lead       ccomp   3
        7  by           ADP   IN   _          prep    6
        8  six          NUM   CD   _          nummod  9
        9  points       NOUN  NNS  point      pobj    7
        10 .            PUNCT .    _          punct   3
        """,
        [("the governor leading by six points", "A new poll", "shows", "indirect")],
    ),
    # A speaker who shows a quality, or finds a thing, with no clause says nothing.
    (
        "He showed flashes of compassion during the hearing.",
        """
        0  He           PRON  PRP  _          nsubj   1
        1  showed       VERB  VBD  show       ROOT    1
        2  flashes      NOUN  NNS  flash      dobj    1
        3  of           ADP   IN   _          prep    2
        4  compassion   NOUN  NN   _          pobj    3
        5  during       ADP   IN   _          prep    1
        6  the          DET   DT   _          det     7
        7  hearing      NOUN  NN   _          pobj    5
        8  .            PUNCT .    _          punct   1
        """,
        [],
    ),
    # With a clause, what a speaker found is reported.
    (
        "The senator found that the agency had ignored the warnings.",
        """
        0  The          DET   DT   _          det     1
        1  senator      NOUN  NN   _          nsubj   2
        2  found        VERB  VBD  find       ROOT    2
        3  that         SCONJ IN   _          mark    7
        4  the          DET   DT   _          det     5
        5  agency       NOUN  NN   _          nsubj   7
        6  had          AUX   VBD  have       aux     7
        7  ignored      VERB  VBN  ignore     ccomp   2
        8  the          DET   DT   _          det     9
        9  warnings     NOUN  NNS  warning    dobj    7
        10 .            PUNCT .    _          punct   2
        """,
        [("that the agency had ignored the warnings", "The senator", "found", "indirect")],
    ),
    (
        "The company could not find a new sponsor.",
        """
        0  The          DET   DT   _          det     1
        1  company      NOUN  NN   _          nsubj   4
        2  could        AUX   MD   _          aux     4
        3  not          PART  RB   _          neg     4
        4  find         VERB  VB   _          ROOT    4
        5  a            DET   DT   _          det     7
        6  new          ADJ   JJ   _          amod    7
        7  sponsor      NOUN  NN   _          dobj    4
        8  .            PUNCT .    _          punct   4
        """,
        [],
    ),
    # "None of the videos": the videos, a record.
    (
        "None of the videos showed the scene she described.",
        """
        0  None         NOUN  NN   _          nsubj   4
        1  of           ADP   IN   _          prep    0
        2  the          DET   DT   _          det     3
        3  videos       NOUN  NNS  video      pobj    1
        4  showed       VERB  VBD  show       ROOT    4
        5  the          DET   DT   _          det     6
        6  scene        NOUN  NN   _          dobj    4
        7  she          PRON  PRP  _          nsubj   8
        8  described    VERB  VBD  describe   relcl   6
        9  .            PUNCT .    _          punct   4
        """,
        [("the scene she described", "None of the videos", "showed", "indirect")],
    ),
    # A ballot cast, or owed under a rule, is an act on the record.
    (
        "The senator voted against the measure last year.",
        """
        0  The          DET   DT   _          det     1
        1  senator      NOUN  NN   _          nsubj   2
        2  voted        VERB  VBD  vote       ROOT    2
        3  against      ADP   IN   _          prep    2
        4  the          DET   DT   _          det     5
        5  measure      NOUN  NN   _          pobj    3
        6  last         ADJ   JJ   _          amod    7
        7  year         NOUN  NN   _          npadvmod 2
        8  .            PUNCT .    _          punct   2
        """,
        [],
    ),
    # A preference told as an intention is a stated position.
    (
        "Forty percent of the voters would vote for the mayor.",
        """
        0  Forty        NUM   CD   _          nummod  1
        1  percent      NOUN  NN   _          nsubj   6
        2  of           ADP   IN   _          prep    1
        3  the          DET   DT   _          det     4
        4  voters       NOUN  NNS  voter      pobj    2
        5  would        AUX   MD   _          aux     6
        6  vote         VERB  VB   _          ROOT    6
        7  for          ADP   IN   _          prep    6
        8  the          DET   DT   _          det     9
        9  mayor        NOUN  NN   _          pobj    7
        10 .            PUNCT .    _          punct   6
        """,
        [("the mayor", "Forty percent of the voters", "would vote for", "indirect")],
    ),
    (
        "Delegates must vote for the candidate who won their state.",
        """
        0  Delegates    NOUN  NNS  delegate   nsubj   2
        1  must         AUX   MD   _          aux     2
        2  vote         VERB  VB   _          ROOT    2
        3  for          ADP   IN   _          prep    2
        4  the          DET   DT   _          det     5
        5  candidate    NOUN  NN   _          pobj    3
        6  who          PRON  WP   _          nsubj   7
        7  won          VERB  VBD  win        relcl   5
        8  their        PRON  PRP$ _          poss    9
        9  state        NOUN  NN   _          dobj    7
        10 .            PUNCT .    _          punct   2
        """,
        [],
    ),
    # What is shared, given or answered as a thing is no statement.
    (
        "The rapper shared a microphone with the governor.",
        """
        0  The          DET   DT   _          det     1
        1  rapper       NOUN  NN   _          nsubj   2
        2  shared       VERB  VBD  share      ROOT    2
        3  a            DET   DT   _          det     4
        4  microphone   NOUN  NN   _          dobj    2
        5  with         ADP   IN   _          prep    2
        6  the          DET   DT   _          det     7
        7  governor     NOUN  NN   _          pobj    5
        8  .            PUNCT .    _          punct   2
        """,
        [],
    ),
    (
        "The agency released a video of the crash.",
        """
        0  The          DET   DT   _          det     1
        1  agency       NOUN  NN   _          nsubj   2
        2  released     VERB  VBD  release    ROOT    2
        3  a            DET   DT   _          det     4
        4  video        NOUN  NN   _          dobj    2
        5  of           ADP   IN   _          prep    4
        6  the          DET   DT   _          det     7
        7  crash        NOUN  NN   _          pobj    5
        8  .            PUNCT .    _          punct   2
        """,
        [],
    ),
    # A decision to act is an act.
    (
        "The club decided to sell its stadium.",
        """
        0  The          DET   DT   _          det     1
        1  club         NOUN  NN   _          nsubj   2
        2  decided      VERB  VBD  decide     ROOT    2
        3  to           PART  TO   _          aux     4
        4  sell         VERB  VB   _          xcomp   2
        5  its          PRON  PRP$ _          poss    6
        6  stadium      NOUN  NN   _          dobj    4
        7  .            PUNCT .    _          punct   2
        """,
        [],
    ),
    # The one who learned something was told it, and said nothing.
    (
        "Fans learned that the team would move to Denver.",
        """
        0  Fans         NOUN  NNS  fan        nsubj   1
        1  learned      VERB  VBD  learn      ROOT    1
        2  that         SCONJ IN   _          mark    6
        3  the          DET   DT   _          det     4
        4  team         NOUN  NN   _          nsubj   6
        5  would        AUX   MD   _          aux     6
        6  move         VERB  VB   _          ccomp   1
        7  to           ADP   IN   _          prep    6
        8  Denver       PROPN NNP  Denver     pobj    7
        9  .            PUNCT .    _          punct   1
        """,
        [],
    ),
    (
        "She answered the phone on the second ring.",
        """
        0  She          PRON  PRP  _          nsubj   1
        1  answered     VERB  VBD  answer     ROOT    1
        2  the          DET   DT   _          det     3
        3  phone        NOUN  NN   _          dobj    1
        4  on           ADP   IN   _          prep    1
        5  the          DET   DT   _          det     7
        6  second       ADJ   JJ   _          amod    7
        7  ring         NOUN  NN   _          pobj    4
        8  .            PUNCT .    _          punct   1
        """,
        [],
    ),
    # A speaker who highlights something speaks of it.
    (
        "The mayor highlighted the drop in crime.",
        """
        0  The          DET   DT   _          det     1
        1  mayor        NOUN  NN   _          nsubj   2
        2  highlighted  VERB  VBD  highlight  ROOT    2
        3  the          DET   DT   _          det     4
        4  drop         NOUN  NN   _          dobj    2
        5  in           ADP   IN   _          prep    4
        6  crime        NOUN  NN   _          pobj    5
        7  .            PUNCT .    _          punct   2
        """,
        [("the drop in crime", "The mayor", "highlighted", "indirect")],
    ),
    (
        "Court records show he sold the building in 2010.",
        """
        0  Court        NOUN  NN   _          compound 1
        1  records      NOUN  NNS  record     nsubj   2
        2  show         VERB  VBP  _          ROOT    2
        3  he           PRON  PRP  _          nsubj   4
        4  sold         VERB  VBD  sell       ccomp   2
        5  the          DET   DT   _          det     6
        6  building     NOUN  NN   _          dobj    4
        7  in           ADP   IN   _          prep    4
        8  2010         NUM   CD   _          pobj    7
        9  .            PUNCT .    _          punct   2
        """,
        [("he sold the building in 2010", "Court records", "show", "indirect")],
    ),
]


@pytest.mark.parametrize(("text", "table", "expected"), CASES, ids=[c[0] for c in CASES])
def test_cue_read_as_act_or_evidence(finder, text, table, expected):
    assert found(finder, build(text, table)) == expected
