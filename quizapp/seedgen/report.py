"""The human-readable pipeline report: kept questions and gate rejections."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field


@dataclass
class Stats:
    """Counts of one article's run (or several, merged)."""

    candidates: int = 0
    kept: Counter = field(default_factory=Counter)
    rejected: Counter = field(default_factory=Counter)
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
        for gate, shown in other.examples.items():
            mine = self.examples.setdefault(gate, [])
            mine.extend(shown[: max(0, 2 - len(mine))])


def format_counter(counter: Counter, indent: str = "  ") -> list[str]:
    """Lines ``name: count`` sorted by name."""
    return [f"{indent}{name}: {count}" for name, count in sorted(counter.items())]


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
        lines.append(" rejected by gate:")
        lines += format_counter(stats.rejected)
        lines.append(" examples kept:")
        lines += [f"  [{q['type']}] {q['prompt']}" for q in questions[:3]]
        lines.append("")
    lines.append(f"== total: {sum(total.kept.values())} kept of {total.candidates} candidates")
    lines.append(" rejected by gate:")
    lines += format_counter(total.rejected)
    lines.append(" examples rejected:")
    for gate, shown in sorted(total.examples.items()):
        lines += [f"  {gate}: {example}" for example in shown]
    return "\n".join(lines) + "\n"
