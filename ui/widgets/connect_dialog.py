"""Connecting to a team database (PostgreSQL): server, database, login and password.

The password is used for this connection only and never stored: the remembered address
has none (libpq's ``~/.pgpass`` or ``PGPASSWORD`` can supply it next time, or the app asks).
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)
from sqlalchemy.engine import URL, make_url

DRIVER = "postgresql+psycopg"


class ConnectDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, previous: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("チームデータベースに接続"))
        self.host = QLineEdit("localhost", self)
        self.port = QSpinBox(self)
        self.port.setRange(1, 65535)
        self.port.setValue(5432)
        self.database = QLineEdit("dx", self)
        self.login = QLineEdit(self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        if previous:
            self._fill(make_url(previous))
        form = QFormLayout(self)
        form.addRow(self.tr("サーバー"), self.host)
        form.addRow(self.tr("ポート"), self.port)
        form.addRow(self.tr("データベース"), self.database)
        form.addRow(self.tr("ログイン"), self.login)
        form.addRow(self.tr("パスワード"), self.password)
        hint = QLabel(self.tr("パスワードは保存しません（~/.pgpass があれば空欄で構いません）"),
                      self)
        hint.setWordWrap(True)
        form.addRow(hint)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _fill(self, url: URL) -> None:
        socket = url.query.get("host")
        self.host.setText(url.host or (socket if isinstance(socket, str) else "localhost"))
        port = url.query.get("port")
        self.port.setValue(url.port or (int(port) if isinstance(port, str) else 5432))
        self.database.setText(url.database or "")
        self.login.setText(url.username or "")

    def url(self, with_password: bool = True) -> str:
        """The SQLAlchemy URL (with the password typed, or without it to remember)."""
        password = self.password.text() if with_password and self.password.text() else None
        host = self.host.text().strip() or None
        # A folder is the server's Unix socket (libpq's host=/path), not a host name.
        on_socket = host is not None and host.startswith("/")
        return URL.create(
            DRIVER, username=self.login.text().strip() or None, password=password,
            host=None if on_socket else host, port=None if on_socket else self.port.value(),
            database=self.database.text().strip() or None,
            query={"host": host or "", "port": str(self.port.value())} if on_socket else {},
        ).render_as_string(hide_password=False)
