"""Teachers' own banks: create, rename, archive, restore, copy a site bank with its sources."""

import pytest
import sqlalchemy as sa

from quizapp.extensions import db
from quizapp.models import AuditEvent, Question, QuestionBank, QuestionVersion
from tests.csrf import log_in_with_token
from tests.factories import make_bank
from tests.test_query_counts import count_queries


def login(client, user):
    client.post("/auth/login", data={"email": user["email"], "password": user["password"]})


@pytest.fixture
def teacher_client(client, teacher):
    login(client, teacher)
    return client


def create(client, name="My landing bank", description="Questions I wrote") -> str:
    response = client.post("/teach/banks/new", data={"name": name, "description": description})
    assert response.status_code == 302
    return response.headers["Location"].rsplit("/", 1)[1]


def test_teacher_creates_renames_archives_and_restores_a_bank(app, teacher_client):
    slug = create(teacher_client)
    assert slug.startswith("my-landing-bank-")
    page = teacher_client.get(f"/teach/banks/{slug}").get_data(as_text=True)
    assert "My landing bank" in page and "Questions I wrote" in page
    assert "Import questions" in page
    teacher_client.post(f"/teach/banks/{slug}/edit", data={"name": "Landing, renamed"})
    listing = teacher_client.get("/teach/banks").get_data(as_text=True)
    assert "Landing, renamed" in listing
    archived_page = teacher_client.post(f"/teach/banks/{slug}/archive", follow_redirects=True)
    assert "archived: hidden from your list" in archived_page.get_data(as_text=True)
    assert "Landing, renamed" not in teacher_client.get("/teach/banks").get_data(as_text=True)
    archived = teacher_client.get("/teach/banks?archived=1").get_data(as_text=True)
    assert "Landing, renamed" in archived and "archived" in archived
    teacher_client.post(f"/teach/banks/{slug}/restore")
    assert "Landing, renamed" in teacher_client.get("/teach/banks").get_data(as_text=True)
    with app.app_context():
        actions = db.session.scalars(sa.select(AuditEvent.action).order_by(AuditEvent.id)).all()
    assert actions == ["bank.created", "bank.renamed", "bank.archived", "bank.restored"]


def test_a_bank_needs_a_name(teacher_client):
    response = teacher_client.post("/teach/banks/new", data={"name": "  "})
    assert response.status_code == 200
    assert "This field is required" in response.get_data(as_text=True)


def test_seed_bank_is_read_only_and_copies_with_its_sources(app, teacher_client):
    with app.app_context():
        make_bank()
    page = teacher_client.get("/teach/banks/test-bank").get_data(as_text=True)
    assert "read-only" in page and "Import questions" not in page
    assert teacher_client.get("/teach/banks/test-bank/import").status_code == 404
    assert teacher_client.post("/teach/banks/test-bank/edit", data={"name": "x"}).status_code == 404
    assert teacher_client.post("/teach/banks/test-bank/archive").status_code == 404
    response = teacher_client.post("/teach/banks/test-bank/copy")
    copy_slug = response.headers["Location"].rsplit("/", 1)[1]
    with app.app_context():
        copy = db.session.scalar(sa.select(QuestionBank).where(QuestionBank.slug == copy_slug))
        source = db.session.scalar(sa.select(QuestionBank).where(QuestionBank.slug == "test-bank"))
        assert copy.name == "Test bank (copy)"
        assert copy.copied_from_id == source.id and copy.owner_id is not None
        versions = db.session.scalars(
            sa.select(QuestionVersion).join(Question).where(Question.bank_id == copy.id)
        ).all()
        originals = db.session.scalars(
            sa.select(QuestionVersion).join(Question).where(Question.bank_id == source.id)
        ).all()
        assert len(versions) == len(originals) == 7
        assert sorted(v.sources[0]["text"] for v in versions) == sorted(
            v.sources[0]["text"] for v in originals
        )
        assert all(v.article_id == source.article_id for v in versions)
    copied = teacher_client.get(f"/teach/banks/{copy_slug}").get_data(as_text=True)
    assert "Import questions" in copied


def test_other_teachers_banks_do_not_exist_for_you(app, client, teacher, admin):
    with app.app_context():
        from quizapp.auth.services import create_user
        from quizapp.models import Role

        create_user(
            "other-teacher@example.org", "correct horse battery staple", "Otto", Role.TEACHER
        )
    login(
        client, {"email": "other-teacher@example.org", "password": "correct horse battery staple"}
    )
    slug = create(client, "Otto's secret bank")
    client.post("/auth/logout")
    login(client, teacher)
    assert "Otto's secret bank" not in client.get("/teach/banks").get_data(as_text=True)
    for url in (f"/teach/banks/{slug}", f"/teach/banks/{slug}/export",
                f"/teach/banks/{slug}/export/gift"):  # fmt: skip
        assert client.get(url).status_code == 404, url
    assert client.post(f"/teach/banks/{slug}/copy").status_code == 404
    client.post("/auth/logout")
    login(client, admin)
    listing = client.get("/teach/banks").get_data(as_text=True)
    assert "Otto&#39;s secret bank" in listing and "Other teachers" in listing
    assert client.post(f"/teach/banks/{slug}/edit", data={"name": "Checked"}).status_code == 302


def test_bank_list_queries_do_not_grow_with_banks(app, teacher_client):
    counts = []
    for number in range(2):
        with app.app_context():
            make_bank(slug=f"seed-{number}")
        create(teacher_client, f"Mine {number}")
        with count_queries(app) as statements:
            assert teacher_client.get("/teach/banks").status_code == 200
        counts.append(len(statements))
    assert counts[0] == counts[1]


def test_bank_forms_need_their_csrf_token(csrf_app, teacher):
    client = csrf_app.test_client()
    log_in_with_token(client, teacher)
    assert client.post("/teach/banks/new", data={"name": "No token"}).status_code == 400
    with csrf_app.app_context():
        assert db.session.scalar(sa.select(sa.func.count(QuestionBank.id))) == 0
