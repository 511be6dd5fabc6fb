"""Sentence splitting with raw offsets, plus a cleaned reading text per sentence.

spaCy's blank English pipeline with the rule-based ``sentencizer`` splits each block.
Two general repairs follow:

* a split inside a name ("Mars Reconnaissance. Orbiter") is undone when the two
  words around the stray period appear elsewhere in the article without it;
* the cleaned text ``clean`` collapses whitespace, puts a space after a month
  abbreviation glued to its day ("Feb.18") and fixes "thorough" used as a
  preposition ("falling thorough the atmosphere");
* a dateline that opens a story ("WASHINGTON — ", "BENGALURU, Aug 23 (Reuters) — ",
  "SÃO PAULO — ") is
  left out of the sentence (its start moves past it): it is where the story was filed,
  not part of what the sentence states;
* a caption that points at its picture is made to stand alone without changing
  what it states: "This high-resolution image shows ..." and "The photo above
  shows ..." become "A high-resolution image shows ...", "in this image taken"
  becomes "in an image taken", and a trailing ", as well" is dropped.

``text`` is always ``raw[start:end]``; ``clean`` is what question stems use and
``quoted`` (the raw sentence with whitespace collapsed) is what explanations quote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import regex
import spacy
from spacy.language import Language

from .extract import Block

MONTH_GLUED = re.compile(r"\b(Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.(\d)")
THOROUGH_AS_PREPOSITION = re.compile(r"\bthorough (the|a|an)\b")
FIRST_PERSON = re.compile(r"\b(I|me|my|we|us|our)\b", re.IGNORECASE)
# Place names in capitals, in any alphabet's capitals ("SÃO PAULO", "ŁÓDŹ"), one or
# several joined by a slash ("HILO/KAILUA-KONA"), then an optional region, date and
# agency, and a dash.
DATELINE = regex.compile(
    r"^\p{Lu}[\p{Lu}.'/-]+(?: \p{Lu}[\p{Lu}.'/-]+)*(?:, \p{Lu}[\w.]*(?: \p{Lu}[\w.]*)*)*"
    r"(?:,? \p{Lu}\p{Ll}{2,4}\.? \d{1,2})?(?: \([^()]{1,40}\))?\s*[—–-]{1,2}\s+"
    r"(?=[\p{Lu}\"“])"
)
OPENER_AT_END = re.compile(r"\s+[(\"“]$")
QUOTED = re.compile(r"[\"“][^\"”]*[\"”]")
STANDALONE = (
    # "This high-resolution image shows" / "The black and white photo above shows"
    (
        re.compile(
            r"^(?:This|The) (?P<words>(?:[\w-]+,? ){0,4}?)"
            r"(?P<noun>image|photo|photograph|picture)(?: above)? (?P<verb>shows|captures)\b"
        ),
        lambda m: article_for(m["words"] or m["noun"]) + f" {m['words']}{m['noun']} {m['verb']}",
    ),
    (re.compile(r"\bin this (image|photo|picture) taken\b"), r"in an \1 taken"),
    (re.compile(r", as well(?=[:;,.])"), ""),
)


def article_for(word: str) -> str:
    """ "An" before a vowel sound, else "A"."""
    return "An" if word[:1].lower() in "aeiou" else "A"


@dataclass(frozen=True)
class Sentence:
    """One sentence of the article body; ``text == raw[start:end]``."""

    index: int
    block: int
    start: int
    end: int
    text: str
    clean: str

    @property
    def quoted(self) -> str:
        """The raw sentence with whitespace collapsed, for explanations."""
        return " ".join(self.text.split())

    @property
    def first_person(self) -> bool:
        """True when the writer speaks as "I"/"we" outside quotation marks."""
        return bool(FIRST_PERSON.search(QUOTED.sub("", self.clean)))


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The shared spaCy pipeline: blank English plus the rule-based sentencizer."""
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def clean_text(text: str) -> str:
    """Readable form of a sentence for question stems (see module docstring)."""
    text = re.sub(r"\s+", " ", text).strip()
    text = MONTH_GLUED.sub(r"\1. \2", text)
    text = THOROUGH_AS_PREPOSITION.sub(r"through \1", text)
    for pattern, replacement in STANDALONE:
        text = pattern.sub(replacement, text)
    return text


def is_stray_period(raw: str, left: str, right: str) -> bool:
    """True when ``left. right`` is a name broken by a period ("Reconnaissance. Orbiter")."""
    last = re.findall(r"(\w+)\.$", left.strip())
    first = re.findall(r"^(\w+)", right.strip())
    if not last or not first or not first[0][:1].isupper():
        return False
    return f"{last[0]} {first[0]}" in raw


def raw_spans(block: Block) -> list[tuple[int, int]]:
    """Sentencizer spans of one block as raw offsets, trailing whitespace trimmed."""
    doc = load_nlp()(block.text)
    spans: list[list[int]] = []
    for sent in doc.sents:
        text = sent.text.rstrip()
        if not text:
            continue
        start = block.start + sent.start_char
        end = start + len(text)
        opener = OPENER_AT_END.search(text)
        if spans and spans[-1][2]:
            start -= spans[-1][2]
        if opener:
            spans.append([start, end - len(opener.group()), 1])
        else:
            spans.append([start, end, 0])
    return [(start, end) for start, end, _ in spans]


def split_sentences(raw: str, blocks: list[Block]) -> list[Sentence]:
    """Split every block into sentences, repairing stray periods inside names."""
    sentences: list[Sentence] = []
    for block_index, block in enumerate(blocks):
        merged: list[tuple[int, int, bool]] = []
        for start, end in raw_spans(block):
            if merged and is_stray_period(raw, raw[merged[-1][0] : merged[-1][1]], raw[start:end]):
                merged[-1] = (merged[-1][0], end, True)
            else:
                merged.append((start, end, False))
        for start, end, repaired in merged:
            if dateline := DATELINE.match(raw[start:end]):
                start += dateline.end()
            text = raw[start:end]
            clean = clean_text(text)
            if repaired:
                clean = re.sub(r"(\w)\. (?=[A-Z]\w*,)", r"\1 ", clean, count=1)
            sentences.append(Sentence(len(sentences), block_index, start, end, text, clean))
    return sentences
