"""Streamlit in-page components (`st.components.v2`) made from the project's own static files.

The component API takes its JavaScript as an inline ES module (a file path
only works for an installed package with a `pyproject.toml` manifest), so the
module is the static files' own text, read from `static/`, run once per
browser tab (a module runs once), followed by the page's own mount code. The
map's code stays in `static/`, shared with the exported tour and folium pages.
Nothing comes from a CDN.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
from functools import lru_cache

import streamlit as st

from view.assets import STATIC_DIR, STATIC_URL

_SOURCE_MAP = re.compile(r"^//# sourceMappingURL=.*$", re.MULTILINE)

# Shown in the component's place until its scripts have loaded and it has drawn.
_HTML = '<div class="pm-component-root"><div class="pm-component-wait" role="status">{wait}</div></div>'
_WAIT_CSS = (".pm-component-wait { min-height: 320px; display: flex; align-items: center; justify-content: center;"
             " color: #6b7280; background: #e8f0f5; font-size: 14px; }")


def module_js(scripts: tuple[str, ...], mount: str) -> str:
    """The component's ES module: each static script once per browser tab, then `mount`.

    Inlined rather than fetched by URL: fetched, they came one after another
    only once the component had mounted (about 0.3 s on a loaded machine);
    inline, they arrive with the page's first message. Each script is guarded
    by its own name, so two components sharing Leaflet load it once per tab.
    """
    parts = ["window.__planmapScripts = window.__planmapScripts || {};"]
    for name in scripts:
        text = _SOURCE_MAP.sub("", (STATIC_DIR / name).read_text(encoding="utf-8"))
        seen = f"window.__planmapScripts[{json.dumps(name)}]"
        parts.append(f"if (!{seen}) {{\n{seen} = true;\n{text}\n}}")
    return "\n".join([*parts, mount])


def mount_module(call: str) -> str:
    """The default export of a component whose map is drawn by `call` (JS, with `host` and `data` in scope).

    Mounting again with the same `data.version` (a rerun that changed nothing
    the map shows) keeps the map as it is, with its view, popup or tour step.
    """
    return """
export default function (component) {
  const { data, parentElement } = component;
  const host = parentElement.querySelector(".pm-component-root");
  if (!host || !data) return;
  if (host.dataset.version === data.version && host.pmUnmount) return;
  if (host.pmUnmount) { host.pmUnmount(); host.pmUnmount = null; }
  host.dataset.version = data.version;
  const wait = host.querySelector(".pm-component-wait");
  try {
    host.pmUnmount = __CALL__;
    if (wait) wait.hidden = true;
  } catch (err) {
    if (wait) wait.textContent = String((err && err.message) || err);
    throw err;
  }
  return () => { if (host.pmUnmount) { host.pmUnmount(); host.pmUnmount = null; } };
}
""".replace("__CALL__", call)


def inline_css(stylesheets: tuple[str, ...]) -> str:
    """The stylesheets, inline; relative image addresses (Leaflet's) pointed at the served copies."""
    parts = []
    for name in stylesheets:
        text = (STATIC_DIR / name).read_text(encoding="utf-8")
        folder = name.rsplit("/", 1)[0] + "/" if "/" in name else ""
        parts.append(re.sub(r"url\((['\"]?)(?!data:|#|/|https?:)", rf"url(\1{STATIC_URL}/{folder}", text))
    return "\n".join(parts) + "\n" + _WAIT_CSS


@lru_cache(maxsize=16)
def inline_component(name: str, *, scripts: tuple[str, ...], stylesheets: tuple[str, ...], mount: str, wait: str):
    """A registered component whose root shows `wait` until `mount` has drawn into `.pm-component-root`."""
    key = hashlib.sha1(f"{wait}\n{mount}".encode()).hexdigest()[:8]
    # isolate_styles=False: the map is in the page's DOM, where Leaflet's own code expects it.
    return st.components.v2.component(f"{name}_{key}", html=_HTML.format(wait=html.escape(wait)),
                                      css=inline_css(stylesheets), js=module_js(scripts, mount),
                                      isolate_styles=False)
