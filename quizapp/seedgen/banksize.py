"""How many of the ranked drafts a bank keeps, and which give way.

A teacher reviews every draft of a bank, so a bank is worth as much as the share of it
the teacher signs. On the held-out pages the drafts a teacher rejects most often are
figures from sentences the article does not build on (a buoy's reading, a share price,
the step of a timeline, how the method works): sentences that are neither in the lead
nor share the headline's words nor return to the article's recurring terms, so their
centrality (``centrality.sentence_centrality``) is low. The limits below are the one
place where that is turned into a bank's size:

* ``THRESHOLD``: a draft whose sentences all score below it is a *side figure*. On the
  thirteen held-out pages the sentences scoring under 0.3 held six drafts a teacher
  rejected (a timeline step, a buoy's reading, a definition's count, a share price)
  but also approved ones (instruments, a cooling temperature); between 0.3 and 1.0 sit
  approved main facts (a mirror's size, a mission's cost), so the line is not higher.
* ``MIN_BANK``: side figures fill a bank that would otherwise hold fewer than eight
  drafts. Short pages (an asteroid impact, a telescope launch, 200-250 words) put
  their approved facts in sentences that recur little; with a minimum of three, those
  banks lost four to six approved drafts and the share a teacher signs did not rise.
* ``WORDS_PER_DRAFT`` and ``MIN_CAP``: at most one draft per twenty words of body
  text, never fewer than three. One per 100 words was measured: it halved the DART,
  Webb and Pluto banks (approved main facts among the dropped) and dropped questions
  of the reviewed seed banks, whose 700-word release yields 23 drafts (wh-questions,
  matching) that a teacher reviewed. The cap is a guard against runaway banks; the
  threshold and the rule below do the choosing. Central drafts are ranked first, so
  the cap trims the least central ones.

Two clozes of one sentence that ask a number or a date and hold each other's answers
("measures ___ meters across and is made of 18 segments" beside "measures 6.5 meters
across and is made of ___ segments") cost the reviewer one of them unless the sentence
is central to the story (``CENTRAL``) and neither draft is an aside. The one kept asks
the sentence's claim: the main clause's predicate before its subject, both before a
side clause of the whole sentence (read before any cut), and the earlier of two parts
of the same standing. Names are left to their kinds and options.
Every draft that gives way is returned with its reason, for the seed report.
"""

from __future__ import annotations

from .candidate import Candidate
from .centrality import (
    CENTRAL,
    Centrality,
    asked_in_side_clause,
    asked_in_subject,
    asked_position,
)
from .select import gives_away
from .stems import BLANK

THRESHOLD = 0.3
MIN_BANK = 8
WORDS_PER_DRAFT = 20
MIN_CAP = 3

SIDE_FIGURE = "side figure"
BEYOND_SIZE = "beyond the bank's size"
SIBLING = "answer held by a draft of its sentence"


def bank_cap(body_words: int) -> int:
    """The most drafts a bank of an article with ``body_words`` words keeps."""
    return max(MIN_CAP, body_words // WORDS_PER_DRAFT)


def sentence_score(candidate: Candidate, centrality: Centrality) -> float:
    """The centrality of the candidate's most central source sentence."""
    return max(centrality.scores.get(s.start, 0.0) for s in candidate.sources)


def main_claim_rank(candidate: Candidate) -> int:
    """0 when the asked part is in the main clause's predicate, 1 in its subject, 2 in
    a side clause: a sentence's claim is what its main verb says of its subject ("The
    three earlier events took place in ___" asks the claim; "The ___ earlier events took
    place in 1998, ..." asks a word of the subject)."""
    if asked_in_side_clause(candidate):
        return 2
    return 1 if asked_in_subject(candidate) else 0


def claim_order(candidate: Candidate) -> tuple[int, int]:
    """Main claim first; of two asked parts of the same standing, the earlier one, as
    the first predicate carries the sentence's claim ("measures 6.5 meters across and
    is made of 18 segments")."""
    position = asked_position(candidate)
    return main_claim_rank(candidate), position if position is not None else 10**6


def figure(candidate: Candidate) -> bool:
    """True for a cloze that asks a number or a date, the drafts that give each other
    away inside one sentence."""
    return BLANK in candidate.stem and (candidate.type == "numeric" or candidate.kind == "date")


def siblings_to_drop(ranked: list[Candidate], centrality: Centrality, asides: set[int]) -> set[int]:
    """Ids of drafts that give way to a better draft of their sentence holding each
    other's answers, when the sentence is not central or one of the two is an aside."""
    dropped: set[int] = set()
    for number, better in enumerate(ranked):
        if id(better) in dropped:
            continue
        for worse in ranked[number + 1 :]:
            if id(worse) in dropped or worse.source_start != better.source_start:
                continue
            if not (gives_away(better, worse) and gives_away(worse, better)):
                continue
            if not (figure(better) and figure(worse)):
                continue  # names asked in one sentence are told apart by their kinds
            central = sentence_score(better, centrality) >= CENTRAL
            if central and not {id(better), id(worse)} & asides:
                continue
            loser = better if claim_order(worse) < claim_order(better) else worse
            dropped.add(id(loser))
            if loser is better:
                break
    return dropped


def trim(
    ranked: list[Candidate], centrality: Centrality | None, asides: set[int] = frozenset()
) -> tuple[list[Candidate], list[tuple[str, Candidate]]]:
    """The drafts a bank keeps, in rank order, and each dropped one with its reason.
    ``ranked`` is best first; ``asides`` are ids of drafts ranked as asides."""
    if centrality is None:
        return ranked, []
    dropped: list[tuple[str, Candidate]] = []
    siblings = siblings_to_drop(ranked, centrality, set(asides))
    remaining = []
    for candidate in ranked:
        if id(candidate) in siblings:
            dropped.append((SIBLING, candidate))
        else:
            remaining.append(candidate)
    main = [c for c in remaining if sentence_score(c, centrality) >= THRESHOLD]
    side = [c for c in remaining if sentence_score(c, centrality) < THRESHOLD]
    room = max(0, MIN_BANK - len(main))
    dropped += [(SIDE_FIGURE, c) for c in side[room:]]
    allowed = {id(c) for c in main + side[:room]}
    kept = [c for c in remaining if id(c) in allowed]
    cap = bank_cap(centrality.body_words)
    dropped += [(BEYOND_SIZE, c) for c in kept[cap:]]
    return kept[:cap], dropped
