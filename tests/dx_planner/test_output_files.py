"""Outputs only ever replace regular files, and a killed run leaves nothing behind for long."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from dx_planner.cli.main import main
from dx_planner.output_files import OutputFileError, check_writable, replaced_atomically


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "inventory.db"
    assert main(["--db", str(path), "demo", "--processes", "300"]) == 0
    return path


def test_a_device_is_never_replaced(db: Path, tmp_path: Path,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    """As root, os.replace would turn a device such as /dev/null into a regular file. The
    test uses its own null device node, so that a regression cannot break the machine's."""
    device = tmp_path / "null"
    try:
        os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("creating a device node needs root")
    capsys.readouterr()
    assert main(["--db", str(db), "export-inventory", str(device)]) == 1
    err = capsys.readouterr().err
    assert err.strip() == (f"dx-planner: {device} is a device, not a regular file: outputs "
                           "only replace regular files")
    assert stat.S_ISCHR(os.stat(device).st_mode)


def test_a_pipe_is_never_replaced(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    with pytest.raises(OutputFileError, match="is a pipe, not a regular file"):
        check_writable(pipe)
    assert stat.S_ISFIFO(os.stat(pipe).st_mode)


def test_a_symbolic_link_is_followed_and_kept(db: Path, tmp_path: Path) -> None:
    real = tmp_path / "real.xlsx"
    real.write_bytes(b"old")
    link = tmp_path / "link.xlsx"
    link.symlink_to(real)
    assert main(["--db", str(db), "export-inventory", str(link)]) == 0
    assert link.is_symlink() and real.stat().st_size > 1000


_WRITER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from dx_planner.output_files import replaced_atomically
    with replaced_atomically(Path(sys.argv[1])) as temporary:
        temporary.write_bytes(b"half a workbook")
        print(temporary, flush=True)
        time.sleep(60)
""")


def _killed_mid_write(target: Path) -> Path:
    """Start a real writer, SIGKILL it while its temporary file exists; return that file."""
    writer = subprocess.Popen([sys.executable, "-c", _WRITER, str(target)],
                              stdout=subprocess.PIPE, text=True)
    assert writer.stdout is not None
    temporary = Path(writer.stdout.readline().strip())
    writer.stdout.close()
    writer.send_signal(signal.SIGKILL)
    writer.wait()
    assert writer.returncode == -signal.SIGKILL
    assert temporary.exists()
    return temporary


def test_a_killed_run_s_temporary_file_is_removed_by_the_next_write(
        db: Path, tmp_path: Path) -> None:
    target = tmp_path / "inventory.xlsx"
    leftover = _killed_mid_write(target)
    assert leftover.parent == tmp_path and leftover.name.startswith(".inventory.xlsx.")
    assert main(["--db", str(db), "export-inventory", str(target)]) == 0
    assert sorted(p.name for p in tmp_path.iterdir() if "xlsx" in p.name) == ["inventory.xlsx"]


def test_a_running_writer_s_temporary_file_is_left_alone(tmp_path: Path) -> None:
    target = tmp_path / "plan.json"
    with replaced_atomically(target) as mine:
        mine.write_text("{}")
        with replaced_atomically(tmp_path / "other.json") as other:  # cleans the folder
            other.write_text("{}")
        assert mine.exists()
    assert target.read_text() == "{}"


def test_sigterm_removes_the_temporary_file(tmp_path: Path) -> None:
    program = _WRITER.replace("from dx_planner.output_files import replaced_atomically", (
        "from dx_planner.output_files import replaced_atomically\n"
        "import signal\n"
        "signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))"))
    writer = subprocess.Popen([sys.executable, "-c", program, str(tmp_path / "x.json")],
                              stdout=subprocess.PIPE, text=True)
    assert writer.stdout is not None
    temporary = Path(writer.stdout.readline().strip())
    writer.stdout.close()
    writer.send_signal(signal.SIGTERM)
    assert writer.wait() == 143
    assert not temporary.exists() and not (tmp_path / "x.json").exists()
