"""Views for question banks: browse, create, rename, archive, copy.

A teacher sees their own banks and the site's seed banks; seed banks are
read-only to them, and "Copy to my banks" makes an editable copy.
"""

import sqlalchemy as sa
from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user

from quizapp import audit
from quizapp.database import writes
from quizapp.extensions import db
from quizapp.models import Article, Question, QuestionBank, QuestionVersion
from quizapp.permissions import can_edit_bank, can_view_bank, require, visible_banks
from quizapp.question_banks import copy_bank, create_bank, rename_bank, set_archived
from quizapp.teach import bp
from quizapp.teach.bank_forms import ActionForm, BankForm


def visible_bank_or_404(slug: str) -> QuestionBank:
    """The bank called ``slug`` if the current user may see it; 404 otherwise."""
    bank = db.first_or_404(
        sa.select(QuestionBank)
        .where(QuestionBank.slug == slug)
        .options(
            sa.orm.joinedload(QuestionBank.article).load_only(
                Article.slug, Article.title, Article.publisher
            )
        )
    )
    require(can_view_bank(current_user, bank))
    return bank


def editable_bank_or_404(slug: str) -> QuestionBank:
    """The bank called ``slug`` if the current user may change it; 404 otherwise."""
    bank = visible_bank_or_404(slug)
    require(can_edit_bank(current_user, bank))
    return bank


@bp.route("/banks")
def banks():
    show_archived = request.args.get("archived") == "1"
    count = (
        sa.select(sa.func.count(Question.id))
        .where(Question.bank_id == QuestionBank.id)
        .scalar_subquery()
    )
    query = (
        sa.select(QuestionBank, count)
        .where(visible_banks(current_user))
        .order_by(QuestionBank.name, QuestionBank.id)
        .options(
            sa.orm.joinedload(QuestionBank.article).load_only(Article.publisher),
            sa.orm.joinedload(QuestionBank.owner),
        )
    )
    if not show_archived:
        query = query.where(QuestionBank.archived_at.is_(None))
    rows = db.session.execute(query).all()
    own = [(bank, count) for bank, count in rows if bank.owner_id == current_user.id]
    seed = [(bank, count) for bank, count in rows if bank.owner_id is None]
    others = [(bank, count) for bank, count in rows if bank.owner_id not in (None, current_user.id)]
    return render_template(
        "teach/banks.html", own=own, seed=seed, others=others, show_archived=show_archived
    )


@writes
def _create(form: BankForm) -> QuestionBank:
    bank = create_bank(form.name.data, current_user.id, form.description.data or "")
    audit.record("bank.created", target_type="question_bank", target_id=bank.id,
                 summary=f"Created bank {bank.name}")  # fmt: skip
    db.session.commit()
    return bank


@bp.route("/banks/new", methods=["GET", "POST"])
def new_bank():
    form = BankForm()
    if form.validate_on_submit():
        bank = _create(form)
        flash(f"Bank “{bank.name}” created.", "success")
        return redirect(url_for("teach.bank", slug=bank.slug))
    return render_template("teach/bank_form.html", form=form, bank=None)


@bp.route("/banks/<slug:slug>")
def bank(slug: str):
    bank = visible_bank_or_404(slug)
    rows = db.session.execute(
        sa.select(Question, QuestionVersion)
        .join(
            QuestionVersion,
            sa.and_(
                QuestionVersion.question_id == Question.id,
                QuestionVersion.number == Question.current_version,
            ),
        )
        .where(Question.bank_id == bank.id)
        .order_by(Question.topic, Question.key)
    ).all()
    return render_template(
        "teach/bank.html",
        bank=bank,
        rows=rows,
        can_edit=can_edit_bank(current_user, bank),
        action_form=ActionForm(),
    )


@writes
def _rename(bank: QuestionBank, form: BankForm) -> None:
    before = {"name": bank.name, "description": bank.description}
    rename_bank(bank, form.name.data, form.description.data or "")
    audit.record("bank.renamed", target_type="question_bank", target_id=bank.id,
                 summary=f"Renamed bank to {bank.name}", before=before,
                 after={"name": bank.name, "description": bank.description})  # fmt: skip
    db.session.commit()


@bp.route("/banks/<slug>/edit", methods=["GET", "POST"])
def edit_bank(slug: str):
    bank = editable_bank_or_404(slug)
    form = BankForm(obj=bank)
    if form.validate_on_submit():
        _rename(editable_bank_or_404(slug), form)
        flash("Bank saved.", "success")
        return redirect(url_for("teach.bank", slug=slug))
    return render_template("teach/bank_form.html", form=form, bank=bank)


@writes
def _archive(slug: str, archived: bool) -> QuestionBank:
    bank = editable_bank_or_404(slug)
    set_archived(bank, archived)
    action = "bank.archived" if archived else "bank.restored"
    audit.record(action, target_type="question_bank", target_id=bank.id,
                 summary=f"{'Archived' if archived else 'Restored'} bank {bank.name}")  # fmt: skip
    db.session.commit()
    return bank


@bp.post("/banks/<slug>/archive")
def archive_bank(slug: str):
    editable_bank_or_404(slug)
    if ActionForm().validate_on_submit():
        bank = _archive(slug, True)
        flash(
            f"Bank “{bank.name}” archived: hidden from your list until you restore it.", "success"
        )
    return redirect(url_for("teach.bank", slug=slug))


@bp.post("/banks/<slug>/restore")
def restore_bank(slug: str):
    editable_bank_or_404(slug)
    if ActionForm().validate_on_submit():
        bank = _archive(slug, False)
        flash(f"Bank “{bank.name}” restored.", "success")
    return redirect(url_for("teach.bank", slug=slug))


@writes
def _copy(slug: str) -> QuestionBank:
    source = visible_bank_or_404(slug)
    copy = copy_bank(source, current_user.id)
    audit.record("bank.copied", target_type="question_bank", target_id=copy.id,
                 summary=f"Copied bank {source.name} to {copy.name}")  # fmt: skip
    db.session.commit()
    return copy


@bp.post("/banks/<slug>/copy")
def copy_bank_view(slug: str):
    visible_bank_or_404(slug)
    if not ActionForm().validate_on_submit():
        return redirect(url_for("teach.bank", slug=slug))
    copy = _copy(slug)
    flash(f"Copied to your banks as “{copy.name}”.", "success")
    return redirect(url_for("teach.bank", slug=copy.slug))
