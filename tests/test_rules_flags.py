"""Verifiability flags on hand-built parses: each cue kind, its polarity, and negatives by
sense, with the parse each rule assumes written out (end-to-end cases on the real model:
test_flags.py)."""

from __future__ import annotations

import pytest

from claimtrack.nlp.annotations import FLAGS
from claimtrack.nlp.attribution import AttributionFinder
from claimtrack.nlp.flags import FlagFinder
from claimtrack.nlp.speakers import SpeakerResolver
from tests.handmade import build, vocab

# The parses the rules below assume (the real model's; each states what the rule reads).
PARSES = {
    "The casualty figures could not be verified.": """
    0   The          DET    DT    _          det        2
    1   casualty     NOUN   NN    _          compound   2
    2   figures      NOUN   NNS   figure     nsubjpass  6
    3   could        AUX    MD    _          aux        6
    4   not          PART   RB    _          neg        6
    5   be           AUX    VB    _          auxpass    6
    6   verified     VERB   VBN   verify     ROOT       6
    7   .            PUNCT  .     _          punct      6
    """,
    "The report was not independently verified.": """
    0   The          DET    DT    _          det        1
    1   report       NOUN   NN    _          nsubjpass  5
    2   was          AUX    VBD   be         auxpass    5
    3   not          PART   RB    _          neg        5
    4   independently ADV    RB    _          advmod     5
    5   verified     VERB   VBN   verify     ROOT       5
    6   .            PUNCT  .     _          punct      5
    """,
    "It is impossible to verify the figures.": """
    0   It           PRON   PRP   _          nsubj      1
    1   is           AUX    VBZ   be         ROOT       1
    2   impossible   ADJ    JJ    _          acomp      1
    3   to           PART   TO    _          aux        4
    4   verify       VERB   VB    _          xcomp      1
    5   the          DET    DT    _          det        6
    6   figures      NOUN   NNS   figure     dobj       4
    7   .            PUNCT  .     _          punct      1
    """,
    "The ministry confirmed that the bridge had collapsed.": """
    0   The          DET    DT    _          det        1
    1   ministry     NOUN   NN    _          nsubj      2
    2   confirmed    VERB   VBD   confirm    ROOT       2
    3   that         SCONJ  IN    _          mark       7
    4   the          DET    DT    _          det        5
    5   bridge       NOUN   NN    _          nsubj      7
    6   had          AUX    VBD   have       aux        7
    7   collapsed    VERB   VBN   collapse   ccomp      2
    8   .            PUNCT  .     _          punct      2
    """,
    "The spokesman declined to comment.": """
    0   The          DET    DT    _          det        1
    1   spokesman    NOUN   NN    _          nsubj      2
    2   declined     VERB   VBD   decline    ROOT       2
    3   to           PART   TO    _          aux        4
    4   comment      VERB   VB    _          xcomp      2
    5   .            PUNCT  .     _          punct      2
    """,
    "The official spoke on condition of anonymity.": """
    0   The          DET    DT    _          det        1
    1   official     NOUN   NN    _          nsubj      2
    2   spoke        VERB   VBD   speak      ROOT       2
    3   on           ADP    IN    _          prep       2
    4   condition    NOUN   NN    _          pobj       3
    5   of           ADP    IN    _          prep       4
    6   anonymity    NOUN   NN    _          pobj       5
    7   .            PUNCT  .     _          punct      2
    """,
    "It is unclear how many people fled.": """
    0   It           PRON   PRP   _          nsubj      1
    1   is           AUX    VBZ   be         ROOT       1
    2   unclear      ADJ    JJ    _          acomp      1
    3   how          SCONJ  WRB   _          advmod     4
    4   many         ADJ    JJ    _          amod       5
    5   people       NOUN   NNS   _          nsubj      6
    6   fled         VERB   VBD   flee       ccomp      1
    7   .            PUNCT  .     _          punct      1
    """,
    "The company did not immediately respond to a request for comment.": """
    0   The          DET    DT    _          det        1
    1   company      NOUN   NN    _          nsubj      5
    2   did          AUX    VBD   do         aux        5
    3   not          PART   RB    _          neg        5
    4   immediately  ADV    RB    _          advmod     5
    5   respond      VERB   VB    _          ROOT       5
    6   to           ADP    IN    _          prep       5
    7   a            DET    DT    _          det        8
    8   request      NOUN   NN    _          pobj       6
    9   for          ADP    IN    _          prep       8
    10  comment      NOUN   NN    _          pobj       9
    11  .            PUNCT  .     _          punct      5
    """,
    "Rebels allegedly burned the depot.": """
    0   Rebels       NOUN   NNS   rebel      nsubj      2
    1   allegedly    ADV    RB    _          advmod     2
    2   burned       VERB   VBD   burn       ROOT       2
    3   the          DET    DT    _          det        4
    4   depot        NOUN   NN    _          dobj       2
    5   .            PUNCT  .     _          punct      2
    """,
    "The minister denied that the army had retreated.": """
    0   The          DET    DT    _          det        1
    1   minister     NOUN   NN    _          nsubj      2
    2   denied       VERB   VBD   deny       ROOT       2
    3   that         SCONJ  IN    _          mark       7
    4   the          DET    DT    _          det        5
    5   army         NOUN   NN    _          nsubj      7
    6   had          AUX    VBD   have       aux        7
    7   retreated    VERB   VBN   retreat    ccomp      2
    8   .            PUNCT  .     _          punct      2
    """,
    "Please verify your email.": """
    0   Please       INTJ   UH    _          intj       1
    1   verify       VERB   VB    _          ROOT       1
    2   your         PRON   PRP$  _          poss       3
    3   email        NOUN   NN    _          dobj       1
    4   .            PUNCT  .     _          punct      1
    """,
    "The booking was confirmed.": """
    0   The          DET    DT    _          det        1
    1   booking      NOUN   NN    _          nsubjpass  3
    2   was          AUX    VBD   be         auxpass    3
    3   confirmed    VERB   VBN   confirm    ROOT       3
    4   .            PUNCT  .     _          punct      3
    """,
    "The unknown soldier was buried.": """
    0   The          DET    DT    _          det        2
    1   unknown      ADJ    JJ    _          amod       2
    2   soldier      NOUN   NN    _          nsubjpass  4
    3   was          AUX    VBD   be         auxpass    4
    4   buried       VERB   VBN   bury       ROOT       4
    5   .            PUNCT  .     _          punct      4
    """,
    "He was denied entry.": """
    0   He           PRON   PRP   _          nsubjpass  2
    1   was          AUX    VBD   be         auxpass    2
    2   denied       VERB   VBN   deny       ROOT       2
    3   entry        NOUN   NN    _          dobj       2
    4   .            PUNCT  .     _          punct      2
    """,
    "The road was not clear.": """
    0   The          DET    DT    _          det        1
    1   road         NOUN   NN    _          nsubj      2
    2   was          AUX    VBD   be         ROOT       2
    3   not          PART   RB    _          neg        2
    4   clear        ADJ    JJ    _          acomp      2
    5   .            PUNCT  .     _          punct      2
    """,
    "The minister did not deny that the army had retreated.": """
    0   The          DET    DT    _          det        1
    1   minister     NOUN   NN    _          nsubj      4
    2   did          AUX    VBD   do         aux        4
    3   not          PART   RB    _          neg        4
    4   deny         VERB   VB    _          ROOT       4
    5   that         SCONJ  IN    _          mark       9
    6   the          DET    DT    _          det        7
    7   army         NOUN   NN    _          nsubj      9
    8   had          AUX    VBD   have       aux        9
    9   retreated    VERB   VBN   retreat    ccomp      4
    10  .            PUNCT  .     _          punct      4
    """,
    "They will deny the report.": """
    0   They         PRON   PRP   _          nsubj      2
    1   will         AUX    MD    _          aux        2
    2   deny         VERB   VB    _          ROOT       2
    3   the          DET    DT    _          det        4
    4   report       NOUN   NN    _          dobj       2
    5   .            PUNCT  .     _          punct      2
    """,
    "Rebels said 40 people died. The figure could not be verified.": """
    0   Rebels       NOUN   NNS   rebel      nsubj      1
    1   said         VERB   VBD   say        ROOT       1
    2   40           NUM    CD    _          nummod     3    CARDINAL
    3   people       NOUN   NNS   _          nsubj      4
    4   died         VERB   VBD   die        ccomp      1
    5   .            PUNCT  .     _          punct      1
    6   The          DET    DT    _          det        7
    7   figure       NOUN   NN    _          nsubjpass  11
    8   could        AUX    MD    _          aux        11
    9   not          PART   RB    _          neg        11
    10  be           AUX    VB    _          auxpass    11
    11  verified     VERB   VBN   verify     ROOT       11
    12  .            PUNCT  .     _          punct      11
    """,
    "An official, who spoke on condition of anonymity, said 40 people died. The official added that the dam held.": """
    0   An           DET    DT    _          det        1
    1   official     NOUN   NN    _          nsubj      10
    2   ,            PUNCT  ,     _          punct      1
    3   who          PRON   WP    _          nsubj      4
    4   spoke        VERB   VBD   speak      relcl      1
    5   on           ADP    IN    _          prep       4
    6   condition    NOUN   NN    _          pobj       5
    7   of           ADP    IN    _          prep       6
    8   anonymity    NOUN   NN    _          pobj       7
    9   ,            PUNCT  ,     _          punct      1
    10  said         VERB   VBD   say        ROOT       10
    11  40           NUM    CD    _          nummod     12   CARDINAL
    12  people       NOUN   NNS   _          nsubj      13
    13  died         VERB   VBD   die        ccomp      10
    14  .            PUNCT  .     _          punct      10
    15  The          DET    DT    _          det        16
    16  official     NOUN   NN    _          nsubj      17
    17  added        VERB   VBD   add        ROOT       17
    18  that         SCONJ  IN    _          mark       21
    19  the          DET    DT    _          det        20
    20  dam          NOUN   NN    _          nsubj      21
    21  held         VERB   VBD   hold       ccomp      17
    22  .            PUNCT  .     _          punct      17
    """,
    "It is impossible to verify all the claims of desertion. Soldiers said the mutiny spread.": """
    0   It           PRON   PRP   _          nsubj      1
    1   is           AUX    VBZ   be         ROOT       1
    2   impossible   ADJ    JJ    _          acomp      1
    3   to           PART   TO    _          aux        4
    4   verify       VERB   VB    _          xcomp      1
    5   all          DET    PDT   _          predet     7
    6   the          DET    DT    _          det        7
    7   claims       NOUN   NNS   claim      dobj       4
    8   of           ADP    IN    _          prep       7
    9   desertion    NOUN   NN    _          pobj       8
    10  .            PUNCT  .     _          punct      1
    11  Soldiers     NOUN   NNS   soldier    nsubj      12
    12  said         VERB   VBD   say        ROOT       12
    13  the          DET    DT    _          det        14
    14  mutiny       NOUN   NN    _          nsubj      15
    15  spread       VERB   VBD   spread     ccomp      12
    16  .            PUNCT  .     _          punct      12
    """,
    "The figures may have been inflated.": """
    0   The          DET    DT    _          det        1
    1   figures      NOUN   NNS   figure     nsubjpass  5
    2   may          AUX    MD    _          aux        5
    3   have         AUX    VB    _          aux        5
    4   been         AUX    VBN   be         auxpass    5
    5   inflated     VERB   VBN   inflate    ROOT       5
    6   .            PUNCT  .     _          punct      5
    """,
    "The unit's commander has not made public the losses.": """
    0   The          DET    DT    _          det        1
    1   unit         NOUN   NN    _          poss       3
    2   's           PART   POS   _          case       1
    3   commander    NOUN   NN    _          nsubj      6
    4   has          AUX    VBZ   have       aux        6
    5   not          PART   RB    _          neg        6
    6   made         VERB   VBN   make       ROOT       6
    7   public       ADJ    JJ    _          oprd       6
    8   the          DET    DT    _          det        9
    9   losses       NOUN   NNS   loss       dobj       6
    10  .            PUNCT  .     _          punct      6
    """,
}


@pytest.fixture(scope="module")
def finder():
    return FlagFinder(vocab())


def flags(finder, text):
    doc = finder(build(text, PARSES[text]))
    return [(f._.claimtrack_flag.kind, f.text) for f in doc.spans[FLAGS]]


@pytest.mark.parametrize(
    ("text", "kind", "cue"),
    [
        # A negated "verify" is a failure to verify, with its auxiliaries and negation.
        ("The casualty figures could not be verified.", "unverified", "not be verified"),
        (
            "The report was not independently verified.",
            "unverified",
            "not independently verified",
        ),
        # A negating head: "impossible to verify".
        ("It is impossible to verify the figures.", "unverified", "impossible to verify"),
        # A plain "confirmed" of a that-clause confirms a statement.
        ("The ministry confirmed that the bridge had collapsed.", "confirmed", "confirmed"),
        ("The spokesman declined to comment.", "no_response", "declined to comment"),
        (
            "The official spoke on condition of anonymity.",
            "anonymous_source",
            "condition of anonymity",
        ),
        # "unclear" as a predicate with a clause.
        ("It is unclear how many people fled.", "unclear", "unclear"),
        (
            "The company did not immediately respond to a request for comment.",
            "no_response",
            "not immediately respond",
        ),
        ("Rebels allegedly burned the depot.", "hedged", "allegedly"),
        ("The minister denied that the army had retreated.", "disputed", "denied"),
        # An epistemic modal perfect hedges a statement of fact.
        ("The figures may have been inflated.", "hedged", "may have"),
        ("The unit's commander has not made public the losses.", "undisclosed", "not made public"),
    ],
)
def test_flags_cue_kinds(finder, text, kind, cue):
    """The flag's kind, on a span holding the cue's words (the exact extent may grow)."""
    assert any(k == kind and cue in span for k, span in flags(finder, text))


@pytest.mark.parametrize(
    "text",
    [
        # An imperative asks for a check; it reports none.
        "Please verify your email.",
        # What was confirmed is no statement.
        "The booking was confirmed.",
        # "unknown" as an attribute, not a predicate.
        "The unknown soldier was buried.",
        # A person denied something, not a statement denied.
        "He was denied entry.",
        # "not clear" of a road: no open question.
        "The road was not clear.",
        # A denial that is negated is no dispute.
        "The minister did not deny that the army had retreated.",
        # A future denial reports nothing done.
        "They will deny the report.",
    ],
)
def test_flags_negatives_by_sense(finder, text):
    assert flags(finder, text) == []


def test_flags_anonymous_source_names_its_speaker(finder):
    """The words a condition of anonymity is about are the source's: the noun its relative
    clause hangs on; the speaker resolved at that mention is the flag's speaker."""
    text = (
        "An official, who spoke on condition of anonymity, said 40 people died. "
        "The official added that the dam held."
    )
    doc = build(text, PARSES[text])
    doc = finder(SpeakerResolver()(AttributionFinder()(doc)))
    [flag] = [f for f in doc.spans[FLAGS] if "anonymity" in f.text]
    info = flag._.claimtrack_flag
    assert (info.kind, info.scope, info.mention.text) == (
        "anonymous_source",
        "speaker",
        "An official",
    )
    assert info.speaker is not None and info.speaker.kind == "anonymous"


def test_flags_caveat_on_a_statement_noun_points_back(finder):
    """ "The figure could not be verified": the caveat is about what was said before it."""
    text = "Rebels said 40 people died. The figure could not be verified."
    doc = finder(build(text, PARSES[text]))
    [flag] = doc.spans[FLAGS]
    assert flag._.claimtrack_flag.anaphoric is True
    assert flag._.claimtrack_flag.scope == "sentence"


def test_flags_caveat_about_claims_of_a_topic_is_article_wide(finder):
    """ "impossible to verify all the claims of desertion": every claim on desertion and its
    related words (mutiny) is qualified, wherever it is."""
    text = (
        "It is impossible to verify all the claims of desertion. Soldiers said the mutiny spread."
    )
    doc = finder(build(text, PARSES[text]))
    [flag] = doc.spans[FLAGS]
    info = flag._.claimtrack_flag
    assert info.scope == "article"
    assert {"desertion", "mutiny"} <= info.focus


def test_flags_caveat_without_an_object_stays_in_its_sentence(finder):
    text = "The spokesman declined to comment."
    doc = finder(build(text, PARSES[text]))
    [flag] = doc.spans[FLAGS]
    assert (flag._.claimtrack_flag.scope, flag._.claimtrack_flag.anaphoric) == ("sentence", False)
