"""Start the app on the demo database and save a screenshot of each main view.

Run under Xvfb (Japanese fonts needed: fonts-noto-cjk):
    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python -m ui.screenshots --out screenshots
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer, SignalInstance


def wait_for(signal: SignalInstance, timeout_ms: int) -> None:
    loop = QEventLoop()
    signal.connect(lambda *_: loop.quit())
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("screenshots"))
    parser.add_argument("--db", help="database (default: a new temporary one with the demo)")
    parser.add_argument("--processes", type=int, default=28_000)
    parser.add_argument("--time-limit", type=float, default=10.0)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    os.environ["DX_PLANNER_AUTODEMO"] = "1"

    from ui import i18n, screenshots_planning
    from ui.actions import baselines, inventory_io, language, planning
    from ui.app import application, create_window
    from ui.models.columns import COLUMN_INDEX, PLANNED

    app = application()
    i18n.install_language("ja")
    db = args.db or str(Path(tempfile.mkdtemp()) / "demo.sqlite3")
    window = create_window(db)
    window.confirm_close = False
    window.resize(1560, 940)
    window.show()
    if not window.session.store.processes:
        inventory_io.load_demo(window, args.processes)
        wait_for(window.runner.finished, 120_000)

    def shoot(name: str, tab: str) -> None:
        window.show_tab(tab)
        for _ in range(5):
            app.processEvents()
        path = args.out / f"{name}.png"
        window.grab().save(str(path))
        print(path)

    shoot("1-inventory", "inventory")
    shoot("2-capacity", "capacity")
    panel = window.plan_panel
    panel.time_limit.setValue(args.time_limit)
    deadline = panel.deadline.quarter()
    assert deadline is not None
    panel.add_milestone(deadline - 4, 9_000)  # an interim goal at the end of FY2022
    screenshots_planning.set_requirements(window)
    panel.start_optimize()
    QTimer.singleShot(int(args.time_limit * 400), lambda: shoot("3-plan-running", "plan"))
    wait_for(panel.planReady, int(args.time_limit * 1000) + 120_000)
    shoot("4-results", "results")
    model = window.session.model
    planned = window.session.plan.assignments if window.session.plan else {}
    late = max(planned, key=lambda pid: planned[pid], default=None)
    if late is not None:
        planning.explain(window, window.session.store.by_id[late])
        shoot("5-why-not-earlier", "results")
    name = window.session.plan_name
    latest = window.session.store.inventory.latest_digitized_quarter()
    if name is not None and latest is not None:
        # A baseline published a quarter earlier is the plan of record during the latest.
        if baselines.publish_baseline(window, latest - 1, name, "screenshot"):
            wait_for(window.runner.finished, 120_000)
        view = window.results_view.plan_vs_actual
        baselines.show_plan_vs_actual(window)
        wait_for(view.loaded, 60_000)
        shoot("9-plan-vs-actual", "results")
        view.bureau.setCurrentIndex(1)
        wait_for(view.loaded, 60_000)
        shoot("10-plan-vs-actual-bureau", "results")
        window.results_view.side.setCurrentIndex(0)
    screenshots_planning.shoot_planning(window, shoot, wait_for, args.time_limit)
    window.inventory_view.filter_bar.search.setText("申請")
    model.sort(COLUMN_INDEX[PLANNED])
    shoot("6-inventory-filtered-with-plan", "inventory")
    language.set_language(window, "en")
    shoot("7-inventory-english", "inventory")
    shoot("8-results-english", "results")
    language.set_language(window, "ja")
    i18n.save_language("ja")
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
