"""Claim assembly and flag attachment on hand-built parses, every stage run in pipeline order
without the model: which sentences become claims, and which claims each caveat qualifies."""

from __future__ import annotations

import pytest

from claimtrack.nlp.annotations import CLAIMS
from claimtrack.nlp.attribution import AttributionFinder
from claimtrack.nlp.claims import ClaimsAssembler
from claimtrack.nlp.figure_context import FigureContext
from claimtrack.nlp.figures import FigureFinder
from claimtrack.nlp.flag_attachment import FlagAttachment
from claimtrack.nlp.flags import FlagFinder
from claimtrack.nlp.furniture import FurnitureFinder
from claimtrack.nlp.speakers import SpeakerResolver
from claimtrack.nlp.zero_figures import ZeroFigureFinder
from tests.handmade import build, vocab
from tests.test_rules_flags import PARSES as FLAG_PARSES

SHARED = (
    "An official, who spoke on condition of anonymity, said 40 people died. The official added that the dam held.",
    "It is impossible to verify all the claims of desertion. Soldiers said the mutiny spread.",
    "Rebels said 40 people died. The figure could not be verified.",
    "The casualty figures could not be verified.",
)

# The parses the rules below assume (the real model's, with the byline and the "Read Next:"
# line as trees of their own and "spread" as the verb it is).
PARSES = {
    # The sentences the flag rules also test, with the same parse.
    **{text: FLAG_PARSES[text] for text in SHARED},
    "Rebels said 40 people died. The bridge could not be verified.": """
    0   Rebels       NOUN   NNS   rebel      nsubj      1
    1   said         VERB   VBD   say        ROOT       1
    2   40           NUM    CD    _          nummod     3    CARDINAL
    3   people       NOUN   NNS   _          nsubj      4
    4   died         VERB   VBD   die        ccomp      1
    5   .            PUNCT  .     _          punct      1
    6   The          DET    DT    _          det        7
    7   bridge       NOUN   NN    _          nsubjpass  11
    8   could        AUX    MD    _          aux        11
    9   not          PART   RB    _          neg        11
    10  be           AUX    VB    _          auxpass    11
    11  verified     VERB   VBN   verify     ROOT       11
    12  .            PUNCT  .     _          punct      11
    """,
    "Read Next: 12 killed in storm\nThe storm passed.": r"""
    0   Read         VERB   VB    read       ROOT       0
    1   Next         ADV    RB    next       advmod     0
    2   :            PUNCT  :     _          punct      0
    3   12           NUM    CD    _          nsubjpass  4    CARDINAL
    4   killed       VERB   VBN   kill       parataxis  0
    5   in           ADP    IN    _          prep       4
    6   storm        NOUN   NN    _          pobj       5
    7   \n           SPACE  _SP   _          dep        6
    8   The          DET    DT    _          det        9
    9   storm        NOUN   NN    _          nsubj      10
    10  passed       VERB   VBD   pass       ROOT       10
    11  .            PUNCT  .     _          punct      10
    """,
    "By Maria Lopez\nThe storm killed 12 people.": r"""
    0   By           ADP    IN    _          ROOT       0
    1   Maria        PROPN  NNP   Maria      compound   2    PERSON
    2   Lopez        PROPN  NNP   Lopez      pobj       0    PERSON
    3   \n           SPACE  _SP   _          dep        2
    4   The          DET    DT    _          det        5
    5   storm        NOUN   NN    _          nsubj      6
    6   killed       VERB   VBD   kill       ROOT       6
    7   12           NUM    CD    _          nummod     8    CARDINAL
    8   people       NOUN   NNS   _          dobj       6
    9   .            PUNCT  .     _          punct      6
    """,
    "The storm passed.": """
    0   The          DET    DT    _          det        1
    1   storm        NOUN   NN    _          nsubj      2
    2   passed       VERB   VBD   pass       ROOT       2
    3   .            PUNCT  .     _          punct      2
    """,
}


@pytest.fixture(scope="module")
def run():
    """Every claimtrack stage, in the order of `pipeline.COMPONENTS`."""
    stages = [
        FurnitureFinder(),
        FigureFinder(),
        FigureContext(),
        ZeroFigureFinder(vocab()),
        AttributionFinder(),
        SpeakerResolver(),
        FlagFinder(vocab()),
        ClaimsAssembler(),
        FlagAttachment(),
    ]

    def _run(text):
        doc = build(text, PARSES[text])
        for stage in stages:
            doc = stage(doc)
        return doc

    return _run


def claims(doc):
    """(text, speaker kind, speaker name, figures, flag kinds) of every claim, in text order."""
    out = []
    for span in doc.spans[CLAIMS]:
        speaker = span._.claimtrack_attribution.speaker
        out.append(
            (
                span.text,
                speaker.kind if speaker else None,
                speaker.name if speaker else None,
                [f.text for f in span._.claimtrack_figures],
                [f._.claimtrack_flag.kind for f in span._.claimtrack_flags],
            )
        )
    return out


def test_claims_author_sentence_with_a_figure_is_a_claim_of_the_byline(run):
    doc = run("By Maria Lopez\nThe storm killed 12 people.")
    assert claims(doc) == [("The storm killed 12 people.", "author", "Maria Lopez", ["12"], [])]


def test_claims_author_sentence_without_figure_or_flag_is_none(run):
    assert claims(run("The storm passed.")) == []


def test_claims_furniture_is_never_a_claim(run):
    """The "Read Next:" line holds a figure, but it is page furniture."""
    assert claims(run("Read Next: 12 killed in storm\nThe storm passed.")) == []


def test_claims_attributed_content_is_the_claim_not_its_sentence(run):
    doc = run("Rebels said 40 people died. The bridge could not be verified.")
    assert [(text, name, figures) for text, _kind, name, figures, _flags in claims(doc)] == [
        ("40 people died", "Rebels", ["40"]),
        ("The bridge could not be verified.", None, []),
    ]


def test_claims_author_sentence_with_a_flag_is_a_claim(run):
    doc = run("The casualty figures could not be verified.")
    assert claims(doc) == [
        ("The casualty figures could not be verified.", "author", None, [], ["unverified"])
    ]


def test_flag_attachment_flag_qualifies_its_own_sentence_only(run):
    """ "The bridge could not be verified" is about the bridge, not the rebels' claim."""
    doc = run("Rebels said 40 people died. The bridge could not be verified.")
    assert [c[4] for c in claims(doc)] == [[], ["unverified"]]


def test_flag_attachment_anaphoric_caveat_qualifies_the_sentence_before(run):
    """The caveat sentence is not a claim of its own: its flag sits on the claim it is about."""
    doc = run("Rebels said 40 people died. The figure could not be verified.")
    [rebels] = claims(doc)
    assert (rebels[0], rebels[4]) == ("40 people died", ["unverified"])


def test_flag_attachment_anonymous_source_qualifies_every_claim_of_the_source(run):
    doc = run(
        "An official, who spoke on condition of anonymity, said 40 people died. "
        "The official added that the dam held."
    )
    # Each claim carries the anonymity caveat (the second also its own unnamed "The official").
    assert [(c[0], c[1], sorted(set(c[4]))) for c in claims(doc)] == [
        ("40 people died", "anonymous", ["anonymous_source"]),
        ("that the dam held", "anonymous", ["anonymous_source"]),
    ]


def test_flag_attachment_topic_caveat_qualifies_claims_on_the_topic(run):
    """ "impossible to verify all the claims of desertion" reaches the soldiers' claim about a
    mutiny in the next sentence (desertion and mutiny share a topic)."""
    doc = run(
        "It is impossible to verify all the claims of desertion. Soldiers said the mutiny spread."
    )
    found = {c[0]: c[4] for c in claims(doc)}
    assert found["the mutiny spread"] == ["unverified"]
