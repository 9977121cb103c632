// Keeping a module's lessons for offline reading, on top of offline.js (loaded after it on every
// page; progressively enhanced like it):
// - keeps a module's lessons, their pictures, the course page and the learner's lists in a cache of
//   the signed-in learner's own, "cascade-u<user id>-m<module key>", with a record of its title,
//   size and date ("/offline-module-record.json" in that cache);
// - keeps the module's uploaded videos and recordings in the same cache only when the learner asks,
//   after seeing their size (the server lists them with their sizes); linked videos never;
// - draws the "Keep for offline" control of each open module on a course page, and the list of
//   "Modules kept for offline" with what waits to be sent and the space kept quiz attempts take;
// - on a lesson page offline, puts a notice in place of a player with nothing to play (a video not
//   kept, a video on another site): its transcript stays readable.
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


  // What the module's kept videos weigh, and what those not kept would (the server's sizes).
  const mediaOf = (record) => record.media || [];
  const keptMediaBytes = (record) => mediaOf(record).reduce((sum, item) => sum + (item.kept ? item.bytes : 0), 0);
  const missingMediaBytes = (record) => mediaOf(record).reduce((sum, item) => sum + (item.kept ? 0 : item.bytes), 0);
  const totalBytes = (record) => record.bytes + keptMediaBytes(record);

  const keepModule = async (listUrl) => {
    const listing = await fetch(listUrl, { credentials: "same-origin", headers: { Accept: "application/json" } });
    if (!listing.ok) throw new Error("listing " + listing.status);
    const module = await listing.json();
    const name = cacheNameFor(module.key);
    // Kept again: the videos already kept stay (they are not downloaded twice); what the module no
    // longer holds goes.
    const before = (await caches.has(name)) ? await readRecord(await caches.open(name)) : null;
    const cache = await caches.open(name);
    const keptBefore = new Map(mediaOf(before || {}).filter((item) => item.kept).map((item) => [item.url, item]));
    let bytes = 0;
    const images = new Set();
    const written = new Set([RECORD]);
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
        written.add(new URL(address, location.href).href);
        imagesOf(html, new URL(address, location.href)).forEach((image) => images.add(image));
      }
      for (const address of images) {
        const response = await fetch(address, { credentials: "same-origin" }).catch(() => null);
        if (!response || !response.ok) continue; // a missing picture does not stop the lesson from being kept
        const body = await response.blob();
        bytes += body.size;
        await cache.put(address, new Response(body, { status: 200, headers: response.headers }));
        written.add(new URL(address, location.href).href);
      }
      const media = [];
      for (const item of module.media || []) {
        const url = new URL(item.url, location.href).href;
        const kept = keptBefore.has(item.url) && (await cache.match(item.url)) !== undefined;
        if (kept) written.add(url);
        media.push({ url: item.url, bytes: kept ? keptBefore.get(item.url).bytes : item.bytes, type: item.content_type, kept });
      }
      for (const request of await cache.keys()) {
        if (!written.has(request.url) && !written.has(new URL(request.url).pathname)) await cache.delete(request);
      }
      const record = {
        key: module.key,
        id: module.id,
        title: module.title,
        courseTitle: module.course_title,
        courseUrl: module.course_url + "#module-" + module.key,
        lessons: module.lessons,
        bytes,
        media,
        savedAt: new Date().toISOString(),
        keptAt: module.kept_at,
      };
      await writeRecord(cache, record);
      return record;
    } catch (error) {
      // A module kept before stays as it was described; one never kept leaves nothing behind.
      if (!before) await caches.delete(name);
      throw error;
    }
  };

  const writeRecord = (cache, record) =>
    cache.put(RECORD, new Response(JSON.stringify(record), { headers: { "Content-Type": "application/json" } }));

  // The videos and recordings of a kept module, on the learner's request. Each is fetched with the
  // learner's cookies (the document view checks who may have it) and stored whole, with the type
  // the server gave it, so that a player offline is answered as online (the worker cuts the parts
  // it asks for). Each kept one is recorded at once: a dropped connection loses only the file it
  // was fetching, and the offer then names what is left.
  const keepMedia = async (moduleKey) => {
    const name = cacheNameFor(moduleKey);
    if (!(await caches.has(name))) throw new Error("not kept");
    const cache = await caches.open(name);
    const record = await readRecord(cache);
    if (!record) throw new Error("not kept");
    const needed = missingMediaBytes(record);
    if (navigator.storage && navigator.storage.estimate) {
      const estimate = await navigator.storage.estimate().catch(() => null);
      if (estimate && estimate.quota && estimate.quota - (estimate.usage || 0) < needed) {
        const full = new Error("no space");
        full.noSpace = true;
        throw full;
      }
    }
    for (const item of mediaOf(record)) {
      if (item.kept) continue;
      // A file another kept module holds already is copied on the device, not downloaded again.
      const response = (await keptCopy(item.url)) || (await fetch(item.url, { credentials: "same-origin" }));
      if (!response.ok) throw new Error("media " + response.status);
      const served = (response.headers.get("Content-Type") || "").split(";")[0].trim();
      const type = served && served !== "application/octet-stream" ? served : item.type || "application/octet-stream";
      const body = await response.blob();
      await cache.put(
        item.url,
        new Response(body, {
          status: 200,
          headers: { "Content-Type": type, "Content-Length": String(body.size), "Accept-Ranges": "bytes", "X-Content-Type-Options": "nosniff" },
        })
      );
      item.kept = true;
      item.bytes = body.size;
      await writeRecord(cache, record);
    }
    return record;
  };

  const removeModule = (moduleKey) => caches.delete(cacheNameFor(moduleKey));

  // The offer to keep a module's videos too, with what they weigh; hidden when nothing is left to keep.
  const drawMediaOffer = (button, element, record) => {
    const missing = record ? missingMediaBytes(record) : 0;
    button.hidden = !record || missing === 0;
    if (!button.hidden) button.textContent = words(element, "keep-media", { size: size(missing) });
  };
  const mediaFailure = (element, error) => words(element, error && error.noSpace ? "media-no-space" : "media-failed");

  // The "Keep for offline" control of each open module on a course page.
  const setUpKeepControls = async () => {
    const controls = document.querySelectorAll(".offline-keep[data-offline-keep]");
    if (!controls.length || !user) return;
    const kept = new Map((await keptModules()).map((record) => [record.key, record]));
    controls.forEach((control) => {
      const keepButton = control.querySelector("[data-keep]");
      const mediaButton = control.querySelector("[data-keep-media]");
      const removeButton = control.querySelector("[data-remove]");
      const state = control.querySelector("[data-state]");
      const key = control.getAttribute("data-module-key");
      const show = (record) => {
        removeButton.hidden = !record;
        drawMediaOffer(mediaButton, control, record);
        state.textContent = record ? words(control, "kept", { size: size(totalBytes(record)), date: when(record) }) : "";
      };
      mediaButton.addEventListener("click", () => {
        mediaButton.disabled = keepButton.disabled = true;
        state.textContent = words(control, "media-saving");
        keepMedia(key)
          .then(show)
          .catch(async (error) => {
            const record = (await keptModules()).find((found) => found.key === key);
            show(record);
            state.textContent = mediaFailure(control, error);
          })
          .finally(() => (mediaButton.disabled = keepButton.disabled = false));
      });
      show(kept.get(key));
      control.hidden = false;
      keepButton.addEventListener("click", () => {
        keepButton.disabled = mediaButton.disabled = true;
        state.textContent = words(control, "saving");
        keepModule(control.getAttribute("data-offline-keep"))
          .then(show)
          .catch(async () => {
            const record = (await keptModules()).find((found) => found.key === key);
            removeButton.hidden = !record;
            drawMediaOffer(mediaButton, control, record);
            state.textContent = words(control, "failed");
          })
          .finally(() => (keepButton.disabled = mediaButton.disabled = false));
      });
      removeButton.addEventListener("click", () =>
        removeModule(key).then(() => {
          removeButton.hidden = mediaButton.hidden = true;
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
        state.setAttribute("role", "status");
        state.textContent = words(panel, "kept", { size: size(totalBytes(record)), date: when(record) });
        const actions = document.createElement("p");
        actions.className = "offline-actions";
        const keepVideos = document.createElement("button");
        keepVideos.type = "button";
        keepVideos.className = "link-button";
        keepVideos.dataset.keepMedia = "";
        drawMediaOffer(keepVideos, panel, record);
        keepVideos.addEventListener("click", () => {
          keepVideos.disabled = true;
          state.textContent = words(panel, "media-saving");
          keepMedia(record.key)
            .then(draw)
            .catch((error) =>
              draw().then(() => {
                const again = list.querySelector(`[data-module-key="${CSS.escape(record.key)}"] [role=status]`);
                if (again) again.textContent = mediaFailure(panel, error);
              })
            );
        });
        const remove = document.createElement("button");
        remove.type = "button";
        remove.className = "link-button";
        remove.textContent = words(panel, "remove");
        remove.addEventListener("click", () => removeModule(record.key).then(draw));
        actions.append(keepVideos, remove);
        item.append(heading, course, state, actions);
        list.append(item);
      });
      empty.hidden = records.length > 0;
      // Quiz attempts kept on this device take space too (offline_quiz.js lists them).
      const attempts = await attemptsBytes();
      const bytes = records.reduce((sum, record) => sum + totalBytes(record), 0) + attempts;
      total.textContent = records.length || attempts ? words(panel, "total", { size: size(bytes) }) : "";
    };
    document.addEventListener("cascade:kept", () => draw().catch(() => undefined));
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

  // --- Space taken by kept quiz attempts -----------------------------------------------------------

  const ATTEMPT_CACHE = /^cascade-u(\d+)-a\d+$/;
  const cacheBytes = async (name) => {
    const cache = await caches.open(name);
    let bytes = 0;
    for (const request of await cache.keys()) {
      const hit = await cache.match(request);
      if (hit) bytes += (await hit.blob()).size;
    }
    return bytes;
  };
  const attemptsBytes = async () => {
    let bytes = 0;
    for (const name of await caches.keys()) {
      const found = ATTEMPT_CACHE.exec(name);
      if (found !== null && found[1] === user) bytes += await cacheBytes(name);
    }
    return bytes;
  };

  // --- A lesson's players, offline ------------------------------------------------------------------

  const keptCopy = async (url) => {
    for (const name of await caches.keys()) {
      const found = USER_CACHE.exec(name);
      if (found === null || found[1] !== user) continue;
      const hit = await (await caches.open(name)).match(url);
      if (hit) return hit;
    }
    return undefined;
  };
  const keptAnywhere = async (url) => (await keptCopy(url)) !== undefined;

  const setUpPlayers = async () => {
    const players = [...document.querySelectorAll("[data-offline-media]")];
    const links = [...document.querySelectorAll("[data-offline-link]")];
    const noticeOf = (element) => {
      const next = element.nextElementSibling;
      return next && next.hasAttribute("data-offline-missing") ? next : null;
    };
    const showAs = (element, playable) => {
      const notice = noticeOf(element);
      if (!notice) return;
      element.hidden = !playable;
      notice.hidden = playable;
    };
    const update = async () => {
      const offlineNow = !navigator.onLine;
      links.forEach((element) => showAs(element, !offlineNow));
      for (const element of players) {
        showAs(element, !offlineNow || (user !== "" && (await keptAnywhere(element.getAttribute("data-offline-media")))));
      }
    };
    // A connection that says it is there and is not: the player fails, and the notice shows.
    players.forEach((element) => {
      const player = element.querySelector("video, audio");
      if (!player) return;
      player.addEventListener("error", () =>
        keptAnywhere(element.getAttribute("data-offline-media")).then((kept) => kept || showAs(element, false))
      );
    });
    if (!players.length && !links.length) return;
    window.addEventListener("online", () => update().catch(() => undefined));
    window.addEventListener("offline", () => update().catch(() => undefined));
    await update();
  };

  Object.assign(offline, { keepModule, keepMedia, keptModules, size, cacheBytes });
  offline.ready
    .then(() => Promise.all([setUpKeepControls(), setUpKeptList(), setUpPlayers()]))
    .then(() => offline.showQueue())
    .catch(() => undefined);
})();
