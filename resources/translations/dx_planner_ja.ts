<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja" sourcelanguage="en">
<context>
    <name>Validation</name>
    <message>
        <location filename="../../dx_planner/domain/validation.py" line="58"/>
        <source>required value is missing</source>
        <translation>必須の項目が空です</translation>
    </message>
    <message>
        <location filename="../../dx_planner/domain/validation.py" line="59"/>
        <source>not a number: &apos;{value}&apos;</source>
        <translation>数値ではありません: &apos;{value}&apos;</translation>
    </message>
    <message>
        <location filename="../../dx_planner/domain/validation.py" line="60"/>
        <source>not a finite number: &apos;{value}&apos;</source>
        <translation>有限の数値ではありません: &apos;{value}&apos;</translation>
    </message>
    <message>
        <location filename="../../dx_planner/domain/validation.py" line="61"/>
        <source>must be a whole number: &apos;{value}&apos;</source>
        <translation>整数で入力してください: &apos;{value}&apos;</translation>
    </message>
    <message>
        <location filename="../../dx_planner/domain/validation.py" line="62"/>
        <source>is larger than {limit}: {value}</source>
        <translation>{limit} を超えています: {value}</translation>
    </message>
    <message>
        <location filename="../../dx_planner/domain/validation.py" line="63"/>
        <source>must be 0 or more: {value}</source>
        <translation>0以上で入力してください: {value}</translation>
    </message>
    <message>
        <location filename="../../dx_planner/domain/validation.py" line="64"/>
        <source>must be greater than 0: {value}</source>
        <translation>0より大きい数で入力してください: {value}</translation>
    </message>
    <message>
        <location filename="../../dx_planner/domain/validation.py" line="65"/>
        <source>contains a control character (not allowed in a workbook)</source>
        <translation>制御文字が含まれています（ワークブックに保存できません）</translation>
    </message>
    <message>
        <location filename="../../dx_planner/domain/validation.py" line="67"/>
        <source>is {length} characters long; a cell holds at most {limit}</source>
        <translation>{length}文字あります。1つのセルには{limit}文字までしか入りません</translation>
    </message>
    <message>
        <location filename="../../dx_planner/domain/validation.py" line="69"/>
        <source>is {length} characters long; at most {limit} are allowed</source>
        <translation>{length}文字あります。{limit}文字までです</translation>
    </message>
    <message>
        <location filename="../../dx_planner/domain/validation.py" line="71"/>
        <source>not a yes/no mark: &apos;{value}&apos; (use ○ or leave blank)</source>
        <translation>はい・いいえの印ではありません: &apos;{value}&apos;（○ を入れるか空欄にしてください）</translation>
    </message>
    <message>
        <location filename="../../dx_planner/domain/validation.py" line="73"/>
        <source>unknown value &apos;{value}&apos; (expected {allowed})</source>
        <translation>不明な値です: &apos;{value}&apos;（{allowed} のいずれか）</translation>
    </message>
    <message>
        <location filename="../../dx_planner/domain/validation.py" line="76"/>
        <source>duplicate 手続ID &apos;{id}&apos;</source>
        <translation>手続IDが重複しています: &apos;{id}&apos;</translation>
    </message>
    <message>
        <location filename="../../dx_planner/domain/validation.py" line="77"/>
        <source>must be blank when 権限 is 都</source>
        <translation>権限が都の手続に国の対応状況は入力できません</translation>
    </message>
    <message>
        <location filename="../../dx_planner/domain/validation.py" line="78"/>
        <source>required when 国の対応状況 is 時期提示</source>
        <translation>国の対応状況が時期提示の手続には国の対応時期が必要です</translation>
    </message>
    <message>
        <location filename="../../dx_planner/domain/validation.py" line="80"/>
        <source>required when 状況 is デジタル化済</source>
        <translation>デジタル化済の手続には完了四半期が必要です</translation>
    </message>
    <message>
        <location filename="../../dx_planner/domain/validation.py" line="82"/>
        <source>given but 状況 is {status}, not デジタル化済</source>
        <translation>状況が{status}の手続に完了四半期は入力できません（デジタル化済のときだけ）</translation>
    </message>
    <message>
        <location filename="../../dx_planner/domain/validation.py" line="84"/>
        <source>unknown 申請基盤 &apos;{channel}&apos; (not in sheet 申請基盤 or the database)</source>
        <translation>申請基盤「{channel}」は登録されていません</translation>
    </message>
</context>
</TS>
