"""Statements of none, read as figures of zero.

A statement of none is a figure too: "volunteers would not be paid a salary" says the pay is
zero, and must meet "will pay its soldiers 100,000 hryvnias per month" in the conflicts. Such a
statement becomes a zero figure over its negating words: "would not be paid (a salary)",
"without pay", "unpaid volunteers", "no casualties". A zero about pay has unit "money" and no
currency: zero is zero in any currency, so it compares with money in every currency. Its
context (what, who, where, when) is read as for any figure (`claimtrack.nlp.figure_context`).
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from claimtrack.lexicons import Overrides
from claimtrack.nlp.annotations import FIGURES, FigureInfo, register_extensions
from claimtrack.nlp.context_lexicon import ContextLexicon, load_context_lexicon
from claimtrack.nlp.figure_context import ContextReader
from claimtrack.nlp.periods import span_order
from claimtrack.nlp.syntax import NOUNS, SUBJECTS, VERBS, child_of, verb_above

# Adverbs of degree and manner on a negated verb: what is denied is how much or how well, not
# the act ("does not pay enough", "don't pay nearly as well"): no zero is stated.
_DEGREE = frozenset(
    {"well", "much", "enough", "nearly", "as", "so", "more", "less", "quite", "fully", "very"}
    | {"too", "better", "worse", "properly", "adequately", "equally", "fairly", "always"}
)


@Language.factory(
    "claimtrack_zero_figures",
    assigns=["doc.spans", "span._.claimtrack_figure"],
    requires=["doc.spans", "token.dep", "token.pos", "token.lemma"],
    default_config={"lexicons": {}},
)
def make_zero_figures(nlp: Language, name: str, *, lexicons: dict[str, str]) -> ZeroFigureFinder:
    return ZeroFigureFinder(nlp.vocab, lexicons=lexicons)


class ZeroFigureFinder:
    """Adds the zero figures of statements of none to `doc.spans["claimtrack_figures"]`, where
    no figure already is."""

    def __init__(self, vocab: Vocab, *, lexicons: Overrides | None = None) -> None:
        register_extensions()
        self.lex = load_context_lexicon(lexicons)
        self.matcher = zero_matcher(vocab, self.lex)

    def __call__(self, doc: Doc) -> Doc:
        figures = list(doc.spans.get(FIGURES, []))
        taken = {i for f in figures for i in range(f.start, f.end)}
        reader = ZeroStatementReader(doc, self.lex, self.matcher, set(taken))
        zeros = list(reader.zero_statements(taken))
        doc.spans[FIGURES] = sorted(figures + zeros, key=span_order)
        return doc


def zero_matcher(vocab: Vocab, lex: ContextLexicon) -> Matcher:
    """Single-token cue patterns; the dependency checks run only on their few hits."""
    matcher = Matcher(vocab)
    matcher.add("NEG_VERB", [[{"LEMMA": {"IN": sorted(lex.negated_verbs)}, "POS": "VERB"}]])
    matcher.add("WITHOUT", [[{"LOWER": "without"}]])
    matcher.add("ZERO_ADJ", [[{"LOWER": {"IN": sorted(lex.zero_adjectives)}}]])
    matcher.add("NONE_DET", [[{"LOWER": {"IN": sorted(lex.none_determiners)}}]])
    return matcher


class ZeroStatementReader(ContextReader):
    """The statements of none of one Doc, with their context read as for any figure."""

    def __init__(
        self, doc: Doc, lex: ContextLexicon, matcher: Matcher, figure_tokens: set[int]
    ) -> None:
        super().__init__(doc, lex, figure_tokens)
        self.matcher = matcher

    def zero_statements(self, taken: set[int]) -> Iterator[Span]:
        """Zero figures: "would not be paid (a salary)", "without pay", "unpaid volunteers",
        "no casualties"."""
        seen: set[int] = set(taken)
        for match_id, start, _end in self.matcher(self.doc):
            rule = self.doc.vocab.strings[match_id]
            token = self.doc[start]
            made = None
            if rule == "NEG_VERB":
                made = self._negated_verb(token)
            elif rule == "WITHOUT":
                made = self._without(token)
            elif rule == "ZERO_ADJ":
                made = self._zero_adjective(token)
            elif rule == "NONE_DET":
                made = self._none_determiner(token)
            if made is None or any(i in seen for i in range(made.start, made.end)):
                continue
            seen.update(range(made.start, made.end))
            yield made

    def _zero_adjective(self, adjective: Token) -> Span | None:
        """ "unpaid volunteers", "the volunteers were unpaid"; not "unpaid taxes", "unpaid
        bills": a sum that is unpaid is owed, not zero."""
        head = adjective.head
        lex = self.lex
        if head.pos_ in NOUNS and any(
            w in lex.owed_nouns or w in lex.money_nouns for w in (head.lemma_.lower(), head.lower_)
        ):
            return None
        if adjective.dep_ in {"amod", "compound", "nmod"} and head.pos_ in NOUNS:
            scope = self.phrase(head, complement=False)
        elif adjective.dep_ == "acomp":
            scope = self._subject_of(head, exclude=adjective)
        else:
            return None
        return self._zero_figure(
            adjective.i,
            adjective.i + 1,
            predicate=self.lex.zero_adjectives[adjective.lower_],
            counted=None,
            scope=scope,
            verb=verb_above(adjective),
        )

    def _negated_verb(self, verb: Token) -> Span | None:
        lex = self.lex
        negs = [c for c in verb.children if c.dep_ == "neg" and c.lower_ in lex.negation_words]
        if not negs:
            return None
        if any(t.pos_ == "ADV" and t.lower_ in _DEGREE for c in verb.rights for t in c.subtree):
            return None  # "they don't pay nearly as well": a comparison, no zero is stated
        if any(
            self.periods.has_figure(self.doc[c.left_edge.i : c.right_edge.i + 1])
            for c in verb.children
            if c.dep_ in {"dobj", "dative", "attr"}
        ):
            return None  # "did not pay $500": a denied amount, not a statement of none
        obj = child_of(verb, "dobj")
        if obj is not None and obj.lemma_.lower() in lex.idiom_objects:
            return None  # "weren't paying attention": an idiom, no payment is denied
        start = min(n.i for n in negs)
        end = verb.i + 1
        counted = None
        if obj is not None and obj.lemma_.lower() in lex.money_nouns and obj.i > verb.i:
            end = obj.right_edge.i + 1
            counted = obj.lemma_.lower()
        scope = None
        for child in verb.children:
            if (
                child.dep_ == "nsubjpass"
                or child.dep_ == "dative"
                or (child.dep_ == "dobj" and child is not obj)
            ):
                scope = self.phrase(child, complement=False)
                break
        if scope is None and obj is not None and counted is None:
            scope = self.phrase(obj, complement=False)
        return self._zero_figure(
            start,
            end,
            predicate=lex.negated_verbs[verb.lemma_.lower()],
            counted=counted,
            scope=scope,
            verb=verb,
        )

    def _without(self, prep: Token) -> Span | None:
        obj = child_of(prep, "pobj")
        if obj is None or obj.lemma_.lower() not in self.lex.without_nouns:
            return None
        lemma = obj.lemma_.lower()
        verb = verb_above(prep)
        predicate = self.lex.without_nouns[lemma]
        counted: str | None = lemma
        if predicate is None:
            predicate = verb.lemma_.lower() if verb is not None else None
            counted = self.phrase(obj, complement=True)
        return self._zero_figure(
            prep.i,
            obj.right_edge.i + 1,
            predicate=predicate,
            counted=counted,
            scope=self._subject_above(prep),
            verb=verb,
        )

    def _none_determiner(self, det: Token) -> Span | None:
        noun = det.head
        if det.dep_ not in {"det", "nummod"} or noun.pos_ not in NOUNS or noun.i < det.i:
            return None
        lemma = noun.lemma_.lower()
        if lemma not in self.lex.zero_nouns:
            return None
        verb, predicate = self.predicate(noun)
        mapped = self.lex.zero_nouns[lemma]
        if mapped is not None:
            return self._zero_figure(
                det.i,
                noun.i + 1,
                predicate=mapped,
                counted=lemma,
                scope=self._recipient(verb, noun),
                verb=verb,
            )
        return self._zero_figure(
            det.i,
            noun.i + 1,
            predicate=predicate,
            counted=self.phrase(noun, complement=True),
            scope=None,
            verb=verb,
            money=False,
        )

    def _recipient(self, verb: Token | None, noun: Token) -> str | None:
        """Who gets no pay: "offered no salary to the guards", "the guards received no pay"."""
        if verb is None:
            return None
        return self.scope(verb, noun, noun, money=False) or self._subject_of(verb, exclude=noun)

    def _subject_of(self, verb: Token | None, exclude: Token) -> str | None:
        if verb is None:
            return None
        for child in verb.children:
            if child.dep_ in SUBJECTS and child is not exclude:
                return self.phrase(child, complement=False)
        return None

    def _subject_above(self, token: Token) -> str | None:
        """The nearest named subject up the chain of clauses ("volunteers serve without pay");
        a pronoun subject gives no scope."""
        for ancestor in token.ancestors:
            if ancestor.pos_ not in VERBS:
                continue
            for child in ancestor.children:
                if child.dep_ in SUBJECTS:
                    return self.phrase(child, complement=False)
        return None

    def _zero_figure(
        self,
        start: int,
        end: int,
        *,
        predicate: str | None,
        counted: str | None,
        scope: str | None,
        verb: Token | None,
        money: bool | None = None,
    ) -> Span:
        if money is None:
            money = predicate == "pay"
        span = self.doc[start:end]
        period = self.periods.period(None, verb) if verb is not None else None
        span._.claimtrack_figure = FigureInfo(
            value=0.0,
            low=0.0,
            high=0.0,
            qualifier="exact",
            unit="money" if money else None,
            currency=None,
            counted=counted,
            predicate=predicate,
            place=self.place(None, verb, verb) if verb is not None else None,
            period=self.periods.period_text(period) if period is not None else None,
            scope=scope,
        )
        return span
