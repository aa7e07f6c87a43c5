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
    this.renderer = L.canvas({ padding: 0.3, tolerance: 4 });
    var state = readState();
    this.restoreFilters(state);
    this.build(state);
    this.addPanel();
    this.addLegend();
    this.addSearch();
    this.restoreView(state);
    var self = this;
    map.on("moveend", function () { self.saveView(); });
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
    if (f.district && props.district && f.district.indexOf(props.district) < 0) return false;
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
          lyr.bindPopup(function () { return popupContent(self, f.properties); }, { maxWidth: 360 });
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
    writeState({ layers: this.visibleLayerIds().join(",") });
  };

  PlanMap.prototype.setFilter = function (kind, values) {
    this.filters[kind] = values && values.length ? values : null;
    var self = this;
    Object.keys(this.layers).forEach(function (id) { self.fill(id); });
    var update = {};
    update["f_" + kind] = this.filters[kind] ? this.filters[kind].join(",") : null;
    writeState(update);
  };

  PlanMap.prototype.saveView = function () {
    var c = this.map.getCenter();
    writeState({ view: c.lat.toFixed(5) + "," + c.lng.toFixed(5) + "," + this.map.getZoom() });
  };

  PlanMap.prototype.restoreView = function (state) {
    if (state.sel && this.index[state.sel]) {
      this.select(state.sel, { fly: false, open: true });
      return;
    }
    if (state.view) {
      var p = state.view.split(",").map(Number);
      if (p.length === 3 && p.every(isFinite)) this.map.setView([p[0], p[1]], p[2], { animate: false });
    }
  };

  PlanMap.prototype.boundsOf = function (lyr) {
    if (lyr.getBounds) return lyr.getBounds();
    var ll = lyr.getLatLng();
    return L.latLngBounds(ll, ll);
  };

  // Select a feature: show its layer, fly to it, open its popup, put it in the URL.
  PlanMap.prototype.select = function (featureId, opts) {
    opts = opts || {};
    var hit = this.index[featureId];
    if (!hit) return false;
    this.selected = featureId;
    if (!this.map.hasLayer(this.layers[hit.layerId])) this.setLayerVisible(hit.layerId, true);
    var b = this.boundsOf(hit.layer);
    if (opts.fly !== false) {
      if (b.isValid() && !b.getNorthEast().equals(b.getSouthWest())) this.map.flyToBounds(b, { maxZoom: 15, duration: 0.6 });
      else this.map.flyTo(b.getCenter(), 15, { duration: 0.6 });
    } else if (opts.open) {
      if (b.isValid() && !b.getNorthEast().equals(b.getSouthWest())) this.map.fitBounds(b, { maxZoom: 15, animate: false });
      else this.map.setView(b.getCenter(), 15, { animate: false });
    }
    if (opts.open !== false && hit.layer.openPopup) hit.layer.openPopup();
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
            label.appendChild(el("span", null, def.label + " (" + def.features.features.length + ")"));
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
        return root;
      }
    });
    this.panel = new Panel().addTo(this.map);
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

  // The legend lists exactly what is drawn: the visible layers, then what
  // solid, dashed and grey mean.
  PlanMap.prototype.renderLegend = function () {
    var self = this, root = this.legendRoot;
    if (!root) return;
    root.textContent = "";
    this.data.legend.forEach(function (item) {
      if (item.layer && !self.map.hasLayer(self.layers[item.layer])) return;
      var row = el("div", { className: "pm-legend-row", "data-legend-layer": item.layer || "" });
      var sym = el("span", { className: "pm-legend-sym pm-legend-" + (item.shape || "box") });
      if (item.shape === "line" || item.shape === "dashed") sym.style.borderTopColor = item.color;
      else { sym.style.background = item.color; sym.style.borderColor = item.color; }
      row.appendChild(sym);
      row.appendChild(el("span", null, item.label));
      root.appendChild(row);
    });
  };

  PlanMap.prototype.searchIndex = function () {
    var items = [];
    var self = this;
    Object.keys(this.index).forEach(function (id) {
      var p = self.index[id].feature.properties;
      items.push({ id: id, name: p.name, text: (p.name + " " + (p.aliases || "")).toLowerCase() });
    });
    return items;
  };

  PlanMap.prototype.search = function (query) {
    var q = (query || "").trim().toLowerCase();
    if (!q) return [];
    return this.searchIndex().filter(function (it) { return it.text.indexOf(q) >= 0; })
      .sort(function (a, b) { return a.name.length - b.name.length; });
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
        function show() {
          list.textContent = "";
          var hits = self.search(input.value).slice(0, 12);
          if (input.value.trim() && !hits.length) list.appendChild(el("li", { className: "pm-search-none" }, t.search_none));
          hits.forEach(function (hit) {
            var li = el("li", { "data-id": hit.id }, hit.name);
            li.addEventListener("click", function () { self.select(hit.id, {}); list.textContent = ""; });
            list.appendChild(li);
          });
        }
        input.addEventListener("input", show);
        input.addEventListener("keydown", function (e) {
          if (e.key === "Enter") {
            var hits = self.search(input.value);
            if (hits.length) { self.select(hits[0].id, {}); list.textContent = ""; }
          }
        });
        return root;
      }
    });
    new Search().addTo(this.map);
  };

  window.PlanMap = PlanMap;
})();
