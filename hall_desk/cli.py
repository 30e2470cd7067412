"""The command line (DESIGN.md §4): a stable interface that scripts and schedulers rely on."""

from __future__ import annotations

import argparse
import errno
import gc
import getpass
import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from hall_desk import __version__
from hall_desk.domain.errors import HallDeskError, ValidationError, ValidationErrors
from hall_desk.domain.roles import Actor, Role

if TYPE_CHECKING:
    from hall_desk.services.progress_output import ProgressOutput

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(f"用法错误：{message}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期「{text}」格式应为 YYYY-MM-DD") from None


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="hall-desk", description="政务服务中心前台桌面程序")
    parser.add_argument(
        "--home", help="工作目录（配置、大厅密钥、本地数据库）；也可用环境变量 HALL_DESK_HOME"
    )
    parser.add_argument("--demo", action="store_true", help="在演示数据目录上打开程序")
    parser.add_argument(
        "--no-window", action="store_true", help="不打开窗口，只显示本工作目录的概况（用于脚本）"
    )
    parser.add_argument("--version", action="version", version=f"hall-desk {__version__}")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    p = sub.add_parser("init", help="初始化本工作站")
    p.add_argument("--hall", default="政务服务中心", help="政务服务中心名称")
    p.add_argument("--workstation", default="W01", help="工作站编码（大写字母或数字，全大厅唯一）")
    p.add_argument("--window", default="", help="本工作站所在窗口名称")
    p.add_argument("--hall-key", type=Path, help="加入已有大厅：该大厅导出的密钥文件")
    p.add_argument("--admin", help="管理员用户名（密码取自 HALL_DESK_ADMIN_PASSWORD 或在终端输入）")
    p.add_argument("--admin-name", default="系统管理员", help="管理员姓名")

    p = sub.add_parser("hall-key", help="大厅密钥")
    key_sub = p.add_subparsers(dest="key_command", required=True, parser_class=_Parser)
    e = key_sub.add_parser("export", help="导出大厅密钥，供同一大厅的其他工作站加入")
    e.add_argument("--out", type=Path, required=True)

    p = sub.add_parser("demo-data", help="通过业务服务生成演示数据")
    p.add_argument("--days", type=int, required=True)
    p.add_argument("--per-day", type=int, required=True)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--end", type=_date)

    p = sub.add_parser("calendar", help="工作日历")
    cal_sub = p.add_subparsers(dest="calendar_command", required=True, parser_class=_Parser)
    d = cal_sub.add_parser("due", help="计算办结期限")
    d.add_argument("accepted_on", type=_date)
    d.add_argument("limit", type=int)
    d.add_argument("--unit", default="G", choices=["G", "Z", "g", "z"])

    p = sub.add_parser("catalog", help="事项库")
    cat_sub = p.add_subparsers(dest="catalog_command", required=True, parser_class=_Parser)
    i = cat_sub.add_parser("import", help="从 .xlsx 导入事项库（有任一错误行则全部不导入）")
    i.add_argument("file", type=Path)
    x = cat_sub.add_parser("export", help="导出事项库为 .xlsx")
    x.add_argument("file", type=Path)

    p = sub.add_parser("audit", help="全程留痕")
    audit_sub = p.add_subparsers(dest="audit_command", required=True, parser_class=_Parser)
    audit_sub.add_parser("verify", help="校验留痕链，指出第一条被破坏的记录")

    p = sub.add_parser("report", help="报表")
    rep_sub = p.add_subparsers(dest="report_command", required=True, parser_class=_Parser)
    r = rep_sub.add_parser("daily", help="每日工作汇总 PDF")
    r.add_argument("--date", type=_date, required=True)
    r.add_argument("--out", type=Path, required=True)
    m = rep_sub.add_parser("monthly", help="月度运营报告 PDF（及 .xlsx）")
    m.add_argument("--month", required=True, help="月份 YYYY-MM")
    m.add_argument("--out", type=Path, required=True)
    m.add_argument("--xlsx", type=Path, help="同时导出相同数据的 .xlsx")
    m.add_argument("--draft", action="store_true", help="生成草稿（不发布）")

    p = sub.add_parser("export", help="导出")
    exp_sub = p.add_subparsers(dest="export_command", required=True, parser_class=_Parser)
    led = exp_sub.add_parser("ledger", help="导出台账 .xlsx")
    led.add_argument(
        "kind",
        choices=[
            "cases",
            "consultations",
            "routing",
            "deliveries",
            "tickets",
            "ratings",
            "queue",
            "evaluations",
            "inspections",
            "meetings",
        ],
    )
    led.add_argument("--from", dest="start", type=_date, required=True)
    led.add_argument("--to", dest="end", type=_date, required=True)
    led.add_argument("--out", type=Path, required=True)
    led.add_argument("--unmask", action="store_true", help="导出完整证件号码和电话（记入留痕）")

    p = sub.add_parser("sync", help="与大厅共享数据库同步")
    p.add_argument("--shared", help="共享数据库地址（PostgreSQL URL 或本机 SQLite 文件路径）")
    p.add_argument("--status", action="store_true", help="只显示同步状态，不同步")

    p = sub.add_parser("backup", help="备份本地数据库")
    p.add_argument("--out", type=Path, required=True)

    p = sub.add_parser("restore", help="从备份恢复本地数据库（当前数据库改名保留）")
    p.add_argument("file", type=Path, metavar="FILE")

    sub.add_parser("rebuild", help="由事件重新生成全部数据表（恢复备份后，或核对数据一致）")
    for name, help_text in (
        ("kiosk", "取号机（全屏）"),
        ("display", "大厅叫号显示屏与语音（全屏）"),
    ):
        p = sub.add_parser(name, help=help_text)
        p.add_argument("--windowed", action="store_true", help="以普通窗口打开（调试用）")
    return parser


def _operator() -> Actor:
    """Commands run by whoever administers the machine; the audit log names them."""
    try:
        who = getpass.getuser()
    except (KeyError, OSError):
        who = "unknown"
    return Actor(f"cli:{who}", f"命令行（{who}）", Role.SYSTEM)


@contextmanager
def _progress() -> Iterator[ProgressOutput]:
    """Long work's progress on stderr (a bar on a terminal, plain lines otherwise), cleared
    before the summary is printed on stdout."""
    from hall_desk.services.progress_output import ProgressOutput

    shown = ProgressOutput(sys.stderr)
    try:
        yield shown
    finally:
        shown.close()


def _admin_password(username: str) -> str | None:
    password = os.environ.get("HALL_DESK_ADMIN_PASSWORD")
    if password:
        return password
    if sys.stdin is not None and sys.stdin.isatty():
        first = getpass.getpass(f"管理员 {username} 的密码：")
        again = getpass.getpass("再次输入密码：")
        if first != again:
            raise ValidationError("password", "两次输入的密码不一致")
        return first
    return None


# What a command imports beyond the workstation, made before the collector is switched back on
# (imports_done): made with it on, `report daily`'s imports (reportlab, the figures' queries and
# tables) cost 35 more collections of the young objects, some 15 ms of the command.
_COMMAND_MODULES: dict[tuple[str, str | None], tuple[str, ...]] = {
    ("report", "daily"): ("hall_desk.reports.daily",),
    ("report", "monthly"): ("hall_desk.reports.monthly",),
    ("export", "ledger"): ("hall_desk.reports.ledgers",),
}


def _open(home_path: Path, modules: Sequence[str] = ()):  # type: ignore[no-untyped-def]
    from hall_desk.services.home import Home
    from hall_desk.services.workstation import Workstation

    for name in modules:
        # __import__, not importlib.import_module: `-X importtime` lists only imports made
        # through the import statement's machinery, and the command's test reads that list.
        __import__(name)
    imports_done()
    return Workstation(Home(home_path))


def imports_done() -> None:
    """The heavy imports are done: the objects they made (SQLAlchemy's and the mapped classes,
    tens of thousands, kept for the life of the process) are set aside from the garbage
    collector, which is switched back on. main switched it off while they were made: its passes
    over them, repeated as the imports grew, were about 6 % of `report daily`'s CPU."""
    global _frozen
    if not gc.isenabled():
        if not _frozen:  # once: main() called again in one process (tests) freezes no garbage
            gc.freeze()
            _frozen = True
        gc.enable()


_frozen = False


def _run(args: argparse.Namespace) -> int:
    from hall_desk.services.home import Home, resolve_home

    home = Home(resolve_home(args.home, demo=args.demo))
    cmd = args.command
    if cmd is None:
        return _open_program(home, demo=args.demo, window=not args.no_window)
    if cmd == "init":
        from hall_desk.services.setup import init_home

        admin = None
        if args.admin:
            password = _admin_password(args.admin)
            if password is None:
                print(
                    "未提供管理员密码（非终端环境），未创建管理员；首次打开程序时再设置。",
                    file=sys.stderr,
                )
            else:
                admin = (args.admin, args.admin_name, password)
        ws = init_home(
            home,
            hall=args.hall,
            workstation=args.workstation,
            window=args.window,
            hall_key_file=args.hall_key,
            admin=admin,
        )
        with ws:
            print(f"已初始化：{ws.hall}，工作站 {ws.code}，目录 {home.path}")
        return EXIT_OK
    if cmd == "calendar":
        return _calendar_due(home, args)
    if cmd == "restore":
        return _restore(home, args.file)
    sub = getattr(args, "report_command", None) or getattr(args, "export_command", None)
    with _open(home.path, _COMMAND_MODULES.get((cmd, sub), ())) as ws:
        if cmd == "hall-key":
            from hall_desk.services.setup import export_hall_key

            export_hall_key(ws, _operator(), args.out)
            print(f"大厅密钥已导出到 {args.out}（仅本人可读，请妥善保管）")
        elif cmd == "demo-data":
            from hall_desk.services.demo import generate
            from hall_desk.services.demo_queue import generate_queue_days

            s = generate(ws, args.days, args.per_day, seed=args.seed, end=args.end)
            last = args.end or ws.today()
            q = generate_queue_days(ws, last - timedelta(days=args.days - 1), last, args.seed)
            print(
                f"演示数据：{s.days} 个工作日，咨询 {s.consultations} 条，办件 {s.cases} 件，"
                f"补正后受理 {s.supplements_received} 件，绿色通道 {s.green_channel} 件，"
                f"评价 {s.ratings.given} 条（差评 {s.ratings.bad} 条），"
                f"未评价 {s.ratings.unrated} 条"
            )
            print(f"排队叫号：{q.tickets} 张号，过号 {q.no_shows} 张，转移 {q.transfers} 张")
            print(
                f"人员与巡查：会议 {s.staff.meetings} 次（缺晨会 {s.staff.missed_morning} 天），"
                f"巡查 {s.staff.inspections} 次、问题 {s.staff.findings} 条，"
                f"考评表 {s.staff.sheets} 张"
            )
        elif cmd == "catalog":
            from hall_desk.services import catalog

            if args.catalog_command == "import":
                with _progress() as shown:
                    n_items, n_themes = catalog.import_catalog_xlsx(
                        ws, _operator(), args.file, progress=shown
                    )
                print(f"已导入事项 {n_items} 项、一件事 {n_themes} 个")
            else:
                n = catalog.export_catalog_xlsx(ws, args.file)
                print(f"已导出事项 {n} 项到 {args.file}")
        elif cmd == "audit":
            from hall_desk.services.integrity import verify_audit, verify_events
            from hall_desk.sync.anchor import check_against_shared

            report = verify_audit(ws)
            log = verify_events(ws)
            shared = check_against_shared(ws)  # the anchor's copy in the shared database
            problems = [
                *([f"留痕链已被破坏：{report.problem}"] if not report.ok else []),
                *([f"事件记录被改动：{log.problem}"] if not log.ok else []),
                *([f"与共享数据库中的留痕锚点不符：{shared.problem}"] if shared.problem else []),
            ]
            notes = [f"注意：{shared.note}"] if shared.note else []
            if problems:
                print("\n".join([*problems, *notes]), file=sys.stderr)
                return EXIT_REFUSED
            print(f"留痕链完整：共 {report.entries} 条记录")
            print(f"事件校验码完整：共 {log.events} 条事件")
            if ws.config.shared_url.strip() and not shared.note:
                print("与共享数据库中的留痕锚点核对一致")
            for note in notes:
                print(note)
        elif cmd == "report" and args.report_command == "monthly":
            from hall_desk.reports.monthly import write_monthly_report

            with _progress() as shown:
                done = write_monthly_report(
                    ws,
                    _operator(),
                    args.month,
                    args.out,
                    xlsx_out=args.xlsx,
                    draft=args.draft,
                    progress=shown,
                )
            state = "已发布" if done.published else "草稿"
            print(f"月度运营报告（{state}）已生成：{args.out}（{done.pages} 页）")
            if args.xlsx:
                print(f"数据表格：{args.xlsx}")
            print(f"数据校验码（SHA-256）：{done.sha256}")
        elif cmd == "report":
            from hall_desk.reports.daily import write_daily_summary

            pages = write_daily_summary(ws, _operator(), args.date, args.out)
            print(f"每日工作汇总已生成：{args.out}（{pages} 页）")
        elif cmd == "export":
            from hall_desk.reports.ledgers import KINDS, export

            with _progress() as shown:
                rows = export(
                    ws,
                    _operator(),
                    args.kind,
                    args.start,
                    args.end,
                    args.out,
                    unmask=args.unmask,
                    progress=shown,
                )
            print(f"{KINDS[args.kind]}已导出：{args.out}（{rows} 行）")
        elif cmd == "sync":
            from hall_desk.sync.command import run_sync_command

            return run_sync_command(ws, _operator(), shared=args.shared, status_only=args.status)
        elif cmd == "backup":
            from hall_desk.services.backup import backup

            size = backup(ws, _operator(), args.out)
            print(f"已备份到 {args.out}（{size // 1024} KB，完整性校验通过）")
        elif cmd in ("kiosk", "display"):
            from hall_desk.ui.hall_screens import run_display, run_kiosk

            run = run_kiosk if cmd == "kiosk" else run_display
            return run(ws, full_screen=not args.windowed)
        elif cmd == "rebuild":
            from hall_desk.services.integrity import rebuild_projections
            from hall_desk.sync.command import sync_steps
            from hall_desk.sync.run import phase_progress

            with _progress() as shown:
                rebuilt = rebuild_projections(
                    ws, _operator(), phase_progress(sync_steps(shown), "rebuild")
                )
            print(f"已由事件重新生成全部数据表：重放 {rebuilt.events} 条事件")
            if rebuilt.rejected:
                print(
                    f"有 {len(rebuilt.rejected)} 条事件校验码不符（被改动过），未采用："
                    f"{'、'.join(rebuilt.rejected[:5])}{' 等' if len(rebuilt.rejected) > 5 else ''}"
                    f"；请执行 hall-desk audit verify 查看，并由管理员从备份恢复",
                    file=sys.stderr,
                )
                return EXIT_REFUSED
    return EXIT_OK


def _restore(home, file: Path) -> int:  # type: ignore[no-untyped-def]
    """Works on the home, not an opened workstation: its database may be missing or broken."""
    from hall_desk.services.backup import restore

    result = restore(home, _operator(), file)
    print(f"已从 {file} 恢复，工作站 {result.workstation}")
    if result.kept_aside is not None:
        print(f"原数据库已改名保留为 {result.kept_aside}")
    if result.reclaim_pending:
        print(
            "请立即执行 hall-desk sync：取回本机在备份之后推送过的记录后，才能办理新业务",
        )
    return EXIT_OK


def _calendar_due(home, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
    from hall_desk.services import calendar

    if home.is_initialised():
        with _open(home.path) as ws:
            due = calendar.due_date(ws, args.accepted_on, args.limit, args.unit)
    else:
        # Without a home the statutory calendar alone decides (no hall overrides to apply).
        from hall_desk.domain.calendar import WorkingCalendar

        due = WorkingCalendar().due_date(args.accepted_on, args.limit, args.unit.upper())
    print(due.day.isoformat() + ("（估算：该年法定节假日安排尚未录入）" if due.estimated else ""))
    return EXIT_OK


def _open_program(home, *, demo: bool, window: bool) -> int:  # type: ignore[no-untyped-def]
    """Opens the window; with --no-window prints the home's summary instead."""
    from hall_desk.services.overview import ensure_demo_home, summary_lines

    if window:
        from hall_desk.services import users

        # A password is asked next (login, or the first admin's): the check's child process
        # starts now, its interpreter start overlapping the window's imports on another core.
        # The login screen finds it waiting.
        users.prepare_check()
        from hall_desk.ui.app import run
    imports_done()  # before the demo home is made: that may write a great deal
    if demo:
        ensure_demo_home(home)
    if window:
        return run(home)
    with _open(home.path) as ws:
        for line in summary_lines(ws):
            print(line)
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    gc.disable()  # until the command's imports are done (imports_done)
    try:
        return _main(argv)
    finally:
        imports_done()


def _main(argv: Sequence[str] | None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return _run(args)
    except ValidationErrors as exc:
        for err in exc.errors:
            print(f"错误：{err.message}", file=sys.stderr)
        return EXIT_REFUSED
    except HallDeskError as exc:
        print(f"错误：{exc.message}", file=sys.stderr)
        return EXIT_REFUSED
    except OSError as exc:
        # A full disk, a folder without write permission: say so plainly, no traceback.
        reason = _OS_REASONS.get(exc.errno or 0, exc.strerror or str(exc))
        print(f"错误：文件操作失败：{reason}（{exc.filename or ''}）", file=sys.stderr)
        return EXIT_REFUSED


# The system's own words come in the system's language; the usual causes get Chinese ones.
_OS_REASONS = {
    errno.ENOSPC: "磁盘空间已满",
    errno.EDQUOT: "磁盘配额已用完",
    errno.EROFS: "磁盘为只读",
    errno.EACCES: "没有权限",
    errno.EPERM: "没有权限",
    errno.ENOENT: "文件或目录不存在",
}


if __name__ == "__main__":
    sys.exit(main())
