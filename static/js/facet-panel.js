// Wide screens show the filter panel unfolded (see .facet-panel in static/src/portal.css); opening the
// <details> says so to assistive technology too. Phones keep it folded until the visitor opens it.
// Loaded with defer from templates/includes/facet_panel.html, so the panels are parsed by now.
(function () {
  if (!window.matchMedia || !window.matchMedia("(min-width: 60em)").matches) return;
  document.querySelectorAll("details.facet-panel").forEach(function (panel) {
    panel.open = true;
  });
})();
