/* Plan map on every screen: the map sized to the window, and a phone layout.
 *
 * Loaded into every map's iframe before the map is made (view/screens.py), it
 * hooks into each Leaflet map as it is created, so planmap.js stays as it is:
 *
 * - Height: streamlit-folium gives the iframe a fixed height (its
 *   `Streamlit.setFrameHeight(height)` on every render). Here that call is
 *   wrapped so the iframe gets the height left in the window below its top
 *   (never less than MIN_PX), and the map fills the iframe (100vh inside it),
 *   so a projector's full screen or a small laptop screen shows the whole map.
 * - Narrow maps (phones): the layer panel and the legend start collapsed
 *   behind buttons; popups are no wider than the map and pan clear of the
 *   controls, which are hidden while a popup is open.
 */
(function () {
  "use strict";
  if (!window.L || !L.Map) return;
  var MIN_PX = 320, BOTTOM_GAP_PX = 24, NARROW_PX = 600, PHONE_SHARE = 0.65;

  function parentWindow() {
    try { return window.frameElement ? window.parent : null; } catch (e) { return null; }
  }

  function scroller(node) {
    for (var n = node && node.parentElement; n; n = n.parentElement) {
      var s = n.ownerDocument.defaultView.getComputedStyle(n);
      if (/(auto|scroll)/.test(s.overflowY) && n.scrollHeight > n.clientHeight) return n;
    }
    return null;
  }

  /** The iframe height (or, given `frame` and `top`, an in-page map's) that ends the map just above the window's bottom edge. */
  function fittedHeight(fallback, frame, top) {
    top = top || parentWindow();
    frame = frame || window.frameElement;
    if (!top || !frame) return fallback;
    var box = scroller(frame), offset = frame.getBoundingClientRect().top + (box ? box.scrollTop : top.scrollY);
    if (box) offset -= box.getBoundingClientRect().top;
    var viewport = box ? box.clientHeight : top.innerHeight;
    var height = viewport - offset - BOTTOM_GAP_PX;
    // On a phone a strip of page stays in view beside the map, for the finger to scroll the page by.
    if (frame.clientWidth <= NARROW_PX) height = Math.min(height, viewport * PHONE_SHARE);
    return Math.max(MIN_PX, Math.round(height));
  }

  function wrapFrameHeight() {
    var lib = window.Streamlit;
    if (!lib || !lib.setFrameHeight || lib.pmFitted) return;
    var original = lib.setFrameHeight;
    lib.pmFitted = true;
    lib.setFrameHeight = function (height) { return original.call(lib, fittedHeight(height)); };
    var top = parentWindow();
    if (top) top.addEventListener("resize", function () { lib.setFrameHeight(); });
    lib.setFrameHeight();
  }

  function narrow(map) { return map.getContainer().clientWidth <= NARROW_PX; }

  /** A button that hides `box`'s content on a narrow map until pressed. */
  function collapsible(box, label) {
    if (box.pmScreen) return;
    box.pmScreen = true;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "pm-screen-toggle";
    button.textContent = label;
    button.addEventListener("click", function (e) {
      e.stopPropagation();
      box.classList.toggle("pm-screen-collapsed");
    });
    L.DomEvent.disableClickPropagation(button);
    box.insertBefore(button, box.firstChild);
    box.classList.add("pm-screen-collapsed");
  }

  function phoneControls(map) {
    if (!narrow(map)) return;
    var root = map.getContainer();
    Array.prototype.forEach.call(root.querySelectorAll(".pm-panel"), function (panel) {
      panel.classList.add("pm-collapsed");  // planmap.js's own collapsed state
    });
    var english = /Layers/.test((root.querySelector(".pm-panel-toggle") || {}).textContent || "");
    Array.prototype.forEach.call(root.querySelectorAll(".pm-legend, .indicator-legend"), function (legend) {
      collapsible(legend, english ? "Legend" : "图例");
    });
  }

  function fitPopups(map) {
    map.on("popupopen", function (e) {
      var size = map.getSize(), popup = e.popup, o = popup.options;
      var width = Math.max(160, size.x - 48);
      if (o.maxWidth > width || o.minWidth > width || !o.pmFitted) {
        o.pmFitted = true;
        o.maxWidth = Math.min(o.maxWidth || width, width);
        o.minWidth = Math.min(o.minWidth || 50, width);
        o.maxHeight = Math.min(o.maxHeight || Infinity, Math.max(120, Math.round(size.y * 0.6)));
        // Only on a phone, where the controls hide while a popup is open; elsewhere the
        // popup's own padding keeps it clear of the search box and the panel.
        if (narrow(map)) {
          o.autoPanPaddingTopLeft = L.point(12, 12);
          o.autoPanPaddingBottomRight = L.point(12, 12);
        }
        popup.update();
      }
      if (narrow(map)) map.getContainer().classList.add("pm-screen-popup-open");
    });
    map.on("popupclose", function () { map.getContainer().classList.remove("pm-screen-popup-open"); });
  }

  // For the in-page map (static/planmap_component.js): the same fitting, in the page's own window.
  window.planmapScreen = { fittedHeight: function (node) { return fittedHeight(MIN_PX, node, window); } };

  L.Map.addInitHook(function () {
    var map = this, root = map.getContainer();
    root.classList.add("pm-screen-fit");
    wrapFrameHeight();
    fitPopups(map);
    // planmap.js builds its panel and legend right after the map; wait for them.
    setTimeout(function () { phoneControls(map); map.invalidateSize(); }, 0);
    if (window.MutationObserver) {
      var seen = new MutationObserver(function () { phoneControls(map); });
      seen.observe(root, { childList: true, subtree: true });
      setTimeout(function () { seen.disconnect(); }, 10000);
    }
  });
})();
