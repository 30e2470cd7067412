<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>Application</name>
    <message>
        <location filename="../../hall_desk/ui/app.py" line="50"/>
        <source>政务服务中心前台</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseView</name>
    <message>
        <location filename="../../hall_desk/ui/case_view.py" line="33"/>
        <source>办件查看</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/case_view.py" line="68"/>
        <source>、</source>
        <extracomment>Between the kinds of help a case gets (AssistanceFlag labels).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/case_view.py" line="72"/>
        <source>♿ 帮您办：{kinds}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/case_view.py" line="74"/>
        <source>♿ 帮您办</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/case_view.py" line="76"/>
        <source>（{mode}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/case_view.py" line="80"/>
        <source>，帮办人 {helper}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/case_view.py" line="133"/>
        <source>办件 {case_no}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/case_view.py" line="138"/>
        <source>{item}（{department}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/case_view.py" line="142"/>
        <source>单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/case_view.py" line="142"/>
        <source>个人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/case_view.py" line="144"/>
        <source>；代理人 {name}（{id}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/case_view.py" line="149"/>
        <source>{name}（{kind}）{agent}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/case_view.py" line="160"/>
        <source>—（未受理或已结束）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/case_view.py" line="162"/>
        <source>已办结，待出件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/case_view.py" line="181"/>
        <source>否</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/case_view.py" line="200"/>
        <source>已显示（已记录）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/case_view.py" line="209"/>
        <source>办件信息单 {case_no}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseViewForm</name>
    <message>
        <location filename="../../forms/case_view.ui" line="8"/>
        <source>pageTitle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/case_view.ui" line="14"/>
        <source>受理编号：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/case_view.ui" line="20"/>
        <source>受理编号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/case_view.ui" line="24"/>
        <source>办理事项：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/case_view.ui" line="30"/>
        <source>办理事项</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/case_view.ui" line="34"/>
        <source>申请人：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/case_view.ui" line="40"/>
        <source>申请人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/case_view.ui" line="44"/>
        <source>证件号码：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/case_view.ui" line="50"/>
        <source>证件号码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/case_view.ui" line="54"/>
        <location filename="../../forms/case_view.ui" line="68"/>
        <source>显示完整号码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/case_view.ui" line="55"/>
        <source>显示完整证件号码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/case_view.ui" line="58"/>
        <source>联系电话：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/case_view.ui" line="64"/>
        <source>联系电话</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/case_view.ui" line="69"/>
        <source>显示完整联系电话</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/case_view.ui" line="72"/>
        <source>办件状态：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/case_view.ui" line="78"/>
        <source>办件状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/case_view.ui" line="82"/>
        <source>办结期限：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/case_view.ui" line="88"/>
        <source>办结期限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/case_view.ui" line="92"/>
        <source>绿色通道：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/case_view.ui" line="98"/>
        <source>绿色通道</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/case_view.ui" line="109"/>
        <location filename="../../forms/case_view.ui" line="111"/>
        <source>申请材料</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/case_view.ui" line="115"/>
        <location filename="../../forms/case_view.ui" line="117"/>
        <source>办理过程</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/case_view.ui" line="125"/>
        <source>打印办件信息(&amp;P)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/case_view.ui" line="126"/>
        <source>关闭</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConsultWorkspace</name>
    <message>
        <location filename="../../hall_desk/ui/consult_workspace.py" line="42"/>
        <source>咨询登记</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/consult_workspace.py" line="45"/>
        <source>常用主题（Alt+1…9 直接填入）：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/consult_workspace.py" line="65"/>
        <source>咨询内容，或输入事项名称/拼音首字母后从下方选择</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/consult_workspace.py" line="66"/>
        <source>咨询内容(&amp;Q)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/consult_workspace.py" line="66"/>
        <source>咨询内容</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/consult_workspace.py" line="69"/>
        <source>相关事项</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/consult_workspace.py" line="74"/>
        <source>渠道：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/consult_workspace.py" line="76"/>
        <source>现场(&amp;1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/consult_workspace.py" line="77"/>
        <source>电话(&amp;2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/consult_workspace.py" line="78"/>
        <source>其他(&amp;3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/consult_workspace.py" line="83"/>
        <source>处理结果：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/consult_workspace.py" line="85"/>
        <source>已解答(&amp;4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/consult_workspace.py" line="86"/>
        <source>引导至窗口(&amp;5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/consult_workspace.py" line="87"/>
        <source>转入受理(&amp;6)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/consult_workspace.py" line="91"/>
        <source>引导到的窗口：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/consult_workspace.py" line="91"/>
        <source>引导到的窗口</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/consult_workspace.py" line="95"/>
        <source>咨询人（可不填）：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/consult_workspace.py" line="97"/>
        <source>咨询人姓名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/consult_workspace.py" line="100"/>
        <source>联系电话（可不填）：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/consult_workspace.py" line="100"/>
        <source>咨询人联系电话</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/consult_workspace.py" line="102"/>
        <source>备注：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/consult_workspace.py" line="102"/>
        <source>备注</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/consult_workspace.py" line="104"/>
        <source>登记(&amp;S)  Ctrl+Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/consult_workspace.py" line="206"/>
        <source>已登记：{topic}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ErrorReporter</name>
    <message>
        <location filename="../../hall_desk/ui/errors.py" line="58"/>
        <source>未处理的异常</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/errors.py" line="61"/>
        <source>程序遇到一个意外错误，刚才的操作可能没有完成，已保存的数据不受影响。
错误详情已记录在：{path}
请把这个文件交给系统管理员。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/errors.py" line="67"/>
        <source>出错了</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Forms</name>
    <message>
        <location filename="../../hall_desk/ui/forms.py" line="29"/>
        <source>缺少界面文件：{path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/forms.py" line="37"/>
        <source>界面文件无法解析：{path}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IntakeForm</name>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="87"/>
        <source>① 申请事项</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="90"/>
        <source>查找事项(&amp;F)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="93"/>
        <source>查找事项或一件事</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="95"/>
        <source>名称、事项编码或拼音首字母，如 gtgsh；回车加入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="103"/>
        <source>查找结果</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="106"/>
        <source>已选(&amp;L)（Delete 键移除）：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="109"/>
        <source>已选事项</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="126"/>
        <source>一件事</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="150"/>
        <source>一件事：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="189"/>
        <source>② 申请人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="205"/>
        <source>个人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="206"/>
        <source>单位（统一社会信用代码）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="207"/>
        <source>申请人类型(&amp;T)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="207"/>
        <source>申请人类型</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="212"/>
        <source>证件类型：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="212"/>
        <source>证件类型</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="214"/>
        <source>证件号码(&amp;I)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="214"/>
        <source>证件号码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="219"/>
        <source>姓名/名称(&amp;M)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="219"/>
        <source>申请人姓名或单位名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="221"/>
        <source>联系电话(&amp;P)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="221"/>
        <source>联系电话</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="223"/>
        <source>地址：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="223"/>
        <source>地址</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="226"/>
        <source>法定代表人：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="226"/>
        <source>法定代表人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="229"/>
        <source>联系人：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="229"/>
        <source>联系人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="230"/>
        <source>代理人代为办理(&amp;G)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="234"/>
        <source>代理人姓名：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="234"/>
        <source>代理人姓名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="238"/>
        <source>代理人身份证号：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="240"/>
        <source>代理人身份证号码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="270"/>
        <source>✓ 统一社会信用代码校验通过</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="281"/>
        <source>✓ 校验通过：{birth} 出生，{sex}，{age} 岁</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="288"/>
        <source>；已满 60 周岁，建议走绿色通道（已勾选“老年人”，可取消）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="304"/>
        <source>；已调出既往登记信息，请核对</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="321"/>
        <source>③ 帮您办（绿色通道）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="325"/>
        <source>老年人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="326"/>
        <source>残疾人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="327"/>
        <source>孕妇</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="328"/>
        <source>伤病/行动不便</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="329"/>
        <source>其他</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="338"/>
        <source>帮办方式</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="340"/>
        <source>全程帮办</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="341"/>
        <source>导办</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="342"/>
        <source>代办</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="343"/>
        <source>上门服务</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="349"/>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="350"/>
        <source>帮办人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="362"/>
        <source>④ 材料核对（空格键勾选已收取）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="366"/>
        <source>材料清单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="369"/>
        <source>已收取</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="370"/>
        <source>材料名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="371"/>
        <source>形式</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="372"/>
        <source>份数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="373"/>
        <source>要求</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="385"/>
        <source>全部收取(&amp;A)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="418"/>
        <source>原件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="419"/>
        <source>复印件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="420"/>
        <source>原件和复印件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="422"/>
        <source>必要</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="422"/>
        <source>非必要</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="423"/>
        <source>，可容缺</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="448"/>
        <source>⑤ 办理决定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="453"/>
        <source>容缺承诺</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="459"/>
        <source>容缺材料补齐期限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="464"/>
        <source>不予受理理由</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="468"/>
        <source>容缺承诺：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="469"/>
        <source>容缺补齐期限：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="470"/>
        <source>不予受理理由：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="481"/>
        <source>受理(&amp;S)  Ctrl+Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="482"/>
        <source>容缺受理(&amp;R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="483"/>
        <source>一次性告知补正(&amp;B)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="484"/>
        <source>不予受理(&amp;N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="485"/>
        <source>即办办结(&amp;J)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="549"/>
        <source>办理结果</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="558"/>
        <source>打印通知书(&amp;P)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="560"/>
        <source>查看办件(&amp;V)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="561"/>
        <source>下一位(&amp;X)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="580"/>
        <source>已受理</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="581"/>
        <source>已容缺受理</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="582"/>
        <source>已一次性告知补正</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="583"/>
        <source>已不予受理</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="584"/>
        <source>已当场办结，待出件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="586"/>
        <source>{decision}：受理编号 {case_no}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="590"/>
        <source>，办结期限 {due}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="592"/>
        <source>；待补材料：{names}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="596"/>
        <source>。♿ 绿色通道</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="612"/>
        <source>由咨询转入受理：首问负责人为接待咨询的工作人员</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IntakeWorkspace</name>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="762"/>
        <source>新受理</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="764"/>
        <source>补正收件/容缺补齐</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LockPage</name>
    <message>
        <location filename="../../hall_desk/ui/lock.py" line="83"/>
        <source>已锁定：{name}（{username}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/lock.py" line="92"/>
        <source>为保护群众个人信息，闲置后自动锁定。请输入密码解锁，未保存的填写内容都还在。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/lock.py" line="97"/>
        <source>密码(&amp;P)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/lock.py" line="101"/>
        <source>解锁密码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/lock.py" line="105"/>
        <source>解锁(&amp;U)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/lock.py" line="109"/>
        <source>切换用户(&amp;S)…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../hall_desk/ui/login.py" line="20"/>
        <source>登录 — {hall}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/login.py" line="24"/>
        <source>{hall}
工作站 {code}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/login.py" line="36"/>
        <source>，</source>
        <extracomment>Between the demo accounts listed on the login dialog.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/login.py" line="37"/>
        <source>{username}（{name}·{role}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/login.py" line="44"/>
        <source>演示数据，可用账户：{accounts}；密码均为 {password}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoginForm</name>
    <message>
        <location filename="../../forms/login.ui" line="5"/>
        <source>登录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/login.ui" line="10"/>
        <source>政务服务中心</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/login.ui" line="12"/>
        <source>pageTitle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/login.ui" line="19"/>
        <source>用户名(&amp;U)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/login.ui" line="25"/>
        <source>用户名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/login.ui" line="30"/>
        <source>密码(&amp;P)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/login.ui" line="37"/>
        <source>密码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/login.ui" line="45"/>
        <source>fieldError</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../hall_desk/ui/main_window.py" line="196"/>
        <source>工作区导航</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/main_window.py" line="228"/>
        <source>查找办件(&amp;K)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/main_window.py" line="231"/>
        <location filename="../../hall_desk/ui/main_window.py" line="313"/>
        <source>查找办件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/main_window.py" line="233"/>
        <source>受理编号、证件号码、电话或姓名，扫码枪可直接扫入（Ctrl+K）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/main_window.py" line="253"/>
        <source>系统设置(&amp;S)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/main_window.py" line="258"/>
        <source>大厅与工作站、自动锁定、同步、打印、工作日历、事项库、用户与角色。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/main_window.py" line="278"/>
        <source>工作站 {code}{window}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/main_window.py" line="281"/>
        <source>{name}（{role}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/main_window.py" line="286"/>
        <source>本地数据库：正常（{size:.1f} MB）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/main_window.py" line="292"/>
        <source>同步：未设置共享数据库</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/main_window.py" line="296"/>
        <source>同步：尚未同步</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/main_window.py" line="311"/>
        <source>视图(&amp;V)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/main_window.py" line="318"/>
        <source>放大字体</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/main_window.py" line="326"/>
        <source>缩小字体</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/main_window.py" line="333"/>
        <source>恢复字体大小</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/main_window.py" line="335"/>
        <source>主题</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/main_window.py" line="345"/>
        <source>工具(&amp;T)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/main_window.py" line="346"/>
        <source>锁定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/main_window.py" line="348"/>
        <source>切换用户…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/main_window.py" line="351"/>
        <source>系统设置…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/main_window.py" line="364"/>
        <source>⚠ 没有找到「{text}」对应的办件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/main_window.py" line="367"/>
        <source>找到 {count} 个办件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/main_window.py" line="401"/>
        <source>字体大小：{percent}%</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PdfDocument</name>
    <message>
        <location filename="../../hall_desk/ui/printing.py" line="25"/>
        <source>PDF 无法读取</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <location filename="../../hall_desk/ui/printing.py" line="72"/>
        <source>打印预览 — {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/printing.py" line="77"/>
        <source>另存为 PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/printing.py" line="93"/>
        <source>另存为 PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/printing.py" line="93"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/printing.py" line="103"/>
        <source>保存失败</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/printing.py" line="104"/>
        <source>无法保存到 {path}：{reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Placeholder</name>
    <message>
        <location filename="../../hall_desk/ui/main_window.py" line="134"/>
        <source>本工作区尚在建设中，下一版本提供：{coming}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RowsModel</name>
    <message>
        <location filename="../../hall_desk/ui/case_view.py" line="38"/>
        <location filename="../../hall_desk/ui/case_view.py" line="54"/>
        <source>必要</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/case_view.py" line="39"/>
        <source>非必要</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/case_view.py" line="44"/>
        <source>已收取</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/case_view.py" line="46"/>
        <source>容缺待补</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/case_view.py" line="47"/>
        <source>未收取</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/case_view.py" line="51"/>
        <source>材料名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/case_view.py" line="52"/>
        <source>形式</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/case_view.py" line="53"/>
        <source>应交份数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/case_view.py" line="55"/>
        <source>收取情况</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/case_view.py" line="58"/>
        <source>时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/case_view.py" line="59"/>
        <source>操作</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/case_view.py" line="60"/>
        <source>经办人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/case_view.py" line="61"/>
        <source>工作站</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/case_view.py" line="62"/>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="52"/>
        <source>说明</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/main_window.py" line="112"/>
        <source>♿ 帮您办</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/main_window.py" line="116"/>
        <source>受理编号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/main_window.py" line="117"/>
        <source>事项</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/main_window.py" line="118"/>
        <source>申请人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/main_window.py" line="119"/>
        <source>证件号码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/main_window.py" line="120"/>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="59"/>
        <source>状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/main_window.py" line="121"/>
        <source>办结期限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/main_window.py" line="122"/>
        <source>绿色通道</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/models.py" line="39"/>
        <source>是</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/models.py" line="41"/>
        <source>否</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="45"/>
        <source>启用</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="46"/>
        <source>已停用</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="50"/>
        <source>日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="51"/>
        <source>类型</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="55"/>
        <source>用户名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="56"/>
        <source>姓名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="57"/>
        <source>角色</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="58"/>
        <source>窗口</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchResults</name>
    <message>
        <location filename="../../hall_desk/ui/main_window.py" line="149"/>
        <source>找到 {count} 个办件</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="77"/>
        <source>系统设置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="106"/>
        <source>{code}（编码是受理编号的一部分，不能修改）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="112"/>
        <source>（系统默认打印机）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="118"/>
        <source>{printer}（未连接）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="157"/>
        <source>法定节假日和调休由程序内置；这里录入本地节日、大厅闭厅日、临时调整，或尚未内置年份的全年安排。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="164"/>
        <source>工作日历例外日</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="170"/>
        <source>例外日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="172"/>
        <source>例外类型</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="176"/>
        <source>说明，如：那达慕大会闭厅</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="177"/>
        <source>例外说明</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="178"/>
        <source>添加(&amp;A)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="180"/>
        <source>删除所选(&amp;D)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="217"/>
        <source>⚠ 请先在表中选择要删除的日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="235"/>
        <source>从 Excel 导入(&amp;I)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="237"/>
        <source>导出为 Excel(&amp;E)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="245"/>
        <source>导入结果</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="256"/>
        <source>当前事项库：{items} 项事项，{departments} 个实施部门，{themes} 个一件事。导入时有任何错误行则全部不导入。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="264"/>
        <source>导入事项库</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="264"/>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="294"/>
        <source>Excel 文件 (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="273"/>
        <source>未导入。请修改以下各行后重新导入：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="280"/>
        <source>未导入：{message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="284"/>
        <source>已导入：事项 {items} 项，一件事 {themes} 个。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="294"/>
        <source>导出事项库</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="294"/>
        <source>事项库.xlsx</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="303"/>
        <source>未导出：{message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="307"/>
        <source>已导出 {count} 项事项到 {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="316"/>
        <source>用户列表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="320"/>
        <source>停用/启用所选</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="321"/>
        <source>解锁所选</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="322"/>
        <source>所选改为下方角色</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="329"/>
        <source>角色</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="336"/>
        <source>新用户名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="338"/>
        <source>新用户姓名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="340"/>
        <source>新用户窗口</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="343"/>
        <source>新用户初始密码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="344"/>
        <source>用户名：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="345"/>
        <source>姓名：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="346"/>
        <source>角色：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="347"/>
        <source>窗口：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="348"/>
        <source>初始密码：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="349"/>
        <source>添加用户(&amp;N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="393"/>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="401"/>
        <location filename="../../hall_desk/ui/settings_dialog.py" line="409"/>
        <source>⚠ 请先在表中选择用户</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsForm</name>
    <message>
        <location filename="../../forms/settings.ui" line="9"/>
        <source>大厅与工作站</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="11"/>
        <source>政务服务中心名称：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="12"/>
        <source>政务服务中心名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="14"/>
        <source>工作站编码：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="15"/>
        <source>工作站编码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="16"/>
        <source>窗口名称：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="17"/>
        <source>窗口名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="18"/>
        <source>闲置自动锁定（分钟）：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="19"/>
        <source>闲置自动锁定分钟数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="24"/>
        <source>同步</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="26"/>
        <source>共享数据库地址：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="27"/>
        <source>共享数据库地址</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="27"/>
        <source>postgresql://用户@服务器/数据库，或本机 SQLite 文件路径</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="29"/>
        <source>每晚同步时间：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="30"/>
        <source>HH:mm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="30"/>
        <source>每晚同步时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="35"/>
        <source>打印</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="37"/>
        <source>默认打印机：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="38"/>
        <source>默认打印机</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="42"/>
        <source>工作日历</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="45"/>
        <source>事项库</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="48"/>
        <source>用户与角色</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <location filename="../../hall_desk/ui/setup_dialog.py" line="40"/>
        <source>设置管理员账户</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/setup_dialog.py" line="40"/>
        <source>首次设置 — hall-desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/setup_dialog.py" line="71"/>
        <source>{hall}（工作站 {code}）还没有管理员账户，请先设置。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/setup_dialog.py" line="89"/>
        <source>两次输入的密码不一致</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/setup_dialog.py" line="92"/>
        <source>请填写政务服务中心名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/setup_dialog.py" line="114"/>
        <source>选择大厅密钥文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/setup_dialog.py" line="114"/>
        <source>大厅密钥 (*.key);;所有文件 (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/setup_dialog.py" line="132"/>
        <source>系统管理员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/setup_dialog.py" line="142"/>
        <source>加入已有大厅须选择该大厅导出的密钥文件</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SetupForm</name>
    <message>
        <location filename="../../forms/setup.ui" line="8"/>
        <source>首次使用：请设置本工作站。新大厅的第一台工作站选择“新建大厅”；其他工作站选择“加入已有大厅”，并使用第一台工作站导出的大厅密钥文件。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/setup.ui" line="14"/>
        <source>新建大厅(&amp;N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/setup.ui" line="15"/>
        <source>加入已有大厅(&amp;J)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/setup.ui" line="20"/>
        <source>政务服务中心名称：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/setup.ui" line="21"/>
        <source>政务服务中心名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/setup.ui" line="21"/>
        <source>如：科尔沁左翼中旗政务服务中心</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/setup.ui" line="23"/>
        <source>工作站编码：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/setup.ui" line="24"/>
        <source>工作站编码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/setup.ui" line="24"/>
        <source>全大厅唯一，如 W01</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/setup.ui" line="26"/>
        <source>窗口名称：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/setup.ui" line="27"/>
        <source>窗口名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/setup.ui" line="27"/>
        <source>如：综合窗口1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/setup.ui" line="28"/>
        <source>大厅密钥文件：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/setup.ui" line="31"/>
        <source>大厅密钥文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/setup.ui" line="32"/>
        <source>选择…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/setup.ui" line="36"/>
        <source>管理员用户名：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/setup.ui" line="37"/>
        <source>管理员用户名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/setup.ui" line="37"/>
        <source>admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/setup.ui" line="39"/>
        <source>管理员姓名：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/setup.ui" line="40"/>
        <source>管理员姓名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/setup.ui" line="42"/>
        <source>管理员密码：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/setup.ui" line="43"/>
        <source>管理员密码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/setup.ui" line="43"/>
        <source>至少 8 位，含字母和数字</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/setup.ui" line="44"/>
        <source>再次输入密码：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/setup.ui" line="45"/>
        <source>再次输入密码</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SupplementForm</name>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="659"/>
        <source>受理编号或证件号码(&amp;F)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="662"/>
        <source>受理编号或证件号码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="663"/>
        <source>扫描告知书上的条码，或输入受理编号、证件号码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="674"/>
        <source>待补材料</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="676"/>
        <source>确认收取(&amp;C)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="697"/>
        <source>⚠ 没有找到待补正或待补齐容缺材料的办件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="704"/>
        <source>{case_no}&#x3000;{title}&#x3000;{name}（{state}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="737"/>
        <source>材料已收齐：{case_no} 已受理，办结期限 {due}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/intake_workspace.py" line="743"/>
        <source>已登记收取，{case_no} 仍有材料待补</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Theme</name>
    <message>
        <location filename="../../hall_desk/ui/appearance.py" line="13"/>
        <source>默认</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/appearance.py" line="14"/>
        <source>高对比度</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <location filename="../../hall_desk/ui/main_window.py" line="59"/>
        <source>综合受理</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/main_window.py" line="61"/>
        <source>选择事项或一件事，录入申请人，核对材料清单，受理、容缺受理、一次性告知补正或不予受理，并打印通知书。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/main_window.py" line="68"/>
        <source>咨询登记</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/main_window.py" line="70"/>
        <source>快速登记现场和电话咨询，常用主题一键录入，转入受理时记录首问负责人。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/main_window.py" line="76"/>
        <source>材料流转</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/main_window.py" line="78"/>
        <source>扫码收取材料袋、预审、按部门批量移交并打印交接单，随时掌握每个材料袋的位置和剩余期限。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/main_window.py" line="85"/>
        <source>统一出件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/main_window.py" line="87"/>
        <source>待出件队列，本人或代领核验身份后领取，邮寄登记运单号，出件台账。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/main_window.py" line="93"/>
        <source>办不成事/投诉</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/main_window.py" line="95"/>
        <source>办不成事反映、投诉、建议、表扬和好差评的登记、派单、限期解决与核查。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/main_window.py" line="101"/>
        <source>统计报表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/main_window.py" line="103"/>
        <source>当日概况、超期和临近期限办件、每日工作汇总、月度报表和各类台账导出。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hall_desk/ui/main_window.py" line="107"/>
        <source>系统管理</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
