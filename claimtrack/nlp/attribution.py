"""Attribution: who said what, read from the parse, the entities and the quotation marks.

An attribution is a cue (a reporting verb such as "said", or a phrase such as "according to"),
a source (the words naming the speaker at the cue) and a content (what was said). The content
follows PolNeAR's conventions, since that is what the scorer checks against:

- indirect speech: the complement clause, "that" included, without the sentence's final period;
- direct quotes: the quoted text with its quotation marks (and a comma inside them);
- "according to X": the clause the phrase hangs on, without the phrase.

Quotations are found on the text, paragraph by paragraph, before the parse is consulted: the
parser splits multi-sentence quotes into several sentences, and the quote marks say where the
speaker's words start and end. A quotation mark left open at the end of a paragraph closes there
(the newspaper convention for quotes running over several paragraphs); a closing mark with no
opening is ignored. Web text mixes curly and straight marks ('“We will win," he said'): a
straight mark at a word's end closes a curly quotation, a curly closing mark a straight one. So
an unbalanced mark costs at most one paragraph's quote, never the article.

A paragraph that is one quotation with no cue of its own continues the speaker of the
attribution that ends the paragraph before it: its content grows over the quote paragraph, as
PolNeAR marks a speaker's run of paragraphs as one content in several pieces.

The speakers (canonical names, roles, aliases) are resolved by `claimtrack.nlp.speakers`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from claimtrack.lexicons import Overrides
from claimtrack.lexicons import load as load_lexicon
from claimtrack.nlp.annotations import (
    ATTRIBUTIONS,
    FURNITURE,
    Attribution,
    doc_text,
    register_extensions,
)
from claimtrack.nlp.attribution_closing import closing_clause
from claimtrack.nlp.attribution_combine import combine
from claimtrack.nlp.attribution_control import nested_act, object_controller
from claimtrack.nlp.attribution_model import MODEL_SPANS
from claimtrack.nlp.attribution_sense import Senses, states_nothing
from claimtrack.nlp.quote_pieces import (
    ends_sentence,
    join_interrupted,
    set_off_quote,
    without_narration,
)
from claimtrack.nlp.quotes import find_quotes, in_quote
from claimtrack.nlp.signed_quotes import signer
from claimtrack.nlp.syntax import noun_phrase
from claimtrack.nlp.transcripts import introducer, transcript_turns

# Subject dependencies that name the speaker of a reporting verb.
SUBJECTS = ("nsubj",)
# Dependencies of a non-finite cue whose speaker is the subject of the verb it hangs on
# ("..., adding that", "went public with a journal, declaring").
INHERITS_SUBJECT = ("advcl", "xcomp", "conj", "pcomp", "acl")
# Dependencies that make a cue's clause the content: the complement, or the clause a
# parenthetical cue interrupts ("The plan, he said, is dead").
COMPLEMENTS = ("ccomp",)
PARENTHETICAL = ("parataxis", "ccomp", "advcl")
NESTED_CUE = ("advcl", "conj", "parataxis")
RELATIVE = {"who", "which", "that", "whom", "whose"}
# Punctuation that may sit between a quotation and its cue clause.
LINKING_PUNCT = {",", ":", ";", "—", "–", "-", "--"}


@Language.factory(
    "claimtrack_attribution",
    assigns=["doc.spans", "span._.claimtrack_attribution"],
    requires=["token.dep", "token.pos", "token.lemma", "doc.ents", "doc.spans"],
    default_config={"lexicons": {}, "beliefs": True, "rules": True, "model": True},
)
def make_attribution(
    nlp: Language, name: str, *, lexicons: dict[str, str], beliefs: bool, rules: bool, model: bool
) -> AttributionFinder:
    return AttributionFinder(lexicons=lexicons, beliefs=beliefs, rules=rules, model=model)


@dataclass(slots=True)
class AttributionMatch:
    """One attribution as found, before its speaker is resolved."""

    content: Span
    mention: Span | None
    cue: Span | None
    quote: str
    continuation: bool = False  # a quote paragraph with no cue, joined to the one before


class AttributionFinder:
    """Finds attributions in three passes: quotations on the text, cues on the parse (verbs,
    "according to", statement nouns), then quotations left over: a name and a colon label one,
    or it continues the speaker of the paragraph before. When the trained tagger ran before it
    (`claimtrack.nlp.attribution_model`), its spans are combined with these (`rules` and
    `model` switch either off, to measure the other alone). Sets each content span's
    `Attribution` with its mention, cue and quote kind; the speakers component resolves the
    mentions."""

    def __init__(
        self,
        *,
        lexicons: Overrides | None = None,
        beliefs: bool = True,
        rules: bool = True,
        model: bool = True,
    ) -> None:
        register_extensions()
        self.rules, self.model = rules, model
        lexicon = load_lexicon("cues", lexicons)
        # Verbs of saying and believing: a clause or a quotation next to them is the content.
        self.reporting = frozenset(lexicon["verbs"]) | (
            frozenset(lexicon["beliefs"]) if beliefs else frozenset()
        )
        self.objects = frozenset(lexicon["objects"])
        self.infinitives = frozenset(lexicon["infinitives"])
        self.addressees = frozenset(lexicon["addressees"])
        self.prepositions = {k: frozenset(v) for k, v in lexicon["prepositions"].items()}
        self.quote_verbs = frozenset(lexicon["quote_verbs"])
        # Every verb that may be a cue, whatever its content is.
        self.verbs = (
            self.reporting
            | self.objects
            | self.infinitives
            | self.quote_verbs
            | frozenset(self.prepositions)
        )
        self.phrases = [tuple(p.lower().split()) for p in lexicon["phrases"]]
        self.nouns = frozenset(lexicon["nouns"])
        self.noun_prepositions = frozenset(lexicon["noun_prepositions"])
        self.media = frozenset(lexicon["media"])
        self.causatives = frozenset(lexicon["causatives"])
        # "a magazine pegged her at $3.1 billion": a figure stated for the object.
        self.valuations = frozenset(lexicon["valuations"])
        self.verbs |= self.valuations
        self.senses = Senses.of(lexicon, load_lexicon("speakers", lexicons))
        self.announcing = (self.verbs, self.nouns | self.media)

    def __call__(self, doc: Doc) -> Doc:
        found = self.find(doc) if self.rules else []
        tagged = doc.spans.get(MODEL_SPANS) if self.model else None
        if tagged is not None and (len(tagged) or not self.rules):
            quotes = find_quotes(doc)
            quote_of = _quote_index(doc, quotes)
            if self.rules:
                found = _learned_cues(
                    lambda verb: self._verb(doc, verb, quotes, quote_of, learned=True),
                    doc,
                    found,
                    tagged,
                    quote_of,
                )
            found = combine(
                doc,
                found,
                list(tagged),
                make=AttributionMatch,
                speaker_of=self._speaker_of,
                quote_kind=lambda c: _quote_kind(c, quotes, quote_of),
                rules=self.rules,
                grow=lambda c: _trim(_with_quotes(doc, c, quotes, quote_of)) or c,
            )
        found = _without_nested_acts(found, self.reporting)
        spans = []
        for f in found:
            f.content._.claimtrack_attribution = Attribution(
                speaker=None, mention=f.mention, cue=f.cue, quote=f.quote
            )
            spans.append(f.content)
        doc.spans[ATTRIBUTIONS] = spans
        return doc

    def find(self, doc: Doc) -> list[AttributionMatch]:
        """The attributions of a Doc in text order (contents sorted by start, then end)."""
        if not len(doc):
            return []
        text = doc_text(doc)
        quotes = find_quotes(doc, text)
        quote_of = _quote_index(doc, quotes)
        furniture = [False] * len(doc)
        for span in doc.spans.get(FURNITURE, []):
            for i in range(span.start, span.end):
                furniture[i] = True
        return self._find(doc, quotes, quote_of, furniture, text)

    # --- the passes --------------------------------------------------------------------------

    def _find(
        self, doc: Doc, quotes: list[Span], quote_of: list[int], furniture: list[bool], text: str
    ) -> list[AttributionMatch]:
        found: list[AttributionMatch] = []
        used_quotes: set[int] = set()
        taken = [False] * len(doc)
        for cue_tokens, kind in self._cues(doc, quote_of, furniture):
            if kind == "phrase":
                item = _according_to(doc, cue_tokens)
            elif kind == "noun":
                item = self._noun(doc, cue_tokens[0], quotes, quote_of)
            elif kind == "bare":
                item = _bare_verb(doc, cue_tokens[0], quotes, quote_of)
            else:
                item = self._verb(doc, cue_tokens[0], quotes, quote_of)
            if item is None:
                continue
            if any(taken[item.content.start : item.content.end]) and item.quote == "direct":
                continue
            for i in range(item.content.start, item.content.end):
                if quote_of[i] >= 0:
                    used_quotes.add(quote_of[i])
            found.append(item)
        found.extend(self._trailing_cues(doc, quotes, used_quotes, furniture))
        found = _dedupe(found)
        owner = _owners(len(doc), found)
        found = [
            _merge_quotes(doc, f, quotes, quote_of, used_quotes, owner, k)
            for k, f in enumerate(found)
        ]
        found.extend(_labelled_quotes(doc, quotes, used_quotes, furniture))
        found.extend(_signed_quotes(doc, text, quotes, used_quotes, furniture))
        found.extend(
            _introduced_quotes(doc, quotes, quote_of, used_quotes, furniture, self.announcing)
        )
        found.extend(_transcript_turns(doc, text, found, furniture))
        found.extend(_continuations(doc, quotes, used_quotes, furniture))
        found.sort(key=lambda f: (f.content.start, f.content.end))
        return _link_continuations(join_interrupted(without_narration(found)))

    def _cues(
        self, doc: Doc, quote_of: list[int], furniture: list[bool]
    ) -> Iterator[tuple[list[Token], str]]:
        """Cue verbs and cue phrases outside quotations and furniture, in text order."""
        n = len(doc)
        for token in doc:
            i = token.i
            if quote_of[i] >= 0 or furniture[i]:
                continue
            lower = token.lower_
            for phrase in self.phrases:
                if lower == phrase[0] and i + len(phrase) <= n:
                    words = tuple(t.lower_ for t in doc[i : i + len(phrase)])
                    if words == phrase:
                        yield list(doc[i : i + len(phrase)]), "phrase"
            if token.pos_ == "NOUN" and token.lemma_.lower() in self.nouns:
                yield [token], "noun"
            if token.pos_ == "NOUN" and _verb_read_as_noun(token, self.infinitives):
                yield [token], "bare"
            if token.pos_ in ("VERB", "AUX") and (
                token.lemma_.lower() in self.verbs or _takes_that_clause(token)
            ):
                yield [token], "verb"

    def _verb(
        self,
        doc: Doc,
        verb: Token,
        quotes: list[Span],
        quote_of: list[int],
        *,
        learned: bool = False,
    ) -> AttributionMatch | None:
        mention = self._speaker_of(verb)
        if mention is None or not _names_speaker(mention):
            mention = _stranded_subject(verb, quote_of)
        if mention is None or not _names_speaker(mention):
            return None
        lemma = verb.lemma_.lower()
        cue = _cue_span(verb)
        reporting = learned or lemma in self.reporting or _takes_that_clause(verb)
        content = _complement(verb, mention, self.reporting) if reporting else None
        if content is None and reporting:
            content = _clause_after_phrase(verb, self.prepositions.get(lemma, frozenset()))
        if content is None and lemma in self.valuations:
            content = _valuation(verb)
        if content is None and (learned or lemma in self.infinitives):
            content = _child_clause(verb, ("xcomp",))
        if content is None and reporting:
            content = _parenthetical(verb, mention, self.reporting)
        if content is None and _may_take_quote(verb) and (reporting or lemma in self.quote_verbs):
            content = _adjacent_quote(doc, verb, mention, quotes, quote_of)
        closing = closing_clause(verb, mention) if content is None and reporting else None
        if closing is not None:
            content, mention = closing
        if content is None and lemma in self.prepositions:
            content, cue = _prepositional(verb, cue, self.prepositions)
        if content is None and (
            learned
            or lemma in self.objects
            or (lemma in self.reporting and lemma not in self.addressees)
        ):
            # "called the plan a disgrace": the predicate is what was said of the object.
            content = _child_clause(verb, ("oprd",)) or _child_clause(
                verb, ("dobj",), trailing=("prep", "advcl")
            )
        if content is None:
            return None
        content = _with_quotes(doc, content, quotes, quote_of)
        last = quote_of[content.end - 1]
        clause_start = min(mention.start, verb.i)
        content = set_off_quote(content, clause_start, quotes[last] if last >= 0 else None)
        content = _trim(_within_paragraph(content, verb))
        if content is None or (len(content) < 2 and content[0].pos_ != "PROPN"):
            return None
        if _paragraph_ends_before(content, verb) or states_nothing(
            verb, content, self.senses, quote_of, mention
        ):
            return None
        if mention.start > verb.i >= content.end:
            content, mention = _speaker_after_quote(content, mention, quotes, quote_of)
        inside = content.start <= verb.i < content.end
        if mention.start < content.end and content.start < mention.end and not inside:
            return None
        return AttributionMatch(content, mention, cue, _quote_kind(content, quotes, quote_of))

    def _noun(
        self, doc: Doc, noun: Token, quotes: list[Span], quote_of: list[int]
    ) -> AttributionMatch | None:
        """A statement noun with its speaker as possessor or by-phrase ("Trump's claim that
        ...", "a call by the mayor for calm"); its clause or prepositional object is the
        content."""
        mention: Span | None = None
        content: Span | None = None
        for child in noun.children:
            if child.dep_ == "poss" and child.pos_ in ("PROPN", "NOUN", "PRON"):
                mention = noun_phrase(child)
            elif child.dep_ == "prep" and child.lower_ == "by" and mention is None:
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects:
                    mention = noun_phrase(objects[0])
        if mention is None:
            return None
        for child in noun.rights:
            if child.dep_ in ("acl", "ccomp", "relcl") and any(
                g.dep_ == "mark" and g.lower_ == "that" for g in child.children
            ):
                content = doc[child.left_edge.i : child.right_edge.i + 1]
                break
            if child.dep_ == "acl" and child.tag_ == "VB":
                content = doc[child.left_edge.i : child.right_edge.i + 1]
                break
            if child.dep_ == "prep" and child.lower_ in self.noun_prepositions:
                objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
                if objects:
                    content = doc[objects[0].left_edge.i : objects[0].right_edge.i + 1]
                    break
        if content is None:
            return None
        content = _trim(_within_paragraph(_with_quotes(doc, content, quotes, quote_of), noun))
        if content is None or len(content) < 2:
            return None
        if mention.start < content.end and content.start < mention.end:
            return None
        cue = doc[noun.i : noun.i + 1]
        return AttributionMatch(content, mention, cue, _quote_kind(content, quotes, quote_of))

    def _speaker_of(self, verb: Token) -> Span | None:
        """The words naming the speaker of a cue verb: its subject, the subject of the verb a
        participle or conjunct hangs on, the agent of a passive, or the author in a statement
        noun's by-phrase ("a post by X noted")."""
        if (
            verb.tag_ == "VBN"
            and verb.dep_ in ("advcl", "acl")
            and not any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in verb.children)
        ):
            # "Asked about the vote, X said ...": X was asked; the asker is not named.
            return None
        head = verb
        if (
            verb.tag_ == "VB"
            and verb.dep_ == "ccomp"
            and verb.head.lemma_.lower() in self.causatives
            and verb.head.i < verb.i
        ):
            # "The forms make volunteers acknowledge that ...": the forms say it.
            head = verb.head
        for _ in range(4):
            controller = object_controller(head)
            if controller is not None:
                return noun_phrase(controller)
            for child in head.children:
                if child.dep_ in SUBJECTS:
                    child = _nearest_subject(head, child)
                    if _across_lines(child, verb):
                        return None
                    return _medium_author(child, self.media) or noun_phrase(child)
                if child.dep_ == "agent":
                    for obj in child.children:
                        if obj.dep_ == "pobj":
                            return noun_phrase(obj)
            if (
                head.dep_ == "pcomp"
                and head.head.pos_ == "ADP"
                and head.head.head.pos_ in ("VERB", "AUX")
            ):
                # "X injected a new element into the race by questioning Y's eligibility"
                head = head.head.head
                continue
            if (
                head.dep_ in INHERITS_SUBJECT
                and head.head is not head
                and head.head.pos_ in ("VERB", "AUX")
            ):
                head = _main_verb(head) if head.tag_ == "VBG" else head.head
                continue
            if head.dep_ == "relcl" and head.head is not head:
                return None
            break
        return None

    def _trailing_cues(
        self, doc: Doc, quotes: list[Span], used: set[int], furniture: list[bool]
    ) -> Iterator[AttributionMatch]:
        """'"...," Ramos, 58, told a reporter' / '"...," said Ann Lee, the ...': a quotation
        the parse left without a cue, followed in its paragraph by a cue verb as the first verb
        after it. The parser often loses such a clause in a long apposition; the order of the
        words is enough: the words between the quotation and the verb (or right after an
        inverted verb), up to the first comma, name the speaker."""
        n = len(doc)
        for qi, quote in enumerate(quotes):
            if qi in used or furniture[quote.start] or ends_sentence(quote):
                continue
            j = quote.end
            while j < n and _linking(doc[j]) and doc[j].text not in (".", "!", "?"):
                j += 1
            verb: Token | None = None
            k = j
            while k < n and k < j + 25 and _before_next_quote(doc, k, quotes, qi):
                token = doc[k]
                if "\n" in token.text or token.text in (".", "!", "?", ";"):
                    break
                if token.pos_ == "VERB":
                    verb = token
                    break
                k += 1
            if verb is None or verb.lemma_.lower() not in self.reporting | self.quote_verbs:
                continue
            if verb.i == j:
                start = verb.i + 1
                end = start
                while end < n and end < start + 8 and not _ends_name(doc[end]):
                    end += 1
            else:
                start, end = j, j
                while end < verb.i and doc[end].text != ",":
                    end += 1
            mention = _trim(doc[start:end]) if end > start else None
            if mention is None or not any(t.pos_ in ("PROPN", "NOUN", "PRON") for t in mention):
                continue
            if any(t.pos_ in ("VERB", "AUX") for t in mention) or _opens_clause(mention[0]):
                # '"Dusk," and on Friday NBC said', 'told "Today" that he agrees': a clause
                # goes on after the quotation; its subject is not the quotation's speaker.
                continue
            content = _trim(quote)
            if content is None:
                continue
            used.add(qi)
            yield AttributionMatch(content, mention, _cue_span(verb), "direct")


def _signed_quotes(
    doc: Doc, text: str, quotes: list[Span], used: set[int], furniture: list[bool]
) -> Iterator[AttributionMatch]:
    """'"..." ― Ann Lee': the signer speaks the quotation (`claimtrack.nlp.signed_quotes`)."""
    for qi, quote in enumerate(quotes):
        if qi in used or furniture[quote.start]:
            continue
        signed = signer(doc, quote, text, whole_line=_opens_paragraph(doc, quote.start))
        content = _trim(signed.words) if signed is not None else None
        if signed is None or content is None:
            continue
        used.update(k for k in range(qi, len(quotes)) if quotes[k].start < content.end)
        yield AttributionMatch(content, signed.name, signed.dash, "direct")


def _introduced_quotes(
    doc: Doc,
    quotes: list[Span],
    quote_of: list[int],
    used: set[int],
    furniture: list[bool],
    announcing: tuple[frozenset[str], frozenset[str]],
) -> Iterator[AttributionMatch]:
    """'X made the following comment:' and a quotation opening the next paragraph: X speaks
    it (`claimtrack.nlp.transcripts.introducer`)."""
    for qi, quote in enumerate(quotes):
        if qi in used or furniture[quote.start] or not _opens_paragraph(doc, quote.start):
            continue
        introduced = introducer(doc, quote)
        content = _trim(quote)
        if introduced is None or content is None or quote_of[introduced[0].start] >= 0:
            continue
        if not _announces_words(introduced[1], *announcing):
            continue
        used.add(qi)
        yield AttributionMatch(content, introduced[0], _cue_span(introduced[1]), "direct")


def _transcript_turns(
    doc: Doc, text: str, found: list[AttributionMatch], furniture: list[bool]
) -> Iterator[AttributionMatch]:
    """'SMITH: ...' turns of a transcript (`claimtrack.nlp.transcripts`); a turn that holds a
    quotation already attributed is left to it."""
    taken = [(f.content.start, f.content.end) for f in found if f.quote == "direct"]
    for label, colon, turn in transcript_turns(doc, text):
        if furniture[label.start] or any(s < turn.end and turn.start < e for s, e in taken):
            continue
        content = _trim(turn)
        if content is not None:
            yield AttributionMatch(content, label, colon, "direct")


def _announces_words(verb: Token, verbs: frozenset[str], nouns: frozenset[str]) -> bool:
    """Whether a line before a colon announces words: a cue verb ("wrote:") or a statement
    noun as the object ("made the following comment:")."""
    if verb.lemma_.lower() in verbs:
        return True
    return any(c.dep_ == "dobj" and c.lemma_.lower() in nouns for c in verb.children)


def _without_nested_acts(
    found: list[AttributionMatch], saying: frozenset[str]
) -> list[AttributionMatch]:
    contents = [(f.content.start, f.content.end, f.cue.root.i) for f in found if f.cue is not None]
    # A quotation is words someone said, whatever the verb next to it.
    return [
        f
        for f in found
        if f.cue is None or f.quote == "direct" or not nested_act(f.cue, contents, saying)
    ]


def _prepositional(
    verb: Token, cue: Span, prepositions: dict[str, frozenset[str]]
) -> tuple[Span | None, Span]:
    """'called for a ban': the preposition joins the cue, its object is the content."""
    allowed = prepositions.get(verb.lemma_.lower(), frozenset())
    doc = verb.doc
    for child in verb.children:
        if child.dep_ in ("prep", "prt") and child.lower_ in allowed:
            objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            if objects:
                obj = objects[0]
                content = doc[obj.left_edge.i : obj.right_edge.i + 1]
                return content, doc[cue.start : max(cue.end, child.i + 1)]
    return None, cue


def _according_to(doc: Doc, cue: list[Token]) -> AttributionMatch | None:
    """ "according to X": X is the source, the clause the phrase qualifies the content."""
    last = cue[-1]
    objects = [c for c in last.children if c.dep_ == "pobj"]
    if not objects:
        objects = [c for c in cue[0].children if c.dep_ == "pobj"]
    if not objects:
        return None
    mention = noun_phrase(objects[0])
    sent = cue[0].sent
    phrase_start = cue[0].i
    phrase_end = max(objects[0].right_edge.i + 1, last.i + 1)
    lo, hi = _qualified_clause(cue[0], sent)
    before = doc[lo:phrase_start]
    after = doc[phrase_end:hi]
    content = _qualified_content(before, after, cue[0])
    if content is None:
        return None
    cue_span = doc[cue[0].i : last.i + 1]
    return AttributionMatch(content, mention, cue_span, "indirect")


def _learned_cues(
    read_verb: Callable[[Token], AttributionMatch | None],
    doc: Doc,
    found: list[AttributionMatch],
    tagged: Iterable[Span],
    quote_of: list[int],
) -> list[AttributionMatch]:
    """The tagger's cue verbs the lexicon lacks ("seemed", "backing", "hoped"), read as
    the rules read a reporting verb: speaker from the parse, content from its clause."""
    used = [False] * len(doc)
    for f in found:
        for span in (f.content, f.cue):
            if span is not None:
                for i in range(span.start, span.end):
                    used[i] = True
    extra = []
    for span in tagged:
        if span.label_ != "CUE" or any(used[span.start : span.end]):
            continue
        verbs = [t for t in span if t.pos_ in ("VERB", "AUX") and quote_of[t.i] < 0]
        if not verbs:
            continue
        item = read_verb(verbs[-1])
        if item is not None and not any(used[item.content.start : item.content.end]):
            extra.append(item)
    if not extra:
        return found
    return sorted(found + extra, key=lambda f: (f.content.start, f.content.end))


def _qualified_content(before: Span, after: Span, cue: Token) -> Span | None:
    """The content of a phrase that qualifies a clause ("according to X"): the side of the
    clause around it that holds the word the phrase hangs on, else the longer side, in the
    cue's paragraph, without a conjunction that opens it ("But the company declined, according
    to X": the conjunction joins the sentence to the one before; X did not say it)."""
    content = _trim(_qualified_side(before, after, cue.head))
    while content is not None and content[0].dep_ == "cc" and content[0].pos_ == "CCONJ":
        content = _trim(content[1:])
    if content is None:
        return None
    # The parser may join the sentence to the paragraph before it.
    content = _trim(_within_paragraph(content, cue))
    if content is None or len(content) < 3:
        return None
    return content


def _qualified_side(before: Span, after: Span, head: Token) -> Span:
    """ "Turnout fell, according to the count, despite the rain": the phrase qualifies the
    clause it hangs on, before it, not the words trailing after it; "The firm, according to X,
    lost money" hangs on the verb after it."""
    if len(before) and before.start <= head.i < before.end:
        return before
    if len(after) and after.start <= head.i < after.end:
        return after
    return after if len(after) > len(before) else before


def _qualified_clause(phrase: Token, sent: Span) -> tuple[int, int]:
    """Where the clause an "according to" phrase qualifies starts and ends: the subtree of the
    verb the phrase hangs on ("..., and Clinton broke it, according to X" qualifies only the
    last clause; "82 percent of whom view Trump unfavorably, according to the poll" only the
    relative clause), else the sentence; a colon or semicolon before the phrase starts it
    ("It gets worse: London was first, according to X")."""
    lo, hi = sent.start, sent.end
    head = phrase.head
    if head is not phrase and head.pos_ in ("VERB", "AUX") and sent.start <= head.i < sent.end:
        lo = max(lo, head.left_edge.i)
        hi = min(hi, head.right_edge.i + 1)
    if phrase.i > lo:
        for token in reversed(sent.doc[lo : phrase.i]):
            if token.text in (":", ";") and not token.is_quote:
                lo = token.i + 1
                break
    return lo, hi


def _medium_author(subject: Token, media: frozenset[str]) -> Span | None:
    """ "A post by Maliar noted ...", "Maliar's statement said ...": the author speaks."""
    if subject.lemma_.lower() not in media:
        return None
    for child in subject.children:
        if child.dep_ == "poss" and child.pos_ in ("PROPN", "NOUN"):
            return noun_phrase(child)
        if child.dep_ == "prep" and child.lower_ == "by":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return noun_phrase(obj)
    return None


def _quote_index(doc: Doc, quotes: list[Span]) -> list[int]:
    """For each token, the index of the quotation it is in, or -1."""
    quote_of = [-1] * len(doc)
    for qi, q in enumerate(quotes):
        for i in range(q.start, q.end):
            quote_of[i] = qi
    return quote_of


def _speaker_after_quote(
    content: Span, mention: Span, quotes: list[Span], quote_of: list[int]
) -> tuple[Span, Span]:
    """'"...," Ramos, 58, told AFP': when the parser makes the listener the subject and hangs
    the quotation and the real speaker on the verb together, the words between the quotation
    and the verb (up to a comma) are the speaker, and the quotation alone the content."""
    doc = content.doc
    qi = quote_of[content.end - 1]
    last = max((quote_of[i] for i in range(content.start, content.end)), default=-1)
    if qi >= 0 or last < 0:
        return content, mention
    quote = quotes[last]
    start = quote.end
    while start < content.end and _linking(doc[start]):
        start += 1
    end = start
    while end < content.end and doc[end].text != ",":
        end += 1
    tail = doc[start:end]
    if (
        not len(tail)
        or any(t.pos_ in ("VERB", "AUX") for t in tail)
        or not any(t.pos_ in ("PROPN", "PRON") for t in tail)
    ):
        return content, mention
    return _trim(doc[content.start : quote.end]) or content, tail


def _before_next_quote(doc: Doc, k: int, quotes: list[Span], qi: int) -> bool:
    """Whether token k is outside the next quotation after quotation qi."""
    return qi + 1 >= len(quotes) or k < quotes[qi + 1].start


def _ends_name(token: Token) -> bool:
    """Where a speaker's name after an inverted cue ends: a comma, a sentence end, a line
    break, a quotation mark, or a word that starts a clause."""
    return (
        token.text in (",", ".", "!", "?", ";", ":")
        or "\n" in token.text
        or token.is_quote
        or token.pos_ in ("VERB", "AUX", "SCONJ")
    )


def _quote_kind(content: Span, quotes: list[Span], quote_of: list[int]) -> str:
    inside = {quote_of[i] for i in range(content.start, content.end) if quote_of[i] >= 0}
    if not inside:
        return "indirect"
    if len(inside) == 1:
        q = quotes[next(iter(inside))]
        if q.start <= content.start and q.end >= content.end - 1:
            return "direct"
    covered = sum(1 for i in range(content.start, content.end) if quote_of[i] >= 0)
    return "direct" if covered >= len(content) - 2 else "mixed"


def _with_quotes(doc: Doc, content: Span, quotes: list[Span], quote_of: list[int]) -> Span:
    """Grow a content span to the whole of any quotation it cuts into (the parser ends a clause
    at the first sentence of a multi-sentence quote)."""
    start, end = content.start, content.end
    if quote_of[start] >= 0:
        start = min(start, quotes[quote_of[start]].start)
    if quote_of[end - 1] >= 0:
        end = max(end, quotes[quote_of[end - 1]].end)
    # A quote that starts right after the content's last token but before the sentence ends
    # (the closing mark detached by the parser) is part of it too.
    return doc[start:end]


def _adjacent_quote(
    doc: Doc, verb: Token, mention: Span, quotes: list[Span], quote_of: list[int]
) -> Span | None:
    """The quotation right before the cue clause ('"...," she added') or right after it
    ('X said: "..."'), with only linking punctuation between them, in the same paragraph."""
    clause_start = min(mention.start, verb.i)
    clause_end = max(mention.end, verb.i + 1)
    introduces = any(t.text == ":" for t in doc[clause_end : min(len(doc), clause_end + 6)])
    # Before: skip back over punctuation (unless the clause introduces what follows, "X said:").
    i = clause_start - 1 if not introduces else -1
    while i >= 0 and doc[i].is_punct and quote_of[i] < 0 and doc[i].text in LINKING_PUNCT:
        i -= 1
    if (
        i >= 0
        and quote_of[i] >= 0
        and "\n" not in doc[i:clause_start].text
        and not ends_sentence(quotes[quote_of[i]])
    ):
        return quotes[quote_of[i]]
    # After: the verb's own right edge, skipping adverbs/objects up to linking punctuation.
    j = clause_end
    n = len(doc)
    steps = 0
    while j < n and quote_of[j] < 0 and steps < 8:
        token = doc[j]
        if token.is_space or "\n" in token.text or token.text in (".", "!", "?"):
            break
        j += 1
        steps += 1
    if j < n and quote_of[j] >= 0 and "\n" not in doc[clause_end:j].text:
        between = doc[clause_end:j]
        if any(t.text in (":", ",") for t in between) or len(between) == 0:
            return quotes[quote_of[j]]
    # 'He told a reporter:' closing a paragraph introduces the next one, quoted or not.
    if j < n and doc[j - 1].text == ":" and "\n" in doc[j - 1].text_with_ws + doc[j].text:
        return _next_paragraph(doc, j)
    return None


def _next_paragraph(doc: Doc, i: int) -> Span | None:
    """The paragraph that starts at or after token i (up to the next line break)."""
    n = len(doc)
    while i < n and doc[i].is_space:
        i += 1
    end = i
    while end < n and "\n" not in doc[end].text:
        if "\n" in doc[end].text_with_ws:
            end += 1
            break
        end += 1
    return doc[i:end] if end > i else None


def _merge_quotes(
    doc: Doc,
    item: AttributionMatch,
    quotes: list[Span],
    quote_of: list[int],
    used: set[int],
    owner: list[int],
    me: int,
) -> AttributionMatch:
    """Grow a quoted content over the quotations its cue clause sits between, or that follow
    it in the paragraph with nothing else in between ('"A," she said. "B."'): one speaker's
    words, which PolNeAR marks as one content in several pieces."""
    if item.cue is None:
        return item
    # The cue's sentence, outside the content: "said Y, a lawyer who ..., adding that ...".
    sent = item.cue.sent
    clause = [max(sent.start, item.content.end), sent.end]
    if item.content.start >= item.cue.end:
        clause = [sent.start, min(sent.end, item.content.start)]
    # Never across another attribution's content ("said X, who also said that ...").
    for i in range(clause[0], clause[1]):
        if owner[i] not in (-1, me):
            return item
    start, end = item.content.start, item.content.end
    # Backward: a quotation just before the cue clause, when the content follows the clause.
    if start >= clause[1] and item.quote != "indirect":
        j = clause[0] - 1
        while j >= 0 and _linking(doc[j]):
            j -= 1
        qi = quote_of[j] if j >= 0 else -1
        if (
            qi >= 0
            and qi not in used
            and _only_link(doc, quotes[qi].end, start, clause)
            and "\n" not in doc[quotes[qi].end - 1 : start].text
        ):
            start = quotes[qi].start
            used.add(qi)
    # Forward: quotations that follow, separated only by the cue clause and punctuation.
    j = end
    n = len(doc)
    while j < n:
        k = j
        while k < n and quote_of[k] < 0 and (_linking(doc[k]) or clause[0] <= k < clause[1]):
            if "\n" in doc[k].text:
                break
            k += 1
        if k >= n or quote_of[k] < 0 or quote_of[k] in used or "\n" in doc[j:k].text:
            break
        qi = quote_of[k]
        end = quotes[qi].end
        used.add(qi)
        j = end
    if (start, end) == (item.content.start, item.content.end):
        return item
    item.content = _trim(doc[start:end]) or item.content
    if item.quote == "indirect":
        item.quote = "mixed"
    return item


def _owners(n: int, found: list[AttributionMatch]) -> list[int]:
    """For each token, the attribution whose content holds it (-1 for none), leaving out asides
    that keep the speaker ("said X, adding that ...", "said X, who noted ...": still X's words)."""
    owner = [-1] * n
    for k, f in enumerate(found):
        if not _same_speaker_aside(f):
            for i in range(f.content.start, f.content.end):
                owner[i] = k
    return owner


def _same_speaker_aside(found: AttributionMatch) -> bool:
    """An attribution inside another's cue sentence that does not change the speaker: its
    source is a relative pronoun ("said X, who also said that ...", "in a film that showed")
    or the subject of the verb its cue hangs on ("she said, adding that ...")."""
    mention, cue = found.mention, found.cue
    if mention is None or cue is None:
        return False
    if len(mention) == 1 and mention[0].lower_ in RELATIVE:
        return True
    return cue[0].tag_ == "VBG"


def _linking(token: Token) -> bool:
    return (token.is_punct and token.text not in ("(", ")")) or (
        token.is_space and "\n" not in token.text
    )


def _only_link(doc: Doc, a: int, b: int, clause: list[int]) -> bool:
    return all(_linking(doc[i]) or clause[0] <= i < clause[1] for i in range(a, b))


def _opens_paragraph(doc: Doc, i: int) -> bool:
    j = i - 1
    while j >= 0 and doc[j].is_space and "\n" not in doc[j].text:
        j -= 1
    return j < 0 or "\n" in doc[j].text or doc[j].text_with_ws.endswith("\n")


def _labelled_quotes(
    doc: Doc, quotes: list[Span], used: set[int], furniture: list[bool]
) -> Iterator[AttributionMatch]:
    """'Republican pollster Jane Roe: "..."': a name and a colon label the quotation."""
    for qi, quote in enumerate(quotes):
        if qi in used or furniture[quote.start] or quote.start < 2:
            continue
        colon = doc[quote.start - 1]
        if colon.text != ":" or "\n" in colon.text_with_ws:
            continue
        name = doc[quote.start - 2]
        if name.pos_ != "PROPN" or in_quote(name, quotes) or name.head.pos_ == "VERB":
            continue
        root = name
        while root.dep_ in ("compound", "flat") and root.head is not root:
            root = root.head
        mention = noun_phrase(root)
        content = _trim(quote)
        if content is None or mention.end > quote.start:
            continue
        used.add(qi)
        yield AttributionMatch(content, mention, doc[colon.i : colon.i + 1], "direct")


def _continuations(
    doc: Doc, quotes: list[Span], used: set[int], furniture: list[bool]
) -> Iterator[AttributionMatch]:
    """Quotations that open a paragraph and have no cue: candidates to continue the
    previous speaker (`_link_continuations` decides)."""
    for qi, quote in enumerate(quotes):
        if qi in used or furniture[quote.start] or len(quote) < 4:
            continue
        if not _opens_paragraph(doc, quote.start):
            continue
        content = _trim(quote)
        if content is not None:
            yield AttributionMatch(content, None, None, "direct", continuation=True)


def _link_continuations(found: list[AttributionMatch]) -> list[AttributionMatch]:
    """Join a paragraph that is all quotation to the attribution just before it, when that one
    was a quote or ended the previous paragraph: the same speaker goes on, and PolNeAR marks
    such a run of paragraphs as one content in several pieces."""
    out: list[AttributionMatch] = []
    for f in found:
        if not f.continuation:
            out.append(f)
            continue
        if not out:
            continue
        last = out[-1]
        if not _paragraph_before(last, f):
            continue
        if last.quote == "indirect":
            out.append(AttributionMatch(f.content, last.mention, None, "direct"))
            continue
        doc = f.content.doc
        last.content = doc[last.content.start : f.content.end]
    return out


def _paragraph_before(previous: AttributionMatch, quote: AttributionMatch) -> bool:
    """Whether `previous` is in the paragraph right before the one `quote` opens."""
    doc = quote.content.doc
    end = max(previous.content.end_char, previous.cue.end_char if previous.cue else 0)
    between = doc_text(doc)[end : quote.content.start_char].split("\n")
    return len(between) >= 2 and all(not line.strip() for line in between[1:])


def _dedupe(found: list[AttributionMatch]) -> list[AttributionMatch]:
    """One attribution per content: when two cues claim the same content, keep the first."""
    out: list[AttributionMatch] = []
    seen: set[tuple[int, int]] = set()
    for f in found:
        key = (f.content.start, f.content.end)
        if key in seen:
            continue
        seen.add(key)
        out.append(f)
    return out


# --- parse helpers -----------------------------------------------------------------------------


def _complement(verb: Token, mention: Span, cues: frozenset[str]) -> Span | None:
    """The content a verb's parse gives: its complement clause, or the clause it interrupts."""
    doc = verb.doc
    best: Token | None = None
    # A complement after the cue wins over one before it: the one before is, in a misparse,
    # the speaker's relative clause ("X, who runs Y, said that ...").
    complements = [
        c
        for c in verb.children
        if c.dep_ in COMPLEMENTS
        # After an inverted cue ('"...," said X, "..."') the parser may hang X on the clause.
        and not (verb.i < mention.start and c.left_edge.i <= mention.start <= c.right_edge.i)
    ]
    after = [c for c in complements if c.i > verb.i and c.left_edge.i >= mention.end]
    for child in after or complements:
        if best is None or _size(child) > _size(best):
            best = child
    if best is not None:
        end = best.right_edge.i + 1
        # "He said X, adding that Y": the second cue's clause is its own attribution.
        for child in best.rights:
            if child.dep_ in NESTED_CUE and child.tag_ == "VBG" and child.lemma_.lower() in cues:
                end = min(end, child.left_edge.i)
        start = best.left_edge.i
        if len(after) > 1 and end == best.right_edge.i + 1:
            start, end = _run_of_complements(after, best, end)
        return doc[start : max(end, best.i + 1)]
    return None


def _run_of_complements(after: list[Token], best: Token, end: int) -> tuple[int, int]:
    """The clauses after a cue that the parser split into several complements, as one content:
    "X said 2,000 files were withheld, the vast majority of them marked secret" hangs the
    absolute phrase on "said" beside the clause it belongs to. The run of complements that
    follow one another (a comma or a conjunction between them) and holds the largest is what
    was said, from the first to the last."""
    start = best.left_edge.i
    for child in sorted(after, key=lambda c: -c.i):
        if child.i < best.i and child.right_edge.i + 2 >= start:
            start = min(start, child.left_edge.i)
    for child in sorted(after, key=lambda c: c.i):
        if child.i > best.i and child.left_edge.i <= end + 1:
            end = max(end, child.right_edge.i + 1)
    return start, end


def _parenthetical(verb: Token, mention: Span, cues: frozenset[str]) -> Span | None:
    """The clause a parenthetical cue comments on ("X is dead, he said"). A cue that is the
    complement of another cue ("Aides said they expect a fight") is what that one reports,
    not a comment on it."""
    doc = verb.doc
    head = verb.head
    if verb.dep_ == "ccomp" and head.lemma_.lower() in cues:
        return None
    if any(c.dep_ == "mark" and c.lower_ != "as" for c in verb.children):
        # "frustrated that the police released it", "angry because he said so": a clause
        # its conjunction subordinates is part of the clause above, not a comment on it
        # ("as he said" is one).
        return None
    if verb.dep_ in PARENTHETICAL and head.i != verb.i and head.pos_ in ("VERB", "AUX"):
        # "X is dead, he said": content is the head's clause minus the cue clause.
        own_start = min(verb.left_edge.i, mention.start)
        own_end = max(verb.right_edge.i + 1, mention.end)
        left, right = head.left_edge.i, head.right_edge.i + 1
        if own_start - left >= 2 and right - own_end >= 2:
            # Both sides ("Many of them, he said, have closed"): the whole clause.
            return doc[left:right]
        if own_start > head.i:
            return doc[left:own_start]
        if own_end <= head.i:
            return doc[own_end:right]
    return None


def _takes_that_clause(verb: Token) -> bool:
    """A verb with a subject and a "that" clause reports a statement or a belief whatever the
    verb ("X made clear that", "X recognized that"), as PolNeAR reads it."""
    if verb.pos_ != "VERB" or not verb.is_alpha or not verb.n_rights:
        return False
    # The clause after the verb first: most verbs have none, and then their subject is moot.
    has_that = False
    for child in verb.rights:
        if child.dep_ == "ccomp":
            has_that = any(g.dep_ == "mark" and g.lower_ == "that" for g in child.children)
    return has_that and any(child.dep_ == "nsubj" for child in verb.children)


def _nearest_subject(head: Token, first: Token) -> Token:
    """Of two subjects the parser gave one verb, the one nearest before it: "The day before,
    at a rally, X was blunt" reads the opening time phrase as a subject too."""
    before = [c for c in head.lefts if c.dep_ in SUBJECTS]
    return before[-1] if len(before) > 1 else first


def _clause_after_phrase(verb: Token, own: frozenset[str]) -> Span | None:
    """A "that" clause the parser hung on the object of a phrase between the cue and it
    ("claiming without any evidence that ...", "argued in a memo that ..."): the phrase is an
    adjunct of the cue, the clause what was said. A preposition the verb takes for its own
    content ("argued for the idea that ...") is left to the prepositional reading."""
    doc = verb.doc
    for prep in verb.rights:
        if prep.dep_ != "prep" or prep.lower_ in own:
            continue
        if any(not (t.is_space or t.pos_ == "ADV") for t in doc[verb.i + 1 : prep.i]):
            return None
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            for clause in obj.rights:
                mark = clause.left_edge
                if (
                    # A relative "that" is the clause's subject or object, never its mark.
                    clause.dep_ in ("acl", "ccomp", "relcl")
                    and mark.dep_ == "mark"
                    and mark.lower_ == "that"
                    and mark.head.i == clause.i
                ):
                    return doc[mark.i : clause.right_edge.i + 1]
        return None
    return None


def _valuation(verb: Token) -> Span | None:
    """The object and its "at" phrase of a verb that puts a figure on it ("Forbes puts his
    net worth at $45 billion", "a man who values the firm at $2 million"), when the "at"
    phrase holds a number; "put the books on the shelf" or "placed weight at the start" state
    none."""
    objects = [c for c in verb.rights if c.dep_ == "dobj"]
    if not objects:
        return None
    obj = objects[0]
    for prep in verb.rights:
        if prep.i <= obj.i or prep.dep_ != "prep" or prep.lower_ != "at":
            continue
        if any(t.like_num or t.tag_ == "CD" for t in prep.subtree):
            # "... at $3.1 billion, which she called an insult": the comment is the writer's.
            end = min(
                [t.left_edge.i for t in prep.subtree if t.dep_ in ("relcl", "acl")]
                + [prep.right_edge.i + 1]
            )
            return verb.doc[obj.left_edge.i : end]
    return None


def _within_paragraph(content: Span, cue: Token) -> Span:
    """The part of a content on the cue's side of any line break inside it: a clause does not
    run into the next paragraph (the parser sometimes joins them)."""
    doc = content.doc
    breaks = [i for i in range(content.start, content.end) if "\n" in doc[i].text_with_ws]
    if not breaks:
        return content
    if cue.i < content.start:
        return doc[content.start : breaks[0] + 1]
    if cue.i >= content.end:
        return doc[breaks[-1] + 1 : content.end]
    before = [b for b in breaks if b < cue.i]
    after = [b for b in breaks if b >= cue.i]
    start = before[-1] + 1 if before else content.start
    end = after[0] + 1 if after else content.end
    return doc[start:end]


def _paragraph_ends_before(content: Span, cue: Token) -> bool:
    """Whether a content that comes before its cue ends in an earlier paragraph: a cue does not
    comment on the paragraph above it (the parser sometimes hangs it there)."""
    if cue.i < content.end:
        return False
    return "\n" in content.doc[content.end - 1 : cue.i].text_with_ws


def _verb_read_as_noun(token: Token, infinitives: frozenset[str]) -> bool:
    """A to-infinitive verb the tagger read as a noun ("those interviewed claim to be ...",
    typically when a word is missing before it): a bare noun, with no determiner, possessor or
    modifier, right before "to" and a base verb. A real noun ("her claim to be neutral", "a
    claim to fame") has a determiner or no verb after "to"."""
    doc = token.doc
    i = token.i
    if token.lemma_.lower() not in infinitives or i + 2 >= len(doc) or token.tag_ != "NN":
        return False
    if doc[i + 1].lower_ != "to" or doc[i + 2].tag_ != "VB":
        return False
    return not any(c.dep_ in ("det", "poss", "amod", "compound", "nummod") for c in token.children)


def _bare_verb(
    doc: Doc, noun: Token, quotes: list[Span], quote_of: list[int]
) -> AttributionMatch | None:
    """The attribution of a cue verb tagged as a noun (see `_verb_read_as_noun`): its to-clause
    is the content, and the noun phrase the broken parse hangs it on (the topmost nominal
    before it in its clause) is the speaker, cut before the cue."""
    verb = doc[noun.i + 2]
    content = _trim(_within_paragraph(doc[noun.i + 1 : verb.right_edge.i + 1], noun))
    if content is None or len(content) < 2:
        return None
    speaker: Token | None = None
    head = noun
    while head.head.i != head.i:
        head = head.head
        if head.i > noun.i or (head.tag_ in ("VBD", "VBZ", "VBP", "MD") and head.dep_ != "relcl"):
            # A finite verb has its own subject; a relative clause ("the workers we met")
            # still belongs to the noun phrase above it.
            break
        if head.pos_ in ("NOUN", "PROPN", "PRON", "ADJ", "DET", "NUM"):
            speaker = head
    if speaker is None or _across_lines(speaker, noun):
        return None
    np = noun_phrase(speaker)
    end = min(np.end, noun.i)
    while end > np.start + 1 and doc[end - 1].pos_ in ("ADP", "PUNCT", "SPACE", "CCONJ"):
        end -= 1
    mention = doc[np.start : end]
    cue = doc[noun.i : noun.i + 1]
    return AttributionMatch(content, mention, cue, _quote_kind(content, quotes, quote_of))


def _may_take_quote(verb: Token) -> bool:
    """A cue in a reduced or relative clause ("the faults his crew found") takes no quotation
    next to it, unless the clause is about the speaker ("X, who said: ...")."""
    if verb.dep_ == "acl":
        return False
    if verb.dep_ == "relcl":
        return any(c.dep_ == "nsubj" and c.lower_ in RELATIVE for c in verb.children)
    return True


def _main_verb(participle: Token) -> Token:
    """The verb whose subject a participle set off by a comma shares ("X went public with a
    journal describing what his unit faced, declaring ..."): the main verb of the sentence, as
    the parser may hang the participle on any verb of the clauses in between."""
    doc = participle.doc
    comma = participle.i > 0 and doc[participle.i - 1].text == ","
    root = participle.sent.root
    if comma and root.pos_ in ("VERB", "AUX") and root is not participle:
        return root
    return participle.head


def _across_lines(a: Token, b: Token) -> bool:
    """Whether a line break separates two tokens (the parser joins a dateline or a heading
    to the sentence under it)."""
    lo, hi = min(a.i, b.i), max(a.i, b.i)
    return "\n" in a.doc[lo:hi].text


def _names_speaker(mention: Span) -> bool:
    """A date ("announced Friday") or a prepositional phrase ("said to Mr. Lee") the parser
    put where the speaker goes names no speaker."""
    return mention.root.ent_type_ not in ("DATE", "TIME") and mention[0].pos_ != "ADP"


def _stranded_subject(verb: Token, quote_of: list[int]) -> Span | None:
    """The speaker of a cue the parser left without a subject: in "X, who runs Y, said ..."
    the parser often hangs X on the relative clause. The first subject of the sentence before
    the cue, outside quotations, is X."""
    doc = verb.doc
    if verb.dep_ != "ROOT" and not _across_lines(verb, verb.head):
        return None
    start = verb.sent.start
    for i in range(verb.i - 1, start - 1, -1):
        if "\n" in doc[i].text_with_ws:
            start = i + 1
            break
    for token in doc[start : verb.i]:
        if (
            token.dep_ == "nsubj"
            and token.pos_ in ("PROPN", "NOUN", "PRON")
            and quote_of[token.i] < 0
            and token.lower_ not in RELATIVE
        ):
            return noun_phrase(token)
    # Inverted order ('"...," said Tom Baker'): the noun right after the cue.
    j = verb.i + 1
    while j < len(doc) and j <= verb.i + 4 and quote_of[j] < 0:
        token = doc[j]
        if (
            token.pos_ in ("PROPN", "NOUN")
            and token.dep_ in ("nsubj", "dobj", "npadvmod", "attr")
            and token.ent_type_ not in ("DATE", "TIME")
        ):
            return noun_phrase(token)
        if token.pos_ not in ("PROPN", "NOUN", "DET", "ADJ"):
            break
        j += 1
    return None


def _child_clause(
    verb: Token, deps: tuple[str, ...], trailing: tuple[str, ...] = ()
) -> Span | None:
    """The span of a verb's children with the given dependencies (the predicate of "called
    it a disgrace"; the to-clause of "vowed to fight"), running on over the `trailing`
    children right after them ("blamed the violence on a disturbed person")."""
    children = [c for c in verb.children if c.dep_ in deps and c.i > verb.i]
    if not children:
        return None
    start = min(c.left_edge.i for c in children)
    end = max(c.right_edge.i for c in children) + 1
    for child in verb.rights:
        if child.i < end:
            continue
        if child.dep_ not in trailing or child.left_edge.i != end:
            break
        end = child.right_edge.i + 1
    return verb.doc[start:end]


def _size(token: Token) -> int:
    return token.right_edge.i - token.left_edge.i + 1


def _cue_span(verb: Token) -> Span:
    """The cue verb with its auxiliaries and particles ("has said", "pointed out")."""
    doc = verb.doc
    start, end = verb.i, verb.i + 1
    for child in verb.children:
        if child.dep_ in ("aux", "auxpass", "neg") and child.i < verb.i and child.i == start - 1:
            start = child.i
        if child.dep_ == "prt" and child.i == end:
            end = child.i + 1
    return doc[start:end]


def _trim(span: Span) -> Span | None:
    """A content span without whitespace, and without punctuation at its ends other than
    quotation marks and a comma or period inside a closing quotation (nor a conjunction at its
    end)."""
    doc = span.doc
    start, end = span.start, span.end
    while start < end and (doc[start].is_space or _strippable(doc[start].text)):
        start += 1
    while end > start and (
        doc[end - 1].is_space or _strippable(doc[end - 1].text) or _dangling(doc[end - 1])
    ):
        end -= 1
    if end <= start:
        return None
    return doc[start:end]


def _opens_clause(token: Token) -> bool:
    return token.pos_ in ("CCONJ", "SCONJ") or token.lower_ == "that"


def _dangling(token: Token) -> bool:
    """A conjunction left at a span's end when the parser cut a coordination ("... roads and")."""
    return token.pos_ == "CCONJ" and not token.is_quote


def _strippable(text: str) -> bool:
    return text in {".", ",", ";", ":", "—", "–", "-", "--", "!", "?", "(", ")", "|"}
