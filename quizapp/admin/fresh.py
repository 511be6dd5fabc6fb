"""Fresh login for admin actions: type the password again after a while."""

import functools
from collections.abc import Callable

from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user

from quizapp.admin import bp
from quizapp.admin.forms import ConfirmPasswordForm
from quizapp.auth.freshness import mark_password_entered, password_entered_recently
from quizapp.security import safe_next_url

CONFIRM_MESSAGE = "For your security, enter your password again, then repeat the action."


def fresh_login_required(return_to: Callable[..., str]):
    """Send the admin to the password prompt unless they typed it recently.

    ``return_to`` builds, from the view's arguments, the page to come back to.
    """

    def decorator(view):
        @functools.wraps(view)
        def guarded(*args, **kwargs):
            if password_entered_recently():
                return view(*args, **kwargs)
            flash(CONFIRM_MESSAGE, "info")
            return redirect(url_for("admin.confirm_password", next=return_to(*args, **kwargs)))

        return guarded

    return decorator


@bp.route("/confirm-password", methods=["GET", "POST"])
def confirm_password():
    target = safe_next_url(request.args.get("next"))
    form = ConfirmPasswordForm()
    if form.validate_on_submit():
        mark_password_entered()
        return redirect(target)
    return render_template("admin/confirm_password.html", form=form, user=current_user)
