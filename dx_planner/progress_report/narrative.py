"""The report's text, in the structure of the source: per section, 進捗状況 then 今後の取組.

Every number and example comes from ``ReportFigures``; the phrasing follows the source report.
"""

from __future__ import annotations

from dx_planner.progress_report import wording as w
from dx_planner.progress_report.document import Block, Chart, Document, Heading, Paragraph, Table
from dx_planner.progress_report.figures import (
    AllFigures,
    MajorFigures,
    ReportFigures,
    SubsidyFigures,
)

PROJECT = "ワンストップオンライン手続プロジェクト"


def _progress(f: ReportFigures) -> Heading:
    return Heading(f"進捗状況({w.both(f.quarter)})", 3)


def _next_steps(f: ReportFigures) -> Heading:
    return Heading(f"今後の取組({w.both(f.next_quarter)})", 3)


def _basis(f: ReportFigures) -> Paragraph:
    plan = (f"シナリオ「{f.scenario_name}」と固定四半期" if f.scenario_name
            else "固定四半期(計画シナリオなし)")
    baseline = (f"{w.both(f.baseline_as_of)}時点で公表した計画" if f.baseline_as_of
                else "未公表")
    return Paragraph(
        f"対象期間: {w.both(f.quarter)}/今後の取組: {w.both(f.next_quarter)}/"
        f"次期の予定: {plan}/ベースライン(計画と実績の比較の基準): {baseline}"
    )


# -- Phase 1: the major procedures --------------------------------------------------
def _major_progress(f: ReportFigures, m: MajorFigures) -> list[Block]:
    own = (f" 主要な行政手続({m.total}手続)のうち、都の権限で対応が可能な手続({m.own_total}手続)"
           "のデジタル化について、")
    done = m.own_digitized_in_quarter
    if done.count:
        own += (f"{w.end_of(f.quarter)}で"
                f"{w.with_examples(done.count, done.examples[:1], '手続')}のデジタル化が実現し、"
                f"これまでで計{m.own_digitized_total}手続のデジタル化が実現しました。")
    else:
        own += (f"{f.quarter.label_months}に新たにデジタル化が実現した手続はなく、"
                f"{w.end_of(f.quarter)}でこれまでに計{m.own_digitized_total}手続の"
                "デジタル化が実現しています。")
    blocks: list[Block] = [Paragraph(own)]
    if m.national_total:
        text = (f" また、国への働きかけ等が必要な{m.national_total}手続について、"
                "国の関係省庁に対しデジタル化を要望してまいりました。")
        dated, review = m.national_dated, m.national_under_review
        parts = []
        if dated.count:
            named = w.with_examples(dated.count, dated.examples, "手続", joiner="等の",
                                    total=True)
            parts.append(f"{named}についてデジタル化予定時期が示された")
        if review.count:
            parts.append(f"{w.with_examples(review.count, review.examples[:1], '手続', total=True)}"
                         "についてもデジタル化に向けた課題整理、検討が開始されております")
        if parts:
            text += "その結果、" + "ほか、".join(parts) + "。"
        if m.national_digitized_total:
            text += f"このうち計{m.national_digitized_total}手続はデジタル化が実現しました。"
        text += "これらの行政手続のデジタル化について、引き続き国の動向を注視してまいります。"
        blocks.append(Paragraph(text))
    if m.other_total:
        done_other = (f"これまでで計{m.other_digitized_total}手続のデジタル化が実現しています"
                      if m.other_digitized_total else "デジタル化が実現した手続はまだありません")
        blocks.append(Paragraph(
            f" このほか、区市町村等と共同で所管する手続等(権限 その他){m.other_total}手続"
            f"については、{done_other}。"
        ))
    counts: dict[str, tuple[int, ...]] = {
        "都": (m.own_total, m.own_digitized_total, m.own_digitized_in_quarter.count,
              m.own_planned_next.count),
        "国": (m.national_total, m.national_digitized_total,
              m.national_digitized_in_quarter.count, m.national_planned_next.count),
        "その他": (m.other_total, m.other_digitized_total, m.other_digitized_in_quarter.count,
                m.other_planned_next.count),
    }
    counts["計"] = tuple(map(sum, zip(*counts.values(), strict=True)))
    blocks.append(Table(
        f"主要{m.total}手続の内訳({w.end_of(f.quarter)}時点)",
        ("権限", "手続数", "デジタル化済(累計)", f"うち{f.quarter.label_months}",
         f"{f.next_quarter.label_months}予定"),
        ("text", "int", "int", "int", "int"),
        tuple((authority, *row) for authority, row in counts.items()),
    ))
    blocks.append(Table(
        "国への働きかけ等が必要な手続の状況",
        ("国の対応状況", "手続数", "例"), ("text", "int", "text"),
        (("時期提示", m.national_dated.count, "、".join(m.national_dated.examples)),
         ("検討中", m.national_under_review.count, "、".join(m.national_under_review.examples)),
         ("未検討", m.national_not_considered.count,
          "、".join(m.national_not_considered.examples)),
         ("デジタル化済", m.national_digitized_total, "")),
    ))
    return blocks


def _major_next(f: ReportFigures, m: MajorFigures) -> list[Block]:
    planned = m.own_planned_next
    text = f" 都の権限で対応が可能な手続({m.own_total}手続)のデジタル化について、"
    if planned.count:
        named = w.with_examples(planned.count, planned.examples[:1], "手続", joiner="等",
                                total=True)
        text += (f"{w.month_span(f.next_quarter)}にかけては{named}について、"
                 "デジタル化を進めてまいります。")
    else:
        text += (f"{w.month_span(f.next_quarter)}にデジタル化を予定している手続はありません"
                 f"(未実現 {m.own_remaining}手続)。")
    blocks: list[Block] = [Paragraph(text)]
    if m.other_planned_next.count:
        other = m.other_planned_next
        blocks.append(Paragraph(
            f" 権限 その他の主要手続についても、"
            f"{w.with_examples(other.count, other.examples, '手続', total=True)}の"
            "デジタル化を予定しています。"
        ))
    if m.national_lobbying:
        blocks.append(Paragraph(
            f" また、主要な行政手続({m.total}手続)のうち国への働きかけ等が必要な手続のうち、"
            "デジタル化の時期・手法が未検討のままとなっている手続と、デジタル化に向けた課題整理、"
            f"検討が開始された手続の計{m.national_lobbying}手続についても、早期デジタル化に向け、"
            "引き続き国に要望を行ってまいります。"
        ))
    return blocks


# -- Phase 2: all processes ---------------------------------------------------------
def _target_phrase(a: AllFigures) -> str:
    share = f"対象の{a.target_share * 100:.0f}%以上、" if a.target_share is not None else ""
    return f"{w.deadline_phrase(a.deadline)}までに{share}{w.number(a.target_count)}プロセス"


def _all_progress(f: ReportFigures, a: AllFigures) -> list[Block]:
    blocks: list[Block] = [Paragraph(
        f" 全行政手続(対象{w.number(a.in_scope)}プロセス)のうち、{w.end_of(f.quarter)}で"
        f"計{w.number(a.digitized_total)}プロセス(対象の{w.percent(a.share)})のデジタル化が"
        f"実現しました(うち{f.quarter.label_months}に{w.number(a.digitized_in_quarter)}"
        f"プロセス)。目標({_target_phrase(a)})の実現まで、残り"
        f"{w.number(a.remaining_to_target)}プロセスです。"
    )]
    if a.baseline_total is not None and f.baseline_as_of is not None:
        variance = a.variance or 0
        verdict = ("計画どおりでした" if variance == 0 else
                   f"計画を{w.number(abs(variance))}プロセス"
                   f"{'上回りました' if variance > 0 else '下回りました'}")
        blocks.append(Paragraph(
            f" {w.both(f.baseline_as_of)}時点で公表した計画(ベースライン)では、"
            f"{w.end_of(f.quarter)}までに計{w.number(a.baseline_total)}プロセス(うち"
            f"{f.quarter.label_months}に{w.number(a.baseline_in_quarter or 0)}プロセス)の"
            f"デジタル化を予定しており、実績は{verdict}。"
        ))
    else:
        blocks.append(Paragraph(
            f" {w.both(f.quarter)}より前に公表した計画(ベースライン)がないため、"
            "計画と実績の比較は行っていません。"
        ))
    if a.milestones:
        rows = []
        for m in a.milestones:
            reached = m.actual if m.actual is not None else m.forecast
            verdict = {True: "達成", False: "未達", None: "-"}[m.met]
            if m.actual is None and m.met is not None:
                verdict += "見込み"
            rows.append((w.both(m.quarter), m.required, reached, verdict))
        blocks.append(Table("中間目標(マイルストーン)",
                            ("期限", "必要数(累計)", "実績・見込み(累計)", "判定"),
                            ("text", "int", "int", "text"), tuple(rows)))
    blocks.append(Table(
        f"局別の進捗({w.end_of(f.quarter)}時点)",
        ("所管局", "対象", "デジタル化済(累計)", "達成率", f"{f.quarter.label_months}実績",
         f"{f.quarter.label_months}計画(ベースライン)", f"{f.next_quarter.label_months}予定"),
        ("text", "int", "int", "percent", "int", "int", "int"),
        tuple((b.bureau, b.in_scope, b.digitized_total, b.share, b.digitized_in_quarter,
               b.baseline_in_quarter, b.planned_next) for b in a.bureaus),
    ))
    return blocks


def _all_next(f: ReportFigures, a: AllFigures) -> list[Block]:
    busiest = sorted((b for b in a.bureaus if b.planned_next),
                     key=lambda b: (-b.planned_next, b.bureau))[:3]
    text = (f" 全行政手続({w.approximately(a.in_scope)}プロセス)のうち"
            f"{_target_phrase(a)}のデジタル化を実現するべく、")
    if a.planned_next:
        text += (f"{f.next_quarter.label_months}は計{w.number(a.planned_next)}プロセスの"
                 "デジタル化を予定しています(")
        text += "、".join(f"{b.bureau} {w.number(b.planned_next)}" for b in busiest)
        text += " など)。"
        if a.planned_next_priority:
            text += (f"そのうち、申請件数の多い重点手続等{w.number(a.planned_next_priority)}"
                     "プロセスについては、優先的に取組を進めてまいります。")
    else:
        text += (f"全行政手続のデジタル化に向けた工程を整理してまいります"
                 f"({f.next_quarter.label_months}の予定はまだありません)。")
    blocks: list[Block] = [Paragraph(text)]
    deadline = f.burnup.point(a.deadline)
    if f.scenario_name and deadline is not None and deadline.forecast is not None:
        gap = a.target_count - deadline.forecast
        outlook = ("目標を達成する見込みです" if gap <= 0
                   else f"目標に{w.number(gap)}プロセス不足する見込みです")
        blocks.append(Paragraph(
            f" 計画シナリオ「{f.scenario_name}」どおり進めば、{w.deadline_phrase(a.deadline)}"
            f"までに計{w.number(deadline.forecast)}プロセスのデジタル化が実現し、{outlook}。"
        ))
    return blocks


# -- channels and subsidies ---------------------------------------------------------
def _channel_blocks(f: ReportFigures) -> tuple[list[Block], list[Block]]:
    onboarded = [c for c in f.channels if c.onboarded_in_quarter.count]
    if onboarded:
        items = [f"{c.channel}で" + w.with_examples(c.onboarded_in_quarter.count,
                                                      c.onboarded_in_quarter.examples[:1], "手続")
                 for c in onboarded]
        text = f" {f.quarter.label_months}は、{'、'.join(items)}の申請受付を開始しました。"
    else:
        text = f" {f.quarter.label_months}に新たに申請基盤へ搭載した手続はありません。"
    starting = [c for c in f.channels
                if c.available_from is not None and c.available_from > f.quarter]
    for c in starting:
        assert c.available_from is not None
        text += (f"{c.channel}は{w.both(c.available_from)}からの運用開始に向け、"
                 "対応を進めております。")
    progress: list[Block] = [Paragraph(text), Table(
        "申請基盤別の搭載状況",
        ("申請基盤", "利用開始", f"{f.quarter.label_months}搭載", "稼働(累計)",
         f"{f.next_quarter.label_months}予定", f"{f.next_quarter.label_months}上限"),
        ("text", "text", "int", "int", "int", "int"),
        tuple((c.channel, c.available_from.code if c.available_from else "利用中",
               c.onboarded_in_quarter.count, c.live_total, c.planned_next.count, c.limit_next)
              for c in f.channels),
    )]
    planned = [c for c in f.channels if c.planned_next.count]
    if planned:
        items = []
        for c in planned:
            limit = f"(上限{w.number(c.limit_next)}手続)" if c.limit_next is not None else ""
            named = w.with_examples(c.planned_next.count, c.planned_next.examples[:1], "手続",
                                    total=True)
            items.append(f"{c.channel}で{named}{limit}")
        next_text = (f" {w.month_span(f.next_quarter)}にかけては、" + "、".join(items)
                     + "の搭載を予定しています。")
    else:
        next_text = (f" {f.next_quarter.label_months}に申請基盤へ搭載を予定している"
                     "手続はありません。")
    return progress, [Paragraph(next_text)]


def _subsidy_blocks(f: ReportFigures, s: SubsidyFigures) -> tuple[list[Block], list[Block]]:
    intro = (f"補助金申請については、国(デジタル庁が所管)が運営している補助金申請システム"
             f"「{s.channel}」を活用してデジタル化を進めております。")
    launched = s.launched_in_quarter
    if launched.count:
        intro += (f"{f.quarter.label_months}に"
                  f"{w.with_examples(launched.count, launched.examples[:1], '補助金')}が稼働し、"
                  f"{w.month_point(f.quarter)}で計{s.live_total}補助金をデジタル化いたしました。")
    else:
        intro += (f"{f.quarter.label_months}に新たに稼働した補助金はなく、"
                  f"{w.month_point(f.quarter)}で計{s.live_total}補助金が稼働しています。")
    planned = s.planned_next
    if planned.count:
        next_text = (f" {w.month_span(f.next_quarter)}に稼働予定の{planned.count}補助金"
                     f"につきましても、引き続き{s.channel}での申請環境を順次構築・リリースしてまいりますとともに、"
                     "既に稼働している補助金申請についてユーザーレビューなどを通じて効果や利便性について"
                     "検証も進めてまいります。")
    else:
        next_text = (f" {f.next_quarter.label_months}に稼働予定の補助金はありません。"
                     "既に稼働している補助金申請についてユーザーレビューなどを通じて"
                     "効果や利便性について検証を進めてまいります。")
    next_text += f"現在、計{s.programme_total}補助金についてデジタル化に向け取組を進めております"
    next_text += (f"(うち稼働時期未定 {s.unscheduled}補助金)。" if s.unscheduled > 0 else "。")
    table = Table("補助金申請(jGrants)の状況",
                  ("区分", "補助金数"), ("text", "int"),
                  (("稼働済(累計)", s.live_total),
                   (f"うち{f.quarter.label_months}稼働", launched.count),
                   (f"{f.next_quarter.label_months}稼働予定", planned.count),
                   ("稼働時期未定", s.unscheduled), ("取組対象(計)", s.programme_total)))
    return [Paragraph(intro), table], [Paragraph(next_text)]


def _burnup_blocks(f: ReportFigures) -> list[Block]:
    b = f.burnup
    return [
        Heading("進捗の推移(計画と実績)", 2),
        Paragraph(f" 全行政手続のデジタル化の累計(実績、ベースラインの計画、今後の見込み)と目標"
                  f"({w.number(b.target_count)}プロセス、{w.deadline_phrase(b.deadline)})。"),
        Chart("デジタル化累計の推移(バーンアップ)", b),
        Table("四半期別の累計(プロセス数)",
              ("四半期", "期間", "実績(累計)", "ベースライン計画(累計)", "見込み(累計)",
               "差異(実績-計画)"),
              ("text", "text", "int", "int", "int", "int"),
              tuple((p.quarter.code, p.quarter.label_months, p.actual, p.baseline, p.forecast,
                     p.variance) for p in b.points)),
    ]


def build_document(f: ReportFigures) -> Document:
    m, a = f.major, f.all
    channels_now, channels_next = _channel_blocks(f)
    subsidies_now, subsidies_next = _subsidy_blocks(f, f.subsidies)
    blocks: list[Block] = [
        _basis(f),
        Heading(f"主要{m.total}手続のデジタル化について(Phase1)", 2),
        _progress(f), *_major_progress(f, m),
        _next_steps(f), *_major_next(f, m),
        Heading("全行政手続のデジタル化について(Phase2)", 2),
        _progress(f), *_all_progress(f, a),
        _next_steps(f), *_all_next(f, a),
        Heading("デジタル化に向けた新たな申請基盤の整備", 2),
        _progress(f), *channels_now,
        _next_steps(f), *channels_next,
        Heading("補助金申請のデジタル化について", 2),
        _progress(f), *subsidies_now,
        _next_steps(f), *subsidies_next,
        *_burnup_blocks(f),
    ]
    title = f"進捗状況({w.both(f.quarter)}):{PROJECT}"
    return Document(title, (Heading(title, 1), *blocks))
