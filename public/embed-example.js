/* global window, document, location, URL, URLSearchParams */
// The example parent page of the embed API (README, "Embed API"): loads embed.html in an iframe with
// `origins=` set to this page's origin, sends it commands and logs its events. Plain script, no build.
(function () {
  'use strict';
  var PROTOCOL = 'codon-lab-embed';
  var VERSION = 1;
  var params = new URLSearchParams(location.search);
  var embedBase = params.get('embed') || new URL('embed.html', location.href).href;
  var embedUrl = new URL(embedBase);
  embedUrl.searchParams.set('v', '1');
  embedUrl.searchParams.set('lesson', params.get('lesson') || '02-the-bug');
  embedUrl.searchParams.set('program', params.get('program') || 'bug');
  embedUrl.searchParams.set('id', 'example');
  // Only this page may drive the embed, and only this page receives its events.
  embedUrl.searchParams.set('origins', location.origin);
  var frame = document.getElementById('playground');
  var log = document.getElementById('log');
  frame.src = embedUrl.href;
  var embedOrigin = embedUrl.origin;

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
