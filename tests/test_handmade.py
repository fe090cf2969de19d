"""The hand-built Doc helper itself: a table that does not match its text is refused."""

from __future__ import annotations

import pytest

from tests.handmade import build

TABLE = r"""
    0  Ann    PROPN NNP  Ann   compound 1  PERSON
    1  Lee    PROPN NNP  Lee   nsubj    2  PERSON
    2  left   VERB  VBD  leave ROOT     2
    3  .      PUNCT .    _     punct    2
    4  \n\n   SPACE _SP  _     dep      3
    5  Bo     PROPN NNP  Bo    nsubj    6  PERSON
    6  came   VERB  VBD  come  ROOT     6
    7  .      PUNCT .    _     punct    6
"""


def test_handmade_doc_keeps_text_parse_and_entities():
    doc = build("Ann Lee left.\n\nBo came.", TABLE)
    assert doc.text == "Ann Lee left.\n\nBo came."
    assert [t.head.i for t in doc] == [1, 2, 2, 2, 3, 6, 6, 6]
    assert [t.lemma_ for t in doc][:3] == ["Ann", "Lee", "leave"]
    assert doc[3].lemma_ == "."
    # A label continues the entity of the row before; a new run starts a new entity.
    assert [(e.text, e.label_) for e in doc.ents] == [("Ann Lee", "PERSON"), ("Bo", "PERSON")]
    assert [s.text for s in doc.sents] == ["Ann Lee left.\n\n", "Bo came."]


@pytest.mark.parametrize(
    ("text", "table"),
    [
        # A word missing from the text.
        ("Ann Lee went.\n\nBo came.", TABLE),
        # Text left over after the last word.
        ("Ann Lee left.\n\nBo came. Then", TABLE),
        # Rows out of order.
        ("Ann Lee left.\n\nBo came.", TABLE.replace("1  Lee", "9  Lee")),
    ],
)
def test_handmade_table_that_does_not_match_is_refused(text, table):
    with pytest.raises(ValueError):
        build(text, table)
