"""Docs built by hand, so a rule test states the parse it assumes and no model can move it.

A Doc is written as its text plus one row per token:

    index  word  POS  TAG  lemma  dep  head  [ent]

- `index` counts from 0 and must run in order (it catches a row left out or added);
- `lemma` `_` is the word lower-cased;
- `head` is the index of the head token; a root is its own head (one root per sentence, and
  each tree is one sentence, as in spaCy);
- `ent` is optional: `O` or omitted for none, a label (`PERSON`) continues the entity of the
  row before when that has the same label and starts one otherwise; `B-PERSON` / `I-PERSON`
  spell it out;
- a whitespace token (a paragraph break) is written `\\n` or `\\n\\n`.

The words must spell the text in order; the spaces between them are read off the text, so
`doc.text == text`. Example:

    doc = build('''She said "no".''', '''
        0  She   PRON  PRP  she  nsubj  1
        1  said  VERB  VBD  say  ROOT   1
        ...
    ''')

Components are then run directly (`AttributionFinder()(doc)`), one stage or several in order.
"""

from __future__ import annotations

from functools import cache

from spacy.lang.en import English
from spacy.tokens import Doc
from spacy.vocab import Vocab

from claimtrack.nlp.annotations import register_extensions


@cache
def vocab() -> Vocab:
    """A blank English vocab: the language's lexical attributes (stop words, like_num, ...)
    without any statistical model."""
    return English().vocab


def text_doc(text: str) -> Doc:
    """A Doc with tokens only (the blank English tokenizer), for rules that read lines."""
    register_extensions()
    return English(vocab=vocab())(text)


def build(text: str, table: str) -> Doc:
    """The Doc of `text` with the parse, tags, lemmas and entities written in `table`."""
    register_extensions()
    rows = [line.split() for line in table.strip().splitlines() if line.strip()]
    words, pos, tags, lemmas, deps, heads, ents = [], [], [], [], [], [], []
    for k, row in enumerate(rows):
        if len(row) not in (7, 8):
            raise ValueError(f"row {k}: expected 7 or 8 columns, got {row}")
        if int(row[0]) != k:
            raise ValueError(f"row {k}: index {row[0]} out of order")
        word = row[1].replace("\\n", "\n")
        words.append(word)
        pos.append(row[2])
        tags.append(row[3])
        lemmas.append(word.lower() if row[4] == "_" else row[4])
        deps.append(row[5])
        heads.append(int(row[6]))
        ents.append(_iob(row[7] if len(row) == 8 else "O", ents))
    return Doc(
        vocab(),
        words=words,
        spaces=_spaces(text, words),
        pos=pos,
        tags=tags,
        lemmas=lemmas,
        deps=deps,
        heads=heads,
        ents=ents,
    )


def _iob(label: str, before: list[str]) -> str:
    if label == "O" or label.startswith(("B-", "I-")):
        return label
    previous = before[-1] if before else "O"
    return f"I-{label}" if previous[2:] == label else f"B-{label}"


def _spaces(text: str, words: list[str]) -> list[bool]:
    """Whether one space follows each word in `text`; any other whitespace must be a token."""
    spaces = []
    pos = 0
    for word in words:
        if not text.startswith(word, pos):
            raise ValueError(f"word {word!r} does not follow at {pos} in {text!r}")
        pos += len(word)
        space = text.startswith(" ", pos)
        spaces.append(space)
        pos += space
    if pos != len(text):
        raise ValueError(f"the words stop at {pos} of {len(text)} characters of {text!r}")
    return spaces
