"""The seed pipeline from raw article text to a bank, and the seed-directory runner."""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path

from .bank import article_record, question_id, question_record, write_bank
from .banksize import trim
from .candidate import Candidate
from .centrality import Centrality, article_centrality, article_terms
from .clauses import shortened
from .confidence import confidence_failure
from .extract import extract_blocks
from .facts import article_facts
from .focus import resolved_pronoun
from .gates import run_gates
from .generate import all_candidates
from .grounding import Page, page_context
from .keys import with_fair_key
from .name_gates import run_name_gates
from .pagedates import publication_date
from .report import Stats, report_text
from .reviews import (
    ReviewTally,
    apply_reviews,
    load_reviews,
    note_set_aside,
    note_stale,
    restored_ids,
    review_lines,
)
from .select import ASIDE, centrality_tier, select
from .sentences import split_sentences
from .vocabulary import Vocabulary, load_vocabulary


def published_date(meta: dict) -> dt.date | None:
    """The article's publication date from its metadata, if any."""
    value = meta.get("published")
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


def generate_bank(
    raw_text: str,
    article_meta: dict,
    vocabulary: Vocabulary | None = None,
    related: frozenset[str] = frozenset(),
    restored: frozenset[str] = frozenset(),
) -> tuple[dict, Stats]:
    """Turn one raw article into a bank dict plus the run's statistics.

    ``article_meta`` needs ``id``; ``title``, ``publisher``, ``published`` and
    ``source_file`` are copied into the bank header when present. ``related`` are the
    key terms of the other articles on the same topic (see ``centrality.py``).
    ``restored`` are ids of drafts a reviewer brought back after the confidence
    conditions set them aside (``confidence.py``, ``reviews.py``).
    """
    vocabulary = vocabulary or Vocabulary()
    sentences = split_sentences(raw_text, extract_blocks(raw_text))
    published = published_date(article_meta) or publication_date(raw_text)
    facts = article_facts(raw_text, sentences, vocabulary, published)
    stats = Stats()
    candidates = []
    for drafted in map(shortened, all_candidates(facts, vocabulary)):
        drafted = resolved_pronoun(drafted, sentences)
        keyed = with_fair_key(drafted, facts, vocabulary)
        if keyed is None:
            stats.reject("no fair typed key", f"{drafted.rule}: {drafted.prompt}")
        else:
            candidates.append(keyed)
    stats.candidates = len(candidates)
    texts = [s.clean for s in sentences]
    passed = []
    for candidate in candidates:
        failure = run_gates(candidate, texts) or run_name_gates(candidate, facts)
        if failure:
            stats.reject(failure[0], f"{candidate.rule}: {candidate.prompt} ({failure[1]})")
        else:
            passed.append(candidate)
    page = page_context(raw_text, sentences, vocabulary, article_meta.get("title", ""))
    centrality = article_centrality(facts, article_meta.get("title", ""), related)
    passed, set_aside = confident_drafts(passed, page, article_meta["id"], restored, stats)
    if not passed and set_aside:
        passed = [only_draft(set_aside, vocabulary, centrality, stats)]
    for candidate, (condition, reason) in set_aside:
        stats.reject(condition, f"{candidate.rule}: {candidate.prompt} ({reason})")
        stats.set_aside.append(question_id(article_meta["id"], candidate))
    kept, duplicates = select(passed, vocabulary.obvious, centrality)
    stats.rejected["duplicate"] += duplicates
    asides = {id(c) for c in kept if centrality_tier(c, centrality) == ASIDE}
    kept, trimmed = trim(kept, centrality, asides)
    for reason, candidate in trimmed:
        stats.reject(reason, f"{candidate.rule}: {candidate.prompt}")
    questions = [question_record(article_meta["id"], raw_text, c) for c in kept]
    questions.sort(key=lambda q: (q["sources"][0]["start"], q["rule"], q["id"]))
    for question in questions:
        stats.kept[(question["type"], question["topic"])] += 1
    bank = {"article": article_record(article_meta, raw_text), "questions": questions}
    return bank, stats


SetAside = list[tuple[Candidate, tuple[str, str]]]


def confident_drafts(
    candidates: list[Candidate], page: Page, article_id: str, restored: frozenset[str], stats: Stats
) -> tuple[list[Candidate], SetAside]:
    """The candidates that meet every confidence condition (``confidence.py``) or that a
    reviewer restored (counted in ``stats``), and the others, each with the condition it
    fails and why."""
    kept, set_aside = [], []
    for candidate in candidates:
        failure = confidence_failure(candidate, page)
        if failure is None:
            kept.append(candidate)
        elif (draft_id := question_id(article_id, candidate)) in restored:
            stats.kept_anyway[f"restored by review ({failure[0]})"] += 1
            stats.restored.append(draft_id)
            kept.append(candidate)
        else:
            set_aside.append((candidate, failure))
    return kept, set_aside


def only_draft(
    set_aside: SetAside, vocabulary: Vocabulary, centrality: Centrality, stats: Stats
) -> Candidate:
    """The best-ranked draft of ``set_aside``, taken out of it and kept when none is
    confident, so that an article always gives a teacher a draft to review or edit."""
    ranked, _ = select([candidate for candidate, _ in set_aside], vocabulary.obvious, centrality)
    number = next(n for n, (candidate, _) in enumerate(set_aside) if candidate is ranked[0])
    _, (condition, _) = set_aside.pop(number)
    stats.kept_anyway[f"the article's only draft ({condition})"] += 1
    return ranked[0]


def read_manifest(seed_dir: Path) -> list[dict]:
    """Articles listed in ``seed_dir/articles.toml``, each with its table name as ``id``."""
    data = tomllib.loads((seed_dir / "articles.toml").read_text(encoding="utf-8"))
    return [{"id": article_id, **table} for article_id, table in data.items()]


def run(seed_dir: Path) -> dict[str, tuple[dict, Stats]]:
    """Reviewed bank and statistics of every article in the manifest, in manifest order."""
    return run_reviewed(seed_dir)[0]


def run_reviewed(seed_dir: Path) -> tuple[dict[str, tuple[dict, Stats]], ReviewTally]:
    """Every article's bank with ``seed_dir/reviews.toml`` applied, and the review tally.

    The manifest's articles are one topic: a term one of them shares with the others
    counts towards centrality. Questions that repeat an earlier bank's fact are dropped
    before review. A draft the generator sets aside as not confident comes back only
    when its review restores it.
    """
    vocabulary = load_vocabulary(seed_dir / "vocabulary.toml")
    reviews = load_reviews(seed_dir / "reviews.toml")
    restored = restored_ids(reviews)
    tally = ReviewTally()
    results = {}
    asked: set[tuple[str, str]] = set()
    made: set[str] = set()
    manifest = read_manifest(seed_dir)
    raws = {
        meta["id"]: (seed_dir / "articles" / meta["source_file"]).read_text(encoding="utf-8")
        for meta in manifest
    }
    terms = {
        article_id: article_terms(split_sentences(raw, extract_blocks(raw)))
        for article_id, raw in raws.items()
    }
    for meta in manifest:
        raw = raws[meta["id"]]
        related = frozenset().union(*(t for i, t in terms.items() if i != meta["id"]))
        bank, stats = generate_bank(raw, meta, vocabulary, related, restored)
        bank["questions"] = drop_repeats(bank["questions"], asked, stats)
        made.update(q["id"] for q in bank["questions"])
        made.update(stats.set_aside)
        note_set_aside(reviews, stats.set_aside, stats.restored, tally)
        results[meta["id"]] = (apply_reviews(bank, reviews, tally), stats)
    note_stale(reviews, made, tally)
    return results, tally


def drop_repeats(questions: list[dict], asked: set[tuple[str, str]], stats: Stats) -> list[dict]:
    """Questions whose type and fact no earlier bank asked; ``asked`` is updated."""
    kept = []
    for question in questions:
        key = (question["type"], question.get("fact") or question["id"])
        if key in asked:
            stats.reject("asked in another bank", f"{question['rule']}: {question['prompt']}")
            stats.kept[(question["type"], question["topic"])] -= 1
            continue
        asked.add(key)
        kept.append(question)
    return kept


def build_banks(seed_dir: Path) -> list[Path]:
    """Regenerate ``seed_dir/banks/<article-id>.json`` for every article; return the paths."""
    seed_dir = Path(seed_dir)
    return [write_bank(bank, seed_dir / "banks") for bank, _ in run(seed_dir).values()]


def report(seed_dir: Path) -> str:
    """Run the pipeline without writing and return the human-readable report."""
    results, tally = run_reviewed(Path(seed_dir))
    return report_text(results) + "\n".join(review_lines(tally)) + "\n"
