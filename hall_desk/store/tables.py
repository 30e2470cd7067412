"""Every mapped table of the program together: `Base.metadata` complete, and the rebuild's list.

Each table module maps only its own tables, so a command maps just the ones it reads (mapping a
table is some milliseconds of every start: `report daily` reads 15 of the 41). Whatever needs
the whole schema imports this module: migrations and schema checks (`Base.metadata`), the
rebuild (`PROJECTION_TABLES`) and the fold's write order (store/fold_rows.py).
"""

from __future__ import annotations

from hall_desk.store import (
    models,
    models_catalog,
    models_intake,
    models_login,  # noqa: F401  (local state: mapped for the metadata)
    models_monthly,
    models_queue,
    models_ratings,
    models_routing,
    models_staff,
    models_sync,  # noqa: F401  (no projections: mapped for the metadata)
    models_tickets,
)
from hall_desk.store.base import Base

# Every table that `projections.rebuild_all` empties and refills from the events, in the order
# it empties them: a child before the table its foreign key names. Tables not listed are the
# truth (events, audit_log), settings (meta) or this workstation's own state (login_guard,
# sync_*), which a rebuild must leave alone. A new projection table is added here, and a new
# table module imported above.
PROJECTION_TABLES: list[type[Base]] = [
    models_routing.HandoffRow,
    models_routing.HandoverSheetRow,
    models_routing.DeliveryRow,
    models.User,
    models_catalog.ThemeItemRow,
    models_catalog.ThemeRow,
    models_catalog.MaterialRequirementRow,
    models_catalog.ServiceItemRow,
    models.CalendarOverrideRow,
    models.CalendarYearRow,
    models_intake.CaseMaterialRow,
    models.CaseItemRow,
    models.CaseRow,
    models_intake.ApplicantRow,
    models.ConsultationRow,
    models.HallSettingRow,
    models_tickets.TicketStepRow,
    models_tickets.TicketRow,
    models_ratings.RatingRow,
    models_monthly.MonthlyReportRow,
    models_queue.QueueTicketRow,
    models_staff.MeetingAttendanceRow,
    models_staff.MeetingActionRow,
    models_staff.MeetingCorrectionRow,
    models_staff.MeetingRow,
    models_staff.InspectionItemRow,
    models_staff.FindingRow,
    models_staff.InspectionRow,
    models_staff.EvalSchemeRow,
    models_staff.EvaluationLineRow,
    models_staff.EvaluationReviewRow,
    models_staff.EvaluationRow,
]
# Every table, parents before the tables that refer to them (the foreign keys): computed once
# here, where no table module can be missing from the metadata.
SORTED_TABLES = tuple(Base.metadata.sorted_tables)
