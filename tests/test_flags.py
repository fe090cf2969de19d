"""Verifiability flags: the cues (each kind, negation, negatives) and which claims they qualify."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc, Span

from claimtrack.errors import LexiconError
from claimtrack.lexicons import load as load_lexicon
from claimtrack.nlp.annotations import CLAIMS, FLAGS, Attribution, SpeakerInfo
from claimtrack.nlp.flag_attachment import attach_flags
from claimtrack.nlp.flags import FlagFinder, load_flag_lexicon


def flags_of(doc: Doc) -> list[tuple[str, str]]:
    return [(f._.claimtrack_flag.kind, f.text) for f in doc.spans[FLAGS]]


def span_of(doc: Doc, text: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = doc.text.index(text, start + 1)
    span = doc.char_span(start, start + len(text), alignment_mode="expand")
    assert span is not None
    return span


def claim(
    doc: Doc, text: str, speaker: SpeakerInfo, mention: str | None = None, cue: str | None = None
) -> Span:
    """A claim span built by hand, as the attribution component would hand it over."""
    span = span_of(doc, text)
    span._.claimtrack_attribution = Attribution(
        speaker=speaker,
        mention=span_of(doc, mention) if mention else None,
        cue=span_of(doc, cue) if cue else None,
        quote="indirect" if speaker.kind != "author" else "none",
    )
    return span


def author() -> SpeakerInfo:
    return SpeakerInfo(name=None, kind="author")


def kinds_on(span: Span) -> list[str]:
    return [f._.claimtrack_flag.kind for f in span._.claimtrack_flags]


KIND_CASES = [
    # unverified
    ("The casualty figures could not be verified.", "unverified", "could not be verified"),
    # "was not independently verified": hand-built in test_rules_flags.py
    ("Unconfirmed reports said the bridge had collapsed.", "unverified", "Unconfirmed"),
    (
        "It is impossible to verify the figures given by either side.",
        "unverified",
        "impossible to verify",
    ),
    ("Journalists were unable to verify the casualty figures.", "unverified", "unable to verify"),
    ("His age could not be confirmed.", "unverified", "could not be confirmed"),
    (
        "There was no independent confirmation of the attack.",
        "unverified",
        "no independent confirmation",
    ),
    # confirmed
    ("The ministry confirmed that two soldiers had died.", "confirmed", "confirmed"),
    ("The death toll was confirmed by the hospital.", "confirmed", "was confirmed"),
    (
        "Police have independently confirmed the report.",
        "confirmed",
        "have independently confirmed",
    ),
    ("Doctors counted three confirmed cases of cholera in the camp.", "confirmed", "confirmed"),
    ("The footage was verified by two independent analysts.", "confirmed", "was verified"),
    # unclear
    ("It is unclear how many people were inside the building.", "unclear", "It is unclear"),
    ("The cause of the fire is unknown.", "unclear", "is unknown"),
    (
        "It was not immediately clear whether anyone was hurt.",
        "unclear",
        "It was not immediately clear",
    ),
    ("The number of victims is not known.", "unclear", "is not known"),
    ("It remains unclear who fired first.", "unclear", "It remains unclear"),
    ("Nobody knows how many died.", "unclear", "Nobody knows"),
    # undisclosed
    ("The terms of the deal were not disclosed.", "undisclosed", "were not disclosed"),
    ("The company declined to say how much it paid.", "undisclosed", "declined to say"),
    ("A spokesman would not say where the prisoners were held.", "undisclosed", "would not say"),
    ("The fighters were paid an undisclosed sum.", "undisclosed", "undisclosed"),
    ("Officials declined to comment.", "no_response", "declined to comment"),
    ("The police did not say whether anyone was arrested.", "undisclosed", "did not say whether"),
    # no_response
    ("The embassy did not respond to a request for comment.", "no_response", "did not respond"),
    ("The mayor could not be reached for comment.", "no_response", "could not be reached"),
    ("The company did not return calls seeking comment.", "no_response", "did not return"),
    # anonymous_source
    (
        "A senior official, who spoke on condition of anonymity, said the talks had stalled.",
        "anonymous_source",
        "condition of anonymity",
    ),
    (
        "Two diplomats, who asked not to be named, said the talks had stalled.",
        "anonymous_source",
        "asked not to be named",
    ),
    (
        "A person familiar with the matter said the deal was close.",
        "anonymous_source",
        "familiar with the matter",
    ),
    # hedged
    ("The suspect allegedly fired three shots.", "hedged", "allegedly"),
    ("He claims to be a former marine.", "hedged", "claims to be"),
    ("The rebels claimed that they had taken the airport.", "hedged", "claimed"),
    ("The general is said to have fled the country.", "hedged", "is said to"),
    ("At least ten people may have been killed in the blast.", "hedged", "may have been"),
    ("The ship was reportedly carrying grain.", "hedged", "reportedly"),
    ("Some of the recruits may be former convicts.", "hedged", "may be"),
    # disputed
    ("The ministry denied that its troops had crossed the border.", "disputed", "denied"),
    ("Local officials disputed the figure.", "disputed", "disputed"),
    ("The army rejected the report as propaganda.", "disputed", "rejected"),
    ("The witness contradicted the police account.", "disputed", "contradicted"),
    ("Russia denied the allegations.", "disputed", "denied"),
    ("The claims have been disputed by independent monitors.", "disputed", "have been disputed"),
    # unnamed insiders supplying information (guideline: a source deliberately unnamed)
    ("Officials said the bridge would reopen in May.", "anonymous_source", "Officials said"),
    (
        "The plan was drafted in March, according to people familiar with the talks.",
        "anonymous_source",
        "familiar with the talks",
    ),
    ("Sources told reporters the vote was delayed.", "anonymous_source", "Sources told"),
    (
        "The mayor didn't want to speak on the record about the vote.",
        "anonymous_source",
        "to speak on the record",
    ),
    # evidential and probability hedges on a statement of fact
    ("The mayor appears to have left the city before the storm.", "hedged", "appears"),
    ("It seems that the letter was never sent.", "hedged", "seems"),
    ("The governor seemed irritated by the question.", "hedged", "seemed"),
    ("He probably met the ambassador twice in 2015.", "hedged", "probably"),
    ("It is possible that the files were deleted.", "hedged", "It is possible"),
    ("The tanker may not have reached the port.", "hedged", "may not have reached"),
    ("Critics are alleging that the ministry hid the reports.", "hedged", "are alleging"),
    ("Police questioned the suspected arsonist.", "hedged", "suspected"),
    # the reporter's or a party's verdict on a statement
    ("The governor falsely claimed that turnout had doubled.", "disputed", "falsely claimed"),
    ("There is no evidence that the ballots were altered.", "disputed", "no evidence"),
    ("The agency offered no proof that the files were stolen.", "disputed", "no proof"),
    ("The audit did not provide evidence that funds were missing.", "disputed", "evidence"),
    (
        '"That is simply not true," the minister said of the report.',
        "disputed",
        "is simply not true",
    ),
    ("The campaign called the report inaccurate.", "disputed", "inaccurate"),
    ("The campaign called the charges unsubstantiated.", "disputed", "unsubstantiated"),
    ("The story was later revealed to be a hoax.", "disputed", "be a hoax"),
    ("He has always denied the allegations.", "disputed", "has always denied"),
    # a party in a position to know does not contest it
    ("The lawyer did not dispute that the payment was made.", "confirmed", "did not dispute"),
    # a question the article says is open
    ("There are questions about whether the memo was ever read.", "unclear", "are questions"),
    (
        "Investigators were unable to determine exactly which files were taken.",
        "unclear",
        "unable to determine exactly which",
    ),
    # a refusal to comment is no_response; a withheld detail is undisclosed
    ("Neither company would comment on the merger.", "no_response", "would comment"),
    ("The company had no comment.", "no_response", "no comment"),
    (
        "The report does not indicate whether the guards were armed.",
        "undisclosed",
        "does not indicate",
    ),
    ("The senator did not elaborate.", "undisclosed", "did not elaborate"),
]


@pytest.mark.parametrize(("text", "kind", "cue"), KIND_CASES)
def test_flags_finds_each_kind(parse, text, kind, cue):
    doc = parse(text)
    assert (kind, cue) in flags_of(doc)


NEGATIVES = [
    "Please verify your email address before logging in.",
    "She filed an insurance claim after the storm.",
    "They laid a wreath at the tomb of the unknown soldier.",
    "The booking was confirmed by the hotel.",
    "We need to verify the figures before we publish them.",
    "The evidence of his guilt is undeniable.",
    "Half of the applicants were rejected.",
    "He was denied entry at the border.",
    "It was clear that the city would hold.",
    "The road was not clear after the storm.",
    "The spokesman responded within an hour.",
    "The general disclosed the procedures.",
    "The troops did not reach the city.",
    "Americans who may be planning a trip should register.",
    "The vaccine may be needed in the spring.",
    "Soldiers are just as likely to shoot him as the enemy.",
    "The minister did not deny the report.",
    "Her claim to the estate was upheld.",
    "He has a claim to fame.",
    "The company confirmed the deal.",
    "We will verify the results.",
    "The results are known.",
    # predictions, plans, conditions and judgements carry their own modality
    "She will probably announce her run next week.",
    "This was probably the worst week of his term.",
    "If she wins the primary, she might be the favourite in the fall.",
    "It seems increasingly likely that the bill will pass.",
    "The candidate began trying to appear moderate.",
    # another sense of the word
    "The candidate appeared at a rally in Ohio.",
    "The Senate should not confirm a replacement before the election.",
    "This nominee will not be confirmed.",
    "It is going to be challenging to finish on time.",
    "She was his heir apparent in the district.",
    # the refusal is the reported event, not a caveat on a statement
    "Voters were removed from the rolls if they did not confirm their address.",
    "The manager instructed employees not to disclose the breach.",
    # a word quoted as a word, a speaker's own ignorance, outlets rather than insiders
    'He told reporters to avoid words like "maybe" in the briefing.',
    '"I don\'t know who supports him," the senator said.',
    "News sources have reported several incidents in the north.",
    "Many voters said the economy was their main concern.",
    # hedges on opinions, degrees and deliberations; refusals nobody commits
    "I think there may be a couple of reasons.",
    "But no one could have envisioned what happened next.",
    "Perhaps most damaging, peacekeepers were blamed for the outbreak.",
    "If the loan seems too risky, the government offers others.",
    "The question is how to make this case.",
    "These are the stories that nobody knows.",
    "He can't even answer a question.",
    "The penalties for not disclosing subsidiaries are light.",
]


@pytest.mark.parametrize("text", NEGATIVES)
def test_flags_ignores_non_caveats(parse, text):
    assert flags_of(parse(text)) == []


POLARITY = [
    ("The casualty figures were verified by the UN.", "confirmed"),
    ("The casualty figures were not verified by the UN.", "unverified"),
    ("The casualty figures were never verified.", "unverified"),
    ("None of the accounts could be verified.", "unverified"),
    ("There is no way to verify the figures.", "unverified"),
    ("Unconfirmed reports spoke of fighting in the south.", "unverified"),
    ("It is known how many died.", None),
    ("It is not known how many died.", "unclear"),
    ("The ministry denied the report.", "disputed"),
]


@pytest.mark.parametrize(("text", "kind"), POLARITY)
def test_flags_negation_goes_the_right_way(parse, text, kind):
    kinds = [k for k, _ in flags_of(parse(text))]
    assert kinds == ([kind] if kind else [])


def test_flags_spans_are_real_spans_with_info(parse):
    doc = parse("The ministry confirmed the toll. The report could not be verified.")
    assert len(doc.spans[FLAGS]) == 2
    for flag in doc.spans[FLAGS]:
        assert flag.doc is doc
        assert doc.text[flag.start_char : flag.end_char] == flag.text
        assert flag._.claimtrack_flag.scope == "sentence"


def test_flags_article_caveat_has_topic(parse):
    doc = parse(
        "Given the censorship, it is impossible to verify all the claims of military unrest "
        "and disaffection."
    )
    [flag] = doc.spans[FLAGS]
    info = flag._.claimtrack_flag
    assert info.kind == "unverified"
    assert info.scope == "article"
    assert {"military", "unrest", "disaffection"} <= info.topic
    # The topic's heads and their related words; a modifier ("military") alone is not the topic.
    assert {"unrest", "disaffection", "mutiny", "morale"} <= info.focus
    assert "military" not in info.focus


def test_flags_confirmed_instance_is_not_an_article_caveat(parse):
    doc = parse("There has been one confirmed instance of desertion.")
    [flag] = doc.spans[FLAGS]
    assert flag._.claimtrack_flag.scope == "sentence"


def test_flags_anonymous_source_names_the_source(parse):
    cases = {
        "The talks have stalled, according to a senior official, who spoke on condition of "
        "anonymity.": "a senior official",
        "Officials, speaking on condition of anonymity, said the talks had stalled.": "Officials",
        "An anonymous diplomat said the talks had stalled.": "An anonymous diplomat",
    }
    for text, mention in cases.items():
        [flag] = parse(text).spans[FLAGS]
        info = flag._.claimtrack_flag
        assert (info.kind, info.scope) == ("anonymous_source", "speaker")
        assert info.mention is not None and info.mention.text == mention


def test_flags_sentence_scope_reaches_every_claim_of_the_sentence(parse):
    doc = parse(
        "Most of the men interviewed claim to be veterans, some saying they are on their way "
        "to the border, though none of their stories could be verified. Others said they plan "
        "to go."
    )
    men = SpeakerInfo(name=None, kind="anonymous")
    some = SpeakerInfo(name=None, kind="anonymous")
    others = SpeakerInfo(name=None, kind="anonymous")
    claims = [
        claim(doc, "to be veterans", men, "Most of the men interviewed", cue="claim"),
        claim(doc, "they are on their way to the border", some, "some", cue="saying"),
        claim(doc, "they plan to go", others, "Others"),
    ]
    attach_flags(doc, claims)
    assert sorted(kinds_on(claims[0])) == ["hedged", "unverified"]
    assert sorted(kinds_on(claims[1])) == ["hedged", "unverified"]
    assert kinds_on(claims[2]) == []


def test_flags_article_scope_reaches_claims_on_the_topic(parse):
    doc = parse(
        "Rebels said 40 deserters had crossed the river in March. Officials reported a mutiny "
        "at the northern base. Nearly 9,000 refugees crossed the border last week. The military "
        "budget rose to 40 billion. He wrote “Soldiers in Revolt,” a history of the war. It is "
        "impossible to verify the claims of desertion and revolt."
    )
    rebels = SpeakerInfo(name="Rebels", kind="organization")
    officials = SpeakerInfo(name=None, kind="anonymous")
    claims = [
        claim(doc, "40 deserters had crossed the river in March", rebels, "Rebels"),
        claim(doc, "a mutiny at the northern base", officials, "Officials"),
        claim(doc, "Nearly 9,000 refugees crossed the border last week.", author()),
        claim(doc, "The military budget rose to 40 billion.", author()),
        claim(doc, "He wrote “Soldiers in Revolt,” a history of the war.", author()),
        claim(doc, "It is impossible to verify the claims of desertion and revolt.", author()),
    ]
    attach_flags(doc, claims)
    # "mutiny" is related to "revolt"; a title ("Soldiers in Revolt") is not the topic.
    # "Officials reported" is an unnamed source of its own (guideline: unnamed insiders).
    expected = [["unverified"], ["anonymous_source", "unverified"], [], [], [], ["unverified"]]
    assert [kinds_on(c) for c in claims] == expected


def test_flags_caveat_about_the_previous_claim(parse):
    doc = parse(
        "Rebels said 40 soldiers had died. The figure could not be independently verified. "
        "Officials said the road was open. The report was denied by the army."
    )
    rebels = SpeakerInfo(name="Rebels", kind="organization")
    officials = SpeakerInfo(name=None, kind="anonymous")
    claims = [
        claim(doc, "40 soldiers had died", rebels, "Rebels"),
        claim(doc, "The figure could not be independently verified.", author()),
        claim(doc, "the road was open", officials, "Officials"),
        claim(doc, "The report was denied by the army.", author()),
    ]
    attach_flags(doc, claims)
    # A caveat sentence is never a claim of its own: its flag sits on the claim it refers to.
    expected = [["unverified"], [], ["anonymous_source", "disputed"], []]
    assert [kinds_on(c) for c in claims] == expected


def test_flags_caveat_with_its_own_object_stays_in_its_sentence(parse):
    doc = parse("Rebels said 40 soldiers had died. Reports of looting could not be verified.")
    rebels = SpeakerInfo(name="Rebels", kind="organization")
    claims = [
        claim(doc, "40 soldiers had died", rebels, "Rebels"),
        claim(doc, "Reports of looting could not be verified.", author()),
    ]
    attach_flags(doc, claims)
    assert [kinds_on(c) for c in claims] == [[], ["unverified"]]


def test_flags_anonymous_source_reaches_every_claim_of_that_speaker(parse):
    doc = parse(
        "The talks have stalled, according to a senior official, who spoke on condition of "
        "anonymity. Rebels said the airport had fallen. The official added that a ceasefire was "
        "unlikely."
    )
    official = SpeakerInfo(name=None, kind="anonymous", role="senior official")
    rebels = SpeakerInfo(name="Rebels", kind="organization")
    claims = [
        claim(doc, "The talks have stalled", official, "a senior official"),
        claim(doc, "the airport had fallen", rebels, "Rebels"),
        claim(doc, "a ceasefire was unlikely", official, "The official"),
    ]
    attach_flags(doc, claims)
    # "The official added" is that source's caveat again (one per sentence that cites it).
    assert [set(kinds_on(c)) for c in claims] == [{"anonymous_source"}, set(), {"anonymous_source"}]


def test_flags_anonymous_source_resolved_to_a_named_person_stays_on_its_own_claim(parse):
    # A source the article names is not anonymous: a resolution to a named person is distrusted
    # and the flag does not spread to that person's other claims.
    doc = parse(
        "The talks have stalled, according to the official, who spoke on condition of "
        "anonymity. Later, Mr. Blinken said a ceasefire was close."
    )
    blinken = SpeakerInfo(name="Antony Blinken", kind="person")
    claims = [
        claim(doc, "The talks have stalled", blinken, "the official"),
        claim(doc, "a ceasefire was close", blinken, "Mr. Blinken"),
    ]
    attach_flags(doc, claims)
    assert [kinds_on(c) for c in claims] == [["anonymous_source"], []]


def test_flags_no_response_lands_on_its_author_claim(parse):
    doc = parse(
        "A spokesman for the embassy did not immediately respond to questions regarding the "
        "number of applications."
    )
    flagged = [c for c in doc.spans[CLAIMS] if c._.claimtrack_flags]
    assert len(flagged) == 1
    assert kinds_on(flagged[0]) == ["no_response"]
    assert flagged[0]._.claimtrack_flags[0].text == "did not immediately respond"


def test_flags_follow_up_caveat_is_not_a_claim_and_sits_on_the_statement_it_refers_to(parse):
    doc = parse(
        "Acme paid its chief executive $40 million last year, according to a filing. "
        "A spokesman for Acme declined to comment."
    )
    claims = doc.spans[CLAIMS]
    assert not any("declined" in c.text or c.text == "to comment" for c in claims)
    [paid] = [c for c in claims if "$40 million" in c.text]
    assert [(f._.claimtrack_flag.kind, f.text) for f in paid._.claimtrack_flags] == [
        ("no_response", "declined to comment")
    ]


def test_flags_follow_up_refers_to_the_nearest_sentence_naming_the_party(parse):
    doc = parse(
        "The council said Jones had taken bribes from a contractor. "
        "The contractor built the new bridge in 2019. "
        "Jones did not respond to a request for comment."
    )
    [flag] = doc.spans[FLAGS]
    assert flag._.claimtrack_flag.refers_to.text.startswith("The council said Jones")
    flagged = [c.text for c in doc.spans[CLAIMS] if c._.claimtrack_flags]
    assert flagged == ["Jones had taken bribes from a contractor"]


def test_flags_anaphoric_denial_sits_on_the_previous_statement(parse):
    doc = parse(
        "Prosecutors said the senator had taken bribes from a contractor. He denied the charges."
    )
    [bribes] = [c for c in doc.spans[CLAIMS] if "bribes" in c.text]
    assert kinds_on(bribes) == ["disputed"]
    assert not any(c.text.startswith("He denied") for c in doc.spans[CLAIMS])


def test_flags_hedge_sits_on_the_clause_it_scopes_over(parse):
    doc = parse("The aide said the memo was late, but the governor seemed irritated.")
    by_text = {c.text: kinds_on(c) for c in doc.spans[CLAIMS]}
    # The hedged clause is the author's statement of its own, not part of the aide's claim.
    assert by_text["the governor seemed irritated"] == ["hedged"]
    assert "hedged" not in by_text["the memo was late"]


def test_flags_unnamed_source_stays_on_the_claim_it_introduces(parse):
    doc = parse(
        "Officials said the bridge would reopen in May. Engineers from the firm said the "
        "repairs were finished. Officials added that traffic would be limited."
    )
    by_text = {c.text: kinds_on(c) for c in doc.spans[CLAIMS]}
    assert by_text["the bridge would reopen in May"] == ["anonymous_source"]
    assert by_text["the repairs were finished"] == []


def test_flags_several_flags_on_a_claim_without_duplicates(parse):
    doc = parse(
        "The rebels allegedly shot down a jet, though the claims of mutiny could not be verified."
    )
    whole = claim(doc, doc.text.rstrip("."), author())
    attach_flags(doc, [whole])
    attach_flags(doc, [whole])
    assert sorted(kinds_on(whole)) == ["hedged", "unverified"]


@pytest.mark.parametrize(
    "text", ["", "   ", "\n\n", "“Unbalanced quote. It is unclear", "⚠️ 🙂 ¿qué? ", "not"]
)
def test_flags_does_not_crash_on_odd_input(parse, text):
    doc = parse(text)
    assert all(f.doc is doc for f in doc.spans[FLAGS])


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        st.sampled_from(list("ab .,'\"\n“") + ["not ", "verified ", "unclear ", "It is ", "claim "])
    ).map("".join)
)
def test_flags_spans_always_inside_the_doc(parse, text):
    doc = parse(text)
    for flag in doc.spans[FLAGS]:
        assert 0 <= flag.start < flag.end <= len(doc)
        assert doc.text[flag.start_char : flag.end_char] == flag.text


def test_flags_a_new_cue_is_a_data_change(nlp, tmp_path):
    data = json.loads(json.dumps(load_lexicon("flags")))
    data["cues"].append(
        {
            "id": "unproven",
            "plain": "unverified",
            "negated": None,
            "requires": "any",
            "pattern": [{"LOWER": "unproven"}],
        }
    )
    path = tmp_path / "flags.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    finder = FlagFinder(nlp.vocab, lexicons={"flags": str(path)})
    doc = finder(nlp("The unproven allegations spread quickly."))
    assert flags_of(doc) == [("unverified", "unproven")]


def test_flags_lexicon_rejects_an_unknown_check(tmp_path):
    data = json.loads(json.dumps(load_lexicon("flags")))
    data["cues"].append({"id": "x", "plain": "hedged", "requires": "nope", "pattern": []})
    path = tmp_path / "flags.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(LexiconError, match="nope"):
        load_flag_lexicon({"flags": str(path)})
