"""Where a follow-up caveat points: the statement a reader takes it to be about.

"Sullivan's lawyer did not respond to a request for comment." is about the statement the article
made about Sullivan; "The figure could not be verified." and "He denied the charges." about the
statement just before them. The caveat names its party (the subject of its verb); the statement
is the nearest earlier sentence naming that party, else the sentence before. The walk back is
bounded (`MAX_SENTENCES_BACK`), so this stays cheap on long articles.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from claimtrack.nlp.annotations import ATTRIBUTIONS, FlagInfo

MAX_SENTENCES_BACK = 40
_FOLLOW_UP_KINDS = frozenset({"no_response"})
_ANAPHORIC_KINDS = frozenset({"unverified", "disputed", "confirmed", "undisclosed"})
# Verb cues whose complement carries the statement themselves ("did not say how many").
_CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "advcl", "csubj"})
_TOPIC_PREPS = frozenset({"about", "regarding", "concerning", "on", "of", "over"})
# "would not comment on those reports" points back; "questions regarding the number" does not.
_POINTING = frozenset({"those", "these", "this", "that", "such"})
_WH = frozenset({"whether", "how", "who", "what", "why", "when", "where", "if", "which"})


def _names_its_statement(anchor: Token, statement_nouns: frozenset[str]) -> bool:
    return any(
        t.dep_ == "pobj"
        and t.head.lower_ in _TOPIC_PREPS
        and t.lemma_.lower() in statement_nouns
        and not any(d.dep_ == "det" and d.lower_ in _POINTING for d in t.children)
        for t in anchor.subtree
    )


def is_follow_up(
    info: FlagInfo, cue: Span, anchor: Token, statement_nouns: frozenset[str] = frozenset()
) -> bool:
    """Whether the caveat is about a statement outside its own sentence: every refusal to
    comment; a check, denial or confirmation of "it", "the report", "the charges"; a refusal to
    give details with no question of its own ("would not say", "did not elaborate")."""
    if info.kind in _FOLLOW_UP_KINDS:
        # "did not respond to questions regarding the number of applications" names what it is
        # about in its own sentence.
        return not _names_its_statement(anchor, statement_nouns)
    if info.kind in _ANAPHORIC_KINDS and info.anaphoric:
        # "..., though none of their stories could be verified" is about the stories told
        # earlier in its own sentence; "He denied the charges and accused her of ..." is not.
        sent = cue.sent
        return not any(
            sent.start <= a.start < cue.start and not _introduced_by(a, cue)
            for a in cue.doc.spans.get(ATTRIBUTIONS, [])
        )
    if info.kind == "undisclosed" and anchor.pos_ == "VERB":
        verb = anchor.head if anchor.dep_ == "xcomp" else anchor
        if any(t.lower_ in _WH for t in cue.doc[cue.end : min(cue.end + 3, len(cue.doc))]):
            return False
        own = ("nsubjpass", *_CLAUSE_DEPS)
        return not any(
            c.dep_ in own and c.i != anchor.i for c in (*verb.children, *anchor.children)
        )
    return False


def _introduced_by(attributed: Span, cue: Span) -> bool:
    """Whether the caveat's own verb introduces the attributed span ("denied [the reports]")."""
    attribution = attributed._.claimtrack_attribution
    own = getattr(attribution, "cue", None)
    return own is not None and own.start < cue.end and cue.start < own.end


_HONORIFICS = frozenset({"mr.", "mrs.", "ms.", "miss", "dr.", "mr", "mrs", "ms", "dr"})
_PERSONAL = frozenset({"he", "she"})
# What a subject says about who its party is rather than who it is: "The FDIC, [a regulator
# which keeps data on America's banks], declined": those names are not the party asked.
_DESCRIPTIVE_DEPS = frozenset({"relcl", "acl"})


def _says_what_they_did(attribute: Token) -> bool:
    """Whether a copula's attribute holds a deed ("was one of the authors of messages that
    appeared on the server"), not a role ("is now senior policy adviser to the campaign")."""
    return any(t.pos_ == "VERB" for t in attribute.subtree)


def _describes(sentence: Span, party: frozenset[str]) -> bool:
    """Whether the sentence only says who the party is ("Sullivan, then deputy chief of staff,
    is now an adviser"; "her predecessor, Sheila Bair, who headed the agency"): comment is
    sought on what a party did, not on who they are."""
    for token in sentence:
        if token.lower_ not in party:
            continue
        noun = token
        while noun.dep_ in ("compound", "flat") and noun.head.i != noun.i:
            noun = noun.head
        if noun.dep_ == "appos":
            noun = noun.head  # "the division's head, Russ Pittman, told staff": the head's role
        if noun.dep_ == "nsubj" and noun.head.lemma_ == "be":
            attributes = [c for c in noun.head.children if c.dep_ in ("attr", "acomp")]
            if not any(_says_what_they_did(a) for a in attributes):
                continue
        return False
    return True


def _names_party(sentence: Span, party: frozenset[str], titles: frozenset[str]) -> bool:
    """Whether the sentence names the party: one of its names, under its title when the caveat
    gives one (neither "Mrs. Clinton" nor "Hillary Clinton" is the "Mr. Clinton" whose
    spokesman declined to comment)."""
    for token in sentence:
        if token.lower_ not in party:
            continue
        if not titles:
            return True
        before = token.nbor(-1) if token.i > sentence.start else None
        if before is not None and before.lower_.rstrip(".") in titles:
            return True
    return False


def _personal_subject(sentence: Span) -> bool:
    """Whether the sentence's main clause is about "he" or "she" (who was named before it)."""
    return any(
        t.dep_ in ("nsubj", "nsubjpass") and t.lower_ in _PERSONAL and t.head.dep_ == "ROOT"
        for t in sentence
    )


def _is_name(token: Token) -> bool:
    """A proper name, including one the tagger misreads at the start of a sentence ("Fields did
    not reply"): a capitalised word the article also uses as a name."""
    if token.pos_ == "PROPN":
        return True
    if not (token.is_title and token.pos_ == "NOUN"):
        return False
    return any(
        t.text == token.text and t.i != token.i and (t.pos_ == "PROPN" or t.ent_type_)
        for t in token.doc
    )


def _subject_of(anchor: Token) -> Token | None:
    verb = anchor
    for _ in range(3):
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) or verb.head.i == verb.i:
            break
        verb = verb.head
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            return child.head.head if child.lower_ in ("who", "which") else child
    return None


def _subject_names(subject: Token) -> list[Token]:
    """The words of the subject's own phrase, without what describes it (appositions and
    relative clauses; an apposition's own words stay: "Jim Prosser, a Twitter spokesman")."""
    out: list[Token] = []
    stack = [subject]
    while stack:
        token = stack.pop()
        out.append(token)
        stack.extend(
            c
            for c in token.children
            if c.dep_ not in _DESCRIPTIVE_DEPS and not (c.dep_ == "prep" and token.dep_ == "appos")
        )
    return out


def party_of(anchor: Token) -> frozenset[str]:
    """The names in the subject of the cue's verb ("Sullivan's lawyer Beth Wilkinson", "An
    attorney for Mills", "Neither Alan Grayson nor Dena Grayson's campaigns"), without its
    titles and what only describes it ("The FDIC, a U.S. regulator, ...")."""
    subject = _subject_of(anchor)
    if subject is None:
        return frozenset()
    return frozenset(
        t.lower_
        for t in _subject_names(subject)
        if _is_name(t) and len(t) > 1 and t.lower_ not in _HONORIFICS
    )


def titles_of(anchor: Token) -> frozenset[str]:
    """The titles the subject gives its party ("A spokesman for Mr. Clinton": "mr")."""
    subject = _subject_of(anchor)
    if subject is None:
        return frozenset()
    return frozenset(
        t.lower_.rstrip(".") for t in _subject_names(subject) if t.lower_ in _HONORIFICS
    )


def refers_to(
    doc: Doc, cue: Span, party: frozenset[str], titles: frozenset[str] = frozenset()
) -> Span | None:
    """The nearest earlier sentence naming the party (sentences that only say who the party is
    do not count; a run of "he"/"she" sentences right after it continues it, so the nearest of
    those), else the sentence just before; None at the start of the text."""
    try:
        sent = cue.sent
    except ValueError:
        return None
    previous: Span | None = None
    pronoun: Span | None = None
    i = sent.start - 1
    for _ in range(MAX_SENTENCES_BACK):
        while i >= 0 and doc[i].is_space:
            i -= 1
        if i < 0:
            break
        before = doc[i].sent
        i = before.start - 1
        if not any(t.pos_ in ("VERB", "AUX") for t in before):
            continue  # a heading or a dateline
        if previous is None:
            previous = before
            if not party:
                return previous
        if _names_party(before, party, titles):
            if pronoun is not None:
                return pronoun
            if not _describes(before, party):
                return before
        elif _personal_subject(before):
            pronoun = pronoun or before
        else:
            pronoun = None
    return previous


# The parts of a clause that make its statement (not its adverbial clauses, conjuncts or what
# follows a colon).
_CLAUSE_PARTS = frozenset(
    {
        "nsubj",
        "nsubjpass",
        "expl",
        "csubj",
        "aux",
        "auxpass",
        "neg",
        "advmod",
        "xcomp",
        "ccomp",
        "acomp",
        "attr",
        "dobj",
        "oprd",
        "agent",
        "dative",
        "prt",
        "npadvmod",
    }
)
_STOPS = frozenset({":", ";", "—", "–", '"', "“", "”"})


def statement_of(anchor: Token, cue: Span) -> Span | None:
    """The clause a caveat in its statement's sentence scopes over: for a word on a noun
    ("the alleged bribe") the noun phrase; otherwise the clause of the nearest verb above the
    cue, its subject and complements, up to a colon or a dash."""
    doc = cue.doc
    if anchor.dep_ == "amod" and anchor.head.pos_ in ("NOUN", "PROPN"):
        noun = anchor.head
        after = noun.right_edge.i + 1
        sent = cue.sent
        if after < sent.end - 1 and doc[after].text == ":":
            # "He had a possible reason: [the donor was his friend]": what follows the colon.
            end = sent.end
            while end > after + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
                end -= 1
            return doc[after + 1 : end]
        return doc[noun.left_edge.i : noun.right_edge.i + 1]
    verb = anchor
    for _ in range(4):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    if verb.dep_ == "xcomp" and verb.head.pos_ in ("VERB", "AUX"):
        verb = verb.head  # "declined to say how many": the clause of "declined"
    start, end = min(verb.i, cue.start), max(verb.i + 1, cue.end)
    for child in verb.children:
        if child.dep_ in _CLAUSE_PARTS:
            start, end = min(start, child.left_edge.i), max(end, child.right_edge.i + 1)
    sent = cue.sent
    start, end = max(start, sent.start), min(end, sent.end)
    for token in doc[cue.end : end]:
        if token.text in _STOPS:
            end = token.i
            break
    for token in reversed(doc[start : cue.start]):
        if token.text in _STOPS:
            start = token.i + 1
            break
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    if end <= cue.end:
        return None  # nothing said beyond the caveat's own words ("something he denied")
    return doc[start:end] if end > start else None
