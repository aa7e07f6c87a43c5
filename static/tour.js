/*
 * Presenter tours on top of the planner's map (`window.planmap`, from planmap.js).
 *
 * A step changes only what is on the existing map: which layers are shown,
 * which features are highlighted, and where the view flies. The map is never
 * rebuilt, so stepping does not flicker. Keys: ArrowRight / PageDown next,
 * ArrowLeft / PageUp previous (what presentation clickers send), Home /
 * End first / last, P presenter layout, Escape leaves it. The URL carries
 * `?tour=ID&step=N`. All text is set with textContent, never innerHTML.
 *
 * The same file runs in the exported page, in the app's page itself (the
 * in-page component, static/tour_component.js: the URL and full screen are
 * then the page's own, and `destroy` lets a rerun replace the tour), and in an
 * iframe (the URL is the parent page's).
 */
(function () {
  "use strict";

  var HIGHLIGHT = { color: "#e11d48", weight: 6, opacity: 1, fillColor: "#e11d48", fillOpacity: 0.15 };
  var SAVED_KEYS = ["color", "weight", "opacity", "fillColor", "fillOpacity"];
  var NEXT_KEYS = { ArrowRight: 1, PageDown: 1 };
  var PREV_KEYS = { ArrowLeft: 1, PageUp: 1 };

  // planmap.js owns these helpers; in the app it may load after this file,
  // so they are looked up when called.
  function dom(name) {
    return function () { return window.planmapDom[name].apply(null, arguments); };
  }
  var el = dom("el");
  var hostWindow = dom("hostWindow");
  var writeUrl = dom("writeUrl");

  function urlFlag(name) {
    try { return new URLSearchParams(hostWindow().location.search).get(name) === "1"; } catch (e) { return false; }
  }

  function urlStep(tourId) {
    try {
      var params = new URLSearchParams(hostWindow().location.search);
      if (params.has("tour") && params.get("tour") !== tourId) return null;
      var n = parseInt(params.get("step"), 10);
      return isFinite(n) ? n : null;
    } catch (e) { return null; }
  }

  // Leaflet paths inside a feature layer (a GeometryCollection is a group).
  function eachPath(lyr, fn) {
    if (lyr.eachLayer && !lyr.setLatLngs && !lyr.getLatLng) lyr.eachLayer(function (child) { eachPath(child, fn); });
    else if (lyr.setStyle) fn(lyr);
  }

  function PlanTour(planmap, data) {
    this.pm = planmap;
    this.map = planmap.map;
    this.data = data;
    this.steps = data.steps;
    this.current = 0;
    this.highlighted = [];
    this.presenterOn = false;
    this.buildPanel();
    this.bindKeys();
    var start = urlStep(data.id) || data.start_step || 1;
    this.go(start, { animate: false });
    // The app's iframe may still be sizing itself when this runs, presenter
    // mode resizes the map, and until the tour's stylesheet applies the panel
    // spans the whole map (the fit then leaves no room and zooms right in):
    // refit the current step whenever the map's or the panel's box changes.
    var self = this, container = this.map.getContainer(), panel = this.panel, last = "";
    function refit() {
      var size = [container.clientWidth, container.clientHeight, panel.offsetWidth].join("x");
      if (size === last || !container.clientWidth) return;
      last = size;
      self.map.invalidateSize({ pan: false });
      if (self.current) self.fly(self.steps[self.current - 1], false);
    }
    if (window.ResizeObserver) {
      this.observer = new ResizeObserver(refit);
      this.observer.observe(container);
      this.observer.observe(panel);
    }
    window.addEventListener("resize", refit);
    this.refit = refit;
    // Leaving full screen by the browser's own Escape ends the presenter layout it began.
    this.onFullscreen = function () {
      if (!document.fullscreenElement && self.fullscreenOn) {
        self.fullscreenOn = false;
        if (self.presenterOn) self.presenter(false);
      }
    };
    document.addEventListener("fullscreenchange", this.onFullscreen);
    if (data.presenter || urlFlag("presenter")) this.presenter(true);
    window.plantour = this;  // for tests and debugging
  }

  PlanTour.prototype.buildPanel = function () {
    var self = this, t = this.data.labels;
    var root = el("div", { className: "pt-panel", role: "region", "aria-label": this.data.title });
    L.DomEvent.disableClickPropagation(root);
    L.DomEvent.disableScrollPropagation(root);
    var head = el("div", { className: "pt-head" });
    head.appendChild(el("span", { className: "pt-tour-title" }, this.data.title));
    this.counter = el("span", { className: "pt-counter", "aria-live": "polite" });
    head.appendChild(this.counter);
    root.appendChild(head);
    var progress = el("div", { className: "pt-progress", role: "progressbar", "aria-valuemin": "1",
                               "aria-valuemax": String(this.steps.length) });
    this.bar = el("div", { className: "pt-progress-bar" });
    progress.appendChild(this.bar);
    this.progress = progress;
    root.appendChild(progress);
    this.titleEl = el("h2", { className: "pt-step-title" });
    root.appendChild(this.titleEl);
    this.narrativeEl = el("div", { className: "pt-narrative" });
    root.appendChild(this.narrativeEl);
    this.notesEl = el("aside", { className: "pt-notes" });
    root.appendChild(this.notesEl);
    var buttons = el("div", { className: "pt-buttons" });
    this.prevBtn = el("button", { type: "button", className: "pt-prev", title: "← / Page Up" }, "◀ " + t.prev);
    this.nextBtn = el("button", { type: "button", className: "pt-next", title: "→ / Page Down" }, t.next + " ▶");
    this.presenterBtn = el("button", { type: "button", className: "pt-presenter-toggle", title: "P" }, t.presenter);
    this.prevBtn.addEventListener("click", function () { self.prev(); });
    this.nextBtn.addEventListener("click", function () { self.next(); });
    this.presenterBtn.addEventListener("click", function () { self.presenter(!self.presenterOn, { fullscreen: true }); });
    buttons.appendChild(this.prevBtn);
    buttons.appendChild(this.nextBtn);
    buttons.appendChild(this.presenterBtn);
    root.appendChild(buttons);
    root.appendChild(el("div", { className: "pt-keys" }, t.keys));
    this.map.getContainer().appendChild(root);
    this.map.getContainer().classList.add("pt-has-tour");
    // The layer panel starts folded: the tour decides what is shown.
    if (this.pm.panel && this.pm.panel.getContainer()) this.pm.panel.getContainer().classList.add("pm-collapsed");
    this.panel = root;
  };

  PlanTour.prototype.bindKeys = function () {
    var self = this;
    function onKey(e) {
      var tag = (e.target && e.target.tagName) || "";
      if (/^(INPUT|TEXTAREA|SELECT)$/.test(tag) || e.altKey || e.ctrlKey || e.metaKey) return;
      if (NEXT_KEYS[e.key]) self.next();
      else if (PREV_KEYS[e.key]) self.prev();
      else if (e.key === "Home") self.go(1);
      else if (e.key === "End") self.go(self.steps.length);
      else if (e.key === "p" || e.key === "P") self.presenter(!self.presenterOn);
      else if (e.key === "Escape" && self.presenterOn) self.presenter(false);
      else return;
      e.preventDefault();
    }
    document.addEventListener("keydown", onKey);
    this.onKey = onKey;
    var host = hostWindow();
    if (host !== window) {
      // One listener per page: a rerun of the app replaces the map's iframe.
      try {
        if (host.__planTourKeys) host.document.removeEventListener("keydown", host.__planTourKeys);
        host.__planTourKeys = onKey;
        host.document.addEventListener("keydown", onKey);
      } catch (e) { /* keys then work once the map has focus */ }
    }
  };

  PlanTour.prototype.next = function () { this.go(this.current + 1); };
  PlanTour.prototype.prev = function () { this.go(this.current - 1); };

  PlanTour.prototype.go = function (n, opts) {
    opts = opts || {};
    n = Math.max(1, Math.min(this.steps.length, n | 0));
    if (n === this.current && !opts.force && opts.animate !== false) return;
    this.current = n;
    var step = this.steps[n - 1];
    this.showLayers(step);
    this.highlight(step.highlight);
    this.render(step);
    this.fly(step, opts.animate !== false);
    writeUrl({ tour: this.data.id, step: String(n) });
  };

  PlanTour.prototype.showLayers = function (step) {
    var pm = this.pm, wanted = {};
    step.layers.forEach(function (id) { wanted[id] = true; });
    step.highlight.forEach(function (fid) { var hit = pm.index[fid]; if (hit) wanted[hit.layerId] = true; });
    Object.keys(pm.layers).forEach(function (id) {
      var on = !!wanted[id];
      if (on !== pm.map.hasLayer(pm.layers[id])) pm.setLayerVisible(id, on);
    });
  };

  PlanTour.prototype.highlight = function (ids) {
    var pm = this.pm;
    this.highlighted.forEach(function (fid) {
      var hit = pm.index[fid];
      if (!hit) return;
      eachPath(hit.layer, function (path) {
        if (path._tourSaved) path.setStyle(path._tourSaved);
        if (path._tourRadius) path.setRadius(path._tourRadius);
        delete path._tourSaved; delete path._tourRadius;
      });
    });
    var done = [];
    ids.forEach(function (fid) {
      var hit = pm.index[fid];
      if (!hit) return;
      eachPath(hit.layer, function (path) {
        var saved = {};
        SAVED_KEYS.forEach(function (k) { saved[k] = path.options[k]; });
        path._tourSaved = saved;
        path.setStyle(HIGHLIGHT);
        if (path.setRadius && path.getRadius) { path._tourRadius = path.getRadius(); path.setRadius(path._tourRadius * 1.6); }
        if (path.bringToFront && pm.map.hasLayer(path)) path.bringToFront();
      });
      done.push(fid);
    });
    this.highlighted = done;
  };

  PlanTour.prototype.render = function (step) {
    var data = this.data, t = data.labels, total = this.steps.length, n = this.current;
    this.counter.textContent = t.step + " " + n + " / " + total;
    this.bar.style.width = (100 * n / total).toFixed(1) + "%";
    this.progress.setAttribute("aria-valuenow", String(n));
    this.titleEl.textContent = step.title;
    this.narrativeEl.textContent = "";
    var self = this;
    step.narrative.forEach(function (p) {
      var fig = el("figure", { className: "pt-quote", "data-record": p.record_id });
      fig.appendChild(el("blockquote", null, p.text));
      var cap = el("figcaption", null, [p.doc_title, p.section_path].filter(Boolean).join(" · "));
      if (p.href) {
        cap.appendChild(document.createTextNode(" "));
        cap.appendChild(el("a", { href: p.href, target: "_blank", rel: "noopener" }, t.read_source));
      }
      fig.appendChild(cap);
      self.narrativeEl.appendChild(fig);
    });
    this.narrativeEl.scrollTop = 0;
    this.notesEl.textContent = "";
    this.notesEl.hidden = !step.notes;
    if (step.notes) {
      this.notesEl.appendChild(el("div", { className: "pt-notes-label" }, t.notes));
      this.notesEl.appendChild(el("p", null, step.notes));
    }
    if (step.why) this.notesEl.appendChild(el("p", { className: "pt-why" }, step.why));
    this.prevBtn.disabled = n <= 1;
    this.nextBtn.disabled = n >= total;
  };

  // `settled` turns true when the map has finished moving to the step's view.
  PlanTour.prototype.fly = function (step, animate) {
    var self = this;
    this.settled = false;
    this.map.once("moveend", function () { self.settled = true; });
    var b = L.latLngBounds(step.bounds);
    // Keep the step clear of the panel, but never pad away more than half the map.
    var left = Math.min(this.panel.offsetWidth + 24, this.map.getSize().x / 2);
    var opts = { paddingTopLeft: [left, 24], paddingBottomRight: [24, 24], maxZoom: this.data.max_zoom || 15 };
    if (b.getNorthEast().equals(b.getSouthWest())) {
      // A single point: zoom to a street-level view with the point clear of the panel.
      var zoom = this.data.point_zoom || 14;
      var px = this.map.project(b.getCenter(), zoom).subtract([left / 2, 0]);
      var center = this.map.unproject(px, zoom);
      if (animate) this.map.flyTo(center, zoom, { duration: 0.8 });
      else this.map.setView(center, zoom, { animate: false });
      return;
    }
    if (animate) this.map.flyToBounds(b, L.extend(opts, { duration: 0.8 }));
    else this.map.fitBounds(b, L.extend(opts, { animate: false }));
  };

  // Presenter layout: map controls and buttons hidden, large text. Entering it
  // from the button also asks for full screen (a click is a user gesture).
  PlanTour.prototype.presenter = function (on, opts) {
    this.presenterOn = !!on;
    document.body.classList.toggle("pt-presenter", this.presenterOn);
    this.presenterBtn.textContent = this.presenterOn ? this.data.labels.presenter_exit : this.data.labels.presenter;
    writeUrl({ presenter: this.presenterOn ? "1" : "0" });
    if (opts && opts.fullscreen) this.fullscreen(this.presenterOn);
    var self = this;
    setTimeout(function () { self.map.invalidateSize(); }, 50);
  };

  // The map's iframe when the map is in one, else the map's own box (the panel is inside it).
  PlanTour.prototype.fullscreen = function (on) {
    try {
      var frame = window.frameElement;
      var target = frame || this.map.getContainer();
      this.fullscreenOn = !!on;
      var doc = frame ? frame.ownerDocument : document;
      var done = function () {};
      if (on && target.requestFullscreen && !doc.fullscreenElement) {
        var p = target.requestFullscreen();
        if (p && p.catch) p.catch(done);
      } else if (!on && doc.fullscreenElement && doc.exitFullscreen) {
        var q = doc.exitFullscreen();
        if (q && q.catch) q.catch(done);
      }
    } catch (e) { /* full screen is a nicety; the layout change stands without it */ }
  };

  /** Remove the tour's panel and listeners from the page; the map itself is its owner's to remove. */
  PlanTour.prototype.destroy = function () {
    document.removeEventListener("keydown", this.onKey);
    document.removeEventListener("fullscreenchange", this.onFullscreen);
    window.removeEventListener("resize", this.refit);
    if (this.observer) this.observer.disconnect();
    if (this.fullscreenOn && document.fullscreenElement && document.exitFullscreen) {
      var p = document.exitFullscreen();
      if (p && p.catch) p.catch(function () {});
    }
    document.body.classList.remove("pt-presenter");
    this.highlight([]);
    if (this.panel) this.panel.remove();
    this.map.getContainer().classList.remove("pt-has-tour");
    if (window.plantour === this) window.plantour = undefined;
  };

  window.PlanTour = PlanTour;
})();
