/* Crisis Ready's service worker: templates/sw.js, served at /sw.js by home.offline.

   What it does, and nothing more:
   - keeps the app shell (style sheet, icon, the offline page in each language) so the site
     opens without a connection;
   - pages load from the network first, so learners online always see their real progress;
     when the network fails, a saved copy (saved by offline.js, "Make available offline")
     is shown, or else the offline page, never a browser error;
   - style sheets and images that were saved are served from the device (a saved image
     stands in for the other widths of the same picture);
   - Background Sync ("outbox"): sends the outbox when the connection comes back, even with
     no page open (offline.js does the same on page load and on `online`).
   Django renders this file only to put CONFIG in; the rest is plain JavaScript. */
"use strict";

const CONFIG = {{ config|safe }};
const SHELL_CACHE = "crisis-ready-shell-" + CONFIG.version;
const PAGES_CACHE = "crisis-ready-pages";  // also named in offline.js
const MATCH = { ignoreVary: true };

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(SHELL_CACHE).then((cache) => cache.addAll(CONFIG.shell)).then(() => self.skipWaiting())
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith("crisis-ready-shell-") && name !== SHELL_CACHE) await caches.delete(name);
    }
    // The page's request and the preload go out together: no waiting for the worker to start.
    if (self.registration.navigationPreload) await self.registration.navigationPreload.enable();
    await self.clients.claim();
  })());
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (url.pathname.startsWith("/admin/")) return;
  if (request.mode === "navigate") {
    event.respondWith(navigate(event, url));
  } else if (url.pathname.startsWith(CONFIG.static_url) || url.pathname.startsWith(CONFIG.media_url)) {
    event.respondWith(savedFirst(event, url));
  } else if (url.pathname.endsWith("/offline/")) {
    event.respondWith(networkThenSaved(request));  // a quiz's questions, saved for offline use
  }
});

async function navigate(event, url) {
  try {
    const response = (await event.preloadResponse) || (await fetch(event.request));
    if (response.ok && !response.redirected) event.waitUntil(refreshSaved(event.request, response.clone()));
    return response;
  } catch (networkError) {
    const saved = await caches.match(event.request, { ignoreVary: true, ignoreSearch: true });
    return saved || offlinePage(url);
  }
}

/* A saved page that the learner opens online is saved again as the server sends it now, so
   the copy on the device shows their latest progress. Pages never saved are not kept. */
async function refreshSaved(request, response) {
  const cache = await caches.open(PAGES_CACHE);
  if (await cache.match(request, MATCH)) await cache.put(request.url, response);
}

async function offlinePage(url) {
  const language = url.pathname.split("/")[1];
  const offlineUrl = CONFIG.offline_urls[language] || CONFIG.offline_urls[CONFIG.default_language];
  const page = await caches.match(offlineUrl, MATCH);
  return page || new Response("You are offline.", { status: 503, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

/* Static files and images: from the device when saved (updated in the background), else
   from the network; offline, another saved width of the same image rather than nothing. */
async function savedFirst(event, url) {
  const saved = await caches.match(event.request, MATCH);
  if (saved) {
    event.waitUntil(refreshIfSaved(event.request).catch(() => {}));
    return saved;
  }
  try {
    return await fetch(event.request);
  } catch (networkError) {
    return (await otherWidth(url)) || new Response("", { status: 503 });
  }
}

async function refreshIfSaved(request) {
  const response = await fetch(request);
  if (!response.ok) return;
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    if (await cache.match(request, MATCH)) await cache.put(request, response.clone());
  }
}

/* Wagtail names renditions "<name>.width-800.format-webp.webp": any saved width will do. */
async function otherWidth(url) {
  const pattern = /\.width-\d+\./;
  if (!pattern.test(url.pathname)) return null;
  const [before, after] = url.pathname.split(pattern);
  const cache = await caches.open(PAGES_CACHE);
  for (const request of await cache.keys()) {
    const path = new URL(request.url).pathname;
    if (path.startsWith(before + ".width-") && path.endsWith("." + after)) return cache.match(request);
  }
  return null;
}

async function networkThenSaved(request) {
  try {
    return await fetch(request);
  } catch (networkError) {
    return (await caches.match(request, MATCH)) || Response.error();
  }
}

/* Background Sync: the outbox (kept by offline.js) is sent when the connection comes back,
   even if the learner closed the page. Only the logged-in learner's items go ("meta"), and
   a result is kept in "results" for the next page to show. A network failure rejects, so
   the browser tries again later; a lost session waits for a page to ask for a login. */
self.addEventListener("sync", (event) => {
  if (event.tag === "outbox") event.waitUntil(sendOutbox());
});

function openDatabase() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open("crisis-ready", 1);
    request.onupgradeneeded = () => {  // the same stores as offline.js makes
      for (const [name, key] of [["modules", "module"], ["outbox", "id"], ["results", "id"]]) {
        request.result.createObjectStore(name, { keyPath: key });
      }
      request.result.createObjectStore("meta");
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function inStore(database, name, mode, work) {
  return new Promise((resolve, reject) => {
    const transaction = database.transaction(name, mode);
    const request = work(transaction.objectStore(name));
    transaction.oncomplete = () => resolve(request.result);
    transaction.onerror = () => reject(transaction.error);
  });
}

async function sendOutbox() {
  const database = await openDatabase();
  const user = await inStore(database, "meta", "readonly", (s) => s.get("user"));
  const urls = await inStore(database, "meta", "readonly", (s) => s.get("urls"));
  const all = await inStore(database, "outbox", "readonly", (s) => s.getAll());
  const items = all.filter((item) => item.user === user);
  if (!user || !urls || !items.length) return;
  // An open page sends the outbox itself (and shows the results): two senders would each
  // fetch a CSRF token, and the second would make the first one's stale.
  if ((await self.clients.matchAll({ type: "window" })).length) return;
  const tokenResponse = await fetch(urls.token, { credentials: "same-origin" });
  if (!tokenResponse.ok) return;
  const { csrf_token: token } = await tokenResponse.json();
  // Each item goes to the endpoint it names (a workshop's roll call), else the learner's.
  const groups = new Map();
  for (const item of items) groups.set(item.sync || urls.sync, [...(groups.get(item.sync || urls.sync) || []), item]);
  const byId = new Map(items.map((item) => [item.id, item]));
  for (const [url, group] of groups) {
    const response = await fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": token },
      body: JSON.stringify({ items: group.map(({ user: _u, page: _p, title: _t, sync: _s, ...item }) => item) }),
    });
    if (!response.ok) return;  // 401 and the like: a page will show what to do
    const { results } = await response.json();
    for (const result of results) {
      await inStore(database, "results", "readwrite", (s) => s.put({ ...result, user, item: byId.get(result.id) }));
      await inStore(database, "outbox", "readwrite", (s) => s.delete(result.id));
    }
  }
  for (const client of await self.clients.matchAll()) client.postMessage("outbox-sent");
}
