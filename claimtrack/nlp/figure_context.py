"""Figure context: what a figure counts, the verb it belongs to, where, when and about whom; and
statements of none, read as figures of zero.

Conflicts compare figures only when they describe the same quantity, so each figure needs more
than its number: `counted` ("inquiry about volunteering", "American volunteer"), `predicate`
("receive", "join", "make cut"), `place` ("Kazakhstan"), `period` ("since the war began") and
`scope` (who a payment goes to: "soldier"). All of it is read off the dependency parse around the
figure's noun and its governing verb, never off a window of characters: an English noun phrase
keeps its modifiers as children, a clause its time and place adverbials.

A statement of none is a figure too: "volunteers would not be paid a salary" says the pay is
zero, and must meet "will pay its soldiers 100,000 hryvnias per month" in the conflicts. Such a
statement becomes a zero figure over its negating words. A zero about pay has unit "money" and no
currency: zero is zero in any currency, so it compares with money in every currency.

A rate ("per month", "a month", "monthly") is written into `unit` as "<unit>/<time unit>"
("UAH/month"; "count/day" for a plain count), because a rate and a one-off sum are different
quantities. Lexicons: claimtrack/lexicons/figure_context.json and zero_statements.json.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from claimtrack.nlp.ext import FigureInfo, register_extensions

NOUNS = frozenset({"NOUN", "PROPN"})
VERBS = frozenset({"VERB", "AUX"})
# Dependents that sit inside a noun phrase or a number and lead up to the phrase's head.
PHRASE_INTERNAL = frozenset(
    {"appos", "conj", "nummod", "compound", "quantmod", "nmod", "amod", "advmod", "npadvmod"}
)
# Dependents whose head verb is the figure's predicate.
# How a number attaches to the noun it counts ("6,000 inquiries", "a dozen attacks", "10% chance").
MODIFIES = frozenset({"nummod", "quantmod", "compound", "amod", "nmod", "npadvmod"})
ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "dative", "oprd", "csubj"})
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# Right dependents a time clause keeps; anything else ends it ("after X was announced, with ...").
CLAUSE_STOP = frozenset({"punct", "cc", "conj", "advcl", "relcl", "parataxis"})


@dataclass(frozen=True, slots=True)
class Lexicon:
    quantity_words: frozenset[str]
    container_nouns: frozenset[str]
    relative_pronouns: frozenset[str]
    key_adjectives: frozenset[str]
    complement_preps: frozenset[str]
    money_complement_preps: frozenset[str]
    light_verbs: frozenset[str]
    period_preps: frozenset[str]
    period_preps_if_temporal: frozenset[str]
    period_marks: frozenset[str]
    period_adverbs: dict[str, str]
    temporal_nouns: frozenset[str]
    place_preps: frozenset[str]
    place_labels: frozenset[str]
    group_labels: frozenset[str]
    time_units: dict[str, str]
    rate_preps: frozenset[str]
    pronoun_subjects: frozenset[str]
    negated_verbs: dict[str, str]
    negation_words: frozenset[str]
    without_nouns: dict[str, str | None]
    zero_adjectives: dict[str, str]
    none_determiners: frozenset[str]
    zero_nouns: dict[str, str | None]
    money_nouns: frozenset[str]


def _read(name: str) -> dict[str, Any]:
    text = (resources.files("claimtrack") / "lexicons" / name).read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


@cache
def lexicon() -> Lexicon:
    ctx = _read("figure_context.json")
    zero = _read("zero_statements.json")

    def words(data: dict[str, Any], key: str) -> frozenset[str]:
        return frozenset(w.lower() for w in data[key])

    return Lexicon(
        quantity_words=words(ctx, "quantity_words"),
        container_nouns=words(ctx, "container_nouns"),
        relative_pronouns=words(ctx, "relative_pronouns"),
        key_adjectives=words(ctx, "key_adjectives"),
        complement_preps=words(ctx, "complement_preps"),
        money_complement_preps=words(ctx, "money_complement_preps"),
        light_verbs=words(ctx, "light_verbs"),
        period_preps=words(ctx, "period_preps"),
        period_preps_if_temporal=words(ctx, "period_preps_if_temporal"),
        period_marks=words(ctx, "period_marks"),
        period_adverbs={k.lower(): v for k, v in ctx["period_adverbs"].items()},
        temporal_nouns=words(ctx, "temporal_nouns"),
        place_preps=words(ctx, "place_preps"),
        place_labels=frozenset(ctx["place_labels"]),
        group_labels=frozenset(ctx["group_labels"]),
        time_units={k.lower(): v for k, v in ctx["time_units"].items()},
        rate_preps=words(ctx, "rate_preps"),
        pronoun_subjects=words(ctx, "pronoun_subjects"),
        negated_verbs={k.lower(): v for k, v in zero["negated_verbs"].items()},
        negation_words=words(zero, "negation_words"),
        without_nouns={k.lower(): v for k, v in zero["without_nouns"].items()},
        zero_adjectives={k.lower(): v for k, v in zero["zero_adjectives"].items()},
        none_determiners=words(zero, "none_determiners"),
        zero_nouns={k.lower(): v for k, v in zero["zero_nouns"].items()},
        money_nouns=words(zero, "money_nouns"),
    )


_MATCHERS: dict[int, tuple[Vocab, Matcher]] = {}


def _zero_matcher(vocab: Vocab) -> Matcher:
    """Single-token cue patterns; the dependency checks run only on their few hits."""
    key = id(vocab)
    cached = _MATCHERS.get(key)
    if cached is not None and cached[0] is vocab:
        return cached[1]
    lex = lexicon()
    matcher = Matcher(vocab)
    matcher.add("NEG_VERB", [[{"LEMMA": {"IN": sorted(lex.negated_verbs)}, "POS": "VERB"}]])
    matcher.add("WITHOUT", [[{"LOWER": "without"}]])
    matcher.add("ZERO_ADJ", [[{"LOWER": {"IN": sorted(lex.zero_adjectives)}}]])
    matcher.add("NONE_DET", [[{"LOWER": {"IN": sorted(lex.none_determiners)}}]])
    _MATCHERS[key] = (vocab, matcher)
    return matcher


# -- the public function -------------------------------------------------------------------------


def annotate(doc: Doc, figures: list[Span]) -> list[Span]:
    """Fill counted/predicate/place/period/scope on each figure's FigureInfo (rates go into
    `unit`), and return the figures to keep plus the zero figures of statements of none, in
    document order."""
    register_extensions()
    lex = lexicon()
    reader = _Reader(doc, lex)
    kept = sorted((f for f in figures if f._.claimtrack_figure is not None), key=_order)
    taken: set[int] = {i for f in kept for i in range(f.start, f.end)}
    previous: tuple[int, str] | None = None  # (sentence start, counted) of the last count figure
    for span in kept:
        info: FigureInfo = span._.claimtrack_figure
        reader.fill(span, info)
        sent_start = _sent(span).start
        if (
            info.counted is None
            and not _has_unit(info)
            and previous is not None
            and reader.bare_number(span)
            and _same_or_previous(doc, previous[0], sent_start)
        ):
            # "More than 50,000 crossed into Finland": an elided noun refers back to the last
            # counted figure, in this sentence or the one before.
            info.counted = previous[1]
        if info.counted is not None and not _has_unit(info):
            previous = (sent_start, info.counted)
    reader.assign_leftover_periods()
    zeros = list(reader.zero_statements(taken))
    return sorted(kept + zeros, key=_order)


def _order(span: Span) -> tuple[int, int]:
    return (span.start, span.end)


def _has_unit(info: FigureInfo) -> bool:
    return bool(info.unit or info.currency)


def _sent(span: Span) -> Span:
    """The span's sentence; the whole doc when it has no sentence boundaries."""
    doc = span.doc
    if doc.has_annotation("SENT_START") or doc.has_annotation("DEP"):
        return span.sent
    return doc[:]


def _same_or_previous(doc: Doc, previous_sent_start: int, sent_start: int) -> bool:
    if previous_sent_start == sent_start:
        return True
    if sent_start == 0:
        return False
    return _sent(doc[sent_start - 1 : sent_start]).start == previous_sent_start


# -- reading the parse ---------------------------------------------------------------------------


class _Reader:
    """The rules, over one Doc. Every step is a bounded walk over heads and children."""

    def __init__(self, doc: Doc, lex: Lexicon) -> None:
        self.doc = doc
        self.lex = lex
        self._ents: dict[int, Span] | None = None
        self._used_periods: set[tuple[int, int]] = set()
        self._figure_tokens: set[int] = set()
        self._needs_period: list[tuple[int, FigureInfo]] = []  # (phrase end, figure)

    # entity lookup, built once per doc when first needed
    def ent(self, token: Token) -> Span | None:
        if self._ents is None:
            self._ents = {t.i: ent for ent in self.doc.ents for t in ent}
        return self._ents.get(token.i)

    def fill(self, span: Span, info: FigureInfo) -> None:
        self._figure_tokens.update(range(span.start, span.end))
        unitful = _has_unit(info)
        money = bool(info.currency) or (info.unit or "").split("/")[0] == "money"
        noun, governor = self.anchor(span, unitful)
        if info.counted is None and noun is not None:
            info.counted = self.counted(noun, span)
        if info.counted is None and money:
            info.counted = self.money_counted(span, governor)
        verb, predicate = self.predicate(governor)
        if info.predicate is None:
            info.predicate = predicate
        if info.place is None:
            info.place = self.place(noun, verb, governor)
        if info.period is None:
            window = self.period(noun, verb)
            if window is not None:
                self._used_periods.add((window.start, window.end))
                info.period = self.period_text(window)
            else:
                phrase_end = max(span.end, noun.right_edge.i + 1 if noun is not None else 0)
                self._needs_period.append((phrase_end, info))
        if info.scope is None and verb is not None:
            info.scope = self.scope(verb, governor, noun, money)
        rate = self.rate(span, governor)
        if rate is not None:
            base = info.unit or info.currency or "count"
            if "/" not in base:
                info.unit = f"{base}/{rate}"

    # what the figure is attached to ---------------------------------------------------------

    def is_countable(self, token: Token) -> bool:
        return (
            token.pos_ in NOUNS
            and not token.like_num
            and token.lemma_.lower() not in self.lex.quantity_words
            and token.lower_ not in self.lex.quantity_words
            and token.ent_type_ not in {"MONEY", "PERCENT", "QUANTITY", "DATE", "TIME", "CARDINAL"}
        )

    def anchor(self, span: Span, unitful: bool) -> tuple[Token | None, Token]:
        """(the noun that says what is counted or None, the token whose role in the clause is
        the figure's). "thousands of requests" -> (requests, thousands); "6,000 inquiries" ->
        (inquiries, inquiries); "one-quarter of whom" -> (whom, quarter)."""
        root = span.root
        if (
            not unitful
            and self.is_countable(root)
            and root.lemma_.lower() not in self.lex.container_nouns
        ):
            return root, root
        for token in self._span_and_tail(span):
            of = _child(token, "prep", "of")
            if of is None:
                continue
            obj = _child(of, "pobj") or _child(of, "pcomp")
            if obj is not None and obj.lemma_.lower() in self.lex.quantity_words:
                continue  # "hundreds of thousands": still the number
            if obj is not None and (obj.pos_ in NOUNS or obj.pos_ == "PRON"):
                return obj, token
        inside = range(span.start, span.end)
        for token in (root, *span):
            head = token.head
            if (
                token.dep_ in MODIFIES
                and head.i not in inside
                and head.i not in self._figure_tokens
                and self.is_countable(head)
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

    def bare_number(self, span: Span) -> bool:
        """A number standing for its noun: the subject or object itself ("50,000 crossed")."""
        root = span.root
        return root.dep_ in ARGUMENTS and (root.like_num or root.pos_ == "NUM")

    def counted(self, noun: Token, span: Span) -> str | None:
        if noun.pos_ == "PRON":
            return self.antecedent(noun, span)
        return self.phrase(noun, complement=True)

    def phrase(self, noun: Token, *, complement: bool) -> str | None:
        """Head lemma with the modifiers that change which group is meant: compounds,
        nationality and place adjectives, a few classifying adjectives, and one complement
        ("inquiry about volunteering")."""
        if noun.pos_ == "PRON" or noun.lower_ in self.lex.pronoun_subjects:
            return None
        mods = []
        for child in noun.lefts:
            if child.i in self._figure_tokens or child.like_num:
                continue
            if self.is_key_modifier(child):
                mods.append(self.word(child))
        words = [*mods, self.word(noun)]
        if complement:
            for child in noun.rights:
                if child.dep_ != "prep" or child.lower_ not in self.lex.complement_preps:
                    continue
                obj = _child(child, "pobj") or _child(child, "pcomp")
                if obj is None or obj.pos_ == "PRON" or obj.i in self._figure_tokens:
                    continue
                if obj.pos_ in NOUNS or obj.pos_ == "VERB":
                    words += [child.lower_, obj.lower_ if obj.pos_ == "VERB" else self.word(obj)]
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
        "American"); other words are lower-case lemmas."""
        if token.ent_type_ in self.lex.group_labels or token.pos_ == "PROPN":
            text = token.text
            if token.tag_ == "NNPS" or (
                token.ent_type_ == "NORP" and text.endswith("s") and not text.endswith("ss")
            ):
                text = text[:-1]
            return text
        if token.dep_ == "amod":
            return token.lower_  # "registered voters", not "register voter"
        return token.lemma_.lower()

    def antecedent(self, pronoun: Token, span: Span) -> str | None:
        """ "nearly one-quarter of whom": the group of the nearest figure before it in the
        sentence, else the noun the relative clause hangs on."""
        if pronoun.lower_ not in self.lex.relative_pronouns:
            return None
        sent = _sent(span)
        best: str | None = None
        for token in reversed(range(sent.start, span.start)):
            candidate = self.doc[token]
            if candidate.i in self._figure_tokens and candidate.dep_ in PHRASE_INTERNAL:
                head = candidate.head
                if self.is_countable(head) and head.i < span.start:
                    best = self.phrase(head, complement=True)
                    break
        if best is not None:
            return best
        for ancestor in pronoun.ancestors:
            if ancestor.dep_ == "relcl" and self.is_countable(ancestor.head):
                return self.phrase(ancestor.head, complement=True)
        return None

    def money_counted(self, span: Span, governor: Token) -> str | None:
        """What a sum is for, when the text says: "a $3,300 salary", "$2 million in aid"."""
        head = span.root.head
        if (
            span.root.dep_ in {"nummod", "compound", "amod", "nmod"}
            and self.is_countable(head)
            and head.i not in range(span.start, span.end)
        ):
            return self.phrase(head, complement=False)
        for token in (governor, span.root):
            for child in token.rights:
                if child.dep_ == "prep" and child.lower_ in self.lex.money_complement_preps:
                    obj = _child(child, "pobj")
                    if obj is not None and self.is_countable(obj):
                        return self.phrase(obj, complement=False)
        return None

    # the clause around it ---------------------------------------------------------------------

    def predicate(self, governor: Token) -> tuple[Token | None, str | None]:
        """The verb the figure's phrase is an argument of, as a lemma (with its particle, and
        its object for a light verb: "made the cut" -> "make cut")."""
        token = governor
        for _ in range(8):
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
        particle = _child(verb, "prt")
        if particle is not None:
            lemma = f"{lemma} {particle.lower_}"
        elif lemma in self.lex.light_verbs and token.dep_ in SUBJECTS:
            obj = _child(verb, "dobj")
            if obj is not None and obj.pos_ in NOUNS:
                lemma = f"{lemma} {obj.lemma_.lower()}"
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
                    target = _child(child, "pobj")
                elif head is verb and child.dep_ == "dobj" and child is not governor:
                    target = child
                if target is not None and target.ent_type_ in self.lex.place_labels:
                    ent = self.ent(target)
                    return _tidy(ent.text if ent is not None else target.text)
        return None

    def period(self, noun: Token | None, verb: Token | None) -> Span | None:
        """The time window on the noun or the verb; adjacent pieces join ("in the week" +
        "following the call-up")."""
        pieces = sorted(
            (w for head in (noun, verb) if head is not None for w in self.windows(head)),
            key=_order,
        )
        if not pieces:
            return None
        start, end = pieces[0].start, pieces[0].end
        for piece in pieces[1:]:
            if piece.start > end:
                break
            end = max(end, piece.end)
        return self.doc[start:end]

    def period_text(self, window: Span) -> str:
        text = _tidy(window.text)
        return self.lex.period_adverbs.get(text.lower(), text)

    def windows(self, head: Token) -> Iterator[Span]:
        doc = self.doc
        for child in head.children:
            window: Span | None = None
            lower = child.lower_
            if child.dep_ == "prep" or (child.dep_ == "advmod" and lower == "prior"):
                obj = _child(child, "pobj") or _child(child, "pcomp")
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
            if window is not None and not self._has_figure(window):
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
            if child.dep_ in CLAUSE_STOP or self._has_figure(
                self.doc[child.left_edge.i : child.right_edge.i + 1]
            ):
                break
            end = child.right_edge.i + 1
        return self.doc[verb.left_edge.i : end]

    def _has_figure(self, span: Span) -> bool:
        return any(i in self._figure_tokens for i in range(span.start, span.end))

    def assign_leftover_periods(self) -> None:
        """A time window the parser attached to the wrong clause still belongs to the figure
        whose noun phrase it directly follows: "..., with a total of 52 incidents since the war
        began" (the since-clause hangs on "announced"). Only a window that starts right after
        the phrase, opens with a time word, and is not already some figure's, is taken."""
        doc = self.doc
        for end, info in self._needs_period:
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
                if window.start == end and key not in self._used_periods:
                    self._used_periods.add(key)
                    info.period = self.period_text(window)
                    break

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
                target = _child(child, "pobj")
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

    def rate(self, span: Span, governor: Token) -> str | None:
        """ "per month", "a month", "monthly", on the figure or on what it is in apposition to
        ("100,000 hryvnias -- about $3,300 -- per month")."""
        tokens = [*span, governor]
        tokens += [c for c in governor.children if c.dep_ == "appos"]
        if governor.dep_ == "appos":
            tokens.append(governor.head)
        for token in tokens:
            for child in token.children:
                unit = self._rate_word(child)
                if unit is not None:
                    return unit
        return None

    def _rate_word(self, child: Token) -> str | None:
        units = self.lex.time_units
        if child.dep_ == "prep" and child.lower_ in self.lex.rate_preps:
            obj = _child(child, "pobj")
            if obj is not None and obj.lemma_.lower() in units:
                return units[obj.lemma_.lower()]
        if child.dep_ == "npadvmod" and child.lemma_.lower() in units:
            det = _child(child, "det")
            if det is not None and det.lower_ in self.lex.rate_preps:
                return units[child.lemma_.lower()]
        if (
            child.dep_ in {"advmod", "amod"}
            and child.lower_ in units
            and child.lower_.endswith("ly")
        ):
            return units[child.lower_]
        return None

    # statements of none -------------------------------------------------------------------------

    def zero_statements(self, taken: set[int]) -> Iterator[Span]:
        """Zero figures: "would not be paid (a salary)", "without pay", "unpaid volunteers",
        "no casualties"."""
        seen: set[int] = set(taken)
        for match_id, start, _end in _zero_matcher(self.doc.vocab)(self.doc):
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
        """ "unpaid volunteers", "the volunteers were unpaid"."""
        head = adjective.head
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
            verb=_verb_above(adjective),
        )

    def _negated_verb(self, verb: Token) -> Span | None:
        lex = self.lex
        negs = [c for c in verb.children if c.dep_ == "neg" and c.lower_ in lex.negation_words]
        if not negs:
            return None
        if any(
            self._has_figure(self.doc[c.left_edge.i : c.right_edge.i + 1])
            for c in verb.children
            if c.dep_ in {"dobj", "dative", "attr"}
        ):
            return None  # "did not pay $500": a denied amount, not a statement of none
        start = min(n.i for n in negs)
        end = verb.i + 1
        counted = None
        obj = _child(verb, "dobj")
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
        obj = _child(prep, "pobj")
        if obj is None or obj.lemma_.lower() not in self.lex.without_nouns:
            return None
        lemma = obj.lemma_.lower()
        verb = _verb_above(prep)
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
        period = self.period(None, verb) if verb is not None else None
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
            period=self.period_text(period) if period is not None else None,
            scope=scope,
        )
        return span


def _child(token: Token, dep: str, lower: str | None = None) -> Token | None:
    for child in token.children:
        if child.dep_ == dep and (lower is None or child.lower_ == lower):
            return child
    return None


def _verb_above(token: Token) -> Token | None:
    for ancestor in token.ancestors:
        if ancestor.pos_ in VERBS:
            return ancestor
    return None


def _tidy(text: str) -> str:
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
