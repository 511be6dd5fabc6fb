"""Views for managing accounts: list, detail, role, activation, password reset, new teacher."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from quizapp.admin import account_actions, account_list, bp
from quizapp.admin.forms import ActionForm, CreateTeacherForm, RoleForm, UserSearchForm
from quizapp.admin.fresh import fresh_login_required
from quizapp.extensions import db
from quizapp.models import Role, User


def _back_to_user(user_id: int) -> str:
    return url_for("admin.user", user_id=user_id)


def _back_to_new_teacher() -> str:
    return url_for("admin.new_teacher")


@bp.route("/users")
def users():
    form = UserSearchForm(formdata=request.args)
    form.validate()
    statement = account_list.search_statement(
        form.q.data or "", form.role.data or "", form.status.data or ""
    )
    page = db.paginate(statement, per_page=account_list.PER_PAGE, error_out=False)
    classes = account_list.classes_of([user.id for user in page.items])
    args = {key: value for key, value in request.args.items() if key != "page" and value}
    return render_template(
        "admin/users.html", form=form, page=page, classes=classes, query_args=args
    )


@bp.route("/users/<int:user_id>")
def user(user_id: int):
    account = db.get_or_404(User, user_id)
    classes = account_list.classes_of([account.id])[account.id]
    return render_template(
        "admin/user.html",
        account=account,
        classes=classes,
        role_form=RoleForm(role=account.role.value),
        action_form=ActionForm(),
    )


def _act(user_id: int, action, *args):
    try:
        outcome = action(user_id, *args)
    except account_actions.AccountActionError as error:
        flash(str(error), "danger")
    else:
        flash(outcome.message, "success" if outcome.changed else "info")
    if not current_user.is_authenticated or current_user.role != Role.ADMIN:
        return redirect(url_for("quiz.home"))
    return redirect(_back_to_user(user_id))


@bp.route("/users/<int:user_id>/role", methods=["POST"])
@fresh_login_required(_back_to_user)
def change_role(user_id: int):
    form = RoleForm()
    if not form.validate_on_submit():
        abort(400)
    return _act(user_id, account_actions.change_role, Role(form.role.data))


@bp.route("/users/<int:user_id>/deactivate", methods=["POST"])
@fresh_login_required(_back_to_user)
def deactivate(user_id: int):
    if not ActionForm().validate_on_submit():
        abort(400)
    return _act(user_id, account_actions.set_active, False)


@bp.route("/users/<int:user_id>/reactivate", methods=["POST"])
@fresh_login_required(_back_to_user)
def reactivate(user_id: int):
    if not ActionForm().validate_on_submit():
        abort(400)
    return _act(user_id, account_actions.set_active, True)


@bp.route("/users/<int:user_id>/reset-password", methods=["POST"])
@fresh_login_required(_back_to_user)
def reset_password(user_id: int):
    if not ActionForm().validate_on_submit():
        abort(400)
    return _act(user_id, account_actions.force_password_reset)


@bp.route("/users/new-teacher", methods=["GET", "POST"])
@fresh_login_required(_back_to_new_teacher)
def new_teacher():
    form = CreateTeacherForm()
    if form.validate_on_submit():
        try:
            teacher = account_actions.create_teacher(
                form.email.data, form.display_name.data, form.password.data
            )
        except account_actions.AccountActionError as error:
            form.email.errors.append(str(error))
        else:
            flash(f"Teacher account {teacher.email} created.", "success")
            return redirect(_back_to_user(teacher.id))
    return render_template("admin/new_teacher.html", form=form)
