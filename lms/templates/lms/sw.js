// Cascade's service worker (served by lms/pwa.py from /sw.js, scope "/"). Version __VERSION__.
//
// What it does:
// - keeps the pages' shell (stylesheet, fonts, scripts, icons) and the offline page of each
//   language in the cache "cascade-shell-<version>", which holds nothing personal: the offline
//   page is fetched without cookies;
// - answers a navigation from the network first; when the network fails, from the caches of the
//   learner now signed in on this browser (kept by lms/static/js/offline.js as
//   "cascade-u<user id>-m<module key>", "cascade-u<user id>-a<attempt id>" for the page of a quiz
//   attempt in progress, and by attendance.js as "cascade-u<user id>-s<session id>" for a session's
//   attendance sheet), or else with the offline page;
// - answers a roster code's address (/<lang>/attendance/scan/<token>/) that the network cannot reach
//   with the scan page of the shell, which queues the mark (lms/static/js/attendance.js); it names
//   no one, being fetched without cookies like the offline page;
// - refreshes a kept page when it is visited online, if the page is the same learner's;
// - answers a video or recording kept with a module (only when the learner asked for it) from the
//   kept copy, online or not, with the part a player asks for (206) or the whole (200);
// - never touches /api/ (answers, marks and writes pass straight to the network) nor any request
//   other than GET.
"use strict";

const CONFIG = {{ config|safe }};
const SHELL = "cascade-shell-__VERSION__";
const USER_CACHE = /^cascade-u(\d+)-/;
const ATTEMPT_CACHE = /^cascade-u\d+-a\d+$/;
const DB_NAME = "cascade-offline";
const PAGE_USER = /<meta name="cascade-user" content="(\d*)">/;

function keepShell() {
  const shell = [...CONFIG.shell, ...Object.values(CONFIG.offline), ...Object.values(CONFIG.scanOffline)];
  return caches.open(SHELL).then((cache) =>
    Promise.all(
      shell.map((url) =>
        fetch(new Request(url, { credentials: "omit", cache: "reload" })).then((response) => {
          if (response.ok) return cache.put(url, response);
          return undefined;
        })
      )
    )
  );
}

// Signing out deletes every cache of Cascade's, the shell too: it is kept again online.
function keepShellAgain() {
  return caches.has(SHELL).then((kept) => (kept ? undefined : keepShell()));
}

self.addEventListener("install", (event) => {
  event.waitUntil(keepShell().then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names.filter((name) => name.startsWith("cascade-shell-") && name !== SHELL).map((name) => caches.delete(name))
        )
      )
      .then(() => self.clients.claim())
  );
});

// The learner whose pages this browser keeps: written by the page's script on every page it loads.
function owner() {
  return new Promise((resolve) => {
    const opening = indexedDB.open(DB_NAME, 1);
    opening.onupgradeneeded = () => {
      opening.result.createObjectStore("meta", { keyPath: "key" });
      opening.result.createObjectStore("queue", { keyPath: "key" });
    };
    opening.onerror = () => resolve("");
    opening.onsuccess = () => {
      const db = opening.result;
      try {
        const reading = db.transaction("meta", "readonly").objectStore("meta").get("owner");
        reading.onsuccess = () => resolve(reading.result ? String(reading.result.user) : "");
        reading.onerror = () => resolve("");
      } catch (error) {
        resolve("");
      } finally {
        db.close();
      }
    };
  });
}

async function keptCaches(user) {
  if (!user) return [];
  const names = await caches.keys();
  return names.filter((name) => {
    const found = USER_CACHE.exec(name);
    return found !== null && found[1] === user;
  });
}

async function fromKept(names, url) {
  for (const name of names) {
    const cache = await caches.open(name);
    const hit = await cache.match(url, { ignoreVary: true });
    if (hit) return hit;
  }
  return undefined;
}

// A kept page visited online is stored again, but only in the caches that already hold it and only
// if the page is the page of the learner those caches belong to.
async function refresh(names, url, response) {
  const holding = [];
  for (const name of names) {
    const cache = await caches.open(name);
    if (await cache.match(url, { ignoreVary: true })) holding.push([name, cache]);
  }
  if (!holding.length) return;
  const text = await response.text();
  const pageUser = PAGE_USER.exec(text);
  if (pageUser === null) return;
  for (const [name, cache] of holding) {
    if (USER_CACHE.exec(name)[1] !== pageUser[1]) continue;
    // A quiz attempt's page is kept only while it runs and shows no feedback: once it is
    // submitted, or shows a checked answer's feedback, the attempt's copy is dropped.
    if (ATTEMPT_CACHE.test(name) && !text.includes("data-offline-attempt=")) {
      await caches.delete(name);
      continue;
    }
    await cache.put(url, new Response(text, { status: 200, headers: response.headers }));
  }
}

function offlinePage(url) {
  const language = Object.keys(CONFIG.offline).find((code) => url.pathname.startsWith("/" + code + "/"));
  return caches
    .open(SHELL)
    .then((cache) => cache.match(CONFIG.offline[language || CONFIG.defaultLanguage]))
    .then((page) => page || Response.error());
}

// A roster code's address: the scan page of its language, kept in the shell.
function scanPage(url) {
  const language = Object.keys(CONFIG.scanPrefix).find((code) => {
    const rest = url.pathname.slice(CONFIG.scanPrefix[code].length);
    return url.pathname.startsWith(CONFIG.scanPrefix[code]) && /^[^/]+\/$/.test(rest);
  });
  if (!language) return Promise.resolve(undefined);
  return caches.open(SHELL).then((cache) => cache.match(CONFIG.scanOffline[language]));
}

async function navigation(event, url) {
  const names = await keptCaches(await owner());
  try {
    const response = await fetch(event.request);
    event.waitUntil(keepShellAgain().catch(() => undefined));
    if (response.ok && !response.redirected && names.length) {
      event.waitUntil(refresh(names, url.href, response.clone()).catch(() => undefined));
    }
    return response;
  } catch (error) {
    return (await scanPage(url)) || (await fromKept(names, url.href)) || offlinePage(url);
  }
}

async function staticFile(request) {
  const cache = await caches.open(SHELL);
  const hit = await cache.match(request);
  if (hit) return hit;
  return fetch(request);
}

// A part of a kept file, as a player asks for it ("Range: bytes=0-", "bytes=500-999", "bytes=-500"):
// 206 with that part of the cached whole, 416 when the part lies outside it. Sliced from the
// cached body as a Blob, which is read from disk, never the whole file held in memory.
async function part(hit, range) {
  const found = /^bytes=(\d*)-(\d*)$/.exec(range.split(",")[0].trim());
  const whole = await hit.blob();
  const size = whole.size;
  const type = hit.headers.get("Content-Type") || whole.type;
  if (found === null || (found[1] === "" && found[2] === "")) {
    return new Response(whole, { status: 200, headers: { "Content-Type": type, "Content-Length": String(size), "Accept-Ranges": "bytes" } });
  }
  let start;
  let end;
  if (found[1] === "") {
    start = Math.max(0, size - Number(found[2]));
    end = size - 1;
  } else {
    start = Number(found[1]);
    end = found[2] === "" ? size - 1 : Math.min(Number(found[2]), size - 1);
  }
  if (start >= size || start > end) {
    return new Response(null, { status: 416, headers: { "Content-Range": "bytes */" + size } });
  }
  return new Response(whole.slice(start, end + 1, type), {
    status: 206,
    statusText: "Partial Content",
    headers: {
      "Content-Type": type,
      "Content-Length": String(end - start + 1),
      "Content-Range": "bytes " + start + "-" + end + "/" + size,
      "Accept-Ranges": "bytes",
    },
  });
}

// A video or recording the learner kept plays from the device, online too: a weak connection is
// spared the download, and a player's requests for parts are answered from the cached whole.
async function media(request) {
  const hit = await fromKept(await keptCaches(await owner()), request.url);
  if (!hit) return other(request);
  const range = request.headers.get("Range");
  return range ? part(hit, range) : hit;
}

async function other(request) {
  try {
    return await fetch(request);
  } catch (error) {
    const hit = await fromKept(await keptCaches(await owner()), request.url);
    if (hit) return request.headers.has("Range") ? part(hit, request.headers.get("Range")) : hit;
    throw error;
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname.startsWith(CONFIG.apiPrefix)) return;
  if (request.mode === "navigate") {
    event.respondWith(navigation(event, url));
  } else if (url.pathname.startsWith(CONFIG.staticPrefix)) {
    event.respondWith(staticFile(request));
  } else if (request.headers.has("Range") || request.destination === "video" || request.destination === "audio") {
    event.respondWith(media(request));
  } else {
    event.respondWith(other(request));
  }
});
