/*
 * The planner's map in the app's own page (Streamlit's in-page component API,
 * `ui/map_component.py`), with no iframe: this file makes the Leaflet map and
 * its basemap, then hands it to `PlanMap` (static/planmap.js), the same code
 * that draws the layers on the folium pages. `planmap_screen.js`' init hook
 * gives it the phone layout and fitted popups, as on the other maps.
 *
 * The basemap (the districts with a plan highlighted, the others faint, the
 * optional online tiles) follows `ui.maps.base_map`; its styles and the
 * tiles' addresses come from Python in `data.base`, so both stay one list.
 */
(function () {
  "use strict";
  var MIN_PX = 320;
  // The height that ends the map just above the window's bottom edge, as on
  // the folium pages (static/planmap_screen.js, loaded first).
  function fittedHeight(node) { return window.planmapScreen.fittedHeight(node); }

  function basemap(map, base) {
    if (base.tiles) {
      L.tileLayer(base.tiles.url, {
        attribution: base.tiles.attribution, subdomains: base.tiles.subdomains || "abc", maxZoom: 18
      }).addTo(map);
    }
    ["context", "plan"].forEach(function (key) {
      var style = base.styles[key];
      // Not clickable: the basemap must never catch a click meant for a plan feature drawn above it.
      L.geoJSON(base.districts[key], { style: function () { return style; }, interactive: false }).addTo(map);
    });
  }

  /**
   * Draw the map into `parent`. `data`: {payload, base}; `select(id)` (optional)
   * is called with a feature's id when its popup opens, for a page that wants
   * the selection in Python. Returns a function that removes the map.
   */
  function mount(parent, data, select) {
    var node = document.createElement("div");
    node.className = "pm-component-map";
    node.style.height = MIN_PX + "px";
    parent.appendChild(node);
    var size = function () {
      var h = fittedHeight(node);
      node.style.height = h + "px";
      node.style.setProperty("--pm-map-h", h + "px");
    };
    size();
    var base = data.base;
    var map = L.map(node, { center: base.center, zoom: base.zoom, zoomControl: true, preferCanvas: false });
    L.control.scale().addTo(map);
    basemap(map, base);
    var pm = new window.PlanMap(map, data.payload);
    if (select) map.on("popupopen", function (e) {
      var props = e.popup._source && e.popup._source.feature && e.popup._source.feature.properties;
      if (props && props.id) select(props.id);
    });
    var resize = function () {
      var before = node.style.height;
      size();
      if (node.style.height !== before) map.invalidateSize();
    };
    window.addEventListener("resize", resize);
    // The map may still move after the first draw (fonts, the caption, the
    // previous map of a rerun leaving the page): fit it again for a few seconds.
    var checks = 0, settle = setInterval(function () { resize(); if (++checks >= 20) clearInterval(settle); }, 250);
    return function () {
      clearInterval(settle);
      window.removeEventListener("resize", resize);
      map.remove();
      if (window.planmap === pm) window.planmap = undefined;
      node.remove();
    };
  }

  window.planmapComponent = { mount: mount, fittedHeight: fittedHeight };
})();
