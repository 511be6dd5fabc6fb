"""Whether a stem cut from its sentence still reads as a sentence.

Focusing and shortening (``focus.py``, ``clauses.py``) drop clauses a stem does not
need; a cut that drops a clause a later word depends on leaves a stem that reads wrong
or says something else. Three checks on every cut stem, each from the stem's
punctuation and the position of its verbs:

* it does not open with a finite verb ("Recorded 38.4 degrees ...") or a colon;
* a colon keeps the clause it hung on: the words before a colon are the same as in the
  sentence ("The contest opened in March: four passages ..." had dropped "the target
  they had set when", and the passages now belong to the contest's opening);
* a part that opens with a finite verb (", recorded 38.4 degrees") keeps its subject:
  walking back over the set-off phrases before it ("near the southern tip of ...")
  reaches the same words as in the sentence, not another clause the cut brought
  beside it; and no cut joins two noun phrases with nothing between them ("Youssef
  Nader an undergraduate at ...", "nine instruments spectrometers that ..."), and no cut
  leaves a comma before a phrase of the predicate that did not follow one in the
  sentence ("6,000 kilograms, at launch").
"""

from __future__ import annotations

import difflib
import re

from .candidate import Candidate
from .clauses import IRREGULAR_PAST, appositive, parts
from .stems import BLANK

AUXILIARY = re.compile(
    r"^(?:is|are|was|were|has|have|had|will|would|can|could|may|might|must|does|did|do)$",
    re.IGNORECASE,
)
PAST = re.compile(rf"^(?:{IRREGULAR_PAST}|[a-z]+ed)$", re.IGNORECASE)
# Past forms that open a participle phrase naming or placing a noun (", called SuperCam").
PARTICIPLE_NAMING = re.compile(r"^(?:called|named|known|dubbed|located|based|led)$", re.I)
PREPOSITION = re.compile(
    r"^(?:in|on|at|by|for|from|with|near|of|to|into|onto|over|under|off|about|around|"
    r"across|along|between|inside|outside|through|toward|towards|after|before|during|as)\b",
    re.IGNORECASE,
)
DETERMINER = re.compile(r"^(?:a|an|the)$", re.IGNORECASE)
# A relative clause or participle phrase set off after a noun: it describes the subject
# and does not hold it (", who has kidney disease,", ", carrying ten people,").
DESCRIBING = re.compile(r"^(?:who|whom|whose|which|[a-z]+ing|[a-z]+ed (?:by|in|on|at|from|with))\b")


def finite_start(part: str) -> bool:
    """True when the part opens with a finite verb: an auxiliary, or a past form followed
    by its object rather than a preposition ("recorded 38.4 degrees", never "launched in
    2006" nor "called SuperCam")."""
    words = part.split()
    if not words:
        return False
    first = words[0].strip(",;:")
    if AUXILIARY.match(first):
        return True
    if not PAST.match(first) or PARTICIPLE_NAMING.match(first) or first[:1].isupper():
        return False
    following = words[1] if len(words) > 1 else ""
    return bool(following) and not PREPOSITION.match(following) and following != "as"


def subject_part(texts: list[str], number: int) -> str:
    """The part before part ``number`` that holds its subject: the nearest one that is
    not a set-off prepositional phrase, appositive, relative clause or participle
    phrase."""
    for before in range(number - 1, -1, -1):
        part = texts[before]
        if not (PREPOSITION.match(part) or appositive(part) or DESCRIBING.match(part)):
            return part
    return ""


def part_texts(text: str) -> list[str]:
    """The texts of the parts of ``text`` (see ``clauses.parts``)."""
    return [text[start:end].strip() for start, end in parts(text)]


def subject_kept(stem: str, source: str) -> str | None:
    """The finite verb whose subject the cut took away, or None."""
    stem_parts, source_parts = part_texts(stem), part_texts(source)
    for number, part in enumerate(stem_parts[1:], 1):
        # the part as it stood in the sentence: the same opening words (a cut may have
        # shortened its end, "recorded 38.4 degrees Celsius, or 101.1 ...")
        same = [i for i, p in enumerate(source_parts) if p.split()[:3] == part.split()[:3]]
        if not finite_start(part) or not same:
            continue
        original = subject_part(source_parts, same[0])
        if subject_part(stem_parts, number) != original:
            return part.split()[0]
    return None


def colon_kept(stem: str, source: str) -> bool:
    """True when the clause before each colon of the stem is the one it follows in the
    sentence (compared from the last comma or dash before the colon)."""
    for match in re.finditer(": ", stem):  # never the colon of a time ("6:04 p.m.")
        clause = part_texts(stem[: match.start()])[-1].lower()
        colon = source.find(": " + stem[match.end() :].split(",")[0])
        if colon < 0 or part_texts(source[:colon])[-1].lower() != clause:
            return False
    return True


def joined_noun_phrases(stem: str, source: str) -> str | None:
    """Two words a cut brought together with nothing between them where a determiner
    follows a word that ended a noun phrase ("Nader an undergraduate"), or None."""
    stem_words, source_words = stem.split(), source.split()
    matcher = difflib.SequenceMatcher(a=source_words, b=stem_words, autojunk=False)
    for tag, _, _, j1, j2 in matcher.get_opcodes():
        if tag not in ("delete", "replace"):
            continue
        for joint in {j1, j2}:
            if not 0 < joint < len(stem_words):
                continue
            before, after = stem_words[joint - 1], stem_words[joint]
            if before[-1:].isalnum() and DETERMINER.match(after) and before[:1].isupper():
                return f"{before} {after}"
    return None


# Words that may follow a noun with no comma between: a verb, a preposition, a
# conjunction, a relative word, a determiner or a participle.
GOES_ON = re.compile(
    r"^(?:and|or|but|nor|so|that|which|who|whom|whose|where|when|than|to|[a-z]+ing|[a-z]+ed)$"
)


# Words that open a list of examples after a noun (", including cameras, spectrometers").
LIST_OPENER = r"(?:including|such as|among them|like)\b"


def new_joints(stem: str, source: str) -> list[tuple[str, str, str]]:
    """Pairs of neighbouring stem words that a cut brought together, each as (word
    before, the punctuation between, word after): pairs that are not neighbours in the
    sentence."""
    words = stem.split()
    joints = []
    for before, after in zip(words, words[1:], strict=False):
        if f"{before} {after}" not in source:
            joints.append((before.rstrip(",;:"), before[len(before.rstrip(",;:")) :], after))
    return joints


def stray_comma(stem: str, source: str) -> str | None:
    """A comma a cut left before a phrase that goes on with the predicate, where it had
    closed a dropped restatement after "or" ("weighing about 6,000 kilograms, at launch"
    from "6,000 kilograms, or 13,000 pounds, at launch"), or None."""
    for before, between, after in new_joints(stem, source):
        if between != "," or not PREPOSITION.match(after) or f"{before}, {after}" in source:
            continue
        if re.search(rf"\b{re.escape(before)}, or ", source):
            return f"{before}, {after}"
    return None


def run_together(stem: str, source: str) -> str | None:
    """Two phrases a cut ran together where a list item between them was dropped
    ("nine science instruments spectrometers that ..."): the first word stood before a
    list of examples in the sentence (", including cameras,"), the second cannot follow a
    noun without a comma. None if no such
    pair."""
    for before, between, after in new_joints(stem, source):
        if between or not after[:1].islower():
            continue
        if not re.search(rf"\b{re.escape(before)}, {LIST_OPENER}", source):
            continue  # a dropped aside, not the head of a list ("The ferry carries")
        goes_on = GOES_ON.match(after) or PREPOSITION.match(after) or AUXILIARY.match(after)
        if not (goes_on or DETERMINER.match(after) or PAST.match(after)):
            return f"{before} {after}"
    return None


def filled(candidate: Candidate) -> str | None:
    """The stem with each blank filled by its answer, in order; None when the blanks and
    answers do not pair up."""
    stem, answers = candidate.stem, [str(a) for a in candidate.answers]
    if stem.count(BLANK) != len(answers) or not answers:
        return None
    for answer in answers:
        stem = stem.replace(BLANK, answer, 1)
    return stem


def uncut(candidate: Candidate) -> str | None:
    """The source sentence when the stem was cut from it; None for an uncut stem or one
    whose answers cannot be put back."""
    stem = filled(candidate)
    if stem is None or len(candidate.sources) != 1:
        return None
    source = candidate.sources[0].clean
    if stem.rstrip(".!?") in source or not all(str(a) in source for a in candidate.answers):
        return None
    return source


def cut_is_well_formed(candidate: Candidate) -> str | None:
    """A stem cut from its sentence must still read as one (see module docstring)."""
    source = uncut(candidate)
    if source is None:
        return None
    stem = filled(candidate) or ""
    first = stem.split()[0] if stem.split() else ""
    if stem.lstrip().startswith(":") or finite_start(stem[:1].lower() + stem[1:]):
        return f"the cut stem opens with {first!r}"
    if not colon_kept(stem.rstrip(".!?"), source.rstrip(".!?")):
        return "the cut moved a colon onto another clause"
    if verb := subject_kept(stem.rstrip(".!?"), source.rstrip(".!?")):
        return f"the cut dropped the subject of {verb!r}"
    if joined := joined_noun_phrases(stem, source) or run_together(stem, source):
        return f"the cut joined two phrases ({joined!r})"
    if comma := stray_comma(stem, source):
        return f"the cut left a stray comma ({comma!r})"
    return None
