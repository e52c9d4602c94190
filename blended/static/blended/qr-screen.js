/* The facilitator's QR screen (templates/blended/qr_screen.html).

   When the 30-second slot ends, the page fetches itself and swaps in the new code, so the
   screen never goes blank. "Pause the code changes" stops that (WCAG 2.2.2) until pressed
   again; without this script, the "Show the current code" link does the same by hand. */

const button = document.getElementById("qr-pause");
let live = document.getElementById("qr-live");
let timer = null;

function paused() {
  return button.getAttribute("aria-pressed") === "true";
}

function schedule(seconds) {
  clearTimeout(timer);
  if (seconds > 0 && !paused()) timer = setTimeout(update, seconds * 1000);
}

async function update() {
  try {
    const response = await fetch(window.location.href, { cache: "no-store", credentials: "same-origin" });
    if (!response.ok) throw new Error(String(response.status));
    const page = new DOMParser().parseFromString(await response.text(), "text/html");
    const fresh = page.getElementById("qr-live");
    if (!fresh) throw new Error("no code in the page");
    live.replaceWith(fresh);
    live = fresh;
    schedule(Number(fresh.dataset.refresh));
  } catch {
    schedule(5); // the connection dropped: try again shortly
  }
}

if (button && live) {
  button.hidden = false;
  button.addEventListener("click", () => {
    const pause = !paused();
    button.setAttribute("aria-pressed", String(pause));
    if (pause) clearTimeout(timer);
    else update();
  });
  schedule(Number(live.dataset.refresh));
}
