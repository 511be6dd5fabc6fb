"""``flask seed load``: banks and quizzes loaded idempotently, all or nothing."""

import json
import shutil
from pathlib import Path

import pytest
import sqlalchemy as sa

from quizapp import seedfiles, seeding
from quizapp.extensions import db
from quizapp.models import (
    Article,
    GradingMethod,
    Question,
    QuestionBank,
    QuestionStatus,
    QuestionVersion,
    Quiz,
)

BANKS = Path(__file__).parent / "banks"
REPO_SEED_DIR = Path(__file__).parent.parent / "seed"
QUESTION_COUNT = 11


@pytest.fixture
def seed_dir(tmp_path) -> Path:
    """A seed directory made of the test banks in ``tests/banks``."""
    target = tmp_path / "seed"
    shutil.copytree(BANKS / "articles", target / "articles")
    (target / "banks").mkdir()
    for bank in BANKS.glob("*.json"):
        shutil.copy(bank, target / "banks" / bank.name)
    for name in ("articles.toml", "quizzes.toml"):
        shutil.copy(BANKS / name, target / name)
    return target


def load(runner, seed_dir: Path):
    return runner.invoke(args=["seed", "load", "--seed-dir", str(seed_dir)])


def edit_bank(seed_dir: Path, name: str, change) -> None:
    path = seed_dir / "banks" / f"{name}.json"
    bank = json.loads(path.read_text())
    change(bank)
    path.write_text(json.dumps(bank, indent=2, sort_keys=True))


def question_by_key(bank: dict, key: str) -> dict:
    return next(q for q in bank["questions"] if q["id"] == key)


def counts(app) -> dict[str, int]:
    with app.app_context():
        return {
            model.__name__: db.session.scalar(sa.select(sa.func.count()).select_from(model))
            for model in (Article, QuestionBank, Question, QuestionVersion, Quiz)
        }


def snapshot(app) -> list[tuple]:
    """Every question with its status and every version's content, in a stable order."""
    with app.app_context():
        rows = db.session.execute(
            sa.select(
                Question.key,
                Question.status,
                Question.current_version,
                QuestionVersion.number,
                QuestionVersion.prompt,
                QuestionVersion.data,
            )
            .join(QuestionVersion)
            .order_by(Question.key, QuestionVersion.number)
        ).all()
        return [tuple(row) for row in rows]


def get_question(key: str) -> Question:
    return db.session.scalar(sa.select(Question).where(Question.key == key))


def test_first_load_adds_articles_banks_questions_and_quizzes(app, runner, seed_dir):
    result = load(runner, seed_dir)

    assert result.exit_code == 0, result.output
    assert f"questions: {QUESTION_COUNT} added, 0 updated, 0 retired, 0 unchanged" in result.output
    assert "quizzes: 2 added" in result.output
    assert counts(app) == {
        "Article": 2,
        "QuestionBank": 2,
        "Question": QUESTION_COUNT,
        "QuestionVersion": QUESTION_COUNT,
        "Quiz": 2,
    }
    with app.app_context():
        article = db.session.scalar(sa.select(Article).where(Article.slug == "touchdown"))
        raw = (seed_dir / "articles" / "touchdown.txt").read_text(encoding="utf-8")
        assert article.raw_text == raw
        assert article.title == "Touchdown in Jezero Crater"
        assert str(article.published) == "2021-02-19"
        bank = db.session.scalar(sa.select(QuestionBank).where(QuestionBank.slug == "touchdown"))
        assert bank.name == article.title and bank.owner_id is None
        assert bank.article_id == article.id

        versions = db.session.scalars(sa.select(QuestionVersion)).all()
        assert {v.type for v in versions} == {
            "mcq",
            "multi",
            "truefalse",
            "numeric",
            "short",
            "matching",
            "ordering",
        }
        for version in versions:
            assert version.number == 1
            assert version.question.status == QuestionStatus.PUBLISHED
            for source in version.sources:
                raw = version.article.raw_text
                assert raw[source["start"] : source["end"]] == source["text"]
            assert not set(version.data) & seedfiles.COMMON_KEYS
        numeric = get_question("signal-delay").versions[0]
        assert numeric.data == {"answer": 11, "tolerance": 1, "unit": "minutes"}
        assert numeric.difficulty.value == "medium"
        assert numeric.rule == "fixture"


def test_second_load_changes_nothing(app, runner, seed_dir):
    assert load(runner, seed_dir).exit_code == 0
    before_counts, before_rows = counts(app), snapshot(app)

    result = load(runner, seed_dir)

    assert result.exit_code == 0, result.output
    assert "articles: 0 added, 0 updated; banks: 0 added, 0 updated" in result.output
    assert f"0 added, 0 updated, 0 retired, {QUESTION_COUNT} unchanged" in result.output
    assert "quizzes: 0 added, 0 updated, 2 unchanged" in result.output
    assert counts(app) == before_counts
    assert snapshot(app) == before_rows


def test_changed_prompt_makes_a_new_version_and_keeps_the_old_one(app, runner, seed_dir):
    assert load(runner, seed_dir).exit_code == 0

    def reword(bank):
        question_by_key(bank, "heat-shield")["prompt"] = "The heat shield guarded the rover."

    edit_bank(seed_dir, "touchdown", reword)
    result = load(runner, seed_dir)

    assert result.exit_code == 0, result.output
    assert "questions: 0 added, 1 updated, 0 retired" in result.output
    with app.app_context():
        question = get_question("heat-shield")
        assert question.current_version == 2
        assert [v.number for v in question.versions] == [1, 2]
        assert question.versions[0].prompt.startswith("A heat shield protected")
        assert question.versions[1].prompt == "The heat shield guarded the rover."
    assert counts(app)["QuestionVersion"] == QUESTION_COUNT + 1


def test_changed_answer_data_makes_a_new_version(app, runner, seed_dir):
    assert load(runner, seed_dir).exit_code == 0
    edit_bank(
        seed_dir,
        "instruments",
        lambda bank: question_by_key(bank, "camera-count").update(tolerance=1),
    )

    assert load(runner, seed_dir).exit_code == 0
    with app.app_context():
        question = get_question("camera-count")
        assert question.current_version == 2
        assert question.versions[1].data["tolerance"] == 1
        assert question.versions[0].data["tolerance"] == 0


def test_removed_question_is_retired_not_deleted_and_returns_when_restored(app, runner, seed_dir):
    assert load(runner, seed_dir).exit_code == 0
    original = (seed_dir / "banks" / "touchdown.json").read_text()

    def drop(bank):
        bank["questions"] = [q for q in bank["questions"] if q["id"] != "sky-crane"]

    edit_bank(seed_dir, "touchdown", drop)
    result = load(runner, seed_dir)

    assert result.exit_code == 0, result.output
    assert "1 retired" in result.output
    assert counts(app)["Question"] == QUESTION_COUNT
    with app.app_context():
        assert get_question("sky-crane").status == QuestionStatus.RETIRED

    (seed_dir / "banks" / "touchdown.json").write_text(original)
    result = load(runner, seed_dir)

    assert result.exit_code == 0, result.output
    assert "questions: 0 added, 1 updated, 0 retired" in result.output
    with app.app_context():
        question = get_question("sky-crane")
        assert question.status == QuestionStatus.PUBLISHED
        assert question.current_version == 1
    assert counts(app)["QuestionVersion"] == QUESTION_COUNT


def test_sha256_mismatch_writes_nothing(app, runner, seed_dir):
    with (seed_dir / "articles" / "instruments.txt").open("a", encoding="utf-8") as handle:
        handle.write("An extra line the bank was not built from.\n")

    result = load(runner, seed_dir)

    assert result.exit_code != 0
    assert "sha256" in result.output and "instruments.json" in result.output
    assert "Nothing was written" in result.output
    assert set(counts(app).values()) == {0}


def test_error_in_one_bank_leaves_earlier_changes_unwritten(app, runner, seed_dir):
    assert load(runner, seed_dir).exit_code == 0
    before = snapshot(app)

    edit_bank(
        seed_dir,
        "touchdown",
        lambda bank: question_by_key(bank, "heat-shield").update(prompt="Reworded."),
    )
    edit_bank(
        seed_dir,
        "instruments",
        lambda bank: question_by_key(bank, "hirise").update(answer="maybe"),
    )
    result = load(runner, seed_dir)

    assert result.exit_code != 0
    assert snapshot(app) == before


@pytest.mark.parametrize(
    ("key", "change", "message"),
    [
        ("touchdown-date", {"answer": "Feb. 30, 2021"}, "not one of the options"),
        ("heat-shield", {"type": "essay"}, "Unknown question type"),
        ("sky-crane", {"sources": [{"start": 0, "end": 4, "text": "Nope"}]}, "source text"),
        ("sky-crane", {"sources": []}, "non-empty list"),
        ("sky-crane", {"sources": [{"start": 0}]}, "each source must be"),
        ("signal-delay", {"difficulty": "impossible"}, "difficulty"),
    ],
)
def test_invalid_question_is_named_and_nothing_is_written(
    app, runner, seed_dir, key, change, message
):
    edit_bank(seed_dir, "touchdown", lambda bank: question_by_key(bank, key).update(change))

    result = load(runner, seed_dir)

    assert result.exit_code != 0
    assert "touchdown.json" in result.output and repr(key) in result.output
    assert message in result.output
    assert set(counts(app).values()) == {0}


def test_duplicate_question_ids_are_refused(app, runner, seed_dir):
    edit_bank(seed_dir, "touchdown", lambda bank: bank["questions"].append(bank["questions"][0]))

    result = load(runner, seed_dir)

    assert result.exit_code != 0
    assert "duplicate question ids touchdown-date" in result.output


def test_database_failure_midway_rolls_everything_back(app, runner, seed_dir, monkeypatch):
    def fail(values, summary):
        raise sa.exc.OperationalError("INSERT", {}, Exception("disk full"))

    monkeypatch.setattr(seeding, "_upsert_quiz", fail)

    result = load(runner, seed_dir)

    assert result.exit_code != 0
    assert "Nothing was written" in result.output
    assert set(counts(app).values()) == {0}


def test_quizzes_are_upserted_by_slug(app, runner, seed_dir):
    assert load(runner, seed_dir).exit_code == 0
    with app.app_context():
        quiz = db.session.scalar(sa.select(Quiz).where(Quiz.slug == "test-landing"))
        assert (quiz.draw_count, quiz.time_limit_seconds, quiz.attempts_allowed) == (4, 600, 2)
        assert quiz.grading_method == GradingMethod.HIGHEST and quiz.is_published
        quick = db.session.scalar(sa.select(Quiz).where(Quiz.slug == "test-instruments"))
        assert quick.time_limit_seconds is None and quick.attempts_allowed is None
        assert quick.grading_method == GradingMethod.AVERAGE

    path = seed_dir / "quizzes.toml"
    path.write_text(path.read_text().replace("draw_count = 4", "draw_count = 5"))
    result = load(runner, seed_dir)

    assert result.exit_code == 0, result.output
    assert "quizzes: 0 added, 1 updated, 1 unchanged" in result.output
    assert counts(app)["Quiz"] == 2
    with app.app_context():
        quiz = db.session.scalar(sa.select(Quiz).where(Quiz.slug == "test-landing"))
        assert quiz.draw_count == 5


def test_quiz_larger_than_its_pool_is_reported(app, runner, seed_dir):
    path = seed_dir / "quizzes.toml"
    path.write_text(path.read_text().replace("draw_count = 3", "draw_count = 30"))

    result = load(runner, seed_dir)

    assert result.exit_code == 0, result.output
    assert "'test-instruments' draws 30 questions but topic 'instruments' has 5" in result.output


def test_unknown_quiz_setting_is_refused(app, runner, seed_dir):
    path = seed_dir / "quizzes.toml"
    path.write_text(
        path.read_text() + '\n[[quiz]]\nslug = "x"\ntitle = "X"\ntopic = "t"\n'
        'draw_count = 1\ncolour = "red"\n'
    )

    result = load(runner, seed_dir)

    assert result.exit_code != 0
    assert "unknown keys colour" in result.output
    assert set(counts(app).values()) == {0}


def test_review_options_load_from_the_quiz_review_table(app, runner, seed_dir):
    from quizapp.models import ReviewMoment

    path = seed_dir / "quizzes.toml"
    text = path.read_text()
    old = 'correct = ["immediately", "later_while_open", "after_close"]'
    assert old in text
    path.write_text(text.replace(old, 'correct = ["after_close"]'))

    result = load(runner, seed_dir)

    assert result.exit_code == 0, result.output
    with app.app_context():
        quiz = db.session.scalar(sa.select(Quiz).where(Quiz.slug == "test-landing"))
        assert quiz.review_correct == ReviewMoment.AFTER_CLOSE
        assert quiz.review_score == quiz.review_feedback == ReviewMoment.ALWAYS
        other = db.session.scalar(sa.select(Quiz).where(Quiz.slug == "test-instruments"))
        assert other.review_correct == ReviewMoment.ALWAYS  # no [quiz.review]: all shown
    path.write_text(text)
    result = load(runner, seed_dir)
    assert "quizzes: 0 added, 1 updated, 1 unchanged" in result.output


@pytest.mark.parametrize(
    ("review", "message"),
    [
        ('correct = ["at_noon"]', "review.correct must list moments among immediately"),
        ('keys = ["immediately"]', "unknown review parts keys"),
        ('correct = "immediately"', "review.correct must list moments"),
    ],
)
def test_bad_review_options_are_refused(app, runner, seed_dir, review, message):
    path = seed_dir / "quizzes.toml"
    path.write_text(
        path.read_text() + '\n[[quiz]]\nslug = "x"\ntitle = "X"\ntopic = "landing"\n'
        f"draw_count = 1\n\n[quiz.review]\n{review}\n"
    )

    result = load(runner, seed_dir)

    assert result.exit_code != 0
    assert message in result.output
    assert set(counts(app).values()) == {0}


def test_topic_titles_come_from_quizzes_toml(seed_dir):
    assert seedfiles.topic_titles(seed_dir) == {
        "landing": "The Landing",
        "instruments": "The Rover's Instruments",
    }


def test_shipped_seed_directory_loads_twice_without_changes(app, runner):
    first = load(runner, REPO_SEED_DIR)
    assert first.exit_code == 0, first.output
    # Every shipped quiz can ask its full count without repeating a source sentence.
    assert "Warning" not in first.output, first.output
    before = counts(app)

    second = load(runner, REPO_SEED_DIR)

    assert second.exit_code == 0, second.output
    assert counts(app) == before
    assert before["Quiz"] >= 4
    assert seedfiles.topic_titles(REPO_SEED_DIR)["instruments"] == "The Rover's Instruments"


def test_a_bank_with_a_single_source_object_still_loads(app, runner, seed_dir):
    def to_single_source(bank):
        for question in bank["questions"]:
            question["source"] = question.pop("sources")[0]

    edit_bank(seed_dir, "touchdown", to_single_source)

    result = load(runner, seed_dir)

    assert result.exit_code == 0, result.output
    with app.app_context():
        version = get_question("sky-crane").versions[0]
        assert len(version.sources) == 1
        raw = version.article.raw_text
        assert (
            raw[version.sources[0]["start"] : version.sources[0]["end"]]
            == (version.sources[0]["text"])
        )


def test_several_cited_sentences_and_the_fact_are_stored(app, runner, seed_dir):
    def cite_two_sentences(bank):
        question = question_by_key(bank, "sky-crane")
        raw = (seed_dir / "articles" / bank["article"]["source_file"]).read_text()
        first = question["sources"][0]
        second_start = raw.index("\n", first["end"]) + 1
        second_end = raw.index(".", second_start) + 1
        question["sources"].append(
            {"start": second_start, "end": second_end, "text": raw[second_start:second_end]}
        )
        question["fact"] = "sky-crane-lowered-rover"

    edit_bank(seed_dir, "touchdown", cite_two_sentences)

    result = load(runner, seed_dir)

    assert result.exit_code == 0, result.output
    with app.app_context():
        version = get_question("sky-crane").versions[0]
        assert len(version.sources) == 2
        assert version.fact_key == "sky-crane-lowered-rover"
