// Quiz attempt page, progressively enhanced: the form works without this file.
// - saves each answer as soon as it changes (PUT /api/v1/attempts/<id>/answers/<question>);
// - while offline, keeps unsaved answers on this device (localStorage) and sends them when the
//   connection returns, before the attempt can be submitted;
// - with offline.js: keeps this attempt's pages on the device when opened online, moves between
//   them offline, and queues a submission made offline with the answers not saved yet; the
//   server saves those answers only if they arrive before the deadline, and marks the attempt;
// - tells, once a submission queued offline is sent, whether the time ran out meanwhile, with the
//   deadline as the server wrote it;
// - counts the time down; the server enforces the limit whatever this shows.
(function () {
  "use strict";
  var form = document.querySelector("form.attempt-form[data-attempt-id]");
  if (!form || !window.fetch) return;
  var attemptId = form.getAttribute("data-attempt-id");
  var token = (form.querySelector("input[name=csrfmiddlewaretoken]") || {}).value || "";
  var state = document.getElementById("save-state");
  var storeKey = "cascade-attempt-" + attemptId;

  function pending() {
    try { return JSON.parse(localStorage.getItem(storeKey) || "{}"); } catch (e) { return {}; }
  }
  function setPending(value) {
    try { localStorage.setItem(storeKey, JSON.stringify(value)); } catch (e) { /* private mode: keep going */ }
  }
  function say(kind) {
    if (state) state.textContent = state.getAttribute("data-" + kind) || "";
  }

  // How to read an answer from the page, named by the data-response attribute that each question
  // type's template puts around its inputs ("kind" or "kind:key"); a new type that reuses one of
  // these kinds needs nothing here.
  var readers = {
    choice: function (holder, name) {
      var checked = holder.querySelector("input[name='" + name + "']:checked");
      return checked ? { choice: checked.value } : null;
    },
    choices: function (holder, name) {
      var values = Array.prototype.map.call(holder.querySelectorAll("input[name='" + name + "']:checked"), function (i) { return i.value; });
      return { choices: values };
    },
    // One field: {key: its text}, or nothing while it is blank.
    field: function (holder, name, key) {
      var text = holder.querySelector("[name='" + name + "']").value;
      if (!text.trim()) return null;
      var response = {};
      response[key] = text;
      return response;
    },
    // Select lists named name-<part>: {key: {part: chosen value}} for those chosen.
    map: function (holder, name, key) {
      var chosen = {};
      holder.querySelectorAll("select").forEach(function (select) {
        if (select.value) chosen[select.name.slice(name.length + 1)] = select.value;
      });
      if (!Object.keys(chosen).length) return null;
      var response = {};
      response[key] = chosen;
      return response;
    },
    order: function (holder, name) {
      var inputs = Array.prototype.slice.call(holder.querySelectorAll("input[type=number]"));
      if (inputs.some(function (i) { return !i.value; })) return null;
      inputs.sort(function (a, b) { return Number(a.value) - Number(b.value); });
      return { order: inputs.map(function (i) { return i.name.slice(name.length + 1); }) };
    },
  };

  // The reverse, for a page opened again before its answers reached the server (a copy kept on
  // the device, opened offline): the inputs show what the learner last gave.
  var writers = {
    choice: function (holder, name, key, response) {
      holder.querySelectorAll("input[name='" + name + "']").forEach(function (i) { i.checked = i.value === response.choice; });
    },
    choices: function (holder, name, key, response) {
      var chosen = response.choices || [];
      holder.querySelectorAll("input[name='" + name + "']").forEach(function (i) { i.checked = chosen.indexOf(i.value) !== -1; });
    },
    field: function (holder, name, key, response) {
      var input = holder.querySelector("[name='" + name + "']");
      if (input && typeof response[key] === "string") input.value = response[key];
    },
    map: function (holder, name, key, response) {
      var chosen = response[key] || {};
      holder.querySelectorAll("select").forEach(function (select) {
        var part = select.name.slice(name.length + 1);
        if (part in chosen) select.value = chosen[part];
      });
    },
    order: function (holder, name, key, response) {
      (response.order || []).forEach(function (id, index) {
        var input = holder.querySelector("input[name='" + name + "-" + id + "']");
        if (input) input.value = String(index + 1);
      });
    },
  };

  function restore() {
    var queue = pending();
    form.querySelectorAll("fieldset.question[data-question-id]").forEach(function (fieldset) {
      var response = queue[fieldset.getAttribute("data-question-id")];
      var holder = fieldset.querySelector("[data-response]");
      if (!response || !holder) return;
      var kind = holder.getAttribute("data-response").split(":");
      var writer = writers[kind[0]];
      if (writer) writer(holder, "q-" + fieldset.getAttribute("data-question-id"), kind[1], response);
    });
  }

  function responseOf(fieldset) {
    var holder = fieldset.querySelector("[data-response]");
    if (!holder) return null;  // a question that takes no answer
    var kind = holder.getAttribute("data-response").split(":");
    var reader = readers[kind[0]];
    return reader ? reader(holder, "q-" + fieldset.getAttribute("data-question-id"), kind[1]) : null;
  }

  function send(questionId, response) {
    return fetch("/api/v1/attempts/" + attemptId + "/answers/" + encodeURIComponent(questionId), {
      method: "PUT",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": token },
      body: JSON.stringify({ response: response }),
    });
  }

  // ``onLoad``: nothing answered yet on this page, so there is nothing to call saved.
  function flush(onLoad) {
    var queue = pending();
    var ids = Object.keys(queue);
    if (!ids.length) { if (onLoad !== true) say("saved"); return Promise.resolve(true); }
    if (!navigator.onLine) { say("offline"); return Promise.resolve(false); }
    say("saving");
    return Promise.all(ids.map(function (id) {
      return send(id, queue[id]).then(function (r) {
        // Saved, or refused for good (time up, bad answer): either way, stop retrying it.
        if (r.ok || r.status === 400 || r.status === 409) {
          var rest = pending(); delete rest[id]; setPending(rest);
        }
        if (r.status === 409) window.location.reload();
        return r.ok;
      });
    })).then(function () {
      var left = Object.keys(pending()).length === 0;
      say(left ? "saved" : "offline");
      return left;
    }).catch(function () { say("offline"); return false; });
  }

  form.addEventListener("change", function (event) {
    var fieldset = event.target.closest("fieldset.question");
    if (!fieldset) return;
    var response = responseOf(fieldset);
    if (!response) return;
    var queue = pending();
    queue[fieldset.getAttribute("data-question-id")] = response;
    setPending(queue);
    flush();
  });

  var offline = window.CascadeOffline && window.CascadeOffline.queueAttemptSubmit ? window.CascadeOffline : null;
  var notice = document.getElementById("offline-submit");
  var pageUrl = form.getAttribute("data-offline-attempt");

  function tell(text, link) {
    if (!notice) return;
    notice.textContent = text;
    if (link) {
      var anchor = document.createElement("a");
      anchor.href = link;
      anchor.textContent = notice.getAttribute("data-result");
      notice.append(" ", anchor);
    }
    notice.hidden = false;
  }
  // Once submitted (queued), the answers can no longer change on this device.
  function close() {
    form.setAttribute("data-closed", "");
    form.querySelectorAll("input, select, textarea, button").forEach(function (control) { control.disabled = true; });
    tell(notice ? notice.getAttribute("data-queued") : "");
  }

  form.addEventListener("submit", function (event) {
    if (navigator.onLine) return;
    var action = event.submitter ? event.submitter.value : "";
    var number = Number(form.getAttribute("data-page-number")) || 1;
    if (offline && pageUrl && (action === "next" || action === "previous")) {
      // Another page of the attempt, kept on this device; the answers stay in localStorage.
      event.preventDefault();
      window.location.assign(pageUrl + "?page=" + (number + (action === "next" ? 1 : -1)));
      return;
    }
    if (offline && pageUrl && action === "submit") {
      event.preventDefault();
      var answers = pending();
      offline.queueAttemptSubmit({
        attemptId: attemptId,
        url: form.getAttribute("data-submit-api"),
        answers: answers,
        pageUrl: pageUrl,
        title: (document.querySelector("h1") || {}).textContent || "",
      }).then(function () {
        setPending({});  // they travel with the submission now
        close();
      });
      return;
    }
    if (Object.keys(pending()).length) {
      event.preventDefault();  // keep the learner on the page until the answers can reach the server
      say("offline");
    }
  });

  if (offline) {
    // offline_quiz.js keeps the attempt's pages with the record "Modules kept for offline" lists.
    var kept = window.CascadeOfflineQuiz || null;
    if (kept) kept.followAnswers(form);
    offline.ready.then(function () {
      return offline.queued();
    }).then(function (items) {
      if (items.some(function (item) { return item.key === "submit:" + attemptId; })) close();
      else if (navigator.onLine) return kept ? kept.keep(form) : offline.keepAttempt(form);
    }).catch(function () { return undefined; });
    document.addEventListener("cascade:sent", function (event) {
      var item = event.detail;
      if (item.kind !== "attempt-submit" || item.attemptId !== String(attemptId)) return;
      var attempt = item.attempt || {};
      if (attempt.late && attempt.deadline_text) {
        // The deadline as the server writes it (its time zone and format, not the device's).
        tell(notice.getAttribute("data-late").replace("{time}", attempt.deadline_text), pageUrl);
      } else {
        tell(notice.getAttribute("data-sent"), pageUrl);
      }
    });
  }

  restore();
  window.addEventListener("online", function () { if (!form.hasAttribute("data-closed")) flush(); });
  window.addEventListener("offline", function () { say("offline"); });
  flush(true);

  var timer = document.querySelector(".timer[data-seconds-left]");
  if (timer) {
    var ends = Date.now() + Number(timer.getAttribute("data-seconds-left")) * 1000;
    // A copy kept on the device and opened offline: its seconds are those of when it was kept.
    var deadline = Date.parse(form.getAttribute("data-deadline") || "");
    if (!navigator.onLine && deadline) ends = deadline;
    var label = timer.getAttribute("data-label");
    var tick = setInterval(function () {
      var left = Math.max(0, Math.round((ends - Date.now()) / 1000));
      var minutes = Math.floor(left / 60), seconds = left % 60;
      timer.textContent = label + ": " + minutes + ":" + (seconds < 10 ? "0" : "") + seconds;
      if (left === 0) {
        clearInterval(tick);
        // Offline, a reload would give the kept copy: the server submits the attempt at its deadline.
        if (navigator.onLine) flush().then(function () { window.location.reload(); });
      }
    }, 1000);
  }
})();
