// Registers the offline service worker (sw.js, made by vite-plugin-pwa's Workbox build; README, "Offline").
// A file, not an inline script: the page's CSP allows scripts from its own origin only. A browser that
// refuses (a private window, a third-party frame) just stays online-only.
/* global window, navigator, document, URL */
if ('serviceWorker' in navigator) {
  // Where this script is (the site's base path): read while it runs, currentScript is null later.
  var script = document.currentScript;
  var base = new URL('.', script && script.src ? script.src : window.location.href);
  window.addEventListener('load', function () {
    navigator.serviceWorker
      .register(new URL('sw.js', base).href, { scope: base.pathname })
      .catch(function () {
        // Not available here: the page works as before, without offline support.
      });
  });
}
