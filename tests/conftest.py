"""Shared test helpers. Test files are built from copies of the official templates in
tests/data/official (identical to ../shared/official-templates; test_official_copies
checks that), so the suite runs anywhere.
"""

from __future__ import annotations

import atexit
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
OFFICIAL = ROOT / "tests" / "data" / "official"
sys.path.insert(0, str(ROOT / "tools"))
# Our own bugs must fail the tests, not hide as "unreadable.internal" (pipeline.check_document).
os.environ.setdefault("SOCINV_DEBUG", "1")
# Without --lang the command line speaks the locale's language (clilang): the tests run in
# the tool's default language whatever this machine's locale is.
for _name in ("LC_ALL", "LC_MESSAGES"):
    os.environ.pop(_name, None)
os.environ["LANG"] = "C.UTF-8"
# The checked-schema cache (socinv_docs/schema_cache.py) of the tests stays out of the
# home folder; subprocesses (the CLI, the web service) inherit it.
os.environ["SOCINV_CACHE_DIR"] = tempfile.mkdtemp(prefix="socinv-test-cache-")
atexit.register(shutil.rmtree, os.environ["SOCINV_CACHE_DIR"], ignore_errors=True)


@pytest.fixture(scope="session")
def schemas():
    from socinv_docs.schema import load_schemas

    return load_schemas()


@pytest.fixture
def official() -> Path:
    return OFFICIAL


class CliResult:
    def __init__(self, result) -> None:
        self.exit_code = result.exit_code
        self.output = result.output  # stdout and stderr, as a user sees them
        self.stdout = result.stdout
        self.stderr = getattr(result, "stderr", "")
        self.exception = result.exception

    @property
    def json(self) -> dict:
        return json.loads(self.stdout)


def run_cli(*args: object) -> CliResult:
    from socinv_docs.cli import main

    runner = CliRunner()
    result = runner.invoke(main, [str(a) for a in args], catch_exceptions=True)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return CliResult(result)


@pytest.fixture
def cli():
    return run_cli
