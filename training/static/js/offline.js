/* Crisis Ready offline features, for logged-in learners (base.html loads this module only for
   them: anonymous pages are cached whole and carry no script).

   - registers the service worker (templates/sw.js, at /sw.js);
   - "Make available offline" on module and course pages: saves the pages, images, style
     sheet and quiz questions a module needs (the list comes from /learn/modules/<id>/offline/)
     in the Cache API, with progress and size, and records the module in IndexedDB;
   - says which modules are saved (module and course pages, the offline page), and when a
     saved module has changed on the server ("Update available"), updates it;
   - shows "You are offline: showing saved pages" while the connection is down;
   - the outbox: "Mark complete" and quiz answers made offline are kept in IndexedDB, each with
     an id made here, and sent to /learn/sync/ on page load, on `online` and by Background
     Sync (templates/sw.js); each item's result is shown. A stale CSRF token is refreshed
     once; a lost session keeps the outbox and asks the learner to log in;
   - other pages' scripts put their items in the same outbox with an "outbox-queue" event
     (the workshop roll call: blended/static/blended/roll-call.js); such an item names the
     endpoint that takes it (`sync`), answering as /learn/sync/ does. Results are announced
     with an "outbox-synced" event.

   Every word shown comes from data-t-* attributes the templates translate; "{name}" marks
   what is filled in here. No framework, no build step: edit and reload. */

const PAGES_CACHE = "crisis-ready-pages"; // also named in templates/sw.js
const status = document.querySelector("[data-offline-status]");

/* IndexedDB, shared with templates/sw.js: "modules" (what is saved, by module id), "outbox"
   (what waits to sync, by its id), "results" (what Background Sync sent with no page open),
   "meta" (the learner now logged in, so the worker sends only their outbox). */
let database = null; // one connection per page, opened on first use

function openDatabase() {
  database ||= new Promise((resolve, reject) => {
    const request = indexedDB.open("crisis-ready", 1);
    request.onupgradeneeded = () => {
      request.result.createObjectStore("modules", { keyPath: "module" });
      request.result.createObjectStore("outbox", { keyPath: "id" });
      request.result.createObjectStore("results", { keyPath: "id" });
      request.result.createObjectStore("meta");
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  return database;
}

async function store(name, mode, work) {
  const connection = await openDatabase();
  return new Promise((resolve, reject) => {
    const transaction = connection.transaction(name, mode);
    const request = work(transaction.objectStore(name));
    transaction.oncomplete = () => resolve(request && request.result);
    transaction.onerror = () => reject(transaction.error);
  });
}

const allOf = (name) => store(name, "readonly", (s) => s.getAll());
const putIn = (name, value, key) => store(name, "readwrite", (s) => s.put(value, key));
const deleteFrom = (name, key) => store(name, "readwrite", (s) => s.delete(key));

/* Words from data-t-* attributes: say(panel, "saved", {size: "2 MB"}). */
function say(element, name, values = {}) {
  const key = "t" + name.replace(/(^|-)(\w)/g, (_, dash, letter) => letter.toUpperCase());
  const text = element.dataset[key] || "";
  return text.replace(/\{(\w+)\}/g, (_, word) => (word in values ? values[word] : ""));
}

function formatSize(bytes) {
  const megabytes = bytes / (1024 * 1024);
  const [value, unit] = megabytes >= 1 ? [megabytes, "megabyte"] : [Math.max(bytes / 1024, 1), "kilobyte"];
  return new Intl.NumberFormat(document.documentElement.lang, {
    style: "unit", unit, maximumFractionDigits: 1,
  }).format(value);
}

/* The connection. `navigator.onLine` false is sure; true may still be a dead network, which
   the service worker handles by serving saved pages. */
function showConnection() {
  const indicator = status.querySelector("[data-offline-indicator]");
  indicator.hidden = navigator.onLine;
}

/* Saving: each URL is fetched and put in the cache one after the other, so a slow network
   gets one request at a time and the progress moves file by file. */
async function saveModule(bundle, onProgress) {
  const cache = await caches.open(PAGES_CACHE);
  const required = bundle.urls;
  const all = [...required, ...bundle.quizzes];
  let stored = 0;
  for (const [index, url] of all.entries()) {
    const response = await fetch(url, { credentials: "same-origin", cache: "no-cache" });
    if (response.ok && !response.redirected) {
      stored += (await response.clone().blob()).size;
      await cache.put(url, response);
    } else if (index < required.length) {
      throw new Error(`${url}: ${response.status}`);
    } // a quiz that cannot be taken offline (time limit, already passed) is simply left out
    onProgress(index + 1, all.length, stored);
  }
  const record = { ...bundle, stored, savedAt: Date.now() };
  await putIn("modules", record);
  return record;
}

/* Removing: the module's files go, except those another saved module still uses. */
async function removeModule(record) {
  const others = (await allOf("modules")).filter((saved) => saved.module !== record.module);
  const kept = new Set(others.flatMap((saved) => [...saved.urls, ...saved.quizzes]));
  const cache = await caches.open(PAGES_CACHE);
  for (const url of [...record.urls, ...record.quizzes]) {
    if (!kept.has(url)) await cache.delete(url);
  }
  await deleteFrom("modules", record.module);
}

async function fetchBundles(panel) {
  const response = await fetch(panel.dataset.endpoint, { credentials: "same-origin" });
  if (!response.ok) throw new Error(String(response.status));
  const data = await response.json();
  return data.modules || [data];
}

/* One panel: a module's, or a course's (all its modules). */
async function setUpPanel(panel) {
  if (!("caches" in window) || !("serviceWorker" in navigator)) {
    panel.hidden = false;
    panel.querySelector("[data-offline-state]").textContent = say(panel, "unsupported");
    panel.querySelector("[data-offline-save]").hidden = true;
    return;
  }
  const state = panel.querySelector("[data-offline-state]");
  const progress = panel.querySelector("[data-offline-progress]");
  const saveButton = panel.querySelector("[data-offline-save]");
  const removeButton = panel.querySelector("[data-offline-remove]");
  const courseId = Number(panel.dataset.course);
  const moduleId = Number(panel.dataset.module);
  let bundles = null; // from the server, when online

  const mine = async () => (await allOf("modules")).filter((saved) =>
    courseId ? saved.course_id === courseId : saved.module === moduleId);

  async function show(message) {
    const saved = await mine();
    const total = bundles ? bundles.length : saved.length;
    const size = formatSize(saved.reduce((sum, record) => sum + record.stored, 0));
    const complete = saved.length > 0 && saved.length >= total;
    if (message) state.textContent = message;
    else if (complete) state.textContent = say(panel, "saved", { size });
    else if (saved.length) state.textContent = say(panel, "some-saved", { done: saved.length, total, size });
    else if (bundles) state.textContent = say(panel, "not-saved", { size: formatSize(bundles.reduce((sum, b) => sum + b.bytes, 0)) });
    saveButton.hidden = complete || !navigator.onLine;
    removeButton.hidden = saved.length === 0;
    panel.hidden = false;
    await listSaved();
  }

  async function save(which) {
    saveButton.disabled = true;
    const files = which.reduce((sum, bundle) => sum + bundle.urls.length + bundle.quizzes.length, 0);
    let done = 0;
    let bytes = 0;
    progress.hidden = false;
    progress.max = files;
    try {
      // Asked while the learner presses the button: browsers grant it more readily then.
      if (navigator.storage && navigator.storage.persist) navigator.storage.persist();
      await navigator.serviceWorker.ready; // so the saved pages open when the network is gone
      for (const bundle of which) {
        const before = done;
        const beforeBytes = bytes;
        await saveModule(bundle, (count, _total, stored) => {
          done = before + count;
          bytes = beforeBytes + stored;
          progress.value = done;
          state.textContent = say(panel, "saving", { done, total: files, size: formatSize(bytes) });
        });
      }
      await show();
      return true;
    } catch (error) {
      await show(say(panel, "failed"));
      return false;
    } finally {
      progress.hidden = true;
      saveButton.disabled = false;
    }
  }

  saveButton.addEventListener("click", async () => {
    try {
      bundles = await fetchBundles(panel);
    } catch (error) {
      state.textContent = say(panel, navigator.onLine ? "refused" : "failed");
      return;
    }
    const saved = new Set((await mine()).map((record) => record.module));
    await save(bundles.filter((bundle) => !saved.has(bundle.module)));
  });

  removeButton.addEventListener("click", async () => {
    for (const record of await mine()) await removeModule(record);
    await show(say(panel, "removed"));
    saveButton.focus();
  });

  await show();
  if (!navigator.onLine) return;
  // Online: learn the size to expect and whether a saved copy is out of date.
  try {
    bundles = await fetchBundles(panel);
  } catch (error) {
    return;
  }
  const saved = new Map((await mine()).map((record) => [record.module, record]));
  const changed = bundles.filter((b) => saved.has(b.module) && saved.get(b.module).version !== b.version);
  if (changed.length) {
    // "Updates on the next visit online": say so, then save the new version over the old
    // one (which stays readable if the connection drops meanwhile), then drop what it no
    // longer uses.
    state.textContent = say(panel, "update");
    if (await save(changed)) {
      for (const bundle of changed) await forgetUnused(saved.get(bundle.module), bundle);
      await show(say(panel, "updated"));
    }
  } else {
    await show();
  }
}

async function forgetUnused(old, current) {
  const others = (await allOf("modules")).filter((record) => record.module !== old.module);
  const used = new Set([current, ...others].flatMap((record) => [...record.urls, ...record.quizzes]));
  const cache = await caches.open(PAGES_CACHE);
  for (const url of [...old.urls, ...old.quizzes]) {
    if (!used.has(url)) await cache.delete(url);
  }
}

/* The saved modules, as links, wherever a page has a [data-offline-list]. */
async function listSaved() {
  const saved = (await allOf("modules")).sort((a, b) => a.title.localeCompare(b.title));
  for (const container of document.querySelectorAll("[data-offline-list]")) {
    if (!saved.length) {
      if (container.dataset.empty) container.replaceChildren(paragraph(container.dataset.empty));
      const wrapper = container.closest("[data-offline-saved]");
      if (wrapper) wrapper.hidden = true;
      continue;
    }
    const list = document.createElement("ul");
    list.className = "offline-list";
    for (const record of saved) {
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = record.url;
      link.textContent = record.title;
      item.append(link, ` (${record.course}, ${formatSize(record.stored)})`);
      list.append(item);
    }
    container.replaceChildren(list);
    const wrapper = container.closest("[data-offline-saved]");
    if (wrapper) wrapper.hidden = false;
  }
}

function paragraph(text) {
  const element = document.createElement("p");
  element.textContent = text;
  return element;
}

/* Logging out forgets the saved pages: the next person on a shared phone must not read this
   learner's pages. (The outbox stays: it belongs to this learner and is sent only for them.) */
function forgetOnLogout(form) {
  form.addEventListener("submit", async (event) => {
    if (form.dataset.cleared) return;
    event.preventDefault();
    try {
      await caches.delete(PAGES_CACHE);
      for (const record of await allOf("modules")) await deleteFrom("modules", record.module);
      await putIn("meta", null, "user");
    } finally {
      form.dataset.cleared = "yes";
      form.requestSubmit();
    }
  });
}

/* The outbox. */

const user = status && Number(status.dataset.user);
let sending = false;

const myOutbox = async () => (await allOf("outbox")).filter((item) => item.user === user);

async function showOutbox() {
  const waiting = await myOutbox();
  const line = status.querySelector("[data-outbox-count]");
  line.textContent = say(status, "waiting", { count: waiting.length });
  line.hidden = waiting.length === 0;
  // A saved copy of a lesson still says "Mark complete": say it is waiting instead.
  const lessons = new Set(waiting.map((item) => String(item.lesson)));
  for (const form of document.querySelectorAll("[data-outbox-lesson]")) {
    if (lessons.has(form.dataset.outboxLesson)) showQueued(form);
  }
}

function showQueued(form) {
  const text = form.querySelector(".completion__status, .quiz-actions") || form;
  text.textContent = say(status, "queued");
  form.querySelectorAll("button").forEach((button) => { button.hidden = true; });
}

async function queue(item, form) {
  await putIn("outbox", { ...item, id: crypto.randomUUID(), user, page: location.pathname, title: document.title });
  if (form) showQueued(form);
  await showOutbox();
  try {
    const registration = await navigator.serviceWorker.ready;
    if (registration.sync) await registration.sync.register("outbox");
  } catch (error) { /* no Background Sync: page load and `online` send it */ }
}

/* Offline, the forms would fail: their answers go in the outbox instead. Online, they post
   as they always did (and as they do without JavaScript). */
function interceptWhenOffline(form) {
  form.addEventListener("submit", (event) => {
    if (navigator.onLine) return;
    const attempt = (event.submitter?.getAttribute("formaction") || "").match(/attempts\/(\d+)\/submit\/$/);
    if (form.dataset.outboxLesson) {
      event.preventDefault();
      queue({ type: "lesson_complete", lesson: Number(form.dataset.outboxLesson) }, form);
    } else if (attempt) {
      event.preventDefault();
      queue({ type: "quiz_submit", attempt: Number(attempt[1]), answers: quizAnswers(form) }, form);
    }
  });
}

/* The quiz form's fields ("q-<question id>") as the sync endpoint takes them. */
function quizAnswers(form) {
  const answers = {};
  for (const field of form.querySelectorAll("[name^='q-']")) {
    const question = field.name.slice(2);
    if (field.type === "text" || field.tagName === "TEXTAREA") answers[question] = field.value;
    else if (field.value === "true" || field.value === "false") {
      if (field.checked) answers[question] = field.value;
    } else {
      answers[question] = answers[question] || [];
      if (field.checked) answers[question].push(field.value);
    }
  }
  return answers;
}

function csrfToken() {
  const cookie = document.cookie.split("; ").find((part) => part.startsWith("csrftoken="));
  if (cookie) return cookie.slice("csrftoken=".length);
  const field = document.querySelector("[name=csrfmiddlewaretoken]");
  return field ? field.value : "";
}

/* What an item sends: all but what only this device needs to know. */
const sent = ({ user: _user, page: _page, title: _title, sync: _sync, ...item }) => item;

async function post(url, items, token) {
  return fetch(url, {
    method: "POST",
    credentials: "same-origin",
    headers: { "Content-Type": "application/json", "X-CSRFToken": token },
    body: JSON.stringify({ items: items.map(sent) }),
  });
}

/* The outbox's items by the endpoint that takes them: the learner's, unless they name one. */
function byEndpoint(items) {
  const groups = new Map();
  for (const item of items) {
    const url = item.sync || status.dataset.syncUrl;
    groups.set(url, [...(groups.get(url) || []), item]);
  }
  return groups;
}

/* Send what waits, once at a time. Every item that gets a result leaves the outbox. */
async function sendOutbox() {
  if (sending || !navigator.onLine) return;
  const items = await myOutbox();
  if (!items.length) return;
  sending = true;
  const shown = [];
  let problem = "";
  try {
    let token = csrfToken();
    for (const [url, group] of byEndpoint(items)) {
      let response = await post(url, group, token);
      if (response.status === 403) {
        // The token went stale (a new login, another tab): fetch a fresh one and try once more.
        const fresh = await fetch(status.dataset.tokenUrl, { credentials: "same-origin" });
        if (fresh.ok) {
          token = (await fresh.json()).csrf_token;
          response = await post(url, group, token);
        }
      }
      if (response.status === 401) {
        showLogin((await response.json()).login_url);
        return;
      } else if (response.ok) {
        const { results } = await response.json();
        for (const result of results) await deleteFrom("outbox", result.id);
        shown.push(...results);
        showSynced(results, group);
        document.dispatchEvent(new CustomEvent("outbox-synced", { detail: { results } }));
      } else if (response.status === 400 || response.status === 404) {
        // The server will never take these items: say why and let them go, keep the rest.
        const { errors } = await response.json();
        const refused = errors.filter((error) => error.id).map((error) => ({ ...error, status: "refused" }));
        for (const error of refused) await deleteFrom("outbox", error.id);
        shown.push(...refused);
      } else {
        problem = say(status, "error");
      }
    }
  } catch (networkError) {
    problem = say(status, "error");
  } finally {
    sending = false;
    await showOutbox();
  }
  showResults(shown, items, problem);
}

/* A lesson form that said "waiting" now says what the server made of it. */
function showSynced(results, items) {
  const byId = new Map(items.map((item) => [item.id, item]));
  for (const result of results) {
    const item = byId.get(result.id);
    const form = item && document.querySelector(`[data-outbox-lesson="${item.lesson}"]`);
    const text = form && form.querySelector(".completion__status");
    if (text) text.textContent = result.message;
  }
}

function showLogin(loginUrl) {
  const list = status.querySelector("[data-sync-results]");
  const item = document.createElement("li");
  const link = document.createElement("a");
  link.href = loginUrl;
  link.textContent = say(status, "login-link");
  item.append(say(status, "login"), " ", link);
  list.replaceChildren(item);
  list.hidden = false;
}

/* One line per result: what it was (lesson or quiz, its page's title) and the server's words. */
function showResults(results, items, message) {
  const list = status.querySelector("[data-sync-results]");
  const byId = new Map(items.map((item) => [item.id, item]));
  const lines = results.map((result) => {
    const item = byId.get(result.id) || {};
    const line = document.createElement("li");
    line.className = `sync-result sync-result--${result.status}`;
    // A lesson's message names it; a quiz's gives the score, so the quiz's title goes first.
    const title = (item.title || "").split(" · ")[0];
    line.textContent = item.type === "quiz_submit" ? `${title}: ${result.message}` : result.message;
    return line;
  });
  if (message) lines.push(paragraphItem(message));
  if (!lines.length) return;
  list.replaceChildren(...lines);
  list.hidden = false;
}

function paragraphItem(text) {
  const line = document.createElement("li");
  line.textContent = text;
  return line;
}

/* A quiz offline: the questions saved with its module (no answers in them) become a form
   like the online one, whose answers go in the outbox for the attempt opened when saving. */
async function offerOfflineQuiz(holder) {
  if (navigator.onLine || !("caches" in window)) return;
  const saved = await caches.match(holder.dataset.offlineQuiz);
  if (!saved) return;
  const quiz = await saved.json();
  const form = document.createElement("form");
  form.className = "quiz-form";
  for (const question of quiz.questions) form.append(questionFieldset(holder, question));
  const submit = document.createElement("button");
  submit.type = "submit";
  submit.className = "button";
  submit.textContent = say(holder, "submit");
  const actions = document.createElement("p");
  actions.className = "quiz-actions";
  actions.append(submit);
  form.append(actions);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    queue({ type: "quiz_submit", attempt: quiz.attempt, answers: quizAnswers(form) }, form);
  });
  // The online-only parts (start, continue) make way for the form.
  for (const sibling of holder.parentElement.children) {
    if (sibling !== holder && sibling.tagName !== "H2") sibling.hidden = true;
  }
  holder.replaceChildren(paragraph(say(holder, "intro")), form);
  holder.hidden = false;
}

function questionFieldset(holder, question) {
  const fieldset = document.createElement("fieldset");
  fieldset.className = "question";
  if (question.language) fieldset.lang = question.language;
  const legend = document.createElement("legend");
  legend.className = "question__legend";
  legend.textContent = say(holder, "question", { number: question.number });
  // The prompt is rich text from the server; shown as plain text, nothing in it runs.
  const prompt = paragraph(new DOMParser().parseFromString(question.prompt, "text/html").body.textContent);
  fieldset.append(legend, prompt);
  const name = `q-${question.id}`;
  const id = (suffix) => `offline-answer-${question.number}-${suffix}`;
  const option = (type, value, text, suffix) => {
    const row = document.createElement("div");
    row.className = "choice";
    const input = Object.assign(document.createElement("input"), { type, name, value, id: id(suffix) });
    const label = Object.assign(document.createElement("label"), { htmlFor: id(suffix), textContent: text });
    row.append(input, label);
    return row;
  };
  const choices = document.createElement("div");
  choices.className = "choices";
  if (question.type === "short_answer") {
    choices.className = "field";
    const label = Object.assign(document.createElement("label"), { htmlFor: id("text"), textContent: say(holder, "answer") });
    const input = Object.assign(document.createElement("input"), { type: "text", name, id: id("text"), maxLength: 500, dir: "auto" });
    choices.append(label, input);
  } else if (question.type === "true_false") {
    choices.append(option("radio", "true", say(holder, "true"), "true"), option("radio", "false", say(holder, "false"), "false"));
  } else {
    const type = question.type === "multiple_choice" ? "checkbox" : "radio";
    question.choices.forEach((choice, index) => choices.append(option(type, choice.id, choice.text, index)));
  }
  fieldset.append(choices);
  return fieldset;
}

/* What Background Sync sent while no page was open: shown once, then forgotten. */
async function showWorkerResults() {
  const results = (await allOf("results")).filter((result) => result.user === user);
  if (!results.length) return;
  showResults(results, results.map((result) => result.item).filter(Boolean));
  for (const result of results) await deleteFrom("results", result.id);
}

if (status) {
  showConnection();
  window.addEventListener("online", showConnection);
  window.addEventListener("offline", showConnection);
  if ("indexedDB" in window) {
    putIn("meta", user, "user");
    putIn("meta", { sync: status.dataset.syncUrl, token: status.dataset.tokenUrl }, "urls");
    document.querySelectorAll("[data-outbox-lesson], .quiz-form").forEach(interceptWhenOffline);
    // Not awaited one by one: each item waits for the service worker on its own.
    document.addEventListener("outbox-queue", (event) => event.detail.items.forEach((item) => queue(item)));
    document.querySelectorAll("[data-offline-quiz]").forEach(offerOfflineQuiz);
    // Any other form offline (enrol, start a quiz, log out) would end on a browser error:
    // the offline page says what still works instead.
    document.addEventListener("submit", (event) => {
      if (navigator.onLine || event.defaultPrevented || event.target.method !== "post") return;
      event.preventDefault();
      location.assign(status.dataset.offlinePage);
    });
    showOutbox().then(showWorkerResults).then(sendOutbox);
    window.addEventListener("online", sendOutbox);
    navigator.serviceWorker?.addEventListener("message", (event) => {
      if (event.data === "outbox-sent") showOutbox().then(showWorkerResults);
    });
  }
  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.register(status.dataset.worker, { scope: "/" });
  }
  document.querySelectorAll("[data-logout]").forEach(forgetOnLogout);
  document.querySelectorAll("[data-offline-panel]").forEach((panel) => setUpPanel(panel));
  if (!document.querySelector("[data-offline-panel]") && "indexedDB" in window) listSaved();
}
