"""Who may do what in the hall (DESIGN.md §1), written out by hand as the hall assigns it.

The matrix below is not read from `roles.ROLE_PERMISSIONS`: granting or withdrawing any
permission of any role fails a test here, as it should, since it changes what staff can do.
"""

from __future__ import annotations

import pytest

from hall_desk.domain.errors import HallDeskError, PermissionDenied
from hall_desk.domain.roles import SYSTEM_ACTOR, Actor, Permission, Role

P = Permission

# Columns: the permissions in this order; "✓" allowed, "·" refused.
COLUMNS = [
    P.INTAKE,
    P.CONSULT,
    P.ROUTE,
    P.DELIVER,
    P.VIEW_CASES,
    P.UNMASK,
    P.REPORTS,
    P.TICKETS,
    P.STAFF,
    P.MANAGE_USERS,
    P.MANAGE_CATALOG,
    P.MANAGE_CALENDAR,
    P.MANAGE_SETTINGS,
]
#                   受理 咨询 流转 出件 查看 解码 报表 投诉 考评 用户 事项 日历 设置
MATRIX = {
    # 窗口人员: accepts and logs at the counter, hands out results, may reveal an ID to check it.
    Role.CLERK: "   ✓    ✓    ·    ✓    ✓    ✓    ·    ·    ·    ·    ·    ·    ·",
    # 流转岗: carries folders between stations; sees cases, never the full ID or phone.
    Role.ROUTER: "  ·    ·    ✓    ·    ✓    ·    ·    ·    ·    ·    ·    ·    ·",
    # 班组长: stands in at any post, watches the day, reports, complaints, the staff's meetings,
    # inspections and evaluations, the working calendar.
    Role.LEAD: "    ✓    ✓    ✓    ✓    ✓    ✓    ✓    ✓    ✓    ·    ·    ✓    ·",
    # 系统管理员: everything, including users, the catalog and the settings.
    Role.ADMIN: "   ✓    ✓    ✓    ✓    ✓    ✓    ✓    ✓    ✓    ✓    ✓    ✓    ✓",
    # The program itself (seeding at init, migrations).
    Role.SYSTEM: "  ✓    ✓    ✓    ✓    ✓    ✓    ✓    ✓    ✓    ✓    ✓    ✓    ✓",
}
CELLS = [
    (role, permission, mark == "✓")
    for role, row in MATRIX.items()
    for permission, mark in zip(COLUMNS, row.split(), strict=True)
]

ROLE_LABELS = {
    Role.CLERK: "窗口人员",
    Role.ROUTER: "流转岗",
    Role.LEAD: "班组长",
    Role.ADMIN: "系统管理员",
    Role.SYSTEM: "系统",
}
PERMISSION_LABELS = {
    P.INTAKE: "受理办件",
    P.CONSULT: "登记咨询",
    P.ROUTE: "材料流转",
    P.DELIVER: "统一出件",
    P.VIEW_CASES: "查看办件",
    P.UNMASK: "查看完整证件号码和电话",
    P.REPORTS: "统计报表",
    P.TICKETS: "办不成事与投诉处理",
    P.STAFF: "会议、巡查与绩效考评",
    P.MANAGE_USERS: "用户管理",
    P.MANAGE_CATALOG: "事项库管理",
    P.MANAGE_CALENDAR: "工作日历管理",
    P.MANAGE_SETTINGS: "系统设置",
}


def test_the_matrix_names_every_role_and_permission() -> None:
    # A new role or permission must be added here, with the hall's decision for every cell.
    assert set(MATRIX) == set(Role)
    assert set(COLUMNS) == set(Permission) and len(COLUMNS) == len(Permission)


@pytest.mark.parametrize(("role", "label"), list(ROLE_LABELS.items()))
def test_role_label(role: Role, label: str) -> None:
    assert role.label == label


@pytest.mark.parametrize(("role", "permission", "allowed"), CELLS)
def test_permission_cell(role: Role, permission: Permission, allowed: bool) -> None:
    actor = Actor("someone", "赵六", role, window="综合窗口3")
    assert actor.may(permission) is allowed
    if allowed:
        assert actor.require(permission) is None
        return
    with pytest.raises(PermissionDenied) as info:
        actor.require(permission)
    assert isinstance(info.value, HallDeskError)
    expected = f"赵六（{ROLE_LABELS[role]}）无权执行：{PERMISSION_LABELS[permission]}"
    assert str(info.value) == expected
    assert info.value.message == expected


def test_the_program_itself_may_do_everything() -> None:
    assert SYSTEM_ACTOR.role is Role.SYSTEM and SYSTEM_ACTOR.display_name == "系统"
    for permission in COLUMNS:
        SYSTEM_ACTOR.require(permission)


def test_router_is_refused_intake_in_words_a_clerk_understands() -> None:
    router = Actor("lihua", "李华", Role.ROUTER)
    with pytest.raises(PermissionDenied) as info:
        router.require(P.INTAKE)
    assert str(info.value) == "李华（流转岗）无权执行：受理办件"
