"""The words the window shows from the lower layers, in the window's language.

The domain and the services name their enum values (roles, ID types, case and ticket states,
delivery methods, finding categories…) in Chinese: stored data, printed notices and reports use
those labels as they are. The window passes each one through `word()`, which looks it up in the
"Words" context of the installed catalog; the list below is there so that lupdate extracts every
label (tests/ui/test_english.py checks it holds every label the core defines). Catalog data,
names and addresses are not words and stay as typed.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from hall_desk.domain.ratings import Rate

WORDS = (
    # 证件类型: services.applicants.ID_TYPES
    QT_TRANSLATE_NOOP("Words", "居民身份证"),
    QT_TRANSLATE_NOOP("Words", "港澳居民来往内地通行证"),
    QT_TRANSLATE_NOOP("Words", "台湾居民来往大陆通行证"),
    QT_TRANSLATE_NOOP("Words", "护照"),
    QT_TRANSLATE_NOOP("Words", "外国人永久居留身份证"),
    QT_TRANSLATE_NOOP("Words", "统一社会信用代码"),
    # 角色: domain.roles.ROLE_LABELS
    QT_TRANSLATE_NOOP("Words", "窗口人员"),
    QT_TRANSLATE_NOOP("Words", "流转岗"),
    QT_TRANSLATE_NOOP("Words", "班组长"),
    QT_TRANSLATE_NOOP("Words", "系统管理员"),
    QT_TRANSLATE_NOOP("Words", "系统"),
    # 权限: domain.roles.PERMISSION_LABELS
    QT_TRANSLATE_NOOP("Words", "受理办件"),
    QT_TRANSLATE_NOOP("Words", "登记咨询"),
    QT_TRANSLATE_NOOP("Words", "材料流转"),
    QT_TRANSLATE_NOOP("Words", "统一出件"),
    QT_TRANSLATE_NOOP("Words", "查看办件"),
    QT_TRANSLATE_NOOP("Words", "查看完整证件号码和电话"),
    QT_TRANSLATE_NOOP("Words", "统计报表"),
    QT_TRANSLATE_NOOP("Words", "办不成事与投诉处理"),
    QT_TRANSLATE_NOOP("Words", "会议、巡查与绩效考评"),
    QT_TRANSLATE_NOOP("Words", "用户管理"),
    QT_TRANSLATE_NOOP("Words", "事项库管理"),
    QT_TRANSLATE_NOOP("Words", "工作日历管理"),
    QT_TRANSLATE_NOOP("Words", "系统设置"),
    # 办件状态: domain.lifecycle.STATE_LABELS
    QT_TRANSLATE_NOOP("Words", "咨询"),
    QT_TRANSLATE_NOOP("Words", "已受理"),
    QT_TRANSLATE_NOOP("Words", "容缺受理"),
    QT_TRANSLATE_NOOP("Words", "待补正"),
    QT_TRANSLATE_NOOP("Words", "不予受理"),
    QT_TRANSLATE_NOOP("Words", "预审"),
    QT_TRANSLATE_NOOP("Words", "流转中"),
    QT_TRANSLATE_NOOP("Words", "审批中"),
    QT_TRANSLATE_NOOP("Words", "已办结"),
    QT_TRANSLATE_NOOP("Words", "不予许可"),
    QT_TRANSLATE_NOOP("Words", "待出件"),
    QT_TRANSLATE_NOOP("Words", "已出件"),
    QT_TRANSLATE_NOOP("Words", "已撤回"),
    # 办件环节: domain.lifecycle.CaseEvent
    QT_TRANSLATE_NOOP("Words", "受理"),
    QT_TRANSLATE_NOOP("Words", "一次性告知补正"),
    QT_TRANSLATE_NOOP("Words", "即办办结"),
    QT_TRANSLATE_NOOP("Words", "补正材料收齐"),
    QT_TRANSLATE_NOOP("Words", "容缺材料补齐"),
    QT_TRANSLATE_NOOP("Words", "流转岗预审"),
    QT_TRANSLATE_NOOP("Words", "预审通过"),
    QT_TRANSLATE_NOOP("Words", "预审退回补正"),
    QT_TRANSLATE_NOOP("Words", "移交审批部门"),
    QT_TRANSLATE_NOOP("Words", "部门审结（联办待续）"),
    QT_TRANSLATE_NOOP("Words", "审批办结"),
    QT_TRANSLATE_NOOP("Words", "送出件窗口"),
    QT_TRANSLATE_NOOP("Words", "出件"),
    QT_TRANSLATE_NOOP("Words", "邮件退回"),
    QT_TRANSLATE_NOOP("Words", "申请人撤回"),
    # 办件记录: services.cases.EVENT_LABELS
    QT_TRANSLATE_NOOP("Words", "登记申请人信息"),
    QT_TRANSLATE_NOOP("Words", "收取部分补正材料"),
    QT_TRANSLATE_NOOP("Words", "特别程序暂停计时"),
    QT_TRANSLATE_NOOP("Words", "恢复计时"),
    QT_TRANSLATE_NOOP("Words", "关联咨询"),
    # 期限标记: domain.deadline.FLAG_LABELS
    QT_TRANSLATE_NOOP("Words", "已超期"),
    QT_TRANSLATE_NOOP("Words", "临近期限"),
    QT_TRANSLATE_NOOP("Words", "正常"),
    QT_TRANSLATE_NOOP("Words", "计时暂停"),
    QT_TRANSLATE_NOOP("Words", "未起算"),
    # 期限单位: domain.calendar.UNIT_LABELS
    QT_TRANSLATE_NOOP("Words", "工作日"),
    QT_TRANSLATE_NOOP("Words", "自然日"),
    # 工作日历: services.calendar.KINDS
    QT_TRANSLATE_NOOP("Words", "休息日"),
    # 特别程序: services.case_clock.SPECIAL_PROCEDURES
    QT_TRANSLATE_NOOP("Words", "听证"),
    QT_TRANSLATE_NOOP("Words", "检验"),
    QT_TRANSLATE_NOOP("Words", "检测"),
    QT_TRANSLATE_NOOP("Words", "检疫"),
    QT_TRANSLATE_NOOP("Words", "鉴定"),
    QT_TRANSLATE_NOOP("Words", "专家评审"),
    QT_TRANSLATE_NOOP("Words", "公示"),
    # 事项类型: domain.catalog.ITEM_KIND_LABELS
    QT_TRANSLATE_NOOP("Words", "即办件"),
    QT_TRANSLATE_NOOP("Words", "承诺件"),
    QT_TRANSLATE_NOOP("Words", "上报件"),
    QT_TRANSLATE_NOOP("Words", "联办件"),
    # 材料形式: domain.catalog.MATERIAL_FORM_LABELS
    QT_TRANSLATE_NOOP("Words", "原件"),
    QT_TRANSLATE_NOOP("Words", "复印件"),
    QT_TRANSLATE_NOOP("Words", "原件和复印件"),
    # 出件方式: domain.catalog.DeliveryMethod
    QT_TRANSLATE_NOOP("Words", "窗口领取"),
    QT_TRANSLATE_NOOP("Words", "邮寄"),
    # 领取人: domain.mailing.RecipientKind
    QT_TRANSLATE_NOOP("Words", "本人领取"),
    QT_TRANSLATE_NOOP("Words", "代领"),
    # 快递公司: domain.mailing.CARRIERS
    QT_TRANSLATE_NOOP("Words", "中国邮政 EMS"),
    QT_TRANSLATE_NOOP("Words", "顺丰速运"),
    QT_TRANSLATE_NOOP("Words", "京东物流"),
    QT_TRANSLATE_NOOP("Words", "中通快递"),
    QT_TRANSLATE_NOOP("Words", "圆通速递"),
    QT_TRANSLATE_NOOP("Words", "申通快递"),
    QT_TRANSLATE_NOOP("Words", "韵达快递"),
    QT_TRANSLATE_NOOP("Words", "其他快递"),
    # 流转环节: domain.stations.MOVE_LABELS
    QT_TRANSLATE_NOOP("Words", "收取材料袋"),
    QT_TRANSLATE_NOOP("Words", "接收审批结果"),
    QT_TRANSLATE_NOOP("Words", "邮寄送达"),
    # 帮办: domain.assistance.AssistanceFlag
    QT_TRANSLATE_NOOP("Words", "老年人"),
    QT_TRANSLATE_NOOP("Words", "残疾人"),
    QT_TRANSLATE_NOOP("Words", "孕妇"),
    QT_TRANSLATE_NOOP("Words", "伤病/行动不便"),
    QT_TRANSLATE_NOOP("Words", "其他特殊群体"),
    # 服务方式: domain.assistance.ServiceMode
    QT_TRANSLATE_NOOP("Words", "全程帮办"),
    QT_TRANSLATE_NOOP("Words", "导办"),
    QT_TRANSLATE_NOOP("Words", "代办"),
    QT_TRANSLATE_NOOP("Words", "上门服务"),
    # 咨询渠道: services.consultations.Channel
    QT_TRANSLATE_NOOP("Words", "现场"),
    QT_TRANSLATE_NOOP("Words", "电话"),
    QT_TRANSLATE_NOOP("Words", "其他"),
    # 咨询结果: services.consultations.Outcome
    QT_TRANSLATE_NOOP("Words", "已解答"),
    QT_TRANSLATE_NOOP("Words", "引导至窗口"),
    QT_TRANSLATE_NOOP("Words", "转入受理"),
    # 排队号状态: domain.queue.TicketState
    QT_TRANSLATE_NOOP("Words", "等候"),
    QT_TRANSLATE_NOOP("Words", "已呼叫"),
    QT_TRANSLATE_NOOP("Words", "办理中"),
    QT_TRANSLATE_NOOP("Words", "完成"),
    QT_TRANSLATE_NOOP("Words", "过号"),
    QT_TRANSLATE_NOOP("Words", "离开"),
    QT_TRANSLATE_NOOP("Words", "挂起"),
    QT_TRANSLATE_NOOP("Words", "已转移"),
    # 叫号操作: domain.queue.QueueAction
    QT_TRANSLATE_NOOP("Words", "叫号"),
    QT_TRANSLATE_NOOP("Words", "重呼"),
    QT_TRANSLATE_NOOP("Words", "开始办理"),
    QT_TRANSLATE_NOOP("Words", "办结"),
    QT_TRANSLATE_NOOP("Words", "恢复"),
    QT_TRANSLATE_NOOP("Words", "转移"),
    # 排队优先: domain.queue.Priority
    QT_TRANSLATE_NOOP("Words", "普通"),
    QT_TRANSLATE_NOOP("Words", "绿色通道"),
    # 评价等级: domain.ratings.LEVEL_LABELS
    QT_TRANSLATE_NOOP("Words", "非常满意"),
    QT_TRANSLATE_NOOP("Words", "满意"),
    QT_TRANSLATE_NOOP("Words", "基本满意"),
    QT_TRANSLATE_NOOP("Words", "不满意"),
    QT_TRANSLATE_NOOP("Words", "非常不满意"),
    # 评价对象: domain.ratings.RATED_KIND_LABELS
    QT_TRANSLATE_NOOP("Words", "即办"),
    # 评价渠道: domain.ratings.CHANNEL_LABELS
    QT_TRANSLATE_NOOP("Words", "评价屏"),
    QT_TRANSLATE_NOOP("Words", "窗口代录"),
    QT_TRANSLATE_NOOP("Words", "二维码/线上"),
    # 评价状态: domain.ratings.RatingState
    QT_TRANSLATE_NOOP("Words", "已评价"),
    QT_TRANSLATE_NOOP("Words", "未评价"),
    # 申诉: domain.ratings.AppealState
    QT_TRANSLATE_NOOP("Words", "申诉中"),
    QT_TRANSLATE_NOOP("Words", "申诉成立"),
    QT_TRANSLATE_NOOP("Words", "申诉不成立"),
    # 差评整改: domain.ratings.RECTIFY_STEPS
    QT_TRANSLATE_NOOP("Words", "核实（是否属实、合理，是否恶意）"),
    QT_TRANSLATE_NOOP("Words", "整改（立即整改 / 限期整改 / 解释说明）"),
    QT_TRANSLATE_NOOP("Words", "整改进展"),
    QT_TRANSLATE_NOOP("Words", "答复评价人"),
    QT_TRANSLATE_NOOP("Words", "回访（实名评价人必回访）"),
    # 工单类别: domain.tickets.CLASS_LABELS
    QT_TRANSLATE_NOOP("Words", "投诉"),
    QT_TRANSLATE_NOOP("Words", "建议"),
    QT_TRANSLATE_NOOP("Words", "表扬"),
    # 工单渠道: domain.tickets.CHANNEL_LABELS
    QT_TRANSLATE_NOOP("Words", "窗口"),
    QT_TRANSLATE_NOOP("Words", "办不成事窗口"),
    QT_TRANSLATE_NOOP("Words", "12345 转办"),
    QT_TRANSLATE_NOOP("Words", "意见箱"),
    # 办不成事: domain.tickets.BBCS_LABELS
    QT_TRANSLATE_NOOP("Words", "符合条件未受理或未办结"),
    QT_TRANSLATE_NOOP("Words", "多次往返未办成"),
    QT_TRANSLATE_NOOP("Words", "工作人员作风"),
    QT_TRANSLATE_NOOP("Words", "政策原因"),
    # 分级: domain.tickets.TIER_LABELS
    QT_TRANSLATE_NOOP("Words", "当场解决"),
    QT_TRANSLATE_NOOP("Words", "复杂问题（5 个工作日）"),
    QT_TRANSLATE_NOOP("Words", "特殊问题（10 个工作日）"),
    QT_TRANSLATE_NOOP("Words", "提级（营商环境办）"),
    # 派发: domain.tickets.DispatchTo
    QT_TRANSLATE_NOOP("Words", "部门后台"),
    QT_TRANSLATE_NOOP("Words", "人员"),
    # 不予受理事项: domain.tickets.ExcludedMatter
    QT_TRANSLATE_NOOP("Words", "涉诉"),
    QT_TRANSLATE_NOOP("Words", "涉法（行政复议）"),
    QT_TRANSLATE_NOOP("Words", "涉访"),
    # 回访: domain.tickets.Callback
    # 核查结论: domain.tickets.FINDING_LABELS
    QT_TRANSLATE_NOOP("Words", "属实"),
    QT_TRANSLATE_NOOP("Words", "部分属实"),
    QT_TRANSLATE_NOOP("Words", "不属实"),
    # 答复方式: domain.tickets.AnswerMethod
    QT_TRANSLATE_NOOP("Words", "当面"),
    QT_TRANSLATE_NOOP("Words", "书面"),
    QT_TRANSLATE_NOOP("Words", "短信"),
    QT_TRANSLATE_NOOP("Words", "12345 平台回复"),
    # 工单状态: domain.tickets.STATE_LABELS
    QT_TRANSLATE_NOOP("Words", "已登记"),
    QT_TRANSLATE_NOOP("Words", "已分析原因"),
    QT_TRANSLATE_NOOP("Words", "已派发"),
    QT_TRANSLATE_NOOP("Words", "暂停（等待反映人）"),
    QT_TRANSLATE_NOOP("Words", "已答复，待核查"),
    QT_TRANSLATE_NOOP("Words", "已核查"),
    QT_TRANSLATE_NOOP("Words", "已归档"),
    # 工单环节: domain.tickets.STEP_LABELS
    QT_TRANSLATE_NOOP("Words", "登记"),
    QT_TRANSLATE_NOOP("Words", "分析原因"),
    QT_TRANSLATE_NOOP("Words", "派发工单"),
    QT_TRANSLATE_NOOP("Words", "办理进展"),
    QT_TRANSLATE_NOOP("Words", "恢复办理"),
    QT_TRANSLATE_NOOP("Words", "答复"),
    QT_TRANSLATE_NOOP("Words", "结果核查"),
    QT_TRANSLATE_NOOP("Words", "核查不通过（退回办理）"),
    QT_TRANSLATE_NOOP("Words", "监督检查"),
    QT_TRANSLATE_NOOP("Words", "归档"),
    QT_TRANSLATE_NOOP("Words", "延期"),
    QT_TRANSLATE_NOOP("Words", "重开"),
    # 会议: domain.meetings.KIND_LABELS
    QT_TRANSLATE_NOOP("Words", "晨会"),
    QT_TRANSLATE_NOOP("Words", "夕会"),
    QT_TRANSLATE_NOOP("Words", "周例会"),
    QT_TRANSLATE_NOOP("Words", "月度例会"),
    QT_TRANSLATE_NOOP("Words", "专题会议"),
    # 出勤: domain.meetings.ATTENDANCE_LABELS
    QT_TRANSLATE_NOOP("Words", "出席"),
    QT_TRANSLATE_NOOP("Words", "迟到"),
    QT_TRANSLATE_NOOP("Words", "请假"),
    QT_TRANSLATE_NOOP("Words", "代会"),
    QT_TRANSLATE_NOOP("Words", "缺席"),
    # 巡查类别: domain.inspections.GROUP_LABELS
    QT_TRANSLATE_NOOP("Words", "服务环境"),
    QT_TRANSLATE_NOOP("Words", "行为规范"),
    QT_TRANSLATE_NOOP("Words", "服务标准"),
    QT_TRANSLATE_NOOP("Words", "服务效率"),
    # 严重程度: domain.inspections.SEVERITY_LABELS
    QT_TRANSLATE_NOOP("Words", "一般"),
    QT_TRANSLATE_NOOP("Words", "较重"),
    QT_TRANSLATE_NOOP("Words", "严重"),
    # 问题状态: domain.inspections.FindingState
    QT_TRANSLATE_NOOP("Words", "待整改"),
    QT_TRANSLATE_NOOP("Words", "已整改待复查"),
    QT_TRANSLATE_NOOP("Words", "复查通过"),
    # 问题处理: domain.inspections.Escalation
    QT_TRANSLATE_NOOP("Words", "提醒"),
    QT_TRANSLATE_NOOP("Words", "调岗建议"),
    QT_TRANSLATE_NOOP("Words", "约谈"),
    # 考评依据: domain.evaluation.EVIDENCE_LABELS
    QT_TRANSLATE_NOOP("Words", "业务办理量"),
    QT_TRANSLATE_NOOP("Words", "投诉属实"),
    QT_TRANSLATE_NOOP("Words", "差评经复核维持"),
    QT_TRANSLATE_NOOP("Words", "办件超期办结"),
    QT_TRANSLATE_NOOP("Words", "巡查问题（一般）"),
    QT_TRANSLATE_NOOP("Words", "巡查问题（较重）"),
    QT_TRANSLATE_NOOP("Words", "巡查问题（严重）"),
    QT_TRANSLATE_NOOP("Words", "会议缺席"),
    QT_TRANSLATE_NOOP("Words", "会议迟到"),
    QT_TRANSLATE_NOOP("Words", "人工调整"),
    # 考评表状态: domain.evaluation.SheetState
    QT_TRANSLATE_NOOP("Words", "草稿"),
    QT_TRANSLATE_NOOP("Words", "已审核"),
    QT_TRANSLATE_NOOP("Words", "已发布待确认"),
    QT_TRANSLATE_NOOP("Words", "本人已确认"),
    QT_TRANSLATE_NOOP("Words", "本人有异议"),
    # 通知书: services.notice_history.NOTICE_TITLES (the printed notice stays Chinese)
    QT_TRANSLATE_NOOP("Words", "受理通知书"),
    QT_TRANSLATE_NOOP("Words", "办结回执"),
    QT_TRANSLATE_NOOP("Words", "容缺受理通知书"),
    QT_TRANSLATE_NOOP("Words", "一次性告知书"),
    QT_TRANSLATE_NOOP("Words", "不予受理通知书"),
    # 所在位置: domain.stations.station_label (the other stations are windows and departments)
    QT_TRANSLATE_NOOP("Words", "受理窗口"),
    QT_TRANSLATE_NOOP("Words", "出件窗口"),
    QT_TRANSLATE_NOOP("Words", "申请人"),
    # 冲突字段: sync.conflicts.LABELS
    QT_TRANSLATE_NOOP("Words", "联系电话"),
    QT_TRANSLATE_NOOP("Words", "地址"),
    QT_TRANSLATE_NOOP("Words", "名称"),
    QT_TRANSLATE_NOOP("Words", "法定代表人"),
    QT_TRANSLATE_NOOP("Words", "联系人"),
)


def word(label: str) -> str:
    """`label` (a core label, as stored or as the core names it) for display."""
    return QCoreApplication.translate("Words", label) if label else label


def words(labels: Iterable[str]) -> str:
    """Several labels for display, joined as the window's language lists them."""
    return list_separator().join(word(label) for label in labels)


def list_separator() -> str:
    # "、" in Chinese, ", " in English: the catalog holds the separator too.
    return QCoreApplication.translate("Words", "、")


def comma() -> str:
    """Between the parts of a figures line ("满意 4，不满意 1")."""
    return QCoreApplication.translate("Words", "，")


def ratio(share: Rate) -> str:
    """A rate with its base, as Share.text says it ("4.0%（8/200）"); "—" when nothing counted."""
    if share.denominator <= 0:
        return share.text
    return QCoreApplication.translate("Words", "{percent}（{n}/{d}）").format(
        percent=share.percent, n=share.numerator, d=share.denominator
    )
