"""Small question banks and quizzes built directly in the database for tests."""

import hashlib

from quizapp.extensions import db
from quizapp.models import (
    Article,
    Question,
    QuestionBank,
    QuestionStatus,
    QuestionVersion,
    Quiz,
    SelectionMode,
)

ARTICLE_TEXT = (
    "Menu\nHome\n\n"
    "The rover carries 25 cameras and two microphones.\n"
    "Mastcam-Z is a zoomable camera on the mast. SuperCam fires a laser at rocks.\n"
    "The heat shield fell away first. Then the parachute opened.\n"
    "The descent stage lowered the rover on cables.\n"
    "The rover landed in Jezero Crater on Feb. 18, 2021.\n"
    "The Hazcams sit on the underside of the rover.\n"
    "HiRISE photographed the descent from orbit.\n"
    "Related News\n"
)


def _span(text: str) -> dict:
    start = ARTICLE_TEXT.index(text)
    return {"article": None, "start": start, "end": start + len(text), "text": text}


# One question of every type, each citing a different sentence of ARTICLE_TEXT.
QUESTIONS = [
    (
        "q-mcq",
        "mcq",
        "Which camera on the mast can zoom?",
        {"options": ["Hazcam", "Mastcam-Z", "Navcam"], "answer": "Mastcam-Z"},
        "Mastcam-Z is a zoomable camera on the mast.",
    ),
    (
        "q-multi",
        "multi",
        "Which of these did the rover carry?",
        {
            "options": ["cameras", "microphones", "a drill rig", "solar sails"],
            "answers": ["cameras", "microphones"],
        },
        "The rover carries 25 cameras and two microphones.",
    ),
    (
        "q-tf",
        "truefalse",
        "SuperCam fires a laser at rocks.",
        {"answer": True},
        "SuperCam fires a laser at rocks.",
    ),
    (
        "q-num",
        "numeric",
        "How many imaging devices does the rover carry?",
        {"answer": 25, "tolerance": 0, "unit": "cameras"},
        "The descent stage lowered the rover on cables.",
    ),
    (
        "q-short",
        "short",
        "In which crater did the rover land?",
        {"answers": ["Jezero Crater", "Jezero"]},
        "The rover landed in Jezero Crater on Feb. 18, 2021.",
    ),
    (
        "q-match",
        "matching",
        "Match each camera with what it does.",
        {
            "pairs": [
                ["Hazcams", "watch for hazards"],
                ["HiRISE", "photographs from orbit"],
                ["Mastcam-Z", "zooms from the mast"],
            ]
        },
        "HiRISE photographed the descent from orbit.",
    ),
    (
        "q-order",
        "ordering",
        "Put these landing events in order.",
        {"items": ["heat shield fell away", "parachute opened", "rover lowered on cables"]},
        "The heat shield fell away first.",
    ),
]


def make_article(slug: str = "test-article") -> Article:
    article = Article(
        slug=slug,
        title="Test rover lands",
        publisher="Test Press",
        source_file=f"{slug}.txt",
        sha256=hashlib.sha256(ARTICLE_TEXT.encode()).hexdigest(),
        raw_text=ARTICLE_TEXT,
    )
    db.session.add(article)
    db.session.flush()
    return article


def make_bank(topic: str = "landing", slug: str = "test-bank", types=None) -> QuestionBank:
    """A bank with one published question of each type (or of ``types``)."""
    article = make_article(slug)
    bank = QuestionBank(slug=slug, name="Test bank", article_id=article.id)
    db.session.add(bank)
    for key, qtype, prompt, data, sentence in QUESTIONS:
        if types and qtype not in types:
            continue
        span = _span(sentence)
        question = Question(bank=bank, key=key, topic=topic, status=QuestionStatus.PUBLISHED)
        question.versions.append(
            QuestionVersion(
                number=1,
                type=qtype,
                prompt=prompt,
                data=data,
                explanation=f"The article says: {sentence}",
                rule="test.fixture",
                article_id=article.id,
                sources=[{"start": span["start"], "end": span["end"], "text": span["text"]}],
            )
        )
        db.session.add(question)
    db.session.commit()
    return bank


def make_quiz(slug: str = "landing-quiz", topic: str = "landing", **settings) -> Quiz:
    values = {
        "title": "The Landing",
        "description": "How the rover landed.",
        "selection": SelectionMode.POOL,
        "draw_count": 7,
        "is_published": True,
        "time_limit_seconds": None,
        "attempts_allowed": None,
        **settings,
    }
    quiz = Quiz(slug=slug, topic=topic, **values)
    db.session.add(quiz)
    db.session.commit()
    return quiz


# Answers that earn full marks, keyed by question key, in original indices.
CORRECT_ANSWERS = {
    "q-mcq": 1,
    "q-multi": [0, 1],
    "q-tf": True,
    "q-num": 25.0,
    "q-short": "jezero crater",
    "q-match": [0, 1, 2],
    "q-order": [0, 1, 2],
}
