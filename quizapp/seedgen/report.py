"""The human-readable pipeline report: kept questions, gate rejections and the drafts set
aside as not confident (``confidence.py``), each counted under its gate or condition."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .confidence import CONDITIONS

CONDITION_NAMES = frozenset(condition.__name__ for condition in CONDITIONS)


@dataclass
class Stats:
    """Counts of one article's run (or several, merged): candidates, drafts kept by type
    and topic, rejections by gate and by confidence condition with examples, drafts kept
    although set aside, and the ids of the drafts set aside and of those restored."""

    candidates: int = 0
    kept: Counter = field(default_factory=Counter)
    rejected: Counter = field(default_factory=Counter)
    kept_anyway: Counter = field(default_factory=Counter)
    set_aside: list[str] = field(default_factory=list)
    restored: list[str] = field(default_factory=list)
    examples: dict[str, list[str]] = field(default_factory=dict)

    def reject(self, gate: str, example: str) -> None:
        """Count one rejection and remember up to two examples per gate."""
        self.rejected[gate] += 1
        shown = self.examples.setdefault(gate, [])
        if len(shown) < 2:
            shown.append(example)

    def merge(self, other: Stats) -> None:
        """Add another run's counts to these."""
        self.candidates += other.candidates
        self.kept.update(other.kept)
        self.rejected.update(other.rejected)
        self.kept_anyway.update(other.kept_anyway)
        self.set_aside += other.set_aside
        self.restored += other.restored
        for gate, shown in other.examples.items():
            mine = self.examples.setdefault(gate, [])
            mine.extend(shown[: max(0, 2 - len(mine))])


def format_counter(counter: Counter, indent: str = "  ") -> list[str]:
    """Lines ``name: count`` sorted by name."""
    return [f"{indent}{name}: {count}" for name, count in sorted(counter.items())]


def rejection_lines(stats: Stats) -> list[str]:
    """Rejections by gate, drafts set aside by confidence condition, and those kept
    although set aside (restored by review, or an article's only draft)."""
    gates = Counter({k: n for k, n in stats.rejected.items() if k not in CONDITION_NAMES})
    conditions = Counter({k: n for k, n in stats.rejected.items() if k in CONDITION_NAMES})
    lines = [" rejected by gate:", *format_counter(gates)]
    if conditions:
        lines += [" set aside as not confident:", *format_counter(conditions)]
    if stats.kept_anyway:
        lines += [" set aside but kept:", *format_counter(stats.kept_anyway)]
    return lines


def report_text(per_article: dict[str, tuple[dict, Stats]]) -> str:
    """Report for several articles: kept by type and topic, rejections by gate, examples."""
    lines: list[str] = []
    total = Stats()
    for article_id, (bank, stats) in per_article.items():
        total.merge(stats)
        questions = bank["questions"]
        lines.append(f"== {article_id}: {len(questions)} kept of {stats.candidates} candidates")
        lines.append(" kept by type:")
        lines += format_counter(Counter(q["type"] for q in questions))
        lines.append(" kept by topic:")
        lines += format_counter(Counter(q["topic"] for q in questions))
        lines += rejection_lines(stats)
        lines.append(" examples kept:")
        lines += [f"  [{q['type']}] {q['prompt']}" for q in questions[:3]]
        lines.append("")
    lines.append(f"== total: {sum(total.kept.values())} kept of {total.candidates} candidates")
    lines += rejection_lines(total)
    lines.append(" examples rejected:")
    for gate, shown in sorted(total.examples.items()):
        lines += [f"  {gate}: {example}" for example in shown]
    return "\n".join(lines) + "\n"
