"""Teachers make classes with join codes; students join; rosters change."""

import sqlalchemy as sa

from quizapp.classes.rosters import CODE_ALPHABET, CODE_LENGTH, new_join_code, normalise_code
from quizapp.extensions import db
from quizapp.models import AuditEvent, Classroom, Enrollment
from tests.classes.helpers import join_code, login, make_class


def _enrolled(app, class_id):
    with app.app_context():
        return set(
            db.session.scalars(
                sa.select(Enrollment.user_id).where(Enrollment.classroom_id == class_id)
            )
        )


def test_join_codes_use_only_unambiguous_characters():
    codes = {new_join_code() for _ in range(500)}
    assert len(codes) > 490
    for code in codes:
        assert len(code) == CODE_LENGTH
        assert not set(code) & set("0O1IL")
        assert set(code) <= set(CODE_ALPHABET)


def test_typed_codes_are_forgiving_about_case_spaces_and_dashes():
    assert normalise_code(" k7q-x2m ") == "K7QX2M"


def test_teacher_creates_a_class_and_sees_its_code(app, client, teacher):
    class_id = make_class(client, teacher["email"], "Year 9 <Science>")
    code = join_code(app, class_id)
    page = client.get(f"/teach/classes/{class_id}").get_data(as_text=True)
    assert code in page
    assert "Year 9 &lt;Science&gt;" in page
    listing = client.get("/teach/classes").get_data(as_text=True)
    assert code in listing
    with app.app_context():
        assert (
            db.session.scalar(
                sa.select(AuditEvent.action).where(AuditEvent.target_id == str(class_id))
            )
            == "class.created"
        )


def test_a_class_needs_a_name(app, client, teacher):
    login(client, teacher["email"])
    response = client.post("/teach/classes", data={"name": "  "})
    assert response.status_code == 200
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count(Classroom.id))) == 0


def test_student_joins_with_the_code_typed_loosely(app, client, teacher, make_student):
    class_id = make_class(client, teacher["email"])
    code = join_code(app, class_id)
    student_id, email = make_student("ann")
    login(client, email)
    home = client.get("/").get_data(as_text=True)
    assert 'action="/join"' in home
    typed = code[:3].lower() + " " + code[3:].lower()
    response = client.post("/join", data={"code": typed})
    assert response.status_code == 302
    assert "You joined Year 9 Science" in client.get("/").get_data(as_text=True)
    assert _enrolled(app, class_id) == {student_id}
    # Joining again changes nothing and is not an error.
    assert client.post("/join", data={"code": code}).status_code == 302
    assert _enrolled(app, class_id) == {student_id}


def test_wrong_code_says_so_and_changes_nothing(app, client, teacher, make_student):
    class_id = make_class(client, teacher["email"])
    _, email = make_student("ann")
    login(client, email)
    response = client.post("/join", data={"code": "ZZZZZZ"})
    assert response.status_code == 422
    assert "No class has this code" in response.get_data(as_text=True)
    response = client.post("/join", data={"code": ""})
    assert "Type the code your teacher gave you" in response.get_data(as_text=True)
    assert _enrolled(app, class_id) == set()


def test_closed_class_and_rotated_code_refuse_to_join(app, client, teacher, make_student):
    class_id = make_class(client, teacher["email"])
    old = join_code(app, class_id)
    client.post(f"/teach/classes/{class_id}/code")
    new = join_code(app, class_id)
    assert new != old
    client.post(f"/teach/classes/{class_id}/joining/close")
    _, email = make_student("ann")
    login(client, email)
    refused = client.post("/join", data={"code": old})
    assert "No class has this code" in refused.get_data(as_text=True)
    closed = client.post("/join", data={"code": new})
    assert "not taking new students" in closed.get_data(as_text=True)
    assert _enrolled(app, class_id) == set()
    login(client, teacher["email"])
    client.post(f"/teach/classes/{class_id}/joining/open")
    login(client, email)
    assert client.post("/join", data={"code": new}).status_code == 302


def test_teacher_removes_a_student(app, client, teacher, make_student):
    class_id = make_class(client, teacher["email"])
    code = join_code(app, class_id)
    ann_id, ann = make_student("ann")
    bob_id, bob = make_student("bob")
    for email in (ann, bob):
        login(client, email)
        client.post("/join", data={"code": code})
    login(client, teacher["email"])
    roster = client.get(f"/teach/classes/{class_id}").get_data(as_text=True)
    assert "Ann" in roster and "Bob" in roster
    client.post(f"/teach/classes/{class_id}/students/{ann_id}/remove")
    assert _enrolled(app, class_id) == {bob_id}
    assert "Ann" not in client.get(f"/teach/classes/{class_id}").get_data(as_text=True)
    with app.app_context():
        actions = set(db.session.scalars(sa.select(AuditEvent.action)))
    assert {"class.created", "class.student_removed"} <= actions


def test_another_teacher_cannot_see_or_change_the_class(
    app, client, teacher, other_teacher, make_student
):
    class_id = make_class(client, teacher["email"])
    code = join_code(app, class_id)
    ann_id, ann = make_student("ann")
    login(client, ann)
    client.post("/join", data={"code": code})
    login(client, other_teacher["email"])
    assert code not in client.get("/teach/classes").get_data(as_text=True)
    for method, url in (
        ("GET", f"/teach/classes/{class_id}"),
        ("POST", f"/teach/classes/{class_id}/code"),
        ("POST", f"/teach/classes/{class_id}/joining/close"),
        ("POST", f"/teach/classes/{class_id}/students/{ann_id}/remove"),
        ("POST", f"/teach/classes/{class_id}/archive"),
    ):
        assert client.open(url, method=method).status_code == 404, url
    assert join_code(app, class_id) == code
    assert _enrolled(app, class_id) == {ann_id}


def test_archived_class_leaves_the_list_and_stops_joining(app, client, teacher, make_student):
    class_id = make_class(client, teacher["email"])
    code = join_code(app, class_id)
    client.post(f"/teach/classes/{class_id}/archive")
    assert "was archived" in client.get("/teach/classes").get_data(as_text=True)
    assert code not in client.get("/teach/classes").get_data(as_text=True)
    _, ann = make_student("ann")
    login(client, ann)
    assert "not taking new students" in client.post("/join", data={"code": code}).get_data(
        as_text=True
    )


def test_wrong_codes_are_rate_limited(limited_app, teacher, make_student):
    client = limited_app.test_client()
    class_id = make_class(client, teacher["email"])
    code = join_code(limited_app, class_id)
    _, ann = make_student("ann")
    login(client, ann)
    statuses = [client.post("/join", data={"code": "WRONG9"}).status_code for _ in range(12)]
    assert statuses[:10] == [422] * 10
    assert statuses[10:] == [429, 429]
    assert client.post("/join", data={"code": code}).status_code == 429
    assert _enrolled(limited_app, class_id) == set()
