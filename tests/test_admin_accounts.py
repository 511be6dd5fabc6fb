"""Admins manage accounts: search, roles, deactivation, forced password resets, new teachers."""

import threading

import pytest
import sqlalchemy as sa

from quizapp.admin import account_actions
from quizapp.extensions import db
from quizapp.models import AuditEvent, Classroom, Enrollment, Role, User
from tests.admin_helpers import login, make_password_stale, make_user
from tests.conftest import PASSWORD


@pytest.fixture
def admin_client(app, admin):
    client = app.test_client()
    login(client, admin["email"])
    return client


def _user(app, user_id) -> User:
    with app.app_context():
        user = db.session.get(User, user_id)
        db.session.expunge(user)
        return user


def _events(app, action=None) -> list[AuditEvent]:
    with app.app_context():
        statement = sa.select(AuditEvent).order_by(AuditEvent.id)
        if action:
            statement = statement.where(AuditEvent.action == action)
        events = list(db.session.scalars(statement))
        db.session.expunge_all()
        return events


def _logged_in(client) -> bool:
    return client.get("/results").status_code == 200


# Login bookkeeping


def test_login_stamps_last_login(app, client, student):
    assert _user(app, student["id"]).last_login_at is None
    login(client, student["email"])
    assert _user(app, student["id"]).last_login_at is not None


# The accounts list


def test_accounts_list_shows_email_name_role_class_and_status(app, admin_client, student):
    with app.app_context():
        classroom = Classroom(name="Year 9 Mars", owner_id=student["id"], join_code="MARS9")
        db.session.add(classroom)
        db.session.flush()
        db.session.add(Enrollment(classroom_id=classroom.id, user_id=student["id"]))
        db.session.commit()
    page = admin_client.get("/admin/users").get_data(as_text=True)
    for text in (student["email"], "Sam Student", "Student", "Year 9 Mars", "Active", "never"):
        assert text in page


def test_accounts_search_filters_by_text_role_and_status(app, admin_client, student, teacher):
    make_user(app, "zed@example.org", name="Zed <b>Bold</b>")
    found = admin_client.get("/admin/users?q=ZED").get_data(as_text=True)
    assert "zed@example.org" in found and student["email"] not in found
    assert "Zed &lt;b&gt;Bold&lt;/b&gt;" in found
    teachers = admin_client.get("/admin/users?role=teacher").get_data(as_text=True)
    assert teacher["email"] in teachers and student["email"] not in teachers
    with app.app_context():
        account_actions.set_active(student["id"], False)
    inactive = admin_client.get("/admin/users?status=inactive").get_data(as_text=True)
    assert student["email"] in inactive and teacher["email"] not in inactive
    wildcard = admin_client.get("/admin/users?q=%25").get_data(as_text=True)
    assert "0 accounts found" in wildcard


def test_accounts_list_pages_through_many_accounts(app, admin_client, admin):
    for number in range(30):
        make_user(app, f"pupil{number:02d}@example.org")
    first = admin_client.get("/admin/users").get_data(as_text=True)
    second = admin_client.get("/admin/users?page=2").get_data(as_text=True)
    assert "31 accounts found" in first
    assert "pupil00@example.org" in first and "pupil29@example.org" not in first
    assert "pupil29@example.org" in second
    assert admin_client.get("/admin/users?page=99").status_code == 200


# Roles


def test_admin_promotes_a_student_and_the_audit_log_says_so(app, admin_client, student, admin):
    response = admin_client.post(
        f"/admin/users/{student['id']}/role",
        data={"role": "teacher"},
        environ_base={"REMOTE_ADDR": "198.51.100.7"},
    )
    assert response.status_code == 302
    assert _user(app, student["id"]).role == Role.TEACHER
    (event,) = _events(app, "user.role_changed")
    assert event.actor_id == admin["id"]
    assert event.target_id == str(student["id"])
    assert event.before["role"] == "student" and event.after["role"] == "teacher"
    assert event.ip_address == "198.51.100.7"


def test_role_change_ignores_undeclared_fields_and_refuses_unknown_roles(
    app, admin_client, student
):
    admin_client.post(f"/admin/users/{student['id']}/role", data={"role": "teacher", "active": "0"})
    assert _user(app, student["id"]).active
    assert (
        admin_client.post(
            f"/admin/users/{student['id']}/role", data={"role": "overlord"}
        ).status_code
        == 400
    )
    assert _user(app, student["id"]).role == Role.TEACHER


def test_actions_on_a_missing_account_change_nothing(app, admin_client):
    response = admin_client.post("/admin/users/9999/role", data={"role": "admin"})
    assert response.status_code == 302
    assert "There is no such account" in admin_client.get(response.location).get_data(as_text=True)
    assert _events(app) == []


# Deactivation


def test_deactivated_account_is_logged_out_and_cannot_log_in(app, admin_client, student):
    student_client = app.test_client()
    login(student_client, student["email"])
    assert _logged_in(student_client)
    admin_client.post(f"/admin/users/{student['id']}/deactivate")
    assert not _logged_in(student_client)
    refused = login(app.test_client(), student["email"])
    assert refused.status_code == 200
    assert "deactivated" in refused.get_data(as_text=True)
    (event,) = _events(app, "user.deactivated")
    assert event.before["active"] is True and event.after["active"] is False


def test_reactivated_account_logs_in_again(app, admin_client, student):
    admin_client.post(f"/admin/users/{student['id']}/deactivate")
    admin_client.post(f"/admin/users/{student['id']}/reactivate")
    assert login(app.test_client(), student["email"]).status_code == 302
    assert [e.action for e in _events(app)] == ["user.deactivated", "user.reactivated"]


def test_wrong_password_for_a_deactivated_account_looks_like_any_failure(
    app, admin_client, student
):
    admin_client.post(f"/admin/users/{student['id']}/deactivate")
    page = login(app.test_client(), student["email"], "wrong password!").get_data(as_text=True)
    assert "Invalid email or password." in page and "deactivated" not in page


# Forced password reset


def test_forced_reset_ends_sessions_and_demands_a_new_password(app, admin_client, student):
    student_client = app.test_client()
    login(student_client, student["email"])
    admin_client.post(f"/admin/users/{student['id']}/reset-password")
    assert not _logged_in(student_client)
    login(student_client, student["email"])
    for url in ("/", "/results", "/teach/banks"):
        response = student_client.get(url)
        assert response.status_code == 302 and response.location == "/auth/password", url
    changed = student_client.post(
        "/auth/password",
        data={
            "current_password": PASSWORD,
            "new_password": "a fresh passphrase",
            "confirm": "a fresh passphrase",
        },
    )
    assert changed.status_code == 302
    assert student_client.get("/results").status_code == 200
    assert _user(app, student["id"]).must_change_password is False
    (event,) = _events(app, "user.password_reset_forced")
    assert event.after["must_change_password"] is True


# New teacher accounts


def test_admin_creates_a_teacher_who_must_change_the_first_password(app, admin_client):
    response = admin_client.post(
        "/admin/users/new-teacher",
        data={
            "email": " New.Teacher@Example.org ",
            "display_name": "Nia Teacher",
            "password": "first password 123",
        },
    )
    assert response.status_code == 302
    with app.app_context():
        teacher = db.session.scalar(sa.select(User).where(User.email == "new.teacher@example.org"))
        assert teacher.role == Role.TEACHER and teacher.must_change_password
    (event,) = _events(app, "user.created")
    assert event.after["role"] == "teacher"
    teacher_client = app.test_client()
    login(teacher_client, "new.teacher@example.org", "first password 123")
    assert teacher_client.get("/teach/banks").location == "/auth/password"


@pytest.mark.parametrize(
    ("email", "name", "password", "message"),
    [
        ("student@example.org", "Dup", "long enough pass", "already exists"),
        ("STUDENT@example.org", "Dup", "long enough pass", "already exists"),
        ("not-an-email", "Bad", "long enough pass", "email address"),
        ("ok@example.org", "   ", "long enough pass", "Enter a display name"),
        ("ok@example.org", "Short", "short", "at least 10"),
    ],
)
def test_new_teacher_form_refuses_bad_input(
    app, admin_client, student, email, name, password, message
):
    response = admin_client.post(
        "/admin/users/new-teacher",
        data={"email": email, "display_name": name, "password": password},
    )
    assert response.status_code == 200
    assert message in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count(User.id))) == 2
    assert _events(app) == []


# The last admin


@pytest.mark.parametrize(
    ("path", "data"),
    [("role", {"role": "teacher"}), ("role", {"role": "student"}), ("deactivate", {})],
)
def test_the_last_active_admin_cannot_remove_themselves(app, admin_client, admin, path, data):
    response = admin_client.post(f"/admin/users/{admin['id']}/{path}", data=data)
    page = admin_client.get(response.location).get_data(as_text=True)
    assert "last active admin" in page
    user = _user(app, admin["id"])
    assert user.role == Role.ADMIN and user.active
    assert _events(app) == []


def test_a_deactivated_admin_does_not_count_as_the_other_admin(app, admin_client, admin):
    other = make_user(app, "second-admin@example.org", Role.ADMIN)
    admin_client.post(f"/admin/users/{other}/deactivate")
    admin_client.post(f"/admin/users/{admin['id']}/role", data={"role": "teacher"})
    assert _user(app, admin["id"]).role == Role.ADMIN


def test_an_admin_may_step_down_while_another_admin_remains(app, admin_client, admin):
    make_user(app, "second-admin@example.org", Role.ADMIN)
    response = admin_client.post(f"/admin/users/{admin['id']}/role", data={"role": "teacher"})
    assert response.location == "/"
    assert _user(app, admin["id"]).role == Role.TEACHER
    assert admin_client.get("/admin/users").status_code == 403


def test_two_admins_demoting_each_other_at_once_leave_one_admin(app, admin):
    for round_number in range(3):
        other = make_user(app, f"rival{round_number}@example.org", Role.ADMIN)
        barrier = threading.Barrier(2)
        outcomes = []

        def demote(user_id, barrier=barrier, outcomes=outcomes):
            with app.app_context():
                barrier.wait()
                try:
                    account_actions.change_role(user_id, Role.STUDENT)
                    outcomes.append("demoted")
                except account_actions.AccountActionError:
                    outcomes.append("refused")

        threads = [threading.Thread(target=demote, args=(uid,)) for uid in (admin["id"], other)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert sorted(outcomes) == ["demoted", "refused"]
        with app.app_context():
            remaining = db.session.scalars(
                sa.select(User.id).where(User.role == Role.ADMIN, User.active.is_(True))
            ).all()
            assert len(remaining) == 1
            # Restore the first admin for the next round.
            db.session.execute(
                sa.update(User).values(role=Role.ADMIN).where(User.id == admin["id"])
            )
            db.session.execute(sa.update(User).values(role=Role.STUDENT).where(User.id == other))
            db.session.commit()


# Fresh login


def test_a_stale_password_entry_asks_for_the_password_before_acting(app, admin_client, student):
    make_password_stale(admin_client)
    response = admin_client.post(f"/admin/users/{student['id']}/role", data={"role": "teacher"})
    assert response.status_code == 302
    assert response.location.startswith("/admin/confirm-password?next=")
    assert _user(app, student["id"]).role == Role.STUDENT
    assert _events(app) == []
    wrong = admin_client.post(response.location, data={"password": "not my password"})
    assert "This is not your password." in wrong.get_data(as_text=True)
    right = admin_client.post(response.location, data={"password": PASSWORD})
    assert right.location == f"/admin/users/{student['id']}"
    admin_client.post(f"/admin/users/{student['id']}/role", data={"role": "teacher"})
    assert _user(app, student["id"]).role == Role.TEACHER


@pytest.mark.parametrize("path", ["deactivate", "reactivate", "reset-password"])
def test_every_account_action_needs_a_fresh_password(app, admin_client, student, path):
    make_password_stale(admin_client)
    response = admin_client.post(f"/admin/users/{student['id']}/{path}")
    assert response.location.startswith("/admin/confirm-password")
    user = _user(app, student["id"])
    assert user.active and not user.must_change_password


def test_new_teacher_page_needs_a_fresh_password(app, admin_client):
    make_password_stale(admin_client)
    assert admin_client.get("/admin/users/new-teacher").location.startswith(
        "/admin/confirm-password"
    )


def test_a_session_restored_from_a_remember_cookie_is_not_fresh(app, admin, student):
    browser = app.test_client()
    browser.post(
        "/auth/login", data={"email": admin["email"], "password": PASSWORD, "remember": "y"}
    )
    restored = app.test_client()
    restored.set_cookie("remember_token", browser.get_cookie("remember_token").value)
    assert restored.get("/admin/users").status_code == 200
    response = restored.post(f"/admin/users/{student['id']}/deactivate")
    assert response.location.startswith("/admin/confirm-password")
    assert _user(app, student["id"]).active


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example", "/\\evil"])
def test_confirm_password_only_returns_to_this_site(app, admin_client, target):
    response = admin_client.post(
        "/admin/confirm-password", query_string={"next": target}, data={"password": PASSWORD}
    )
    assert response.location == "/"


def test_accounts_page_query_count_does_not_grow_with_accounts(app, admin_client, admin):
    from tests.test_query_counts import count_queries

    counts = []
    for batch in range(2):
        with app.app_context():
            classroom = Classroom(
                name=f"Class {batch}", owner_id=admin["id"], join_code=f"C{batch}"
            )
            db.session.add(classroom)
            db.session.commit()
            classroom_id = classroom.id
        for number in range(12):
            user_id = make_user(app, f"b{batch}-{number}@example.org")
            with app.app_context():
                db.session.add(Enrollment(classroom_id=classroom_id, user_id=user_id))
                db.session.commit()
        with count_queries(app) as statements:
            assert admin_client.get("/admin/users").status_code == 200
        counts.append(len(statements))
    assert counts[0] == counts[1] <= 6
