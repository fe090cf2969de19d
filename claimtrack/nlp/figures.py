"""Figures: every number of the article that a claim can state, with its qualifier kept.

The words are read by `claimtrack.figparse` (pure Python, also run by the benchmark): it finds
"at least 6,000", "nearly one-quarter", "thousands", "100,000 hryvnias", "4-5 km" with their
qualifiers, units and currencies, which the small English model's CARDINAL/MONEY/PERCENT/QUANTITY
entities miss or cut ("thousands", "a dozen", "half of", spelled-out numbers, numbers it labels
DATE or ORG). This component aligns those finds with the Doc, adds any number entity the reader
did not cover, and drops what the parse shows is not a figure:

- numbers inside DATE/TIME/ORDINAL entities ("Feb. 24", "2014"): dates are a figure's context,
  not figures (money and percentages inside them stay);
- numbers that name something: inside a name entity ("Air Assault Brigade 45") or attached to a
  proper noun before them;
- a bare determiner "one" ("one specific protection"): "only one", "at least one", "one in five"
  stay;
- a bare year-like number that does not count a noun ("2014").

Durations ("jailed for 15 years", "a three-year review") are figures even inside a DATE entity;
`claimtrack.nlp.figure_context` makes one the period of another figure in its clause instead.

The next stage (`claimtrack.nlp.figure_context`) fills what each figure counts and its predicate,
place and period.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from claimtrack import figparse
from claimtrack.lexicons import Overrides
from claimtrack.lexicons import load as load_lexicon
from claimtrack.nlp.annotations import FIGURES, FigureInfo, doc_text, register_extensions
from claimtrack.units import unit_name

NUMBER_LABELS = ("CARDINAL", "MONEY", "PERCENT", "QUANTITY")
YEAR = re.compile(r"1[5-9]\d\d|20\d\d")


@dataclass(frozen=True, slots=True)
class Rules:
    """What the component reads from not_figures.json."""

    entity_labels: frozenset[str]
    name_labels: frozenset[str]
    date_words: frozenset[str]
    durations: frozenset[str]


def load_rules(lexicons: Overrides | None = None) -> Rules:
    data = load_lexicon("not_figures", lexicons)
    from babel.dates import get_day_names

    days = {
        d.lower() for w in ("wide", "abbreviated") for d in get_day_names(w, locale="en").values()
    }
    words = set(data["date_words"]) | days | figparse.lexicon(lexicons=lexicons).months
    return Rules(
        frozenset(data["entity_labels"]),
        frozenset(data["name_labels"]),
        frozenset(words),
        frozenset(data["durations"]),
    )


@Language.factory(
    "claimtrack_figures",
    assigns=["doc.spans", "span._.claimtrack_figure"],
    requires=["doc.ents", "token.dep", "token.pos"],
    default_config={"lexicons": {}},
)
def make_figures(nlp: Language, name: str, *, lexicons: dict[str, str]) -> FigureFinder:
    return FigureFinder(lexicons=lexicons)


class FigureFinder:
    def __init__(self, *, lexicons: Overrides | None = None) -> None:
        register_extensions()
        self.lexicons = dict(lexicons or {})
        self.rules = load_rules(self.lexicons)
        self._ents: dict[int, Span] = {}
        # Load the lexicons and Babel's currency tables now rather than on the first document;
        # pint is loaded when a document first names a physical unit.
        figparse.lexicon(lexicons=self.lexicons)
        figparse.money(lexicons=self.lexicons)

    def __call__(self, doc: Doc) -> Doc:
        spans: list[Span] = []
        taken = [False] * len(doc)
        rejected: list[tuple[int, int]] = []
        ents = doc.ents
        self._ents = {i: ent for ent in ents for i in range(ent.start, ent.end)}
        for found in figparse.find(doc_text(doc), rejected, lexicons=self.lexicons):
            span = doc.char_span(found.start, found.end, alignment_mode="expand")
            if span is None or len(span) == 0 or any(taken[span.start : span.end]):
                continue
            span, found = self.without_particle(span, found)
            if not self.keep(span, found) or (found.bare and self.alone_on_its_line(span)):
                rejected.append((span.start_char, span.end_char))
                continue
            self.add(span, self.temperature(span, found.figure), spans, taken)
        for start, end in rejected:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None:
                taken[span.start : span.end] = [True] * len(span)
        for ent in ents:
            if ent.label_ not in NUMBER_LABELS or any(taken[ent.start : ent.end]):
                continue
            for found in figparse.find(ent.text, lexicons=self.lexicons):
                start = ent.start_char + found.start
                span = doc.char_span(
                    start, start + found.end - found.start, alignment_mode="expand"
                )
                if span is None or any(taken[span.start : span.end]) or not self.keep(span, found):
                    continue
                self.add(span, found.figure, spans, taken)
        spans.sort(key=lambda s: (s.start, s.end))
        doc.spans[FIGURES] = spans
        return doc

    def temperature(self, span: Span, fig: figparse.Figure) -> figparse.Figure:
        """ "degrees" alone is a temperature when the sentence names a scale ("... 40 degrees,
        the highest Celsius reading") or says temperature; its scale is the one named, else
        unknown ("degree_temperature")."""
        if fig.unit != "degree" or not span.doc.has_annotation("SENT_START"):
            return fig
        temperature_words = figparse.lexicon(lexicons=self.lexicons).temperature_words
        unit = None
        for tok in span.sent:
            if tok.lower_ in temperature_words:
                named = unit_name(tok.lower_)
                if named.startswith("degree_"):
                    return replace(fig, unit=named)
                unit = "degree_temperature"
        return replace(fig, unit=unit) if unit else fig

    def without_particle(
        self, span: Span, found: figparse.FigureMatch
    ) -> tuple[Span, figparse.FigureMatch]:
        """ "handed over millions of dollars": the verb's particle is no qualifier ("more than
        millions"); the figure is read again without it."""
        first = span[0]
        if len(span) < 2 or first.dep_ != "prt" or first.tag_ != "RP" or first.head.i >= first.i:
            return span, found
        rest = span[1:]
        # read on past the span: what follows may give the number its unit ("three, four weeks")
        tail = doc_text(span.doc)[rest.start_char : span.end_char + 40]
        again = figparse.find(tail, lexicons=self.lexicons)
        if not again or again[0].start != 0:
            return span, found
        match = again[0]
        start = rest.start_char
        trimmed = span.doc.char_span(start, start + match.end, alignment_mode="expand")
        if trimmed is None or len(trimmed) == 0:
            return span, found
        return trimmed, replace(match, start=start + match.start, end=start + match.end)

    @staticmethod
    def alone_on_its_line(span: Span) -> bool:
        """ "[1]." or "3" on a line of its own in an article: a list or footnote number, a page
        number, not a figure anyone stated (a text that is only the number is one)."""
        text = doc_text(span.doc)
        left = text.rfind("\n", 0, span.start_char) + 1
        right = text.find("\n", span.end_char)
        if not text[:left].strip() and (right == -1 or not text[right:].strip()):
            return False
        line = text[left : right if right != -1 else len(text)]
        rest = line[: span.start_char - left] + line[span.end_char - left :]
        return not any(c.isalnum() for c in rest)

    @staticmethod
    def add(span: Span, fig: figparse.Figure, spans: list[Span], taken: list[bool]) -> None:
        span._.claimtrack_figure = FigureInfo.from_reading(fig)
        spans.append(span)
        for i in range(span.start, span.end):
            taken[i] = True

    def keep(self, span: Span, found: figparse.FigureMatch) -> bool:
        """False for what the parse shows is not a figure (see the module docstring)."""
        fig = found.figure
        money = fig.currency is not None or fig.unit == "percent"
        numbers = [t for t in span if t.like_num or t.is_digit or t.pos_ == "NUM"] or list(span)
        if not money:
            for ent in {self.entity_of(tok) for tok in numbers} - {None}:
                assert ent is not None
                if ent.label_ in self.rules.entity_labels and self.is_date(ent, span, fig):
                    return False
                if ent.label_ in self.rules.name_labels and found.bare and self.is_name(ent, span):
                    return False
        if self.intensifier(span, fig):
            return False
        if not found.bare:
            return True
        last = numbers[-1]
        # "one specific protection", "one day": a determiner, not a count
        if found.words and len(span) == 1 and span[0].lower_ == "one":
            return False
        # "Brigade 45", "Interstate 95": a number naming the proper noun before it
        head = last.head
        if (
            head.i < last.i
            and head.pos_ == "PROPN"
            and last.dep_ in ("nummod", "appos", "npadvmod")
        ):
            return False
        if self.code_name(span) or self.title_number(span):
            return False
        # "2014" on its own is a year unless it counts a noun ("2014 people")
        return not (len(span) == 1 and YEAR.fullmatch(span.text) and last.dep_ != "nummod")

    @staticmethod
    def code_name(span: Span) -> bool:
        """ "a 911 caller", "a 747 jet", "a 529 plan": "a" and a number of three digits or
        more before one thing is that thing's name ("a 500-word essay" is a compound
        adjective; "a 12 member board" and "a 3 point lead" stay)."""
        doc = span.doc
        if len(span) != 1 or not span.text.isdigit() or len(span.text) < 3:
            return False
        if span.start == 0 or span.end >= len(doc) or doc[span.start - 1].lower_ not in ("a", "an"):
            return False
        noun = doc[span.end]
        return noun.tag_ == "NN" and span[0].head == noun

    @staticmethod
    def title_number(span: Span) -> bool:
        """ "on The 411", "a clip of 'The 100.'": a capitalised "The" inside a sentence, or
        opening a quotation that ends with the number, before a bare number that heads its
        noun phrase is a title ("The 12 were freed" opening a sentence stays a count)."""
        doc = span.doc
        if len(span) != 1 or span.start < 2 or doc[span.start - 1].text != "The":
            return False
        after = doc[span.end] if span.end < len(doc) else None
        if after is not None and (after.pos_ in ("NOUN", "PROPN", "NUM") or after.lower_ == "of"):
            return False
        before = doc[span.start - 2]
        if before.is_quote:
            rest = doc[span.end : span.end + 3]
            closing = next((t for t in rest if not t.is_punct or t.is_quote), None)
            return closing is not None and closing.is_quote
        return before.is_alpha  # after a word, "The" is capitalised only as a name's

    @staticmethod
    def intensifier(span: Span, fig: figparse.Figure) -> bool:
        """ "100 percent wrong", "110 percent behind the plan": a degree, not a share ("rose
        100 percent" and "a 100 percent increase" stay)."""
        if fig.unit != "percent" or fig.qualifier != "exact" or (fig.value or 0) < 100:
            return False
        root = span.root
        head = root.head
        # a predicate complement is a degree whatever its tag ("are 100 percent wrong" with
        # non-breaking spaces, which the tagger may read as a noun)
        return root.dep_ in ("npadvmod", "advmod") and (
            head.pos_ in ("ADJ", "ADV", "ADP") or head.dep_ == "acomp"
        )

    def entity_of(self, tok: Token) -> Span | None:
        return self._ents.get(tok.i) if tok.ent_type else None

    def is_date(self, ent: Span, span: Span, fig: figparse.Figure) -> bool:
        """A DATE/TIME/ORDINAL entity that really is one: it names a month, day, year or time
        unit ("Feb. 24", "in the past three years", "2014"); the small model also labels bare
        numbers DATE ("one and a half"), which stay figures."""
        if ent.label_ == "ORDINAL":  # "75ml" is no ordinal
            return fig.unit is None and (fig.value is None or float(fig.value).is_integer())
        if len(span) == 1 and YEAR.fullmatch(span.text):
            return True
        if fig.unit is not None and fig.unit.split("/")[0] in self.rules.durations:
            return False  # "jailed for 15 years": a duration is a figure
        for tok in ent:
            if tok.lower_ in self.rules.date_words:
                return True
        return fig.unit is not None and fig.unit.split("/")[0] in self.rules.date_words

    @staticmethod
    def is_name(ent: Span, span: Span) -> bool:
        """A name entity with a word of its own besides the number ("Brigade 45")."""
        return any(
            tok.is_alpha and not tok.like_num and not (span.start <= tok.i < span.end)
            for tok in ent
        )
