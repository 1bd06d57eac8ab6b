// The app's service worker: after one visit the page opens without a network, from the files of exactly
// one build. `cargo xtask dist` writes it into the bundle with the build's id and its files in place of
// the two placeholders below (trunk alone gives a bundle without it, which works online only).
//
// - One cache per build, named after the app's folder and the build: a page and its files always come from
//   the same build, and another app on the same origin keeps its own caches.
// - Cache first, for the build's own files only; nothing else the page asks for is touched or kept.
// - A new build waits until the page says the user chose to reload (the page announces it); then it takes
//   over, the page reloads into it, and the caches of older builds go.
const BUILD = "__BUILD__";
const FILES = "__FILES__";

const SCOPE = new URL("./", self.location.href);
const PREFIX = `masterplan ${SCOPE.pathname} `;
const CACHE = PREFIX + BUILD;
const PAGE = new URL("index.html", SCOPE).href;
const OWN = new Set(FILES.map((file) => new URL(file, SCOPE).href));

self.addEventListener("install", (event) => {
  event.waitUntil(precache());
});

async function precache() {
  // Straight from the host, never from the HTTP cache, so that every file is this deploy's.
  const responses = await Promise.all(
    FILES.map(async (file) => {
      const response = await fetch(new Request(new URL(file, SCOPE), { cache: "no-store" }));
      if (!response.ok) throw new Error(`${file}: ${response.status}`);
      return [file, response];
    }),
  );
  // A host in the middle of a deploy may serve a page of another build: it must name this build's files.
  const page = responses.find(([file]) => file === "index.html");
  if (page) {
    const html = await page[1].clone().text();
    // The page names the app's module, its wasm and the style sheet; the views' chunks are named by the module.
    const hashed = FILES.filter((file) => /-[0-9a-f]{12,}(\.js|_bg\.wasm|\.css)$/.test(file));
    if (!hashed.every((file) => html.includes(file))) throw new Error("index.html is of another build");
  }
  const cache = await caches.open(CACHE);
  await Promise.all(responses.map(([file, response]) => cache.put(new URL(file, SCOPE).href, response)));
}

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key.startsWith(PREFIX) && key !== CACHE) await caches.delete(key);
      }
      // The first visit's page is served by this worker from now on, so it opens offline at once.
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("message", (event) => {
  if (event.data === "take-over") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  url.hash = "";
  let key = null;
  if (request.mode === "navigate" && (url.href.split("?")[0] === SCOPE.href || url.href.split("?")[0] === PAGE)) {
    // The page under any query (?view=register, ?lang=en) is the one page.
    key = PAGE;
  } else {
    url.search = "";
    if (OWN.has(url.href)) key = url.href;
  }
  if (key === null) return;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      return (await cache.match(key)) || fetch(request);
    })(),
  );
});
