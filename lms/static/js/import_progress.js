// Pages that wait for work in the background (a large trainee import, a prepared download): moves
// the progress bar and reloads the page when the work has finished. The bar is the <progress> with a
// data-status-url (JSON: percent, processed, label, finished); its <label> shows the label. Without
// this file a <noscript> refresh does the same, slower.
(function () {
  "use strict";
  var bar = document.querySelector("progress[data-status-url]");
  if (!bar || !window.fetch) return;
  var url = bar.getAttribute("data-status-url");
  var processed = document.getElementById("import-processed");
  var label = document.querySelector('label[for="' + bar.id + '"]');
  var POLL_SECONDS = 2;

  function poll() {
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (state) {
        if (!state) return; // signed out or gone: stop asking
        bar.value = state.percent;
        bar.textContent = state.percent + " %";
        if (processed) processed.textContent = state.processed;
        if (label) label.textContent = state.label;
        if (state.finished) {
          window.location.reload();
          return;
        }
        setTimeout(poll, POLL_SECONDS * 1000);
      })
      .catch(function () { setTimeout(poll, POLL_SECONDS * 5000); }); // a dropped connection: wait longer
  }

  setTimeout(poll, POLL_SECONDS * 1000);
})();
