// Cascade offline, progressively enhanced: every page works without this file.
//
// - registers the service worker (/sw.js, scope "/"), and offers to install Cascade where the
//   browser fires beforeinstallprompt;
// - (offline_modules.js keeps a module's lessons for offline reading, with this file's queue and
//   words;)
// - queues a lesson completed offline in IndexedDB ("cascade-offline", store "queue") and sends it
//   when the connection returns (the "online" event, and every page loaded online), with the
//   page's CSRF token and the learner it was made by, which the server checks;
// - keeps the page of a quiz attempt in progress, in the learner's cache "cascade-u<user id>-a<attempt
//   id>", and queues its submission made offline with the answers not saved yet (quiz.js asks);
// - sends attendance marks queued by attendance.js the same way, as the trainer who made them, and
//   keeps what the server reports as marked differently on another device for the sheet to show;
// - forgets all of it when the learner signs out, or when a page belongs to another learner.
// Words come from the page's data- attributes (includes/offline_notices.html and the pages' own).
(() => {
  "use strict";
  const notices = document.getElementById("offline-notices");
  if (!notices || !("serviceWorker" in navigator) || !window.caches || !window.indexedDB || !window.fetch) return;

  const DB_NAME = "cascade-offline";
  const CONFLICTS = "cascade-attendance-";
  const USER_CACHE = /^cascade-u(\d+)-/;
  const userMeta = document.querySelector('meta[name="cascade-user"]');
  const user = userMeta ? userMeta.content : "";
  const language = document.documentElement.lang || "mn";
  const words = (element, name, values) =>
    (element.getAttribute("data-" + name) || "").replace(/\{(\w+)\}/g, (_match, key) => (values && key in values ? values[key] : ""));

  // --- IndexedDB: the owner of what is kept, and the queue ---------------------------------------

  const openDb = () =>
    new Promise((resolve, reject) => {
      const opening = indexedDB.open(DB_NAME, 1);
      opening.onupgradeneeded = () => {
        opening.result.createObjectStore("meta", { keyPath: "key" });
        opening.result.createObjectStore("queue", { keyPath: "key" });
      };
      opening.onsuccess = () => resolve(opening.result);
      opening.onerror = () => reject(opening.error);
    });

  const inStore = (store, mode, action) =>
    openDb().then(
      (db) =>
        new Promise((resolve, reject) => {
          const transaction = db.transaction(store, mode);
          const request = action(transaction.objectStore(store));
          transaction.oncomplete = () => {
            db.close();
            resolve(request ? request.result : undefined);
          };
          transaction.onerror = () => {
            db.close();
            reject(transaction.error);
          };
        })
    );

  const queued = () => inStore("queue", "readonly", (store) => store.getAll());

  // --- Forgetting: at sign-out, and when the page is another learner's --------------------------

  // Every cache of Cascade's, the shell too (it holds nothing personal; the worker keeps it again
  // on the next page it answers online): signing out leaves nothing of Cascade's on the device.
  const forgetEverything = async () => {
    const names = await caches.keys();
    await Promise.all(names.filter((name) => name.startsWith("cascade-")).map((name) => caches.delete(name)));
    await inStore("queue", "readwrite", (store) => store.clear());
    await inStore("meta", "readwrite", (store) => store.delete("owner"));
    // Answers quiz.js keeps while a quiz is offline are the learner's too, as are the attendance
    // conflicts kept for a trainer's sheet.
    try {
      Object.keys(localStorage)
        .filter((key) => key.startsWith("cascade-attempt-") || key.startsWith(CONFLICTS))
        .forEach((key) => localStorage.removeItem(key));
    } catch (error) {
      // storage turned off: nothing was kept there
    }
  };

  const claimOwnership = async () => {
    if (!user) return; // a signed-out page (a session that ran out) keeps what is stored until sign-in
    const owner = await inStore("meta", "readonly", (store) => store.get("owner"));
    if (owner && String(owner.user) !== user) {
      const waiting = (await queued()).length;
      await forgetEverything();
      if (waiting) say(words(notices, "dropped"), true);
    }
    await inStore("meta", "readwrite", (store) => store.put({ key: "owner", user }));
  };

  // Signing out is never held up: the forgetting starts as the form leaves, and the next page
  // finishes it (the flag lives in this tab's sessionStorage, written before the page unloads).
  const SIGNING_OUT = "cascade-signing-out";
  const logoutPath = notices.getAttribute("data-logout");
  document.addEventListener("submit", (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || event.defaultPrevented) return;
    if (new URL(form.action, location.href).pathname !== logoutPath) return;
    try {
      sessionStorage.setItem(SIGNING_OUT, "1");
    } catch (error) {
      // storage turned off: the forgetting below is all there is
    }
    forgetEverything().catch(() => undefined);
  });
  const signedOut = async () => {
    let flagged = false;
    try {
      flagged = sessionStorage.getItem(SIGNING_OUT) === "1";
    } catch (error) {
      return;
    }
    if (!flagged) return;
    await forgetEverything();
    sessionStorage.removeItem(SIGNING_OUT);
  };

  // --- Messages -------------------------------------------------------------------------------

  const status = document.getElementById("offline-status");
  // A notice about a change not sent stays until the page changes; the others follow the state.
  const say = (text, lasting) => {
    if (!status || !text || (status.dataset.lasting && !lasting)) return;
    status.textContent = text;
    status.hidden = false;
    if (lasting) status.dataset.lasting = "1";
  };
  // A lasting notice with a link after it (a quiz submitted from the queue: its result).
  const sayWithLink = (text, href, linkText) => {
    if (!status || !text) return;
    status.textContent = text + " ";
    if (href && linkText) {
      const link = document.createElement("a");
      link.href = href;
      link.textContent = linkText;
      status.append(link);
    }
    status.hidden = false;
    status.dataset.lasting = "1";
  };
  const unsay = () => {
    if (status && !status.dataset.lasting) status.hidden = true;
  };

  const showQueue = async () => {
    const mine = (await queued()).filter((item) => item.user === user);
    if (mine.length) say(words(notices, "waiting", { count: mine.length }));
    else if (navigator.onLine) unsay();
    document.dispatchEvent(new CustomEvent("cascade:queue", { detail: mine }));
    return mine;
  };

  // Moments as core/formatting writes them in both languages, never in the browser's locale or
  // time zone: "2026-12-04 21:45" (moment) and "21:45" (clock), in the site's time.
  const partsOf = (iso) => {
    const parts = {};
    new Intl.DateTimeFormat("en-GB", {
      timeZone: notices.getAttribute("data-time-zone") || undefined,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(new Date(iso))
      .forEach((part) => (parts[part.type] = part.value));
    return parts;
  };
  const moment = (iso) => {
    try {
      const parts = partsOf(iso);
      return parts.year + "-" + parts.month + "-" + parts.day + " " + parts.hour + ":" + parts.minute;
    } catch (error) {
      return String(iso).slice(0, 10);
    }
  };
  const clock = (iso) => {
    try {
      const parts = partsOf(iso);
      return parts.hour + ":" + parts.minute;
    } catch (error) {
      return String(iso).slice(11, 16);
    }
  };

  // --- The queue: lessons completed offline --------------------------------------------------

  const csrfToken = () => {
    const input = document.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  };

  const queueCompletion = async ({ lessonId, url, title }) => {
    await inStore("queue", "readwrite", (store) =>
      store.put({ key: "complete:" + lessonId, kind: "lesson-complete", lessonId: String(lessonId), url, title, user, queuedAt: new Date().toISOString() })
    );
    return showQueue();
  };

  // Attendance marks that lost to a later mark made on another device: kept, per trainer and
  // session, until the trainer has read them on the session's sheet (attendance.js).
  const conflictsKey = (sessionId) => CONFLICTS + user + "-" + sessionId;
  const conflicts = (sessionId) => {
    try {
      return JSON.parse(localStorage.getItem(conflictsKey(sessionId)) || "[]");
    } catch (error) {
      return [];
    }
  };
  const keepConflicts = (item, found) => {
    if (!found.length) return;
    const known = conflicts(item.sessionId).filter((entry) => !found.some((conflict) => conflict.id === entry.id));
    try {
      localStorage.setItem(conflictsKey(item.sessionId), JSON.stringify([...known, ...found]));
    } catch (error) {
      // storage turned off: the sheet shows them only if it sent them itself
    }
  };
  const forgetConflicts = (sessionId) => {
    try {
      localStorage.removeItem(conflictsKey(sessionId));
    } catch (error) {
      // storage turned off: nothing was kept there
    }
  };

  let sending = null;
  const send = async () => {
    if (!user || !navigator.onLine) return;
    for (const item of await queued()) {
      if (item.user !== user) {
        // Made under another sign-in: never sent as this learner.
        await inStore("queue", "readwrite", (store) => store.delete(item.key));
        say(words(notices, "dropped"), true);
        continue;
      }
      let response;
      try {
        response = await fetch(item.url, {
          method: "POST",
          credentials: "same-origin",
          headers: {
            "Content-Type": "application/json",
            "X-CSRFToken": csrfToken(),
            [item.userHeader || "X-Cascade-Learner"]: item.user,
          },
          body: JSON.stringify(item.body || {}),
        });
      } catch (error) {
        return; // still no connection: try again later
      }
        // Signed out, too many requests, or the server's trouble: it waits for a later try.
      if (response.status === 401 || response.status === 429 || response.status >= 500) return;
      await inStore("queue", "readwrite", (store) => store.delete(item.key));
      if (response.ok && item.kind === "attempt-submit") {
        const attempt = await response.json().catch(() => ({}));
        await forgetAttempt(item.attemptId);
        const text = attempt.late
          ? words(notices, "quiz-late", { time: attempt.deadline_text || clock(attempt.deadline) })
          : words(notices, "quiz-sent");
        sayWithLink(text, item.pageUrl, words(notices, "quiz-result"));
        document.dispatchEvent(new CustomEvent("cascade:sent", { detail: { ...item, attempt } }));
      } else if (response.ok && item.sessionId) {
        const result = await response.json().catch(() => ({}));
        keepConflicts(item, result.conflicts || []);
        document.dispatchEvent(new CustomEvent("cascade:sent", { detail: { ...item, result } }));
      } else if (response.ok) {
        document.dispatchEvent(new CustomEvent("cascade:sent", { detail: item }));
      } else if (response.status === 403 || response.status === 409) {
        const body = await response.json().catch(() => ({}));
        // Another learner's change is dropped unsaid; a refusal for the attempt's state says why.
        const otherPerson = body.code === "other_learner" || body.code === "other_trainer";
        if (response.status === 409 && body.code && !otherPerson && body.detail) {
          say(words(notices, "refused", { reason: body.detail }), true);
        } else {
          say(words(notices, "dropped"), true);
        }
      } else {
        const body = await response.json().catch(() => ({}));
        say(words(notices, "refused", { reason: body.detail || item.title || "" }), true);
      }
    }
    await showQueue();
  };
  const sendQueued = () => {
    if (!sending) sending = send().catch(() => undefined).finally(() => (sending = null));
    return sending;
  };

  const PAGE_USER = /<meta name="cascade-user" content="(\d*)">/;

  // A lesson page: its completion is queued when there is no connection.
  const setUpLesson = async () => {
    const lesson = document.querySelector("article.lesson[data-lesson-id]");
    const form = document.querySelector(".complete-form[data-api]");
    if (!lesson || !form || !user) return;
    const id = lesson.getAttribute("data-lesson-id");
    const state = document.getElementById("lesson-state");
    const waiting = () => {
      if (state && state.hasAttribute("data-waiting") && lesson.getAttribute("data-complete") !== "true") {
        state.textContent = state.getAttribute("data-waiting");
        state.classList.add("state-waiting");
      }
    };
    const queue = () =>
      queueCompletion({ lessonId: id, url: form.getAttribute("data-api"), title: form.getAttribute("data-title") }).then(waiting);
    // A weak connection often says it is online and then fails: the completion is sent by the API
    // first, and queued when that fails, so the learner moves on either way. A refusal (a locked
    // module, a course left) sends the form itself, whose answer says why.
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const next = form.querySelector("input[name=next]");
      const moveOn = () => (next && next.value ? location.assign(next.value) : location.reload());
      if (!navigator.onLine) {
        queue().then(moveOn);
        return;
      }
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), 20000);
      fetch(form.getAttribute("data-api"), {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-CSRFToken": csrfToken(), "X-Cascade-Learner": user },
        body: "{}",
        signal: controller.signal,
      }).then(
        (response) => {
          clearTimeout(timer);
          if (response.ok) moveOn();
          else form.submit();
        },
        () => {
          clearTimeout(timer);
          queue().then(moveOn);
        }
      );
    });
    document.addEventListener("cascade:sent", (event) => {
      if (event.detail.lessonId !== id || !state) return;
      lesson.setAttribute("data-complete", "true");
      state.textContent = "✓ " + (state.getAttribute("data-done") || state.textContent);
      state.classList.remove("state-waiting");
      state.classList.add("state-complete");
    });
    if ((await queued()).some((item) => item.lessonId === id && item.user === user)) waiting();
    // lesson.js asks for this when its own request to complete the lesson finds no connection.
    window.CascadeOffline.queueLesson = queue;
  };

  // --- A quiz attempt answered offline -----------------------------------------------------------

  // The attempt's pages as the learner sees them while it runs, which tell no right answer, mark or
  // feedback (a page that shows a checked answer's feedback has no data-offline-attempt and is not
  // kept). Its answers stay in quiz.js's localStorage; its submission joins the queue.
  const attemptCacheName = (attemptId) => "cascade-u" + user + "-a" + attemptId;
  const forgetAttempt = async (attemptId) => {
    await caches.delete(attemptCacheName(attemptId));
    try {
      localStorage.removeItem("cascade-attempt-" + attemptId);
    } catch (error) {
      // storage turned off: nothing was kept there
    }
  };

  const keepAttempt = async (form) => {
    if (!user) return;
    const id = form.getAttribute("data-attempt-id");
    const address = form.getAttribute("data-offline-attempt");
    if (!address) {
      await forgetAttempt(id);
      return;
    }
    const count = Math.max(1, Number(form.getAttribute("data-page-count")) || 1);
    const cache = await caches.open(attemptCacheName(id));
    for (let number = 1; number <= count; number++) {
      const url = address + "?page=" + number;
      const response = await fetch(url, { credentials: "same-origin", headers: { "X-Cascade-Offline-Copy": "1" } });
      if (!response.ok || response.redirected) return;
      const html = await response.text();
      const owner = PAGE_USER.exec(html);
      if (owner === null || owner[1] !== user || !html.includes("data-offline-attempt=")) {
        await forgetAttempt(id); // submitted meanwhile, or a page that now shows feedback
        return;
      }
      const copy = () => new Response(html, { status: 200, headers: response.headers });
      await cache.put(url, copy());
      if (number === 1) await cache.put(address, copy());
    }
  };

  const queueAttemptSubmit = async ({ attemptId, url, answers, pageUrl, title }) => {
    await inStore("queue", "readwrite", (store) =>
      store.put({
        key: "submit:" + attemptId,
        kind: "attempt-submit",
        attemptId: String(attemptId),
        url,
        body: { answers },
        pageUrl,
        title,
        user,
        queuedAt: new Date().toISOString(),
      })
    );
    return showQueue();
  };

  // A submitted attempt's page: its copy kept while it ran is of no more use.
  const forgetDoneAttempt = async () => {
    const done = document.querySelector("[data-attempt-done]");
    if (done && user) await forgetAttempt(done.getAttribute("data-attempt-done"));
  };

  // The quiz page offers no start while offline, and says why.
  const showOnlineOnly = () => {
    document.querySelectorAll("[data-offline-only]").forEach((element) => (element.hidden = navigator.onLine));
    document.querySelectorAll("form[data-online-only]").forEach((form) =>
      form.querySelectorAll("button").forEach((button) => (button.disabled = !navigator.onLine))
    );
  };

  // --- Installing -----------------------------------------------------------------------------

  const DISMISSED = "cascade-install-dismissed";
  const hint = document.getElementById("install-hint");
  window.addEventListener("beforeinstallprompt", (event) => {
    if (!hint || localStorage.getItem(DISMISSED)) return;
    event.preventDefault();
    hint.hidden = false;
    hint.querySelector("[data-install]").addEventListener("click", () => {
      hint.hidden = true;
      event.prompt();
    });
    hint.querySelector("[data-dismiss]").addEventListener("click", () => {
      hint.hidden = true;
      localStorage.setItem(DISMISSED, new Date().toISOString());
    });
  });
  window.addEventListener("appinstalled", () => hint && (hint.hidden = true));

  // --- Start ------------------------------------------------------------------------------------

  window.CascadeOffline = {
    queueCompletion,
    sendQueued,
    forgetEverything,
    keepAttempt,
    forgetAttempt,
    queueAttemptSubmit,
    queued: () => queued().then((items) => items.filter((item) => item.user === user)),
    // For offline_modules.js and attendance.js: the queue, the owner of what is kept, the notices
    // and the conflicts.
    user,
    language,
    notices,
    USER_CACHE,
    PAGE_USER,
    words,
    moment,
    clock,
    say,
    inStore,
    showQueue,
    csrfToken,
    conflicts,
    forgetConflicts,
    owner: () => inStore("meta", "readonly", (store) => store.get("owner")).then((found) => (found ? String(found.user) : "")),
  };
  const ready = signedOut()
    .catch(() => undefined)
    .then(claimOwnership)
    .then(() => Promise.all([setUpLesson(), forgetDoneAttempt()]))
    .then(showQueue)
    .then(sendQueued)
    .catch(() => undefined);
  window.CascadeOffline.ready = ready;
  window.addEventListener("online", () => {
    unsay();
    showOnlineOnly();
    ready.then(sendQueued);
  });
  window.addEventListener("offline", () => {
    say(words(notices, "offline"));
    showOnlineOnly();
  });
  showOnlineOnly();
  if (!navigator.onLine) say(words(notices, "offline"));
  navigator.serviceWorker.register(notices.getAttribute("data-service-worker"), { scope: "/" }).catch(() => undefined);
})();
