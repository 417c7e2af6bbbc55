"""The suite's own machinery: a worker lost mid-run costs one failure, never the run.

A test past its time limit is stopped by pytest-timeout, which ends its worker process
(the thread method: the only one that also stops a test stuck inside C code). With
pytest-xdist 3.8's grouping modes (``--dist loadgroup``/``loadscope``) the replaced
worker was never given work again and the run waited for ever at about 97 %. This
runs a small file with the options of the README's own test command and requires the
run to end, with the lost test failed and every other test run.
"""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

LOST_WORKER = '''
import os

import pytest


@pytest.mark.parametrize("i", range(12))
def test_passes(i):
    pass


def test_takes_its_worker_down():
    os._exit(1)


@pytest.mark.parametrize("i", range(12))
def test_after(i):
    pass
'''


def _readme_pytest_options() -> list[str]:
    """The options the README's test command gives pytest (``-n auto``, ``--dist`` …)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("<!-- test-command -->", 1)[1].split("```sh", 1)[1].split("```")[0]
    command = re.search(r"-m pytest(.*)$", block.strip(), re.MULTILINE)
    assert command, block
    return shlex.split(command.group(1))


def test_a_lost_worker_fails_its_test_and_the_run_goes_on(tmp_path: Path) -> None:
    options = _readme_pytest_options()
    assert "-n" in options
    (tmp_path / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")
    (tmp_path / "test_lost.py").write_text(LOST_WORKER, encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "pytest", *options, "-q", "-p", "no:cacheprovider",
         "-c", str(tmp_path / "pytest.ini"), "--rootdir", str(tmp_path),
         str(tmp_path / "test_lost.py")],
        capture_output=True, text=True, timeout=240, check=False,
        env={"PATH": "/usr/bin:/bin", "PYTEST_XDIST_AUTO_NUM_WORKERS": "3"})
    summary = run.stdout.strip().splitlines()[-1] if run.stdout.strip() else run.stderr
    assert "1 failed, 24 passed" in summary, run.stdout[-3000:] + run.stderr[-3000:]
