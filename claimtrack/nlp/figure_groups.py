"""The rules for what a figure counts when English leaves it implicit, and for a sum or an age
that the words imply: "42 percent of those responding", "a majority of bills (52%)", "45% of
voters ..., compared with 39% for her", "hundreds of pounds of drugs", "millions in grants",
"voters under 30", "She was 92.", "refugees from Eritrea" (the Eritrean refugees). A part of
`claimtrack.nlp.figure_context.ContextReader`, kept apart so that each class stays readable;
the lexicon is figure_context.json."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from claimtrack.nlp.annotations import FigureInfo
from claimtrack.nlp.context_lexicon import ContextLexicon
from claimtrack.nlp.group_words import GroupWords, sentence_of
from claimtrack.nlp.syntax import NOUNS, SUBJECTS, VERBS, child_of

# Comparatives between a number and its noun ("300 more troops", "2 million fewer people").
COMPARATIVES = frozenset({"more", "fewer", "less", "additional", "extra"})
_DETERMINERS = ("det", "poss", "nummod")  # a conjunct with its own is no part of a count's list


class ImplicitGroups(GroupWords):
    """Mixed into `ContextReader`, which provides the parse, the lexicon and the phrase rules."""

    doc: Doc
    lex: ContextLexicon
    of_groups: set[int]  # start tokens of the figures whose group an "of" phrase named

    def is_countable(self, token: Token) -> bool:
        raise NotImplementedError

    def phrase(self, noun: Token, *, complement: bool) -> str | None:
        raise NotImplementedError

    def anchor(self, span: Span, unitful: bool) -> tuple[Token | None, Token]:
        raise NotImplementedError

    def word(self, token: Token) -> str:
        raise NotImplementedError

    def is_key_modifier(self, child: Token) -> bool:
        raise NotImplementedError

    def group_phrase(self, noun: Token) -> str | None:
        """`counted` for the noun a figure counts: "40 percent support of the black vote" is
        a share of that vote; "3 percent of gross domestic product" keeps the measure's name
        whole and no complement (the "on defense" after it is the verb's); "62 donors,
        companies and unions" keeps its list."""
        lemma = noun.lemma_.lower()
        if lemma in self.lex.support_nouns:
            obj = next(
                (child_of(p, "pobj") for p in noun.rights if p.lower_ in ("of", "among")), None
            )
            if obj is not None and self.is_countable(obj):
                return self.group_phrase(obj)
        if lemma in self.lex.measure_nouns:
            words = [
                self.word(c)
                for c in noun.lefts
                if c.dep_ in ("amod", "compound", "nmod")
                and not c.like_num
                and c.lower_ not in COMPARATIVES
            ]
            return " ".join([*filter(None, words), self.word(noun) or noun.lower_])
        named = self.phrase(noun, complement=True)
        listed = [
            c
            for c in noun.rights
            if c.dep_ == "conj"
            and c.pos_ == "NOUN"
            and c.tag_ == noun.tag_
            and not any(g.dep_ in ("det", "poss", "nummod") or g.like_num for g in c.children)
        ]
        while listed and (more := [c for c in listed[-1].rights if c.dep_ == "conj"]):
            # "18 states, firms and a number of cities": the count's is only the first
            if more[0].pos_ != "NOUN" or any(g.dep_ in _DETERMINERS for g in more[0].children):
                return named
            listed.append(more[0])
        if not named or not listed or noun.tag_ not in ("NNS", "NNPS"):
            return named
        between = self.doc[noun.i + 1 : listed[0].i]  # "and police" of "and police officers"
        if not all(t.is_punct or t.dep_ in ("cc", "compound") for t in between):
            # "farmers (71 percent) and retirees": the share is of the group it follows
            return named
        cc = next((c.lower_ for t in (noun, *listed) for c in t.children if c.dep_ == "cc"), "and")
        items = [named, *(self.phrase(c, complement=False) or self.word(c) for c in listed)]
        return ", ".join(items[:-1]) + f" {cc} " + items[-1]

    def aged_people(self, span: Span, info: FigureInfo) -> Token | None:
        """ "voters under 30", "adults over 65", "women 50 and older", "voters 18 to 29": the
        people whose age a bare number (or range) after them gives; "blacks ages 16 to 24"."""
        if info.unit == "year":
            described = self.described_by_age(span)
            if described is not None:
                return described
        before = self.doc[span.start - 1] if span.start > 0 else span.root
        ages = before.lower_ in self.lex.age_nouns and span.start > 1
        if info.unit is not None and not (ages and info.unit == "year"):
            return None
        ends = (info.low, info.high) if info.qualifier == "range" else (info.value,)
        if not all(v is not None and float(v).is_integer() and 1 <= v <= 120 for v in ends):
            return None
        words, preps, root = self.lex.age_words, self.lex.age_preps, span.root
        if info.qualifier != "range" and self.stated_age(span):
            return child_of(root.head, "nsubj")
        # a range right after its people needs no preposition: "voters 18 to 29"
        aged = ages or info.qualifier == "range" or words & {span[0].lower_, span[-1].lower_}
        if not (aged or span[0].lower_ in preps or root.head.lower_ in preps):
            return None
        nxt = self.doc[span.end] if span.end < len(self.doc) else None
        if nxt is not None and nxt.pos_ in NOUNS and nxt.tag_ in ("NNS", "NNPS"):
            return None  # "members over 40 countries"; not a verb misread ("under 30 engage")
        before = self.doc[span.start - 2] if ages else before
        for head in (root.head, root.head.head, before):
            if head.i >= span.start or not (head.pos_ in NOUNS or head.pos_ == "PRON"):
                continue
            if head.lemma_.lower() in self.lex.people_nouns or head.lower_ in self.lex.people_nouns:
                return head
        return None

    def value_of_subject(self, number: Token) -> bool:
        """ "the voter sample is 651": a number a copula gives a noun subject is that
        subject's value, not an elided count of the noun counted before it ("the total was
        410" still counts it)."""
        if number.dep_ != "attr" or number.head.lemma_ != "be":
            return False
        subject = child_of(number.head, "nsubj")
        return (
            subject is not None
            and subject.pos_ == "NOUN"
            and subject.lemma_.lower() not in self.lex.container_nouns
        )

    def stated_age(self, span: Span) -> bool:
        """ "She was 92.": a bare number that is all a person's copula says, at the end of the
        sentence, is their age."""
        root = span.root
        verb = root.head
        if root.dep_ not in {"attr", "acomp"} or verb.lemma_ != "be" or len(span) != 1:
            return False
        subject = child_of(verb, "nsubj")
        person = subject is not None and (
            subject.lower_ in self.lex.personal_pronouns
            or subject.ent_type_ == "PERSON"
            or (subject.pos_ == "PROPN" and not subject.ent_type_)
        )
        if not person:
            return False
        if span.end >= len(self.doc):
            return True
        after = self.doc[span.end]
        return (
            after.is_punct
            or after.lower_ in {"when", "as", "while"}
            or after.lower_ in self.lex.period_marks
        )

    def past_unit(self, noun: Token, span: Span) -> Token | None:
        """ "hundreds of pounds of drugs", "$500,000 worth of ads", "millions of dollars": the
        unit (or "worth") is no counted thing; what it measures is, when an "of" names it."""
        if not (span.start <= noun.i < span.end or noun.lemma_.lower() in self.lex.worth_words):
            return noun
        of = child_of(noun, "prep", "of")
        obj = child_of(of, "pobj") if of is not None else None
        return obj if obj is not None and self.is_countable(obj) else None

    def group_of(self, token: Token) -> Token | None:
        """The group a noun names: itself, or for a share ("20 percent of the prisoners") the
        group in its "of" phrase."""
        if self.is_countable(token):
            return token
        if token.lemma_.lower() not in self.lex.quantity_words:
            return None
        of = child_of(token, "prep", "of")
        obj = child_of(of, "pobj") if of is not None else None
        return obj if obj is not None and self.is_countable(obj) else None

    def compound_modifiers(self, child: Token) -> list[str]:
        """ "private" of "private sector jobs": the adjectives and nouns a compound modifier
        carries itself, which say which group is meant."""
        if child.dep_ != "compound":
            return []
        return [
            g.lower_ if g.pos_ == "ADJ" else g.lemma_.lower()
            for g in child.lefts
            if g.dep_ in ("amod", "compound")
            and g.pos_ in ("ADJ", "NOUN")
            and not g.like_num
            and g.whitespace_  # a word glued by a hyphen is in `hyphen_prefix`
        ]

    def poll_points(self, span: Span, info: FigureInfo) -> None:
        """ "her lead was 7 points": points in a sentence about polls are percentage points.
        A multiplier counts nothing: "10 times the national average" is no count of
        averages (what it is the value of may still be named: "the rate was 10 times ...")."""
        if info.unit == "times":
            info.counted = None
        if info.counted != "point" or info.unit is not None:
            return
        if any(t.lemma_.lower() in self.lex.poll_words for t in sentence_of(span)):
            info.unit, info.counted = "percentage_point", None

    def reports(self, noun: Token) -> bool:
        """Whether the noun is the subject of a reporting verb ("experts say"), also when the
        parser missed the clause and the verb just follows it."""
        verbs = self.lex.reporting_verbs
        if noun.dep_ in SUBJECTS and noun.head.lemma_.lower() in verbs:
            return True
        nxt = noun.nbor(1) if noun.i + 1 < len(noun.doc) else None
        return nxt is not None and nxt.pos_ == "VERB" and nxt.lemma_.lower() in verbs

    def implied_sum(self, span: Span, info: FigureInfo) -> bool:
        """ "millions in donations", "the tens of millions flowing into races" in a sentence
        about money, "made millions": a bare scale of a million or more that counts no noun is
        a sum."""
        if info.unit is not None or info.low is None:
            return False
        after = span.doc[span.end] if span.end < len(span.doc) else None
        if after is not None and after.lower_ == "in" and self.anchor(span, False)[0] is None:
            # "millions in grants", "paid zero in taxes": a sum, whatever its size
            obj = child_of(after, "pobj")
            if obj is not None and self.is_kind_of_money(obj):
                info.counted = info.counted or self.phrase(obj, complement=False)
                return True
        if info.low < 1e6 or any(t.is_digit or not t.is_alpha for t in span):
            return False
        noun, _ = self.anchor(span, False)
        if noun is not None:
            return False
        root = span.root
        if root.dep_ == "dobj" and root.head.lemma_.lower() in self.lex.money_verbs:
            return True  # "made millions", "lost billions": what those verbs take is money
        return any(t.lemma_.lower() in self.lex.money_words for t in sentence_of(span))

    def elliptical(self, span: Span) -> bool:
        """A share said with its group left out: in parentheses or apposition ("Ohio (79%)"),
        or what another share is compared to ("compared to 39 percent", "versus 40%")."""
        root = span.root
        if root.dep_ == "appos":
            return True
        head = root.head
        if root.dep_ == "pobj" and head.lower_ in self.lex.comparison_preps:
            return True
        return (
            root.dep_ == "pobj"
            and head.head.lower_ in self.lex.comparison_words
            and head.i > head.head.i
        )

    def restated_share(self, span: Span) -> tuple[Token, Token] | None:
        """ "a majority of Republican bills (52%)": a figure in apposition to the group of a
        share word before it restates that share, of that group."""
        root = span.root
        group = root.head
        if root.dep_ != "appos" or group.i >= span.start:
            return None
        shares = self.lex.quantity_words | self.lex.share_words
        if group.lemma_.lower() in shares:
            # "a majority of the nurses (58%)", the figure hung on the share word itself
            of = child_of(group, "prep", "of")
            obj = child_of(of, "pobj") if of is not None else None
            if obj is None or not self.is_countable(obj):
                return None
            self.of_groups.add(span.start)
            return obj, group
        if not self.is_countable(group):
            return None
        if any(c.dep_ in {"amod", "det"} and c.lower_ in shares for c in group.lefts):
            self.of_groups.add(span.start)  # "most county clerks (64%)"
            return group, group
        if self.doc[span.start - 1].text == "(" and group.tag_ in {"NNS", "NNPS"}:
            return group, group  # "the support of women (61%)": a share of that group
        of = group.head
        if group.dep_ != "pobj" or of.lower_ not in {"of", "among"}:
            return None
        share = of.head
        if share.lemma_.lower() not in self.lex.quantity_words | self.lex.share_words:
            return None
        self.of_groups.add(span.start)
        return group, share

    def described_group(self, pronoun: Token) -> str | None:
        """ "42 percent of those responding", "half of those who voted": a demonstrative with
        its own description names the group itself, whatever figure came before."""
        if pronoun.lower_ not in {"those", "these"}:
            return None
        described = [c for c in pronoun.rights if c.dep_ in {"acl", "relcl", "prep", "amod"}]
        if not described:
            return None
        clause = described[0]
        words = [t for t in pronoun.subtree if not t.is_punct]
        if len(words) <= 6:
            return " ".join(t.lower_ if t.pos_ != "PROPN" else t.text for t in words)
        if clause.dep_ == "prep":
            obj = child_of(clause, "pobj")
            named = self.phrase(obj, complement=False) if obj is not None else None
            return f"{pronoun.lower_} {clause.lower_} {named}" if named else None
        subject = [c.lower_ for c in clause.lefts if c.dep_ in SUBJECTS and c.tag_.startswith("W")]
        return " ".join([pronoun.lower_, *subject, clause.lower_])

    def hyphenated(self, noun: Token) -> str | None:
        """ "co-defendants", which the parser may cut in three: the whole word, in the
        singular."""
        doc, j = self.doc, noun.i
        while (
            j + 2 < len(doc)
            and doc[j + 1].text in "-‐"
            and not doc[j].whitespace_
            and not doc[j + 1].whitespace_
            and doc[j + 2].is_alpha
        ):
            j += 2
        if j == noun.i:
            return None
        return doc[noun.i : j].text.lower() + doc[j].lemma_.lower()

    def hyphen_prefix(self, token: Token) -> str:
        """ "plain-" of "plain-clothes officers", "low- and middle-" of "low- and middle-income
        families": the words glued by hyphens before a modifier, which the parser hangs on it
        apart (a name is written whole by `word`: "African-American")."""
        doc, j = self.doc, token.i
        if token.pos_ == "PROPN" or token.ent_type_:
            return ""
        while (
            j >= 2
            and doc[j - 1].text in "-‐"
            and not doc[j - 1].whitespace_
            and not doc[j - 2].whitespace_
            and doc[j - 2].is_alpha
        ):
            j -= 2
        if j >= 3 and doc[j - 1].dep_ == "cc" and doc[j - 2].text.endswith("-"):
            j -= 2  # "low- and middle-income": the hanging half coordinated with it
        return doc[j : token.i].text.lower()

    def money_counted(self, span: Span, governor: Token) -> str | None:
        """What a sum is for, when the text says: "a $3,300 salary", "$2 million in aid"."""
        head = span.root.head
        if (
            span.root.dep_ in {"nummod", "compound", "amod", "nmod"}
            and self.is_countable(head)
            and head.i not in range(span.start, span.end)
            and not self.reports(head)
        ):
            return self.phrase(head, complement=False)
        for token in dict.fromkeys((governor, span.root, *span)):
            for child in token.rights:
                if child.dep_ == "prep" and (
                    child.lower_ in self.lex.money_complement_preps
                    or child.lower_ in self.lex.money_purpose_preps
                ):
                    obj = child_of(child, "pobj")
                    if obj is not None and obj.i >= span.end and self.is_countable(obj):
                        return self.phrase(obj, complement=False)
        if governor.dep_ == "dobj":
            # "will spend $2 million on the new bridge": the sum is for the verb's purpose
            for child in governor.head.rights:
                if child.dep_ != "prep":
                    continue
                obj = child_of(child, "pobj")
                if obj is None or not self.is_countable(obj) or obj.pos_ != "NOUN":
                    continue
                if child.lower_ in self.lex.money_purpose_preps or (
                    child.lower_ == "in" and self.is_kind_of_money(obj)
                ):
                    # "spent $2 million in ads": "in" a bare noun says what the sum is in
                    return self.phrase(obj, complement=False)
        return None

    def is_kind_of_money(self, obj: Token) -> bool:
        """ "in grants", "in foreign donations" (what a sum is made of), not "in the region",
        "in Ohio", "in May": a bare common noun, no determiner, no place or date."""
        word = self.word(obj)  # "taxes": "tax"
        return (
            obj.pos_ == "NOUN"
            and (word in self.lex.money_words or word in self.lex.money_kinds)
            and child_of(obj, "det") is None
            and child_of(obj, "poss") is None
            and obj.ent_type_ not in self.lex.place_labels
            and obj.ent_type_ not in {"DATE", "TIME"}
            and obj.lemma_.lower() not in self.lex.temporal_nouns
        )

    def origin(self, noun: Token) -> str | None:
        """ "refugees from Eritrea" are the Eritrean refugees: a place they come from says
        which group, on the noun or on the verb it is the object of ("admit 500 refugees from
        Eritrea"); a place is all it takes ("emails from her server" stay emails)."""
        heads = [noun]
        if noun.dep_ in {"dobj", "nsubj", "nsubjpass"} and noun.head.pos_ in VERBS:
            heads.append(noun.head)
        for head in heads:
            for child in head.rights:
                if child.dep_ != "prep" or child.lower_ not in self.lex.origin_preps:
                    continue
                if child.i < noun.i:
                    continue  # "from Eritrea came 500 refugees": rare, and often a route
                obj = child_of(child, "pobj")
                if obj is None or obj.ent_type_ not in self.lex.group_labels:
                    continue
                if child_of(obj, "prep", "to") or child_of(head, "prep", "to"):
                    continue  # "states from Ohio to Texas": a range, not where they are from
                return self.word(obj) or None
        return None
