// Starts the app from a file rather than an inline script, so that the page's Content-Security-Policy
// can forbid inline scripts. Trunk writes the hashed names of the bundle on this script's tag.
const tag = document.querySelector("script[data-app-js]");
const here = new URL(".", import.meta.url);
const { default: init } = await import(new URL(tag.dataset.appJs, here).href);
await init({ module_or_path: new URL(tag.dataset.appWasm, here) });
