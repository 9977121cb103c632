// Keeping a module's lessons for offline reading, on top of offline.js (loaded after it on every
// page; progressively enhanced like it):
// - keeps a module's lessons, their pictures, the course page and the learner's lists in a cache of
//   the signed-in learner's own, "cascade-u<user id>-m<module key>", with a record of its title,
//   size and date ("/offline-module-record.json" in that cache);
// - draws the "Keep for offline" control of each open module on a course page, and the list of
//   "Modules kept for offline" with what waits to be sent.
(() => {
  "use strict";
  const offline = window.CascadeOffline;
  if (!offline) return;
  const { user, language, notices, words, USER_CACHE, PAGE_USER } = offline;
  const RECORD = "/offline-module-record.json";

  // Numbers as core/formatting writes them in both languages, never in the browser's locale: a
  // decimal point, no grouping, no trailing zeros ("1.5 MB"). A module keeps the moment the server
  // wrote when it was kept; one kept before the server wrote it is dated from the device's record.
  const decimal = (number, places) => String(Math.round(number * 10 ** places) / 10 ** places);
  const size = (bytes) => {
    if (bytes >= 100 * 1024) return words(notices, "megabytes", { number: decimal(bytes / (1024 * 1024), 1) });
    return words(notices, "kilobytes", { number: decimal(Math.max(1, Math.round(bytes / 1024)), 0) });
  };
  const when = (record) => record.keptAt || offline.moment(record.savedAt);

  // --- Keeping a module ------------------------------------------------------------------------

  const cacheNameFor = (moduleKey) => "cascade-u" + user + "-m" + moduleKey;

  const readRecord = async (cache) => {
    const response = await cache.match(RECORD);
    return response ? response.json() : null;
  };

  const keptModules = async () => {
    const names = (await caches.keys()).filter((name) => {
      const found = USER_CACHE.exec(name);
      return found !== null && found[1] === user;
    });
    const records = [];
    for (const name of names) {
      const record = await readRecord(await caches.open(name));
      if (record) records.push({ ...record, cache: name });
    }
    return records.sort((a, b) => a.title.localeCompare(b.title, language));
  };

  const imagesOf = (html, pageUrl) => {
    const found = new Set();
    const page = new DOMParser().parseFromString(html, "text/html");
    const add = (address) => {
      if (!address) return;
      const url = new URL(address, pageUrl);
      if (url.origin === location.origin) found.add(url.pathname + url.search);
    };
    page.querySelectorAll("main img[src]").forEach((img) => add(img.getAttribute("src")));
    page.querySelectorAll("main img[srcset], main picture source[srcset]").forEach((element) =>
      element
        .getAttribute("srcset")
        .split(",")
        .forEach((candidate) => add(candidate.trim().split(/\s+/)[0]))
    );
    return [...found];
  };


  const keepModule = async (listUrl) => {
    const listing = await fetch(listUrl, { credentials: "same-origin", headers: { Accept: "application/json" } });
    if (!listing.ok) throw new Error("listing " + listing.status);
    const module = await listing.json();
    const name = cacheNameFor(module.key);
    await caches.delete(name);
    const cache = await caches.open(name);
    let bytes = 0;
    const images = new Set();
    try {
      for (const address of module.pages) {
        const response = await fetch(address, { credentials: "same-origin", headers: { "X-Cascade-Offline-Copy": "1" } });
        if (!response.ok || response.redirected) throw new Error("page " + response.status);
        const html = await response.text();
        const owner = PAGE_USER.exec(html);
        if (owner === null || owner[1] !== user) throw new Error("not this learner's page");
        const body = new Blob([html], { type: response.headers.get("Content-Type") || "text/html" });
        bytes += body.size;
        await cache.put(address, new Response(body, { status: 200, headers: response.headers }));
        imagesOf(html, new URL(address, location.href)).forEach((image) => images.add(image));
      }
      for (const address of images) {
        const response = await fetch(address, { credentials: "same-origin" }).catch(() => null);
        if (!response || !response.ok) continue; // a missing picture does not stop the lesson from being kept
        const body = await response.blob();
        bytes += body.size;
        await cache.put(address, new Response(body, { status: 200, headers: response.headers }));
      }
      const record = {
        key: module.key,
        id: module.id,
        title: module.title,
        courseTitle: module.course_title,
        courseUrl: module.course_url + "#module-" + module.key,
        lessons: module.lessons,
        bytes,
        savedAt: new Date().toISOString(),
        keptAt: module.kept_at,
      };
      await cache.put(RECORD, new Response(JSON.stringify(record), { headers: { "Content-Type": "application/json" } }));
      return record;
    } catch (error) {
      await caches.delete(name);
      throw error;
    }
  };

  const removeModule = (moduleKey) => caches.delete(cacheNameFor(moduleKey));

  // The "Keep for offline" control of each open module on a course page.
  const setUpKeepControls = async () => {
    const controls = document.querySelectorAll(".offline-keep[data-offline-keep]");
    if (!controls.length || !user) return;
    const kept = new Map((await keptModules()).map((record) => [record.key, record]));
    controls.forEach((control) => {
      const keepButton = control.querySelector("[data-keep]");
      const removeButton = control.querySelector("[data-remove]");
      const state = control.querySelector("[data-state]");
      const key = control.getAttribute("data-module-key");
      const show = (record) => {
        removeButton.hidden = !record;
        state.textContent = record ? words(control, "kept", { size: size(record.bytes), date: when(record) }) : "";
      };
      show(kept.get(key));
      control.hidden = false;
      keepButton.addEventListener("click", () => {
        keepButton.disabled = true;
        state.textContent = words(control, "saving");
        keepModule(control.getAttribute("data-offline-keep"))
          .then(show)
          .catch(() => {
            removeButton.hidden = true;
            state.textContent = words(control, "failed");
          })
          .finally(() => (keepButton.disabled = false));
      });
      removeButton.addEventListener("click", () =>
        removeModule(key).then(() => {
          removeButton.hidden = true;
          state.textContent = words(control, "removed");
          keepButton.focus();
        })
      );
    });
  };

  // "Modules kept for offline": what this browser keeps for the learner, and what waits to be sent.
  const setUpKeptList = async () => {
    const panel = document.getElementById("offline-modules");
    if (!panel || !user) return;
    const list = panel.querySelector("[data-list]");
    const empty = panel.querySelector("[data-empty]");
    const total = panel.querySelector("[data-total-line]");
    const draw = async () => {
      const records = await keptModules();
      list.replaceChildren();
      records.forEach((record) => {
        const item = document.createElement("li");
        item.className = "card offline-module";
        item.dataset.moduleKey = record.key;
        const heading = document.createElement("h2");
        const link = document.createElement("a");
        link.href = record.courseUrl;
        link.textContent = record.title;
        heading.append(link);
        const course = document.createElement("p");
        course.className = "muted";
        course.textContent = record.courseTitle;
        const state = document.createElement("p");
        state.textContent = words(panel, "kept", { size: size(record.bytes), date: when(record) });
        const remove = document.createElement("button");
        remove.type = "button";
        remove.className = "link-button";
        remove.textContent = words(panel, "remove");
        remove.addEventListener("click", () => removeModule(record.key).then(draw));
        item.append(heading, course, state, remove);
        list.append(item);
      });
      empty.hidden = records.length > 0;
      const bytes = records.reduce((sum, record) => sum + record.bytes, 0);
      total.textContent = records.length ? words(panel, "total", { size: size(bytes) }) : "";
    };
    const drawQueue = (items) => {
      const queue = panel.querySelector("[data-queue]");
      const heading = panel.querySelector("[data-queue-heading]");
      queue.replaceChildren();
      items.forEach((entry) => {
        const item = document.createElement("li");
        item.textContent = (entry.title ? entry.title + ": " : "") + words(panel, "waiting");
        queue.append(item);
      });
      queue.hidden = heading.hidden = items.length === 0;
    };
    document.addEventListener("cascade:queue", (event) => drawQueue(event.detail));
    await draw();
  };

  Object.assign(offline, { keepModule, keptModules });
  offline.ready
    .then(() => Promise.all([setUpKeepControls(), setUpKeptList()]))
    .then(() => offline.showQueue())
    .catch(() => undefined);
})();
