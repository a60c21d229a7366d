// Draws each <div data-figure="ID"> with the plotly figure in <script type="application/json" id="ID">.
// A point or bar whose customdata is a link opens it. The same numbers are on the page as tables,
// so nothing is lost without JavaScript.
(function () {
  function draw() {
    if (!window.Plotly) return;
    document.querySelectorAll("[data-figure]").forEach(function (el) {
      var source = document.getElementById(el.dataset.figure);
      if (!source) return;
      var figure = JSON.parse(source.textContent);
      var layout = Object.assign(
        {
          font: { family: getComputedStyle(document.body).fontFamily, size: 12, color: "#2b3240" },
          paper_bgcolor: "rgba(0,0,0,0)",
          plot_bgcolor: "rgba(0,0,0,0)",
          colorway: ["#1f6f5c", "#c9a227", "#3b6ea8", "#b5523b", "#7a5ea8", "#5fa58f"],
        },
        figure.layout
      );
      Plotly.newPlot(el, figure.data, layout, { displayModeBar: false, responsive: true });
      el.removeAttribute("aria-hidden");
      el.classList.add("drawn");
      el.on("plotly_click", function (event) {
        var link = event.points && event.points[0] && event.points[0].customdata;
        if (typeof link === "string" && link.charAt(0) === "/") window.location.href = link;
      });
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", draw);
  else draw();
})();
