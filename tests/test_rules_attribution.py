"""Attribution rules on hand-built parses: each case states the parse it assumes, so what is
tested is the rule, not the model (end-to-end cases on the real model: test_attribution.py)."""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from claimtrack.nlp.annotations import ATTRIBUTIONS
from claimtrack.nlp.attribution import AttributionFinder
from claimtrack.nlp.attribution_model import MODEL_SPANS
from tests.handmade import build


@pytest.fixture(scope="module")
def finder():
    return AttributionFinder()


def found(finder, doc):
    """(content, mention, cue, quote kind) of every attribution, in text order."""
    finder(doc)
    out = []
    for span in doc.spans[ATTRIBUTIONS]:
        a = span._.claimtrack_attribution
        mention = a.mention.text if a.mention is not None else None
        cue = a.cue.text if a.cue is not None else None
        out.append((span.text, mention, cue, a.quote))
    return out


SAID_THAT = (
    "The minister said that the talks had failed.",
    """
    0  The       DET   DT   the      det    1
    1  minister  NOUN  NN   minister nsubj  2
    2  said      VERB  VBD  say      ROOT   2
    3  that      SCONJ IN   that     mark   7
    4  the       DET   DT   the      det    5
    5  talks     NOUN  NNS  talk     nsubj  7
    6  had       AUX   VBD  have     aux    7
    7  failed    VERB  VBN  fail     ccomp  2
    8  .         PUNCT .    .        punct  2
    """,
)

POSITIVES = [
    # The subject of a reporting verb is the speaker, its complement clause the content
    # ("that" kept, the final period dropped).
    (
        *SAID_THAT,
        [("that the talks had failed", "The minister", "said", "indirect")],
    ),
    # A complement clause without "that".
    (
        "Officials warned the river would rise again.",
        """
        0  Officials NOUN  NNS  official nsubj  1
        1  warned    VERB  VBD  warn     ROOT   1
        2  the       DET   DT   _        det    3
        3  river     NOUN  NN   _        nsubj  5
        4  would     AUX   MD   _        aux    5
        5  rise      VERB  VB   _        ccomp  1
        6  again     ADV   RB   _        advmod 5
        7  .         PUNCT .    _        punct  1
        """,
        [("the river would rise again", "Officials", "warned", "indirect")],
    ),
    # A quotation before the cue clause is the content, quote marks and comma included.
    (
        '"The bridge is safe," she said.',
        """
        0  "       PUNCT ``   _      punct  8
        1  The     DET   DT   _      det    2
        2  bridge  NOUN  NN   _      nsubj  3
        3  is      AUX   VBZ  be     ccomp  8
        4  safe    ADJ   JJ   _      acomp  3
        5  ,       PUNCT ,    _      punct  8
        6  "       PUNCT ''   _      punct  8
        7  she     PRON  PRP  _      nsubj  8
        8  said    VERB  VBD  say    ROOT   8
        9  .       PUNCT .    _      punct  8
        """,
        [('"The bridge is safe,"', "she", "said", "direct")],
    ),
    # A quotation after "said:" is the content.
    (
        'The mayor said: "The bridge is closed."',
        """
        0  The     DET   DT   _      det    1
        1  mayor   NOUN  NN   _      nsubj  2
        2  said    VERB  VBD  say    ROOT   2
        3  :       PUNCT :    _      punct  2
        4  "       PUNCT ``   _      punct  2
        5  The     DET   DT   _      det    6
        6  bridge  NOUN  NN   _      nsubj  7
        7  is      AUX   VBZ  be     ccomp  2
        8  closed  ADJ   JJ   _      acomp  7
        9  .       PUNCT .    _      punct  2
        10 "       PUNCT ''   _      punct  2
        """,
        [('"The bridge is closed."', "The mayor", "said", "direct")],
    ),
    # "according to X": X is the speaker, the clause the phrase hangs on is the content.
    (
        "The bridge will reopen in May, according to the transport department.",
        """
        0  The        DET   DT   _       det      1
        1  bridge     NOUN  NN   _       nsubj    3
        2  will       AUX   MD   _       aux      3
        3  reopen     VERB  VB   _       ROOT     3
        4  in         ADP   IN   _       prep     3
        5  May        PROPN NNP  May     pobj     4   DATE
        6  ,          PUNCT ,    _       punct    3
        7  according  VERB  VBG  accord  prep     3
        8  to         ADP   IN   _       prep     7
        9  the        DET   DT   _       det      11  ORG
        10 transport  NOUN  NN   _       compound 11  ORG
        11 department NOUN  NN   _       pobj     8   ORG
        12 .          PUNCT .    _       punct    3
        """,
        [("The bridge will reopen in May", "the transport department", "according to", "indirect")],
    ),
    # "according to X" qualifies the clause it hangs on: only the last of two joined clauses.
    (
        "The mill closed, and the town lost jobs, according to the mayor.",
        """
        0  The       DET   DT   _        det      1
        1  mill      NOUN  NN   _        nsubj    2
        2  closed    VERB  VBD  close    ROOT     2
        3  ,         PUNCT ,    _        punct    2
        4  and       CCONJ CC   _        cc       2
        5  the       DET   DT   _        det      6
        6  town      NOUN  NN   _        nsubj    7
        7  lost      VERB  VBD  lose     conj     2
        8  jobs      NOUN  NNS  job      dobj     7
        9  ,         PUNCT ,    _        punct    7
        10 according VERB  VBG  accord   prep     7
        11 to        ADP   IN   _        prep     10
        12 the       DET   DT   _        det      13
        13 mayor     NOUN  NN   _        pobj     11
        14 .         PUNCT .    _        punct    2
        """,
        [("the town lost jobs", "the mayor", "according to", "indirect")],
    ),
    # A conjunction opening the clause joins it to the sentence before; the source did not
    # say it.
    (
        "But the company refused, according to a spokesman.",
        """
        0  But       CCONJ CC   _        cc       3
        1  the       DET   DT   _        det      2
        2  company   NOUN  NN   _        nsubj    3
        3  refused   VERB  VBD  refuse   ROOT     3
        4  ,         PUNCT ,    _        punct    3
        5  according VERB  VBG  accord   prep     3
        6  to        ADP   IN   _        prep     5
        7  a         DET   DT   _        det      8
        8  spokesman NOUN  NN   _        pobj     6
        9  .         PUNCT .    _        punct    3
        """,
        [("the company refused", "a spokesman", "according to", "indirect")],
    ),
    # A colon before the phrase starts the clause it qualifies.
    (
        "It gets worse: the bridge will close, according to engineers.",
        """
        0  It        PRON  PRP  it       nsubj    1
        1  gets      VERB  VBZ  get      ROOT     1
        2  worse     ADJ   JJR  bad      acomp    1
        3  :         PUNCT :    _        punct    1
        4  the       DET   DT   _        det      5
        5  bridge    NOUN  NN   _        nsubj    7
        6  will      AUX   MD   _        aux      7
        7  close     VERB  VB   _        ccomp    1
        8  ,         PUNCT ,    _        punct    7
        9  according VERB  VBG  accord   prep     7
        10 to        ADP   IN   _        prep     9
        11 engineers NOUN  NNS  engineer pobj     10
        12 .         PUNCT .    _        punct    1
        """,
        [("the bridge will close", "engineers", "according to", "indirect")],
    ),
    # A parenthetical cue: the clause it interrupts is the content.
    (
        "The plan, he said, is dead.",
        """
        0  The   DET   DT   _    det       1
        1  plan  NOUN  NN   _    nsubj     6
        2  ,     PUNCT ,    _    punct     4
        3  he    PRON  PRP  _    nsubj     4
        4  said  VERB  VBD  say  parataxis 6
        5  ,     PUNCT ,    _    punct     4
        6  is    AUX   VBZ  be   ROOT      6
        7  dead  ADJ   JJ   _    acomp     6
        8  .     PUNCT .    _    punct     6
        """,
        [("The plan, he said, is dead", "he", "said", "indirect")],
    ),
    # A trailing cue the parse lost: the quotation is a sentence of its own and the speaker's
    # name hangs nowhere useful; the words between the quotation and the verb name the speaker.
    (
        '"We will rebuild," Ramos, 58, told a reporter.',
        """
        0  "         PUNCT ``   _     punct    3
        1  We        PRON  PRP  we    nsubj    3
        2  will      AUX   MD   _     aux      3
        3  rebuild   VERB  VB   _     ROOT     3
        4  ,         PUNCT ,    _     punct    3
        5  "         PUNCT ''   _     punct    3
        6  Ramos     PROPN NNP  Ramos npadvmod 10  PERSON
        7  ,         PUNCT ,    _     punct    6
        8  58        NUM   CD   _     appos    6
        9  ,         PUNCT ,    _     punct    6
        10 told      VERB  VBD  tell  ROOT     10
        11 a         DET   DT   _     det      12
        12 reporter  NOUN  NN   _     dobj     10
        13 .         PUNCT .    _     punct    10
        """,
        [('"We will rebuild,"', "Ramos", "told", "direct")],
    ),
    # A paragraph that is one quotation with no cue continues the speaker of the paragraph
    # before it.
    (
        'The mayor said the bridge was safe.\n\n"We checked every bolt twice. Nothing is loose."',
        r"""
        0  The      DET   DT   _      det    1
        1  mayor    NOUN  NN   _      nsubj  2
        2  said     VERB  VBD  say    ROOT   2
        3  the      DET   DT   _      det    4
        4  bridge   NOUN  NN   _      nsubj  5
        5  was      AUX   VBD  be     ccomp  2
        6  safe     ADJ   JJ   _      acomp  5
        7  .        PUNCT .    _      punct  2
        8  \n\n     SPACE _SP  _      dep    7
        9  "        PUNCT ``   _      punct  11
        10 We       PRON  PRP  we     nsubj  11
        11 checked  VERB  VBD  check  ROOT   11
        12 every    DET   DT   _      det    13
        13 bolt     NOUN  NN   _      dobj   11
        14 twice    ADV   RB   _      advmod 11
        15 .        PUNCT .    _      punct  11
        16 Nothing  PRON  NN   nothing nsubj 17
        17 is       AUX   VBZ  be     ROOT   17
        18 loose    ADJ   JJ   _      acomp  17
        19 .        PUNCT .    _      punct  17
        20 "        PUNCT ''   _      punct  17
        """,
        [
            ("the bridge was safe", "The mayor", "said", "indirect"),
            ('"We checked every bolt twice. Nothing is loose."', "The mayor", None, "direct"),
        ],
    ),
    # "called for X": the preposition joins the cue, its object is the content.
    (
        "The union called for a strike.",
        """
        0  The     DET   DT   _     det    1
        1  union   NOUN  NN   _     nsubj  2
        2  called  VERB  VBD  call  ROOT   2
        3  for     ADP   IN   _     prep   2
        4  a       DET   DT   _     det    5
        5  strike  NOUN  NN   _     pobj   3
        6  .       PUNCT .    _     punct  2
        """,
        [("a strike", "The union", "called for", "indirect")],
    ),
    # A statement noun with a possessor: the possessor speaks, the that-clause is the content.
    (
        "Lee's claim that the dam leaked was false.",
        """
        0  Lee     PROPN NNP  Lee    poss   2  PERSON
        1  's      PART  POS  _      case   0
        2  claim   NOUN  NN   _      nsubj  7
        3  that    SCONJ IN   _      mark   6
        4  the     DET   DT   _      det    5
        5  dam     NOUN  NN   _      nsubj  6
        6  leaked  VERB  VBD  leak   acl    2
        7  was     AUX   VBD  be     ROOT   7
        8  false   ADJ   JJ   _      acomp  7
        9  .       PUNCT .    _      punct  7
        """,
        [("that the dam leaked", "Lee's", "claim", "indirect")],
    ),
    # A stance verb with a to-infinitive: the to-clause is what was said.
    (
        "The coach vowed to win the cup.",
        """
        0  The    DET   DT   _    det    1
        1  coach  NOUN  NN   _    nsubj  2
        2  vowed  VERB  VBD  vow  ROOT   2
        3  to     PART  TO   _    aux    4
        4  win    VERB  VB   _    xcomp  2
        5  the    DET   DT   _    det    6
        6  cup    NOUN  NN   _    dobj   4
        7  .      PUNCT .    _    punct  2
        """,
        [("to win the cup", "The coach", "vowed", "indirect")],
    ),
    # A name and a colon label the quotation after them.
    (
        'Pollster Jane Roe: "The race is tied."',
        """
        0  Pollster PROPN NNP  Pollster compound  2
        1  Jane     PROPN NNP  Jane     compound  2  PERSON
        2  Roe      PROPN NNP  Roe      ROOT      2  PERSON
        3  :        PUNCT :    _        punct     2
        4  "        PUNCT ``   _        punct     2
        5  The      DET   DT   _        det       6
        6  race     NOUN  NN   _        nsubjpass 8
        7  is       AUX   VBZ  be       auxpass   8
        8  tied     VERB  VBN  tie      relcl     2
        9  .        PUNCT .    _        punct     8
        10 "        PUNCT ''   _        punct     8
        """,
        [('"The race is tied."', "Pollster Jane Roe", ":", "direct")],
    ),
]


@pytest.mark.parametrize(("text", "table", "expected"), POSITIVES, ids=[c[0] for c in POSITIVES])
def test_attribution_finds_content_speaker_and_cue(finder, text, table, expected):
    assert found(finder, build(text, table)) == expected


NEGATIVES = [
    # A reporting verb whose content is a single word is no statement.
    (
        "He said no.",
        """
        0  He    PRON  PRP  he   nsubj  1
        1  said  VERB  VBD  say  ROOT   1
        2  no    INTJ  UH   _    intj   1
        3  .     PUNCT .    _    punct  1
        """,
    ),
    # No cue at all.
    (
        "The engineers repaired the bridge on Monday.",
        """
        0  The       DET   DT   _        det    1
        1  engineers NOUN  NNS  engineer nsubj  2
        2  repaired  VERB  VBD  repair   ROOT   2
        3  the       DET   DT   _        det    4
        4  bridge    NOUN  NN   _        dobj   2
        5  on        ADP   IN   _        prep   2
        6  Monday    PROPN NNP  Monday   pobj   5  DATE
        7  .         PUNCT .    _        punct  2
        """,
    ),
    # A quote paragraph continues nobody when the paragraph before it attributes nothing.
    (
        'The bridge reopened.\n\n"We checked every bolt twice."',
        r"""
        0  The      DET   DT   _       det    1
        1  bridge   NOUN  NN   _       nsubj  2
        2  reopened VERB  VBD  reopen  ROOT   2
        3  .        PUNCT .    _       punct  2
        4  \n\n     SPACE _SP  _       dep    3
        5  "        PUNCT ``   _       punct  7
        6  We       PRON  PRP  we      nsubj  7
        7  checked  VERB  VBD  check   ROOT   7
        8  every    DET   DT   _       det    9
        9  bolt     NOUN  NN   _       dobj   7
        10 twice    ADV   RB   _       advmod 7
        11 .        PUNCT .    _       punct  7
        12 "        PUNCT ''   _       punct  7
        """,
    ),
    # A date the parser put in the subject's place names no speaker ("Friday said ...").
    (
        "Friday said that the talks had failed.",
        """
        0  Friday  PROPN NNP  Friday  nsubj  1  DATE
        1  said    VERB  VBD  say     ROOT   1
        2  that    SCONJ IN   _       mark   6
        3  the     DET   DT   _       det    4
        4  talks   NOUN  NNS  talk    nsubj  6
        5  had     AUX   VBD  have    aux    6
        6  failed  VERB  VBN  fail    ccomp  1
        7  .       PUNCT .    _       punct  1
        """,
    ),
    # "Asked about X, she ...": the asker of a bare participle is not named.
    (
        "Asked about the vote, she smiled.",
        """
        0  Asked   VERB  VBN  ask    advcl  5
        1  about   ADP   IN   _      prep   0
        2  the     DET   DT   _      det    3
        3  vote    NOUN  NN   _      pobj   1
        4  ,       PUNCT ,    _      punct  5
        5  she     PRON  PRP  _      nsubj  6
        6  smiled  VERB  VBD  smile  ROOT   6
        7  .       PUNCT .    _      punct  6
        """,
    ),
]


@pytest.mark.parametrize(("text", "table"), NEGATIVES, ids=[c[0] for c in NEGATIVES])
def test_attribution_negatives_find_nothing(finder, text, table):
    assert found(finder, build(text, table)) == []


def test_attribution_content_stays_in_its_paragraph(finder):
    """A complement the parser ran over a line break ends at the break."""
    doc = build(
        "The minister said that the talks\nhad failed.",
        r"""
        0  The       DET   DT   _        det    1
        1  minister  NOUN  NN   _        nsubj  2
        2  said      VERB  VBD  say      ROOT   2
        3  that      SCONJ IN   _        mark   8
        4  the       DET   DT   _        det    5
        5  talks     NOUN  NNS  talk     nsubj  8
        6  \n        SPACE _SP  _        dep    5
        7  had       AUX   VBD  have     aux    8
        8  failed    VERB  VBN  fail     ccomp  2
        9  .         PUNCT .    _        punct  2
        """,
    )
    assert found(finder, doc) == [("that the talks", "The minister", "said", "indirect")]


def test_attribution_skips_cues_inside_furniture(finder):
    from claimtrack.nlp.annotations import FURNITURE

    doc = build(*SAID_THAT)
    doc.spans[FURNITURE] = [doc[0:9]]
    assert found(finder, doc) == []


YEARNS = (
    "Rubio yearns to lead the party.",
    """
    0  Rubio   PROPN NNP  Rubio  nsubj  1  PERSON
    1  yearns  VERB  VBZ  yearn  ROOT   1
    2  to      PART  TO   to     aux    3
    3  lead    VERB  VB   lead   xcomp  1
    4  the     DET   DT   _      det    5
    5  party   NOUN  NN   _      dobj   3
    6  .       PUNCT .    _      punct  1
    """,
)


def tagged(doc, *spans):
    """The Doc with the trained tagger's spans set by hand: (start, end, label) in tokens."""
    doc.spans[MODEL_SPANS] = [Span(doc, start, end, label=label) for start, end, label in spans]
    return doc


def test_attribution_reads_a_cue_verb_the_tagger_found_as_the_rules_read_one(finder):
    """A cue the lexicon lacks ("yearns") is read when the tagger marks it: the parse gives its
    speaker and its clause; without the tagger's mark it is no cue."""
    assert found(finder, build(*YEARNS)) == []
    doc = tagged(build(*YEARNS), (1, 2, "CUE"))
    assert found(finder, doc) == [("to lead the party", "Rubio", "yearns", "indirect")]


def test_attribution_takes_a_tagger_content_only_with_a_cue_and_a_speaker(finder):
    """A content only the tagger found needs a cue of its next to it and a speaker (its source,
    else the cue's subject); a quotation it cuts into is taken whole."""
    text = 'Critics, in a letter, warned: "The dam is old. It may fail."'
    table = """
        0  Critics  NOUN  NNS  critic  nsubj  4
        1  ,        PUNCT ,    _       punct  4
        2  in       ADP   IN   _       prep   4
        3  a        DET   DT   _       det    5
        4  letter   NOUN  NN   _       ROOT   4
        5  ,        PUNCT ,    _       punct  4
        6  warned   VERB  VBD  warn    conj   4
        7  :        PUNCT :    _       punct  6
        8  "        PUNCT ``   _       punct  11
        9  The      DET   DT   _       det    10
        10 dam      NOUN  NN   _       nsubj  11
        11 is       AUX   VBZ  be      ccomp  6
        12 old      ADJ   JJ   _       acomp  11
        13 .        PUNCT .    _       punct  11
        14 It       PRON  PRP  it      nsubj  16
        15 may      AUX   MD   _       aux    16
        16 fail     VERB  VB   _       ROOT   16
        17 .        PUNCT .    _       punct  16
        18 "        PUNCT ''   _       punct  16
    """
    # The parse (wrongly) makes "letter" the root: the rules find no speaker for "warned".
    assert found(finder, build(text, table)) == []
    # The tagger's content, its cue and no source: still no speaker, so nothing.
    doc = tagged(build(text, table), (6, 7, "CUE"), (9, 13, "CONTENT"))
    assert found(finder, doc) == []
    # With the tagger's source, the content is the whole quotation.
    doc = tagged(build(text, table), (0, 1, "SOURCE"), (6, 7, "CUE"), (9, 13, "CONTENT"))
    assert found(finder, doc) == [('"The dam is old. It may fail."', "Critics", "warned", "direct")]
