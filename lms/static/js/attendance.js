// Attendance taken without a connection, on the session's sheet and by scanning roster codes.
// Progressively enhanced: the sheet and the scan page work online without this file.
//
// - the sheet (cohorts/attendance.html) is kept for offline in the trainer's cache
//   "cascade-u<user id>-s<session id>" when opened online, so that it opens in a hall without one;
// - offline, each mark is queued in offline.js's queue (IndexedDB "cascade-offline", store "queue")
//   with the device's time and an id of its own, one entry per trainee and session (the later mark
//   replaces the earlier); "Save attendance" offline queues the marks of every row the server has
//   not recorded as shown, dated when the sheet was opened (everyone present unless marked);
// - the sheet lists what waits to be sent, and what the server kept from another device instead;
// - a roster code scanned offline is answered by the worker with the scan page of the shell
//   (cohorts/scan_offline.html): it queues "present" with the code as printed, which the server
//   verifies when the queue is sent, as the trainer this browser keeps pages for.
// offline.js sends the queue (header X-Cascade-Trainer) and keeps the conflicts the server reports.
(() => {
  "use strict";
  const offline = window.CascadeOffline;
  if (!offline) return;

  const PAGE_USER = /<meta name="cascade-user" content="(\d*)">/;
  const openedAt = new Date().toISOString();
  const newId = () =>
    window.crypto && crypto.randomUUID
      ? crypto.randomUUID()
      : "10000000-1000-4000-8000-100000000000".replace(/[018]/g, (c) =>
          (Number(c) ^ (crypto.getRandomValues(new Uint8Array(1))[0] & (15 >> (Number(c) / 4)))).toString(16)
        );
  const clock = offline.clock;
  const sheetCache = (user, sessionId) => "cascade-u" + user + "-s" + sessionId;

  // --- The sheet ---------------------------------------------------------------------------------

  const setUpSheet = async (form) => {
    const user = offline.user;
    if (!user) return;
    const sessionId = form.getAttribute("data-session");
    const api = form.getAttribute("data-api");
    const waitingPanel = document.getElementById("attendance-waiting");
    const conflictPanel = document.getElementById("attendance-conflicts");
    const rows = new Map(
      [...form.querySelectorAll("[data-trainee]")].map((row) => [row.getAttribute("data-trainee"), row])
    );
    const taps = new Map(); // trainee → when this page changed their mark
    const label = (row, status) => {
      const input = row.querySelector('input[value="' + status + '"]');
      const text = input && form.querySelector('label[for="' + input.id + '"]');
      return text ? text.textContent.trim() : status;
    };
    const show = (row, status) => {
      const input = row.querySelector('input[value="' + status + '"]');
      if (input) input.checked = true;
    };
    const shown = (row) => {
      const checked = row.querySelector("input[type=radio]:checked");
      return checked ? checked.value : "";
    };
    const mine = async () => (await offline.queued()).filter((item) => item.sessionId === sessionId);

    const drawWaiting = (items) => {
      const list = waitingPanel.querySelector("ul");
      list.replaceChildren();
      rows.forEach((row) => row.classList.remove("attendance-waiting"));
      items
        .filter((item) => item.sessionId === sessionId)
        .forEach((item) => {
          const row = rows.get(String(item.learnerId));
          if (row) row.classList.add("attendance-waiting");
          const entry = document.createElement("li");
          entry.textContent = offline.words(waitingPanel, "item", {
            name: row ? row.getAttribute("data-name") : item.title || "",
            status: row ? label(row, item.status) : item.status,
            time: clock(item.changedAt),
          });
          list.append(entry);
        });
      waitingPanel.hidden = list.children.length === 0;
    };
    const drawConflicts = () => {
      const list = conflictPanel.querySelector("ul");
      list.replaceChildren();
      offline.conflicts(sessionId).forEach((conflict) => {
        const entry = document.createElement("li");
        entry.textContent = conflict.message;
        list.append(entry);
      });
      conflictPanel.hidden = list.children.length === 0;
    };
    conflictPanel.querySelector("[data-dismiss]").addEventListener("click", () => {
      offline.forgetConflicts(sessionId);
      drawConflicts();
    });

    const queueMark = (learnerId, status, changedAt) => {
      const id = newId();
      return offline.inStore("queue", "readwrite", (store) =>
        store.put({
          key: "attendance:" + sessionId + ":" + learnerId,
          kind: "attendance-change",
          url: api,
          body: { changes: [{ id, trainee_id: Number(learnerId), status, changed_at: changedAt }] },
          title: rows.get(String(learnerId)).getAttribute("data-name"),
          user,
          userHeader: "X-Cascade-Trainer",
          sessionId,
          learnerId: String(learnerId),
          status,
          changedAt,
          queuedAt: new Date().toISOString(),
        })
      );
    };

    // What waits on this device is what the sheet shows.
    (await mine()).forEach((item) => rows.has(item.learnerId) && show(rows.get(item.learnerId), item.status));

    form.addEventListener("change", (event) => {
      const input = event.target;
      const row = input.closest("[data-trainee]");
      if (!row || input.type !== "radio") return;
      const at = new Date().toISOString();
      taps.set(row.getAttribute("data-trainee"), at);
      if (!navigator.onLine) queueMark(row.getAttribute("data-trainee"), input.value, at).then(offline.showQueue);
    });

    form.addEventListener("submit", async (event) => {
      if (navigator.onLine) return; // the form itself records the sheet
      event.preventDefault();
      const waiting = new Map((await mine()).map((item) => [item.learnerId, item.status]));
      for (const [learnerId, row] of rows) {
        const status = shown(row);
        if (!status || waiting.get(learnerId) === status) continue;
        if (!waiting.has(learnerId) && row.getAttribute("data-recorded") === status) continue;
        await queueMark(learnerId, status, taps.get(learnerId) || openedAt);
      }
      await offline.showQueue();
      offline.say(offline.words(form, "saved-offline"));
    });

    document.addEventListener("cascade:queue", (event) => drawWaiting(event.detail));
    document.addEventListener("cascade:sent", (event) => {
      const item = event.detail;
      if (item.sessionId !== sessionId || !item.result) return;
      const row = rows.get(item.learnerId);
      if (row) {
        const lost = (item.result.conflicts || []).find((conflict) => String(conflict.trainee_id) === item.learnerId);
        const kept = lost ? lost.kept_status : item.status;
        row.setAttribute("data-recorded", kept);
        show(row, kept);
      }
      drawConflicts();
    });
    drawWaiting(await mine());
    drawConflicts();

    // Kept for offline: this very page, as the server gives it to this trainer now. Once kept, the
    // worker stores it again at each visit online.
    if (navigator.onLine && !(await caches.has(sheetCache(user, sessionId)))) {
      const address = location.href.split("#")[0];
      const response = await fetch(address, { credentials: "same-origin" });
      const html = response.ok && !response.redirected ? await response.text() : "";
      const owner = PAGE_USER.exec(html);
      if (owner !== null && owner[1] === user) {
        const cache = await caches.open(sheetCache(user, sessionId));
        await cache.put(address, new Response(html, { status: 200, headers: response.headers }));
      }
    }
  };

  // --- A roster code scanned offline --------------------------------------------------------------

  // The token is Django's signing of [session id, trainee id]: the numbers are readable, the
  // signature is what the server checks.
  const readToken = (token) => {
    try {
      const part = token.split(":")[0].replace(/-/g, "+").replace(/_/g, "/");
      const value = JSON.parse(atob(part + "===".slice((part.length + 3) % 4)));
      return Array.isArray(value) && value.length === 2 ? value.map(String) : null;
    } catch (error) {
      return null;
    }
  };

  // The trainee's name, if this trainer kept the session's sheet on this device.
  const nameOnKeptSheet = async (user, sessionId, learnerId) => {
    const cache = await caches.open(sheetCache(user, sessionId));
    const [request] = await cache.keys();
    const response = request && (await cache.match(request));
    if (!response) return "";
    const page = new DOMParser().parseFromString(await response.text(), "text/html");
    const row = page.querySelector('[data-trainee="' + learnerId + '"]');
    return row ? row.getAttribute("data-name") : "";
  };

  const setUpScan = async (panel) => {
    const state = panel.querySelector("[data-state]");
    const found = new RegExp(panel.getAttribute("data-pattern")).exec(location.pathname);
    if (!found) return;
    const token = decodeURIComponent(found[1]);
    const user = await offline.owner();
    if (!user) {
      state.textContent = offline.words(panel, "no-owner");
      return;
    }
    const numbers = readToken(token) || ["", ""];
    const key = "attendance-scan:" + token;
    const already = (await offline.inStore("queue", "readonly", (store) => store.get(key))) || null;
    const name = await nameOnKeptSheet(user, numbers[0], numbers[1]).catch(() => "");
    const nameLine = panel.querySelector("[data-name]");
    if (name) {
      nameLine.textContent = name;
      nameLine.hidden = false;
    }
    if (already && already.user === user) {
      state.textContent = offline.words(panel, "already", { time: clock(already.changedAt) });
      return;
    }
    const changedAt = new Date().toISOString();
    await offline.inStore("queue", "readwrite", (store) =>
      store.put({
        key,
        kind: "attendance-scan",
        url: panel.getAttribute("data-api"),
        body: { token, id: newId(), changed_at: changedAt },
        title: name,
        user,
        userHeader: "X-Cascade-Trainer",
        sessionId: numbers[0],
        learnerId: numbers[1],
        status: "present",
        changedAt,
        queuedAt: changedAt,
      })
    );
    state.textContent = offline.words(panel, "queued", { time: clock(changedAt) });
  };

  offline.ready.then(() => {
    const form = document.querySelector("form[data-offline-sheet]");
    if (form) setUpSheet(form).catch(() => undefined);
    const scan = document.getElementById("scan-offline");
    if (scan) setUpScan(scan).catch(() => undefined);
  });
})();
