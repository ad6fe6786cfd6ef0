<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="ja">
<context>
    <name>Actions</name>
    <message>
        <location filename="../../ui/actions/baselines.py" line="78"/>
        <source>この計画をベースラインとして公表…</source>
        <translation>Publish this plan as the baseline…</translation>
    </message>
    <message>
        <location filename="../../ui/actions/baselines.py" line="80"/>
        <source>計画と実績を表示</source>
        <translation>Show plan vs actual</translation>
    </message>
    <message>
        <location filename="../../ui/actions/database.py" line="116"/>
        <source>データベースを開く…</source>
        <translation>Open database…</translation>
    </message>
    <message>
        <location filename="../../ui/actions/database.py" line="118"/>
        <source>チームデータベースに接続…</source>
        <translation>Connect to a team database…</translation>
    </message>
    <message>
        <location filename="../../ui/actions/inventory_io.py" line="129"/>
        <source>手続一覧ワークブックを取り込む…</source>
        <translation>Import inventory workbook…</translation>
    </message>
    <message>
        <location filename="../../ui/actions/inventory_io.py" line="131"/>
        <source>手続一覧ワークブックを書き出す…</source>
        <translation>Export inventory workbook…</translation>
    </message>
    <message>
        <location filename="../../ui/actions/inventory_io.py" line="133"/>
        <source>デモ在庫を読み込む</source>
        <translation>Load the demo inventory</translation>
    </message>
    <message>
        <location filename="../../ui/actions/outputs.py" line="168"/>
        <source>計画ワークブックを出力…</source>
        <translation>Export plan workbook…</translation>
    </message>
    <message>
        <location filename="../../ui/actions/outputs.py" line="170"/>
        <source>進捗報告書を作成…</source>
        <translation>Write progress report…</translation>
    </message>
    <message>
        <location filename="../../ui/actions/planning.py" line="68"/>
        <source>最適化を実行</source>
        <translation>Optimize</translation>
    </message>
    <message>
        <location filename="../../ui/actions/saving.py" line="82"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/actions/history.py" line="39"/>
        <source>選択した手続の変更履歴</source>
        <translation>History of the selected process</translation>
    </message>
    <message>
        <location filename="../../ui/actions/history.py" line="41"/>
        <source>変更履歴</source>
        <translation>Change history</translation>
    </message>
</context>
<context>
    <name>Baselines</name>
    <message>
        <location filename="../../ui/actions/baselines.py" line="32"/>
        <location filename="../../ui/actions/baselines.py" line="68"/>
        <source>ベースラインとして公表</source>
        <translation>Publish as baseline</translation>
    </message>
    <message>
        <location filename="../../ui/actions/baselines.py" line="33"/>
        <source>表示中の計画はシナリオとして保存されていません。「保存済みシナリオ」からシナリオを開いてから公表してください。</source>
        <translation>The plan shown is not stored as a scenario. Open a scenario from “Stored scenarios” first, then publish it.</translation>
    </message>
    <message>
        <location filename="../../ui/actions/baselines.py" line="64"/>
        <source>ベースラインを公表しました：%1 時点（シナリオ「%2」、%3件）</source>
        <translation>Published the baseline as of %1 (scenario “%2”, %3 processes)</translation>
    </message>
</context>
<context>
    <name>BurnupChart</name>
    <message>
        <location filename="../../ui/views/results/burnup.py" line="60"/>
        <source>計画と実績を読み込んでいます…</source>
        <translation>Loading plan vs actual…</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/burnup.py" line="64"/>
        <source>全局</source>
        <translation>All bureaus</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/burnup.py" line="65"/>
        <source>計画と実績（%1・%2 時点）</source>
        <translation>Plan vs actual (%1, as of %2)</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/burnup.py" line="78"/>
        <source>実績</source>
        <translation>Actual</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/burnup.py" line="79"/>
        <source>ベースライン</source>
        <translation>Baseline</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/burnup.py" line="81"/>
        <source>見通し（計画）</source>
        <translation>Forecast (plan)</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/burnup.py" line="91"/>
        <source>目標 %1件（%2）</source>
        <translation>Target %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/burnup.py" line="99"/>
        <source>中間目標</source>
        <translation>Milestones</translation>
    </message>
</context>
<context>
    <name>BurnupModel</name>
    <message>
        <location filename="../../ui/models/burnup_model.py" line="53"/>
        <source>実績（累計）</source>
        <translation>Actual (cumulative)</translation>
    </message>
    <message>
        <location filename="../../ui/models/burnup_model.py" line="53"/>
        <source>ベースライン（累計）</source>
        <translation>Baseline (cumulative)</translation>
    </message>
    <message>
        <location filename="../../ui/models/burnup_model.py" line="54"/>
        <source>見通し（累計）</source>
        <translation>Forecast (cumulative)</translation>
    </message>
    <message>
        <location filename="../../ui/models/burnup_model.py" line="54"/>
        <source>差異（実績−ベースライン）</source>
        <translation>Variance (actual − baseline)</translation>
    </message>
</context>
<context>
    <name>Capacity</name>
    <message>
        <location filename="../../ui/models/capacity_model.py" line="86"/>
        <source>処理能力を変更</source>
        <translation>Change capacity</translation>
    </message>
    <message>
        <location filename="../../ui/models/capacity_model.py" line="122"/>
        <location filename="../../ui/models/capacity_model.py" line="192"/>
        <source>合計</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../ui/models/capacity_model.py" line="195"/>
        <source>利用開始</source>
        <translation>Available from</translation>
    </message>
    <message>
        <location filename="../../ui/models/capacity_model.py" line="226"/>
        <source>常時</source>
        <translation>Always</translation>
    </message>
</context>
<context>
    <name>CapacityDelegate</name>
    <message>
        <location filename="../../ui/widgets/delegates.py" line="126"/>
        <source>常時</source>
        <translation>Always</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/delegates.py" line="129"/>
        <source>制限なし</source>
        <translation>No limit</translation>
    </message>
</context>
<context>
    <name>CapacityView</name>
    <message>
        <location filename="../../ui/views/capacity_view.py" line="44"/>
        <source>局別処理能力（人月／四半期）</source>
        <translation>Bureau capacity (person-months per quarter)</translation>
    </message>
    <message>
        <location filename="../../ui/views/capacity_view.py" line="51"/>
        <source>申請基盤：利用開始と四半期ごとの受入上限（件、空欄＝制限なし）</source>
        <translation>Channels: availability and onboarding limit per quarter (processes; blank = no limit)</translation>
    </message>
</context>
<context>
    <name>ChannelStartModel</name>
    <message>
        <location filename="../../ui/models/whatif_models.py" line="128"/>
        <source>申請基盤</source>
        <translation>Channel</translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <location filename="../../ui/models/columns.py" line="42"/>
        <source>計画四半期</source>
        <translation>Planned quarter</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../ui/widgets/conflict_dialog.py" line="29"/>
        <source>競合：他の利用者が同じ手続を変更しました</source>
        <translation>Conflict: someone else changed the same processes</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/conflict_dialog.py" line="33"/>
        <source>%1件の手続が、読み込んだ後に他の利用者によって変更または削除されています。何も保存していません。相手の変更は次のとおりです。</source>
        <translation>%1 process(es) were changed or deleted by someone else after you loaded them. Nothing was saved. Their changes:</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/conflict_dialog.py" line="38"/>
        <source>手続ID</source>
        <translation>Process ID</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/conflict_dialog.py" line="38"/>
        <source>変更した人・日時</source>
        <translation>Changed by, at</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/conflict_dialog.py" line="38"/>
        <source>項目</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/conflict_dialog.py" line="39"/>
        <source>変更前</source>
        <translation>Before</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/conflict_dialog.py" line="39"/>
        <source>相手の値</source>
        <translation>Their value</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/conflict_dialog.py" line="39"/>
        <source>自分の値</source>
        <translation>My value</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/conflict_dialog.py" line="47"/>
        <source>自分の変更を残す（上書きして保存）</source>
        <translation>Keep mine (save over theirs)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/conflict_dialog.py" line="48"/>
        <source>相手の変更を取り込む（自分の変更を破棄）</source>
        <translation>Take theirs (discard mine)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/conflict_dialog.py" line="49"/>
        <source>このまま編集を続ける</source>
        <translation>Keep editing</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/conflict_dialog.py" line="65"/>
        <source>（履歴なし）</source>
        <translation>(no history)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/conflict_dialog.py" line="67"/>
        <location filename="../../ui/widgets/conflict_dialog.py" line="71"/>
        <source>（削除）</source>
        <translation>(deleted)</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <location filename="../../ui/widgets/connect_dialog.py" line="26"/>
        <source>チームデータベースに接続</source>
        <translation>Connect to a team database</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/connect_dialog.py" line="38"/>
        <source>サーバー</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/connect_dialog.py" line="39"/>
        <source>ポート</source>
        <translation>Port</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/connect_dialog.py" line="40"/>
        <source>データベース</source>
        <translation>Database</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/connect_dialog.py" line="41"/>
        <source>ログイン</source>
        <translation>Login</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/connect_dialog.py" line="42"/>
        <source>パスワード</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/connect_dialog.py" line="43"/>
        <source>パスワードは保存しません（~/.pgpass があれば空欄で構いません）</source>
        <translation>The password is not stored (leave it blank if you have ~/.pgpass)</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <location filename="../../ui/actions/database.py" line="45"/>
        <location filename="../../ui/actions/database.py" line="95"/>
        <source>データベースを開く</source>
        <translation>Open database</translation>
    </message>
    <message>
        <location filename="../../ui/actions/database.py" line="46"/>
        <source>SQLite データベース (*.sqlite3 *.sqlite *.db);;すべてのファイル (*)</source>
        <translation>SQLite database (*.sqlite3 *.sqlite *.db);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/actions/database.py" line="77"/>
        <source>パスワード</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../ui/actions/database.py" line="78"/>
        <source>%1 のパスワード：</source>
        <translation>Password for %1:</translation>
    </message>
</context>
<context>
    <name>ExplanationView</name>
    <message>
        <location filename="../../ui/views/results/explanation_view.py" line="27"/>
        <source>手続一覧で手続を選び、右クリックメニューの「なぜもっと早くないのか？」を選ぶと、ここに理由が表示されます。</source>
        <translation>Select a process in the inventory and choose &quot;Why not earlier?&quot; from its context menu to see the reason here.</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/explanation_view.py" line="45"/>
        <source>計画期間内に入らない</source>
        <translation>Not within the planned quarters</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/explanation_view.py" line="46"/>
        <source>計画四半期</source>
        <translation>Planned quarter</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/explanation_view.py" line="48"/>
        <source>固定四半期</source>
        <translation>Locked quarter</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/explanation_view.py" line="50"/>
        <source>対応可能になる四半期</source>
        <translation>Eligible from</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/explanation_view.py" line="51"/>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/explanation_view.py" line="54"/>
        <source>国の対応時期</source>
        <translation>National ready</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/explanation_view.py" line="57"/>
        <source>申請基盤</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/explanation_view.py" line="57"/>
        <source>%1（利用開始 %2）</source>
        <translation>%1 (open from %2)</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/explanation_view.py" line="58"/>
        <source>常時</source>
        <translation>Always</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/explanation_view.py" line="59"/>
        <source>所管局・工数</source>
        <translation>Bureau, effort</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/explanation_view.py" line="59"/>
        <source>%1・%2人月</source>
        <translation>%1, %2 person-months</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/explanation_view.py" line="64"/>
        <source>四半期</source>
        <translation>Quarter</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/explanation_view.py" line="64"/>
        <source>埋まっていたもの</source>
        <translation>What was full</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/explanation_view.py" line="64"/>
        <source>使用／上限</source>
        <translation>Used / available</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/explanation_view.py" line="65"/>
        <source>優先された手続（工数あたり件数が多い）</source>
        <translation>Processes that came first (more applications per person-month)</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/explanation_view.py" line="70"/>
        <source>%1の処理能力</source>
        <translation>capacity of %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/explanation_view.py" line="71"/>
        <source>申請基盤「%1」の受入上限</source>
        <translation>onboarding limit of channel %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/explanation_view.py" line="72"/>
        <source>%1 / %2 人月</source>
        <translation>%1 / %2 person-months</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/explanation_view.py" line="74"/>
        <source>%1 / %2 件</source>
        <translation>%1 / %2 processes</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/explanation_view.py" line="85"/>
        <source>申請基盤の利用開始による</source>
        <translation>when its channel opens</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/explanation_view.py" line="87"/>
        <source>国の対応時期による</source>
        <translation>the national government&apos;s date</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/explanation_view.py" line="89"/>
        <source>凍結した四半期の後</source>
        <translation>after the frozen quarters</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/explanation_view.py" line="90"/>
        <source>計画の開始四半期</source>
        <translation>the plan&apos;s first quarter</translation>
    </message>
</context>
<context>
    <name>ExportPlanDialog</name>
    <message>
        <location filename="../../ui/widgets/report_dialogs.py" line="46"/>
        <source>計画ワークブックを出力</source>
        <translation>Export plan workbook</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/report_dialogs.py" line="51"/>
        <source>比較しない</source>
        <translation>No comparison</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/report_dialogs.py" line="54"/>
        <source>シナリオ</source>
        <translation>Scenario</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/report_dialogs.py" line="55"/>
        <source>比較するシナリオ（前回比較シート）</source>
        <translation>Compare with (comparison sheet)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/report_dialogs.py" line="57"/>
        <source>手続一覧はデータベースの内容（保存済みの状態）で出力します。</source>
        <translation>The processes are exported as stored in the database (saved changes only).</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <location filename="../../dx_planner/domain/fields.py" line="180"/>
        <source>手続ID</source>
        <translation>Process ID</translation>
    </message>
    <message>
        <location filename="../../dx_planner/domain/fields.py" line="182"/>
        <source>手続名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../dx_planner/domain/fields.py" line="184"/>
        <source>所管局</source>
        <translation>Bureau</translation>
    </message>
    <message>
        <location filename="../../dx_planner/domain/fields.py" line="186"/>
        <source>手続類型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../dx_planner/domain/fields.py" line="188"/>
        <source>権限</source>
        <translation>Authority</translation>
    </message>
    <message>
        <location filename="../../dx_planner/domain/fields.py" line="190"/>
        <source>国の対応状況</source>
        <translation>National status</translation>
    </message>
    <message>
        <location filename="../../dx_planner/domain/fields.py" line="192"/>
        <source>国の対応時期</source>
        <translation>National ready</translation>
    </message>
    <message>
        <location filename="../../dx_planner/domain/fields.py" line="194"/>
        <source>年間申請件数</source>
        <translation>Annual volume</translation>
    </message>
    <message>
        <location filename="../../dx_planner/domain/fields.py" line="196"/>
        <source>工数</source>
        <translation>Effort</translation>
    </message>
    <message>
        <location filename="../../dx_planner/domain/fields.py" line="198"/>
        <source>状況</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../dx_planner/domain/fields.py" line="200"/>
        <source>デジタル化完了</source>
        <translation>Digitized</translation>
    </message>
    <message>
        <location filename="../../dx_planner/domain/fields.py" line="202"/>
        <source>申請基盤</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../dx_planner/domain/fields.py" line="204"/>
        <source>重点</source>
        <translation>Priority</translation>
    </message>
    <message>
        <location filename="../../dx_planner/domain/fields.py" line="206"/>
        <source>主要手続</source>
        <translation>Major</translation>
    </message>
    <message>
        <location filename="../../dx_planner/domain/fields.py" line="208"/>
        <source>固定四半期</source>
        <translation>Locked quarter</translation>
    </message>
    <message>
        <location filename="../../dx_planner/domain/fields.py" line="210"/>
        <source>備考</source>
        <translation>Notes</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../ui/widgets/filter_bar.py" line="27"/>
        <source>検索（手続ID・手続名・備考）</source>
        <translation>Search (ID, name, notes)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/filter_bar.py" line="31"/>
        <source>すべて</source>
        <translation>all</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/filter_bar.py" line="32"/>
        <source>所管局</source>
        <translation>Bureau</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/filter_bar.py" line="35"/>
        <source>手続類型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/filter_bar.py" line="36"/>
        <source>権限</source>
        <translation>Authority</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/filter_bar.py" line="37"/>
        <source>状況</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/filter_bar.py" line="38"/>
        <source>申請基盤</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/filter_bar.py" line="40"/>
        <source>重点</source>
        <translation>Priority</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/filter_bar.py" line="41"/>
        <source>重点のみ</source>
        <translation>Priority only</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/filter_bar.py" line="41"/>
        <source>重点以外</source>
        <translation>Not priority</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/filter_bar.py" line="42"/>
        <source>計画四半期</source>
        <translation>Planned quarter</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/filter_bar.py" line="43"/>
        <source>未計画</source>
        <translation>Unplanned</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/filter_bar.py" line="61"/>
        <source>条件をクリア</source>
        <translation>Clear filters</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../ui/widgets/dialogs.py" line="34"/>
        <source>はじめに</source>
        <translation>Getting started</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dialogs.py" line="35"/>
        <source>データベースに手続がまだありません。</source>
        <translation>The database holds no processes yet.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dialogs.py" line="36"/>
        <source>デモ用の手続一覧（28,000件）を読み込むか、Excelの手続一覧を取り込むか、別のデータベースを開いてください。</source>
        <translation>Load the demo inventory (28,000 processes), import an Excel inventory, or open another database.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dialogs.py" line="41"/>
        <source>デモ在庫を読み込む</source>
        <translation>Load the demo inventory</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dialogs.py" line="42"/>
        <source>Excelの手続一覧を取り込む…</source>
        <translation>Import an Excel inventory…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dialogs.py" line="44"/>
        <source>データベースを開く…</source>
        <translation>Open database…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dialogs.py" line="45"/>
        <source>空のまま始める</source>
        <translation>Start empty</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <location filename="../../ui/actions/history.py" line="28"/>
        <source>手続を選んでください</source>
        <translation>Select a process</translation>
    </message>
    <message>
        <location filename="../../ui/models/history_model.py" line="29"/>
        <source>日時</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/models/history_model.py" line="29"/>
        <source>ログイン</source>
        <translation>Login</translation>
    </message>
    <message>
        <location filename="../../ui/models/history_model.py" line="30"/>
        <source>対象</source>
        <translation>What</translation>
    </message>
    <message>
        <location filename="../../ui/models/history_model.py" line="30"/>
        <source>キー</source>
        <translation>Key</translation>
    </message>
    <message>
        <location filename="../../ui/models/history_model.py" line="31"/>
        <source>項目</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../ui/models/history_model.py" line="31"/>
        <source>変更前</source>
        <translation>Before</translation>
    </message>
    <message>
        <location filename="../../ui/models/history_model.py" line="32"/>
        <source>変更後</source>
        <translation>After</translation>
    </message>
    <message>
        <location filename="../../ui/models/history_model.py" line="34"/>
        <source>手続</source>
        <translation>Process</translation>
    </message>
    <message>
        <location filename="../../ui/models/history_model.py" line="35"/>
        <source>局別処理能力</source>
        <translation>Bureau capacity</translation>
    </message>
    <message>
        <location filename="../../ui/models/history_model.py" line="36"/>
        <source>局</source>
        <translation>Bureau</translation>
    </message>
    <message>
        <location filename="../../ui/models/history_model.py" line="37"/>
        <source>申請基盤</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../ui/models/history_model.py" line="38"/>
        <source>申請基盤の上限</source>
        <translation>Channel limit</translation>
    </message>
    <message>
        <location filename="../../ui/models/history_model.py" line="39"/>
        <source>ベースライン</source>
        <translation>Baseline</translation>
    </message>
    <message>
        <location filename="../../ui/models/history_model.py" line="42"/>
        <source>処理能力（人月）</source>
        <translation>Capacity (person-months)</translation>
    </message>
    <message>
        <location filename="../../ui/models/history_model.py" line="43"/>
        <source>上限（件）</source>
        <translation>Limit (processes)</translation>
    </message>
    <message>
        <location filename="../../ui/models/history_model.py" line="44"/>
        <source>利用開始</source>
        <translation>Available from</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <location filename="../../ui/views/history_view.py" line="46"/>
        <source>手続ID</source>
        <translation>Process ID</translation>
    </message>
    <message>
        <location filename="../../ui/views/history_view.py" line="49"/>
        <source>すべての局</source>
        <translation>All bureaus</translation>
    </message>
    <message>
        <location filename="../../ui/views/history_view.py" line="53"/>
        <source>ログイン</source>
        <translation>Login</translation>
    </message>
    <message>
        <location filename="../../ui/views/history_view.py" line="55"/>
        <source>この日以降</source>
        <translation>On or after</translation>
    </message>
    <message>
        <location filename="../../ui/views/history_view.py" line="61"/>
        <source>表示</source>
        <translation>Show</translation>
    </message>
    <message>
        <location filename="../../ui/views/history_view.py" line="67"/>
        <source>絞り込み：</source>
        <translation>Filter:</translation>
    </message>
    <message>
        <location filename="../../ui/views/history_view.py" line="120"/>
        <source>変更履歴を読み込む</source>
        <translation>Read the change history</translation>
    </message>
    <message>
        <location filename="../../ui/views/history_view.py" line="127"/>
        <source>%1件（新しい順）</source>
        <translation>%1 change(s), newest first</translation>
    </message>
    <message>
        <location filename="../../ui/views/history_view.py" line="129"/>
        <source>&#x3000;新しい %1件のみ：全件は dx-planner history --csv で</source>
        <translation>  only the newest %1: all of them with dx-planner history --csv</translation>
    </message>
</context>
<context>
    <name>Identity</name>
    <message>
        <location filename="../../ui/main_window.py" line="45"/>
        <source>管理者</source>
        <translation>admin</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="47"/>
        <source>局編集者（%1）</source>
        <translation>bureau editor (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="49"/>
        <source>閲覧者（変更はできません）</source>
        <translation>viewer (read only)</translation>
    </message>
</context>
<context>
    <name>Inventory</name>
    <message>
        <location filename="../../ui/actions/inventory_io.py" line="30"/>
        <source>デモ在庫を生成して書き込んでいます…</source>
        <translation>Generating and writing the demo inventory…</translation>
    </message>
    <message>
        <location filename="../../ui/actions/inventory_io.py" line="40"/>
        <source>デモ在庫を読み込む</source>
        <translation>Load the demo inventory</translation>
    </message>
    <message>
        <location filename="../../ui/actions/inventory_io.py" line="49"/>
        <source>%1件の手続を読み込みました</source>
        <translation>Loaded %1 processes</translation>
    </message>
    <message>
        <location filename="../../ui/actions/inventory_io.py" line="55"/>
        <source>手続一覧ワークブックを取り込む</source>
        <translation>Import inventory workbook</translation>
    </message>
    <message>
        <location filename="../../ui/actions/inventory_io.py" line="56"/>
        <source>Excel / CSV (*.xlsx *.csv)</source>
        <translation>Excel / CSV (*.xlsx *.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/actions/inventory_io.py" line="66"/>
        <source>読み込み中…</source>
        <translation>Reading…</translation>
    </message>
    <message>
        <location filename="../../ui/actions/inventory_io.py" line="67"/>
        <source>書き込み中…</source>
        <translation>Writing…</translation>
    </message>
    <message>
        <location filename="../../ui/actions/inventory_io.py" line="81"/>
        <source>取り込みました：追加 %1、更新 %2、削除 %3、変更なし %4</source>
        <translation>Imported: %1 added, %2 updated, %3 deleted, %4 unchanged</translation>
    </message>
    <message>
        <location filename="../../ui/actions/inventory_io.py" line="85"/>
        <source>取り込みの警告</source>
        <translation>Import warnings</translation>
    </message>
    <message>
        <location filename="../../ui/actions/inventory_io.py" line="90"/>
        <source>取り込みに失敗しました：%1</source>
        <translation>Import failed: %1</translation>
    </message>
    <message>
        <location filename="../../ui/actions/inventory_io.py" line="98"/>
        <source>取り込み</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../ui/actions/inventory_io.py" line="103"/>
        <source>手続一覧ワークブックを書き出す</source>
        <translation>Export inventory workbook</translation>
    </message>
    <message>
        <location filename="../../ui/actions/inventory_io.py" line="104"/>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/actions/inventory_io.py" line="122"/>
        <source>%1件を書き出しました：%2</source>
        <translation>Exported %1 processes: %2</translation>
    </message>
    <message>
        <location filename="../../ui/actions/inventory_io.py" line="125"/>
        <source>書き出し</source>
        <translation>Export</translation>
    </message>
</context>
<context>
    <name>InventoryModel</name>
    <message>
        <location filename="../../ui/models/inventory_model.py" line="179"/>
        <source>他の利用者がデータベースでこの行を変更しました（競合）</source>
        <translation>Someone else changed this row in the database (conflict)</translation>
    </message>
    <message>
        <location filename="../../ui/models/inventory_model.py" line="181"/>
        <source>読み取り専用：変更できるのは担当局の手続だけです</source>
        <translation>Read only: you may change your own bureaus&apos; processes only</translation>
    </message>
    <message>
        <location filename="../../ui/models/inventory_model.py" line="212"/>
        <source>%1 を変更</source>
        <translation>Change %1</translation>
    </message>
</context>
<context>
    <name>InventoryView</name>
    <message>
        <location filename="../../ui/views/inventory_view.py" line="104"/>
        <location filename="../../ui/views/inventory_view.py" line="236"/>
        <source>手続を追加</source>
        <translation>Add process</translation>
    </message>
    <message>
        <location filename="../../ui/views/inventory_view.py" line="107"/>
        <source>選択した手続を削除</source>
        <translation>Delete selected processes</translation>
    </message>
    <message>
        <location filename="../../ui/views/inventory_view.py" line="112"/>
        <source>固定四半期を一括設定…</source>
        <translation>Lock selection to quarter…</translation>
    </message>
    <message>
        <location filename="../../ui/views/inventory_view.py" line="114"/>
        <source>固定を解除</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location filename="../../ui/views/inventory_view.py" line="116"/>
        <source>重点にする</source>
        <translation>Mark as priority</translation>
    </message>
    <message>
        <location filename="../../ui/views/inventory_view.py" line="118"/>
        <source>重点を外す</source>
        <translation>Unmark priority</translation>
    </message>
    <message>
        <location filename="../../ui/views/inventory_view.py" line="120"/>
        <source>デジタル化済にする…</source>
        <translation>Mark as digitized…</translation>
    </message>
    <message>
        <location filename="../../ui/views/inventory_view.py" line="122"/>
        <source>なぜもっと早くないのか？</source>
        <translation>Why not earlier?</translation>
    </message>
    <message>
        <location filename="../../ui/views/inventory_view.py" line="124"/>
        <source>この手続の変更履歴</source>
        <translation>History of this process</translation>
    </message>
    <message>
        <location filename="../../ui/views/inventory_view.py" line="130"/>
        <source>状況を一括設定</source>
        <translation>Set status of selection</translation>
    </message>
    <message>
        <location filename="../../ui/views/inventory_view.py" line="181"/>
        <location filename="../../ui/views/inventory_view.py" line="200"/>
        <source>手続が選択されていません</source>
        <translation>No process selected</translation>
    </message>
    <message>
        <location filename="../../ui/views/inventory_view.py" line="184"/>
        <source>%1 を一括変更（%2件）</source>
        <translation>Bulk change of %1 (%2 processes)</translation>
    </message>
    <message>
        <location filename="../../ui/views/inventory_view.py" line="191"/>
        <source>固定四半期</source>
        <translation>Locked quarter</translation>
    </message>
    <message>
        <location filename="../../ui/views/inventory_view.py" line="192"/>
        <source>完了四半期を固定する：</source>
        <translation>Lock the completion quarter to:</translation>
    </message>
    <message>
        <location filename="../../ui/views/inventory_view.py" line="205"/>
        <source>デジタル化済にする</source>
        <translation>Mark as digitized</translation>
    </message>
    <message>
        <location filename="../../ui/views/inventory_view.py" line="206"/>
        <source>%1件の手続をデジタル化済にします。デジタル化完了の四半期：</source>
        <translation>Mark %1 process(es) as digitized. Quarter digitized:</translation>
    </message>
    <message>
        <location filename="../../ui/views/inventory_view.py" line="219"/>
        <source>デジタル化済にする（%1件・%2）</source>
        <translation>Mark as digitized (%1, %2)</translation>
    </message>
    <message>
        <location filename="../../ui/views/inventory_view.py" line="234"/>
        <source>新しい手続</source>
        <translation>New process</translation>
    </message>
    <message>
        <location filename="../../ui/views/inventory_view.py" line="249"/>
        <source>%1件は他の局の手続のため削除できません</source>
        <translation>%1 process(es) belong to other bureaus and cannot be deleted</translation>
    </message>
    <message>
        <location filename="../../ui/views/inventory_view.py" line="253"/>
        <source>手続を削除（%1件）</source>
        <translation>Delete processes (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/views/inventory_view.py" line="255"/>
        <source> — 元に戻すには Ctrl+Z</source>
        <translation> — Ctrl+Z to undo</translation>
    </message>
    <message>
        <location filename="../../ui/views/inventory_view.py" line="281"/>
        <source>%1 / %2 件を表示</source>
        <translation>Showing %1 of %2</translation>
    </message>
    <message>
        <location filename="../../ui/views/inventory_view.py" line="288"/>
        <source>対象 %1件 ・ デジタル化済 %2件（%3） ・ %4 までの見込み &lt;b style=&apos;color:%5&apos;&gt;%6件（%7）&lt;/b&gt; ／ 目標 %8件</source>
        <translation>In scope %1 · digitized %2 (%3) · expected by %4 &lt;b style=&apos;color:%5&apos;&gt;%6 (%7)&lt;/b&gt; / target %8</translation>
    </message>
</context>
<context>
    <name>KpiTiles</name>
    <message>
        <location filename="../../ui/views/results/kpi_tiles.py" line="64"/>
        <source>期限までのデジタル化</source>
        <translation>Digitized by the deadline</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/kpi_tiles.py" line="66"/>
        <source>目標期限の四半期末までにデジタル化済となる手続の件数（計画開始前に済のものを含む）</source>
        <translation>Processes digitized by the end of the deadline quarter (including those done before the plan starts)</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/kpi_tiles.py" line="67"/>
        <source>中間目標</source>
        <translation>Milestones</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/kpi_tiles.py" line="68"/>
        <source>各中間目標の四半期末までの累計件数が、求める件数に届いているか</source>
        <translation>Whether the cumulative count at the end of each interim goal&apos;s quarter reaches the goal</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/kpi_tiles.py" line="70"/>
        <source>対象に占める割合</source>
        <translation>Share of in-scope</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/kpi_tiles.py" line="71"/>
        <source>期限までにデジタル化済となる手続が、対象（対象外を除く）全体に占める割合</source>
        <translation>Share of all in-scope processes (out-of-scope ones excluded) digitized by the deadline</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/kpi_tiles.py" line="73"/>
        <source>オンライン申請件数（計画期間）</source>
        <translation>Online applications (plan period)</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/kpi_tiles.py" line="108"/>
        <source>目標 %1件（%2）</source>
        <translation>Target %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/kpi_tiles.py" line="111"/>
        <source>  ✗ 不足 %1件</source>
        <translation>  ✗ short by %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/kpi_tiles.py" line="116"/>
        <source>対象 %1件 ・ 目標 %2</source>
        <translation>In scope %1 · target %2</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/kpi_tiles.py" line="75"/>
        <source>計画期間中にオンラインで受け付けられる申請の見込み件数（年間申請件数÷4 × 完了後の四半期数）。計画はこれを最大にします。「理論上の最大」はどの計画でも超えられない上限です。</source>
        <translation>Applications expected to be received online during the plan (annual applications ÷ 4 × quarters after completion). The plan makes this as large as it can; the theoretical maximum is a limit no plan can exceed.</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/kpi_tiles.py" line="78"/>
        <source>最大までの余地</source>
        <translation>Room to the maximum</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/kpi_tiles.py" line="80"/>
        <source>この計画のオンライン申請件数が理論上の最大にどれだけ届いていないか。0%なら、これ以上よい計画はありません。計算時間を延ばすと小さくなることがあります。</source>
        <translation>How far this plan&apos;s online applications are below the theoretical maximum. 0% means no better plan exists; a longer time limit may reduce it.</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/kpi_tiles.py" line="119"/>
        <source>理論上の最大 %1件</source>
        <translation>Theoretical maximum %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/kpi_tiles.py" line="121"/>
        <source>（中断）</source>
        <translation> (cancelled)</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/kpi_tiles.py" line="129"/>
        <source>なし</source>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/kpi_tiles.py" line="129"/>
        <source>中間目標は設定されていません</source>
        <translation>No milestones set</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/kpi_tiles.py" line="134"/>
        <source>✗ 不足 %1件</source>
        <translation>✗ short by %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/kpi_tiles.py" line="136"/>
        <source>%1：%2件以上 ／ 計画 %3件 %4</source>
        <translation>%1: at least %2 / planned %3 %4</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/kpi_tiles.py" line="138"/>
        <source>%1 / %2 達成</source>
        <translation>%1 / %2 met</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/kpi_tiles.py" line="148"/>
        <source>&lt;b&gt;目標は達成できません&lt;/b&gt;：期限 %1 までに %2件不足しています。</source>
        <translation>&lt;b&gt;The target cannot be met&lt;/b&gt;: %2 processes short by %1.</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/kpi_tiles.py" line="152"/>
        <source>処理能力を増やして加えられるのは最大%1件です（残りは期限までに対応可能になりません）。</source>
        <translation> More capacity can add at most %1 of them (the rest do not become eligible by the deadline).</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/kpi_tiles.py" line="159"/>
        <source>%1 %2 +%3人月</source>
        <translation>%1 %2 +%3 person-months</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/kpi_tiles.py" line="164"/>
        <source> 不足を埋めるのに必要な追加の処理能力（上位）：%1</source>
        <translation> Extra capacity needed to close the gap (largest first): %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/kpi_tiles.py" line="167"/>
        <source> ほか %1件</source>
        <translation> and %1 more</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/kpi_tiles.py" line="168"/>
        <source>（合計 %1人月）</source>
        <translation> (total %1 person-months)</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <location filename="../../ui/actions/language.py" line="23"/>
        <source>処理の実行中は言語を切り替えられません</source>
        <translation>The language cannot be switched while a task runs</translation>
    </message>
</context>
<context>
    <name>Live</name>
    <message>
        <location filename="../../ui/actions/live.py" line="41"/>
        <source>サーバーに接続できません：再接続します</source>
        <translation>Cannot reach the server: reconnecting</translation>
    </message>
    <message>
        <location filename="../../ui/actions/live.py" line="59"/>
        <source>他の利用者の変更を受信</source>
        <translation>Receive other users&apos; changes</translation>
    </message>
    <message>
        <location filename="../../ui/actions/live.py" line="79"/>
        <source>他の利用者が、編集中の手続 %1件を変更しました（競合：保存時に確認します）</source>
        <translation>Someone else changed %1 process(es) you are editing (conflict: checked when you save)</translation>
    </message>
    <message>
        <location filename="../../ui/actions/live.py" line="84"/>
        <source>他の利用者の変更を反映しました（%1件）</source>
        <translation>Other users&apos; changes shown (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/actions/live.py" line="89"/>
        <source>他の利用者が処理能力を変更しました（編集中のため、保存時に確認します）</source>
        <translation>Someone else changed the capacity (you are editing it: checked when you save)</translation>
    </message>
</context>
<context>
    <name>LoadHeatmapModel</name>
    <message>
        <location filename="../../ui/models/heatmap_model.py" line="66"/>
        <source>0〜95%</source>
        <extracomment>Load thresholds: up to WARN the scale runs green to yellow; from FULL a cell is &quot;full&quot;; above OVER it is over capacity (the only red).</extracomment>
        <translation>0–95%</translation>
    </message>
    <message>
        <location filename="../../ui/models/heatmap_model.py" line="67"/>
        <source>95〜99.5%</source>
        <translation>95–99.5%</translation>
    </message>
    <message>
        <location filename="../../ui/models/heatmap_model.py" line="68"/>
        <source>満杯（99.5%以上）</source>
        <translation>Full (99.5% or more)</translation>
    </message>
    <message>
        <location filename="../../ui/models/heatmap_model.py" line="69"/>
        <source>超過（100%超）</source>
        <translation>Over (above 100%)</translation>
    </message>
    <message>
        <location filename="../../ui/models/heatmap_model.py" line="70"/>
        <source>能力なし</source>
        <translation>No capacity</translation>
    </message>
    <message>
        <location filename="../../ui/models/heatmap_model.py" line="139"/>
        <source>%1 %2：使用 %3 人月 ／ 能力 %4 人月（%5）</source>
        <translation>%1 %2: used %3 person-months / capacity %4 (%5)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="156"/>
        <source>最近使ったデータベース</source>
        <translation>Recent databases</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="179"/>
        <source>終了</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="163"/>
        <source>ツールバー</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="60"/>
        <source>他の処理が実行中です</source>
        <translation>Another task is running</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="62"/>
        <source>%1をキャンセルしました</source>
        <translation>%1 cancelled</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="148"/>
        <source>管理者だけが実行できます</source>
        <translation>Only an admin may do this</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <location filename="../../ui/registry.py" line="89"/>
        <source>ファイル(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../ui/registry.py" line="92"/>
        <source>編集(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../ui/registry.py" line="95"/>
        <source>計画(&amp;P)</source>
        <translation>&amp;Plan</translation>
    </message>
    <message>
        <location filename="../../ui/registry.py" line="99"/>
        <source>言語 / Language</source>
        <translation>Language / 言語</translation>
    </message>
</context>
<context>
    <name>Outputs</name>
    <message>
        <location filename="../../ui/actions/outputs.py" line="38"/>
        <source>保存済みのシナリオがありません</source>
        <translation>No stored scenario</translation>
    </message>
    <message>
        <location filename="../../ui/actions/outputs.py" line="39"/>
        <source>保存済みのシナリオがありません。先に最適化を実行してください。</source>
        <translation>There is no stored scenario. Run the optimizer first.</translation>
    </message>
    <message>
        <location filename="../../ui/actions/outputs.py" line="53"/>
        <location filename="../../ui/actions/outputs.py" line="72"/>
        <source>計画ワークブックを出力</source>
        <translation>Export plan workbook</translation>
    </message>
    <message>
        <location filename="../../ui/actions/outputs.py" line="55"/>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/actions/outputs.py" line="70"/>
        <source>計画を読み込んでいます…</source>
        <translation>Loading the plan…</translation>
    </message>
    <message>
        <location filename="../../ui/actions/outputs.py" line="71"/>
        <source>シートを書き込んでいます…</source>
        <translation>Writing the sheets…</translation>
    </message>
    <message>
        <location filename="../../ui/actions/outputs.py" line="83"/>
        <source>計画ワークブックを出力しました：%1（シナリオ「%2」、%3件）</source>
        <translation>Exported the plan workbook: %1 (scenario “%2”, %3 processes)</translation>
    </message>
    <message>
        <location filename="../../ui/actions/outputs.py" line="93"/>
        <source>計画ワークブックを出力できませんでした：%1</source>
        <translation>Could not export the plan workbook: %1</translation>
    </message>
    <message>
        <location filename="../../ui/actions/outputs.py" line="107"/>
        <location filename="../../ui/actions/outputs.py" line="124"/>
        <source>進捗報告書を作成</source>
        <translation>Write progress report</translation>
    </message>
    <message>
        <location filename="../../ui/actions/outputs.py" line="123"/>
        <source>集計しています…</source>
        <translation>Computing the figures…</translation>
    </message>
    <message>
        <location filename="../../ui/actions/outputs.py" line="133"/>
        <source>進捗報告書を作成しました：%1</source>
        <translation>Wrote the progress report: %1</translation>
    </message>
    <message>
        <location filename="../../ui/actions/outputs.py" line="143"/>
        <source>進捗報告書を作成できませんでした：%1</source>
        <translation>Could not write the progress report: %1</translation>
    </message>
    <message>
        <location filename="../../ui/actions/outputs.py" line="151"/>
        <source>作成しました</source>
        <translation>Written</translation>
    </message>
    <message>
        <location filename="../../ui/actions/outputs.py" line="152"/>
        <source>%1 を作成しました。開きますか？</source>
        <translation>%1 has been written. Open it?</translation>
    </message>
    <message>
        <location filename="../../ui/actions/outputs.py" line="155"/>
        <source>開く</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../ui/actions/outputs.py" line="156"/>
        <source>閉じる</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>PlanPanel</name>
    <message>
        <location filename="../../ui/views/plan_panel.py" line="157"/>
        <source>計画の条件</source>
        <translation>Plan settings</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan_panel.py" line="159"/>
        <source>自動（最新の完了の翌四半期）</source>
        <translation>Automatic (quarter after the latest digitization)</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan_panel.py" line="162"/>
        <source>期限と同じ</source>
        <translation>Same as the deadline</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan_panel.py" line="163"/>
        <source>開始四半期</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan_panel.py" line="164"/>
        <source>目標期限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan_panel.py" line="165"/>
        <source>計画の最終四半期</source>
        <translation>End</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan_panel.py" line="168"/>
        <source>対象の割合</source>
        <translation>Share of in-scope</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan_panel.py" line="174"/>
        <source>件数</source>
        <translation>Count</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan_panel.py" line="181"/>
        <source>目標</source>
        <translation>Target</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan_panel.py" line="184"/>
        <source>四半期</source>
        <translation>Quarter</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan_panel.py" line="184"/>
        <source>累計件数以上</source>
        <translation>Cumulative count at least</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan_panel.py" line="189"/>
        <source>中間目標を追加</source>
        <translation>Add milestone</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan_panel.py" line="191"/>
        <source>選択を削除</source>
        <translation>Remove selected</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan_panel.py" line="198"/>
        <source>中間目標</source>
        <translation>Milestones</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan_panel.py" line="202"/>
        <source> 秒</source>
        <translation> s</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan_panel.py" line="204"/>
        <source>計算時間の上限</source>
        <translation>Time limit</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan_panel.py" line="206"/>
        <source>空欄なら日時から自動で命名</source>
        <translation>Blank: named from the date and time</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan_panel.py" line="207"/>
        <source>シナリオ名</source>
        <translation>Scenario name</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan_panel.py" line="293"/>
        <location filename="../../ui/views/plan_panel.py" line="366"/>
        <location filename="../../ui/views/plan_panel.py" line="475"/>
        <source>最適化</source>
        <translation>Optimization</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan_panel.py" line="296"/>
        <source>最適化を実行</source>
        <translation>Optimize</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan_panel.py" line="299"/>
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan_panel.py" line="316"/>
        <source>段階</source>
        <translation>Phase</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan_panel.py" line="317"/>
        <source>これまでの最良の計画（オンライン申請件数）</source>
        <translation>Best plan so far (online applications)</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan_panel.py" line="319"/>
        <source>見つかった計画のうち最もよいものの、計画期間中のオンライン申請件数の見込み</source>
        <translation>Expected online applications during the plan, for the best plan found so far</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan_panel.py" line="320"/>
        <source>理論上の最大（オンライン申請件数）</source>
        <translation>Theoretical maximum (online applications)</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan_panel.py" line="321"/>
        <source>どの計画でもこれを超えることはできない、という証明済みの上限</source>
        <translation>A proven limit: no plan can exceed it</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan_panel.py" line="323"/>
        <source>最大までの余地</source>
        <translation>Room to the maximum</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan_panel.py" line="324"/>
        <source>最良の計画が理論上の最大にどれだけ届いていないか。0%なら最適です。</source>
        <translation>How far the best plan is below the theoretical maximum. 0% means it is optimal.</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan_panel.py" line="326"/>
        <source>経過時間</source>
        <translation>Elapsed</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan_panel.py" line="340"/>
        <source>計算中も手続一覧の編集を続けられます。計算には実行時点の手続一覧（未保存の変更を含む）が使われます。</source>
        <translation>You can keep editing while it runs. The run uses the inventory as it was when started (unsaved edits included).</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan_panel.py" line="379"/>
        <source>準備中</source>
        <translation>Preparing</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan_panel.py" line="390"/>
        <source>キャンセル中…（ここまでの最良の計画を返します）</source>
        <translation>Cancelling… (returns the best plan so far)</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan_panel.py" line="394"/>
        <source>%1 秒</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan_panel.py" line="417"/>
        <source>キャンセルしました（途中の最良の計画を表示）</source>
        <translation>Cancelled (showing the best plan found)</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan_panel.py" line="425"/>
        <source>完了</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan_panel.py" line="462"/>
        <source>シナリオを保存できませんでした: %1</source>
        <translation>Could not store the scenario: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan_panel.py" line="468"/>
        <source>失敗</source>
        <translation>Failed</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan_panel.py" line="470"/>
        <source>計画の条件または手続一覧に問題があります：
%1</source>
        <translation>The settings or the inventory cannot be planned:
%1</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan_panel.py" line="472"/>
        <source>最適化エンジンを読み込めません：
%1</source>
        <translation>Cannot load the optimizer:
%1</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan_panel.py" line="474"/>
        <source>最適化に失敗しました：
%1</source>
        <translation>Optimization failed:
%1</translation>
    </message>
</context>
<context>
    <name>PlanStatus</name>
    <message>
        <location filename="../../ui/texts.py" line="32"/>
        <source>最適</source>
        <translation>optimal</translation>
    </message>
    <message>
        <location filename="../../ui/texts.py" line="33"/>
        <source>達成可能な計画</source>
        <translation>meets the target</translation>
    </message>
    <message>
        <location filename="../../ui/texts.py" line="34"/>
        <source>目標未達</source>
        <translation>target not met</translation>
    </message>
    <message>
        <location filename="../../ui/texts.py" line="36"/>
        <source>不明</source>
        <translation>unknown</translation>
    </message>
</context>
<context>
    <name>PlanVsActualView</name>
    <message>
        <location filename="../../ui/views/results/burnup.py" line="127"/>
        <source>全局</source>
        <translation>All bureaus</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/burnup.py" line="131"/>
        <source>再読み込み</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/burnup.py" line="133"/>
        <source>時点</source>
        <translation>As of</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/burnup.py" line="135"/>
        <source>局</source>
        <translation>Bureau</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/burnup.py" line="188"/>
        <source>読み込み中…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/burnup.py" line="190"/>
        <source>計画と実績</source>
        <translation>Plan vs actual</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/burnup.py" line="201"/>
        <source>この時点で有効なベースラインはありません（ベースラインは公表した四半期の翌四半期から比較に使われます。公表済み：%1）。</source>
        <translation>No baseline is in force at this point (a baseline is compared from the quarter after it was published; published: %1).</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/burnup.py" line="205"/>
        <source>ベースラインはまだ公表されていません（「計画」メニューの「この計画をベースラインとして公表…」）。</source>
        <translation>No baseline has been published yet (Plan menu, “Publish this plan as the baseline…”).</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/burnup.py" line="208"/>
        <source>ベースライン：%1 時点で公表（シナリオ「%2」、%3）</source>
        <translation>Baseline: published as of %1 (scenario “%2”, %3)</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/burnup.py" line="213"/>
        <source> ・ %1 の実績はベースラインより %2件</source>
        <translation> · actual in %1 against the baseline: %2</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/burnup.py" line="216"/>
        <source> ・ 見通しのシナリオ：%1</source>
        <translation> · forecast scenario: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/burnup.py" line="222"/>
        <source>計画と実績を読み込めません：%1</source>
        <translation>Cannot load plan vs actual: %1</translation>
    </message>
</context>
<context>
    <name>Planning</name>
    <message>
        <location filename="../../ui/actions/planning.py" line="39"/>
        <source>シナリオ「%1」を開きました</source>
        <translation>Opened scenario &quot;%1&quot;</translation>
    </message>
    <message>
        <location filename="../../ui/actions/planning.py" line="46"/>
        <source>計画がまだありません。先に最適化を実行してください</source>
        <translation>No plan yet: run the optimizer first</translation>
    </message>
    <message>
        <location filename="../../ui/actions/planning.py" line="56"/>
        <source>%1 はこの計画の対象ではありません（計画開始前にデジタル化済、対象外、または計画後に追加された手続）。</source>
        <translation>%1 is not part of this plan (digitized before it starts, out of scope, or added after the plan was made).</translation>
    </message>
</context>
<context>
    <name>ProblemListDialog</name>
    <message>
        <location filename="../../ui/widgets/dialogs.py" line="67"/>
        <source>%1件の問題が見つかりました。データベースは変更されていません。</source>
        <translation>%1 problem(s) found. The database was not changed.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dialogs.py" line="73"/>
        <source>… ほか %1件</source>
        <translation>… and %1 more</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dialogs.py" line="77"/>
        <source>コピー</source>
        <translation>Copy</translation>
    </message>
</context>
<context>
    <name>ProcessDateModel</name>
    <message>
        <location filename="../../ui/models/whatif_models.py" line="209"/>
        <source>手続ID</source>
        <translation>Process ID</translation>
    </message>
</context>
<context>
    <name>ProgressChart</name>
    <message>
        <location filename="../../ui/views/results/progress_chart.py" line="115"/>
        <source>デジタル化済み手続の累計（計画）</source>
        <extracomment>Width a two-line quarter label needs side by side; narrower charts turn them upright.</extracomment>
        <translation>Cumulative digitized processes (plan)</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/progress_chart.py" line="117"/>
        <source>計画がまだありません — 「計画」タブで最適化を実行してください</source>
        <translation>No plan yet — run the optimizer in the plan tab</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/progress_chart.py" line="125"/>
        <source>累計（計画）</source>
        <translation>Cumulative (plan)</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/progress_chart.py" line="132"/>
        <source>目標 %1件</source>
        <translation>Target %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/progress_chart.py" line="139"/>
        <source>中間目標</source>
        <translation>Milestones</translation>
    </message>
</context>
<context>
    <name>PublishBaselineDialog</name>
    <message>
        <location filename="../../ui/widgets/report_dialogs.py" line="116"/>
        <source>ベースラインとして公表</source>
        <translation>Publish as baseline</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/report_dialogs.py" line="120"/>
        <source>シナリオ「%1」を計画の基準（ベースライン）として公表します。</source>
        <translation>Publish scenario “%1” as the plan of record (baseline).</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/report_dialogs.py" line="126"/>
        <source>公表時点の四半期</source>
        <translation>As of quarter</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/report_dialogs.py" line="127"/>
        <source>メモ</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/report_dialogs.py" line="142"/>
        <source>この四半期のベースラインは既にあります。置き換えます。</source>
        <translation>A baseline for this quarter exists already; it will be replaced.</translation>
    </message>
</context>
<context>
    <name>Reasons</name>
    <message>
        <location filename="../../dx_planner/planning/reason_texts.py" line="13"/>
        <source>固定四半期</source>
        <translation>locked to this quarter</translation>
    </message>
    <message>
        <location filename="../../dx_planner/planning/reason_texts.py" line="14"/>
        <source>対応可能な最も早い四半期</source>
        <translation>earliest quarter it is eligible for</translation>
    </message>
    <message>
        <location filename="../../dx_planner/planning/reason_texts.py" line="15"/>
        <source>申請基盤の利用開始を待つ</source>
        <translation>waits for its channel to open</translation>
    </message>
    <message>
        <location filename="../../dx_planner/planning/reason_texts.py" line="16"/>
        <source>国の対応時期を待つ</source>
        <translation>waits for the national government&apos;s date</translation>
    </message>
    <message>
        <location filename="../../dx_planner/planning/reason_texts.py" line="17"/>
        <source>それ以前の四半期は局の処理能力が埋まっている</source>
        <translation>its bureau&apos;s capacity in earlier quarters is taken</translation>
    </message>
    <message>
        <location filename="../../dx_planner/planning/reason_texts.py" line="19"/>
        <source>それ以前の四半期は申請基盤の受入上限に達している</source>
        <translation>its channel&apos;s limit in earlier quarters is reached</translation>
    </message>
    <message>
        <location filename="../../dx_planner/planning/reason_texts.py" line="21"/>
        <source>国の対応時期が未提示のため計画不可</source>
        <translation>no national date yet: cannot be planned</translation>
    </message>
    <message>
        <location filename="../../dx_planner/planning/reason_texts.py" line="22"/>
        <source>計画期間内に対応可能とならない</source>
        <translation>not eligible within the planned quarters</translation>
    </message>
    <message>
        <location filename="../../dx_planner/planning/reason_texts.py" line="23"/>
        <source>局の処理能力が不足（より効果の大きい手続を優先）</source>
        <translation>not enough bureau capacity (higher-value processes first)</translation>
    </message>
    <message>
        <location filename="../../dx_planner/planning/reason_texts.py" line="25"/>
        <source>工数が局の四半期処理能力を超える</source>
        <translation>its effort exceeds any quarter&apos;s capacity of its bureau</translation>
    </message>
    <message>
        <location filename="../../dx_planner/planning/reason_texts.py" line="27"/>
        <source>凍結した四半期の後の最初の四半期</source>
        <translation>the first quarter after the frozen ones</translation>
    </message>
    <message>
        <location filename="../../dx_planner/planning/reason_texts.py" line="28"/>
        <source>凍結した四半期の約束（前回計画どおり）</source>
        <translation>a commitment of a frozen quarter (as in the reference plan)</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <location filename="../../ui/widgets/report_dialogs.py" line="79"/>
        <source>進捗報告書を作成</source>
        <translation>Write progress report</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/report_dialogs.py" line="85"/>
        <source>最新のシナリオ</source>
        <translation>Newest scenario</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/report_dialogs.py" line="90"/>
        <source>報告する四半期</source>
        <translation>Quarter reported</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/report_dialogs.py" line="91"/>
        <source>今後の計画に使うシナリオ</source>
        <translation>Scenario for the plan ahead</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/report_dialogs.py" line="93"/>
        <source>形式はファイルの拡張子で決まります（.md、.html、.xlsx）。実績はデータベースの内容（保存済みの状態）を使います。</source>
        <translation>The format follows the file extension (.md, .html, .xlsx). Actuals are taken from the database (saved changes only).</translation>
    </message>
</context>
<context>
    <name>RequirementsModel</name>
    <message>
        <location filename="../../ui/models/requirements_model.py" line="75"/>
        <source>申請基盤</source>
        <translation>Channel</translation>
    </message>
</context>
<context>
    <name>ResultsView</name>
    <message>
        <location filename="../../ui/views/results/results_view.py" line="65"/>
        <source>局 × 四半期の負荷（使用／能力）</source>
        <translation>Bureau × quarter load (used / capacity)</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/results_view.py" line="79"/>
        <source>選択したシナリオを開く</source>
        <translation>Open selected scenario</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/results_view.py" line="81"/>
        <source>再読み込み</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/results_view.py" line="87"/>
        <source>保存済みシナリオ</source>
        <translation>Stored scenarios</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/results_view.py" line="93"/>
        <source>なぜもっと早くないのか？</source>
        <translation>Why not earlier?</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/results_view.py" line="96"/>
        <source>計画と実績</source>
        <translation>Plan vs actual</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/results_view.py" line="114"/>
        <source>計画：まだありません</source>
        <translation>Plan: none yet</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/results_view.py" line="116"/>
        <source>（未保存の計画）</source>
        <translation>(unsaved plan)</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/results_view.py" line="117"/>
        <source>計画：%1</source>
        <translation>Plan: %1</translation>
    </message>
</context>
<context>
    <name>Saving</name>
    <message>
        <location filename="../../ui/actions/saving.py" line="31"/>
        <source>保存できません：入力に問題があります</source>
        <translation>Cannot save: some entries are invalid</translation>
    </message>
    <message>
        <location filename="../../ui/actions/saving.py" line="43"/>
        <source>手続 %1件</source>
        <translation>%1 processes</translation>
    </message>
    <message>
        <location filename="../../ui/actions/saving.py" line="44"/>
        <source>処理能力 %1セル</source>
        <translation>%1 capacity cells</translation>
    </message>
    <message>
        <location filename="../../ui/actions/saving.py" line="48"/>
        <source>保存する変更はありませんでした</source>
        <translation>Nothing to save</translation>
    </message>
    <message>
        <location filename="../../ui/actions/saving.py" line="49"/>
        <source>保存しました：%1</source>
        <translation>Saved: %1</translation>
    </message>
    <message>
        <location filename="../../ui/actions/saving.py" line="49"/>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../ui/actions/saving.py" line="61"/>
        <source>競合した行をデータベースの内容に置き換えました</source>
        <translation>The conflicting rows now show the database version</translation>
    </message>
    <message>
        <location filename="../../ui/actions/saving.py" line="73"/>
        <source>未保存の変更</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <location filename="../../ui/actions/saving.py" line="74"/>
        <source>変更が保存されていません。保存しますか？</source>
        <translation>There are unsaved changes. Save them?</translation>
    </message>
</context>
<context>
    <name>ScenarioListModel</name>
    <message>
        <location filename="../../ui/models/scenario_model.py" line="21"/>
        <source>シナリオ</source>
        <translation>Scenario</translation>
    </message>
    <message>
        <location filename="../../ui/models/scenario_model.py" line="21"/>
        <source>作成日時</source>
        <translation>Created</translation>
    </message>
    <message>
        <location filename="../../ui/models/scenario_model.py" line="21"/>
        <source>状態</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/models/scenario_model.py" line="22"/>
        <source>期限までの件数</source>
        <translation>By deadline</translation>
    </message>
    <message>
        <location filename="../../ui/models/scenario_model.py" line="22"/>
        <source>割合</source>
        <translation>Share</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <location filename="../../ui/session.py" line="155"/>
        <source>%1 / %2: 読み込み後に他の利用者が変更しました（再読み込みしてください）</source>
        <translation>%1 / %2: changed by another user since it was loaded (reload it)</translation>
    </message>
</context>
<context>
    <name>SolverPhase</name>
    <message>
        <location filename="../../ui/views/plan_panel.py" line="101"/>
        <source>開始</source>
        <translation>Starting</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan_panel.py" line="102"/>
        <source>上界を計算中</source>
        <translation>Computing the bound</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan_panel.py" line="103"/>
        <source>計画を改善中</source>
        <translation>Improving the plan</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan_panel.py" line="104"/>
        <source>件数を増やす計画を探索中</source>
        <translation>Searching for more processes</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan_panel.py" line="105"/>
        <source>計画を修復中</source>
        <translation>Repairing the plan</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan_panel.py" line="106"/>
        <source>厳密解法（CP-SAT）で最適化中</source>
        <translation>Optimizing exactly (CP-SAT)</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan_panel.py" line="107"/>
        <source>完了</source>
        <translation>Done</translation>
    </message>
</context>
<context>
    <name>Tabs</name>
    <message>
        <location filename="../../ui/registry.py" line="67"/>
        <source>手続一覧</source>
        <translation>Processes</translation>
    </message>
    <message>
        <location filename="../../ui/registry.py" line="69"/>
        <source>処理能力</source>
        <translation>Capacity</translation>
    </message>
    <message>
        <location filename="../../ui/registry.py" line="72"/>
        <source>計画の条件と実行</source>
        <translation>Plan settings and run</translation>
    </message>
    <message>
        <location filename="../../ui/registry.py" line="73"/>
        <source>結果</source>
        <translation>Results</translation>
    </message>
    <message>
        <location filename="../../ui/registry.py" line="74"/>
        <source>変更履歴</source>
        <translation>Change history</translation>
    </message>
</context>
<context>
    <name>TaskProgressDialogs</name>
    <message>
        <location filename="../../ui/widgets/task_progress.py" line="35"/>
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/task_progress.py" line="47"/>
        <source>キャンセルしています…</source>
        <translation>Cancelling…</translation>
    </message>
</context>
<context>
    <name>UndoRedoActions</name>
    <message>
        <location filename="../../ui/widgets/undo_actions.py" line="15"/>
        <location filename="../../ui/widgets/undo_actions.py" line="36"/>
        <source>元に戻す</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/undo_actions.py" line="17"/>
        <location filename="../../ui/widgets/undo_actions.py" line="40"/>
        <source>やり直し</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/undo_actions.py" line="35"/>
        <source>元に戻す：%1</source>
        <translation>Undo: %1</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/undo_actions.py" line="39"/>
        <source>やり直し：%1</source>
        <translation>Redo: %1</translation>
    </message>
</context>
</TS>
