/* global window, document, location, URL, URLSearchParams */
// The example parent page of the embed API (README, "Embed API"): loads embed.html in an iframe with
// `origins=` set to this page's origin, sends it commands and logs its events. Plain script, no build.
(function () {
  'use strict';
  var PROTOCOL = 'codon-lab-embed';
  var VERSION = 1;
  var params = new URLSearchParams(location.search);
  var frame = document.getElementById('playground');
  var embedUrl = embedAddress(frame.getAttribute('data-embed'));
  embedUrl.searchParams.set('v', '1');
  embedUrl.searchParams.set('lesson', params.get('lesson') || '02-the-bug');
  embedUrl.searchParams.set('program', params.get('program') || 'bug');
  embedUrl.searchParams.set('id', 'example');
  // Only this page may drive the embed, and only this page receives its events.
  embedUrl.searchParams.set('origins', location.origin);
  var log = document.getElementById('log');
  frame.src = embedUrl.href;
  var embedOrigin = embedUrl.origin;

  /**
   * The embed to frame. Never from the query: an address there (`?embed=javascript:...`) would run on this
   * page's origin. The page's own markup names it (`data-embed`): this site's embed.html, next to this
   * page; a copy of this page on another site names its deployment there. Only an http(s) address of an
   * `embed.html` is framed; anything else frames this site's own.
   */
  function embedAddress(named) {
    var own = new URL('embed.html', location.href);
    var url;
    try {
      url = new URL(named || 'embed.html', location.href);
    } catch {
      return own;
    }
    var page = url.pathname.split('/').pop();
    if ((url.protocol !== 'https:' && url.protocol !== 'http:') || page !== 'embed.html') return own;
    url.search = '';
    url.hash = '';
    return url;
  }

  function send(command) {
    var message = Object.assign({ protocol: PROTOCOL, version: VERSION }, command);
    frame.contentWindow.postMessage(message, embedOrigin);
  }
  window.codonLab = { send: send, events: [] };

  document.querySelectorAll('[data-command]').forEach(function (button) {
    button.addEventListener('click', function () {
      send(JSON.parse(button.getAttribute('data-command')));
    });
  });

  window.addEventListener('message', function (event) {
    // Only the embed's own origin and window, and only this protocol.
    if (event.origin !== embedOrigin || event.source !== frame.contentWindow) return;
    var data = event.data;
    if (!data || data.protocol !== PROTOCOL || data.version !== VERSION) return;
    window.codonLab.events.push(data);
    if (data.type === 'resize') frame.style.height = Math.min(data.height, 4000) + 'px';
    var item = document.createElement('li');
    item.textContent = JSON.stringify(data);
    log.appendChild(item);
    while (log.children.length > 200) log.removeChild(log.firstChild);
  });
})();
