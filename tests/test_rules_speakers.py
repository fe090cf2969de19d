"""Speaker resolution on hand-built parses: the mentions at cues resolve to one speaker per
real entity, read in text order (end-to-end cases on the real model: test_speakers.py)."""

from __future__ import annotations

import pytest

from claimtrack.nlp.annotations import ATTRIBUTIONS
from claimtrack.nlp.attribution import AttributionFinder
from claimtrack.nlp.speakers import SpeakerResolver
from tests.handmade import build


@pytest.fixture(scope="module")
def run():
    finder, resolver = AttributionFinder(), SpeakerResolver()

    def _run(doc):
        return resolver(finder(doc))

    return _run


def speakers_at_cues(doc):
    """(mention, speaker name, speaker kind) of every attribution, in text order."""
    out = []
    for span in doc.spans[ATTRIBUTIONS]:
        a = span._.claimtrack_attribution
        info = a.speaker
        out.append((a.mention.text, info.name if info else None, info.kind if info else None))
    return out


# "X met Y in Berlin. <pronoun> said the deal was done."
MET = """
    0  {a}    PROPN NNP  {a}   compound  1   {ea}
    1  {b}    PROPN NNP  {b}   nsubj     2   PERSON
    2  met    VERB  VBD  meet  ROOT      2
    3  Tom    PROPN NNP  Tom   compound  4   PERSON
    4  Hale   PROPN NNP  Hale  dobj      2   PERSON
    5  in     ADP   IN   in    prep      2
    6  Berlin PROPN NNP  Berlin pobj     5   GPE
    7  .      PUNCT .    .     punct     2
    8  {p}    PRON  PRP  {pl}  nsubj     9
    9  said   VERB  VBD  say   ROOT      9
    10 the    DET   DT   the   det       11
    11 deal   NOUN  NN   deal  nsubjpass 13
    12 was    AUX   VBD  be    auxpass   13
    13 done   VERB  VBN  do    ccomp     9
    14 .      PUNCT .    .     punct     9
"""


def met(first: str, last: str, pronoun: str):
    text = f"{first} {last} met Tom Hale in Berlin. {pronoun} said the deal was done."
    return build(text, MET.format(a=first, b=last, ea="PERSON", p=pronoun, pl=pronoun.lower()))


def test_speakers_pronoun_is_the_last_person_subject(run):
    # Anna Weber is the subject; Tom Hale only the object.
    doc = run(met("Anna", "Weber", "She"))
    assert speakers_at_cues(doc) == [("She", "Anna Weber", "person")]


def test_speakers_pronoun_skips_a_person_of_the_other_gender(run):
    # "She" made Weber a woman, so the next "He" is the man of the first sentence, though he
    # was not its subject.
    text = "Anna Weber met Tom Hale in Berlin. She said the deal was done. He said it was not."
    table = (
        MET.format(a="Anna", b="Weber", ea="PERSON", p="She", pl="she")
        + """
    15 He     PRON  PRP  he    nsubj     16
    16 said   VERB  VBD  say   ROOT      16
    17 it     PRON  PRP  it    nsubj     18
    18 was    AUX   VBD  be    ccomp     16
    19 not    PART  RB   not   neg       18
    20 .      PUNCT .    .     punct     16
    """
    )
    doc = run(build(text, table))
    assert speakers_at_cues(doc) == [
        ("She", "Anna Weber", "person"),
        ("He", "Tom Hale", "person"),
    ]


def test_speakers_pronoun_without_a_person_before_is_unresolved(run):
    doc = build(
        "The storm passed. She said the deal was done.",
        """
        0  The    DET   DT   the   det       1
        1  storm  NOUN  NN   storm nsubj     2
        2  passed VERB  VBD  pass  ROOT      2
        3  .      PUNCT .    .     punct     2
        4  She    PRON  PRP  she   nsubj     5
        5  said   VERB  VBD  say   ROOT      5
        6  the    DET   DT   the   det       7
        7  deal   NOUN  NN   deal  nsubjpass 9
        8  was    AUX   VBD  be    auxpass   9
        9  done   VERB  VBN  do    ccomp     5
        10 .      PUNCT .    .     punct     5
        """,
    )
    assert speakers_at_cues(run(doc)) == [("She", None, None)]


FINKELSTEIN = (
    "Claire Finkelstein runs the center. Finkelstein said the law was clear.",
    """
    0  Claire      PROPN NNP  Claire      compound  1   PERSON
    1  Finkelstein PROPN NNP  Finkelstein nsubj     2   PERSON
    2  runs        VERB  VBZ  run         ROOT      2
    3  the         DET   DT   the         det       4
    4  center      NOUN  NN   center      dobj      2
    5  .           PUNCT .    .           punct     2
    6  Finkelstein PROPN NNP  Finkelstein nsubj     7   PERSON
    7  said        VERB  VBD  say         ROOT      7
    8  the         DET   DT   the         det       9
    9  law         NOUN  NN   law         nsubj     10
    10 was         AUX   VBD  be          ccomp     7
    11 clear       ADJ   JJ   clear       acomp     10
    12 .           PUNCT .    .           punct     7
    """,
)


def test_speakers_surname_resolves_to_the_full_name(run):
    doc = run(build(*FINKELSTEIN))
    assert speakers_at_cues(doc) == [("Finkelstein", "Claire Finkelstein", "person")]
    [speaker] = doc._.claimtrack_speakers
    assert speaker.aliases == ["Finkelstein"]


def test_speakers_other_surname_is_another_person(run):
    text, table = FINKELSTEIN
    doc = run(
        build(
            text.replace("Finkelstein said", "Goldstein said"),
            table.replace(
                "6  Finkelstein PROPN NNP  Finkelstein", "6  Goldstein   PROPN NNP  Goldstein  "
            ),
        )
    )
    assert speakers_at_cues(doc) == [("Goldstein", "Goldstein", "person")]


GENERAL = """
    0  {t}      PROPN NNP  {tl}    compound  2   {et}
    1  Olga     PROPN NNP  Olga    compound  2   PERSON
    2  Brandt   PROPN NNP  Brandt  nsubj     3   PERSON
    3  said     VERB  VBD  say     ROOT      3
    4  the      DET   DT   the     det       5
    5  front    NOUN  NN   front   nsubj     6
    6  was      AUX   VBD  be      ccomp     3
    7  stable   ADJ   JJ   stable  acomp     6
    8  .        PUNCT .    .       punct     3
    9  The      DET   DT   the     det       10
    10 general  NOUN  NN   general nsubj     11
    11 added    VERB  VBD  add     ROOT      11
    12 that     SCONJ IN   that    mark      15
    13 troops   NOUN  NNS  troop   nsubj     15
    14 were     AUX   VBD  be      aux       15
    15 resting  VERB  VBG  rest    ccomp     11
    16 .        PUNCT .    .       punct     11
"""


def general(title: str):
    text = f"{title} Olga Brandt said the front was stable. The general added that troops were resting."
    return build(text, GENERAL.format(t=title, tl=title.lower(), et="O"))


def test_speakers_definite_title_resolves_to_the_titled_person(run):
    doc = run(general("Gen."))
    assert speakers_at_cues(doc) == [
        ("Gen. Olga Brandt", "Olga Brandt", "person"),
        ("The general", "Olga Brandt", "person"),
    ]


def test_speakers_definite_title_needs_the_title(run):
    # Without "Gen." nothing says Brandt is a general.
    doc = run(general("Dr."))
    names = [name for _mention, name, _kind in speakers_at_cues(doc)]
    assert names[0] == "Olga Brandt"
    assert names[1] != "Olga Brandt"


def test_speakers_definite_source_is_the_earlier_anonymous_one(run):
    doc = run(
        build(
            "A senior official said the talks would resume. The official added that no date was set.",
            """
        0  A        DET   DT   a        det       2
        1  senior   ADJ   JJ   senior   amod      2
        2  official NOUN  NN   official nsubj     3
        3  said     VERB  VBD  say      ROOT      3
        4  the      DET   DT   the      det       5
        5  talks    NOUN  NNS  talk     nsubj     7
        6  would    AUX   MD   would    aux       7
        7  resume   VERB  VB   resume   ccomp     3
        8  .        PUNCT .    .        punct     3
        9  The      DET   DT   the      det       10
        10 official NOUN  NN   official nsubj     11
        11 added    VERB  VBD  add      ROOT      11
        12 that     SCONJ IN   that     mark      16
        13 no       DET   DT   no       det       14
        14 date     NOUN  NN   date     nsubjpass 16
        15 was      AUX   VBD  be       auxpass   16
        16 set      VERB  VBN  set      ccomp     11
        17 .        PUNCT .    .        punct     11
        """,
        )
    )
    assert speakers_at_cues(doc) == [
        ("A senior official", "A senior official", "anonymous"),
        ("The official", "A senior official", "anonymous"),
    ]
    assert len(doc._.claimtrack_speakers) == 1


def test_speakers_organization_noun_makes_an_organization(run):
    doc = run(
        build(
            "The State Department said the embassy would stay open.",
            """
        0  The        DET   DT   the        det       2   ORG
        1  State      PROPN NNP  State      compound  2   ORG
        2  Department PROPN NNP  Department nsubj     3   ORG
        3  said       VERB  VBD  say        ROOT      3
        4  the        DET   DT   the        det       5
        5  embassy    NOUN  NN   embassy    nsubj     7
        6  would      AUX   MD   would      aux       7
        7  stay       VERB  VB   stay       ccomp     3
        8  open       ADJ   JJ   open       acomp     7
        9  .          PUNCT .    .          punct     3
        """,
        )
    )
    [(_mention, name, kind)] = speakers_at_cues(doc)
    assert kind == "organization"
    assert "State Department" in name


def test_speakers_relative_pronoun_is_the_noun_its_clause_hangs_on(run):
    doc = run(
        build(
            "Tom Hale, who said the ships were late, runs the port.",
            """
            0  Tom    PROPN NNP  Tom   compound  1   PERSON
            1  Hale   PROPN NNP  Hale  nsubj     10  PERSON
            2  ,      PUNCT ,    ,     punct     1
            3  who    PRON  WP   who   nsubj     4
            4  said   VERB  VBD  say   relcl     1
            5  the    DET   DT   the   det       6
            6  ships  NOUN  NNS  ship  nsubj     7
            7  were   AUX   VBD  be    ccomp     4
            8  late   ADJ   JJ   late  acomp     7
            9  ,      PUNCT ,    ,     punct     1
            10 runs   VERB  VBZ  run   ROOT      10
            11 the    DET   DT   the   det       12
            12 port   NOUN  NN   port  dobj      10
            13 .      PUNCT .    .     punct     10
            """,
        )
    )
    assert speakers_at_cues(doc) == [("who", "Tom Hale", "person")]


def test_speakers_part_of_an_unnamed_group_is_anonymous(run):
    doc = run(
        build(
            "Many of the workers said the plant was unsafe.",
            """
            0  Many    ADJ   JJ   many    nsubj  4
            1  of      ADP   IN   of      prep   0
            2  the     DET   DT   the     det    3
            3  workers NOUN  NNS  worker  pobj   1
            4  said    VERB  VBD  say     ROOT   4
            5  the     DET   DT   the     det    6
            6  plant   NOUN  NN   plant   nsubj  7
            7  was     AUX   VBD  be      ccomp  4
            8  unsafe  ADJ   JJ   unsafe  acomp  7
            9  .       PUNCT .    .       punct  4
            """,
        )
    )
    assert speakers_at_cues(doc) == [("Many of the workers", "Many of the workers", "anonymous")]
