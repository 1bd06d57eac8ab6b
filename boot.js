// Starts the app from a file rather than an inline script, so that the page's Content-Security-Policy
// can forbid inline scripts. Trunk writes the hashed names of the bundle on this script's tag.
const tag = document.querySelector("script[data-app-js]");
const here = new URL(".", import.meta.url);
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
