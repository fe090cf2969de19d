"""Verifiability flags: what the article itself says about how solid a claim is.

A caveat is a relation: its cue (the words, kept with the flag wherever the claim is), its kind,
and the statement it qualifies. Three stages:

- the `claimtrack_flags` component (here) finds the caveats ("could not be verified", "it's
  unclear how many", "did not immediately respond", "spoke on condition of anonymity",
  "officials said", "appears to have", "falsely", "no evidence", "denied"...) and writes them to
  `doc.spans["claimtrack_flags"]`, each with a `FlagInfo`: its kind, its scope (its sentence, a
  topic, or a speaker), and where its statement is: the clause it scopes over in its own
  sentence, or, for a follow-up ("X did not respond to a request for comment", "The figure could
  not be verified", "He denied the charges"), the sentence it refers back to
  (`claimtrack.nlp.flag_targets`);
- the `claimtrack_claims` component never makes a follow-up's own sentence a claim, and makes the
  statement it refers to (or a caveat's uncovered clause) the author's claim when no one else's
  claim covers it;
- the `claimtrack_flag_attachment` component (`claimtrack.nlp.flag_attachment`) then sets which
  claims each flag qualifies.

The cue words are spaCy Matcher patterns in `claimtrack/lexicons/flags.json`. A match is only an
anchor: whether it is a caveat depends on the parse around it, read by a few bounded
dependency walks (never more than a handful of tokens per match, so the component costs a
small fraction of parse time):

- polarity: "not independently verified", "none of their stories could be verified",
  "impossible to verify" are negated; a cue's kind can flip with polarity (verify: confirmed /
  unverified; clear: nothing / unclear; dispute: disputed / confirmed) or vanish (a denial
  that is "not denied" is no flag);
- sense: "confirmed" only confirms a statement (a that-clause, a report, a figure, a death
  toll), so "the booking was confirmed", "confirm a nominee" and "verify your email" are not
  flags; "unknown" and "unclear" count only as predicates about a fact, not about a person;
- modality: a hedge on a prediction ("will probably announce"), a condition ("if they did not
  confirm"), a judgement ("probably the worst day", "seems too risky") or a speaker's opinion ("I
  think there may be") is not a caveat; nor is a refusal that is the story's event ("instructed
  employees not to disclose") or a cue word quoted as a word.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

import numpy
from spacy.attrs import LEMMA, LOWER
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from claimtrack.errors import LexiconError
from claimtrack.lexicons import Overrides
from claimtrack.lexicons import load as load_lexicon
from claimtrack.nlp.annotations import (
    ATTRIBUTIONS,
    FLAGS,
    FlagInfo,
    SpeakerInfo,
    register_extensions,
)
from claimtrack.nlp.flag_targets import (
    is_follow_up,
    party_of,
    refers_to,
    statement_of,
    titles_of,
)

# Tenses in which "confirmed"/"denied" report something that happened (not "please verify",
# "we need to confirm", "will deny").
_REALIS_TAGS = frozenset({"VBD", "VBN", "VBZ", "VBP"})
_PREDICATE_DEPS = frozenset({"acomp", "attr", "oprd", "ROOT", "ccomp", "xcomp", "conj", "advcl"})
_TOPIC_PREPS = frozenset({"of", "about", "on", "regarding", "concerning"})
_CONTENT_POS = frozenset({"NOUN", "PROPN", "ADJ", "VERB"})
_ANAPHORIC_DETERMINERS = frozenset(
    {"the", "this", "that", "these", "those", "such", "its", "their", "his", "her"}
)
# Verbs whose predicate adjective is the cue ("is unknown", "remains unclear", "'s not clear").
_COPULAS = frozenset({"be", "remain", "seem", "appear", "’", "'s"})
_CUE_ADVERBS = frozenset({"independently", "immediately"})
# "will not be confirmed", "should not confirm": a plan or a duty, not a failure to verify.
_PLAN_AUXILIARIES = frozenset({"will", "wo", "would", "should", "shall", "'ll"})
# A cue span wider than this many tokens would swallow more than the cue itself.
_MAX_CUE_TOKENS = 8


@dataclass(frozen=True, slots=True)
class CueEntry:
    """One lexicon entry: the kind it yields plain and negated, and the check it needs."""

    id: str
    plain: str | None
    negated: str | None
    requires: str


@dataclass(frozen=True, slots=True)
class FlagLexicon:
    """The word lists of flags.json, as sets of lowercase lemmas."""

    cues: dict[str, CueEntry]
    patterns: dict[str, list[list[dict]]]
    negators: frozenset[str]
    negating_heads: frozenset[str]
    quantifiers: frozenset[str]
    pronouns: frozenset[str]
    statement_nouns: frozenset[str]
    report_nouns: frozenset[str]
    disputable_nouns: frozenset[str]
    contact_objects: frozenset[str]
    detail_nouns: frozenset[str]
    source_verbs: frozenset[str]
    source_modifiers: frozenset[str]
    media_words: frozenset[str]
    channels: frozenset[str]
    source_nouns: frozenset[str]
    directive_verbs: frozenset[str]
    predictive_auxiliaries: frozenset[str]
    evaluative_adjectives: frozenset[str]
    party_words: frozenset[str]
    press_words: frozenset[str]
    record_nouns: frozenset[str]
    topic_fields: dict[str, frozenset[str]]
    topic_stop: frozenset[str]

    def related(self, lemma: str) -> frozenset[str]:
        """The lemma with every word sharing a topic field with it."""
        out = {lemma}
        for words in self.topic_fields.values():
            if lemma in words:
                out |= words
        return frozenset(out)


def _expand_first_token(pattern: list[dict]) -> list[list[dict]]:
    """The pattern with its first token's `IN` sets spelled out as one pattern per value.

    The Matcher tries every pattern's first token on every token of the Doc; an `IN` set is a
    Python-level predicate there (most of the component's time on a long article), a plain
    value is compared in C. Later tokens are only tried after a first-token hit, so their sets
    stay as written.
    """
    if not pattern:
        return [pattern]
    variants: list[dict] = [{}]
    for attr, value in pattern[0].items():
        if isinstance(value, dict) and set(value) == {"IN"}:
            variants = [{**v, attr: one} for v in variants for one in value["IN"]]
        else:
            variants = [{**v, attr: value} for v in variants]
    return [[first, *pattern[1:]] for first in variants]


def load_flag_lexicon(lexicons: Overrides | None = None) -> FlagLexicon:
    """flags.json (or the user's replacement named in `lexicons`), compiled once per file."""
    return _compiled((lexicons or {}).get("flags"))


@lru_cache(maxsize=8)
def _compiled(path: str | None) -> FlagLexicon:
    data = load_lexicon("flags", {"flags": path} if path else None)
    source = path or "flags.json"
    cues: dict[str, CueEntry] = {}
    patterns: dict[str, list[list[dict]]] = {}
    for entry in data["cues"]:
        cue = CueEntry(entry["id"], entry.get("plain"), entry.get("negated"), entry["requires"])
        if cue.requires not in CHECKS:
            raise LexiconError(f"{source}: cue {cue.id!r} requires unknown check {cue.requires!r}")
        cues[cue.id] = cue
        patterns.setdefault(cue.id, []).extend(_expand_first_token(entry["pattern"]))

    def words(key: str) -> frozenset[str]:
        return frozenset(w.lower() for w in data.get(key, []))

    return FlagLexicon(
        cues=cues,
        patterns=patterns,
        negators=words("negators"),
        negating_heads=words("negating_heads"),
        quantifiers=words("quantifiers"),
        pronouns=words("pronouns"),
        statement_nouns=words("statement_nouns"),
        report_nouns=words("report_nouns"),
        disputable_nouns=words("disputable_nouns"),
        contact_objects=words("contact_objects"),
        detail_nouns=words("detail_nouns"),
        source_verbs=words("source_verbs"),
        source_modifiers=words("source_modifiers"),
        media_words=words("media_words"),
        channels=words("channels"),
        source_nouns=words("source_nouns"),
        directive_verbs=words("directive_verbs"),
        predictive_auxiliaries=words("predictive_auxiliaries"),
        evaluative_adjectives=words("evaluative_adjectives"),
        party_words=words("party_words"),
        press_words=words("press_words"),
        record_nouns=words("record_nouns"),
        topic_fields={
            name: frozenset(w.lower() for w in ws)
            for name, ws in data.get("topic_fields", {}).items()
        },
        topic_stop=words("topic_stop"),
    )


@Language.factory(
    "claimtrack_flags",
    assigns=["doc.spans", "span._.claimtrack_flag"],
    requires=[
        "token.dep",
        "token.lemma",
        "token.pos",
        "doc.spans",
        "span._.claimtrack_attribution",
    ],
    default_config={"lexicons": {}},
)
def make_flags(nlp: Language, name: str, *, lexicons: dict[str, str]) -> FlagFinder:
    return FlagFinder(nlp.vocab, lexicons=lexicons)


class FlagFinder:
    """Finds verifiability cues; see the module docstring for how a match becomes a flag."""

    def __init__(self, vocab: Vocab, *, lexicons: Overrides | None = None) -> None:
        register_extensions()
        self.lexicon = load_flag_lexicon(lexicons)
        self.matcher = Matcher(vocab)
        # Every pattern starts on a fixed word or lemma, so only the patterns starting on a
        # token's word or lemma run, on the short window from it (the starts are found by a
        # vectorised look-up; the Matcher's time grows with the patterns it tries per window).
        lowers: set[int] = set()
        lemmas: set[int] = set()
        self._starting: dict[tuple[int, int], Matcher] = {}
        self._window = 1
        self._scan_all = False
        for cue_id, patterns in self.lexicon.patterns.items():
            self.matcher.add(cue_id, patterns)
            for pattern in patterns:
                self._window = max(self._window, len(pattern))
                first = pattern[0] if pattern else {}
                if isinstance(first.get("LOWER"), str) and "OP" not in first:
                    key = (LOWER, vocab.strings.add(first["LOWER"]))
                    lowers.add(key[1])
                elif isinstance(first.get("LEMMA"), str) and "OP" not in first:
                    key = (LEMMA, vocab.strings.add(first["LEMMA"]))
                    lemmas.add(key[1])
                else:
                    self._scan_all = True
                    continue
                self._starting.setdefault(key, Matcher(vocab)).add(cue_id, [pattern])
        self._lowers = numpy.array(sorted(lowers), dtype=numpy.uint64)
        self._lemmas = numpy.array(sorted(lemmas), dtype=numpy.uint64)

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) == 0 or not doc.has_annotation("DEP"):
            doc.spans[FLAGS] = []
            return doc
        lex = self.lexicon
        found: list[tuple[Span, FlagInfo]] = []
        implicit: list[Span] = []
        for match_id, start, end in self._matches(doc):
            cue = lex.cues[doc.vocab.strings[match_id]]
            anchor = doc[start]
            negated = is_negated(anchor, lex)
            kind = cue.negated if negated else cue.plain
            if kind is None or not CHECKS[cue.requires](anchor, negated, doc[start:end], lex):
                continue
            if _is_mentioned(doc, start, end) or _is_reported_conduct(anchor, lex):
                continue
            if kind in ("undisclosed", "no_response") and _nobody_withholds(anchor):
                continue
            if kind == "undisclosed" and _withholds_records(doc[start:end], lex):
                continue
            if kind == "unverified" and anchor.head.lemma_.lower() in _JUDGING_VERBS:
                kind = "disputed"  # a party "called the charges unsubstantiated": a rejection
            if kind == "unclear" and _raised_by_a_party(anchor):
                kind = "disputed"  # "the paper raised questions about whether he grabbed her"
            if cue.requires == "unnamed_source":
                span = _source_extent(doc, anchor, lex)
                implicit.append(span)
            else:
                span = _cue_extent(doc, start, end, anchor, lex)
            info = self._info(doc, kind, anchor, span)
            if cue.requires == "unnamed_source":
                info.mention = _noun_phrase(doc, anchor)
                info.spreads = False
            found.append((span, info))
        spans: list[Span] = []
        found = _without_alt_sources(found, implicit)
        for span, info in _dedupe(_without_hedges_under_disputes(found)):
            span._.claimtrack_flag = info
            spans.append(span)
        doc.spans[FLAGS] = spans
        return doc

    def _matches(self, doc: Doc) -> Iterator[tuple[int, int, int]]:
        if self._scan_all:
            yield from self.matcher(doc)
            return
        columns = doc.to_array([LOWER, LEMMA])
        starts = numpy.isin(columns[:, 0], self._lowers) | numpy.isin(columns[:, 1], self._lemmas)
        for i in numpy.flatnonzero(starts).tolist():
            window = doc[i : min(i + self._window, len(doc))]
            found: set[tuple[int, int]] = set()
            for key in ((LOWER, int(columns[i, 0])), (LEMMA, int(columns[i, 1]))):
                matcher = self._starting.get(key)
                if matcher is None:
                    continue
                for match_id, start, end in matcher(window):
                    if start == 0 and (match_id, end) not in found:
                        found.add((match_id, end))
                        yield match_id, i, i + end

    def _info(self, doc: Doc, kind: str, anchor: Token, span: Span) -> FlagInfo:
        lex = self.lexicon
        if kind == "anonymous_source":
            mention = source_mention(doc, span, anchor)
            return FlagInfo(
                kind=kind,
                scope="speaker",
                speaker=_attributed_speaker(doc, mention),
                mention=mention,
            )
        topic: frozenset[str] = frozenset()
        focus: frozenset[str] = frozenset()
        scope = "sentence"
        targets = list(_targets(anchor, lex))
        for target in targets:
            about = _topic_phrase(target, lex)
            topic = topic | _content_lemmas(about or target, lex)
            if about is not None:
                # "all the claims of military unrest": the caveat is about every claim on that
                # topic, wherever it is in the article.
                heads = [about, *(c for c in about.conjuncts if c.pos_ in ("NOUN", "PROPN"))]
                focus = frozenset().union(*(lex.related(h.lemma_.lower()) for h in heads))
                scope = "article"
        anaphoric = scope == "sentence" and (
            any(_is_anaphoric(t, lex) for t in targets) or _points_back(anchor)
        )
        info = FlagInfo(kind=kind, scope=scope, topic=topic, focus=focus, anaphoric=anaphoric)
        if scope == "sentence" and is_follow_up(info, span, anchor, lex.statement_nouns):
            info.party = party_of(anchor)
            info.refers_to = refers_to(doc, span, info.party, titles_of(anchor))
        if info.refers_to is None and scope == "sentence":
            speaker = _withholding_speaker(anchor) if kind in _WITHHELD_KINDS else None
            if speaker is not None:
                # "..., said Jo Lee, who declined to give a price": the refusal qualifies what
                # she said, and its relative clause is no statement of its own.
                info.mention = _noun_phrase(doc, speaker)
            else:
                info.statement = statement_of(anchor, span)
        return info


_WITHHELD_KINDS = frozenset({"undisclosed", "unverified"})
_WH_WORDS = frozenset({"whether", "how", "who", "what", "why", "when", "where", "if", "which"})


def _withholding_speaker(anchor: Token) -> Token | None:
    """The noun a refusal describes in a relative clause ("Jo Lee, who declined to give a
    price"), when the refusal asks no question of its own ("who would not say how many" holds
    its statement in its complement)."""
    verb = anchor.head if anchor.dep_ == "xcomp" else anchor
    if verb.dep_ != "relcl" or verb.head.pos_ not in ("PROPN", "NOUN"):
        return None
    if not any(c.dep_ == "nsubj" and c.lower_ in ("who", "that") for c in verb.children):
        return None
    if any(t.lower_ in _WH_WORDS for t in anchor.subtree if t.i > anchor.i):
        return None
    return verb.head


def _content_lemmas(phrase: Token, lex: FlagLexicon) -> frozenset[str]:
    return frozenset(
        t.lemma_.lower()
        for t in phrase.subtree
        if t.pos_ in _CONTENT_POS and not t.is_stop and t.lemma_.lower() not in lex.topic_stop
    )


def _points_back(anchor: Token) -> bool:
    """A complement about something already said: "denied that that was the case", "disputed
    that this was true"."""
    return any(
        c.dep_ == "ccomp"
        and any(s.dep_ == "nsubj" and s.lower_ in ("that", "this") for s in c.children)
        for c in anchor.children
    )


def _is_anaphoric(target: Token, lex: FlagLexicon) -> bool:
    """Whether the caveat's object points back at something already said: "it", "this", "the
    figure", "these reports", "their account" with nothing of its own after it."""
    if target.lower_ in ("it", "this", "that", "these", "those"):
        return True
    if target.lemma_.lower() not in lex.statement_nouns:
        return False
    if any(c.dep_ in ("prep", "acl", "relcl") for c in target.children):
        return False
    return any(
        c.dep_ in ("det", "poss") and c.lower_ in _ANAPHORIC_DETERMINERS for c in target.children
    )


_QUOTES = frozenset({'"', "'", "“", "”", "‘", "’", "''", "``"})
_CONDITION_MARKS = frozenset({"if", "unless", "because", "since"})


def _raised_by_a_party(anchor: Token) -> bool:
    if anchor.dep_ != "dobj" or anchor.head.lemma_.lower() != "raise":
        return False
    return any(
        c.dep_ == "nsubj"
        and (
            c.ent_type_ in ("ORG", "PERSON")
            or _is_person(c)
            or c.lemma_.lower() in ("organization", "campaign", "critic", "paper", "newspaper")
        )
        for c in anchor.head.children
    )


def _is_mentioned(doc: Doc, start: int, end: int) -> bool:
    """The cue word quoted as a word ("speculative words like 'maybe' and 'perhaps'")."""
    if start == 0 or doc[start - 1].text not in _QUOTES:
        return False
    after = end
    while after < len(doc) and doc[after].is_punct and doc[after].text not in _QUOTES:
        after += 1  # "Probably." as a whole answer
    return after < len(doc) and doc[after].text in _QUOTES


def _is_reported_conduct(anchor: Token, lex: FlagLexicon) -> bool:
    """A refusal or failure that is the story's event, not a caveat on a statement: one in a
    condition or a reason ("voters were removed if they did not confirm their status", "because
    they did not respond to the mailings"), one someone was told to commit ("instructed
    employees not to disclose the hack"), one announced for the future ("she will refuse to
    answer the board's questions"), or one to questions that were no request for comment ("refused
    to answer questions from the committee")."""
    if anchor.pos_ not in ("VERB", "AUX"):
        return False
    if anchor.dep_ == "xcomp" and anchor.head.lemma_.lower() in lex.directive_verbs:
        return True
    clause = anchor.head if anchor.dep_ == "xcomp" else anchor
    if clause.lemma_.lower() in ("refuse", "decline") and any(
        c.dep_ == "aux" and c.lower_ in _FUTURE_AUXILIARIES for c in clause.children
    ):
        return True
    if _asked_by_others(anchor, lex):
        return True
    return clause.dep_ == "advcl" and any(
        m.dep_ == "mark" and m.lower_ in _CONDITION_MARKS for m in clause.children
    )


_FUTURE_AUXILIARIES = frozenset({"will", "'ll", "shall"})


def _asked_by_others(anchor: Token, lex: FlagLexicon) -> bool:
    """Questions or requests put by someone other than the press ("questions from the city
    council", "a request from voters") are not requests for comment: not answering them is
    conduct the story reports."""
    asked = [c for c in anchor.children if c.dep_ == "dobj"]
    asked += [
        g for c in anchor.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"
    ]
    for noun in asked:
        if noun.lemma_.lower() not in lex.contact_objects:
            continue
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ == "from":
                askers = [g for g in prep.children if g.dep_ == "pobj"]
                if askers and not any(
                    t.lower_ in lex.press_words for a in askers for t in a.subtree
                ):
                    return True
    return False


def _withholds_records(match: Span, lex: FlagLexicon) -> bool:
    """A party's own records kept back ("has not released his tax returns", "her emails were
    not made public") are the conduct the story is about, not a gap in what it reports."""
    return any(
        c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in lex.record_nouns
        for t in match
        for c in t.children
    )


def _nobody_withholds(anchor: Token) -> bool:
    """A refusal with no one refusing is a topic, not a caveat: "the penalties for not
    disclosing subsidiaries"."""
    if anchor.pos_ not in ("VERB", "AUX"):
        return False
    verb = anchor
    for _ in range(3):
        if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
            return False
        if verb.dep_ != "xcomp":
            break
        verb = verb.head
    return verb.dep_ in ("pcomp", "csubj", "xcomp", "acl", "pobj", "dobj")


def _without_alt_sources(
    found: list[tuple[Span, FlagInfo]], implicit: list[Span]
) -> list[tuple[Span, FlagInfo]]:
    """An unnamed source in a sentence that also says outright that a source is anonymous ("a
    person familiar with the talks, who spoke on condition of anonymity") is the same caveat:
    the explicit words are its cue."""
    if not implicit:
        return found
    explicit = {
        span.sent.start
        for span, info in found
        if info.kind == "anonymous_source" and not any(span is i for i in implicit)
    }
    return [
        (span, info)
        for span, info in found
        if not (any(span is i for i in implicit) and span.sent.start in explicit)
    ]


def _without_hedges_under_disputes(
    found: list[tuple[Span, FlagInfo]],
) -> list[tuple[Span, FlagInfo]]:
    """ "falsely claimed" is one disputed caveat: a hedge on the verb a dispute adverb modifies
    goes, and the dispute's cue takes in the verb."""
    merged: list[tuple[Span, FlagInfo]] = []
    heads = {}
    for span, info in found:
        if info.kind == "disputed" and len(span) == 1 and span[0].pos_ == "ADV":
            heads[span[0].head.i] = span
    for span, info in found:
        if info.kind == "hedged" and span.root.i in heads:
            continue
        if info.kind == "disputed" and len(span) == 1 and span[0].head.i in heads:
            head = span[0].head
            if abs(head.i - span.start) <= 2 and head.sent == span.sent:
                span = span.doc[min(span.start, head.i) : max(span.end, head.i + 1)]
        merged.append((span, info))
    return merged


def _dedupe(found: list[tuple[Span, FlagInfo]]) -> list[tuple[Span, FlagInfo]]:
    """One flag per stretch of words and kind: overlapping cues of the same kind keep the
    longest ("claim to be" matched both as a verb and as a phrase)."""
    found.sort(key=lambda item: (item[0].start, -(item[0].end - item[0].start)))
    kept: list[tuple[Span, FlagInfo]] = []
    last_end: dict[str, int] = {}
    for span, info in found:
        if last_end.get(info.kind, -1) > span.start:
            continue
        kept.append((span, info))
        last_end[info.kind] = span.end
    return kept


# --- polarity ---------------------------------------------------------------------------------


def _is_negator(token: Token, lex: FlagLexicon) -> bool:
    if token.dep_ == "neg":
        return True
    text = token.lower_
    if text == "one":
        return any(c.dep_ == "det" and c.lower_ == "no" for c in token.children)
    if token.dep_ in ("nsubj", "nsubjpass") and any(
        c.dep_ in ("det", "preconj") and c.lower_ in ("no", "neither") for c in token.children
    ):
        return True
    return text in lex.negators and token.dep_ in ("nsubj", "nsubjpass", "det", "advmod")


def is_negated(token: Token, lex: FlagLexicon) -> bool:
    """Whether the word's clause denies it: a negation on the word or its copula ("is not
    clear"), a negative subject ("none of their stories could be verified"), a negating head
    ("impossible to verify", "unable to confirm", "no way to verify", "without verifying")."""
    holders = [token]
    if token.dep_ in ("acomp", "attr", "oprd") or (token.pos_ == "ADJ" and token.dep_ != "amod"):
        holders.append(token.head)
    for holder in holders:
        for child in holder.children:
            if child.dep_ in ("neg", "nsubj", "nsubjpass") and _is_negator(child, lex):
                return True
    head = token.head
    if token.dep_ == "xcomp":
        if head.lemma_.lower() in lex.negating_heads:
            return True
        if head.lemma_.lower() in ("want", "wish", "agree") and any(
            c.dep_ == "neg" for c in head.children
        ):
            return True  # "did not want to speak on the record"
        if any(
            c.dep_ == "acomp" and c.lemma_.lower() in lex.negating_heads and c.i < token.i
            for c in head.children
        ):
            return True
    if token.dep_ in ("acl", "relcl") and head.lemma_.lower() in lex.negating_heads:
        return any(c.dep_ == "det" and c.lower_ == "no" for c in head.children)
    return token.dep_ == "pcomp" and head.lower_ == "without"


# --- what a cue is about ----------------------------------------------------------------------


def _resolve(noun: Token, lex: FlagLexicon) -> Token:
    """The noun a subject or object stands for: "which" -> the relative clause's noun; "none of
    their stories" -> "stories"."""
    text = noun.lower_
    if text in ("which", "that", "who") and noun.head.dep_ == "relcl":
        antecedent = noun.head.head
        # "allegations that he assaulted his wife, which he has denied": the statement noun
        # the relative clause hangs from, not the last noun before it.
        candidate = antecedent
        for _ in range(4):
            if candidate.lemma_.lower() in lex.statement_nouns | lex.disputable_nouns:
                return candidate
            if candidate.head.i == candidate.i:
                break
            candidate = candidate.head
        return antecedent
    if text in lex.quantifiers or noun.lemma_.lower() in lex.quantifiers:
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for pobj in prep.children:
                    if pobj.dep_ == "pobj":
                        return pobj
    return noun


def _targets(anchor: Token, lex: FlagLexicon) -> Iterable[Token]:
    """The nouns a cue word is about: its object, its passive subject, the noun it modifies or
    the noun whose relative clause it heads."""
    passive = any(c.dep_ == "auxpass" for c in anchor.children) or anchor.dep_ in ("acl", "amod")
    for child in anchor.children:
        if child.dep_ == "dobj" or (passive and child.dep_ == "nsubjpass"):
            yield _resolve(child, lex)
    if anchor.dep_ in ("amod", "acl", "relcl") and anchor.head.pos_ in ("NOUN", "PROPN"):
        yield anchor.head
    elif anchor.dep_ == "relcl" and anchor.head.lower_ in lex.pronouns:
        yield anchor.head  # "something he denied"
    elif anchor.dep_ == "conj" and not any(c.dep_ in _OWN_OBJECTS for c in anchor.children):
        # "accusations he has faced and always denied": the object the verbs share.
        yield from _targets(anchor.head, lex)


_OWN_OBJECTS = frozenset({"dobj", "ccomp", "xcomp", "nsubjpass", "dative", "attr"})
# Arguments that say what a denial denies, or whom it is denied to ("denied him a vote").
_ARGUMENTS = frozenset({*_OWN_OBJECTS, "auxpass", "prep", "agent", "oprd", "npadvmod"})
_ASPECTUAL_VERBS = frozenset({"continue", "keep", "begin", "start"})


def _has_clause(anchor: Token) -> bool:
    return any(c.dep_ in ("ccomp", "xcomp") for c in anchor.children)


def _about_statement(anchor: Token, lex: FlagLexicon, nouns: frozenset[str]) -> bool:
    """Whether the cue is about something said or reported: a that-clause, a statement noun, a
    pronoun standing for one, or "independently" (only statements are independently checked)."""
    if any(c.lower_ == "independently" for c in anchor.children) or _has_clause(anchor):
        return True
    return any(t.lemma_.lower() in nouns or t.lower_ in lex.pronouns for t in _targets(anchor, lex))


def _check_statement(anchor: Token, negated: bool, match: Span, lex: FlagLexicon) -> bool:
    """A confirmation must be of something said or reported, in a tense that reports it done
    ("confirmed that", "the toll was confirmed"; not "verify your email", "we need to confirm",
    "the booking was confirmed"). A failure to confirm is a caveat whatever its object ("his age
    could not be verified", "impossible to verify")."""
    if negated:
        # "This person will not be confirmed", "should not confirm a replacement": a nominee.
        if any(
            t.pos_ == "PRON"
            and t.lower_ not in lex.pronouns
            or t.ent_type_ == "PERSON"
            or t.lemma_.lower() in ("person", "nominee", "replacement", "appointee")
            for t in _targets(anchor, lex)
        ):
            return False
        planned = any(c.dep_ == "aux" and c.lower_ in _PLAN_AUXILIARIES for c in anchor.children)
        return not (planned and not _about_statement(anchor, lex, lex.statement_nouns))
    if anchor.tag_ not in _REALIS_TAGS:
        return False
    return _about_statement(anchor, lex, lex.statement_nouns)


def _check_disputable(anchor: Token, negated: bool, match: Span, lex: FlagLexicon) -> bool:
    """A denial of a statement ("denied that...", "disputed the figure", "the report was
    denied", "as his critics allege and he denies"), not of people ("he was denied entry",
    "half of the volunteers were rejected")."""
    do_support = any(c.dep_ == "aux" and c.lemma_ == "do" for c in anchor.children)
    tense = anchor
    if anchor.dep_ == "xcomp" and anchor.head.lemma_ in _ASPECTUAL_VERBS:
        tense = anchor.head  # "continued to deny the report": as real as "denied"
    if tense.tag_ not in _REALIS_TAGS and anchor.tag_ != "VBG" and not do_support:
        return False
    if anchor.tag_ == "VBG" and not any(c.dep_ in ("dobj", "ccomp") for c in anchor.children):
        return False  # "it's going to be challenging to finish": an adjective, not a denial
    for clause in anchor.children:
        if clause.dep_ == "ccomp" and is_irrealis(clause, lex):
            return False  # "she doubted voters would care": a prediction, not a statement
    if _about_statement(anchor, lex, lex.statement_nouns | lex.disputable_nouns):
        return True
    # "Denied" with nothing denied or denied to anyone denies what was said: "as critics
    # allege and he denies".
    return (
        anchor.lemma_ == "deny"
        and anchor.pos_ == "VERB"
        and not any(c.dep_ in _ARGUMENTS for c in anchor.children)
    )


def _check_clause(anchor: Token, negated: bool, match: Span, lex: FlagLexicon) -> bool:
    return _has_clause(anchor)


def _check_predicative(anchor: Token, negated: bool, match: Span, lex: FlagLexicon) -> bool:
    """A predicate ("the cause is unknown", "it is unclear how"), not "the unknown soldier". For
    "not clear"/"not known" the thing must be an open question (a clause, extraposed "it", a
    statement noun), so "the road was not clear" is no flag."""
    if anchor.dep_ not in _PREDICATE_DEPS or any(c.dep_ == "det" for c in anchor.children):
        return False
    if _made_clear(anchor):
        return False  # "made (it) clear it would not be a partner": said plainly, another sense
    holder = anchor.head if anchor.dep_ in ("acomp", "attr", "oprd") else anchor
    if any(c.dep_ in ("nsubj", "dobj") and _is_person(c) for c in holder.children):
        return False  # "he is uncertain about it", "found both men largely unknown"
    if match.text.lower().startswith("un"):
        return True
    clause_holder = anchor.head if anchor.dep_ in ("acomp", "attr") else anchor
    if _asks_why_one_would(clause_holder):
        return False  # "it's not clear why anyone would pay that much": an argument
    if _has_clause(anchor) or _has_clause(clause_holder):
        return True
    for child in clause_holder.children:
        if child.dep_ in ("nsubj", "nsubjpass", "expl"):
            noun = _resolve(child, lex)
            if child.lower_ == "it" or noun.lemma_.lower() in lex.statement_nouns:
                return True
    return False


_PERSONAL = frozenset({"i", "you", "he", "she", "we", "they", "me", "him", "her", "us", "them"})
_BETWEEN_MAKE_AND_CLEAR = frozenset({"it", "very", "quite", "abundantly", "crystal"})


def _made_clear(anchor: Token) -> bool:
    before = list(anchor.doc[max(anchor.i - 3, 0) : anchor.i])
    return any(
        t.lemma_ == "make" and all(w.lower_ in _BETWEEN_MAKE_AND_CLEAR for w in before[k + 1 :])
        for k, t in enumerate(before)
    )


_HYPOTHETICAL = frozenset({"would", "should", "could"})


def _asks_why_one_would(holder: Token) -> bool:
    """A "why ... would" clause asks for a reason someone would act: an argument that they
    should not, not a fact nobody knows ("it is unclear why the plane crashed")."""
    for clause in holder.children:
        if clause.dep_ not in ("ccomp", "advcl"):
            continue
        if any(t.lower_ == "why" for t in clause.children) and any(
            t.dep_ == "aux" and t.lower_ in _HYPOTHETICAL for t in clause.children
        ):
            return True
    return False


def _is_person(token: Token) -> bool:
    return (
        token.lower_ in _PERSONAL
        or token.ent_type_ == "PERSON"
        or token.lemma_.lower() in ("man", "woman", "person", "people", "candidate")
    )


def _check_source_noun(anchor: Token, negated: bool, match: Span, lex: FlagLexicon) -> bool:
    """ "an anonymous official", "an anonymous letter"; not "anonymous digital actors"."""
    return anchor.head.lemma_.lower() in lex.source_nouns


def _check_open_fact(anchor: Token, negated: bool, match: Span, lex: FlagLexicon) -> bool:
    """ "nobody knows how many died"; not "nobody knew who she was" (she was not famous)."""
    doc = anchor.doc
    if any(
        t.lemma_ == "know"
        and t.dep_ in ("relcl", "pcomp", "acl")
        and not any(c.dep_ in ("ccomp", "xcomp") for c in t.children)
        for t in doc[anchor.i : min(anchor.i + 3, len(doc))]
    ):
        return False  # "the stories that nobody knows": unknown to people, not an open fact
    window = [t.lower_ for t in doc[anchor.i : min(anchor.i + 5, len(doc))]]
    return not ("who" in window and any(w in ("was", "is", "were", "are") for w in window))


def _check_passive(anchor: Token, negated: bool, match: Span, lex: FlagLexicon) -> bool:
    return any(c.dep_ == "auxpass" for c in anchor.children)


def _check_contact_object(anchor: Token, negated: bool, match: Span, lex: FlagLexicon) -> bool:
    """ "did not return calls", "has not answered questions"; not "he can't even answer a
    question" (what he is able to do)."""
    if any(c.dep_ == "aux" and c.lower_ in ("can", "ca") for c in anchor.children):
        return False
    return any(
        c.dep_ == "dobj" and c.lemma_.lower() in lex.contact_objects for c in anchor.children
    )


def _check_not_noun_phrase(anchor: Token, negated: bool, match: Span, lex: FlagLexicon) -> bool:
    """The verb "claim to be", even where the tagger took it for a noun ("interviewed by claim
    to be"), but not "an insurance claim to be paid"."""
    if anchor.pos_ not in ("NOUN", "PROPN"):
        return True
    return not any(c.dep_ in ("det", "amod", "compound", "poss", "nummod") for c in anchor.children)


def _check_epistemic_modal(anchor: Token, negated: bool, match: Span, lex: FlagLexicon) -> bool:
    """A modal that hedges a statement of fact ("may have been killed", "may be white
    supremacists", "may be avoiding"), not one that describes people ("Americans who may be
    contemplating"), a condition, or a possible future ("may be utilized", "may be able")."""
    verb = anchor.head
    if verb.dep_ in ("relcl", "acl", "advcl", "pcomp"):
        return False
    if _has_if_clause(verb) or _is_counterfactual(verb) or is_judgement(verb, lex):
        return False
    if _under_opinion_or_prediction(verb, lex):
        return False
    if anchor.lower_ == "could" and is_negated(anchor.head, lex):
        return False  # "no one could have envisioned": an impossibility, not a hedge
    doc = match.doc
    if match.end >= len(doc) or match[-1].lower_ != "be":
        return True
    following = doc[match.end]
    return following.tag_ != "VBN" and following.lower_ not in ("able", "unable")


def _check_adverb(anchor: Token, negated: bool, match: Span, lex: FlagLexicon) -> bool:
    return anchor.pos_ == "ADV"


def _check_any(anchor: Token, negated: bool, match: Span, lex: FlagLexicon) -> bool:
    return True


def _governing_verb(token: Token) -> Token:
    """The verb a modifier belongs to (at most three steps up)."""
    verb = token.head
    for _ in range(3):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    return verb


def _has_if_clause(verb: Token) -> bool:
    return any(
        c.dep_ == "advcl"
        and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)
        for c in verb.children
    ) or (
        verb.dep_ == "advcl"
        and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in verb.children)
    )


def is_irrealis(verb: Token, lex: FlagLexicon) -> bool:
    """Whether a clause is a prediction, plan or condition rather than a statement of what is or
    was: a future or conditional auxiliary ("will likely announce", "could possibly result"),
    "going to", an if-clause on either side ("If she wins, she might be...")."""
    if any(c.dep_ == "aux" and c.lower_ in lex.predictive_auxiliaries for c in verb.children):
        return True
    if verb.dep_ == "xcomp" and verb.head.lower_ == "going":
        return True
    return _has_if_clause(verb)


_OPINION_VERBS = frozenset({"think", "believe", "guess", "imagine", "suppose", "feel", "bet"})


def in_opinion(verb: Token) -> bool:
    """Whether the clause is what the speaker thinks ("I think there may be a couple of reasons",
    "I'd imagine he's probably a good asset"): a hedge there is the opinion's own."""
    head = verb.head
    return (
        verb.dep_ == "ccomp"
        and head.lemma_.lower() in _OPINION_VERBS
        and any(c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in head.children)
    )


_NECESSITY_VERBS = frozenset({"need", "require", "warrant"})
# Hedges that say where a statement comes from, not how probable it is.
_EVIDENTIALS = frozenset(
    {"allegedly", "reportedly", "purportedly", "supposedly", "ostensibly", "apparently"}
)


def is_recommendation(verb: Token) -> bool:
    """Whether a clause says what ought to be rather than what is: "a tougher approach is
    needed" (with no one who needs it), "it is to be expected"."""
    if verb.lemma_ in _NECESSITY_VERBS:
        return any(c.dep_ == "auxpass" for c in verb.children) and not any(
            c.dep_ == "agent" for c in verb.children
        )
    return verb.lemma_ == "be" and any(
        c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        for c in verb.children
    )


def is_evaluation(verb: Token) -> bool:
    """Whether a clause judges rather than states: a superlative in it ("he's probably got the
    toughest skin", "perhaps his most surprising suggestion was"), or a copula with an adjective
    predicate ("he's probably sincere", "may be slow in coming") or a superlative or comparative
    ("probably the worst first day", "may be easier now")."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "dobj", "attr", "prep") and any(
            (a.tag_ == "JJS" and a.dep_ == "amod")
            or (a.dep_ == "advmod" and a.lower_ in ("most", "least") and a.head.dep_ == "amod")
            for a in child.subtree
            if a.head.i == child.i or a.head.head.i == child.i
        ):
            return True
    if verb.lemma_ != "be":
        return False
    for child in verb.children:
        if child.dep_ == "acomp" and child.tag_ in ("JJ", "JJR", "JJS"):
            return True
        if child.dep_ == "attr" and any(
            a.dep_ == "amod" and a.tag_ in ("JJS", "JJR") for a in child.children
        ):
            return True
    return False


def _check_factual_adverb(anchor: Token, negated: bool, match: Span, lex: FlagLexicon) -> bool:
    """A hedge on a statement of fact ("he reportedly met them", "it very likely had been
    breached"), not on a prediction ("would probably not come", "could possibly result"), a
    judgement ("probably the worst day", "he's probably sincere") or a bare answer ("Probably.")."""
    if anchor.pos_ != "ADV" or anchor.dep_ == "ROOT":
        return False
    if anchor.head.pos_ in ("ADJ", "ADV") and anchor.head.dep_ not in ("acomp", "attr", "oprd"):
        return False  # "perhaps most damaging", "probably not exactly what he meant"
    verb = _governing_verb(anchor)
    if in_opinion(verb):
        return False
    probable = anchor.lower_ not in _EVIDENTIALS
    if probable and (_under_opinion_or_prediction(verb, lex) or _is_counterfactual(verb)):
        return False  # "I think the council is likely to face delays and perhaps lawsuits"
    if verb.pos_ not in ("VERB", "AUX"):
        return anchor.head.pos_ in ("NOUN", "PROPN", "NUM")
    if probable and is_recommendation(verb):
        return False  # "perhaps a tougher approach is needed"; "maybe it is to be expected"
    return not (is_irrealis(verb, lex) or is_judgement(verb, lex))


def _check_evidential(anchor: Token, negated: bool, match: Span, lex: FlagLexicon) -> bool:
    """ "appears to have been broken", "it appears that", "seemed irritated": the verb takes a
    clause or a predicate; not "appeared on television" or "will appear in court"."""
    if anchor.pos_ not in ("VERB", "AUX") or is_irrealis(anchor, lex):
        return False
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in anchor.children):
        return False  # "began trying to appear moderate": appearing is the aim
    for child in anchor.children:
        if child.dep_ in ("acomp", "oprd", "attr") and child.lemma_.lower() in _PROBABILITY_WORDS:
            return False  # "seems increasingly likely that he will win": a prediction
        if child.dep_ in ("acomp", "oprd") and (
            child.tag_ in ("JJR", "JJS")
            or any(d.lower_ in _DEGREE_WORDS for d in child.children if d.dep_ == "advmod")
        ):
            return False  # "seems too risky", "seems more anti-Trump than pro-Clinton"
    if in_opinion(anchor) or is_judgement(anchor, lex):
        return False  # "seems to be a rather sore point"
    if _in_direct_quote(anchor) and _predicate_adjective(anchor) is not None:
        return False  # a speaker's own impression: "What seemed to be calm was only calm ..."
    return any(c.dep_ in ("xcomp", "ccomp", "acomp", "oprd") for c in anchor.children)


def _predicate_adjective(verb: Token) -> Token | None:
    """The adjective a "seem"/"appear" attributes, directly or through "to be": "seemed
    normal", "appeared to be normal"."""
    for child in verb.children:
        if child.dep_ in ("acomp", "oprd") and child.pos_ == "ADJ":
            return child
        if child.dep_ == "xcomp" and child.lemma_ == "be":
            return _predicate_adjective(child)
    return None


def _in_direct_quote(token: Token) -> bool:
    """Whether the word is in a speaker's quoted words (the attribution component's direct or
    mixed quotes)."""
    doc = token.doc
    if ATTRIBUTIONS not in doc.spans:
        return False
    for span in doc.spans[ATTRIBUTIONS]:
        attribution = span._.claimtrack_attribution
        if attribution is None or attribution.quote not in ("direct", "mixed"):
            continue
        if span.start <= token.i < span.end:
            return True
    return False


def _under_opinion_or_prediction(verb: Token, lex: FlagLexicon) -> bool:
    """Whether a clause, or the clause it is the complement of, is an opinion or a
    prediction: "I think the council is likely to face delays and perhaps lawsuits". The hedged
    clause's own modal ("could have gained") is the hedge, not a prediction."""
    for step in range(4):
        if in_opinion(verb) or (step > 0 and is_irrealis(verb, lex)):
            return True
        head = verb.head
        if verb.dep_ == "xcomp" and head.lemma_.lower() in _PROBABILITY_WORDS:
            return True
        if verb.dep_ not in ("xcomp", "acomp") or head.i == verb.i:
            return False
        verb = head
    return False


def _is_counterfactual(verb: Token) -> bool:
    """A clause about what did not happen: under an inverted condition ("Had the polls closed
    earlier, she could have lost") or a fronted "without"/"but for" ("Without the leak, the deal
    might have gone through")."""
    for child in verb.children:
        if child.dep_ == "advcl" and not any(m.dep_ == "mark" for m in child.children):
            had = [a for a in child.children if a.dep_ == "aux" and a.lower_ == "had"]
            subjects = [c for c in child.children if c.dep_ in ("nsubj", "nsubjpass")]
            if had and subjects and had[0].i < subjects[0].i:
                return True
        if (
            child.dep_ == "prep"
            and child.lower_ == "without"
            and child.i < verb.i
            and any(g.dep_ == "pobj" for g in child.children)
        ):
            return True
    return False


def is_judgement(verb: Token, lex: FlagLexicon) -> bool:
    """Whether a clause evaluates (see `is_evaluation`), also through a judging adjective on
    its object or predicate ("may be a good choice", "did a bad job") or one with a degree
    word ("seems to be a rather sore point"). Through "seems to be", an adjective alone
    does not judge: "appeared to be chaotic" reports how things looked."""
    return is_evaluation(verb) or _judging_words(verb, lex)


def _judging_words(verb: Token, lex: FlagLexicon) -> bool:
    for child in verb.children:
        if child.dep_ == "xcomp" and child.lemma_ == "be":
            if _judging_words(child, lex):
                return True
            continue
        if child.dep_ not in ("attr", "dobj", "acomp", "oprd"):
            continue
        if child.pos_ == "ADJ":
            words = [child]  # a predicate adjective judges only with a softener
        else:
            words = [a for a in child.children if a.dep_ == "amod"]
            if any(w.lower_ in lex.evaluative_adjectives for w in words):
                return True
        for word in words:
            if any(d.dep_ == "advmod" and d.lower_ in _SOFTENERS for d in word.children):
                return True
    return False


# Degree words of a speaker's judgement ("a rather sore point", "pretty scary"); not
# comparison ("less robust than") or result ("so vague that").
_SOFTENERS = frozenset({"rather", "pretty", "fairly", "quite", "somewhat"})


_DEGREE_WORDS = frozenset({"too", "more", "less", "most", "least", "so", "pretty", "rather"})
_PROBABILITY_WORDS = frozenset({"likely", "unlikely", "certain", "sure", "poised", "set", "bound"})


def _check_clause_of_copula(anchor: Token, negated: bool, match: Span, lex: FlagLexicon) -> bool:
    """ "it is possible that ...": the adjective is the predicate of an extraposed clause (not
    "possible to", which is ability, nor "the best possible deal")."""
    if anchor.dep_ not in ("acomp", "attr"):
        return False
    head = anchor.head
    has_it = any(c.dep_ in ("nsubj", "expl") and c.lower_ == "it" for c in head.children)
    clauses = [c for c in (*anchor.children, *head.children) if c.dep_ == "ccomp"]
    # "it is still possible that he will fall short" is a prediction
    return has_it and bool(clauses) and not any(is_irrealis(c, lex) for c in clauses)


_WH = frozenset({"whether", "how", "who", "what", "why", "when", "where", "if", "which"})
_QUESTION_LINKS = frozenset({"about", "over", "on", "of", "as", "is", "was", "remains", "are"})


def _check_open_question(anchor: Token, negated: bool, match: Span, lex: FlagLexicon) -> bool:
    """A question the article says is open: "questions about whether", "the question is how";
    not "answered questions" or "questions from reporters"."""
    doc = anchor.doc
    i = anchor.i + 1
    if i >= len(doc) or doc[i].lower_ not in _QUESTION_LINKS:
        return False
    if anchor.head.lemma_.lower() in ("answer", "take", "ask", "field", "dodge"):
        return False
    if i + 1 < len(doc) and doc[i + 1].lower_ in ("not", "n't"):
        return False  # "the question is not whether they can, but whether they will": an argument
    window = doc[i : min(i + 4, len(doc))]
    for token in window:
        if token.lower_ in _WH:
            # "the question is how to make the case" deliberates and "the question is, why
            # did it take so long?" argues; neither reports an unknown fact
            return token.lower_ != "why" and not (
                token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to"
            )
    return False


def _is_named(noun: Token) -> bool:
    if noun.ent_type_ == "PERSON" or noun.dep_ in ("compound", "poss"):
        return True
    if any(
        c.dep_ in ("appos", "compound", "flat") and c.ent_type_ == "PERSON" for c in noun.children
    ):
        return True
    return any(
        c.dep_ == "prep" and c.lower_ == "including" and any(g.pos_ == "PROPN" for g in c.subtree)
        for c in noun.children
    )


_COGNITION_VERBS = frozenset({"feel", "think", "believe"})


def _is_party_group(noun: Token, lex: FlagLexicon) -> bool:
    """A group named by its party or office, voicing a position on the record: "elected
    officials in both parties say", "Republican and Democratic aides said"."""
    for child in noun.children:
        if (
            child.dep_ in ("amod", "compound")
            and child.lower_ in lex.party_words
            and (
                child.lower_ in ("elected", "bipartisan")
                or any(c.dep_ == "conj" and c.lower_ in lex.party_words for c in child.children)
            )
        ):
            return True
        if child.dep_ == "prep":
            words = {t.lower_ for t in child.subtree}
            if "both" in words and words & {"party", "parties", "aisle"}:
                return True
    return False


def _check_unnamed_source(anchor: Token, negated: bool, match: Span, lex: FlagLexicon) -> bool:
    """An unnamed insider supplying information: the subject of a reporting verb ("officials
    said", "Sources told reporters", "a source close to the campaign said") or the object of
    "according to"; "people" and "person" only with what makes them insiders ("people familiar
    with", "a person briefed on"). Not a named one ("the official, Jane Doe,")."""
    if _is_named(anchor) or any(c.lemma_.lower() in lex.media_words for c in anchor.children):
        return False  # "the official, Jane Doe,"; "news sources" are outlets
    if anchor.lemma_.lower() in ("people", "person") and not any(
        c.lower_ in lex.source_modifiers for c in anchor.children
    ):
        return False
    if _is_party_group(anchor, lex):
        return False
    head = anchor.head
    if anchor.dep_ == "nsubj" and head.lemma_.lower() in lex.source_verbs:
        if head.lemma_.lower() in _COGNITION_VERBS and not any(
            c.dep_ == "ccomp" for c in head.children
        ):
            return False  # "officials felt uneasy about the contract": a state, not a statement
        return not is_irrealis(head, lex)
    return anchor.dep_ == "pobj" and head.lower_ == "to" and head.head.lower_ == "according"


def _check_prenominal(anchor: Token, negated: bool, match: Span, lex: FlagLexicon) -> bool:
    """ "the alleged bribe", "apparent plagiarism"; not "heir apparent"."""
    return anchor.i < anchor.head.i


def _check_releases_information(
    anchor: Token, negated: bool, match: Span, lex: FlagLexicon
) -> bool:
    """ "declined to release the figures / the names / details": information behind a report is
    withheld; not "refuses to release his tax returns", the conduct a story is about."""
    verb = match[-1]
    return any(c.dep_ == "dobj" and c.lemma_.lower() in lex.statement_nouns for c in verb.children)


_ANY_DETERMINERS = frozenset({"every", "any", "all", "each", "no"})


def _check_identification(anchor: Token, negated: bool, match: Span, lex: FlagLexicon) -> bool:
    """ "investigating possible arson", "named him as a possible suspect", "had a possible
    reason": a hedge on what something is; not a thing that may come ("a role in a possible
    administration", "for a possible interview") or a degree ("the best possible")."""
    noun = anchor.head
    if not (anchor.dep_ == "amod" and anchor.i < noun.i and noun.pos_ == "NOUN"):
        return False
    if noun.tag_ != "NN" or any(
        c.tag_ in ("JJS", "RBS") or c.lower_ in _ANY_DETERMINERS
        for c in (*noun.children, *anchor.children)
    ):
        return False  # "possible options", "the best possible outcome", "every possible route"
    if noun.dep_ == "pobj":
        if noun.head.lower_ != "as":
            return False
    elif noun.dep_ not in ("dobj", "nsubj", "nsubjpass", "attr"):
        return False
    verb = _governing_verb(noun)
    return not (is_irrealis(verb, lex) or is_evaluation(verb) or in_opinion(verb))


_FIRST_PERSON = frozenset({"i", "we"})


def _check_not_first_person(anchor: Token, negated: bool, match: Span, lex: FlagLexicon) -> bool:
    """ "officials could not determine which files were taken"; not a speaker's own "I don't know
    who supports him" (what the speaker knows, not what is known)."""
    verb = anchor.head if anchor.dep_ == "xcomp" else anchor
    end = match.end
    if end < len(match.doc) and match.doc[end].lower_ == "to":
        return False  # "didn't know what to make of him": at a loss, not a fact unknown
    return not any(
        c.dep_ == "nsubj" and c.lower_ in _FIRST_PERSON for c in (*anchor.children, *verb.children)
    )


def _check_wh_complement(anchor: Token, negated: bool, match: Span, lex: FlagLexicon) -> bool:
    """ "did not say how many", "has not indicated whether": the withheld detail is a question."""
    doc = anchor.doc
    return anchor.i + 1 < len(doc) and doc[anchor.i + 1].lower_ in _WH


def _check_object_of_negated(anchor: Token, negated: bool, match: Span, lex: FlagLexicon) -> bool:
    """ "did not provide specific evidence", "never offered proof": the object of a denied verb."""
    head = anchor.head
    if anchor.dep_ == "pobj" and head.lower_ == "without":
        return True
    return anchor.dep_ == "dobj" and is_negated(head, lex)


_JUDGING_VERBS = frozenset({"call", "label", "deem", "brand", "consider", "find", "term"})


def _check_statement_verdict(anchor: Token, negated: bool, match: Span, lex: FlagLexicon) -> bool:
    """ "the report was revealed to be a hoax", "called the story a fabrication": a verdict on
    something said. "Climate change is a hoax" or "he thinks it's a hoax" is what a claim says,
    not a caveat on one."""
    if anchor.dep_ not in ("attr", "oprd", "dobj", "ccomp"):
        return False
    nouns = lex.statement_nouns | lex.report_nouns
    verb = anchor.head
    for _ in range(3):
        for child in verb.children:
            if (
                child.i != anchor.i
                and child.dep_ in ("nsubj", "nsubjpass", "dobj")
                and _resolve(child, lex).lemma_.lower() in nouns
            ):
                return True
        if verb.dep_ != "xcomp":
            break
        verb = verb.head
    return False


def _check_judges_statement(anchor: Token, negated: bool, match: Span, lex: FlagLexicon) -> bool:
    """A verdict on something said: "a false narrative", "that is not true", "called the report
    inaccurate", "It's misleading to imply"; not "false teeth" or "the true cost"."""
    head = anchor.head
    if negated and anchor.dep_ in ("ROOT", "conj", "amod") and head.pos_ not in ("VERB", "AUX"):
        return True  # a verdict on its own: "Nice try, not true."
    if anchor.dep_ == "amod":
        return head.lemma_.lower() in lex.statement_nouns | lex.report_nouns
    if anchor.dep_ == "oprd" or head.lemma_.lower() in _JUDGING_VERBS:
        return True
    if anchor.dep_ not in ("acomp", "attr", "ROOT", "conj"):
        return False
    if any(c.dep_ in ("ccomp", "xcomp") for c in (*anchor.children, *head.children)):
        return True
    for child in head.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            noun = _resolve(child, lex)
            if child.lower_ in ("it", "this", "that", "which") or noun.lemma_.lower() in (
                lex.statement_nouns | lex.report_nouns
            ):
                return True
    return False


Check = Callable[[Token, bool, Span, FlagLexicon], bool]
CHECKS: dict[str, Check] = {
    "any": _check_any,
    "statement": _check_statement,
    "disputable": _check_disputable,
    "clause": _check_clause,
    "predicative": _check_predicative,
    "passive": _check_passive,
    "contact_object": _check_contact_object,
    "not_noun_phrase": _check_not_noun_phrase,
    "epistemic_modal": _check_epistemic_modal,
    "adverb": _check_adverb,
    "factual_adverb": _check_factual_adverb,
    "evidential": _check_evidential,
    "clause_of_copula": _check_clause_of_copula,
    "open_question": _check_open_question,
    "unnamed_source": _check_unnamed_source,
    "object_of_negated": _check_object_of_negated,
    "wh_complement": _check_wh_complement,
    "prenominal": _check_prenominal,
    "identification": _check_identification,
    "releases_information": _check_releases_information,
    "source_noun": _check_source_noun,
    "open_fact": _check_open_fact,
    "not_first_person": _check_not_first_person,
    "judges_statement": _check_judges_statement,
    "statement_verdict": _check_statement_verdict,
}


# --- extent, topic and source -----------------------------------------------------------------


def _cue_extent(doc: Doc, start: int, end: int, anchor: Token, lex: FlagLexicon) -> Span:
    """The cue's words: the match plus its auxiliaries and negation ("could not be verified",
    "did not immediately respond", "impossible to verify", "is unknown")."""
    idx = {start, end - 1}
    for child in anchor.children:
        if child.dep_ in ("neg", "aux", "auxpass") or child.lower_ in _CUE_ADVERBS:
            idx.add(child.i)
    head = anchor.head
    if anchor.dep_ in ("acomp", "attr", "oprd") and head.lemma_ in _COPULAS:
        idx.add(head.i)
        idx.update(
            c.i
            for c in head.children
            if c.dep_ == "neg" or (c.dep_ == "nsubj" and c.lower_ == "it")
        )
    if anchor.dep_ == "xcomp":
        if head.lemma_.lower() in lex.negating_heads:
            idx.add(head.i)
        idx.update(
            c.i
            for c in head.children
            if c.dep_ == "acomp" and c.lemma_.lower() in lex.negating_heads and c.i < anchor.i
        )
    lo, hi = min(idx), max(idx) + 1
    if hi - lo > _MAX_CUE_TOKENS or lo < anchor.sent.start or hi > anchor.sent.end:
        return doc[start:end]
    return doc[lo:hi]


def _source_extent(doc: Doc, noun: Token, lex: FlagLexicon) -> Span:
    """The words of an unnamed source with what introduces it: "according to officials",
    "Sources said", "a source close to the campaign"."""
    phrase = _noun_phrase(doc, noun)
    start, end = phrase.start, phrase.end
    for child in noun.rights:
        modifier = child.dep_ in ("amod", "acl") and child.lower_ in lex.source_modifiers
        if modifier and child.right_edge.i + 1 - start <= _MAX_CUE_TOKENS + 4:
            end = child.right_edge.i + 1
    head = noun.head
    if noun.dep_ == "pobj" and head.head.lower_ == "according":
        start = head.head.i
    elif head.i in (end, start - 1):
        start, end = min(start, head.i), max(end, head.i + 1)
    if end - start > _MAX_CUE_TOKENS + 4:
        return phrase
    return doc[start:end]


def _topic_phrase(target: Token, lex: FlagLexicon) -> Token | None:
    """For a noun of things said with a complement ("claims of military unrest", "reports
    about looting"), the complement's head noun; otherwise None ("a confirmed instance of
    surrender" is about that instance, not about every claim of surrender)."""
    if target.lemma_.lower() not in lex.report_nouns:
        return None
    for prep in target.children:
        if prep.dep_ == "prep" and prep.lower_ in _TOPIC_PREPS:
            for pobj in prep.children:
                if pobj.dep_ != "pobj" or pobj.pos_ not in ("NOUN", "PROPN"):
                    continue
                lemma = pobj.lemma_.lower()
                if pobj.lower_ in lex.channels or lemma in lex.channels:
                    continue  # "reports on social media" says where they ran, not what
                if lemma in lex.topic_stop:
                    continue  # "a story about his claim that ...": that claim, no topic
                return pobj
    return None


def source_mention(doc: Doc, cue: Span, anchor: Token) -> Span | None:
    """The words naming the anonymous source: the noun the cue's clause is about ("the official,
    who spoke on condition of anonymity"; "officials speaking on condition of anonymity"; "an
    anonymous official"; "he spoke on condition that he not be named")."""
    if anchor.lower_ == "anonymous" and anchor.dep_ == "amod":
        return _noun_phrase(doc, anchor.head)
    verb = anchor
    for _ in range(6):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    for _ in range(3):
        if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return _noun_phrase(doc, verb.head)
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                noun = child.head.head if child.lower_ in ("who", "that") else child
                return _noun_phrase(doc, noun)
        if verb.head.i == verb.i:
            break
        verb = verb.head
    return None


def _noun_phrase(doc: Doc, noun: Token) -> Span:
    left = noun.i
    for child in noun.lefts:
        if child.dep_ in ("det", "amod", "compound", "poss", "nmod", "nummod"):
            left = min(left, child.left_edge.i)
    return doc[left : noun.i + 1]


def _attributed_speaker(doc: Doc, mention: Span | None) -> SpeakerInfo | None:
    """The speaker the attribution component resolved for these words, if it did."""
    if mention is None or ATTRIBUTIONS not in doc.spans:
        return None
    for span in doc.spans[ATTRIBUTIONS]:
        attribution = span._.claimtrack_attribution
        other = getattr(attribution, "mention", None)
        if other is not None and other.start < mention.end and mention.start < other.end:
            return attribution.speaker
    return None
