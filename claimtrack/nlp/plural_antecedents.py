"""What "they" refers to when it speaks, read from the sentence around it.

"They" names a group: the plural subject of the clause that reports it ("Officials said they
expect a fight": the officials), or else the nearest plural subject before it in its sentence
or the one before ("Republicans want lower rates and they suggest ...", "Obama and Clinton
call them lone wolves. ... they believe they are winning"). A plural subject is a plural
noun or a coordination ("Obama and Clinton"). Only subjects count: a plural object or a noun
in passing is rarely what "they" goes back to.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

# Dependencies through which a clause hangs on the verb that reports it.
REPORTED = ("ccomp",)
SUBJECTS = ("nsubj", "nsubjpass")


def plural_antecedent(pronoun: Token, reported: list[bool]) -> Span | None:
    """The plural subject "they" refers to (see the module doc), or None. `reported` marks the
    tokens inside quotations and reported words, which are no antecedents."""
    found = _reporting_subject(pronoun)
    if found is not None:
        return found
    sent = pronoun.sent
    doc = pronoun.doc
    start = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    for token in reversed(doc[start : pronoun.i]):
        if token.dep_ in SUBJECTS and not reported[token.i] and _plural(token):
            return _subject_span(token)
    return None


def _reporting_subject(pronoun: Token) -> Span | None:
    clause = pronoun.head
    for _ in range(3):
        if clause.dep_ not in REPORTED or clause.head.i == clause.i:
            return None
        verb = clause.head
        subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
        if subjects:
            subject = subjects[0]
            return _subject_span(subject) if _plural(subject) else None
        clause = verb
    return None


def _plural(token: Token) -> bool:
    if token.pos_ == "PRON":
        return False
    return token.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in token.children)


def _subject_span(token: Token) -> Span:
    """The subject without a relative clause or apposition after a comma."""
    doc = token.doc
    end = token.right_edge.i + 1
    for child in token.rights:
        if child.dep_ in ("relcl", "acl", "appos", "prep") and child.i > token.i:
            comma = child.left_edge.i - 1
            if comma > token.i and doc[comma].text == ",":
                end = min(end, comma)
    return doc[token.left_edge.i : end]
