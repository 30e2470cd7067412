"""Mapped tables: the event log and audit chain (truth), projections (derived), local state.

The core tables only: each feature's tables live in their own module (models_routing,
models_tickets, …) and are mapped when something imports it. Whatever needs every table
(migrations, schema checks, the rebuild's list of projections) imports store/tables.py.
"""

# Annotations are objects here, not strings (no `from __future__ import annotations`):
# see store/base.py.
from datetime import date

from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from hall_desk.store.base import NAMING as NAMING  # re-exported: it used to live here
from hall_desk.store.base import Base

# --- truth ------------------------------------------------------------------------------


class Event(Base):
    """Append-only: one change, as it happened. Projections are folds of these."""

    __tablename__ = "events"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)  # UUIDv7
    origin: Mapped[str] = mapped_column(String(16))  # workstation code
    seq: Mapped[int] = mapped_column(Integer)  # gapless per origin
    hlc: Mapped[str] = mapped_column(String(20))
    actor: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(64))
    entity_type: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[str] = mapped_column(String(64))
    payload: Mapped[str] = mapped_column(Text)  # JSON; personal data only as ciphertext
    # HMAC over every field above under the hall's event key (`eventlog.event_mac`): whoever
    # can write to this file or the shared database, but lacks the key, cannot forge one.
    mac: Mapped[str] = mapped_column(String(64), default="")
    __table_args__ = (
        UniqueConstraint("origin", "seq", name="uq_events_origin_seq"),
        Index("ix_events_entity", "entity_type", "entity_id", "hlc"),
        Index("ix_events_hlc", "hlc", "id"),
        # The monthly report's 补正 rounds: the few supplement requests among all the events.
        Index(
            "ix_events_supplements",
            "entity_id",
            sqlite_where=text(
                "kind IN ('case.supplement_requested', 'case.returned_for_supplement')"
            ),
        ),
    )


class AuditEntry(Base):
    """全程留痕: hash-chained, keyed with the hall key so a forger cannot re-chain edits."""

    __tablename__ = "audit_log"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[str] = mapped_column(String(32))
    workstation: Mapped[str] = mapped_column(String(16))
    actor: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(64))
    target: Mapped[str] = mapped_column(String(128), default="")
    detail: Mapped[str] = mapped_column(Text, default="{}")
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    # Set only on an entry whose detail was scrubbed of old personal data (store/scrub.py): its
    # original detail, encrypted under the hall key. The hash is the original's, so the chain
    # and its anchors stand; verify checks the detail is exactly the scrub of this original.
    scrubbed_original: Mapped[str] = mapped_column(Text, default="")


class HallSettingRow(Base):
    """A setting of the whole hall (its name, …), the same on every workstation after a sync:
    the latest change by the hybrid clock wins."""

    __tablename__ = "hall_settings"
    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    hlc: Mapped[str] = mapped_column(String(20))


class Meta(Base):
    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


# --- projections (the catalog's in models_catalog, an intake's applicant and checklist in
# models_intake; login_guard, local state, in models_login) ---------------------------------


class User(Base):
    __tablename__ = "users"
    username: Mapped[str] = mapped_column(String(64), primary_key=True)
    display_name: Mapped[str] = mapped_column(String(64))
    role: Mapped[str] = mapped_column(String(16))
    password_hash: Mapped[str] = mapped_column(String(256))
    window: Mapped[str] = mapped_column(String(32), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class CalendarOverrideRow(Base):
    __tablename__ = "calendar_overrides"
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))  # holiday | workday
    note: Mapped[str] = mapped_column(String(200), default="")


class CalendarYearRow(Base):
    """A year whose complete official schedule the hall typed in (the library lacks it)."""

    __tablename__ = "calendar_years"
    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    note: Mapped[str] = mapped_column(String(200), default="")


class CaseRow(Base):
    __tablename__ = "cases"
    # The deadline lists and counts read the cases whose clock may run, by state then due
    # date: what they read grows with today's open work, not with the closed history.
    __table_args__ = (Index("ix_cases_state_due", "state", "due_date"),)
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    case_no: Mapped[str] = mapped_column(String(32), unique=True)
    # Looked up by ix_cases_state_due, whose first column it is (migration 0017).
    state: Mapped[str] = mapped_column(String(24))
    title: Mapped[str] = mapped_column(String(400))
    theme_code: Mapped[str | None] = mapped_column(String(40))
    kind: Mapped[str] = mapped_column(String(16))
    departments: Mapped[str] = mapped_column(String(400))
    applicant_id: Mapped[str] = mapped_column(String(36), index=True)
    applicant_kind: Mapped[str] = mapped_column(String(16))
    applicant_name: Mapped[str] = mapped_column(String(200), index=True)
    applicant_id_index: Mapped[str] = mapped_column(String(32), index=True)
    applicant_id_masked: Mapped[str] = mapped_column(String(32))
    applicant_phone_index: Mapped[str] = mapped_column(String(32), default="", index=True)
    applicant_phone_masked: Mapped[str] = mapped_column(String(32), default="")
    agent_name: Mapped[str] = mapped_column(String(64), default="")
    agent_id_cipher: Mapped[str] = mapped_column(Text, default="")
    agent_id_index: Mapped[str] = mapped_column(String(32), default="", index=True)
    agent_id_masked: Mapped[str] = mapped_column(String(32), default="")
    limit_days: Mapped[int] = mapped_column(Integer, default=0)
    limit_unit: Mapped[str] = mapped_column(String(1), default="G")
    created_on: Mapped[date] = mapped_column(Date, index=True)
    created_hlc: Mapped[str] = mapped_column(String(20))
    accepted_on: Mapped[date | None] = mapped_column(Date, index=True)
    due_date: Mapped[date | None] = mapped_column(Date, index=True)
    due_estimated: Mapped[bool] = mapped_column(Boolean, default=False)
    paused_since: Mapped[date | None] = mapped_column(Date)
    pauses: Mapped[str] = mapped_column(Text, default="[]")  # JSON [[start, end], …]
    deferred_deadline: Mapped[date | None] = mapped_column(Date)
    commitment: Mapped[str] = mapped_column(Text, default="")
    supplement_deadline: Mapped[date | None] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text, default="")  # refusal / denial / return reason
    completed_on: Mapped[date | None] = mapped_column(Date, index=True)
    green_channel: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    assistance_flags: Mapped[str] = mapped_column(String(100), default="")
    assistance_mode: Mapped[str] = mapped_column(String(16), default="")
    assistance_helper: Mapped[str] = mapped_column(String(64), default="")
    first_responder: Mapped[str] = mapped_column(String(64))
    clerk: Mapped[str] = mapped_column(String(64), index=True)
    window: Mapped[str] = mapped_column(String(32), default="")
    workstation: Mapped[str] = mapped_column(String(16))
    station: Mapped[str] = mapped_column(String(64), default="")  # where the paper folder is
    updated_hlc: Mapped[str] = mapped_column(String(20))
    # 材料流转 and 统一出件 (migration 0002): when the folder reached its station (ISO datetime),
    # and the days of the routing and delivery milestones.
    station_since: Mapped[str | None] = mapped_column(String(32))
    dispatched_on: Mapped[date | None] = mapped_column(Date, index=True)
    returned_on: Mapped[date | None] = mapped_column(Date, index=True)
    delivered_on: Mapped[date | None] = mapped_column(Date, index=True)
    delivery_method: Mapped[str] = mapped_column(String(8), default="", server_default="")


class CaseItemRow(Base):
    __tablename__ = "case_items"
    case_id: Mapped[str] = mapped_column(
        ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    item_code: Mapped[str] = mapped_column(String(40), index=True)
    item_name: Mapped[str] = mapped_column(String(200))
    department: Mapped[str] = mapped_column(String(100), index=True)


class ConsultationRow(Base):
    __tablename__ = "consultations"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    topic: Mapped[str] = mapped_column(String(200))
    item_code: Mapped[str | None] = mapped_column(String(40))
    channel: Mapped[str] = mapped_column(String(16))
    outcome: Mapped[str] = mapped_column(String(16))
    guided_window: Mapped[str] = mapped_column(String(32), default="")
    applicant_name: Mapped[str] = mapped_column(String(200), default="")
    phone_cipher: Mapped[str] = mapped_column(Text, default="")
    phone_index: Mapped[str] = mapped_column(String(32), default="")
    phone_masked: Mapped[str] = mapped_column(String(32), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    clerk: Mapped[str] = mapped_column(String(64))
    window: Mapped[str] = mapped_column(String(32), default="")
    workstation: Mapped[str] = mapped_column(String(16))
    at: Mapped[str] = mapped_column(String(32))
    on: Mapped[date] = mapped_column(Date, index=True)
    case_id: Mapped[str | None] = mapped_column(String(36))
