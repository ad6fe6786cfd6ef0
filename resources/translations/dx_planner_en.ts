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
        <location filename="../../ui/actions/database.py" line="129"/>
        <source>データベースを開く…</source>
        <translation>Open database…</translation>
    </message>
    <message>
        <location filename="../../ui/actions/database.py" line="131"/>
        <source>チームデータベースに接続…</source>
        <translation>Connect to a team database…</translation>
    </message>
    <message>
        <location filename="../../ui/actions/inventory_io.py" line="148"/>
        <source>手続一覧ワークブックを取り込む…</source>
        <translation>Import inventory workbook…</translation>
    </message>
    <message>
        <location filename="../../ui/actions/inventory_io.py" line="150"/>
        <source>手続一覧ワークブックを書き出す…</source>
        <translation>Export inventory workbook…</translation>
    </message>
    <message>
        <location filename="../../ui/actions/inventory_io.py" line="152"/>
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
        <location filename="../../ui/actions/planning.py" line="69"/>
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
    <name>Analysis</name>
    <message>
        <location filename="../../ui/models/analysis_texts.py" line="15"/>
        <source>全体の目標</source>
        <translation>Overall target</translation>
    </message>
    <message>
        <location filename="../../ui/models/analysis_texts.py" line="16"/>
        <source>中間目標</source>
        <translation>Milestone</translation>
    </message>
    <message>
        <location filename="../../ui/models/analysis_texts.py" line="17"/>
        <source>局・区分の目標</source>
        <translation>Bureau and segment targets</translation>
    </message>
    <message>
        <location filename="../../ui/models/analysis_texts.py" line="18"/>
        <source>各局の目標</source>
        <translation>Target per bureau</translation>
    </message>
    <message>
        <location filename="../../ui/models/analysis_texts.py" line="30"/>
        <source>権限=%1</source>
        <translation>authority=%1</translation>
    </message>
    <message>
        <location filename="../../ui/models/analysis_texts.py" line="33"/>
        <source>重点</source>
        <translation>priority</translation>
    </message>
    <message>
        <location filename="../../ui/models/analysis_texts.py" line="34"/>
        <source>重点以外</source>
        <translation>not priority</translation>
    </message>
    <message>
        <location filename="../../ui/models/analysis_texts.py" line="36"/>
        <source>主要手続</source>
        <translation>major</translation>
    </message>
    <message>
        <location filename="../../ui/models/analysis_texts.py" line="37"/>
        <source>主要手続以外</source>
        <translation>not major</translation>
    </message>
    <message>
        <location filename="../../ui/models/analysis_texts.py" line="41"/>
        <source>年間申請件数 ≥ %1</source>
        <translation>applications a year ≥ %1</translation>
    </message>
    <message>
        <location filename="../../ui/models/analysis_texts.py" line="43"/>
        <source>全手続</source>
        <translation>all processes</translation>
    </message>
    <message>
        <location filename="../../ui/models/analysis_texts.py" line="50"/>
        <source>%1：%2（%3、%4まで）</source>
        <translation>%1: %2 (%3 by %4)</translation>
    </message>
    <message>
        <location filename="../../ui/models/analysis_texts.py" line="57"/>
        <source>再計算（要件あり・なしの差）</source>
        <translation>Re-solve (with minus without the requirement)</translation>
    </message>
    <message>
        <location filename="../../ui/models/analysis_texts.py" line="58"/>
        <source>双対価格からの推定</source>
        <translation>Estimate from the dual prices</translation>
    </message>
    <message>
        <location filename="../../ui/models/analysis_texts.py" line="59"/>
        <source>制約になっていない</source>
        <translation>Not binding</translation>
    </message>
    <message>
        <location filename="../../ui/models/analysis_texts.py" line="60"/>
        <source>未達のため算出せず</source>
        <translation>Not met: no cost</translation>
    </message>
    <message>
        <location filename="../../ui/models/analysis_texts.py" line="61"/>
        <source>未計測</source>
        <translation>Not measured</translation>
    </message>
    <message>
        <location filename="../../ui/models/analysis_texts.py" line="67"/>
        <source>手続一覧にない</source>
        <translation>No longer in the inventory</translation>
    </message>
    <message>
        <location filename="../../ui/models/analysis_texts.py" line="68"/>
        <source>対象外になった</source>
        <translation>Now out of scope</translation>
    </message>
    <message>
        <location filename="../../ui/models/analysis_texts.py" line="69"/>
        <source>デジタル化済になった</source>
        <translation>Now digitized</translation>
    </message>
    <message>
        <location filename="../../ui/models/analysis_texts.py" line="70"/>
        <source>四半期が計画開始より前</source>
        <translation>Quarter before the plan start</translation>
    </message>
    <message>
        <location filename="../../ui/models/analysis_texts.py" line="71"/>
        <source>四半期が計画期間の外</source>
        <translation>Quarter outside the plan</translation>
    </message>
    <message>
        <location filename="../../ui/models/analysis_texts.py" line="72"/>
        <source>固定四半期が変わった</source>
        <translation>Locked quarter changed</translation>
    </message>
    <message>
        <location filename="../../ui/models/analysis_texts.py" line="73"/>
        <source>その四半期には対応できなくなった</source>
        <translation>No longer eligible in that quarter</translation>
    </message>
    <message>
        <location filename="../../ui/models/analysis_texts.py" line="75"/>
        <source>凍結した四半期の処理能力を超えた（工数の増加）</source>
        <translation>Over the capacity of a frozen quarter (effort grew)</translation>
    </message>
    <message>
        <location filename="../../ui/models/analysis_texts.py" line="77"/>
        <source>申請基盤の受入上限を超えた</source>
        <translation>Over the channel&apos;s limit</translation>
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
    <name>BureauScaleModel</name>
    <message>
        <location filename="../../ui/models/whatif_models.py" line="38"/>
        <source>所管局</source>
        <translation>Bureau</translation>
    </message>
    <message>
        <location filename="../../ui/models/whatif_models.py" line="38"/>
        <source>処理能力の合計（人月）</source>
        <translation>Total capacity (person-months)</translation>
    </message>
    <message>
        <location filename="../../ui/models/whatif_models.py" line="38"/>
        <source>倍率</source>
        <translation>Factor</translation>
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
    <name>CapacityValueModel</name>
    <message>
        <location filename="../../ui/models/capacity_value_model.py" line="89"/>
        <source>%1 %2：処理能力 %3 人月に余裕があり、1人月増やしても計画は変わりません</source>
        <translation>%1 %2: capacity %3 person-months has room; one more person-month changes nothing</translation>
    </message>
    <message>
        <location filename="../../ui/models/capacity_value_model.py" line="92"/>
        <source>%1 %2：処理能力を1人月増やすと、計画期間のオンライン申請が約 %3 件増えます（現在の処理能力 %4 人月）</source>
        <translation>%1 %2: one more person-month adds about %3 online applications over the plan (capacity now %4 person-months)</translation>
    </message>
</context>
<context>
    <name>CapacityValuePage</name>
    <message>
        <location filename="../../ui/views/results/capacity_value_page.py" line="33"/>
        <source>各セルは、その局・四半期の処理能力を1人月増やしたときに計画期間のオンライン申請が増える件数の目安（計画の双対価格）です。色が濃いほど効果が大きく、「·」は能力に余裕があり増やしても変わらないセルです。増やす人月が多いほど1人月あたりの効果は下がります。</source>
        <translation>Each cell: about how many more online applications the plan gets from one more person-month in that bureau and quarter (the plan&apos;s dual prices). Darker is worth more; &quot;·&quot; has room to spare, so more capacity changes nothing. The more person-months are added, the less each one is worth.</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/capacity_value_page.py" line="49"/>
        <source>計画がないか、どの局・四半期にも処理能力の余裕があります。</source>
        <translation>No plan yet, or every bureau and quarter has room to spare.</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/capacity_value_page.py" line="51"/>
        <source>どの局・四半期も処理能力に余裕があります。</source>
        <translation>Every bureau and quarter has room to spare.</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/capacity_value_page.py" line="53"/>
        <source>%1 %2（%3件）</source>
        <translation>%1 %2 (%3)</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/capacity_value_page.py" line="55"/>
        <source>効果が最も大きいのは：%1</source>
        <translation>Worth most: %1</translation>
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
    <name>ChangeListModel</name>
    <message>
        <location filename="../../ui/models/compare_models.py" line="215"/>
        <source>手続ID</source>
        <translation>Process ID</translation>
    </message>
    <message>
        <location filename="../../ui/models/compare_models.py" line="215"/>
        <source>手続名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/models/compare_models.py" line="215"/>
        <source>所管局</source>
        <translation>Bureau</translation>
    </message>
    <message>
        <location filename="../../ui/models/compare_models.py" line="216"/>
        <source>変更</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../ui/models/compare_models.py" line="216"/>
        <source>A の四半期</source>
        <translation>Quarter in A</translation>
    </message>
    <message>
        <location filename="../../ui/models/compare_models.py" line="216"/>
        <source>B の四半期</source>
        <translation>Quarter in B</translation>
    </message>
    <message>
        <location filename="../../ui/models/compare_models.py" line="217"/>
        <source>ずれ（四半期）</source>
        <translation>Shift (quarters)</translation>
    </message>
</context>
<context>
    <name>ChangesByBureauModel</name>
    <message>
        <location filename="../../ui/models/changes_models.py" line="27"/>
        <source>所管局</source>
        <translation>Bureau</translation>
    </message>
    <message>
        <location filename="../../ui/models/changes_models.py" line="27"/>
        <source>時期の変更</source>
        <translation>Moved</translation>
    </message>
    <message>
        <location filename="../../ui/models/changes_models.py" line="27"/>
        <source>うち前倒し</source>
        <translation>of which earlier</translation>
    </message>
    <message>
        <location filename="../../ui/models/changes_models.py" line="28"/>
        <source>うち後ろ倒し</source>
        <translation>of which later</translation>
    </message>
    <message>
        <location filename="../../ui/models/changes_models.py" line="28"/>
        <source>計画から外した</source>
        <translation>Dropped</translation>
    </message>
    <message>
        <location filename="../../ui/models/changes_models.py" line="28"/>
        <source>追加</source>
        <translation>Added</translation>
    </message>
    <message>
        <location filename="../../ui/models/changes_models.py" line="29"/>
        <source>解除（無効になった約束）</source>
        <translation>Released (no longer valid)</translation>
    </message>
    <message>
        <location filename="../../ui/models/changes_models.py" line="55"/>
        <source>合計</source>
        <translation>Total</translation>
    </message>
</context>
<context>
    <name>ChangesPage</name>
    <message>
        <location filename="../../ui/views/results/changes_page.py" line="50"/>
        <source>シナリオ「%1」</source>
        <translation>scenario &quot;%1&quot;</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/changes_page.py" line="52"/>
        <source>公表済みのベースライン（%1 時点）</source>
        <translation>published baseline (as of %1)</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/changes_page.py" line="62"/>
        <source>解除した約束 %1 件（理由つき）</source>
        <translation>%1 commitments released (with reasons)</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/changes_page.py" line="66"/>
        <source>この計画は基準を守る再計画ではありません。「計画の条件と実行」の「基準を守る再計画」で、公表済みのベースラインや保存済みの計画を基準に再計画すると、ここに変更と安定化の代償が表示されます。</source>
        <translation>This plan is not a re-plan against a reference. Re-plan against the published baseline or a stored plan (Plan settings and run → Re-plan keeping a reference) to see the changes and the price of stability here.</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/changes_page.py" line="71"/>
        <source>基準：%1</source>
        <translation>Reference: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/changes_page.py" line="73"/>
        <source>なし</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/changes_page.py" line="74"/>
        <source>∞（有効な約束はすべて守る）</source>
        <translation>∞ (keep every valid commitment)</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/changes_page.py" line="76"/>
        <source>凍結：%1 まで&#x3000;変更1件あたりの必要な効果：%2 件</source>
        <translation>Frozen until: %1    gain a change must bring: %2 applications</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/changes_page.py" line="81"/>
        <source>そのまま守った約束 %1 件（変更の費用∞：有効な約束はすべて）、時期の変更 %2 件、計画から外した %3 件、追加 %4 件、解除 %5 件</source>
        <translation>%1 commitments kept as they were (move cost ∞: every still-valid one), %2 moved, %3 dropped, %4 added, %5 released</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/changes_page.py" line="85"/>
        <source>凍結して守った約束 %1 件、時期の変更 %2 件、計画から外した %3 件、追加 %4 件、解除 %5 件</source>
        <translation>%1 commitments kept in the frozen quarters, %2 moved, %3 dropped, %4 added, %5 released</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/changes_page.py" line="94"/>
        <source>安定化の代償：比較できません（この計画は必要な手続が %1 件不足、基準なしの再計画は %2 件不足。条件の達成がオンライン申請件数より優先されます）</source>
        <translation>Price of stability: not comparable (this plan misses %1 required processes, the free re-plan %2; meeting the requirements comes before online applications)</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/changes_page.py" line="98"/>
        <source>安定化の代償：不明（基準なしの再計画が中断されました）</source>
        <translation>Price of stability: unknown (the free re-plan was cancelled)</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/changes_page.py" line="103"/>
        <source>安定化の代償：%1 件（目的値の %2）＝ 諦めたオンライン申請 %3 件 ＋ 変更のペナルティ %4 件</source>
        <translation>Price of stability: %1 (%2 of the objective) = %3 online applications given up + %4 move penalty</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/changes_page.py" line="108"/>
        <source>基準なしで再計画すると：時期の変更 %1 件、計画から外す %2 件</source>
        <translation>A free re-plan would move %1 and drop %2</translation>
    </message>
</context>
<context>
    <name>ChannelStartModel</name>
    <message>
        <location filename="../../ui/models/whatif_models.py" line="109"/>
        <source>申請基盤</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../ui/models/whatif_models.py" line="109"/>
        <source>利用開始（手続一覧）</source>
        <translation>Available from (inventory)</translation>
    </message>
    <message>
        <location filename="../../ui/models/whatif_models.py" line="110"/>
        <source>利用開始（仮定）</source>
        <translation>Available from (assumed)</translation>
    </message>
    <message>
        <location filename="../../ui/models/whatif_models.py" line="130"/>
        <location filename="../../ui/models/whatif_models.py" line="151"/>
        <source>手続一覧のとおり</source>
        <translation>As in the inventory</translation>
    </message>
    <message>
        <location filename="../../ui/models/whatif_models.py" line="131"/>
        <source>いつでも（制限なし）</source>
        <translation>Always (no restriction)</translation>
    </message>
    <message>
        <location filename="../../ui/models/whatif_models.py" line="134"/>
        <source>いつでも</source>
        <translation>Always</translation>
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
    <name>Compare</name>
    <message>
        <location filename="../../ui/actions/compare.py" line="28"/>
        <location filename="../../ui/actions/compare.py" line="54"/>
        <source>比較ワークブックを出力</source>
        <translation>Export the comparison workbook</translation>
    </message>
    <message>
        <location filename="../../ui/actions/compare.py" line="31"/>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/actions/compare.py" line="41"/>
        <source>比較ワークブックを書き込んでいます…</source>
        <translation>Writing the comparison workbook…</translation>
    </message>
    <message>
        <location filename="../../ui/actions/compare.py" line="51"/>
        <source>比較ワークブックを書き出しました：%1</source>
        <translation>Comparison workbook written: %1</translation>
    </message>
    <message>
        <location filename="../../ui/models/compare_models.py" line="27"/>
        <source>開始四半期</source>
        <translation>Start quarter</translation>
    </message>
    <message>
        <location filename="../../ui/models/compare_models.py" line="28"/>
        <source>目標期限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../ui/models/compare_models.py" line="29"/>
        <source>計画の最終四半期</source>
        <translation>Last planned quarter</translation>
    </message>
    <message>
        <location filename="../../ui/models/compare_models.py" line="30"/>
        <source>目標（割合）</source>
        <translation>Target (share)</translation>
    </message>
    <message>
        <location filename="../../ui/models/compare_models.py" line="31"/>
        <source>目標（件数）</source>
        <translation>Target (count)</translation>
    </message>
    <message>
        <location filename="../../ui/models/compare_models.py" line="32"/>
        <source>中間目標</source>
        <translation>Milestone</translation>
    </message>
    <message>
        <location filename="../../ui/models/compare_models.py" line="33"/>
        <source>局・区分の目標</source>
        <translation>Bureau and segment targets</translation>
    </message>
    <message>
        <location filename="../../ui/models/compare_models.py" line="34"/>
        <source>各局の目標</source>
        <translation>Target per bureau</translation>
    </message>
    <message>
        <location filename="../../ui/models/compare_models.py" line="35"/>
        <source>基準を守る再計画</source>
        <translation>Re-plan keeping a reference</translation>
    </message>
    <message>
        <location filename="../../ui/models/compare_models.py" line="36"/>
        <source>前提の仮定</source>
        <translation>What-if assumptions</translation>
    </message>
    <message>
        <location filename="../../ui/models/compare_models.py" line="37"/>
        <source>計算時間の上限（秒）</source>
        <translation>Time limit (s)</translation>
    </message>
    <message>
        <location filename="../../ui/models/compare_models.py" line="38"/>
        <source>費用の再計算時間（秒）</source>
        <translation>Time for cost re-solves (s)</translation>
    </message>
    <message>
        <location filename="../../ui/models/compare_models.py" line="44"/>
        <source>状態</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/models/compare_models.py" line="45"/>
        <source>目的値（オンライン申請件数）</source>
        <translation>Objective (online applications)</translation>
    </message>
    <message>
        <location filename="../../ui/models/compare_models.py" line="46"/>
        <source>理論上の最大</source>
        <translation>Proven maximum</translation>
    </message>
    <message>
        <location filename="../../ui/models/compare_models.py" line="47"/>
        <source>最大までの余地</source>
        <translation>Room to the maximum</translation>
    </message>
    <message>
        <location filename="../../ui/models/compare_models.py" line="48"/>
        <source>期限までのデジタル化</source>
        <translation>Digitized by the deadline</translation>
    </message>
    <message>
        <location filename="../../ui/models/compare_models.py" line="49"/>
        <source>対象に占める割合</source>
        <translation>Share of in-scope</translation>
    </message>
    <message>
        <location filename="../../ui/models/compare_models.py" line="50"/>
        <source>目標件数</source>
        <translation>Target count</translation>
    </message>
    <message>
        <location filename="../../ui/models/compare_models.py" line="51"/>
        <source>対象の手続</source>
        <translation>In scope</translation>
    </message>
    <message>
        <location filename="../../ui/models/compare_models.py" line="52"/>
        <source>計画した手続</source>
        <translation>Planned processes</translation>
    </message>
    <message>
        <location filename="../../ui/models/compare_models.py" line="53"/>
        <source>達成した要件</source>
        <translation>Requirements met</translation>
    </message>
    <message>
        <location filename="../../ui/models/compare_models.py" line="54"/>
        <source>計算時間（秒）</source>
        <translation>Solve time (s)</translation>
    </message>
    <message>
        <location filename="../../ui/models/compare_models.py" line="55"/>
        <source>オンライン申請件数</source>
        <translation>Online applications</translation>
    </message>
    <message>
        <location filename="../../ui/models/compare_models.py" line="56"/>
        <source>変更のペナルティ</source>
        <translation>Move penalty</translation>
    </message>
    <message>
        <location filename="../../ui/models/compare_models.py" line="57"/>
        <source>安定化の代償</source>
        <translation>Price of stability</translation>
    </message>
</context>
<context>
    <name>CompareChart</name>
    <message>
        <location filename="../../ui/views/compare/compare_chart.py" line="30"/>
        <source>比較する2つのシナリオを選んでください</source>
        <translation>Choose two scenarios to compare</translation>
    </message>
    <message>
        <location filename="../../ui/views/compare/compare_chart.py" line="34"/>
        <source>デジタル化済み手続の累計（A と B）</source>
        <translation>Cumulative digitized processes (A and B)</translation>
    </message>
    <message>
        <location filename="../../ui/views/compare/compare_chart.py" line="54"/>
        <source>目標 %1件</source>
        <translation>Target %1</translation>
    </message>
</context>
<context>
    <name>CompareView</name>
    <message>
        <location filename="../../ui/views/compare/compare_view.py" line="51"/>
        <location filename="../../ui/views/compare/compare_view.py" line="54"/>
        <source>%1 を読み込み中</source>
        <translation>Reading %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/compare/compare_view.py" line="57"/>
        <source>手続一覧を読み込み中</source>
        <translation>Reading the inventory</translation>
    </message>
    <message>
        <location filename="../../ui/views/compare/compare_view.py" line="60"/>
        <source>比較中</source>
        <translation>Comparing</translation>
    </message>
    <message>
        <location filename="../../ui/views/compare/compare_view.py" line="81"/>
        <source>A（基準）</source>
        <translation>A (reference)</translation>
    </message>
    <message>
        <location filename="../../ui/views/compare/compare_view.py" line="83"/>
        <source>B（比較）</source>
        <translation>B (compared)</translation>
    </message>
    <message>
        <location filename="../../ui/views/compare/compare_view.py" line="85"/>
        <source>比較する</source>
        <translation>Compare</translation>
    </message>
    <message>
        <location filename="../../ui/views/compare/compare_view.py" line="87"/>
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/views/compare/compare_view.py" line="90"/>
        <source>比較ワークブックを出力…</source>
        <translation>Export the comparison workbook…</translation>
    </message>
    <message>
        <location filename="../../ui/views/compare/compare_view.py" line="93"/>
        <source>一覧を更新</source>
        <translation>Refresh the list</translation>
    </message>
    <message>
        <location filename="../../ui/views/compare/compare_view.py" line="127"/>
        <source>条件・主要な数値・累計</source>
        <translation>Settings, key figures, cumulative</translation>
    </message>
    <message>
        <location filename="../../ui/views/compare/compare_view.py" line="133"/>
        <source>局 × 四半期の完了件数（B と差）</source>
        <translation>Completions by bureau × quarter (B and difference)</translation>
    </message>
    <message>
        <location filename="../../ui/views/compare/compare_view.py" line="140"/>
        <source>変更：すべて</source>
        <translation>Change: all</translation>
    </message>
    <message>
        <location filename="../../ui/views/compare/compare_view.py" line="155"/>
        <source>変更された手続</source>
        <translation>Changed processes</translation>
    </message>
    <message>
        <location filename="../../ui/views/compare/compare_view.py" line="200"/>
        <source>比較するシナリオを2つ選んでください</source>
        <translation>Choose two scenarios to compare</translation>
    </message>
    <message>
        <location filename="../../ui/views/compare/compare_view.py" line="203"/>
        <source>シナリオ比較</source>
        <translation>Compare scenarios</translation>
    </message>
    <message>
        <location filename="../../ui/views/compare/compare_view.py" line="214"/>
        <source>A「%1」と B「%2」を比較しています…</source>
        <translation>Comparing A &quot;%1&quot; with B &quot;%2&quot;…</translation>
    </message>
    <message>
        <location filename="../../ui/views/compare/compare_view.py" line="227"/>
        <source>比較をキャンセルしました</source>
        <translation>Comparison cancelled</translation>
    </message>
    <message>
        <location filename="../../ui/views/compare/compare_view.py" line="230"/>
        <source>比較できませんでした：%1</source>
        <translation>Could not compare: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/compare/compare_view.py" line="250"/>
        <source>所管局：すべて</source>
        <translation>Bureau: all</translation>
    </message>
    <message>
        <location filename="../../ui/views/compare/compare_view.py" line="258"/>
        <source>A「%1」と B「%2」：条件の違い %3 項目、前倒し %4 件、後ろ倒し %5 件、追加 %6 件、削除 %7 件</source>
        <translation>A &quot;%1&quot; and B &quot;%2&quot;: %3 settings differ; %4 earlier, %5 later, %6 added, %7 dropped</translation>
    </message>
    <message>
        <location filename="../../ui/views/compare/compare_view.py" line="269"/>
        <source>%1 件を表示（全 %2 件）</source>
        <translation>Showing %1 of %2</translation>
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
    <name>CountsCompareModel</name>
    <message>
        <location filename="../../ui/models/compare_models.py" line="169"/>
        <source>合計 A</source>
        <translation>Total A</translation>
    </message>
    <message>
        <location filename="../../ui/models/compare_models.py" line="169"/>
        <source>合計 B</source>
        <translation>Total B</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <location filename="../../ui/actions/database.py" line="54"/>
        <location filename="../../ui/actions/database.py" line="108"/>
        <source>データベースを開く</source>
        <translation>Open database</translation>
    </message>
    <message>
        <location filename="../../ui/actions/database.py" line="55"/>
        <source>SQLite データベース (*.sqlite3 *.sqlite *.db);;すべてのファイル (*)</source>
        <translation>SQLite database (*.sqlite3 *.sqlite *.db);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/actions/database.py" line="89"/>
        <source>パスワード</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../ui/actions/database.py" line="90"/>
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
    <name>FiguresCompareModel</name>
    <message>
        <location filename="../../ui/models/compare_models.py" line="127"/>
        <source>数値</source>
        <translation>Figure</translation>
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
        <location filename="../../ui/widgets/filter_bar.py" line="53"/>
        <source>年間件数 ≥ </source>
        <translation>Applications a year ≥ </translation>
    </message>
    <message>
        <location filename="../../ui/widgets/filter_bar.py" line="54"/>
        <source>年間件数：すべて</source>
        <translation>Applications a year: all</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/filter_bar.py" line="56"/>
        <source>年間申請件数がこの件数以上の手続だけを表示（0 = すべて）</source>
        <translation>Show only processes with at least this many applications a year (0 = all)</translation>
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
        <location filename="../../ui/models/history_model.py" line="28"/>
        <source>日時</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/models/history_model.py" line="28"/>
        <source>ログイン</source>
        <translation>Login</translation>
    </message>
    <message>
        <location filename="../../ui/models/history_model.py" line="29"/>
        <source>対象</source>
        <translation>What</translation>
    </message>
    <message>
        <location filename="../../ui/models/history_model.py" line="29"/>
        <source>キー</source>
        <translation>Key</translation>
    </message>
    <message>
        <location filename="../../ui/models/history_model.py" line="30"/>
        <source>項目</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../ui/models/history_model.py" line="30"/>
        <source>変更前</source>
        <translation>Before</translation>
    </message>
    <message>
        <location filename="../../ui/models/history_model.py" line="31"/>
        <source>変更後</source>
        <translation>After</translation>
    </message>
    <message>
        <location filename="../../ui/models/history_model.py" line="33"/>
        <source>手続</source>
        <translation>Process</translation>
    </message>
    <message>
        <location filename="../../ui/models/history_model.py" line="34"/>
        <source>局別処理能力</source>
        <translation>Bureau capacity</translation>
    </message>
    <message>
        <location filename="../../ui/models/history_model.py" line="35"/>
        <source>局</source>
        <translation>Bureau</translation>
    </message>
    <message>
        <location filename="../../ui/models/history_model.py" line="36"/>
        <source>申請基盤</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../ui/models/history_model.py" line="37"/>
        <source>申請基盤の上限</source>
        <translation>Channel limit</translation>
    </message>
    <message>
        <location filename="../../ui/models/history_model.py" line="38"/>
        <source>ベースライン</source>
        <translation>Baseline</translation>
    </message>
    <message>
        <location filename="../../ui/models/history_model.py" line="41"/>
        <source>処理能力（人月）</source>
        <translation>Capacity (person-months)</translation>
    </message>
    <message>
        <location filename="../../ui/models/history_model.py" line="42"/>
        <source>上限（件）</source>
        <translation>Limit (processes)</translation>
    </message>
    <message>
        <location filename="../../ui/models/history_model.py" line="43"/>
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
        <location filename="../../ui/actions/inventory_io.py" line="31"/>
        <source>デモ在庫を生成して書き込んでいます…</source>
        <translation>Generating and writing the demo inventory…</translation>
    </message>
    <message>
        <location filename="../../ui/actions/inventory_io.py" line="41"/>
        <source>デモ在庫を読み込む</source>
        <translation>Load the demo inventory</translation>
    </message>
    <message>
        <location filename="../../ui/actions/inventory_io.py" line="50"/>
        <source>%1件の手続を読み込みました</source>
        <translation>Loaded %1 processes</translation>
    </message>
    <message>
        <location filename="../../ui/actions/inventory_io.py" line="56"/>
        <source>手続一覧ワークブックを取り込む</source>
        <translation>Import inventory workbook</translation>
    </message>
    <message>
        <location filename="../../ui/actions/inventory_io.py" line="57"/>
        <source>Excel / CSV (*.xlsx *.csv)</source>
        <translation>Excel / CSV (*.xlsx *.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/actions/inventory_io.py" line="67"/>
        <source>読み込み中…</source>
        <translation>Reading…</translation>
    </message>
    <message>
        <location filename="../../ui/actions/inventory_io.py" line="68"/>
        <source>書き込み中…</source>
        <translation>Writing…</translation>
    </message>
    <message>
        <location filename="../../ui/actions/inventory_io.py" line="103"/>
        <source>取り込みました：追加 %1、更新 %2、削除 %3、変更なし %4</source>
        <translation>Imported: %1 added, %2 updated, %3 deleted, %4 unchanged</translation>
    </message>
    <message>
        <location filename="../../ui/actions/inventory_io.py" line="83"/>
        <source>取り込みの警告</source>
        <translation>Import warnings</translation>
    </message>
    <message>
        <location filename="../../ui/actions/inventory_io.py" line="88"/>
        <source>取り込みに失敗しました：%1</source>
        <translation>Import failed: %1</translation>
    </message>
    <message>
        <location filename="../../ui/actions/inventory_io.py" line="96"/>
        <source>取り込み</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../ui/actions/inventory_io.py" line="108"/>
        <source>局別処理能力 %1セル変更</source>
        <translation>bureau capacity: %1 cell(s) changed</translation>
    </message>
    <message>
        <location filename="../../ui/actions/inventory_io.py" line="109"/>
        <source>局別処理能力 変更なし</source>
        <translation>bureau capacity unchanged</translation>
    </message>
    <message>
        <location filename="../../ui/actions/inventory_io.py" line="112"/>
        <source>追加 %1</source>
        <translation>%1 added</translation>
    </message>
    <message>
        <location filename="../../ui/actions/inventory_io.py" line="113"/>
        <source>変更 %1</source>
        <translation>%1 changed</translation>
    </message>
    <message>
        <location filename="../../ui/actions/inventory_io.py" line="114"/>
        <source>申請基盤 %1</source>
        <translation>channels: %1</translation>
    </message>
    <message>
        <location filename="../../ui/actions/inventory_io.py" line="115"/>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../ui/actions/inventory_io.py" line="116"/>
        <source>申請基盤 変更なし</source>
        <translation>channels unchanged</translation>
    </message>
    <message>
        <location filename="../../ui/actions/inventory_io.py" line="117"/>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <location filename="../../ui/actions/inventory_io.py" line="122"/>
        <source>手続一覧ワークブックを書き出す</source>
        <translation>Export inventory workbook</translation>
    </message>
    <message>
        <location filename="../../ui/actions/inventory_io.py" line="123"/>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/actions/inventory_io.py" line="141"/>
        <source>%1件を書き出しました：%2</source>
        <translation>Exported %1 processes: %2</translation>
    </message>
    <message>
        <location filename="../../ui/actions/inventory_io.py" line="144"/>
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
        <location filename="../../ui/views/inventory_view.py" line="103"/>
        <location filename="../../ui/views/inventory_view.py" line="237"/>
        <source>手続を追加</source>
        <translation>Add process</translation>
    </message>
    <message>
        <location filename="../../ui/views/inventory_view.py" line="106"/>
        <source>選択した手続を削除</source>
        <translation>Delete selected processes</translation>
    </message>
    <message>
        <location filename="../../ui/views/inventory_view.py" line="111"/>
        <source>固定四半期を一括設定…</source>
        <translation>Lock selection to quarter…</translation>
    </message>
    <message>
        <location filename="../../ui/views/inventory_view.py" line="113"/>
        <source>固定を解除</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location filename="../../ui/views/inventory_view.py" line="115"/>
        <source>重点にする</source>
        <translation>Mark as priority</translation>
    </message>
    <message>
        <location filename="../../ui/views/inventory_view.py" line="117"/>
        <source>重点を外す</source>
        <translation>Unmark priority</translation>
    </message>
    <message>
        <location filename="../../ui/views/inventory_view.py" line="119"/>
        <source>デジタル化済にする…</source>
        <translation>Mark as digitized…</translation>
    </message>
    <message>
        <location filename="../../ui/views/inventory_view.py" line="121"/>
        <source>なぜもっと早くないのか？</source>
        <translation>Why not earlier?</translation>
    </message>
    <message>
        <location filename="../../ui/views/inventory_view.py" line="123"/>
        <source>この手続の変更履歴</source>
        <translation>History of this process</translation>
    </message>
    <message>
        <location filename="../../ui/views/inventory_view.py" line="129"/>
        <source>状況を一括設定</source>
        <translation>Set status of selection</translation>
    </message>
    <message>
        <location filename="../../ui/views/inventory_view.py" line="180"/>
        <location filename="../../ui/views/inventory_view.py" line="200"/>
        <source>手続が選択されていません</source>
        <translation>No process selected</translation>
    </message>
    <message>
        <location filename="../../ui/views/inventory_view.py" line="183"/>
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
        <location filename="../../ui/views/inventory_view.py" line="206"/>
        <source>デジタル化済にする</source>
        <translation>Mark as digitized</translation>
    </message>
    <message>
        <location filename="../../ui/views/inventory_view.py" line="207"/>
        <source>%1件の手続をデジタル化済にします。デジタル化完了の四半期：</source>
        <translation>Mark %1 process(es) as digitized. Quarter digitized:</translation>
    </message>
    <message>
        <location filename="../../ui/views/inventory_view.py" line="220"/>
        <source>デジタル化済にする（%1件・%2）</source>
        <translation>Mark as digitized (%1, %2)</translation>
    </message>
    <message>
        <location filename="../../ui/views/inventory_view.py" line="235"/>
        <source>新しい手続</source>
        <translation>New process</translation>
    </message>
    <message>
        <location filename="../../ui/views/inventory_view.py" line="250"/>
        <source>%1件は他の局の手続のため削除できません</source>
        <translation>%1 process(es) belong to other bureaus and cannot be deleted</translation>
    </message>
    <message>
        <location filename="../../ui/views/inventory_view.py" line="254"/>
        <source>手続を削除（%1件）</source>
        <translation>Delete processes (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/views/inventory_view.py" line="256"/>
        <source> — 元に戻すには Ctrl+Z</source>
        <translation> — Ctrl+Z to undo</translation>
    </message>
    <message>
        <location filename="../../ui/views/inventory_view.py" line="282"/>
        <source>%1 / %2 件を表示</source>
        <translation>Showing %1 of %2</translation>
    </message>
    <message>
        <location filename="../../ui/views/inventory_view.py" line="289"/>
        <source>対象 %1件 ・ デジタル化済 %2件（%3） ・ %4 までの見込み &lt;b style=&apos;color:%5&apos;&gt;%6件（%7）&lt;/b&gt; ／ 目標 %8件</source>
        <translation>In scope %1 · digitized %2 (%3) · expected by %4 &lt;b style=&apos;color:%5&apos;&gt;%6 (%7)&lt;/b&gt; / target %8</translation>
    </message>
</context>
<context>
    <name>KeepEditor</name>
    <message>
        <location filename="../../ui/views/plan/keep_editor.py" line="43"/>
        <source>前の計画（公表済みのベースラインや保存済みシナリオ）を基準に再計画します。凍結する四半期までは基準の計画をそのまま守り、それ以降は、動かすことでオンライン申請が「変更1件あたりの必要な効果」以上に増えるときだけ変更します。無効になった約束（対象外・完了済み・時期が合わない等）は理由とともに解除されます。</source>
        <extracomment>The slider&apos;s stops: online applications a move must gain (the spin box takes any value).</extracomment>
        <translation>Re-plan against an earlier plan (the published baseline or a stored scenario). Up to the frozen quarter the reference is kept exactly; after it, a commitment is changed only when that gains at least &quot;the gain a change must bring&quot; in online applications. Commitments that are no longer valid (out of scope, digitized, no longer eligible, …) are released with their reason.</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan/keep_editor.py" line="50"/>
        <source>基準の計画を守って再計画する</source>
        <translation>Re-plan keeping a reference plan</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan/keep_editor.py" line="55"/>
        <source>基準の計画</source>
        <translation>Reference plan</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan/keep_editor.py" line="56"/>
        <source>凍結しない</source>
        <translation>Freeze nothing</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan/keep_editor.py" line="57"/>
        <source>この四半期まで凍結</source>
        <translation>Freeze up to</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan/keep_editor.py" line="68"/>
        <source> 件</source>
        <translation> applications</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan/keep_editor.py" line="69"/>
        <source>有効な約束はすべて守る（∞）</source>
        <translation>Keep every valid commitment (∞)</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan/keep_editor.py" line="73"/>
        <source>変更1件あたりの必要な効果</source>
        <translation>Gain a change must bring</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan/keep_editor.py" line="100"/>
        <source>公表済みの最新ベースライン（%1 時点）</source>
        <translation>Newest published baseline (as of %1)</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan/keep_editor.py" line="103"/>
        <source>ベースライン（%1 時点）</source>
        <translation>Baseline (as of %1)</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan/keep_editor.py" line="107"/>
        <source>シナリオ：%1</source>
        <translation>Scenario: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan/keep_editor.py" line="128"/>
        <source>まだ有効な約束は動かしません（凍結期間の後も）。</source>
        <translation>Valid commitments are never changed (after the freeze too).</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan/keep_editor.py" line="130"/>
        <source>0 件：基準なしの再計画と同じ（変更に費用なし）。</source>
        <translation>0: the same as a free re-plan (changes cost nothing).</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan/keep_editor.py" line="133"/>
        <source>基準の計画の手続を動かす・外すのは、それで計画期間のオンライン申請が %1 件以上増えるときだけです。</source>
        <translation>A process of the reference is moved or dropped only when that gains at least %1 online applications over the plan.</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan/keep_editor.py" line="148"/>
        <source>再計画：基準にできる計画がありません（ベースラインを公表するか、先に計画を保存してください）</source>
        <translation>Re-plan: there is no plan to keep (publish a baseline or store a plan first)</translation>
    </message>
</context>
<context>
    <name>KpiTiles</name>
    <message>
        <location filename="../../ui/views/results/kpi_tiles.py" line="69"/>
        <source>期限までのデジタル化</source>
        <translation>Digitized by the deadline</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/kpi_tiles.py" line="71"/>
        <source>目標期限の四半期末までにデジタル化済となる手続の件数（計画開始前に済のものを含む）</source>
        <translation>Processes digitized by the end of the deadline quarter (including those done before the plan starts)</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/kpi_tiles.py" line="72"/>
        <source>中間目標</source>
        <translation>Milestones</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/kpi_tiles.py" line="73"/>
        <source>各中間目標の四半期末までの累計件数が、求める件数に届いているか</source>
        <translation>Whether the cumulative count at the end of each interim goal&apos;s quarter reaches the goal</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/kpi_tiles.py" line="75"/>
        <source>対象に占める割合</source>
        <translation>Share of in-scope</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/kpi_tiles.py" line="76"/>
        <source>期限までにデジタル化済となる手続が、対象（対象外を除く）全体に占める割合</source>
        <translation>Share of all in-scope processes (out-of-scope ones excluded) digitized by the deadline</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/kpi_tiles.py" line="78"/>
        <source>オンライン申請件数（計画期間）</source>
        <translation>Online applications (plan period)</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/kpi_tiles.py" line="123"/>
        <location filename="../../ui/views/results/kpi_tiles.py" line="146"/>
        <source>目標 %1件（%2）</source>
        <translation>Target %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/kpi_tiles.py" line="126"/>
        <location filename="../../ui/views/results/kpi_tiles.py" line="149"/>
        <source>  ✗ 不足 %1件</source>
        <translation>  ✗ short by %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/kpi_tiles.py" line="131"/>
        <location filename="../../ui/views/results/kpi_tiles.py" line="154"/>
        <source>対象 %1件 ・ 目標 %2</source>
        <translation>In scope %1 · target %2</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/kpi_tiles.py" line="80"/>
        <source>計画期間中にオンラインで受け付けられる申請の見込み件数（年間申請件数÷4 × 完了後の四半期数）。計画はこれを最大にします。「理論上の最大」はどの計画でも超えられない上限です。</source>
        <translation>Applications expected to be received online during the plan (annual applications ÷ 4 × quarters after completion). The plan makes this as large as it can; the theoretical maximum is a limit no plan can exceed.</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/kpi_tiles.py" line="83"/>
        <source>最大までの余地</source>
        <translation>Room to the maximum</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/kpi_tiles.py" line="85"/>
        <source>この計画のオンライン申請件数が理論上の最大にどれだけ届いていないか。0%なら、これ以上よい計画はありません。計算時間を延ばすと小さくなることがあります。</source>
        <translation>How far this plan&apos;s online applications are below the theoretical maximum. 0% means no better plan exists; a longer time limit may reduce it.</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/kpi_tiles.py" line="134"/>
        <location filename="../../ui/views/results/kpi_tiles.py" line="158"/>
        <source>理論上の最大 %1件</source>
        <translation>Theoretical maximum %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/kpi_tiles.py" line="136"/>
        <source>（中断）</source>
        <translation> (cancelled)</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/kpi_tiles.py" line="179"/>
        <source>なし</source>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/kpi_tiles.py" line="179"/>
        <source>中間目標は設定されていません</source>
        <translation>No milestones set</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/kpi_tiles.py" line="184"/>
        <source>✗ 不足 %1件</source>
        <translation>✗ short by %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/kpi_tiles.py" line="186"/>
        <source>%1：%2件以上 ／ 計画 %3件 %4</source>
        <translation>%1: at least %2 / planned %3 %4</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/kpi_tiles.py" line="188"/>
        <source>%1 / %2 達成</source>
        <translation>%1 / %2 met</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/kpi_tiles.py" line="198"/>
        <source>&lt;b&gt;目標は達成できません&lt;/b&gt;：期限 %1 までに %2件不足しています。</source>
        <translation>&lt;b&gt;The target cannot be met&lt;/b&gt;: %2 processes short by %1.</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/kpi_tiles.py" line="202"/>
        <source>処理能力を増やして加えられるのは最大%1件です（残りは期限までに対応可能になりません）。</source>
        <translation> More capacity can add at most %1 of them (the rest do not become eligible by the deadline).</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/kpi_tiles.py" line="213"/>
        <source>%1 %2 +%3人月</source>
        <translation>%1 %2 +%3 person-months</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/kpi_tiles.py" line="217"/>
        <source> 不足を埋めるのに必要な追加の処理能力（上位）：%1</source>
        <translation> Extra capacity needed to close the gap (largest first): %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/kpi_tiles.py" line="220"/>
        <source> ほか %1件</source>
        <translation> and %1 more</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/kpi_tiles.py" line="221"/>
        <source>（合計 %1人月）</source>
        <translation> (total %1 person-months)</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/kpi_tiles.py" line="148"/>
        <source>  ✓ 余裕 %1件</source>
        <translation>  ✓ %1 to spare</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/kpi_tiles.py" line="159"/>
        <source>見込み</source>
        <translation>Estimate</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/kpi_tiles.py" line="161"/>
        <source>見込み（推定）：編集を反映した計画の見通しです（%1 秒の再計算）。「最適化を実行」で確定します。</source>
        <translation>Estimate: the outlook of the plan with your edits (re-solved in %1 s). Run the optimizer to confirm it.</translation>
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
    <name>LiveOutlook</name>
    <message>
        <location filename="../../ui/views/results/outlook.py" line="84"/>
        <source>見込みの更新</source>
        <extracomment>Milliseconds without an edit before the outlook is computed.</extracomment>
        <translation>Updating the outlook</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/outlook.py" line="98"/>
        <source>見込みを計算できません：%1</source>
        <translation>The outlook cannot be computed: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/outlook.py" line="100"/>
        <source>見込みの計算に失敗しました：%1</source>
        <translation>Computing the outlook failed: %1</translation>
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
        <location filename="../../ui/registry.py" line="121"/>
        <source>ファイル(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../ui/registry.py" line="124"/>
        <source>編集(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../ui/registry.py" line="127"/>
        <source>計画(&amp;P)</source>
        <translation>&amp;Plan</translation>
    </message>
    <message>
        <location filename="../../ui/registry.py" line="131"/>
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
        <location filename="../../ui/views/plan_panel.py" line="147"/>
        <source>目標と期間</source>
        <translation>Target and horizon</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan_panel.py" line="149"/>
        <source>局・区分の目標</source>
        <translation>Bureau and segment targets</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan_panel.py" line="155"/>
        <source>基準を守る再計画</source>
        <translation>Re-plan keeping a reference</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan_panel.py" line="168"/>
        <source>計画の条件</source>
        <translation>Plan settings</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan_panel.py" line="170"/>
        <source>自動（最新の完了の翌四半期）</source>
        <translation>Automatic (quarter after the latest digitization)</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan_panel.py" line="173"/>
        <source>期限と同じ</source>
        <translation>Same as the deadline</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan_panel.py" line="174"/>
        <source>開始四半期</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan_panel.py" line="175"/>
        <source>目標期限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan_panel.py" line="176"/>
        <source>計画の最終四半期</source>
        <translation>End</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan_panel.py" line="179"/>
        <source>対象の割合</source>
        <translation>Share of in-scope</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan_panel.py" line="185"/>
        <source>件数</source>
        <translation>Count</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan_panel.py" line="192"/>
        <source>目標</source>
        <translation>Target</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan_panel.py" line="195"/>
        <source>四半期</source>
        <translation>Quarter</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan_panel.py" line="195"/>
        <source>累計件数以上</source>
        <translation>Cumulative count at least</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan_panel.py" line="200"/>
        <source>中間目標を追加</source>
        <translation>Add milestone</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan_panel.py" line="202"/>
        <source>選択を削除</source>
        <translation>Remove selected</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan_panel.py" line="209"/>
        <source>中間目標</source>
        <translation>Milestones</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan_panel.py" line="213"/>
        <source> 秒</source>
        <translation> s</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan_panel.py" line="215"/>
        <source>計算時間の上限</source>
        <translation>Time limit</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan_panel.py" line="217"/>
        <source>空欄なら日時から自動で命名</source>
        <translation>Blank: named from the date and time</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan_panel.py" line="218"/>
        <source>シナリオ名</source>
        <translation>Scenario name</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan_panel.py" line="295"/>
        <source>目標期限 %1 が開始四半期 %2 より前です</source>
        <translation>The deadline %1 is before the start %2</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan_panel.py" line="298"/>
        <source>計画の最終四半期 %1 が目標期限 %2 より前です</source>
        <translation>The last planned quarter %1 is before the deadline %2</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan_panel.py" line="307"/>
        <location filename="../../ui/views/plan_panel.py" line="380"/>
        <location filename="../../ui/views/plan_panel.py" line="489"/>
        <source>最適化</source>
        <translation>Optimization</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan_panel.py" line="310"/>
        <source>最適化を実行</source>
        <translation>Optimize</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan_panel.py" line="313"/>
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan_panel.py" line="330"/>
        <source>段階</source>
        <translation>Phase</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan_panel.py" line="331"/>
        <source>これまでの最良の計画（オンライン申請件数）</source>
        <translation>Best plan so far (online applications)</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan_panel.py" line="333"/>
        <source>見つかった計画のうち最もよいものの、計画期間中のオンライン申請件数の見込み</source>
        <translation>Expected online applications during the plan, for the best plan found so far</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan_panel.py" line="334"/>
        <source>理論上の最大（オンライン申請件数）</source>
        <translation>Theoretical maximum (online applications)</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan_panel.py" line="335"/>
        <source>どの計画でもこれを超えることはできない、という証明済みの上限</source>
        <translation>A proven limit: no plan can exceed it</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan_panel.py" line="337"/>
        <source>最大までの余地</source>
        <translation>Room to the maximum</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan_panel.py" line="338"/>
        <source>最良の計画が理論上の最大にどれだけ届いていないか。0%なら最適です。</source>
        <translation>How far the best plan is below the theoretical maximum. 0% means it is optimal.</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan_panel.py" line="340"/>
        <source>経過時間</source>
        <translation>Elapsed</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan_panel.py" line="349"/>
        <source>この計画をシナリオとして保存</source>
        <translation>Store this plan as a scenario</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan_panel.py" line="354"/>
        <source>計算中も手続一覧の編集を続けられます。計算には実行時点の手続一覧（未保存の変更を含む）が使われます。</source>
        <translation>You can keep editing while it runs. The run uses the inventory as it was when started (unsaved edits included).</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan_panel.py" line="371"/>
        <source>計画の条件に問題があります：</source>
        <translation>The plan settings have problems:</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan_panel.py" line="393"/>
        <source>準備中</source>
        <translation>Preparing</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan_panel.py" line="404"/>
        <source>キャンセル中…（ここまでの最良の計画を返します）</source>
        <translation>Cancelling… (returns the best plan so far)</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan_panel.py" line="408"/>
        <source>%1 秒</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan_panel.py" line="431"/>
        <source>キャンセルしました（途中の最良の計画を表示）</source>
        <translation>Cancelled (showing the best plan found)</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan_panel.py" line="437"/>
        <source>完了（安定化の代償は計算を中断したため不明）</source>
        <translation>Done (price of stability unknown: its computation was cancelled)</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan_panel.py" line="439"/>
        <source>完了</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan_panel.py" line="447"/>
        <source>キャンセルした実行の途中の計画を表示しています（検証済み・未保存）。残すにはシナリオ「%1」として保存してください。</source>
        <translation>Showing the best plan of a cancelled run (checked, not stored). Store it as scenario &quot;%1&quot; to keep it.</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan_panel.py" line="461"/>
        <source>途中の計画をシナリオ「%1」として保存しました</source>
        <translation>The plan of the cancelled run was stored as scenario &quot;%1&quot;</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan_panel.py" line="476"/>
        <source>シナリオを保存できませんでした: %1</source>
        <translation>Could not store the scenario: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan_panel.py" line="482"/>
        <source>失敗</source>
        <translation>Failed</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan_panel.py" line="484"/>
        <source>計画の条件または手続一覧に問題があります：
%1</source>
        <translation>The settings or the inventory cannot be planned:
%1</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan_panel.py" line="486"/>
        <source>最適化エンジンを読み込めません：
%1</source>
        <translation>Cannot load the optimizer:
%1</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan_panel.py" line="488"/>
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
        <location filename="../../ui/actions/planning.py" line="40"/>
        <source>シナリオ「%1」を開きました</source>
        <translation>Opened scenario &quot;%1&quot;</translation>
    </message>
    <message>
        <location filename="../../ui/actions/planning.py" line="47"/>
        <source>計画がまだありません。先に最適化を実行してください</source>
        <translation>No plan yet: run the optimizer first</translation>
    </message>
    <message>
        <location filename="../../ui/actions/planning.py" line="57"/>
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
        <location filename="../../ui/models/whatif_models.py" line="189"/>
        <source>手続ID</source>
        <translation>Process ID</translation>
    </message>
    <message>
        <location filename="../../ui/models/whatif_models.py" line="189"/>
        <source>手続名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/models/whatif_models.py" line="189"/>
        <source>国の対応時期（仮定）</source>
        <translation>National date (assumed)</translation>
    </message>
    <message>
        <location filename="../../ui/models/whatif_models.py" line="230"/>
        <source>手続ID「%1」は手続一覧にありません</source>
        <translation>Process ID &quot;%1&quot; is not in the inventory</translation>
    </message>
    <message>
        <location filename="../../ui/models/whatif_models.py" line="232"/>
        <source>%1 は国の権限の手続ではありません</source>
        <translation>%1 is not a national process</translation>
    </message>
    <message>
        <location filename="../../ui/models/whatif_models.py" line="236"/>
        <source>国の対応時期の仮定 %1 行目：%2</source>
        <translation>Assumed national date, row %1: %2</translation>
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
        <source>前回計画どおりに守った約束（凍結した四半期、または変更の費用∞）</source>
        <translation>a commitment kept as in the reference plan (a frozen quarter, or move cost ∞)</translation>
    </message>
</context>
<context>
    <name>ReleasedModel</name>
    <message>
        <location filename="../../ui/models/changes_models.py" line="79"/>
        <source>手続ID</source>
        <translation>Process ID</translation>
    </message>
    <message>
        <location filename="../../ui/models/changes_models.py" line="79"/>
        <source>手続名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/models/changes_models.py" line="79"/>
        <source>所管局</source>
        <translation>Bureau</translation>
    </message>
    <message>
        <location filename="../../ui/models/changes_models.py" line="80"/>
        <source>基準の四半期</source>
        <translation>Quarter in the reference</translation>
    </message>
    <message>
        <location filename="../../ui/models/changes_models.py" line="80"/>
        <source>解除の理由</source>
        <translation>Why released</translation>
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
    <name>RequirementCost</name>
    <message>
        <location filename="../../ui/models/requirements_model.py" line="339"/>
        <source>未達</source>
        <translation>Missed</translation>
    </message>
    <message>
        <location filename="../../ui/models/requirements_model.py" line="348"/>
        <source>要件あり・なしの2回の再計算の差</source>
        <translation>Difference of two re-solves, with and without the requirement</translation>
    </message>
    <message>
        <location filename="../../ui/models/requirements_model.py" line="349"/>
        <source>双対価格からの推定（上振れしやすい）</source>
        <translation>Estimate from the dual prices (tends to be high)</translation>
    </message>
    <message>
        <location filename="../../ui/models/requirements_model.py" line="350"/>
        <source>制約になっていない（費用 0）</source>
        <translation>Not binding (costs nothing)</translation>
    </message>
    <message>
        <location filename="../../ui/models/requirements_model.py" line="351"/>
        <source>計画が要件を満たしていません</source>
        <translation>The plan does not meet it</translation>
    </message>
    <message>
        <location filename="../../ui/models/requirements_model.py" line="352"/>
        <source>未計測</source>
        <translation>Not measured</translation>
    </message>
    <message>
        <location filename="../../ui/models/requirements_model.py" line="354"/>
        <source>算出方法：%1</source>
        <translation>Measured by: %1</translation>
    </message>
    <message>
        <location filename="../../ui/models/requirements_model.py" line="358"/>
        <source>証明された範囲：%1 〜 %2 件</source>
        <translation>Proven range: %1 to %2</translation>
    </message>
</context>
<context>
    <name>RequirementOutcomesModel</name>
    <message>
        <location filename="../../ui/models/outcome_models.py" line="31"/>
        <source>種類</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../ui/models/outcome_models.py" line="31"/>
        <source>対象</source>
        <translation>Scope</translation>
    </message>
    <message>
        <location filename="../../ui/models/outcome_models.py" line="31"/>
        <source>期限</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../../ui/models/outcome_models.py" line="31"/>
        <source>対象の手続</source>
        <translation>In scope</translation>
    </message>
    <message>
        <location filename="../../ui/models/outcome_models.py" line="32"/>
        <source>必要</source>
        <translation>Needed</translation>
    </message>
    <message>
        <location filename="../../ui/models/outcome_models.py" line="32"/>
        <source>計画の達成</source>
        <translation>Reached</translation>
    </message>
    <message>
        <location filename="../../ui/models/outcome_models.py" line="32"/>
        <source>判定</source>
        <translation>Met</translation>
    </message>
    <message>
        <location filename="../../ui/models/outcome_models.py" line="32"/>
        <source>不足</source>
        <translation>Missing</translation>
    </message>
    <message>
        <location filename="../../ui/models/outcome_models.py" line="33"/>
        <source>費用（申請件数）</source>
        <translation>Cost (applications)</translation>
    </message>
    <message>
        <location filename="../../ui/models/outcome_models.py" line="33"/>
        <source>費用の算出方法</source>
        <translation>Cost measured by</translation>
    </message>
    <message>
        <location filename="../../ui/models/outcome_models.py" line="71"/>
        <source>達成</source>
        <translation>Met</translation>
    </message>
    <message>
        <location filename="../../ui/models/outcome_models.py" line="71"/>
        <source>未達</source>
        <translation>Missed</translation>
    </message>
    <message>
        <location filename="../../ui/models/outcome_models.py" line="90"/>
        <source>この要件を満たすために諦めたオンライン申請件数。証明された範囲：%1 〜 %2 件（%3）</source>
        <translation>Online applications given up to meet this requirement. Proven range: %1 to %2 (%3)</translation>
    </message>
</context>
<context>
    <name>RequirementsEditor</name>
    <message>
        <location filename="../../ui/views/plan/requirements_editor.py" line="41"/>
        <source>全体の目標に加えて、局ごと・区分ごとの目標を指定できます。最適化はすべてを満たす計画を探し、満たせないときは要件ごとの不足と必要な処理能力を示します。</source>
        <extracomment>The segment the programme names first: 都&apos;s own high-volume procedures.</extracomment>
        <translation>Besides the overall target, give targets per bureau and per segment. The optimizer looks for a plan that meets them all; when it cannot, it shows the shortfall per requirement and the capacity it would take.</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan/requirements_editor.py" line="48"/>
        <source>各局の目標：どの局も対象の手続の</source>
        <translation>Target per bureau: every bureau digitizes</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan/requirements_editor.py" line="58"/>
        <source>以上を目標期限までに</source>
        <translation>or more of its in-scope processes by the deadline</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan/requirements_editor.py" line="74"/>
        <source>要件を追加</source>
        <translation>Add a requirement</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan/requirements_editor.py" line="77"/>
        <source>区分の目標を追加</source>
        <translation>Add a segment target</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan/requirements_editor.py" line="86"/>
        <source>選択した要件を削除</source>
        <translation>Remove the selected requirement</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan/requirements_editor.py" line="94"/>
        <source>要件の費用を再計算で測る時間（各要件、0 = 推定のみ）</source>
        <translation>Time to measure requirement costs by re-solving (0 = estimates only)</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan/requirements_editor.py" line="98"/>
        <source> 秒</source>
        <translation> s</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan/requirements_editor.py" line="114"/>
        <source>都の権限で年間1万件以上の手続を100%</source>
        <translation>100% of the metropolitan government&apos;s processes with 10,000+ applications a year</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan/requirements_editor.py" line="116"/>
        <source>重点手続を100%</source>
        <translation>100% of the priority processes</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan/requirements_editor.py" line="117"/>
        <source>主要手続を100%</source>
        <translation>100% of the major processes</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan/requirements_editor.py" line="118"/>
        <source>年間1万件以上の手続を100%</source>
        <translation>100% of the processes with 10,000+ applications a year</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan/requirements_editor.py" line="165"/>
        <source>表示中の計画：各局の目標は %1 局中 %2 局で達成</source>
        <translation>Plan shown: the bureau target is met in %2 of %1 bureaus</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan/requirements_editor.py" line="168"/>
        <source>（未達：%1）</source>
        <translation> (missed: %1)</translation>
    </message>
</context>
<context>
    <name>RequirementsModel</name>
    <message>
        <location filename="../../ui/models/requirements_model.py" line="73"/>
        <source>所管局</source>
        <translation>Bureau</translation>
    </message>
    <message>
        <location filename="../../ui/models/requirements_model.py" line="73"/>
        <source>手続類型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/models/requirements_model.py" line="73"/>
        <source>権限</source>
        <translation>Authority</translation>
    </message>
    <message>
        <location filename="../../ui/models/requirements_model.py" line="73"/>
        <source>重点</source>
        <translation>priority</translation>
    </message>
    <message>
        <location filename="../../ui/models/requirements_model.py" line="74"/>
        <source>申請基盤</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../ui/models/requirements_model.py" line="74"/>
        <source>主要手続</source>
        <translation>major</translation>
    </message>
    <message>
        <location filename="../../ui/models/requirements_model.py" line="74"/>
        <source>年間申請件数以上</source>
        <translation>Applications a year ≥</translation>
    </message>
    <message>
        <location filename="../../ui/models/requirements_model.py" line="75"/>
        <source>単位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../ui/models/requirements_model.py" line="75"/>
        <source>目標</source>
        <translation>Target</translation>
    </message>
    <message>
        <location filename="../../ui/models/requirements_model.py" line="75"/>
        <source>期限</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../../ui/models/requirements_model.py" line="76"/>
        <source>対象の手続</source>
        <translation>In scope</translation>
    </message>
    <message>
        <location filename="../../ui/models/requirements_model.py" line="76"/>
        <source>必要</source>
        <translation>Needed</translation>
    </message>
    <message>
        <location filename="../../ui/models/requirements_model.py" line="76"/>
        <source>計画の達成</source>
        <translation>Reached</translation>
    </message>
    <message>
        <location filename="../../ui/models/requirements_model.py" line="77"/>
        <source>判定</source>
        <translation>Met</translation>
    </message>
    <message>
        <location filename="../../ui/models/requirements_model.py" line="77"/>
        <source>費用（申請件数）</source>
        <translation>Cost (applications)</translation>
    </message>
    <message>
        <location filename="../../ui/models/requirements_model.py" line="152"/>
        <source>要件 %1：条件に当てはまる対象の手続がありません（条件を緩めてください）</source>
        <translation>Requirement %1: no in-scope process matches (widen the scope)</translation>
    </message>
    <message>
        <location filename="../../ui/models/requirements_model.py" line="155"/>
        <source>要件 %1：件数 %2 が条件に当てはまる対象の手続 %3 件を超えています</source>
        <translation>Requirement %1: the count %2 is more than the %3 in-scope processes that match</translation>
    </message>
    <message>
        <location filename="../../ui/models/requirements_model.py" line="161"/>
        <source>要件 %1：期限 %2 が計画の期間（%3〜%4）の外です</source>
        <translation>Requirement %1: its quarter %2 is outside the plan (%3–%4)</translation>
    </message>
    <message>
        <location filename="../../ui/models/requirements_model.py" line="162"/>
        <source>開始</source>
        <translation>start</translation>
    </message>
    <message>
        <location filename="../../ui/models/requirements_model.py" line="165"/>
        <source>要件 %1：要件 %2 と同じです</source>
        <translation>Requirement %1: the same as requirement %2</translation>
    </message>
    <message>
        <location filename="../../ui/models/requirements_model.py" line="174"/>
        <source>条件に当てはまる対象の手続がありません</source>
        <translation>No in-scope process matches</translation>
    </message>
    <message>
        <location filename="../../ui/models/requirements_model.py" line="176"/>
        <source>件数が対象の手続 %1 件を超えています</source>
        <translation>The count is more than the %1 processes in scope</translation>
    </message>
    <message>
        <location filename="../../ui/models/requirements_model.py" line="201"/>
        <source>すべて</source>
        <translation>all</translation>
    </message>
    <message>
        <location filename="../../ui/models/requirements_model.py" line="211"/>
        <source>該当</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../../ui/models/requirements_model.py" line="211"/>
        <source>非該当</source>
        <translation>no</translation>
    </message>
    <message>
        <location filename="../../ui/models/requirements_model.py" line="217"/>
        <source>割合</source>
        <translation>Share</translation>
    </message>
    <message>
        <location filename="../../ui/models/requirements_model.py" line="217"/>
        <source>件数</source>
        <translation>Count</translation>
    </message>
    <message>
        <location filename="../../ui/models/requirements_model.py" line="219"/>
        <source>目標期限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../ui/models/requirements_model.py" line="291"/>
        <source>達成</source>
        <translation>Met</translation>
    </message>
    <message>
        <location filename="../../ui/models/requirements_model.py" line="291"/>
        <source>未達</source>
        <translation>Missed</translation>
    </message>
    <message>
        <location filename="../../ui/models/requirements_model.py" line="297"/>
        <source>条件に当てはまる対象（対象外を除く）の手続の数</source>
        <translation>In-scope processes (not 対象外) that match</translation>
    </message>
    <message>
        <location filename="../../ui/models/requirements_model.py" line="301"/>
        <source>最適化を実行すると、この要件を満たすために諦めたオンライン申請件数を表示します</source>
        <translation>After a solve: the online applications given up to meet this requirement</translation>
    </message>
    <message>
        <location filename="../../ui/models/requirements_model.py" line="305"/>
        <source>期限までにデジタル化が必要な手続の数（計画開始前の完了を含む）</source>
        <translation>Processes to digitize by the quarter (including those done before the start)</translation>
    </message>
</context>
<context>
    <name>RequirementsPage</name>
    <message>
        <location filename="../../ui/views/results/requirements_page.py" line="32"/>
        <source>費用：その要件を満たすために諦めたオンライン申請件数（計画期間の合計）。推定は双対価格によるもので、「局・区分の目標」で再計算の時間を与えると要件あり・なしの計画を解き比べて測ります。</source>
        <translation>Cost: the online applications given up over the plan to meet the requirement. Estimates come from the dual prices; give re-solve time under &quot;Bureau and segment targets&quot; to measure it by solving with and without it.</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/requirements_page.py" line="37"/>
        <source>不足を埋めるのに必要な追加の処理能力（人月）</source>
        <translation>Extra capacity that closes the gap (person-months)</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/requirements_page.py" line="50"/>
        <source>追加は合計が最も少なく、期限までの四半期になるべく均等に（どの四半期も2倍を超えないように）配分しています。各行の局・四半期に、表示した人月を上乗せすると選んだ要件を満たす計画があります。</source>
        <translation>The least extra in total, spread over the quarters up to the deadline (no quarter more than doubled where avoidable). With these person-months added, a plan meeting the chosen requirement exists.</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/requirements_page.py" line="61"/>
        <source>計画がまだありません。</source>
        <translation>No plan yet.</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/requirements_page.py" line="64"/>
        <source>要件 %1 件中 %2 件を達成（全体の目標・中間目標・局と区分の目標・各局の目標）</source>
        <translation>%2 of %1 requirements met (overall target, milestones, bureau and segment targets, target per bureau)</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/requirements_page.py" line="69"/>
        <source>すべての不足</source>
        <translation>Every shortfall</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/requirements_page.py" line="86"/>
        <source>不足 %1 件。</source>
        <translation>%1 missing. </translation>
    </message>
    <message>
        <location filename="../../ui/views/results/requirements_page.py" line="88"/>
        <source>処理能力を増やして埋められるのは最大 %1 件です（残りは国の対応時期や申請基盤の利用開始を待つ手続）。</source>
        <translation>More capacity can close at most %1 (the others wait for national dates or a channel start). </translation>
    </message>
    <message>
        <location filename="../../ui/views/results/requirements_page.py" line="91"/>
        <source>表示中の追加：合計 %1 人月</source>
        <translation>Extra shown: %1 person-months in total</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/requirements_page.py" line="94"/>
        <source>（この追加で要件を満たす計画を確認済み）</source>
        <translation> (a plan meeting it with this extra was checked)</translation>
    </message>
</context>
<context>
    <name>ResultPages</name>
    <message>
        <location filename="../../ui/registry.py" line="86"/>
        <source>要件と費用</source>
        <extracomment>Pages beside the results&apos; chart, after the built-in ones.</extracomment>
        <translation>Requirements and cost</translation>
    </message>
    <message>
        <location filename="../../ui/registry.py" line="88"/>
        <source>1人月の効果</source>
        <translation>Value of a person-month</translation>
    </message>
    <message>
        <location filename="../../ui/registry.py" line="90"/>
        <source>再計画の変更</source>
        <translation>Re-plan changes</translation>
    </message>
</context>
<context>
    <name>ResultsView</name>
    <message>
        <location filename="../../ui/views/results/results_view.py" line="77"/>
        <source>局 × 四半期の負荷（使用／能力）</source>
        <translation>Bureau × quarter load (used / capacity)</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/results_view.py" line="83"/>
        <source>保存済みシナリオ</source>
        <translation>Stored scenarios</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/results_view.py" line="89"/>
        <source>なぜもっと早くないのか？</source>
        <translation>Why not earlier?</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/results_view.py" line="92"/>
        <source>計画と実績</source>
        <translation>Plan vs actual</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/results_view.py" line="120"/>
        <source>計画：まだありません</source>
        <translation>Plan: none yet</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/results_view.py" line="122"/>
        <source>（未保存の計画）</source>
        <translation>(unsaved plan)</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/results_view.py" line="123"/>
        <source>計画：%1</source>
        <translation>Plan: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/results_view.py" line="111"/>
        <source>見込み（推定）を更新中…&#x3000;編集を反映した計画の見通しを計算しています。</source>
        <translation>Updating the estimate… computing the outlook of the plan with your edits.</translation>
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
        <location filename="../../ui/models/scenario_model.py" line="23"/>
        <source>シナリオ</source>
        <translation>Scenario</translation>
    </message>
    <message>
        <location filename="../../ui/models/scenario_model.py" line="23"/>
        <source>作成日時</source>
        <translation>Created</translation>
    </message>
    <message>
        <location filename="../../ui/models/scenario_model.py" line="23"/>
        <source>状態</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/models/scenario_model.py" line="24"/>
        <source>期限までの件数</source>
        <translation>By deadline</translation>
    </message>
    <message>
        <location filename="../../ui/models/scenario_model.py" line="24"/>
        <source>割合</source>
        <translation>Share</translation>
    </message>
    <message>
        <location filename="../../ui/models/scenario_model.py" line="24"/>
        <source>作成者</source>
        <translation>Author</translation>
    </message>
    <message>
        <location filename="../../ui/models/scenario_model.py" line="25"/>
        <source>メモ</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/models/scenario_model.py" line="62"/>
        <source>（キャンセルした実行の途中の計画）</source>
        <translation> (plan of a cancelled run)</translation>
    </message>
</context>
<context>
    <name>Scenarios</name>
    <message>
        <location filename="../../ui/actions/scenarios.py" line="50"/>
        <source>シナリオ「%1」を「%2」に変更しました</source>
        <translation>Scenario &quot;%1&quot; renamed to &quot;%2&quot;</translation>
    </message>
    <message>
        <location filename="../../ui/actions/scenarios.py" line="57"/>
        <source>シナリオの名前を変更</source>
        <translation>Rename scenario</translation>
    </message>
    <message>
        <location filename="../../ui/actions/scenarios.py" line="58"/>
        <source>新しい名前</source>
        <translation>New name</translation>
    </message>
    <message>
        <location filename="../../ui/actions/scenarios.py" line="68"/>
        <source>シナリオ「%1」のメモを保存しました</source>
        <translation>Note of scenario &quot;%1&quot; saved</translation>
    </message>
    <message>
        <location filename="../../ui/actions/scenarios.py" line="78"/>
        <source>シナリオのメモ</source>
        <translation>Scenario note</translation>
    </message>
    <message>
        <location filename="../../ui/actions/scenarios.py" line="79"/>
        <source>「%1」のメモ（前提、目的、相談先など）</source>
        <translation>Note for &quot;%1&quot; (assumptions, purpose, who was consulted…)</translation>
    </message>
    <message>
        <location filename="../../ui/actions/scenarios.py" line="93"/>
        <source>シナリオ「%1」を削除しました</source>
        <translation>Scenario &quot;%1&quot; deleted</translation>
    </message>
    <message>
        <location filename="../../ui/actions/scenarios.py" line="99"/>
        <source>シナリオを削除</source>
        <translation>Delete scenario</translation>
    </message>
    <message>
        <location filename="../../ui/actions/scenarios.py" line="100"/>
        <source>シナリオ「%1」を削除しますか？
削除すると元に戻せません（公表済みのベースラインは残ります）。</source>
        <translation>Delete scenario &quot;%1&quot;?
This cannot be undone (published baselines stay).</translation>
    </message>
    <message>
        <location filename="../../ui/actions/scenarios.py" line="117"/>
        <source>シナリオ「%1」の条件を読み込みました。実行すると同じ条件で計画します</source>
        <translation>Settings of scenario &quot;%1&quot; loaded: run to plan with them again</translation>
    </message>
    <message>
        <location filename="../../ui/actions/scenarios.py" line="140"/>
        <source>最新の計画「%1」を開きました</source>
        <translation>Opened the newest plan &quot;%1&quot;</translation>
    </message>
</context>
<context>
    <name>ScenariosPage</name>
    <message>
        <location filename="../../ui/views/results/scenarios_page.py" line="43"/>
        <source>開く</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/scenarios_page.py" line="44"/>
        <source>条件を読み込んで再実行</source>
        <translation>Load settings to re-run</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/scenarios_page.py" line="46"/>
        <source>名前を変更</source>
        <translation>Rename</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/scenarios_page.py" line="47"/>
        <source>メモ</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/scenarios_page.py" line="48"/>
        <source>削除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../ui/views/results/scenarios_page.py" line="50"/>
        <source>再読み込み</source>
        <translation>Reload</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <location filename="../../ui/session.py" line="162"/>
        <source>%1 / %2: 読み込み後に他の利用者が変更しました（再読み込みしてください）</source>
        <translation>%1 / %2: changed by another user since it was loaded (reload it)</translation>
    </message>
</context>
<context>
    <name>SettingsCompareModel</name>
    <message>
        <location filename="../../ui/models/compare_models.py" line="100"/>
        <source>条件</source>
        <translation>Setting</translation>
    </message>
</context>
<context>
    <name>ShortfallCapacityModel</name>
    <message>
        <location filename="../../ui/models/outcome_models.py" line="128"/>
        <source>合計</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../ui/models/outcome_models.py" line="156"/>
        <source>%1 %2：追加 %3 人月（現在の処理能力 %4 人月）</source>
        <translation>%1 %2: %3 extra person-months (capacity now %4)</translation>
    </message>
</context>
<context>
    <name>SolverPhase</name>
    <message>
        <location filename="../../ui/views/plan_panel.py" line="86"/>
        <source>基準の計画を読み込み中</source>
        <translation>Reading the reference plan</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan_panel.py" line="104"/>
        <source>基準なしの再計画（安定化の代償を計算）：%1</source>
        <translation>Free re-plan (for the price of stability): %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan_panel.py" line="107"/>
        <source>要件の費用を再計算中：%1</source>
        <translation>Re-solving for requirement costs: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan_panel.py" line="110"/>
        <source>開始</source>
        <translation>Starting</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan_panel.py" line="111"/>
        <source>上界を計算中</source>
        <translation>Computing the bound</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan_panel.py" line="112"/>
        <source>計画を改善中</source>
        <translation>Improving the plan</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan_panel.py" line="113"/>
        <source>件数を増やす計画を探索中</source>
        <translation>Searching for more processes</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan_panel.py" line="114"/>
        <source>計画を修復中</source>
        <translation>Repairing the plan</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan_panel.py" line="115"/>
        <source>厳密解法（CP-SAT）で最適化中</source>
        <translation>Optimizing exactly (CP-SAT)</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan_panel.py" line="116"/>
        <source>完了</source>
        <translation>Done</translation>
    </message>
</context>
<context>
    <name>Tabs</name>
    <message>
        <location filename="../../ui/registry.py" line="95"/>
        <source>手続一覧</source>
        <translation>Processes</translation>
    </message>
    <message>
        <location filename="../../ui/registry.py" line="97"/>
        <source>処理能力</source>
        <translation>Capacity</translation>
    </message>
    <message>
        <location filename="../../ui/registry.py" line="100"/>
        <source>計画の条件と実行</source>
        <translation>Plan settings and run</translation>
    </message>
    <message>
        <location filename="../../ui/registry.py" line="101"/>
        <source>結果</source>
        <translation>Results</translation>
    </message>
    <message>
        <location filename="../../ui/registry.py" line="104"/>
        <source>シナリオ比較</source>
        <translation>Compare scenarios</translation>
    </message>
    <message>
        <location filename="../../ui/registry.py" line="105"/>
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
<context>
    <name>WhatIfEditor</name>
    <message>
        <location filename="../../ui/views/plan/whatif_editor.py" line="35"/>
        <source>仮定はこの計画（シナリオ）だけに使われ、シナリオとともに保存されます。手続一覧は変更されません。</source>
        <translation>Assumptions apply to this plan (scenario) only and are stored with it. The inventory is not changed.</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan/whatif_editor.py" line="40"/>
        <source>国の対応時期の仮定</source>
        <translation>Assumed national dates</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan/whatif_editor.py" line="45"/>
        <source>仮定しない</source>
        <translation>No assumption</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan/whatif_editor.py" line="48"/>
        <source>国の対応状況が「%1」の手続すべて</source>
        <translation>Every process with national status &quot;%1&quot;</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan/whatif_editor.py" line="56"/>
        <source>手続ごと（状況による仮定より優先）</source>
        <translation>Per process (wins over the status)</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan/whatif_editor.py" line="59"/>
        <source>手続を追加</source>
        <translation>Add a process</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan/whatif_editor.py" line="61"/>
        <source>選択を削除</source>
        <translation>Remove selected</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan/whatif_editor.py" line="71"/>
        <source>局の処理能力の倍率（全四半期）</source>
        <translation>Bureau capacity factor (every quarter)</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan/whatif_editor.py" line="79"/>
        <source>申請基盤の利用開始</source>
        <translation>Channel start</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan/whatif_editor.py" line="137"/>
        <source>前提の仮定（%1）</source>
        <translation>What-if assumptions (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/views/plan/whatif_editor.py" line="137"/>
        <source>前提の仮定</source>
        <translation>What-if assumptions</translation>
    </message>
</context>
</TS>
