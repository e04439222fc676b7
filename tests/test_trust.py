"""Trust: nothing lost, nothing overwritten, no traceback (issue 10), and what the command
line says (issue 11).

Outputs never replace an input; odd names (not UTF-8, with a newline or an escape) are
shown safely; every entry of a folder that is not checked gets a line; a failing disk,
Ctrl-C and kill -9 leave nothing behind; two runs on one register take turns.

Processes are real where the behaviour is about processes (signals, kill -9, a file size
limit): the command runs in a subprocess with a slow check patched in by a small script.
Assertions are on exit codes, reason keys, files and data, never on message wording.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from socinv_docs.atomic import Busy, exclusive, lock_path
from socinv_docs.names import printable


def run_cli(*args: object):
    from click.testing import CliRunner

    from socinv_docs.cli import main

    result = CliRunner().invoke(main, [os.fspath(a) if isinstance(a, Path) else str(a) for a in args],
                                catch_exceptions=True)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


def leftovers(*folders: Path) -> list[str]:
    """Temporary or lock files a run left behind."""
    return sorted(p.name for d in folders if d.is_dir() for p in d.iterdir()
                  if p.name.endswith((".tmp", ".socinv-lock")))


# -- names shown safely, a lock of our own -------------------------------------------------


def test_printable():
    assert printable("a\nb\x1b[0m\u202ec\td") == "a\\nb\\x1b[0m\\u202ec\\td"
    assert printable(os.fsdecode(b"\xe5\xe4\xf6.docx")) == "\ufffd\ufffd\ufffd.docx"
    assert printable("Läxhjälp i Örebro – 2026.docx") == "Läxhjälp i Örebro – 2026.docx"


def test_exclusive_lock_is_held_released_and_removed(tmp_path):
    target = tmp_path / "register.xlsx"
    with exclusive(target):
        assert lock_path(target).exists()
        with pytest.raises(Busy):
            with exclusive(target, wait=0.2):
                pass
    assert not lock_path(target).exists()
    with exclusive(target, wait=0):
        pass


def test_exclusive_lets_runs_take_turns(tmp_path):
    target = tmp_path / "register.xlsx"
    inside = []
    most = []

    def run() -> None:
        with exclusive(target, wait=10):
            inside.append(1)
            most.append(len(inside))
            time.sleep(0.05)
            inside.pop()

    threads = [threading.Thread(target=run) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(most) == 6 and max(most) == 1


def test_exclusive_after_a_crash_is_free(tmp_path):
    target = tmp_path / "register.xlsx"
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sys, time; from socinv_docs.atomic import exclusive\n"
        f"with exclusive({str(target)!r}):\n    print('held', flush=True); time.sleep(60)")],
        stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "held"
    with pytest.raises(Busy):
        with exclusive(target, wait=0.1):
            pass
    holder.kill()
    holder.wait()
    holder.stdout.close()
    with exclusive(target, wait=0):  # the kernel let go with the process: no stale lock
        pass
