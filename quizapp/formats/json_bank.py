"""The project's own JSON: the bank file format of ``seed/banks/``, validated by a schema.

A document is ``{"article": {...}?, "bank": {...}?, "questions": [...]}``;
each question has ``id``, ``type``, ``topic``, ``prompt``, ``explanation``,
``difficulty``, ``rule``, ``sources`` (or the older single ``source``),
``fact``, ``title`` and ``category``, and every other key is the type's
answer data. JSON carries everything the app stores.
"""

import json
from typing import Any

import jsonschema

from quizapp.formats.questions import DEFAULT_TOPIC, ParsedQuestion, ParseResult

NAME = "json"
COMMON_KEYS = frozenset({"id", "type", "topic", "prompt", "explanation", "difficulty", "rule",
                         "source", "sources", "fact", "title", "category"})  # fmt: skip
_SPAN = {
    "type": "object",
    "required": ["start", "end", "text"],
    "properties": {
        "start": {"type": "integer", "minimum": 0},
        "end": {"type": "integer", "minimum": 0},
        "text": {"type": "string"},
    },
}
SCHEMA = {
    "type": "object",
    "required": ["questions"],
    "properties": {
        "article": {
            "type": "object",
            "required": ["id"],
            "properties": {"id": {"type": "string"}, "sha256": {"type": "string"}},
        },
        "bank": {"type": "object"},
        "questions": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["type", "prompt"],
                "properties": {
                    "id": {"type": ["string", "integer"]},
                    "type": {"type": "string"},
                    "prompt": {"type": "string"},
                    "topic": {"type": "string"},
                    "explanation": {"type": "string"},
                    "difficulty": {"enum": ["easy", "medium", "hard"]},
                    "rule": {"type": ["string", "null"]},
                    "fact": {"type": ["string", "null"]},
                    "title": {"type": "string"},
                    "category": {"type": "string"},
                    "source": _SPAN,
                    "sources": {"type": "array", "items": _SPAN},
                },
            },
        },
    },
}
_VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)


def _where(error: jsonschema.ValidationError) -> str:
    path = list(error.absolute_path)
    if len(path) >= 2 and path[0] == "questions":
        rest = "/".join(str(p) for p in path[2:])
        return f"Question {path[1] + 1}" + (f", {rest}" if rest else "")
    return "/".join(str(p) for p in path) or "The document"


def parse(text: str) -> ParseResult:
    """Read a JSON bank document into questions and problems."""
    result = ParseResult(NAME)
    try:
        document = json.loads(text.lstrip("\ufeff"))
    except json.JSONDecodeError as exc:
        result.problem(exc.lineno, f"Not valid JSON: {exc.msg} (column {exc.colno}).")
        return result
    errors = sorted(_VALIDATOR.iter_errors(document), key=lambda e: list(e.absolute_path))
    bad = set()
    for error in errors[:50]:
        result.problem(None, f"{_where(error)}: {error.message}.")
        path = list(error.absolute_path)
        if len(path) >= 2 and path[0] == "questions":
            bad.add(path[1])
        else:
            return result
    article = (document.get("article") or {}).get("id")
    for index, item in enumerate(document["questions"]):
        if index in bad:
            continue
        sources = item.get("sources", [item["source"]] if "source" in item else [])
        question = ParsedQuestion(
            type=item["type"],
            prompt=item["prompt"],
            data={key: value for key, value in item.items() if key not in COMMON_KEYS},
            title=item.get("title", ""),
            explanation=item.get("explanation", ""),
            category=item.get("category", ""),
            topic=item.get("topic", DEFAULT_TOPIC),
            difficulty=item.get("difficulty", "medium"),
            key=str(item.get("id", "")),
            rule=item.get("rule"),
            sources=sources,
            article=article if sources else None,
        )
        if not result.add(question):
            problem = result.problems[-1]
            problem.message = f"Question {index + 1}: {problem.message}"
    return result


def document(questions: list[ParsedQuestion], bank: dict[str, Any] | None = None,
             article: dict[str, Any] | None = None) -> dict[str, Any]:  # fmt: skip
    """The bank document for ``questions`` (keys as in ``seed/banks/``)."""
    items = []
    for question in questions:
        item: dict[str, Any] = {
            **question.data,
            "type": question.type,
            "prompt": question.prompt,
            "topic": question.topic,
            "explanation": question.explanation,
            "difficulty": question.difficulty,
        }
        optional = {"id": question.key, "title": question.title, "category": question.category,
                    "rule": question.rule, "sources": question.sources}  # fmt: skip
        item.update({key: value for key, value in optional.items() if value})
        items.append(item)
    result: dict[str, Any] = {"questions": items}
    if bank:
        result["bank"] = bank
    if article:
        result["article"] = article
    return result


def write(questions: list[ParsedQuestion], bank: dict[str, Any] | None = None,
          article: dict[str, Any] | None = None) -> tuple[str, list[str]]:  # fmt: skip
    """The JSON text (sorted keys, stable order); JSON loses nothing."""
    text = json.dumps(document(questions, bank, article), ensure_ascii=False, indent=2,
                      sort_keys=True)  # fmt: skip
    return text + "\n", []
