"""Small readings of the dependency parse shared by several stages (attribution, speakers):
the noun phrase that names a participant."""

from __future__ import annotations

from spacy.tokens import Span, Token

# What may stand in a noun phrase naming a speaker, left and right of its head. Clauses are
# left out: the parser sometimes hangs the quotation itself on the speaker's name.
NP_LEFT = {
    "det",
    "amod",
    "compound",
    "poss",
    "nmod",
    "nummod",
    "quantmod",
    "case",
    "predet",
    "advmod",
    "punct",
    "prep",
    "npadvmod",
}


NP_RIGHT = {"appos", "prep", "punct", "nummod", "compound", "case", "npadvmod", "amod"}


def noun_phrase(token: Token) -> Span:
    """The words naming a participant: the head with its modifiers and appositions, without
    relative clauses, clausal modifiers or conjuncts, and without punctuation at its ends."""
    doc = token.doc
    if token.pos_ == "PRON":
        return doc[token.i : token.i + 1]
    start = end = token.i
    for child in reversed(list(token.lefts)):
        if child.dep_ not in NP_LEFT:
            break
        start = child.left_edge.i
    end = token.i + 1
    for child in token.rights:
        if child.dep_ not in NP_RIGHT:
            break
        end = child.right_edge.i + 1
    # A speaker's name does not run over a line break (datelines and headlines above it).
    for i in range(token.i - 1, start - 1, -1):
        if "\n" in doc[i].text_with_ws:
            start = i + 1
            break
    for i in range(token.i, end):
        if "\n" in doc[i].text_with_ws:
            end = i + 1
            break
    while end > start + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    while start < end - 1 and (doc[start].is_punct or doc[start].is_space):
        start += 1
    return doc[start:end]


NOUNS = frozenset({"NOUN", "PROPN"})
VERBS = frozenset({"VERB", "AUX"})
SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def child_of(token: Token, dep: str, lower: str | None = None) -> Token | None:
    """The token's first child with dependency `dep` (and lower-case form `lower`, if given)."""
    for child in token.children:
        if child.dep_ == dep and (lower is None or child.lower_ == lower):
            return child
    return None


def verb_above(token: Token) -> Token | None:
    """The nearest verb up the token's chain of heads."""
    for ancestor in token.ancestors:
        if ancestor.pos_ in VERBS:
            return ancestor
    return None
