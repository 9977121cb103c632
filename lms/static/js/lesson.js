// Lesson page, progressively enhanced: everything works without this file.
// - records reading time with a light heartbeat while the page is visible;
// - marks the lesson complete when the learner reaches its end.
(function () {
  "use strict";
  var lesson = document.querySelector("article.lesson[data-lesson-id]");
  if (!lesson || !window.fetch) return;
  var id = lesson.getAttribute("data-lesson-id");
  var tokenInput = document.querySelector(".complete-form input[name=csrfmiddlewaretoken]");
  var token = tokenInput ? tokenInput.value : "";
  var HEARTBEAT_SECONDS = 30;

  function post(path, body) {
    return fetch("/api/v1/lessons/" + id + "/" + path, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": token },
      body: JSON.stringify(body || {}),
    });
  }

  setInterval(function () {
    if (document.visibilityState === "visible") post("heartbeat", { seconds: HEARTBEAT_SECONDS }).catch(function () {});
  }, HEARTBEAT_SECONDS * 1000);

  var end = document.getElementById("lesson-end");
  if (end && "IntersectionObserver" in window && lesson.getAttribute("data-complete") !== "true") {
    var observer = new IntersectionObserver(function (entries) {
      if (!entries.some(function (entry) { return entry.isIntersecting; })) return;
      observer.disconnect();
      post("complete").then(function (response) {
        if (!response.ok) return;
        lesson.setAttribute("data-complete", "true");
        var state = document.getElementById("lesson-state");
        if (state) {
          state.textContent = "✓ " + (state.getAttribute("data-done") || state.textContent);
          state.classList.add("state-complete");
        }
      }).catch(function () {
        // No connection: offline.js keeps it to send when the connection returns.
        if (window.CascadeOffline && window.CascadeOffline.queueLesson) window.CascadeOffline.queueLesson();
      });
    });
    observer.observe(end);
  }
})();
