"""Load on one Plan map server, measured on the server: script time and memory per session count.

Each session is a real Streamlit client as far as the server can tell: it opens
the app's websocket (`/_stcore/stream`) and speaks Streamlit's own protobuf
messages (`streamlit.proto` BackMsg / ForwardMsg, as the browser's frontend
does), asks for a script run of the overview page and then the near-me page
(with `?place=慈城`), and waits for each run's `script_finished`. No browser is
started, so the 2 cores go to the server and this light client only.

Script time is from sending the rerun to receiving `script_finished` (what a
visitor waits for, minus the browser's drawing). Server memory is the RSS of
the server process tree (from /proc) after each round. Prints one JSON line.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from testkit.server import free_port

ROOT = Path(__file__).resolve().parent.parent

PAGES = (("", ""), ("nearby", "place=%E6%85%88%E5%9F%8E"))  # overview, near me (?place=慈城)
ROUNDS = (1, 10, 50)
SEQUENTIAL = int(os.environ.get("LOAD_SEQUENTIAL", "500"))
RUN_TIMEOUT_S = 300.0


async def _run_page(ws, page_name: str, query: str) -> float:
    msg = BackMsg()
    msg.rerun_script.query_string = query
    msg.rerun_script.page_name = page_name
    started = time.perf_counter()
    await ws.send(msg.SerializeToString())
    while True:
        raw = await asyncio.wait_for(ws.recv(), RUN_TIMEOUT_S)
        fwd = ForwardMsg()
        fwd.ParseFromString(raw)
        kind = fwd.WhichOneof("type")
        if kind == "script_finished":
            return time.perf_counter() - started
        if kind == "delta" and fwd.delta.new_element.WhichOneof("type") == "exception":
            raise RuntimeError(f"script raised: {fwd.delta.new_element.exception.message}")


async def _session(url: str) -> list[float]:
    times = []
    async with websockets.connect(url, max_size=None, subprotocols=["streamlit"], open_timeout=60) as ws:
        for page_name, query in PAGES:
            times.append(await _run_page(ws, page_name, query))
    return times


async def _concurrent(url: str, n: int) -> list[float]:
    results = await asyncio.gather(*(_session(url) for _ in range(n)))
    return [t for r in results for t in r]


def _rss_mb(pid: int) -> float:
    total = 0
    for p in [pid, *_children(pid)]:
        try:
            with open(f"/proc/{p}/status") as f:
                total += next(int(line.split()[1]) for line in f if line.startswith("VmRSS:"))
        except (FileNotFoundError, StopIteration):
            pass
    return round(total / 1024, 1)


def _children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as f:
            return [int(x) for x in f.read().split()]
    except FileNotFoundError:
        return []


def _pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return round(values[min(len(values) - 1, int(q * len(values)))], 3)


def main() -> None:
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false"],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2).read()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.5)
        url = f"ws://127.0.0.1:{port}/_stcore/stream"
        out: dict = {"bench": "load_server", "client": "websocket + streamlit.proto", "pages": ["overview", "nearby"],
                     "rss_mb_idle": _rss_mb(proc.pid)}
        first = asyncio.run(_concurrent(url, 1))  # warm: builds the cached payloads once
        out["first_session_s"] = [round(t, 3) for t in first]
        for n in ROUNDS:
            times = asyncio.run(_concurrent(url, n))
            out[f"sessions_{n}"] = {"p50_s": _pct(times, 0.5), "p95_s": _pct(times, 0.95), "runs": len(times),
                                    "rss_mb": _rss_mb(proc.pid)}
        rss = []
        started = time.perf_counter()
        for i in range(SEQUENTIAL):
            asyncio.run(_concurrent(url, 1))
            if i % 100 == 99 or i == 0:
                rss.append(_rss_mb(proc.pid))
        out["sequential"] = {"sessions": SEQUENTIAL, "rss_mb_every_100": rss,
                             "seconds": round(time.perf_counter() - started, 1)}
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
    print(json.dumps(out, ensure_ascii=False))


if __name__ == "__main__":
    main()
