"""Roles and what each may do; services check these, the UI only hides what is refused anyway."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from hall_desk.domain.errors import PermissionDenied


class Role(StrEnum):
    CLERK = "clerk"
    ROUTER = "router"
    LEAD = "lead"
    ADMIN = "admin"
    SYSTEM = "system"  # the program itself: seeding at init, migrations

    @property
    def label(self) -> str:
        return ROLE_LABELS[self]


ROLE_LABELS = {
    Role.CLERK: "窗口人员",
    Role.ROUTER: "流转岗",
    Role.LEAD: "班组长",
    Role.ADMIN: "系统管理员",
    Role.SYSTEM: "系统",
}


class Permission(StrEnum):
    INTAKE = "intake"  # accept / supplement / refuse / immediate completion
    CONSULT = "consult"
    ROUTE = "route"  # prereview, handoffs, dispatch, receive back
    DELIVER = "deliver"
    VIEW_CASES = "view_cases"
    UNMASK = "unmask"  # reveal an ID number or phone in full (audited)
    REPORTS = "reports"
    TICKETS = "tickets"
    STAFF = "staff"  # meetings, inspections and the monthly evaluation of the staff
    MANAGE_USERS = "manage_users"
    MANAGE_CATALOG = "manage_catalog"
    MANAGE_CALENDAR = "manage_calendar"
    MANAGE_SETTINGS = "manage_settings"


PERMISSION_LABELS = {
    Permission.INTAKE: "受理办件",
    Permission.CONSULT: "登记咨询",
    Permission.ROUTE: "材料流转",
    Permission.DELIVER: "统一出件",
    Permission.VIEW_CASES: "查看办件",
    Permission.UNMASK: "查看完整证件号码和电话",
    Permission.REPORTS: "统计报表",
    Permission.TICKETS: "办不成事与投诉处理",
    Permission.STAFF: "会议、巡查与绩效考评",
    Permission.MANAGE_USERS: "用户管理",
    Permission.MANAGE_CATALOG: "事项库管理",
    Permission.MANAGE_CALENDAR: "工作日历管理",
    Permission.MANAGE_SETTINGS: "系统设置",
}

_P = Permission
ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.CLERK: frozenset({_P.INTAKE, _P.CONSULT, _P.DELIVER, _P.VIEW_CASES, _P.UNMASK}),
    Role.ROUTER: frozenset({_P.ROUTE, _P.VIEW_CASES}),
    Role.LEAD: frozenset(
        {
            _P.INTAKE,
            _P.CONSULT,
            _P.ROUTE,
            _P.DELIVER,
            _P.VIEW_CASES,
            _P.UNMASK,
            _P.REPORTS,
            _P.TICKETS,
            _P.STAFF,
            _P.MANAGE_CALENDAR,
        }
    ),
    Role.ADMIN: frozenset(Permission),
    Role.SYSTEM: frozenset(Permission),
}


@dataclass(frozen=True)
class Actor:
    """Who performs a service call: a logged-in user, or the program itself."""

    username: str
    display_name: str
    role: Role
    window: str = ""

    def may(self, permission: Permission) -> bool:
        return permission in ROLE_PERMISSIONS[self.role]

    def require(self, permission: Permission) -> None:
        if not self.may(permission):
            raise PermissionDenied(
                f"{self.display_name}（{self.role.label}）无权执行：{PERMISSION_LABELS[permission]}"
            )


SYSTEM_ACTOR = Actor("system", "系统", Role.SYSTEM)
