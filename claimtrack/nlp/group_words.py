"""The words that say which group a figure counts when the parse alone does not: a plain
plural after a number in a title-case headline, the noun after "more", the people an age
describes, and the modifiers that classify a group (hyphenated participles such as
"coal-fired", adjectives coordinated with a key one). Mixed into `ImplicitGroups`."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from claimtrack.nlp.context_lexicon import ContextLexicon

# the endings of a participle glued to a noun by a hyphen: "coal-fired", "foreign-born"
PARTICIPLE_ENDS = ("ed", "en", "born", "run", "made", "built", "led", "grown", "held", "hit")


def sentence_of(span: Span) -> Span:
    """The span's sentence; the whole doc when it has no sentence boundaries."""
    doc = span.doc
    if doc.has_annotation("SENT_START") or doc.has_annotation("DEP"):
        return span.sent
    return doc[:]


class GroupWords:
    """Provided by `ContextReader`: the parse, the lexicon and the phrase rules."""

    doc: Doc
    lex: ContextLexicon

    def word(self, token: Token) -> str:
        raise NotImplementedError

    def is_countable(self, token: Token) -> bool:
        raise NotImplementedError

    def is_key_modifier(self, child: Token) -> bool:
        raise NotImplementedError

    def hyphen_prefix(self, token: Token) -> str:
        raise NotImplementedError

    def headline_count(self, span: Span) -> str | None:
        """ "31 Nurses Share Their Stories": in a title-case line, which the parser often
        misreads (even as a title's name), the plural noun right after a number is still what
        it counts, in the singular."""
        doc = self.doc
        after = doc[span.end] if span.end < len(doc) else None
        if after is None or not after.is_alpha or not after.text[0].isupper():
            return None
        if after.tag_ not in ("NNS", "NNPS", "NNP") or not after.lower_.endswith("s"):
            return None
        words = [t for t in sentence_of(span) if t.is_alpha and len(t) > 3]
        if len(words) < 3 or not all(t.text[0].isupper() for t in words):
            return None
        if after.tag_ == "NNS" or after.lower_.endswith("ss"):
            return self.word(after) or None
        return after.text[:-1]

    def compared_noun(self, comparative: Token) -> Token:
        """The noun "more"/"fewer" goes with: the one right after it ("25 million more people",
        however the parser hangs "more"), else its head."""
        nxt = self.doc[comparative.i + 1] if comparative.i + 1 < len(self.doc) else None
        if nxt is not None and nxt.pos_ == "NOUN" and self.is_countable(nxt):
            return nxt
        return comparative.head

    def classifies(self, child: Token) -> bool:
        """ "coal-fired", "state-owned", "foreign-born": a participle glued by a hyphen to the
        word before it names a kind; so does an adjective coordinated with a key one ("the
        private and federal workforces", "coal- and gas-fired plants")."""
        if child.dep_ not in ("amod", "nmod", "compound") or child.pos_ not in ("ADJ", "VERB"):
            return False
        if self.hyphen_participle(child):
            return True
        return any(
            c.dep_ == "conj" and (self.is_key_modifier(c) or self.hyphen_participle(c))
            for c in child.rights
        )

    def hyphen_participle(self, token: Token) -> bool:
        first = token.i - 2
        return (
            bool(self.hyphen_prefix(token))
            and token.lower_.endswith(PARTICIPLE_ENDS)
            and self.doc[first].pos_ in ("NOUN", "PROPN", "ADJ")
        )

    def modifier_words(self, child: Token) -> str:
        """The modifier as written with its hyphenated prefix and the adjectives coordinated
        with it ("coal-fired", "private and federal", "coal- and gas-fired")."""
        conjs = [c for c in child.rights if c.dep_ == "conj" and c.pos_ in ("ADJ", "VERB")]
        if not conjs:
            return self.hyphen_prefix(child) + self.word(child)
        prefix, start = self.hyphen_prefix(child), child.i
        while start > 0 and len(self.doc[start : child.i].text) < len(prefix):
            start -= 1
        return self.doc[start : conjs[-1].i + 1].text.lower()

    def described_by_age(self, span: Span) -> Token | None:
        """The people an age describes: the noun after "N-year-old" ("18- to 24-year-old male
        veterans", "a 16-year-old student"), or the antecedent of a relative clause that
        gives their ages ("young people who are between the ages of 17 and 20")."""
        doc, root = self.doc, span.root
        hyphen_old = span.end + 1 < len(doc) and doc[span.end + 1].lower_ == "old"
        if hyphen_old and doc[span.end].text in "-‐":
            old = doc[span.end + 1]
            noun = old.head
            dated = noun.ent_type_ in ("DATE", "TIME")  # "a 13-year-old last week"
            if old.dep_ == "amod" and noun.i > old.i and noun.pos_ == "NOUN" and not dated:
                return noun
            return None
        verb = root.head
        if root.dep_ == "prep" and verb.lemma_ == "be" and verb.dep_ == "relcl":
            return verb.head if verb.head.pos_ == "NOUN" else None
        return None
