"""Drawing questions for an attempt: full draws, never two from one source sentence."""

import random
from types import SimpleNamespace

from quizapp.quiz.selection import draw_questions


def version(key, start, end, article=1):
    return SimpleNamespace(key=key, article_id=article, source_start=start, source_end=end)


def test_a_question_citing_a_paragraph_does_not_shrink_the_draw():
    # One matching question cites the whole paragraph (0-100); four questions
    # cite one sentence of it each. The best draw asks the four.
    pool = [version("wide", 0, 100)] + [version(f"s{i}", i * 25, i * 25 + 20) for i in range(4)]
    for seed in range(50):
        drawn = draw_questions(pool, 4, random.Random(seed), shuffle=True)
        assert len(drawn) == 4, seed
        assert "wide" not in {v.key for v in drawn}


def test_overlapping_sources_are_never_drawn_together():
    pool = [version("a", 0, 50), version("b", 40, 60), version("c", 60, 80), version("d", 0, 50, 2)]
    for seed in range(50):
        drawn = draw_questions(pool, None, random.Random(seed), shuffle=True)
        spans = [(v.article_id, v.source_start, v.source_end) for v in drawn]
        for i, (art, start, end) in enumerate(spans):
            for other_art, other_start, other_end in spans[i + 1 :]:
                assert art != other_art or end <= other_start or other_end <= start


def test_without_shuffle_the_first_questions_are_asked_in_order():
    pool = [version(k, i * 10, i * 10 + 5) for i, k in enumerate("abcde")]
    drawn = draw_questions(pool, 3, random.Random(0), shuffle=False)
    assert [v.key for v in drawn] == ["a", "b", "c"]


def test_questions_without_a_source_never_conflict():
    pool = [
        SimpleNamespace(key=k, article_id=None, source_start=None, source_end=None) for k in "xyz"
    ]
    assert len(draw_questions(pool, 3, random.Random(1), shuffle=True)) == 3
