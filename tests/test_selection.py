"""Drawing questions for an attempt: full draws, no repeats, no stem giving another's answer."""

import random
from types import SimpleNamespace

from quizapp.quiz.selection import draw_questions


def version(key, start, end, article=1, *, fact=None, prompt="", data=None, type_="numeric"):
    sources = [] if start is None else [{"start": start, "end": end, "text": "x"}]
    return SimpleNamespace(
        key=key,
        article_id=article,
        sources=sources,
        fact_key=fact,
        prompt=prompt or f"Question {key}?",
        type=type_,
        data=data or {"answer": 1, "tolerance": 0, "unit": ""},
    )


def short(key, start, prompt, answer):
    return version(key, start, start + 5, prompt=prompt, data={"answers": [answer]}, type_="short")


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
        spans = [(v.article_id, v.sources[0]["start"], v.sources[0]["end"]) for v in drawn]
        for i, (art, start, end) in enumerate(spans):
            for other_art, other_start, other_end in spans[i + 1 :]:
                assert art != other_art or end <= other_start or other_end <= start


def test_a_question_citing_two_sentences_conflicts_with_either():
    two = version("two", 0, 10)
    two.sources.append({"start": 50, "end": 60, "text": "y"})
    pool = [two, version("second", 50, 60), version("other", 20, 30)]
    for seed in range(30):
        keys = {v.key for v in draw_questions(pool, None, random.Random(seed), shuffle=True)}
        assert not {"two", "second"} <= keys


def test_two_questions_on_the_same_fact_are_never_drawn_together():
    pool = [
        version("jpl", 0, 10, 1, fact="rover-cameras-25"),
        version("ap", 0, 10, 2, fact="rover-cameras-25"),
        version("other", 20, 30, 1, fact="landing-date"),
    ]
    for seed in range(30):
        drawn = draw_questions(pool, None, random.Random(seed), shuffle=True)
        assert len(drawn) == 2
        assert len({v.fact_key for v in drawn}) == 2


def test_a_stem_naming_another_questions_answer_is_not_drawn_with_it():
    asks_crater = short("crater", 0, "In which crater did the rover land?", "Jezero Crater")
    names_crater = short("camera", 10, "Which camera filmed the landing in Jezero Crater?", "RDC")
    unrelated = short("delta", 20, "What did the rover land near?", "a river delta")
    for seed in range(30):
        drawn = draw_questions(
            [asks_crater, names_crater, unrelated], None, random.Random(seed), shuffle=True
        )
        keys = {v.key for v in drawn}
        assert not {"crater", "camera"} <= keys
        assert "delta" in keys


def test_without_shuffle_the_first_questions_are_asked_in_order():
    pool = [version(k, i * 10, i * 10 + 5) for i, k in enumerate("abcde")]
    drawn = draw_questions(pool, 3, random.Random(0), shuffle=False)
    assert [v.key for v in drawn] == ["a", "b", "c"]


def test_questions_without_a_source_never_conflict():
    pool = [version(k, None, None, None) for k in "xyz"]
    assert len(draw_questions(pool, 3, random.Random(1), shuffle=True)) == 3
