"""Watching a Streamlit page from the browser: how often its script ran.

A script run always starts with a `new_session` message from the server over
the page's websocket, so counting those counts the reruns without relying on
anything the page draws.
"""

from __future__ import annotations

from dataclasses import dataclass

from playwright.sync_api import Page, WebSocket
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg


@dataclass
class ScriptRuns:
    """The number of script runs the page has been sent so far (`count`)."""

    count: int = 0

    def _frame(self, payload: str | bytes) -> None:
        if isinstance(payload, str):
            return
        try:
            msg = ForwardMsg.FromString(payload)
        except Exception:  # noqa: BLE001 - a frame that is not a ForwardMsg is not a script run
            return
        if msg.WhichOneof("type") == "new_session":
            self.count += 1


def count_script_runs(page: Page) -> ScriptRuns:
    """Start counting the script runs of every websocket `page` opens; call before `page.goto`."""
    runs = ScriptRuns()

    def watch(ws: WebSocket) -> None:
        ws.on("framereceived", runs._frame)

    page.on("websocket", watch)
    return runs
