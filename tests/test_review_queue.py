"""The review queue: drafts beside their sources, decisions recorded, per-rule counts."""

import re

import pytest
import sqlalchemy as sa

from quizapp.extensions import db
from quizapp.models import (
    AuditEvent,
    Question,
    QuestionStatus,
    QuestionVersion,
    Quiz,
    ReviewAction,
    ReviewDecision,
)
from quizapp.quiz.selection import pool_for
from tests.csrf import log_in_with_token
from tests.factories import make_bank, make_quiz
from tests.test_query_counts import count_queries
from tests.test_question_editor import edit, login, question_id


def make_drafts(app, owner_id, slug="drafts"):
    """A teacher's bank of seven generated drafts; two rules made them."""
    with app.app_context():
        bank = make_bank(slug=slug)
        bank.owner_id = owner_id
        for question in bank.questions:
            question.status = QuestionStatus.DRAFT
            rule = "rule.names" if question.key in ("q-mcq", "q-multi", "q-match") else "rule.tf"
            question.versions[0].rule = rule
        db.session.commit()


@pytest.fixture
def reviewer(app, client, teacher):
    make_drafts(app, teacher["id"])
    login(client, teacher)
    return client


def status(app, key, slug="drafts"):
    with app.app_context():
        return db.session.get(Question, question_id(app, key, slug)).status


def test_queue_lists_drafts_with_their_sources(app, reviewer):
    page = reviewer.get("/teach/review").get_data(as_text=True)
    assert 'Drafts <span class="badge text-bg-warning">7</span>' in page
    assert "<mark>Mastcam-Z is a zoomable camera on the mast.</mark>" in page
    assert "Which camera on the mast can zoom?" in page
    assert "<strong>Answer:</strong> Mastcam-Z" in page


def test_approving_publishes_and_records_who_and_when(app, reviewer, teacher):
    qid = question_id(app, "q-mcq", "drafts")
    with app.app_context():
        make_quiz(slug="q", draw_count=7)
        assert qid not in {v.question_id for v in pool_for(db.session.scalar(sa.select(Quiz)))}
    response = reviewer.post(f"/teach/review/{qid}/approve", follow_redirects=True)
    assert "Approved: quizzes may now draw it." in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Question, qid).status == QuestionStatus.PUBLISHED
        decision = db.session.scalar(sa.select(ReviewDecision))
        assert (decision.action, decision.reviewer_id, decision.rule, decision.version_number) == (
            ReviewAction.APPROVED,
            teacher["id"],
            "rule.names",
            1,
        )
        assert decision.created_at is not None
        event = db.session.scalar(
            sa.select(AuditEvent).where(AuditEvent.action == "question.approved")
        )
        assert event.actor_id == teacher["id"] and event.target_id == str(qid)
        assert qid in {v.question_id for v in pool_for(db.session.scalar(sa.select(Quiz)))}
    page = reviewer.get("/teach/review").get_data(as_text=True)
    assert 'Drafts <span class="badge text-bg-warning">6</span>' in page
    # A second approval of the same question is refused politely.
    again = reviewer.post(f"/teach/review/{qid}/approve", follow_redirects=True)
    assert "no longer a draft" in again.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count(ReviewDecision.id))) == 1


def test_rejecting_needs_a_reason_and_keeps_it(app, reviewer):
    qid = question_id(app, "q-tf", "drafts")
    refused = reviewer.post(
        f"/teach/review/{qid}/reject", data={"reason": "  "}, follow_redirects=True
    )
    assert "Give a reason for rejecting the question." in refused.get_data(as_text=True)
    assert status(app, "q-tf") == QuestionStatus.DRAFT
    reviewer.post(
        f"/teach/review/{qid}/reject", data={"reason": "Answer is given away by the stem"}
    )
    assert status(app, "q-tf") == QuestionStatus.REJECTED
    with app.app_context():
        decision = db.session.scalar(sa.select(ReviewDecision))
        assert decision.action == ReviewAction.REJECTED
        assert decision.reason == "Answer is given away by the stem"
    # Restoring a rejected question sends it back to the queue.
    reviewer.post(f"/teach/questions/{qid}/restore")
    assert status(app, "q-tf") == QuestionStatus.DRAFT


def test_bulk_approve_approves_only_my_ticked_drafts(app, reviewer, admin):
    make_drafts(app, admin["id"], slug="someone-elses")
    mine = [question_id(app, key, "drafts") for key in ("q-mcq", "q-num", "q-order")]
    theirs = question_id(app, "q-mcq", "someone-elses")
    response = reviewer.post(
        "/teach/review/approve", data={"questions": [*mine, theirs]}, follow_redirects=True
    )
    page = response.get_data(as_text=True)
    assert "Approved 3 drafts. 1 could not be approved" in page
    for key in ("q-mcq", "q-num", "q-order"):
        assert status(app, key) == QuestionStatus.PUBLISHED
    assert status(app, "q-tf") == QuestionStatus.DRAFT
    assert status(app, "q-mcq", "someone-elses") == QuestionStatus.DRAFT
    with app.app_context():
        decisions = db.session.scalars(sa.select(ReviewDecision)).all()
        assert sorted(d.question_id for d in decisions) == sorted(mine)
        assert {d.action for d in decisions} == {ReviewAction.APPROVED}
    nothing = reviewer.post("/teach/review/approve", data={}, follow_redirects=True)
    assert "Choose the drafts to approve." in nothing.get_data(as_text=True)
    bad = reviewer.post("/teach/review/approve", data={"questions": ["x"]})
    assert bad.status_code == 302


def test_save_and_approve_from_the_editor_records_an_edit(app, reviewer, teacher):
    qid = question_id(app, "q-mcq", "drafts")
    queue = reviewer.get("/teach/review").get_data(as_text=True)
    edit_url = f"/teach/questions/{qid}/edit?from=review"
    assert f'href="{edit_url}"' in queue
    page = reviewer.get(edit_url).get_data(as_text=True)
    assert 'value="Save and approve"' in page
    response = reviewer.post(
        edit_url,
        data={
            "prompt": "Which mast camera can zoom in?",
            "topic": "landing",
            "difficulty": "medium",
            "options-0": "Hazcam",
            "options-1": "Mastcam-Z",
            "correct": "1",
            "base_version": "1",
            "change_note": "Clearer stem, one more distractor",
            "publish": "Save and approve",
        },
    )
    assert response.headers["Location"].endswith("/teach/review")
    assert status(app, "q-mcq") == QuestionStatus.PUBLISHED
    with app.app_context():
        decision = db.session.scalar(sa.select(ReviewDecision))
        assert (decision.action, decision.version_number, decision.rule) == (
            ReviewAction.EDITED,
            2,
            "rule.names",
        )
        assert decision.reason == "Clearer stem, one more distractor"


def test_queue_counts_drafts_and_approvals_per_rule(app, reviewer):
    ids = {key: question_id(app, key, "drafts") for key in ("q-mcq", "q-multi", "q-tf", "q-num")}
    reviewer.post(f"/teach/review/{ids['q-mcq']}/approve")
    reviewer.post("/teach/review/approve", data={"questions": [ids["q-tf"]]})
    edit(reviewer, ids["q-multi"], 1, save=None, publish="1", **{"correct": "0"})
    reviewer.post(f"/teach/review/{ids['q-num']}/reject", data={"reason": "Wrong sentence"})
    page = reviewer.get("/teach/review").get_data(as_text=True)
    names = page.split("<code>rule.names</code>")[-1].split("</tr>")[0]
    tf = page.split("<code>rule.tf</code>")[-1].split("</tr>")[0]
    cells = lambda row: [c.split(">")[-1] for c in row.split("</td>")[:-1]]  # noqa: E731
    # produced, waiting, approved, rejected, approval rate
    assert cells(names) == ["3", "1", "2", "0", "100%"]
    assert cells(tf) == ["4", "2", "1", "1", "50%"]


def test_other_teachers_cannot_decide_on_my_drafts(app, client, reviewer, admin):
    from quizapp.auth.services import create_user
    from quizapp.models import Role
    from tests.conftest import PASSWORD

    qid = question_id(app, "q-mcq", "drafts")
    with app.app_context():
        create_user(email="t2@example.org", password=PASSWORD, display_name="T2", role=Role.TEACHER)
    client.post("/auth/logout")
    login(client, {"email": "t2@example.org", "password": PASSWORD})
    assert "Which camera on the mast" not in client.get("/teach/review").get_data(as_text=True)
    assert client.post(f"/teach/review/{qid}/approve").status_code == 404
    assert client.post(f"/teach/review/{qid}/reject", data={"reason": "x"}).status_code == 404
    client.post("/teach/review/approve", data={"questions": [qid]})
    assert status(app, "q-mcq") == QuestionStatus.DRAFT


def test_queue_query_count_does_not_grow_with_drafts(app, client, teacher):
    login(client, teacher)
    counts = []
    for slug in ("a", "b", "c"):
        make_drafts(app, teacher["id"], slug=slug)
        with count_queries(app) as statements:
            assert client.get("/teach/review").status_code == 200
        counts.append(len(statements))
    assert counts[0] == counts[1] == counts[2]
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count(QuestionVersion.id))) == 21


def test_queue_sections_hook_adds_a_block(app, reviewer):
    from jinja2 import ChoiceLoader, DictLoader

    from quizapp.teach import review

    app.jinja_env.loader = ChoiceLoader(
        [
            DictLoader({"teach/_review_section_test.html": "<p>{{ context.note }}</p>"}),
            app.jinja_env.loader,
        ]
    )
    section = review.QueueSection(
        title="Challenges",
        template="teach/_review_section_test.html",
        context={"note": "2 open"},
        count=2,
    )
    review.QUEUE_SECTIONS.append(lambda user: section)
    try:
        page = reviewer.get("/teach/review").get_data(as_text=True)
    finally:
        review.QUEUE_SECTIONS.pop()
    assert 'Challenges <span class="badge text-bg-secondary">2</span>' in page
    assert "<p>2 open</p>" in page


def test_a_draft_is_rejected_not_retired(app, reviewer):
    qid = question_id(app, "q-tf", "drafts")
    page = reviewer.get(f"/teach/questions/{qid}").get_data(as_text=True)
    assert ">Retire</button>" not in page and ">Restore</button>" not in page
    refused = reviewer.post(f"/teach/questions/{qid}/retire", follow_redirects=True)
    assert "Only a published question can be retired" in refused.get_data(as_text=True)
    assert status(app, "q-tf") == QuestionStatus.DRAFT


def test_editor_and_queue_posts_need_their_csrf_token(csrf_app, teacher):
    make_drafts(csrf_app, teacher["id"])
    client = csrf_app.test_client()
    log_in_with_token(client, teacher)
    qid = question_id(csrf_app, "q-mcq", "drafts")
    posts = [
        (f"/teach/questions/{qid}/edit", {"prompt": "Changed?", "base_version": "1", "save": "1"}),
        (f"/teach/questions/{qid}/sources", {"sentences": [], "base_version": "1"}),
        (f"/teach/review/{qid}/approve", {}),
        (f"/teach/review/{qid}/reject", {"reason": "no"}),
        ("/teach/review/approve", {"questions": [qid]}),
        ("/teach/banks/drafts/questions/new?type=truefalse", {"prompt": "x", "answer": "true"}),
    ]
    for url, data in posts:
        assert client.post(url, data=data).status_code == 400, url
    with csrf_app.app_context():
        assert db.session.scalar(sa.select(sa.func.count(QuestionVersion.id))) == 7
        assert db.session.scalar(sa.select(sa.func.count(ReviewDecision.id))) == 0
    assert status(csrf_app, "q-mcq") == QuestionStatus.DRAFT
    # The queue's own forms carry the token and work.
    queue = client.get("/teach/review").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', queue).group(1)
    client.post(f"/teach/review/{qid}/approve", data={"csrf_token": token})
    assert status(csrf_app, "q-mcq") == QuestionStatus.PUBLISHED


def test_queue_links_to_students_challenges(app, reviewer):
    page = reviewer.get("/teach/review").get_data(as_text=True)
    assert 'Challenges from students <span class="badge text-bg-secondary">0</span>' in page
    assert "No challenges from students are waiting." in page
    assert 'href="/teach/challenges"' in page
