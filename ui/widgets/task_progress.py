"""The progress dialog of the main slot's jobs (import, export, demo, report, baseline)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from ui.tasks import MAIN, Job, TaskRunner


class TaskProgressDialogs(QObject):
    """Opens a window-modal progress dialog (after 300 ms) for each job of the main slot,
    with a Cancel button when the job can be cancelled, and closes it when the job ends."""

    def __init__(self, runner: TaskRunner, parent: QWidget) -> None:
        super().__init__(parent)
        self._runner = runner
        self._window = parent
        self._dialog: QProgressDialog | None = None
        self._job: Job | None = None
        runner.started.connect(self._started)
        runner.progressed.connect(self._progressed)
        runner.finished.connect(self._finished)

    @property
    def dialog(self) -> QProgressDialog | None:
        return self._dialog

    def _started(self, job: Job) -> None:
        if job.slot != MAIN:
            return
        dialog = QProgressDialog(job.title, "", 0, 0, self._window)
        dialog.setWindowTitle(job.title)
        if job.cancellable:
            dialog.setCancelButtonText(self.tr("キャンセル"))
            dialog.canceled.connect(lambda: self._cancel(job))
        else:
            dialog.setCancelButton(None)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        self._dialog, self._job = dialog, job

    def _cancel(self, job: Job) -> None:
        # Closing the dialog also emits canceled: only a job still running is cancelled.
        if self._runner.job(MAIN) is job and self._dialog is not None:
            self._runner.cancel(MAIN)
            self._dialog.setLabelText(self.tr("キャンセルしています…"))

    def _progressed(self, job: Job, message: str, done: int, total: int) -> None:
        dialog = self._dialog
        if job.slot != MAIN or dialog is None:
            return
        if total > 0:
            dialog.setMaximum(total)
            dialog.setValue(done)
        if message:
            dialog.setLabelText(f"{job.title}\n{message}")

    def _finished(self, job: Job) -> None:
        if job is not self._job or self._dialog is None:
            return
        dialog, self._dialog, self._job = self._dialog, None, None
        dialog.reset()
        dialog.close()
        dialog.deleteLater()
