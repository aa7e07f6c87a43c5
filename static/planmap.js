/*
 * Plan map's client side: draws every plan layer from one JSON payload, with a
 * grouped layer panel, filters, a legend, search, popups and URL state.
 *
 * Written by hand because no maintained Leaflet plugin does the combination
 * we need offline: grouped toggles + attribute filters + state in the URL of
 * the *parent* page (the map lives in streamlit-folium's iframe). Popups are
 * built with textContent, never innerHTML, so document text (which may contain
 * markup) is always shown as text.
 */
(function () {
  "use strict";

  var PRECISION_DASH = { exact: null, approximate: "6 5", district: "2 6" };

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        if (k === "className") node.className = attrs[k];
        else node.setAttribute(k, attrs[k]);
      });
    }
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  // ---- URL state -------------------------------------------------------
  // The map runs inside an iframe served from the same origin as the app, so
  // the parent page's URL can carry the state; a standalone file uses its own.
  function stateWindow() {
    try {
      if (window.parent && window.parent !== window && window.parent.location.href) return window.parent;
    } catch (e) { /* cross-origin parent: fall back to our own URL */ }
    return window;
  }

  function readState() {
    var params = new URLSearchParams(stateWindow().location.search);
    var state = {};
    ["layers", "view", "sel", "f_district", "f_plan", "f_cat"].forEach(function (k) {
      if (params.has(k)) state[k] = params.get(k);
    });
    return state;
  }

  function writeState(update) {
    var w = stateWindow();
    try {
      var url = new URL(w.location.href);
      Object.keys(update).forEach(function (k) {
        if (update[k] === null || update[k] === undefined || update[k] === "") url.searchParams.delete(k);
        else url.searchParams.set(k, update[k]);
      });
      w.history.replaceState(w.history.state, "", url.toString());
    } catch (e) { /* a file:// page may refuse replaceState; state then stays in memory */ }
  }

  // Shared with tour.js, which runs on top of this map.
  window.planmapDom = { el: el, hostWindow: stateWindow, writeUrl: writeState };

  // ---- styling -----------------------------------------------------------
  // Exact: solid, stronger fill. Approximate: pale, and polygons get a dashed
  // outline. Planned or under construction: long dashes. A line drawn through
  // stations is approximate but still a line, so it is paled, not dashed,
  // leaving dashes to say "planned".
  function featureStyle(layerDef, props, geomType) {
    var color = props.color || layerDef.color || "#3366cc";
    var exact = (props.precision || "exact") === "exact";
    var isLine = /Line/.test(geomType || "");
    var planned = props.status === "planned" || props.status === "under_construction";
    var style = {
      color: color,
      weight: layerDef.weight || 2,
      opacity: 0.9,
      fillColor: color,
      fillOpacity: layerDef.fillOpacity || 0.25,
      dashArray: null
    };
    if (layerDef.style) Object.keys(layerDef.style).forEach(function (k) { style[k] = layerDef.style[k]; });
    if (props.style) Object.keys(props.style).forEach(function (k) { style[k] = props.style[k]; });
    if (!exact) {
      style.opacity = Math.min(style.opacity, isLine ? 0.6 : 0.8);
      style.fillOpacity = Math.min(style.fillOpacity, 0.1);
      if (!isLine) style.dashArray = PRECISION_DASH[props.precision] || PRECISION_DASH.approximate;
    }
    if (planned) style.dashArray = "10 8";
    return style;
  }

  function pointMarker(layerDef, props, latlng, renderer) {
    var s = featureStyle(layerDef, props, "Point");
    return L.circleMarker(latlng, {
      renderer: renderer,
      radius: layerDef.radius || 6,
      color: s.color,
      weight: 2,
      opacity: s.opacity,
      fillColor: s.fillColor,
      fillOpacity: props.precision === "exact" ? 0.85 : 0.15,
      dashArray: props.precision === "exact" ? null : "3 3"
    });
  }

  // ---- popups ------------------------------------------------------------
  var MAX_RELATED = 8;
  // Taller popups scroll: one taller than the map would push its own feature
  // off-screen when Leaflet pans to show the popup's top.
  var POPUP_MAX_HEIGHT = 380;

  // Records that name a place this one names ({id, name, place}), from the payload's
  // compact `related` table (layers/relations.py decides what counts).
  function relatedOf(pm, id) {
    var rel = pm.data.related;
    if (!rel || !rel.records.length) return [];
    if (!pm.relatedPos) {
      pm.relatedPos = {};
      rel.records.forEach(function (r, i) { pm.relatedPos[r[0]] = i; });
    }
    var i = pm.relatedPos[id];
    if (i === undefined || !rel.links[i]) return [];
    return rel.links[i].map(function (link) {
      var r = rel.records[link[0]];
      return { id: r[0], name: r[1], doc: r[2], place: rel.places[link[1]] };
    });
  }

  function relatedSection(pm, id) {
    var t = pm.data.labels, rel = relatedOf(pm, id);
    if (!rel.length) return null;
    var box = el("div", { className: "pm-popup-related" });
    box.appendChild(el("div", { className: "pm-popup-related-title" }, t.related.replace("{n}", rel.length)));
    var list = el("ul");
    rel.slice(0, MAX_RELATED).forEach(function (r) {
      var item = el("li");
      if (pm.index[r.id]) {
        var link = el("a", { href: "#", className: "pm-related-link", "data-id": r.id }, r.name);
        link.addEventListener("click", function (e) { e.preventDefault(); pm.select(r.id); });
        item.appendChild(link);
      } else {
        item.appendChild(el("span", null, r.name + " · " + t.not_drawn));
      }
      item.appendChild(el("span", { className: "pm-related-place" }, (r.doc ? t.related_doc.replace("{doc}", r.doc) : "") + " · " + r.place));
      list.appendChild(item);
    });
    if (rel.length > MAX_RELATED) list.appendChild(el("li", null, t.related_more.replace("{n}", rel.length - MAX_RELATED)));
    box.appendChild(list);
    return box;
  }

  function popupContent(pm, props) {
    var data = pm.data, t = data.labels;
    var box = el("div", { className: "pm-popup" });
    box.appendChild(el("div", { className: "pm-popup-title" }, props.name));
    if (props.category_label) box.appendChild(el("div", { className: "pm-popup-cat" }, props.category_label));
    if (props.quote) {
      var q = el("blockquote", { className: "pm-popup-quote" }, props.quote);
      box.appendChild(q);
    }
    var dl = el("dl", { className: "pm-popup-meta" });
    function row(label, value) {
      if (value === undefined || value === null || value === "") return;
      dl.appendChild(el("dt", null, label));
      dl.appendChild(el("dd", null, value));
    }
    if (props.doc_id && data.docs[props.doc_id]) row(t.document, data.docs[props.doc_id]);
    if (data.source_url && props.doc_id && props.start !== undefined) {
      var href = data.source_url + "?" + new URLSearchParams({ doc: props.doc_id, start: props.start, end: props.end }).toString();
      var link = el("a", { href: href, target: "_blank", rel: "noopener", className: "pm-popup-source" }, t.read_source);
      box.appendChild(link);
    }
    row(t.section, props.section_path);
    row(t.lead_unit, props.lead_unit);
    row(t.precision, (data.precision_labels[props.precision] || props.precision || ""));
    row(t.location_source, props.location_note);
    box.appendChild(dl);
    if (props.stack_n > 1) {
      box.appendChild(el("p", { className: "pm-popup-stacked" },
        t.pm_stacked.replace("{n}", props.stack_n).replace("{place}", props.stack_place || "?")));
    }
    var related = relatedSection(pm, props.id);
    if (related) box.appendChild(related);
    return box;
  }

  // ---- the map controller ------------------------------------------------
  function PlanMap(map, data) {
    this.map = map;
    this.data = data;
    this.layers = {};       // layer id -> L.GeoJSON
    this.defs = {};         // layer id -> layer definition
    this.index = {};        // feature id -> {layerId, leaflet layer}
    this.filters = { district: null, plan: null, cat: null };
    this.selected = null;
    // SVG, not canvas: each feature is a DOM path whose stroke and dashes the
    // legend copies exactly (and tests can read); a few hundred paths draw fast.
    this.renderer = L.svg({ padding: 0.3 });
    this.unplaced = {};     // record id -> record that is not drawn (payload.unplaced)
    (data.unplaced || []).forEach(function (r) {
      if (!r.doc_id && r.id.indexOf("/") > 0) r.doc_id = r.id.slice(0, r.id.indexOf("/"));
      if (r.sec !== undefined && data.unplaced_sections) r.section_path = data.unplaced_sections[r.sec];
      this.unplaced[r.id] = r;
    }, this);
    this.leaders = L.layerGroup().addTo(map);
    map.createPane("pmLabels");
    map.getPane("pmLabels").style.zIndex = 450;
    map.getPane("pmLabels").style.pointerEvents = "none";
    this.labelLayer = L.layerGroup().addTo(map);
    var state = readState();
    this.restoreFilters(state);
    this.build(state);
    this.addPanel();
    this.addLegend();
    this.addSearch();
    this.addCard();
    this.restoreView(state);
    // Licence credits of the data drawn (GeoNames, OpenStreetMap), from the payload.
    if (map.attributionControl && data.credits) data.credits.forEach(function (c) { map.attributionControl.addAttribution(c); });
    this.spread();
    this.renderLabels();
    var self = this;
    map.on("zoomend", function () { self.spread(); });
    // The iframe may still grow after the map opened a shared link's popup;
    // place the popup again then, so it stays on its feature and in full view.
    map.on("resize", function () {
      var hit = self.index[self.selected];
      if (!hit || !hit.layer.isPopupOpen || !hit.layer.isPopupOpen()) return;
      if (!self.keepView) map.setView(self.boundsOf(hit.layer).getCenter(), map.getZoom(), { animate: false });
      hit.layer.closePopup();
      hit.layer.openPopup();
    });
    map.on("moveend", function () { self.saveView(); self.renderLabels(); });
    window.planmap = this;  // for tests, tours and debugging
  }

  PlanMap.prototype.restoreFilters = function (state) {
    var split = function (v) { return v ? v.split(",").filter(Boolean) : null; };
    this.filters.district = split(state.f_district);
    this.filters.plan = split(state.f_plan);
    this.filters.cat = split(state.f_cat);
  };

  PlanMap.prototype.passes = function (props) {
    var f = this.filters;
    // `districts`: the plan districts the geometry touches (a city-wide rail line
    // passes 江北 and 鄞州 alike); the record's own code only when it has none.
    var ds = props.districts || (props.district ? [props.district] : null);
    if (f.district && ds && !ds.some(function (d) { return f.district.indexOf(d) >= 0; })) return false;
    if (f.plan && props.doc_id && f.plan.indexOf(props.doc_id) < 0) return false;
    if (f.cat && props.category && f.cat.indexOf(props.category) < 0) return false;
    return true;
  };

  PlanMap.prototype.build = function (state) {
    var self = this;
    var wanted = state.layers !== undefined ? state.layers.split(",") : null;
    this.data.layers.forEach(function (def) {
      self.defs[def.id] = def;
      var layer = L.geoJSON(null, {
        pointToLayer: function (f, latlng) { return pointMarker(def, f.properties, latlng, self.renderer); },
        style: function (f) {
          var s = featureStyle(def, f.properties, f.geometry && f.geometry.type);
          s.renderer = self.renderer;
          return s;
        },
        onEachFeature: function (f, lyr) {
          self.index[f.properties.id] = { layerId: def.id, layer: lyr, feature: f };
          lyr.bindPopup(function () { return popupContent(self, f.properties); },
            { maxWidth: 360, maxHeight: POPUP_MAX_HEIGHT, autoPanPaddingTopLeft: L.point(250, 60), autoPanPaddingBottomRight: L.point(20, 20) });
          lyr.on("popupopen", function () { self.select(f.properties.id, { fly: false, open: false }); });
          // An element, not a string: Leaflet sets a string tooltip as innerHTML.
          if (f.properties.name) lyr.bindTooltip(el("span", null, f.properties.name), { sticky: true });
        }
      });
      self.layers[def.id] = layer;
      self.fill(def.id);
      var on = wanted ? wanted.indexOf(def.id) >= 0 : def.visible;
      if (on) layer.addTo(self.map);
    });
  };

  PlanMap.prototype.fill = function (layerId) {
    var self = this, def = this.defs[layerId], layer = this.layers[layerId];
    layer.clearLayers();
    var feats = def.features.features.filter(function (f) { return self.passes(f.properties); });
    layer.addData({ type: "FeatureCollection", features: feats });
    var count = (this.panelRoot || document).querySelector('[data-layer-count="' + layerId + '"]');
    var total = def.features.features.length;
    if (count) count.textContent = feats.length === total ? "(" + total + ")" : "(" + feats.length + "/" + total + ")";
  };

  // Projects drawn on the very same point (several branches borrowing their
  // hospital's location) are fanned out around it in screen space, with a thin
  // leader line back to the true point, so each can be clicked. Small code
  // instead of a clustering plugin: a cluster would hide the group behind a
  // count, and the groups here are 2–4 markers.
  PlanMap.prototype.spread = function () {
    var self = this, map = this.map, groups = {};
    this.leaders.clearLayers();
    Object.keys(this.layers).forEach(function (id) {
      if (!map.hasLayer(self.layers[id])) return;
      self.layers[id].eachLayer(function (lyr) {
        var p = lyr.feature && lyr.feature.properties;
        if (!p || !p.stack || !lyr.getLatLng) return;
        if (!lyr._pmOrigin) lyr._pmOrigin = lyr.getLatLng();
        (groups[p.stack] = groups[p.stack] || []).push(lyr);
      });
    });
    Object.keys(groups).forEach(function (key) {
      var members = groups[key].sort(function (a, b) { return a.feature.properties.id < b.feature.properties.id ? -1 : 1; });
      var n = members.length;
      members.forEach(function (lyr, i) {
        if (n < 2) { lyr.setLatLng(lyr._pmOrigin); return; }
        var angle = 2 * Math.PI * i / n - Math.PI / 2, r = 12 + 3 * n;
        var at = map.latLngToLayerPoint(lyr._pmOrigin).add(L.point(r * Math.cos(angle), r * Math.sin(angle)));
        lyr.setLatLng(map.layerPointToLatLng(at));
        L.polyline([lyr._pmOrigin, lyr.getLatLng()], {
          renderer: self.renderer, color: "#555555", weight: 1, opacity: 0.8, interactive: false, className: "pm-leader"
        }).addTo(self.leaders);
      });
    });
  };

  // On-map labels (the offline basemap has no names): structure parts from
  // zoom 12, located places from zoom 14, only for layers that are shown and
  // features that pass the filters; a label that would overlap one already
  // placed is left out. Built from text nodes, never from HTML.
  PlanMap.prototype.renderLabels = function () {
    var self = this, map = this.map, zoom = map.getZoom(), placed = [];
    this.labelLayer.clearLayers();
    var size = map.getSize();
    Object.keys(this.layers).forEach(function (id) {
      var minZoom = id.indexOf("st-") === 0 ? 12 : (id === "pl-places" ? 14 : null);
      if (minZoom === null || zoom < minZoom || !map.hasLayer(self.layers[id])) return;
      self.layers[id].eachLayer(function (lyr) {
        var p = lyr.feature && lyr.feature.properties;
        if (!p || !p.label_at || !p.name) return;
        var pt = map.latLngToContainerPoint(p.label_at);
        if (pt.x < 0 || pt.y < 0 || pt.x > size.x || pt.y > size.y) return;
        var w = 13 * p.name.length + 8, h = 18;
        var box = { x0: pt.x - w / 2, x1: pt.x + w / 2, y0: pt.y - h / 2, y1: pt.y + h / 2 };
        if (placed.some(function (b) { return b.x0 < box.x1 && box.x0 < b.x1 && b.y0 < box.y1 && box.y0 < b.y1; })) return;
        placed.push(box);
        var text = el("span", { className: "pm-label-text" }, p.name);
        text.style.color = lyr.options.color || "#333";
        L.marker(p.label_at, {
          pane: "pmLabels", interactive: false, keyboard: false,
          icon: L.divIcon({ className: "pm-label", html: text, iconSize: null, iconAnchor: [w / 2, h / 2] })
        }).addTo(self.labelLayer);
      });
    });
  };

  PlanMap.prototype.visibleLayerIds = function () {
    var self = this;
    return Object.keys(this.layers).filter(function (id) { return self.map.hasLayer(self.layers[id]); });
  };

  PlanMap.prototype.setLayerVisible = function (layerId, on) {
    var layer = this.layers[layerId];
    if (!layer) return;
    if (on && !this.map.hasLayer(layer)) layer.addTo(this.map);
    if (!on && this.map.hasLayer(layer)) this.map.removeLayer(layer);
    var box = document.querySelector('input[data-layer="' + layerId + '"]');
    if (box) box.checked = on;
    this.renderLegend();
    this.spread();
    this.renderLabels();
    writeState({ layers: this.visibleLayerIds().join(",") });
  };

  PlanMap.prototype.setFilter = function (kind, values) {
    this.filters[kind] = values && values.length ? values : null;
    var self = this;
    Object.keys(this.layers).forEach(function (id) { self.fill(id); });
    this.renderLegend();
    this.renderUnplaced();
    this.spread();
    this.renderLabels();
    var update = {};
    update["f_" + kind] = this.filters[kind] ? this.filters[kind].join(",") : null;
    writeState(update);
  };

  PlanMap.prototype.saveView = function () {
    var c = this.map.getCenter();
    writeState({ view: c.lat.toFixed(5) + "," + c.lng.toFixed(5) + "," + this.map.getZoom() });
  };

  // A shared link's `view` is kept as given (centre and zoom); `sel` then
  // only opens its popup on its feature, panning just enough to show it whole.
  PlanMap.prototype.restoreView = function (state) {
    var view = null;
    if (state.view) {
      var p = state.view.split(",").map(Number);
      if (p.length === 3 && p.every(isFinite)) view = p;
    }
    if (view) this.map.setView([view[0], view[1]], view[2], { animate: false });
    if (state.sel && (this.index[state.sel] || this.unplaced[state.sel])) {
      this.keepView = !!view;
      this.select(state.sel, { fly: false, open: true, keepView: !!view });
    }
  };

  PlanMap.prototype.boundsOf = function (lyr) {
    if (lyr.getBounds) return lyr.getBounds();
    var ll = lyr.getLatLng();
    return L.latLngBounds(ll, ll);
  };

  // Select a feature: show its layer, fly to it, open its popup, put it in the URL.
  // The popup opens once the map has stopped moving, so it is anchored to
  // the feature where it finally is (opened mid-flight it drifts off).
  PlanMap.prototype.select = function (featureId, opts) {
    opts = opts || {};
    var self = this, map = this.map;
    if (!this.index[featureId] && this.unplaced[featureId]) return this.showUnplaced(featureId);
    var hit = this.index[featureId];
    if (!hit) return false;
    this.selected = featureId;
    if (this.hideCard) this.hideCard();
    if (!map.hasLayer(this.layers[hit.layerId])) this.setLayerVisible(hit.layerId, true);
    hit = this.index[featureId];  // the layer may have been refilled
    var open = function () { if (opts.open !== false && hit.layer.openPopup) hit.layer.openPopup(); };
    var b = this.boundsOf(hit.layer);
    var area = b.isValid() && !b.getNorthEast().equals(b.getSouthWest());
    if (opts.fly !== false) {
      map.closePopup();
      map.once("moveend", function () { self.spread(); hit = self.index[featureId]; open(); });
      if (area) map.flyToBounds(b, { maxZoom: 15, duration: 0.6 });
      else map.flyTo(b.getCenter(), Math.max(map.getZoom(), 15), { duration: 0.6 });
    } else {
      if (opts.open && !opts.keepView) {
        if (area) map.fitBounds(b, { maxZoom: 15, animate: false });
        else map.setView(b.getCenter(), 15, { animate: false });
        this.spread();
      }
      open();
    }
    writeState({ sel: featureId });
    return true;
  };

  // ---- controls -----------------------------------------------------------
  PlanMap.prototype.addPanel = function () {
    var self = this, data = this.data, t = data.labels;
    var Panel = L.Control.extend({
      options: { position: "topright" },
      onAdd: function () {
        var root = el("div", { className: "pm-panel leaflet-bar" });
        self.panelRoot = root;
        L.DomEvent.disableClickPropagation(root);
        L.DomEvent.disableScrollPropagation(root);
        var toggle = el("button", { className: "pm-panel-toggle", type: "button", title: t.layers }, "☰ " + t.layers);
        var body = el("div", { className: "pm-panel-body" });
        toggle.addEventListener("click", function () { root.classList.toggle("pm-collapsed"); });
        root.appendChild(toggle);
        root.appendChild(body);
        data.groups.forEach(function (group) {
          var fs = el("fieldset", { className: "pm-group" });
          fs.appendChild(el("legend", null, group.label));
          group.layers.forEach(function (layerId) {
            var def = self.defs[layerId];
            if (!def) return;
            var label = el("label", { className: "pm-layer" });
            var box = el("input", { type: "checkbox", "data-layer": layerId });
            box.checked = self.map.hasLayer(self.layers[layerId]);
            box.addEventListener("change", function () { self.setLayerVisible(layerId, box.checked); });
            var swatch = el("span", { className: "pm-swatch" });
            swatch.style.background = def.color || "#888";
            label.appendChild(box);
            label.appendChild(swatch);
            label.appendChild(el("span", null, def.label + " "));
            label.appendChild(el("span", { className: "pm-layer-count", "data-layer-count": layerId }));
            fs.appendChild(label);
          });
          body.appendChild(fs);
        });
        data.filters.forEach(function (filter) {
          var fs = el("fieldset", { className: "pm-group pm-filter" });
          fs.appendChild(el("legend", null, filter.label));
          var current = self.filters[filter.kind];
          filter.options.forEach(function (opt) {
            var label = el("label", { className: "pm-layer" });
            var box = el("input", { type: "checkbox", "data-filter": filter.kind, value: opt.value });
            box.checked = !current || current.indexOf(opt.value) >= 0;
            box.addEventListener("change", function () {
              var boxes = fs.querySelectorAll("input[type=checkbox]");
              var on = [];
              boxes.forEach(function (b) { if (b.checked) on.push(b.value); });
              self.setFilter(filter.kind, on.length === boxes.length ? null : on);
            });
            label.appendChild(box);
            label.appendChild(el("span", null, opt.label));
            fs.appendChild(label);
          });
          body.appendChild(fs);
        });
        if (data.basemaps) body.appendChild(self.basemapChoice(data.basemaps));
        self.unplacedRoot = el("fieldset", { className: "pm-group pm-unplaced" });
        body.appendChild(self.unplacedRoot);
        self.renderUnplaced();
        Object.keys(self.layers).forEach(function (id) { self.fill(id); });
        return root;
      }
    });
    this.panel = new Panel().addTo(this.map);
  };

  // The basemap is the page's choice (`?tiles=`): the page reloads with it, keeping
  // the URL's other state (language, layers, view), so a shared link shows the same.
  PlanMap.prototype.basemapChoice = function (choice) {
    var fs = el("fieldset", { className: "pm-group pm-basemap" });
    fs.appendChild(el("legend", null, choice.label));
    choice.options.forEach(function (opt) {
      var label = el("label", { className: "pm-layer" });
      var radio = el("input", { type: "radio", name: "pm-basemap", "data-basemap": opt.value, value: opt.value });
      radio.checked = opt.value === choice.current;
      radio.addEventListener("change", function () {
        writeState({ tiles: opt.value === "none" ? null : opt.value });
        stateWindow().location.reload();
      });
      label.appendChild(radio);
      label.appendChild(el("span", null, opt.label));
      fs.appendChild(label);
    });
    return fs;
  };

  PlanMap.prototype.addLegend = function () {
    var self = this;
    var Legend = L.Control.extend({
      options: { position: "bottomright" },
      onAdd: function () {
        self.legendRoot = el("div", { className: "pm-legend" });
        L.DomEvent.disableClickPropagation(self.legendRoot);
        L.DomEvent.disableScrollPropagation(self.legendRoot);
        self.renderLegend();
        return self.legendRoot;
      }
    });
    this.legend = new Legend().addTo(this.map);
  };

  // The legend lists exactly what is drawn: one row per distinct style among
  // the visible layers' drawn (filtered) features, with a swatch drawn in SVG
  // by the same style (line, area or dot; colour, opacity, dashes), then what
  // solid, dashed and grey mean.
  var SVGNS = "http://www.w3.org/2000/svg";
  function swatch(shape, o) {
    var svg = document.createElementNS(SVGNS, "svg");
    svg.setAttribute("width", "24"); svg.setAttribute("height", "14"); svg.setAttribute("class", "pm-legend-sym");
    var node;
    if (shape === "line") {
      node = document.createElementNS(SVGNS, "line");
      node.setAttribute("x1", "1"); node.setAttribute("y1", "7"); node.setAttribute("x2", "23"); node.setAttribute("y2", "7");
    } else if (shape === "area") {
      node = document.createElementNS(SVGNS, "rect");
      node.setAttribute("x", "2"); node.setAttribute("y", "2"); node.setAttribute("width", "20"); node.setAttribute("height", "10");
    } else {
      node = document.createElementNS(SVGNS, "circle");
      node.setAttribute("cx", "12"); node.setAttribute("cy", "7"); node.setAttribute("r", "4.5");
    }
    node.setAttribute("stroke", o.color);
    node.setAttribute("stroke-opacity", o.opacity);
    node.setAttribute("stroke-width", Math.min(o.weight || 2, 6));
    if (o.dashArray) node.setAttribute("stroke-dasharray", o.dashArray);
    node.setAttribute("fill", shape === "line" ? "none" : (o.fillColor || o.color));
    if (shape !== "line") node.setAttribute("fill-opacity", o.fillOpacity);
    svg.appendChild(node);
    return svg;
  }

  // The drawn leaves of a layer: a feature whose geometry is a collection is a
  // group of paths, each styled on its own.
  function leaves(layer, out) {
    layer.eachLayer(function (lyr) {
      if (lyr.eachLayer && !lyr.setStyle) leaves(lyr, out);
      else if (lyr.eachLayer && lyr.options && lyr.options.color === undefined) leaves(lyr, out);
      else out.push({ lyr: lyr, feature: lyr.feature || layer.feature });
    });
    return out;
  }

  PlanMap.prototype.legendRows = function () {
    var self = this, rows = [];
    this.data.layers.forEach(function (def) {
      var layer = self.layers[def.id];
      if (!self.map.hasLayer(layer)) return;
      var mine = [], byKey = {};
      leaves(layer, []).forEach(function (leaf) {
        var lyr = leaf.lyr, o = lyr.options, p = (leaf.feature || {}).properties || {};
        var shape = lyr.getLatLng ? "dot" : (lyr instanceof L.Polygon ? "area" : "line");
        var key = [shape, o.color, o.dashArray || "", o.opacity, o.fillOpacity, o.weight].join("|");
        if (byKey[key]) { if (byKey[key].names.indexOf(p.name) < 0) byKey[key].names.push(p.name); return; }
        byKey[key] = { layer: def.id, shape: shape, style: o, part: p.part, names: [p.name],
                       precision: self.data.precision_labels[p.precision] || p.precision };
        mine.push(byKey[key]);
      });
      mine.forEach(function (r) {
        var q = mine.length > 1 ? (r.part || r.precision) : "";
        var twin = mine.some(function (o) { return o !== r && (o.part || o.precision) === (r.part || r.precision); });
        if (q && twin) q += "：" + r.names.slice(0, 3).join("、") + (r.names.length > 3 ? "…" : "");
        r.label = def.label + (q ? " · " + q : "");
        rows.push(r);
      });
    });
    return rows;
  };

  PlanMap.prototype.renderLegend = function () {
    var self = this, root = this.legendRoot;
    if (!root) return;
    root.textContent = "";
    this.legendRows().forEach(function (r) {
      var row = el("div", { className: "pm-legend-row", "data-legend-layer": r.layer });
      row.appendChild(swatch(r.shape, r.style));
      row.appendChild(el("span", null, r.label));
      root.appendChild(row);
    });
    var generic = {
      line: { color: "#333333", opacity: 0.9, weight: 3 },
      dashed: { color: "#999999", opacity: 0.8, weight: 2, dashArray: "6 5", fillOpacity: 0.1 },
      longdash: { color: "#333333", opacity: 0.9, weight: 3, dashArray: "10 8" },
      hollow: { color: "#999999", opacity: 0.9, weight: 2, dashArray: "3 3", fillOpacity: 0.15 }
    };
    this.data.legend.forEach(function (item) {
      if (item.layer) return;  // layer rows come from the drawing above
      var shape = item.shape === "hollow" ? "dot" : (item.shape === "dashed" ? "area" : "line");
      var row = el("div", { className: "pm-legend-row pm-legend-generic" });
      row.appendChild(swatch(shape, generic[item.shape] || generic.line));
      row.appendChild(el("span", null, item.label));
      root.appendChild(row);
    });
  };

  // Everything searchable: drawn features and the records that are not drawn,
  // each labelled with its layer (or "未定位") and plan; the same name in the
  // same layer and plan is offered once.
  PlanMap.prototype.searchIndex = function () {
    var self = this, data = this.data, t = data.labels, items = [], seen = {};
    function add(id, name, aliases, where, doc) {
      if (!name) return;
      var plan = doc && data.doc_short ? (data.doc_short[doc] || "") : "";
      var key = name + "|" + where + "|" + plan;
      if (seen[key]) return;
      seen[key] = true;
      items.push({ id: id, name: name, where: where, plan: plan, text: (name + " " + (aliases || "")).toLowerCase() });
    }
    this.data.layers.forEach(function (def) {
      def.features.features.forEach(function (f) {
        var p = f.properties;
        if (self.index[p.id]) add(p.id, p.name, p.aliases, def.label, p.doc_id);
      });
    });
    (data.unplaced || []).forEach(function (r) {
      var where = t.pm_unplaced + " · " + (r.kind === "structure" ? r.structure : (r.category_label || t.pm_project));
      add(r.id, r.name, r.kind === "structure" ? r.structure : "", where, r.doc_id);
    });
    return items;
  };

  PlanMap.prototype.search = function (query) {
    var q = (query || "").trim().toLowerCase();
    if (!q) return [];
    return this.searchIndex().filter(function (it) { return it.text.indexOf(q) >= 0; })
      .sort(function (a, b) {
        var ea = a.name.toLowerCase().indexOf(q) === 0 ? 0 : 1, eb = b.name.toLowerCase().indexOf(q) === 0 ? 0 : 1;
        return (ea - eb) || (a.name.length - b.name.length);
      });
  };

  PlanMap.prototype.addSearch = function () {
    var self = this, t = this.data.labels;
    var Search = L.Control.extend({
      options: { position: "topleft" },
      onAdd: function () {
        var root = el("div", { className: "pm-search leaflet-bar" });
        L.DomEvent.disableClickPropagation(root);
        L.DomEvent.disableScrollPropagation(root);
        var input = el("input", { type: "search", placeholder: t.search_placeholder, "aria-label": t.search });
        var list = el("ul", { className: "pm-search-results" });
        root.appendChild(input);
        root.appendChild(list);
        function choose(id) { list.textContent = ""; self.select(id, {}); }
        function show() {
          list.textContent = "";
          var hits = self.search(input.value).slice(0, 12);
          if (input.value.trim() && !hits.length) list.appendChild(el("li", { className: "pm-search-none" }, t.search_none));
          hits.forEach(function (hit) {
            var li = el("li", { "data-id": hit.id });
            li.appendChild(el("span", { className: "pm-search-name" }, hit.name));
            li.appendChild(el("span", { className: "pm-search-where" }, hit.where + (hit.plan ? " · " + hit.plan : "")));
            li.addEventListener("click", function (e) { e.preventDefault(); choose(hit.id); });
            list.appendChild(li);
          });
        }
        input.addEventListener("input", show);
        input.addEventListener("keydown", function (e) {
          if (e.key === "Enter") {
            var hits = self.search(input.value);
            if (hits.length) choose(hits[0].id);
          }
        });
        return root;
      }
    });
    new Search().addTo(this.map);
  };

  // ---- what is not drawn ---------------------------------------------------
  PlanMap.prototype.sourceHref = function (r) {
    if (!this.data.source_url || !r.doc_id || r.start === undefined) return null;
    return this.data.source_url + "?" + new URLSearchParams({ doc: r.doc_id, start: r.start, end: r.end }).toString();
  };

  // The panel section: each structure with parts not drawn (wholly or partly),
  // then each district's projects known only by district, all following the
  // district and plan filters. Every entry opens its card; every structure
  // links to its passage.
  PlanMap.prototype.renderUnplaced = function () {
    var self = this, data = this.data, t = data.labels, root = this.unplacedRoot;
    if (!root) return;
    root.textContent = "";
    root.appendChild(el("legend", null, t.pm_unplaced_group));
    var groups = [], byKey = {};
    (data.unplaced || []).forEach(function (r) {
      if (!self.passes({ district: r.district, doc_id: r.doc_id })) return;
      var key = r.kind === "structure" ? r.doc_id + "|" + r.structure : "projects|" + r.district;
      if (!byKey[key]) { byKey[key] = { key: key, first: r, items: [] }; groups.push(byKey[key]); }
      byKey[key].items.push(r);
    });
    groups.forEach(function (g) {
      var r0 = g.first, details = el("details", { className: "pm-unplaced-item", "data-unplaced": g.key });
      var summary = el("summary");
      var district = (data.filters[0].options.filter(function (o) { return o.value === r0.district; })[0] || {}).label || r0.district;
      if (r0.kind === "structure") {
        summary.appendChild(el("span", { className: "pm-unplaced-name" }, r0.structure));
        summary.appendChild(el("span", { className: "pm-unplaced-what" },
          " · " + (data.doc_short[r0.doc_id] || "") + " · " +
          (r0.partial ? t.pm_unplaced_parts.replace("{n}", g.items.length) : t.pm_unplaced_all) + " "));
        var start = Math.min.apply(null, g.items.map(function (r) { return r.start; }));
        var end = Math.max.apply(null, g.items.map(function (r) { return r.end; }));
        var href = self.sourceHref({ doc_id: r0.doc_id, start: start, end: end });
        if (href) summary.appendChild(el("a", { href: href, target: "_blank", rel: "noopener", className: "pm-unplaced-source" }, t.pm_unplaced));
        else summary.appendChild(el("span", { className: "pm-unplaced-source" }, t.pm_unplaced));
      } else {
        summary.appendChild(el("span", { className: "pm-unplaced-name" },
          t.pm_unplaced_projects.replace("{district}", district).replace("{n}", g.items.length)));
      }
      details.appendChild(summary);
      var list = el("ul");
      g.items.forEach(function (r) {
        var li = el("li");
        var a = el("a", { href: "#", className: "pm-unplaced-link", "data-id": r.id }, r.name);
        a.addEventListener("click", function (e) { e.preventDefault(); self.select(r.id); });
        li.appendChild(a);
        list.appendChild(li);
      });
      details.appendChild(list);
      root.appendChild(details);
    });
  };

  // A card (not a popup: it has no place on the map) for a record not drawn.
  PlanMap.prototype.addCard = function () {
    var self = this;
    var Card = L.Control.extend({
      options: { position: "topleft" },
      onAdd: function () {
        self.cardRoot = el("div", { className: "pm-card leaflet-bar", hidden: "hidden" });
        L.DomEvent.disableClickPropagation(self.cardRoot);
        L.DomEvent.disableScrollPropagation(self.cardRoot);
        return self.cardRoot;
      }
    });
    new Card().addTo(this.map);
    this.hideCard = function () { if (self.cardRoot) { self.cardRoot.hidden = true; self.cardRoot.textContent = ""; } };
  };

  PlanMap.prototype.showUnplaced = function (id) {
    var r = this.unplaced[id], data = this.data, t = data.labels, card = this.cardRoot;
    if (!r || !card) return false;
    this.map.closePopup();
    this.selected = id;
    card.textContent = "";
    var close = el("button", { type: "button", className: "pm-card-close", title: t.pm_close, "aria-label": t.pm_close }, "×");
    close.addEventListener("click", this.hideCard);
    card.appendChild(close);
    card.appendChild(el("div", { className: "pm-popup-title" }, r.name));
    card.appendChild(el("div", { className: "pm-card-badge" }, t.pm_unplaced));
    card.appendChild(el("div", { className: "pm-popup-cat" },
      r.kind === "structure" ? t.pm_structure + " · " + r.structure + (r.part && r.part !== r.name ? " · " + r.part : "")
                             : (r.category_label || t.pm_project)));
    if (r.quote) card.appendChild(el("blockquote", { className: "pm-popup-quote" }, r.quote));
    card.appendChild(el("p", { className: "pm-card-note" }, t.pm_unplaced_note));
    var dl = el("dl", { className: "pm-popup-meta" });
    if (data.docs[r.doc_id]) { dl.appendChild(el("dt", null, t.document)); dl.appendChild(el("dd", null, data.docs[r.doc_id])); }
    if (r.section_path) { dl.appendChild(el("dt", null, t.section)); dl.appendChild(el("dd", null, r.section_path)); }
    dl.appendChild(el("dt", null, t.precision)); dl.appendChild(el("dd", null, data.precision_labels.unlocated));
    card.appendChild(dl);
    var href = this.sourceHref(r);
    if (href) card.appendChild(el("a", { href: href, target: "_blank", rel: "noopener", className: "pm-popup-source" }, t.read_source));
    card.hidden = false;
    writeState({ sel: id });
    return true;
  };

  window.PlanMap = PlanMap;
})();
