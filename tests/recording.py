"""Recording what a private PulseAudio's null sink plays (``parec`` on ``null.monitor``), and how loud."""

from __future__ import annotations

import array
import math
import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

RATE = 16_000  # the recording: 16-bit mono at this rate


def ends(proc: subprocess.Popen[bytes] | subprocess.Popen[str]) -> None:
    """Stop a process this test started and its children (one process group), for good."""
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=5)
    try:  # the engine modules speech-dispatcher started
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def rms(samples: array.array[int], start_s: float, end_s: float) -> float:
    part = samples[max(0, int(start_s * RATE)) : max(0, int(end_s * RATE))]
    if not part:
        return 0.0
    return math.sqrt(sum(s * s for s in part) / len(part))


def recording_start(raw: Path, recorder: subprocess.Popen[bytes]) -> float:
    """The monotonic time of the recording's first sample, from how much it holds by now."""
    for _ in range(200):
        if raw.stat().st_size >= RATE:  # half a second recorded: parec is running
            now = time.monotonic()
            return now - raw.stat().st_size / 2 / RATE
        assert recorder.poll() is None, "parec ended at once"
        time.sleep(0.05)
    pytest.fail("parec recorded nothing in 10 s")


def levels(samples: array.array[int]) -> str:
    """The recording's loudness by half seconds, for a failing test's message."""
    return " ".join(
        f"{i / 2:.1f}s:{rms(samples, i / 2, i / 2 + 0.5):.0f}" for i in range(len(samples) * 2 // RATE)
    )
