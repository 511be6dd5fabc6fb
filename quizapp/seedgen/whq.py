"""Wh-question rules: common sentence shapes turned into real questions.

Each rule matches one general shape of an article sentence and asks for the named
thing (or phrase) the sentence states; the stem never contains the answer and the
answer always occurs in the cited sentence(s):

* ``wh_which_relative``: "the Navigation Cameras (Navcams), which are used for
  driving" -> "Which cameras are used for driving?";
* ``wh_led_by``: "the HiRISE instrument is led by the University of Arizona" ->
  "Which organisation leads the HiRISE instrument?";
* ``wh_division_of``: "JPL, a division of Caltech" -> "JPL is a division of which
  organisation?";
* ``wh_sent_back``: "Curiosity rover sent back a stop-motion movie of its descent"
  -> "Which rover sent back a stop-motion movie of its descent?";
* ``wh_seen_in_image``: "The descent stage ... can be seen falling ... in an image
  taken ... by the HiRISE camera aboard the Mars Reconnaissance Orbiter" -> "Which
  camera aboard the Mars Reconnaissance Orbiter took an image of the descent stage
  ... falling ...?";
* ``wh_caption_credit``: a caption "A photo shows X." followed by "It was captured
  by Y." (or "The image was taken by Y.") -> "Which ... captured a photo showing X?",
  citing both sentences;
* ``wh_who_said``: people quoted or paraphrased with "said", "noted" or "called";
* ``wh_landed_where``: "landed near an ancient river delta", "after landing on a
  flat, safe surface in Jezero Crater with ..." -> "Where did ... land ...?".

Named answers become ``mcq.wh_<rule>`` (same-kind, same-role options) when enough
options exist, and ``short.wh_<rule>`` otherwise or in addition.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .candidate import Candidate
from .entities import Mention
from .facts import ArticleFacts
from .kinds import asked_nouns
from .names import all_spellings, is_plural, option_distractors, option_form, role_of
from .phrasal import PHRASAL_RULES
from .stems import mentions_of, options_in_order, says, usable
from .vocabulary import Vocabulary

RELATIVE = re.compile(r"^,? which (?P<verb>are|is|was|were|used|uses|use) (?P<rest>[^,.;:]+)")
LED_BY = re.compile(r"\bthe (?P<thing>[\w -]+?) (?P<verb>is|are) led by (?:the )?$")
DIVISION = re.compile(r"^, a (?P<part>division|part|unit) of $")
SENT_BACK = re.compile(r"^(?: rover)? sent back (?P<object>[^,.;]+)")
SEEN = re.compile(
    r"^(?P<subject>The [^,]+?) can be seen (?P<doing>\w+ing [^,]+?) in an? (?P<noun>image|photo) "
    r"taken (?:on .+? )?by the $"
)
ABOARD = re.compile(r"^ (?P<noun>camera|instrument) aboard the (?P<craft>[A-Z][\w ]+?)\.$")
CAPTION = re.compile(
    r"^An? (?P<what>(?:[\w-]+,? ){0,5}?(?:image|photo|photograph)) shows (?P<shown>.+)"
)
CREDIT = re.compile(
    r"^(?:It|The (?:image|photo|photograph|picture)) was (?P<verb>captured|taken|obtained) by "
)
SAID_AFTER = re.compile(r"^(?P<content>[A-Z][^\"“”]+?), said $")
QUOTE_BEFORE = re.compile(r"^[\"“](?P<quote>[^\"”]+?),?[\"”] (?P<role>[a-z][a-z ]+) $")
NOTED = re.compile(r"^ (?P<verb>noted|said) (?P<rest>[^.]*)\.$")
CALLED = re.compile(r"^ called (?P<object>the \w+) [\"“](?P<word>[^\"”,]+),?[\"”]")
LANDED_NEAR = re.compile(
    r"\b(?P<subject>the [\w ]+?) successfully (?:landed|touched down) near "
    r"(?P<place>(?:an? )?[a-z][a-z ]+?)(?=,| to |\.)"
)
LANDING_IN = re.compile(r"^(?P<subject>The \w+) .*?after landing (?P<on>on [^.]+?) in $")
WITH_TAIL = re.compile(r"^(?P<with> with [^.]+?)?\.$")
PICTURE_NOUN = re.compile(r"\b(picture|photo|image|shot|video)\b")  # its referent is elsewhere
PLURAL_VERBS = {"is": "are", "was": "were", "uses": "use"}


def noun_for(mention: Mention, vocabulary: Vocabulary, plural: bool) -> str:
    """ "camera(s)", "orbiter", "organisation" ... for a "Which ...?" question."""
    role = role_of(mention.text, mention.kind, vocabulary)
    if mention.kind == "spacecraft" and role and role != "unknown":
        return role
    if mention.kind == "organisation":
        return "organisation"
    return asked_nouns()[mention.kind][1 if plural else 0]


def named_questions(
    rule: str,
    question: str,
    mention: Mention,
    sources: tuple,
    explanation: str,
    facts: ArticleFacts,
    vocabulary: Vocabulary,
) -> Iterator[Candidate]:
    """An ``mcq`` (when two or more same-role options exist) and a ``short`` version."""
    distractors = option_distractors(mention, question, facts, vocabulary)
    if len(distractors) >= 2:
        answer = option_form(mention.text, mention.kind, vocabulary)
        wrong = [option_form(d, mention.kind, vocabulary) for d in distractors]
        yield Candidate(
            "mcq", f"mcq.wh_{rule}", question,
            {"options": options_in_order([answer, *wrong]), "answer": answer},
            explanation, sources, question, (answer,), mention.kind, tuple(wrong),
        )  # fmt: skip
    if mention.kind != "organisation" or len(distractors) < 2:
        yield Candidate(
            "short", f"short.wh_{rule}", question,
            {"answers": list(all_spellings(mention.text, facts, vocabulary))},
            explanation, sources, question, (mention.text,), mention.kind,
        )  # fmt: skip


def which_relative(facts: ArticleFacts, vocabulary: Vocabulary) -> Iterator[Candidate]:
    """wh_which_relative: "X, which are used for Y" -> "Which cameras are used for Y?"."""
    for sf, mention in mentions_of(facts, "camera", "instrument", "microphone", "spacecraft"):
        text = sf.sentence.clean
        match = RELATIVE.match(text[mention.end :])
        if not match:
            continue
        plural = is_plural(mention)
        verb = match["verb"]
        if plural:
            verb = PLURAL_VERBS.get(verb, verb)
        question = f"Which {noun_for(mention, vocabulary, plural)} {verb} {match['rest']}?"
        yield from named_questions(
            "which_relative", question, mention, (sf.sentence,), says(sf), facts, vocabulary
        )


def led_by(facts: ArticleFacts, vocabulary: Vocabulary) -> Iterator[Candidate]:
    """wh_led_by: "the HiRISE instrument is led by the University of Arizona"."""
    for sf, mention in mentions_of(facts, "organisation"):
        text = sf.sentence.clean
        match = LED_BY.search(text[: mention.start])
        if match:
            verb = "lead" if match["verb"] == "are" else "leads"
            question = f"Which organisation {verb} the {match['thing']}?"
            yield from named_questions(
                "led_by", question, mention, (sf.sentence,), says(sf), facts, vocabulary
            )


def division_of(facts: ArticleFacts, vocabulary: Vocabulary) -> Iterator[Candidate]:
    """wh_division_of: "JPL, a division of Caltech" -> "JPL is a division of which ...?"."""
    for sf in usable(facts):
        text = sf.sentence.clean
        for first, second in zip(sf.mentions, sf.mentions[1:], strict=False):
            if first.kind != "organisation" or second.kind != "organisation":
                continue
            match = DIVISION.match(text[first.end : second.start])
            if match:
                question = f"{first.text} is a {match['part']} of which organisation?"
                yield from named_questions(
                    "division_of", question, second, (sf.sentence,), says(sf), facts, vocabulary
                )


def sent_back(facts: ArticleFacts, vocabulary: Vocabulary) -> Iterator[Candidate]:
    """wh_sent_back: "Curiosity rover sent back a stop-motion movie of its descent"."""
    for sf, mention in mentions_of(facts, "spacecraft"):
        text = sf.sentence.clean
        match = SENT_BACK.match(text[mention.end :])
        if match:
            noun = noun_for(mention, vocabulary, False)
            question = f"Which {noun} sent back {match['object'].strip()}?"
            yield from named_questions(
                "sent_back", question, mention, (sf.sentence,), says(sf), facts, vocabulary
            )


def seen_in_image(facts: ArticleFacts, vocabulary: Vocabulary) -> Iterator[Candidate]:
    """wh_seen_in_image: which camera aboard which craft took the image described."""
    for sf, mention in mentions_of(facts, "camera", "instrument"):
        text = sf.sentence.clean
        before, after = SEEN.match(text[: mention.start]), ABOARD.match(text[mention.end :])
        if before and after:
            subject = before["subject"][0].lower() + before["subject"][1:]
            question = (
                f"Which {after['noun']} aboard the {after['craft']} took an {before['noun']} "
                f"of {subject} {before['doing']}?"
            ).replace("took an photo", "took a photo")
            yield from named_questions(
                "seen_in_image", question, mention, (sf.sentence,), says(sf), facts, vocabulary
            )


def caption_credit(facts: ArticleFacts, vocabulary: Vocabulary) -> Iterator[Candidate]:
    """wh_caption_credit: "A photo shows X." + "It was captured by Y." -> "Which ... captured
    a photo showing X?"; the pronoun is resolved by citing both sentences."""
    pairs = zip(facts.sentences, facts.sentences[1:], strict=False)
    for first, second in pairs:
        if first.sentence.block != second.sentence.block or first.unusable:
            continue
        caption = CAPTION.match(first.sentence.clean)
        credit = CREDIT.match(second.sentence.clean)
        if not caption or not credit:
            continue
        shown = re.split(r", which\b", caption["shown"].rstrip("."))[0]
        agents = [m for m in second.mentions if m.start >= credit.end()]
        agents = [m for m in agents if m.kind in ("camera", "instrument", "spacecraft")]
        if not agents:
            continue
        agent = agents[-1]
        plural = is_plural(agent)
        verb = "took" if credit["verb"] == "taken" else credit["verb"]
        what = caption["what"]
        article = "an" if what[0].lower() in "aeiou" else "a"
        noun = noun_for(agent, vocabulary, plural)
        question = f"Which {noun} {verb} {article} {what} showing {shown}?"
        explanation = f'The article says: "{first.sentence.quoted} {second.sentence.quoted}"'
        sources = (first.sentence, second.sentence)
        yield from named_questions(
            "caption_credit", question, agent, sources, explanation, facts, vocabulary
        )


def who_said(facts: ArticleFacts, vocabulary: Vocabulary) -> Iterator[Candidate]:
    """wh_who_said: the person who said, noted or called something, named by the article."""
    for sf, mention in mentions_of(facts, "person"):
        text = sf.sentence.clean
        before, after = text[: mention.start], text[mention.end :]
        question = None
        if match := SAID_AFTER.match(before):
            content = match["content"][0].lower() + match["content"][1:]
            question = f"Who said that {content}?"
        elif (quoted := QUOTE_BEFORE.match(before)) and (noted := NOTED.match(after)):
            rest = f" {noted['rest']}" if noted["rest"] else ""
            question = f'Who {noted["verb"]}{rest}: "{quoted["quote"]}"?'
        elif (match := CALLED.match(after)) and not PICTURE_NOUN.search(match["object"]):
            question = f'Who called {match["object"]} "{match["word"]}"?'
        if question:
            yield from named_questions(
                "who_said", question, mention, (sf.sentence,), says(sf), facts, vocabulary
            )


def landed_where(facts: ArticleFacts, vocabulary: Vocabulary) -> Iterator[Candidate]:
    """wh_landed_where: the place a sentence says the spacecraft landed."""
    for sf in usable(facts):
        text = sf.sentence.clean
        for match in LANDED_NEAR.finditer(text):
            place = match["place"].strip()
            bare = re.sub(r"^an? ", "", place)
            answers = list(dict.fromkeys([bare, " ".join(bare.split()[-2:])]))
            question = f"Near what did {match['subject']} land?"
            question = question[0].upper() + question[1:]
            yield Candidate(
                "short", "short.wh_landed_where", question, {"answers": answers}, says(sf),
                (sf.sentence,), question, (place,), "place",
            )  # fmt: skip
        for mention in sf.mentions:
            if mention.kind != "place":
                continue
            before = LANDING_IN.match(text[: mention.start])
            after = WITH_TAIL.match(text[mention.end :])
            if before and after:
                subject = before["subject"].lower()
                question = f"Where did {subject} land {before['on']}{after['with'] or ''}?"
                yield from named_questions(
                    "landed_where", question, mention, (sf.sentence,), says(sf), facts, vocabulary
                )


WH_RULES = (
    *PHRASAL_RULES,
    which_relative,
    led_by,
    division_of,
    sent_back,
    seen_in_image,
    caption_credit,
    who_said,
    landed_where,
)
