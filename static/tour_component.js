/*
 * A presenter tour in the app's own page (ui/tour_component.py), with no
 * iframe: the planner's map is drawn by `planmapComponent.mount`
 * (static/planmap_component.js, which sets `window.planmap`), then
 * `PlanTour` (static/tour.js) steps through the tour on it. Stepping never
 * leaves the browser, so the script does not rerun and the map is not rebuilt.
 */
(function () {
  "use strict";

  /** Draw the map and its tour into `parent`; `data`: {payload, base, tour}. Returns a function that removes both. */
  function mount(parent, data) {
    var unmount = window.planmapComponent.mount(parent, data, null);
    var tour;
    try {
      tour = new window.PlanTour(window.planmap, data.tour);
    } catch (err) {
      unmount();
      throw err;
    }
    return function () {
      tour.destroy();
      unmount();
    };
  }

  window.tourComponent = { mount: mount };
})();
