// Starts the app from a file rather than an inline script, so that the page's Content-Security-Policy
// can forbid inline scripts. Trunk writes the hashed names of the bundle on this script's tag.
const tag = document.querySelector("script[data-app-js]");
const here = new URL(".", import.meta.url);

// The built-in example is a file of its own, not part of the wasm (src/sample.rs): on a first visit (no data
// kept for the city the page opens) it is fetched beside the wasm (it is a twentieth of its size, and comes
// first), and a returning user's page never waits for it. The app takes the text, or fetches it itself with
// `fetch` when it was not here in time.
const exampleUrl = new URL(tag.dataset.appExample, here);
const fetchExample = () =>
  fetch(exampleUrl).then((response) =>
    response.ok ? response.text() : Promise.reject(new Error(`HTTP ${response.status}`)),
  );
const opensWithoutData = () => {
  try {
    // The keys of src/storage.rs: the first city's data under the versions' first key, others by number.
    const city = Number.parseInt(new URLSearchParams(location.search).get("city") ?? "", 10);
    const key = city > 0 ? `masterplan-tracker/city/${city}/dataset` : "masterplan-tracker/dataset";
    return localStorage.getItem(key) === null;
  } catch {
    // No storage (blocked): the page opens with the example.
    return true;
  }
};
const firstVisit = opensWithoutData() ? fetchExample() : null;

// The app does not wait for the example: it starts at once (its first view has the example's figures), and reads
// the example when the rest of its code is there, by which time the example, fetched first, has come. If not, the
// app asks for it (`fetch`), which takes over the download under way rather than starting another (later asks
// fetch anew).
let underWay = firstVisit;
const fetchOnce = () => {
  const download = underWay ?? fetchExample();
  underWay = null;
  return download;
};
const example = { text: null, coming: firstVisit !== null, fetch: fetchOnce };
globalThis.masterplanExample = example;
firstVisit
  ?.then((text) => {
    if (underWay === firstVisit) {
      example.text = text;
      underWay = null;
    }
  })
  .catch(() => {});

const { default: init } = await import(new URL(tag.dataset.appJs, here).href);
await init({ module_or_path: new URL(tag.dataset.appWasm, here) });

// The service worker (sw.js, written by `cargo xtask dist`) keeps the page working offline. A new build
// found on the host waits; the app is told (`app-update-ready`) and says so; when the user chooses to
// reload, the app saves and answers (`app-update-accept`), the new worker takes over and the page reloads
// into the new build, never running half of each.
if ("serviceWorker" in navigator) {
  try {
    const registration = await navigator.serviceWorker.register(new URL("sw.js", here), {
      scope: here.pathname,
      updateViaCache: "none",
    });
    const announce = () => window.dispatchEvent(new Event("app-update-ready"));
    const watch = (worker) =>
      worker.addEventListener("statechange", () => {
        // Without a controller this is the first worker, not an update.
        if (worker.state === "installed" && navigator.serviceWorker.controller) announce();
      });
    if (registration.waiting && navigator.serviceWorker.controller) announce();
    if (registration.installing) watch(registration.installing);
    registration.addEventListener("updatefound", () => watch(registration.installing));
    window.addEventListener("app-update-accept", () => {
      const waiting = registration.waiting;
      if (!waiting) {
        // Another tab let the new build in already: this page only needs to load it.
        location.reload();
        return;
      }
      navigator.serviceWorker.addEventListener("controllerchange", () => location.reload(), { once: true });
      waiting.postMessage("take-over");
    });
    // A page left open for days looks for a new build when it is shown again, and every hour.
    const check = () => registration.update().catch(() => {});
    document.addEventListener("visibilitychange", () => document.visibilityState === "visible" && check());
    setInterval(check, 60 * 60 * 1000);
  } catch (error) {
    // No worker (a bundle built by trunk alone, or a browser that refuses it): the page works online.
    console.info("service worker not registered:", error);
  }
}
