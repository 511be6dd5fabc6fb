"""Per-question analysis: facility, discrimination, option picks and flags."""

import csv
import io
import math

import pytest

from quizapp.classes import assignments
from quizapp.models import LatePolicy
from tests.classes.helpers import join, login, make_class, take
from tests.factories import CORRECT_ANSWERS, make_bank, make_quiz
from tests.test_query_counts import count_queries

STRONG = {**CORRECT_ANSWERS, "q-tf": False}
WEAK = {"q-tf": True, "q-mcq": 0}


def _class_with_answers(app, client, teacher, make_student, size=3, prefix="s"):
    with app.app_context():
        make_bank(slug=f"bank-{prefix}")
        quiz_id = make_quiz(slug=f"quiz-{prefix}", owner_id=teacher["id"]).id
    class_id = make_class(client, teacher["email"], f"Class {prefix}")
    with app.app_context():
        assignment_id = assignments.create_assignment(
            class_id, quiz_id, None, None, LatePolicy.REFUSE
        ).id
    for n in range(size * 2):
        user_id, email = make_student(f"{prefix}{n}")
        join(client, app, class_id, email)
        take(app, user_id, quiz_id, STRONG if n < size else WEAK)
    login(client, teacher["email"])
    return quiz_id, assignment_id


def _pearson(pairs):
    n = len(pairs)
    mx = sum(x for x, _ in pairs) / n
    my = sum(y for _, y in pairs) / n
    cov = sum((x - mx) * (y - my) for x, y in pairs)
    return cov / math.sqrt(
        sum((x - mx) ** 2 for x, _ in pairs) * sum((y - my) ** 2 for _, y in pairs)
    )


@pytest.fixture
def analysed(app, client, teacher, make_student):
    return _class_with_answers(app, client, teacher, make_student)


def _section(page, prompt):
    start = page.index(prompt)
    return page[start : page.index("</section>", start)]


def test_facility_discrimination_and_picks(app, client, analysed):
    _, assignment_id = analysed
    page = client.get(f"/teach/results/assignments/{assignment_id}/analysis").get_data(as_text=True)
    assert "point-biserial correlation" in page
    mcq = _section(page, "Which camera on the mast can zoom?")
    # Strong students (6 of 7 right) pick Mastcam-Z, weak ones (1 of 7) Hazcam.
    expected = _pearson([(1, 5)] * 3 + [(0, 1)] * 3)
    assert "facility 50%" in mcq
    assert f"discrimination {expected:.2f}" in mcq
    assert "Hazcam</td>\n        <td>3 (50%)" in mcq
    assert "Navcam</td>\n        <td>0 (0%)" in mcq
    assert "Nobody picked the distractor “Navcam”." in mcq
    truefalse = _section(page, "SuperCam fires a laser at rocks.")
    assert "discrimination -1.00" in truefalse
    assert "Negative discrimination" in truefalse
    # The most suspicious question comes first.
    assert page.index("SuperCam fires a laser") < page.index("Which camera on the mast")


def test_a_correct_answer_almost_nobody_picks_is_flagged(app, client, teacher, make_student):
    with app.app_context():
        make_bank()
        quiz_id = make_quiz(owner_id=teacher["id"]).id
    for n in range(6):
        user_id, _ = make_student(f"p{n}")
        take(app, user_id, quiz_id, {"q-mcq": 0 if n else 1, "q-tf": True})
    login(client, teacher["email"])
    page = client.get(f"/teach/results/quizzes/{quiz_id}/analysis").get_data(as_text=True)
    assert "Almost nobody picked the correct “Mastcam-Z”." in _section(
        page, "Which camera on the mast can zoom?"
    )
    assert "Nobody picked the distractor “False”." in _section(page, "SuperCam fires")


def test_analysis_csv_has_every_question(app, client, analysed):
    quiz_id, _ = analysed
    text = client.get(f"/teach/results/quizzes/{quiz_id}/analysis.csv").get_data(as_text=True)
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert rows[0][5] == "Discrimination (point-biserial r)"
    assert len(rows) == 8
    truefalse = next(row for row in rows if row[1] == "SuperCam fires a laser at rocks.")
    assert truefalse[4] == "50.0" and truefalse[5] == "-1.0"
    assert "True (correct)=3" in truefalse[6]


def test_results_and_analysis_queries_do_not_grow(app, client, teacher, make_student):
    counts = []
    for size, prefix in ((1, "a"), (4, "b")):
        quiz_id, assignment_id = _class_with_answers(
            app, client, teacher, make_student, size=size, prefix=prefix
        )
        urls = [
            f"/teach/results/assignments/{assignment_id}",
            f"/teach/results/assignments/{assignment_id}.csv",
            f"/teach/results/assignments/{assignment_id}/analysis",
            f"/teach/results/quizzes/{quiz_id}",
            f"/teach/results/quizzes/{quiz_id}/analysis.csv",
        ]
        sizes = []
        for url in urls:
            with count_queries(app) as statements:
                response = client.get(url)
                response.get_data()
            assert response.status_code == 200, url
            sizes.append(len(statements))
        counts.append(sizes)
    assert counts[0] == counts[1]
