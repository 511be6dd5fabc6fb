"""Bank files: question records with stable ids, written byte-for-byte deterministically."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from quizapp.questiontypes.typed_answers import answer_key

from .candidate import Candidate
from .classify import difficulty, topic


def question_id(article_id: str, candidate: Candidate) -> str:
    """Article id plus a short hash of rule, source span and answer data (for a typed
    answer only the key, so that accepting one more variant keeps the id)."""
    data = candidate.data
    if candidate.type == "short":
        data = {"answers": data["answers"][:1]}
    answer = json.dumps(data, sort_keys=True, ensure_ascii=False)
    key = f"{candidate.rule}|{candidate.source_start}|{candidate.source_end}|{answer}"
    return f"{article_id}-{hashlib.sha256(key.encode()).hexdigest()[:10]}"


def fact_of(candidate: Candidate) -> str | None:
    """What a named or numeric answer is, so a draw never asks the same fact twice."""
    data = candidate.data
    if candidate.type in ("mcq", "short"):
        answers = [data["answer"]] if candidate.type == "mcq" else data["answers"]
        keys = sorted((answer_key(a) for a in answers if answer_key(a)), key=lambda k: (len(k), k))
        return f"name:{keys[0]}" if keys else None
    if candidate.type == "numeric":
        return f"number:{data['answer']}:{answer_key(data.get('unit') or '')}"
    return None


def cited(raw: str, candidate: Candidate) -> list[dict]:
    """One ``{start, end, text}`` per cited sentence, in article order."""
    spans = sorted({(s.start, s.end) for s in candidate.sources})
    return [{"start": start, "end": end, "text": raw[start:end]} for start, end in spans]


def question_record(article_id: str, raw: str, candidate: Candidate) -> dict:
    """The bank entry of one kept candidate; its source spans index the raw file."""
    record = {
        "id": question_id(article_id, candidate),
        "type": candidate.type,
        "topic": topic(candidate),
        "difficulty": difficulty(candidate, raw),
        "prompt": candidate.prompt,
        "explanation": candidate.explanation,
        "rule": candidate.rule,
        "sources": cited(raw, candidate),
        **candidate.data,
    }
    fact = fact_of(candidate)
    if fact:
        record["fact"] = fact
    return record


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
