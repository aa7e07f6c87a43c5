"""A "my location" button for folium maps shown through streamlit-folium.

The browser's position (asked only when the user presses the button) is
handed to the app as if the user had clicked the map there, so the page's
existing click handling (`last_clicked`) serves both.
"""

from __future__ import annotations

import json

from branca.element import MacroElement
from jinja2 import Template


class LocateButton(MacroElement):
    """Adds the button; `label` and `denied` are UI texts (plain text only)."""

    _template = Template(
        """{% macro script(this, kwargs) %}
        (function (map) {
          var Btn = L.Control.extend({
            options: { position: "topleft" },
            onAdd: function () {
              var b = L.DomUtil.create("button", "pm-locate leaflet-bar");
              b.type = "button";
              b.textContent = {{ this.label_json }};
              b.style.cssText = "background:#fff;padding:5px 8px;cursor:pointer;font:13px sans-serif";
              L.DomEvent.disableClickPropagation(b);
              L.DomEvent.on(b, "click", function () { map.locate({ setView: false, timeout: 10000 }); });
              map.on("locationfound", function (e) { map.fire("click", { latlng: e.latlng }); });
              map.on("locationerror", function () { b.textContent = {{ this.denied_json }}; });
              return b;
            }
          });
          new Btn().addTo(map);
        })({{ this._parent.get_name() }});
        {% endmacro %}"""
    )

    def __init__(self, *, label: str, denied: str) -> None:
        super().__init__()
        self._name = "LocateButton"
        self.label_json = json.dumps(label, ensure_ascii=False)
        self.denied_json = json.dumps(denied, ensure_ascii=False)
