// Quiz attempts kept on this device, with offline.js (which keeps an attempt's pages and queues its
// submission) and quiz.js (which keeps its answers in localStorage). Progressively enhanced.
//
// - On an attempt's page: keeps its pages, and with them the record that "Modules kept for
//   offline" lists (the server writes it into the page: the quiz's name, when the attempt started
//   and its deadline as the site writes a moment, how many questions it has and which have an
//   answer saved; never an answer, a mark or feedback). The record follows the answers given here.
// - On "Modules kept for offline": lists the attempts kept for the learner signed in, each with
//   the answers that wait on this device, a submission that waits to be sent, the space it takes
//   and, once nothing of it waits, a button that removes it from the device.
// Words and moments come from the pages' data- attributes and the server's record: nothing is
// formatted here in the browser's locale.
(() => {
  "use strict";
  const offline = window.CascadeOffline;
  if (!offline || !window.caches) return;

  const RECORD = "/offline-attempt-record.json";
  const userMeta = document.querySelector('meta[name="cascade-user"]');
  const user = userMeta ? userMeta.content : "";
  if (!user) return;
  const ATTEMPT_CACHE = new RegExp("^cascade-u" + user + "-a(\\d+)$");
  const cacheName = (id) => "cascade-u" + user + "-a" + id;
  const words = (element, name, values) =>
    (element.getAttribute("data-" + name) || "").replace(/\{(\w+)\}/g, (_match, key) => (values && key in values ? values[key] : ""));

  // Answers quiz.js keeps on this device and has not saved yet: question id → answer.
  const pendingOf = (id) => {
    try {
      return JSON.parse(localStorage.getItem("cascade-attempt-" + id) || "{}");
    } catch (error) {
      return {};
    }
  };

  const readRecord = async (name) => {
    if (!(await caches.has(name))) return null;
    const hit = await (await caches.open(name)).match(RECORD);
    return hit ? hit.json() : null;
  };
  // Only beside pages kept: a record alone would list an attempt that does not open offline.
  const writeRecord = async (id, record) => {
    if (!(await caches.has(cacheName(id)))) return;
    const cache = await caches.open(cacheName(id));
    if (!(await cache.keys()).some((request) => !request.url.endsWith(RECORD))) return;
    await cache.put(RECORD, new Response(JSON.stringify(record), { headers: { "Content-Type": "application/json" } }));
  };

  // --- An attempt's page ------------------------------------------------------------------------

  const keep = async (form) => {
    await offline.keepAttempt(form);
    const source = document.getElementById("offline-attempt-record");
    if (!source || !form.hasAttribute("data-offline-attempt")) return;
    const record = JSON.parse(source.textContent);
    const id = form.getAttribute("data-attempt-id");
    // Answers given on this device and not saved yet count as answered too.
    record.answered = [...new Set([...record.answered, ...Object.keys(pendingOf(id))])];
    await writeRecord(id, record);
  };

  // An answer given now is saved online or kept in localStorage; the list counts it either way.
  const followAnswers = (form) => {
    const id = form.getAttribute("data-attempt-id");
    form.addEventListener("change", () =>
      // After quiz.js has taken the answer (its listener runs in the same event).
      setTimeout(async () => {
        const record = await readRecord(cacheName(id));
        if (!record) return;
        const answered = new Set([...record.answered, ...Object.keys(pendingOf(id))]);
        if (answered.size === record.answered.length) return;
        record.answered = [...answered];
        await writeRecord(id, record);
      }, 0)
    );
  };

  // --- "Modules kept for offline" -----------------------------------------------------------------

  const line = (text, className) => {
    const paragraph = document.createElement("p");
    paragraph.textContent = text;
    if (className) paragraph.className = className;
    return paragraph;
  };

  const setUpList = async () => {
    const panel = document.getElementById("offline-attempts");
    if (!panel) return;
    const list = panel.querySelector("[data-list]");
    const draw = async (queued) => {
      const records = [];
      for (const name of await caches.keys()) {
        if (!ATTEMPT_CACHE.test(name)) continue;
        const record = await readRecord(name).catch(() => null);
        if (record) records.push(record);
      }
      records.sort((a, b) => (a.started < b.started ? -1 : a.started > b.started ? 1 : 0));
      const sizes = await Promise.all(
        records.map((record) => (offline.cacheBytes ? offline.cacheBytes(cacheName(record.id)).catch(() => null) : null))
      );
      list.replaceChildren();
      records.forEach((record, index) => {
        const item = document.createElement("li");
        item.className = "card offline-attempt";
        item.dataset.attemptId = String(record.id);
        const heading = document.createElement("h3");
        const link = document.createElement("a");
        link.href = record.url;
        link.textContent = record.quiz;
        heading.append(link);
        item.append(heading, line(words(panel, "started", { date: record.started }), "muted"));
        if (record.deadline) item.append(line(words(panel, "deadline", { date: record.deadline })));
        const pending = Object.keys(pendingOf(record.id));
        const waiting = queued.find((entry) => entry.key === "submit:" + record.id);
        const sent = waiting && waiting.body ? Object.keys(waiting.body.answers || {}) : [];
        const answered = new Set([...record.answered, ...pending, ...sent]);
        item.append(line(words(panel, "answered", { count: answered.size, total: record.questions })));
        if (pending.length + sent.length) {
          item.append(line(words(panel, "on-device", { count: new Set([...pending, ...sent]).size })));
        }
        if (waiting) item.append(line(words(panel, "submit-waiting"), "state state-waiting"));
        if (offline.size && sizes[index] !== null) item.append(line(words(panel, "size", { size: offline.size(sizes[index]) })));
        // Removing only the kept pages would strand answers that wait: those are sent first.
        if (pending.length || waiting) {
          item.append(line(words(panel, "remove-later"), "muted"));
        } else {
          const remove = document.createElement("button");
          remove.type = "button";
          remove.className = "link-button";
          remove.textContent = words(panel, "remove");
          remove.addEventListener("click", async () => {
            await caches.delete(cacheName(record.id));
            await draw(await offline.queued());
            document.dispatchEvent(new CustomEvent("cascade:kept"));
          });
          item.append(remove);
        }
        list.append(item);
      });
      panel.hidden = records.length === 0;
    };
    document.addEventListener("cascade:queue", (event) => draw(event.detail).catch(() => undefined));
    await offline.ready;
    await draw(await offline.queued());
  };

  window.CascadeOfflineQuiz = { keep, followAnswers };
  setUpList().catch(() => undefined);
})();
