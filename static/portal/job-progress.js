// Polls a job's status and updates its progress bar; the page reloads once the job has finished so that
// the outcome, the errors and the download link appear. Without JavaScript the page refreshes itself.
(function () {
  var box = document.getElementById("job");
  if (!box || box.dataset.finished === "true") return;
  var bar = document.getElementById("job-progress");
  var text = document.getElementById("job-progress-text");
  var status = document.getElementById("job-status");
  function poll() {
    fetch(box.dataset.statusUrl, { credentials: "same-origin" })
      .then(function (response) { return response.json(); })
      .then(function (data) {
        if (data.total) {
          bar.max = data.total;
          bar.value = data.done;
          text.textContent = data.done + " of " + data.total + " rows " + (box.dataset.verb || "checked") + " (" + data.percent + "%)";
        }
        if (status.textContent !== data.status_label) status.textContent = data.status_label;
        if (data.finished) window.location.reload();
        else window.setTimeout(poll, 2000);
      })
      .catch(function () { window.setTimeout(poll, 5000); });
  }
  window.setTimeout(poll, 1000);
})();
