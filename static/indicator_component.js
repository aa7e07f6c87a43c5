/*
 * The indicators page's map in the app's own page (ui/indicator_component.py),
 * with no iframe. Python (view/indicator_map.py) decides every class, colour
 * and legend row; this file only draws them: the faint districts without a
 * plan, the plan districts in their colours or hatched "no data", the place
 * figures as circles, and the legend. Every text from a plan goes in with
 * textContent, never as HTML.
 */
(function () {
  "use strict";

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function tooltip(props, title) {
    var box = el("div", "ind-tooltip");
    box.appendChild(el("b", null, props.name));
    box.appendChild(el("div", null, title + ": " + props.shown));
    return box;
  }

  function legend(data) {
    var box = el("div", "indicator-legend");
    box.appendChild(el("b", null, data.title));
    data.legend.items.forEach(function (item) {
      var row = el("div", "legend-item");
      row.setAttribute("data-adcode", item.adcode);
      row.setAttribute("data-fill", item.fill);
      var swatch = el("span", item.fill ? "swatch" : "swatch nodata");
      if (item.fill) swatch.style.background = item.fill;
      row.appendChild(swatch);
      row.appendChild(document.createTextNode(item.name + ": " + item.shown));
      box.appendChild(row);
    });
    var none = el("div", "legend-nodata");
    none.appendChild(el("span", "swatch nodata"));
    none.appendChild(document.createTextNode(data.legend.no_data));
    box.appendChild(none);
    if (data.legend.note) box.appendChild(el("div", "legend-note", data.legend.note));
    L.DomEvent.disableClickPropagation(box);
    L.DomEvent.disableScrollPropagation(box);
    return box;
  }

  function figures(map, data) {
    var style = data.styles.figure;
    data.figures.points.forEach(function (p) {
      var marker = L.circleMarker([p.lat, p.lon], style).addTo(map);
      marker.bindTooltip(el("span", null, p.text));
      var popup = el("div", "ind-popup");
      popup.appendChild(document.createTextNode(p.text));
      popup.appendChild(document.createElement("br"));
      var link = el("a", null, data.figures.source);
      link.href = p.href;
      link.target = "_blank";
      link.rel = "noopener";
      popup.appendChild(link);
      marker.bindPopup(popup, { maxWidth: 300 });
    });
  }

  /** Draw the map into `parent`; `data` from `view.indicator_map.indicator_map_data`. Returns a function that removes it. */
  function mount(parent, data) {
    var node = el("div", "pm-component-map ind-map");
    parent.appendChild(node);
    var map = L.map(node, { center: data.center, zoom: data.zoom, zoomControl: true });
    L.control.scale().addTo(map);
    var context = data.styles.context;
    // Not clickable: the faint districts must never catch a hover meant for a coloured one.
    L.geoJSON(data.context, { style: function () { return context; }, interactive: false }).addTo(map);
    var styles = data.styles;
    var styleOf = function (feature) {
      var fill = feature.properties.fill;
      return fill ? L.extend({}, styles.value, { fillColor: fill }) : styles.no_data;
    };
    var districts = L.geoJSON(data.districts, {
      style: styleOf,
      onEachFeature: function (feature, layer) {
        layer.bindTooltip(tooltip(feature.properties, data.title), { sticky: true });
        layer.on("mouseover", function () { layer.setStyle({ weight: 4 }); });
        layer.on("mouseout", function () { layer.setStyle(styleOf(feature)); });
      }
    }).addTo(map);
    figures(map, data);
    var bounds = districts.getBounds();
    if (bounds.isValid()) map.fitBounds(bounds, { padding: [20, 20], animate: false });
    node.appendChild(legend(data));
    window.indicatormap = map;  // for tests and debugging
    return function () {
      map.remove();
      if (window.indicatormap === map) window.indicatormap = undefined;
      node.remove();
    };
  }

  window.indicatorComponent = { mount: mount };
})();
