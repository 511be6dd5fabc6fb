"""Pronouns whose antecedent a question's stem does not give.

A stem is read alone, so "it", "they", "them", "he", "she", "him" or "her" must refer to
something the stem names before it: a name ("NASA said it would ..."), a noun phrase
opened by "the", "this" or a possessive ("the telescope ... it"), or for "they" and
"them" a plural noun ("Scientists said they ..."). Otherwise the pronoun points to an
earlier sentence ("In a little over an hour it crossed ...", "radar measurements made
with it showed ..."), wherever it stands in the stem. A stem reworded from its source
sentence is judged by that sentence too: a pronoun the source leaves unresolved stays
unresolved when the rewording moves a name in front of it.
"""

from __future__ import annotations

import re

from quizapp.english_words import inflector, zipf_frequency

PERSONAL_PRONOUN = re.compile(r"\b(?:it|they|them|he|she|him|her)\b", re.IGNORECASE)
PLURAL_PRONOUNS = frozenset(["they", "them"])
DETERMINED = re.compile(r"\b(?:[Tt]he|[Tt]his|[Tt]hese|[Tt]hose|[\w-]+['’]s) [a-z\d]")
WORD = re.compile(r"[A-Za-z][\w'’-]*")
COMMON_WORD = 4.0  # Zipf frequency from which a capitalised first word is not a name
OPENING_CLAUSE = re.compile(
    r"^\W*(?:When|After|Before|As|While|Once|Although|Though|Because|Since|If|Until|Unless)"
    r"\b[^,]*, "
)
MAIN_SUBJECT_CHARS = 30  # how far after an opening clause its main subject may start


def is_name(word: str, first: bool) -> bool:
    """True for a capitalised word that names something: any later in a sentence, an
    acronym or a rare word at its start ("NASA", "Arecibo", never "In" or "After")."""
    if not word[:1].isupper():
        return False
    if not first:
        return True
    return word.isupper() and len(word) > 1 or zipf_frequency(word.lower()) < COMMON_WORD


def has_antecedent(before: str, pronoun: str) -> bool:
    """True when ``before`` names something ``pronoun`` can refer to."""
    words = WORD.findall(before)
    if any(is_name(word, number == 0) for number, word in enumerate(words)):
        return True
    if DETERMINED.search(before):
        return True
    plural = pronoun.lower() in PLURAL_PRONOUNS
    return plural and any(inflector().singular_noun(w.lower()) for w in words)


def unresolved_pronoun(text: str) -> str | None:
    """The first personal pronoun in ``text`` with no antecedent before it in ``text``
    (or, in an opening clause such as "When it reached orbit,", right after that clause)."""
    opening = OPENING_CLAUSE.match(text)
    for match in PERSONAL_PRONOUN.finditer(text):
        if opening and match.end() <= opening.end():
            named_after = has_antecedent(text[opening.end() :][:MAIN_SUBJECT_CHARS], "")
            if named_after:
                continue  # "When it reached orbit, the probe sent back ..."
        if not has_antecedent(text[: match.start()], match.group()):
            return match.group()
    return None


def pronoun_kept_from_source(text: str, sources) -> str | None:
    """A pronoun left unresolved in a cited sentence that ``text`` still contains."""
    for source in sources:
        pronoun = unresolved_pronoun(source.clean)
        if pronoun and re.search(rf"\b{pronoun}\b", text, re.IGNORECASE):
            return pronoun
    return None
