"""When a figure holds: the time window on its noun or verb ("since the war began", "in the
week following the call-up", "last year"), read off the parse as prepositional phrases, time
clauses and temporal adverbs; a window the parser hung on the wrong clause goes to the figure
whose noun phrase it directly follows."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from claimtrack.nlp.annotations import FigureInfo
from claimtrack.nlp.context_lexicon import ContextLexicon
from claimtrack.nlp.syntax import child_of

# Right dependents a time clause keeps; anything else ends it ("after X was announced, with ...").
CLAUSE_STOP = frozenset({"punct", "cc", "conj", "advcl", "relcl", "parataxis"})


class PeriodReader:
    """The time windows of one Doc's figures; remembers which windows are taken."""

    def __init__(self, doc: Doc, lex: ContextLexicon, figure_tokens: set[int]) -> None:
        self.doc = doc
        self.lex = lex
        self.figure_tokens = figure_tokens
        self.used: set[tuple[int, int]] = set()
        self.pending: list[tuple[int, FigureInfo]] = []  # (phrase end, figure) with no window

    def period(self, noun: Token | None, verb: Token | None) -> Span | None:
        """The time window on the noun or the verb; adjacent pieces join ("in the week" +
        "following the call-up")."""
        pieces = sorted(
            (
                w
                for head in (noun, verb)
                if head is not None
                for w in self.windows(head)
                if not self.points_back(w)
            ),
            key=span_order,
        )
        if not pieces:
            return None
        start, end = pieces[0].start, pieces[0].end
        for piece in pieces[1:]:
            if piece.start > end:
                break
            end = max(end, piece.end)
        return self.doc[start:end]

    def points_back(self, window: Span) -> bool:
        """ "after that", "since then": a phrase that refers to a time named elsewhere."""
        words = [t.lower_ for t in window if not t.is_punct][1:]
        return bool(words) and all(w in self.lex.empty_period_words for w in words)

    def period_text(self, window: Span) -> str:
        text = tidy(window.text)
        return self.lex.period_adverbs.get(text.lower(), text)

    def windows(self, head: Token) -> Iterator[Span]:
        doc = self.doc
        for child in head.children:
            window: Span | None = None
            lower = child.lower_
            if child.dep_ == "prep" or (child.dep_ == "advmod" and lower == "prior"):
                obj = child_of(child, "pobj") or child_of(child, "pcomp")
                phrase = doc[child.left_edge.i : child.right_edge.i + 1]
                if phrase.text.lower() in self.lex.period_adverbs or self.opens_period(child, obj):
                    window = phrase
            elif child.dep_ == "advcl" and any(
                c.dep_ == "mark" and c.lower_ in self.lex.period_marks for c in child.children
            ):
                window = self.clause(child)
            elif child.dep_ in {"npadvmod", "advmod"}:
                phrase = doc[child.left_edge.i : child.right_edge.i + 1]
                if child.ent_type_ in {"DATE", "TIME"} or (
                    phrase.text.lower() in self.lex.period_adverbs
                ):
                    window = phrase
            if window is not None and not self.has_figure(window):
                yield window

    def opens_period(self, prep: Token, obj: Token | None) -> bool:
        lower = prep.lower_
        if lower in self.lex.period_preps:
            return True
        return (
            lower in self.lex.period_preps_if_temporal and obj is not None and self.is_temporal(obj)
        )

    def is_temporal(self, token: Token) -> bool:
        return token.ent_type_ in {"DATE", "TIME"} or token.lemma_.lower() in (
            self.lex.temporal_nouns
        )

    def clause(self, verb: Token) -> Span:
        """A time clause up to where it stops being about time: "after the mobilization was
        announced" out of "after the mobilization was announced, with a total of 52 ..."."""
        end = verb.i + 1
        for child in verb.rights:
            if child.dep_ in CLAUSE_STOP or self.has_figure(
                self.doc[child.left_edge.i : child.right_edge.i + 1]
            ):
                break
            end = child.right_edge.i + 1
        return self.doc[verb.left_edge.i : end]

    def has_figure(self, span: Span) -> bool:
        return any(i in self.figure_tokens for i in range(span.start, span.end))

    def assign_leftovers(self) -> None:
        """A time window the parser attached to the wrong clause still belongs to the figure
        whose noun phrase it directly follows: "..., with a total of 52 incidents since the war
        began" (the since-clause hangs on "announced"). Only a window that starts right after
        the phrase, opens with a time word, and is not already some figure's, is taken."""
        doc = self.doc
        for end, info in self.pending:
            if end >= len(doc):
                continue
            opener = doc[end]
            if opener.dep_ == "mark" and opener.lower_ in self.lex.period_marks:
                clause = opener.head
                head = clause.head if clause.dep_ == "advcl" else None
            elif opener.dep_ == "prep" and opener.lower_ in self.lex.period_preps:
                head = opener.head
            else:
                continue
            if head is None:
                continue
            for window in self.windows(head):
                key = (window.start, window.end)
                if window.start == end and key not in self.used:
                    self.used.add(key)
                    info.period = self.period_text(window)
                    break


def span_order(span: Span) -> tuple[int, int]:
    return (span.start, span.end)


def tidy(text: str) -> str:
    """One line, no leading article for places, first letter lower-cased only when it starts a
    sentence ("Since the invasion" -> "since the invasion")."""
    text = " ".join(text.split())
    if text[:4].lower() == "the ":
        text = text[4:]
    if text[:1].isupper() and text.split(" ", 1)[0].lower() in _SENTENCE_STARTS:
        text = text[:1].lower() + text[1:]
    return text


_SENTENCE_STARTS = frozenset(
    {"since", "in", "during", "after", "before", "following", "until", "over", "within", "from"}
)
