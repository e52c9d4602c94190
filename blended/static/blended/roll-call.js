/* The roll call offline (templates/blended/roll_call.html).

   Online, the form posts as it does without JavaScript. Offline, each line the facilitator
   changed goes in the outbox that offline.js keeps for the learner pages (the "outbox-queue"
   event), with the time it was changed on this phone; offline.js gives each an id (the
   mark's client_id) and sends it to /workshops/sync/ once the phone is back online, where it
   is recorded once, however often it is sent. The words come from data-t-* attributes. */

const form = document.querySelector("[data-roll-call]");

/* When each line was changed on this phone: what the mark says was its time. */
form.addEventListener("change", (event) => {
  const fieldset = event.target.closest("[data-participant]");
  if (fieldset) fieldset.dataset.changedAt = new Date().toISOString();
});

function changedLines() {
  return [...form.querySelectorAll("[data-participant]")].flatMap((fieldset) => {
    const checked = fieldset.querySelector("input[type=radio]:checked");
    if (!checked || checked.value === fieldset.dataset.shown) return [];
    return [{ fieldset, status: checked.value }];
  });
}

form.addEventListener("submit", (event) => {
  if (navigator.onLine || !("indexedDB" in window)) return;
  event.preventDefault();
  const lines = changedLines();
  const now = new Date().toISOString();
  const items = lines.map(({ fieldset, status }) => ({
    type: "attendance_mark",
    session: Number(form.dataset.session),
    participant: Number(fieldset.dataset.participant),
    status,
    marked_at: fieldset.dataset.changedAt || now,
    sync: form.dataset.syncUrl,
  }));
  if (items.length) document.dispatchEvent(new CustomEvent("outbox-queue", { detail: { items } }));
  for (const { fieldset, status } of lines) {
    // Kept: the same choice is not queued again, nor posted again once online.
    fieldset.dataset.shown = status;
    fieldset.querySelector("input[type=hidden]").value = status;
    const note = fieldset.querySelector("[data-queued]");
    note.textContent = form.dataset.tQueued;
    note.hidden = false;
  }
  form.querySelector("[data-roll-offline]").textContent = items.length ? form.dataset.tQueued : form.dataset.tNothing;
});

/* Back online, offline.js says what the server made of each mark: shown by the person. */
document.addEventListener("outbox-synced", (event) => {
  for (const result of event.detail.results) {
    if (result.session !== Number(form.dataset.session)) continue;
    const note = form.querySelector(`[data-participant="${result.participant}"] [data-queued]`);
    if (note) {
      note.textContent = result.message;
      note.hidden = false;
    }
  }
  form.querySelector("[data-roll-offline]").textContent = "";
});

/* The roll is kept on the phone with the saved lessons (logging out forgets them all), so it
   opens again without a connection; the service worker refreshes it at each visit online. */
async function keepForOffline() {
  if (!("caches" in window) || !navigator.onLine) return;
  const cache = await caches.open("crisis-ready-pages"); // PAGES_CACHE of offline.js and sw.js
  if (!(await cache.match(location.href, { ignoreVary: true }))) await cache.add(location.href);
}

keepForOffline().catch(() => { /* no room, or the connection went: it works online all the same */ });
