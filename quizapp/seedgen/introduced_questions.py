"""Questions whose answer is a person, organisation or place the article introduces
(``introduced.py``): "The donor organ came from a pig bred by ___, a biotechnology
company in Cambridge ..." -> "Which company fills the blank?".

Wrong options are names of the same sort from the same article (people for a person,
companies for a company), whole names only. With fewer than two of them the question is
typed (``short``), and the key accepts the full name, the article's own wording (with a
title: "Dr. Joseph Murray") and, for a person, the surname when no other person in the
article shares it. The article's subject (a name in the headline, or one the article
keeps returning to by name or as "the <noun>") is never asked.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .candidate import Candidate
from .centrality import headings
from .facts import ArticleFacts
from .gates import normalise
from .introduced import Introduced, introduced_names, sort_of_noun, titled
from .names import is_subject
from .stems import cloze, options_in_order, quote, says, usable
from .vocabulary import Vocabulary

SUBJECT_SENTENCES = 4
RULE = "introduced_name"


def article_names(facts: ArticleFacts) -> list[Introduced]:
    """Every introduced name of the article, in article order."""
    return [i for sf in facts.sentences for i in introduced_names(sf.sentence.clean)]


def surname(name: str) -> str:
    """The last word of a person's name."""
    return name.split()[-1]


def people(facts: ArticleFacts) -> list[str]:
    """Whole names of the people the article names, one per surname, in article order."""
    named = [i.name for i in article_names(facts) if i.kind == "person"]
    named += [p.name for sf in facts.sentences for p in sf.people if len(p.name.split()) >= 2]
    return list({surname(n): n for n in reversed(named)}.values())[::-1]


def same_sort_names(answer: Introduced, facts: ArticleFacts) -> list[str]:
    """Names of the answer's sort the article gives: people for a person; for others the
    introduced names of its sort and the article's names of its kind whose own last
    word is a noun of that sort ("Peter Bent Brigham Hospital" for a hospital)."""
    if answer.kind == "person":
        return people(facts)
    named = [i.name for i in article_names(facts) if i.sort == answer.sort]
    for name in facts.names_of_kind(answer.kind):
        if sort_of_noun().get(name.split()[-1].lower()) == answer.sort:
            named.append(name)
    return list(dict.fromkeys(named))


def in_text(name: str, text: str) -> bool:
    """True when ``name`` (or a person's surname) is written in ``text`` as whole words."""
    forms = {name, surname(name)} if " " in name else {name}
    return any(re.search(rf"(?<!\w){re.escape(f)}(?!\w)", text) for f in forms)


def wrong_options(answer: Introduced, stem: str, facts: ArticleFacts) -> list[str]:
    """Up to three same-sort names that are not the answer and not in the stem."""
    own = surname(answer.name) if answer.kind == "person" else answer.name
    wrong = []
    for name in same_sort_names(answer, facts):
        other = surname(name) if answer.kind == "person" else name
        if normalise(other) != normalise(own) and not in_text(name, stem):
            wrong.append(name)
    return wrong[:3]


def is_article_subject(answer: Introduced, facts: ArticleFacts) -> bool:
    """True for a name in the headline, or one the article returns to in four or more
    sentences, by name or as "the <noun>" ("the hospital", "the company")."""
    title = headings(facts.raw, facts.sentences[0].sentence.start) if facts.sentences else ""
    if in_text(answer.name, title) or is_subject(answer.name, facts):
        return True
    back = re.compile(rf"\b(?:{re.escape(answer.name)}|the {re.escape(answer.noun)})\b", re.I)
    return sum(bool(back.search(sf.sentence.clean)) for sf in facts.sentences) >= SUBJECT_SENTENCES


def typed_key(answer: Introduced, text: str, facts: ArticleFacts) -> list[str]:
    """The full name, the article's wording with a title, and a surname no one shares."""
    key = [answer.name]
    if titled(text, answer.start):
        key.append(text[: answer.start].split()[-1] + " " + answer.name)
    if answer.kind == "person":
        shared = [p for p in people(facts) if surname(p) == surname(answer.name)]
        if len(shared) == 1:
            key.append(surname(answer.name))
    return key


def question_for(answer: Introduced) -> str:
    """ "Who fills the blank?" for a person, else "Which company fills the blank?"."""
    return (
        "Who fills the blank?"
        if answer.kind == "person"
        else f"Which {answer.noun} fills the blank?"
    )


def introduced_name_questions(facts: ArticleFacts, vocabulary: Vocabulary) -> Iterator[Candidate]:
    """mcq.introduced_name (same-sort options) or short.introduced_name (typed key)."""
    for sf in usable(facts):
        text = sf.sentence.clean
        for answer in introduced_names(text):
            stem = cloze(text, answer.start, answer.end)
            if in_text(answer.name, stem) or is_article_subject(answer, facts):
                continue
            prompt = f"{quote(stem)} {question_for(answer)}"
            wrong = wrong_options(answer, stem, facts)
            if len(wrong) >= 2:
                data = {"options": options_in_order([answer.name, *wrong]), "answer": answer.name}
                yield Candidate(
                    "mcq", f"mcq.{RULE}", prompt, data, says(sf), (sf.sentence,), stem,
                    (answer.name,), answer.kind, tuple(wrong),
                )  # fmt: skip
                continue
            yield Candidate(
                "short", f"short.{RULE}", prompt, {"answers": typed_key(answer, text, facts)},
                says(sf), (sf.sentence,), stem, (answer.name,), answer.kind,
            )  # fmt: skip


INTRODUCED_RULES = (introduced_name_questions,)
