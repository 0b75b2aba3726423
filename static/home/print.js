// The offer page's "Print this page" button: shown only when script runs (without it, the browser's own print
// works). Collapsed sections are opened for the printout so nothing is left off paper.
(function () {
  var button = document.querySelector("[data-print-page]");
  if (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  }
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details.offer__details").forEach(function (d) { d.open = true; });
  });
})();
