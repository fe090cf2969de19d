"""Cues used in a sense that reports no statement (`claimtrack.nlp.attribution_sense`), on
hand-built parses: the object is a listener, an occasion or a document; the cue is under an
imperative, "let's" or the writer's supposition; a duty a rule imposes; an act still to come.
Each rule has its positive twin, where the same cue does report a statement."""

from __future__ import annotations

import pytest

from claimtrack.nlp.attribution import AttributionFinder
from tests.handmade import build
from tests.test_rules_attribution import found


@pytest.fixture(scope="module")
def finder():
    return AttributionFinder()


CASES = [
    # "address" a listener or an occasion: spoken to them, about nothing the object says.
    (
        "The senator addressed a conference of teachers.",
        """
        0  The        DET   DT   _        det    1
        1  senator    NOUN  NN   _        nsubj  2
        2  addressed  VERB  VBD  address  ROOT   2
        3  a          DET   DT   _        det    4
        4  conference NOUN  NN   _        dobj   2
        5  of         ADP   IN   _        prep   4
        6  teachers   NOUN  NNS  teacher  pobj   5
        7  .          PUNCT .    _        punct  2
        """,
        [],
    ),
    # "address" an issue is speaking about it.
    (
        "The senator addressed the shortage of teachers.",
        """
        0  The        DET   DT   _        det    1
        1  senator    NOUN  NN   _        nsubj  2
        2  addressed  VERB  VBD  address  ROOT   2
        3  the        DET   DT   _        det    4
        4  shortage   NOUN  NN   _        dobj   2
        5  of         ADP   IN   _        prep   4
        6  teachers   NOUN  NNS  teacher  pobj   5
        7  .          PUNCT .    _        punct  2
        """,
        [("the shortage of teachers", "The senator", "addressed", "indirect")],
    ),
    # "call" a hearing is to organise it; its date is no content either.
    (
        "The chairman called a hearing for May.",
        """
        0  The      DET   DT   _     det    1
        1  chairman NOUN  NN   _     nsubj  2
        2  called   VERB  VBD  call  ROOT   2
        3  a        DET   DT   _     det    4
        4  hearing  NOUN  NN   _     dobj   2
        5  for      ADP   IN   _     prep   4
        6  May      PROPN NNP  _     pobj   5 DATE
        7  .        PUNCT .    _     punct  2
        """,
        [],
    ),
    # What the hearing is called is a statement about it.
    (
        "The chairman called the meeting a sham.",
        """
        0  The      DET   DT   _     det    1
        1  chairman NOUN  NN   _     nsubj  2
        2  called   VERB  VBD  call  ROOT   2
        3  the      DET   DT   _     det    4
        4  meeting  NOUN  NN   _     dobj   2
        5  a        DET   DT   _     det    6
        6  sham     NOUN  NN   _     oprd   2
        7  .        PUNCT .    _     punct  2
        """,
        [("a sham", "The chairman", "called", "indirect")],
    ),
    # A document made public states nothing by that.
    (
        "Both nominees released their medical records.",
        """
        0  Both     DET   DT   _        det      1
        1  nominees NOUN  NNS  nominee  nsubj    2
        2  released VERB  VBD  release  ROOT     2
        3  their    PRON  PRP$ _        poss     5
        4  medical  ADJ   JJ   _        amod     5
        5  records  NOUN  NNS  record   dobj     2
        6  .        PUNCT .    _        punct    2
        """,
        [],
    ),
    # A duty a rule imposes is not what anyone said.
    (
        "The rules require members to report any gift.",
        """
        0  The      DET   DT   _        det    1
        1  rules    NOUN  NNS  rule     nsubj  2
        2  require  VERB  VBP  _        ROOT   2
        3  members  NOUN  NNS  member   dobj   2
        4  to       PART  TO   _        aux    5
        5  report   VERB  VB   _        xcomp  2
        6  any      DET   DT   _        det    7
        7  gift     NOUN  NN   _        dobj   5
        8  .        PUNCT .    _        punct  2
        """,
        [],
    ),
    # An act of advocacy still to come has no content yet.
    (
        "Her deputy will push for a higher wage.",
        """
        0  Her       PRON  PRP$ _     poss   1
        1  deputy    NOUN  NN   _     nsubj  3
        2  will      AUX   MD   _     aux    3
        3  push      VERB  VB   _     ROOT   3
        4  for       ADP   IN   _     prep   3
        5  a         DET   DT   _     det    7
        6  higher    ADJ   JJR  high  amod   7
        7  wage      NOUN  NN   _     pobj   4
        8  .         PUNCT .    _     punct  3
        """,
        [],
    ),
    # The same advocacy already made is a stance with its content.
    (
        "Her deputy pushed for a higher wage.",
        """
        0  Her       PRON  PRP$ _     poss   1
        1  deputy    NOUN  NN   _     nsubj  2
        2  pushed    VERB  VBD  push  ROOT   2
        3  for       ADP   IN   _     prep   2
        4  a         DET   DT   _     det    6
        5  higher    ADJ   JJR  high  amod   6
        6  wage      NOUN  NN   _     pobj   3
        7  .         PUNCT .    _     punct  2
        """,
        [("a higher wage", "Her deputy", "pushed for", "indirect")],
    ),
    # A statement announced for later keeps its clause.
    (
        "He will argue that the tax is unfair.",
        """
        0  He     PRON  PRP  _      nsubj  2
        1  will   AUX   MD   _      aux    2
        2  argue  VERB  VB   _      ROOT   2
        3  that   SCONJ IN   _      mark   6
        4  the    DET   DT   _      det    5
        5  tax    NOUN  NN   _      nsubj  6
        6  is     AUX   VBZ  be     ccomp  2
        7  unfair ADJ   JJ   _      acomp  6
        8  .      PUNCT .    _      punct  2
        """,
        [("that the tax is unfair", "He", "will argue", "indirect")],
    ),
    # An imperative addressed to the reader, with a vocative: nobody has said anything.
    (
        "Friends, tell me what you believe.",
        """
        0  Friends NOUN  NNS  friend  nsubj  2
        1  ,       PUNCT ,    _       punct  2
        2  tell    VERB  VB   _       ROOT   2
        3  me      PRON  PRP  I       dobj   2
        4  what    PRON  WP   _       dobj   6
        5  you     PRON  PRP  _       nsubj  6
        6  believe VERB  VBP  _       ccomp  2
        7  .       PUNCT .    _       punct  2
        """,
        [],
    ),
    # "Let's say": a supposition put to the reader.
    (
        "Let's say you believe the plan works.",
        """
        0  Let   VERB  VB   _     ROOT   0
        1  's    PRON  PRP  us    nsubj  2
        2  say   VERB  VB   _     ccomp  0
        3  you   PRON  PRP  _     nsubj  4
        4  believe VERB VBP _     ccomp  2
        5  the   DET   DT   _     det    6
        6  plan  NOUN  NN   _     nsubj  7
        7  works VERB  VBZ  work  ccomp  4
        8  .     PUNCT .    _     punct  0
        """,
        [],
    ),
    # A sentence opening with a bare "Say" is a supposition, even parsed as an auxiliary.
    (
        "Say the city claimed that the park was sold.",
        """
        0  Say     AUX   VB   say     aux    3
        1  the     DET   DT   _       det    2
        2  city    NOUN  NN   _       nsubj  3
        3  claimed VERB  VBD  claim   ROOT   3
        4  that    SCONJ IN   _       mark   8
        5  the     DET   DT   _       det    6
        6  park    NOUN  NN   _       nsubjpass 8
        7  was     AUX   VBD  be      auxpass 8
        8  sold    VERB  VBN  sell    ccomp  3
        9  .       PUNCT .    _       punct  3
        """,
        [],
    ),
    # ... or as a name the NER runs into the subject's.
    (
        "Say Peru demanded that the loan be repaid.",
        """
        0  Say      PROPN NNP  Say     dep    2 GPE
        1  Peru     PROPN NNP  Peru    nsubj  2 GPE
        2  demanded VERB  VBD  demand  ROOT   2
        3  that     SCONJ IN   _       mark   7
        4  the      DET   DT   _       det    5
        5  loan     NOUN  NN   _       nsubjpass 7
        6  be       AUX   VB   _       auxpass 7
        7  repaid   VERB  VBN  repay   ccomp  2
        8  .        PUNCT .    _       punct  2
        """,
        [],
    ),
    # A verb of supposing with no clause states nothing.
    (
        "It is hard to imagine a quieter little town.",
        """
        0  It      PRON  PRP  _        nsubj  1
        1  is      AUX   VBZ  be       ROOT   1
        2  hard    ADJ   JJ   _        acomp  1
        3  to      PART  TO   _        aux    4
        4  imagine VERB  VB   _        xcomp  1
        5  a       DET   DT   _        det    8
        6  quieter ADJ   JJR  quiet    amod   8
        7  little  ADJ   JJ   _        amod   8
        8  town    NOUN  NN   _        dobj   4
        9  .       PUNCT .    _        punct  1
        """,
        [],
    ),
    # A belief under the writer's wish is nobody's belief; the wish is the writer's.
    (
        "We might wish that the rivals would admit the debt is growing.",
        """
        0  We      PRON  PRP  _      nsubj  2
        1  might   AUX   MD   _      aux    2
        2  wish    VERB  VB   _      ROOT   2
        3  that    SCONJ IN   _      mark   7
        4  the     DET   DT   _      det    5
        5  rivals  NOUN  NNS  rival  nsubj  7
        6  would   AUX   MD   _      aux    7
        7  admit   VERB  VB   _      ccomp  2
        8  the     DET   DT   _      det    9
        9  debt    NOUN  NN   _      nsubj  11
        10 is      AUX   VBZ  be     aux    11
        11 growing VERB  VBG  grow   ccomp  7
        12 .       PUNCT .    _      punct  2
        """,
        [("that the rivals would admit the debt is growing", "We", "might wish", "indirect")],
    ),
    # Under a third person's wish the admission is still not made; the wish is theirs.
    (
        "Analysts wish that the rivals would admit the debt is growing.",
        """
        0  Analysts NOUN  NNS  analyst  nsubj  1
        1  wish     VERB  VBP  _        ROOT   1
        2  that     SCONJ IN   _        mark   6
        3  the      DET   DT   _        det    4
        4  rivals   NOUN  NNS  rival    nsubj  6
        5  would    AUX   MD   _        aux    6
        6  admit    VERB  VB   _        ccomp  1
        7  the      DET   DT   _        det    8
        8  debt     NOUN  NN   _        nsubj  10
        9  is       AUX   VBZ  be       aux    10
        10 growing  VERB  VBG  grow     ccomp  6
        11 .        PUNCT .    _        punct  1
        """,
        [("that the rivals would admit the debt is growing", "Analysts", "wish", "indirect")],
    ),
    # Under a report, the reported admission is one in its own right.
    (
        "Analysts say the rivals admit the debt is growing.",
        """
        0  Analysts NOUN  NNS  analyst  nsubj  1
        1  say      VERB  VBP  _        ROOT   1
        2  the      DET   DT   _        det    3
        3  rivals   NOUN  NNS  rival    nsubj  4
        4  admit    VERB  VBP  _        ccomp  1
        5  the      DET   DT   _        det    6
        6  debt     NOUN  NN   _        nsubj  8
        7  is       AUX   VBZ  be       aux    8
        8  growing  VERB  VBG  grow     ccomp  4
        9  .        PUNCT .    _        punct  1
        """,
        [
            ("the rivals admit the debt is growing", "Analysts", "say", "indirect"),
            ("the debt is growing", "the rivals", "admit", "indirect"),
        ],
    ),
]


@pytest.mark.parametrize(("text", "table", "expected"), CASES, ids=[c[0] for c in CASES])
def test_attribution_sense_of_the_cue(finder, text, table, expected):
    assert found(finder, build(text, table)) == expected
