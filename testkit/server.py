"""Start `streamlit run app.py` on a free local port and stop it afterwards."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

from geo.settings import ROOT


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def running_app(*, port: int | None = None, log_path: Path | None = None, timeout_s: float = 60.0,
                env: dict[str, str] | None = None, script: Path | None = None,
                root: Path | None = None) -> Iterator[str]:
    """Run the app in a subprocess; yields its base URL once its health check answers.

    `script` runs another Streamlit script instead of `app.py` (benchmarks
    compare the app with bare Streamlit pages this way).

    `env` adds variables to the server's environment, e.g. `testkit.curation.data_env`
    to run it on copies of the data with editors configured.

    `root` runs another checkout of the app (its own `app.py`, data and
    static files), so a benchmark can load the app before and after a change.
    """
    port = port or free_port()
    log = open(log_path, "w") if log_path else subprocess.DEVNULL  # noqa: SIM115
    proc = subprocess.Popen(
        [
            sys.executable, "-m", "streamlit", "run", str(script or "app.py"),
            "--server.port", str(port), "--server.address", "127.0.0.1",
            "--server.headless", "true", "--browser.gatherUsageStats", "false",
        ],
        cwd=root or ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
        env={**os.environ, **(env or {}), "PYTHONUNBUFFERED": "1"},
    )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(url, proc, timeout_s)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        if log is not subprocess.DEVNULL:
            log.close()


def _wait_healthy(url: str, proc: subprocess.Popen, timeout_s: float) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited with code {proc.returncode} before answering")
        with contextlib.suppress(OSError), urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
            if response.status == 200:
                return
        time.sleep(0.3)
    raise TimeoutError(f"streamlit did not answer at {url} within {timeout_s} s")
