"""Whose figure: the holder (the person, organisation or place a figure is about) and, for a sum
or a share with no counted noun, the attribute it is the value of.

- The holder is the possessor of what is counted or measured ("Clinton's emails", "his net
  worth"), a named "of" complement ("the fortune of Jane Roe"), or the subject of the clause
  whose object the figure is ("Roe has 120 delegates", "she deleted 4,000 messages"); a
  personal pronoun stands for the nearest person named before it. A clause with no subject
  of its own takes the one English gives it: the subject of the verb it complements ("Roe
  wants to admit 4,000"), or the possessor of the noun it complements ("her plan to admit
  4,000", "its goal of hiring 400": hers, its). "its"/"their" stand for their own clause's
  subject ("Acme says it met its goal"); a body named by a name ("the Roe campaign") is that
  name's, as "Roe's campaign" is.
- The attribute is what a sum or share is the value of: the subject of a copula ("his net worth
  is $3 billion"), the object of a valuing verb ("lists her fortune at $1.5 billion"), or the
  adjective "worth" itself ("he's worth $3 billion"). A bare "it" as that subject ("another says
  it is $2 billion") refers back to the previous sum's attribute and holder: see `INHERIT`.

Only names make holders: a common noun ("the campaign", "an individual") says nothing about
which one, and is left out.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from claimtrack.nlp.context_lexicon import ContextLexicon
from claimtrack.nlp.syntax import child_of

# Marks an attribute that refers back to the previous sum's ("it is $2 billion").
INHERIT = "\x00inherit"


class HolderReader:
    """The holder and attribute rules over one Doc; every step is a bounded walk of the parse."""

    def __init__(self, doc: Doc, lex: ContextLexicon) -> None:
        self.doc = doc
        self.lex = lex
        self._ents: dict[int, Span] | None = None

    def ent(self, token: Token) -> Span | None:
        if self._ents is None:
            self._ents = {t.i: ent for ent in self.doc.ents for t in ent}
        return self._ents.get(token.i)

    # -- the attribute of a sum or share --------------------------------------------------------

    def attribute(
        self, governor: Token, verb: Token | None, *, money: bool
    ) -> tuple[Token | str | None, Token | None]:
        """(the noun or adjective the figure is the value of, or the attribute's word when the
        text leaves it implied; a holder token found on the way). The attribute is None when it
        is INHERIT-worthy: see `attribute_inherits`."""
        head = governor.head
        if head.lower_ in self.lex.worth_words and head != governor:
            # "he's worth $3 billion", "a developer worth $3 billion"
            owner = child_of(head.head, "nsubj") if head.dep_ == "acomp" else None
            if head.dep_ == "amod":
                owner = head.head
            return head, owner
        copula = self.copula(governor, verb)
        if (
            copula is not None
            and (subject := child_of(copula, "nsubj")) is not None
            and subject.pos_ in {"NOUN", "PROPN"}
            and subject.lemma_.lower() not in self.lex.quantity_words  # "a quarter of it is"
        ):
            if not money and subject.ent_type_ in self.lex.place_labels:
                return None, None  # "Ohio is 12% Irish American": where, not what is counted
            return subject, None
        if governor.dep_ == "pobj" and head.lower_ in self.lex.value_preps:
            valuing = head.head
            obj = child_of(valuing, "dobj")
            if obj is not None and obj.lemma_.lower() in self.lex.container_nouns:
                return None, None  # "puts the figure at $498 billion": no thing is named
            if obj is not None and obj.pos_ == "NOUN":
                return obj, None
            if obj is not None and self.name(obj) is not None:
                # "pegged Roe at $3 billion": a sum that values a person or a firm is its
                # worth; a share that "puts Roe at 45 percent" is some poll's, not said here
                implied = self.lex.valuing_verbs.get(valuing.lemma_.lower()) if money else None
                return implied, obj
        return None, None

    @staticmethod
    def copula(governor: Token, verb: Token | None) -> Token | None:
        """The "be" whose complement the figure is: "is $3 billion", "is in excess of $3
        billion" (a qualifier the parser reads as a prepositional phrase)."""
        if governor.dep_ == "attr" and verb is not None and verb.lemma_.lower() == "be":
            return verb
        if governor.dep_ == "prep" and governor.head.lemma_.lower() == "be":
            return governor.head
        return None

    def attribute_inherits(self, governor: Token, verb: Token | None) -> bool:
        """ "another says it is $2 billion", "a third has it at $2.5 billion": a bare "it" as
        the copula's subject or the valuing verb's object."""
        copula = self.copula(governor, verb)
        if copula is not None:
            subject = child_of(copula, "nsubj")
        elif governor.dep_ == "pobj" and governor.head.lower_ in self.lex.value_preps:
            subject = child_of(governor.head.head, "dobj")
        else:
            return False
        return subject is not None and subject.lower_ in self.lex.inheriting_pronouns

    # -- the holder -----------------------------------------------------------------------------

    def holder(self, about: Token | None, verb: Token | None, governor: Token) -> str | None:
        """The name the figure is about, or None when the text names none."""
        if about is not None:
            possessor = child_of(about, "poss")
            if possessor is not None:
                return self.name(possessor)
            for child in about.rights:
                if child.dep_ == "prep" and child.lower_ in self.lex.holder_preps:
                    obj = child_of(child, "pobj")
                    if obj is not None and obj.pos_ == "PROPN":
                        return self.name(obj)
        if verb is None or verb.lemma_.lower() in self.lex.reporting_verbs:
            return None
        if not self.is_object_of(governor, verb):
            return None
        subject = child_of(verb, "nsubj") or child_of(verb, "nsubjpass")
        if subject is None:
            subject = self.controller(verb)
        if subject is None or subject in (governor, about):
            return None
        if subject.pos_ == "NOUN":
            return self.body_name(subject)  # "Roe's campaign raised $2 million"
        return self.name(subject)

    def body_name(self, noun: Token) -> str | None:
        """Whose a common noun is: its possessor's ("Roe's campaign"), or for a body the name
        right before it ("the Roe campaign", "the Lee administration": `named_body_nouns`)."""
        possessor = child_of(noun, "poss")
        if possessor is not None:
            return self.name(possessor)
        if noun.lemma_.lower() not in self.lex.named_body_nouns:
            return None
        named = [c for c in noun.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
        return self.name(named[-1]) if named else None

    def controller(self, verb: Token) -> Token | None:
        """Who does what an open complement says, when it has no subject of its own: "Roe
        wants to admit 4,000 refugees", "Roe has proposed accepting 4,000" (the subject of the
        verb it complements, through a chain: "wants to try to admit"); "urged Lee to approve
        4,000 visas" is Lee's doing (the object controls). A reporting verb's subject
        controls too ("Roe reported having $2 million": Roe has it); "is said to have" has a
        passive subject, which controls nothing here."""
        possessor = self.noun_controller(verb)
        if possessor is not None:
            return possessor
        for _ in range(3):
            if verb.dep_ != "xcomp" or verb.head == verb:
                return None
            verb = verb.head
            obj = child_of(verb, "dobj")
            if obj is not None:
                named = obj.pos_ == "PROPN" or obj.lower_ in self.lex.personal_pronouns
                return obj if named else None
            subject = child_of(verb, "nsubj")
            if subject is not None:
                return subject
        return None

    @staticmethod
    def noun_controller(verb: Token) -> Token | None:
        """ "her plan to admit 4,000 refugees", "its goal of hiring 400 nurses": a clause that
        complements a noun (an infinitive, or a gerund after "of") is done by the noun's
        possessor."""
        if verb.dep_ == "acl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.lefts):
            noun = verb.head
        elif verb.dep_ == "pcomp" and verb.head.lower_ == "of" and verb.head.dep_ == "prep":
            noun = verb.head.head
        else:
            return None
        return child_of(noun, "poss") if noun.pos_ == "NOUN" else None

    @staticmethod
    def is_object_of(governor: Token, verb: Token) -> bool:
        """The figure's phrase is the verb's object or complement, not its subject."""
        if governor.dep_ in {"dobj", "attr", "oprd", "dative", "acomp"}:
            return governor.head == verb
        return governor.dep_ == "pobj" and governor.head.head == verb

    def name(self, token: Token) -> str | None:
        """A person's or organisation's name as written (a pronoun resolved), else None."""
        if token.lower_ in self.lex.reporter_pronouns:
            reporter = self.reporter(token)
            if reporter is not None:
                return reporter
        if token.lower_ in self.lex.personal_pronouns:
            return self.antecedent(token)
        if token.lower_ in self.lex.possessive_pronouns:
            return self.possessive(token)
        if token.pos_ != "PROPN":
            return None
        ent = self.ent(token)
        if ent is not None and ent.label_ in self.lex.holder_labels:
            return _clean(ent.text)
        if ent is not None:
            return None
        left = token.i
        while (
            left > 0 and self.doc[left - 1].dep_ == "compound" and self.doc[left - 1].head == token
        ):
            left -= 1
        return _clean(self.doc[left : token.i + 1].text)

    def reporter(self, pronoun: Token) -> str | None:
        """ "Acme says it will spend $2 million": the subject pronoun of what a reporting verb
        reports stands for that verb's subject, when the subject is a name that can be what
        the pronoun refers to (an organisation for "it", a person for "she"). The subject of a
        copula is what is talked about, not the reporter."""
        clause = pronoun.head
        if pronoun.dep_ not in {"nsubj", "nsubjpass"} or clause.dep_ != "ccomp":
            return None
        if clause.lemma_.lower() == "be":
            return None  # "Forbes says it is $4.5 billion": "it" is the sum talked about
        if clause.head.lemma_.lower() not in self.lex.reporting_verbs:
            return None
        subject = child_of(clause.head, "nsubj")
        if subject is None:
            return None
        return self.referent(subject, pronoun.lower_)

    def referent(self, subject: Token, pronoun: str) -> str | None:
        """The name a subject gives, when `pronoun` ("it", "she") can stand for it: a name of
        one of the pronoun's entity labels, or a named body ("the Roe campaign") for a pronoun
        that can stand for an organisation."""
        labels = self.lex.reporter_pronouns[pronoun]
        if subject.pos_ == "NOUN":
            return self.body_name(subject) if "ORG" in labels else None
        if subject.pos_ != "PROPN":
            return None
        ent = self.ent(subject)
        if ent is None or ent.label_ not in labels:
            return None
        return self.name(subject)

    def possessive(self, pronoun: Token) -> str | None:
        """ "Acme says it met its goal", "Acme met its goal": "its" stands for the subject of
        its own clause, when that subject is the pronoun it agrees with ("it") or a name that
        pronoun can stand for."""
        clause = pronoun.head
        for _ in range(3):  # up from the possessed noun to its verb ("its goal of ...")
            if clause.pos_ in {"VERB", "AUX"} or clause.head == clause:
                break
            clause = clause.head
        subject = child_of(clause, "nsubj")
        agrees = self.lex.possessive_pronouns[pronoun.lower_]
        if subject is None or subject.i > pronoun.i or pronoun.i <= subject.right_edge.i:
            return None  # none before it, or "its" inside the subject ("its staff met ...")
        if subject.lower_ == agrees:
            return self.name(subject)
        return self.referent(subject, agrees)

    def owner(self, token: Token) -> str | None:
        """Whose worth a sum is: a name, or for "an individual worth $3 billion" (a person
        described, not named) the person the text is about, found as for "he"."""
        named = self.name(token)
        if named is None and token.lower_ in self.lex.worth_owners:
            return self.antecedent(token)  # the tagger reads "individual" as a noun or not
        return named

    def antecedent(self, pronoun: Token) -> str | None:
        """The nearest person named before the pronoun, in its sentence or the two before."""
        sent = pronoun.sent
        first = sent.start
        for _ in range(2):
            if first == 0:
                break
            first = self.doc[first - 1].sent.start
        for ent in reversed(self.doc.ents):
            if ent.end > pronoun.i:
                continue
            if ent.start < first:
                break
            if ent.label_ == "PERSON":
                return _clean(ent.text)
        # The small models miss many a surname standing alone ("Smith claims he's ..."): the
        # nearest proper noun outside any entity is the next best reading.
        for i in range(pronoun.i - 1, first - 1, -1):
            token = self.doc[i]
            if token.pos_ == "PROPN" and not token.ent_type_ and token.dep_ in {"nsubj", "poss"}:
                return self.name(token)
        return None


def _clean(text: str) -> str | None:
    text = " ".join(text.split())
    for suffix in ("'s", "’s", "'", "’"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
    return text.strip() or None
