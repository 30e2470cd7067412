"""meetings, inspections and evaluations

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-02

The lead's people work: meetings with attendance and action items, inspections with their
checklist items and findings, evaluation schemes and the monthly sheets with lines and 复核
records. New tables folded from the meeting.*, inspection.* and evaluation.* events.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "eval_schemes",
        sa.Column("version", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("saved_by", sa.String(length=64), nullable=False),
        sa.Column("saved_on", sa.Date(), nullable=False),
        sa.Column("hlc", sa.String(length=20), nullable=False),
        sa.PrimaryKeyConstraint("version", name=op.f("pk_eval_schemes")),
    )
    op.create_table(
        "evaluation_lines",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("evaluation_id", sa.String(length=36), nullable=False),
        sa.Column("item", sa.String(length=20), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("ref", sa.String(length=36), nullable=False),
        sa.Column("ref_no", sa.String(length=40), nullable=False),
        sa.Column("on", sa.Date(), nullable=True),
        sa.Column("points", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("manual", sa.Boolean(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("added_by", sa.String(length=64), nullable=False),
        sa.Column("review_id", sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evaluation_lines")),
    )
    with op.batch_alter_table("evaluation_lines", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_evaluation_lines_evaluation_id"), ["evaluation_id"], unique=False
        )

    op.create_table(
        "evaluation_reviews",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("evaluation_id", sa.String(length=36), nullable=False),
        sa.Column("by", sa.String(length=64), nullable=False),
        sa.Column("at", sa.String(length=32), nullable=False),
        sa.Column("on", sa.Date(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("item", sa.String(length=20), nullable=False),
        sa.Column("points", sa.Integer(), nullable=False),
        sa.Column("before", sa.Integer(), nullable=False),
        sa.Column("after", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evaluation_reviews")),
    )
    with op.batch_alter_table("evaluation_reviews", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_evaluation_reviews_evaluation_id"), ["evaluation_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_evaluation_reviews_on"), ["on"], unique=False)

    op.create_table(
        "evaluations",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("staff", sa.String(length=64), nullable=False),
        sa.Column("staff_name", sa.String(length=64), nullable=False),
        sa.Column("window", sa.String(length=32), nullable=False),
        sa.Column("scheme_version", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("workload", sa.Integer(), nullable=False),
        sa.Column("items", sa.Text(), nullable=False),
        sa.Column("bonus", sa.Integer(), nullable=False),
        sa.Column("total", sa.Integer(), nullable=False),
        sa.Column("grade", sa.String(length=16), nullable=False),
        sa.Column("computed_on", sa.Date(), nullable=False),
        sa.Column("checked_by", sa.String(length=64), nullable=False),
        sa.Column("published_on", sa.Date(), nullable=True),
        sa.Column("respond_by", sa.Date(), nullable=True),
        sa.Column("responded_on", sa.Date(), nullable=True),
        sa.Column("objection", sa.Text(), nullable=False),
        sa.Column("created_hlc", sa.String(length=20), nullable=False),
        sa.Column("updated_hlc", sa.String(length=20), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evaluations")),
    )
    with op.batch_alter_table("evaluations", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_evaluations_month"), ["month"], unique=False)
        batch_op.create_index(batch_op.f("ix_evaluations_staff"), ["staff"], unique=False)
        batch_op.create_index(batch_op.f("ix_evaluations_state"), ["state"], unique=False)

    op.create_table(
        "findings",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("inspection_id", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("found_on", sa.Date(), nullable=False),
        sa.Column("staff", sa.String(length=64), nullable=False),
        sa.Column("staff_name", sa.String(length=64), nullable=False),
        sa.Column("window", sa.String(length=32), nullable=False),
        sa.Column("category", sa.String(length=16), nullable=False),
        sa.Column("item", sa.String(length=60), nullable=False),
        sa.Column("severity", sa.String(length=16), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("fix_deadline", sa.Date(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("fix", sa.Text(), nullable=False),
        sa.Column("fixed_on", sa.Date(), nullable=True),
        sa.Column("fixed_by", sa.String(length=64), nullable=False),
        sa.Column("rechecked_by", sa.String(length=64), nullable=False),
        sa.Column("rechecked_on", sa.Date(), nullable=True),
        sa.Column("recheck_note", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_findings")),
    )
    with op.batch_alter_table("findings", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_findings_fix_deadline"), ["fix_deadline"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_findings_found_on"), ["found_on"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_findings_inspection_id"), ["inspection_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_findings_staff"), ["staff"], unique=False)
        batch_op.create_index(batch_op.f("ix_findings_state"), ["state"], unique=False)

    op.create_table(
        "inspection_items",
        sa.Column("inspection_id", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("group", sa.String(length=16), nullable=False),
        sa.Column("item", sa.String(length=60), nullable=False),
        sa.Column("passed", sa.Boolean(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("inspection_id", "position", name=op.f("pk_inspection_items")),
    )
    op.create_table(
        "inspections",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("inspected_at", sa.String(length=32), nullable=False),
        sa.Column("inspected_on", sa.Date(), nullable=False),
        sa.Column("inspectors", sa.String(length=400), nullable=False),
        sa.Column("inspector_names", sa.String(length=400), nullable=False),
        sa.Column("area", sa.String(length=100), nullable=False),
        sa.Column("window", sa.String(length=32), nullable=False),
        sa.Column("late_reason", sa.Text(), nullable=False),
        sa.Column("items_total", sa.Integer(), nullable=False),
        sa.Column("items_failed", sa.Integer(), nullable=False),
        sa.Column("recorded_by", sa.String(length=64), nullable=False),
        sa.Column("workstation", sa.String(length=16), nullable=False),
        sa.Column("created_hlc", sa.String(length=20), nullable=False),
        sa.Column("updated_hlc", sa.String(length=20), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inspections")),
    )
    with op.batch_alter_table("inspections", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_inspections_inspected_on"), ["inspected_on"], unique=False
        )

    op.create_table(
        "meeting_actions",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("meeting_id", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("owner", sa.String(length=64), nullable=False),
        sa.Column("owner_name", sa.String(length=64), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=False),
        sa.Column("done_on", sa.Date(), nullable=True),
        sa.Column("done_by", sa.String(length=64), nullable=False),
        sa.Column("done_note", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting_actions")),
    )
    with op.batch_alter_table("meeting_actions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_meeting_actions_deadline"), ["deadline"], unique=False)
        batch_op.create_index(batch_op.f("ix_meeting_actions_done_on"), ["done_on"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_meeting_actions_meeting_id"), ["meeting_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_meeting_actions_owner"), ["owner"], unique=False)

    op.create_table(
        "meeting_attendance",
        sa.Column("meeting_id", sa.String(length=36), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("substitute", sa.String(length=64), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint("meeting_id", "username", name=op.f("pk_meeting_attendance")),
    )
    with op.batch_alter_table("meeting_attendance", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_meeting_attendance_held_on"), ["held_on"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_meeting_attendance_username"), ["username"], unique=False
        )

    op.create_table(
        "meetings",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("held_at", sa.String(length=32), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("host", sa.String(length=64), nullable=False),
        sa.Column("host_name", sa.String(length=64), nullable=False),
        sa.Column("topics", sa.Text(), nullable=False),
        sa.Column("decisions", sa.Text(), nullable=False),
        sa.Column("late_reason", sa.Text(), nullable=False),
        sa.Column("recorded_by", sa.String(length=64), nullable=False),
        sa.Column("workstation", sa.String(length=16), nullable=False),
        sa.Column("created_hlc", sa.String(length=20), nullable=False),
        sa.Column("updated_hlc", sa.String(length=20), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meetings")),
    )
    with op.batch_alter_table("meetings", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_meetings_held_on"), ["held_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_meetings_kind"), ["kind"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("meetings", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_meetings_kind"))
        batch_op.drop_index(batch_op.f("ix_meetings_held_on"))

    op.drop_table("meetings")
    with op.batch_alter_table("meeting_attendance", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_meeting_attendance_username"))
        batch_op.drop_index(batch_op.f("ix_meeting_attendance_held_on"))

    op.drop_table("meeting_attendance")
    with op.batch_alter_table("meeting_actions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_meeting_actions_owner"))
        batch_op.drop_index(batch_op.f("ix_meeting_actions_meeting_id"))
        batch_op.drop_index(batch_op.f("ix_meeting_actions_done_on"))
        batch_op.drop_index(batch_op.f("ix_meeting_actions_deadline"))

    op.drop_table("meeting_actions")
    with op.batch_alter_table("inspections", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_inspections_inspected_on"))

    op.drop_table("inspections")
    op.drop_table("inspection_items")
    with op.batch_alter_table("findings", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_findings_state"))
        batch_op.drop_index(batch_op.f("ix_findings_staff"))
        batch_op.drop_index(batch_op.f("ix_findings_inspection_id"))
        batch_op.drop_index(batch_op.f("ix_findings_found_on"))
        batch_op.drop_index(batch_op.f("ix_findings_fix_deadline"))

    op.drop_table("findings")
    with op.batch_alter_table("evaluations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_evaluations_state"))
        batch_op.drop_index(batch_op.f("ix_evaluations_staff"))
        batch_op.drop_index(batch_op.f("ix_evaluations_month"))

    op.drop_table("evaluations")
    with op.batch_alter_table("evaluation_reviews", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_evaluation_reviews_on"))
        batch_op.drop_index(batch_op.f("ix_evaluation_reviews_evaluation_id"))

    op.drop_table("evaluation_reviews")
    with op.batch_alter_table("evaluation_lines", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_evaluation_lines_evaluation_id"))

    op.drop_table("evaluation_lines")
    op.drop_table("eval_schemes")
