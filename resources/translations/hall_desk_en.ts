<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>Application</name>
    <message>
        <location filename="../../hall_desk/ui/language.py" line="98"/>
        <source>政务服务中心前台</source>
        <translation>Government Service Center Front Desk</translation>
    </message>
</context>
<context>
    <name>BoardPanel</name>
    <message>
        <location filename="../../hall_desk/ui/routing_workspace.py" line="423"/>
        <source>只看超期和临近期限(&amp;F)</source>
        <translation>Only overdue and near-deadline (&amp;F)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/routing_workspace.py" line="425"/>
        <source>审批部门(&amp;D)：</source>
        <translation>Approving &amp;department:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/routing_workspace.py" line="428"/>
        <source>按审批部门筛选</source>
        <translation>Filter by approving department</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/routing_workspace.py" line="429"/>
        <source>全部部门</source>
        <translation>All departments</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/routing_workspace.py" line="433"/>
        <source>刷新(&amp;R)</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/routing_workspace.py" line="455"/>
        <source>材料袋位置</source>
        <translation>Folder location</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/routing_workspace.py" line="520"/>
        <source>共 {n} 件在途：已超期 {overdue} 件，临近期限 {near} 件</source>
        <translation>{n} cases in progress: {overdue} overdue, {near} near deadline</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/routing_workspace.py" line="524"/>
        <source>{department}的办件：</source>
        <translation>Cases at {department}:</translation>
    </message>
</context>
<context>
    <name>CaseView</name>
    <message>
        <location filename="../../hall_desk/ui/case_view.py" line="50"/>
        <source>办件查看</source>
        <translation>Case View</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/case_view.py" line="97"/>
        <source>♿ 帮您办：{kinds}</source>
        <translation>♿ Help-Desk: {kinds}</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/case_view.py" line="99"/>
        <source>♿ 帮您办</source>
        <translation>♿ Help-Desk</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/case_view.py" line="101"/>
        <source>（{mode}）</source>
        <translation> ({mode})</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/case_view.py" line="105"/>
        <source>，帮办人 {helper}</source>
        <translation>, helper {helper}</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/case_view.py" line="143"/>
        <source>材料袋位置：</source>
        <translation>Folder location:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/case_view.py" line="147"/>
        <source>材料袋位置</source>
        <translation>Folder location</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/case_view.py" line="185"/>
        <source>办件 {case_no}</source>
        <translation>Case {case_no}</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/case_view.py" line="189"/>
        <source>{item}（{department}）</source>
        <translation>{item} ({department})</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/case_view.py" line="195"/>
        <source>主办：{lead}；协办：{others}</source>
        <translation>Lead: {lead}; assisting: {others}</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/case_view.py" line="200"/>
        <source>单位</source>
        <translation>Organization</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/case_view.py" line="200"/>
        <source>个人</source>
        <translation>Individual</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/case_view.py" line="202"/>
        <source>；代理人 {name}（{id}）</source>
        <translation>; agent {name} ({id})</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/case_view.py" line="207"/>
        <source>{name}（{kind}）{agent}</source>
        <translation>{name} ({kind}){agent}</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/case_view.py" line="218"/>
        <source>—（未受理或已结束）</source>
        <translation>— (not accepted or already closed)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/case_view.py" line="220"/>
        <source>已办结，待出件</source>
        <translation>Completed, awaiting delivery</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/case_view.py" line="225"/>
        <source>{due}　{mark}</source>
        <translation>{due}  {mark}</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/case_view.py" line="242"/>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/case_view.py" line="261"/>
        <source>材料流转记录</source>
        <translation>Routing history</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/case_view.py" line="265"/>
        <source>材料流转(&amp;J)</source>
        <translation>Routing (&amp;J)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/case_view.py" line="280"/>
        <source>{station}，已停留 {dwell}；接收人 {receiver}</source>
        <translation>{station}, here for {dwell}; received by {receiver}</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/case_view.py" line="290"/>
        <source>材料袋现在：{station}</source>
        <translation>Folder now at: {station}</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/case_view.py" line="294"/>
        <source>材料袋最后在：{station}（{state}），共经过 {n} 处</source>
        <translation>Folder last at: {station} ({state}), {n} stops in total</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/case_view.py" line="302"/>
        <source>材料袋现在：{station}，已停留 {dwell}；接收人 {receiver}</source>
        <translation>Folder now at: {station}, here for {dwell}; received by {receiver}</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/case_view.py" line="311"/>
        <source>特别程序（暂停计时）</source>
        <translation>Special procedure (clock paused)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/case_view.py" line="320"/>
        <source>特别程序</source>
        <translation>Special procedure</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/case_view.py" line="323"/>
        <source>程序(&amp;G)：</source>
        <translation>Procedure (&amp;G):</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/case_view.py" line="327"/>
        <source>暂停原因</source>
        <translation>Pause reason</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/case_view.py" line="328"/>
        <source>必填，如：送检机构、鉴定事项、听证安排</source>
        <translation>Required, e.g. testing agency, appraisal matter, hearing schedule</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/case_view.py" line="330"/>
        <source>原因(&amp;W)：</source>
        <translation>Reason (&amp;W):</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/case_view.py" line="332"/>
        <source>暂停计时(&amp;T)</source>
        <translation>Pause &amp;timer</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/case_view.py" line="334"/>
        <source>恢复计时(&amp;U)</source>
        <translation>Resume timer (&amp;U)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/case_view.py" line="368"/>
        <source>⏸ 自 {day} 起暂停计时：{reason}</source>
        <translation>⏸ Clock paused since {day}: {reason}</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/case_view.py" line="373"/>
        <source>计时进行中</source>
        <translation>Clock running</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/case_view.py" line="376"/>
        <source>办件当前状态为「{state}」，计时未在进行</source>
        <translation>Case status is "{state}"; the clock is not running</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/case_view.py" line="416"/>
        <source>已恢复计时，办结期限顺延至 {due}</source>
        <translation>Clock resumed; deadline extended to {due}</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/case_view.py" line="440"/>
        <source>已显示（已记录）</source>
        <translation>Shown (logged)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/case_view.py" line="446"/>
        <source>通知书(&amp;O)：</source>
        <translation>N&amp;otice:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/case_view.py" line="449"/>
        <source>要补打的通知书</source>
        <translation>Notice to reprint</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/case_view.py" line="451"/>
        <source>补打通知书(&amp;R)…</source>
        <translation>&amp;Reprint notice…</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/case_view.py" line="464"/>
        <source>{title}（{day}）</source>
        <translation>{title} ({day})</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/case_view.py" line="489"/>
        <source>{title} {case_no}</source>
        <translation>{title} {case_no}</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/case_view.py" line="509"/>
        <source>办件信息单 {case_no}</source>
        <translation>Case information sheet {case_no}</translation>
    </message>
</context>
<context>
    <name>CaseViewForm</name>
    <message>
        <location filename="../../forms/case_view.ui" line="8"/>
        <source>pageTitle</source>
        <translation>pageTitle</translation>
    </message>
    <message>
        <location filename="../../forms/case_view.ui" line="14"/>
        <source>受理编号：</source>
        <translation>Intake no.:</translation>
    </message>
    <message>
        <location filename="../../forms/case_view.ui" line="20"/>
        <source>受理编号</source>
        <translation>Intake no.</translation>
    </message>
    <message>
        <location filename="../../forms/case_view.ui" line="24"/>
        <source>办理事项：</source>
        <translation>Service item:</translation>
    </message>
    <message>
        <location filename="../../forms/case_view.ui" line="30"/>
        <source>办理事项</source>
        <translation>Service item</translation>
    </message>
    <message>
        <location filename="../../forms/case_view.ui" line="34"/>
        <source>申请人：</source>
        <translation>Applicant:</translation>
    </message>
    <message>
        <location filename="../../forms/case_view.ui" line="40"/>
        <source>申请人</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../forms/case_view.ui" line="44"/>
        <source>证件号码：</source>
        <translation>ID number:</translation>
    </message>
    <message>
        <location filename="../../forms/case_view.ui" line="50"/>
        <source>证件号码</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../forms/case_view.ui" line="54"/>
        <location filename="../../forms/case_view.ui" line="68"/>
        <source>显示完整号码</source>
        <translation>Show full number</translation>
    </message>
    <message>
        <location filename="../../forms/case_view.ui" line="55"/>
        <source>显示完整证件号码</source>
        <translation>Show full ID number</translation>
    </message>
    <message>
        <location filename="../../forms/case_view.ui" line="58"/>
        <source>联系电话：</source>
        <translation>Phone:</translation>
    </message>
    <message>
        <location filename="../../forms/case_view.ui" line="64"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../forms/case_view.ui" line="69"/>
        <source>显示完整联系电话</source>
        <translation>Show full phone number</translation>
    </message>
    <message>
        <location filename="../../forms/case_view.ui" line="72"/>
        <source>办件状态：</source>
        <translation>Case status:</translation>
    </message>
    <message>
        <location filename="../../forms/case_view.ui" line="78"/>
        <source>办件状态</source>
        <translation>Case status</translation>
    </message>
    <message>
        <location filename="../../forms/case_view.ui" line="82"/>
        <source>办结期限：</source>
        <translation>Completion deadline:</translation>
    </message>
    <message>
        <location filename="../../forms/case_view.ui" line="88"/>
        <source>办结期限</source>
        <translation>Completion deadline</translation>
    </message>
    <message>
        <location filename="../../forms/case_view.ui" line="92"/>
        <source>绿色通道：</source>
        <translation>Green channel:</translation>
    </message>
    <message>
        <location filename="../../forms/case_view.ui" line="98"/>
        <source>绿色通道</source>
        <translation>Green channel</translation>
    </message>
    <message>
        <location filename="../../forms/case_view.ui" line="109"/>
        <location filename="../../forms/case_view.ui" line="111"/>
        <source>申请材料</source>
        <translation>Application materials</translation>
    </message>
    <message>
        <location filename="../../forms/case_view.ui" line="115"/>
        <location filename="../../forms/case_view.ui" line="117"/>
        <source>办理过程</source>
        <translation>Processing history</translation>
    </message>
    <message>
        <location filename="../../forms/case_view.ui" line="125"/>
        <source>打印办件信息(&amp;P)…</source>
        <translation>&amp;Print case information…</translation>
    </message>
    <message>
        <location filename="../../forms/case_view.ui" line="126"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../hall_desk/ui/password_dialog.py" line="82"/>
        <source>修改密码 — {name}</source>
        <translation>Change password — {name}</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/password_dialog.py" line="84"/>
        <source>原密码(&amp;O)：</source>
        <translation>&amp;Old password:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/password_dialog.py" line="84"/>
        <source>原密码</source>
        <translation>Old password</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/password_dialog.py" line="85"/>
        <source>新密码(&amp;N)：</source>
        <translation>&amp;New password:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/password_dialog.py" line="85"/>
        <source>新密码</source>
        <translation>New password</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/password_dialog.py" line="86"/>
        <source>确认新密码(&amp;C)：</source>
        <translation>&amp;Confirm new password:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/password_dialog.py" line="86"/>
        <source>确认新密码</source>
        <translation>Confirm new password</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/password_dialog.py" line="88"/>
        <source>修改</source>
        <translation>Change</translation>
    </message>
</context>
<context>
    <name>ChecklistDialog</name>
    <message>
        <location filename="../../hall_desk/ui/checklist_dialog.py" line="30"/>
        <source>巡查清单</source>
        <translation>Inspection checklist</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/checklist_dialog.py" line="32"/>
        <source>每行一个检查项；四组各至少一项。</source>
        <translation>One check item per line; at least one item in each of the four groups.</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/checklist_dialog.py" line="51"/>
        <source>保存(&amp;S)</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/checklist_dialog.py" line="53"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <location filename="../../hall_desk/ui/sync_conflicts.py" line="51"/>
        <location filename="../../hall_desk/ui/sync_conflicts.py" line="65"/>
        <source>同步冲突</source>
        <translation>Sync conflicts</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/sync_conflicts.py" line="57"/>
        <source>以下办件在不同工作站上被同时办理了不能同时成立的步骤，或申请人信息被两个窗口在互不知情时改成了不同的值。请核实后写明处理结果；申请人信息须选定保留哪一个值。</source>
        <translation>The cases below had incompatible steps performed at the same time on different workstations, or their applicant details were changed to different values by two windows unaware of each other. Please verify and record the resolution; for applicant details, choose which value to keep.</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/sync_conflicts.py" line="72"/>
        <source>没有待处理的冲突</source>
        <translation>No pending conflicts</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/sync_conflicts.py" line="77"/>
        <source>保留(&amp;K)：</source>
        <translation>&amp;Keep:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/sync_conflicts.py" line="80"/>
        <source>保留哪一个值</source>
        <translation>Which value to keep</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/sync_conflicts.py" line="82"/>
        <source>查看完整值(&amp;V)</source>
        <translation>&amp;View full value</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/sync_conflicts.py" line="95"/>
        <source>处理结果(&amp;N)：</source>
        <translation>Resolutio&amp;n:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/sync_conflicts.py" line="98"/>
        <source>处理结果</source>
        <translation>Resolution</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/sync_conflicts.py" line="100"/>
        <source>标记为已处理(&amp;R)</source>
        <translation>Mark as &amp;resolved</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/sync_conflicts.py" line="146"/>
        <source>请先选择一条申请人信息冲突</source>
        <translation>Please select an applicant-details conflict first</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/sync_conflicts.py" line="164"/>
        <source>请先选择一条冲突</source>
        <translation>Please select a conflict first</translation>
    </message>
</context>
<context>
    <name>ConsultWorkspace</name>
    <message>
        <location filename="../../hall_desk/ui/consult_workspace.py" line="98"/>
        <source>咨询登记</source>
        <translation>Consultation log</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/consult_workspace.py" line="101"/>
        <source>常用主题（Alt+1…9 直接填入）：</source>
        <translation>Common topics (Alt+1…9 to fill in):</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/consult_workspace.py" line="123"/>
        <source>咨询内容，或输入事项名称/拼音首字母后从下方选择</source>
        <translation>Consultation content, or type an item name/pinyin initials and pick below</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/consult_workspace.py" line="124"/>
        <source>咨询内容(&amp;Q)：</source>
        <translation>&amp;Question:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/consult_workspace.py" line="62"/>
        <location filename="../../hall_desk/ui/consult_workspace.py" line="124"/>
        <source>咨询内容</source>
        <translation>Consultation content</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/consult_workspace.py" line="63"/>
        <source>渠道</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/consult_workspace.py" line="64"/>
        <source>处理结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/consult_workspace.py" line="65"/>
        <source>引导窗口</source>
        <translation>Referred window</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/consult_workspace.py" line="66"/>
        <source>咨询人</source>
        <translation>Inquirer</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/consult_workspace.py" line="67"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/consult_workspace.py" line="127"/>
        <source>相关事项</source>
        <translation>Related item</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/consult_workspace.py" line="132"/>
        <source>渠道：</source>
        <translation>Channel:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/consult_workspace.py" line="141"/>
        <source>处理结果：</source>
        <translation>Outcome:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/consult_workspace.py" line="149"/>
        <source>引导到的窗口：</source>
        <translation>Referred to window:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/consult_workspace.py" line="149"/>
        <source>引导到的窗口</source>
        <translation>Referred to window</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/consult_workspace.py" line="153"/>
        <source>咨询人（可不填）：</source>
        <translation>Inquirer (optional):</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/consult_workspace.py" line="155"/>
        <source>咨询人姓名</source>
        <translation>Inquirer name</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/consult_workspace.py" line="158"/>
        <source>联系电话（可不填）：</source>
        <translation>Phone (optional):</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/consult_workspace.py" line="158"/>
        <source>咨询人联系电话</source>
        <translation>Inquirer phone</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/consult_workspace.py" line="160"/>
        <source>备注：</source>
        <translation>Notes:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/consult_workspace.py" line="68"/>
        <location filename="../../hall_desk/ui/consult_workspace.py" line="160"/>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/consult_workspace.py" line="134"/>
        <source>现场(&amp;X)</source>
        <translation>In person (&amp;X)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/consult_workspace.py" line="135"/>
        <source>电话(&amp;D)</source>
        <translation>Phone (&amp;D)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/consult_workspace.py" line="136"/>
        <source>其他(&amp;E)</source>
        <translation>Oth&amp;er</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/consult_workspace.py" line="143"/>
        <source>已解答(&amp;J)</source>
        <translation>Answered (&amp;J)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/consult_workspace.py" line="144"/>
        <source>引导至窗口(&amp;Y)</source>
        <translation>Refer to window (&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/consult_workspace.py" line="145"/>
        <source>转入受理(&amp;Z)</source>
        <translation>Convert to intake (&amp;Z)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/consult_workspace.py" line="162"/>
        <source>登记(&amp;S)  Ctrl+Enter</source>
        <translation>Log (&amp;S)  Ctrl+Enter</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/consult_workspace.py" line="194"/>
        <source>更正所选(&amp;G)…</source>
        <translation>Correct selected (&amp;G)…</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/consult_workspace.py" line="200"/>
        <source>今日咨询</source>
        <translation>Today's consultations</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/consult_workspace.py" line="215"/>
        <source>今日咨询（全部，{n} 条）</source>
        <translation>Today's consultations (all, {n})</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/consult_workspace.py" line="217"/>
        <source>本人今日咨询（{n} 条）</source>
        <translation>My consultations today ({n})</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/consult_workspace.py" line="219"/>
        <source>，选中后按回车更正：</source>
        <translation>; select one and press Enter to correct:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/consult_workspace.py" line="227"/>
        <source>⚠ 请先在列表中选择一条咨询</source>
        <translation>⚠ Please select a consultation in the list first</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/consult_workspace.py" line="246"/>
        <source>已更正 {time} 的咨询：{fields}</source>
        <translation>Corrected the {time} consultation: {fields}</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/consult_workspace.py" line="346"/>
        <source>已登记：{topic}</source>
        <translation>Logged: {topic}</translation>
    </message>
</context>
<context>
    <name>CorrectConsultationDialog</name>
    <message>
        <location filename="../../hall_desk/ui/consult_correction.py" line="47"/>
        <source>更正咨询登记 — {time} {topic}</source>
        <translation>Correct consultation — {time} {topic}</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/consult_correction.py" line="68"/>
        <source>咨询内容(&amp;Q)：</source>
        <translation>&amp;Question:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/consult_correction.py" line="68"/>
        <source>咨询内容</source>
        <translation>Consultation content</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/consult_correction.py" line="73"/>
        <source>渠道(&amp;D)：</source>
        <translation>Channel (&amp;D):</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/consult_correction.py" line="73"/>
        <source>咨询渠道</source>
        <translation>Consultation channel</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/consult_correction.py" line="78"/>
        <source>处理结果(&amp;J)：</source>
        <translation>Outcome (&amp;J):</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/consult_correction.py" line="78"/>
        <source>处理结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/consult_correction.py" line="82"/>
        <source>引导到的窗口(&amp;Y)：</source>
        <translation>Referred to window (&amp;Y):</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/consult_correction.py" line="84"/>
        <source>引导到的窗口</source>
        <translation>Referred to window</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/consult_correction.py" line="87"/>
        <source>咨询人(&amp;M)：</source>
        <translation>Inquirer (&amp;M):</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/consult_correction.py" line="87"/>
        <source>咨询人姓名</source>
        <translation>Inquirer name</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/consult_correction.py" line="90"/>
        <source>不修改（现为 {masked}）</source>
        <translation>Unchanged (currently {masked})</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/consult_correction.py" line="92"/>
        <source>未登记电话</source>
        <translation>No phone on record</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/consult_correction.py" line="94"/>
        <source>联系电话(&amp;P)：</source>
        <translation>&amp;Phone:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/consult_correction.py" line="94"/>
        <source>咨询人联系电话</source>
        <translation>Inquirer phone</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/consult_correction.py" line="96"/>
        <source>备注(&amp;B)：</source>
        <translation>Notes (&amp;B):</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/consult_correction.py" line="96"/>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/consult_correction.py" line="98"/>
        <source>如：渠道登记错了，是电话咨询</source>
        <translation>e.g. wrong channel logged; it was a phone inquiry</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/consult_correction.py" line="99"/>
        <source>更正原因(&amp;R)：</source>
        <translation>Correction &amp;reason:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/consult_correction.py" line="99"/>
        <source>更正原因</source>
        <translation>Correction reason</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/consult_correction.py" line="107"/>
        <source>保存更正</source>
        <translation>Save correction</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/consult_correction.py" line="109"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>Deadline</name>
    <message>
        <location filename="../../hall_desk/ui/time_words.py" line="21"/>
        <source>已超期 {n} 个工作日</source>
        <translation>Overdue by {n} working days</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/time_words.py" line="22"/>
        <source>临近期限：剩余 {n} 个工作日</source>
        <translation>Nearing deadline: {n} working days left</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/time_words.py" line="23"/>
        <source>剩余 {n} 个工作日</source>
        <translation>{n} working days left</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/time_words.py" line="24"/>
        <source>已超期（{date} 到期）</source>
        <translation>Overdue (due {date})</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/time_words.py" line="25"/>
        <source>计时暂停（自 {date}）</source>
        <translation>Clock paused (since {date})</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/time_words.py" line="26"/>
        <source>今日到期</source>
        <translation>Due today</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/time_words.py" line="27"/>
        <source>补正中，尚未起算</source>
        <translation>Awaiting supplement, clock not started</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/time_words.py" line="28"/>
        <source>计时暂停（等待反映人）</source>
        <translation>Clock paused (waiting for the reporter)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/time_words.py" line="29"/>
        <source>已提级，由营商环境办督办</source>
        <translation>Escalated, supervised by the business environment office</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/time_words.py" line="30"/>
        <source>无办理期限</source>
        <translation>No handling deadline</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/time_words.py" line="44"/>
        <source>（估算）</source>
        <translation> (estimated)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/time_words.py" line="44"/>
        <source>（曾超期）</source>
        <translation> (was overdue)</translation>
    </message>
</context>
<context>
    <name>DeliveryWorkspace</name>
    <message>
        <location filename="../../hall_desk/ui/delivery_workspace.py" line="65"/>
        <source>查找待出件(&amp;F)：</source>
        <translation>&amp;Find pending delivery:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/delivery_workspace.py" line="66"/>
        <source>查找待出件</source>
        <translation>Find pending delivery</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/delivery_workspace.py" line="67"/>
        <source>受理编号、条码、证件号码、电话或姓名</source>
        <translation>Intake no., barcode, ID number, phone or name</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/delivery_workspace.py" line="73"/>
        <source>待出件</source>
        <translation>Pending delivery</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/delivery_workspace.py" line="80"/>
        <source>本人领取</source>
        <translation>Collected in person</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/delivery_workspace.py" line="81"/>
        <source>代领</source>
        <translation>Collected by proxy</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/delivery_workspace.py" line="82"/>
        <source>邮寄</source>
        <translation>Mail</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/delivery_workspace.py" line="83"/>
        <source>邮件退回</source>
        <translation>Mail returned</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/delivery_workspace.py" line="86"/>
        <source>打印签收单(&amp;P)…</source>
        <translation>&amp;Print receipt…</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/delivery_workspace.py" line="117"/>
        <source>申请人出示的证件号码</source>
        <translation>ID number shown by applicant</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/delivery_workspace.py" line="118"/>
        <source>出示的证件号码(&amp;I)：</source>
        <translation>&amp;ID number shown:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/delivery_workspace.py" line="119"/>
        <source>核验并出件(&amp;O)</source>
        <translation>Verify and deliver (&amp;O)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/delivery_workspace.py" line="129"/>
        <source>代领人姓名</source>
        <translation>Proxy name</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/delivery_workspace.py" line="130"/>
        <source>代领人身份证号码</source>
        <translation>Proxy ID number</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/delivery_workspace.py" line="131"/>
        <source>授权依据</source>
        <translation>Authorization basis</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/delivery_workspace.py" line="132"/>
        <source>如：授权委托书（申请人签字）</source>
        <translation>e.g. power of attorney (signed by applicant)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/delivery_workspace.py" line="133"/>
        <source>代领人姓名：</source>
        <translation>Proxy name:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/delivery_workspace.py" line="134"/>
        <source>代领人身份证号：</source>
        <translation>Proxy ID number:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/delivery_workspace.py" line="135"/>
        <source>授权依据：</source>
        <translation>Authorization basis:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/delivery_workspace.py" line="136"/>
        <source>代领出件</source>
        <translation>Deliver to proxy</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/delivery_workspace.py" line="145"/>
        <source>收件人</source>
        <translation>Recipient</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/delivery_workspace.py" line="146"/>
        <source>收件人电话</source>
        <translation>Recipient phone</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/delivery_workspace.py" line="147"/>
        <source>收件地址</source>
        <translation>Delivery address</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/delivery_workspace.py" line="150"/>
        <source>快递公司</source>
        <translation>Courier</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/delivery_workspace.py" line="152"/>
        <source>中国邮政 EMS</source>
        <translation>China Post EMS</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/delivery_workspace.py" line="153"/>
        <source>顺丰速运</source>
        <translation>SF Express</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/delivery_workspace.py" line="154"/>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/delivery_workspace.py" line="157"/>
        <source>运单号</source>
        <translation>Tracking no.</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/delivery_workspace.py" line="158"/>
        <source>调出申请人信息</source>
        <translation>Fill from applicant details</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/delivery_workspace.py" line="163"/>
        <source>收件人：</source>
        <translation>Recipient:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/delivery_workspace.py" line="164"/>
        <source>电话：</source>
        <translation>Phone:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/delivery_workspace.py" line="165"/>
        <source>地址：</source>
        <translation>Address:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/delivery_workspace.py" line="166"/>
        <source>快递：</source>
        <translation>Courier:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/delivery_workspace.py" line="167"/>
        <source>运单号：</source>
        <translation>Tracking no.:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/delivery_workspace.py" line="168"/>
        <source>登记邮寄(&amp;M)</source>
        <translation>Register &amp;mailing</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/delivery_workspace.py" line="177"/>
        <source>退回邮件的受理编号</source>
        <translation>Intake no. of returned mail</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/delivery_workspace.py" line="178"/>
        <source>退回原因</source>
        <translation>Return reason</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/delivery_workspace.py" line="179"/>
        <source>受理编号：</source>
        <translation>Intake no.:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/delivery_workspace.py" line="180"/>
        <source>退回原因：</source>
        <translation>Return reason:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/delivery_workspace.py" line="181"/>
        <source>登记退回</source>
        <translation>Register return</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/delivery_workspace.py" line="213"/>
        <source>（没有待出件的办件）</source>
        <translation>(No cases pending delivery)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/delivery_workspace.py" line="216"/>
        <source>；受理时代理人：{name}</source>
        <translation>; agent at intake: {name}</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/delivery_workspace.py" line="221"/>
        <source>{case_no}　{name}（{id}，{phone}）　{result}{agent}</source>
        <translation>{case_no}  {name} ({id}, {phone})  {result}{agent}</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/delivery_workspace.py" line="239"/>
        <source>请先在待出件中选择办件</source>
        <translation>Please select a case under Pending delivery first</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/delivery_workspace.py" line="259"/>
        <source>打印签收单（{case_no}）(&amp;P)…</source>
        <translation>&amp;Print receipt ({case_no})…</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/delivery_workspace.py" line="261"/>
        <source>已出件：{case_no}，{name}</source>
        <translation>Delivered: {case_no}, {name}</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/delivery_workspace.py" line="340"/>
        <source>已登记退回，办件回到待出件</source>
        <translation>Return registered; case is back in Pending delivery</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/delivery_workspace.py" line="352"/>
        <source>领取签收单 {case_no}</source>
        <translation>Collection receipt {case_no}</translation>
    </message>
</context>
<context>
    <name>DisplayWindow</name>
    <message>
        <location filename="../../hall_desk/ui/display.py" line="152"/>
        <source>叫号显示屏 — %1</source>
        <translation>Queue display — %1</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/display.py" line="163"/>
        <source>请留意叫号</source>
        <translation>Please watch for your number</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/display.py" line="165"/>
        <source>最新叫号</source>
        <translation>Now calling</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/display.py" line="209"/>
        <source>⚠ 暂时无法读取叫号信息：%1</source>
        <translation>⚠ Cannot read queue information right now: %1</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/display.py" line="222"/>
        <source>（绿色通道）</source>
        <translation> (green channel)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/display.py" line="224"/>
        <source>%1 号窗口：%2%3</source>
        <translation>Window %1: %2%3</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/display.py" line="238"/>
        <source>最近叫号：</source>
        <translation>Recent calls:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/display.py" line="242"/>
        <source>等候人数：</source>
        <translation>Waiting:</translation>
    </message>
</context>
<context>
    <name>Dwell</name>
    <message>
        <location filename="../../hall_desk/ui/time_words.py" line="64"/>
        <source>不足 1 分钟</source>
        <translation>under 1 minute</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/time_words.py" line="68"/>
        <source>{days} 天 {hours} 小时</source>
        <translation>{days} d {hours} h</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/time_words.py" line="72"/>
        <source>{days} 天</source>
        <translation>{days} d</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/time_words.py" line="74"/>
        <source>{hours} 小时 {mins} 分</source>
        <translation>{hours} h {mins} min</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/time_words.py" line="78"/>
        <source>{hours} 小时</source>
        <translation>{hours} h</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/time_words.py" line="79"/>
        <source>{mins} 分钟</source>
        <translation>{mins} min</translation>
    </message>
</context>
<context>
    <name>ErrorReporter</name>
    <message>
        <location filename="../../hall_desk/ui/errors.py" line="87"/>
        <location filename="../../hall_desk/ui/errors.py" line="114"/>
        <source>未处理的异常</source>
        <translation>Unhandled exception</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/errors.py" line="56"/>
        <source>程序遇到一个意外错误，刚才的操作可能没有完成，已保存的数据不受影响。
错误详情已记录在：{path}
请把这个文件交给系统管理员。</source>
        <translation>The program hit an unexpected error. The last action may not have finished; saved data is not affected.
Error details were written to: {path}
Please give this file to the system administrator.</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/errors.py" line="66"/>
        <source>出错了</source>
        <translation>Something went wrong</translation>
    </message>
</context>
<context>
    <name>EvaluationTab</name>
    <message>
        <location filename="../../hall_desk/ui/staff_evaluations.py" line="97"/>
        <source>考评月份(&amp;M)：</source>
        <translation>Evaluation &amp;month:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_evaluations.py" line="100"/>
        <source>考评月份</source>
        <translation>Evaluation month</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_evaluations.py" line="105"/>
        <source>按本月数据计算(&amp;C)</source>
        <translation>&amp;Calculate from this month's data</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_evaluations.py" line="107"/>
        <source>审核(&amp;R)</source>
        <translation>&amp;Review</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_evaluations.py" line="109"/>
        <source>发布(&amp;B)</source>
        <translation>Pu&amp;blish</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_evaluations.py" line="111"/>
        <source>打印考评表(&amp;P)</source>
        <translation>&amp;Print evaluation forms</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_evaluations.py" line="113"/>
        <source>打印汇总表(&amp;U)</source>
        <translation>Print s&amp;ummary</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_evaluations.py" line="128"/>
        <source>考评方案(&amp;E)…</source>
        <translation>Evaluation sch&amp;eme…</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_evaluations.py" line="136"/>
        <source>本月考评表</source>
        <translation>This month's evaluation forms</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_evaluations.py" line="146"/>
        <source>扣分与加分依据</source>
        <translation>Basis for deductions and bonuses</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_evaluations.py" line="149"/>
        <source>所选考评表的依据</source>
        <translation>Basis for the selected evaluation form</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_evaluations.py" line="154"/>
        <source>调整项目(&amp;I)：</source>
        <translation>Adjustment &amp;item:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_evaluations.py" line="158"/>
        <source>分值(&amp;N)：</source>
        <translation>Poi&amp;nts:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_evaluations.py" line="161"/>
        <source>理由(&amp;Y)：</source>
        <translation>Reason (&amp;Y):</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_evaluations.py" line="164"/>
        <source>依据编号（可空）：办件、工单或问题的编号</source>
        <translation>Reference no. (optional): case, ticket or issue number</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_evaluations.py" line="165"/>
        <source>依据：</source>
        <translation>Basis:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_evaluations.py" line="168"/>
        <source>人工调整 / 复核(&amp;A)</source>
        <translation>Manual &amp;adjustment / review</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_evaluations.py" line="175"/>
        <source>✓ 已审核 {n} 张考评表</source>
        <translation>✓ Reviewed {n} evaluation forms</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_evaluations.py" line="180"/>
        <source>✓ 已发布，本人应在 {n} 前确认</source>
        <translation>✓ Published; staff must confirm by {n}</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_evaluations.py" line="198"/>
        <source>✓ 已保存考评方案第 {v} 版：本月重新计算后按新版本计分</source>
        <translation>✓ Evaluation scheme version {v} saved: scores will use the new version when this month is recalculated</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_evaluations.py" line="228"/>
        <source>ⓘ 该项依据为本月业务数据统计或人工调整，没有单独的记录可打开</source>
        <translation>ⓘ This item is based on this month's statistics or a manual adjustment; there is no separate record to open</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_evaluations.py" line="270"/>
        <source>✓ 已按本月数据计算 {n} 张考评表</source>
        <translation>✓ Calculated {n} evaluation forms from this month's data</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_evaluations.py" line="289"/>
        <location filename="../../hall_desk/ui/staff_evaluations.py" line="345"/>
        <source>⚠ 请先选择一张考评表</source>
        <translation>⚠ Please select an evaluation form first</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_evaluations.py" line="317"/>
        <source>✓ 已调整，总分 {total}</source>
        <translation>✓ Adjusted, total {total}</translation>
    </message>
</context>
<context>
    <name>Forms</name>
    <message>
        <location filename="../../hall_desk/ui/forms.py" line="22"/>
        <source>缺少界面文件：{path}</source>
        <translation>UI file missing: {path}</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/forms.py" line="30"/>
        <source>界面文件无法解析：{path}</source>
        <translation>UI file cannot be parsed: {path}</translation>
    </message>
</context>
<context>
    <name>InspectionTab</name>
    <message>
        <location filename="../../hall_desk/ui/staff_inspections.py" line="70"/>
        <source>巡查时间(&amp;W)：</source>
        <translation>Inspection time (&amp;W):</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_inspections.py" line="80"/>
        <source>巡查人员：{name}</source>
        <translation>Inspector: {name}</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_inspections.py" line="85"/>
        <source>巡查人员(&amp;R)：</source>
        <translation>Inspecto&amp;r:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_inspections.py" line="95"/>
        <source>如：综合受理区、等候区</source>
        <translation>e.g. general intake area, waiting area</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_inspections.py" line="96"/>
        <source>巡查区域(&amp;E)：</source>
        <translation>Inspection ar&amp;ea:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_inspections.py" line="98"/>
        <source>如：综合窗口3（可空）</source>
        <translation>e.g. General Window 3 (optional)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_inspections.py" line="99"/>
        <source>窗口：</source>
        <translation>Window:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_inspections.py" line="101"/>
        <source>超过 3 天补录时填写</source>
        <translation>Required when entering more than 3 days late</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_inspections.py" line="102"/>
        <source>补录原因：</source>
        <translation>Late-entry reason:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_inspections.py" line="113"/>
        <source>保存巡查记录(&amp;S)</source>
        <translation>&amp;Save inspection record</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_inspections.py" line="115"/>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_inspections.py" line="116"/>
        <source>巡查清单(&amp;L)…</source>
        <translation>Inspection check&amp;list…</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_inspections.py" line="130"/>
        <source>巡查问题</source>
        <translation>Inspection issues</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_inspections.py" line="132"/>
        <source>未复查通过的问题(&amp;P)</source>
        <translation>Issues not yet &amp;passed review</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_inspections.py" line="135"/>
        <source>含已复查通过的问题(&amp;H)</source>
        <translation>Include issues that passed review (&amp;H)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_inspections.py" line="143"/>
        <source>整改情况或复查意见</source>
        <translation>Rectification status or review comments</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_inspections.py" line="144"/>
        <source>整改情况 / 复查意见</source>
        <translation>Rectification / review comments</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_inspections.py" line="146"/>
        <source>登记整改(&amp;G)</source>
        <translation>Log rectification (&amp;G)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_inspections.py" line="148"/>
        <source>复查通过(&amp;O)</source>
        <translation>Review passed (&amp;O)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_inspections.py" line="172"/>
        <source>（人员）</source>
        <translation>(Staff)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_inspections.py" line="183"/>
        <source>{item} 合格</source>
        <translation>{item} passed</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_inspections.py" line="185"/>
        <source>{item} 涉及人员</source>
        <translation>{item} staff involved</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_inspections.py" line="188"/>
        <source>（严重程度）</source>
        <translation>(Severity)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_inspections.py" line="190"/>
        <source>{item} 严重程度</source>
        <translation>{item} severity</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_inspections.py" line="194"/>
        <source>{item} 整改期限</source>
        <translation>{item} rectification deadline</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_inspections.py" line="197"/>
        <source>{item} 说明</source>
        <translation>{item} notes</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_inspections.py" line="198"/>
        <source>说明</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_inspections.py" line="235"/>
        <source>✓ 巡查清单已保存：共 {n} 项</source>
        <translation>✓ Inspection checklist saved: {n} items</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_inspections.py" line="274"/>
        <source>✓ 已保存巡查记录：不合格 {n} 项</source>
        <translation>✓ Inspection record saved: {n} items failed</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_inspections.py" line="287"/>
        <source>⚠ 请先在右侧选择一条问题</source>
        <translation>⚠ Please select an issue on the right first</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_inspections.py" line="303"/>
        <source>✓ 已登记整改</source>
        <translation>✓ Rectification logged</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_inspections.py" line="311"/>
        <source>✓ 复查通过</source>
        <translation>✓ Review passed</translation>
    </message>
</context>
<context>
    <name>IntakeForm</name>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="110"/>
        <source>① 申请事项</source>
        <translation>① Service items</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="113"/>
        <source>查找事项(&amp;F)：</source>
        <translation>&amp;Find item:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="116"/>
        <source>查找事项或一件事</source>
        <translation>Find an item or bundled service</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="118"/>
        <source>名称、事项编码或拼音首字母，如 gtgsh；回车加入</source>
        <translation>Name, item code or pinyin initials, e.g. gtgsh; Enter to add</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="126"/>
        <source>查找结果</source>
        <translation>Search results</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="134"/>
        <source>已选(&amp;L)（Delete 键移除）：</source>
        <translation>Se&amp;lected (Delete to remove):</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="137"/>
        <source>已选事项</source>
        <translation>Selected items</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="154"/>
        <source>一件事</source>
        <translation>Bundled service</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="171"/>
        <source>⚠ 本工作站还没有事项库：同步后即取得大厅的事项库，再查找事项</source>
        <translation>⚠ This workstation has no catalog yet: sync once to get the hall's catalog, then search for the item</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="174"/>
        <source>⚠ 没有找到「{text}」对应的事项</source>
        <translation>⚠ No item matches “{text}”</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="193"/>
        <source>一件事：</source>
        <translation>Bundled service:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="232"/>
        <source>② 申请人</source>
        <translation>② Applicant</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="248"/>
        <source>个人</source>
        <translation>Individual</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="249"/>
        <source>单位（统一社会信用代码）</source>
        <translation>Organization (unified social credit code)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="250"/>
        <source>申请人类型</source>
        <translation>Applicant type</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="250"/>
        <source>申请人类型(&amp;E)：</source>
        <translation>Applicant typ&amp;e:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="255"/>
        <source>证件类型：</source>
        <translation>ID type:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="255"/>
        <source>证件类型</source>
        <translation>ID type</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="257"/>
        <source>证件号码(&amp;I)：</source>
        <translation>&amp;ID number:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="257"/>
        <source>证件号码</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="262"/>
        <source>姓名/名称(&amp;M)：</source>
        <translation>Na&amp;me:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="262"/>
        <source>申请人姓名或单位名称</source>
        <translation>Applicant or organization name</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="264"/>
        <source>联系电话(&amp;P)：</source>
        <translation>&amp;Phone:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="264"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="266"/>
        <source>地址：</source>
        <translation>Address:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="266"/>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="269"/>
        <source>法定代表人：</source>
        <translation>Legal representative:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="269"/>
        <source>法定代表人</source>
        <translation>Legal representative</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="272"/>
        <source>联系人：</source>
        <translation>Contact person:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="272"/>
        <source>联系人</source>
        <translation>Contact person</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="273"/>
        <source>代理人代为办理(&amp;G)</source>
        <translation>Handled by an a&amp;gent</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="277"/>
        <source>代理人姓名：</source>
        <translation>Agent name:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="277"/>
        <source>代理人姓名</source>
        <translation>Agent name</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="281"/>
        <source>代理人身份证号：</source>
        <translation>Agent ID number:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="283"/>
        <source>代理人身份证号码</source>
        <translation>Agent ID number</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="315"/>
        <source>✓ 统一社会信用代码校验通过</source>
        <translation>✓ Unified social credit code is valid</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="326"/>
        <source>✓ 校验通过：{birth} 出生，{sex}，{age} 岁</source>
        <translation>✓ Valid: born {birth}, {sex}, age {age}</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="333"/>
        <source>；已满 60 周岁，建议走绿色通道（已勾选“老年人”，可取消）</source>
        <translation>; aged 60 or over, green channel suggested ("Senior" is checked; you can uncheck it)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="356"/>
        <source>；已调出既往登记信息，请核对</source>
        <translation>; previous registration details loaded, please verify</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="373"/>
        <source>③ 帮您办（绿色通道）</source>
        <translation>③ Help-Desk (green channel)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="377"/>
        <source>老年人</source>
        <translation>Senior</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="378"/>
        <source>残疾人</source>
        <translation>Person with disability</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="379"/>
        <source>孕妇</source>
        <translation>Pregnant</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="380"/>
        <source>伤病/行动不便</source>
        <translation>Ill/injured or limited mobility</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="381"/>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="390"/>
        <source>帮办方式</source>
        <translation>Assistance type</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="392"/>
        <source>全程帮办</source>
        <translation>Full assistance</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="393"/>
        <source>导办</source>
        <translation>Guided</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="394"/>
        <source>代办</source>
        <translation>Handled on behalf</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="395"/>
        <source>上门服务</source>
        <translation>Home visit</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="401"/>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="402"/>
        <source>帮办人</source>
        <translation>Helper</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="414"/>
        <source>④ 材料核对（空格键勾选已收取；F2 修改收取份数或填写补正要求）</source>
        <translation>④ Materials check (Space marks as received; F2 edits copies received or supplement requirement)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="424"/>
        <source>收取份数</source>
        <translation>Copies received</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="740"/>
        <source>打印通知书(&amp;Y)…</source>
        <translation>Print notice (&amp;Y)…</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="742"/>
        <source>查看办件(&amp;C)</source>
        <translation>View &amp;case</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="418"/>
        <source>材料清单</source>
        <translation>Materials list</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="421"/>
        <source>已收取</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="422"/>
        <source>材料名称</source>
        <translation>Material</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="423"/>
        <source>形式</source>
        <translation>Form</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="425"/>
        <source>要求</source>
        <translation>Requirement</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="426"/>
        <source>补正要求</source>
        <translation>Supplement requirement</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="430"/>
        <source>未收取材料的补正要求，印在一次性告知书上，如：须加盖公章的原件</source>
        <translation>Supplement requirement for materials not received, printed on the one-time notice, e.g. original bearing the official seal</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="452"/>
        <source>全部收取(&amp;A)</source>
        <translation>Receive &amp;all</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="496"/>
        <source>原件</source>
        <translation>Original</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="497"/>
        <source>复印件</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="498"/>
        <source>原件和复印件</source>
        <translation>Original and copy</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="500"/>
        <source>必要</source>
        <translation>Required</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="500"/>
        <source>非必要</source>
        <translation>Optional</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="501"/>
        <source>，可容缺</source>
        <translation>, accept-with-gaps allowed</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="556"/>
        <source>⑤ 办理决定</source>
        <translation>⑤ Decision</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="560"/>
        <source>容缺承诺</source>
        <translation>Accept-with-gaps pledge</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="565"/>
        <source>容缺材料补齐期限</source>
        <translation>Deadline to provide missing materials</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="570"/>
        <source>补正期限</source>
        <translation>Supplement deadline</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="575"/>
        <source>不予受理理由</source>
        <translation>Reason for rejection</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="579"/>
        <source>容缺承诺：</source>
        <translation>Accept-with-gaps pledge:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="580"/>
        <source>容缺补齐期限：</source>
        <translation>Missing-materials deadline:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="581"/>
        <source>补正期限(&amp;Q)：</source>
        <translation>Supplement deadline (&amp;Q):</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="582"/>
        <source>不予受理理由：</source>
        <translation>Reason for rejection:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="594"/>
        <source>受理(&amp;S)  Ctrl+Enter</source>
        <translation>Accept (&amp;S)  Ctrl+Enter</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="595"/>
        <source>容缺受理(&amp;R)</source>
        <translation>Accept with gaps (&amp;R)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="596"/>
        <source>一次性告知补正(&amp;B)</source>
        <translation>One-time supplement notice (&amp;B)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="597"/>
        <source>不予受理(&amp;N)</source>
        <translation>Reject (&amp;N)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="598"/>
        <source>即办办结(&amp;J)</source>
        <translation>Complete as instant case (&amp;J)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="655"/>
        <source>再受理一件？</source>
        <translation>Accept another case?</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="657"/>
        <source>{when}已为该申请人受理同一事项：受理编号 {case_no}（{title}，{state}）。
确定要再受理一件新的办件吗？</source>
        <translation>{when} the same item was already accepted for this applicant: intake no. {case_no} ({title}, {state}).
Are you sure you want to accept a new case?</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="660"/>
        <source>{minutes} 分钟前</source>
        <translation>{minutes} minutes ago</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="662"/>
        <source>刚才</source>
        <translation>Just now</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="731"/>
        <source>办理结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="743"/>
        <source>下一位(&amp;X)</source>
        <translation>Ne&amp;xt</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="746"/>
        <source>打印材料袋标签(&amp;D)…</source>
        <translation>Print fol&amp;der label…</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="766"/>
        <source>已受理</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="767"/>
        <source>已容缺受理</source>
        <translation>Accepted with gaps</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="768"/>
        <source>已一次性告知补正</source>
        <translation>One-time supplement notice issued</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="769"/>
        <source>已不予受理</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="770"/>
        <source>已当场办结，待出件</source>
        <translation>Completed on the spot, awaiting delivery</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="772"/>
        <source>{decision}：受理编号 {case_no}</source>
        <translation>{decision}: intake no. {case_no}</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="777"/>
        <source>，办结期限 {due}</source>
        <translation>, deadline {due}</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="780"/>
        <source>；不予受理理由：{reason}</source>
        <translation>; reason for rejection: {reason}</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="782"/>
        <source>；待补材料：{names}</source>
        <translation>; materials to supplement: {names}</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="786"/>
        <source>。♿ 绿色通道</source>
        <translation>. ♿ Green channel</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="801"/>
        <source>材料袋标签 {case_no}</source>
        <translation>Folder label {case_no}</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="833"/>
        <source>由咨询转入受理：首问负责人为接待咨询的工作人员</source>
        <translation>Converted from consultation: the first-contact officer is the staff member who handled the consultation</translation>
    </message>
</context>
<context>
    <name>IntakeWorkspace</name>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="1029"/>
        <source>新受理</source>
        <translation>New intake</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="1031"/>
        <source>补正收件/容缺补齐</source>
        <translation>Supplements / missing materials</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="1033"/>
        <source>预审退回</source>
        <translation>Returned from pre-review</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <location filename="../../hall_desk/ui/kiosk.py" line="53"/>
        <source>取号机 — %1</source>
        <translation>Ticket kiosk — %1</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/kiosk.py" line="63"/>
        <source>请点选您要办理的业务</source>
        <translation>Please tap the service you need</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/kiosk.py" line="77"/>
        <source>需要帮助（老年人、残疾人、孕妇、伤病）</source>
        <translation>I need assistance (senior, disability, pregnancy, illness/injury)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/kiosk.py" line="107"/>
        <source>您的号码：%1</source>
        <translation>Your number: %1</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/kiosk.py" line="108"/>
        <source>%1　您前面还有 %2 人，预计等候约 %3 分钟</source>
        <translation>%1  %2 people ahead of you, estimated wait about %3 minutes</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/kiosk.py" line="114"/>
        <source>绿色通道：已通知帮您办工作人员，请在此稍候</source>
        <translation>Green channel: Help-Desk staff have been notified, please wait here</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/kiosk.py" line="115"/>
        <source>请取走号票</source>
        <translation>Please take your ticket</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/kiosk.py" line="124"/>
        <source>⚠ 未出号：%1</source>
        <translation>⚠ No number issued: %1</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/kiosk.py" line="130"/>
        <source>⚠ 号票打印失败，请记下号码或联系工作人员</source>
        <translation>⚠ Ticket printing failed; please note your number or ask staff</translation>
    </message>
</context>
<context>
    <name>LockPage</name>
    <message>
        <location filename="../../hall_desk/ui/lock.py" line="151"/>
        <source>已锁定：{name}（{username}）</source>
        <translation>Locked: {name} ({username})</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/lock.py" line="160"/>
        <source>为保护群众个人信息，闲置后自动锁定。请输入密码解锁，未保存的填写内容都还在。</source>
        <translation>To protect personal information, the screen locks when idle. Enter your password to unlock; anything you had not saved is still there.</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/lock.py" line="165"/>
        <source>密码(&amp;P)：</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/lock.py" line="169"/>
        <source>解锁密码</source>
        <translation>Unlock password</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/lock.py" line="173"/>
        <source>解锁(&amp;U)</source>
        <translation>&amp;Unlock</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/lock.py" line="177"/>
        <source>切换用户(&amp;S)…</source>
        <translation>&amp;Switch user…</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../hall_desk/ui/login.py" line="21"/>
        <source>登录 — {hall}</source>
        <translation>Log in — {hall}</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/login.py" line="25"/>
        <source>{hall}
工作站 {code}</source>
        <translation>{hall}
Workstation {code}</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/login.py" line="37"/>
        <source>，</source>
        <extracomment>Between the demo accounts listed on the login dialog.</extracomment>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/login.py" line="38"/>
        <source>{username}（{name}·{role}）</source>
        <translation>{username} ({name} · {role})</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/login.py" line="44"/>
        <source>演示数据，可用账户：{accounts}；密码均为 {password}</source>
        <translation>Demo data, available accounts: {accounts}; password for all: {password}</translation>
    </message>
</context>
<context>
    <name>LoginForm</name>
    <message>
        <location filename="../../forms/login.ui" line="5"/>
        <source>登录</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location filename="../../forms/login.ui" line="10"/>
        <source>政务服务中心</source>
        <translation>Government Service Center</translation>
    </message>
    <message>
        <location filename="../../forms/login.ui" line="12"/>
        <source>pageTitle</source>
        <translation>pageTitle</translation>
    </message>
    <message>
        <location filename="../../forms/login.ui" line="19"/>
        <source>用户名(&amp;U)：</source>
        <translation>&amp;Username:</translation>
    </message>
    <message>
        <location filename="../../forms/login.ui" line="25"/>
        <source>用户名</source>
        <translation>Username</translation>
    </message>
    <message>
        <location filename="../../forms/login.ui" line="30"/>
        <source>密码(&amp;P)：</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <location filename="../../forms/login.ui" line="37"/>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../forms/login.ui" line="45"/>
        <source>fieldError</source>
        <translation>fieldError</translation>
    </message>
</context>
<context>
    <name>MailingListBar</name>
    <message>
        <location filename="../../hall_desk/ui/mailing_list.py" line="28"/>
        <source>交寄日期(&amp;Y)：</source>
        <translation>Mailing date (&amp;Y):</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/mailing_list.py" line="32"/>
        <source>交寄日期</source>
        <translation>Mailing date</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/mailing_list.py" line="38"/>
        <source>快递公司</source>
        <translation>Courier</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/mailing_list.py" line="39"/>
        <source>全部快递</source>
        <translation>All couriers</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/mailing_list.py" line="42"/>
        <source>打印邮寄交寄清单(&amp;Q)…</source>
        <translation>Print mailing handover list (&amp;Q)…</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/mailing_list.py" line="62"/>
        <source>邮寄交寄清单 {day}</source>
        <translation>Mailing handover list {day}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../hall_desk/ui/main_window.py" line="248"/>
        <source>工作区导航</source>
        <translation>Workspace navigation</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/main_window.py" line="307"/>
        <source>查找办件(&amp;K)：</source>
        <translation>Find case (&amp;K):</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/main_window.py" line="310"/>
        <location filename="../../hall_desk/ui/main_window.py" line="503"/>
        <source>查找办件</source>
        <translation>Find case</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/main_window.py" line="312"/>
        <source>受理编号、证件号码、电话或姓名，扫码枪可直接扫入（Ctrl+K）</source>
        <translation>Intake no., ID number, phone or name; scanners can scan directly (Ctrl+K)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/main_window.py" line="395"/>
        <source>系统设置(&amp;S)…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/main_window.py" line="400"/>
        <source>大厅与工作站、自动锁定、同步、打印、工作日历、事项库、用户与角色。</source>
        <translation>Hall and workstations, auto-lock, sync, printing, work calendar, item catalog, users and roles.</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/main_window.py" line="470"/>
        <source>工作站 {code}{window}</source>
        <translation>Workstation {code}{window}</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/main_window.py" line="473"/>
        <source>{name}（{role}）</source>
        <translation>{name} ({role})</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/main_window.py" line="478"/>
        <source>数据库正常（{size:.1f} MB）</source>
        <translation>Database OK ({size:.1f} MB)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/main_window.py" line="501"/>
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/main_window.py" line="508"/>
        <source>放大字体</source>
        <translation>Larger font</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/main_window.py" line="516"/>
        <source>缩小字体</source>
        <translation>Smaller font</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/main_window.py" line="523"/>
        <source>恢复字体大小</source>
        <translation>Reset font size</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/main_window.py" line="528"/>
        <source>切换工作区</source>
        <translation>Switch workspace</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/main_window.py" line="541"/>
        <source>主题</source>
        <translation>Theme</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/main_window.py" line="552"/>
        <source>工具(&amp;T)</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/main_window.py" line="553"/>
        <source>锁定</source>
        <translation>Lock</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/main_window.py" line="555"/>
        <source>切换用户…</source>
        <translation>Switch user…</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/main_window.py" line="557"/>
        <source>立即同步</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/main_window.py" line="559"/>
        <source>修改密码…</source>
        <translation>Change password…</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/main_window.py" line="564"/>
        <source>窗口代录评价…</source>
        <translation>Record rating for applicant…</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/main_window.py" line="567"/>
        <source>我的评价…</source>
        <translation>My ratings…</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/main_window.py" line="569"/>
        <source>我的绩效考评…</source>
        <translation>My staff evaluation…</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/main_window.py" line="573"/>
        <source>同步冲突…</source>
        <translation>Sync conflicts…</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/main_window.py" line="576"/>
        <source>系统设置…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/main_window.py" line="599"/>
        <source>密码已修改</source>
        <translation>Password changed</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/main_window.py" line="624"/>
        <source>⚠ 没有找到「{text}」对应的办件</source>
        <translation>⚠ No case found for "{text}"</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/main_window.py" line="627"/>
        <source>找到 {count} 个办件</source>
        <translation>Found {count} cases</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/main_window.py" line="732"/>
        <source>字体大小：{percent}%</source>
        <translation>Font size: {percent}%</translation>
    </message>
</context>
<context>
    <name>MeetingTab</name>
    <message>
        <location filename="../../hall_desk/ui/staff_meetings.py" line="86"/>
        <source>会议类型(&amp;Q)：</source>
        <translation>Meeting type (&amp;Q):</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_meetings.py" line="92"/>
        <source>会议时间(&amp;W)：</source>
        <translation>Meeting time (&amp;W):</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_meetings.py" line="96"/>
        <source>主持人(&amp;H)：</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_meetings.py" line="97"/>
        <source>应到人员与出席情况</source>
        <translation>Expected attendees and attendance</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_meetings.py" line="107"/>
        <source>{name} 应到</source>
        <translation>{name} expected</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_meetings.py" line="109"/>
        <source>{name} 出席情况</source>
        <translation>{name} attendance</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_meetings.py" line="112"/>
        <source>{name} 原因或代会人员</source>
        <translation>{name} reason or substitute</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_meetings.py" line="113"/>
        <source>请假、缺席、迟到的原因；代会人员</source>
        <translation>Reason for leave, absence or lateness; substitute attendee</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_meetings.py" line="120"/>
        <source>出席：</source>
        <translation>Attendance:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_meetings.py" line="124"/>
        <source>会议内容(&amp;N)：</source>
        <translation>Meeting co&amp;ntent:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_meetings.py" line="128"/>
        <source>会议决定(&amp;J)：</source>
        <translation>Decisions (&amp;J):</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_meetings.py" line="134"/>
        <source>再加一项待办(&amp;Z)</source>
        <translation>Add another action item (&amp;Z)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_meetings.py" line="136"/>
        <source>Ctrl+T</source>
        <translation>Ctrl+T</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_meetings.py" line="138"/>
        <source>待办事项(&amp;D)：</source>
        <translation>Action items (&amp;D):</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_meetings.py" line="141"/>
        <source>超过 3 天补录时填写</source>
        <translation>Required when entering more than 3 days late</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_meetings.py" line="142"/>
        <source>补录原因：</source>
        <translation>Late-entry reason:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_meetings.py" line="145"/>
        <source>更正已保存的会议记录时填写</source>
        <translation>Required when correcting a saved meeting record</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_meetings.py" line="146"/>
        <source>更正理由(&amp;Y)：</source>
        <translation>Correction reason (&amp;Y):</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_meetings.py" line="156"/>
        <location filename="../../hall_desk/ui/staff_meetings.py" line="472"/>
        <source>保存会议记录(&amp;S)</source>
        <translation>&amp;Save meeting record</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_meetings.py" line="158"/>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_meetings.py" line="159"/>
        <source>放弃更正(&amp;X)</source>
        <translation>Discard correction (&amp;X)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_meetings.py" line="175"/>
        <source>会议记录(&amp;R)：</source>
        <translation>Meeting &amp;records:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_meetings.py" line="178"/>
        <source>会议记录月份</source>
        <translation>Meeting records month</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_meetings.py" line="185"/>
        <source>会议记录</source>
        <translation>Meeting records</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_meetings.py" line="194"/>
        <source>更正所选会议(&amp;G)</source>
        <translation>Correct selected meetin&amp;g</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_meetings.py" line="198"/>
        <source>未完成的待办事项</source>
        <translation>Open action items</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_meetings.py" line="200"/>
        <source>未完成的待办事项(&amp;A)</source>
        <translation>Open &amp;action items</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_meetings.py" line="204"/>
        <source>标记完成(&amp;F)</source>
        <translation>Mark as &amp;finished</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_meetings.py" line="208"/>
        <source>本月缺少的会议</source>
        <translation>Meetings missing this month</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_meetings.py" line="210"/>
        <source>本月缺少的会议记录</source>
        <translation>Meeting records missing this month</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_meetings.py" line="270"/>
        <source>第 {n} 项待办事项</source>
        <translation>Action item {n}</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_meetings.py" line="271"/>
        <source>待办事项（可空）</source>
        <translation>Action item (optional)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_meetings.py" line="274"/>
        <source>（负责人）</source>
        <translation>(Owner)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_meetings.py" line="276"/>
        <source>第 {n} 项待办事项负责人</source>
        <translation>Action item {n} owner</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_meetings.py" line="279"/>
        <source>第 {n} 项待办事项完成期限</source>
        <translation>Action item {n} deadline</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_meetings.py" line="337"/>
        <source>✓ 已更正{kind}记录，更正记录已留存</source>
        <translation>✓ {kind} record corrected; the correction has been kept on file</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_meetings.py" line="339"/>
        <source>✓ 已保存{kind}记录</source>
        <translation>✓ {kind} record saved</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_meetings.py" line="385"/>
        <source>（选择一次会议查看记录）</source>
        <translation>(Select a meeting to view its record)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_meetings.py" line="389"/>
        <source>主持人：{host}</source>
        <translation>Host: {host}</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_meetings.py" line="390"/>
        <source>出席：{who}</source>
        <translation>Attendance: {who}</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_meetings.py" line="391"/>
        <source>会议内容：{text}</source>
        <translation>Content: {text}</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_meetings.py" line="394"/>
        <source>会议决定：{text}</source>
        <translation>Decisions: {text}</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_meetings.py" line="396"/>
        <source>（已完成）</source>
        <translation> (done)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_meetings.py" line="398"/>
        <source>待办：{text}（{owner}，{deadline} 前）</source>
        <translation>Action: {text} ({owner}, by {deadline})</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_meetings.py" line="405"/>
        <source>更正 {on}（{by}）：{reason}
　原：{before}
　改为：{after}</source>
        <translation>Correction {on} ({by}): {reason}
  Before: {before}
  After: {after}</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_meetings.py" line="459"/>
        <source>保存更正(&amp;S)</source>
        <translation>&amp;Save correction</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_meetings.py" line="461"/>
        <source>正在更正 {day} 的{kind}记录：改好后写明更正理由再保存</source>
        <translation>Correcting the {kind} record of {day}: make your changes, then enter a correction reason and save</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_meetings.py" line="481"/>
        <source>⚠ 请先在右侧选择一项待办事项</source>
        <translation>⚠ Please select an action item on the right first</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_meetings.py" line="484"/>
        <source>已完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_meetings.py" line="493"/>
        <source>✓ 待办事项已标记完成</source>
        <translation>✓ Action item marked as done</translation>
    </message>
</context>
<context>
    <name>MonthlyReportDialog</name>
    <message>
        <location filename="../../hall_desk/ui/monthly_report.py" line="53"/>
        <source>月度运营报告</source>
        <translation>Monthly Operations Report</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/monthly_report.py" line="58"/>
        <source>报告月份</source>
        <translation>Report month</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/monthly_report.py" line="64"/>
        <source>月份(&amp;M)：</source>
        <translation>&amp;Month:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/monthly_report.py" line="70"/>
        <source>状态：</source>
        <translation>Status:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/monthly_report.py" line="74"/>
        <source>概况：</source>
        <translation>Overview:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/monthly_report.py" line="77"/>
        <source>问题与整改</source>
        <translation>Issues and rectification</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/monthly_report.py" line="80"/>
        <source>下月工作计划</source>
        <translation>Next month's work plan</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/monthly_report.py" line="83"/>
        <source>问题与整改(&amp;W)：</source>
        <translation>Issues and rectification (&amp;W):</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/monthly_report.py" line="84"/>
        <source>下月工作计划(&amp;J)：</source>
        <translation>Next month's work plan (&amp;J):</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/monthly_report.py" line="99"/>
        <source>保存文字(&amp;S)</source>
        <translation>&amp;Save text</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/monthly_report.py" line="100"/>
        <source>预览(&amp;V)…</source>
        <translation>Pre&amp;view…</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/monthly_report.py" line="101"/>
        <source>发布(&amp;P)…</source>
        <translation>&amp;Publish…</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/monthly_report.py" line="102"/>
        <source>导出 PDF 和表格(&amp;E)…</source>
        <translation>&amp;Export PDF and spreadsheet…</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/monthly_report.py" line="103"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/monthly_report.py" line="170"/>
        <source>✔ 已发布：{at}，{who}。数据已冻结，只能预览、打印和导出。</source>
        <translation>✔ Published: {at}, {who}. Data is frozen; it can only be previewed, printed and exported.</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/monthly_report.py" line="173"/>
        <source>草稿（未发布）</source>
        <translation>Draft (not published)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/monthly_report.py" line="175"/>
        <source>本月没有业务数据</source>
        <translation>No business data this month</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/monthly_report.py" line="178"/>
        <source>可于 {day} 起发布</source>
        <translation>Can be published from {day}</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/monthly_report.py" line="183"/>
        <source>⚠ 有 {n} 个未处理的同步冲突：{cases}</source>
        <translation>⚠ {n} unresolved sync conflicts: {cases}</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/monthly_report.py" line="201"/>
        <source>已保存</source>
        <translation>Saved</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/monthly_report.py" line="218"/>
        <source>正在生成运营报告…</source>
        <translation>Generating operations report…</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/monthly_report.py" line="231"/>
        <source>运营报告 {month}</source>
        <translation>Operations report {month}</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/monthly_report.py" line="232"/>
        <source>（草稿）</source>
        <translation> (draft)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/monthly_report.py" line="238"/>
        <location filename="../../hall_desk/ui/monthly_report.py" line="287"/>
        <source>运营报告_{month}.pdf</source>
        <translation>Operations_Report_{month}.pdf</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/monthly_report.py" line="246"/>
        <source>发布运营报告</source>
        <translation>Publish operations report</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/monthly_report.py" line="247"/>
        <source>发布后，{month}的数据与文字将冻结，不能再修改。确定发布？</source>
        <translation>After publishing, the data and text for {month} will be frozen and can no longer be changed. Publish now?</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/monthly_report.py" line="254"/>
        <source>发布(&amp;Y)</source>
        <translation>Publish (&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/monthly_report.py" line="255"/>
        <source>取消(&amp;N)</source>
        <translation>Cancel (&amp;N)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/monthly_report.py" line="278"/>
        <source>已发布，数据校验码 {sha}</source>
        <translation>Published, data checksum {sha}</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/monthly_report.py" line="286"/>
        <source>导出运营报告</source>
        <translation>Export operations report</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/monthly_report.py" line="288"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/monthly_report.py" line="295"/>
        <source>正在导出运营报告…</source>
        <translation>Exporting operations report…</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/monthly_report.py" line="310"/>
        <source>已导出 {pdf}（{pages} 页）和 {xlsx}</source>
        <translation>Exported {pdf} ({pages} pages) and {xlsx}</translation>
    </message>
</context>
<context>
    <name>MyEvaluationDialog</name>
    <message>
        <location filename="../../hall_desk/ui/my_evaluation.py" line="51"/>
        <source>我的绩效考评</source>
        <translation>My Staff Evaluation</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/my_evaluation.py" line="55"/>
        <source>已发布的考评</source>
        <translation>Published evaluations</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/my_evaluation.py" line="57"/>
        <source>已发布的考评(&amp;M)</source>
        <translation>Published evaluations (&amp;M)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/my_evaluation.py" line="62"/>
        <location filename="../../hall_desk/ui/my_evaluation.py" line="64"/>
        <source>扣分与加分依据</source>
        <translation>Basis for deductions and bonuses</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/my_evaluation.py" line="67"/>
        <source>异议理由(&amp;R)：</source>
        <translation>Objection &amp;reason:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/my_evaluation.py" line="80"/>
        <source>确认无异议(&amp;C)</source>
        <translation>&amp;Confirm, no objection</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/my_evaluation.py" line="82"/>
        <source>提出异议(&amp;O)</source>
        <translation>Raise &amp;objection</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/my_evaluation.py" line="84"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/my_evaluation.py" line="107"/>
        <source>还没有已发布的考评</source>
        <translation>No published evaluations yet</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/my_evaluation.py" line="121"/>
        <source>✓ 已确认 {month} 的考评</source>
        <translation>✓ Evaluation for {month} confirmed</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/my_evaluation.py" line="124"/>
        <source>✓ 已对 {month} 的考评提出异议，班组长将复核</source>
        <translation>✓ Objection raised to the {month} evaluation; the team lead will review it</translation>
    </message>
</context>
<context>
    <name>MyRatingsDialog</name>
    <message>
        <location filename="../../hall_desk/ui/ratings_page.py" line="296"/>
        <source>我的评价</source>
        <translation>My Ratings</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ratings_page.py" line="304"/>
        <source>我的差评</source>
        <translation>My poor ratings</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ratings_page.py" line="306"/>
        <source>近期没有差评。</source>
        <translation>No recent poor ratings.</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ratings_page.py" line="312"/>
        <source>申诉理由</source>
        <translation>Appeal reason</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ratings_page.py" line="313"/>
        <source>申诉理由(&amp;R)：</source>
        <translation>Appeal &amp;reason:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ratings_page.py" line="316"/>
        <source>提出申诉(&amp;A)</source>
        <translation>Submit &amp;appeal</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ratings_page.py" line="350"/>
        <source>本月（{start} 至 {today}）：{figures}</source>
        <translation>This month ({start} to {today}): {figures}</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ratings_page.py" line="368"/>
        <source>请先选择要申诉的差评</source>
        <translation>Please select the poor rating to appeal first</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ratings_page.py" line="387"/>
        <source>已提出申诉，等待班组长复核</source>
        <translation>Appeal submitted, awaiting team lead review</translation>
    </message>
</context>
<context>
    <name>PageView</name>
    <message>
        <location filename="../../hall_desk/ui/page_view.py" line="71"/>
        <source>打印预览页面</source>
        <translation>Print preview page</translation>
    </message>
</context>
<context>
    <name>PdfDocument</name>
    <message>
        <location filename="../../hall_desk/ui/print_job.py" line="76"/>
        <source>PDF 无法读取</source>
        <translation>PDF cannot be read</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/print_job.py" line="137"/>
        <source>无法保存到 {path}：{reason}</source>
        <translation>Cannot save to {path}: {reason}</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/print_job.py" line="171"/>
        <source>打印机「{name}」无法开始打印</source>
        <translation>Printer "{name}" could not start printing</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <location filename="../../hall_desk/ui/printing.py" line="47"/>
        <source>打印预览 — {title}</source>
        <translation>Print preview — {title}</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/printing.py" line="72"/>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/printing.py" line="75"/>
        <source>另存为 PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/printing.py" line="80"/>
        <source>放大</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/printing.py" line="82"/>
        <source>缩小</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/printing.py" line="84"/>
        <source>适合宽度</source>
        <translation>Fit width</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/printing.py" line="86"/>
        <source>整页</source>
        <translation>Whole page</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/printing.py" line="128"/>
        <source>{percent}% · 共 {pages} 页</source>
        <translation>{percent}% · {pages} pages</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/printing.py" line="152"/>
        <source>正在打印 {pages} 页…</source>
        <translation>Printing {pages} pages…</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/printing.py" line="172"/>
        <source>已打印到文件：{name}（{pages} 页）</source>
        <translation>Printed to file: {name} ({pages} pages)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/printing.py" line="177"/>
        <source>已送往打印机：{pages} 页</source>
        <translation>Sent to printer: {pages} pages</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/printing.py" line="193"/>
        <source>另存为 PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/printing.py" line="193"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/printing.py" line="203"/>
        <source>保存失败</source>
        <translation>Save failed</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/printing.py" line="204"/>
        <source>无法保存到 {path}：{reason}</source>
        <translation>Cannot save to {path}: {reason}</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/printing.py" line="207"/>
        <source>已保存：{name}</source>
        <translation>Saved: {name}</translation>
    </message>
</context>
<context>
    <name>Placeholder</name>
    <message>
        <location filename="../../hall_desk/ui/main_window.py" line="172"/>
        <source>本工作区尚在建设中，下一版本提供：{coming}</source>
        <translation>This workspace is under construction; coming in the next version: {coming}</translation>
    </message>
</context>
<context>
    <name>ProxyRatingDialog</name>
    <message>
        <location filename="../../hall_desk/ui/rating_proxy.py" line="47"/>
        <source>窗口代录评价</source>
        <translation>Record Rating for Applicant</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/rating_proxy.py" line="51"/>
        <source>仅在申请人请求协助时代为录入；评价等级须由申请人本人说出，不得引导。</source>
        <translation>Enter on the applicant's behalf only when they ask for help; the rating must be stated by the applicant themselves, without prompting.</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/rating_proxy.py" line="69"/>
        <source>评价的服务(&amp;F)：</source>
        <translation>Service being rated (&amp;F):</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/rating_proxy.py" line="71"/>
        <source>（请申请人选择）</source>
        <translation>(Ask the applicant to choose)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/rating_proxy.py" line="74"/>
        <source>评价等级(&amp;L)：</source>
        <translation>Rating &amp;level:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/rating_proxy.py" line="84"/>
        <source>差评原因：</source>
        <translation>Poor rating reason:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/rating_proxy.py" line="86"/>
        <source>如：申请人视力不便，请求窗口代为录入</source>
        <translation>e.g. applicant has poor eyesight and asked the window to enter it</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/rating_proxy.py" line="87"/>
        <source>代录原因(&amp;R)：</source>
        <translation>Proxy entry &amp;reason:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/rating_proxy.py" line="89"/>
        <source>评价意见：</source>
        <translation>Comments:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/rating_proxy.py" line="91"/>
        <source>实名评价时填写，否则留空</source>
        <translation>Fill in for named ratings; otherwise leave blank</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/rating_proxy.py" line="92"/>
        <source>评价人姓名：</source>
        <translation>Rater name:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/rating_proxy.py" line="94"/>
        <source>联系电话：</source>
        <translation>Phone:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/rating_proxy.py" line="101"/>
        <source>保存(&amp;S)</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/rating_proxy.py" line="102"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/rating_proxy.py" line="132"/>
        <source>今天没有待评价的服务</source>
        <translation>No services awaiting rating today</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/rating_proxy.py" line="159"/>
        <source>请选择要评价的服务</source>
        <translation>Please select the service to rate</translation>
    </message>
</context>
<context>
    <name>QueueBar</name>
    <message>
        <location filename="../../hall_desk/ui/queue_bar.py" line="35"/>
        <source>叫号</source>
        <translation>Call</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/queue_bar.py" line="36"/>
        <source>重呼</source>
        <translation>Recall</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/queue_bar.py" line="37"/>
        <source>过号</source>
        <translation>No-show</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/queue_bar.py" line="38"/>
        <source>转移</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/queue_bar.py" line="39"/>
        <source>挂起</source>
        <translation>Hold</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/queue_bar.py" line="40"/>
        <source>恢复</source>
        <translation>Resume</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/queue_bar.py" line="41"/>
        <location filename="../../hall_desk/ui/queue_bar.py" line="278"/>
        <source>暂停窗口</source>
        <translation>Pause window</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/queue_bar.py" line="219"/>
        <source>%1 号窗口</source>
        <translation>Window %1</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/queue_bar.py" line="78"/>
        <location filename="../../hall_desk/ui/queue_bar.py" line="218"/>
        <location filename="../../hall_desk/ui/queue_bar.py" line="247"/>
        <location filename="../../hall_desk/ui/queue_bar.py" line="255"/>
        <source>当前：—</source>
        <translation>Current: —</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/queue_bar.py" line="80"/>
        <source>当前号</source>
        <translation>Current number</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/queue_bar.py" line="93"/>
        <source>转至队列</source>
        <translation>Transfer to queue</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/queue_bar.py" line="96"/>
        <source>挂起或转移原因</source>
        <translation>Reason for hold or transfer</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/queue_bar.py" line="97"/>
        <source>原因（挂起必填）</source>
        <translation>Reason (required for hold)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/queue_bar.py" line="101"/>
        <source>挂起的号</source>
        <translation>Numbers on hold</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/queue_bar.py" line="126"/>
        <source>本工作站未设置共享数据库：叫号不可用（办件不受影响）</source>
        <translation>No shared database set up on this workstation: calling is unavailable (cases are not affected)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/queue_bar.py" line="211"/>
        <source>本工作站不叫号</source>
        <translation>No calling at this workstation</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/queue_bar.py" line="212"/>
        <source>系统设置中的叫号窗口号为空：本工作站不叫号</source>
        <translation>The calling window number in Settings is empty: this workstation does not call</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/queue_bar.py" line="226"/>
        <source>没有正在呼叫的号</source>
        <translation>No number is being called</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/queue_bar.py" line="229"/>
        <source>已重呼 %1 号（第 %2 次）</source>
        <translation>Recalled number %1 (call %2)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/queue_bar.py" line="248"/>
        <source>⚠ 叫号不可用</source>
        <translation>⚠ Calling unavailable</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/queue_bar.py" line="257"/>
        <source>【绿色通道】</source>
        <translation>[Green channel]</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/queue_bar.py" line="259"/>
        <source>【绿色通道·需要帮助，请帮您办岗协助】</source>
        <translation>[Green channel · needs help, Help-Desk staff please assist]</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/queue_bar.py" line="261"/>
        <source>当前：%1 %2%3</source>
        <translation>Current: %1 %2%3</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/queue_bar.py" line="267"/>
        <source>%1 %2 人</source>
        <translation>%1 %2 people</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/queue_bar.py" line="270"/>
        <source>（窗口已暂停）</source>
        <translation> (window paused)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/queue_bar.py" line="272"/>
        <source>等候：%1%2</source>
        <translation>Waiting: %1%2</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/queue_bar.py" line="278"/>
        <source>恢复窗口</source>
        <translation>Resume window</translation>
    </message>
</context>
<context>
    <name>QueueSettingsTab</name>
    <message>
        <location filename="../../hall_desk/ui/queue_settings.py" line="82"/>
        <source>全大厅共用，同步到各工作站。服务窗口填窗口号，如 1,2,3；留空为全部窗口。号段用完不会从头再来：当日不再发号。</source>
        <translation>Shared by the whole hall and synced to every workstation. Serving windows are window numbers, e.g. 1,2,3; leave empty for all windows. A used-up number range never starts over: no more tickets that day.</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/queue_settings.py" line="89"/>
        <source>叫号队列</source>
        <translation>Queues</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/queue_settings.py" line="99"/>
        <source>一个大写字母，如 E</source>
        <translation>One capital letter, e.g. E</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/queue_settings.py" line="104"/>
        <source>如 1,2,3；留空为全部窗口</source>
        <translation>e.g. 1,2,3; empty for all windows</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/queue_settings.py" line="108"/>
        <source> 个</source>
        <translation> tickets</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/queue_settings.py" line="129"/>
        <location filename="../../hall_desk/ui/queue_settings.py" line="134"/>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/queue_settings.py" line="139"/>
        <source>代码(&amp;C)：</source>
        <translation>&amp;Code:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/queue_settings.py" line="139"/>
        <source>队列代码</source>
        <translation>Queue code</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/queue_settings.py" line="140"/>
        <source>名称(&amp;M)：</source>
        <translation>Na&amp;me:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/queue_settings.py" line="140"/>
        <source>队列名称</source>
        <translation>Queue name</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/queue_settings.py" line="141"/>
        <source>服务窗口(&amp;W)：</source>
        <translation>Serving &amp;windows:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/queue_settings.py" line="141"/>
        <source>服务窗口</source>
        <translation>Serving windows</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/queue_settings.py" line="142"/>
        <source>每日限额(&amp;Q)：</source>
        <translation>Daily &amp;quota:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/queue_settings.py" line="142"/>
        <source>每日限额</source>
        <translation>Daily quota</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/queue_settings.py" line="143"/>
        <source>号段(&amp;R)：</source>
        <translation>Number &amp;range:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/queue_settings.py" line="143"/>
        <source>号段起号</source>
        <translation>First number</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/queue_settings.py" line="144"/>
        <source>取号时间(&amp;H)：</source>
        <translation>Issuing &amp;hours:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/queue_settings.py" line="144"/>
        <source>开始取号时间</source>
        <translation>Issuing starts</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/queue_settings.py" line="158"/>
        <source>号段止号</source>
        <translation>Last number</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/queue_settings.py" line="159"/>
        <source>结束取号时间</source>
        <translation>Issuing ends</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/queue_settings.py" line="160"/>
        <source>全大厅叫号规则（各队列共用）</source>
        <translation>Hall-wide calling rules (all queues)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/queue_settings.py" line="174"/>
        <source>绿色通道连续优先(&amp;G)：</source>
        <translation>Green calls in a row (&amp;G):</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/queue_settings.py" line="175"/>
        <source>绿色通道连续优先次数</source>
        <translation>Green-channel calls in a row</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/queue_settings.py" line="177"/>
        <location filename="../../hall_desk/ui/queue_settings.py" line="185"/>
        <source> 次</source>
        <translation> times</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/queue_settings.py" line="178"/>
        <source>绿色通道号与普通号同时等候时，每叫一个普通号之前至多连续叫几个绿色通道号</source>
        <translation>While green-channel and ordinary numbers both wait: how many green-channel numbers may be called in a row before an ordinary one</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/queue_settings.py" line="182"/>
        <source>重呼次数上限(&amp;L)：</source>
        <translation>Recall limit (&amp;L):</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/queue_settings.py" line="183"/>
        <source>重呼次数上限</source>
        <translation>Recall limit</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/queue_settings.py" line="186"/>
        <source>同一个号至多重呼几次；再按重呼即为过号</source>
        <translation>How many times one number may be recalled; the next recall marks it missed</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/queue_settings.py" line="190"/>
        <source>语音播报次数(&amp;P)：</source>
        <translation>Announcements per call (&amp;P):</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/queue_settings.py" line="191"/>
        <source>语音播报次数</source>
        <translation>Announcements per call</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/queue_settings.py" line="193"/>
        <source> 遍</source>
        <translation> times</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/queue_settings.py" line="194"/>
        <source>叫号显示屏每次叫号念几遍（显示屏所在工作站同步后重新启动即生效）</source>
        <translation>How many times the hall display says each call (in effect once the display's workstation has synced and the display restarts)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/queue_settings.py" line="212"/>
        <source>新建队列(&amp;N)</source>
        <translation>&amp;New queue</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/queue_settings.py" line="214"/>
        <source>保存队列及叫号规则(&amp;V)</source>
        <translation>Save queue and rules (&amp;V)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/queue_settings.py" line="319"/>
        <source>填写新队列后按「保存队列及叫号规则」</source>
        <translation>Fill in the new queue, then press “Save queue and rules”</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/queue_settings.py" line="359"/>
        <source>已保存队列 %1 %2 及全大厅叫号规则</source>
        <translation>Saved queue %1 %2 and the hall-wide calling rules</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/queue_settings.py" line="387"/>
        <source>已删除队列 %1。叫号规则的修改尚未保存：按「保存队列及叫号规则」保存</source>
        <translation>Queue %1 deleted. The calling-rule changes are not saved yet: press “Save queue and rules” to save them</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/queue_settings.py" line="216"/>
        <source>删除此队列</source>
        <translation>Remove this queue</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/queue_settings.py" line="385"/>
        <source>已删除队列 %1</source>
        <translation>Queue %1 removed</translation>
    </message>
</context>
<context>
    <name>RatingRecordDialog</name>
    <message>
        <location filename="../../hall_desk/ui/ratings_page.py" line="397"/>
        <source>评价记录</source>
        <translation>Rating record</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ratings_page.py" line="402"/>
        <source>评价时间：</source>
        <translation>Rated at:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ratings_page.py" line="403"/>
        <source>评价等级：</source>
        <translation>Rating level:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ratings_page.py" line="404"/>
        <source>服务：</source>
        <translation>Service:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ratings_page.py" line="405"/>
        <source>工作人员：</source>
        <translation>Staff member:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ratings_page.py" line="406"/>
        <source>渠道：</source>
        <translation>Channel:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ratings_page.py" line="407"/>
        <source>差评原因：</source>
        <translation>Poor-rating reasons:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ratings_page.py" line="408"/>
        <source>评价意见：</source>
        <translation>Comments:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ratings_page.py" line="409"/>
        <source>评价人：</source>
        <translation>Rated by:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ratings_page.py" line="409"/>
        <source>匿名</source>
        <translation>Anonymous</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ratings_page.py" line="410"/>
        <source>整改工单：</source>
        <translation>Rectification ticket:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ratings_page.py" line="411"/>
        <source>申诉：</source>
        <translation>Appeal:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ratings_page.py" line="411"/>
        <source>未申诉</source>
        <translation>No appeal</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ratings_page.py" line="420"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>RatingScreen</name>
    <message>
        <location filename="../../hall_desk/ui/rating_screen.py" line="53"/>
        <source>服务评价</source>
        <translation>Service rating</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/rating_screen.py" line="91"/>
        <source>请对本次服务进行评价</source>
        <translation>Please rate this service</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/rating_screen.py" line="102"/>
        <source>您对本次服务满意吗？请点击一项</source>
        <translation>Are you satisfied with this service? Please tap one option</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/rating_screen.py" line="127"/>
        <source>请告诉我们哪里做得不好（可多选），我们会认真整改</source>
        <translation>Please tell us what went wrong (choose all that apply); we will rectify it</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/rating_screen.py" line="135"/>
        <source>其他意见（选填）</source>
        <translation>Other comments (optional)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/rating_screen.py" line="136"/>
        <source>其他意见</source>
        <translation>Other comments</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/rating_screen.py" line="143"/>
        <source>返回重选</source>
        <translation>Go back and choose again</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/rating_screen.py" line="145"/>
        <source>提交评价</source>
        <translation>Submit rating</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/rating_screen.py" line="180"/>
        <source>{window}　工作人员：{name}（工号 {staff}）</source>
        <translation>{window} · Staff: {name} (staff no. {staff})</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/rating_screen.py" line="200"/>
        <source>本次办理：{what}</source>
        <translation>This visit: {what}</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/rating_screen.py" line="241"/>
        <source>{n} 秒后未评价将记为「未评价」</source>
        <translation>If no rating is given within {n} s, it will be recorded as "Not rated"</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/rating_screen.py" line="274"/>
        <source>感谢您的评价！</source>
        <translation>Thank you for your rating!</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/rating_screen.py" line="290"/>
        <source>感谢您的参与</source>
        <translation>Thank you for taking part</translation>
    </message>
</context>
<context>
    <name>RatingsPage</name>
    <message>
        <location filename="../../hall_desk/ui/ratings_page.py" line="57"/>
        <source>匿名</source>
        <translation>Anonymous</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ratings_page.py" line="75"/>
        <source>评价 {given} 次（{levels}），未评价 {unrated} 次；差评 {bad} 次，差评率 {bad_rate}；满意率 {satisfied}</source>
        <translation>{given} ratings ({levels}), {unrated} not rated; {bad} poor ratings, poor-rating rate {bad_rate}; satisfaction rate {satisfied}</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ratings_page.py" line="88"/>
        <source>；申诉成立 {n} 次，扣除后差评率 {rate}</source>
        <translation>; {n} appeals upheld, poor-rating rate after deduction {rate}</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ratings_page.py" line="133"/>
        <source>评价日期(&amp;D)：</source>
        <translation>Rating &amp;date:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ratings_page.py" line="137"/>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ratings_page.py" line="141"/>
        <source>显示范围</source>
        <translation>Show</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ratings_page.py" line="142"/>
        <source>全部评价</source>
        <translation>All ratings</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ratings_page.py" line="143"/>
        <source>仅差评</source>
        <translation>Poor ratings only</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ratings_page.py" line="144"/>
        <source>待复核的申诉</source>
        <translation>Appeals awaiting review</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ratings_page.py" line="153"/>
        <source>评价列表</source>
        <translation>Ratings</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ratings_page.py" line="167"/>
        <source>查看评价人(&amp;P)</source>
        <translation>View rater (&amp;P)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ratings_page.py" line="177"/>
        <source>申诉不成立（差评保留）</source>
        <translation>Appeal rejected (poor rating stands)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ratings_page.py" line="178"/>
        <source>申诉成立（不计入差评率）</source>
        <translation>Appeal upheld (excluded from poor-rating rate)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ratings_page.py" line="179"/>
        <source>复核结论：</source>
        <translation>Review conclusion:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ratings_page.py" line="182"/>
        <source>复核意见</source>
        <translation>Review notes</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ratings_page.py" line="183"/>
        <source>复核意见(&amp;N)：</source>
        <translation>Review &amp;notes:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ratings_page.py" line="184"/>
        <source>复核(&amp;R)</source>
        <translation>&amp;Review</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ratings_page.py" line="248"/>
        <source>请先选择一条评价</source>
        <translation>Please select a rating first</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ratings_page.py" line="252"/>
        <source>差评核实回访</source>
        <translation>Poor-rating follow-up call</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ratings_page.py" line="263"/>
        <source>匿名评价，无评价人信息</source>
        <translation>Anonymous rating; no rater information</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ratings_page.py" line="264"/>
        <source>评价人：{who}（本次查看已记录）</source>
        <translation>Rated by: {who} (this view has been logged)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ratings_page.py" line="269"/>
        <source>请先选择一条待复核的申诉</source>
        <translation>Please select an appeal awaiting review first</translation>
    </message>
</context>
<context>
    <name>ReportsWorkspace</name>
    <message>
        <location filename="../../hall_desk/ui/reports_workspace.py" line="154"/>
        <source>统计报表</source>
        <translation>Statistics and reports</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/reports_workspace.py" line="166"/>
        <source>日期(&amp;D)：</source>
        <translation>&amp;Date:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/reports_workspace.py" line="169"/>
        <source>统计日期</source>
        <translation>Report date</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/reports_workspace.py" line="175"/>
        <source>刷新(&amp;R)</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/reports_workspace.py" line="201"/>
        <source>当日概况</source>
        <translation>Day overview</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/reports_workspace.py" line="212"/>
        <source>已超期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/reports_workspace.py" line="213"/>
        <source>临近期限</source>
        <translation>Nearing deadline</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/reports_workspace.py" line="214"/>
        <source>按窗口</source>
        <translation>By window</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/reports_workspace.py" line="215"/>
        <source>按人员</source>
        <translation>By staff</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/reports_workspace.py" line="216"/>
        <source>按部门</source>
        <translation>By department</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/reports_workspace.py" line="247"/>
        <source>咨询</source>
        <translation>Consultation</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/reports_workspace.py" line="248"/>
        <source>受理</source>
        <translation>Intake</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/reports_workspace.py" line="249"/>
        <source>容缺受理</source>
        <translation>Accept-with-gaps intake</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/reports_workspace.py" line="250"/>
        <source>一次性告知</source>
        <translation>One-time notice</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/reports_workspace.py" line="251"/>
        <source>不予受理</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/reports_workspace.py" line="252"/>
        <source>即办办结</source>
        <translation>Instant case completed</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/reports_workspace.py" line="253"/>
        <source>补正后受理</source>
        <translation>Accepted after supplement</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/reports_workspace.py" line="254"/>
        <source>移交部门</source>
        <translation>Transferred to department</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/reports_workspace.py" line="255"/>
        <source>部门办结返回</source>
        <translation>Returned by department (done)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/reports_workspace.py" line="256"/>
        <source>窗口领取</source>
        <translation>Collected at window</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/reports_workspace.py" line="257"/>
        <source>邮寄</source>
        <translation>Mailed</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/reports_workspace.py" line="258"/>
        <source>绿色通道</source>
        <translation>Green channel</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/reports_workspace.py" line="259"/>
        <source>已超期（件）</source>
        <translation>Overdue (cases)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/reports_workspace.py" line="260"/>
        <source>临近期限（件）</source>
        <translation>Nearing deadline (cases)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/reports_workspace.py" line="261"/>
        <source>办不成事/投诉登记</source>
        <translation>"Can't-get-it-done" / complaint registrations</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/reports_workspace.py" line="262"/>
        <source>工单答复</source>
        <translation>Ticket replies</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/reports_workspace.py" line="263"/>
        <source>工单办结归档</source>
        <translation>Tickets closed and archived</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/reports_workspace.py" line="264"/>
        <source>已超期工单</source>
        <translation>Overdue tickets</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/reports_workspace.py" line="265"/>
        <source>临近期限工单</source>
        <translation>Tickets nearing deadline</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/reports_workspace.py" line="266"/>
        <source>取号</source>
        <translation>Numbers taken</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/reports_workspace.py" line="267"/>
        <source>平均等候(分)</source>
        <translation>Avg. wait (min)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/reports_workspace.py" line="311"/>
        <source>等候 = 叫号时间 − 取号时间；90% 的人不超过 %1 分钟；过号 %2 张</source>
        <translation>Wait = call time − number-taken time; 90% waited no more than %1 min; %2 no-shows</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/reports_workspace.py" line="324"/>
        <source>（非工作日）</source>
        <translation>, non-working day</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/reports_workspace.py" line="326"/>
        <source>{day}{closed}，办理后自动更新</source>
        <translation>{day}{closed}, updated as work is done</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/reports_workspace.py" line="338"/>
        <source>评价</source>
        <translation>Ratings</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/reports_workspace.py" line="339"/>
        <source>未评价（超时未作答）</source>
        <translation>Not rated (timed out)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/reports_workspace.py" line="340"/>
        <source>按等级</source>
        <translation>By level</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/reports_workspace.py" line="341"/>
        <source>按渠道</source>
        <translation>By channel</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/reports_workspace.py" line="342"/>
        <source>差评（不满意、非常不满意）</source>
        <translation>Poor ratings (dissatisfied, very dissatisfied)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/reports_workspace.py" line="343"/>
        <source>差评率</source>
        <translation>Poor-rating rate</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/reports_workspace.py" line="344"/>
        <source>差评率（剔除申诉成立）</source>
        <translation>Poor-rating rate (excl. upheld appeals)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/reports_workspace.py" line="345"/>
        <source>满意率</source>
        <translation>Satisfaction rate</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/reports_workspace.py" line="351"/>
        <source>{label}：</source>
        <translation>{label}:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/reports_workspace.py" line="355"/>
        <source>好差评</source>
        <translation>Ratings</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/reports_workspace.py" line="369"/>
        <source>{rate}（申诉成立 {n} 条）</source>
        <translation>{rate} ({n} appeals upheld)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/reports_workspace.py" line="387"/>
        <source>本月缺少的会议记录</source>
        <translation>Meeting records missing this month</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/reports_workspace.py" line="390"/>
        <location filename="../../hall_desk/ui/reports_workspace.py" line="434"/>
        <source>人员与巡查</source>
        <translation>Staff and inspections</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/reports_workspace.py" line="414"/>
        <source>待整改巡查问题 {open} 条（其中已逾期 {late} 条）；逾期未完成的会议待办 {actions} 项；本月缺少的会议记录 {missing} 次</source>
        <translation>{open} inspection issues awaiting rectification ({late} overdue); {actions} meeting action items overdue; {missing} meeting records missing this month</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/reports_workspace.py" line="423"/>
        <source>
提醒：{sheet}</source>
        <translation>
Reminder: {sheet}</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/reports_workspace.py" line="437"/>
        <source>⚠ 人员与巡查（{n}）</source>
        <translation>⚠ Staff and inspections ({n})</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/reports_workspace.py" line="443"/>
        <source>绿色通道办件</source>
        <translation>Green channel cases</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/reports_workspace.py" line="449"/>
        <source>♿ 绿色通道</source>
        <translation>♿ Green channel</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/reports_workspace.py" line="454"/>
        <source>♿ 绿色通道（{n}）</source>
        <translation>♿ Green channel ({n})</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/reports_workspace.py" line="464"/>
        <source>班组长备注(&amp;B)：</source>
        <translation>Team lead note (&amp;B):</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/reports_workspace.py" line="466"/>
        <source>印在每日工作汇总上</source>
        <translation>Printed on the daily work summary</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/reports_workspace.py" line="468"/>
        <source>班组长备注</source>
        <translation>Team lead note</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/reports_workspace.py" line="474"/>
        <source>每日工作汇总(&amp;S)…</source>
        <translation>Daily work &amp;summary…</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/reports_workspace.py" line="479"/>
        <source>月度运营报告(&amp;O)…</source>
        <translation>Monthly &amp;operations report…</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/reports_workspace.py" line="488"/>
        <source>台账类型</source>
        <translation>Ledger type</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/reports_workspace.py" line="490"/>
        <source>办件台账</source>
        <translation>Case ledger</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/reports_workspace.py" line="491"/>
        <source>咨询登记台账</source>
        <translation>Consultation ledger</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/reports_workspace.py" line="492"/>
        <source>材料流转台账</source>
        <translation>Routing ledger</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/reports_workspace.py" line="493"/>
        <source>出件台账</source>
        <translation>Delivery ledger</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/reports_workspace.py" line="500"/>
        <source>起始日期</source>
        <translation>Start date</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/reports_workspace.py" line="501"/>
        <source>截止日期</source>
        <translation>End date</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/reports_workspace.py" line="507"/>
        <source>含完整证件号码和电话（记入留痕）</source>
        <translation>Include full ID numbers and phone numbers (logged)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/reports_workspace.py" line="510"/>
        <source>导出台账(&amp;E)…</source>
        <translation>&amp;Export ledger…</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/reports_workspace.py" line="546"/>
        <source>每日工作汇总 {day}</source>
        <translation>Daily work summary {day}</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/reports_workspace.py" line="557"/>
        <source>导出台账</source>
        <translation>Export ledger</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/reports_workspace.py" line="557"/>
        <source>Excel 文件 (*.xlsx)</source>
        <translation>Excel files (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/reports_workspace.py" line="577"/>
        <source>已导出 {rows} 行到 {path}</source>
        <translation>Exported {rows} rows to {path}</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <location filename="../../hall_desk/ui/password_dialog.py" line="115"/>
        <source>重设密码 — {name}（{username}）</source>
        <translation>Reset password — {name} ({username})</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/password_dialog.py" line="119"/>
        <source>新密码(&amp;N)：</source>
        <translation>&amp;New password:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/password_dialog.py" line="119"/>
        <source>新密码</source>
        <translation>New password</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/password_dialog.py" line="120"/>
        <source>确认新密码(&amp;C)：</source>
        <translation>&amp;Confirm new password:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/password_dialog.py" line="120"/>
        <source>确认新密码</source>
        <translation>Confirm new password</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/password_dialog.py" line="122"/>
        <source>重设</source>
        <translation>Reset</translation>
    </message>
</context>
<context>
    <name>ReturnPanel</name>
    <message>
        <location filename="../../hall_desk/ui/routing_workspace.py" line="360"/>
        <source>预审退回补正</source>
        <translation>Return for supplement at pre-review</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/routing_workspace.py" line="366"/>
        <source>退回的受理编号</source>
        <translation>Case no. to return</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/routing_workspace.py" line="369"/>
        <source>退回原因</source>
        <translation>Return reason</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/routing_workspace.py" line="370"/>
        <source>受理编号：</source>
        <translation>Case no.:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/routing_workspace.py" line="371"/>
        <source>退回原因：</source>
        <translation>Return reason:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/routing_workspace.py" line="372"/>
        <source>退回窗口(&amp;B)</source>
        <translation>Send &amp;back to window</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/routing_workspace.py" line="400"/>
        <source>{case_no} 已退回 {window}，补正期限 {deadline}</source>
        <translation>{case_no} returned to {window}; supplement deadline {deadline}</translation>
    </message>
</context>
<context>
    <name>ReturnedFoldersPanel</name>
    <message>
        <location filename="../../hall_desk/ui/returned_folders.py" line="55"/>
        <source>显示所有窗口的(&amp;A)</source>
        <translation>Show &amp;all windows'</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/returned_folders.py" line="57"/>
        <source>刷新(&amp;R)</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/returned_folders.py" line="64"/>
        <source>预审退回的材料袋</source>
        <translation>Folders returned at pre-review</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/returned_folders.py" line="67"/>
        <source>办理补正收件(&amp;O)</source>
        <translation>Pr&amp;ocess supplement</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/returned_folders.py" line="109"/>
        <source>预审退回待补正 {n} 件：请通知申请人补齐材料</source>
        <translation>{n} cases returned at pre-review awaiting supplement: please notify the applicants to complete their materials</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/returned_folders.py" line="113"/>
        <source>没有预审退回的材料袋</source>
        <translation>No folders returned at pre-review</translation>
    </message>
</context>
<context>
    <name>RoutingWorkspace</name>
    <message>
        <location filename="../../hall_desk/ui/routing_workspace.py" line="537"/>
        <source>扫码交接</source>
        <translation>Scan handover</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/routing_workspace.py" line="539"/>
        <source>材料袋位置</source>
        <translation>Folder locations</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/routing_workspace.py" line="544"/>
        <source>交接单与标签</source>
        <translation>Handover slips and labels</translation>
    </message>
</context>
<context>
    <name>RowsModel</name>
    <message>
        <location filename="../../hall_desk/ui/case_view.py" line="55"/>
        <location filename="../../hall_desk/ui/case_view.py" line="71"/>
        <source>必要</source>
        <translation>Required</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/case_view.py" line="56"/>
        <source>非必要</source>
        <translation>Optional</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/case_view.py" line="61"/>
        <source>已收取</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/case_view.py" line="63"/>
        <source>容缺待补</source>
        <translation>Pending (accept-with-gaps)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/case_view.py" line="64"/>
        <source>未收取</source>
        <translation>Not received</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/case_view.py" line="68"/>
        <source>材料名称</source>
        <translation>Material</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/case_view.py" line="69"/>
        <source>形式</source>
        <translation>Form</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/case_view.py" line="70"/>
        <source>应交份数</source>
        <translation>Copies required</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/case_view.py" line="72"/>
        <source>收取情况</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/case_view.py" line="75"/>
        <location filename="../../hall_desk/ui/consult_workspace.py" line="51"/>
        <location filename="../../hall_desk/ui/routing_papers.py" line="40"/>
        <location filename="../../hall_desk/ui/staff_meetings.py" line="56"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/case_view.py" line="76"/>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/case_view.py" line="77"/>
        <source>经办人</source>
        <translation>Handled by</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/case_view.py" line="78"/>
        <source>工作站</source>
        <translation>Workstation</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/case_view.py" line="79"/>
        <location filename="../../hall_desk/ui/case_view.py" line="90"/>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="72"/>
        <source>说明</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/case_view.py" line="83"/>
        <location filename="../../hall_desk/ui/reports_workspace.py" line="92"/>
        <location filename="../../hall_desk/ui/routing_workspace.py" line="54"/>
        <source>所在位置</source>
        <translation>Location</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/case_view.py" line="84"/>
        <source>方式</source>
        <translation>Method</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/case_view.py" line="85"/>
        <location filename="../../hall_desk/ui/routing_papers.py" line="38"/>
        <source>交出人</source>
        <translation>Handed over by</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/case_view.py" line="86"/>
        <location filename="../../hall_desk/ui/routing_papers.py" line="39"/>
        <source>接收人</source>
        <translation>Received by</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/case_view.py" line="87"/>
        <location filename="../../hall_desk/ui/routing_papers.py" line="33"/>
        <source>交接单号</source>
        <translation>Handover slip no.</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/case_view.py" line="88"/>
        <source>到达时间</source>
        <translation>Arrived</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/case_view.py" line="89"/>
        <location filename="../../hall_desk/ui/routing_workspace.py" line="55"/>
        <source>停留</source>
        <translation>Dwell time</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/main_window.py" line="141"/>
        <location filename="../../hall_desk/ui/reports_workspace.py" line="81"/>
        <source>♿ 帮您办</source>
        <translation>♿ Help-Desk</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/delivery_workspace.py" line="36"/>
        <location filename="../../hall_desk/ui/main_window.py" line="153"/>
        <location filename="../../hall_desk/ui/reports_workspace.py" line="87"/>
        <location filename="../../hall_desk/ui/reports_workspace.py" line="129"/>
        <location filename="../../hall_desk/ui/returned_folders.py" line="31"/>
        <location filename="../../hall_desk/ui/routing_workspace.py" line="52"/>
        <location filename="../../hall_desk/ui/sync_conflicts.py" line="34"/>
        <source>受理编号</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/delivery_workspace.py" line="37"/>
        <location filename="../../hall_desk/ui/main_window.py" line="154"/>
        <location filename="../../hall_desk/ui/reports_workspace.py" line="88"/>
        <location filename="../../hall_desk/ui/reports_workspace.py" line="130"/>
        <location filename="../../hall_desk/ui/returned_folders.py" line="33"/>
        <location filename="../../hall_desk/ui/routing_workspace.py" line="53"/>
        <location filename="../../hall_desk/ui/staff_meetings.py" line="48"/>
        <location filename="../../hall_desk/ui/sync_conflicts.py" line="35"/>
        <source>事项</source>
        <translation>Service item</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/delivery_workspace.py" line="38"/>
        <location filename="../../hall_desk/ui/main_window.py" line="155"/>
        <location filename="../../hall_desk/ui/reports_workspace.py" line="89"/>
        <location filename="../../hall_desk/ui/reports_workspace.py" line="131"/>
        <location filename="../../hall_desk/ui/returned_folders.py" line="34"/>
        <source>申请人</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/delivery_workspace.py" line="39"/>
        <location filename="../../hall_desk/ui/main_window.py" line="156"/>
        <source>证件号码</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/delivery_workspace.py" line="40"/>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/delivery_workspace.py" line="41"/>
        <source>等待</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/main_window.py" line="157"/>
        <location filename="../../hall_desk/ui/my_evaluation.py" line="34"/>
        <location filename="../../hall_desk/ui/reports_workspace.py" line="91"/>
        <location filename="../../hall_desk/ui/reports_workspace.py" line="135"/>
        <location filename="../../hall_desk/ui/routing_workspace.py" line="57"/>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="79"/>
        <location filename="../../hall_desk/ui/staff_evaluations.py" line="41"/>
        <location filename="../../hall_desk/ui/staff_inspections.py" line="45"/>
        <location filename="../../hall_desk/ui/ticket_desk.py" line="51"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/main_window.py" line="158"/>
        <location filename="../../hall_desk/ui/reports_workspace.py" line="90"/>
        <location filename="../../hall_desk/ui/routing_workspace.py" line="56"/>
        <source>办结期限</source>
        <translation>Completion deadline</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/main_window.py" line="159"/>
        <location filename="../../hall_desk/ui/reports_workspace.py" line="85"/>
        <location filename="../../hall_desk/ui/routing_workspace.py" line="50"/>
        <location filename="../../hall_desk/ui/staff_meetings.py" line="42"/>
        <source>期限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/delivery_workspace.py" line="35"/>
        <location filename="../../hall_desk/ui/main_window.py" line="160"/>
        <location filename="../../hall_desk/ui/reports_workspace.py" line="86"/>
        <location filename="../../hall_desk/ui/reports_workspace.py" line="116"/>
        <location filename="../../hall_desk/ui/returned_folders.py" line="32"/>
        <location filename="../../hall_desk/ui/routing_workspace.py" line="51"/>
        <source>绿色通道</source>
        <translation>Green channel</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/models.py" line="39"/>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/models.py" line="41"/>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="65"/>
        <source>启用</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="66"/>
        <source>已停用</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/my_evaluation.py" line="30"/>
        <source>月份</source>
        <translation>Month</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/my_evaluation.py" line="31"/>
        <location filename="../../hall_desk/ui/staff_evaluations.py" line="38"/>
        <source>总分</source>
        <translation>Total score</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/my_evaluation.py" line="32"/>
        <location filename="../../hall_desk/ui/staff_evaluations.py" line="39"/>
        <source>等次</source>
        <translation>Grade</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/my_evaluation.py" line="33"/>
        <location filename="../../hall_desk/ui/staff_evaluations.py" line="35"/>
        <source>名次</source>
        <translation>Rank</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/my_evaluation.py" line="35"/>
        <source>确认期限</source>
        <translation>Confirmation deadline</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/my_evaluation.py" line="38"/>
        <location filename="../../hall_desk/ui/staff_evaluations.py" line="62"/>
        <source>项目</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/my_evaluation.py" line="39"/>
        <location filename="../../hall_desk/ui/staff_evaluations.py" line="64"/>
        <source>依据</source>
        <translation>Basis</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/my_evaluation.py" line="40"/>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="70"/>
        <location filename="../../hall_desk/ui/staff_evaluations.py" line="76"/>
        <location filename="../../hall_desk/ui/staff_inspections.py" line="38"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/my_evaluation.py" line="42"/>
        <location filename="../../hall_desk/ui/staff_evaluations.py" line="78"/>
        <source>分值</source>
        <translation>Points</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="71"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="75"/>
        <source>用户名</source>
        <translation>Username</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="76"/>
        <location filename="../../hall_desk/ui/staff_evaluations.py" line="36"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="77"/>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ratings_page.py" line="48"/>
        <location filename="../../hall_desk/ui/ratings_page.py" line="63"/>
        <source>评价时间</source>
        <translation>Rated at</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ratings_page.py" line="49"/>
        <location filename="../../hall_desk/ui/ratings_page.py" line="64"/>
        <source>评价等级</source>
        <translation>Rating level</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ratings_page.py" line="50"/>
        <location filename="../../hall_desk/ui/ratings_page.py" line="65"/>
        <source>服务</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ratings_page.py" line="51"/>
        <location filename="../../hall_desk/ui/ticket_desk.py" line="54"/>
        <source>工作人员</source>
        <translation>Staff member</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ratings_page.py" line="52"/>
        <location filename="../../hall_desk/ui/reports_workspace.py" line="137"/>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="78"/>
        <location filename="../../hall_desk/ui/staff_evaluations.py" line="37"/>
        <source>窗口</source>
        <translation>Window</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ratings_page.py" line="54"/>
        <location filename="../../hall_desk/ui/ratings_page.py" line="66"/>
        <source>差评原因</source>
        <translation>Poor-rating reasons</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ratings_page.py" line="56"/>
        <source>评价人</source>
        <translation>Rated by</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ratings_page.py" line="59"/>
        <location filename="../../hall_desk/ui/ratings_page.py" line="67"/>
        <source>整改工单</source>
        <translation>Rectification ticket</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ratings_page.py" line="60"/>
        <location filename="../../hall_desk/ui/ratings_page.py" line="68"/>
        <source>申诉</source>
        <translation>Appeal</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/consult_workspace.py" line="52"/>
        <source>咨询内容</source>
        <translation>Consultation content</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/consult_workspace.py" line="53"/>
        <location filename="../../hall_desk/ui/ratings_page.py" line="53"/>
        <source>渠道</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/consult_workspace.py" line="54"/>
        <source>处理结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/consult_workspace.py" line="55"/>
        <source>咨询人</source>
        <translation>Enquirer</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/consult_workspace.py" line="56"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/consult_workspace.py" line="57"/>
        <source>登记人</source>
        <translation>Registered by</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/consult_workspace.py" line="58"/>
        <location filename="../../hall_desk/ui/delivery_workspace.py" line="42"/>
        <location filename="../../hall_desk/ui/staff_evaluations.py" line="43"/>
        <source>备注</source>
        <translation>Remarks</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/reports_workspace.py" line="65"/>
        <source>缺少的会议记录</source>
        <translation>Missing meeting records</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/reports_workspace.py" line="72"/>
        <source>已超期 {n} 个工作日</source>
        <translation>Overdue by {n} working days</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/reports_workspace.py" line="75"/>
        <source>临近期限：剩余 {n} 个工作日</source>
        <translation>Nearing deadline: {n} working days left</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/reports_workspace.py" line="95"/>
        <source>窗口/人员</source>
        <translation>Window/staff</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/reports_workspace.py" line="96"/>
        <source>咨询</source>
        <translation>Consultation</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/reports_workspace.py" line="97"/>
        <source>受理</source>
        <translation>Intake</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/reports_workspace.py" line="99"/>
        <source>容缺受理</source>
        <translation>Accept-with-gaps</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/reports_workspace.py" line="104"/>
        <source>一次性告知</source>
        <translation>One-time notice</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/reports_workspace.py" line="109"/>
        <source>不予受理</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/reports_workspace.py" line="112"/>
        <source>即办办结</source>
        <translation>Instant case completed</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/reports_workspace.py" line="117"/>
        <source>出件</source>
        <translation>Delivery</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/reports_workspace.py" line="120"/>
        <source>部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/reports_workspace.py" line="121"/>
        <source>申请</source>
        <translation>Applications</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/reports_workspace.py" line="122"/>
        <source>移交</source>
        <translation>Transferred</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/reports_workspace.py" line="123"/>
        <source>退回</source>
        <translation>Returned</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/reports_workspace.py" line="124"/>
        <source>超期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/reports_workspace.py" line="125"/>
        <source>临近期限</source>
        <translation>Nearing deadline</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/reports_workspace.py" line="132"/>
        <source>帮办对象</source>
        <translation>Person assisted</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/reports_workspace.py" line="133"/>
        <source>服务方式</source>
        <translation>Service mode</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/reports_workspace.py" line="134"/>
        <source>帮办人</source>
        <translation>Assisted by</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/reports_workspace.py" line="136"/>
        <source>受理人</source>
        <translation>Accepted by</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/returned_folders.py" line="35"/>
        <source>退回人</source>
        <translation>Returned by</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/returned_folders.py" line="36"/>
        <source>退回时间</source>
        <translation>Returned at</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/returned_folders.py" line="38"/>
        <source>退回原因</source>
        <translation>Return reason</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/routing_papers.py" line="34"/>
        <source>环节</source>
        <translation>Step</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/routing_papers.py" line="35"/>
        <source>件数</source>
        <translation>Cases</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/routing_papers.py" line="36"/>
        <source>交出</source>
        <translation>Handed over</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/routing_papers.py" line="37"/>
        <source>接收</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/routing_workspace.py" line="60"/>
        <source>待审批部门</source>
        <translation>Pending at approving department</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_evaluations.py" line="40"/>
        <source>业务量</source>
        <translation>Workload</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_evaluations.py" line="47"/>
        <source>★ 服务标兵候选</source>
        <translation>★ Service star candidate</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_evaluations.py" line="48"/>
        <source>连续 {n} 个月末位</source>
        <translation>Last place {n} months in a row</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_evaluations.py" line="53"/>
        <source>复核 {n} 次</source>
        <translation>Reviewed {n} times</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_evaluations.py" line="67"/>
        <source>【复核】</source>
        <translation>[Review]</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_evaluations.py" line="69"/>
        <source>【人工】</source>
        <translation>[Manual]</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_inspections.py" line="39"/>
        <source>人员/窗口</source>
        <translation>Staff/window</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_inspections.py" line="40"/>
        <location filename="../../hall_desk/ui/ticket_desk.py" line="50"/>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_inspections.py" line="41"/>
        <source>问题</source>
        <translation>Issue</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_inspections.py" line="42"/>
        <source>严重程度</source>
        <translation>Severity</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_inspections.py" line="43"/>
        <source>整改期限</source>
        <translation>Rectification deadline</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_inspections.py" line="47"/>
        <source>⚠ 逾期 </source>
        <translation>⚠ Overdue </translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_inspections.py" line="52"/>
        <source>30 天内</source>
        <translation>Within 30 days</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_meetings.py" line="44"/>
        <source>逾期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_meetings.py" line="45"/>
        <source>⚠ 已逾期</source>
        <translation>⚠ Overdue</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_meetings.py" line="47"/>
        <source>负责人</source>
        <translation>Owner</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_meetings.py" line="50"/>
        <location filename="../../hall_desk/ui/staff_meetings.py" line="57"/>
        <source>会议</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_meetings.py" line="54"/>
        <source>缺少的会议</source>
        <translation>Missing meetings</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_meetings.py" line="58"/>
        <source>主持人</source>
        <translation>Chaired by</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_meetings.py" line="60"/>
        <source>未出席</source>
        <translation>Absent</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_meetings.py" line="65"/>
        <source>更正</source>
        <translation>Corrections</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_meetings.py" line="67"/>
        <source>更正 {n} 次</source>
        <translation>Corrected {n} times</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/sync_conflicts.py" line="36"/>
        <source>冲突</source>
        <translation>Conflict</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/sync_conflicts.py" line="37"/>
        <source>处理</source>
        <translation>Handling</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ticket_desk.py" line="48"/>
        <source>紧急程度</source>
        <translation>Urgency</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ticket_desk.py" line="49"/>
        <source>工单编号</source>
        <translation>Ticket no.</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ticket_desk.py" line="52"/>
        <source>办理期限</source>
        <translation>Handling deadline</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ticket_desk.py" line="53"/>
        <source>反映人</source>
        <translation>Reported by</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ticket_desk.py" line="55"/>
        <source>反映内容</source>
        <translation>Report content</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/queue_settings.py" line="37"/>
        <source>全部窗口</source>
        <translation>All windows</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/queue_settings.py" line="42"/>
        <source>代码</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/queue_settings.py" line="43"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/queue_settings.py" line="44"/>
        <source>服务窗口</source>
        <translation>Serving windows</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/queue_settings.py" line="45"/>
        <source>每日限额</source>
        <translation>Daily quota</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/queue_settings.py" line="47"/>
        <source>号段</source>
        <translation>Number range</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/queue_settings.py" line="50"/>
        <source>取号时间</source>
        <translation>Issuing hours</translation>
    </message>
</context>
<context>
    <name>ScanPanel</name>
    <message>
        <location filename="../../hall_desk/ui/routing_workspace.py" line="81"/>
        <source>流转环节</source>
        <translation>Routing step</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/routing_workspace.py" line="84"/>
        <source>环节(&amp;M)：</source>
        <translation>Step (&amp;M):</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/routing_workspace.py" line="87"/>
        <source>审批部门</source>
        <translation>Approving department</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/routing_workspace.py" line="89"/>
        <source>审批部门(&amp;D)：</source>
        <translation>Approving &amp;department:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/routing_workspace.py" line="92"/>
        <source>交接人</source>
        <translation>Handover person</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/routing_workspace.py" line="93"/>
        <source>交接人(&amp;P)：</source>
        <translation>Handover &amp;person:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/routing_workspace.py" line="96"/>
        <source>扫码或输入受理编号(&amp;S)：</source>
        <translation>&amp;Scan or enter case no.:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/routing_workspace.py" line="99"/>
        <source>扫码或输入受理编号</source>
        <translation>Scan or enter case no.</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/routing_workspace.py" line="106"/>
        <source>本批材料袋</source>
        <translation>Folders in this batch</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/routing_workspace.py" line="111"/>
        <source>不予许可理由</source>
        <translation>Reason for denial</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/routing_workspace.py" line="112"/>
        <source>不予许可理由（接收审批结果时）</source>
        <translation>Reason for denial (when receiving approval results)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/routing_workspace.py" line="113"/>
        <source>所选为不予许可(&amp;N)</source>
        <translation>Mark selected as &amp;not approved</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/routing_workspace.py" line="115"/>
        <source>移出所选(&amp;R)</source>
        <translation>&amp;Remove selected</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/routing_workspace.py" line="117"/>
        <source>确认本批(&amp;C)</source>
        <translation>&amp;Confirm batch</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/routing_workspace.py" line="119"/>
        <source>打印交接单(&amp;J)…</source>
        <translation>Print handover slip (&amp;J)…</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/routing_workspace.py" line="233"/>
        <source>已加入：{case_no}（本批 {n} 件）</source>
        <translation>Added: {case_no} ({n} in this batch)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/routing_workspace.py" line="237"/>
        <source>，移交「{department}」</source>
        <translation>, transferred to "{department}"</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/routing_workspace.py" line="253"/>
        <source>审批部门已改为「{department}」</source>
        <translation>Approving department changed to "{department}"</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/routing_workspace.py" line="262"/>
        <source>请先填写不予许可理由</source>
        <translation>Please enter the reason for denial first</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/routing_workspace.py" line="266"/>
        <source>✖ 不予许可：{case_no}（{reason}）</source>
        <translation>✖ Not approved: {case_no} ({reason})</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/routing_workspace.py" line="277"/>
        <source>本批还没有材料袋</source>
        <translation>No folders in this batch yet</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/routing_workspace.py" line="322"/>
        <source>{move}：{n} 件已办理</source>
        <translation>{move}: {n} cases processed</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/routing_workspace.py" line="324"/>
        <source>，交接单 {no}</source>
        <translation>, handover slip {no}</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/routing_workspace.py" line="327"/>
        <source>；{lines}</source>
        <translation>; {lines}</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/routing_workspace.py" line="329"/>
        <source>；未办理：{lines}</source>
        <translation>; not processed: {lines}</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/routing_workspace.py" line="342"/>
        <source>交接单 {no}</source>
        <translation>Handover slip {no}</translation>
    </message>
</context>
<context>
    <name>SchemeDialog</name>
    <message>
        <location filename="../../hall_desk/ui/scheme_dialog.py" line="50"/>
        <source>考评方案（当前第 {v} 版）</source>
        <translation>Evaluation scheme (current version {v})</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/scheme_dialog.py" line="56"/>
        <source>不封顶</source>
        <translation>No cap</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/scheme_dialog.py" line="58"/>
        <source>不设目标（满分）</source>
        <translation>No target (full marks)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/scheme_dialog.py" line="60"/>
        <source>方案总分(&amp;T)：</source>
        <translation>Scheme &amp;total:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/scheme_dialog.py" line="61"/>
        <source>加分后封顶(&amp;C)：</source>
        <translation>&amp;Cap after bonus:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/scheme_dialog.py" line="62"/>
        <source>月业务量目标(&amp;W)：</source>
        <translation>Monthly &amp;workload target:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/scheme_dialog.py" line="71"/>
        <source>考评项目与满分</source>
        <translation>Evaluation items and full marks</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/scheme_dialog.py" line="77"/>
        <source>第 {n} 项名称</source>
        <translation>Item {n} name</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/scheme_dialog.py" line="81"/>
        <source>第 {n} 项满分</source>
        <translation>Item {n} full marks</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/scheme_dialog.py" line="89"/>
        <source>依据计分（每条）</source>
        <translation>Points per basis entry</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/scheme_dialog.py" line="117"/>
        <source>（不用）</source>
        <translation>(unused)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/scheme_dialog.py" line="121"/>
        <source>≥</source>
        <translation>≥</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/scheme_dialog.py" line="125"/>
        <source>等次（从高到低，最低一档从 0 分起）</source>
        <translation>Grades (highest to lowest; the lowest starts at 0)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/scheme_dialog.py" line="134"/>
        <source>保存为新版本(&amp;S)</source>
        <translation>&amp;Save as new version</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/scheme_dialog.py" line="136"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>SearchResults</name>
    <message>
        <location filename="../../hall_desk/ui/main_window.py" line="187"/>
        <source>找到 {count} 个办件</source>
        <translation>{count} cases found</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="88"/>
        <source>系统设置</source>
        <translation>System settings</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="133"/>
        <source>叫号队列</source>
        <translation>Queues</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="141"/>
        <source>{code}（编码是受理编号的一部分，不能修改）</source>
        <translation>{code} (the code is part of case numbers and cannot be changed)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="152"/>
        <source>（系统默认打印机）</source>
        <translation>(system default printer)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="158"/>
        <source>{printer}（未连接）</source>
        <translation>{printer} (not connected)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="171"/>
        <source>界面语言</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="173"/>
        <source>跟随系统</source>
        <translation>Follow system</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="174"/>
        <source>中文</source>
        <translation>中文</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="181"/>
        <source>界面语言(&amp;G)：</source>
        <translation>Interface language (&amp;G):</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="189"/>
        <source>自动（第二块显示器，没有则不用）</source>
        <translation>Automatic (second monitor; none if absent)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="190"/>
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="193"/>
        <source>{name}（{w}×{h}）</source>
        <translation>{name} ({w}×{h})</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="200"/>
        <source>{name}（未连接）</source>
        <translation>{name} (not connected)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="260"/>
        <source>法定节假日和调休由程序内置；这里录入本地节日、大厅闭厅日、临时调整，或尚未内置年份的全年安排。</source>
        <translation>Statutory holidays and make-up working days are built in; enter local holidays, hall closure days, temporary changes, or full-year schedules for years not yet built in here.</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="267"/>
        <source>工作日历例外日</source>
        <translation>Working-calendar exceptions</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="274"/>
        <source>例外日期</source>
        <translation>Exception date</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="276"/>
        <source>例外类型</source>
        <translation>Exception type</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="280"/>
        <source>说明，如：那达慕大会闭厅</source>
        <translation>Description, e.g. hall closed for the Naadam Festival</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="281"/>
        <source>例外说明</source>
        <translation>Exception description</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="282"/>
        <source>添加(&amp;A)</source>
        <translation>&amp;Add</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="284"/>
        <source>删除所选(&amp;D)</source>
        <translation>&amp;Delete selected</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="304"/>
        <source>全年安排</source>
        <translation>Full-year schedule</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="311"/>
        <source>年份(&amp;Y)：</source>
        <translation>&amp;Year:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="314"/>
        <source>年份</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="320"/>
        <source>全年安排说明</source>
        <translation>Full-year schedule description</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="322"/>
        <source>依据，如：国务院办公厅通知（国办发明电〔2026〕×号）</source>
        <translation>Basis, e.g. State Council General Office notice (Guo Ban Fa Ming Dian [2026] No. ×)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="324"/>
        <source>声明该年已全部录入(&amp;E)</source>
        <translation>Declare year fully &amp;entered</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="326"/>
        <source>撤销声明(&amp;W)</source>
        <translation>&amp;Withdraw declaration</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="345"/>
        <source>已声明全部录入的年份：{years}（这些年份的办结期限不再标注“估算”）</source>
        <translation>Years declared fully entered: {years} (completion deadlines in these years are no longer marked "estimated")</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="351"/>
        <source>尚无声明全部录入的年份：内置安排之外的年份，办结期限标注“估算”。</source>
        <translation>No year declared fully entered yet: for years beyond the built-in schedule, completion deadlines are marked "estimated".</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="357"/>
        <source>⚠ {year} 年没有声明过</source>
        <translation>⚠ {year} has not been declared</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="394"/>
        <source>⚠ 请先在表中选择要删除的日期</source>
        <translation>⚠ Please select the dates to delete in the table first</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="412"/>
        <source>从 Excel 导入(&amp;I)…</source>
        <translation>&amp;Import from Excel…</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="414"/>
        <source>导出为 Excel(&amp;E)…</source>
        <translation>&amp;Export to Excel…</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="425"/>
        <source>导入结果</source>
        <translation>Import results</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="436"/>
        <source>当前事项库：{items} 项事项，{departments} 个实施部门，{themes} 个一件事。导入时有任何错误行则全部不导入。</source>
        <translation>Current service catalog: {items} service items, {departments} implementing departments, {themes} "one-thing" bundles. If any row has errors, nothing is imported.</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="444"/>
        <source>导入事项库</source>
        <translation>Import service catalog</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="444"/>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="489"/>
        <source>Excel 文件 (*.xlsx)</source>
        <translation>Excel files (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="468"/>
        <source>未导入。请修改以下各行后重新导入：</source>
        <translation>Not imported. Please fix the following rows and import again:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="474"/>
        <source>未导入：{message}</source>
        <translation>Not imported: {message}</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="480"/>
        <source>已导入：事项 {items} 项，一件事 {themes} 个。</source>
        <translation>Imported: {items} service items, {themes} "one-thing" bundles.</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="489"/>
        <source>导出事项库</source>
        <translation>Export service catalog</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="489"/>
        <source>事项库.xlsx</source>
        <translation>service-catalog.xlsx</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="498"/>
        <source>未导出：{message}</source>
        <translation>Not exported: {message}</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="502"/>
        <source>已导出 {count} 项事项到 {path}</source>
        <translation>Exported {count} service items to {path}</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="511"/>
        <source>用户列表</source>
        <translation>Users</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="515"/>
        <source>停用/启用所选</source>
        <translation>Disable/enable selected</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="516"/>
        <source>解锁所选</source>
        <translation>Unlock selected</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="517"/>
        <source>所选改为下方角色</source>
        <translation>Change selected to the role below</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="518"/>
        <source>重设所选用户的密码(&amp;W)…</source>
        <translation>Reset selected user's pass&amp;word…</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="525"/>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="532"/>
        <source>新用户名</source>
        <translation>New username</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="534"/>
        <source>新用户姓名</source>
        <translation>New user's name</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="536"/>
        <source>新用户窗口</source>
        <translation>New user's window</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="539"/>
        <source>新用户初始密码</source>
        <translation>New user's initial password</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="540"/>
        <source>用户名：</source>
        <translation>Username:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="541"/>
        <source>姓名：</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="542"/>
        <source>角色：</source>
        <translation>Role:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="543"/>
        <source>窗口：</source>
        <translation>Window:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="544"/>
        <source>初始密码：</source>
        <translation>Initial password:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="545"/>
        <source>添加用户(&amp;N)</source>
        <translation>Add &amp;new user</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="588"/>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="595"/>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="604"/>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="628"/>
        <source>⚠ 请先在表中选择用户</source>
        <translation>⚠ Please select a user in the table first</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="616"/>
        <source>已重设 {name}（{username}）的密码，账户如被锁定已一并解锁。请当面告知本人，并请其登录后在“工具 → 修改密码”中改为自己的密码。</source>
        <translation>Password reset for {name} ({username}); the account has also been unlocked if it was locked. Tell the user in person and ask them to change it to their own password under "Tools → Change password" after signing in.</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="636"/>
        <source>备份与恢复</source>
        <translation>Backup and restore</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="640"/>
        <source>备份是本机数据库的完整副本（含全部办件与个人信息，请妥善保管）。从备份恢复时，当前数据库改名保留在本机目录中；恢复后程序将关闭，请重新打开，并先同步一次以取回本机在备份之后推送过的记录。</source>
        <translation>A backup is a full copy of this computer's database (including all cases and personal information; keep it safe). When restoring from a backup, the current database is renamed and kept in the local folder; the program closes after restoring — reopen it and sync once first to retrieve records this computer pushed after the backup.</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="648"/>
        <source>立即备份(&amp;B)…</source>
        <translation>&amp;Back up now…</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="650"/>
        <source>从备份恢复(&amp;R)…</source>
        <translation>&amp;Restore from backup…</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="670"/>
        <source>hall-desk 备份 (*.sqlite3);;所有文件 (*)</source>
        <translation>hall-desk backups (*.sqlite3);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="673"/>
        <source>备份到</source>
        <translation>Back up to</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="675"/>
        <source>选择备份文件</source>
        <translation>Choose backup file</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="679"/>
        <source>未完成：{message}</source>
        <translation>Not completed: {message}</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="692"/>
        <source>已备份到 {path}（{kb} KB，完整性校验通过）</source>
        <translation>Backed up to {path} ({kb} KB, integrity check passed)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="706"/>
        <source>从备份恢复</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="709"/>
        <source>用备份 {path} 替换本机数据库？
当前数据库将改名保留；恢复后程序将关闭，请重新打开。</source>
        <translation>Replace this computer's database with backup {path}?
The current database will be renamed and kept; the program closes after restoring — please reopen it.</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="713"/>
        <source>恢复</source>
        <translation>Restore</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="714"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="732"/>
        <source>已从备份恢复，工作站 {code}。</source>
        <translation>Restored from backup, workstation {code}.</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="734"/>
        <source>原数据库已改名保留为 {path}。</source>
        <translation>The original database has been renamed and kept as {path}.</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="736"/>
        <source>重新打开后请先同步一次，取回本机在备份之后推送过的记录。</source>
        <translation>After reopening, sync once first to retrieve records this computer pushed after the backup.</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="737"/>
        <source>程序现在关闭，请重新打开。</source>
        <translation>The program will now close; please reopen it.</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="743"/>
        <source>恢复完成</source>
        <translation>Restore complete</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="745"/>
        <source>关闭程序</source>
        <translation>Close program</translation>
    </message>
</context>
<context>
    <name>SettingsForm</name>
    <message>
        <location filename="../../forms/settings.ui" line="9"/>
        <source>大厅与工作站</source>
        <translation>Hall and workstation</translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="11"/>
        <source>政务服务中心名称：</source>
        <translation>Service center name:</translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="12"/>
        <source>政务服务中心名称</source>
        <translation>Service center name</translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="14"/>
        <source>工作站编码：</source>
        <translation>Workstation code:</translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="15"/>
        <source>工作站编码</source>
        <translation>Workstation code</translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="16"/>
        <source>窗口名称：</source>
        <translation>Window name:</translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="17"/>
        <source>窗口名称</source>
        <translation>Window name</translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="18"/>
        <source>叫号窗口号：</source>
        <translation>Calling window number:</translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="19"/>
        <source>叫号窗口号</source>
        <translation>Calling window number</translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="19"/>
        <source>本工作站叫号的窗口号，1–999；留空则本工作站不叫号</source>
        <translation>The window number this workstation calls for, 1–999; leave empty if it does not call</translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="19"/>
        <source>叫号时显示屏和语音说的窗口号，如 3 即「请 A001 号到 3 号窗口」</source>
        <translation>The window number the display and the voice announce, e.g. 3 for “A001, please go to window 3”</translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="21"/>
        <source>闲置自动锁定（分钟）：</source>
        <translation>Auto-lock when idle (minutes):</translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="22"/>
        <source>闲置自动锁定分钟数</source>
        <translation>Idle auto-lock minutes</translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="24"/>
        <source>大厅咨询电话：</source>
        <translation>Hall enquiry phone:</translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="25"/>
        <source>大厅咨询电话</source>
        <translation>Hall enquiry phone</translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="25"/>
        <source>全大厅共用，同步到各工作站，印在每份通知书上，如 0475-5212345</source>
        <translation>Shared by the whole hall, synced to every workstation, printed on every notice, e.g. 0475-5212345</translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="27"/>
        <source>大厅地址：</source>
        <translation>Hall address:</translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="28"/>
        <source>大厅地址</source>
        <translation>Hall address</translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="28"/>
        <source>全大厅共用，同步到各工作站，印在每份通知书上</source>
        <translation>Shared by the whole hall, synced to every workstation, printed on every notice</translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="30"/>
        <source>工单重开期限（工作日）：</source>
        <translation>Ticket reopen period (working days):</translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="31"/>
        <location filename="../../forms/settings.ui" line="58"/>
        <source> 个工作日</source>
        <translation> working days</translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="31"/>
        <source>工单归档后多少个工作日内可以重开；全大厅共用，同步到各工作站</source>
        <translation>How many working days after archiving a ticket can be reopened; shared by the whole hall, synced to every workstation</translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="31"/>
        <source>工单重开期限工作日数</source>
        <translation>Ticket reopen period in working days</translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="36"/>
        <source>同步</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="38"/>
        <source>共享数据库地址：</source>
        <translation>Shared database address:</translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="39"/>
        <source>共享数据库地址</source>
        <translation>Shared database address</translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="39"/>
        <source>postgresql://用户@服务器/数据库，或本机 SQLite 文件路径</source>
        <translation>postgresql://user@server/database, or a local SQLite file path</translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="41"/>
        <source>每晚同步时间：</source>
        <translation>Nightly sync time:</translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="42"/>
        <source>HH:mm</source>
        <translation>HH:mm</translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="42"/>
        <source>每晚同步时间</source>
        <translation>Nightly sync time</translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="47"/>
        <source>打印与评价屏</source>
        <translation>Printing and rating screen</translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="49"/>
        <source>默认打印机：</source>
        <translation>Default printer:</translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="50"/>
        <source>默认打印机</source>
        <translation>Default printer</translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="51"/>
        <source>好差评评价屏：</source>
        <translation>Ratings screen:</translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="52"/>
        <source>好差评评价屏</source>
        <translation>Ratings screen</translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="52"/>
        <source>面向申请人的显示器：办完一项服务后在这里请申请人评价</source>
        <translation>Applicant-facing display: after each service the applicant is asked to rate it here</translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="54"/>
        <source>评价等待时间：</source>
        <translation>Rating wait time:</translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="55"/>
        <source> 秒</source>
        <translation> s</translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="55"/>
        <source>申请人在这段时间内未评价，记为「未评价」（不计为好评）</source>
        <translation>If the applicant does not rate within this time, it is recorded as "Not rated" (not counted as positive)</translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="55"/>
        <source>评价等待秒数</source>
        <translation>Rating wait seconds</translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="57"/>
        <source>差评整改期限：</source>
        <translation>Poor-rating rectification deadline:</translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="58"/>
        <source>每条差评自动生成整改工单的办理期限；全大厅共用，同步到各工作站</source>
        <translation>Deadline of the rectification ticket created automatically for each poor rating; shared by the whole hall, synced to every workstation</translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="58"/>
        <source>差评整改期限工作日数</source>
        <translation>Poor-rating rectification deadline in working days</translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="60"/>
        <source>差评原因（每行一条）：</source>
        <translation>Poor-rating reasons (one per line):</translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="61"/>
        <source>评价屏上供申请人勾选的差评原因；全大厅共用，同步到各工作站</source>
        <translation>Poor-rating reasons the applicant can tick on the rating screen; shared by the whole hall, synced to every workstation</translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="61"/>
        <source>差评原因</source>
        <translation>Poor-rating reasons</translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="66"/>
        <source>工作日历</source>
        <translation>Working calendar</translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="69"/>
        <source>事项库</source>
        <translation>Service catalog</translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="72"/>
        <source>用户与角色</source>
        <translation>Users and roles</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <location filename="../../hall_desk/ui/setup_dialog.py" line="40"/>
        <source>设置管理员账户</source>
        <translation>Set up admin account</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/setup_dialog.py" line="40"/>
        <source>首次设置 — hall-desk</source>
        <translation>First-time setup — hall-desk</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/setup_dialog.py" line="71"/>
        <source>{hall}（工作站 {code}）还没有管理员账户，请先设置。</source>
        <translation>{hall} (workstation {code}) has no admin account yet; please set one up first.</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/setup_dialog.py" line="89"/>
        <source>两次输入的密码不一致</source>
        <translation>The two passwords do not match</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/setup_dialog.py" line="92"/>
        <source>请填写政务服务中心名称</source>
        <translation>Please enter the service center name</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/setup_dialog.py" line="114"/>
        <source>选择大厅密钥文件</source>
        <translation>Choose hall key file</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/setup_dialog.py" line="114"/>
        <source>大厅密钥 (*.key);;所有文件 (*)</source>
        <translation>Hall keys (*.key);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/setup_dialog.py" line="132"/>
        <source>系统管理员</source>
        <translation>System admin</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/setup_dialog.py" line="142"/>
        <source>加入已有大厅须选择该大厅导出的密钥文件</source>
        <translation>To join an existing hall, choose the key file exported by that hall</translation>
    </message>
</context>
<context>
    <name>SetupForm</name>
    <message>
        <location filename="../../forms/setup.ui" line="8"/>
        <source>首次使用：请设置本工作站。新大厅的第一台工作站选择“新建大厅”；其他工作站选择“加入已有大厅”，并使用第一台工作站导出的大厅密钥文件。</source>
        <translation>First use: please set up this workstation. For the first workstation of a new hall, choose "New hall"; for other workstations, choose "Join existing hall" and use the hall key file exported by the first workstation.</translation>
    </message>
    <message>
        <location filename="../../forms/setup.ui" line="14"/>
        <source>新建大厅(&amp;N)</source>
        <translation>&amp;New hall</translation>
    </message>
    <message>
        <location filename="../../forms/setup.ui" line="15"/>
        <source>加入已有大厅(&amp;J)</source>
        <translation>&amp;Join existing hall</translation>
    </message>
    <message>
        <location filename="../../forms/setup.ui" line="20"/>
        <source>政务服务中心名称：</source>
        <translation>Service center name:</translation>
    </message>
    <message>
        <location filename="../../forms/setup.ui" line="21"/>
        <source>政务服务中心名称</source>
        <translation>Service center name</translation>
    </message>
    <message>
        <location filename="../../forms/setup.ui" line="21"/>
        <source>如：科尔沁左翼中旗政务服务中心</source>
        <translation>e.g. Horqin Left Middle Banner Government Service Center</translation>
    </message>
    <message>
        <location filename="../../forms/setup.ui" line="23"/>
        <source>工作站编码：</source>
        <translation>Workstation code:</translation>
    </message>
    <message>
        <location filename="../../forms/setup.ui" line="24"/>
        <source>工作站编码</source>
        <translation>Workstation code</translation>
    </message>
    <message>
        <location filename="../../forms/setup.ui" line="24"/>
        <source>全大厅唯一，如 W01</source>
        <translation>Unique in the hall, e.g. W01</translation>
    </message>
    <message>
        <location filename="../../forms/setup.ui" line="26"/>
        <source>窗口名称：</source>
        <translation>Window name:</translation>
    </message>
    <message>
        <location filename="../../forms/setup.ui" line="27"/>
        <source>窗口名称</source>
        <translation>Window name</translation>
    </message>
    <message>
        <location filename="../../forms/setup.ui" line="27"/>
        <source>如：综合窗口1</source>
        <translation>e.g. General Window 1</translation>
    </message>
    <message>
        <location filename="../../forms/setup.ui" line="28"/>
        <source>大厅密钥文件：</source>
        <translation>Hall key file:</translation>
    </message>
    <message>
        <location filename="../../forms/setup.ui" line="31"/>
        <source>大厅密钥文件</source>
        <translation>Hall key file</translation>
    </message>
    <message>
        <location filename="../../forms/setup.ui" line="32"/>
        <source>选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../forms/setup.ui" line="36"/>
        <source>管理员用户名：</source>
        <translation>Admin username:</translation>
    </message>
    <message>
        <location filename="../../forms/setup.ui" line="37"/>
        <source>管理员用户名</source>
        <translation>Admin username</translation>
    </message>
    <message>
        <location filename="../../forms/setup.ui" line="37"/>
        <source>admin</source>
        <translation>admin</translation>
    </message>
    <message>
        <location filename="../../forms/setup.ui" line="39"/>
        <source>管理员姓名：</source>
        <translation>Admin name:</translation>
    </message>
    <message>
        <location filename="../../forms/setup.ui" line="40"/>
        <source>管理员姓名</source>
        <translation>Admin name</translation>
    </message>
    <message>
        <location filename="../../forms/setup.ui" line="42"/>
        <source>管理员密码：</source>
        <translation>Admin password:</translation>
    </message>
    <message>
        <location filename="../../forms/setup.ui" line="43"/>
        <source>管理员密码</source>
        <translation>Admin password</translation>
    </message>
    <message>
        <location filename="../../forms/setup.ui" line="43"/>
        <source>至少 8 位，含字母和数字</source>
        <translation>At least 8 characters, with letters and digits</translation>
    </message>
    <message>
        <location filename="../../forms/setup.ui" line="44"/>
        <source>再次输入密码：</source>
        <translation>Re-enter password:</translation>
    </message>
    <message>
        <location filename="../../forms/setup.ui" line="45"/>
        <source>再次输入密码</source>
        <translation>Re-enter password</translation>
    </message>
</context>
<context>
    <name>SheetsPanel</name>
    <message>
        <location filename="../../hall_desk/ui/routing_papers.py" line="54"/>
        <source>环节(&amp;H)：</source>
        <translation>&amp;Handover step:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/routing_papers.py" line="57"/>
        <source>交接单环节</source>
        <translation>Handover slip step</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/routing_papers.py" line="58"/>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/routing_papers.py" line="67"/>
        <source>交接单</source>
        <translation>Handover slips</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/routing_papers.py" line="71"/>
        <source>重印交接单(&amp;J)…</source>
        <translation>Reprint handover slip (&amp;J)…</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/routing_papers.py" line="73"/>
        <source>打印本单材料袋标签(&amp;L)…</source>
        <translation>Print folder &amp;labels for this slip…</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/routing_papers.py" line="78"/>
        <source>按受理编号打印标签(&amp;N)：</source>
        <translation>Print labels by case &amp;no.:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/routing_papers.py" line="81"/>
        <source>要打印标签的受理编号</source>
        <translation>Case numbers to print labels for</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/routing_papers.py" line="82"/>
        <source>可扫码，多个编号用空格或逗号分开</source>
        <translation>You can scan; separate multiple numbers with spaces or commas</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/routing_papers.py" line="84"/>
        <source>打印标签(&amp;B)…</source>
        <translation>Print la&amp;bels…</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/routing_papers.py" line="117"/>
        <source>请先在表中选择交接单</source>
        <translation>Please select a handover slip in the table first</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/routing_papers.py" line="160"/>
        <source>交接单 {no}（重印）</source>
        <translation>Handover slip {no} (reprint)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/routing_papers.py" line="177"/>
        <location filename="../../hall_desk/ui/routing_papers.py" line="188"/>
        <source>材料袋标签 {what}</source>
        <translation>Folder labels {what}</translation>
    </message>
</context>
<context>
    <name>StaffWorkspace</name>
    <message>
        <location filename="../../hall_desk/ui/staff_workspace.py" line="32"/>
        <source>人员与巡查</source>
        <translation>Staff and inspections</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_workspace.py" line="41"/>
        <source>会议(&amp;1)</source>
        <translation>Meetings (&amp;1)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_workspace.py" line="42"/>
        <source>巡查(&amp;2)</source>
        <translation>Inspections (&amp;2)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/staff_workspace.py" line="43"/>
        <source>绩效考评(&amp;3)</source>
        <translation>Staff evaluation (&amp;3)</translation>
    </message>
</context>
<context>
    <name>SupplementForm</name>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="885"/>
        <source>受理编号或证件号码(&amp;F)：</source>
        <translation>&amp;Find by case no. or ID number:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="888"/>
        <source>受理编号或证件号码</source>
        <translation>Case no. or ID number</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="889"/>
        <source>扫描告知书上的条码，或输入受理编号、证件号码</source>
        <translation>Scan the barcode on the notice, or enter the case no. or ID number</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="900"/>
        <source>待补材料</source>
        <translation>Materials to supplement</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="902"/>
        <source>确认收取(&amp;C)</source>
        <translation>&amp;Confirm receipt</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="909"/>
        <source>打印受理通知书(&amp;Y)…</source>
        <translation>Print intake notice (&amp;Y)…</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="936"/>
        <source>⚠ 没有找到待补正或待补齐容缺材料的办件</source>
        <translation>⚠ No case found awaiting supplement or accept-with-gaps materials</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="942"/>
        <source>{case_no}　{title}　{name}（{state}）</source>
        <translation>{case_no} · {title} · {name} ({state})</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="985"/>
        <source>材料已收齐：{case_no} 已受理，办结期限 {due}</source>
        <translation>All materials received: {case_no} accepted, completion deadline {due}</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="991"/>
        <source>已登记收取，{case_no} 仍有材料待补</source>
        <translation>Receipt recorded; {case_no} still has materials outstanding</translation>
    </message>
</context>
<context>
    <name>SyncPanel</name>
    <message>
        <location filename="../../hall_desk/ui/sync_panel.py" line="47"/>
        <location filename="../../hall_desk/ui/sync_panel.py" line="49"/>
        <source>立即同步</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/sync_panel.py" line="76"/>
        <source>同步：</source>
        <translation>Sync: </translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/sync_panel.py" line="122"/>
        <source>同步：正在同步…</source>
        <translation>Sync: syncing…</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/sync_panel.py" line="131"/>
        <source>同步：{step}</source>
        <translation>Sync: {step}</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/sync_panel.py" line="150"/>
        <source>同步失败：{reason}</source>
        <translation>Sync failed: {reason}</translation>
    </message>
</context>
<context>
    <name>SyncSummary</name>
    <message>
        <location filename="../../hall_desk/ui/sync_summary.py" line="22"/>
        <source>今天 {time}</source>
        <translation>today {time}</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/sync_summary.py" line="26"/>
        <source>昨天 {time}</source>
        <translation>yesterday {time}</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/sync_summary.py" line="35"/>
        <source>不到 1 分钟</source>
        <translation>under 1 minute</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/sync_summary.py" line="37"/>
        <source>{n} 分钟</source>
        <translation>{n} min</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/sync_summary.py" line="39"/>
        <source>{n} 小时</source>
        <translation>{n} h</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/sync_summary.py" line="40"/>
        <source>{n} 天</source>
        <translation>{n} days</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/sync_summary.py" line="46"/>
        <source>正在同步…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/sync_summary.py" line="49"/>
        <source>上次同步未完成</source>
        <translation>Last sync did not finish</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/sync_summary.py" line="51"/>
        <source>同步失败</source>
        <translation>Sync failed</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/sync_summary.py" line="54"/>
        <source>未配置共享数据库</source>
        <translation>No shared database configured</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/sync_summary.py" line="57"/>
        <source>上次同步 {when}</source>
        <translation>Last sync {when}</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/sync_summary.py" line="61"/>
        <source>尚未同步</source>
        <translation>Never synced</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/sync_summary.py" line="66"/>
        <source>未同步 {n} 条</source>
        <translation>{n} unsent</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/sync_summary.py" line="68"/>
        <source>（最早 {age}前）</source>
        <translation> (oldest {age} ago)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/sync_summary.py" line="77"/>
        <source>冲突待处理 {n} 条</source>
        <translation>{n} conflicts to resolve</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/sync_summary.py" line="83"/>
        <source>拒收 {n} 条</source>
        <translation>{n} refused</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/sync_summary.py" line="87"/>
        <source>共享库异常 {n} 项</source>
        <translation>{n} shared database problems</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/sync_summary.py" line="95"/>
        <source>时钟有误：{notice}</source>
        <translation>Clock wrong: {notice}</translation>
    </message>
</context>
<context>
    <name>Theme</name>
    <message>
        <location filename="../../hall_desk/ui/appearance.py" line="13"/>
        <source>默认</source>
        <translation>Default</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/appearance.py" line="14"/>
        <source>高对比度</source>
        <translation>High contrast</translation>
    </message>
</context>
<context>
    <name>TicketDesk</name>
    <message>
        <location filename="../../hall_desk/ui/ticket_desk.py" line="84"/>
        <source>原因分析：</source>
        <translation>Cause analysis:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ticket_desk.py" line="85"/>
        <source>派发说明：</source>
        <translation>Assignment notes:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ticket_desk.py" line="86"/>
        <source>办理进展：</source>
        <translation>Progress:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ticket_desk.py" line="87"/>
        <source>暂停原因：</source>
        <translation>Reason for pause:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ticket_desk.py" line="88"/>
        <source>恢复说明：</source>
        <translation>Resumption notes:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ticket_desk.py" line="89"/>
        <source>答复内容：</source>
        <translation>Reply:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ticket_desk.py" line="90"/>
        <source>核查意见：</source>
        <translation>Verification opinion:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ticket_desk.py" line="91"/>
        <source>不通过理由：</source>
        <translation>Reason for failing:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ticket_desk.py" line="92"/>
        <source>监督检查意见：</source>
        <translation>Supervision opinion:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ticket_desk.py" line="93"/>
        <source>归档说明：</source>
        <translation>Archiving notes:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ticket_desk.py" line="94"/>
        <source>不予受理理由：</source>
        <translation>Reason for not accepting:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ticket_desk.py" line="95"/>
        <source>延期理由：</source>
        <translation>Reason for extension:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ticket_desk.py" line="96"/>
        <source>重开理由：</source>
        <translation>Reason for reopening:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ticket_desk.py" line="123"/>
        <source>工单列表</source>
        <translation>Tickets</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ticket_desk.py" line="142"/>
        <source>全部类别</source>
        <translation>All categories</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ticket_desk.py" line="147"/>
        <source>未归档</source>
        <translation>Not archived</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ticket_desk.py" line="148"/>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ticket_desk.py" line="152"/>
        <source>已超期(&amp;O)</source>
        <translation>&amp;Overdue</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ticket_desk.py" line="154"/>
        <source>临近期限(&amp;E)</source>
        <translation>N&amp;earing deadline</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ticket_desk.py" line="156"/>
        <source>全部人员</source>
        <translation>All staff</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ticket_desk.py" line="159"/>
        <source>工单编号、反映人或内容</source>
        <translation>Ticket no., reporter or content</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ticket_desk.py" line="160"/>
        <source>查找工单</source>
        <translation>Find tickets</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ticket_desk.py" line="201"/>
        <source>办理过程</source>
        <translation>Handling history</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ticket_desk.py" line="204"/>
        <source>打印交办单(&amp;P)</source>
        <translation>&amp;Print assignment slip</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ticket_desk.py" line="206"/>
        <source>打印答复函(&amp;H)</source>
        <translation>Print reply letter (&amp;H)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ticket_desk.py" line="236"/>
        <source>下一步(&amp;W)：</source>
        <translation>Next step (&amp;W):</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ticket_desk.py" line="238"/>
        <source>派发给：</source>
        <translation>Assign to:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ticket_desk.py" line="241"/>
        <source>派发对象：</source>
        <translation>Assignee:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ticket_desk.py" line="245"/>
        <source>答复方式：</source>
        <translation>Reply method:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ticket_desk.py" line="248"/>
        <source>（请选择核查结论）</source>
        <translation>(choose a verification conclusion)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ticket_desk.py" line="250"/>
        <source>核查结论(&amp;J)：</source>
        <translation>Verification &amp;judgment:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ticket_desk.py" line="253"/>
        <source>（匿名，无回访）</source>
        <translation>(anonymous, no follow-up call)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ticket_desk.py" line="255"/>
        <source>回访结果：</source>
        <translation>Follow-up result:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ticket_desk.py" line="259"/>
        <source>不予受理类别：</source>
        <translation>Non-acceptance category:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ticket_desk.py" line="263"/>
        <source>新的期限：</source>
        <translation>New deadline:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ticket_desk.py" line="267"/>
        <source>说明：</source>
        <translation>Notes:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ticket_desk.py" line="268"/>
        <source>执行(&amp;Z)</source>
        <translation>Execute (&amp;Z)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ticket_desk.py" line="319"/>
        <source>共 {n} 张工单</source>
        <translation>{n} tickets</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ticket_desk.py" line="340"/>
        <source>没有符合条件的工单</source>
        <translation>No matching tickets</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ticket_desk.py" line="350"/>
        <source>{number}　{kind}　{channel}　{tier}</source>
        <translation>{number} · {kind} · {channel} · {tier}</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ticket_desk.py" line="356"/>
        <source>状态：{state}　{mark}</source>
        <translation>Status: {state}  {mark}</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ticket_desk.py" line="359"/>
        <source>反映人：{who}　涉及：{staff}</source>
        <translation>Reported by: {who} · Staff involved: {staff}</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ticket_desk.py" line="362"/>
        <source>反映内容：{text}</source>
        <translation>Report content: {text}</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ticket_desk.py" line="365"/>
        <source>派发：{to}</source>
        <translation>Assigned to: {to}</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ticket_desk.py" line="367"/>
        <source>核查结论：{finding}</source>
        <translation>Verification conclusion: {finding}</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ticket_desk.py" line="448"/>
        <source>{number}：核查不通过，已退回办理</source>
        <translation>{number}: failed verification, returned for handling</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ticket_desk.py" line="450"/>
        <source>{number}：已{step}</source>
        <translation>{number}: {step} done</translation>
    </message>
</context>
<context>
    <name>TicketRegisterForm</name>
    <message>
        <location filename="../../hall_desk/ui/ticket_register.py" line="73"/>
        <source>类别(&amp;L)：</source>
        <translation>Category (&amp;L):</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ticket_register.py" line="76"/>
        <source>渠道(&amp;Q)：</source>
        <translation>Channel (&amp;Q):</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ticket_register.py" line="78"/>
        <source>12345 转办时填写平台工单号</source>
        <translation>For 12345 referrals, enter the platform ticket no.</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ticket_register.py" line="79"/>
        <source>12345 工单号：</source>
        <translation>12345 ticket no.:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ticket_register.py" line="82"/>
        <source>（非办不成事）</source>
        <translation>(not "can't-get-it-done")</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ticket_register.py" line="85"/>
        <source>办不成事类型(&amp;B)：</source>
        <translation>"Can't-get-it-done" type (&amp;B):</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ticket_register.py" line="88"/>
        <source>办理层级(&amp;J)：</source>
        <translation>&amp;Jurisdiction level:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ticket_register.py" line="92"/>
        <source>反映内容(&amp;N)：</source>
        <translation>Report co&amp;ntent:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ticket_register.py" line="93"/>
        <source>匿名反映(&amp;M)</source>
        <translation>Anony&amp;mous report</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ticket_register.py" line="97"/>
        <source>反映人姓名(&amp;X)：</source>
        <translation>Reporter name (&amp;X):</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ticket_register.py" line="99"/>
        <source>联系电话(&amp;D)：</source>
        <translation>Contact phone (&amp;D):</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ticket_register.py" line="101"/>
        <source>涉及办件的受理编号（可不填）</source>
        <translation>Case no. of the related case (optional)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ticket_register.py" line="102"/>
        <source>涉及办件：</source>
        <translation>Related case:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ticket_register.py" line="103"/>
        <source>（不涉及具体人员）</source>
        <translation>(no specific staff involved)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ticket_register.py" line="104"/>
        <source>涉及工作人员(&amp;G)：</source>
        <translation>Staff involved (&amp;G):</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ticket_register.py" line="106"/>
        <source>涉及窗口：</source>
        <translation>Window involved:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ticket_register.py" line="108"/>
        <source>补登时填写，如 2026-11-24 09:30；不填为现在</source>
        <translation>For late entries, e.g. 2026-11-24 09:30; leave blank for now</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ticket_register.py" line="109"/>
        <source>接收时间：</source>
        <translation>Received at:</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ticket_register.py" line="111"/>
        <source>登记(&amp;R)  Ctrl+Enter</source>
        <translation>&amp;Register  Ctrl+Enter</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ticket_register.py" line="143"/>
        <source>接收时间应写成 年-月-日 时:分，如 2026-11-24 09:30</source>
        <translation>Received time must be year-month-day hour:minute, e.g. 2026-11-24 09:30</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ticket_register.py" line="197"/>
        <source>办理期限 {day}</source>
        <translation>Handling deadline {day}</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ticket_register.py" line="199"/>
        <source>无办理期限</source>
        <translation>No handling deadline</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/ticket_register.py" line="202"/>
        <source>已登记 {number}，{due}</source>
        <translation>Registered {number}, {due}</translation>
    </message>
</context>
<context>
    <name>TicketsWorkspace</name>
    <message>
        <location filename="../../hall_desk/ui/tickets_workspace.py" line="25"/>
        <source>办不成事/投诉</source>
        <translation>"Can't-get-it-done" / complaints</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/tickets_workspace.py" line="34"/>
        <source>登记(&amp;1)</source>
        <translation>Registration (&amp;1)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/tickets_workspace.py" line="35"/>
        <source>工单列表(&amp;2)</source>
        <translation>Tickets (&amp;2)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/tickets_workspace.py" line="39"/>
        <source>待核查(&amp;3)</source>
        <translation>Awaiting verification (&amp;3)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/tickets_workspace.py" line="43"/>
        <source>好差评(&amp;4)</source>
        <translation>Ratings (&amp;4)</translation>
    </message>
</context>
<context>
    <name>WaitingNow</name>
    <message>
        <location filename="../../hall_desk/ui/queue_waiting.py" line="31"/>
        <source>当前等候</source>
        <translation>Waiting now</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/queue_waiting.py" line="60"/>
        <source>本工作站未设置共享数据库，无法读取排队情况</source>
        <translation>No shared database is set at this workstation: the queue cannot be read</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/queue_waiting.py" line="60"/>
        <source>未设共享数据库</source>
        <translation>no shared database set</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/queue_waiting.py" line="67"/>
        <source>当前等候：读取中…</source>
        <translation>Waiting now: reading…</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/queue_waiting.py" line="92"/>
        <source>当前等候：共 %1 人（%2）</source>
        <translation>Waiting now: %1 in all (%2)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/queue_waiting.py" line="98"/>
        <source>%1 %2 人</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/queue_waiting.py" line="110"/>
        <source>共享数据库连不上</source>
        <translation>shared database unreachable</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/queue_waiting.py" line="111"/>
        <source>共享数据库暂时无法连接，排队人数暂不可知</source>
        <translation>The shared database cannot be reached just now: the number waiting is unknown</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/queue_waiting.py" line="114"/>
        <source>未能读取</source>
        <translation>could not be read</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/queue_waiting.py" line="120"/>
        <source>当前等候：—（%1）</source>
        <translation>Waiting now: — (%1)</translation>
    </message>
</context>
<context>
    <name>Words</name>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="21"/>
        <source>居民身份证</source>
        <translation>Resident ID card</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="22"/>
        <source>港澳居民来往内地通行证</source>
        <translation>Mainland Travel Permit for HK/Macao Residents</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="23"/>
        <source>台湾居民来往大陆通行证</source>
        <translation>Mainland Travel Permit for Taiwan Residents</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="24"/>
        <source>护照</source>
        <translation>Passport</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="25"/>
        <source>外国人永久居留身份证</source>
        <translation>Foreign Permanent Resident ID Card</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="26"/>
        <source>统一社会信用代码</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="28"/>
        <source>窗口人员</source>
        <translation>Window clerk</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="29"/>
        <source>流转岗</source>
        <translation>Routing clerk</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="30"/>
        <source>班组长</source>
        <translation>Team lead</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="31"/>
        <source>系统管理员</source>
        <translation>System admin</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="32"/>
        <source>系统</source>
        <translation>System</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="34"/>
        <source>受理办件</source>
        <translation>Accept cases</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="35"/>
        <source>登记咨询</source>
        <translation>Record consultations</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="36"/>
        <source>材料流转</source>
        <translation>Routing</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="37"/>
        <source>统一出件</source>
        <translation>Unified delivery</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="38"/>
        <source>查看办件</source>
        <translation>View cases</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="39"/>
        <source>查看完整证件号码和电话</source>
        <translation>See full ID numbers and phones</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="40"/>
        <source>统计报表</source>
        <translation>Statistics and reports</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="41"/>
        <source>办不成事与投诉处理</source>
        <translation>Complaints and "can't-get-it-done" handling</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="42"/>
        <source>会议、巡查与绩效考评</source>
        <translation>Meetings, inspections and evaluations</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="43"/>
        <source>用户管理</source>
        <translation>User management</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="44"/>
        <source>事项库管理</source>
        <translation>Catalog management</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="45"/>
        <source>工作日历管理</source>
        <translation>Working calendar management</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="46"/>
        <source>系统设置</source>
        <translation>System settings</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="48"/>
        <source>咨询</source>
        <translation>Consultation</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="49"/>
        <source>已受理</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="50"/>
        <source>容缺受理</source>
        <translation>Accepted with gaps</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="51"/>
        <source>待补正</source>
        <translation>Awaiting supplement</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="52"/>
        <source>不予受理</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="53"/>
        <source>预审</source>
        <translation>Pre-review</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="54"/>
        <source>流转中</source>
        <translation>In routing</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="55"/>
        <source>审批中</source>
        <translation>Under approval</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="56"/>
        <source>已办结</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="57"/>
        <source>不予许可</source>
        <translation>Denied</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="58"/>
        <source>待出件</source>
        <translation>Pending delivery</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="59"/>
        <source>已出件</source>
        <translation>Delivered</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="60"/>
        <source>已撤回</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="62"/>
        <source>受理</source>
        <translation>Intake</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="63"/>
        <source>一次性告知补正</source>
        <translation>One-time supplement notice</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="64"/>
        <source>即办办结</source>
        <translation>Instant case completed</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="65"/>
        <source>补正材料收齐</source>
        <translation>Supplement complete</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="66"/>
        <source>容缺材料补齐</source>
        <translation>Missing materials supplied</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="67"/>
        <source>流转岗预审</source>
        <translation>Pre-review by routing</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="68"/>
        <source>预审通过</source>
        <translation>Pre-review passed</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="69"/>
        <source>预审退回补正</source>
        <translation>Return for supplement at pre-review</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="70"/>
        <source>移交审批部门</source>
        <translation>Hand over to approving department</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="71"/>
        <source>部门审结（联办待续）</source>
        <translation>Department done (joint case continues)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="72"/>
        <source>审批办结</source>
        <translation>Approval completed</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="73"/>
        <source>送出件窗口</source>
        <translation>Send to delivery window</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="74"/>
        <source>出件</source>
        <translation>Delivery</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="75"/>
        <source>邮件退回</source>
        <translation>Mail returned</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="76"/>
        <source>申请人撤回</source>
        <translation>Withdrawn by applicant</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="78"/>
        <source>登记申请人信息</source>
        <translation>Applicant details recorded</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="79"/>
        <source>收取部分补正材料</source>
        <translation>Part of the supplement received</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="80"/>
        <source>特别程序暂停计时</source>
        <translation>Clock paused for special procedure</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="81"/>
        <source>恢复计时</source>
        <translation>Clock resumed</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="82"/>
        <source>关联咨询</source>
        <translation>Linked consultation</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="84"/>
        <source>已超期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="85"/>
        <source>临近期限</source>
        <translation>Nearing deadline</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="86"/>
        <source>正常</source>
        <translation>On time</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="87"/>
        <source>计时暂停</source>
        <translation>Clock paused</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="88"/>
        <source>未起算</source>
        <translation>Not started</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="90"/>
        <source>工作日</source>
        <translation>Working days</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="91"/>
        <source>自然日</source>
        <translation>Calendar days</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="93"/>
        <source>休息日</source>
        <translation>Day off</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="95"/>
        <source>听证</source>
        <translation>Hearing</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="96"/>
        <source>检验</source>
        <translation>Inspection</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="97"/>
        <source>检测</source>
        <translation>Testing</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="98"/>
        <source>检疫</source>
        <translation>Quarantine</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="99"/>
        <source>鉴定</source>
        <translation>Appraisal</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="100"/>
        <source>专家评审</source>
        <translation>Expert review</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="101"/>
        <source>公示</source>
        <translation>Public notice</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="103"/>
        <source>即办件</source>
        <translation>Instant</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="104"/>
        <source>承诺件</source>
        <translation>Promised</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="105"/>
        <source>上报件</source>
        <translation>Referred up</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="106"/>
        <source>联办件</source>
        <translation>Joint</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="108"/>
        <source>原件</source>
        <translation>Original</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="109"/>
        <source>复印件</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="110"/>
        <source>原件和复印件</source>
        <translation>Original and copy</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="112"/>
        <source>窗口领取</source>
        <translation>Collected at window</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="113"/>
        <source>邮寄</source>
        <translation>Mail</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="115"/>
        <source>本人领取</source>
        <translation>Collected in person</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="116"/>
        <source>代领</source>
        <translation>Collected by proxy</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="118"/>
        <source>中国邮政 EMS</source>
        <translation>China Post EMS</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="119"/>
        <source>顺丰速运</source>
        <translation>SF Express</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="120"/>
        <source>京东物流</source>
        <translation>JD Logistics</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="121"/>
        <source>中通快递</source>
        <translation>ZTO Express</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="122"/>
        <source>圆通速递</source>
        <translation>YTO Express</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="123"/>
        <source>申通快递</source>
        <translation>STO Express</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="124"/>
        <source>韵达快递</source>
        <translation>Yunda Express</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="125"/>
        <source>其他快递</source>
        <translation>Other courier</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="127"/>
        <source>收取材料袋</source>
        <translation>Receive folder</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="128"/>
        <source>接收审批结果</source>
        <translation>Receive approval result</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="129"/>
        <source>邮寄送达</source>
        <translation>Delivered by mail</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="131"/>
        <source>老年人</source>
        <translation>Senior</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="132"/>
        <source>残疾人</source>
        <translation>Person with disability</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="133"/>
        <source>孕妇</source>
        <translation>Pregnant</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="134"/>
        <source>伤病/行动不便</source>
        <translation>Ill/injured or limited mobility</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="135"/>
        <source>其他特殊群体</source>
        <translation>Other special group</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="137"/>
        <source>全程帮办</source>
        <translation>Full assistance</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="138"/>
        <source>导办</source>
        <translation>Guided</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="139"/>
        <source>代办</source>
        <translation>Handled on behalf</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="140"/>
        <source>上门服务</source>
        <translation>Home visit</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="142"/>
        <source>现场</source>
        <translation>In person</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="143"/>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="144"/>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="146"/>
        <source>已解答</source>
        <translation>Answered</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="147"/>
        <source>引导至窗口</source>
        <translation>Guided to a window</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="148"/>
        <source>转入受理</source>
        <translation>Moved to intake</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="150"/>
        <source>等候</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="151"/>
        <source>已呼叫</source>
        <translation>Called</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="152"/>
        <source>办理中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="153"/>
        <source>完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="154"/>
        <source>过号</source>
        <translation>No-show</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="155"/>
        <source>离开</source>
        <translation>Left</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="156"/>
        <source>挂起</source>
        <translation>Hold</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="157"/>
        <source>已转移</source>
        <translation>Transferred</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="159"/>
        <source>叫号</source>
        <translation>Call</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="160"/>
        <source>重呼</source>
        <translation>Recall</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="161"/>
        <source>开始办理</source>
        <translation>Start serving</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="162"/>
        <source>办结</source>
        <translation>Finish</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="163"/>
        <source>恢复</source>
        <translation>Resume</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="164"/>
        <source>转移</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="166"/>
        <source>普通</source>
        <translation>Regular</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="167"/>
        <source>绿色通道</source>
        <translation>Green channel</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="169"/>
        <source>非常满意</source>
        <translation>Very satisfied</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="170"/>
        <source>满意</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="171"/>
        <source>基本满意</source>
        <translation>Fairly satisfied</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="172"/>
        <source>不满意</source>
        <translation>Dissatisfied</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="173"/>
        <source>非常不满意</source>
        <translation>Very dissatisfied</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="175"/>
        <source>即办</source>
        <translation>Instant completion</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="177"/>
        <source>评价屏</source>
        <translation>Rating screen</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="178"/>
        <source>窗口代录</source>
        <translation>Recorded at window</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="179"/>
        <source>二维码/线上</source>
        <translation>QR code/online</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="181"/>
        <source>已评价</source>
        <translation>Rated</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="182"/>
        <source>未评价</source>
        <translation>Not rated</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="184"/>
        <source>申诉中</source>
        <translation>Under appeal</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="185"/>
        <source>申诉成立</source>
        <translation>Appeal upheld</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="186"/>
        <source>申诉不成立</source>
        <translation>Appeal rejected</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="188"/>
        <source>核实（是否属实、合理，是否恶意）</source>
        <translation>Verify (true? reasonable? malicious?)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="189"/>
        <source>整改（立即整改 / 限期整改 / 解释说明）</source>
        <translation>Rectify (at once / by a deadline / explain)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="190"/>
        <source>整改进展</source>
        <translation>Rectification progress</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="191"/>
        <source>答复评价人</source>
        <translation>Reply to the rater</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="192"/>
        <source>回访（实名评价人必回访）</source>
        <translation>Follow-up call (always for named raters)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="194"/>
        <source>投诉</source>
        <translation>Complaint</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="195"/>
        <source>建议</source>
        <translation>Suggestion</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="196"/>
        <source>表扬</source>
        <translation>Praise</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="198"/>
        <source>窗口</source>
        <translation>Window</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="199"/>
        <source>办不成事窗口</source>
        <translation>"Can't-get-it-done" window</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="200"/>
        <source>12345 转办</source>
        <translation>Referred by 12345</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="201"/>
        <source>意见箱</source>
        <translation>Suggestion box</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="203"/>
        <source>符合条件未受理或未办结</source>
        <translation>Eligible but not accepted or not completed</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="204"/>
        <source>多次往返未办成</source>
        <translation>Several trips, still not done</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="205"/>
        <source>工作人员作风</source>
        <translation>Staff conduct</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="206"/>
        <source>政策原因</source>
        <translation>Policy reasons</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="208"/>
        <source>当场解决</source>
        <translation>Solved on the spot</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="209"/>
        <source>复杂问题（5 个工作日）</source>
        <translation>Complex (5 working days)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="210"/>
        <source>特殊问题（10 个工作日）</source>
        <translation>Special (10 working days)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="211"/>
        <source>提级（营商环境办）</source>
        <translation>Escalated (business environment office)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="213"/>
        <source>部门后台</source>
        <translation>Department back office</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="214"/>
        <source>人员</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="216"/>
        <source>涉诉</source>
        <translation>In litigation</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="217"/>
        <source>涉法（行政复议）</source>
        <translation>Legal (administrative review)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="218"/>
        <source>涉访</source>
        <translation>Petition</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="221"/>
        <source>属实</source>
        <translation>Substantiated</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="222"/>
        <source>部分属实</source>
        <translation>Partly substantiated</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="223"/>
        <source>不属实</source>
        <translation>Unsubstantiated</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="225"/>
        <source>当面</source>
        <translation>In person</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="226"/>
        <source>书面</source>
        <translation>In writing</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="227"/>
        <source>短信</source>
        <translation>Text message</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="228"/>
        <source>12345 平台回复</source>
        <translation>Reply on the 12345 platform</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="230"/>
        <source>已登记</source>
        <translation>Registered</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="231"/>
        <source>已分析原因</source>
        <translation>Cause analysed</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="232"/>
        <source>已派发</source>
        <translation>Assigned</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="233"/>
        <source>暂停（等待反映人）</source>
        <translation>Paused (waiting for the reporter)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="234"/>
        <source>已答复，待核查</source>
        <translation>Answered, awaiting check</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="235"/>
        <source>已核查</source>
        <translation>Checked</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="236"/>
        <source>已归档</source>
        <translation>Archived</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="238"/>
        <source>登记</source>
        <translation>Register</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="239"/>
        <source>分析原因</source>
        <translation>Analyse cause</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="240"/>
        <source>派发工单</source>
        <translation>Assign ticket</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="241"/>
        <source>办理进展</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="242"/>
        <source>恢复办理</source>
        <translation>Resume handling</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="243"/>
        <source>答复</source>
        <translation>Answer</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="244"/>
        <source>结果核查</source>
        <translation>Check result</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="245"/>
        <source>核查不通过（退回办理）</source>
        <translation>Check failed (back to handling)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="246"/>
        <source>监督检查</source>
        <translation>Supervision check</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="247"/>
        <source>归档</source>
        <translation>Archive</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="248"/>
        <source>延期</source>
        <translation>Extend</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="249"/>
        <source>重开</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="251"/>
        <source>晨会</source>
        <translation>Morning meeting</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="252"/>
        <source>夕会</source>
        <translation>Evening meeting</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="253"/>
        <source>周例会</source>
        <translation>Weekly meeting</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="254"/>
        <source>月度例会</source>
        <translation>Monthly meeting</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="255"/>
        <source>专题会议</source>
        <translation>Special meeting</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="257"/>
        <source>出席</source>
        <translation>Present</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="258"/>
        <source>迟到</source>
        <translation>Late</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="259"/>
        <source>请假</source>
        <translation>On leave</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="260"/>
        <source>代会</source>
        <translation>Substitute</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="261"/>
        <source>缺席</source>
        <translation>Absent</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="263"/>
        <source>服务环境</source>
        <translation>Service environment</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="264"/>
        <source>行为规范</source>
        <translation>Conduct</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="265"/>
        <source>服务标准</source>
        <translation>Service standards</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="266"/>
        <source>服务效率</source>
        <translation>Service efficiency</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="268"/>
        <source>一般</source>
        <translation>Minor</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="269"/>
        <source>较重</source>
        <translation>Serious</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="270"/>
        <source>严重</source>
        <translation>Severe</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="272"/>
        <source>待整改</source>
        <translation>To rectify</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="273"/>
        <source>已整改待复查</source>
        <translation>Rectified, awaiting recheck</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="274"/>
        <source>复查通过</source>
        <translation>Recheck passed</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="276"/>
        <source>提醒</source>
        <translation>Reminder</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="277"/>
        <source>调岗建议</source>
        <translation>Reassignment suggested</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="278"/>
        <source>约谈</source>
        <translation>Formal talk</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="280"/>
        <source>业务办理量</source>
        <translation>Workload</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="281"/>
        <source>投诉属实</source>
        <translation>Complaint substantiated</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="282"/>
        <source>差评经复核维持</source>
        <translation>Poor rating upheld on review</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="283"/>
        <source>办件超期办结</source>
        <translation>Case completed late</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="284"/>
        <source>巡查问题（一般）</source>
        <translation>Inspection finding (minor)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="285"/>
        <source>巡查问题（较重）</source>
        <translation>Inspection finding (serious)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="286"/>
        <source>巡查问题（严重）</source>
        <translation>Inspection finding (severe)</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="287"/>
        <source>会议缺席</source>
        <translation>Meeting absence</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="288"/>
        <source>会议迟到</source>
        <translation>Late for meeting</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="289"/>
        <source>人工调整</source>
        <translation>Manual adjustment</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="291"/>
        <source>草稿</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="292"/>
        <source>已审核</source>
        <translation>Reviewed</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="293"/>
        <source>已发布待确认</source>
        <translation>Published, awaiting confirmation</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="294"/>
        <source>本人已确认</source>
        <translation>Confirmed by staff member</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="295"/>
        <source>本人有异议</source>
        <translation>Disputed by staff member</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="297"/>
        <source>受理通知书</source>
        <translation>Acceptance notice</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="298"/>
        <source>办结回执</source>
        <translation>Completion receipt</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="299"/>
        <source>容缺受理通知书</source>
        <translation>Accepted-with-gaps notice</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="300"/>
        <source>一次性告知书</source>
        <translation>One-time supplement notice</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="301"/>
        <source>不予受理通知书</source>
        <translation>Rejection notice</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="303"/>
        <source>受理窗口</source>
        <translation>Intake window</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="304"/>
        <source>出件窗口</source>
        <translation>Delivery window</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="305"/>
        <source>申请人</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="307"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="308"/>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="309"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="310"/>
        <source>法定代表人</source>
        <translation>Legal representative</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="311"/>
        <source>联系人</source>
        <translation>Contact person</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="327"/>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="332"/>
        <source>，</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/words.py" line="339"/>
        <source>{percent}（{n}/{d}）</source>
        <translation>{percent} ({n}/{d})</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <location filename="../../hall_desk/ui/main_window.py" line="79"/>
        <source>综合受理</source>
        <translation>One-window intake</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/main_window.py" line="81"/>
        <source>选择事项或一件事，录入申请人，核对材料清单，受理、容缺受理、一次性告知补正或不予受理，并打印通知书。</source>
        <translation>Choose a service item or "one-thing" bundle, enter the applicant, check the materials list, then accept, accept with gaps, issue a one-time supplement notice or reject, and print the notice.</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/main_window.py" line="88"/>
        <source>咨询登记</source>
        <translation>Consultations</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/main_window.py" line="90"/>
        <source>快速登记现场和电话咨询，常用主题一键录入，转入受理时记录首问负责人。</source>
        <translation>Quickly register walk-in and phone consultations, enter common topics with one click, and record the first-contact owner when passing to intake.</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/main_window.py" line="96"/>
        <source>材料流转</source>
        <translation>Routing</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/main_window.py" line="98"/>
        <source>扫码收取材料袋、预审、按部门批量移交并打印交接单，随时掌握每个材料袋的位置和剩余期限。</source>
        <translation>Scan in folders, pre-review, transfer in batches by department and print handover slips; always know where each folder is and how much time is left.</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/main_window.py" line="105"/>
        <source>统一出件</source>
        <translation>Unified delivery</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/main_window.py" line="107"/>
        <source>待出件队列，本人或代领核验身份后领取，邮寄登记运单号，出件台账。</source>
        <translation>Delivery queue, pickup by the applicant or a proxy after ID check, mail registration with tracking number, delivery ledger.</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/main_window.py" line="113"/>
        <source>办不成事/投诉</source>
        <translation>"Can't-get-it-done" / complaints</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/main_window.py" line="115"/>
        <source>办不成事反映、投诉、建议、表扬和好差评的登记、派单、限期解决与核查。</source>
        <translation>Register, assign, resolve within deadlines and verify "can't-get-it-done" reports, complaints, suggestions, praise and ratings.</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/main_window.py" line="121"/>
        <source>统计报表</source>
        <translation>Statistics and reports</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/main_window.py" line="123"/>
        <source>当日概况、超期和临近期限办件、每日工作汇总、月度报表和各类台账导出。</source>
        <translation>Day overview, overdue and near-deadline cases, daily work summary, monthly reports and ledger exports.</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/main_window.py" line="129"/>
        <source>人员与巡查</source>
        <translation>Staff and inspections</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/main_window.py" line="131"/>
        <source>晨会、周例会和待办事项，现场巡查与整改复查，月度绩效考评的计算、审核、发布和打印。</source>
        <translation>Morning meetings, weekly meetings and action items, on-site inspections and rectification follow-up, and calculation, review, publishing and printing of monthly staff evaluations.</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/main_window.py" line="136"/>
        <source>系统管理</source>
        <translation>System administration</translation>
    </message>
</context>
<context>
    <name>_PasswordForm</name>
    <message>
        <location filename="../../hall_desk/ui/password_dialog.py" line="37"/>
        <source>新密码至少 {n} 位，须同时包含字母和数字。</source>
        <translation>The new password must be at least {n} characters and contain both letters and digits.</translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/password_dialog.py" line="66"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
</TS>
