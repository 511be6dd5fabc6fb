"""Bank files: question records with stable ids, written byte-for-byte deterministically."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from .candidate import Candidate
from .classify import difficulty, topic


def question_id(article_id: str, candidate: Candidate) -> str:
    """Article id plus a short hash of rule, source span and answer data."""
    answer = json.dumps(candidate.data, sort_keys=True, ensure_ascii=False)
    key = f"{candidate.rule}|{candidate.source_start}|{candidate.source_end}|{answer}"
    return f"{article_id}-{hashlib.sha256(key.encode()).hexdigest()[:10]}"


def question_record(article_id: str, raw: str, candidate: Candidate) -> dict:
    """The bank entry of one kept candidate; its source span indexes the raw file."""
    start, end = candidate.source_start, candidate.source_end
    return {
        "id": question_id(article_id, candidate),
        "type": candidate.type,
        "topic": topic(candidate),
        "difficulty": difficulty(candidate, raw),
        "prompt": candidate.prompt,
        "explanation": candidate.explanation,
        "rule": candidate.rule,
        "source": {"start": start, "end": end, "text": raw[start:end]},
        **candidate.data,
    }


def article_record(meta: dict, raw: str) -> dict:
    """The bank's ``article`` header, with the sha256 of the raw text."""
    return {
        "id": meta["id"],
        "title": meta.get("title", ""),
        "publisher": meta.get("publisher", ""),
        "published": str(meta.get("published", "")),
        "source_file": meta.get("source_file", ""),
        "sha256": hashlib.sha256(raw.encode("utf-8")).hexdigest(),
    }


def bank_json(bank: dict) -> str:
    """Serialised bank: sorted keys, two-space indent, UTF-8 text, final newline."""
    return json.dumps(bank, sort_keys=True, indent=2, ensure_ascii=False) + "\n"


def write_bank(bank: dict, directory: Path) -> Path:
    """Write ``bank`` to ``directory/<article-id>.json`` and return the path."""
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"{bank['article']['id']}.json"
    path.write_text(bank_json(bank), encoding="utf-8")
    return path
