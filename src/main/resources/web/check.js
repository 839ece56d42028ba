// Parley's connection check (GET /check): tests, from this device, each step of joining and
// says in plain words which one failed and what to do. `?server=HOST:PORT` checks another
// server than the one that served the page (add `&tls=1` for an encrypted one).
(() => {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const TIMEOUT_MS = 6000;
  const params = new URLSearchParams(location.search);
  const served = location.protocol === 'http:' || location.protocol === 'https:';
  const target = params.get('server') || location.host;
  const secure = params.has('server') ? params.get('tls') === '1' : location.protocol === 'https:';
  const sameOrigin = served && target === location.host;
  const port = (target.includes(']') ? target.split(']:')[1] : target.split(':')[1]) || (secure ? '443' : '80');

  function step(id, state, words) {
    $(id).dataset.state = state;
    $(id).querySelector('.words').textContent = words;
  }

  async function reachHttp() {
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), TIMEOUT_MS);
    try {
      // Another origin's answer cannot be read, but that it came is all this step asks.
      await fetch(`${secure ? 'https' : 'http'}://${target}/healthz`,
        { cache: 'no-store', mode: sameOrigin ? 'same-origin' : 'no-cors', signal: abort.signal });
      return true;
    } catch {
      return false;
    } finally {
      clearTimeout(timer);
    }
  }

  function reachWebSocket() {
    return new Promise((resolve) => {
      let ws;
      try {
        ws = new WebSocket(`${secure ? 'wss' : 'ws'}://${target}/ws?probe=1`);
      } catch {
        resolve(false);
        return;
      }
      const timer = setTimeout(() => { ws.close(); resolve(false); }, TIMEOUT_MS);
      // The server closes a probe at once with 1000: the upgrade went through.
      ws.onclose = (event) => { clearTimeout(timer); resolve(event.code === 1000); };
    });
  }

  async function run() {
    $('target').textContent = target;
    $('join-link').hidden = true;
    $('summary').textContent = 'Checking…';
    step('step-http', 'running', 'checking…');
    step('step-ws', 'waiting', 'waiting…');
    step('step-tls', 'waiting', 'waiting…');
    if (!(await reachHttp())) {
      step('step-http', 'fail', `Nothing answered at ${target}. Check that the host's Parley is running`
        + ' and still hosting, that this device is on the same network (the same Wi-Fi, not a guest'
        + ' network, and no VPN), and that the address is the one the host shows. If all that is right,'
        + ` the host's firewall probably blocks port ${port}: the host's window shows the command that opens it.`);
      step('step-ws', 'waiting', 'not tried: the server must be reached first.');
      step('step-tls', 'waiting', secure
        ? 'not tried. If your browser warned about the certificate, accept it only when the fingerprint matches the one the host shows.'
        : 'not tried.');
      $('summary').textContent = 'The server cannot be reached from this device.';
      return;
    }
    step('step-http', 'ok', `The server at ${target} answered.`);
    const live = await reachWebSocket();
    step('step-ws', live ? 'ok' : 'fail', live ? 'The live connection the chat uses works.'
      : 'The server answered, but its live connection (WebSocket) was blocked or cut. A proxy, a VPN or'
        + ' security software on this device or network may block WebSockets: try without the VPN or on'
        + ' another network. A page from another site than the server is refused on purpose.');
    step('step-tls', secure ? 'ok' : 'info', secure
      ? 'Encrypted: this browser accepted the server\'s certificate. Its fingerprint should match the one the host shows.'
      : 'Not encrypted: fine at home or in the office; the host can tick "Encrypt (TLS)" for an encrypted room.');
    $('summary').textContent = live ? 'All good: this device can join.' : 'The server is reached, but the chat cannot connect.';
    $('join-link').hidden = !live || !sameOrigin;
  }

  $('again').addEventListener('click', run);
  run();
})();
