"""The benchmark's peak memory counts every process of a run, workers of workers included."""

from __future__ import annotations

import subprocess
import sys

from bench.harness import peak_tree_memory_mb

# A child that starts a grandchild holding 200 MB, then waits for it.
HOLDER = "b = bytearray(200 * 2**20); import time; time.sleep(1.5)"
PARENT = f"import subprocess, sys; subprocess.run([sys.executable, '-c', {HOLDER!r}])"


def test__peak_tree_memory__counts_grandchildren():
    process = subprocess.Popen([sys.executable, "-c", PARENT])
    peak = peak_tree_memory_mb(process)
    assert process.returncode == 0
    assert 200 < peak < 400
