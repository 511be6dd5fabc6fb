"""Role guards: anonymous visitors go to login, the wrong role gets 403."""

from urllib.parse import parse_qs, urlsplit

import pytest
from flask import Blueprint
from werkzeug.routing.converters import NumberConverter

from quizapp.access import require_role_before_request, role_required
from quizapp.models import Role

# A small teacher area guarded as a whole, an admin area, and single guarded views.
teach_area = Blueprint("guarded_teach", __name__, url_prefix="/guarded-teach")
require_role_before_request(teach_area, Role.TEACHER)


@teach_area.route("/", methods=["GET", "POST"])
def teach_home():
    return "teacher area"


@teach_area.route("/quiz/<int:quiz_id>/edit", methods=["GET", "POST"])
def teach_edit(quiz_id: int):
    return f"editing {quiz_id}"


admin_area = Blueprint("guarded_admin", __name__, url_prefix="/guarded-admin")
require_role_before_request(admin_area, "admin")


@admin_area.route("/users", methods=["GET", "POST"])
def admin_users():
    return "admin area"


single_views = Blueprint("guarded_views", __name__, url_prefix="/guarded-views")


@single_views.route("/results", methods=["GET", "POST"])
@role_required(Role.TEACHER)
def teacher_results():
    return "teacher results"


@single_views.route("/mine", methods=["GET", "POST"])
@role_required(Role.STUDENT)
def student_page():
    return "student page"


@pytest.fixture
def guarded_app(app):
    for blueprint in (teach_area, admin_area, single_views):
        app.register_blueprint(blueprint)
    return app


@pytest.fixture
def client_as(guarded_app, student, teacher, admin):
    """Return a client logged in as ``"student"``, ``"teacher"``, ``"admin"`` or nobody."""
    accounts = {"student": student, "teacher": teacher, "admin": admin}

    def make(role: str | None):
        client = guarded_app.test_client()
        if role is not None:
            account = accounts[role]
            response = client.post(
                "/auth/login", data={"email": account["email"], "password": account["password"]}
            )
            assert response.status_code == 302
        return client

    return make


TEACHER_URLS = ["/guarded-teach/", "/guarded-teach/quiz/7/edit", "/guarded-views/results"]
ADMIN_URLS = ["/guarded-admin/users"]


def assert_sent_to_login(response, path: str) -> None:
    assert response.status_code == 302
    location = urlsplit(response.location)
    assert location.path == "/auth/login"
    assert parse_qs(location.query)["next"] == [path]


@pytest.mark.parametrize("method", ["GET", "POST"])
@pytest.mark.parametrize("path", TEACHER_URLS + ADMIN_URLS + ["/guarded-views/mine"])
def test_anonymous_visitor_is_sent_to_login_with_next(client_as, method, path):
    response = client_as(None).open(path, method=method)
    assert_sent_to_login(response, path)


@pytest.mark.parametrize("method", ["GET", "POST"])
@pytest.mark.parametrize("path", TEACHER_URLS + ADMIN_URLS)
def test_student_gets_403(client_as, method, path):
    response = client_as("student").open(path, method=method)
    assert response.status_code == 403
    assert b"Not allowed" in response.data


@pytest.mark.parametrize("method", ["GET", "POST"])
@pytest.mark.parametrize("path", ADMIN_URLS)
def test_teacher_gets_403_in_the_admin_area(client_as, method, path):
    assert client_as("teacher").open(path, method=method).status_code == 403


@pytest.mark.parametrize("role", ["teacher", "admin"])
@pytest.mark.parametrize("path", TEACHER_URLS)
def test_teachers_and_admins_reach_teacher_pages(client_as, role, path):
    assert client_as(role).get(path).status_code == 200


def test_admin_reaches_the_admin_area(client_as):
    response = client_as("admin").post("/guarded-admin/users")
    assert response.status_code == 200
    assert response.data == b"admin area"


@pytest.mark.parametrize("role", ["student", "admin"])
def test_student_views_let_students_and_admins_in(client_as, role):
    assert client_as(role).get("/guarded-views/mine").status_code == 200


def test_teacher_cannot_open_a_student_only_view(client_as):
    assert client_as("teacher").get("/guarded-views/mine").status_code == 403


def test_logging_in_from_the_redirect_returns_to_the_guarded_page(client_as, teacher):
    client = client_as(None)
    login_url = client.get("/guarded-teach/quiz/7/edit").location
    response = client.post(
        login_url, data={"email": teacher["email"], "password": teacher["password"]}
    )
    assert response.location == "/guarded-teach/quiz/7/edit"
    assert client.get(response.location).data == b"editing 7"


def test_session_ended_by_logout_loses_access(client_as):
    client = client_as("teacher")
    assert client.get("/guarded-teach/").status_code == 200
    client.post("/auth/logout")
    assert client.get("/guarded-teach/").status_code == 302


@pytest.mark.parametrize("roles", [(), ("owner",)])
def test_guards_refuse_to_be_built_without_valid_roles(roles):
    with pytest.raises(ValueError):
        role_required(*roles)
    with pytest.raises(ValueError):
        require_role_before_request(Blueprint(f"bad{len(roles)}", __name__), *roles)


def _sample_url(rule) -> str:
    values = {}
    for name, converter in rule._converters.items():
        values[name] = 1 if isinstance(converter, NumberConverter) else "x"
    return rule.build(values, append_unknown=False)[1]


def _privileged_rules(app):
    return [
        rule
        for rule in app.url_map.iter_rules()
        if rule.endpoint.split(".")[0] in ("teach", "admin")
    ]


def test_every_teacher_and_admin_url_is_guarded(app, client, student):
    """Sweep the real URL map so a new teacher or admin route cannot forget its guard."""
    rules = _privileged_rules(app)
    if not rules:
        pytest.skip("no teacher or admin routes yet")
    student_client = app.test_client()
    student_client.post(
        "/auth/login", data={"email": student["email"], "password": student["password"]}
    )
    for rule in rules:
        path = _sample_url(rule)
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            anonymous = client.open(path, method=method)
            assert anonymous.status_code == 302, (method, path)
            assert urlsplit(anonymous.location).path == "/auth/login", (method, path)
            assert student_client.open(path, method=method).status_code == 403, (method, path)
