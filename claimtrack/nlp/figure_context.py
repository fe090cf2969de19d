"""Figure context: what a figure counts, the verb it belongs to, where, when and about whom.

Conflicts compare figures only when they describe the same quantity, so each figure needs more
than its number: `counted` ("inquiry about volunteering", "American volunteer"), `predicate`
("receive", "join", "make cut"), `place` ("Kazakhstan"), `period` ("since the war began") and
`scope` (who a payment goes to: "soldier"). All of it is read off the dependency parse around the
figure's noun and its governing verb, never off a window of characters: an English noun phrase
keeps its modifiers as children, a clause its time and place adverbials.

A rate ("per month", "a month", "monthly") is written into `unit` as "<unit>/<time unit>"
("UAH/month"; "count/day" for a plain count), because a rate and a one-off sum are different
quantities. Lexicons: figure_context.json and zero_statements.json, read by
`claimtrack.nlp.context_lexicon`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from claimtrack import figparse
from claimtrack.lexicons import Overrides
from claimtrack.nlp.annotations import FIGURES, FigureInfo, register_extensions
from claimtrack.nlp.context_lexicon import ContextLexicon, load_context_lexicon
from claimtrack.nlp.figure_groups import COMPARATIVES, ImplicitGroups, sentence_of
from claimtrack.nlp.figure_measures import counts_nothing, is_share
from claimtrack.nlp.holders import INHERIT, HolderReader
from claimtrack.nlp.periods import PeriodReader, span_order, tidy
from claimtrack.nlp.syntax import NOUNS, SUBJECTS, VERBS, child_of

# Dependents that sit inside a noun phrase or a number and lead up to the phrase's head.
PHRASE_INTERNAL = frozenset(
    {"appos", "conj", "nummod", "compound", "quantmod", "nmod", "amod", "advmod", "npadvmod"}
)
# Dependents whose head verb is the figure's predicate.
# How a number attaches to the noun it counts ("6,000 inquiries", "a dozen attacks", "10% chance").
MODIFIES = frozenset({"nummod", "quantmod", "compound", "amod", "nmod", "npadvmod"})
# Entities that are no group a number counts.
UNCOUNTABLE_LABELS = frozenset({"MONEY", "PERCENT", "QUANTITY", "DATE", "TIME", "CARDINAL"})
ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "dative", "oprd", "csubj"})
# Plurals in -xes, -ches, -shes, -sses whose lemma the lemmatizer may take for a Greek or
# Latin one ("taxes" -> "taxis", "axes" -> "axis"): the English plural loses its "-es".
_ES_PLURAL = re.compile(r"\w+(?:x|ch|sh|ss|zz)es")


@Language.factory(
    "claimtrack_figure_context",
    assigns=["span._.claimtrack_figure"],
    requires=["doc.spans", "doc.ents", "token.dep", "token.pos", "token.lemma"],
    default_config={"lexicons": {}},
)
def make_figure_context(nlp: Language, name: str, *, lexicons: dict[str, str]) -> FigureContext:
    return FigureContext(lexicons=lexicons)


class FigureContext:
    """Fills the context of every figure in `doc.spans["claimtrack_figures"]`."""

    def __init__(self, *, lexicons: Overrides | None = None) -> None:
        register_extensions()
        self.lex = load_context_lexicon(lexicons)

    def __call__(self, doc: Doc) -> Doc:
        doc.spans[FIGURES] = annotate(doc, list(doc.spans.get(FIGURES, [])), self.lex)
        return doc


# -- the public function -------------------------------------------------------------------------


def annotate(doc: Doc, figures: list[Span], lex: ContextLexicon | None = None) -> list[Span]:
    """Fill counted/predicate/place/period/scope on each figure's FigureInfo (rates go into
    `unit`), and return the figures that have one, in document order."""
    register_extensions()
    reader = ContextReader(doc, lex or load_context_lexicon())
    kept = sorted((f for f in figures if f._.claimtrack_figure is not None), key=span_order)
    time_units = figparse.lexicon().time_units
    age_after = figparse.lexicon().age_after
    durations = {
        f.start
        for f in kept
        if _is_duration(f._.claimtrack_figure, time_units) and not _is_age(f, age_after)
    }
    reader.durations = durations
    # (sentence start, counted, end of its phrase) of the last count figure
    previous: tuple[int, str, int] | None = None
    # (sentence start, attribute, holder) of the last sum or share with an attribute
    previous_value: tuple[int, str, str | None] | None = None
    # (sentence start, group, predicate) of the last share whose group an "of" phrase named
    previous_share: tuple[int, str, str | None] | None = None
    currency: str | None = None  # the last currency the article named
    for span in kept:
        info: FigureInfo = span._.claimtrack_figure
        if info.currency is None and reader.implied_sum(span, info):
            # "the tens of millions flowing into races": a sum in the article's last currency
            info.currency = currency
            info.unit = currency or "money"
        currency = info.currency or currency
        reader.fill(span, info)
        sent_start = sentence_of(span).start
        if info.counted == INHERIT:
            # "one magazine lists her fortune at $1.5 billion, another says it is $2 billion"
            info.counted = None
            if previous_value is not None and _same_or_previous(doc, previous_value[0], sent_start):
                _, info.counted, holder = previous_value
                info.holder = info.holder or holder
        elif info.counted is not None and _has_unit(info):
            previous_value = (sent_start, info.counted, info.holder)
        if (
            info.counted is None
            and not _has_unit(info)
            and previous is not None
            and reader.bare_number(span, previous[2])
            and _same_or_previous(doc, previous[0], sent_start)
            and not _names_people(doc, span, previous[0], sent_start)
        ):
            # "More than 50,000 crossed into Finland": an elided noun refers back to the last
            # counted figure, in this sentence or the one before.
            info.counted = previous[1]
        elif (
            previous is not None
            and info.predicate is not None
            and _same_or_previous(doc, previous[0], sent_start)
            and _shortens(info.counted, previous[1])
        ):
            # "take in 5,000 Eritrean refugees (Lee proposed 800 Eritreans)": the people
            # named by their group alone are the group's people just counted, when something
            # is done to them ("traded 10 Eritrean spies for four Eritreans" is no count of spies)
            info.counted = previous[1]
        if info.counted is not None and not _has_unit(info):
            previous = (sent_start, info.counted, reader.phrase_end(span))
        if _is_share(info):
            if info.counted is None and previous_share is not None:
                # "45% of voters back her, compared to 39% for him", "Iowa (93% of voters),
                # Ohio (79%)": a share with its group left out is of the group just named
                share_sent, group, predicate = previous_share
                if share_sent == sent_start and (
                    info.predicate == predicate or reader.elliptical(span)
                ):
                    info.counted = group
            elif info.counted is not None and span.start in reader.of_groups:
                previous_share = (sent_start, info.counted, info.predicate)
    reader.periods.assign_leftovers()
    # "in the past three years, 5,000 left": a duration that is another figure's period is not
    # a figure of its own
    used = reader.periods.used
    return [
        f
        for f in kept
        if f.start not in durations or not any(a <= f.start and f.end <= b for a, b in used)
    ]


def _names_people(doc: Doc, span: Span, previous_sent_start: int, sent_start: int) -> bool:
    """ "Lee and Park met. The two raised $350 million": "the two" across a sentence refers
    to the people or bodies named between, not to the last counted noun."""
    if previous_sent_start == sent_start or span.start == 0 or doc[span.start - 1].lower_ != "the":
        return False
    return any(
        e.label_ in ("PERSON", "ORG") and previous_sent_start <= e.start < span.start
        for e in doc.ents
    )


def _shortens(counted: str | None, earlier: str) -> bool:
    """ "Eritrean" after "Eritrean refugee": a people's name alone (one capitalised word) that
    opens the phrase counted just before it."""
    if not counted or " " in counted or not counted[:1].isupper():
        return False
    words = earlier.split()
    return len(words) > 1 and words[0] == counted


def _copula_idiom(verb: Token, idioms: frozenset[str]) -> str | None:
    """ "are in play", "will be at stake": the words right after the copula, when they are
    one of `copula_idioms`."""
    doc = verb.doc
    for idiom in idioms:
        words = doc[verb.i + 1 : verb.i + 2 + idiom.count(" ")]
        if " ".join(t.lower_ for t in words) == idiom:
            return idiom
    return None


def _is_share(info: FigureInfo) -> bool:
    return info.unit in {"percent", "fraction"}


def _is_number(token: Token) -> bool:
    return token.like_num or token.pos_ == "NUM"


def _is_age(span: Span, age_after: frozenset[str]) -> bool:
    """ "3 years old", "18 months of age": an age, never a period."""
    doc = span.doc
    after = [t.lower_ for t in doc[span.end : span.end + 2]]
    return bool(after) and (after[0] in age_after or after == ["of", "age"])


def _is_duration(info: FigureInfo, time_units: frozenset[str]) -> bool:
    return (info.unit or "").split("/")[0] in time_units


def _has_unit(info: FigureInfo) -> bool:
    return bool(info.unit or info.currency)


def _same_or_previous(doc: Doc, previous_sent_start: int, sent_start: int) -> bool:
    if previous_sent_start == sent_start:
        return True
    if sent_start == 0:
        return False
    return sentence_of(doc[sent_start - 1 : sent_start]).start == previous_sent_start


# -- reading the parse ---------------------------------------------------------------------------


class ContextReader(ImplicitGroups):
    """The rules, over one Doc. Every step is a bounded walk over heads and children."""

    def __init__(
        self, doc: Doc, lex: ContextLexicon, figure_tokens: set[int] | None = None
    ) -> None:
        self.doc = doc
        self.lex = lex
        self._ents: dict[int, Span] | None = None
        self._figure_tokens: set[int] = set() if figure_tokens is None else figure_tokens
        self.periods = PeriodReader(doc, lex, self._figure_tokens)
        self.durations: set[int] = set()  # start tokens of the figures that are durations
        # start tokens of the figures whose group is named in an "of" phrase ("42% of voters")
        self.of_groups: set[int] = set()
        self.holders = HolderReader(doc, lex)

    # entity lookup, built once per doc when first needed
    def ent(self, token: Token) -> Span | None:
        if self._ents is None:
            self._ents = {t.i: ent for ent in self.doc.ents for t in ent}
        return self._ents.get(token.i)

    def fill(self, span: Span, info: FigureInfo) -> None:
        if span.start not in self.durations:  # a duration may still be a period
            self._figure_tokens.update(range(span.start, span.end))
        people = self.aged_people(span, info)
        if people is not None:
            info.unit = "year"  # "voters under 30": their age
            if people.pos_ == "NOUN" and not self.stated_age(span):
                info.counted = info.counted or self.phrase(people, complement=False)
        unitful = _has_unit(info)
        money = bool(info.currency) or (info.unit or "").split("/")[0] == "money"
        noun, governor = self.anchor(span, unitful)
        if unitful and noun is not None:
            noun = self.past_unit(noun, span)
        if money and noun is not None and self.reports(noun):
            noun = None  # "the $20 million experts say it costs": a sum is not its reporters
        if info.counted is None and noun is not None:
            info.counted = self.counted(noun, span)
        info.counted = info.counted or (None if unitful else self.headline_count(span))
        self.poll_points(span, info)
        if info.counted is None and money:
            info.counted = self.money_counted(span, governor)
        verb, predicate = self.predicate(governor)
        if info.predicate is None:
            info.predicate = predicate
        about = self.fill_holder(info, noun, verb, governor)
        if info.place is None:
            info.place = self.place(noun, verb, governor)
        if info.period is None:
            window = self.periods.period(noun, verb)
            if window is not None and self.another_duration(span, window):
                window = None  # "take four-and-a-half, five years": a second guess, no period
            if window is not None:
                self.periods.used.add((window.start, window.end))
                info.period = self.periods.period_text(window)
            else:
                phrase_end = max(span.end, noun.right_edge.i + 1 if noun is not None else 0)
                self.periods.pending.append((phrase_end, info))
        if info.scope is None and verb is not None:
            info.scope = self.scope(verb, governor, noun, money)
        if counts_nothing(span, info, noun, duration=not people and span.start in self.durations):
            info.counted = None  # "90 minutes of talks", "a 10 percent drop": a measure
        rate = rate_of(self.lex, span, governor, about if info.currency else None)
        if rate is not None:
            base = info.unit or info.currency or "count"
            if "/" not in base and rate.split()[-1] not in base:  # not "every 12 hours" again
                info.unit = f"{base}/{rate}"

    def fill_holder(
        self, info: FigureInfo, noun: Token | None, verb: Token | None, governor: Token
    ) -> Token | None:
        """Whose figure; for a sum or share with no counted noun, what it is the value of."""
        about, owner = noun, None
        if info.counted is None and _has_unit(info):
            money = bool(info.currency) or (info.unit or "").split("/")[0] == "money"
            attribute, owner = self.holders.attribute(governor, verb, money=money)
            if isinstance(attribute, str):
                info.counted = attribute  # "pegged Roe at $3 billion": her worth
            elif attribute is not None:
                about = attribute
                if not is_share(info):  # "the jobless rate is 33%" is of a whole not named
                    info.counted = (
                        self.phrase(attribute, complement=False)
                        if attribute.pos_ == "NOUN"
                        else attribute.lower_
                    )
            elif self.holders.attribute_inherits(governor, verb):
                info.counted = INHERIT
        if info.holder is None:
            named = self.holders.owner(owner) if owner is not None else None
            info.holder = named or self.holders.holder(about, verb, governor)
        return about

    def another_duration(self, span: Span, window: Span) -> bool:
        """Whether a duration's period would be the duration after a comma that guesses again
        ("four, five years"; "12 years over the past two decades" is a period)."""
        durations, doc = self.durations, self.doc
        if span.start not in durations or span.end >= len(doc) or doc[span.end].text != ",":
            return False
        return window.start <= span.end + 3 and any(t.i in durations for t in window)

    # what the figure is attached to ---------------------------------------------------------

    def is_countable(self, token: Token) -> bool:
        return (
            token.pos_ in NOUNS
            and not token.like_num
            and token.lemma_.lower() not in self.lex.quantity_words
            and token.lower_ not in self.lex.quantity_words
            and token.ent_type_ not in UNCOUNTABLE_LABELS
        )

    def is_group(self, token: Token) -> bool:
        """A noun a number can count: a singular name ("10 Mike") is none; "15 Democrats",
        "two Koreas" are."""
        return self.is_countable(token) and not (
            token.tag_ == "NNP" and token.ent_type_ not in self.lex.group_labels
        )

    def anchor(self, span: Span, unitful: bool) -> tuple[Token | None, Token]:
        """(the noun that says what is counted or None, the token whose role in the clause is
        the figure's). "thousands of requests" -> (requests, thousands); "6,000 inquiries" ->
        (inquiries, inquiries); "one-quarter of whom" -> (whom, quarter)."""
        root = span.root
        if (
            not unitful
            and self.is_group(root)
            and root.lemma_.lower() not in self.lex.container_nouns
        ):
            return root, root
        for token in self._span_and_tail(span):
            of = child_of(token, "prep", "of")
            if of is None:
                continue
            # "officials whom millions of Americans distrust": the parser may hang the
            # relative pronoun before the figure on "of" too; what is counted follows "of"
            obj = next(
                (c for c in of.rights if c.dep_ in ("pobj", "pcomp")),
                child_of(of, "pobj") or child_of(of, "pcomp"),
            )
            if obj is not None and obj.lemma_.lower() in self.lex.quantity_words:
                continue  # "hundreds of thousands": still the number
            if obj is not None and (obj.pos_ in NOUNS or obj.pos_ == "PRON"):
                if not (unitful and span.start <= obj.i < span.end):
                    self.of_groups.add(span.start)
                return obj, token
        restated = self.restated_share(span)
        if restated is not None:
            return restated
        inside = range(span.start, span.end)
        for token in (root, *span):
            head, dep = token.head, token.dep_
            if dep == "conj" and head.dep_ in MODIFIES and _is_number(head):
                # "one or two big ideas": the noun of the first number
                head, dep = head.head, head.dep_
            elif dep in MODIFIES and head.dep_ == "amod" and head.lower_ in COMPARATIVES:
                # "12 more schools", "2 million more children": the noun after "more"
                head, dep = self.compared_noun(head), "amod"
            elif not unitful and head.dep_ == "compound" and head.head.i > head.i >= span.end:
                head = head.head if head.tag_ == "NN" else head  # "four candidate forums"
            if (
                dep in MODIFIES
                and head.i not in inside
                and head.i not in self._figure_tokens
                and self.is_group(head)
            ):
                return head, head
        return None, root

    def _span_and_tail(self, span: Span) -> Iterator[Token]:
        """The span's tokens and the number words right after it ("nearly one" + "-quarter")."""
        yield from span
        doc = span.doc
        i = span.end
        while i < len(doc) and i < span.end + 3:
            token = doc[i]
            if token.is_punct and token.text in "-–":
                i += 1
                continue
            if token.lemma_.lower() in self.lex.quantity_words:
                yield token
                i += 1
                continue
            break

    def bare_number(self, span: Span, previous_end: int) -> bool:
        """A number standing for its noun: the subject or object itself ("50,000 crossed"), or
        the other side of a tally right after the last count ("won 34 delegates to zero")."""
        root = span.root
        if not (root.like_num or root.pos_ == "NUM") or self.value_of_subject(root):
            return False
        if root.dep_ in ARGUMENTS or self.elliptical(span):
            return True  # "25 million votes, compared with 16 million for her"
        head = root.head
        return (
            root.dep_ == "pobj"
            and head.lower_ in self.lex.comparison_preps | {"to"}
            and head.i - previous_end <= 1
        )

    @staticmethod
    def phrase_end(span: Span) -> int:
        """The index after the figure's noun phrase ("34 delegates" in "34 delegates to zero")."""
        root = span.root
        while root.dep_ in MODIFIES and root.head.i > root.i:
            root = root.head
        return max(span.end, root.i + 1)

    def counted(self, noun: Token, span: Span) -> str | None:
        if noun.pos_ == "PRON":
            described = self.described_group(noun)
            return described if described is not None else self.antecedent(noun, span)
        return self.group_phrase(noun)

    def phrase(self, noun: Token, *, complement: bool) -> str | None:
        """Head lemma with the modifiers that say which group: compounds, nationality, place
        and a few classifying adjectives, one complement ("inquiry about volunteering")."""
        if noun.pos_ == "PRON" or noun.lower_ in self.lex.pronoun_subjects:
            return None
        mods = []
        for child in noun.lefts:
            if child.i in self._figure_tokens or child.like_num:
                continue
            if (self.is_key_modifier(child) or self.classifies(child)) and self.word(child):
                mods += [*self.compound_modifiers(child), self.modifier_words(child)]
        origin = self.origin(noun) if complement else None
        if origin is not None:
            mods.append(origin)
        words = [*mods, self.hyphenated(noun) or self.word(noun) or noun.text]
        if complement:
            for child in noun.rights:
                if child.dep_ != "prep" or child.lower_ not in self.lex.complement_preps:
                    continue
                obj = child_of(child, "pobj") or child_of(child, "pcomp")
                if obj is None or obj.pos_ == "PRON" or obj.i in self._figure_tokens:
                    continue
                words_of = self.word(obj) and self.phrase(obj, complement=False)  # with compounds
                complement = obj.lower_ if obj.pos_ == "VERB" else words_of
                if complement and (obj.pos_ in NOUNS or obj.pos_ == "VERB"):
                    words += [child.lower_, complement]  # not "judge of" a name cut short
                break
        return " ".join(words)

    def is_key_modifier(self, child: Token) -> bool:
        if child.lower_ in self.lex.zero_adjectives:
            return False  # "unpaid volunteers" are the volunteers the zero figure is about
        if child.dep_ == "compound" and child.pos_ in NOUNS and self.is_countable(child):
            return True
        return child.dep_ in {"amod", "nmod", "compound"} and (
            child.ent_type_ in self.lex.group_labels
            or child.lemma_.lower() in self.lex.key_adjectives
            or child.lower_ in self.lex.key_adjectives
        )

    def word(self, token: Token) -> str:
        """Proper names and nationalities keep their case, in the singular ("Americans" ->
        "American"), whole ("New Jersey police officers" -> "New Jersey police officer"); other
        words are lower-case lemmas."""
        if token.ent_type_ in self.lex.group_labels or token.pos_ == "PROPN":
            ent = self.ent(token)
            text = token.text
            if ent is not None and len(ent) > 1:
                if ent.end != token.i + 1:
                    return ""  # said with the name's last word
                text = ent.text  # the name's earlier words hang on its last one
            if token.tag_ == "NNPS" or (
                token.ent_type_ == "NORP" and text.endswith("s") and not text.endswith("ss")
            ):
                text = text[:-1]
            return text
        if token.dep_ == "amod":
            return token.lower_  # "registered voters", not "register voter"
        if token.dep_ == "compound" and token.tag_ == "NNS":
            return token.lower_  # "sales tax", "clothes shop": a plural modifier is its form
        if token.tag_ == "NNS" and _ES_PLURAL.fullmatch(token.lower_):
            return token.lower_[:-2]
        return token.lemma_.lower()

    def antecedent(self, pronoun: Token, span: Span) -> str | None:
        """ "nearly one-quarter of whom": the group of the nearest figure before it in the
        sentence, else the noun the relative clause hangs on."""
        if pronoun.lower_ not in self.lex.relative_pronouns:
            return None
        sent = sentence_of(span)
        best: str | None = None
        for token in reversed(range(sent.start, span.start)):
            candidate = self.doc[token]
            if candidate.i in self._figure_tokens and candidate.dep_ in PHRASE_INTERNAL:
                head = self.group_of(candidate.head)
                if head is not None and head.i < span.start:
                    best = self.phrase(head, complement=True)
                    break
        if best is not None:
            return best
        for ancestor in pronoun.ancestors:
            group = self.group_of(ancestor.head) if ancestor.dep_ == "relcl" else None
            if group is not None:
                return self.phrase(group, complement=True)
        return None

    # the clause around it ---------------------------------------------------------------------

    def predicate(self, governor: Token) -> tuple[Token | None, str | None]:
        """The verb the figure's phrase is an argument of, as a lemma (with its particle, and
        its object for a light verb: "made the cut" -> "make cut")."""
        token = governor
        for _ in range(8):
            if token.dep_ == "amod" and token.lower_ in self.lex.worth_words:
                # "a developer worth $3 billion bought the tower": the sum describes the
                # developer; what the developer did is no verb of it
                return None, None
            if token.dep_ in PHRASE_INTERNAL and token.head is not token:
                if token.head.pos_ in VERBS:
                    break
                token = token.head
                continue
            of = token.head
            if (
                token.dep_ == "pobj"
                and of.lower_ == "of"
                and of.head.lemma_.lower() in self.lex.container_nouns | self.lex.quantity_words
            ):
                token = of.head
                continue
            break
        verb: Token | None = None
        if token.dep_ in ARGUMENTS and token.head.pos_ in VERBS:
            verb = token.head
        elif token.dep_ == "pobj" and token.head.dep_ == "agent":
            verb = token.head.head
        if verb is None:
            return None, None
        lemma = verb.lemma_.lower()
        particle = child_of(verb, "prt")
        if particle is not None:
            lemma = f"{lemma} {particle.lower_}"
        elif lemma in self.lex.light_verbs and token.dep_ in SUBJECTS:
            obj = child_of(verb, "dobj")
            if obj is not None and obj.pos_ in NOUNS:
                lemma = f"{lemma} {obj.lemma_.lower()}"
        elif lemma == "be" and token.dep_ in SUBJECTS:
            idiom = _copula_idiom(verb, self.lex.copula_idioms)
            if idiom is not None:
                lemma = f"be {idiom}"  # "nine states are in play": what they are doing
        if child_of(verb, "neg") is not None:
            # "is not admitting 100,000 refugees" denies the figure rather than states it: a
            # different predicate, so it is never compared with "admitting 10,000"
            lemma = f"not {lemma}"
        return verb, lemma

    def place(self, noun: Token | None, verb: Token | None, governor: Token) -> str | None:
        """A place named by the counted noun's or the verb's locative ("entered Kazakhstan",
        "crossed into Finland"); not the subject's own modifiers ("the embassy in Washington")."""
        for head in (noun, verb):
            if head is None:
                continue
            for child in head.children:
                target: Token | None = None
                if child.dep_ == "prep" and child.lower_ in self.lex.place_preps:
                    target = child_of(child, "pobj")
                elif head is verb and child.dep_ == "dobj" and child is not governor:
                    target = child
                if target is not None and target.ent_type_ in self.lex.place_labels:
                    ent = self.ent(target)
                    return tidy(ent.text if ent is not None else target.text)
        return None

    def scope(self, verb: Token, governor: Token, noun: Token | None, money: bool) -> str | None:
        """Who the figure is about when it is not what is counted: the recipient of a payment
        ("pay its soldiers 100,000 hryvnias", "$10,000 to every Russian")."""
        for child in verb.children:
            if child is governor or child is noun:
                continue
            target: Token | None = None
            if child.dep_ == "dative" and child.pos_ in NOUNS:
                target = child
            elif child.dep_ in {"dative", "prep"} and child.lower_ == "to":
                target = child_of(child, "pobj")
            if self.is_scope(target):
                return self.phrase(target, complement=False)  # type: ignore[arg-type]
        if money:
            restated = {t.i for t in governor.ancestors} | {governor.i}
            for child in verb.children:
                if child.dep_ == "dobj" and child.i not in restated and self.is_scope(child):
                    return self.phrase(child, complement=False)
        return None

    def is_scope(self, target: Token | None) -> bool:
        return (
            target is not None
            and target.pos_ in NOUNS
            and target.ent_type_ not in self.lex.place_labels
            and target.ent_type_ not in {"MONEY", "CARDINAL", "PERCENT", "QUANTITY"}
            and target.i not in self._figure_tokens
        )


def rate_of(
    lex: ContextLexicon, span: Span, governor: Token, about: Token | None = None
) -> str | None:
    """ "per month", "a month", "monthly", on the figure, on what it is in apposition to
    ("100,000 hryvnias -- $3,300 -- per month") or is the value of ("weekly pay is $300")."""
    tokens = [*span, governor]
    if about is not None and about.i not in range(span.start, span.end):
        tokens.append(about)
    tokens += [c for c in governor.children if c.dep_ == "appos"]
    if governor.dep_ == "appos":
        tokens.append(governor.head)
    if governor.dep_ == "dobj":
        tokens.append(governor.head)  # "pays $300 every month": the verb's rate is the sum's
    for token in tokens:
        for child in token.children:
            unit = _rate_word(lex, child)
            if unit is not None:
                return unit
    return None


def _rate_word(lex: ContextLexicon, child: Token) -> str | None:
    units = lex.time_units
    if child.dep_ == "prep" and child.lower_ in lex.rate_preps:
        obj = child_of(child, "pobj")
        if obj is not None and obj.lemma_.lower() in units:
            return _periods(obj, units[obj.lemma_.lower()])
    if child.dep_ == "npadvmod" and child.lemma_.lower() in units:
        det = child_of(child, "det")
        if det is not None and det.lower_ in lex.rate_preps:
            return _periods(child, units[child.lemma_.lower()])
    if (
        child.dep_ in {"advmod", "amod"}
        and child.lower_ in units
        and (child.lower_.endswith("ly") or child.pos_ == "ADJ")  # "weekly", "annual"
    ):
        return units[child.lower_]
    return None


def _periods(noun: Token, unit: str) -> str:
    """ "every three months" is a rate per "3 month", not per month."""
    count = child_of(noun, "nummod")
    if count is None:
        return unit
    found = figparse.find(noun.doc[count.left_edge.i : count.i + 1].text)
    value = found[0].figure.value if len(found) == 1 else None
    return unit if value is None or value == 1 else f"{value:g} {unit}"
