"""What a reader knows of an article before resolving any one speaker: its people, which words
are someone else's (quotations and reported contents), and whether it is an interview.

Speaker resolution walks the article in order (`claimtrack.nlp.speakers`); these readings of the
whole article let it resolve what the order alone cannot:

- a surname the NER labels ORG ("Renteria said") is a person when the article names a person
  with that surname, or when its name starts with a known given name ("Amanda Renteria");
- a bare surname shared by several people ("Dunne", with Mark and Debbie Dunne in the article)
  is the one the honorific or pronoun's gender allows, else the one the article introduced first;
- names inside quoted or reported words are not antecedents of the pronoun at the cue
  ('"If Robert wants to be king," she said': she is not Robert);
- "I" in the answers of a Q&A is the interviewee the headline or lede names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from spacy.attrs import LOWER
from spacy.tokens import Doc, Span, Token

from claimtrack.nlp.annotations import doc_text
from claimtrack.nlp.quotes import find_quotes

# A question line of an interview: "Q:", "Q.", "Question:", or the interviewer's initials.
_QUESTION = re.compile(r"^\s*(Q|Question)\s*[:.)\-—]", re.IGNORECASE)
_ANSWER = re.compile(r"^\s*(A|Answer)\s*[:.)\-—]", re.IGNORECASE)
# Clauses whose subject is not the sentence's topic ("comments Trump had made").
SUFFIXES = frozenset({"jr.", "jr", "sr.", "sr", "ii", "iii", "iv"})
SUBORDINATE = frozenset({"relcl", "acl", "advcl", "pcomp", "csubj", "xcomp", "pobj"})


@dataclass(frozen=True, slots=True)
class Person:
    """A person the article names in full, at the place it first does."""

    words: tuple[str, ...]
    text: str
    start: int
    gender: str | None


class ArticlePeople:
    """Every person the article names, by the NER or by a known given name."""

    def __init__(
        self,
        doc: Doc,
        *,
        female: frozenset[str],
        male: frozenset[str],
        titles: frozenset[str],
        text: str | None = None,
    ) -> None:
        self.female, self.male = female, male
        first_line = (doc_text(doc) if text is None else text).find("\n")
        self.headline_end = len(doc) if first_line < 0 else _token_at(doc, first_line)
        self.people: list[Person] = []
        # Every mention of a person by name, in text order (the same person recurs).
        self.spans = _headline_names_trimmed(
            _person_names(doc, female | male, titles), self.headline_end
        )
        seen: set[tuple[str, ...]] = set()
        for span in self.spans:
            words = tuple(t.lower_ for t in span if not t.is_punct)
            while len(words) > 1 and words[-1] in SUFFIXES:
                # "John G. Roberts Jr." is the "Roberts" of later mentions.
                words = words[:-1]
            if not words or words in seen:
                continue
            seen.add(words)
            self.people.append(Person(words, span.text, span.start, self.gender_of(words)))
        # Names the NER read in a headline in title case ("Obama Says African-American
        # Museum ...") are unreliable; those of a headline in sentence case are names.
        trusted = self.headline_end if _title_case(doc[: self.headline_end]) else 0
        self.in_body = {
            tuple(t.lower_ for t in span if not t.is_punct)
            for span in self.spans
            if span.start >= trusted
        }
        bare = _bare_surnames(doc, self.people, self.spans)
        self.bare = {span.start: span for span in bare}
        self.spans = sorted([*self.spans, *bare], key=lambda s: s.start)

    def gender_of(self, words: tuple[str, ...]) -> str | None:
        if len(words) < 2:
            return None
        if words[0] in self.female:
            return "f"
        if words[0] in self.male:
            return "m"
        return None

    def knows(self, words: tuple[str, ...], *, fuller: bool = False) -> bool:
        """Whether a name is (the end of) a person's name in this article; with `fuller`,
        of a longer name than itself."""
        return any(
            _ends(p.words, words) and (not fuller or len(p.words) > len(words)) for p in self.people
        )

    def called(self, word: str) -> Person | None:
        """The one person a single word not otherwise a name here means: a first name alone
        ("Melania" for Melania Walsh), or a surname with a one-letter slip ("Wines" for
        Leslie Wimes, "McLenney" for McClenney)."""
        # Not a headline's capitalised words the NER took for a name ("Obama Says ...").
        firsts = [
            p
            for p in self.people
            if len(p.words) >= 2 and p.words[0] == word and p.words in self.in_body
        ]
        if len(firsts) == 1:
            return firsts[0]
        if firsts or len(word) < 5:
            return None
        slips = {p.words: p for p in self.people if len(p.words) >= 2 and _slip(p.words[-1], word)}
        return next(iter(slips.values())) if len(slips) == 1 else None

    def fullest(
        self, words: tuple[str, ...], gender: str | None = None, *, at: int = 0
    ) -> Person | None:
        """The person a short name at token `at` means: among the article's people whose name
        ends with it and whose gender fits, the first introduced. A full name the article
        gives only later counts for a headline's surname; elsewhere a later "Michelle Obama"
        is someone else than the "President Obama" before her, while a later "Barack Obama"
        is the "Mr. Obama" before him."""
        candidates = [
            p
            for p in self.people
            if len(p.words) > len(words)
            and _ends(p.words, words)
            and (gender is None or p.gender in (None, gender))
            and (p.start < at or at < self.headline_end or (gender and p.gender == gender))
        ]
        return min(candidates, key=lambda p: p.start) if candidates else None


def organization_names(doc: Doc) -> list[Span]:
    """The organizations the NER names in more than one word ("Tampa Bay Times"), in text
    order: the full names a later "the Times" may stand for."""
    out = []
    for ent in doc.ents:
        if ent.label_ == "ORG" and len(ent) >= 2:
            while len(ent) > 1 and ent[0].dep_ == "det":
                ent = ent[1:]
            if len(ent) >= 2:
                out.append(ent)
    return out


def _title_case(span: Span) -> bool:
    """Whether most of a line's longer words are capitalised."""
    words = [t for t in span if t.is_alpha and len(t) > 3]
    return len(words) >= 3 and sum(t.text[0].isupper() for t in words) > 0.6 * len(words)


def _slip(a: str, b: str) -> bool:
    """Two words of five letters or more that differ by one letter (added, dropped or
    changed), the first letter the same."""
    if a == b or a[:1] != b[:1] or min(len(a), len(b)) < 5 or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def _token_at(doc: Doc, char: int) -> int:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span.start if span is not None else len(doc)


def _person_names(doc: Doc, given: frozenset[str], titles: frozenset[str]) -> list[Span]:
    out = [e for e in doc.ents if e.label_ == "PERSON"]
    for ent in doc.ents:
        if ent.label_ in ("ORG", "GPE", "NORP", "FAC") and len(ent) >= 2:
            # "Amanda Renteria" as ORG: a given name and a capitalised surname make a person.
            first = ent[0]
            if first.lower_ in given and all(t.pos_ == "PROPN" for t in ent):
                out.append(ent)
    stripped = []
    for span in out:
        span = _first_line(span)
        if not len(span):
            continue
        # "Sergeant Ann Cole": the name is "Ann Cole".
        while len(span) > 1 and (span[0].lower_ in titles or span[0].is_punct):
            span = span[1:]
        if len(span) > 1 and opening_gerund(span[0], given):
            span = span[1:]  # "Injecting Clinton's troubles into the race ...": Clinton
        while len(span) > 1 and (span[-1].is_punct or span[-1].lower_ in ("'s", "’s")):
            span = span[:-1]
        stripped.append(span)
    return sorted(stripped, key=lambda s: s.start)


def _headline_names_trimmed(spans: list[Span], headline_end: int) -> list[Span]:
    """A headline's name cut to the body's name it ends with: in "Lawmakers Rip Donald
    Trump As A Fraud" the NER reads "Rip Donald Trump", and the body says "Donald Trump"."""
    body = {_words(s) for s in spans if s.start >= headline_end}
    out = []
    for span in spans:
        words = _words(span)
        if span.start < headline_end and words not in body:
            shorter = [b for b in body if len(b) < len(words) and _ends(words, b)]
            if shorter:
                longest = max(shorter, key=len)
                span = span[len(span) - len(longest) :]
        out.append(span)
    return out


def _words(span: Span) -> tuple[str, ...]:
    return tuple(t.lower_ for t in span if not t.is_punct)


def opening_gerund(token: Token, given: frozenset[str]) -> bool:
    """A capitalised -ing word opening a sentence, which the NER may join to the name after
    it; a given name ending so ("Sterling") is kept."""
    lower = token.lower_
    return (
        token.is_sent_start is True
        and len(lower) > 5
        and lower.endswith("ing")
        and lower not in given
    )


def _bare_surnames(doc: Doc, people: list[Person], names: list[Span]) -> list[Span]:
    """The surname of a person the article names in full, where the NER missed it or took it
    for something else ("Walsh responded", "Meadows said" tagged as a plural noun)."""
    surnames = {p.words[-1] for p in people if len(p.words) >= 2}
    if not surnames:
        return []
    named = [False] * len(doc)
    for span in names:
        for i in range(span.start, span.end):
            named[i] = True
    out = []
    for token in tokens_spelt(doc, surnames):
        if named[token.i] or not token.text[:1].isupper():
            continue
        if token.ent_type_ == "PERSON" or (token.ent_type_ and token.ent_iob_ == "I"):
            continue
        after = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if after is not None and after.pos_ == "PROPN" and after.ent_type_ != "PERSON":
            continue  # part of another name ("Walsh Street")
        out.append(doc[token.i : token.i + 1])
    return out


def tokens_spelt(doc: Doc, words: Iterable[str]) -> list[Token]:
    """The tokens whose lowercase form is one of `words`, found on the Doc's array rather than
    by making a Python object of every token."""
    strings = doc.vocab.strings  # a word's hash, whether or not the store holds it
    wanted = np.fromiter((int(strings[w]) for w in words), dtype=np.uint64)
    if not len(doc) or not len(wanted):
        return []
    found = np.nonzero(np.isin(doc.to_array(LOWER), wanted))[0]
    return [doc[int(i)] for i in found]


def _first_line(span: Span) -> Span:
    """A name ends at its line's end ("Peter Lind" of "Peter Lind\n\nQuestion")."""
    for token in span:
        if "\n" in token.text_with_ws:
            return span[: token.i - span.start + (0 if token.is_space else 1)]
    return span


def is_given_name_pair(span: Span, given: frozenset[str]) -> bool:
    """A run of proper nouns that starts with a known given name ("Amanda Renteria")."""
    return len(span) >= 2 and span[0].lower_ in given and all(t.pos_ == "PROPN" for t in span)


def _ends(long: tuple[str, ...], short: tuple[str, ...]) -> bool:
    return bool(short) and len(long) >= len(short) and long[-len(short) :] == short


def reported_tokens(doc: Doc, contents: list[Span], text: str | None = None) -> list[bool]:
    """Which tokens are someone's reported words: inside a quotation or an attribution's
    content. A name there is what a speaker talked about, not who is speaking next."""
    mask = [False] * len(doc)
    for span in [*find_quotes(doc, text), *contents]:
        for i in range(span.start, span.end):
            mask[i] = True
    return mask


def main_clause_subject(span: Span) -> bool:
    """Whether a name is the subject of its sentence's main clauses, not of a relative or
    adverbial clause inside it ("Clinton cited comments Trump had made": Trump is not)."""
    root = span.root
    if root.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verb = root.head
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return verb.dep_ not in SUBORDINATE


def interviewee(doc: Doc, text: str | None = None) -> Span | None:
    """In a Q&A (two or more question lines), the person its headline or lede names: the
    one answering, whose "I" the answers are."""
    lines = (doc_text(doc) if text is None else text).split("\n")
    if sum(1 for line in lines if _QUESTION.match(line)) < 2:
        return None
    first_question = next(i for i, line in enumerate(lines) if _QUESTION.match(line))
    limit = sum(len(line) + 1 for line in lines[:first_question])
    for ent in doc.ents:
        if ent.label_ == "PERSON" and ent.start_char < limit:
            name = _first_line(ent)
            return name if len(name) else None
    return None


def in_question(doc: Doc, token_i: int) -> bool:
    """Whether a token is on a question line of a Q&A (the interviewer speaking)."""
    text = doc_text(doc)
    start = text.rfind("\n", 0, doc[token_i].idx) + 1
    line_end = text.find("\n", start)
    line = text[start : line_end if line_end != -1 else len(text)]
    return bool(_QUESTION.match(line))


def in_answer(doc: Doc, token_i: int) -> bool:
    """Whether a token is on an answer line (or any line that is not a question) of a Q&A."""
    return not in_question(doc, token_i)


__all__ = [
    "ArticlePeople",
    "Person",
    "interviewee",
    "in_question",
    "in_answer",
    "is_given_name_pair",
    "main_clause_subject",
    "organization_names",
    "reported_tokens",
    "tokens_spelt",
]
