// Registers the offline service worker (sw.js, made by vite-plugin-pwa's Workbox build; README, "Offline").
// A file, not an inline script: the page's CSP allows scripts from its own origin only. A browser that
// refuses (a private window, a third-party frame) just stays online-only.
/* global window, navigator, document, URL, sessionStorage */
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

// A page that was open when a new version was deployed keeps running the old one, and the new service
// worker has deleted the old version's files (as the server has). When that page then lazily needs one of
// them (a lesson's text, the diagram, Monaco), Vite reports `vite:preloadError`: load the page again, which
// gives the new version at the same address (the address holds the view; edits are in localStorage). At
// most once a minute, so a file that is missing from the new version too cannot make the page reload in
// a loop: then the error is reported as before.
window.addEventListener('vite:preloadError', function () {
  var key = 'codon-lab:reloaded-for-update';
  var now = Date.now();
  try {
    var last = Number(sessionStorage.getItem(key));
    if (last && now - last < 60000) return;
    sessionStorage.setItem(key, String(now));
  } catch {
    // No sessionStorage (a sandboxed frame): without the guard, do not reload.
    return;
  }
  window.location.reload();
});
