"""Names used by the demo: bureaus with their relative size, channels, and process names.

Bureau names are real bureaus of a metropolitan government; their sizes are invented
(only "sizes differ by an order of magnitude" is known).
"""

from __future__ import annotations

from dx_planner.domain.enums import ProcedureType

# (bureau, relative number of processes)
BUREAUS: tuple[tuple[str, float], ...] = (
    ("福祉保健局", 16.0), ("都市整備局", 11.0), ("環境局", 9.0), ("産業労働局", 8.5),
    ("建設局", 7.5), ("主税局", 6.5), ("生活文化局", 6.0), ("教育庁", 5.5),
    ("住宅政策本部", 4.5), ("港湾局", 4.0), ("警視庁", 4.0), ("東京消防庁", 3.5),
    ("総務局", 3.0), ("水道局", 2.6), ("下水道局", 2.2), ("財務局", 2.0),
    ("交通局", 1.8), ("中央卸売市場", 1.5), ("デジタルサービス局", 1.2), ("政策企画局", 1.0),
    ("会計管理局", 0.9), ("スポーツ推進本部", 0.8), ("選挙管理委員会事務局", 0.6),
    ("人事委員会事務局", 0.5), ("監査事務局", 0.4), ("労働委員会事務局", 0.35),
    ("収用委員会事務局", 0.3), ("議会局", 0.3),
)

SHARED_CHANNEL = "共同電子申請"
SAAS_CHANNEL = "SaaS電子申請"
JGRANTS_CHANNEL = "jGrants"
BUREAU_SYSTEM_CHANNEL = "局独自システム"

SUBJECTS: tuple[str, ...] = (
    "飲食店営業", "建築確認", "道路占用", "屋外広告物", "産業廃棄物収集運搬", "浄化槽設置",
    "特定建設作業", "旅館業営業", "理容所開設", "美容所開設", "薬局開設", "医療法人設立",
    "介護サービス事業所指定", "認可保育所設置", "都立公園占用", "河川占用", "港湾施設使用",
    "都営住宅入居", "給水装置工事", "下水道排除", "消防用設備等設置", "危険物製造所設置",
    "火薬類譲渡", "高圧ガス製造", "電気工事業登録", "宅地建物取引業免許", "建設業許可",
    "計量器検定", "温泉利用", "景観計画区域内行為", "開発行為", "土地取引", "伐採及び伐採後の造林",
    "鳥獣捕獲", "第一種動物取扱業登録", "食品営業", "墓地経営", "公衆浴場営業", "興行場営業",
    "クリーニング所開設", "毒物劇物販売業登録", "旅行業登録", "職業訓練受講", "私立学校設置",
    "教員免許状授与", "文化財現状変更", "政治資金収支報告", "情報公開請求", "保有個人情報開示請求",
    "自動車税減免", "事業税申告", "固定資産税減免", "入札参加資格審査", "都有財産使用",
    "中小企業制度融資", "創業助成", "雇用環境整備", "農業経営改善計画", "漁業許可",
    "環境影響評価", "温室効果ガス排出量報告", "騒音規制", "土壌汚染状況調査", "地下水揚水",
    "特定施設設置", "屋外給油取扱所", "液化石油ガス販売", "診療所開設", "助産所開設",
    "児童福祉施設", "身体障害者手帳交付", "難病医療費助成", "精神保健福祉", "生活保護",
)

FACILITIES: tuple[str, ...] = (
    "都立体育館", "都立公園運動施設", "都民ホール", "都立図書館会議室", "都庁展望室",
    "東京国際フォーラム", "都立霊園", "港湾会議室", "都立テニスコート", "都立プール",
)

SUFFIXES: dict[ProcedureType, tuple[str, ...]] = {
    ProcedureType.PERMIT: ("許可申請", "認可申請", "登録申請", "承認申請", "指定申請", "更新申請"),
    ProcedureType.NOTIFICATION: ("届出", "変更届", "廃止届", "休止届", "実績報告", "計画書の提出"),
    ProcedureType.CERTIFICATE: ("証明書交付申請", "済証交付申請", "証明願"),
    ProcedureType.INSPECTION: ("台帳の閲覧申請", "記録の写しの交付申請", "図面の閲覧申請"),
    ProcedureType.SUBSIDY: ("補助金交付申請", "助成金交付申請", "奨励金申請"),
    ProcedureType.FACILITY: ("使用申請", "利用予約", "使用料減免申請"),
    ProcedureType.OTHER: ("に関する相談申込", "説明会参加申込", "意見書の提出", "申出"),
}

# Named in the source report; the demo gives these names to the corresponding processes.
REPORT_DIGITIZED_IN_Q3 = ("実習用通学定期乗車券の発売申込の届出", "交通局")
REPORT_PLANNED_NEXT = ("地球温暖化対策計画書の提出", "環境局")
REPORT_NATIONAL_DATED = (
    ("一般旅券の発給申請", "生活文化局"),
    ("一般旅券の紛失焼失届出", "生活文化局"),
    ("保育士登録申請", "福祉保健局"),
)
REPORT_NATIONAL_UNDER_REVIEW = ("産業廃棄物処理業の許可申請", "環境局")
REPORT_SUBSIDY_LAUNCHED_Q3 = ("育児・介護からのジョブリターン制度整備奨励金", "産業労働局")
