<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Qt 6 labels that the Chinese qtbase catalog shipped with PySide6 knows only in their older
     form (without the mnemonic): loaded after it, so the file and print dialogs read Chinese.
     Compiled by `make qm` into qt_gaps_zh_CN.qm beside this file. -->
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>QFileDialog</name>
    <message><source>&amp;Look in:</source><translation>查找范围(&amp;L)：</translation></message>
    <message><source>Files of &amp;type:</source><translation>文件类型(&amp;T)：</translation></message>
</context>
<context>
    <name>QPrintSettingsOutput</name>
    <message><source>Page &amp;Set:</source><translation>页面集(&amp;S)：</translation></message>
</context>
<context>
    <name>QPageSetupWidget</name>
    <message><source>Page &amp;order:</source><translation>页面顺序(&amp;O)：</translation></message>
    <message><source>Pages &amp;per sheet:</source><translation>每张页数(&amp;P)：</translation></message>
</context>
</TS>
