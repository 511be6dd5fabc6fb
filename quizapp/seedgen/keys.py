"""Fair answer keys for typed (``short``) questions, or a multiple-choice question instead.

Every short candidate's accepted answers are rebuilt the same way, so two near-identical
questions never disagree: the rule's answers, the article's own wording of the answer,
each spelling the article gives (abbreviation and expansion both ways, "Full Name
(ABBR)") and the vocabulary's aliases, a titled name without its title or with its
abbreviation ("Pinatubo", "Mt. Pinatubo" for "Mount Pinatubo"), the name followed by
the kind of thing the question asks for ("HiRISE camera" for "Which camera ..."), and
both orders of a two-part answer ("rock and regolith", "regolith and rock"). Variants
the grader would read the same way (``typed_answers``) are listed once.

A key is not fair when the answer is too long to type the way the article does (more
than ``MAX_KEY_WORDS`` words) or names two things joined by "or": the question then
becomes multiple choice when the article and vocabulary supply enough same-kind wrong
options, and is dropped otherwise.
"""

from __future__ import annotations

import re

from quizapp.questiontypes.short import MAX_VARIANTS
from quizapp.questiontypes.typed_answers import answer_key, singular

from .candidate import Candidate
from .entities import abbreviates
from .facts import ArticleFacts
from .kinds import name_titles, name_words
from .names import all_spellings, pick_distractors
from .vocabulary import Vocabulary

MAX_KEY_WORDS = 5
ASKED_NOUN = re.compile(r"\b[Ww]hich (?P<noun>[a-z]+)\b")
TWO_PARTS = re.compile(r"^(?P<left>[^,]+?) and (?P<right>[^,]+)$")


def asked_noun(prompt: str) -> str | None:
    """The kind of thing a "Which camera ...?" question asks for, in the singular."""
    match = ASKED_NOUN.search(prompt)
    if not match:
        return None
    noun = singular(match["noun"])
    return noun if noun in name_words("answer_heads") else None


def _with_head(name: str, noun: str | None) -> list[str]:
    """``name`` followed by the asked-for noun, unless it already ends with one."""
    if not noun or len(name.split()) > 2 or "(" in name or name.isupper():
        return []
    last = name.split()[-1].lower()
    if singular(last) != last or last in name_words("answer_heads"):
        return []  # "Navcams camera", "Curiosity rover rover"
    return [f"{name} {noun}"]


def _swapped(answer: str) -> list[str]:
    match = TWO_PARTS.match(answer)
    if not match:
        return []
    left, right = match["left"], match["right"]
    # "Martian rock and regolith": the shared adjective goes with both parts
    return [f"{right} and {left}", f"{right} and {left.split()[-1]}"]


def _without_title(name: str) -> list[str]:
    """A name opened by a title ("Mount Pinatubo"): the name alone ("Pinatubo") and with
    each other title of its kind that abbreviates the first ("Mt. Pinatubo")."""
    title, _, rest = name.partition(" ")
    kind = name_titles().get(title)
    if not kind or not rest:
        return []
    others = [t for t, k in name_titles().items() if k == kind and t != title]
    return [rest] + [f"{t} {rest}" for t in others if abbreviates(t.rstrip("."), title)]


def accepted_answers(
    candidate: Candidate, facts: ArticleFacts, vocabulary: Vocabulary
) -> list[str]:
    """The fair, de-duplicated accepted answers of a short candidate, key first."""
    forms = list(candidate.data["answers"]) + list(candidate.answers)
    for form in list(forms):
        forms += all_spellings(form, facts, vocabulary)
    forms += _with_head(forms[0], asked_noun(candidate.prompt))
    for form in list(forms):
        forms += _swapped(form) + _without_title(form)
    distinct: dict[str, str] = {}
    for form in forms:
        key = answer_key(form)
        if key and key not in distinct:
            distinct[key] = form.strip()
    return list(distinct.values())[:MAX_VARIANTS]


def is_fair(answers: list[str]) -> bool:
    """True when a student who knows the answer can be expected to type an accepted form."""
    shortest = min(len(a.split()) for a in answers)
    return shortest <= MAX_KEY_WORDS and not any(" or " in f" {a} " for a in answers)


def as_multiple_choice(
    candidate: Candidate, facts: ArticleFacts, vocabulary: Vocabulary
) -> Candidate | None:
    """The same question asked as multiple choice, or None without three same-kind options."""
    answer = candidate.data["answers"][0]
    if not candidate.kind:
        return None
    wrong = pick_distractors(answer, candidate.kind, candidate.stem, facts, vocabulary)
    if len(wrong) < 2:
        return None
    options = sorted([answer, *wrong], key=str.casefold)
    rule = candidate.rule.replace("short.", "mcq.", 1)
    return Candidate(
        "mcq", rule, candidate.prompt, {"options": options, "answer": answer},
        candidate.explanation, candidate.sources, candidate.stem, candidate.answers,
        candidate.kind, tuple(wrong), candidate.score, dict(candidate.extra),
    )  # fmt: skip


def with_fair_key(
    candidate: Candidate, facts: ArticleFacts, vocabulary: Vocabulary
) -> Candidate | None:
    """A short candidate with a fair key, its multiple-choice form, or None; others as is."""
    if candidate.type != "short":
        return candidate
    answers = accepted_answers(candidate, facts, vocabulary)
    if not answers or not is_fair(answers):
        return as_multiple_choice(candidate, facts, vocabulary)
    candidate.data = {**candidate.data, "answers": answers}
    return candidate
