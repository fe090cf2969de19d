"""A cue clause that closes its sentence: "The bridge will reopen in May, the mayor said." /
"..., said Ann Lee, a city engineer."

The parser often loses the link between such a cue and the clause before it: it makes the clause
the cue's subject, hangs the cue on the clause's verb, or hangs a long clause on a word of the
cue's. The order of the words is enough: when the cue and its speaker come right after a comma
and nothing but the speaker's description follows them, the words from the sentence's start to
that comma are what was said.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from claimtrack.nlp.quotes import CLOSING, OPENING, TOGGLES
from claimtrack.nlp.syntax import noun_phrase

# Words that may sit between a speaker and the cue ("she has said", "he later said").
BETWEEN = ("aux", "neg", "advmod")
# Verbs after the cue that still describe the speaker or the occasion ("said X, who runs Y",
# "said X, speaking to reporters"), not a clause of their own.
DESCRIBING = ("relcl", "acl", "aux", "auxpass", "pcomp", "amod")
MIN_CONTENT = 3
FINITE_OR_PERFECT = ("VBD", "VBZ", "VBP", "VBN")
RELATIVE = ("who", "which", "that", "whom", "whose")
# The marks `quotes.py` pairs, and single quotes, which it leaves alone but a content may open with.
QUOTE_MARKS = frozenset({*TOGGLES, *OPENING, *CLOSING, "'", "‘", "’"})


def closing_clause(verb: Token, mention: Span) -> tuple[Span, Span] | None:
    """The clause before a cue clause that ends the sentence, and the speaker: the subject
    right after an inverted cue when the parser took the clause for another subject ("Costs
    rose, said Ann Lee"), else `mention`. None when the sentence has no such shape."""
    doc = verb.doc
    if verb.tag_ not in FINITE_OR_PERFECT:
        return None  # "..., said X, half joking": a participle tells how, not what
    mention = _inverted_subject(verb) or mention
    if mention[0].lower_ in RELATIVE:
        return None  # "X lost, who added": a relative clause, not a cue clause
    cue_start = _cue_clause_start(verb, mention)
    if cue_start is None or cue_start < 1 or doc[cue_start - 1].text != ",":
        return None
    sent = verb.sent
    if not _only_describes(doc[max(verb.i + 1, mention.end) : sent.end], verb):
        return None
    start = sent.start
    for token in doc[sent.start : cue_start - 1]:
        if token.text in (":", ";") and not token.is_quote:
            start = token.i + 1
    end = cue_start - 1
    while start < end and (doc[start].is_space or doc[start].is_punct):
        start += 1
    content = doc[start:end]
    if len(content) < MIN_CONTENT or not any(t.pos_ in ("VERB", "AUX") for t in content):
        return None
    if content[0].is_quote or content[0].text in QUOTE_MARKS:
        return None  # a quotation: the quotation rules read it, marks and all
    if _only_subordinate(content):
        return None
    return content, mention


def _only_subordinate(content: Span) -> bool:
    """ "As has been the case, the union agreed": a clause its conjunction subordinates, with
    no main clause after it ("As X spoke, a girl was hurt, police said" has one)."""
    first = content[0]
    if first.dep_ not in ("mark", "prep", "advmod") and first.tag_ not in ("IN", "WRB", "WDT"):
        return False
    commas = [t for t in content if t.text == ","]
    return not any(
        t.dep_ in ("nsubj", "nsubjpass", "expl")
        for comma in commas
        for t in content.doc[comma.i + 1 : content.end]
    )


def _inverted_subject(verb: Token) -> Span | None:
    nxt = verb.nbor(1) if verb.i + 1 < len(verb.doc) else None
    if nxt is None:
        return None
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i > verb.i]
    if subjects and noun_phrase(subjects[0]).start == nxt.i:
        return noun_phrase(subjects[0])
    return None


def _cue_clause_start(verb: Token, mention: Span) -> int | None:
    """Where the cue clause starts: at the speaker ("the mayor said") or at the verb ("said
    the mayor"), when the two are next to each other."""
    if mention.start == verb.i + 1:
        return verb.i
    if mention.end <= verb.i and all(t.dep_ in BETWEEN for t in verb.doc[mention.end : verb.i]):
        return mention.start
    return None


def _only_describes(tail: Span, verb: Token) -> bool:
    """Whether what follows the cue clause adds no clause of its own: punctuation, a time or a
    place, or the speaker's description."""
    for token in tail:
        participle = token.dep_ == "advcl" and token.tag_ == "VBG"
        if token.pos_ in ("VERB", "AUX") and token.dep_ not in DESCRIBING and not participle:
            return False
        if token.is_quote or (token.head.i == verb.i and token.dep_ in ("ccomp", "xcomp", "dobj")):
            return False
    return True
