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

  // The page's own marks, drawn before PlanMap so its features stay above them
  // and clickable: a search circle with its centre, and outlined areas.
  function overlays(map, data) {
    if (data.circle) {
      var c = data.circle;
      L.circle(c.center, L.extend({ radius: c.radius, interactive: false }, c.style)).addTo(map);
      L.circleMarker(c.center, L.extend({ interactive: false }, c.marker)).addTo(map);
    }
    if (data.outline) {
      var o = data.outline;
      var shape = L.geoJSON(o.features, { style: function () { return o.style; }, interactive: false }).addTo(map);
      if (o.fit && shape.getBounds().isValid()) map.fitBounds(shape.getBounds(), { animate: false });
    }
  }

  // The browser is asked for its position only when the button is pressed;
  // the position found is handed on as if the map had been clicked there.
  function locateButton(map, texts, found) {
    var Button = L.Control.extend({
      options: { position: "topleft" },
      onAdd: function () {
        var b = L.DomUtil.create("button", "pm-locate leaflet-bar");
        b.type = "button";
        b.textContent = texts.label;
        L.DomEvent.disableClickPropagation(b);
        // The browser may take seconds to answer: the button shows it is waiting.
        L.DomEvent.on(b, "click", function () {
          b.textContent = texts.label + " …";
          b.setAttribute("aria-busy", "true");
          map.locate({ setView: false, timeout: 10000 });
        });
        map.on("locationfound", function (e) { b.textContent = texts.label; b.removeAttribute("aria-busy"); found(e.latlng); });
        map.on("locationerror", function () { b.textContent = texts.denied; b.removeAttribute("aria-busy"); });
        return b;
      }
    });
    new Button().addTo(map);
  }

  /**
   * Draw the map into `parent`. `data`: {payload, base} and, for a page that
   * wants them, `view` ({center, zoom}), `circle`, `outline` and `locate`
   * (the button's texts). `select(id)` (optional) is called with a feature's
   * id when its popup opens, `click({lat, lng})` (optional) with where the
   * map was clicked (or where the locate button found the browser), for a
   * page that wants them in Python. Returns a function that removes the map;
   * its `planmap` is the PlanMap drawn.
   */
  function mount(parent, data, select, click) {
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
    var view = data.view || base;
    var map = L.map(node, { center: view.center, zoom: view.zoom, zoomControl: true, preferCanvas: false });
    L.control.scale().addTo(map);
    basemap(map, base);
    overlays(map, data);
    // The page gives this map's view: a `view` left in the URL by the map of
    // the previous search must not move the map of this one.
    if (data.view || data.outline) window.planmapDom.writeUrl({ view: null });
    var pm = new window.PlanMap(map, data.payload);
    if (click) {
      map.on("click", function (e) {
        // A click on a drawn feature opens its popup; only the map itself picks a point.
        var target = e.originalEvent && e.originalEvent.target;
        if (target && target.classList && target.classList.contains("leaflet-interactive")) return;
        click({ lat: e.latlng.lat, lng: e.latlng.lng });
      });
    }
    if (data.locate) {
      locateButton(map, data.locate, function (at) {
        if (click) click({ lat: at.lat, lng: at.lng });
        else map.setView(at, Math.max(map.getZoom(), 15));
      });
    }
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
    var unmount = function () {
      clearInterval(settle);
      window.removeEventListener("resize", resize);
      map.remove();
      if (window.planmap === pm) window.planmap = undefined;
      node.remove();
    };
    unmount.planmap = pm;
    return unmount;
  }

  window.planmapComponent = { mount: mount, fittedHeight: fittedHeight };
})();
